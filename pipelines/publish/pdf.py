"""Print styles shared by the sheet and the monthly report (reportlab, US Letter).

Made for a black-and-white photocopier: black text on white, nothing told by colour alone
(markers are words in bold inside a box), no text under 10 pt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

__all__ = ["STYLES", "build_pdf", "para", "table"]

MARGIN = 0.7 * inch
BODY = 11
STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle(
        "title", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=4
    ),
    "subtitle": ParagraphStyle(
        "subtitle", fontName="Helvetica", fontSize=12, leading=15, spaceAfter=8
    ),
    "h2": ParagraphStyle(
        "h2", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=12, spaceAfter=6
    ),
    "h3": ParagraphStyle(
        "h3", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=3
    ),
    "body": ParagraphStyle("body", fontName="Helvetica", fontSize=BODY, leading=14, spaceAfter=4),
    "small": ParagraphStyle("small", fontName="Helvetica", fontSize=10, leading=12.5),
    "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12.5),
    "cell_bold": ParagraphStyle("cell_bold", fontName="Helvetica-Bold", fontSize=10, leading=12.5),
    "marker": ParagraphStyle(
        "marker",
        fontName="Helvetica-Bold",
        fontSize=BODY,
        leading=14,
        borderWidth=1.2,
        borderColor=colors.black,
        borderPadding=3,
        spaceBefore=4,
        spaceAfter=6,
    ),
}


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: nothing in it is read as markup)."""
    return Paragraph(escape(text), STYLES[style])


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float] | None = None
) -> Table:
    """A ruled black-and-white table with a bold, repeated header row."""
    data = [[para(h, "cell_bold") for h in header]]
    data += [[para(str(cell), "cell") for cell in row] for row in rows]
    result = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 1.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def build_pdf(path: Path, title: str, footer: str, story: list[Flowable]) -> None:
    """Write ``story`` to ``path`` on US Letter, with ``footer`` and page numbers on each page."""

    def decorate(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 10)
        canvas.setFillColor(colors.black)
        canvas.drawString(MARGIN, 0.45 * inch, footer)
        canvas.drawRightString(LETTER[0] - MARGIN, 0.45 * inch, f"Page {doc.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=0.8 * inch,
        title=title,
        author="bdars",
        lang="en-CA",
    )
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)

"""The case file as a PDF for police records: the same bytes every time for the same case.

Built-in fonts only (Helvetica, Courier: never embedded, never substituted), content in a fixed
order, and ReportLab's invariant mode (no creation time, fixed document id); the only date inside
is the case's ``generated`` field.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pipelines.case_file.content import OWN_WORDS, REPORT_FIELDS
from pipelines.case_file.incident_map import incident_map, load_boundaries

_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11.5)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=8, leading=10)
_TITLE = ParagraphStyle("title", parent=_BODY, fontName="Helvetica-Bold", fontSize=16, leading=20)
_HEADING = ParagraphStyle(
    "heading",
    parent=_BODY,
    fontName="Helvetica-Bold",
    fontSize=11.5,
    leading=15,
    spaceBefore=10,
    spaceAfter=4,
    keepWithNext=1,
)
_SUBHEADING = ParagraphStyle(
    "subheading", parent=_BODY, fontName="Helvetica-Bold", fontSize=9.5, spaceBefore=6, spaceAfter=2
)
_GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f1f1f1")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)
_HEADER_GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)
_WIDTH = LETTER[0] - 1.5 * inch


def _p(text: object, style: ParagraphStyle = _SMALL) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _table(rows: list[list[object]], widths: list[float], header: bool = False) -> Table:
    cells = [[_p(cell) for cell in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(_HEADER_GRID if header else _GRID)
    return table


def _report_block(number: int, report: dict[str, Any]) -> list[Any]:
    rows: list[list[object]] = [
        [label, report[field]] for field, label in REPORT_FIELDS if str(report[field])
    ]
    rows += [
        [f"in their words: {name.replace('_', ' ')}", report["own_words"][name]]
        for name in OWN_WORDS
        if report["own_words"].get(name)
    ]
    heading = _p(f"{number}. Report {report['report_id']}", _SUBHEADING)
    return [KeepTogether([heading, _table(rows, [1.6 * inch, _WIDTH - 1.6 * inch])])]


def _story(case: dict[str, Any]) -> list[Any]:
    subject = "aggressor" if case["kind"] == "aggressor" else "lone report"
    story: list[Any] = [
        _p(f"Case file: {subject} {case['case_id']}", _TITLE),
        Spacer(1, 4),
        _table(
            [
                ["generated", case["generated"]],
                ["status", case["status"]],
                ["jurisdiction", case["jurisdiction"]],
                ["priority score", f"{case['score']:.1f}"],
                ["linked reports", len(case["reports"])],
            ],
            [1.6 * inch, _WIDTH - 1.6 * inch],
        ),
        _p("Why it is where it is in the queue", _HEADING),
    ]
    story += [_p(f"• {reason}", _BODY) for reason in case["reasons"]]
    story += [
        _p("Map of incident locations", _HEADING),
        incident_map(case["reports"], load_boundaries(), width=_WIDTH, height=3.6 * inch),
        _p("Numbers on the map are the report numbers below.", _SMALL),
        _p("Linked reports", _HEADING),
    ]
    for number, report in enumerate(case["reports"], start=1):
        story += _report_block(number, report)
    story.append(_p("Evidence behind each link", _HEADING))
    if not case["links"]:
        story.append(_p("No scored links (a single report, or links not computed yet).", _BODY))
    for link in case["links"]:
        rows: list[list[object]] = [["comparison", "evidence", "weight"]]
        rows += [[e["comparison"], e["label"], f"{e['weight']:+.2f}"] for e in link["evidence"]]
        title = f"{link['report_a']} and {link['report_b']}: probability {link['probability']:.3f}"
        story.append(
            KeepTogether(
                [
                    _p(title, _SUBHEADING),
                    _table(rows, [1.3 * inch, _WIDTH - 2.0 * inch, 0.7 * inch], header=True),
                ]
            )
        )
    story.append(_p("Timeline", _HEADING))
    timeline: list[list[object]] = [["when", "report", "event"]]
    timeline += [[e["when"], e["report_id"], e["event"]] for e in case["timeline"]]
    story.append(_table(timeline, [1.3 * inch, 1.1 * inch, _WIDTH - 2.4 * inch], header=True))
    story.append(
        _p("Reporter contacts (only where the reporter consented to police contact)", _HEADING)
    )
    if case["contacts"]:
        contacts: list[list[object]] = [["report", "contact", "wants to give a statement"]]
        contacts += [[c["report_id"], c["contact"], c["wants_statement"]] for c in case["contacts"]]
        story.append(_table(contacts, [1.2 * inch, _WIDTH - 2.8 * inch, 1.6 * inch], header=True))
    else:
        story.append(_p("No reporter of these reports consented to police contact.", _BODY))
    return story


def case_pdf(case: dict[str, Any]) -> bytes:
    """The PDF bytes of a case (see :func:`pipelines.case_file.content.build_case`)."""
    buffer = io.BytesIO()
    footer = (
        f"bdars case file {case['case_id']} - generated {case['generated']} - "
        "confidential: released under the reporters' consent"
    )

    def on_page(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(0.75 * inch, 0.5 * inch, footer)
        canvas.drawRightString(LETTER[0] - 0.75 * inch, 0.5 * inch, f"page {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.75 * inch,
        bottomMargin=0.8 * inch,
        title=f"Case file {case['case_id']}",
        author="bdars",
        subject="Bad date and aggressor case file",
        creator="bdars",
        invariant=1,
    )
    document.build(_story(case), onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()

"""Publishing the monthly stakeholder report as a PDF (US Letter) or an accessible HTML page.

Aggregates only: every figure comes from :func:`analytics.publish.monthly.build_monthly_report`,
already suppressed. Each report written is recorded in the audit log (``report.publish``).
"""

from __future__ import annotations

import base64
import io
import json
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Image, KeepTogether, ListFlowable, ListItem
from sqlalchemy import Engine

from analytics.publish.monthly import MonthlyReport, ReportTable, build_monthly_report, month_bounds
from pipelines import audit
from pipelines.errors import ConfigError
from pipelines.publish import charts, html, pdf
from pipelines.publish.data import REPORT_ACTION, load_changes, load_reports
from pipelines.publish.sheet import output_format

__all__ = ["publish_report", "report_html", "report_pdf"]

INTRO = (
    "Aggregate figures from the Bad Date and Aggressor Reporting System for the monthly "
    "stakeholder meeting. Nothing here identifies a reporter: counts of 1 to 4 read "
    "'fewer than 5', and a count marked 'hidden' is withheld so that a total cannot reveal a "
    "small one. There are no narratives, identifiers or exact locations."
)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Reports per month", ("by_month",)),
    ("Kinds of harm and severity", ("harms", "severity")),
    ("Who reported", ("sector", "gender")),
    ("Where", ("areas",)),
    ("When", ("time_by_day",)),
    ("Repeat aggressors", ("repeat",)),
    ("Jurisdiction and referrals", ("jurisdiction", "referrals")),
    ("Liaison responsiveness", ("responsiveness", "waiting")),
)
ABOUT = (
    "Reports count in the month they were received. 'Last 12 months' ends with this month. "
    "Suppression: primary (1 to 4) and complementary, checked so that no small count can be "
    "worked out from the totals. Boundaries on the map are approximate."
)
MONTHS_ALT = "Bar chart of reports received per month, this year and a year earlier; "
MAP_ALT = "Map of the City of Victoria's neighbourhoods and Esquimalt, shaded by reports "


def _rows(table: ReportTable) -> list[list[str]]:
    rows = [[name, *cells] for name, cells in table.rows]
    if table.total is not None:
        rows.append(["Total", *table.total])
    return rows


def _pdf_table(table: ReportTable) -> list[Flowable]:
    header = [table.stub, *table.columns]
    width = 7.1 * inch
    first = 1.9 * inch if len(header) > 4 else 2.6 * inch
    rest = (width - first) / (len(header) - 1)
    parts: list[Flowable] = [
        pdf.para(table.title, "h3"),
        pdf.table(header, _rows(table), widths=[first] + [rest] * (len(header) - 1)),
    ]
    if table.note:
        parts.append(pdf.para(table.note, "small"))
    return [KeepTogether(parts)] if len(table.rows) <= 14 else parts


def _image(png: bytes, width: float) -> Image:
    image = Image(io.BytesIO(png))
    scale = width / image.imageWidth
    image.drawWidth, image.drawHeight = width, image.imageHeight * scale
    return image


def report_pdf(
    report: MonthlyReport, path: Path, images: dict[str, bytes], published: datetime
) -> None:
    story: list[Flowable] = [
        pdf.para(report.title, "title"),
        pdf.para(f"Monthly stakeholder report. Published {published:%-d %B %Y}.", "subtitle"),
        pdf.para(INTRO),
        pdf.para("Summary", "h2"),
        ListFlowable(
            [ListItem(pdf.para(sentence), leftIndent=12) for sentence in report.summary],
            bulletType="bullet",
            start="•",
            leftIndent=12,
        ),
    ]
    for heading, keys in SECTIONS:
        blocks: list[Flowable] = []
        if "by_month" in keys:
            blocks.append(_image(images["months"], 6.8 * inch))
        if "areas" in keys:
            blocks.append(_image(images["map"], 6.4 * inch))
        for key in keys:
            blocks += _pdf_table(report.table(key))
        story.append(KeepTogether([pdf.para(heading, "h2"), blocks[0]]))
        story += blocks[1:]
    story += [pdf.para("About these figures", "h2"), pdf.para(ABOUT)]
    pdf.build_pdf(
        path, report.title, f"{report.title}: aggregates only, small counts suppressed", story
    )


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<p><img src="data:image/png;base64,{data}" alt="{html.esc(alt)}"></p>'


def report_html(report: MonthlyReport, images: dict[str, bytes], published: datetime) -> str:
    body = [
        f"<header>\n<h1>{html.esc(report.title)}</h1>\n"
        f"<p>Monthly stakeholder report. Published {published:%-d %B %Y}.</p>\n</header>",
        f'<main>\n<p class="note">{html.esc(INTRO)}</p>',
        "<section>\n<h2>Summary</h2>\n<ul>"
        + "".join(f"<li>{html.esc(sentence)}</li>" for sentence in report.summary)
        + "</ul>\n</section>",
    ]
    for heading, keys in SECTIONS:
        body.append(f"<section>\n<h2>{html.esc(heading)}</h2>")
        if "by_month" in keys:
            body.append(_img(images["months"], MONTHS_ALT + "the figures are in the table below."))
        if "areas" in keys:
            body.append(
                _img(
                    images["map"],
                    MAP_ALT + "over the last 12 months; the figures are in the table below.",
                )
            )
        for key in keys:
            table = report.table(key)
            body.append(html.table(table.title, [table.stub, *table.columns], _rows(table)))
            if table.note:
                body.append(f'<p class="note">{html.esc(table.note)}</p>')
        body.append("</section>")
    body.append(f"<section>\n<h2>About these figures</h2>\n<p>{html.esc(ABOUT)}</p>\n</section>")
    body.append("</main>")
    return html.page(report.title, "\n".join(body))


def publish_report(
    engine: Engine,
    month: str,
    out: Path,
    user: str,
    boundaries: Path | None = None,
    wait_days: float = 14,
    now: datetime | None = None,
) -> MonthlyReport:
    """Build the month's report from the store, write it to ``out`` and record it."""
    kind = output_format(out)
    try:
        month_bounds(month)
    except ValueError as error:
        raise ConfigError(f"--month: {error}.") from None
    shapes = charts.read_boundaries(boundaries)
    report = build_monthly_report(
        load_reports(engine), load_changes(engine), month, charts.area_names(shapes), wait_days
    )
    images = {
        "months": charts.months_png(report.table("by_month")),
        "map": charts.map_png(shapes, report.table("areas")),
    }
    moment = now or datetime.now().astimezone()
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == ".pdf":
        report_pdf(report, out, images, moment)
    else:
        out.write_text(report_html(report, images, moment), "utf-8")
    audit.record(
        engine,
        user,
        REPORT_ACTION,
        f"report:{month}",
        json.dumps({"month": month, "file": out.name}),
    )
    return report

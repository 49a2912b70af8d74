"""Publishing the bad date sheet: print-ready PDF (US Letter) or an accessible HTML page.

Every sheet written is recorded in the audit log (``sheet.publish``, with its period and the
reports on it), which is also how the next sheet knows where to start.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy import Engine

from analytics.publish.redaction import RedactionPolicy
from analytics.publish.sheet import Sheet, SheetEntry, build_sheet
from pipelines import audit
from pipelines.errors import ConfigError
from pipelines.publish import html, pdf
from pipelines.publish.data import (
    SHEET_ACTION,
    last_sheet_until,
    load_changes,
    sheet_record,
)
from pipelines.publish.sheet_reports import sheet_reports

__all__ = ["FORMATS", "publish_sheet", "sheet_html", "sheet_pdf"]

FORMATS = (".pdf", ".html")
TITLE = "Bad Date and Aggressor Report"
ABOUT = (
    "These entries come from reports made to Peers Victoria's Bad Date and Aggressor Reporting "
    "System. They are short on purpose: places are areas, not addresses; plates show only their "
    "first characters; nothing here identifies the people who reported. If you recognise "
    "someone, trust your instincts and stay safe."
)
HOW_TO_REPORT = (
    "To report a bad date: online, in person, by phone or email, or at the outreach van. "
    "Reports are anonymous unless you choose otherwise."
)
NOTHING_NEW = "No new reports were received in this period."


def _long_day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_text(sheet: Sheet) -> str:
    return f"Reports received {_long_day(sheet.since)} to {_long_day(sheet.until)}"


def _heading(number: int, entry: SheetEntry) -> str:
    return f"{number}. {entry.headline}"


def _pdf_entry(number: int, entry: SheetEntry) -> Flowable:
    parts: list[Flowable] = [pdf.para(_heading(number, entry), "h3")]
    parts += [pdf.para(marker.upper(), "marker") for marker in entry.markers]
    parts.append(_entry_table(entry.lines))
    return KeepTogether(parts)


def _entry_table(rows: list[tuple[str, str]]) -> Flowable:
    data = [[pdf.para(label, "cell_bold"), pdf.para(text, "body")] for label, text in rows]
    result = Table(data, colWidths=[1.3 * 72, 5.6 * 72], hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return result


def sheet_pdf(sheet: Sheet, path: Path, published: date) -> None:
    story: list[Flowable] = [
        pdf.para(TITLE, "title"),
        pdf.para(f"{period_text(sheet)}. Published {_long_day(published)}.", "subtitle"),
        pdf.para(ABOUT),
        pdf.para(f"New entries ({len(sheet.entries)})", "h2"),
    ]
    if not sheet.entries:
        story.append(pdf.para(NOTHING_NEW))
    story += [_pdf_entry(n, entry) for n, entry in enumerate(sheet.entries, 1)]
    if sheet.updates:
        story.append(pdf.para("Updates: identified by police", "h2"))
        story.append(
            pdf.para(
                "The police liaison has identified the person behind these "
                "earlier reports. Stay careful: identified does not mean gone."
            )
        )
        start = len(sheet.entries) + 1
        story += [_pdf_entry(n, entry) for n, entry in enumerate(sheet.updates, start)]
    story += [Spacer(1, 10), pdf.para(HOW_TO_REPORT, "small")]
    pdf.build_pdf(path, f"{TITLE}: {period_text(sheet)}", f"{TITLE}, {period_text(sheet)}", story)


def _html_entry(number: int, entry: SheetEntry) -> str:
    markers = "".join(f'<p class="marker">{html.esc(m)}</p>' for m in entry.markers)
    items = "".join(
        f"<dt>{html.esc(label)}</dt><dd>{html.esc(text)}</dd>" for label, text in entry.lines
    )
    return (
        f"<article>\n<h3>{html.esc(_heading(number, entry))}</h3>\n{markers}\n"
        f"<dl>{items}</dl>\n</article>"
    )


def sheet_html(sheet: Sheet, published: date) -> str:
    body = [
        f"<header>\n<h1>{html.esc(TITLE)}</h1>\n"
        f"<p>{html.esc(period_text(sheet))}. Published {html.esc(_long_day(published))}.</p>\n"
        "</header>\n<main>",
        f'<p class="note">{html.esc(ABOUT)}</p>',
        f"<section>\n<h2>New entries ({len(sheet.entries)})</h2>",
    ]
    if not sheet.entries:
        body.append(f"<p>{html.esc(NOTHING_NEW)}</p>")
    body += [_html_entry(n, entry) for n, entry in enumerate(sheet.entries, 1)]
    body.append("</section>")
    if sheet.updates:
        body.append("<section>\n<h2>Updates: identified by police</h2>")
        body.append(
            "<p>The police liaison has identified the person behind these earlier "
            "reports. Stay careful: identified does not mean gone.</p>"
        )
        start = len(sheet.entries) + 1
        body += [_html_entry(n, entry) for n, entry in enumerate(sheet.updates, start)]
        body.append("</section>")
    body.append(f'</main>\n<footer><p class="note">{html.esc(HOW_TO_REPORT)}</p></footer>')
    return html.page(f"{TITLE}: {period_text(sheet)}", "\n".join(body))


def output_format(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ConfigError(
            f"cannot tell the format from {out.name!r}: the file name must end in "
            f"{' or '.join(FORMATS)} (for example sheet.pdf)."
        )
    return suffix


def resolve_since(engine: Engine, since: date | None) -> date:
    """``since`` as given, else the day after the last sheet's period."""
    if since is not None:
        return since
    last = last_sheet_until(engine)
    if last is None:
        raise ConfigError(
            "no sheet has been published yet, so there is no 'since the last sheet'; "
            "pass --since DATE (for example --since 2026-04-01)."
        )
    return date.fromordinal(last.toordinal() + 1)


def publish_sheet(
    engine: Engine,
    out: Path,
    policy: RedactionPolicy,
    user: str,
    since: date | None = None,
    until: date | None = None,
    now: datetime | None = None,
) -> Sheet:
    """Build the sheet from the store, write it to ``out`` (format by suffix) and record it."""
    kind = output_format(out)
    moment = now or datetime.now().astimezone()
    until = until or moment.date()
    since = resolve_since(engine, since)
    if since > until:
        raise ConfigError(
            f"the sheet would start on {since} but end on {until}; "
            "pass --since and --until with the start on or before the end."
        )
    changes = load_changes(engine)
    sheet = build_sheet(sheet_reports(engine, since, until, changes), changes, since, until, policy)
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == ".pdf":
        sheet_pdf(sheet, out, moment.date())
    else:
        out.write_text(sheet_html(sheet, moment.date()), "utf-8")
    ids = sheet.report_ids + [rid for entry in sheet.updates for rid in entry.report_ids]
    audit.record(
        engine, user, SHEET_ACTION, f"sheet:{since}..{until}", sheet_record(since, until, ids, out)
    )
    return sheet

"""``bdars export``: files that leave bdars (case files for police records)."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.case_file import CASE_FORMATS, export_case
from pipelines.commands.common import current_user, settings_and_engine


@click.group()
def export() -> None:
    """Export files for use outside bdars; every export is written to the audit log."""


@export.command("case")
@click.argument("aggressor_id")
@click.option(
    "--format",
    "format_",
    type=click.Choice(CASE_FORMATS),
    default="pdf",
    show_default=True,
    help="pdf for police records, json for other programs, csv for a spreadsheet.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write (owner-only permissions); an existing file is replaced.",
)
@click.option(
    "--generated",
    metavar="TEXT",
    help="What to print as the file's 'generated' date (default: today, YYYY-MM-DD).",
)
def case(aggressor_id: str, format_: str, out: Path, generated: str | None) -> None:
    """Write the case file of AGGRESSOR_ID (or of a lone report id).

    It holds the linked reports, the evidence behind each link, a timeline, a map of incident
    locations and the reporters' contact details only where they consented to police contact.
    The same case gives the same file every time.
    """
    settings, engine = settings_and_engine()
    try:
        counts = export_case(
            engine, settings, aggressor_id, format_, out, current_user(), generated
        )
    finally:
        engine.dispose()
    click.echo(
        f"Wrote {out}: {counts['reports']} reports, {counts['links']} links, "
        f"{counts['contacts']} reporter contacts released with consent."
    )

"""``bdars report``: the monthly stakeholder report (aggregates only, small counts suppressed)."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.publish.report import publish_report


@click.command()
@click.option(
    "--month",
    required=True,
    metavar="YYYY-MM",
    help="The month to report on, for example 2026-04 (reports count in the month received).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write: report.pdf (US Letter) or report.html (accessible web page).",
)
@click.option(
    "--boundaries",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Official boundary file (GeoJSON or shapefile with a 'name' property) for the map; "
    "default: the shipped approximate boundaries.",
)
@click.option(
    "--wait-days",
    type=click.FloatRange(min=0),
    default=14,
    show_default=True,
    help="A report waiting longer than this for the next liaison step counts as waiting.",
)
def report(month: str, out: Path, boundaries: Path | None, wait_days: float) -> None:
    """Write the monthly stakeholder report for MONTH.

    Reports per month against a year earlier, harms and severity, sectors, reporters' gender,
    a neighbourhood map, time of day by day of week, repeat aggressors, jurisdictions and
    referrals, the liaison's responsiveness, and a short summary of what changed. Counts of 1
    to 4 read "fewer than 5", with complementary suppression so totals cannot reveal them.
    """
    _, engine = settings_and_engine()
    try:
        result = publish_report(engine, month, out, current_user(), boundaries, wait_days)
    finally:
        engine.dispose()
    click.echo(f"Wrote {out}: {result.title}, {len(result.tables)} tables.")

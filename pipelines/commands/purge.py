"""``bdars purge``: remove old reports per the retention policy (``docs/retention.md``)."""

from __future__ import annotations

import click

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.retention import purge as purge_reports


@click.command()
@click.option(
    "--older-than",
    "days",
    required=True,
    type=click.IntRange(min=1),
    metavar="DAYS",
    help="Remove reports received more than DAYS days ago (e.g. 730 for two years).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Only say what would be removed; change nothing.",
)
def purge(days: int, dry_run: bool) -> None:
    """Remove old reports with their contacts, features, links and memberships.

    Month-by-category counts of the removed reports are kept for trend history, and the purge
    is recorded in the audit log. Back up first (`bdars backup FILE`) if in doubt.
    """
    _settings, engine = settings_and_engine()
    try:
        plan = purge_reports(engine, days, current_user(), dry_run=dry_run)
    finally:
        engine.dispose()
    cutoff = plan.cutoff.date().isoformat()
    if dry_run:
        click.echo(
            f"Dry run: would remove {len(plan.report_ids)} reports received before {cutoff} "
            f"({plan.describe()}) and keep {plan.trend_rows} trend counts. Nothing was changed."
        )
        return
    click.echo(
        f"Purged {len(plan.report_ids)} reports received before {cutoff}: removed "
        f"{plan.describe()}; kept {plan.trend_rows} month-by-category trend counts."
    )

"""``bdars sheet``: publish the bad date sheet (PDF for print, HTML for the web)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.publish.data import load_policy
from pipelines.publish.sheet import publish_sheet


@click.command()
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="First day of reports received to include (YYYY-MM-DD). "
    "Default: the day after the last sheet published.",
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Last day of reports received to include (YYYY-MM-DD). Default: today.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write: sheet.pdf (print-ready, US Letter) or sheet.html (accessible web page).",
)
@click.option(
    "--policy",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Redaction policy file (default: the shipped analytics/reference/redaction_policy.toml).",
)
def sheet(since: datetime | None, until: datetime | None, out: Path, policy: Path | None) -> None:
    """Publish the bad date sheet: one short entry per aggressor with new reports.

    Repeat aggressors are marked ("4 reports since March"), as are those the liaison has
    identified; aggressors identified during the period come back as updates. What each entry
    shows follows the redaction policy. The sheet's period is recorded, so the next sheet starts
    where this one ended.
    """
    _, engine = settings_and_engine()
    try:
        result = publish_sheet(
            engine,
            out,
            load_policy(policy),
            current_user(),
            since=since.date() if since else None,
            until=until.date() if until else None,
        )
    finally:
        engine.dispose()
    click.echo(
        f"Wrote {out}: {len(result.entries)} new entries and {len(result.updates)} updates "
        f"for reports received {result.since} to {result.until}."
    )

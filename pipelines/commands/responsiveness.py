"""``bdars responsiveness``: how fast reports move from receipt to the liaison and to an outcome."""

from __future__ import annotations

import json
import math

import click

from pipelines import audit
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.liaison import load_weights
from pipelines.liaison import responsiveness as load_responsiveness
from pipelines.tabular import safe_csv, text_table

STEPS = ("forwarded", "reviewed", "outcome")


def _days(value: float) -> str:
    return "" if value is None or math.isnan(value) else f"{value:.1f}"


@click.command()
@click.option(
    "--wait-days",
    type=click.FloatRange(min=0),
    help="Count reports waiting longer than this many days for their next step "
    "(default: responsiveness.wait_days in the weights file, 14).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for reading, csv for a spreadsheet, json for other programs.",
)
def responsiveness(wait_days: float | None, format_: str) -> None:
    """Days from receipt to forwarded, reviewed and outcome, per month of receipt.

    For each step: how many reports reached it, the median and the 90th percentile of days.
    Then how many reports without an outcome have waited longer than --wait-days for their
    next step. Aggregates only: no report ids.
    """
    limit = wait_days if wait_days is not None else load_weights().wait_days
    _, engine = settings_and_engine()
    try:
        table, waiting = load_responsiveness(engine, wait_days=limit)
        audit.record(engine, current_user(), "responsiveness.view", "all", f"wait_days={limit:g}")
    finally:
        engine.dispose()
    if format_ == "json":
        months = [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for row in table.to_dict("records")
        ]
        click.echo(json.dumps({"months": months, "wait_days": limit, "waiting": waiting}, indent=2))
        return
    if format_ == "csv":
        click.echo(safe_csv(list(table.columns), table.itertuples(index=False)), nl=False)
        return
    header = ["month", "received"] + [
        f"{step} {what}" for step in STEPS for what in ("n", "median", "p90")
    ]
    rows = [
        [row["month"], row["received"]]
        + [
            value
            for step in STEPS
            for value in (
                row[f"{step}_n"],
                _days(row[f"{step}_median_days"]),
                _days(row[f"{step}_p90_days"]),
            )
        ]
        for row in table.to_dict("records")
    ]
    if rows:
        click.echo("Days from receipt, per month received (median and 90th percentile):")
        click.echo(text_table(header, rows))
    else:
        click.echo("No reports yet.")
    click.echo(
        f"Waiting more than {limit:g} days: {waiting['forwarded']} to be forwarded, "
        f"{waiting['reviewed']} to be reviewed, {waiting['outcome']} for an outcome."
    )

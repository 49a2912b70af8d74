"""``bdars queue``: the liaison's investigation queue, most urgent first, with the reasons."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from analytics.vocabulary import JURISDICTIONS
from pipelines import audit
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.liaison import load_weights
from pipelines.liaison import queue as load_queue
from pipelines.tabular import safe_csv, text_table

JSON_FIELDS = (
    "aggressor_id",
    "score",
    "status",
    "jurisdiction",
    "reports",
    "latest",
    "worst_harm",
    "reasons",
    "summary",
    "parts",
)
CSV_FIELDS = (
    "rank",
    "aggressor_id",
    "score",
    "status",
    "jurisdiction",
    "reports",
    "latest",
    "worst_harm",
    "summary",
)


@click.command()
@click.option(
    "--jurisdiction",
    type=click.Choice(JURISDICTIONS),
    help="Only profiles whose incidents fall mostly in this agency's area (e.g. VicPD).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), help="Show at most this many profiles (the top N)."
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for reading, csv for a spreadsheet, json for other programs.",
)
@click.option(
    "--weights",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A weights file laid out like analytics/priority_weights.toml, to try another ordering.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Score as if today were this date (YYYY-MM-DD); default: today.",
)
def queue(
    jurisdiction: str | None,
    limit: int | None,
    format_: str,
    weights: Path | None,
    as_of: object,
) -> None:
    """List aggressor profiles (and lone reports) in investigation order, with the reasons.

    The score adds up severity, escalation, number of reports and channels, recency,
    acceleration, consent to police contact or a statement, a full plate or phone, and
    jurisdiction; closed or referred cases sink. Change the order with --weights.
    """
    today: date | None = as_of.date() if as_of is not None else None  # type: ignore[attr-defined]
    loaded_weights = load_weights(weights)
    _, engine = settings_and_engine()
    try:
        table = load_queue(engine, loaded_weights, today, jurisdiction, limit)
        audit.record(
            engine,
            current_user(),
            "queue.view",
            jurisdiction or "all",
            f"{len(table)} profiles; format={format_}",
        )
    finally:
        engine.dispose()
    if format_ == "json":
        records = [{field: row[field] for field in JSON_FIELDS} for row in table.to_dict("records")]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    rows = [
        [rank, *(row[field] for field in CSV_FIELDS[1:])]
        for rank, row in enumerate(table.to_dict("records"), start=1)
    ]
    if format_ == "csv":
        click.echo(safe_csv(CSV_FIELDS, rows), nl=False)
        return
    if not rows:
        click.echo("The queue is empty: no normalised reports match. Load reports and `bdars run`.")
        return
    header = ("#", "profile", "score", "status", "where", "why")
    click.echo(text_table(header, [[r[0], r[1], f"{r[2]:.1f}", r[3], r[4], r[8]] for r in rows]))

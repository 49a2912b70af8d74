"""``bdars routing``: reports outside VicPD's area, per agency, with what to send them."""

from __future__ import annotations

import json

import click

from analytics.vocabulary import JURISDICTIONS
from pipelines import audit
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.liaison import routing as load_routing
from pipelines.tabular import safe_csv, text_table


@click.command()
@click.option(
    "--home",
    type=click.Choice(JURISDICTIONS),
    default="VicPD",
    show_default=True,
    help="The agency whose liaison works the queue; every other agency's reports are listed.",
)
@click.option(
    "--agency",
    type=click.Choice(JURISDICTIONS),
    help="Only this agency's reports (e.g. 'Saanich PD', or 'unknown' for places not known).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for reading, csv for a spreadsheet, json for other programs.",
)
def routing(home: str, agency: str | None, format_: str) -> None:
    """List reports to route to another police agency, grouped per agency.

    Each report shows what can be sent (date, place, harm types, identifiers) and whether the
    reporter agreed to police contact; each agency shows what to send it. Mark a report sent
    with `bdars status REPORT_ID referred_to_other_agency`.
    """
    _, engine = settings_and_engine()
    try:
        table, summary = load_routing(engine, home)
        if agency:
            table = table[table["agency"] == agency].reset_index(drop=True)
            summary = summary[summary["agency"] == agency].reset_index(drop=True)
        audit.record(
            engine, current_user(), "routing.view", agency or "all", f"{len(table)} reports"
        )
    finally:
        engine.dispose()
    if format_ == "json":
        agencies = []
        for row in summary.to_dict("records"):
            mine = table[table["agency"] == row["agency"]].drop(columns="agency")
            agencies.append({**row, "report_list": mine.to_dict("records")})
        click.echo(json.dumps(agencies, ensure_ascii=False, indent=2, default=int))
        return
    if format_ == "csv":
        click.echo(safe_csv(list(table.columns), table.itertuples(index=False)), nl=False)
        return
    if table.empty:
        click.echo(f"Nothing to route: every report is in {home}'s area.")
        return
    for row in summary.to_dict("records"):
        click.echo(
            f"{row['agency']}: {row['reports']} reports, {row['not_referred']} not yet referred, "
            f"{row['consent_police']} with consent to police contact."
        )
        click.echo(f"  {row['send']}")
        mine = table[table["agency"] == row["agency"]]
        rows = [
            [r["report_id"], r["date"], r["place"], r["status"], r["harms"], r["send"]]
            for r in mine.to_dict("records")
        ]
        body = text_table(("report", "date", "place", "status", "harms", "can send"), rows)
        click.echo("\n".join("  " + line for line in body.splitlines()))
        click.echo("")

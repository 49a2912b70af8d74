"""``bdars status``: move a report or aggressor through the case workflow, or show its history."""

from __future__ import annotations

import click

from analytics.vocabulary import WORKFLOW_STATUSES
from pipelines import audit
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.liaison import TARGET_KINDS, history, resolve_target, set_status
from pipelines.tabular import text_table


@click.command()
@click.argument("target_id", metavar="REPORT_OR_AGGRESSOR_ID")
@click.argument("status", required=False, type=click.Choice(WORKFLOW_STATUSES))
@click.option("--note", default="", help="Why, or what happened (kept with the change).")
@click.option(
    "--kind",
    type=click.Choice(TARGET_KINDS),
    help="Say whether the id is a report or an aggressor (only needed when it could be both).",
)
def status(target_id: str, status: str | None, note: str, kind: str | None) -> None:
    """Set the workflow STATUS of a report or aggressor; without STATUS, show its history.

    Statuses: new, on_sheet, forwarded_to_liaison, reviewed_by_liaison, statement_taken,
    identified_by_police, referred_to_other_agency, closed. Every change is kept, with who
    made it, when and the note; nothing is overwritten.
    """
    _, engine = settings_and_engine()
    user = current_user()
    try:
        if status is None:
            target = resolve_target(engine, target_id, kind)
            steps = history(engine, target.kind, target.target_id)
            audit.record(engine, user, "status.view", f"{target.kind}:{target.target_id}")
        else:
            change = set_status(engine, kind, target_id, status, user, note)
    finally:
        engine.dispose()
    if status is not None:
        click.echo(
            f"{change['kind'].capitalize()} {change['id']}: {change['from']} -> {change['to']}."
        )
        return
    if steps.empty:
        click.echo(f"{target.kind.capitalize()} {target.target_id}: new (no changes yet).")
        return
    rows = [
        [f"{at:%Y-%m-%d %H:%M}", step, who, note_text]
        for at, step, who, note_text in zip(
            steps["at"], steps["status"], steps["user_name"], steps["note"], strict=True
        )
    ]
    click.echo(f"{target.kind.capitalize()} {target.target_id}: {rows[-1][1]}")
    click.echo(text_table(("when (UTC)", "status", "by", "note"), rows))

"""``bdars audit``: read the audit log (who viewed, exported or changed what, and when)."""

from __future__ import annotations

import datetime as dt
import json
import re

import click
from sqlalchemy import Engine, select

from pipelines import audit as audit_trail
from pipelines.audit import AUDIT_COLUMNS
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.storage.tables import audit_log
from pipelines.tabular import safe_csv, text_table

READ_ACTION = "view.audit"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def parse_since(value: str) -> dt.datetime:
    """``2026-03-01`` or ``2026-03-01T14:30`` (UTC unless an offset is given)."""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)."
        ) from None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _query(
    engine: Engine, since: dt.datetime | None, action: str | None, user: str | None, limit: int
) -> list[tuple[object, ...]]:
    query = select(*(audit_log.c[name] for name in AUDIT_COLUMNS)).order_by(
        audit_log.c.at.desc(), audit_log.c.id.desc()
    )
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    if action:
        if action.endswith("*"):
            query = query.where(audit_log.c.action.startswith(action[:-1], autoescape=True))
        else:
            query = query.where(audit_log.c.action == action)
    if user:
        query = query.where(audit_log.c.user_name == user)
    if limit:
        query = query.limit(limit)
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(query)]
    return rows[::-1]


def _iso(value: object) -> str:
    if isinstance(value, dt.datetime):
        moment = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
        return moment.astimezone(dt.UTC).isoformat(timespec="seconds")
    return str(value)


def _visible(value: object) -> str:
    """Text safe to print on a terminal: control characters shown as escapes, not obeyed."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode(), str(value))


@click.command()
@click.option(
    "--since",
    help="Only entries at or after this moment: YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC).",
)
@click.option(
    "--action",
    help="Only this action (e.g. export.case); end with * for a prefix (e.g. 'view.*').",
)
@click.option("--user", "user_name", help="Only entries by this user.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for reading, csv for a spreadsheet (formula-safe), json for programs.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    help="Show only the newest N matching entries (0 = all).",
)
def audit(
    since: str | None, action: str | None, user_name: str | None, output_format: str, limit: int
) -> None:
    """Show the audit log, oldest first. Reading it is itself recorded in the log."""
    moment = parse_since(since) if since else None
    _settings, engine = settings_and_engine()
    try:
        rows = _query(engine, moment, action, user_name, limit)
        audit_trail.record(
            engine,
            current_user(),
            READ_ACTION,
            "audit_log",
            f"format={output_format}; entries={len(rows)}; since={since or ''}; "
            f"action={action or ''}; user={user_name or ''}",
        )
    finally:
        engine.dispose()
    rows = [(_iso(row[0]), *row[1:]) for row in rows]
    if output_format == "json":
        click.echo(
            json.dumps(
                [dict(zip(AUDIT_COLUMNS, row, strict=True)) for row in rows],
                ensure_ascii=False,
                indent=1,
            )
        )
    elif output_format == "csv":
        click.echo(safe_csv(AUDIT_COLUMNS, rows), nl=False)
    elif rows:
        click.echo(text_table(AUDIT_COLUMNS, [[_visible(v) for v in row] for row in rows]))
    else:
        click.echo("No audit entries match.")

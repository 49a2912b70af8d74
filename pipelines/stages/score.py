"""The score stage: every profile's priority score, parts and reasons, stored once per run.

``bdars run`` scores every aggressor profile (and lone report) with the shipped weights as of
today and stores the rows in ``aggressor_scores``, with what they were computed from in
``aggressor_scores_state``. :func:`stored_queue` reads them back, filtered and limited in SQL, and
keeps them true:

- a status change appended since the last computation re-scores just the profiles it touches;
- a merge or split by hand re-scores its profiles at once (:func:`refresh_profiles`);
- anything else that changes what was scored (new reports, a link run outside ``bdars run``) or a
  new day (recency counts from today) makes the stored rows stale: the caller computes afresh.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, insert, select, text

from analytics.priority import QUEUE_COLUMNS, default_weights, score_queue
from pipelines import audit
from pipelines.liaison import (
    QUEUE_FEATURES,
    compute_queue,
    load_profile_reports,
    member_map,
    profile_statuses,
)
from pipelines.storage.tables import (
    aggressor_members,
    aggressor_scores,
    aggressor_scores_state,
    features,
    status_changes,
)

__all__ = ["refresh_profiles", "run_score_stage", "store_scores", "stored_queue"]

_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _source_state(connection: Connection) -> dict[str, Any]:
    """What the scores depend on, in a few cheap aggregate queries."""
    linked_at = connection.execute(select(func.max(aggressor_members.c.linked_at))).scalar()
    return {
        "reports": int(connection.execute(select(func.count()).select_from(features)).scalar()),
        "members": int(
            connection.execute(select(func.count()).select_from(aggressor_members)).scalar()
        ),
        "members_linked_at": _utc(linked_at),
        "status_change_id": int(
            connection.execute(select(func.coalesce(func.max(status_changes.c.id), 0))).scalar()
        ),
    }


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _stored_state(connection: Connection) -> dict[str, Any] | None:
    row = connection.execute(select(aggressor_scores_state)).mappings().first()
    if row is None:
        return None
    return {**row, "members_linked_at": _utc(row["members_linked_at"])}


def _rows(table: pd.DataFrame, aggressor_ids: set[str], day: date, now: datetime) -> list[dict]:
    return [
        {
            "profile_id": row["aggressor_id"],
            "kind": "aggressor" if row["aggressor_id"] in aggressor_ids else "report",
            "score": float(row["score"]),
            "status": row["status"],
            "jurisdiction": row["jurisdiction"],
            "report_count": int(row["reports"]),
            "latest_report_at": row["latest"],
            "worst_harm": row["worst_harm"],
            "summary": row["summary"],
            "reasons": json.dumps(list(row["reasons"]), ensure_ascii=False),
            "parts": json.dumps(row["parts"], ensure_ascii=False),
            "as_of": day.isoformat(),
            "computed_at": now,
        }
        for row in table.to_dict("records")
    ]


def _lock(connection: Connection) -> None:
    """Serialise writers on PostgreSQL, so two readers re-scoring at once cannot both insert
    the same rows (SQLite allows one writer anyway)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("LOCK TABLE aggressor_scores IN SHARE ROW EXCLUSIVE MODE"))


def _write_state(connection: Connection, day: date, now: datetime, state: dict[str, Any]) -> None:
    connection.execute(delete(aggressor_scores_state))
    connection.execute(
        insert(aggressor_scores_state).values(id=1, as_of=day.isoformat(), computed_at=now, **state)
    )


def store_scores(engine: Engine, table: pd.DataFrame, aggressor_ids: set[str], day: date) -> None:
    """Replace every stored score by ``table`` (a whole queue scored with the shipped weights on
    ``day``), in one transaction."""
    now = datetime.now(UTC)
    rows = _rows(table, aggressor_ids, day, now)
    with engine.begin() as connection:
        _lock(connection)
        state = _source_state(connection)
        connection.execute(delete(aggressor_scores))
        for start in range(0, len(rows), 5_000):
            connection.execute(insert(aggressor_scores), rows[start : start + 5_000])
        _write_state(connection, day, now, state)


def run_score_stage(engine: Engine, user: str, today: date | None = None) -> dict[str, Any]:
    """Score every profile with the shipped weights as of ``today`` and store the rows."""
    day = today or datetime.now(UTC).date()
    table, aggressor_ids = compute_queue(engine, default_weights(), day)
    store_scores(engine, table, aggressor_ids, day)
    counts = {
        "profiles": len(table),
        "aggressors": int(table["aggressor_id"].isin(aggressor_ids).sum()),
        "lone_reports": int((~table["aggressor_id"].isin(aggressor_ids)).sum()),
        "as_of": day.isoformat(),
    }
    audit.record(
        engine,
        user,
        "score.run",
        "aggressor_scores",
        f"{counts['profiles']} profiles scored as of {counts['as_of']}",
    )
    return counts


def refresh_profiles(engine: Engine, ids: Iterable[str]) -> int:
    """Re-score the profiles of ``ids`` (aggressor ids or report ids; a report in a profile stands
    for its profile) as of the stored day; rows of profiles that no longer exist go. Returns how
    many rows were written. Does nothing while no scores are stored."""
    with engine.connect() as connection:
        stored = _stored_state(connection)
    if stored is None:
        return 0
    members = member_map(engine)
    keys = {members.get(i, i) for i in ids}
    in_profiles = sorted(r for r, a in members.items() if a in keys)
    report_ids = sorted(set(in_profiles) | (keys - set(members.values())))
    day = date.fromisoformat(stored["as_of"])
    table = pd.DataFrame(columns=list(QUEUE_COLUMNS))
    aggressor_ids: set[str] = set()
    if report_ids:
        reports = load_profile_reports(engine, report_ids, columns=QUEUE_FEATURES)
        aggressor_ids = set(reports["aggressor_id"]) - {""}
        table = score_queue(
            reports.assign(received_at=reports["received"]),
            default_weights(),
            day,
            profile_statuses(engine),
        )
    now = datetime.now(UTC)
    rows = _rows(table, aggressor_ids, day, now)
    gone = sorted(keys | set(report_ids))
    with engine.begin() as connection:
        _lock(connection)
        for chunk in _chunks(gone):
            connection.execute(
                delete(aggressor_scores).where(aggressor_scores.c.profile_id.in_(chunk))
            )
        if rows:
            connection.execute(insert(aggressor_scores), rows)
        state = _source_state(connection)
        _write_state(
            connection,
            day,
            stored["computed_at"],
            {**state, "reports": stored["reports"], "status_change_id": stored["status_change_id"]},
        )
    return len(rows)


def _refresh_statuses(engine: Engine, since_id: int, until_id: int) -> None:
    with engine.connect() as connection:
        targets = list(
            connection.execute(
                select(status_changes.c.target_id).where(
                    status_changes.c.id > since_id, status_changes.c.id <= until_id
                )
            ).scalars()
        )
    refresh_profiles(engine, targets)
    with engine.begin() as connection:
        connection.execute(
            aggressor_scores_state.update()
            .where(aggressor_scores_state.c.status_change_id == since_id)
            .values(status_change_id=until_id)
        )


def stored_queue(
    engine: Engine, day: date, jurisdiction: str | None = None, limit: int | None = None
) -> pd.DataFrame | None:
    """The stored queue as of ``day``, highest score first, or ``None`` when nothing is stored
    or the stored rows are stale (another day, other reports or memberships)."""
    with engine.connect() as connection:
        stored = _stored_state(connection)
        if stored is None or stored["as_of"] != day.isoformat():
            return None
        source = _source_state(connection)
    if any(stored[k] != source[k] for k in ("reports", "members", "members_linked_at")):
        return None
    if source["status_change_id"] != stored["status_change_id"]:
        _refresh_statuses(engine, stored["status_change_id"], source["status_change_id"])
    query = select(aggressor_scores).order_by(
        aggressor_scores.c.score.desc(),
        aggressor_scores.c.latest_report_at.desc(),
        aggressor_scores.c.profile_id,
    )
    if jurisdiction:
        query = query.where(aggressor_scores.c.jurisdiction == jurisdiction)
    if limit:
        query = query.limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(query).tuples().all()
    names = [column.name for column in aggressor_scores.columns]
    stored_rows = pd.DataFrame(rows, columns=names)
    table = pd.DataFrame(
        {
            "aggressor_id": stored_rows["profile_id"],
            "score": stored_rows["score"].astype(float),
            "status": stored_rows["status"],
            "jurisdiction": stored_rows["jurisdiction"],
            "reports": stored_rows["report_count"].astype(int),
            "latest": stored_rows["latest_report_at"],
            "worst_harm": stored_rows["worst_harm"],
            "summary": stored_rows["summary"],
            "reasons": [json.loads(text) for text in stored_rows["reasons"]],
            "parts": [json.loads(text) for text in stored_rows["parts"]],
        },
        columns=list(QUEUE_COLUMNS),
    )
    table.attrs["as_of"] = stored["as_of"]
    table.attrs["computed_at"] = stored["computed_at"]
    return table

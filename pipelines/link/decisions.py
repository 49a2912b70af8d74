"""The co-ordinator's decisions: confirm or reject a pair, undo, merge and split aggressors.

Decisions are appended to ``link_decisions`` and never edited, so every rebuild respects them;
merges and splits are written as the pair decisions that make them hold, applied at once to the
current aggressors, and recorded in ``aggressor_history``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Connection, Engine, false, func, insert, select, update

from analytics.link.clustering import ID_PREFIX
from analytics.link.decisions import DECISIONS, current_decisions, ordered_pair
from pipelines import audit
from pipelines.errors import BdarsError, NotFoundError
from pipelines.link.stage import known_aggressor_ids
from pipelines.pause_points import LINK_DECISION, pause_point
from pipelines.stages.score import refresh_profiles
from pipelines.storage.tables import (
    aggressor_history,
    aggressor_members,
    aggressors,
    features,
    link_decisions,
)


class DecisionError(BdarsError):
    """A decision that cannot be recorded as asked (it would contradict an earlier one)."""


class AlreadyDecidedError(DecisionError):
    """Someone else decided on the pair first (or undid its decision first)."""


def _require_reports(connection: Connection, report_ids: Sequence[str]) -> None:
    found = set(
        connection.execute(
            select(features.c.report_id).where(features.c.report_id.in_(list(report_ids)))
        ).scalars()
    )
    missing = [r for r in report_ids if r not in found]
    if missing:
        raise NotFoundError(
            f"no normalised report with id {', '.join(map(repr, missing))}; check the id, or run "
            "`bdars run` after ingesting it"
        )


def _groups(decisions: pd.DataFrame) -> dict[str, str]:
    """Report → a representative, for reports joined by confirmed decisions."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    confirmed = decisions[decisions["decision"] == "confirmed"]
    for a, b in zip(confirmed["report_id_a"], confirmed["report_id_b"], strict=True):
        parent[find(a)] = find(b)
    return {x: find(x) for x in list(parent)}


def check_consistent(decisions: pd.DataFrame) -> None:
    """Raise if a rejected pair is joined by a chain of confirmed pairs."""
    current = current_decisions(decisions)
    group = _groups(current)
    rejected = current[current["decision"] == "rejected"]
    for a, b in zip(rejected["report_id_a"], rejected["report_id_b"], strict=True):
        if a in group and b in group and group[a] == group[b]:
            raise DecisionError(
                f"reports {a} and {b} were marked as different people, but confirmed links join "
                "them; undo the rejection or one of the confirmations first"
            )


def _append(
    connection: Connection,
    pairs: list[tuple[str, str]],
    decision: str,
    user: str,
    note: str,
    now: datetime,
) -> None:
    rows = []
    for a, b in pairs:
        low, high = ordered_pair(a, b)
        rows.append(
            {
                "report_id_a": low,
                "report_id_b": high,
                "decision": decision,
                "user_name": user,
                "at": now,
                "note": note,
            }
        )
    if rows:
        connection.execute(insert(link_decisions), rows)


def _decisions(connection: Connection) -> pd.DataFrame:
    rows = connection.execute(
        select(
            link_decisions.c.report_id_a, link_decisions.c.report_id_b, link_decisions.c.decision
        ).order_by(link_decisions.c.id)
    ).all()
    return pd.DataFrame(
        [tuple(r) for r in rows], columns=["report_id_a", "report_id_b", "decision"]
    )


def _validate(engine: Engine | Connection, pairs: list[tuple[str, str]], decision: str) -> None:
    if decision not in DECISIONS:
        raise DecisionError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    for a, b in pairs:
        if a == b:
            raise DecisionError(f"a report cannot be linked to itself ({a!r}); pick two reports")
    if isinstance(engine, Engine):
        with engine.connect() as connection:
            known = _decisions(connection)
    else:
        known = _decisions(engine)
    proposed = pd.concat(
        [
            known,
            pd.DataFrame(
                [(*ordered_pair(a, b), decision) for a, b in pairs],
                columns=["report_id_a", "report_id_b", "decision"],
            ),
        ],
        ignore_index=True,
    )
    check_consistent(proposed)


def _lock_pair(connection: Connection, low: str, high: str) -> None:
    """Make deciders on one pair take turns: the second waits for the first to commit, then
    reads its decision. PostgreSQL locks the two reports' feature rows; SQLite takes its
    database-wide write lock (a write statement that changes nothing)."""
    if connection.dialect.name == "sqlite":
        connection.execute(
            update(features).where(false()).values(normaliser_version=features.c.normaliser_version)
        )
        return
    connection.execute(
        select(features.c.report_id)
        .where(features.c.report_id.in_([low, high]))
        .order_by(features.c.report_id)
        .with_for_update()
    ).all()


def _latest(connection: Connection, low: str, high: str) -> tuple[str, str, datetime] | None:
    row = connection.execute(
        select(link_decisions.c.decision, link_decisions.c.user_name, link_decisions.c.at)
        .where(link_decisions.c.report_id_a == low, link_decisions.c.report_id_b == high)
        .order_by(link_decisions.c.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (str(row[0]), str(row[1]), row[2])


def _refuse_if_taken(connection: Connection, low: str, high: str, decision: str) -> None:
    latest = _latest(connection, low, high)
    in_force = latest is not None and latest[0] != "undone"
    if decision != "undone" and latest is not None and in_force:
        state, who, at = latest
        raise AlreadyDecidedError(
            f"{low} ↔ {high} was already {state} by {who} at {at:%Y-%m-%d %H:%M}; that decision "
            "stands. To change it, undo it first (Review links, or ask them)"
        )
    if decision == "undone" and not in_force:
        who = f" by {latest[1]}" if latest is not None else ""
        raise AlreadyDecidedError(
            f"{low} ↔ {high} has no decision in force to undo (already undone{who})"
        )


def record_decision(
    engine: Engine, a: str, b: str, decision: str, user: str, note: str = ""
) -> None:
    """Append a decision on the pair (``confirmed``, ``rejected`` or ``undone``).

    It holds from the next link run on, whatever the scores; ``undone`` clears the pair's
    earlier decision.

    A decision already in force is not overwritten: when two people decide on the same pair at
    once, the second waits for the first and gets :class:`AlreadyDecidedError` naming who
    decided. The decision and its audit entry are written in one transaction.
    """
    if decision not in DECISIONS:
        raise DecisionError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    low, high = ordered_pair(a, b)
    with engine.begin() as connection:
        _lock_pair(connection, low, high)
        _require_reports(connection, [a, b])
        _refuse_if_taken(connection, low, high, decision)
        _validate(connection, [(a, b)], decision)
        pause_point(LINK_DECISION)
        _append(connection, [(a, b)], decision, user, note, datetime.now(UTC))
        audit.record_in(connection, user, f"link_{decision}", f"{a} {b}", note)


def _members(connection: Connection, aggressor_id: str) -> list[str]:
    members = list(
        connection.execute(
            select(aggressor_members.c.report_id)
            .where(aggressor_members.c.aggressor_id == aggressor_id)
            .order_by(aggressor_members.c.report_id)
        ).scalars()
    )
    if not members:
        raise NotFoundError(
            f"no aggressor {aggressor_id!r} with reports; check the id on the aggressor's page"
        )
    return members


def merge_aggressors(
    engine: Engine, into: str, others: Sequence[str], user: str, note: str = ""
) -> None:
    """Merge ``others`` into aggressor ``into``: their reports are confirmed as one person."""
    now = datetime.now(UTC)
    with engine.connect() as connection:
        target = _members(connection, into)
        groups = {other: _members(connection, other) for other in others if other != into}
    pairs = [(target[0], members[0]) for members in groups.values()]
    _validate(engine, pairs, "confirmed")
    with engine.begin() as connection:
        _append(connection, pairs, "confirmed", user, note or f"merged into {into}", now)
        for other in groups:
            connection.execute(
                update(aggressor_members)
                .where(aggressor_members.c.aggressor_id == other)
                .values(aggressor_id=into, linked_at=now)
            )
            connection.execute(
                update(aggressors)
                .where(aggressors.c.aggressor_id == other)
                .values(merged_into=into)
            )
            connection.execute(
                insert(aggressor_history).values(
                    at=now,
                    user_name=user,
                    action="merged",
                    aggressor_id=other,
                    detail=f"merged into {into} by hand" + (f": {note}" if note else ""),
                )
            )
        audit.record_in(connection, user, "aggressor_merge", into, ", ".join(groups), now)
    refresh_profiles(engine, [into, *groups])


def _next_id(engine: Engine) -> str:
    numbers = [
        int(i.removeprefix(ID_PREFIX))
        for i in known_aggressor_ids(engine)
        if i.removeprefix(ID_PREFIX).isdigit()
    ]
    return f"{ID_PREFIX}{max(numbers, default=0) + 1:06d}"


def split_aggressor(
    engine: Engine, aggressor_id: str, report_ids: Sequence[str], user: str, note: str = ""
) -> str:
    """Move ``report_ids`` out of an aggressor into a new one; returns the new aggressor's id.

    Recorded as: every moved report rejected against every remaining one, and the moved reports
    confirmed as one person, so a rebuild keeps the split.
    """
    moved = sorted(set(report_ids))
    with engine.connect() as connection:
        members = _members(connection, aggressor_id)
    strangers = [r for r in moved if r not in members]
    if strangers:
        raise DecisionError(
            f"report(s) {', '.join(strangers)} are not in aggressor {aggressor_id}; "
            "pick reports from its page"
        )
    staying = [r for r in members if r not in moved]
    if not moved or not staying:
        raise DecisionError(
            f"a split must leave reports on both sides ({len(moved)} moved, {len(staying)} "
            f"staying in {aggressor_id})"
        )
    rejections = [(a, b) for a in moved for b in staying]
    confirmations = [(moved[0], other) for other in moved[1:]]
    _validate(engine, rejections, "rejected")
    _validate(engine, confirmations, "confirmed")
    new_id = _next_id(engine)
    now = datetime.now(UTC)
    reason = note or f"split from {aggressor_id}"
    with engine.begin() as connection:
        _append(connection, rejections, "rejected", user, reason, now)
        _append(connection, confirmations, "confirmed", user, reason, now)
        connection.execute(insert(aggressors).values(aggressor_id=new_id, created_at=now))
        connection.execute(
            update(aggressor_members)
            .where(aggressor_members.c.report_id.in_(moved))
            .values(aggressor_id=new_id, linked_at=now)
        )
        connection.execute(
            insert(aggressor_history).values(
                at=now,
                user_name=user,
                action="split",
                aggressor_id=aggressor_id,
                detail=f"reports {', '.join(moved)} moved to {new_id} by hand"
                + (f": {note}" if note else ""),
            )
        )
        audit.record_in(
            connection, user, "aggressor_split", aggressor_id, f"{new_id}: {', '.join(moved)}", now
        )
    refresh_profiles(engine, [aggressor_id, new_id])
    return new_id


def decision_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(link_decisions)).scalar())

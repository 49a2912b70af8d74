"""The liaison's reads and writes: the queue, the case workflow, responsiveness and routing.

Scores are stored by the score stage of ``bdars run`` (``pipelines/stages/score.py``) and read
back by :func:`queue`; a status change since then re-scores just the profiles it touches on the
next read, and stale scores (another day, new reports or links) are computed afresh from the
features table, the linker's profiles (``aggressor_members``; a report without one is a lone
profile named by its report id), the reporters' consent flags and the workflow history. Cost of
computing: about 6 s of CPU for 100,000 reports in memory, 10 s from SQLite
(``benchmarks/queue_speed.py``).

Status changes are append-only rows in ``status_changes``, each also written to the audit log.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, select

from analytics.features import FEATURE_COLUMNS
from analytics.priority import (
    PriorityConfigError,
    PriorityWeights,
    default_weights,
    is_yes,
    score_queue,
    weights_from_mapping,
)
from analytics.routing import agency_summary, routing_table
from analytics.workflow import (
    current_statuses,
    report_changes,
    responsiveness_by_month,
    stage_times,
    transition_problem,
    waiting_counts,
)
from pipelines import audit
from pipelines.errors import BdarsError, ConfigError, NotFoundError
from pipelines.pause_points import STATUS_CHANGE, pause_point
from pipelines.storage.tables import (
    aggressor_members,
    aggressors,
    features,
    raw_reports,
    reporter_contacts,
    status_changes,
)

__all__ = [
    "WorkflowRuleError",
    "history",
    "load_profile_reports",
    "load_weights",
    "compute_queue",
    "member_map",
    "profile_members",
    "profile_statuses",
    "queue",
    "resolve_target",
    "responsiveness",
    "routing",
    "set_status",
    "status_map",
]

TARGET_KINDS = ("report", "aggressor")


class WorkflowRuleError(BdarsError):
    """A status change breaks a workflow rule (unknown status, no change, back to new)."""


def load_weights(path: Path | None = None) -> PriorityWeights:
    """The shipped weights, or those of a TOML file laid out like ``priority_weights.toml``."""
    if path is None:
        return default_weights()
    try:
        values = tomllib.loads(Path(path).read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read the weights file {path}: {error.strerror}.") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}.") from None
    try:
        return weights_from_mapping(values, str(path))
    except PriorityConfigError as error:
        raise ConfigError(str(error)) from None


def member_map(engine: Engine, report_ids: list[str] | None = None) -> dict[str, str]:
    """Report id → current aggressor id (following merges), for every report or ``report_ids``."""
    query = select(aggressor_members.c.report_id, aggressor_members.c.aggressor_id)
    with engine.connect() as connection:
        if report_ids is None:
            members = dict(connection.execute(query).tuples().all())
        else:
            members = {}
            for start in range(0, len(report_ids), 500):
                chunk = report_ids[start : start + 500]
                members.update(
                    connection.execute(query.where(aggressor_members.c.report_id.in_(chunk)))
                    .tuples()
                    .all()
                )
        merged = {
            a: b
            for a, b in connection.execute(
                select(aggressors.c.aggressor_id, aggressors.c.merged_into).where(
                    aggressors.c.merged_into.is_not(None)
                )
            ).tuples()
        }
    return {report: _follow(aggressor, merged) for report, aggressor in members.items()}


def profile_members(engine: Engine, profile_id: str) -> list[str]:
    """The report ids of one profile: an aggressor's reports (with those merged into it), or the
    lone report itself."""
    with engine.connect() as connection:
        merged = {
            a: b
            for a, b in connection.execute(
                select(aggressors.c.aggressor_id, aggressors.c.merged_into).where(
                    aggressors.c.merged_into.is_not(None)
                )
            ).tuples()
        }
        sources = [a for a in merged if _follow(a, merged) == profile_id]
        reports = connection.execute(
            select(aggressor_members.c.report_id)
            .where(aggressor_members.c.aggressor_id.in_([profile_id, *sources]))
            .order_by(aggressor_members.c.report_id)
        ).scalars()
        return list(reports) or [profile_id]


def _follow(aggressor_id: str, merged: Mapping[str, str]) -> str:
    seen = {aggressor_id}
    while aggressor_id in merged and merged[aggressor_id] not in seen:
        aggressor_id = merged[aggressor_id]
        seen.add(aggressor_id)
    return aggressor_id


QUEUE_FEATURES: tuple[str, ...] = (
    "report_id",
    "incident_date",
    "received_at",
    "incident_types",
    "incident_types_guessed",
    "incident_types_added",
    "channel",
    "jurisdiction",
    "plate",
    "phones",
    "consent_police",
    "wants_statement",
)
"""The feature columns the priority score reads."""


def load_profile_reports(
    engine: Engine,
    report_ids: list[str] | None = None,
    columns: tuple[str, ...] = FEATURE_COLUMNS,
) -> pd.DataFrame:
    """Feature rows with ``aggressor_id`` (blank for a lone report), the reporter's consents
    (from the feature columns or the contact table, whichever says yes) and ``received``
    (``received_at``, else when the report was loaded)."""
    wanted = list(
        dict.fromkeys(("report_id", "received_at", "consent_police", "wants_statement", *columns))
    )
    query = (
        select(
            *(features.c[name] for name in wanted),
            raw_reports.c.ingested_at,
            reporter_contacts.c.consent_police.label("contact_consent_police"),
            reporter_contacts.c.wants_statement.label("contact_wants_statement"),
        )
        .select_from(
            features.join(raw_reports, raw_reports.c.report_id == features.c.report_id).outerjoin(
                reporter_contacts, reporter_contacts.c.report_id == features.c.report_id
            )
        )
        .order_by(features.c.report_id)
    )
    if report_ids is not None:
        query = query.where(features.c.report_id.in_(report_ids))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    names = [*wanted, "ingested_at", "contact_consent_police", "contact_wants_statement"]
    frame = pd.DataFrame([tuple(row) for row in rows], columns=names)
    members = member_map(engine, report_ids)
    received = [
        text if text else (loaded.isoformat() if loaded is not None else "")
        for text, loaded in zip(frame["received_at"], frame["ingested_at"], strict=True)
    ]
    return frame.assign(
        aggressor_id=frame["report_id"].map(members).fillna(""),
        consent_police=[
            "yes" if is_yes(a) or bool(b) else ""
            for a, b in zip(frame["consent_police"], frame["contact_consent_police"], strict=True)
        ],
        wants_statement=[
            "yes" if is_yes(a) or bool(b) else ""
            for a, b in zip(frame["wants_statement"], frame["contact_wants_statement"], strict=True)
        ],
        received=received,
    ).drop(columns=["contact_consent_police", "contact_wants_statement"])


def _changes_frame(engine: Engine) -> pd.DataFrame:
    columns = ["id", "target_kind", "target_id", "status", "user_name", "at", "note"]
    with engine.connect() as connection:
        rows = connection.execute(
            select(*(status_changes.c[name] for name in columns)).order_by(status_changes.c.id)
        ).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    return frame.assign(at=pd.to_datetime(frame["at"], utc=True))


def status_map(engine: Engine) -> dict[tuple[str, str], str]:
    """The current status of every report and aggressor that has one."""
    return current_statuses(_changes_frame(engine))


def profile_statuses(engine: Engine) -> dict[str, str]:
    """Profile id → current status: an aggressor's own, or a lone report's."""
    current = status_map(engine)
    statuses = {target: status for (_kind, target), status in current.items()}
    statuses.update(
        {target: status for (kind, target), status in current.items() if kind == "aggressor"}
    )
    return statuses


def compute_queue(
    engine: Engine, weights: PriorityWeights, today: date
) -> tuple[pd.DataFrame, set[str]]:
    """Every profile scored now from the store, and which profile ids are aggressors."""
    reports = load_profile_reports(engine, columns=QUEUE_FEATURES)
    table = score_queue(
        reports.assign(received_at=reports["received"]),
        weights,
        today,
        profile_statuses(engine),
    )
    return table, set(reports["aggressor_id"]) - {""}


def queue(
    engine: Engine,
    weights: PriorityWeights | None = None,
    today: date | None = None,
    jurisdiction: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The investigation queue (see :func:`analytics.priority.score_queue` for its columns).

    With the shipped weights it reads the scores stored by ``bdars run`` (filtered and limited
    in SQL); when none are stored, or they are stale (another day, new reports or links), it
    scores every profile and, for today, stores the result for the next read. Other weights or
    another day are always scored on demand.
    """
    from pipelines.stages.score import store_scores, stored_queue

    day = today or datetime.now(UTC).date()
    shipped = weights is None or weights == default_weights()
    if shipped:
        stored = stored_queue(engine, day, jurisdiction, limit)
        if stored is not None:
            return stored
    table, aggressor_ids = compute_queue(engine, weights or default_weights(), day)
    if shipped and day == datetime.now(UTC).date():
        store_scores(engine, table, aggressor_ids, day)
    if jurisdiction:
        table = table[table["jurisdiction"] == jurisdiction].reset_index(drop=True)
    return table.head(limit) if limit else table


@dataclass(frozen=True)
class Target:
    kind: str
    target_id: str


def resolve_target(engine: Engine, target_id: str, kind: str | None = None) -> Target:
    """Whether ``target_id`` names a report or an aggressor (or fail with what to do)."""
    if kind is not None and kind not in TARGET_KINDS:
        raise WorkflowRuleError(f"kind must be report or aggressor, found {kind!r}.")
    with engine.connect() as connection:
        is_report = connection.execute(
            select(raw_reports.c.report_id).where(raw_reports.c.report_id == target_id)
        ).first()
        is_aggressor = connection.execute(
            select(aggressors.c.aggressor_id).where(aggressors.c.aggressor_id == target_id)
        ).first()
    found = [k for k, hit in (("report", is_report), ("aggressor", is_aggressor)) if hit]
    if kind is not None:
        if kind not in found:
            raise NotFoundError(f"no {kind} with id {target_id!r}; check the id in `bdars queue`.")
        return Target(kind, target_id)
    if not found:
        raise NotFoundError(
            f"no report or aggressor with id {target_id!r}; check the id in `bdars queue`."
        )
    if len(found) > 1:
        raise WorkflowRuleError(
            f"{target_id!r} names both a report and an aggressor; say which with --kind."
        )
    return Target(found[0], target_id)


def set_status(
    engine: Engine,
    kind: str | None,
    target_id: str,
    status: str,
    user: str,
    note: str = "",
    now: datetime | None = None,
) -> dict[str, str]:
    """Append one status change (never updating a row) and its audit entry, in one transaction."""
    target = resolve_target(engine, target_id, kind)
    at = now or datetime.now(UTC)
    with engine.begin() as connection:
        latest = connection.execute(
            select(status_changes.c.status)
            .where(
                status_changes.c.target_kind == target.kind,
                status_changes.c.target_id == target.target_id,
            )
            .order_by(status_changes.c.at.desc(), status_changes.c.id.desc())
            .limit(1)
        ).scalar()
        problem = transition_problem(latest, status)
        if problem:
            raise WorkflowRuleError(f"cannot set {target.kind} {target.target_id}: {problem}.")
        connection.execute(
            status_changes.insert().values(
                target_kind=target.kind,
                target_id=target.target_id,
                status=status,
                user_name=user,
                at=at,
                note=note,
            )
        )
        pause_point(STATUS_CHANGE)
        audit.record_in(
            connection,
            user,
            "status.set",
            f"{target.kind}:{target.target_id}",
            f"{latest or 'new'} -> {status}" + (f"; note: {note}" if note else ""),
            now=at,
        )
    return {"kind": target.kind, "id": target.target_id, "from": latest or "new", "to": status}


def history(engine: Engine, kind: str, target_id: str) -> pd.DataFrame:
    """The workflow history of one report or aggressor, oldest first."""
    frame = _changes_frame(engine)
    mine = frame[(frame["target_kind"] == kind) & (frame["target_id"] == target_id)]
    return mine.sort_values(["at", "id"], kind="stable").reset_index(drop=True)


def responsiveness(
    engine: Engine, now: datetime | None = None, wait_days: float = 14
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Days from receipt to forwarded, reviewed and outcome per month (median, 90th percentile),
    and how many reports have waited longer than ``wait_days`` for each step."""
    reports = load_profile_reports(engine, columns=("report_id",))
    received = pd.DataFrame({"report_id": reports["report_id"], "received_at": reports["received"]})
    changes = report_changes(_changes_frame(engine), member_map(engine))
    times = stage_times(received, changes)
    moment = pd.Timestamp(now or datetime.now(UTC))
    return responsiveness_by_month(times), waiting_counts(times, moment, wait_days)


def routing(engine: Engine, home: str = "VicPD") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reports outside ``home``'s area per agency, and a summary per agency."""
    reports = load_profile_reports(engine)
    current = status_map(engine)
    members = dict(zip(reports["report_id"], reports["aggressor_id"], strict=True))
    statuses = {}
    for report_id, aggressor_id in members.items():
        status = current.get(("report", report_id)) or current.get(("aggressor", aggressor_id))
        if status:
            statuses[report_id] = status
    table = routing_table(reports, statuses, home)
    return table, agency_summary(table)

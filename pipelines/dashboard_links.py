"""The reads behind the co-ordinator's linking pages: aggressor profiles with their identifiers
and evidence, and the link decisions made so far (the suggested links to review are read by
``pipelines.link.review``). Each reads by index what one page shows, never whole tables."""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import Engine, Select, func, or_, select

from analytics.features import split_list
from analytics.link.decisions import ordered_pair
from pipelines.link.membership import profiles_of
from pipelines.storage.tables import (
    aggressor_history,
    aggressor_members,
    aggressors,
    features,
    link_decisions,
    report_links,
    status_changes,
)

IDENTIFIER_COLUMNS = ("phones", "plate", "names", "handles", "marks")
VEHICLE_COLUMNS = ("vehicle_colour", "vehicle_make", "vehicle_model", "vehicle_body")


def _links(
    engine: Engine, report_ids: list[str] | None = None, evidence: bool = True
) -> pd.DataFrame:
    columns = ["report_id_a", "report_id_b", "probability"] + (["evidence"] if evidence else [])
    query = select(*(report_links.c[c] for c in columns))
    if report_ids is not None:
        query = query.where(
            report_links.c.report_id_a.in_(report_ids), report_links.c.report_id_b.in_(report_ids)
        )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=columns)
    return frame.assign(evidence=frame["evidence"].map(json.loads)) if evidence else frame


def latest_decisions(engine: Engine, user: str, limit: int = 20) -> pd.DataFrame:
    """One user's newest pair decisions first (``undone`` ones included), for undo."""
    columns = ["report_id_a", "report_id_b", "decision", "at", "note"]
    query = (
        select(*(link_decisions.c[c] for c in columns))
        .where(link_decisions.c.user_name == user)
        .order_by(link_decisions.c.id.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def report_features(engine: Engine, report_ids: list[str]) -> pd.DataFrame:
    """Feature rows of the given reports (no narratives: those come from ``report_texts``)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(features).where(features.c.report_id.in_(report_ids))
        ).all()
    frame = pd.DataFrame([row._mapping for row in rows])
    if frame.empty:
        return pd.DataFrame(columns=[c.name for c in features.columns])
    return frame.set_index("report_id").reindex(report_ids).reset_index()


def _current() -> Select[tuple[str, int]]:
    """Current aggressors (not merged away) with their number of reports."""
    merged = select(aggressors.c.aggressor_id).where(aggressors.c.merged_into.is_not(None))
    count = func.count().label("reports")
    return (
        select(aggressor_members.c.aggressor_id, count)
        .where(aggressor_members.c.aggressor_id.not_in(merged))
        .group_by(aggressor_members.c.aggressor_id)
    )


def aggressor_list(engine: Engine, limit: int | None = None) -> pd.DataFrame:
    """Current aggressors (not merged away) with their number of reports, largest first; the
    first ``limit`` only when given (counted and cut in SQL)."""
    with engine.connect() as connection:
        query = _current()
        query = query.order_by(func.count().desc(), aggressor_members.c.aggressor_id)
        if limit is not None:
            query = query.limit(limit)
        rows = [tuple(r) for r in connection.execute(query)]
    return pd.DataFrame(rows, columns=["aggressor_id", "reports"]).astype({"reports": int})


def aggressor_sizes(engine: Engine, aggressor_ids: list[str]) -> dict[str, int]:
    """Number of reports of each of the given current aggressors (absent: no such profile)."""
    if not aggressor_ids:
        return {}
    with engine.connect() as connection:
        query = _current().where(aggressor_members.c.aggressor_id.in_(aggressor_ids))
        return {str(a): int(n) for a, n in connection.execute(query)}


def aggressor_status(engine: Engine, aggressor_id: str) -> str:
    """An aggressor's current workflow status (``new`` when it has none)."""
    query = (
        select(status_changes.c.status)
        .where(
            status_changes.c.target_kind == "aggressor",
            status_changes.c.target_id == aggressor_id,
        )
        .order_by(status_changes.c.at.desc(), status_changes.c.id.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        return connection.execute(query).scalar() or "new"


def neighbours(engine: Engine, report_ids: list[str], limit: int = 200) -> list[str]:
    """Other aggressors that stored links tie to these reports, the likeliest first: the
    profiles worth a look before a merge."""
    found: dict[str, float] = {}
    wanted = set(report_ids)
    with engine.connect() as connection:
        for start in range(0, len(report_ids), 500):
            chunk = report_ids[start : start + 500]
            for column, other in (("report_id_a", "report_id_b"), ("report_id_b", "report_id_a")):
                rows = connection.execute(
                    select(report_links.c[other], report_links.c.probability).where(
                        report_links.c[column].in_(chunk)
                    )
                )
                for partner, probability in rows:
                    if partner not in wanted:
                        found[partner] = max(found.get(partner, 0.0), float(probability))
        partners = sorted(found, key=lambda r: (-found[r], r))
        owner = profiles_of(connection, partners)
    ordered = dict.fromkeys(owner[r] for r in partners if r in owner)
    return list(ordered)[:limit]


def profile(engine: Engine, aggressor_id: str) -> dict[str, pd.DataFrame]:
    """One aggressor: its reports' features, the links between them, and its history."""
    with engine.connect() as connection:
        report_ids = sorted(
            connection.execute(
                select(aggressor_members.c.report_id).where(
                    aggressor_members.c.aggressor_id == aggressor_id
                )
            ).scalars()
        )
        history = pd.DataFrame(
            [
                tuple(r)
                for r in connection.execute(
                    select(
                        aggressor_history.c.at,
                        aggressor_history.c.user_name,
                        aggressor_history.c.action,
                        aggressor_history.c.detail,
                    )
                    .where(aggressor_history.c.aggressor_id == aggressor_id)
                    .order_by(aggressor_history.c.id)
                )
            ],
            columns=["at", "user_name", "action", "detail"],
        )
    return {
        "reports": report_features(engine, report_ids),
        "links": _links(engine, report_ids),
        "history": history,
    }


def identifiers(reports: pd.DataFrame) -> pd.DataFrame:
    """Every identifier seen in a profile's reports with how many reports mention it."""
    rows: dict[tuple[str, str], set[str]] = {}
    for record in reports.to_dict("records"):
        for column in IDENTIFIER_COLUMNS:
            for value in split_list(record.get(column, "")):
                rows.setdefault((column, value), set()).add(str(record["report_id"]))
        vehicle = " ".join(str(record.get(c, "") or "") for c in VEHICLE_COLUMNS).split()
        if vehicle:
            rows.setdefault(("vehicle", " ".join(vehicle)), set()).add(str(record["report_id"]))
    frame = pd.DataFrame(
        [
            {"kind": kind, "value": value, "reports": len(ids)}
            for (kind, value), ids in rows.items()
        ],
        columns=["kind", "value", "reports"],
    )
    return frame.sort_values(["kind", "reports", "value"], ascending=[True, False, True])


def pair_decisions(engine: Engine, report_id: str, others: list[str]) -> dict[str, tuple[str, str]]:
    """The decision in force between ``report_id`` and each of ``others``: other report →
    ``(decision, user)``; pairs with no decision, or whose latest decision was undone, are
    absent."""
    if not others:
        return {}
    pairs = {ordered_pair(report_id, other): other for other in others}
    query = (
        select(
            link_decisions.c.report_id_a,
            link_decisions.c.report_id_b,
            link_decisions.c.decision,
            link_decisions.c.user_name,
        )
        .where(
            or_(
                link_decisions.c.report_id_a == report_id,
                link_decisions.c.report_id_b == report_id,
            )
        )
        .order_by(link_decisions.c.id)
    )
    latest: dict[str, tuple[str, str]] = {}
    with engine.connect() as connection:
        for low, high, decision, user in connection.execute(query):
            other = pairs.get((str(low), str(high)))
            if other is not None:
                latest[other] = (str(decision), str(user))
    return {other: held for other, held in latest.items() if held[0] != "undone"}


def matches_for_display(engine: Engine, report_id: str, found: pd.DataFrame) -> pd.DataFrame:
    """Candidate matches as the pages show them: never the report itself, and with ``linked``
    telling a real aggressor profile from a report no ``bdars run`` has linked yet (whose
    ``aggressor_id`` is then empty, never a report's hash id)."""
    kept = found[(found["report_id"] != report_id) & (found["aggressor_id"] != report_id)]
    real = aggressor_sizes(engine, sorted({str(a) for a in kept["aggressor_id"]}))
    linked = kept["aggressor_id"].map(lambda a: str(a) in real).astype(bool)
    return kept.assign(
        linked=linked, aggressor_id=kept["aggressor_id"].where(linked, "")
    ).reset_index(drop=True)


def profile_of(engine: Engine, report_id: str) -> str | None:
    """The aggressor profile a report is in, ``None`` when no link run has linked it yet."""
    query = select(aggressor_members.c.aggressor_id).where(
        aggressor_members.c.report_id == report_id
    )
    with engine.connect() as connection:
        return connection.execute(query).scalar()

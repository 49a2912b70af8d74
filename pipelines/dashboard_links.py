"""The reads behind the co-ordinator's linking pages: suggested links to review, aggressor
profiles with their identifiers and evidence, and the link decisions made so far."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from sqlalchemy import Engine, select

from analytics.features import split_list
from analytics.link.decisions import current_decisions
from analytics.review import review_order
from pipelines.link.stage import read_decisions, read_members
from pipelines.storage.tables import (
    aggressor_history,
    aggressors,
    features,
    link_decisions,
    report_links,
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


def _evidence_of(engine: Engine, pairs: pd.DataFrame) -> list[list[dict[str, object]]]:
    found: dict[tuple[str, str], list[dict[str, object]]] = {}
    with engine.connect() as connection:
        for a, b in zip(pairs["report_id_a"], pairs["report_id_b"], strict=True):
            raw = connection.execute(
                select(report_links.c.evidence).where(
                    report_links.c.report_id_a == a, report_links.c.report_id_b == b
                )
            ).scalar()
            found[(a, b)] = json.loads(raw) if raw else []
    return [found[(a, b)] for a, b in zip(pairs["report_id_a"], pairs["report_id_b"], strict=True)]


def pending_links(engine: Engine, limit: int = 50) -> pd.DataFrame:
    """Suggested links with no decision in force, ordered by how much a decision would change
    (see :func:`analytics.review.review_order`)."""
    links = _links(engine, evidence=False)
    decided = current_decisions(read_decisions(engine))
    done = set(zip(decided["report_id_a"], decided["report_id_b"], strict=True))
    undecided = [
        (a, b) not in done for a, b in zip(links["report_id_a"], links["report_id_b"], strict=True)
    ]
    links = links.loc[np.array(undecided, dtype=bool)]
    members = read_members(engine)
    aggressor_of = dict(zip(members["report_id"], members["aggressor_id"], strict=True))
    sizes = members["aggressor_id"].value_counts()
    a = links["report_id_a"].map(aggressor_of).fillna(links["report_id_a"])
    b = links["report_id_b"].map(aggressor_of).fillna(links["report_id_b"])
    with_profiles = links.assign(
        aggressor_a=a,
        aggressor_b=b,
        size_a=a.map(sizes).fillna(1).astype(int),
        size_b=b.map(sizes).fillna(1).astype(int),
    )
    ordered = review_order(with_profiles).head(limit)
    return ordered.assign(evidence=_evidence_of(engine, ordered))


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


def aggressor_list(engine: Engine) -> pd.DataFrame:
    """Current aggressors (not merged away) with their number of reports, largest first."""
    members = read_members(engine)
    with engine.connect() as connection:
        merged = set(
            connection.execute(
                select(aggressors.c.aggressor_id).where(aggressors.c.merged_into.is_not(None))
            ).scalars()
        )
    counts = members[~members["aggressor_id"].isin(merged)]["aggressor_id"].value_counts()
    frame = counts.rename_axis("aggressor_id").rename("reports").reset_index()
    return frame.sort_values(["reports", "aggressor_id"], ascending=[False, True], kind="stable")


def profile(engine: Engine, aggressor_id: str) -> dict[str, pd.DataFrame]:
    """One aggressor: its reports' features, the links between them, and its history."""
    members = read_members(engine)
    report_ids = sorted(members.loc[members["aggressor_id"] == aggressor_id, "report_id"])
    with engine.connect() as connection:
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

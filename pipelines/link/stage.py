"""The link stage of ``bdars run``: features + human decisions → links, aggressors, history.

Everything it writes is derived and rebuilt on each run from the features and the append-only
``link_decisions``; aggressor ids carry over (an aggressor keeps its id when reports join it),
and what changed is appended to ``aggressor_history``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update

from analytics.features import FEATURE_COLUMNS
from analytics.link.errors import LinkError
from analytics.link.evidence import EVIDENCE_CHUNK, evidence_in_chunks
from analytics.link.linker import LinkResult, link
from pipelines.audit import record
from pipelines.errors import BdarsError
from pipelines.link.review import has_unranked, rank_links, review_ranks
from pipelines.storage.tables import (
    aggressor_history,
    aggressor_members,
    aggressors,
    audit_log,
    features,
    link_decisions,
    report_links,
)

Say = Callable[[str], None]
_RUN_ACTION = "link.run"
_BATCH = 20_000


def read_features(engine: Engine) -> pd.DataFrame:
    columns = [features.c[name] for name in FEATURE_COLUMNS]
    with engine.connect() as connection:
        rows = connection.execute(select(*columns).order_by(features.c.report_id)).all()
    return pd.DataFrame(rows, columns=list(FEATURE_COLUMNS)).fillna("")


def read_decisions(engine: Engine) -> pd.DataFrame:
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                link_decisions.c.report_id_a,
                link_decisions.c.report_id_b,
                link_decisions.c.decision,
            ).order_by(link_decisions.c.id)
        ).all()
    return pd.DataFrame(rows, columns=["report_id_a", "report_id_b", "decision"])


def read_members(engine: Engine) -> pd.DataFrame:
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                aggressor_members.c.report_id,
                aggressor_members.c.aggressor_id,
                aggressor_members.c.linked_at,
            )
        ).all()
    return pd.DataFrame(rows, columns=["report_id", "aggressor_id", "linked_at"])


def known_aggressor_ids(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(select(aggressors.c.aggressor_id)).scalars())


def _when(value: object, default: datetime) -> datetime:
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return default
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value if isinstance(value, datetime) else default


def _insert(connection: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    for start in range(0, len(rows), _BATCH):
        connection.execute(insert(table), rows[start : start + _BATCH])


def _link_rows(
    result: LinkResult,
    low: np.ndarray,
    high: np.ndarray,
    ranks: np.ndarray,
    now: datetime,
    chunk: int,
) -> Iterator[list[dict[str, object]]]:
    """The ``report_links`` rows of the kept pairs, explained ``chunk`` pairs at a time."""
    probability = result.pairs["probability"].to_numpy()
    for rows, evidence in evidence_in_chunks(result, np.arange(len(low)), chunk=chunk):
        yield [
            {
                "report_id_a": low[row],
                "report_id_b": high[row],
                "probability": float(probability[row]),
                "evidence": text,
                "computed_at": now,
                "review_rank": int(ranks[row]),
            }
            for row, text in zip(rows, evidence, strict=True)
        ]


def write_links(
    engine: Engine,
    result: LinkResult,
    previous: pd.DataFrame,
    user: str,
    now: datetime,
    progress: Say | None = None,
    chunk: int = EVIDENCE_CHUNK,
) -> dict[str, int]:
    """Replace the stored links, profiles and their history with ``result``, in one
    transaction. The links and their evidence are made and inserted ``chunk`` pairs at a time:
    all of them at once would take tens of GB at a million reports."""
    say = progress or (lambda _message: None)
    clusters = result.clusters
    pairs = result.pairs
    swap = pairs["report_id_a"].to_numpy() > pairs["report_id_b"].to_numpy()
    low = np.where(swap, pairs["report_id_b"], pairs["report_id_a"])
    high = np.where(swap, pairs["report_id_a"], pairs["report_id_b"])
    say(f"ranking {len(pairs):,} links for review")
    ranks = review_ranks(
        low,
        high,
        pairs["probability"].to_numpy(),
        dict(zip(clusters["report_id"], clusters["aggressor_id"], strict=True)),
    )
    before = previous.set_index("report_id")
    kept_at = (
        clusters["report_id"]
        .map(before["linked_at"])
        .where(
            clusters["report_id"].map(before["aggressor_id"]).to_numpy()
            == clusters["aggressor_id"].to_numpy()
        )
    )
    member_rows = [
        {"report_id": r, "aggressor_id": a, "linked_at": _when(t, now)}
        for r, a, t in zip(clusters["report_id"], clusters["aggressor_id"], kept_at, strict=True)
    ]
    existing = set(known_aggressor_ids(engine))
    new_ids = sorted(set(clusters["aggressor_id"]) - existing)
    merged = {
        h["aggressor_id"]: h["detail"].removeprefix("merged into ").split(", ")[0]
        for h in result.history
        if h["action"] == "merged"
    }
    with engine.begin() as connection:
        connection.execute(delete(report_links))
        say(f"explaining and storing {len(pairs):,} links")
        for link_rows in _link_rows(result, low, high, ranks, now, chunk):
            _insert(connection, report_links, link_rows)
        say(f"storing {len(member_rows):,} profile memberships")
        connection.execute(delete(aggressor_members))
        _insert(connection, aggressor_members, member_rows)
        if new_ids:
            connection.execute(
                insert(aggressors),
                [{"aggressor_id": i, "created_at": now, "merged_into": None} for i in new_ids],
            )
        for old, into in merged.items():
            connection.execute(
                update(aggressors).where(aggressors.c.aggressor_id == old).values(merged_into=into)
            )
        if result.history:
            connection.execute(
                insert(aggressor_history),
                [{"at": now, "user_name": user, **entry} for entry in result.history],
            )
    return {"links": len(pairs), "new_aggressors": len(new_ids), "merged": len(merged)}


def _inputs_signature(engine: Engine) -> str:
    """What the link stage depends on: the features (count and normaliser versions), the human
    decisions and the profiles. The same signature as at the last link means nothing to redo."""
    with engine.connect() as connection:
        feature_count = connection.execute(select(func.count()).select_from(features)).scalar()
        versions = sorted(
            connection.execute(select(features.c.normaliser_version).distinct()).scalars()
        )
        last_decision = connection.execute(select(func.max(link_decisions.c.id))).scalar()
        members = connection.execute(select(func.count()).select_from(aggressor_members)).scalar()
    return (
        f"features={feature_count};versions={','.join(versions)};"
        f"decision={last_decision or 0};members={members}"
    )


def _last_signature(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(
            select(audit_log.c.detail)
            .where(audit_log.c.action == _RUN_ACTION)
            .order_by(audit_log.c.id.desc())
            .limit(1)
        ).scalar()


def _current_counts(engine: Engine) -> dict[str, int]:
    members = read_members(engine)
    sizes = members["aggressor_id"].value_counts()
    with engine.connect() as connection:
        links = connection.execute(select(func.count()).select_from(report_links)).scalar()
    return {
        "reports": len(members),
        "aggressors": int(len(sizes)),
        "repeat_aggressors": int((sizes > 1).sum()),
        "candidate_pairs": 0,
        "links": int(links or 0),
        "new_aggressors": 0,
        "merged": 0,
        "split": 0,
        "skipped": 1,
    }


def run_link_stage(engine: Engine, user: str, progress: Say | None = None) -> dict[str, int]:
    """Link every report in the store; returns counts for the run summary.

    When neither the features nor the decisions changed since the last link, nothing is redone
    (``skipped`` is 1 in the counts).
    """
    before = _inputs_signature(engine)
    if before == _last_signature(engine):
        if has_unranked(engine):
            rank_links(engine)
        return _current_counts(engine)
    counts = _link_everything(engine, user, progress)
    record(engine, user, _RUN_ACTION, "store", _inputs_signature(engine))
    return counts


def _link_everything(engine: Engine, user: str, progress: Say | None) -> dict[str, int]:
    feature_frame = read_features(engine)
    if feature_frame.empty:
        return {
            "reports": 0,
            "aggressors": 0,
            "repeat_aggressors": 0,
            "links": 0,
            "candidate_pairs": 0,
            "new_aggressors": 0,
            "merged": 0,
            "split": 0,
            "oversized_splits": 0,
        }
    previous = read_members(engine)
    try:
        result = link(
            feature_frame,
            decisions=read_decisions(engine),
            previous=dict(zip(previous["report_id"], previous["aggressor_id"], strict=True)),
            used_ids=known_aggressor_ids(engine),
            progress=progress,
        )
    except LinkError as error:
        raise BdarsError(f"linking stopped: {error}") from None
    counts = write_links(engine, result, previous, user, datetime.now(UTC), progress)
    sizes = result.clusters["aggressor_id"].value_counts()
    return {
        "reports": len(feature_frame),
        "aggressors": int(len(sizes)),
        "repeat_aggressors": int((sizes > 1).sum()),
        "candidate_pairs": result.candidate_count,
        "split": sum(1 for h in result.history if h["action"] == "split"),
        "oversized_splits": result.oversized_splits,
        **counts,
    }

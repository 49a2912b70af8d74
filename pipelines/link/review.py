"""The stored review order of suggested links, and the reads the Review links page makes.

The link stage ranks every stored pair by :func:`analytics.review.review_order` (how much a
decision would change) and stores the rank in ``report_links.review_rank``; the page reads the
first few ranks through the index instead of sorting a million pairs at every render. Rows that
have no rank (a store linked before ranks existed, or pairs written by hand) are ranked on the
first read.

A merge or split by hand changes profile sizes before the next ``bdars run``: the page re-ranks
the slice it reads with the current sizes, so the order within the slice is current while the
slice itself is chosen by the ranks of the last run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import numpy as np
import pandas as pd
from sqlalchemy import Engine, bindparam, func, select, tuple_, update

from analytics.link.decisions import current_decisions
from analytics.review import review_order
from pipelines.link.membership import profiles_of
from pipelines.storage.tables import aggressor_members, link_decisions, report_links

_BATCH = 20_000
_CHUNK = 500
WINDOW = 4
"""How many times the wanted number of pairs to read and re-rank with current profile sizes."""


def review_ranks(
    report_id_a: np.ndarray,
    report_id_b: np.ndarray,
    probability: np.ndarray,
    aggressor_of: Mapping[str, str],
) -> np.ndarray:
    """Rank of each pair in review order (0 first); a report without a profile is its own.

    The order of ``analytics.review.review_order`` (impact, then probability, highest first, then
    the report ids), sorted on numbers rather than a table of strings: at 15 million pairs the
    table took 9 GB."""
    n = len(report_id_a)
    codes, reports = pd.factorize(
        np.concatenate(
            [np.asarray(report_id_a, dtype=object), np.asarray(report_id_b, dtype=object)]
        ),
        sort=True,
    )
    code_a, code_b = codes[:n], codes[n:]
    owner = pd.Series(aggressor_of, dtype=object)
    profile, _ = pd.factorize(owner.reindex(reports).to_numpy(dtype=object))
    size = owner.map(owner.value_counts()).reindex(reports).fillna(1).to_numpy(dtype=float)
    probability = np.asarray(probability, dtype=float)
    uncertainty = 1.0 - np.abs(2.0 * np.clip(probability, 0.0, 1.0) - 1.0)
    same = (profile[code_a] >= 0) & (profile[code_a] == profile[code_b])
    reach = np.log2(1.0 + np.minimum(size[code_a], size[code_b]))
    impact = uncertainty * (1.0 + (~same).astype(float) * reach)
    order = np.lexsort((code_b, code_a, -probability, -impact))
    ranks = np.empty(n, dtype=np.int64)
    ranks[order] = np.arange(n)
    return ranks


def has_unranked(engine: Engine) -> bool:
    """Whether some stored pair has no review rank yet."""
    with engine.connect() as connection:
        return (
            connection.execute(
                select(report_links.c.report_id_a)
                .where(report_links.c.review_rank.is_(None))
                .limit(1)
            ).first()
            is not None
        )


def rank_links(engine: Engine) -> int:
    """Rank every stored pair with the current profiles and store the ranks; returns how many."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                report_links.c.report_id_a, report_links.c.report_id_b, report_links.c.probability
            )
        ).all()
        members = dict(
            connection.execute(
                select(aggressor_members.c.report_id, aggressor_members.c.aggressor_id)
            )
            .tuples()
            .all()
        )
    if not rows:
        return 0
    a, b, p = (np.array(column, dtype=object) for column in zip(*rows, strict=True))
    ranks = review_ranks(a, b, p.astype(float), members)
    values = [
        {"key_a": x, "key_b": y, "new_rank": int(r)} for x, y, r in zip(a, b, ranks, strict=True)
    ]
    statement = (
        update(report_links)
        .where(report_links.c.report_id_a == bindparam("key_a"))
        .where(report_links.c.report_id_b == bindparam("key_b"))
        .values(review_rank=bindparam("new_rank"))
    )
    with engine.begin() as connection:
        for start in range(0, len(values), _BATCH):
            connection.execute(statement, values[start : start + _BATCH])
    return len(values)


def _decided(engine: Engine) -> set[tuple[str, str]]:
    columns = ["report_id_a", "report_id_b", "decision"]
    with engine.connect() as connection:
        rows = connection.execute(
            select(*(link_decisions.c[c] for c in columns)).order_by(link_decisions.c.id)
        ).all()
    decided = current_decisions(pd.DataFrame([tuple(r) for r in rows], columns=columns))
    return set(zip(decided["report_id_a"], decided["report_id_b"], strict=True))


def _sizes(engine: Engine, report_ids: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Current profile of each report, and the size of each of those profiles."""
    sizes: dict[str, int] = {}
    with engine.connect() as connection:
        owner = profiles_of(connection, report_ids)
        profiles = sorted(set(owner.values()))
        for start in range(0, len(profiles), _CHUNK):
            chunk = profiles[start : start + _CHUNK]
            sizes.update(
                connection.execute(
                    select(aggressor_members.c.aggressor_id, func.count())
                    .where(aggressor_members.c.aggressor_id.in_(chunk))
                    .group_by(aggressor_members.c.aggressor_id)
                )
                .tuples()
                .all()
            )
    return owner, sizes


def pending_links(engine: Engine, limit: int = 50) -> pd.DataFrame:
    """Up to ``limit`` suggested links with no decision in force, the one a decision changes
    most first: ``report_id_a, report_id_b, probability, aggressor_a, aggressor_b, size_a,
    size_b, impact, evidence`` (a list of parts)."""
    columns = ["report_id_a", "report_id_b", "probability", "evidence"]
    if has_unranked(engine):
        rank_links(engine)
    done = _decided(engine)
    query = (
        select(*(report_links.c[c] for c in columns))
        .order_by(report_links.c.review_rank)
        .limit(WINDOW * limit + len(done))
    )
    with engine.connect() as connection:
        rows = [tuple(r) for r in connection.execute(query)]
    links = pd.DataFrame([r for r in rows if (r[0], r[1]) not in done], columns=columns)
    owner, sizes = _sizes(engine, sorted({*links["report_id_a"], *links["report_id_b"]}))
    a = links["report_id_a"].map(owner).fillna(links["report_id_a"])
    b = links["report_id_b"].map(owner).fillna(links["report_id_b"])
    ordered = review_order(
        links.assign(
            aggressor_a=a,
            aggressor_b=b,
            size_a=a.map(sizes).fillna(1).astype(int),
            size_b=b.map(sizes).fillna(1).astype(int),
        )
    ).head(limit)
    return ordered.assign(evidence=ordered["evidence"].map(json.loads))


def pending_count(engine: Engine) -> int:
    """How many stored suggested links have no decision in force."""
    done = sorted(_decided(engine))
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(report_links)).scalar_one()
        stored = 0
        for start in range(0, len(done), _CHUNK):
            chunk = done[start : start + _CHUNK]
            stored += connection.execute(
                select(func.count())
                .select_from(report_links)
                .where(tuple_(report_links.c.report_id_a, report_links.c.report_id_b).in_(chunk))
            ).scalar_one()
    return total - stored

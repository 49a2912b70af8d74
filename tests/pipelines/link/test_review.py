"""The stored review order (SQLite and PostgreSQL): the link stage ranks every stored pair as
``review_order`` would, the page reads a slice without decided pairs, unranked rows get ranked,
and the Inbox reads a linked report's best matches from the stored pairs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, delete, select, update

from analytics.review import review_order
from pipelines.link import record_decision, run_link_stage
from pipelines.link.lookup import best_candidates, stored_candidates
from pipelines.link.review import has_unranked, pending_count, pending_links, review_ranks
from pipelines.storage.tables import aggressor_members, report_links
from tests.conftest import Store
from tests.pipelines.test_linkage_stage import REPORTS, _load, _members, _normalise

MORE = [
    ("T-8", "Rick, caravan, wanted it for nothing", "250-555-0134", "BV4 21K"),
    ("T-9", "Dave in a white Civic again", "778-555-0177", ""),
    ("T-10", "silver caravan, said his name was Rick", "", "BV4 2?K"),
    ("T-11", "pickup guy with the knife", "604-555-0150", ""),
]


@pytest.fixture
def linked(initialised_store: Store, tmp_path: Path) -> Store:
    _load(initialised_store, tmp_path, [*REPORTS, *MORE])
    with initialised_store.engine() as engine:
        _normalise(initialised_store, engine)
        run_link_stage(engine, "test-user")
    return initialised_store


def _stored(engine: Engine) -> pd.DataFrame:
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                report_links.c.report_id_a,
                report_links.c.report_id_b,
                report_links.c.probability,
                report_links.c.review_rank,
            )
        ).all()
    return pd.DataFrame(
        [tuple(r) for r in rows], columns=["report_id_a", "report_id_b", "probability", "rank"]
    )


def _on_demand(links: pd.DataFrame, members: dict[str, str]) -> list[tuple[str, str]]:
    """The order the page used to compute at every render, from all pairs and profiles."""
    sizes = pd.Series(members).value_counts()
    a = links["report_id_a"].map(members)
    b = links["report_id_b"].map(members)
    ordered = review_order(
        links.assign(aggressor_a=a, aggressor_b=b, size_a=a.map(sizes), size_b=b.map(sizes))
    )
    return list(zip(ordered["report_id_a"], ordered["report_id_b"], strict=True))


def _by_rank(links: pd.DataFrame) -> list[tuple[str, str]]:
    ordered = links.sort_values("rank")
    return list(zip(ordered["report_id_a"], ordered["report_id_b"], strict=True))


def test_the_link_stage_stores_the_review_order(linked: Store) -> None:
    with linked.engine() as engine:
        links = _stored(engine)
        members = _members(engine)
        pending = pending_links(engine, limit=3)
        waiting = pending_count(engine)
    assert len(links) >= 5
    assert sorted(links["rank"]) == list(range(len(links)))
    assert _by_rank(links) == _on_demand(links, members)
    assert (
        list(zip(pending["report_id_a"], pending["report_id_b"], strict=True))
        == (_by_rank(links)[:3])
    )
    assert waiting == len(links)
    assert all(isinstance(parts, list) and parts for parts in pending["evidence"])


def test_decided_pairs_leave_the_slice_and_the_count(linked: Store) -> None:
    with linked.engine() as engine:
        first = pending_links(engine, limit=1).iloc[0]
        before = pending_count(engine)
        record_decision(engine, first["report_id_a"], first["report_id_b"], "rejected", "cora")
        after = pending_links(engine, limit=50)
        assert pending_count(engine) == before - 1
    pairs = set(zip(after["report_id_a"], after["report_id_b"], strict=True))
    assert (first["report_id_a"], first["report_id_b"]) not in pairs
    assert len(after) == before - 1


def test_pairs_without_a_rank_are_ranked_on_the_first_read(linked: Store) -> None:
    with linked.engine() as engine:
        expected = _by_rank(_stored(engine))
        with engine.begin() as connection:
            connection.execute(update(report_links).values(review_rank=None))
        assert has_unranked(engine)
        pending = pending_links(engine, limit=len(expected))
        assert not has_unranked(engine)
        assert _by_rank(_stored(engine)) == expected
    assert list(zip(pending["report_id_a"], pending["report_id_b"], strict=True)) == expected


def test_a_skipped_link_run_ranks_an_unranked_store(linked: Store) -> None:
    with linked.engine() as engine:
        with engine.begin() as connection:
            connection.execute(update(report_links).values(review_rank=None))
        summary = run_link_stage(engine, "test-user")
        assert summary["skipped"] == 1
        assert not has_unranked(engine)


@pytest.mark.parametrize(
    ("pairs", "owners", "expected"),
    [
        (  # a sure pair inside a profile last, an even pair joining two profiles first
            [("a", "b", 0.99), ("a", "c", 0.5), ("b", "d", 0.7)],
            {"a": "P", "b": "P", "c": "Q", "d": "R"},
            [2, 0, 1],
        ),
        (  # equal impact: the likelier pair first; a report with no profile is its own
            [("x", "z", 0.4), ("x", "y", 0.6)],
            {"x": "P", "y": "Q"},
            [1, 0],
        ),
        (  # the same uncertainty weighs more when the smaller profile is larger
            [("a", "c", 0.5), ("b", "e", 0.5)],
            {"a": "P", "b": "P", "c": "Q", "d": "Q", "e": "R"},
            [0, 1],
        ),
    ],
)
def test_review_ranks_put_uncertain_pairs_across_profiles_first(
    pairs: list[tuple[str, str, float]], owners: dict[str, str], expected: list[int]
) -> None:
    a, b, p = (np.array(column) for column in zip(*pairs, strict=True))
    assert list(review_ranks(a.astype(object), b.astype(object), p.astype(float), owners)) == (
        expected
    )


def test_the_inbox_reads_best_matches_from_the_stored_pairs(linked: Store) -> None:
    with linked.engine() as engine:
        members = _members(engine)
        found = stored_candidates(engine, "T-5", k=3)
        assert found is not None
        assert found.iloc[0]["aggressor_id"] == members["T-6"]
        assert found.iloc[0]["report_id"] in {"T-6", "T-11"}
        assert any("same phone" in part["label"] for part in found.iloc[0]["evidence"])
        assert "T-5" not in set(found["report_id"])
        assert list(found["probability"]) == sorted(found["probability"], reverse=True)
        assert found["aggressor_id"].is_unique

        with engine.begin() as connection:
            connection.execute(
                delete(aggressor_members).where(aggressor_members.c.report_id == "T-5")
            )
        assert stored_candidates(engine, "T-5") is None
        scored = best_candidates(engine, "T-5", k=3)
    assert scored.iloc[0]["aggressor_id"] == members["T-6"]
    assert "T-5" not in set(scored["report_id"])


def test_review_ranks_follow_review_order_exactly() -> None:
    rng = np.random.default_rng(5)
    reports = np.array([f"R-{i:03d}" for i in range(60)], dtype=object)
    pairs = {tuple(sorted(rng.choice(reports, 2, replace=False))) for _ in range(400)}
    a = np.array([x for x, _ in pairs], dtype=object)
    b = np.array([y for _, y in pairs], dtype=object)
    p = rng.choice([0.1, 0.5, 0.7, 0.93, rng.random()], len(a))
    owners = {r: f"A-{rng.integers(0, 12)}" for r in reports[:45]}
    owner = pd.Series(owners, dtype=object)
    aggressor_a = pd.Series(a).map(owner).fillna(pd.Series(a))
    aggressor_b = pd.Series(b).map(owner).fillna(pd.Series(b))
    sizes = owner.value_counts()
    links = pd.DataFrame(
        {
            "report_id_a": a,
            "report_id_b": b,
            "probability": p,
            "aggressor_a": aggressor_a,
            "aggressor_b": aggressor_b,
            "size_a": aggressor_a.map(sizes).fillna(1).astype(int),
            "size_b": aggressor_b.map(sizes).fillna(1).astype(int),
            "position": np.arange(len(a)),
        }
    )
    expected = np.empty(len(a), dtype=np.int64)
    expected[review_order(links)["position"].to_numpy()] = np.arange(len(a))
    assert list(review_ranks(a, b, p, owners)) == list(expected)

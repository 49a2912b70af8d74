"""Clustering resists chaining, always respects human decisions, and keeps aggressor ids."""

from __future__ import annotations

import numpy as np
import pytest

from analytics.link.clustering import ClusterSettings, assign_ids, cluster, cluster_profiles
from analytics.link.errors import DecisionConflictError


def _edges(*edges: tuple[int, int, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a, b, p = zip(*edges, strict=True)
    return np.array(a), np.array(b), np.array(p, dtype=float)


def _clique(members: range, probability: float = 0.99) -> list[tuple[int, int, float]]:
    return [(i, j, probability) for i in members for j in members if i < j]


def test_strong_pairs_join_and_weak_pairs_do_not() -> None:
    ia, ib, p = _edges((0, 1, 0.97), (1, 2, 0.9), (3, 4, 0.3))
    labels = cluster(5, ia, ib, p)
    assert list(labels) == [0, 0, 0, 1, 2]


def test_one_weak_link_does_not_fuse_two_large_profiles() -> None:
    edges = _clique(range(0, 5)) + _clique(range(5, 10)) + [(4, 5, 0.8)]
    labels = cluster(10, *_edges(*edges))
    assert len(set(labels[:5])) == 1 and len(set(labels[5:])) == 1
    assert labels[0] != labels[9]


def test_two_profiles_with_many_cross_links_do_merge() -> None:
    cross = [(0, 4, 0.7), (1, 5, 0.7), (2, 6, 0.7), (3, 7, 0.7)]
    edges = _clique(range(0, 4)) + _clique(range(4, 8)) + cross
    labels = cluster(8, *_edges(*edges))
    assert len(set(labels)) == 1


def test_rejected_pair_is_never_joined_even_through_others() -> None:
    ia, ib, p = _edges((0, 1, 0.99), (1, 2, 0.99), (0, 2, 0.99))
    labels = cluster(3, ia, ib, p, cannot_link=[(0, 2)])
    assert labels[0] != labels[2]
    assert labels[1] in (labels[0], labels[2])


def test_confirmed_pair_is_joined_whatever_its_score() -> None:
    ia, ib, p = _edges((0, 1, 0.01))
    labels = cluster(3, ia, ib, p, must_link=[(0, 2)])
    assert labels[0] == labels[2] != labels[1]


def test_contradicting_decisions_fail_loudly() -> None:
    ia, ib, p = _edges((0, 1, 0.5))
    with pytest.raises(DecisionConflictError, match="undo one of the decisions"):
        cluster(3, ia, ib, p, must_link=[(0, 1), (1, 2)], cannot_link=[(0, 2)])


def test_threshold_is_a_setting() -> None:
    ia, ib, p = _edges((0, 1, 0.6))
    assert list(cluster(2, ia, ib, p, settings=ClusterSettings(threshold=0.7))) == [0, 1]


def test_new_ids_are_deterministic_and_start_after_used_ones() -> None:
    result = assign_ids(["r1", "r2", "r3"], np.array([0, 0, 1]), used_ids=["AGG-000007"])
    assert list(result.aggressor_ids) == ["AGG-000008", "AGG-000008", "AGG-000009"]


def test_an_aggressor_keeps_its_id_when_a_new_report_joins() -> None:
    previous = {"r1": "AGG-000004", "r2": "AGG-000004", "r3": "AGG-000009"}
    result = assign_ids(["r0", "r1", "r2", "r3"], np.array([0, 0, 0, 1]), previous)
    assert list(result.aggressor_ids) == ["AGG-000004"] * 3 + ["AGG-000009"]
    assert result.history == []


def test_merges_and_splits_are_recorded() -> None:
    previous = {
        "r1": "AGG-000001",
        "r2": "AGG-000001",
        "r3": "AGG-000002",
        "r4": "AGG-000003",
        "r5": "AGG-000003",
        "r6": "AGG-000003",
    }
    labels = np.array([0, 0, 0, 1, 1, 2])
    result = assign_ids(["r1", "r2", "r3", "r4", "r5", "r6"], labels, previous)
    assert list(result.aggressor_ids) == ["AGG-000001"] * 3 + ["AGG-000003"] * 2 + ["AGG-000004"]
    assert result.history == [
        {"action": "created", "aggressor_id": "AGG-000004", "detail": ""},
        {"action": "merged", "aggressor_id": "AGG-000002", "detail": "merged into AGG-000001"},
        {"action": "split", "aggressor_id": "AGG-000003", "detail": "reports moved to AGG-000004"},
    ]


def _two_groups_and_bridges(
    bridges: list[tuple[int, int, float]], group: int = 8
) -> tuple[int, list[tuple[int, int, float]]]:
    return 2 * group, _clique(range(group)) + _clique(range(group, 2 * group)) + bridges


@pytest.mark.parametrize(
    ("case", "bridges"),
    [
        ("one weak pair", [(7, 8, 0.71)]),
        ("one strong pair", [(7, 8, 0.99)]),
        ("a common value shared by one report of each", [(3, 12, 0.9), (3, 13, 0.9)]),
        ("a lone report linked to both groups", [(0, 16, 0.95), (16, 15, 0.95)]),
        ("two pairs between the same two reports' corners", [(0, 8, 0.9), (1, 8, 0.9)]),
    ],
)
def test_two_dense_groups_stay_apart_across_a_thin_bridge(
    case: str, bridges: list[tuple[int, int, float]]
) -> None:
    n, edges = _two_groups_and_bridges(bridges)
    labels = cluster(n + 1, *_edges(*edges))
    assert len(set(labels[:8])) == 1 and len(set(labels[8:16])) == 1, case
    assert labels[0] != labels[15], case


def test_a_chain_of_links_does_not_become_one_profile() -> None:
    length = 26
    ia, ib, p = _edges(*[(i, i + 1, 0.8) for i in range(length - 1)])
    labels = cluster(length, ia, ib, p)
    assert np.bincount(labels).max() <= 4


def test_two_pairs_join_on_one_strong_link_but_larger_profiles_need_two() -> None:
    pairs = _edges((0, 1, 0.95), (2, 3, 0.95), (1, 2, 0.8))
    assert len(set(cluster(4, *pairs))) == 1
    triples = _edges(*_clique(range(3), 0.95), *_clique(range(3, 6), 0.95), (2, 3, 0.8))
    assert len(set(cluster(6, *triples))) == 2


def test_a_chain_of_small_groups_does_not_become_one_profile() -> None:
    groups = [range(4 * g, 4 * g + 4) for g in range(10)]
    edges = [edge for group in groups for edge in _clique(group)]
    edges += [(4 * g + 3, 4 * g + 4, 0.95) for g in range(9)]
    edges += [(4 * g + 2, 4 * g + 5, 0.9) for g in range(9)]
    labels = cluster(40, *_edges(*edges))
    assert np.bincount(labels).max() <= 8


def test_a_profile_above_the_size_limit_is_split_and_counted() -> None:
    edges = _clique(range(0, 6), 0.99) + _clique(range(6, 12), 0.98) + [(5, 6, 0.9), (4, 7, 0.9)]
    settings = ClusterSettings(density=0.0, max_size=6)
    result = cluster_profiles(12, *_edges(*edges), settings=settings)
    assert list(result.labels) == [0] * 6 + [1] * 6
    assert result.oversized_splits == 1
    unlimited = cluster_profiles(12, *_edges(*edges), settings=ClusterSettings(density=0.0))
    assert len(set(unlimited.labels)) == 1 and unlimited.oversized_splits == 0


def test_the_size_limit_never_breaks_a_confirmed_group() -> None:
    confirmed = [(i, i + 1) for i in range(4)]
    ia, ib, p = _edges((4, 5, 0.99))
    result = cluster_profiles(
        6, ia, ib, p, must_link=confirmed, settings=ClusterSettings(max_size=3)
    )
    assert len(set(result.labels[:5])) == 1 and result.labels[5] != result.labels[0]

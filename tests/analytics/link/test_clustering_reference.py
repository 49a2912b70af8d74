"""The fast clustering gives exactly what re-scoring every pair of profiles after every merge gives.

The reference below is the rule written out plainly (slow, for a few dozen reports): confirmed
pairs joined first, then repeatedly merge the densest pair of profiles that may merge (ties: the
lowest profile ids, a profile being named after its larger part). Probabilities are multiples of
1/64, so sums are exact and ties are common, which tests the order as well as the rule.
"""

from __future__ import annotations

from math import ceil

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.link import clustering
from analytics.link.clustering import ClusterSettings, _Keys, cluster_profiles
from analytics.link.errors import DecisionConflictError


def _reference(
    n: int,
    edges: list[tuple[int, int, float]],
    must: list[tuple[int, int]],
    cannot: list[tuple[int, int]],
    settings: ClusterSettings,
) -> np.ndarray:
    members = {i: {i} for i in range(n)}
    owner = list(range(n))

    def join(a: int, b: int) -> None:
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for report in members[b]:
            owner[report] = a
        members[a] |= members.pop(b)

    for a, b in must:
        if owner[a] != owner[b]:
            join(owner[a], owner[b])
    strong = [(a, b, p) for a, b, p in edges if p >= settings.threshold]
    while True:
        between: dict[tuple[int, int], list[float]] = {}
        for a, b, p in strong:
            ra, rb = owner[a], owner[b]
            if ra != rb:
                between.setdefault((min(ra, rb), max(ra, rb)), []).append(p)
        best = None
        for (ra, rb), chances in between.items():
            if any({owner[x], owner[y]} == {ra, rb} for x, y in cannot):
                continue
            size_a, size_b = len(members[ra]), len(members[rb])
            smaller = min(size_a, size_b)
            one_link = smaller <= 1 or max(size_a, size_b) <= settings.single_link_max
            if not one_link and len(chances) < max(2, ceil(settings.support * smaller)):
                continue
            average = sum(chances) / (size_a * size_b)
            if average >= settings.density and (best is None or (-average, ra, rb) < best):
                best = (-average, ra, rb)
        if best is None:
            break
        join(best[1], best[2])
    _, labels = np.unique(owner, return_inverse=True)
    first = {label: report for report, label in reversed(list(enumerate(labels)))}
    renumber = {label: k for k, label in enumerate(sorted(first, key=first.__getitem__))}
    return np.array([renumber[label] for label in labels])


def _random_case(
    seed: int,
) -> tuple[int, list[tuple[int, int, float]], list[tuple[int, int]], list[tuple[int, int]]]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 40))
    pairs = {(int(a), int(b)) for a, b in rng.integers(0, n, size=(n * 3, 2)) if a < b}
    edges = [(a, b, float(rng.integers(40, 65)) / 64) for a, b in sorted(pairs)]
    chosen = rng.permutation(len(edges))
    must = [edges[k][:2] for k in chosen[: int(rng.integers(0, 3))]]
    cannot = [edges[k][:2] for k in chosen[3 : 3 + int(rng.integers(0, 4))]]
    return n, edges, must, cannot


def _hub_case(
    seed: int,
) -> tuple[int, list[tuple[int, int, float]], list[tuple[int, int]], list[tuple[int, int]]]:
    """A few reports linked to most others, so merges hand over dozens of links at once."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(40, 90))
    hubs = rng.choice(n, size=3, replace=False)
    pairs = {(int(a), int(b)) for a, b in rng.integers(0, n, size=(n * 2, 2)) if a < b}
    for hub in hubs.tolist():
        for other in rng.choice(n, size=int(0.7 * n), replace=False).tolist():
            if other != hub:
                pairs.add((min(hub, other), max(hub, other)))
    edges = [(a, b, float(rng.integers(40, 65)) / 64) for a, b in sorted(pairs)]
    chosen = rng.permutation(len(edges))
    cannot = [edges[k][:2] for k in chosen[: int(rng.integers(0, 4))]]
    return n, edges, [], cannot


def _assert_fast_equals_reference(
    n: int,
    edges: list[tuple[int, int, float]],
    must: list[tuple[int, int]],
    cannot: list[tuple[int, int]],
) -> None:
    settings = ClusterSettings(max_size=10_000)
    ia, ib, p = (np.array(column) for column in zip(*edges, strict=True))
    try:
        fast = cluster_profiles(n, ia, ib, p, must, cannot, settings).labels
    except DecisionConflictError:
        pytest.skip("this random case has confirmed links joining a rejected pair")
    assert list(fast) == list(_reference(n, edges, must, cannot, settings))


ONE_BY_ONE_OR_NUMPY = pytest.mark.parametrize("offer_in_numpy", [10**9, 1])
"""Re-check the links a merge hands over one by one, or all with numpy."""


@ONE_BY_ONE_OR_NUMPY
@pytest.mark.parametrize("seed", range(40))
def test_fast_clustering_equals_rescoring_every_pair_after_every_merge(
    seed: int, offer_in_numpy: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clustering, "OFFER_IN_NUMPY", offer_in_numpy)
    _assert_fast_equals_reference(*_random_case(seed))


@ONE_BY_ONE_OR_NUMPY
@pytest.mark.parametrize("seed", range(10))
def test_fast_clustering_equals_rescoring_with_hubs(
    seed: int, offer_in_numpy: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clustering, "OFFER_IN_NUMPY", offer_in_numpy)
    _assert_fast_equals_reference(*_hub_case(seed))


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0.0, max_value=1.0),
            st.integers(0, 999),
            st.integers(0, 999),
            st.integers(0, 4_999),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_packed_merge_candidates_sort_densest_first_then_by_ids(
    entries: list[tuple[float, int, int, int]],
) -> None:
    keys = _Keys(profiles=1_000, slots=5_000)
    packed = [keys.key(*entry) for entry in entries]
    assert [keys.parts(key) for key in packed] == entries
    by_key = [keys.parts(key) for key in sorted(packed)]
    assert by_key == sorted(entries, key=lambda e: (-e[0], e[1], e[2], e[3]))
    negative = np.array([-e[0] for e in entries])
    low, high, slot = (np.array([e[i] for e in entries], dtype=np.int32) for i in (1, 2, 3))
    assert list(keys.in_order((negative, low, high, slot), block=7)) == packed

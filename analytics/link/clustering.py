"""Clustering pairs into aggressors, and keeping aggressor ids stable from one run to the next.

Profiles grow by average linkage over the pairs at or above ``threshold``: the pair of profiles
whose links are densest (summed probability over every possible pair between them) merges first,
and two profiles merge only while that density reaches ``density``. The evidence needed to join
two profiles therefore grows with the size of both, so a chain of local links (a phone shared by
two aggressors, a white Civic, "Mike") cannot fuse profiles transitively: a report or profile that
links to one corner of a large profile is not enough. Profiles of three or more reports also need
several links to another profile (``support``), so one pair never fuses two of them; two pairs
may join on one strong link. No merge joins
two reports a co-ordinator said are different people; pairs a co-ordinator confirmed are joined
first, whatever their score. As a last safety net, a profile larger than ``max_size`` is split at
its weakest links (strongest links re-joined first, no part above ``max_size``).
"""

from __future__ import annotations

import heapq
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from math import ceil

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import pair_codes, row_number_type
from analytics.link.errors import DecisionConflictError

ID_PREFIX = "AGG-"


@dataclass(frozen=True)
class ClusterSettings:
    threshold: float = 0.6
    """Pairs at or above this probability may join two profiles."""
    support: float = 0.3
    """Two profiles of several reports each merge only when at least this share of the smaller
    one's reports (and at least two) are linked to the other at or above ``threshold``."""
    single_link_max: int = 2
    """Two profiles of at most this many reports each may join on one link at or above
    ``threshold`` (a pair and a pair); larger ones need ``support``. A report alone may always
    join on one link."""
    density: float = 0.15
    """Two profiles merge only when the summed probability of their links reaches this share of
    every possible pair between them (``size_a * size_b``)."""
    max_size: int = 200
    """A profile with more reports than this is split at its weakest links."""


@dataclass(frozen=True)
class Clustering:
    """``labels``: a profile number (0..k-1, in order of first report) per report.
    ``oversized_splits``: how many extra profiles the ``max_size`` safety net made."""

    labels: np.ndarray
    oversized_splits: int


class _Profiles:
    """Union–find over reports with, per profile, its size and its cannot-link partners."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n
        self.apart: dict[int, set[int]] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def add_apart(self, a: int, b: int) -> None:
        self.apart.setdefault(a, set()).add(b)
        self.apart.setdefault(b, set()).add(a)

    def union(self, a: int, b: int) -> int:
        """Join two profiles under the larger one's id (``a``'s when equal); returns that id."""
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        for other in self.apart.pop(b, set()):
            self.apart[other].discard(b)
            self.apart[other].add(a)
            self.apart.setdefault(a, set()).add(other)
        return a


class _Links:
    """The links between profiles, one slot per linked pair: the sum of its two ends (less one
    end, the other), summed probability and count, in flat arrays (a million reports' links
    would take gigabytes as dictionaries).

    Each profile lists its slots: starting profiles in one shared table, merged ones in an array
    of their own. A merge moves no slot: where the absorbed profile and the root both link to a
    profile, the root's slot gets the absorbed one's sums added and the absorbed one's dies;
    the absorbed profile's other slots now end at the root. Lists keep dead slots until read.
    Two live profiles share at most one live slot. The ends are summed into ``low``'s memory
    where they fit: the caller gives up ``low`` and ``high``.
    """

    def __init__(
        self, n: int, low: np.ndarray, high: np.ndarray, weight: np.ndarray, count: np.ndarray
    ) -> None:
        self.weight, self.count = weight, count
        self.alive = np.ones(len(low), dtype=bool)
        ends = np.concatenate([low, high])
        order = np.argsort(ends, kind="stable")
        self.start = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=n))])
        del ends
        order %= len(low)
        self.table = order.astype(row_number_type(max(n, 2 * len(low))))
        self.merged: dict[int, np.ndarray] = {}
        self.slot_to = np.full(n, -1, dtype=self.table.dtype)
        """Scratch for ``merge``: the root's slot to each profile it links to, else -1."""
        self.ends = low.astype(row_number_type(2 * n), copy=False)
        self.ends += high
        """Made in ``low``'s memory where the sums fit, so ``high`` can go."""

    def slots(self, profile: int) -> np.ndarray:
        """The live slots of a profile."""
        slots = self.merged.get(profile)
        if slots is None:
            slots = self.table[self.start[profile] : self.start[profile + 1]]
        return slots[self.alive[slots]]

    def others(self, slots: np.ndarray, profile: int) -> np.ndarray:
        """The profile at the other end of each slot."""
        return self.ends[slots] - profile

    def merge(self, root: int, absorbed: int, between: int) -> tuple[np.ndarray, np.ndarray]:
        """Give ``absorbed``'s links to ``root`` (``between`` is their slot); returns the slots
        and other ends of the profiles ``absorbed`` was linked to, now linked to ``root``."""
        self.alive[between] = False
        mine, theirs = self.slots(root), self.slots(absorbed)
        theirs_others = self.others(theirs, absorbed)
        found = self._root_slots(mine, root, theirs_others)
        shared = found >= 0
        gone, moved, keeper = theirs[shared], theirs[~shared], found[shared]
        self.weight[keeper] += self.weight[gone]
        self.count[keeper] += self.count[gone]
        self.alive[gone] = False
        self.ends[moved] += root - absorbed
        self.merged.pop(absorbed, None)
        self.merged[root] = np.concatenate([mine, moved])
        return np.where(shared, found, theirs), theirs_others

    def _root_slots(self, mine: np.ndarray, root: int, wanted: np.ndarray) -> np.ndarray:
        """The slot of ``root`` (whose live slots are ``mine``) to each of ``wanted``, else -1."""
        mine_others = self.others(mine, root)
        self.slot_to[mine_others] = mine
        found = self.slot_to[wanted]
        self.slot_to[mine_others] = -1
        return found


def _joined_by_decisions(
    n: int, must_link: Iterable[tuple[int, int]], cannot_link: Iterable[tuple[int, int]]
) -> _Profiles:
    """Profiles made of confirmed links only, with every rejected pair kept apart."""
    profiles = _Profiles(n)
    for a, b in must_link:
        ra, rb = profiles.find(int(a)), profiles.find(int(b))
        if ra != rb:
            profiles.union(ra, rb)
    cannot = [(int(a), int(b)) for a, b in cannot_link]
    clashes = [(a, b) for a, b in cannot if profiles.find(a) == profiles.find(b)]
    if clashes:
        raise DecisionConflictError(
            f"{len(clashes)} pair(s) marked as different people are joined by confirmed links "
            f"(report rows {clashes[:5]}); undo one of the decisions involved"
        )
    for a, b in cannot:
        profiles.add_apart(profiles.find(a), profiles.find(b))
    return profiles


def _may_merge(
    profiles: _Profiles, links: _Links, a: int, b: int, slot: int, settings: ClusterSettings
) -> float | None:
    """The average linkage of profiles ``a`` and ``b`` (linked at ``slot``) if they may merge,
    else ``None``."""
    if b in profiles.apart.get(a, ()):
        return None
    weight, count = links.weight.item(slot), links.count.item(slot)
    size_a, size_b = profiles.size[a], profiles.size[b]
    smaller = min(size_a, size_b)
    one_link = smaller <= 1 or max(size_a, size_b) <= settings.single_link_max
    if not one_link and count < max(2, ceil(settings.support * smaller)):
        return None
    average = weight / (size_a * size_b)
    return average if average >= settings.density else None


def _starting_links(
    profiles: _Profiles, edge_a: np.ndarray, edge_b: np.ndarray, probability: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each linked pair of starting profiles ``(low, high, weight, count)``, from pairs (in
    descending order of probability) between their reports.

    Weights are summed in the pairs' order, so they are the same floats a pair-by-pair sum
    gives."""
    n = len(profiles.parent)
    index = row_number_type(n)
    if any(profiles.parent[i] != i for i in range(n)):
        roots = np.fromiter((profiles.find(i) for i in range(n)), dtype=index, count=n)
        ra, rb = roots[edge_a], roots[edge_b]
    else:
        ra, rb = (
            np.asarray(edge_a).astype(index, copy=False),
            np.asarray(edge_b).astype(index, copy=False),
        )
    keep = ra != rb
    low, high = np.minimum(ra, rb)[keep], np.maximum(ra, rb)[keep]
    del ra, rb
    chance = np.asarray(probability, dtype=float)[keep]
    order = np.argsort(pair_codes(low, high, n), kind="stable")
    low, high, chance = low[order], high[order], chance[order]
    del order
    if not len(low):
        return low, high, chance, np.zeros(0, dtype=index)
    starts = np.flatnonzero(np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])])
    count = np.diff(np.r_[starts, len(low)]).astype(index)
    weight = chance[starts].copy()
    for group in np.flatnonzero(count > 1).tolist():
        total = 0.0
        for value in chance[starts[group] : starts[group] + count[group]].tolist():
            total += value
        weight[group] = total
    return low[starts], high[starts], weight, count


Candidates = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""Pairs of profiles that may merge, densest first: ``(-average, low, high, slot)``, one array
each."""


def _mergeable(
    size_a: np.ndarray | int,
    size_b: np.ndarray | int,
    weight: np.ndarray,
    count: np.ndarray,
    settings: ClusterSettings,
) -> tuple[np.ndarray, np.ndarray]:
    """``_may_merge``'s rules (cannot-links aside) over many pairs at once, in its float
    arithmetic: which pairs may merge, and the average linkage of each."""
    smaller = np.minimum(size_a, size_b)
    one_link = (smaller <= 1) | (np.maximum(size_a, size_b) <= settings.single_link_max)
    needed = np.maximum(2, np.ceil(settings.support * smaller))
    average = weight / (size_a * size_b)
    return (one_link | (count >= needed)) & (average >= settings.density), average


def _first_candidates(
    profiles: _Profiles,
    settings: ClusterSettings,
    low: np.ndarray,
    high: np.ndarray,
    weight: np.ndarray,
    count: np.ndarray,
) -> Candidates:
    """``_may_merge`` over every starting pair at once (slot ``k`` is pair ``k``), sorted."""
    size = np.asarray(profiles.size, dtype=np.int64)
    ok, average = _mergeable(size[low], size[high], weight, count, settings)
    if profiles.apart:
        for k in np.flatnonzero(ok).tolist():
            if int(high[k]) in profiles.apart.get(int(low[k]), ()):
                ok[k] = False
    slots = np.flatnonzero(ok).astype(row_number_type(len(ok)))
    del ok
    negative = -average[slots]
    del average
    order = np.lexsort((high[slots], low[slots], negative))
    slots = slots[order]
    return negative[order], low[slots], high[slots], slots


_DOUBLE, _UNSIGNED = struct.Struct("<d"), struct.Struct("<Q")
_ALL_BITS = (1 << 64) - 1


class _Keys:
    """Merge candidates ``(average, low, high, slot)`` packed into one integer each, ordered
    densest first, then by lowest ids, then slot: a million reports' queue held as tuples took
    1.6 GB, as integers a third of that. An average is never negative, so its bits order as
    the average does."""

    def __init__(self, profiles: int, slots: int) -> None:
        self.profiles, self.slots = profiles, max(slots, 1)
        self.shift = (profiles * profiles * self.slots).bit_length()
        self.mask = (1 << self.shift) - 1

    def key(self, average: float, low: int, high: int, slot: int) -> int:
        bits = _UNSIGNED.unpack(_DOUBLE.pack(average))[0]
        return ((_ALL_BITS - bits) << self.shift) | (
            (low * self.profiles + high) * self.slots + slot
        )

    def parts(self, key: int) -> tuple[float, int, int, int]:
        bits = _ALL_BITS - (key >> self.shift)
        return _DOUBLE.unpack(_UNSIGNED.pack(bits))[0], *self.pair_and_slot(key)

    def ends(self, key: int) -> tuple[int, int]:
        return divmod((key & self.mask) // self.slots, self.profiles)

    def pair_and_slot(self, key: int) -> tuple[int, int, int]:
        """``(low, high, slot)`` of a key."""
        pair, slot = divmod(key & self.mask, self.slots)
        low, high = divmod(pair, self.profiles)
        return low, high, slot

    def many(
        self, average: np.ndarray, low: np.ndarray, high: np.ndarray, slot: np.ndarray
    ) -> list[int]:
        """``key`` of each candidate, made with numpy as far as it can."""
        inverted = (~average.view(np.uint64)).tolist()
        pairs = (low.astype(np.int64) * self.profiles + high).tolist()
        shift, slots = self.shift, self.slots
        return [
            (bits << shift) | (pair * slots + one)
            for bits, pair, one in zip(inverted, pairs, slot.tolist(), strict=True)
        ]

    def in_order(
        self, candidates: Candidates, sizes: np.ndarray | None = None, block: int = 4096
    ) -> Iterator[int]:
        """The keys of sorted candidates, made a block at a time rather than all at once;
        without those naming a profile of size 0 in ``sizes`` (one absorbed) when made."""
        negative, low, high, slot = candidates
        for start in range(0, len(negative), block):
            part = slice(start, start + block)
            keep: slice | np.ndarray = slice(None)
            if sizes is not None:
                keep = (sizes[low[part]] > 0) & (sizes[high[part]] > 0)
            yield from self.many(
                -negative[part][keep], low[part][keep], high[part][keep], slot[part][keep]
            )


HEAP_SWEEP = 1_000_000
"""Entries the merge heap holds before those of absorbed profiles are swept out (then twice
what is left): at a million reports, half of four million entries are such leftovers."""


def _swept(heap: list[int], parent: list[int], keys: _Keys) -> list[int]:
    """The heap without entries naming an absorbed profile (they would be skipped anyway)."""
    live = []
    for key in heap:
        low, high = keys.ends(key)
        if parent[low] == low and parent[high] == high:
            live.append(key)
    heapq.heapify(live)
    return live


OFFER_IN_NUMPY = 16
"""From how many slots ``_offers`` decides with numpy rather than one by one (the faster way
from about there)."""


def _offers(
    profiles: _Profiles,
    links: _Links,
    sizes: np.ndarray,
    keys: _Keys,
    settings: ClusterSettings,
    root: int,
    slots: np.ndarray,
    others: np.ndarray,
) -> list[int]:
    """The keys of ``root`` and each of ``others`` (linked at ``slots``) that may merge."""
    if len(slots) < OFFER_IN_NUMPY:
        offered: list[int] = []
        for slot, other in zip(slots.tolist(), others.tolist(), strict=True):
            average = _may_merge(profiles, links, root, other, slot, settings)
            if average is not None:
                offered.append(keys.key(average, min(root, other), max(root, other), slot))
        return offered
    ok, averages = _may_merge_many(profiles, links, sizes, settings, root, slots, others)
    others = others[ok]
    return keys.many(averages[ok], np.minimum(others, root), np.maximum(others, root), slots[ok])


def _may_merge_many(
    profiles: _Profiles,
    links: _Links,
    sizes: np.ndarray,
    settings: ClusterSettings,
    root: int,
    slots: np.ndarray,
    others: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """``_may_merge`` of ``root`` and each of ``others`` at once, in the same float arithmetic:
    which may merge, and the average linkage of each."""
    size_other = sizes[others].astype(np.int64)
    ok, average = _mergeable(
        size_other, profiles.size[root], links.weight[slots], links.count[slots], settings
    )
    apart = profiles.apart.get(root)
    if apart:
        ok &= ~np.isin(others, list(apart))
    return ok, average


def _agglomerate(
    profiles: _Profiles, links: _Links, settings: ClusterSettings, first: Candidates
) -> None:
    """Average-linkage merging, densest pair of profiles first, until no pair may merge.

    Candidates are ``(average, low, high, slot)`` as ``_Keys``: the starting ones (``first``,
    sorted) are read in order, and later ones come from a heap, both kept lazily. When two
    profiles merge, only the pairs whose links changed (those of the profile that was absorbed)
    are offered again; every other pair of the new profile only got less dense and harder to
    support, so its old entry still ranks it at least as high as it now deserves. An entry that
    comes to the top is re-checked, and offered again at its current average if that changed
    and it may still merge. The pair merged at each step is therefore the densest of all that
    may merge (ties: lowest ids), as if every pair were re-scored after every merge.

    The pairs a merge hands over are re-checked with numpy when there are many (``sizes`` keeps
    profile sizes as an array for that, 0 once absorbed), and starting candidates already
    absorbed are dropped in blocks; neither changes what is merged.
    """
    keys = _Keys(len(profiles.parent), len(links.weight))
    heap: list[int] = []
    sweep_at = HEAP_SWEEP
    parent, size = profiles.parent, profiles.size
    sizes = np.asarray(size, dtype=row_number_type(len(size)))
    starting = keys.in_order(first, sizes)
    upcoming = next(starting, None)
    pop, push = heapq.heappop, heapq.heappush
    while True:
        if upcoming is not None and not (heap and heap[0] < upcoming):
            entry, upcoming = upcoming, next(starting, None)
        elif heap:
            entry = pop(heap)
        else:
            break
        a, b, slot = keys.pair_and_slot(entry)
        if parent[a] != a or parent[b] != b:
            continue
        average = _may_merge(profiles, links, a, b, slot, settings)
        if average is None:
            continue
        now = keys.key(average, a, b, slot)
        if now != entry:
            push(heap, now)
            continue
        root = profiles.union(a, b)
        absorbed = b if root == a else a
        sizes[root], sizes[absorbed] = size[root], 0
        slots, others = links.merge(root, absorbed, slot)
        for key in _offers(profiles, links, sizes, keys, settings, root, slots, others):
            push(heap, key)
        if len(heap) > sweep_at:
            heap = _swept(heap, parent, keys)
            sweep_at = max(HEAP_SWEEP, 2 * len(heap))


def _split_oversized(
    roots: np.ndarray,
    edge_a: np.ndarray,
    edge_b: np.ndarray,
    must_link: list[tuple[int, int]],
    cannot_link: list[tuple[int, int]],
    max_size: int,
) -> tuple[np.ndarray, int]:
    """Re-build each profile above ``max_size`` from its strongest links (``edge_*`` are in
    descending order of probability), never letting a part pass ``max_size``; confirmed groups
    stay whole and rejected pairs apart. Returns new roots and how many extra profiles it made."""
    n = len(roots)
    counts = np.bincount(roots, minlength=n)
    big = counts[roots] > max_size
    if not big.any():
        return roots, 0
    parts = _joined_by_decisions(n, must_link, cannot_link)
    inside = big[edge_a] & (roots[edge_a] == roots[edge_b])
    for a, b in zip(edge_a[inside].tolist(), edge_b[inside].tolist(), strict=True):
        ra, rb = parts.find(a), parts.find(b)
        if ra == rb or rb in parts.apart.get(ra, ()):
            continue
        if parts.size[ra] + parts.size[rb] <= max_size:
            parts.union(ra, rb)
    rows = np.flatnonzero(big)
    new_roots = roots.copy()
    new_roots[rows] = n + np.fromiter((parts.find(int(i)) for i in rows), np.int64, len(rows))
    extra = len(np.unique(new_roots[rows])) - len(np.unique(roots[rows]))
    return new_roots, extra


def cluster_profiles(
    n: int,
    ia: np.ndarray,
    ib: np.ndarray,
    probability: np.ndarray,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    settings: ClusterSettings | None = None,
) -> Clustering:
    """Profiles of ``n`` reports from scored pairs ``(ia, ib, probability)`` and decisions."""
    settings = settings or ClusterSettings()
    must = [(int(a), int(b)) for a, b in must_link]
    cannot = [(int(a), int(b)) for a, b in cannot_link]
    profiles = _joined_by_decisions(n, must, cannot)
    strong = np.flatnonzero(probability >= settings.threshold)
    strong = strong[np.argsort(-probability[strong], kind="stable")]
    edge_a, edge_b = np.asarray(ia)[strong], np.asarray(ib)[strong]
    starting = _starting_links(profiles, edge_a, edge_b, probability[strong])
    first = _first_candidates(profiles, settings, *starting)
    links = _Links(n, *starting)
    del starting
    _agglomerate(profiles, links, settings, first)
    roots = np.fromiter((profiles.find(i) for i in range(n)), dtype=np.int64, count=n)
    roots, extra = _split_oversized(roots, edge_a, edge_b, must, cannot, settings.max_size)
    _, labels = np.unique(roots, return_inverse=True)
    order = pd.Series(np.arange(n)).groupby(labels).min().sort_values()
    renumber = np.empty(len(order), dtype=np.int64)
    renumber[order.index.to_numpy()] = np.arange(len(order))
    return Clustering(renumber[labels], extra)


def cluster(
    n: int,
    ia: np.ndarray,
    ib: np.ndarray,
    probability: np.ndarray,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    settings: ClusterSettings | None = None,
) -> np.ndarray:
    """A profile number (0..k-1, in order of first report) for each of ``n`` reports."""
    return cluster_profiles(n, ia, ib, probability, must_link, cannot_link, settings).labels


@dataclass
class IdAssignment:
    """Aggressor id per report, plus what happened to earlier aggressors."""

    aggressor_ids: np.ndarray
    history: list[dict[str, str]] = field(default_factory=list)


def _number(aggressor_id: str) -> int:
    digits = aggressor_id.removeprefix(ID_PREFIX)
    return int(digits) if digits.isdigit() else 0


def assign_ids(
    report_ids: Sequence[str] | np.ndarray,
    labels: np.ndarray,
    previous: Mapping[str, str] | None = None,
    used_ids: Iterable[str] = (),
) -> IdAssignment:
    """Give each profile an aggressor id; a profile keeps the earlier id of most of its reports.

    An earlier aggressor whose reports now sit under another id is recorded as ``merged``; one
    whose reports went to several profiles is recorded as ``split``; new profiles as ``created``.
    """
    previous = previous or {}
    frame = pd.DataFrame({"report_id": np.asarray(report_ids, dtype=object), "profile": labels})
    frame["old"] = frame["report_id"].map(previous)
    overlap = (
        frame.dropna(subset=["old"])
        .groupby(["profile", "old"])
        .size()
        .rename("count")
        .reset_index()
        .sort_values(["count", "old"], ascending=[False, True], kind="stable")
    )
    owner: dict[int, str] = {}
    taken: set[str] = set()
    for profile, old in zip(overlap["profile"], overlap["old"], strict=True):
        if profile not in owner and old not in taken:
            owner[int(profile)] = str(old)
            taken.add(str(old))
    next_number = 1 + max((_number(i) for i in [*previous.values(), *used_ids]), default=0)
    history: list[dict[str, str]] = []
    for profile in np.unique(labels):
        if int(profile) not in owner:
            owner[int(profile)] = f"{ID_PREFIX}{next_number:06d}"
            next_number += 1
            if previous:
                history.append(
                    {"action": "created", "aggressor_id": owner[int(profile)], "detail": ""}
                )
    ids = frame["profile"].map(owner).to_numpy(dtype=object)
    frame["new"] = ids
    moved = frame.dropna(subset=["old"])
    for old, group in moved.groupby("old", sort=True):
        destinations = sorted(set(group["new"]))
        if old not in taken:
            history.append(
                {
                    "action": "merged",
                    "aggressor_id": str(old),
                    "detail": f"merged into {', '.join(destinations)}",
                }
            )
        elif len(destinations) > 1:
            others = [d for d in destinations if d != old]
            history.append(
                {
                    "action": "split",
                    "aggressor_id": str(old),
                    "detail": f"reports moved to {', '.join(others)}",
                }
            )
    return IdAssignment(ids, history)

"""Clustering pairs into aggressors, and keeping aggressor ids stable from one run to the next.

Linking is greedy, strongest pair first, with two guards against chaining: two profiles that
each hold several reports merge only when enough of their reports link to each other (not on one
weak pair), and no merge may join two reports a co-ordinator said are different people. Pairs a
co-ordinator confirmed are joined first, whatever their score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import ceil

import numpy as np
import pandas as pd

from analytics.link.errors import DecisionConflictError

ID_PREFIX = "AGG-"


@dataclass(frozen=True)
class ClusterSettings:
    threshold: float = 0.7
    """Pairs at or above this probability may join two profiles."""
    support: float = 0.3
    """Two profiles of several reports each merge only when at least this share of the smaller
    one's reports (and at least two) are linked to the other at or above ``threshold``."""


class _Profiles:
    """Union–find over reports with, per profile, its links to other profiles and its
    cannot-link partners."""

    def __init__(self, n: int) -> None:
        self.parent = np.arange(n)
        self.size = np.ones(n, dtype=np.int64)
        self.links: dict[int, dict[int, int]] = {}
        self.apart: dict[int, set[int]] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return int(root)

    def add_link(self, a: int, b: int) -> None:
        self.links.setdefault(a, {})
        self.links.setdefault(b, {})
        self.links[a][b] = self.links[a].get(b, 0) + 1
        self.links[b][a] = self.links[b].get(a, 0) + 1

    def add_apart(self, a: int, b: int) -> None:
        self.apart.setdefault(a, set()).add(b)
        self.apart.setdefault(b, set()).add(a)

    def union(self, a: int, b: int) -> int:
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        for other, count in self.links.pop(b, {}).items():
            self.links[other].pop(b, None)
            if other == a:
                continue
            self.links.setdefault(a, {})
            self.links[a][other] = self.links[a].get(other, 0) + count
            self.links[other][a] = self.links[other].get(a, 0) + count
        if a in self.links:
            self.links[a].pop(a, None)
        for other in self.apart.pop(b, set()):
            self.apart[other].discard(b)
            self.apart[other].add(a)
            self.apart.setdefault(a, set()).add(other)
        return a


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
    settings = settings or ClusterSettings()
    profiles = _Profiles(n)
    for a, b in must_link:
        ra, rb = profiles.find(int(a)), profiles.find(int(b))
        if ra != rb:
            profiles.union(ra, rb)
    cannot = list(cannot_link)
    clashes = [(a, b) for a, b in cannot if profiles.find(int(a)) == profiles.find(int(b))]
    if clashes:
        raise DecisionConflictError(
            f"{len(clashes)} pair(s) marked as different people are joined by confirmed links "
            f"(report rows {clashes[:5]}); undo one of the decisions involved"
        )
    for a, b in cannot:
        profiles.add_apart(profiles.find(int(a)), profiles.find(int(b)))
    strong = np.flatnonzero(probability >= settings.threshold)
    strong = strong[np.argsort(-probability[strong], kind="stable")]
    edge_a, edge_b = ia[strong].tolist(), ib[strong].tolist()
    for a, b in zip(edge_a, edge_b, strict=True):
        ra, rb = profiles.find(a), profiles.find(b)
        if ra != rb:
            profiles.add_link(ra, rb)
    for a, b in zip(edge_a, edge_b, strict=True):
        ra, rb = profiles.find(a), profiles.find(b)
        if ra == rb or rb in profiles.apart.get(ra, ()):
            continue
        smaller = min(profiles.size[ra], profiles.size[rb])
        if smaller > 1:
            needed = max(2, ceil(settings.support * smaller))
            if profiles.links.get(ra, {}).get(rb, 0) < needed:
                continue
        profiles.union(ra, rb)
    roots = np.fromiter((profiles.find(i) for i in range(n)), dtype=np.int64, count=n)
    _, labels = np.unique(roots, return_inverse=True)
    order = pd.Series(np.arange(n)).groupby(labels).min().sort_values()
    renumber = np.empty(len(order), dtype=np.int64)
    renumber[order.index.to_numpy()] = np.arange(len(order))
    return renumber[labels]


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

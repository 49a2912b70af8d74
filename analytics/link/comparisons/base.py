"""What every comparison is: named levels, each with a plain-language label.

A comparison looks at one kind of evidence for many pairs of reports at once and puts each pair
on one of its levels. Level 0 is always "not comparable" (one report does not say) and carries no
weight. The scorer learns how much each other level counts; ``explain`` gives the words a
co-ordinator reads, with the values from both reports.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from analytics.link.frequencies import (
    EncodedTexts,
    TextVectors,
    frequency_table,
    lookup_frequencies,
)


@dataclass(frozen=True)
class Level:
    """One level of a comparison.

    ``m`` is a starting guess of how often two reports of one aggressor land here; ``tf`` marks
    levels whose weight depends on how common the agreed value is. ``at_most`` names a closer
    level of the same comparison that this one may never outweigh ("similar name" never counts
    more than "same name"); ``against`` marks a disagreement, which never counts towards a link.
    The scorer learns weights within these limits.
    """

    name: str
    description: str
    m: float
    tf: bool = False
    at_most: str | None = None
    against: bool = False


class Prepared:
    """The prepared report table plus a cache of derived arrays shared by comparisons.

    ``reference`` (default: itself) is where frequencies come from: a few reports scored against
    a whole store use the store's word and value frequencies, not their own.
    """

    def __init__(self, frame: pd.DataFrame, reference: Prepared | None = None) -> None:
        self.frame = frame
        self.reference = reference if reference is not None else self
        self._cache: dict[str, Any] = {}
        self._building = threading.RLock()

    def __len__(self) -> int:
        return len(self.frame)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()``, once: threads comparing chunks of pairs at the same time wait for the
        first to build a value rather than each building it."""
        if key not in self._cache:
            with self._building:
                if key not in self._cache:
                    self._cache[key] = build()
        return self._cache[key]

    def forget(self, key: str) -> None:
        """Drops a value ``cached`` for one step only."""
        self._cache.pop(key, None)

    def column(self, name: str) -> np.ndarray:
        return self.cached(f"column:{name}", lambda: self.frame[name].to_numpy())

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """Each report's value of a text column as an integer (-1 for blank), and the values:
        comparing codes is much faster than comparing strings, pair by pair."""

        def build() -> tuple[np.ndarray, np.ndarray]:
            codes, names = pd.factorize(np.asarray(self.column(column), dtype=object))
            codes = codes.astype(np.int64)
            blank = np.flatnonzero(pd.isna(names) | (names == ""))
            if len(blank):
                keep = np.ones(len(names), dtype=bool)
                keep[blank] = False
                renumber = np.cumsum(keep) - 1
                renumber[blank] = -1
                codes = np.where(codes >= 0, renumber[np.maximum(codes, 0)], -1)
                names = names[keep]
            return codes, np.asarray(names, dtype=object)

        return self.cached(f"codes:{column}", build)

    def frequencies(self, column: str) -> pd.Series:
        """Share of reports (in the reference) holding each value of ``column``."""
        reference = self.reference
        return reference.cached(f"tf:{column}", lambda: frequency_table(reference.frame[column]))

    def value_shares(self, column: str) -> np.ndarray:
        """``frequencies`` of each of ``codes(column)``'s values, looked up once."""
        return self.cached(
            f"shares:{column}",
            lambda: lookup_frequencies(self.frequencies(column), self.codes(column)[1]),
        )

    def texts(self, column: str) -> EncodedTexts:
        """TF-IDF vectors of ``column``, with vocabulary and weights from the reference."""
        reference = self.reference
        model = reference.cached(
            f"tfidf-model:{column}", lambda: TextVectors().fit(reference.frame[column])
        )
        return self.cached(f"tfidf:{column}", lambda: model.encode(self.frame[column]))


class Comparison(ABC):
    """One kind of evidence. Subclasses set ``name`` and ``levels`` and implement ``compare``."""

    name: ClassVar[str]
    levels: ClassVar[tuple[Level, ...]]
    rarer_counts_more: ClassVar[bool] = False
    """For ``tf`` levels: a rarer agreed value adds at least half a bit of weight for each
    halving of its share, whatever the training data says ("Thaddeus" counts more than "Mike").
    Learned freely, aliases and marks came out the other way round, because a store's counts mix
    how common a value is with how often one man is reported. Not for phones, where a number in
    many reports is one man reported often."""

    @abstractmethod
    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """The level (an index into ``levels``) of each pair ``(ia[k], ib[k])``."""

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray | None:
        """For levels marked ``tf``: the share of reports holding the agreed value (else nan)."""
        return None

    @abstractmethod
    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        """Plain-language label of each pair's level, with the values seen (object array)."""

    def redacted(self, levels: np.ndarray) -> np.ndarray:
        """Labels without any values, for explanations that leave the co-ordinator's hands."""
        descriptions = np.array([level.description for level in self.levels], dtype=object)
        return descriptions[levels]


def values(prepared: Prepared, column: str, rows: np.ndarray) -> pd.Series:
    """Text values of ``column`` at ``rows``, as a Series with a fresh index (for string ops)."""
    return pd.Series(prepared.column(column)[rows], dtype=object).fillna("").astype(str)


def by_level(levels: np.ndarray, labels: dict[int, pd.Series | str]) -> np.ndarray:
    """Pick each pair's label from per-level label Series (or fixed strings)."""
    out = np.full(len(levels), "", dtype=object)
    for level, label in labels.items():
        mask = levels == level
        if not mask.any():
            continue
        out[mask] = label if isinstance(label, str) else label.to_numpy(dtype=object)[mask]
    return out


def row_number_type(n: int) -> type[np.signedinteger]:
    """The integer type for row numbers below ``n``: 32 bits where they fit, half the memory of
    the hundred million pairs a million reports make."""
    return np.int32 if n < 2**31 else np.int64


def pair_codes(ia: np.ndarray, ib: np.ndarray, n: int) -> np.ndarray:
    """One int64 per unordered pair."""
    low = np.minimum(ia, ib).astype(np.int64, copy=False)
    low *= n
    low += np.maximum(ia, ib)
    return low


def _lists_several(prepared: Prepared, column: str) -> np.ndarray:
    """Whether each report's ``;``-list column holds more than one item."""
    return prepared.cached(
        f"several:{column}",
        lambda: (
            pd.Series(prepared.column(column), dtype=object)
            .str.contains(";", regex=False)
            .to_numpy(bool)
        ),
    )


def lists_share(prepared: Prepared, column: str, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """For a ``;``-list column: whether each pair shares an item (``list_overlap`` without
    naming it, for comparing millions of pairs)."""
    values = prepared.column(column)
    several = _lists_several(prepared, column)
    codes = prepared.codes(column)[0]
    ca, cb = codes[ia], codes[ib]
    filled = (ca >= 0) & (cb >= 0)
    found = filled & (ca == cb)
    for k in np.flatnonzero(filled & (several[ia] | several[ib])).tolist():
        theirs = set(values[ib[k]].split(";"))
        found[k] = any(item in theirs for item in values[ia[k]].split(";") if item)
    return found


def list_overlap(
    prepared: Prepared, column: str, ia: np.ndarray, ib: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For a ``;``-list column: whether each pair shares an item, and the (first) shared item."""
    found = lists_share(prepared, column, ia, ib)
    values = prepared.column(column)
    several = _lists_several(prepared, column)
    codes, names = prepared.codes(column)
    shared = np.full(len(ia), "", dtype=object)
    alone = np.flatnonzero(found & ~several[ia] & ~several[ib])
    shared[alone] = names[codes[ia[alone]]]
    for k in np.flatnonzero(found & (several[ia] | several[ib])).tolist():
        theirs = set(values[ib[k]].split(";"))
        shared[k] = next(item for item in values[ia[k]].split(";") if item and item in theirs)
    return found, shared

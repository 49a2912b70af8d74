"""Cheap random draws for the per-row hot path (faster than `Random.choice`)."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item, uniformly."""
    return items[int(rng.random() * len(items))]


class Weighted(Generic[T]):
    """Draw one item with the given weights: ``Weighted(items, weights)(rng)``."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, items: Iterable[T], weights: Iterable[float]) -> None:
        self._items = tuple(items)
        self._cumulative = tuple(accumulate(weights))
        self._total = self._cumulative[-1]
        if len(self._items) != len(self._cumulative):
            raise ValueError("Weighted needs one weight per item")

    def __call__(self, rng: random.Random) -> T:
        return self._items[bisect_right(self._cumulative, rng.random() * self._total)]

    @classmethod
    def of(cls, table: dict[T, float]) -> Weighted[T]:
        return cls(table, table.values())

"""Names and handles the aggressor used (often made up, so names weigh little unless rare)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level, list_overlap
from analytics.link.frequencies import lookup_frequencies


def _similarity(prepared: Prepared, column: str, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    a, b = prepared.column(column)[ia], prepared.column(column)[ib]
    score = np.zeros(len(ia))
    rows = np.flatnonzero((a != "") & (b != ""))
    if len(rows):
        score[rows] = process.cpdist(
            list(a[rows]),
            list(b[rows]),
            scorer=distance.JaroWinkler.normalized_similarity,
            workers=1,
        )
    return score


class SameName(Comparison):
    name = "SameName"
    levels = (
        Level("null", "a name in only one report", 0.0),
        Level("same", "same name", 0.45, tf=True),
        Level("similar", "similar name", 0.15, at_most="same"),
        Level("different", "different names", 0.4, against=True),
    )
    fuzzy_cut = 0.9

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        shared, _ = list_overlap(prepared, "names", ia, ib)
        names = prepared.column("names")
        both = (names[ia] != "") & (names[ib] != "")
        level = np.zeros(len(ia), dtype=np.int8)
        level[both] = 3
        level[both & (_similarity(prepared, "name", ia, ib) >= self.fuzzy_cut)] = 2
        level[shared] = 1
        return level

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "names", ia, ib)
        tf = np.full(len(ia), np.nan)
        same = levels == 1
        tf[same] = lookup_frequencies(prepared.frequencies("name"), shared[same])
        return tf

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "names", ia, ib)
        names = prepared.column("names")
        a = pd.Series(names[ia], dtype=object).str.title()
        b = pd.Series(names[ib], dtype=object).str.title()
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same name " + pd.Series(shared, dtype=object).str.title(),
                2: "name " + a + " ≈ " + b,
                3: "different names: " + a + " vs " + b,
            },
        )


class SameHandle(Comparison):
    name = "SameHandle"
    levels = (
        Level("null", "a handle or email in only one report", 0.0),
        Level("same", "same handle", 0.6),
        Level("similar", "similar handle", 0.15, at_most="same"),
        Level("different", "different handles", 0.25, against=True),
    )
    fuzzy_cut = 0.92

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        shared, _ = list_overlap(prepared, "handles", ia, ib)
        handles = prepared.column("handles")
        both = (handles[ia] != "") & (handles[ib] != "")
        level = np.zeros(len(ia), dtype=np.int8)
        level[both] = 3
        level[both & (_similarity(prepared, "handle", ia, ib) >= self.fuzzy_cut)] = 2
        level[shared] = 1
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "handles", ia, ib)
        handles = prepared.column("handles")
        a, b = pd.Series(handles[ia], dtype=object), pd.Series(handles[ib], dtype=object)
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same handle " + pd.Series(shared, dtype=object),
                2: "handle " + a + " ≈ " + b,
                3: "different handles: " + a + " vs " + b,
            },
        )

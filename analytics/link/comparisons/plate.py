"""Plate evidence that copes with partial plates, wildcards, misreads and swapped characters."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.link import plates
from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level


class PlateFits(Comparison):
    name = "PlateFits"
    levels = (
        Level("null", "a plate in only one report", 0.0),
        Level("same", "same plate", 0.45),
        Level("fits", "plate fits a partial plate", 0.2, at_most="same"),
        Level("misread", "plate fits allowing a common misread", 0.1, at_most="fits"),
        Level("one_off", "plate one character off", 0.05, at_most="misread"),
        Level("partial", "a few plate characters fit", 0.1, at_most="fits"),
        Level("different", "different plates", 0.1, against=True),
    )

    def _codes(self, prepared: Prepared, column: str) -> dict[str, np.ndarray]:
        return prepared.cached(
            f"plate-codes:{column}", lambda: plates.encode(prepared.frame[column])
        )

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        first, second = self._codes(prepared, "plate"), self._codes(prepared, "plate2")
        level = plates.compare(first, ia, ib)
        has_second = (second["length"][ia] > 0) | (second["length"][ib] > 0)
        if not has_second.any():
            return level
        rows = np.flatnonzero(has_second)
        sub_a, sub_b = ia[rows], ib[rows]
        mixed_ab = _cross(first, second, sub_a, sub_b)
        mixed_ba = _cross(second, first, sub_a, sub_b)
        both_second = plates.compare(second, sub_a, sub_b)
        level[rows] = plates.best_of([level[rows], mixed_ab, mixed_ba, both_second])
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        plate = prepared.column("plate")
        a = pd.Series(plate[ia]).map(plates.display)
        b = pd.Series(plate[ib]).map(plates.display)
        note = pd.Series(
            [
                plates.misread_note(x, y) if level == plates.MISREAD else ""
                for x, y, level in zip(plate[ia], plate[ib], levels, strict=True)
            ],
            dtype=object,
        )
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same plate " + a,
                2: "plate " + a + " fits " + b,
                3: "plate " + a + " ≈ " + b + " (" + note + ")",
                4: "plate " + a + " is one character off " + b,
                5: "partial plate " + a + " fits " + b,
                6: "different plates: " + a + " vs " + b,
            },
        )


def _cross(
    left: dict[str, np.ndarray], right: dict[str, np.ndarray], ia: np.ndarray, ib: np.ndarray
) -> np.ndarray:
    """Compare ``left`` plates of ``ia`` with ``right`` plates of ``ib``."""
    n = len(left["length"])
    merged = {key: np.concatenate([left[key], right[key]]) for key in left}
    return plates.compare(merged, ia, ib + n)

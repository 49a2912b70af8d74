"""Way of operating: the kinds of harm done, a rare harm (stealthing, posing as police) counting
more than a common one (non-payment)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level
from analytics.vocabulary import HARM_TYPES


def _bit_weights(prepared: Prepared) -> np.ndarray:
    """Inverse-frequency weight of each harm type (from the reference reports)."""

    def build() -> np.ndarray:
        masks = prepared.reference.column("harms")
        bits = ((masks[:, None] >> np.arange(len(HARM_TYPES))) & 1).astype(bool)
        share = (bits.sum(axis=0) + 1.0) / (len(masks) + 2.0)
        return -np.log(share)

    return prepared.reference.cached("harm-weights", build)


def _rarest_weight(prepared: Prepared) -> np.ndarray:
    """For every mask of harm types: the weight of its rarest type (0 for none)."""

    def build() -> np.ndarray:
        masks = np.arange(2 ** len(HARM_TYPES), dtype=np.int64)
        rarest = np.zeros(len(masks))
        for i, weight in enumerate(_bit_weights(prepared)):
            rarest = np.where((masks >> i) & 1 == 1, np.maximum(rarest, weight), rarest)
        return rarest

    return prepared.reference.cached("harm-rarest", build)


def _weighted(mask: np.ndarray, weights: np.ndarray) -> np.ndarray:
    bits = ((mask[:, None] >> np.arange(len(weights))) & 1).astype(float)
    return bits @ weights


def harm_names(mask: int) -> str:
    return "; ".join(harm.replace("_", " ") for i, harm in enumerate(HARM_TYPES) if mask >> i & 1)


def _harm_names_of(masks: np.ndarray) -> pd.Series:
    """``harm_names`` of each mask, each distinct mask spelt out once."""
    distinct, where = np.unique(masks, return_inverse=True)
    names = np.array([harm_names(int(mask)) for mask in distinct], dtype=object)
    return pd.Series(names[where.ravel()], dtype=object)


class SameHarmPattern(Comparison):
    name = "SameHarmPattern"
    levels = (
        Level("null", "no kind of harm in common (or harms told in only one report)", 0.0),
        Level("same", "same kinds of harm", 0.3),
        Level("rare_shared", "a rarer kind of harm in common", 0.3, at_most="same"),
        Level("common_shared", "a common kind of harm in common", 0.2, at_most="rare_shared"),
    )
    rare_cut = 2.0
    """A harm type found in fewer than about 1 in 7 reports (weight ``-ln share`` above 2)."""

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        harms = prepared.column("harms")
        a, b = harms[ia], harms[ib]
        both = (a != 0) & (b != 0)
        common = a & b
        level = np.zeros(len(ia), dtype=np.int8)
        level[both & (common != 0)] = 3
        known = np.int64(2 ** len(HARM_TYPES) - 1)
        level[both & (_rarest_weight(prepared)[common & known] >= self.rare_cut)] = 2
        same = np.flatnonzero(both & (a == b))
        level[same[_weighted(a[same], _bit_weights(prepared)) >= self.rare_cut]] = 1
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        harms = prepared.column("harms")
        common = _harm_names_of(harms[ia] & harms[ib])
        a = _harm_names_of(harms[ia])
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same way of operating: " + a,
                2: "both: " + common,
                3: "both: " + common,
            },
        )

"""Vehicle evidence: make, model, colour and body, with near colours (grey ≈ silver)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level
from analytics.link.frequencies import lookup_frequencies

NEAR_COLOURS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("grey", "silver"),
        ("beige", "gold"),
        ("beige", "brown"),
        ("gold", "yellow"),
        ("red", "orange"),
        ("blue", "purple"),
        ("grey", "white"),
        ("black", "grey"),
        ("green", "blue"),
    )
)


def colours_near(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair: the colours are the same or easily confused (grey ≈ silver)."""
    codes, names = pd.factorize(np.concatenate([a, b]))
    table = np.equal.outer(np.arange(len(names)), np.arange(len(names)))
    for i, first in enumerate(names):
        for j, second in enumerate(names):
            table[i, j] |= frozenset((first, second)) in NEAR_COLOURS
    return table[codes[: len(a)], codes[len(a) :]]


def _models_agree(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Same model, or one the short form of the other ("caravan" ≈ "grand caravan")."""
    codes, names = pd.factorize(np.concatenate([a, b]))
    ca, cb = codes[: len(a)], codes[len(a) :]
    agree = ca == cb
    todo = np.flatnonzero(~agree & (a != "") & (b != ""))
    combos = np.unique(ca[todo].astype(np.int64) * len(names) + cb[todo])
    fits = {
        int(code)
        for code in combos
        if names[code // len(names)] in names[code % len(names)]
        or names[code % len(names)] in names[code // len(names)]
    }
    if fits:
        agree[todo] = np.isin(ca[todo].astype(np.int64) * len(names) + cb[todo], list(fits))
    return agree


class SimilarVehicle(Comparison):
    name = "SimilarVehicle"
    levels = (
        Level("null", "a vehicle in only one report", 0.0),
        Level("same", "same vehicle", 0.35, tf=True),
        Level("near", "same make and model, similar colour", 0.25, tf=True),
        Level("model_colour_differs", "same make and model, different colour", 0.05),
        Level("similar", "same kind of vehicle and colour", 0.15),
        Level("different", "different vehicles", 0.2),
    )

    def _parts(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> dict[str, np.ndarray]:
        parts = {}
        for field in ("colour", "make", "model", "body"):
            column = prepared.column(field)
            parts[f"{field}_a"], parts[f"{field}_b"] = column[ia], column[ib]
        return parts

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        p = self._parts(prepared, ia, ib)

        def both(field: str) -> np.ndarray:
            return (p[f"{field}_a"] != "") & (p[f"{field}_b"] != "")

        make_clash = both("make") & (p["make_a"] != p["make_b"])
        model_same = both("model") & _models_agree(p["model_a"], p["model_b"])
        model_clash = both("model") & ~model_same
        body_clash = both("body") & (p["body_a"] != p["body_b"])
        colour_same = both("colour") & (p["colour_a"] == p["colour_b"])
        colour_clash = both("colour") & ~colours_near(p["colour_a"], p["colour_b"])
        anything = both("make") | both("model") | both("body") | both("colour")
        no_clash = ~make_clash & ~model_clash & ~body_clash
        level = np.zeros(len(ia), dtype=np.int8)
        level[anything] = 5
        level[anything & no_clash & ~colour_clash] = 4
        level[model_same & ~make_clash & colour_clash] = 3
        level[model_same & ~make_clash & ~colour_clash] = 2
        level[model_same & ~make_clash & colour_same] = 1
        return level

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        key = prepared.column("vehicle_key")[ia]
        with_colour = prepared.column("vehicle_key_colour")[ia]
        tf = np.full(len(ia), np.nan)
        same, near = levels == 1, levels == 2
        tf[same] = lookup_frequencies(prepared.frequencies("vehicle_key_colour"), with_colour[same])
        tf[near] = lookup_frequencies(prepared.frequencies("vehicle_key"), key[near])
        return tf

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        label = prepared.column("vehicle_label")
        a, b = pd.Series(label[ia], dtype=object), pd.Series(label[ib], dtype=object)
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same vehicle: " + a,
                2: a + " ≈ " + b,
                3: "same model, colours differ: " + a + " vs " + b,
                4: "similar vehicle: " + a + " ≈ " + b,
                5: "different vehicles: " + a + " vs " + b,
            },
        )

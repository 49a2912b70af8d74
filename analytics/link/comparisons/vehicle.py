"""Vehicle evidence: make, model, colour and body, with near colours (grey ≈ silver)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level
from analytics.link.prepare import BODY_GROUPS

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


NEAR_BODIES: frozenset[frozenset[str]] = frozenset(frozenset(pair) for pair in BODY_GROUPS.items())


def _near(pairs: frozenset[frozenset[str]], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    codes, names = pd.factorize(np.concatenate([a, b]))
    table = np.equal.outer(np.arange(len(names)), np.arange(len(names)))
    for i, first in enumerate(names):
        for j, second in enumerate(names):
            table[i, j] |= frozenset((first, second)) in pairs
    return table[codes[: len(a)], codes[len(a) :]]


def colours_near(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair: the colours are the same or easily confused (grey ≈ silver)."""
    return _near(NEAR_COLOURS, a, b)


def bodies_near(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair: the bodies are the same or one is often called the other (van ≈ minivan)."""
    return _near(NEAR_BODIES, a, b)


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


def _agree_by_code(
    ca: np.ndarray,
    cb: np.ndarray,
    names: np.ndarray,
    agree: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> np.ndarray:
    """``agree`` over value codes (-1 blank), asked once per distinct pair of values."""
    width = np.int64(len(names) + 1)
    combined = (ca + 1) * width + (cb + 1)
    if width * width <= 16_000_000:
        seen = np.zeros(int(width * width), dtype=bool)
        seen[combined] = True
        pairs = np.flatnonzero(seen)
        table = np.zeros(len(seen), dtype=bool)
        labels = np.concatenate([[""], names]).astype(object)
        table[pairs] = agree(labels[pairs // width], labels[pairs % width])
        return table[combined]
    pairs, where = np.unique(combined, return_inverse=True)
    labels = np.concatenate([[""], names]).astype(object)
    return agree(labels[pairs // width], labels[pairs % width])[where.ravel()]


def _shared_rarity(prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """How common what two vehicles share is: the share of reports with the colour both give,
    times that of the rarer of the make and the body both give ("gold van", "Harley-Davidson
    motorcycle" are rare; "black pickup" is not)."""

    def share(field: str) -> np.ndarray:
        codes = prepared.codes(field)[0]
        a, b = codes[ia], codes[ib]
        common = (a == b) & (a >= 0)
        out = np.ones(len(ia))
        out[common] = prepared.value_shares(field)[a[common]]
        return out

    return share("colour") * np.minimum(share("make"), share("body"))


class SimilarVehicle(Comparison):
    name = "SimilarVehicle"
    levels = (
        Level("null", "a vehicle in only one report", 0.0),
        Level("same", "same vehicle", 0.35, tf=True),
        Level("near", "same make and model, similar colour", 0.25, tf=True, at_most="same"),
        Level(
            "model_colour_differs", "same make and model, different colour", 0.05, at_most="near"
        ),
        Level("similar", "same kind of vehicle and colour", 0.15, tf=True, at_most="near"),
        Level("different", "different vehicles", 0.2, against=True),
    )

    fields = ("colour", "make", "model", "body")

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        level = np.zeros(len(ia), dtype=np.int8)
        codes = [prepared.codes(field)[0] for field in self.fields]
        rows = np.flatnonzero(
            np.logical_or.reduce([(code[ia] >= 0) & (code[ib] >= 0) for code in codes])
        )
        level[rows] = self._compare_described(prepared, ia[rows], ib[rows])
        return level

    def _compare_described(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """``compare`` for pairs in which both reports give some part of the vehicle."""
        a, b, both, names = {}, {}, {}, {}
        for field in self.fields:
            codes, names[field] = prepared.codes(field)
            a[field], b[field] = codes[ia], codes[ib]
            both[field] = (a[field] >= 0) & (b[field] >= 0)
        make_clash = both["make"] & (a["make"] != b["make"])
        model_same = both["model"] & _agree_by_code(
            a["model"], b["model"], names["model"], _models_agree
        )
        model_clash = both["model"] & ~model_same
        body_clash = both["body"] & ~_agree_by_code(
            a["body"], b["body"], names["body"], bodies_near
        )
        colour_same = both["colour"] & (a["colour"] == b["colour"])
        colour_clash = both["colour"] & ~_agree_by_code(
            a["colour"], b["colour"], names["colour"], colours_near
        )
        no_clash = ~make_clash & ~model_clash & ~body_clash
        level = np.full(len(ia), 5, dtype=np.int8)
        level[no_clash & ~colour_clash] = 4
        level[model_same & ~make_clash & colour_clash] = 3
        level[model_same & ~make_clash & ~colour_clash] = 2
        level[model_same & ~make_clash & colour_same] = 1
        return level

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        tf = np.full(len(ia), np.nan)
        for level, key in ((1, "vehicle_key_colour"), (2, "vehicle_key")):
            rows = np.flatnonzero(levels == level)
            tf[rows] = prepared.value_shares(key)[prepared.codes(key)[0][ia[rows]]]
        similar = np.flatnonzero(levels == 4)
        tf[similar] = _shared_rarity(prepared, ia[similar], ib[similar])
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

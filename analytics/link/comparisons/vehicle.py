"""Vehicle evidence: make, model, colour and body, with near colours (grey ≈ silver)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level
from analytics.link.frequencies import lookup_frequencies
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
        values = prepared.column(field)
        a, b = values[ia], values[ib]
        common = (a == b) & (a != "")
        found = lookup_frequencies(prepared.frequencies(field), a[common])
        out = np.ones(len(ia))
        out[common] = found
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

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        codes = {field: prepared.codes(field) for field in ("colour", "make", "model", "body")}

        def both(field: str) -> np.ndarray:
            return (codes[field][0][ia] >= 0) & (codes[field][0][ib] >= 0)

        def differ(field: str) -> np.ndarray:
            return both(field) & (codes[field][0][ia] != codes[field][0][ib])

        model_codes, models = codes["model"]
        colour_codes, colours = codes["colour"]
        make_clash = differ("make")
        model_same = both("model") & _agree_by_code(
            model_codes[ia], model_codes[ib], models, _models_agree
        )
        model_clash = both("model") & ~model_same
        body_codes, bodies = codes["body"]
        body_clash = both("body") & ~_agree_by_code(
            body_codes[ia], body_codes[ib], bodies, bodies_near
        )
        colour_same = both("colour") & (colour_codes[ia] == colour_codes[ib])
        colour_clash = both("colour") & ~_agree_by_code(
            colour_codes[ia], colour_codes[ib], colours, colours_near
        )
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

"""What the aggressor looked like: words of the description, age and height, tattoos and scars."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analytics.extract.description import mark_parts
from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level
from analytics.link.frequencies import TF_FLOOR


def _cosine_levels(cosine: np.ndarray, cuts: tuple[float, float, float]) -> np.ndarray:
    level = np.zeros(len(cosine), dtype=np.int8)
    known = ~np.isnan(cosine)
    level[known] = 4
    level[known & (cosine >= cuts[2])] = 3
    level[known & (cosine >= cuts[1])] = 2
    level[known & (cosine >= cuts[0])] = 1
    return level


_MARK_WORDS = re.compile(r"[;:\s]+")


_MARK_KINDS = frozenset(("tattoo", "scar", "piercing", "birthmark", "tooth"))
"""What a mark is, not which one: two men with a tattoo each share only the word "tattoo"."""
_WHERE_THE_MOTIF_IS = {"teardrop": "eye"}


def _told_apart(a: str, b: str) -> bool:
    kind_a, detail_a, where_a = mark_parts(a)
    kind_b, detail_b, where_b = mark_parts(b)
    where_a = where_a or _WHERE_THE_MOTIF_IS.get(detail_a, "")
    where_b = where_b or _WHERE_THE_MOTIF_IS.get(detail_b, "")
    return kind_a == kind_b and bool((detail_a and detail_b) or (where_a and where_b))


def _marks_clash(a: str, b: str) -> bool:
    """Of marks that share no word but their kind, whether no two of a kind could be the same
    mark: "tattoo:hand" and "tattoo:teardrop" (under the eye) cannot, "tattoo:wrist" and
    "tattoo:compass" can."""
    items_a, items_b = a.split(";"), b.split(";")
    pairs = [(x, y) for x in items_a for y in items_b if mark_parts(x)[0] == mark_parts(y)[0]]
    return bool(pairs) and all(_told_apart(x, y) for x, y in pairs)


def _mark_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _MARK_WORDS.split(text) if word)


def _mark_word_shares(marks: pd.Series) -> dict[str, float]:
    """Share of reports with marks whose marks hold each word ("snake" rare, "tattoo" common)."""
    text = marks.fillna("").astype(str)
    text = text[text != ""]
    counts: dict[str, int] = {}
    for words in map(_mark_words, text):
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    total = max(len(text), 1)
    return {word: count / total for word, count in counts.items()}


class SharedMarks(Comparison):
    """Tattoos, scars and piercings; a rare mark weighs more than a common word ("tattoo"): the
    term frequency of an agreement is the share of reports holding the rarest word both share.
    Marks that share only their kind and cannot be the same mark ("tattoo:hand",
    "tattoo:teardrop") are different marks."""

    name = "SharedMarks"
    rarer_counts_more = True
    levels = (
        Level("null", "marks in only one report", 0.0),
        Level("same", "same marks", 0.5, tf=True),
        Level("similar", "similar marks", 0.2, tf=True, at_most="same"),
        Level("some", "some words of the marks shared", 0.1, tf=True, at_most="similar"),
        Level("different", "different marks", 0.2, against=True),
    )
    cuts = (0.8, 0.5, 0.25)

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        level = _cosine_levels(prepared.texts("marks").cosine(ia, ib), self.cuts)
        alike = np.flatnonzero((level >= 1) & (level <= 3))
        if len(alike):
            codes, texts = prepared.codes("marks")
            words = prepared.cached("marks-words", lambda: [_mark_words(t) for t in texts])
            clash = np.fromiter(
                (
                    (words[a] & words[b]) <= _MARK_KINDS and _marks_clash(texts[a], texts[b])
                    for a, b in zip(
                        codes[ia[alike]].tolist(), codes[ib[alike]].tolist(), strict=True
                    )
                ),
                dtype=bool,
                count=len(alike),
            )
            level[alike[clash]] = 4
        return level

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        tf = np.full(len(ia), np.nan)
        hit = np.flatnonzero((levels >= 1) & (levels <= 3))
        if not len(hit):
            return tf
        reference = prepared.reference
        shares = reference.cached(
            "marks-word-shares", lambda: _mark_word_shares(reference.frame["marks"])
        )
        codes, texts = prepared.codes("marks")
        words = prepared.cached("marks-words", lambda: [_mark_words(t) for t in texts])
        rarest: dict[tuple[int, int], float] = {}
        pairs = zip(hit.tolist(), codes[ia[hit]].tolist(), codes[ib[hit]].tolist(), strict=True)
        for row, a, b in pairs:
            key = (a, b) if a <= b else (b, a)
            share = rarest.get(key)
            if share is None:
                shared = words[a] & words[b]
                share = min((shares.get(w, TF_FLOOR) for w in shared), default=np.nan)
                rarest[key] = share
            tf[row] = share
        return tf

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        marks = prepared.column("marks")
        a, b = pd.Series(marks[ia], dtype=object), pd.Series(marks[ib], dtype=object)
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "both: " + a,
                2: "similar marks: " + a + " ≈ " + b,
                3: "some marks alike: " + a + " ~ " + b,
                4: "different marks: " + a + " vs " + b,
            },
        )


class SimilarDescription(Comparison):
    """Words of the description (build, skin, hair, facial hair, glasses) and stated sex."""

    name = "SimilarDescription"
    levels = (
        Level("null", "a description in only one report", 0.0),
        Level("same", "same description", 0.35),
        Level("similar", "similar description", 0.35),
        Level("some", "description partly alike", 0.15, at_most="similar"),
        Level("different", "different description", 0.15, against=True),
    )
    cuts = (0.8, 0.5, 0.25)

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        level = _cosine_levels(prepared.texts("appearance").cosine(ia, ib), self.cuts)
        described = prepared.cached("described", lambda: _described(prepared))
        level[~(described[ia] & described[ib])] = 0
        sex = prepared.codes("sex")[0]
        clash = (sex[ia] >= 0) & (sex[ib] >= 0) & (sex[ia] != sex[ib])
        level[clash] = 4
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        text = prepared.column("appearance")
        a, b = pd.Series(text[ia], dtype=object), pd.Series(text[ib], dtype=object)
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same description: " + a,
                2: "similar description: " + a + " ≈ " + b,
                3: "description partly alike: " + a + " ~ " + b,
                4: "described differently: " + a + " vs " + b,
            },
        )


def _described(prepared: Prepared) -> np.ndarray:
    """Whether a report says anything of his looks beyond his sex: "male" alone against "male,
    red beard" is a description in one report only, not two that differ."""
    appearance = pd.Series(prepared.column("appearance"), dtype=object).str.strip()
    sex = pd.Series(prepared.column("sex"), dtype=object)
    return (appearance.str.len() > sex.str.len()).to_numpy()


def _ranges(prepared: Prepared, low: str, high: str, rows: np.ndarray) -> tuple[np.ndarray, ...]:
    """Low and high ends of each row's range, either standing in for the other when blank."""

    def build() -> tuple[np.ndarray, np.ndarray]:
        lo, hi = prepared.column(low).astype(float), prepared.column(high).astype(float)
        return np.where(np.isnan(lo), hi, lo), np.where(np.isnan(hi), lo, hi)

    lo, hi = prepared.cached(f"range:{low}:{high}", build)
    return lo[rows], hi[rows]


def _fit(
    prepared: Prepared, ia: np.ndarray, ib: np.ndarray, low: str, high: str, slack: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: (known in both, ranges overlap allowing ``slack``)."""
    lo_a, hi_a = _ranges(prepared, low, high, ia)
    lo_b, hi_b = _ranges(prepared, low, high, ib)
    known = ~np.isnan(lo_a) & ~np.isnan(lo_b)
    with np.errstate(invalid="ignore"):
        overlap = (lo_a - slack <= hi_b) & (lo_b - slack <= hi_a)
    return known, known & overlap


def _span(prepared: Prepared, low: str, high: str, rows: np.ndarray, unit: str) -> pd.Series:
    lo, hi = _ranges(prepared, low, high, rows)
    known = np.column_stack([np.nan_to_num(lo, nan=-1.0), np.nan_to_num(hi, nan=-1.0)])
    distinct, where = np.unique(known, axis=0, return_inverse=True)
    text = np.array(
        [
            "" if a < 0 else (f"{a:.0f}{unit}" if a == b else f"{a:.0f}-{b:.0f}{unit}")
            for a, b in distinct
        ],
        dtype=object,
    )
    return pd.Series(text[where.ravel()] if len(text) else [], dtype=object)


class AgeAndHeightFit(Comparison):
    """Stated age and height ranges, each allowed some slack (people guess)."""

    name = "AgeAndHeightFit"
    levels = (
        Level("null", "age and height in only one report", 0.0),
        Level("both_fit", "age and height both fit", 0.45),
        Level("one_fits", "age or height fits", 0.4, at_most="both_fit"),
        Level("clash", "age or height clearly differ", 0.15, against=True),
    )
    age_slack = 5.0
    height_slack = 8.0

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        age_known, age_fits = _fit(prepared, ia, ib, "age_low", "age_high", self.age_slack)
        height_known, height_fits = _fit(
            prepared, ia, ib, "height_low", "height_high", self.height_slack
        )
        level = np.zeros(len(ia), dtype=np.int8)
        level[age_fits | height_fits] = 2
        level[age_fits & height_fits] = 1
        level[(age_known & ~age_fits) | (height_known & ~height_fits)] = 3
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        age_a = _span(prepared, "age_low", "age_high", ia, "")
        age_b = _span(prepared, "age_low", "age_high", ib, "")
        height_a = _span(prepared, "height_low", "height_high", ia, " cm")
        height_b = _span(prepared, "height_low", "height_high", ib, " cm")
        summary = "age " + age_a + " / " + age_b + ", height " + height_a + " / " + height_b
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "age and height fit: " + summary,
                2: "age or height fits: " + summary,
                3: "age or height differ: " + summary,
            },
        )

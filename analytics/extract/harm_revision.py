"""A second reading of a story's words that adds harm types the phrase list missed and drops
the ones the words make unlikely.

The phrase list (:mod:`analytics.extract.harms`) is precise, but it knows only the wording it was
written from: a writer it was not tuned on names one harm in several in words it lacks ("he took
the envelope back off the dresser and told me to get out"), and now and then a phrase fires on
words that mean something else. After the phrases have read a story, this model reads its words
once more: it adds each harm type whose probability reaches :data:`ADD_PROBABILITY` and drops a
type the phrases found whose probability is below :data:`DROP_PROBABILITY`, unless it is one of
the gravest (severity 5: strangulation, sexual assault, a weapon), which only a person sets aside,
or the last type left. Both are reported (``incident_types_added``, ``incident_types_dropped``)
so a co-ordinator can check them against the report.

The features are the words of two or more characters and each pair of neighbours, present or
not, L2-normalised (``CountVectorizer(ngram_range=(1, 2), binary=True)`` then ``normalize``),
over the story as the phrase reader sees it; one logistic regression per harm type. Presence
rather than TF-IDF keeps scoring to one look-up per term and one sum: about 25 µs a report.

The model is ``analytics/reference/harm_word_model.npz``, written by
``benchmarks/train_harm_model.py`` (its ``source`` entry says from which sets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from math import log, sqrt
from pathlib import Path

import numpy as np

from analytics.extract.harm_model import columns_of, fit_per_code, terms_in_column_order
from analytics.vocabulary import SEVERITY

__all__ = ["ADD_PROBABILITY", "WordHarmModel", "shipped_word_model", "train"]

ADD_PROBABILITY = 0.5
"""A type is added at or above this probability. Chosen leaving one tuning set out at a time on
six writers' first runs (dev31-dev36, 420 reports, each read by the phrases as they stood before
any phrase was written from that writer): mean set-F1 0.789 without the model, 0.822 / 0.826 /
0.824 with it at 0.4 / 0.5 / 0.6; on four more writers' first runs (dev37-dev40, new then),
0.754 → 0.816 at 0.5."""
REGULARISATION = 64.0
"""Inverse regularisation strength. On the same first runs: C = 16 → 0.822, 64 → 0.826 at 0.5."""
DROP_PROBABILITY = 0.02
"""A type the phrases found is dropped below this probability. On ten writers' first runs
(dev31-dev40, 700 reports, leaving each set out): no dropping 0.823, 0.02 → 0.839, 0.05 →
0.837, 0.1 → 0.833 mean set-F1. Dropping severity-5 types was wrong more often than right
(7 against 5), so they are never dropped."""
FEATURES = 10_000
NEVER_ADDED = frozenset({"other"})
NEVER_DROPPED = frozenset(code for code, level in SEVERITY.items() if level >= 5)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
"""Words as ``CountVectorizer`` cuts them (its default ``token_pattern``)."""


class WordHarmModel:
    """Codes, the vocabulary (term → row) and one column of coefficients per code."""

    def __init__(
        self,
        codes: Sequence[str],
        vocabulary: Mapping[str, int],
        coefficients: np.ndarray,
        intercepts: np.ndarray,
        source: str = "",
    ) -> None:
        self.codes = tuple(codes)
        self.vocabulary = dict(vocabulary)
        self.coefficients = np.asarray(coefficients, dtype=np.float32)
        self.intercepts = np.asarray(intercepts, dtype=np.float64)
        self.source = source
        self._weights = np.ascontiguousarray(self.coefficients.T, dtype=np.float64)
        self._addable = np.array([code not in NEVER_ADDED for code in self.codes])
        self._add_score = log(ADD_PROBABILITY / (1.0 - ADD_PROBABILITY))
        self._drop_score = log(DROP_PROBABILITY / (1.0 - DROP_PROBABILITY))
        self._column = {code: index for index, code in enumerate(self.codes)}

    def scores(self, text: str) -> np.ndarray:
        """Log-odds per code for a lower-case text."""
        tokens = _TOKEN.findall(text)
        get = self.vocabulary.get
        present = set(map(get, tokens))
        present.update(map(get, map(" ".join, zip(tokens, tokens[1:], strict=False))))
        present.discard(None)
        if not present:
            return self.intercepts.copy()
        rows = np.fromiter(present, dtype=np.int64, count=len(present))
        return self.intercepts + self._weights.take(rows, axis=0).sum(axis=0) / sqrt(len(present))

    def probabilities(self, text: str) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.scores(text)))

    def added(self, text: str) -> set[str]:
        """The codes (``other`` never among them) whose probability reaches
        :data:`ADD_PROBABILITY`."""
        return self.revise(text, set())[0]

    def revise(self, text: str, found: set[str]) -> tuple[set[str], set[str]]:
        """The codes to add to ``found`` (the phrases' reading) and those of ``found`` to drop."""
        scores = self.scores(text)
        chosen = (scores >= self._add_score) & self._addable
        added = {self.codes[index] for index in np.flatnonzero(chosen)} - found
        dropped = {
            code
            for code in found - NEVER_DROPPED - NEVER_ADDED
            if code in self._column and scores[self._column[code]] < self._drop_score
        }
        if not (found | added) - dropped - NEVER_ADDED:
            dropped = set()
        return added, dropped

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            codes=np.array(self.codes),
            terms=terms_in_column_order(self.vocabulary),
            coefficients=self.coefficients.astype(np.float16),
            intercepts=self.intercepts.astype(np.float32),
            source=np.array(self.source),
        )

    @classmethod
    def load(cls, path: Path) -> WordHarmModel:
        with np.load(path, allow_pickle=False) as arrays:
            return cls(
                codes=[str(code) for code in arrays["codes"]],
                vocabulary=columns_of(arrays["terms"]),
                coefficients=arrays["coefficients"],
                intercepts=arrays["intercepts"],
                source=str(arrays["source"]),
            )


def train(
    texts: Sequence[str],
    code_sets: Sequence[Iterable[str]],
    codes: Sequence[str],
    weights: Sequence[float] | None = None,
    source: str = "",
) -> WordHarmModel:
    """Fit the vocabulary and one regression per code seen at least three times."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    words = CountVectorizer(ngram_range=(1, 2), min_df=2, max_features=FEATURES, binary=True)
    features = normalize(words.fit_transform(texts))
    kept, coefficients, intercepts = fit_per_code(
        features, code_sets, codes, weights, regularisation=REGULARISATION, max_iter=3000
    )
    return WordHarmModel(
        codes=kept,
        vocabulary={str(term): int(row) for term, row in words.vocabulary_.items()},
        coefficients=coefficients,
        intercepts=intercepts,
        source=source,
    )


@cache
def shipped_word_model() -> WordHarmModel:
    with resources.as_file(resources.files("analytics.reference") / "harm_word_model.npz") as path:
        return WordHarmModel.load(path)

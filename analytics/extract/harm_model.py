"""A learned guess at the harm types of a report in which no harm phrase was found.

The phrase list (:mod:`analytics.extract.harms`) reads most reports, but a writer it was not
tuned on tells about one report in ten in words it does not know ("the envelope was light, maybe
half", "he knows people at the border and would have me deported"). For those reports, and only
those (a story with no harm phrase, and none denied), a linear model learned from the
hand-written tuning sets guesses instead: TF-IDF over words and word pairs plus character
n-grams inside words (which carry misspellings and slang), one logistic regression per harm type
(``other`` included, so a report of vague unease stays ``other``). The most probable
type is taken if its probability reaches :data:`GUESS_PROBABILITY`, and up to two more whose
probability reaches :data:`SECOND_TYPE_PROBABILITY`.

The model is ``analytics/reference/harm_model.npz``, written by
``benchmarks/train_harm_model.py`` (its ``source`` entry says from which sets); it holds the
vocabularies, their inverse document frequencies and the coefficients, as plain arrays.
Scoring needs only numpy: the terms are cut here exactly as scikit-learn's ``TfidfVectorizer``
cuts them for training (a test holds the two to the same figures).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = ["HarmModel", "guess_harm_types", "model_text", "shipped_model", "train"]

MODEL_COLUMNS: tuple[str, ...] = ("incident_types", "what_happened", "aggressor_description")
GUESS_PROBABILITY = 0.15
"""Below this, the most probable type is no guess and the report stays ``other``. Leaving one
tuning set out at a time, on eight sets' first runs (560 reports, before any phrase was written
from them; every one but four tells of some harm), any floor costs: 0.1 → −0.002 mean set-F1,
0.15 → −0.005, 0.2 → −0.008, 0.3 → −0.013. 0.15 keeps the cost small and still leaves a text
that the model barely connects with any harm as ``other``."""
SECOND_TYPE_PROBABILITY = 0.3
"""Chosen leaving one tuning set out at a time on the reports the phrases missed: 0.3 and 0.5
were tried (0.568 and 0.543 mean set-F1 on 58 such reports)."""
REGULARISATION = 4.0
WORD_FEATURES = 10_000
CHARACTER_FEATURES = 20_000


_NEGATED_SPAN = re.compile(
    r"\b(?:no|not|never|nobody|nothing|without|didn'?t|doesn'?t|wasn'?t|won'?t|couldn'?t|"
    r"wouldn'?t|isn'?t|don'?t|dont|didnt|wasnt|hasn'?t|haven'?t|neither|nor)\b((?:(?!\bbut\b)[^.,;:!?\n])*)"
)
_WORD = re.compile(r"\b(\w)")


def _negation_marked(text: str) -> str:
    """Words after a negation, to the end of their clause, marked ``not_`` ("no one hit" →
    "no not_one not_hit"), so "hit" denied is not "hit" done (negation marking, as sentiment
    classifiers use it)."""
    return _NEGATED_SPAN.sub(
        lambda match: (
            match.group(0)[: match.start(1) - match.start()] + _WORD.sub(r"not_\1", match.group(1))
        ),
        text,
    )


def model_text(report: Mapping[str, str]) -> str:
    """The columns the model reads, as one lower-case text with negated words marked."""
    return _negation_marked(" . ".join(report.get(column, "") for column in MODEL_COLUMNS).lower())


_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


def word_terms(text: str) -> list[str]:
    """Words of two or more characters and each pair of neighbours, as ``TfidfVectorizer
    (ngram_range=(1, 2))`` cuts them."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{first} {second}" for first, second in zip(tokens, tokens[1:], strict=False)]


def character_terms(text: str) -> list[str]:
    """Three to five characters inside each space-padded word, as ``TfidfVectorizer
    (analyzer="char_wb", ngram_range=(3, 5))`` cuts them."""
    terms: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(3, 6):
            if size <= n:
                terms.append(padded)
                break
            terms.extend(padded[start : start + n] for start in range(size - n + 1))
    return terms


class HarmModel:
    """Codes, the word and character vocabularies (term → column) with their inverse document
    frequencies, and one row of coefficients per code over the word columns then the character
    columns."""

    def __init__(
        self,
        codes: Sequence[str],
        word_vocabulary: Mapping[str, int],
        word_idf: np.ndarray,
        character_vocabulary: Mapping[str, int],
        character_idf: np.ndarray,
        coefficients: np.ndarray,
        intercepts: np.ndarray,
        source: str = "",
    ) -> None:
        self.codes = tuple(codes)
        self.word_vocabulary = dict(word_vocabulary)
        self.word_idf = np.asarray(word_idf, dtype=np.float64)
        self.character_vocabulary = dict(character_vocabulary)
        self.character_idf = np.asarray(character_idf, dtype=np.float64)
        self.coefficients = np.asarray(coefficients, dtype=np.float32)
        self.intercepts = np.asarray(intercepts, dtype=np.float64)
        self.source = source
        self._weights = np.ascontiguousarray(self.coefficients.T, dtype=np.float64)
        self._idf = np.concatenate([self.word_idf, self.character_idf])
        self._blocks = (
            (word_terms, self.word_vocabulary, 0),
            (character_terms, self.character_vocabulary, len(self.word_vocabulary)),
        )

    def probabilities(self, text: str) -> np.ndarray:
        """One probability per code: TF-IDF with sublinear term frequency, each block
        L2-normalised, as the vectorizers it was trained with."""
        scores = self.intercepts.copy()
        for terms, vocabulary, offset in self._blocks:
            counts: dict[int, int] = {}
            for term in terms(text):
                index = vocabulary.get(term)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            indices = np.fromiter(counts, dtype=np.int64) + offset
            frequencies = np.fromiter(counts.values(), dtype=np.float64)
            values = (1.0 + np.log(frequencies)) * self._idf[indices]
            values /= np.sqrt(values @ values)
            scores += values @ self._weights[indices]
        return 1.0 / (1.0 + np.exp(-scores))

    def guess(self, text: str) -> set[str]:
        """The most probable code, and up to two more at or above the second-type probability;
        ``{"other"}`` when even the most probable is below the guess probability."""
        probabilities = self.probabilities(text)
        order = np.argsort(-probabilities)
        if probabilities[order[0]] < GUESS_PROBABILITY:
            return {"other"}
        guessed = {self.codes[order[0]]}
        guessed.update(
            self.codes[index]
            for index in order[1:3]
            if probabilities[index] >= SECOND_TYPE_PROBABILITY
        )
        return guessed

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            codes=np.array(self.codes),
            word_terms=terms_in_column_order(self.word_vocabulary),
            word_idf=self.word_idf.astype(np.float32),
            character_terms=terms_in_column_order(self.character_vocabulary),
            character_idf=self.character_idf.astype(np.float32),
            coefficients=self.coefficients.astype(np.float16),
            intercepts=self.intercepts.astype(np.float32),
            source=np.array(self.source),
        )

    @classmethod
    def load(cls, path: Path) -> HarmModel:
        with np.load(path, allow_pickle=False) as arrays:
            return cls(
                codes=[str(code) for code in arrays["codes"]],
                word_vocabulary=columns_of(arrays["word_terms"]),
                word_idf=arrays["word_idf"],
                character_vocabulary=columns_of(arrays["character_terms"]),
                character_idf=arrays["character_idf"],
                coefficients=arrays["coefficients"],
                intercepts=arrays["intercepts"],
                source=str(arrays["source"]),
            )


def terms_in_column_order(vocabulary: Mapping[str, int]) -> np.ndarray:
    return np.array(sorted(vocabulary, key=vocabulary.__getitem__))


def columns_of(terms: np.ndarray) -> dict[str, int]:
    return {str(term): column for column, term in enumerate(terms)}


def fit_per_code(
    features: object,
    code_sets: Sequence[Iterable[str]],
    codes: Sequence[str],
    weights: Sequence[float] | None,
    *,
    regularisation: float,
    max_iter: int,
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """One logistic regression per code seen at least three times: the codes kept, their
    coefficients (one row each) and intercepts."""
    from sklearn.linear_model import LogisticRegression

    labels = [set(code_set) for code_set in code_sets]
    sample_weight = None if weights is None else np.asarray(weights, dtype=np.float64)
    kept, rows, intercepts = [], [], []
    for code in codes:
        target = np.array([code in label for label in labels], dtype=int)
        if target.sum() < 3:
            continue
        regression = LogisticRegression(C=regularisation, max_iter=max_iter)
        regression.fit(features, target, sample_weight=sample_weight)
        kept.append(code)
        rows.append(regression.coef_[0])
        intercepts.append(regression.intercept_[0])
    return kept, np.array(rows, dtype=np.float32), np.array(intercepts, dtype=np.float64)


def train(
    texts: Sequence[str],
    code_sets: Sequence[Iterable[str]],
    codes: Sequence[str],
    weights: Sequence[float] | None = None,
    source: str = "",
) -> HarmModel:
    """Fit the vocabularies and one regression per code seen at least three times."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_features=WORD_FEATURES, sublinear_tf=True
    )
    characters = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        min_df=3,
        max_features=CHARACTER_FEATURES,
        sublinear_tf=True,
    )
    features = sp.hstack([words.fit_transform(texts), characters.fit_transform(texts)]).tocsr()
    kept, coefficients, intercepts = fit_per_code(
        features, code_sets, codes, weights, regularisation=REGULARISATION, max_iter=2000
    )
    return HarmModel(
        codes=kept,
        word_vocabulary={str(term): int(i) for term, i in words.vocabulary_.items()},
        word_idf=words.idf_,
        character_vocabulary={str(term): int(i) for term, i in characters.vocabulary_.items()},
        character_idf=characters.idf_,
        coefficients=coefficients,
        intercepts=intercepts,
        source=source,
    )


@cache
def shipped_model() -> HarmModel:
    with resources.as_file(resources.files("analytics.reference") / "harm_model.npz") as path:
        return HarmModel.load(path)


def guess_harm_types(report: Mapping[str, str]) -> set[str]:
    """The shipped model's guess for a report in which no harm phrase was found."""
    return shipped_model().guess(model_text(report))

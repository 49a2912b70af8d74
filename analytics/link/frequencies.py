"""Term frequencies: how common a value is, so a shared rare value counts for more.

Two reports sharing a white Honda Civic, or the name "Mike", say little; two sharing a yellow
Pontiac Aztek say a lot. The scorer replaces a level's average chance agreement with the share of
reports carrying the very value the pair agrees on (Fellegi–Sunter with term-frequency adjustment).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

TF_FLOOR = 1e-5
"""The smallest share used for any value, so one-off values do not produce unbounded weights."""


def frequency_table(values: pd.Series) -> pd.Series:
    """Share of non-blank reports holding each value."""
    text = values.fillna("").astype(str)
    return text[text != ""].value_counts(normalize=True)


def lookup_frequencies(table: pd.Series, values: np.ndarray) -> np.ndarray:
    """The share of each value in ``table`` (values it has never seen count as one-offs)."""
    shares = pd.Series(values, dtype=object).map(table).to_numpy(dtype=float)
    return np.maximum(np.nan_to_num(shares, nan=TF_FLOOR), TF_FLOOR)


class TextVectors:
    """TF-IDF vectors (words plus character n-grams) of a text column.

    ``fit`` learns the vocabulary and document frequencies from the reports at hand (or a whole
    store), counting every report, so a word found in many reports ("tattoo") weighs less than a
    rare one ("scorpion"). ``encode`` vectorises each distinct text once.
    """

    ANALYZERS: tuple[tuple[str, tuple[int, int]], ...] = (("word", (1, 1)), ("char_wb", (3, 4)))

    def fit(self, texts: pd.Series) -> TextVectors:
        from sklearn.feature_extraction.text import CountVectorizer

        codes, uniques = _factorise(texts)
        rows_per_text = np.bincount(codes, minlength=len(uniques)).astype(np.float64)
        self.parts_: list[tuple[Any, np.ndarray]] = []
        documents = [text for text in uniques if text]
        for analyzer, ngrams in self.ANALYZERS:
            vectoriser = CountVectorizer(analyzer=analyzer, ngram_range=ngrams, dtype=np.float64)
            try:
                counts = sparse.csr_matrix(vectoriser.fit_transform(uniques))
            except ValueError:
                continue
            df = np.asarray((counts > 0).astype(np.float64).T @ rows_per_text).ravel()
            idf = np.log((1.0 + rows_per_text.sum()) / (1.0 + df)) + 1.0
            self.parts_.append((vectoriser, idf))
        self.empty_ = not documents
        return self

    def encode(self, texts: pd.Series) -> EncodedTexts:
        codes, uniques = _factorise(texts)
        blank = np.asarray([value == "" for value in uniques], dtype=bool)
        parts = []
        for vectoriser, idf in self.parts_:
            weighted = sparse.csr_matrix(vectoriser.transform(uniques)) @ sparse.diags(idf)
            norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
            norms[norms == 0] = 1.0
            parts.append(sparse.diags(np.sqrt(0.5) / norms) @ weighted)
        matrix = (
            sparse.csr_matrix(sparse.hstack(parts))
            if parts
            else sparse.csr_matrix((len(uniques), 1))
        )
        return EncodedTexts(codes, blank, matrix)


class EncodedTexts:
    """Each row's text as a row of a TF-IDF matrix over the distinct texts."""

    def __init__(self, codes: np.ndarray, blank: np.ndarray, matrix: sparse.csr_matrix) -> None:
        self.codes = codes
        self.blank = blank
        self.matrix = matrix

    def cosine(self, ia: np.ndarray, ib: np.ndarray, chunk: int = 500_000) -> np.ndarray:
        """Cosine similarity per pair; ``nan`` where either text is blank."""
        ua, ub = self.codes[ia], self.codes[ib]
        result = np.where(ua == ub, 1.0, 0.0)
        todo = np.flatnonzero((ua != ub) & ~self.blank[ua] & ~self.blank[ub])
        size = np.int64(len(self.blank))
        combos, where = np.unique(
            np.minimum(ua[todo], ub[todo]).astype(np.int64) * size + np.maximum(ua[todo], ub[todo]),
            return_inverse=True,
        )
        left, right = combos // size, combos % size
        values = np.zeros(len(combos))
        for start in range(0, len(combos), chunk):
            part = slice(start, start + chunk)
            product = self.matrix[left[part]].multiply(self.matrix[right[part]])
            values[part] = np.asarray(product.sum(axis=1)).ravel()
        result[todo] = values[where]
        result[self.blank[ua] | self.blank[ub]] = np.nan
        return np.clip(result, 0.0, 1.0)


def _factorise(texts: pd.Series) -> tuple[np.ndarray, list[str]]:
    cleaned = texts.fillna("").astype(str).str.lower().str.strip()
    codes, uniques = pd.factorize(cleaned)
    return codes, [str(value) for value in uniques]

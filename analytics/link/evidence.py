"""Evidence: for each scored pair, what each comparison found, in words, strongest first."""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np

from analytics.link.comparisons import Comparison, Prepared
from analytics.link.linker import LinkResult, compare_pairs
from analytics.link.scoring import ComparisonVectors, LogisticScorer


def _labels(
    comparison: Comparison,
    prepared: Prepared,
    ia: np.ndarray,
    ib: np.ndarray,
    levels: np.ndarray,
    redact: bool,
) -> np.ndarray:
    """The comparison's label of each pair whose level says something ("" for the others,
    which no evidence shows)."""
    labels = np.full(len(ia), "", dtype=object)
    said = np.flatnonzero(levels != 0)
    if len(said):
        labels[said] = (
            comparison.redacted(levels[said])
            if redact
            else comparison.explain(prepared, ia[said], ib[said], levels[said])
        )
    return labels


def explain_pairs(
    model: LogisticScorer,
    prepared: Prepared,
    ia: np.ndarray,
    ib: np.ndarray,
    vectors: ComparisonVectors | None = None,
    redact: bool = False,
) -> list[list[dict[str, object]]]:
    """Per pair: the evidence, one part per comparison with something to say, strongest first.

    Each part is ``{"comparison", "label", "weight"}`` (weight in bits, log2 of the odds
    factor). ``redact`` drops values (phones, plates, names) from the labels.
    """
    comparisons = model.comparisons
    vectors = vectors if vectors is not None else compare_pairs(prepared, comparisons, ia, ib)
    weights = model.match_weights(vectors)
    labels = [
        _labels(comparison, prepared, ia, ib, vectors.levels[:, k], redact)
        for k, comparison in enumerate(comparisons)
    ]
    evidence = []
    for row in range(len(ia)):
        parts = [
            {
                "comparison": comparison.name,
                "label": str(labels[k][row]),
                "weight": round(float(weights[row, k]), 2),
            }
            for k, comparison in enumerate(comparisons)
            if vectors.levels[row, k] != 0
        ]
        parts.sort(key=lambda part: -abs(float(part["weight"])))  # type: ignore[arg-type]
        evidence.append(parts)
    return evidence


def evidence_json(parts: list[dict[str, object]]) -> str:
    return json.dumps(parts, ensure_ascii=False)


_JSON_TEXT = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""How ``json.dumps(..., ensure_ascii=False)`` writes a string."""


def evidence_texts(
    model: LogisticScorer,
    prepared: Prepared,
    ia: np.ndarray,
    ib: np.ndarray,
    vectors: ComparisonVectors,
    redact: bool = False,
) -> list[str]:
    """``evidence_json(parts)`` of each pair's ``explain_pairs``, written straight to text: no
    dictionary per part, and the parts ordered for all pairs at once (millions of pairs are
    explained when every pair is written out)."""
    comparisons = model.comparisons
    levels = vectors.levels
    said = levels != 0
    rows, columns = np.nonzero(said)
    weights = [round(weight, 2) for weight in model.match_weights(vectors)[rows, columns].tolist()]
    strength = np.full(levels.shape, np.inf)
    strength[rows, columns] = -np.abs(weights)
    order = np.argsort(strength, axis=1, kind="stable")
    labels = [
        _labels(comparison, prepared, ia, ib, levels[:, k], redact)
        for k, comparison in enumerate(comparisons)
    ]
    names = [_JSON_TEXT(comparison.name) for comparison in comparisons]
    parts = np.full(levels.shape, "", dtype=object)
    parts[rows, columns] = [
        f'{{"comparison": {names[k]}, "label": {_JSON_TEXT(str(labels[k][row]))}, '
        f'"weight": {weight!r}}}'
        for row, k, weight in zip(rows.tolist(), columns.tolist(), weights, strict=True)
    ]
    ordered = np.take_along_axis(parts, order, axis=1).tolist()
    counts = said.sum(axis=1).tolist()
    return [
        "[" + ", ".join(pair[:count]) + "]" for pair, count in zip(ordered, counts, strict=True)
    ]


EVIDENCE_CHUNK = 100_000
"""Pairs explained at a time: the evidence of millions of pairs (a dictionary per comparison with
something to say, then a JSON string per pair) would take tens of GB at once."""


def evidence_in_chunks(
    result: LinkResult, rows: np.ndarray, redact: bool = False, chunk: int = EVIDENCE_CHUNK
) -> Iterator[tuple[np.ndarray, list[str]]]:
    """The evidence (JSON) of the kept pairs at positions ``rows`` of ``result.pairs``, in that
    order, ``chunk`` pairs at a time: yields each chunk's positions and their evidence, so memory
    does not grow with the number of pairs. Yields nothing when ``rows`` is empty."""
    ia, ib = result.pairs["ia"].to_numpy(), result.pairs["ib"].to_numpy()
    vectors = result.vectors  # type: ignore[attr-defined]
    for start in range(0, len(rows), chunk):
        some = rows[start : start + chunk]
        texts = evidence_texts(
            result.model, result.prepared, ia[some], ib[some], vectors.take(some), redact=redact
        )
        yield some, texts

"""Learning the scorer's weights: from labelled reports (synthetic truth and hand-labelled tuning
sets), and from the co-ordinator's decisions on top of an existing model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.link.blocking import BlockingSettings, candidate_pairs
from analytics.link.comparisons import Comparison, Prepared, default_comparisons
from analytics.link.prepare import prepare
from analytics.link.scoring import ComparisonVectors, LogisticScorer, TermFrequencies

DECISION_WEIGHT = 20.0
"""A pair a co-ordinator decided counts as much as this many pairs labelled by the model."""

DISTIL_LIMIT = 400_000


def labelled_pairs(
    features: pd.DataFrame,
    aggressor_ids: pd.Series,
    comparisons: Sequence[Comparison],
    blocking: BlockingSettings | None = None,
) -> tuple[ComparisonVectors, np.ndarray]:
    """Candidate pairs of ``features`` compared, with 1 where both reports share an aggressor."""
    from analytics.link.linker import compare_pairs

    prepared = Prepared(prepare(features))
    ia, ib = candidate_pairs(prepared, blocking)
    truth = np.asarray(aggressor_ids, dtype=object)
    return compare_pairs(prepared, comparisons, ia, ib), (truth[ia] == truth[ib]).astype(int)


@dataclass(frozen=True)
class LabelledSet:
    """Reports whose true aggressors are known, and how much each of their pairs counts."""

    features: pd.DataFrame
    aggressor_ids: pd.Series
    weight: float = 1.0


def train_scorer(
    sets: Sequence[LabelledSet],
    comparisons: Sequence[Comparison] | None = None,
    blocking: BlockingSettings | None = None,
) -> LogisticScorer:
    """Weights learned from labelled sets (synthetic truth, hand-labelled reports), each set's
    candidate pairs counting ``weight`` times."""
    comparisons = tuple(comparisons or default_comparisons())
    compared = [
        labelled_pairs(each.features, each.aggressor_ids, comparisons, blocking) for each in sets
    ]
    vectors = ComparisonVectors(
        np.concatenate([v.levels for v, _ in compared]),
        TermFrequencies.concatenate([v.tf for v, _ in compared]),
        compared[0][0].tf_columns,
    )
    labels = np.concatenate([y for _, y in compared])
    weights = np.concatenate(
        [np.full(len(y), each.weight) for each, (_, y) in zip(sets, compared, strict=True)]
    )
    return LogisticScorer(comparisons).fit(vectors, labels, weights)


def refit_rows(labels: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The pairs a refit reads: a sample of at most ``DISTIL_LIMIT`` undecided pairs (in the
    order drawn) and every decided pair (``labels`` 1 or 0)."""
    decided = np.flatnonzero(~np.isnan(labels))
    undecided = np.flatnonzero(np.isnan(labels))
    if len(decided) and len(undecided) > DISTIL_LIMIT:
        undecided = np.random.default_rng(seed).choice(undecided, DISTIL_LIMIT, replace=False)
    return undecided, decided


def refit_with_decisions(
    base: LogisticScorer,
    vectors: ComparisonVectors,
    labels: np.ndarray,
    seed: int = 0,
) -> LogisticScorer:
    """A model that follows the co-ordinator's decisions (``labels``: 1, 0 or ``nan``).

    Undecided pairs keep the base model's view (each enters as a match with weight p and as a
    non-match with weight 1 − p), decided pairs enter with their answer and a high weight, so a
    handful of decisions shifts the weights without forgetting everything else.
    """
    undecided, decided = refit_rows(labels, seed)
    if len(decided) == 0:
        return base
    p = base.predict_proba(vectors.take(undecided))
    rows = np.concatenate([undecided, undecided, decided])
    y = np.concatenate([np.ones(len(undecided)), np.zeros(len(undecided)), labels[decided]])
    weight = np.concatenate([p, 1 - p, np.full(len(decided), DECISION_WEIGHT)])
    return LogisticScorer(base.comparisons, base.c).fit(vectors.take(rows), y, weight, start=base)

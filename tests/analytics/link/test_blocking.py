"""Blocking keeps what exhaustive comparison finds, and its cost stays linear."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.features import FEATURE_COLUMNS
from analytics.link.blocking import BlockingSettings, Keys, candidate_pairs, windowed_pairs
from analytics.link.comparisons import Prepared, default_comparisons
from analytics.link.evaluation import blocking_recall
from analytics.link.linker import compare_pairs, default_scorer
from analytics.link.prepare import prepare
from analytics.synth import generate


@pytest.fixture(scope="module")
def synthetic() -> tuple[Prepared, np.ndarray]:
    _, truth = generate(500, seed=3)
    return Prepared(prepare(truth[list(FEATURE_COLUMNS)])), truth["aggressor_id"].to_numpy()


def test_blocking_keeps_what_exhaustive_comparison_links(
    synthetic: tuple[Prepared, np.ndarray],
) -> None:
    prepared, truth = synthetic
    n = len(prepared)
    ia, ib = np.triu_indices(n, k=1)
    comparisons = default_comparisons()
    probability = default_scorer(comparisons).predict_proba(
        compare_pairs(prepared, comparisons, ia, ib)
    )
    ca, cb = candidate_pairs(prepared)
    blocked = np.isin(ia * n + ib, ca * n + cb)
    recall = blocking_recall(truth, ia, ib, probability, blocked, threshold=0.7)
    assert recall["clusters"] >= 0.9
    assert recall["pairs"] >= 0.9
    assert recall["blocked_share_of_all_pairs"] < 0.05


def test_big_keys_pair_only_neighbours() -> None:
    rows = np.arange(1000)
    keys = Keys(rows, np.zeros(1000, dtype=np.uint64))
    a, b = windowed_pairs(keys, rows, cap=40, window=5)
    assert len(a) == sum(min(5, 999 - i) for i in range(1000))
    small = Keys(np.arange(10), np.zeros(10, dtype=np.uint64))
    a, b = windowed_pairs(small, np.arange(10), cap=40, window=5)
    assert len(a) == 45


def test_candidate_pairs_grow_linearly() -> None:
    def count(n: int) -> int:
        frame = pd.DataFrame(
            {
                "report_id": [f"r{i}" for i in range(n)],
                "vehicle_colour": "white",
                "vehicle_make": "Honda",
                "vehicle_model": "Civic",
                "names": "mike",
            }
        ).reindex(columns=list(FEATURE_COLUMNS), fill_value="")
        return len(candidate_pairs(Prepared(prepare(frame)), BlockingSettings())[0])

    small, large = count(2_000), count(8_000)
    assert large < 4.5 * small

"""The evaluation harness on a tiny case worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.link.evaluation import bcubed, evaluate, first_match_ranks, pairwise

TRUTH = pd.Series({"r1": "A", "r2": "A", "r3": "A", "r4": "B", "r5": "C"})
PREDICTED = pd.Series({"r1": "x", "r2": "x", "r3": "y", "r4": "y", "r5": "z"})


def test_pairwise_on_a_known_case() -> None:
    # true pairs: r1r2 r1r3 r2r3; predicted pairs: r1r2 r3r4 → one right of two, one of three
    scores = pairwise(PREDICTED, TRUTH)
    assert scores.precision == pytest.approx(1 / 2)
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))


def test_bcubed_on_a_known_case() -> None:
    # precision per report: r1 1, r2 1, r3 1/2, r4 1/2, r5 1 → 4/5
    # recall per report: r1 2/3, r2 2/3, r3 1/3, r4 1, r5 1 → 11/15
    scores = bcubed(PREDICTED, TRUTH)
    assert scores.precision == pytest.approx(4 / 5)
    assert scores.recall == pytest.approx(11 / 15)


def test_perfect_linkage_scores_one() -> None:
    assert bcubed(TRUTH, TRUTH).f1 == pairwise(TRUTH, TRUTH).f1 == 1.0


def test_rank_of_first_true_earlier_match() -> None:
    pairs = pd.DataFrame(
        {
            "report_id_a": ["r1", "r2", "r1", "r3", "r4"],
            "report_id_b": ["r2", "r3", "r3", "r4", "r5"],
            "probability": [0.9, 0.2, 0.1, 0.8, 0.5],
        }
    )
    order = pd.Series({"r1": 1, "r2": 2, "r3": 3, "r4": 4, "r5": 5})
    ranks = first_match_ranks(pairs, TRUTH, order)
    # r2: earlier r1 (true) rank 1; r3: candidates r2 (0.2, true) then r1 (0.1) → rank 1
    assert ranks.to_dict() == {"r2": 1, "r3": 1}


def test_evaluate_gives_every_figure() -> None:
    clusters = PREDICTED.rename("aggressor_id").rename_axis("report_id").reset_index()
    truth = TRUTH.rename("aggressor_id").rename_axis("report_id").reset_index()
    pairs = pd.DataFrame(
        {
            "report_id_a": ["r1", "r1", "r3"],
            "report_id_b": ["r2", "r3", "r4"],
            "probability": [0.9, 0.4, 0.6],
        }
    )
    figures = evaluate(clusters, truth, pairs)
    assert figures["roc_auc"] == pytest.approx(0.5)
    assert figures["top1"] == pytest.approx(1.0)
    assert figures["bcubed_precision"] == pytest.approx(4 / 5)

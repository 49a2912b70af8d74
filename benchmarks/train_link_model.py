"""Learn the linker's shipped weights from synthetic reports and write
``analytics/link/default_weights.py``.

    .venv/bin/python benchmarks/train_link_model.py [--reports 20000] [--seed 7]

Uses the synthetic truth's feature columns (what a perfect normaliser would extract). The seeds
used here must never be the ones the benchmark reports figures on.
"""

from __future__ import annotations

import argparse
import pprint
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.features import FEATURE_COLUMNS
from analytics.link.training import train_scorer

TRAINING_SEEDS = (7, 11)
OUT = Path(__file__).resolve().parents[1] / "analytics" / "link" / "default_weights.py"


def synthetic_features(reports: int, seed: int) -> tuple[pd.DataFrame, pd.Series]:
    from analytics.synth import generate

    _, truth = generate(reports, seed=seed)
    blank = truth["report_id"].astype(str) == ""
    ids = np.where(blank, "row-" + truth["row_number"].astype(str), truth["report_id"])
    truth = truth.assign(report_id=ids)
    return truth[list(FEATURE_COLUMNS)], truth["aggressor_id"]


def _rounded(weights: dict[str, object]) -> dict[str, object]:
    rounded = dict(weights)
    rounded["coef"] = [round(float(x), 4) for x in weights["coef"]]  # type: ignore[union-attr]
    rounded["intercept"] = round(float(weights["intercept"]), 4)  # type: ignore[arg-type]
    return rounded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=TRAINING_SEEDS[0], choices=TRAINING_SEEDS)
    args = parser.parse_args()
    features, aggressors = synthetic_features(args.reports, args.seed)
    scorer = train_scorer(features, aggressors)
    weights = scorer.to_dict()
    OUT.write_text(
        '"""Weights of the linker\'s scorer, learned from synthetic reports by\n'
        f"``benchmarks/train_link_model.py --reports {args.reports} --seed {args.seed}``.\n"
        'Regenerate them after changing a comparison\'s levels."""\n\n'
        f"DEFAULT_WEIGHTS = {pprint.pformat(_rounded(weights), width=80, compact=True)}\n",
        encoding="utf-8",
    )
    for row in scorer.level_table():
        print(f"{row['comparison']:20s} {row['level']:22s} {row['weight']:+.2f} bits")
    print(f"prior {scorer.prior_weight:+.2f} bits; wrote {OUT}")


if __name__ == "__main__":
    main()

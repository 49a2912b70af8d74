"""Learn the linker's shipped weights and write ``analytics/link/default_weights.py``.

    .venv/bin/python benchmarks/train_link_model.py [--reports 10000] [--seed 7]

Two kinds of labelled reports: synthetic ones (the truth's feature columns, what a perfect
normaliser would extract) and the hand-written **tuning** sets (``benchmarks/handwritten/dev*``,
normalised as ``bdars link`` would). Synthetic reports are many but tidy: alone they teach that
an aggressor never changes handle and always commits the same kinds of harm. The hand-written
pairs are few, so each counts ``--handwritten-weight`` times. The held-out sets (``eval*``) and
the synthetic seed the benchmark reports on are never read here.
"""

from __future__ import annotations

import argparse
import pprint
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.features import FEATURE_COLUMNS
from analytics.link.training import LabelledSet, train_scorer

TRAINING_SEEDS = (7, 11)
HANDWRITTEN = Path(__file__).resolve().parent / "handwritten"
TRAINED_THROUGH = 58
"""The shipped weights learn from ``dev`` to ``dev58``. With dev59–dev70 as well they lost 0.012
B-cubed on a synthetic development seed and gained nothing on those twelve sets when half of
them were left out of training in turn (2026-12-07); the later sets stay for checking."""
HANDWRITTEN_WEIGHT = 100.0
"""Chosen leaving one tuning set out at a time (train on the others, score the one left out):
20, 50, 100 and 200 were tried; 100 gave the best B-cubed and top-5 without losing synthetic
B-cubed."""
OUT = Path(__file__).resolve().parents[1] / "analytics" / "link" / "default_weights.py"


def synthetic_features(reports: int, seed: int) -> tuple[pd.DataFrame, pd.Series]:
    from analytics.synth import generate

    _, truth = generate(reports, seed=seed)
    blank = truth["report_id"].astype(str) == ""
    ids = np.where(blank, "row-" + truth["row_number"].astype(str), truth["report_id"])
    truth = truth.assign(report_id=ids)
    return truth[list(FEATURE_COLUMNS)], truth["aggressor_id"]


def set_number(name: str) -> int:
    return int(name.removeprefix("dev") or 1)


def handwritten_tuning_sets() -> list[str]:
    """Names of the hand-written tuning sets (``dev``, ``dev2``, …), never an ``eval`` set."""
    names = (
        path.name.removesuffix("_reports.csv") for path in HANDWRITTEN.glob("dev*_reports.csv")
    )
    return sorted(names, key=set_number)


def handwritten_features(name: str) -> tuple[pd.DataFrame, pd.Series]:
    from analytics.extract import normalise_frame

    reports = pd.read_csv(HANDWRITTEN / f"{name}_reports.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(HANDWRITTEN / f"{name}_truth.csv", dtype=str, keep_default_na=False)
    features = normalise_frame(reports)
    aggressors = truth.set_index("report_id").loc[features["report_id"], "aggressor_id"]
    return features, aggressors.reset_index(drop=True)


def _rounded(weights: dict[str, object]) -> dict[str, object]:
    rounded = dict(weights)
    rounded["coef"] = [round(float(x), 4) for x in weights["coef"]]  # type: ignore[union-attr]
    rounded["intercept"] = round(float(weights["intercept"]), 4)  # type: ignore[arg-type]
    return rounded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=TRAINING_SEEDS[0], choices=TRAINING_SEEDS)
    parser.add_argument("--handwritten-weight", type=float, default=HANDWRITTEN_WEIGHT)
    parser.add_argument(
        "--through", type=int, default=TRAINED_THROUGH, help="the last tuning set to learn from"
    )
    args = parser.parse_args()
    sets = [LabelledSet(*synthetic_features(args.reports, args.seed))]
    tuning = [name for name in handwritten_tuning_sets() if set_number(name) <= args.through]
    sets += [
        LabelledSet(*handwritten_features(name), weight=args.handwritten_weight) for name in tuning
    ]
    scorer = train_scorer(sets)
    weights = scorer.to_dict()
    OUT.write_text(
        '"""Weights of the linker\'s scorer, learned from synthetic reports and the hand-written\n'
        + textwrap.fill(f"tuning sets ({', '.join(tuning)}) by", width=96)
        + "\n"
        f"``benchmarks/train_link_model.py --reports {args.reports} --seed {args.seed} "
        f"--handwritten-weight {args.handwritten_weight:g} --through {args.through}``.\n"
        'Regenerate them after changing a comparison\'s levels or the normaliser."""\n\n'
        f"DEFAULT_WEIGHTS = {pprint.pformat(_rounded(weights), width=80, compact=True)}\n",
        encoding="utf-8",
    )
    for row in scorer.level_table():
        print(f"{row['comparison']:20s} {row['level']:22s} {row['weight']:+.2f} bits")
    print(f"prior {scorer.prior_weight:+.2f} bits; wrote {OUT}")


if __name__ == "__main__":
    main()

"""How well linking does on writers its weights never saw, from the tuning sets alone.

    .venv/bin/python benchmarks/link_crossfold.py [--folds 3] [--reports 10000]

The hand-written tuning sets (``benchmarks/handwritten/dev*``) are split into ``--folds``
groups (set ``k`` goes to fold ``k mod folds``). For each fold, weights are learned as
``train_link_model.py`` learns them (synthetic seed 7 plus every other fold's sets, each
hand-written pair counting ``--handwritten-weight`` times), then each set of the fold is linked
with them and scored. Every set is so scored once by weights that never saw it, and the means
over all sets decide whether a change to linking stays. The held-out sets (``eval*``) and the
benchmark's synthetic seed are never read here: they report, they do not decide.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from train_link_model import (
    HANDWRITTEN_WEIGHT,
    TRAINING_SEEDS,
    handwritten_features,
    handwritten_tuning_sets,
    synthetic_features,
)

from analytics.link.evaluation import evaluate
from analytics.link.linker import link
from analytics.link.training import LabelledSet, train_scorer


def crossfold(folds: int, reports: int, weight: float) -> pd.DataFrame:
    """B-cubed and pairwise figures per tuning set, each from weights that never saw it."""
    names = handwritten_tuning_sets()
    features = {name: handwritten_features(name) for name in names}
    synthetic = LabelledSet(*synthetic_features(reports, TRAINING_SEEDS[0]))
    rows = []
    for fold in range(folds):
        held = [name for index, name in enumerate(names) if index % folds == fold]
        training = [synthetic] + [
            LabelledSet(*features[name], weight=weight) for name in names if name not in held
        ]
        scorer = train_scorer(training)
        for name in held:
            frame, aggressors = features[name]
            result = link(frame, model=scorer)
            truth = pd.DataFrame(
                {"report_id": frame["report_id"], "aggressor_id": aggressors.to_numpy()}
            )
            figures = evaluate(result.clusters, truth)
            rows.append({"set": name, "fold": fold, **figures})
        print(f"fold {fold + 1} of {folds}: {len(held)} sets scored", flush=True)
    return pd.DataFrame(rows).set_index("set")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--handwritten-weight", type=float, default=HANDWRITTEN_WEIGHT)
    args = parser.parse_args()
    started = time.perf_counter()
    table = crossfold(args.folds, args.reports, args.handwritten_weight)
    columns = ["bcubed_f1", "bcubed_precision", "bcubed_recall", "pairwise_f1"]
    print(table[columns].to_string(float_format=lambda x: f"{x:.3f}"))
    means = table[columns].mean()
    print(
        f"\n{len(table)} tuning sets, {args.folds} folds: mean B-cubed F1 {means.bcubed_f1:.4f} "
        f"(P {means.bcubed_precision:.4f}, R {means.bcubed_recall:.4f}), pairwise F1 "
        f"{means.pairwise_f1:.4f}; lowest B-cubed {table.bcubed_f1.min():.3f} "
        f"({table.bcubed_f1.idxmin()}); {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()

"""Blocking recall: how much of what exhaustive comparison finds survives blocking.

    .venv/bin/python benchmarks/blocking_recall.py 2000 5000 --seeds 11 13 [--missed 15]

For each size and development seed (never the held-out evaluation seed), every pair of the
synthetic reports is scored as well as the blocked ones. Prints, per run: recall of true pairs
that exhaustive comparison scores at or above the linking threshold (``pairs``), the same at
cluster level (``clusters``, see ``analytics.link.evaluation.blocking_recall``), candidate
pairs per report, and with ``--missed`` the commonest evidence of the true pairs blocking drops
(comparison levels other than "nothing in common"), so a missing key shows itself.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import numpy as np

from analytics.features import FEATURE_COLUMNS
from analytics.link.blocking import candidate_pairs
from analytics.link.clustering import ClusterSettings
from analytics.link.comparisons import Prepared, default_comparisons
from analytics.link.comparisons.base import pair_codes
from analytics.link.evaluation import blocking_recall
from analytics.link.linker import compare_pairs, default_scorer
from analytics.link.prepare import prepare
from analytics.synth import generate

HELD_OUT_SEED = 90210
THRESHOLD = ClusterSettings().threshold
CHUNK = 2_000_000
QUIET_LEVELS = frozenset(
    ("different", "far", "clash", "some", "common_shared", "nearby", "one_fits")
)
"""Levels that say two reports have little or nothing in common (left out of the evidence)."""


def _evidence(comparisons: list, levels: np.ndarray) -> tuple[str, ...]:
    return tuple(
        f"{comparison.name}:{comparison.levels[level].name}"
        for comparison, level in zip(comparisons, levels, strict=True)
        if level and comparison.levels[level].name not in QUIET_LEVELS
    )


def run(reports: int, seed: int, missed: int) -> None:
    _, truth = generate(reports, seed=seed)
    prepared = Prepared(prepare(truth[list(FEATURE_COLUMNS)]))
    comparisons = list(default_comparisons())
    scorer = default_scorer(comparisons)
    ia, ib = np.triu_indices(reports, k=1)
    probability = np.concatenate(
        [
            scorer.predict_proba(
                compare_pairs(
                    prepared, comparisons, ia[start : start + CHUNK], ib[start : start + CHUNK]
                )
            )
            for start in range(0, len(ia), CHUNK)
        ]
    )
    started = time.perf_counter()
    ca, cb = candidate_pairs(prepared)
    seconds = time.perf_counter() - started
    blocked = np.isin(pair_codes(ia, ib, reports), pair_codes(ca, cb, reports))
    aggressor = truth["aggressor_id"].to_numpy()
    recall = blocking_recall(aggressor, ia, ib, probability, blocked, THRESHOLD)
    lost = np.flatnonzero((aggressor[ia] == aggressor[ib]) & (probability >= THRESHOLD) & ~blocked)
    print(
        f"{reports:>7,} reports  seed {seed:>3}  pairs {recall['pairs']:.4f}  "
        f"clusters {recall['clusters']:.4f}  candidate pairs/report {len(ca) / reports:.1f}  "
        f"lost {len(lost)}  blocking {seconds:.2f} s",
        flush=True,
    )
    if missed and len(lost):
        levels = compare_pairs(prepared, comparisons, ia[lost], ib[lost]).levels
        counts = Counter(_evidence(comparisons, row) for row in levels)
        for evidence, count in counts.most_common(missed):
            print(f"    {count:>4}  {', '.join(evidence)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--seeds", nargs="+", type=int, default=[11, 13])
    parser.add_argument("--missed", type=int, default=0, help="show this many kinds of lost pairs")
    args = parser.parse_args()
    if HELD_OUT_SEED in args.seeds:
        parser.error(f"seed {HELD_OUT_SEED} is the held-out evaluation seed; use 11 or 13")
    for size in args.sizes:
        for seed in args.seeds:
            run(size, seed, args.missed)


if __name__ == "__main__":
    main()

"""How much of the synthetic truth any linker could find: the evidence true pairs share, and the
best B-cubed and pairwise F1 an oracle reaches by joining only true pairs that share it.

    .venv/bin/python benchmarks/link_ceiling.py [--seed 11] [--reports 10000]

Run it on a development seed (never the held-out 90210). For every pair of reports the truth
calls the same aggressor it asks which identifiers agree (a phone or a fitting fragment, a
compatible plate, the same make and model, name, handle, or shared marks). The oracle joins
exactly the true pairs with such evidence and closes them transitively, so its figures are a
ceiling for a linker that never links on weak evidence alone; a second oracle also joins true
pairs agreeing only on a "same" description or the same kind of vehicle and colour, evidence
shared by many different aggressors too. Both use the truth fields and the normaliser's.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from link_benchmark import HELD_OUT_SEED, normalised, synthetic
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from analytics.features import FEATURE_COLUMNS
from analytics.link.blocking import candidate_pairs
from analytics.link.comparisons import Prepared, default_comparisons
from analytics.link.comparisons.base import pair_codes
from analytics.link.evaluation import Scores, bcubed, pairwise
from analytics.link.linker import compare_pairs
from analytics.link.prepare import prepare


def true_pairs(aggressors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of rows with the same aggressor, ``ia < ib``."""
    codes = pd.factorize(aggressors)[0]
    order = np.argsort(codes, kind="stable")
    bounds = np.r_[0, np.flatnonzero(np.diff(codes[order])) + 1, len(order)]
    out_a, out_b = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        rows = np.sort(order[start:end])
        if len(rows) > 1:
            a, b = np.triu_indices(len(rows), 1)
            out_a.append(rows[a])
            out_b.append(rows[b])
    return np.concatenate(out_a), np.concatenate(out_b)


def oracle(
    truth: pd.Series, ia: np.ndarray, ib: np.ndarray, joined: np.ndarray
) -> tuple[Scores, Scores]:
    n = len(truth)
    graph = coo_matrix((np.ones(joined.sum()), (ia[joined], ib[joined])), shape=(n, n))
    labels = pd.Series(connected_components(graph, directed=False)[1], index=truth.index)
    return bcubed(labels, truth), pairwise(labels, truth)


def report(title: str, features: pd.DataFrame, aggressors: np.ndarray) -> None:
    prepared = Prepared(prepare(features))
    ia, ib = true_pairs(aggressors)
    comparisons = default_comparisons()
    levels = compare_pairs(prepared, comparisons, ia, ib).levels
    level = {c.name: levels[:, k] for k, c in enumerate(comparisons)}
    evidence = {
        "phone or fitting fragment": np.isin(level["SamePhone"], [1, 2]),
        "plate fits": np.isin(level["PlateFits"], [1, 2, 3, 4, 5]),
        "same make and model": np.isin(level["SimilarVehicle"], [1, 2, 3]),
        "same name": level["SameName"] == 1,
        "same handle": level["SameHandle"] == 1,
        "same or similar marks": np.isin(level["SharedMarks"], [1, 2]),
    }
    identified = np.any(list(evidence.values()), axis=0)
    weak = (level["SimilarDescription"] == 1) | (level["SimilarVehicle"] == 4)
    n = len(aggressors)
    blocked_a, blocked_b = candidate_pairs(prepared)
    blocked = np.isin(pair_codes(ia, ib, n), pair_codes(blocked_a, blocked_b, n))
    truth = pd.Series(aggressors, index=prepared.column("report_id"))
    print(f"\n## {title}: {len(ia):,} true pairs")
    for name, mask in evidence.items():
        print(f"  share of true pairs with {name:27s} {mask.mean():.3f}")
    print(f"  share with any identifier                          {identified.mean():.3f}")
    print(f"  share with none (weak evidence at most)            {1 - identified.mean():.3f}")
    print(
        f"  share proposed by blocking: all {blocked.mean():.3f}, "
        f"with an identifier {blocked[identified].mean():.3f}"
    )
    for name, joined in (
        ("identifier pairs", identified),
        ("identifier pairs inside blocking", identified & blocked),
        ("identifier or weak 'same' pairs", identified | weak),
    ):
        b3, pw = oracle(truth, ia, ib, joined)
        print(
            f"  oracle on {name:34s} B-cubed F1 {b3.f1:.3f} (R {b3.recall:.3f}), "
            f"pairwise F1 {pw.f1:.3f} (R {pw.recall:.3f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    if args.seed == HELD_OUT_SEED:
        parser.error(f"seed {HELD_OUT_SEED} is held out for the benchmark; pick another")
    intake, truth = synthetic(args.reports, args.seed)
    aggressors = truth["aggressor_id"].to_numpy()
    sizes = truth["aggressor_id"].value_counts()
    print(
        f"seed {args.seed}: {args.reports:,} reports, {len(sizes):,} aggressors; reports in "
        f"aggressors of 1 / 2-5 / 6-20 / 21+ reports: "
        + " / ".join(
            str(int(sizes[(sizes >= lo) & (sizes <= hi)].sum()))
            for lo, hi in ((1, 1), (2, 5), (6, 20), (21, 10**9))
        )
    )
    report("truth fields", truth[list(FEATURE_COLUMNS)], aggressors)
    report("normalised", normalised(intake), aggressors)


if __name__ == "__main__":
    main()

"""Linking benchmark: bdars against Splink and an exact-lookup floor, on held-out data.

    .venv/bin/python benchmarks/link_benchmark.py quality            # figures on held-out sets
    .venv/bin/python benchmarks/link_benchmark.py scale 10000 100000  # time and peak memory
    .venv/bin/python benchmarks/link_benchmark.py incremental 100000  # one new report vs a store

Quality: a synthetic set from a seed never used for training or tuning (the shipped weights come
from seeds 7 and 11), and the hand-written evaluation sets (``benchmarks/handwritten/eval*_*``).
Every linker gets the same normalised fields: the normaliser's output on the report text, and
for synthetic data also the truth's fields (what a perfect normaliser would extract). Splink
(DuckDB) gets sensible blocking rules, comparisons with term-frequency adjustments, u from random
sampling and EM training. Needs ``pip install 'bdars[benchmark]'``.

Scale: bdars and Splink each link the same synthetic feature file in a fresh process; wall time
and peak resident memory of that process are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.features import FEATURE_COLUMNS, split_list
from analytics.link.clustering import ClusterSettings
from analytics.link.evaluation import evaluate

HELD_OUT_SEED = 90210
QUALITY_REPORTS = 10_000
THRESHOLD = ClusterSettings().threshold
"""bdars links at this probability; Splink is given the same match threshold."""
HANDWRITTEN = Path(__file__).resolve().parent / "handwritten"
HELD_OUT_HANDWRITTEN = ("eval", "eval2", "eval3")
"""Hand-written sets by three writers that no rule, weight or threshold was tuned on."""
CACHE = Path(os.environ.get("BDARS_BENCH_DIR", "/tmp/bdars-link-bench"))


# ---------------------------------------------------------------- data
def synthetic(reports: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(intake reports, truth) with report ids filled in."""
    from analytics.synth import generate

    intake, truth = generate(reports, seed=seed)
    ids = np.where(
        truth["report_id"].astype(str) == "",
        "row-" + truth["row_number"].astype(str),
        truth["report_id"],
    )
    return intake.assign(report_id=ids), truth.assign(report_id=ids)


def normalised(intake: pd.DataFrame) -> pd.DataFrame:
    from analytics.extract import normalise_frame

    return normalise_frame(intake)


def scale_file(reports: int) -> Path:
    """Truth features of ``reports`` synthetic reports, cached as Parquet."""
    from analytics.synth import iter_blocks

    path = CACHE / f"features-{reports}.parquet"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    parts = []
    for _, truth in iter_blocks(reports, seed=HELD_OUT_SEED + reports):
        ids = np.where(
            truth["report_id"].astype(str) == "",
            "row-" + truth["row_number"].astype(str),
            truth["report_id"],
        )
        parts.append(truth.assign(report_id=ids)[list(FEATURE_COLUMNS)])
    pd.concat(parts, ignore_index=True).to_parquet(path)
    return path


# ---------------------------------------------------------------- linkers
SCALE_PAIR_FLOOR = 0.01
"""At scale, pairs below this probability are not returned (their number is memory, not
linking). For quality every scored pair is returned, as the intake match ranks every candidate
with no floor, so the ranks measured are the ranks a co-ordinator would see."""


def link_bdars(
    features: pd.DataFrame, pair_floor: float = SCALE_PAIR_FLOOR
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs as ``link`` returns them (with row numbers too): picking the three columns would
    copy them, 1.2 GB at 1,000,000 reports, which is the benchmark's memory, not linking's."""
    from analytics.link.linker import LinkSettings, link

    result = link(features, settings=LinkSettings(keep_probability=pair_floor))
    return result.clusters, result.pairs


def link_exact(
    features: pd.DataFrame, pair_floor: float = 0.0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What bad date systems do today: same full phone number or same full plate."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from analytics.link.clustering import assign_ids

    ids = features["report_id"].to_numpy()
    keys = []
    for column in ("phones", "plate"):
        items = features[column].map(split_list).explode().dropna()
        if column == "plate":
            items = items[~items.str.contains(r"[?*]", regex=True)]
        keys.append(pd.DataFrame({"row": items.index.to_numpy(), "key": column + items}))
    table = pd.concat(keys).drop_duplicates()
    first = table.groupby("key")["row"].transform("min")
    ia, ib = first.to_numpy(), table["row"].to_numpy()
    keep = ia != ib
    probability = np.ones(int(keep.sum()))
    graph = coo_matrix((probability, (ia[keep], ib[keep])), shape=(len(ids), len(ids)))
    labels = connected_components(graph, directed=False)[1]
    clusters = pd.DataFrame(
        {"report_id": ids, "aggressor_id": assign_ids(ids, labels).aggressor_ids}
    )
    return clusters, pd.DataFrame(
        {"report_id_a": ids[ia[keep]], "report_id_b": ids[ib[keep]], "probability": probability}
    )


def _splink_frame(features: pd.DataFrame) -> pd.DataFrame:
    first = {
        c: features[c].map(lambda v: (split_list(v) or [None])[0])
        for c in ("phones", "plate", "names", "handles")
    }
    frame = features.assign(
        phone=first["phones"],
        plate=first["plate"],
        name=first["names"],
        handle=first["handles"],
        lat=pd.to_numeric(features["lat"], errors="coerce"),
        lon=pd.to_numeric(features["lon"], errors="coerce"),
        age_band=(pd.to_numeric(features["age_low"], errors="coerce") // 10)
        .astype("Int64")
        .astype(str),
    )
    columns = [
        "report_id",
        "phone",
        "plate",
        "vehicle_colour",
        "vehicle_make",
        "vehicle_model",
        "vehicle_body",
        "aggressor_sex",
        "age_band",
        "build",
        "hair",
        "facial_hair",
        "marks",
        "name",
        "handle",
        "incident_types",
        "neighbourhood",
        "lat",
        "lon",
    ]
    frame = frame[columns].replace({"": None, "<NA>": None})
    return frame.astype(object).where(frame.notna(), None)


def link_splink(
    features: pd.DataFrame, pair_floor: float = SCALE_PAIR_FLOOR
) -> tuple[pd.DataFrame, pd.DataFrame]:
    import logging

    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.disable(logging.WARNING)
    frame = _splink_frame(features)
    tf = {"term_frequency_adjustments": True}
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="report_id",
        blocking_rules_to_generate_predictions=[
            block_on("phone"),
            block_on("plate"),
            block_on("handle"),
            block_on("name", "vehicle_make"),
            block_on("vehicle_make", "vehicle_model", "vehicle_colour", "neighbourhood"),
            block_on("marks", "aggressor_sex"),
        ],
        comparisons=[
            cl.ExactMatch("phone"),
            cl.LevenshteinAtThresholds("plate", [1, 2]),
            cl.ExactMatch("vehicle_make").configure(**tf),
            cl.ExactMatch("vehicle_model").configure(**tf),
            cl.ExactMatch("vehicle_colour"),
            cl.ExactMatch("vehicle_body"),
            cl.ExactMatch("aggressor_sex"),
            cl.ExactMatch("age_band"),
            cl.ExactMatch("build"),
            cl.ExactMatch("hair"),
            cl.ExactMatch("facial_hair"),
            cl.JaroWinklerAtThresholds("marks", [0.9, 0.7]).configure(**tf),
            cl.JaroWinklerAtThresholds("name", [0.92, 0.8]).configure(**tf),
            cl.ExactMatch("handle"),
            cl.ExactMatch("incident_types").configure(**tf),
            cl.ExactMatch("neighbourhood"),
            cl.DistanceInKMAtThresholds("lat", "lon", [1, 4]),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(frame, settings, db_api=DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match(
        [block_on("phone"), block_on("plate")], recall=0.5
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    for rule in (block_on("phone"), block_on("plate"), block_on("vehicle_make", "vehicle_model")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predictions = linker.inference.predict(threshold_match_probability=pair_floor)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=THRESHOLD
    ).as_pandas_dataframe()
    pairs = predictions.as_pandas_dataframe()[["report_id_l", "report_id_r", "match_probability"]]
    return (
        clusters[["report_id", "cluster_id"]].rename(columns={"cluster_id": "aggressor_id"}),
        pairs.set_axis(["report_id_a", "report_id_b", "probability"], axis=1),
    )


LINKERS = {"bdars": link_bdars, "splink": link_splink, "exact phone/plate": link_exact}


# ---------------------------------------------------------------- quality
def _figures(name: str, features: pd.DataFrame, truth: pd.DataFrame) -> dict[str, object]:
    started = time.perf_counter()
    clusters, pairs = LINKERS[name](features, pair_floor=0.0)
    seconds = time.perf_counter() - started
    figures = evaluate(clusters, truth[["report_id", "aggressor_id"]], pairs)
    return {"linker": name, "seconds": round(seconds, 1), **figures}


SHOWN = [
    "bcubed_f1",
    "bcubed_precision",
    "bcubed_recall",
    "pairwise_f1",
    "pairwise_precision",
    "pairwise_recall",
    "roc_auc",
    "pr_auc",
    "top1",
    "top5",
    "median_rank",
    "seconds",
]


def quality() -> None:
    sets = []
    intake, truth = synthetic(QUALITY_REPORTS, HELD_OUT_SEED)
    sets.append(
        (
            f"synthetic seed {HELD_OUT_SEED}, {QUALITY_REPORTS:,} reports, truth fields",
            truth[list(FEATURE_COLUMNS)],
            truth,
        )
    )
    sets.append(
        (
            f"synthetic seed {HELD_OUT_SEED}, {QUALITY_REPORTS:,} reports, normalised",
            normalised(intake),
            truth,
        )
    )
    for name in HELD_OUT_HANDWRITTEN:
        reports = HANDWRITTEN / f"{name}_reports.csv"
        if not reports.exists():
            continue
        hand = pd.read_csv(reports, dtype=str, keep_default_na=False)
        hand_truth = pd.read_csv(
            HANDWRITTEN / f"{name}_truth.csv", dtype=str, keep_default_na=False
        )
        sets.append(
            (f"hand-written {name}, {len(hand)} reports, normalised", normalised(hand), hand_truth)
        )
    for title, features, known in sets:
        print(f"\n## {title}")
        rows = [_figures(name, features, known) for name in LINKERS]
        table = pd.DataFrame(rows).set_index("linker")[SHOWN].T
        print(table.to_string(float_format=lambda x: f"{x:.3f}"))


# ---------------------------------------------------------------- scale
def _child(tool: str, reports: int) -> None:
    features = pd.read_parquet(scale_file(reports)).fillna("")
    started = time.perf_counter()
    clusters, _ = LINKERS[tool](features)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "aggressors": int(clusters["aggressor_id"].nunique()),
            }
        )
    )


def scale(sizes: list[int], tools: list[str]) -> None:
    print(
        f"{'reports':>10} {'linker':>8} {'seconds':>9} {'CPU s':>8} {'peak GB':>8} "
        f"{'aggressors':>11} {'load before/after':>18}"
    )
    for reports in sizes:
        scale_file(reports)
        for tool in tools:
            load_before = os.getloadavg()[0]
            process = subprocess.Popen(
                [sys.executable, __file__, "child", tool, str(reports)],
                stdout=subprocess.PIPE,
                text=True,
            )
            output = process.stdout.read() if process.stdout else ""
            _, status, usage = os.wait4(process.pid, 0)
            if status != 0:
                print(f"{reports:>10,} {tool:>8} failed (exit status {status})")
                continue
            result = json.loads(output.strip().splitlines()[-1])
            print(
                f"{reports:>10,} {tool:>8} {result['seconds']:>9.1f} "
                f"{usage.ru_utime + usage.ru_stime:>8.1f} "
                f"{usage.ru_maxrss / 1024 / 1024:>8.2f} {result['aggressors']:>11,} "
                f"{load_before:>9.1f}/{os.getloadavg()[0]:<8.1f}",
                flush=True,
            )


# ---------------------------------------------------------------- incremental
def incremental(reports: int, queries: int = 200) -> None:
    """p50/p95 time to score one new report against ``reports`` stored ones."""
    from analytics.link.comparisons import default_comparisons
    from analytics.link.incremental import LinkIndex
    from analytics.link.linker import default_scorer

    stored = pd.read_parquet(scale_file(reports)).fillna("")
    _, new = synthetic(queries, HELD_OUT_SEED + 1)
    started = time.perf_counter()
    index = LinkIndex(stored, {}, default_scorer(default_comparisons()))
    built = time.perf_counter() - started
    times = []
    for row in new[list(FEATURE_COLUMNS)].to_dict(orient="records"):
        started = time.perf_counter()
        index.candidates(row, k=5)
        times.append(time.perf_counter() - started)
    milliseconds = np.array(times) * 1000
    print(
        f"load average {os.getloadavg()[0]:.1f}; "
        f"index of {reports:,} reports built in {built:.1f} s; {queries} new reports: "
        f"p50 {np.percentile(milliseconds, 50):.0f} ms, "
        f"p95 {np.percentile(milliseconds, 95):.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("quality")
    scaling = sub.add_parser("scale")
    scaling.add_argument("sizes", type=int, nargs="+")
    scaling.add_argument("--tools", default="bdars,splink")
    one = sub.add_parser("incremental")
    one.add_argument("reports", type=int)
    child = sub.add_parser("child")
    child.add_argument("tool")
    child.add_argument("reports", type=int)
    args = parser.parse_args()
    if args.command == "quality":
        quality()
    elif args.command == "incremental":
        incremental(args.reports)
    elif args.command == "scale":
        scale(args.sizes, args.tools.split(","))
    else:
        _child(args.tool, args.reports)


if __name__ == "__main__":
    main()

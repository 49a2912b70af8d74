"""How well a linkage matches the truth: pairwise and B-cubed scores, ranking of pair scores,
and how high the first true earlier match ranks for each report."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _pair_count(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise(predicted: pd.Series, truth: pd.Series) -> Scores:
    """Precision/recall of the within-cluster pairs. Both Series map report id → cluster."""
    joined = pd.DataFrame({"p": predicted, "t": truth}).dropna()
    both = _pair_count(joined.groupby(["p", "t"]).size())
    predicted_pairs = _pair_count(joined.groupby("p").size())
    true_pairs = _pair_count(joined.groupby("t").size())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def bcubed(predicted: pd.Series, truth: pd.Series) -> Scores:
    """B-cubed precision/recall: averaged per report, so big aggressors do not dominate."""
    joined = pd.DataFrame({"p": predicted, "t": truth}).dropna()
    both = joined.groupby(["p", "t"])["p"].transform("size")
    in_predicted = joined.groupby("p")["p"].transform("size")
    in_truth = joined.groupby("t")["t"].transform("size")
    precision = float((both / in_predicted).mean()) if len(joined) else 1.0
    recall = float((both / in_truth).mean()) if len(joined) else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def score_ranking(probability: np.ndarray, is_match: np.ndarray) -> dict[str, float]:
    """ROC AUC and precision–recall AUC (average precision) of pair scores."""
    if is_match.all() or not is_match.any():
        return {"roc_auc": float("nan"), "pr_auc": float("nan")}
    return {
        "roc_auc": float(roc_auc_score(is_match, probability)),
        "pr_auc": float(average_precision_score(is_match, probability)),
    }


def first_match_ranks(pairs: pd.DataFrame, truth: pd.Series, order: pd.Series) -> pd.Series:
    """For each report with a true earlier match: the rank of the best-ranked true earlier report
    among its scored earlier candidates (``inf`` when none was scored).

    ``pairs`` has ``report_id_a, report_id_b, probability``; ``order`` maps report id → position in
    time (earlier reports have smaller values).
    """
    both = pd.concat(
        [
            pairs.rename(columns={"report_id_a": "new", "report_id_b": "old"}),
            pairs.rename(columns={"report_id_b": "new", "report_id_a": "old"}),
        ],
        ignore_index=True,
    )[["new", "old", "probability"]]
    both = both[both["old"].map(order) < both["new"].map(order)]
    both = both.sort_values(["new", "probability"], ascending=[True, False], kind="stable")
    both["rank"] = both.groupby("new").cumcount() + 1
    both["true"] = both["new"].map(truth).to_numpy() == both["old"].map(truth).to_numpy()
    best = both[both["true"]].groupby("new")["rank"].min()
    ordered = truth.index.to_series().map(order).sort_values()
    seen: set[object] = set()
    has_earlier = []
    for report in ordered.index:
        cluster = truth[report]
        has_earlier.append(cluster in seen)
        seen.add(cluster)
    eligible = ordered.index[np.array(has_earlier, dtype=bool)]
    return best.reindex(eligible).fillna(np.inf)


def rank_summary(ranks: pd.Series) -> dict[str, float]:
    if ranks.empty:
        return {
            "top1": float("nan"),
            "top5": float("nan"),
            "median_rank": float("nan"),
            "with_earlier_match": 0,
        }
    return {
        "top1": float((ranks <= 1).mean()),
        "top5": float((ranks <= 5).mean()),
        "median_rank": float(ranks.median()),
        "with_earlier_match": float(len(ranks)),
    }


def evaluate(
    clusters: pd.DataFrame,
    truth: pd.DataFrame,
    pairs: pd.DataFrame | None = None,
) -> dict[str, float]:
    """Every figure at once. ``clusters``: ``report_id, aggressor_id``; ``truth``: the same
    columns with true aggressors; ``pairs``: scored pairs (``report_id_a, report_id_b,
    probability``). Report order in ``truth`` is taken as the order reports arrived."""
    predicted = clusters.set_index("report_id")["aggressor_id"]
    true = truth.set_index("report_id")["aggressor_id"]
    figures: dict[str, float] = {}
    for name, scores in (
        ("pairwise", pairwise(predicted, true)),
        ("bcubed", bcubed(predicted, true)),
    ):
        figures.update({f"{name}_{key}": value for key, value in asdict(scores).items()})
    if pairs is not None and not pairs.empty:
        is_match = (
            pairs["report_id_a"].map(true).to_numpy() == pairs["report_id_b"].map(true).to_numpy()
        )
        figures.update(score_ranking(pairs["probability"].to_numpy(), is_match))
        order = pd.Series(np.arange(len(truth)), index=truth["report_id"].to_numpy())
        figures.update(rank_summary(first_match_ranks(pairs, true, order)))
    return figures


def blocking_recall(
    truth: np.ndarray,
    all_a: np.ndarray,
    all_b: np.ndarray,
    probability: np.ndarray,
    blocked: np.ndarray,
    threshold: float,
) -> dict[str, float]:
    """How much of what exhaustive comparison finds survives blocking.

    ``all_a, all_b, probability`` cover every pair of a (small) set; ``blocked`` marks those
    blocking proposes. ``pairs``: true pairs scored at or above ``threshold`` that blocking
    keeps. ``clusters``: true pairs put in one cluster when only blocked pairs are clustered,
    over those put together when every pair is.
    """
    from analytics.link.clustering import ClusterSettings, cluster

    same = truth[all_a] == truth[all_b]
    found = same & (probability >= threshold)
    settings = ClusterSettings(threshold=threshold)
    n = len(truth)
    full = cluster(n, all_a, all_b, probability, settings=settings)
    partial = cluster(n, all_a[blocked], all_b[blocked], probability[blocked], settings=settings)
    together_full = same & (full[all_a] == full[all_b])
    together_blocked = together_full & (partial[all_a] == partial[all_b])
    return {
        "pairs": float((found & blocked).sum() / max(found.sum(), 1)),
        "clusters": float(together_blocked.sum() / max(together_full.sum(), 1)),
        "blocked_share_of_all_pairs": float(blocked.mean()),
    }

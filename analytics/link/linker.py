"""The whole link step on a feature table: block, compare, score, cluster, name aggressors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.link.blocking import BlockingSettings, candidate_pairs
from analytics.link.clustering import (
    ClusterSettings,
    IdAssignment,
    assign_ids,
    cluster_profiles,
)
from analytics.link.comparisons import Comparison, Prepared, default_comparisons
from analytics.link.comparisons.base import pair_codes
from analytics.link.decisions import current_decisions
from analytics.link.prepare import prepare
from analytics.link.scoring import ComparisonVectors, LogisticScorer, TermFrequencies
from analytics.link.threads import available_cores, in_order
from analytics.link.training import refit_rows, refit_with_decisions

Progress = Callable[[str], None]


@dataclass(frozen=True)
class LinkSettings:
    blocking: BlockingSettings = field(default_factory=BlockingSettings)
    clustering: ClusterSettings = field(default_factory=ClusterSettings)
    keep_probability: float = 0.2
    """Pairs at or above this probability are returned (for review), not only linked ones."""
    seed: int = 20260301
    workers: int = field(default_factory=available_cores)
    """Threads making candidate pairs and comparing them (``analytics.link.threads``)."""


@dataclass
class LinkResult:
    """``clusters``: ``report_id, aggressor_id`` for every report. ``pairs``: scored pairs at or
    above ``keep_probability`` with ``probability`` (evidence via ``explain_pairs``)."""

    clusters: pd.DataFrame
    pairs: pd.DataFrame
    model: LogisticScorer
    prepared: Prepared
    history: list[dict[str, str]]
    candidate_count: int
    oversized_splits: int = 0
    """Extra profiles made by splitting profiles above ``ClusterSettings.max_size``."""


def compare_pairs(
    prepared: Prepared,
    comparisons: Sequence[Comparison],
    ia: np.ndarray,
    ib: np.ndarray,
    chunk: int = 2_000_000,
) -> ComparisonVectors:
    """Levels of every comparison for each pair, and term frequencies of those with ``tf``
    levels (the only ones the scorer reads)."""
    tf_columns = tuple(
        k for k, comparison in enumerate(comparisons) if any(lv.tf for lv in comparison.levels)
    )
    levels = np.zeros((len(ia), len(comparisons)), dtype=np.int8)
    tf_parts: list[TermFrequencies] = []
    for start in range(0, len(ia), chunk):
        a, b = ia[start : start + chunk], ib[start : start + chunk]
        shares = [np.full(len(a), np.nan) for _ in tf_columns]
        for k, comparison in enumerate(comparisons):
            level = comparison.compare(prepared, a, b)
            levels[start : start + chunk, k] = level
            if k in tf_columns:
                frequencies = comparison.term_frequency(prepared, a, b, level)
                if frequencies is not None:
                    shares[tf_columns.index(k)][:] = frequencies
        tf_parts.append(TermFrequencies.from_columns(len(a), shares))
    tf = (
        TermFrequencies.concatenate(tf_parts)
        if tf_parts
        else TermFrequencies.empty(len(tf_columns))
    )
    return ComparisonVectors(levels, tf, tf_columns)


def pair_labels(
    prepared: Prepared, ia: np.ndarray, ib: np.ndarray, decisions: pd.DataFrame
) -> np.ndarray:
    """1 for confirmed, 0 for rejected, ``nan`` for undecided pairs."""
    labels = np.full(len(ia), np.nan)
    if decisions.empty:
        return labels
    ids = prepared.column("report_id")
    frame = pd.DataFrame({"a": ids[ia], "b": ids[ib]})
    low, high = frame.min(axis=1), frame.max(axis=1)
    keyed = decisions.set_index(["report_id_a", "report_id_b"])["decision"]
    found = pd.MultiIndex.from_arrays([low, high]).map(
        lambda key: keyed.get(key, None) if key in keyed.index else None
    )
    found = pd.Series(found, dtype=object)
    labels[(found == "confirmed").to_numpy()] = 1.0
    labels[(found == "rejected").to_numpy()] = 0.0
    return labels


def _decision_rows(prepared: Prepared, decisions: pd.DataFrame, kind: str) -> list[tuple[int, int]]:
    position = pd.Series(np.arange(len(prepared)), index=prepared.column("report_id"))
    chosen = decisions[decisions["decision"] == kind]
    a = chosen["report_id_a"].map(position)
    b = chosen["report_id_b"].map(position)
    ok = a.notna() & b.notna()
    return list(zip(a[ok].astype(int), b[ok].astype(int), strict=True))


def _add_decided_pairs(
    prepared: Prepared, ia: np.ndarray, ib: np.ndarray, decisions: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray]:
    """Decided pairs are always scored, even when blocking did not propose them."""
    rows = _decision_rows(prepared, decisions, "confirmed") + _decision_rows(
        prepared, decisions, "rejected"
    )
    if not rows:
        return ia, ib
    extra = np.array(rows, dtype=np.int64)
    n = len(prepared)
    decided = pair_codes(extra[:, 0], extra[:, 1], n)
    codes = np.sort(np.concatenate([pair_codes(ia, ib, n), decided]))
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]]
    return codes // n, codes % n


SCORING_CHUNK = 250_000
"""Candidate pairs compared and scored at a time: only the kept pairs' comparison vectors are
held, so memory follows the kept pairs rather than every candidate pair. Smaller chunks are no
slower, and each chunk's working memory (about 0.2 GB per million pairs) is all there is."""


def _refit(
    prepared: Prepared,
    comparisons: Sequence[Comparison],
    ia: np.ndarray,
    ib: np.ndarray,
    labels: np.ndarray,
    scorer: LogisticScorer,
    seed: int,
) -> LogisticScorer:
    """``refit_with_decisions`` on just the pairs it reads, compared on their own."""
    undecided, decided = refit_rows(labels, seed)
    rows = np.concatenate([undecided, decided])
    sample_labels = np.concatenate([np.full(len(undecided), np.nan), labels[decided]])
    vectors = compare_pairs(prepared, comparisons, ia[rows], ib[rows])
    return refit_with_decisions(scorer, vectors, sample_labels, seed)


@dataclass(frozen=True)
class _Scored:
    """The candidate pairs still needed after scoring: those at or above ``floor`` (the lower
    of ``keep_probability`` and the clustering threshold), in candidate order, and the
    comparison vectors of those at or above ``keep_probability``."""

    ia: np.ndarray
    ib: np.ndarray
    probability: np.ndarray
    vectors: ComparisonVectors

    def kept(self, keep_probability: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``ia, ib, probability`` of the pairs at or above ``keep_probability``."""
        keep = self.probability >= keep_probability
        if keep.all():
            return self.ia, self.ib, self.probability
        return self.ia[keep], self.ib[keep], self.probability[keep]


class _Rows:
    """Rows added chunk by chunk to one array made for the most rows there can be.

    Only the pages written take memory, and the rows come back without a copy; parts
    concatenated at the end would take twice the memory for a moment, and the allocator keeps
    freed parts of a few megabytes instead of giving them back."""

    def __init__(self, most: int, dtype: np.dtype, width: int | None = None) -> None:
        self._array = np.empty((most,) if width is None else (most, width), dtype=dtype)
        self._filled = 0

    def add(self, rows: np.ndarray) -> None:
        self._array[self._filled : self._filled + len(rows)] = rows
        self._filled += len(rows)

    def rows(self) -> np.ndarray:
        return self._array[: self._filled]


def _score_in_chunks(
    prepared: Prepared,
    comparisons: Sequence[Comparison],
    ia: np.ndarray,
    ib: np.ndarray,
    labels: np.ndarray | None,
    scorer: LogisticScorer,
    keep_probability: float,
    floor: float,
    workers: int = 1,
    say: Progress = lambda _message: None,
) -> _Scored:
    """Each pair's probability (decided pairs pinned to 1 or 0); only the pairs at or above
    ``floor`` are held, and only the comparison vectors of those at or above
    ``keep_probability``. Chunks are compared on ``workers`` threads and gathered in order."""
    chosen_a, chosen_b = _Rows(len(ia), ia.dtype), _Rows(len(ib), ib.dtype)
    chosen_probability = _Rows(len(ia), np.dtype(float))
    kept_levels = _Rows(len(ia), np.dtype(np.int8), len(comparisons))
    kept_tf: list[TermFrequencies] = []
    starts = range(0, max(len(ia), 1), SCORING_CHUNK)
    report_every = max(len(starts) // 10, 1)

    def compare_and_score(start: int) -> tuple[ComparisonVectors, np.ndarray]:
        vectors = compare_pairs(
            prepared,
            comparisons,
            ia[start : start + SCORING_CHUNK],
            ib[start : start + SCORING_CHUNK],
        )
        return vectors, scorer.predict_proba(vectors)

    scored_chunks = in_order(compare_and_score, starts, workers)
    for number, (start, (vectors, part)) in enumerate(
        zip(starts, scored_chunks, strict=True), start=1
    ):
        end = start + SCORING_CHUNK
        if number % report_every == 0 and number < len(starts):
            say(f"compared {min(end, len(ia)):,} of {len(ia):,} candidate pairs")
        if labels is not None:
            part = np.where(np.isnan(labels[start:end]), part, labels[start:end])
        chosen = np.flatnonzero(part >= floor)
        chosen_a.add(ia[start:end][chosen])
        chosen_b.add(ib[start:end][chosen])
        chosen_probability.add(part[chosen])
        kept = vectors.take(np.flatnonzero(part >= keep_probability))
        kept_levels.add(kept.levels)
        kept_tf.append(kept.tf)
    return _Scored(
        chosen_a.rows(),
        chosen_b.rows(),
        chosen_probability.rows(),
        ComparisonVectors(
            kept_levels.rows(), TermFrequencies.concatenate(kept_tf), vectors.tf_columns
        ),
    )


def default_scorer(comparisons: Sequence[Comparison]) -> LogisticScorer:
    """The shipped weights (learned from synthetic reports by benchmarks/train_link_model.py)."""
    from analytics.link.default_weights import DEFAULT_WEIGHTS

    return LogisticScorer.from_dict(comparisons, DEFAULT_WEIGHTS)


def link(
    features: pd.DataFrame,
    decisions: pd.DataFrame | None = None,
    previous: Mapping[str, str] | None = None,
    used_ids: Sequence[str] = (),
    settings: LinkSettings | None = None,
    comparisons: Sequence[Comparison] | None = None,
    model: LogisticScorer | None = None,
    progress: Progress | None = None,
) -> LinkResult:
    """Link reports into aggressors. ``decisions`` are the co-ordinator's (append-only log);
    ``previous`` maps report ids to earlier aggressor ids so ids stay stable."""
    settings = settings or LinkSettings()
    comparisons = tuple(comparisons or (model.comparisons if model else default_comparisons()))
    say = progress or (lambda _message: None)
    prepared = Prepared(prepare(features))
    n = len(prepared)
    decided = current_decisions(decisions)
    say(f"blocking {n:,} reports")
    ia, ib = candidate_pairs(prepared, settings.blocking, settings.workers)
    ia, ib = _add_decided_pairs(prepared, ia, ib, decided)
    say(f"comparing {len(ia):,} candidate pairs")
    scorer = model if model is not None else default_scorer(comparisons)
    labels = pair_labels(prepared, ia, ib, decided) if not decided.empty else None
    if labels is not None and not np.isnan(labels).all():
        say("learning from the co-ordinator's decisions")
        scorer = _refit(prepared, comparisons, ia, ib, labels, scorer, settings.seed)
    candidate_count = len(ia)
    scored = _score_in_chunks(
        prepared,
        comparisons,
        ia,
        ib,
        labels,
        scorer,
        settings.keep_probability,
        min(settings.keep_probability, settings.clustering.threshold),
        settings.workers,
        say,
    )
    del ia, ib, labels
    say("clustering")
    clustering = cluster_profiles(
        n,
        scored.ia,
        scored.ib,
        scored.probability,
        must_link=_decision_rows(prepared, decided, "confirmed"),
        cannot_link=_decision_rows(prepared, decided, "rejected"),
        settings=settings.clustering,
    )
    ids = prepared.column("report_id")
    if clustering.oversized_splits:
        say(
            f"split profiles above {settings.clustering.max_size} reports into "
            f"{clustering.oversized_splits} more"
        )
    assignment: IdAssignment = assign_ids(ids, clustering.labels, previous, used_ids)
    clusters = pd.DataFrame({"report_id": ids, "aggressor_id": assignment.aggressor_ids})
    kept_a, kept_b, kept_probability = scored.kept(settings.keep_probability)
    pairs = pd.DataFrame(
        {
            "ia": kept_a,
            "ib": kept_b,
            "report_id_a": ids[kept_a],
            "report_id_b": ids[kept_b],
            "probability": kept_probability,
        },
        copy=False,
    )
    result = LinkResult(
        clusters,
        pairs,
        scorer,
        prepared,
        assignment.history,
        candidate_count,
        clustering.oversized_splits,
    )
    result.vectors = scored.vectors  # type: ignore[attr-defined]
    return result

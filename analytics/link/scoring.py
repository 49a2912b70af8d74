"""Scoring: a calibrated probability per pair that breaks into additive parts, one per comparison.

A Fellegi–Sunter model. For each comparison level, ``m`` is how often two reports of the same
aggressor land on it and ``u`` how often two unrelated reports do; a pair's match weight is the
prior's weight plus ``log2(m/u)`` of each comparison. ``u`` comes from random pairs; ``m`` and the
prior are learned by expectation–maximisation over the candidate pairs, with pairs a co-ordinator
confirmed or rejected held at their known answer. Levels marked ``tf`` use the share of reports
holding the agreed value in place of ``u``, so a shared rare vehicle outweighs a white Civic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analytics.link.comparisons.base import Comparison
from analytics.link.errors import NotFittedError
from analytics.link.frequencies import TF_FLOOR


@dataclass(frozen=True)
class ComparisonVectors:
    """Per pair and comparison: the level, and the agreed value's share for ``tf`` levels."""

    levels: np.ndarray
    """``(pairs, comparisons)`` int8."""
    tf: np.ndarray
    """``(pairs, comparisons)`` float, ``nan`` where no term frequency applies."""

    def __len__(self) -> int:
        return len(self.levels)

    def take(self, rows: np.ndarray) -> ComparisonVectors:
        return ComparisonVectors(self.levels[rows], self.tf[rows])


class FellegiSunter:
    """Fellegi–Sunter match weights, estimated as described in the module docstring.

    Follows scikit-learn's estimator contract: ``fit`` returns ``self``; learned attributes end
    in ``_``; no training data is kept.
    """

    def __init__(
        self,
        comparisons: Sequence[Comparison],
        em_iterations: int = 25,
        prior_strength: float = 10.0,
        label_weight: float = 5.0,
        max_weight: float = 12.0,
    ) -> None:
        self.comparisons = comparisons
        self.em_iterations = em_iterations
        self.prior_strength = prior_strength
        self.label_weight = label_weight
        self.max_weight = max_weight

    def _starting_m(self) -> list[np.ndarray]:
        starts = []
        for comparison in self.comparisons:
            m = np.array([level.m for level in comparison.levels], dtype=float)
            m[0] = 0.0
            starts.append(m / m.sum())
        return starts

    @staticmethod
    def _level_shares(levels: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
        counts = np.bincount(levels, weights=weights, minlength=size).astype(float)
        counts[0] = 0.0
        return counts

    def fit(
        self,
        candidates: ComparisonVectors,
        random_pairs: ComparisonVectors,
        labels: np.ndarray | None = None,
    ) -> FellegiSunter:
        """Learn the level probabilities and the prior by EM over ``candidates``.

        ``random_pairs`` give how often unrelated reports agree by chance (``u_random_``), the
        baseline for term-frequency adjustments and the starting point for ``u_``, the same among
        candidate pairs that are not the same aggressor. ``labels`` (per candidate: 1 same
        aggressor, 0 different, ``nan`` unknown) are held at their known answer.
        """
        self.u_random_ = self._shares(random_pairs, np.ones(len(random_pairs)), smooth=0.5)
        starting_m = self._starting_m()
        self.m_ = [m.copy() for m in starting_m]
        self.u_ = [u.copy() for u in self.u_random_]
        self.prior_ = 0.05
        known = np.zeros(len(candidates), dtype=bool) if labels is None else ~np.isnan(labels)
        weights = np.where(known, self.label_weight, 1.0)
        for _ in range(self.em_iterations):
            posterior = self._posterior(candidates, use_tf=False)
            if labels is not None:
                posterior = np.where(known, np.nan_to_num(labels), posterior)
            self.prior_ = float(np.clip(np.average(posterior, weights=weights), 1e-6, 0.95))
            matched = self._shares(candidates, posterior * weights, smooth=0.0)
            unmatched = self._shares(candidates, (1 - posterior) * weights, smooth=0.0)
            for k in range(len(self.comparisons)):
                self.m_[k] = _mix(matched[k], starting_m[k], self.prior_strength, posterior)
                self.u_[k] = _mix(unmatched[k], self.u_random_[k], self.prior_strength, posterior)
        return self

    def _shares(
        self, pairs: ComparisonVectors, weights: np.ndarray, smooth: float
    ) -> list[np.ndarray]:
        """Per comparison: weighted counts of pairs on each non-null level (normalised)."""
        shares = []
        for k, comparison in enumerate(self.comparisons):
            counts = self._level_shares(pairs.levels[:, k], weights, len(comparison.levels))
            counts[1:] += smooth
            total = counts.sum()
            shares.append(counts / total if total > 0 else counts)
        return shares

    def _check(self) -> None:
        if not hasattr(self, "m_"):
            raise NotFittedError("the scoring model is not fitted yet: call fit() first")

    def match_weights(self, pairs: ComparisonVectors, use_tf: bool = True) -> np.ndarray:
        """``(pairs, comparisons)`` log2 Bayes factors; 0 where a comparison has nothing to say."""
        self._check()
        weights = np.zeros(pairs.levels.shape, dtype=float)
        for k in range(len(self.comparisons)):
            levels = pairs.levels[:, k]
            m, u = self.m_[k][levels], self.u_[k][levels]
            with np.errstate(divide="ignore", invalid="ignore"):
                weight = np.log2(m / u)
                if use_tf:
                    tf = pairs.tf[:, k]
                    adjust = np.log2(self.u_random_[k][levels] / np.maximum(tf, TF_FLOOR))
                    weight = np.where(np.isnan(tf), weight, weight + adjust)
            weights[:, k] = np.where(levels == 0, 0.0, weight)
        return np.clip(weights, -self.max_weight, self.max_weight)

    @property
    def prior_weight(self) -> float:
        """log2 prior odds that a candidate pair is the same aggressor."""
        self._check()
        return float(np.log2(self.prior_ / (1.0 - self.prior_)))

    def _posterior(
        self, pairs: ComparisonVectors, use_tf: bool = True, prior: float | None = None
    ) -> np.ndarray:
        prior_weight = self.prior_weight if prior is None else float(np.log2(prior / (1 - prior)))
        total = prior_weight + self.match_weights(pairs, use_tf).sum(axis=1)
        return 1.0 / (1.0 + np.exp2(-total))

    def predict_proba(self, pairs: ComparisonVectors) -> np.ndarray:
        """Probability that each pair is the same aggressor."""
        return self._posterior(pairs, use_tf=True)

    def level_table(self) -> list[dict[str, object]]:
        """Every level with its learned ``m``, ``u`` and weight, for review."""
        self._check()
        rows: list[dict[str, object]] = []
        for k, comparison in enumerate(self.comparisons):
            for j, level in enumerate(comparison.levels):
                m, u = float(self.m_[k][j]), float(self.u_[k][j])
                weight = 0.0 if j == 0 else float(np.log2(max(m, 1e-12) / max(u, 1e-12)))
                rows.append(
                    {
                        "comparison": comparison.name,
                        "level": level.name,
                        "description": level.description,
                        "m": m,
                        "u": u,
                        "weight": weight,
                    }
                )
        return rows


def _mix(
    counts: np.ndarray, start: np.ndarray, strength: float, posterior: np.ndarray
) -> np.ndarray:
    """Counts (already normalised) pulled toward ``start`` by ``strength`` pseudo-pairs."""
    mass = float(posterior.sum()) if counts.sum() > 0 else 0.0
    mixed = counts * max(mass, 1e-9) + strength * start
    mixed[0] = 0.0
    return mixed / mixed.sum()

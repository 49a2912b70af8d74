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
        """Learn ``u_`` from ``random_pairs`` and ``m_`` and ``prior_`` from ``candidates``.

        ``labels`` (per candidate: 1 same aggressor, 0 different, ``nan`` unknown) are held fixed.
        """
        self.u_ = []
        for k, comparison in enumerate(self.comparisons):
            size = len(comparison.levels)
            counts = self._level_shares(random_pairs.levels[:, k], np.ones(len(random_pairs)), size)
            counts[1:] += 0.5
            self.u_.append(counts / counts.sum())
        starting_m = self._starting_m()
        self.m_ = [m.copy() for m in starting_m]
        self.prior_ = 0.05
        known = np.zeros(len(candidates), dtype=bool) if labels is None else ~np.isnan(labels)
        weights = np.where(known, self.label_weight, 1.0)
        for _ in range(self.em_iterations):
            posterior = self._posterior(candidates, use_tf=False)
            if labels is not None:
                posterior = np.where(known, np.nan_to_num(labels), posterior)
            self.prior_ = float(np.clip(np.average(posterior, weights=weights), 1e-6, 0.5))
            for k, comparison in enumerate(self.comparisons):
                size = len(comparison.levels)
                shares = self._level_shares(candidates.levels[:, k], posterior * weights, size)
                shares += self.prior_strength * starting_m[k]
                self.m_[k] = shares / shares.sum()
        return self

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
            if use_tf:
                tf = pairs.tf[:, k]
                u = np.where(np.isnan(tf), u, np.maximum(tf, TF_FLOOR))
            with np.errstate(divide="ignore", invalid="ignore"):
                weight = np.log2(m / u)
            weights[:, k] = np.where(levels == 0, 0.0, weight)
        return np.clip(weights, -self.max_weight, self.max_weight)

    @property
    def prior_weight(self) -> float:
        """log2 prior odds that a candidate pair is the same aggressor."""
        self._check()
        return float(np.log2(self.prior_ / (1.0 - self.prior_)))

    def _posterior(self, pairs: ComparisonVectors, use_tf: bool = True) -> np.ndarray:
        total = self.prior_weight + self.match_weights(pairs, use_tf).sum(axis=1)
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

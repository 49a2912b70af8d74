"""Scoring: a calibrated probability per pair that breaks into additive parts, one per comparison.

A logistic model over comparison levels, the discriminative cousin of Fellegi–Sunter match
weights: each level has a weight in bits (log2 odds), and so does the rarity of the agreed value
on levels marked ``tf`` (a shared rare vehicle outweighs a shared white Civic). Unlike
Fellegi–Sunter it does not assume comparisons are independent (a shared neighbourhood says less
when the harm pattern already agrees). It learns from labelled pairs: synthetic truth and the
hand-labelled tuning sets for the shipped weights, then the co-ordinator's decisions
(``training.refit_with_decisions``). Weights are learned within limits the levels set, so a
handful of labelled pairs cannot teach that a looser agreement beats a closer one or that a
disagreement is evidence of a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from analytics.link.comparisons.base import Comparison
from analytics.link.errors import NotFittedError
from analytics.link.frequencies import TF_FLOOR

_TF_SCALE = 10.0
"""A term-frequency column holds ``-log2(share) / _TF_SCALE``, near the scale of the 0/1 levels."""
_HALF_BIT_PER_HALVING = 0.5 * _TF_SCALE * np.log(2.0)
"""The term-frequency weight (in natural-log odds) that adds half a bit for each halving of a
share: the least a comparison whose rarer values count more may learn. A whole bit (Fellegi and
Sunter's adjustment) cost a synthetic development seed 0.014 B-cubed, half a bit 0.006."""


@dataclass(frozen=True)
class TermFrequencies:
    """Per column, the agreed value's share for the pairs that have one (``rows`` ascending,
    ``shares`` alongside); every other pair's share is ``nan``. Few pairs agree on a value whose
    rarity counts, so millions of pairs' shares stay small."""

    length: int
    rows: tuple[np.ndarray, ...]
    shares: tuple[np.ndarray, ...]

    @classmethod
    def from_columns(cls, length: int, columns: Sequence[np.ndarray]) -> TermFrequencies:
        """From dense columns of ``length`` shares (``nan`` where none)."""
        rows = tuple(np.flatnonzero(~np.isnan(column)) for column in columns)
        shares = tuple(column[have] for column, have in zip(columns, rows, strict=True))
        return cls(length, rows, shares)

    @classmethod
    def concatenate(cls, parts: Sequence[TermFrequencies]) -> TermFrequencies:
        starts = np.cumsum([0] + [part.length for part in parts[:-1]])
        width = len(parts[0].rows)
        rows = tuple(
            np.concatenate(
                [part.rows[j] + start for part, start in zip(parts, starts, strict=True)]
            )
            for j in range(width)
        )
        shares = tuple(np.concatenate([part.shares[j] for part in parts]) for j in range(width))
        return cls(sum(part.length for part in parts), rows, shares)

    @classmethod
    def empty(cls, width: int) -> TermFrequencies:
        return cls(0, (np.zeros(0, dtype=np.int64),) * width, (np.zeros(0),) * width)

    def column(self, j: int) -> np.ndarray:
        dense = np.full(self.length, np.nan)
        dense[self.rows[j]] = self.shares[j]
        return dense

    def take(self, rows: np.ndarray) -> TermFrequencies:
        rows = np.asarray(rows, dtype=np.int64)
        picked_rows, picked_shares = [], []
        for have, shares in zip(self.rows, self.shares, strict=True):
            where = np.minimum(np.searchsorted(have, rows), max(len(have) - 1, 0))
            hit = have[where] == rows if len(have) else np.zeros(len(rows), dtype=bool)
            picked_rows.append(np.flatnonzero(hit))
            picked_shares.append(shares[where[hit]])
        return TermFrequencies(len(rows), tuple(picked_rows), tuple(picked_shares))


@dataclass(frozen=True)
class ComparisonVectors:
    """Per pair and comparison: the level, and the agreed value's share for ``tf`` levels."""

    levels: np.ndarray
    """``(pairs, comparisons)`` int8."""
    tf: TermFrequencies
    """One column per entry of ``tf_columns``."""
    tf_columns: tuple[int, ...] | None = None
    """The comparisons ``tf`` has a column for (``None``: one for every comparison). Only those
    with ``tf`` levels need one, which keeps millions of pairs' vectors small."""

    def __len__(self) -> int:
        return len(self.levels)

    def term_frequency(self, k: int) -> np.ndarray:
        """The agreed value's share for comparison ``k``, per pair (``nan`` where none)."""
        if self.tf_columns is None:
            return self.tf.column(k)
        if k in self.tf_columns:
            return self.tf.column(self.tf_columns.index(k))
        return np.full(len(self), np.nan)

    def term_frequency_rows(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The pairs with an agreed value's share for comparison ``k``, and those shares."""
        if self.tf_columns is None:
            return self.tf.rows[k], self.tf.shares[k]
        if k in self.tf_columns:
            j = self.tf_columns.index(k)
            return self.tf.rows[j], self.tf.shares[j]
        return np.zeros(0, dtype=np.int64), np.zeros(0)

    def take(self, rows: np.ndarray) -> ComparisonVectors:
        return ComparisonVectors(self.levels[rows], self.tf.take(rows), self.tf_columns)


class LogisticScorer:
    """A logistic model over comparison levels: each non-null level (and, for ``tf`` levels, how
    rare the agreed value is) has a learned weight; a pair's log-odds is the intercept plus the
    weights of its levels, so every probability breaks into one additive part per comparison.

    Trained on labelled candidate pairs (synthetic truth, and the co-ordinator's decisions with
    more weight). Follows scikit-learn's estimator contract.
    """

    def __init__(self, comparisons: Sequence[Comparison], c: float = 1.0) -> None:
        self.comparisons = comparisons
        self.c = c

    def _offsets(self) -> list[int]:
        offsets, total = [], 0
        for comparison in self.comparisons:
            offsets.append(total)
            total += len(comparison.levels) - 1
        return offsets

    def design(self, pairs: ComparisonVectors) -> sparse.csr_matrix:
        """One column per non-null level, then one term-frequency column per ``tf`` comparison."""
        offsets = self._offsets()
        level_columns = offsets[-1] + len(self.comparisons[-1].levels) - 1
        rows, cols, data = [], [], []
        n = len(pairs)
        for k, offset in enumerate(offsets):
            levels = pairs.levels[:, k].astype(np.int64)
            hit = np.flatnonzero(levels > 0)
            rows.append(hit)
            cols.append(offset + levels[hit] - 1)
            data.append(np.ones(len(hit)))
        tf_columns = [k for k, c in enumerate(self.comparisons) if any(lv.tf for lv in c.levels)]
        for j, k in enumerate(tf_columns):
            tf = pairs.term_frequency(k)
            hit = np.flatnonzero(~np.isnan(tf))
            rows.append(hit)
            cols.append(np.full(len(hit), level_columns + j))
            data.append(-np.log2(np.maximum(tf[hit], TF_FLOOR)) / _TF_SCALE)
        return sparse.csr_matrix(
            (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
            shape=(n, level_columns + len(tf_columns)),
        )

    def _parameters(self) -> tuple[np.ndarray, list[tuple[float | None, float | None]]]:
        """How free parameters ``p`` make the weights (``coef = t @ p``), with bounds on ``p``.

        A level's parameter is its weight, at most 0 when the level is ``against``; a level
        with ``at_most`` gets its closer level's weight minus a parameter that cannot be
        negative. Term-frequency weights are free, except that a comparison whose rarer values
        count more (``rarer_counts_more``) adds at least half a bit per halving of the share."""
        width = len(self.design_columns())
        t = np.eye(width)
        bounds: list[tuple[float | None, float | None]] = [(None, None)] * width
        for comparison, offset in zip(self.comparisons, self._offsets(), strict=True):
            names = [level.name for level in comparison.levels[1:]]
            for j, level in enumerate(comparison.levels[1:]):
                if level.at_most is not None:
                    closer = names.index(level.at_most)
                    if closer >= j:
                        raise ValueError(
                            f"{comparison.name}.{level.name}: at_most must name an earlier level"
                        )
                    t[offset + j] = t[offset + closer]
                    t[offset + j, offset + j] = -1.0
                    bounds[offset + j] = (0.0, None)
                elif level.against:
                    bounds[offset + j] = (None, 0.0)
        tf_comparisons = [c for c in self.comparisons if any(lv.tf for lv in c.levels)]
        first_tf_column = width - len(tf_comparisons)
        for j, comparison in enumerate(tf_comparisons):
            if comparison.rarer_counts_more:
                bounds[first_tf_column + j] = (_HALF_BIT_PER_HALVING, None)
        return t, bounds

    def design_columns(self) -> list[str]:
        """Names of the design matrix's columns: ``comparison.level``, then ``comparison.tf``."""
        columns = [f"{c.name}.{lv.name}" for c in self.comparisons for lv in c.levels[1:]]
        return columns + [f"{c.name}.tf" for c in self.comparisons if any(lv.tf for lv in c.levels)]

    def fit(
        self,
        pairs: ComparisonVectors,
        labels: np.ndarray,
        sample_weight: np.ndarray | None = None,
        start: LogisticScorer | None = None,
    ) -> LogisticScorer:
        """L2-regularised logistic regression (scikit-learn's objective, ``C`` = ``self.c``)
        with each comparison's weights kept within the limits its levels set. ``start``: a
        fitted model of the same comparisons to start from (a refit converges sooner)."""
        from scipy.optimize import minimize
        from scipy.special import expit

        x = self.design(pairs)
        y = np.asarray(labels, dtype=float)
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        t, bounds = self._parameters()

        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            coef = t @ theta[:-1]
            z = x @ coef + theta[-1]
            loss = 0.5 * coef @ coef + self.c * float(np.sum(w * (np.logaddexp(0.0, z) - y * z)))
            g = self.c * w * (expit(z) - y)
            return loss, np.r_[t.T @ (x.T @ g + coef), g.sum()]

        initial = np.zeros(t.shape[1] + 1)
        if start is not None:
            low = np.array([-np.inf if lo is None else lo for lo, _ in bounds])
            high = np.array([np.inf if hi is None else hi for _, hi in bounds])
            initial[:-1] = np.clip(np.linalg.solve(t, start.coef_), low, high)
            initial[-1] = start.intercept_
        found = minimize(
            objective,
            initial,
            jac=True,
            method="L-BFGS-B",
            bounds=[*bounds, (None, None)],
            options={"maxiter": 5000},
        )
        self.coef_ = t @ found.x[:-1]
        self.intercept_ = float(found.x[-1])
        return self

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise NotFittedError("the scoring model is not fitted yet: call fit() first")

    @property
    def prior_weight(self) -> float:
        self._check()
        return self.intercept_ / np.log(2.0)

    def match_weights(self, pairs: ComparisonVectors, use_tf: bool = True) -> np.ndarray:
        """``(pairs, comparisons)`` contributions in bits (log2 odds); 0 for null levels."""
        self._check()
        offsets = self._offsets()
        level_columns = offsets[-1] + len(self.comparisons[-1].levels) - 1
        tables = [
            np.concatenate([[0.0], self.coef_[offset : offset + len(comparison.levels) - 1]])
            for comparison, offset in zip(self.comparisons, offsets, strict=True)
        ]
        starts = np.cumsum([0] + [len(table) for table in tables[:-1]])
        weights = np.concatenate(tables)[pairs.levels.astype(np.intp) + starts]
        tf_index = 0
        for k, comparison in enumerate(self.comparisons):
            if any(level.tf for level in comparison.levels):
                if use_tf:
                    rows, shares = pairs.term_frequency_rows(k)
                    extra = -np.log2(np.maximum(shares, TF_FLOOR)) / _TF_SCALE
                    weights[rows, k] += extra * self.coef_[level_columns + tf_index]
                tf_index += 1
        return weights / np.log(2.0)

    def predict_proba(self, pairs: ComparisonVectors, chunk: int = 1_000_000) -> np.ndarray:
        """Match probability per pair (worked out ``chunk`` pairs at a time, to bound memory)."""
        probability = np.empty(len(pairs))
        for start in range(0, len(pairs), chunk):
            part = (
                pairs
                if len(pairs) <= chunk
                else pairs.take(np.arange(start, min(start + chunk, len(pairs))))
            )
            total = self.prior_weight + self.match_weights(part).sum(axis=1)
            probability[start : start + chunk] = 1.0 / (1.0 + np.exp2(-total))
        return probability

    def level_table(self) -> list[dict[str, object]]:
        self._check()
        rows: list[dict[str, object]] = []
        for comparison, offset in zip(self.comparisons, self._offsets(), strict=True):
            for j, level in enumerate(comparison.levels[1:], start=0):
                rows.append(
                    {
                        "comparison": comparison.name,
                        "level": level.name,
                        "description": level.description,
                        "m": float("nan"),
                        "u": float("nan"),
                        "weight": float(self.coef_[offset + j] / np.log(2.0)),
                    }
                )
        return rows

    def to_dict(self) -> dict[str, object]:
        """Learned weights by comparison and level name (to ship as defaults or to review)."""
        self._check()
        return {
            "intercept": self.intercept_,
            "coef": [float(x) for x in self.coef_],
            "layout": [[c.name, [lv.name for lv in c.levels]] for c in self.comparisons],
        }

    @classmethod
    def from_dict(cls, comparisons: Sequence[Comparison], data: dict) -> LogisticScorer:
        layout = [[c.name, [lv.name for lv in c.levels]] for c in comparisons]
        if layout != data["layout"]:
            raise NotFittedError(
                "the saved weights were learned for other comparisons; retrain them "
                "(benchmarks/train_link_model.py)"
            )
        scorer = cls(comparisons)
        scorer.coef_ = np.asarray(data["coef"], dtype=float)
        scorer.intercept_ = float(data["intercept"])
        return scorer

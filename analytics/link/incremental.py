"""Incremental matching: a new report scored against a whole store, for use at intake.

``LinkIndex`` is built once from the stored features (blocking keys sorted for lookup, word
and value frequencies); ``candidates`` then finds the store's reports that share a key with the
new report, scores them, and returns the best aggressors with the evidence for each.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

import numpy as np
import pandas as pd
from scipy import sparse

from analytics.features import FEATURE_COLUMNS
from analytics.link.blocking import RULES, BlockingSettings, Keys, _fragment_ends, _plate_ends
from analytics.link.comparisons import Prepared
from analytics.link.evidence import explain_pairs
from analytics.link.frequencies import EncodedTexts
from analytics.link.linker import compare_pairs
from analytics.link.prepare import prepare
from analytics.link.scoring import LogisticScorer

TEXT_COLUMNS: tuple[str, ...] = ("marks", "appearance")
"""Text columns compared by TF-IDF; the store's vectors are reused, not re-made per query."""


def _stacked_texts(query: EncodedTexts, stored: EncodedTexts, rows: np.ndarray) -> EncodedTexts:
    """The query's text vectors followed by those of the stored ``rows``."""
    needed, where = np.unique(stored.codes[rows], return_inverse=True)
    shift = query.matrix.shape[0]
    return EncodedTexts(
        np.concatenate([query.codes, shift + where.ravel()]),
        np.concatenate([query.blank, stored.blank[needed]]),
        sparse.csr_matrix(sparse.vstack([query.matrix, stored.matrix[needed]])),
    )


class _SortedKeys:
    def __init__(self, keys: Keys, order_by: np.ndarray) -> None:
        order = np.lexsort((-order_by[keys.rows], keys.keys))
        self.keys = keys.keys[order]
        self.rows = keys.rows[order]

    def lookup(self, wanted: np.ndarray, limit: int) -> np.ndarray:
        found = []
        for key in np.unique(wanted):
            start = np.searchsorted(self.keys, key, side="left")
            stop = np.searchsorted(self.keys, key, side="right")
            found.append(self.rows[start : min(stop, start + limit)])
        return np.concatenate(found) if found else np.zeros(0, np.int64)


class LinkIndex:
    """The store's reports, ready to be matched against one new report at a time."""

    def __init__(
        self,
        features: pd.DataFrame,
        aggressor_of: Mapping[str, str],
        scorer: LogisticScorer,
        settings: BlockingSettings | None = None,
    ) -> None:
        self.settings = settings or BlockingSettings()
        self.scorer = scorer
        self.prepared = Prepared(prepare(features))
        ids = self.prepared.column("report_id")
        self.aggressor = np.array([aggressor_of.get(i, i) for i in ids], dtype=object)
        recent = np.nan_to_num(self.prepared.column("days").astype(float), nan=-1e9)
        self.rules = [_SortedKeys(rule.keys(self.prepared), recent) for rule in RULES]
        self.ends = [
            _SortedKeys(_plate_ends(self.prepared)[1], recent),
            _SortedKeys(_fragment_ends(self.prepared)[1], recent),
        ]
        for comparison in scorer.comparisons:
            comparison.compare(self.prepared, np.array([0]), np.array([0]))

    def _query(self, report: Mapping[str, str]) -> Prepared:
        row = {name: str(report.get(name, "") or "") for name in FEATURE_COLUMNS}
        row["report_id"] = row["report_id"] or "(new report)"
        return Prepared(prepare(pd.DataFrame([row])), reference=self.prepared)

    def _candidate_rows(self, query: Prepared) -> np.ndarray:
        limit = max(self.settings.cap, 4 * self.settings.window)
        found = [
            sorted_keys.lookup(rule.keys(query).keys, limit)
            for rule, sorted_keys in zip(RULES, self.rules, strict=True)
        ]
        plate_partial, plate_every = _plate_ends(query)
        fragment_partial, fragment_every = _fragment_ends(query)
        found.append(self.ends[0].lookup(plate_partial.keys, self.settings.partial_cap))
        found.append(self.ends[1].lookup(fragment_partial.keys, self.settings.partial_cap))
        if len(plate_every.keys) or len(fragment_every.keys):
            found.append(self._partials_matching(plate_every, fragment_every))
        rows = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
        own = self.prepared.column("report_id")[rows] == query.column("report_id")[0]
        return rows[~own]

    def _partials_matching(self, plate_every: Keys, fragment_every: Keys) -> np.ndarray:
        """Stored partial plates / phone fragments that fit the new report's full values."""
        partial_plates = self.prepared.cached(
            "index:partial-plates",
            lambda: _SortedKeys(_plate_ends(self.prepared)[0], np.zeros(len(self.prepared))),
        )
        partial_fragments = self.prepared.cached(
            "index:partial-fragments",
            lambda: _SortedKeys(_fragment_ends(self.prepared)[0], np.zeros(len(self.prepared))),
        )
        return np.concatenate(
            [
                partial_plates.lookup(plate_every.keys, self.settings.partial_cap),
                partial_fragments.lookup(fragment_every.keys, self.settings.partial_cap),
            ]
        )

    def candidates(self, report: Mapping[str, str], k: int = 5) -> pd.DataFrame:
        """The ``k`` likeliest aggressors for a new report: ``aggressor_id, probability,
        report_id`` (the closest stored report) and ``evidence`` (list of parts)."""
        columns = ["aggressor_id", "probability", "report_id", "evidence"]
        query = self._query(report)
        rows = self._candidate_rows(query)
        if len(rows) == 0:
            return pd.DataFrame(columns=columns)
        frame = pd.concat([query.frame, self.prepared.frame.iloc[rows]], ignore_index=True)
        combined = Prepared(frame, reference=self.prepared)
        for column in TEXT_COLUMNS:
            stored = self.prepared.texts(column)
            combined.cached(
                f"tfidf:{column}", partial(_stacked_texts, query.texts(column), stored, rows)
            )
        ia = np.zeros(len(rows), dtype=np.int64)
        ib = np.arange(1, len(rows) + 1, dtype=np.int64)
        vectors = compare_pairs(combined, self.scorer.comparisons, ia, ib)
        probability = self.scorer.predict_proba(vectors)
        table = pd.DataFrame(
            {"aggressor_id": self.aggressor[rows], "probability": probability, "pair": ib - 1}
        ).sort_values("probability", ascending=False, kind="stable")
        best = table.drop_duplicates("aggressor_id").head(k)
        chosen = best["pair"].to_numpy()
        evidence = explain_pairs(
            self.scorer, combined, ia[chosen], ib[chosen], vectors.take(chosen)
        )
        return pd.DataFrame(
            {
                "aggressor_id": best["aggressor_id"].to_numpy(),
                "probability": best["probability"].to_numpy(),
                "report_id": self.prepared.column("report_id")[rows[chosen]],
                "evidence": evidence,
            },
            columns=columns,
        )

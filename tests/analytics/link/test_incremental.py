"""Matching one new report against a store: the right aggressor, and the same scores as scoring the
pair in a batch would give (the index reuses the store's prepared values)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.features import FEATURE_COLUMNS
from analytics.link.comparisons import Prepared, default_comparisons
from analytics.link.incremental import LinkIndex
from analytics.link.linker import compare_pairs, default_scorer
from analytics.link.prepare import prepare
from analytics.synth import generate


@pytest.fixture(scope="module")
def store() -> tuple[pd.DataFrame, pd.DataFrame, LinkIndex]:
    _, truth = generate(400, seed=5)
    features = truth[list(FEATURE_COLUMNS)].fillna("").astype(str)
    features = features.assign(report_id=[f"R{k:04d}" for k in range(len(features))])
    stored, new = features.iloc[:300], features.iloc[300:]
    aggressor_of = dict(
        zip(stored["report_id"], truth["aggressor_id"].iloc[:300].astype(str), strict=True)
    )
    index = LinkIndex(stored, aggressor_of, default_scorer(default_comparisons()))
    return stored, new.assign(aggressor=truth["aggressor_id"].iloc[300:].astype(str)), index


def test_a_new_report_sharing_a_phone_finds_that_aggressor(
    store: tuple[pd.DataFrame, pd.DataFrame, LinkIndex],
) -> None:
    stored, _, index = store
    known = stored[stored["phones"] != ""].iloc[0]
    report = {column: "" for column in FEATURE_COLUMNS}
    report.update(report_id="NEW-1", phones=known["phones"], incident_types="robbery")
    found = index.candidates(report, k=5)
    assert (
        found.iloc[0]["aggressor_id"]
        == index.aggressor[index.prepared.column("report_id") == known["report_id"]][0]
    )
    labels = [part["label"] for part in found.iloc[0]["evidence"]]
    assert any(label.startswith("same phone") for label in labels)


def test_scores_equal_scoring_the_same_pairs_in_a_batch(
    store: tuple[pd.DataFrame, pd.DataFrame, LinkIndex],
) -> None:
    stored, new, index = store
    scorer = index.scorer
    checked = 0
    for report in new[list(FEATURE_COLUMNS)].head(40).to_dict(orient="records"):
        found = index.candidates(report, k=5)
        if found.empty:
            continue
        rows = np.flatnonzero(np.isin(index.prepared.column("report_id"), found["report_id"]))
        frame = pd.concat([pd.DataFrame([report]), stored.iloc[rows]], ignore_index=True)
        batch = Prepared(prepare(frame), reference=index.prepared)
        pairs = np.zeros(len(rows), dtype=np.int64), np.arange(1, len(rows) + 1)
        expected = scorer.predict_proba(compare_pairs(batch, scorer.comparisons, *pairs))
        by_report = dict(zip(batch.column("report_id")[1:], expected, strict=True))
        for report_id, probability in zip(found["report_id"], found["probability"], strict=True):
            assert probability == pytest.approx(by_report[report_id], abs=1e-9)
        checked += 1
    assert checked >= 20

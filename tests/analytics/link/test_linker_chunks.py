"""Work done in chunks, on threads or by a faster path gives what one plain pass gives."""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.features import FEATURE_COLUMNS
from analytics.link import linker
from analytics.link.blocking import candidate_pairs
from analytics.link.comparisons import Prepared, default_comparisons
from analytics.link.comparisons.base import list_overlap, lists_share
from analytics.link.evidence import (
    _labels,
    evidence_in_chunks,
    evidence_json,
    evidence_texts,
    explain_pairs,
)
from analytics.link.linker import LinkSettings, compare_pairs, default_scorer, link
from analytics.link.prepare import prepare
from analytics.link.scoring import ComparisonVectors
from analytics.link.threads import available_cores, in_order
from analytics.synth import generate


@pytest.fixture(scope="module")
def features() -> pd.DataFrame:
    _, truth = generate(800, seed=5)
    return truth[list(FEATURE_COLUMNS)].assign(report_id=[f"r{i}" for i in range(len(truth))])


def test_threads_and_chunks_change_nothing(
    features: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = link(features, settings=LinkSettings(keep_probability=0.01, workers=1))
    monkeypatch.setattr(linker, "SCORING_CHUNK", 997)
    messages: list[str] = []
    chunked = link(
        features,
        settings=LinkSettings(keep_probability=0.01, workers=3),
        progress=messages.append,
    )
    pd.testing.assert_frame_equal(whole.clusters, chunked.clusters)
    pd.testing.assert_frame_equal(whole.pairs, chunked.pairs)
    assert np.array_equal(whole.vectors.levels, chunked.vectors.levels)  # type: ignore[attr-defined]
    compared = [message for message in messages if message.startswith("compared ")]
    assert len(compared) >= 5
    assert compared[-1].endswith(f"of {whole.candidate_count:,} candidate pairs")


def test_chunked_scores_equal_one_pass_over_the_pairs(features: pd.DataFrame) -> None:
    prepared = Prepared(prepare(features))
    ia, ib = candidate_pairs(prepared)
    comparisons = default_comparisons()
    scorer = default_scorer(comparisons)
    vectors = compare_pairs(prepared, comparisons, ia, ib)
    one_pass = scorer.predict_proba(vectors, chunk=len(ia))
    in_parts = scorer.predict_proba(vectors, chunk=1_000)
    assert np.array_equal(one_pass, in_parts)
    parts = [
        scorer.predict_proba(compare_pairs(prepared, comparisons, ia[s : s + 777], ib[s : s + 777]))
        for s in range(0, len(ia), 777)
    ]
    assert np.array_equal(one_pass, np.concatenate(parts))


def test_match_weights_are_each_levels_weight_plus_its_rarity(features: pd.DataFrame) -> None:
    """The table lookup in ``match_weights`` against the weights read off one pair at a time."""
    prepared = Prepared(prepare(features))
    ia, ib = candidate_pairs(prepared)
    comparisons = default_comparisons()
    scorer = default_scorer(comparisons)
    vectors: ComparisonVectors = compare_pairs(prepared, comparisons, ia[:400], ib[:400])
    weights = scorer.match_weights(vectors)
    columns = scorer.design_columns()
    tf_seen = 0
    for k, comparison in enumerate(comparisons):
        has_tf = any(level.tf for level in comparison.levels)
        shares = vectors.term_frequency(k)
        for row in range(len(vectors)):
            level = int(vectors.levels[row, k])
            expected = 0.0
            if level:
                name = f"{comparison.name}.{comparison.levels[level].name}"
                expected = scorer.coef_[columns.index(name)]
            if has_tf and not np.isnan(shares[row]):
                rarity = -np.log2(max(shares[row], 1e-5)) / 10.0
                expected += rarity * scorer.coef_[columns.index(f"{comparison.name}.tf")]
            assert weights[row, k] == pytest.approx(expected / np.log(2.0), abs=1e-12)
        tf_seen += has_tf
    assert tf_seen >= 3


def test_a_cached_value_is_built_once_while_threads_wait() -> None:
    prepared = Prepared(pd.DataFrame({"x": [1, 2, 3]}))
    builds: list[int] = []

    def slow_build() -> int:
        builds.append(1)
        time.sleep(0.05)
        return 42

    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(prepared.cached("k", slow_build)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [42] * 4
    assert builds == [1]


def test_in_order_hands_back_results_in_order_however_they_finish() -> None:
    def work(item: int) -> int:
        time.sleep(0.002 * (item % 3))
        return item * item

    assert list(in_order(work, range(40), workers=3)) == [i * i for i in range(40)]
    assert list(in_order(work, range(5), workers=1)) == [0, 1, 4, 9, 16]


_LIST = st.lists(st.sampled_from(["+12505550101", "+12505550102", "mike", "", "bo"]), max_size=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_LIST, _LIST), min_size=1, max_size=8))
def test_lists_share_is_list_overlap_without_the_item(
    pairs: list[tuple[list[str], list[str]]],
) -> None:
    cells = [";".join(side) for pair in pairs for side in pair]
    prepared = Prepared(pd.DataFrame({"names": cells}))
    ia = np.arange(0, len(cells), 2)
    ib = ia + 1
    found, _ = list_overlap(prepared, "names", ia, ib)
    assert np.array_equal(lists_share(prepared, "names", ia, ib), found)


def test_blocking_on_threads_makes_the_same_pairs(features: pd.DataFrame) -> None:
    prepared = Prepared(prepare(features))
    one_a, one_b = candidate_pairs(prepared, workers=1)
    many_a, many_b = candidate_pairs(Prepared(prepare(features)), workers=3)
    assert len(one_a) > 1_000
    assert np.array_equal(one_a, many_a)
    assert np.array_equal(one_b, many_b)


@pytest.mark.parametrize("redact", [False, True])
def test_evidence_texts_are_the_parts_written_as_json(features: pd.DataFrame, redact: bool) -> None:
    result = link(features, settings=LinkSettings(keep_probability=0.01))
    ia, ib = result.pairs["ia"].to_numpy(), result.pairs["ib"].to_numpy()
    vectors = result.vectors  # type: ignore[attr-defined]
    parts = explain_pairs(result.model, result.prepared, ia, ib, vectors, redact=redact)
    texts = evidence_texts(result.model, result.prepared, ia, ib, vectors, redact=redact)
    assert len(texts) > 500
    assert texts == [evidence_json(pair) for pair in parts]
    assert all(json.loads(text) == pair for text, pair in zip(texts[:50], parts, strict=False))
    written = [
        text
        for _, chunk in evidence_in_chunks(result, np.arange(len(ia)), redact, 333)
        for text in chunk
    ]
    assert written == texts


def test_labels_of_the_pairs_with_something_to_say_are_as_for_all_pairs(
    features: pd.DataFrame,
) -> None:
    result = link(features, settings=LinkSettings(keep_probability=0.01))
    ia, ib = result.pairs["ia"].to_numpy(), result.pairs["ib"].to_numpy()
    levels = result.vectors.levels  # type: ignore[attr-defined]
    for k, comparison in enumerate(result.model.comparisons):
        said = levels[:, k] != 0
        assert said.any()
        every = comparison.explain(result.prepared, ia, ib, levels[:, k])
        some = _labels(comparison, result.prepared, ia, ib, levels[:, k], redact=False)
        assert list(some[said]) == list(every[said])
        assert set(some[~said]) <= {""}


def test_a_harm_type_listed_twice_is_compared_as_before() -> None:
    frame = pd.DataFrame({column: ["", ""] for column in FEATURE_COLUMNS}).assign(
        report_id=["a", "b"], incident_types=["other;other;robbery", "other;other;robbery"]
    )
    prepared = Prepared(prepare(frame))
    comparison = next(c for c in default_comparisons() if c.name == "SameHarmPattern")
    assert comparison.compare(prepared, np.array([0]), np.array([1]))[0] in (1, 2, 3)


def test_threads_default_to_at_most_two() -> None:
    assert 1 <= available_cores() <= 2

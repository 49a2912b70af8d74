"""The scorer learns weights within the limits its levels set, and from several labelled sets."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.link.comparisons import default_comparisons
from analytics.link.scoring import ComparisonVectors, LogisticScorer, TermFrequencies
from analytics.link.training import LabelledSet, train_scorer

COMPARISONS = tuple(default_comparisons())
NAMES = [c.name for c in COMPARISONS]


def _vectors(rows: list[dict[str, str]]) -> ComparisonVectors:
    """Pairs given as ``{comparison: level name}`` (others null), without term frequencies."""
    levels = np.zeros((len(rows), len(COMPARISONS)), dtype=np.int8)
    for i, row in enumerate(rows):
        for name, level in row.items():
            k = NAMES.index(name)
            levels[i, k] = [lv.name for lv in COMPARISONS[k].levels].index(level)
    tf_columns = tuple(k for k, c in enumerate(COMPARISONS) if any(lv.tf for lv in c.levels))
    shares = [np.full(len(rows), np.nan) for _ in tf_columns]
    return ComparisonVectors(levels, TermFrequencies.from_columns(len(rows), shares), tf_columns)


def _weight(scorer: LogisticScorer, comparison: str, level: str) -> float:
    table = {(r["comparison"], r["level"]): r["weight"] for r in scorer.level_table()}
    return float(table[(comparison, level)])


def _fit(rows: list[dict[str, str]], labels: list[int]) -> LogisticScorer:
    return LogisticScorer(COMPARISONS).fit(_vectors(rows), np.array(labels))


def test_a_looser_agreement_never_outweighs_a_closer_one() -> None:
    # Every "similar name" pair is a match, only half the "same name" pairs are.
    rows = [{"SameName": "similar"}] * 40 + [{"SameName": "same"}] * 40 + [{}] * 200
    labels = [1] * 40 + [1, 0] * 20 + [0] * 200
    scorer = _fit(rows, labels)
    assert _weight(scorer, "SameName", "similar") <= _weight(scorer, "SameName", "same") + 1e-6
    assert _weight(scorer, "SameName", "same") > 1.0


def test_a_disagreement_never_counts_towards_a_link() -> None:
    # Aggressors who change handles: different handles among matches more than among others.
    rows = [{"SameHandle": "different"}] * 60 + [{}] * 200
    labels = [1] * 50 + [0] * 10 + [1] * 20 + [0] * 180
    scorer = _fit(rows, labels)
    assert _weight(scorer, "SameHandle", "different") == pytest.approx(0.0, abs=1e-6)


def test_unconstrained_levels_follow_the_data() -> None:
    rows = [{"SamePhone": "same"}] * 50 + [{"SamePhone": "different"}] * 50 + [{}] * 100
    labels = [1] * 48 + [0] * 2 + [0] * 50 + [1] * 10 + [0] * 90
    scorer = _fit(rows, labels)
    assert _weight(scorer, "SamePhone", "same") > 3.0
    assert _weight(scorer, "SamePhone", "different") < -1.0


def _reports(rows: list[tuple[str, str, str, str]]) -> tuple[pd.DataFrame, pd.Series]:
    """Reports from ``(phone, handle, name, aggressor)``."""
    from analytics.features import FEATURE_COLUMNS

    frame = pd.DataFrame("", index=range(len(rows)), columns=list(FEATURE_COLUMNS))
    frame["report_id"] = [f"R{i}" for i in range(len(rows))]
    for k, column in enumerate(("phones", "handles", "names")):
        frame[column] = [row[k] for row in rows]
    return frame, pd.Series([row[3] for row in rows])


def _handle(number: int) -> str:
    """A made-up handle of three letters, different for every number below 17,576."""
    return "".join(chr(ord("a") + number // 26**k % 26) for k in range(3))


def test_a_heavier_labelled_set_moves_the_weights_more() -> None:
    """Tidy reports where an aggressor keeps his handle (and strangers who share a first name
    have different ones), and a few reports of one aggressor who changes handle every time."""
    keeps = [(f"+1250555{i % 40:04d}", _handle(i % 40), "", f"A{i % 40}") for i in range(160)]
    strangers = [("", _handle(100 + i), ("mike", "dave", "sam")[i % 3], f"B{i}") for i in range(90)]
    changing = [("+12505550999", _handle(300 + i), "", "C") for i in range(6)]
    tidy = LabelledSet(*_reports(keeps + strangers))
    light = train_scorer([tidy, LabelledSet(*_reports(changing))])
    heavy = train_scorer([tidy, LabelledSet(*_reports(changing), weight=100.0)])
    assert _weight(light, "SameHandle", "different") < -1.0
    assert _weight(heavy, "SameHandle", "different") > _weight(light, "SameHandle", "different")


def test_at_most_must_name_an_earlier_level() -> None:
    from analytics.link.comparisons.base import Comparison, Level

    class Backwards(Comparison):
        name = "Backwards"
        levels = (
            Level("null", "", 0.0),
            Level("loose", "", 0.1, at_most="close"),
            Level("close", "", 0.5),
        )

        def compare(self, prepared, ia, ib):  # pragma: no cover - never called
            return np.zeros(len(ia), dtype=np.int8)

        def explain(self, prepared, ia, ib, levels):  # pragma: no cover - never called
            return np.full(len(ia), "", dtype=object)

    scorer = LogisticScorer((Backwards(),))
    levels = np.array([[1], [2], [0]], dtype=np.int8)
    vectors = ComparisonVectors(levels, TermFrequencies.from_columns(3, []), ())
    with pytest.raises(ValueError, match="earlier level"):
        scorer.fit(vectors, np.array([1, 1, 0]))


def test_a_fit_from_earlier_weights_finds_the_same_weights() -> None:
    rows = (
        [{"SamePhone": "same", "SameName": "same"}] * 30
        + [{"SameName": "similar"}] * 30
        + [{"SameHandle": "different"}] * 30
        + [{}] * 120
    )
    labels = [1] * 28 + [0] * 2 + [1] * 10 + [0] * 20 + [1] * 5 + [0] * 25 + [0] * 120
    vectors = _vectors(rows)
    cold = LogisticScorer(COMPARISONS).fit(vectors, np.array(labels))
    other = LogisticScorer(COMPARISONS).fit(vectors, 1 - np.array(labels))
    warm = LogisticScorer(COMPARISONS).fit(vectors, np.array(labels), start=other)
    assert np.allclose(warm.coef_, cold.coef_, atol=0.05)
    assert warm.intercept_ == pytest.approx(cold.intercept_, abs=0.05)


def _with_name_shares(rows: list[dict[str, str]], shares: list[float]) -> ComparisonVectors:
    vectors = _vectors(rows)
    tf_columns = vectors.tf_columns
    columns = [np.full(len(rows), np.nan) for _ in tf_columns]
    columns[tf_columns.index(NAMES.index("SameName"))] = np.array(shares)
    return ComparisonVectors(
        vectors.levels, TermFrequencies.from_columns(len(rows), columns), tf_columns
    )


def test_a_rarer_name_counts_more_even_when_the_labels_say_otherwise() -> None:
    # Shared rare names are non-matches here and shared common names matches: a store's
    # counts say this when one man is reported often under a common alias.
    rows = [{"SameName": "same"}] * 80 + [{}] * 200
    shares = [0.001] * 40 + [0.2] * 40 + [np.nan] * 200
    labels = [1, 0, 0, 0] * 10 + [1] * 40 + [0] * 200
    scorer = LogisticScorer(COMPARISONS).fit(_with_name_shares(rows, shares), np.array(labels))
    bits = scorer.match_weights(_with_name_shares(rows[:80], shares[:80]))[
        :, NAMES.index("SameName")
    ]
    rare, common = bits[0], bits[40]
    halvings = np.log2(0.2 / 0.001)
    assert rare - common == pytest.approx(halvings / 2, rel=1e-3)


def test_the_shipped_weights_count_a_rare_name_and_a_rare_tattoo_more() -> None:
    from analytics.features import FEATURE_COLUMNS
    from analytics.link.evidence import explain_pairs
    from analytics.link.linker import LinkSettings, link

    def report(number: int, **fields: str) -> dict[str, str]:
        return {**dict.fromkeys(FEATURE_COLUMNS, ""), "report_id": f"R{number:03d}", **fields}

    common = [report(n, marks="tattoo:neck", names="mike") for n in range(30)]
    rare = [report(30 + n, marks="tattoo:snake:left forearm", names="thaddeus") for n in range(2)]
    others = [report(40 + n, marks="scar:chin", names=f"name{n}") for n in range(30)]
    result = link(pd.DataFrame(common + rare + others), settings=LinkSettings(keep_probability=0))
    (mike, neck), (thaddeus, snake) = (
        sorted((p["comparison"], p["weight"]) for p in parts)
        for parts in explain_pairs(
            result.model, result.prepared, np.array([0, 30]), np.array([1, 31])
        )
    )
    assert thaddeus[0] == mike[0] == "SameName" and snake[0] == neck[0] == "SharedMarks"
    assert thaddeus[1] > mike[1] + 1 and snake[1] > neck[1] + 1

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.privacy import (
    COMPLEMENTARY,
    HIDDEN_LABEL,
    SHOWN,
    SMALL,
    suppress_counts,
    suppress_value,
)


@pytest.mark.parametrize(
    ("count", "label"),
    [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (1234, "1234")],
)
def test_suppress_value(count: int, label: str) -> None:
    assert suppress_value(count) == label


@pytest.mark.parametrize(
    ("counts", "statuses", "total_label"),
    [
        ([10, 20, 30], [SHOWN, SHOWN, SHOWN], "60"),
        ([0, 20, 30], [SHOWN, SHOWN, SHOWN], "50"),
        ([3, 20, 30], [SMALL, COMPLEMENTARY, SHOWN], "53"),
        ([3, 30, 20], [SMALL, SHOWN, COMPLEMENTARY], "53"),
        ([2, 3, 30], [SMALL, SMALL, SHOWN], "35"),
        ([1, 1, 30], [SMALL, SMALL, COMPLEMENTARY], "32"),
        ([4, 4, 30], [SMALL, SMALL, COMPLEMENTARY], "38"),
        ([1, 5], [SMALL, COMPLEMENTARY], "hidden"),
        ([2], [SMALL], "fewer than 5"),
        ([1, 5, 100], [SMALL, COMPLEMENTARY, COMPLEMENTARY], "106"),
    ],
)
def test_complementary_suppression(
    counts: list[int], statuses: list[str], total_label: str
) -> None:
    result = suppress_counts(pd.Series(counts, index=[f"c{i}" for i in range(len(counts))]))
    assert list(result.table["status"]) == statuses
    assert result.total_label == total_label


def test_labels_and_counts_hide_what_they_should() -> None:
    table = suppress_counts(pd.Series({"a": 3, "b": 20, "c": 30})).table
    assert table["label"].to_dict() == {"a": "fewer than 5", "b": HIDDEN_LABEL, "c": "30"}
    assert table["count"].isna().to_dict() == {"a": True, "b": True, "c": False}


def test_the_input_is_not_changed() -> None:
    counts = pd.Series({"a": 3, "b": 20})
    suppress_counts(counts)
    assert counts.to_dict() == {"a": 3, "b": 20}


def _consistent_values(result, total: int | None, threshold: int = 5) -> list[tuple[int, ...]]:
    """Every assignment to the hidden cells a reader who sees the table (and total) could infer."""
    table = result.table
    hidden = table[table["status"] != SHOWN]
    shown_sum = int(table.loc[table["status"] == SHOWN, "count"].sum())
    ranges = [
        range(1, threshold) if status == SMALL else range(threshold, 60)
        for status in hidden["status"]
    ]
    return [
        values
        for values in itertools.product(*ranges)
        if total is None or shown_sum + sum(values) == total
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=25), min_size=1, max_size=4))
def test_no_small_cell_can_be_worked_out_from_the_total(counts: list[int]) -> None:
    result = suppress_counts(pd.Series(counts))
    total = None if result.total_hidden else sum(counts)
    possible = _consistent_values(result, total)
    statuses = list(result.table["status"][result.table["status"] != SHOWN])
    for position, status in enumerate(statuses):
        if status == SMALL:
            assert len({values[position] for values in possible}) > 1, (counts, result.table)
    assert all(
        (0 < c < 5) == (s == SMALL) for c, s in zip(counts, result.table["status"], strict=True)
    )

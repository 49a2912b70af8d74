from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from analytics.privacy import (
    COMPLEMENTARY,
    HIDDEN_LABEL,
    SHOWN,
    SMALL,
    suppress_counts,
    suppress_table,
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


@settings(max_examples=60, deadline=None)
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


def _audit(result, values: pd.DataFrame, threshold: int = 5) -> dict:
    """Linear-programming audit: the least and greatest value each hidden cell can take given
    everything the table shows (shown cells, shown margins, small cells in 1..4, complementary
    cells at least 5). Row/column-sum constraints are totally unimodular, so both ends are
    whole numbers that some consistent table reaches."""
    cells = [
        (r, c) for r in values.index for c in values.columns if result.status.loc[r, c] != SHOWN
    ]
    index = {cell: i for i, cell in enumerate(cells)}
    equations, targets = [], []

    def add(members: list, label: str, shown_sum: int) -> None:
        if label in (HIDDEN_LABEL, "fewer than 5"):
            return
        row = [0.0] * len(cells)
        for cell in members:
            row[index[cell]] = 1.0
        equations.append(row)
        targets.append(int(label) - shown_sum)

    def shown(members: list) -> int:
        return int(sum(values.loc[r, c] for r, c in members if (r, c) not in index))

    for r, label in result.row_totals.items():
        members = [(r, c) for c in values.columns]
        add([m for m in members if m in index], label, shown(members))
    for c, label in result.column_totals.items():
        members = [(r, c) for r in values.index]
        add([m for m in members if m in index], label, shown(members))
    everything = [(r, c) for r in values.index for c in values.columns]
    add([m for m in everything if m in index], result.total_label, shown(everything))
    bounds = [
        (1, threshold - 1) if result.status.loc[r, c] == SMALL else (threshold, None)
        for r, c in cells
    ]
    ranges = {}
    for cell, i in index.items():
        objective = [0.0] * len(cells)
        objective[i] = 1.0
        low = linprog(objective, A_eq=equations or None, b_eq=targets or None, bounds=bounds)
        objective[i] = -1.0
        high = linprog(objective, A_eq=equations or None, b_eq=targets or None, bounds=bounds)
        assert low.status == 0, (cell, low.message)
        ranges[cell] = (round(low.fun), float("inf") if high.status == 3 else round(-high.fun))
    return ranges


@pytest.mark.parametrize(
    ("table", "hidden_cells"),
    [
        ([[10, 20], [30, 40]], 0),
        ([[3, 20], [30, 40]], 4),
        ([[3, 12, 9], [10, 8, 1], [20, 0, 30]], 6),
        ([[2, 0], [10, 8]], 3),
    ],
)
def test_two_way_suppression_cases(table: list[list[int]], hidden_cells: int) -> None:
    frame = pd.DataFrame(table, columns=[f"c{i}" for i in range(len(table[0]))])
    result = suppress_table(frame)
    assert int((result.status != SHOWN).to_numpy().sum()) == hidden_cells
    small = (frame > 0) & (frame < 5)
    assert (result.labels[small] == "fewer than 5").to_numpy()[small.to_numpy()].all()
    assert result.counts.isna().to_numpy().sum() == hidden_cells


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 12), min_size=width, max_size=width), min_size=2, max_size=4
        )
    )
)
def test_two_way_suppression_never_pins_a_small_cell(table: list[list[int]]) -> None:
    frame = pd.DataFrame(table, columns=[f"c{i}" for i in range(len(table[0]))])
    result = suppress_table(frame)
    for (r, c), (low, high) in _audit(result, frame).items():
        assert low <= frame.loc[r, c] <= high
        if result.status.loc[r, c] == SMALL:
            assert low < high, (table, r, c, low, high)

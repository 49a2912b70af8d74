"""Differencing attacks on filtered views: subtracting a filtered table from the unfiltered one
must not reveal a small count of the reports the filter left out."""

from __future__ import annotations

import itertools
import re

import pandas as pd
import pytest

from analytics.privacy import (
    THRESHOLD,
    differencing_cells,
    filter_refusal,
    small_label,
    suppress_counts,
    suppress_table,
)


@pytest.mark.parametrize(
    ("kept", "whole", "refused"),
    [
        (0, 40, None),
        (1, 40, "matches"),
        (4, 40, "matches"),
        (5, 40, None),
        (35, 40, None),
        (36, 40, "leaves out"),
        (39, 40, "leaves out"),
        (40, 40, None),
        (3, 3, "matches"),
        (2, 3, "matches"),
    ],
)
def test_filter_refusal(kept: int, whole: int, refused: str | None) -> None:
    message = filter_refusal(kept, whole)
    if refused is None:
        assert message is None
    else:
        assert message is not None and refused in message
        assert not re.search(r"\d", message.replace(small_label(), "")), message


def test_filter_refusal_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="not 41"):
        filter_refusal(41, 40)


def shown_values(labels: pd.Series) -> dict[object, int]:
    return {k: int(v) for k, v in labels.items() if str(v).isdigit()}


def possible_left_out(
    view: pd.Series, total_label: str, whole: pd.Series
) -> dict[object, set[int]]:
    """Every left-out count (``whole - filtered``) per hidden cell that agrees with everything
    the filtered view shows and the exact unfiltered counts (the attacker's best knowledge)."""
    shown = shown_values(view)
    hidden = [k for k in view.index if k not in shown]
    ranges = [
        range(1, THRESHOLD) if view[k] == small_label() else range(1, int(whole[k]) + 1)
        for k in hidden
    ]
    found: dict[object, set[int]] = {k: set() for k in hidden}
    for guess in itertools.product(*ranges):
        if total_label.isdigit() and sum(guess) + sum(shown.values()) != int(total_label):
            continue
        for k, value in zip(hidden, guess, strict=True):
            found[k].add(int(whole[k]) - value)
    return found


MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"]
ATTACKS = [
    ([12, 9, 20, 30], [10, 9, 17, 30]),
    ([12, 40, 6, 8], [11, 40, 6, 8]),
    ([50, 50, 50, 50], [46, 30, 30, 49]),
    ([7, 9, 6, 30], [5, 9, 2, 27]),
]


@pytest.mark.parametrize(("whole_counts", "kept_counts"), ATTACKS)
def test_subtracting_a_filtered_one_way_table_reveals_no_small_count(whole_counts, kept_counts):
    whole = pd.Series(whole_counts, index=MONTHS)
    kept = pd.Series(kept_counts, index=MONTHS)
    left_out = whole - kept
    assert ((left_out > 0) & (left_out < THRESHOLD)).any(), "the attack needs a small left-out"

    naive = suppress_counts(kept).table["label"]
    leaked = [m for m, v in shown_values(naive).items() if 0 < whole[m] - v < THRESHOLD]
    assert leaked, "without the control the attack would work"

    protected = suppress_counts(kept, whole=whole)
    view = protected.table["label"]
    for month, value in shown_values(view).items():
        assert not 0 < whole[month] - value < THRESHOLD, month
    for month, values in possible_left_out(view, protected.total_label, whole).items():
        if 0 < left_out[month] < THRESHOLD:
            assert len(values) > 1, (month, values)


def test_a_filtered_view_hides_at_least_what_the_plain_table_hides() -> None:
    """The reader is assumed to know each unfiltered count exactly (more than the unfiltered
    view shows), so a filtered view may hide more than needed, never less."""
    counts = pd.Series([3, 20, 30, 41], index=["a", "b", "c", "d"])
    plain = suppress_counts(counts).table["status"]
    filtered = suppress_counts(counts, whole=counts + pd.Series([0, 0, 6, 0], index=counts.index))
    assert set(plain[plain != "shown"].index) <= set(
        filtered.table.index[filtered.table["status"] != "shown"]
    )


def test_differencing_cells() -> None:
    whole = pd.Series([12, 9, 3, 30], index=list("abcd"))
    kept = pd.Series([10, 9, 0, 25], index=list("abcd"))
    assert list(differencing_cells(kept, whole)) == [True, False, False, False]
    with pytest.raises(ValueError, match="exceeds"):
        differencing_cells(whole + 1, whole)


def test_subtracting_a_filtered_two_way_table_reveals_no_small_count() -> None:
    """Weekday x time band: the filter leaves out 2 reports on Friday night; Friday night in the
    filtered table, and anything that would let a reader work it out, stays hidden."""
    index = pd.Index(["Fri", "Sat"], name="day")
    columns = ["18-22", "22-02"]
    whole = pd.DataFrame([[8, 12], [9, 15]], index=index, columns=columns)
    kept = pd.DataFrame([[8, 10], [9, 15]], index=index, columns=columns)
    naive = suppress_table(kept)
    assert naive.labels.loc["Fri", "22-02"] == "10", "without the control the attack would work"

    grid = suppress_table(kept, whole=whole)
    labels = grid.labels
    assert not labels.loc["Fri", "22-02"].isdigit()
    hidden = [(r, c) for r in index for c in columns if not labels.loc[r, c].isdigit()]
    lines = [(list(whole.loc[r].index), grid.row_totals[r], r, None) for r in index]
    lines += [(list(whole.index), grid.column_totals[c], None, c) for c in columns]
    friday_night: set[int] = set()
    for guess in itertools.product(*(range(1, int(whole.loc[r, c]) + 1) for r, c in hidden)):
        table = kept.copy()
        for (r, c), value in zip(hidden, guess, strict=True):
            table.loc[r, c] = value
        fits = all(
            not total.isdigit()
            or (table.loc[row].sum() if row is not None else table[column].sum()) == int(total)
            for _, total, row, column in lines
        )
        fits = fits and (
            not grid.total_label.isdigit() or table.to_numpy().sum() == int(grid.total_label)
        )
        if fits:
            friday_night.add(int(whole.loc["Fri", "22-02"] - table.loc["Fri", "22-02"]))
    assert 2 in friday_night and len(friday_night) > 1, friday_night

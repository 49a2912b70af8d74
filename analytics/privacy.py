"""Small-count suppression for aggregate views: nobody may be able to pick out a reporter.

A count from 1 to ``threshold - 1`` is shown as "fewer than 5" (primary suppression). Because a
reader who knows a table's total could subtract the shown cells and recover a lone hidden count,
further cells are hidden (complementary suppression) until no hidden small count can be worked out
exactly. The reader is assumed to know the total, that each small cell lies in 1..threshold-1 and
that each complementary cell is at least ``threshold``. Zero is shown as zero.

Filtered views (a subset of the reports, e.g. one sector) can be differenced against the
unfiltered view: ``whole - filtered`` is the count of the reports the filter left out. So a filter
is refused when it keeps, or leaves out, 1 to ``threshold - 1`` reports of the period
(:func:`filter_refusal`), and a filtered table is suppressed against the unfiltered one
(``whole=``): a cell whose left-out count is small is hidden like a small cell, with
complementary suppression, the reader being assumed to know the unfiltered count exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

THRESHOLD = 5
SHOWN = "shown"
SMALL = "small"
COMPLEMENTARY = "complementary"


def small_label(threshold: int = THRESHOLD) -> str:
    return f"fewer than {threshold}"


HIDDEN_LABEL = "hidden"
"""Shown for a complementary cell: hidden so that the total cannot reveal a small count."""


@dataclass(frozen=True)
class SuppressedCounts:
    """A suppressed one-way table.

    ``table`` has the input's index and columns ``count`` (nullable; ``<NA>`` where hidden),
    ``label`` (what to display) and ``status`` (``shown``, ``small`` or ``complementary``).
    ``total_label`` is what to display for the table's total: the number, "fewer than 5" when the
    total itself is small, or "hidden" when even hiding every cell could not protect a small one.
    """

    table: pd.DataFrame
    total_label: str

    @property
    def total_hidden(self) -> bool:
        return not self.total_label.isdigit()


def suppress_value(count: int, threshold: int = THRESHOLD) -> str:
    """One count for display: ``"fewer than 5"`` for 1..4, else the number."""
    return small_label(threshold) if 0 < count < threshold else str(int(count))


def _small_cell_is_pinned(
    hidden_sum: int, n_small: int, n_complementary: int, threshold: int
) -> bool:
    """True when the hidden cells' sum lets a reader work out a small cell's exact value."""
    if n_small == 0:
        return False
    others_min = (n_small - 1) + threshold * n_complementary
    others_max = float("inf") if n_complementary else (n_small - 1) * (threshold - 1)
    lowest = max(1, hidden_sum - others_max)
    highest = min(threshold - 1, hidden_sum - others_min)
    return highest <= lowest


def filter_refusal(kept: int, whole: int, threshold: int = THRESHOLD) -> str | None:
    """Why a filter may not be applied to a period with ``whole`` reports of which it keeps
    ``kept``, or None when it may. The message never gives either small number."""
    if kept > whole or kept < 0:
        raise ValueError(f"a filter keeps 0..{whole} of {whole} reports, not {kept}")
    if 0 < kept < threshold:
        return (
            f"The filter was not applied: it matches {small_label(threshold)} reports in these "
            "months, so its counts could point to the people who reported. Choose more sectors, "
            "harm types or areas, or more months."
        )
    if 0 < whole - kept < threshold:
        return (
            f"The filter was not applied: it leaves out only {small_label(threshold)} reports "
            "in these months, so comparing it with the unfiltered counts would show them. Choose "
            "fewer sectors, harm types or areas, or more months."
        )
    return None


def differencing_cells(
    filtered: pd.Series | pd.DataFrame,
    whole: pd.Series | pd.DataFrame,
    threshold: int = THRESHOLD,
) -> pd.Series | pd.DataFrame:
    """Cells of a filtered table whose count would reveal a small count of the reports the
    filter left out (``whole - filtered`` in 1..threshold-1), when the cell is not zero."""
    kept = filtered.fillna(0).astype("int64")
    left_out = whole.reindex_like(kept).fillna(0).astype("int64") - kept
    if (left_out < 0).to_numpy().any():
        raise ValueError("a filtered count exceeds the unfiltered count of the same cell")
    return (kept > 0) & (left_out > 0) & (left_out < threshold)


def _reader_bounds(
    small: pd.Series | pd.DataFrame,
    differencing: pd.Series | pd.DataFrame,
    whole: pd.Series | pd.DataFrame | None,
    threshold: int,
) -> tuple[pd.Series | pd.DataFrame, pd.Series | pd.DataFrame]:
    """What a reader knows of each cell if it were hidden: 1..threshold-1 for a small cell, at
    least ``threshold`` for another; in a filtered view, at most the unfiltered count, and less
    than ``threshold`` below it for a cell that differencing could reveal."""
    low = (small * 1.0).where(~small, 1.0).mask(~small, float(threshold))
    high = (small * 1.0).where(~small, float(threshold - 1)).mask(~small, float("inf"))
    if whole is not None:
        reference = whole.reindex_like(small).fillna(0).astype(float)
        low = low.mask(differencing, np.maximum(low, reference - threshold + 1))
        high = np.minimum(high.mask(differencing, reference - 1), reference)
    return low, high


def _pinned_one_way(
    values: pd.Series, hidden: pd.Series, protect: pd.Series, low: pd.Series, high: pd.Series
) -> bool:
    """True when the hidden cells' sum (total minus the shown cells) lets a reader work out a
    protected cell's exact value, given what they know of each hidden cell's range."""
    cells = list(values.index[hidden])
    hidden_sum = float(values[hidden].sum())
    for cell in values.index[hidden & protect]:
        others = [c for c in cells if c != cell]
        lowest = max(low[cell], hidden_sum - sum(float(high[c]) for c in others))
        highest = min(high[cell], hidden_sum - sum(float(low[c]) for c in others))
        if highest <= lowest:
            return True
    return False


def suppress_counts(
    counts: pd.Series, threshold: int = THRESHOLD, whole: pd.Series | None = None
) -> SuppressedCounts:
    """Suppress small cells of a one-way table of counts, with complementary suppression.

    With ``whole`` (the same table over every report, when ``counts`` is a filtered view), a
    cell whose count differs from the unfiltered one by 1..threshold-1 is hidden too, so that
    subtracting this view from the unfiltered one reveals no small count."""
    values = counts.fillna(0).astype("int64")
    if (values < 0).any():
        raise ValueError(f"counts must not be negative, found {values[values < 0].to_dict()}")
    small = (values > 0) & (values < threshold)
    if whole is None:
        differencing = pd.Series(False, index=values.index, dtype=bool)
    else:
        differencing = differencing_cells(values, whole, threshold)
    protect = small | differencing
    low, high = _reader_bounds(small, differencing, whole, threshold)
    hidden = protect.copy()
    while _pinned_one_way(values, hidden, protect, low, high):
        candidates = values[~hidden & (values > 0)]
        if candidates.empty:
            break
        hidden.loc[candidates.sort_values(kind="stable").index[0]] = True
    total = int(values.sum())
    if 0 < total < threshold:
        total_label = small_label(threshold)
    elif _pinned_one_way(values, hidden, protect, low, high):
        total_label = HIDDEN_LABEL
    else:
        total_label = str(total)
    status = pd.Series(SHOWN, index=values.index, dtype="object")
    status[hidden] = COMPLEMENTARY
    status[small] = SMALL
    labels = values.astype(str).astype("object")
    labels[status == COMPLEMENTARY] = HIDDEN_LABEL
    labels[status == SMALL] = small_label(threshold)
    shown_counts = values.astype("Int64").where(status == SHOWN, pd.NA)
    table = pd.DataFrame({"count": shown_counts, "label": labels, "status": status})
    return SuppressedCounts(table=table, total_label=total_label)


@dataclass(frozen=True)
class SuppressedTable:
    """A suppressed two-way table with its margins.

    ``labels`` has the input's shape (what to display in each cell); ``status`` says ``shown``,
    ``small`` or ``complementary`` per cell; ``counts`` holds the shown counts (``<NA>`` where
    hidden). ``row_totals`` / ``column_totals`` are display labels of the margins and
    ``total_label`` that of the grand total.
    """

    counts: pd.DataFrame
    labels: pd.DataFrame
    status: pd.DataFrame
    row_totals: pd.Series
    column_totals: pd.Series
    total_label: str


def _line_needs_more(
    values: pd.Series, hidden: pd.Series, small: pd.Series, threshold: int
) -> bool:
    n_hidden = int(hidden.sum())
    if n_hidden == 0:
        return False
    if n_hidden == 1:
        return True
    n_small = int((hidden & small).sum())
    return _small_cell_is_pinned(int(values[hidden].sum()), n_small, n_hidden - n_small, threshold)


def _margin_label(total: int, hidden_line: bool, threshold: int) -> str:
    if hidden_line:
        return HIDDEN_LABEL
    return small_label(threshold) if 0 < total < threshold else str(total)


def _line_pass(
    values: pd.DataFrame,
    small: pd.DataFrame,
    hidden: pd.DataFrame,
    hidden_lines: set[tuple[str, object]],
    threshold: int,
) -> None:
    """Hide cells (in place) until no row or column has a lone hidden cell or a pinned small
    one; a line that cannot be fixed joins ``hidden_lines``."""
    changed = True
    while changed:
        changed = False
        lines = [("row", label) for label in values.index]
        lines += [("column", label) for label in values.columns]
        for axis, label in lines:
            pick_from = values.loc[label] if axis == "row" else values[label]
            line_hidden = hidden.loc[label] if axis == "row" else hidden[label]
            line_small = small.loc[label] if axis == "row" else small[label]
            if (axis, label) in hidden_lines or not _line_needs_more(
                pick_from, line_hidden, line_small, threshold
            ):
                continue
            if _hide_smallest(values, hidden, axis, label):
                changed = True
            else:
                hidden_lines.add((axis, label))


def _hide_smallest(values: pd.DataFrame, hidden: pd.DataFrame, axis: str, label: object) -> bool:
    line = values.loc[label] if axis == "row" else values[label]
    line_hidden = hidden.loc[label] if axis == "row" else hidden[label]
    candidates = line[~line_hidden & (line > 0)]
    if candidates.empty:
        return False
    pick = candidates.sort_values(kind="stable").index[0]
    if axis == "row":
        hidden.loc[label, pick] = True
    else:
        hidden.loc[pick, label] = True
    return True


def _margins(
    values: pd.DataFrame, hidden_lines: set[tuple[str, object]], hide_total: bool, threshold: int
) -> tuple[pd.Series, pd.Series, str]:
    rows = pd.Series(
        [
            _margin_label(int(values.loc[r].sum()), ("row", r) in hidden_lines, threshold)
            for r in values.index
        ],
        index=values.index,
        dtype="object",
    )
    columns = pd.Series(
        [
            _margin_label(int(values[c].sum()), ("column", c) in hidden_lines, threshold)
            for c in values.columns
        ],
        index=values.columns,
        dtype="object",
    )
    return rows, columns, _margin_label(int(values.to_numpy().sum()), hide_total, threshold)


def _pinned(
    values: pd.DataFrame,
    protect: pd.DataFrame,
    bounds: tuple[pd.DataFrame, pd.DataFrame],
    hidden: pd.DataFrame,
    margins: tuple[pd.Series, pd.Series, str],
    threshold: int,
) -> list[tuple[str, object]]:
    """Lines holding a small count (a cell or a small line total) that a reader could work out
    exactly from what is shown: a linear-programming audit over the hidden cells."""
    from scipy.optimize import linprog

    cells = [(r, c) for r in values.index for c in values.columns if hidden.loc[r, c]]
    if not cells:
        return []
    position = {cell: i for i, cell in enumerate(cells)}
    rows, columns, total = margins
    lines: list[tuple[str, object, list[tuple[object, object]], str]] = [
        ("row", r, [(r, c) for c in values.columns], rows[r]) for r in values.index
    ]
    lines += [("column", c, [(r, c) for r in values.index], columns[c]) for c in values.columns]
    every = [(r, c) for r in values.index for c in values.columns]
    lines.append(("total", None, every, total))
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    sums: dict[tuple[str, object], list[float]] = {}
    for axis, label, members, shown_label in lines:
        vector = [0.0] * len(cells)
        for cell in members:
            if cell in position:
                vector[position[cell]] = 1.0
        known = float(sum(values.loc[r, c] for r, c in members if not hidden.loc[r, c]))
        if shown_label.isdigit():
            a_eq.append(vector)
            b_eq.append(float(shown_label) - known)
        elif shown_label == small_label(threshold):
            a_ub += [vector, [-v for v in vector]]
            b_ub += [threshold - 1 - known, known - 1]
            sums[(axis, label)] = vector
    low, high = bounds
    limits = [
        (float(low.loc[r, c]), None if high.loc[r, c] == float("inf") else float(high.loc[r, c]))
        for r, c in cells
    ]
    targets: list[tuple[tuple[str, object], list[float]]] = []
    for (r, c), i in position.items():
        if protect.loc[r, c]:
            unit = [0.0] * len(cells)
            unit[i] = 1.0
            targets.append((("row", r), unit))
    targets += list(sums.items())
    found = []
    for line, objective in targets:
        if not any(objective):
            found.append(line)
            continue
        kwargs = {
            "A_eq": a_eq or None,
            "b_eq": b_eq or None,
            "A_ub": a_ub or None,
            "b_ub": b_ub or None,
            "bounds": limits,
        }
        low = linprog(objective, **kwargs)
        high = linprog([-v for v in objective], **kwargs)
        if low.status == 0 and high.status == 0 and round(low.fun) == round(-high.fun):
            found.append(line)
    return found


def suppress_table(
    counts: pd.DataFrame, threshold: int = THRESHOLD, whole: pd.DataFrame | None = None
) -> SuppressedTable:
    """Suppress small cells of a two-way table shown with its row, column and grand totals.

    Primary: cells of 1..threshold-1 (and line totals of 1..threshold-1 read "fewer than 5").
    Complementary, line by line: no row or column may hold a lone hidden cell (it equals the
    line's total minus the shown cells, and a recovered complementary cell would reveal a small
    one in its other line) and no small cell may be pinned by its hidden line's sum. Then an
    audit (linear programming over everything shown, as a careful reader would) checks that no
    small count, in a cell or a line total, can be worked out exactly; while one can, the grand
    total is hidden, then the smallest shown cell of its line, else that line's total, and the
    line pass runs again. Should all that fail, every total is hidden.

    With ``whole`` (the unfiltered table, when ``counts`` is a filtered view) a cell whose
    left-out count is small is protected like a small cell (see :func:`suppress_counts`).
    """
    values = counts.fillna(0).astype("int64")
    if (values < 0).to_numpy().any():
        raise ValueError("counts must not be negative")
    small = (values > 0) & (values < threshold)
    differencing = small & False if whole is None else differencing_cells(values, whole, threshold)
    protect = small | differencing
    bounds = _reader_bounds(small, differencing, whole, threshold)
    hidden = protect.copy()
    hidden_lines: set[tuple[str, object]] = set()
    hide_total = False
    for _ in range(values.size + len(values.index) + len(values.columns) + 2):
        _line_pass(values, small, hidden, hidden_lines, threshold)
        margins = _margins(values, hidden_lines, hide_total, threshold)
        pinned = _pinned(values, protect, bounds, hidden, margins, threshold)
        if not pinned:
            break
        if not hide_total and margins[2].isdigit():
            hide_total = True
            continue
        axis, label = pinned[0]
        if axis != "total" and _hide_smallest(values, hidden, axis, label):
            continue
        if axis != "total" and (axis, label) not in hidden_lines:
            hidden_lines.add((axis, label))
            continue
        hidden_lines.update(
            [("row", r) for r in values.index] + [("column", c) for c in values.columns]
        )
        hide_total = True
        break
    else:
        hidden_lines.update(
            [("row", r) for r in values.index] + [("column", c) for c in values.columns]
        )
        hide_total = True
    margins = _margins(values, hidden_lines, hide_total, threshold)
    status = pd.DataFrame(SHOWN, index=values.index, columns=values.columns, dtype="object")
    status = status.mask(hidden, COMPLEMENTARY).mask(small, SMALL)
    labels = values.astype(str).astype("object")
    labels = labels.mask(status == COMPLEMENTARY, HIDDEN_LABEL).mask(
        status == SMALL, small_label(threshold)
    )
    shown = values.astype("Int64").where(status == SHOWN, pd.NA)
    return SuppressedTable(shown, labels, status, margins[0], margins[1], margins[2])

"""Two-way tables shown with their margins: suppression checked by linear programming."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.privacy.counts import (
    COMPLEMENTARY,
    HIDDEN_LABEL,
    SHOWN,
    SMALL,
    THRESHOLD,
    _reader_bounds,
    _small_cell_is_pinned,
    differencing_cells,
    small_label,
)


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

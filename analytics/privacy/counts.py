"""One-way tables: small-count labels, primary and complementary suppression, and the
controls on filtered views (see the package docstring)."""

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

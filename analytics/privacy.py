"""Small-count suppression for aggregate views: nobody may be able to pick out a reporter.

A count from 1 to ``threshold - 1`` is shown as "fewer than 5" (primary suppression). Because a
reader who knows a table's total could subtract the shown cells and recover a lone hidden count,
further cells are hidden (complementary suppression) until no hidden small count can be worked out
exactly. The reader is assumed to know the total, that each small cell lies in 1..threshold-1 and
that each complementary cell is at least ``threshold``. Zero is shown as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def suppress_counts(counts: pd.Series, threshold: int = THRESHOLD) -> SuppressedCounts:
    """Suppress small cells of a one-way table of counts, with complementary suppression."""
    values = counts.fillna(0).astype("int64")
    if (values < 0).any():
        raise ValueError(f"counts must not be negative, found {values[values < 0].to_dict()}")
    small = (values > 0) & (values < threshold)
    hidden = small.copy()
    n_complementary = 0
    while _small_cell_is_pinned(
        int(values[hidden].sum()), int(small.sum()), n_complementary, threshold
    ):
        candidates = values[~hidden & (values > 0)]
        if candidates.empty:
            break
        hidden.loc[candidates.sort_values(kind="stable").index[0]] = True
        n_complementary += 1
    total = int(values.sum())
    pinned = _small_cell_is_pinned(
        int(values[hidden].sum()), int(small.sum()), n_complementary, threshold
    )
    if 0 < total < threshold:
        total_label = small_label(threshold)
    elif pinned:
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

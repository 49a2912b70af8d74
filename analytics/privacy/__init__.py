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

from analytics.privacy.counts import (
    COMPLEMENTARY,
    HIDDEN_LABEL,
    SHOWN,
    SMALL,
    THRESHOLD,
    SuppressedCounts,
    differencing_cells,
    filter_refusal,
    small_label,
    suppress_counts,
    suppress_value,
)
from analytics.privacy.tables import SuppressedTable, suppress_table

__all__ = [
    "COMPLEMENTARY",
    "HIDDEN_LABEL",
    "SHOWN",
    "SMALL",
    "THRESHOLD",
    "SuppressedCounts",
    "SuppressedTable",
    "differencing_cells",
    "filter_refusal",
    "small_label",
    "suppress_counts",
    "suppress_table",
    "suppress_value",
]

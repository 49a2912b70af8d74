"""Tables for people to open: CSV safe from spreadsheet formula injection, plain text tables.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some
spreadsheets skip before reading a formula) is prefixed with ``'`` so a spreadsheet shows it as
text instead of running it. Reports are written by the public, so every exported cell is treated
as hostile.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell as text, with a leading ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def safe_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (``\\n`` line ends) with every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


def text_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A fixed-width table; the last column may run on (it is usually a sentence)."""
    cells = [[str(value) for value in row] for row in rows]
    widths = [len(name) for name in header]
    for row in cells:
        for index, value in enumerate(row[:-1]):
            widths[index] = max(widths[index], len(value))
    lines = []
    for row in [list(header), *cells]:
        parts = [value.ljust(widths[i]) for i, value in enumerate(row[:-1])]
        lines.append("  ".join([*parts, row[-1]]).rstrip())
    return "\n".join(lines)

"""The monthly report's short written summary: what changed since last month, in sentences.

Every number in a sentence is one the report's tables show (or a count through the same
suppression), so the summary can never reveal what a table hides.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from analytics.privacy import HIDDEN_LABEL, suppress_counts, suppress_value
from analytics.publish.words import harm_name
from analytics.trends import NOT_STATED, multi_category_counts
from analytics.vocabulary import HARM_TYPES

if TYPE_CHECKING:
    from analytics.publish.monthly import ReportTable

__all__ = ["write_summary"]

MIN_CHANGE = 3


def _month_name(month: str) -> str:
    return pd.Period(month, freq="M").strftime("%B %Y")


def _shift(month: str, months: int) -> str:
    return (pd.Period(month, freq="M") + months).strftime("%Y-%m")


def _reports(label: str) -> str:
    return f"{label} report" + ("" if label == "1" else "s")


def _volume(month: str, table: ReportTable) -> list[str]:
    this, year_ago = table.rows[-1][1]
    last = table.rows[-2][1][0]
    if last == HIDDEN_LABEL:
        last = "not shown, to protect a small count"
    if year_ago == HIDDEN_LABEL:
        year_ago = "not shown, to protect a small count"
    if this == HIDDEN_LABEL:
        return [
            f"The number of reports received in {_month_name(month)} is not shown, to protect "
            "a small count in another month."
        ]
    sentences = [
        f"In {_month_name(month)} the program received {_reports(this)} "
        f"({_month_name(_shift(month, -1))}: {last}; {_month_name(_shift(month, -12))}: "
        f"{year_ago})."
    ]
    if this.isdigit() and last.isdigit():
        change = int(this) - int(last)
        sentences.append(
            "That is the same number as last month."
            if change == 0
            else f"That is {abs(change)} {'more' if change > 0 else 'fewer'} than last month."
        )
    return sentences


def _shown(counts: pd.Series) -> pd.Series:
    table = suppress_counts(counts).table
    return table["count"].dropna().astype(int)


def _harms(this: pd.DataFrame, previous: pd.DataFrame) -> list[str]:
    now = _shown(multi_category_counts(this, "incident_types", HARM_TYPES)).drop(
        NOT_STATED, errors="ignore"
    )
    before = _shown(multi_category_counts(previous, "incident_types", HARM_TYPES)).drop(
        NOT_STATED, errors="ignore"
    )
    sentences = []
    now = now[now > 0]
    if not now.empty:
        most = int(now.max())
        tops = [harm_name(str(code)) for code in now.index if now[code] == most]
        if len(tops) == 1:
            sentences.append(f"The harm named most often was {tops[0]} ({_reports(str(most))}).")
        else:
            names = ", ".join(tops[:-1]) + f" and {tops[-1]}"
            sentences.append(f"The harms named most often were {names} ({most} reports each).")
    both = now.index.intersection(before.index)
    changes = (now[both] - before[both]).sort_values(key=abs, ascending=False, kind="stable")
    if len(changes) and abs(int(changes.iloc[0])) >= MIN_CHANGE:
        code = str(changes.index[0])
        verb = "rose" if changes.iloc[0] > 0 else "fell"
        sentences.append(
            f"Reports naming {harm_name(code)} {verb} from {before[code]} last month "
            f"to {now[code]}."
        )
    return sentences


def _severe(table: ReportTable) -> list[str]:
    label = table.rows[0][1][0] if table.rows else "0"
    if table.rows and table.rows[0][0].startswith("Life-threatening") and label != "0":
        return [
            f"{label.capitalize()} of this month's reports involved life-threatening or "
            "sexual violence."
        ]
    return []


def _repeat(table: ReportTable) -> list[str]:
    rows = dict(table.rows)
    repeat = rows.get("Linked to a repeat aggressor")
    single = rows.get("No other report linked so far")
    if repeat is None:
        return []
    labels = [repeat[0], single[0] if single else "0"]
    if all(label.isdigit() for label in labels) and int(labels[0]) + int(labels[1]):
        share = 100 * int(labels[0]) / (int(labels[0]) + int(labels[1]))
        text = f"{share:.0f}% of this month's reports were linked to a repeat aggressor"
        year = [repeat[1], single[1] if single else "0"]
        if all(label.isdigit() for label in year) and int(year[0]) + int(year[1]):
            text += f" (last 12 months: {100 * int(year[0]) / (int(year[0]) + int(year[1])):.0f}%)"
        return [text + "."]
    return [f"{_reports(labels[0]).capitalize()} this month were linked to a repeat aggressor."]


def _responsiveness(month: str, by_month: pd.DataFrame) -> list[str]:
    if month not in by_month.index:
        return []
    row = by_month.loc[month]
    n = 0 if pd.isna(row["forwarded_n"]) else int(row["forwarded_n"])
    if n == 0:
        return ["None of this month's reports has been forwarded to the liaison yet."]
    if n < 5:
        return ["Fewer than 5 of this month's reports have been forwarded to the liaison so far."]
    text = (
        f"Reports received this month reached the liaison in a median of "
        f"{row['forwarded_median_days']:.1f} days"
    )
    previous = _shift(month, -1)
    if previous in by_month.index:
        before = by_month.loc[previous]
        if not pd.isna(before["forwarded_n"]) and int(before["forwarded_n"]) >= 5:
            text += f" (last month: {before['forwarded_median_days']:.1f} days)"
    return [text + "."]


def _waiting(waiting: dict[str, int], wait_days: float) -> list[str]:
    steps = (
        ("forwarded", "to be forwarded to the liaison"),
        ("reviewed", "for the liaison's review"),
    )
    sentences = []
    for step, words in steps:
        count = waiting.get(step, 0)
        if count:
            label = suppress_value(count)
            verb = "has" if label == "1" else "have"
            sentences.append(
                f"{_reports(label).capitalize()} {verb} waited more than {wait_days:g} days "
                f"{words}."
            )
    if not sentences:
        return [f"No report has waited more than {wait_days:g} days for the liaison."]
    return sentences


def write_summary(
    month: str,
    this: pd.DataFrame,
    previous: pd.DataFrame,
    year: pd.DataFrame,
    sizes: pd.Series,
    by_month: pd.DataFrame,
    waiting: dict[str, int],
    wait_days: float,
    tables: Sequence[ReportTable],
) -> tuple[str, ...]:
    """A few sentences on the month, each built only from suppressed figures."""
    named = {table.key: table for table in tables}
    sentences = [
        *_volume(month, named["by_month"]),
        *_harms(this, previous),
        *_severe(named["severity"]),
        *_repeat(named["repeat"]),
        *_responsiveness(month, by_month),
        *_waiting(waiting, wait_days),
    ]
    return tuple(sentences)

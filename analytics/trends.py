"""Counts for the monthly trend review, from the feature table. Aggregates only.

Every one-way table here closes over all reports (blank cells count as ``NOT_STATED``), so its
total equals the number of reports and small-count suppression can reason about it.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from analytics.features import split_list

NOT_STATED = "not stated"
UNKNOWN_MONTH = "date unknown"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def month_of(incident_date: str, received_at: str) -> str:
    """``YYYY-MM`` of the incident, else of receipt, else ``UNKNOWN_MONTH``."""
    for value in (incident_date, received_at):
        match = _MONTH.match(str(value or ""))
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{match.group(2)}"
    return UNKNOWN_MONTH


def _tally(values: list[str], weights: pd.Series | None) -> pd.Series:
    """How often each value occurs; with ``weights``, the sum of the weight of each occurrence
    (for rows that each stand for that many reports, as from a SQL ``GROUP BY``)."""
    if weights is None:
        return pd.Series(values, dtype="object").value_counts()
    counted = pd.Series(list(weights), index=pd.Index(values, dtype="object"), dtype="int64")
    return counted.groupby(level=0).sum()


def counts_per_month(features: pd.DataFrame, weights: pd.Series | None = None) -> pd.Series:
    """Reports per month, oldest first, with ``UNKNOWN_MONTH`` last when present.

    With ``weights``, each row of ``features`` stands for that many reports (here and in the
    other counts below)."""
    months = [
        month_of(date, received)
        for date, received in zip(features["incident_date"], features["received_at"], strict=True)
    ]
    counts = _tally(months, weights)
    order = sorted(m for m in counts.index if m != UNKNOWN_MONTH)
    if UNKNOWN_MONTH in counts.index:
        order.append(UNKNOWN_MONTH)
    return counts.reindex(order).rename("reports").rename_axis("month")


def category_counts(
    features: pd.DataFrame,
    column: str,
    categories: tuple[str, ...] = (),
    weights: pd.Series | None = None,
) -> pd.Series:
    """Reports per value of a single-valued column; blanks count as ``NOT_STATED``.

    Listed ``categories`` always appear (with 0), in that order, before any other values seen.
    """
    values = features[column].fillna("").astype(str).str.strip().replace("", NOT_STATED)
    return _ordered(_tally(list(values), weights), categories, column)


def multi_category_counts(
    features: pd.DataFrame,
    column: str,
    categories: tuple[str, ...] = (),
    weights: pd.Series | None = None,
) -> pd.Series:
    """Reports mentioning each value of a ``;``-joined column (a report may count in several)."""
    items = [list(dict.fromkeys(split_list(cell) or [NOT_STATED])) for cell in features[column]]
    flat = [item for cell in items for item in cell]
    if weights is None:
        return _ordered(_tally(flat, None), categories, column)
    spread = pd.Series([w for cell, w in zip(items, weights, strict=True) for _ in cell])
    return _ordered(_tally(flat, spread), categories, column)


def _ordered(counts: pd.Series, categories: tuple[str, ...], name: str) -> pd.Series:
    extra = sorted(str(v) for v in counts.index if v not in categories and v != NOT_STATED)
    order = [*categories, *extra]
    if NOT_STATED in counts.index or not order:
        order.append(NOT_STATED)
    result = counts.reindex(order, fill_value=0).astype("int64")
    return result.rename("reports").rename_axis(name)


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HOUR_BANDS = ("00–04", "04–08", "08–12", "12–16", "16–20", "20–24")
UNKNOWN_TIME = "unknown"


def _weekday(value: str) -> str:
    try:
        return WEEKDAYS[date.fromisoformat(str(value)[:10]).weekday()]
    except ValueError:
        return UNKNOWN_TIME


def _hour_band(value: str) -> str:
    try:
        hour = int(float(str(value)))
    except ValueError:
        return UNKNOWN_TIME
    return HOUR_BANDS[hour // 4] if 0 <= hour < 24 else UNKNOWN_TIME


def weekday_hour_counts(features: pd.DataFrame, weights: pd.Series | None = None) -> pd.Series:
    """Reports per (weekday, 4-hour band) of the incident; a cell is ``unknown`` when the date
    (or hour) is not known exactly. One flat table over every report, so its total is the number
    of reports."""
    days = [_weekday(v) for v in features["incident_date"]]
    bands = [_hour_band(v) for v in features["incident_hour"]]
    cells = [f"{d} {b}" for d, b in zip(days, bands, strict=True)]
    order = [f"{d} {b}" for d in (*WEEKDAYS, UNKNOWN_TIME) for b in (*HOUR_BANDS, UNKNOWN_TIME)]
    counts = _tally(cells, weights).reindex(order, fill_value=0).astype("int64")
    return counts.rename("reports").rename_axis("when")


def in_months(features: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    """Reports whose month (see :func:`month_of`) lies in ``first..last`` (``YYYY-MM``)."""
    months = [
        month_of(d, r)
        for d, r in zip(features["incident_date"], features["received_at"], strict=True)
    ]
    keep = [first <= m <= last for m in months]
    return features.loc[pd.Series(keep, index=features.index, dtype=bool)]


def repeat_counts(report_profile_sizes: pd.Series, weights: pd.Series | None = None) -> pd.Series:
    """Reports about an aggressor with other reports vs. about one seen once (or not linked).

    ``report_profile_sizes`` holds, per report, how many reports its aggressor profile has.
    """
    counted = pd.Series(1 if weights is None else list(weights), index=report_profile_sizes.index)
    repeat = int(counted[report_profile_sizes >= 2].sum())
    return pd.Series(
        {"repeat aggressor": repeat, "seen once": int(counted.sum() - repeat)},
        name="reports",
    ).rename_axis("aggressor")


def weekday_hour_table(features: pd.DataFrame, weights: pd.Series | None = None) -> pd.DataFrame:
    """:func:`weekday_hour_counts` as a two-way table: weekdays down, 4-hour bands across."""
    flat = weekday_hour_counts(features, weights)
    rows = [*WEEKDAYS, UNKNOWN_TIME]
    columns = [*HOUR_BANDS, UNKNOWN_TIME]
    values = [[int(flat[f"{day} {band}"]) for band in columns] for day in rows]
    return pd.DataFrame(values, index=pd.Index(rows, name="day"), columns=columns)


def select_reports(
    features: pd.DataFrame,
    sectors: tuple[str, ...] = (),
    harm_types: tuple[str, ...] = (),
    areas: tuple[str, ...] = (),
    report_areas: pd.Series | None = None,
) -> pd.DataFrame:
    """The reports in any of ``sectors``, naming any of ``harm_types`` and in any of ``areas``;
    an empty choice keeps every report. A blank sector or harm matches ``NOT_STATED``.

    ``report_areas`` gives each report's area (same index as ``features``); it is needed only
    when ``areas`` is not empty.
    """
    keep = pd.Series(True, index=features.index, dtype=bool)
    if sectors:
        values = features["sector"].fillna("").astype(str).str.strip().replace("", NOT_STATED)
        keep &= values.isin(sectors)
    if harm_types:
        wanted = set(harm_types)
        keep &= pd.Series(
            [
                bool(wanted & set(split_list(cell) or [NOT_STATED]))
                for cell in features["incident_types"]
            ],
            index=features.index,
            dtype=bool,
        )
    if areas:
        if report_areas is None:
            raise ValueError("choosing areas needs each report's area (report_areas)")
        keep &= report_areas.reindex(features.index).isin(areas)
    return features.loc[keep]

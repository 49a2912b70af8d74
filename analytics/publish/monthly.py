"""The monthly stakeholder report: aggregate tables only, every count through suppression.

Reports count in the month they were **received** (the program's workload, and the month the
liaison's clock starts). Each table closes over all reports of its window (blank values count as
"not stated"), so a column's total is the number of reports and complementary suppression can
protect it. Nothing here carries a narrative, an identifier or a place finer than a neighbourhood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from analytics.features import split_list
from analytics.privacy import suppress_counts, suppress_table, suppress_value
from analytics.publish.words import PART_ORDER, harm_name, parse_partial_date, part_of_day
from analytics.trends import NOT_STATED, category_counts, multi_category_counts
from analytics.vocabulary import (
    CITY_OF_VICTORIA_NEIGHBOURHOODS,
    HARM_TYPES,
    JURISDICTIONS,
    REPORTER_GENDERS,
    SECTORS,
    SEVERITY,
    SEVERITY_LABELS,
)
from analytics.workflow import report_changes, responsiveness_by_month, stage_times, waiting_counts

__all__ = [
    "ELSEWHERE",
    "MonthlyReport",
    "ReportTable",
    "area_counts",
    "build_monthly_report",
    "days_label",
    "month_bounds",
    "report_areas",
]

HOME_AGENCY = "VicPD"
THIS_MONTH = "This month"
TWELVE_MONTHS = "Last 12 months"
ELSEWHERE = "elsewhere or not stated"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
REPEAT = "Linked to a repeat aggressor"
SINGLE = "No other report linked so far"
REFERRAL_STATUS = "referred_to_other_agency"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class ReportTable:
    """One table as it may be shown: display labels only, plus the shown counts for charts."""

    key: str
    title: str
    stub: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    total: tuple[str, ...] | None = None
    note: str = ""
    counts: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False)


@dataclass(frozen=True)
class MonthlyReport:
    month: str
    title: str
    summary: tuple[str, ...]
    tables: tuple[ReportTable, ...]

    def table(self, key: str) -> ReportTable:
        return next(table for table in self.tables if table.key == key)


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of ``YYYY-MM`` (``ValueError`` with the value found otherwise)."""
    match = _MONTH.match(month.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"a month is written YYYY-MM (for example 2026-04), found {month!r}")
    first = date(int(match.group(1)), int(match.group(2)), 1)
    following = (pd.Timestamp(first) + pd.offsets.MonthBegin(1)).date()
    return first, date.fromordinal(following.toordinal() - 1)


def _shift(month: str, months: int) -> str:
    return (pd.Period(month, freq="M") + months).strftime("%Y-%m")


def _month_name(month: str) -> str:
    return pd.Period(month, freq="M").strftime("%B %Y")


def _received_month(value: object) -> str:
    day, _ = parse_partial_date(value)
    return f"{day:%Y-%m}" if day else ""


def _one_way(counts: pd.Series) -> tuple[list[str], str, pd.Series]:
    result = suppress_counts(counts)
    return list(result.table["label"]), result.total_label, result.table["count"]


def _two_windows(
    key: str,
    title: str,
    stub: str,
    month_counts: pd.Series,
    year_counts: pd.Series,
    note: str = "",
    total: bool = True,
    rename: dict[str, str] | None = None,
) -> ReportTable:
    index = list(dict.fromkeys([*year_counts.index, *month_counts.index]))
    month_counts = month_counts.reindex(index, fill_value=0)
    year_counts = year_counts.reindex(index, fill_value=0)
    keep = [i for i in index if month_counts[i] or year_counts[i]]
    month_labels, month_total, month_shown = _one_way(month_counts[keep])
    year_labels, year_total, year_shown = _one_way(year_counts[keep])
    names = [(rename or {}).get(str(i), str(i)) for i in keep]
    names = [name[:1].upper() + name[1:] for name in names]
    rows = tuple(
        (name, (m, y)) for name, m, y in zip(names, month_labels, year_labels, strict=True)
    )
    counts = pd.DataFrame(
        {THIS_MONTH: month_shown.to_numpy(), TWELVE_MONTHS: year_shown.to_numpy()}, index=names
    )
    return ReportTable(
        key,
        title,
        stub,
        (THIS_MONTH, TWELVE_MONTHS),
        rows,
        (month_total, year_total) if total else None,
        note,
        counts,
    )


def _windows(reports: pd.DataFrame, month: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    months = reports["_month"]
    first = _shift(month, -11)
    return reports[months == month], reports[(months >= first) & (months <= month)]


def _by_month(reports: pd.DataFrame, month: str) -> ReportTable:
    months = [_shift(month, k) for k in range(-11, 1)]
    counts = reports["_month"].value_counts()
    now = pd.Series([int(counts.get(m, 0)) for m in months], index=months)
    before = pd.Series([int(counts.get(_shift(m, -12), 0)) for m in months], index=months)
    now_labels, now_total, now_shown = _one_way(now)
    before_labels, before_total, before_shown = _one_way(before)
    names = [_month_name(m) for m in months]
    columns = ("Reports", "Same month a year earlier")
    return ReportTable(
        "by_month",
        "Reports received per month",
        "Month",
        columns,
        tuple(zip(names, zip(now_labels, before_labels, strict=True), strict=True)),
        (now_total, before_total),
        "Counts of 1 to 4 read 'fewer than 5'; 'hidden' marks a count withheld so that the "
        "total cannot reveal a small one.",
        pd.DataFrame(
            {columns[0]: now_shown.to_numpy(), columns[1]: before_shown.to_numpy()}, index=names
        ),
    )


def _severity(frame: pd.DataFrame) -> pd.Series:
    levels = [
        max((SEVERITY.get(code, 1) for code in split_list(cell)), default=0)
        for cell in frame["incident_types"]
    ]
    names = [SEVERITY_LABELS.get(level, NOT_STATED) for level in levels]
    order = [SEVERITY_LABELS[level] for level in sorted(SEVERITY_LABELS, reverse=True)]
    counts = pd.Series(names, dtype="object").value_counts()
    return counts.reindex([*order, NOT_STATED], fill_value=0)


def _area(row_hood: object, row_town: object) -> str:
    hood, town = str(row_hood or "").strip(), str(row_town or "").strip()
    if hood in CITY_OF_VICTORIA_NEIGHBOURHOODS:
        return hood
    return town if town and town != "Victoria" else (hood or ELSEWHERE)


def report_areas(frame: pd.DataFrame, known: tuple[str, ...]) -> pd.Series:
    """Each report's area as the report counts it: one of ``known``, else ``ELSEWHERE``."""
    names = [
        name if name in known else ELSEWHERE
        for name in (
            _area(h, t) for h, t in zip(frame["neighbourhood"], frame["municipality"], strict=True)
        )
    ]
    return pd.Series(names, index=frame.index, dtype="object")


def area_counts(frame: pd.DataFrame, known: tuple[str, ...]) -> pd.Series:
    """Reports per area, every ``known`` area and ``ELSEWHERE`` listed (before suppression)."""
    counts = report_areas(frame, known).value_counts()
    return counts.reindex([*known, ELSEWHERE], fill_value=0)


def _time_by_day(frame: pd.DataFrame) -> tuple[ReportTable, int]:
    rows = []
    for incident, hour in zip(frame["incident_date"], frame["incident_hour"], strict=True):
        day, precision = parse_partial_date(incident)
        if precision == "day" and day is not None and part_of_day(hour):
            rows.append((part_of_day(hour), WEEKDAYS[day.weekday()]))
    table = pd.DataFrame(0, index=list(PART_ORDER), columns=list(WEEKDAYS), dtype="int64")
    for part, weekday in rows:
        table.loc[part, weekday] += 1
    result = suppress_table(table)
    body = tuple(
        (part.capitalize(), (*result.labels.loc[part], result.row_totals[part]))
        for part in table.index
    )
    return ReportTable(
        "time_by_day",
        "Time of day by day of week (last 12 months)",
        "Time of day",
        (*WEEKDAYS, "All days"),
        body,
        (*result.column_totals, result.total_label),
        "Morning 05:00-11:59, afternoon 12:00-16:59, evening 17:00-20:59, night 21:00-04:59. "
        "Only reports with an exact incident date and time.",
        result.counts,
    ), len(rows)


def _repeat_counts(frame: pd.DataFrame, profile_sizes: pd.Series) -> pd.Series:
    repeat = int((frame["_aggressor"].map(profile_sizes) > 1).sum())
    return pd.Series({REPEAT: repeat, SINGLE: len(frame) - repeat})


def _referrals(year: pd.DataFrame, referred: set[str]) -> ReportTable:
    agencies = [
        a
        for a in JURISDICTIONS
        if a not in (HOME_AGENCY, "unknown") and (year["_agency"] == a).any()
    ]
    columns = ["Referred", "Not yet referred"]
    table = pd.DataFrame(0, index=agencies or ["none"], columns=columns, dtype="int64")
    for agency, report_id in zip(year["_agency"], year["report_id"], strict=True):
        if agency in agencies:
            table.loc[agency, columns[0 if report_id in referred else 1]] += 1
    result = suppress_table(table)
    return ReportTable(
        "referrals",
        "Reports outside VicPD's area and their referral (last 12 months)",
        "Agency",
        (*columns, "Reports"),
        tuple(
            (agency, (*result.labels.loc[agency], result.row_totals[agency]))
            for agency in table.index
        ),
        (*result.column_totals, result.total_label),
        "Referred: the report's latest status is 'referred to other agency'.",
        result.counts,
    )


def days_label(median: float, p90: float, n: int) -> str:
    """Median (90th percentile) days, or why they are not shown (none, or fewer than 5)."""
    if n == 0:
        return "none yet"
    if n < 5:
        return "fewer than 5 reports"
    return f"{median:.1f} ({p90:.1f})"


def _responsiveness(
    year: pd.DataFrame,
    changes: pd.DataFrame,
    members: dict[str, str],
    month: str,
    end: pd.Timestamp,
    wait_days: float,
) -> tuple[ReportTable, dict[str, int], pd.DataFrame]:
    history = changes[pd.to_datetime(changes["at"], utc=True) <= end] if len(changes) else changes
    received = pd.DataFrame({"report_id": year["report_id"], "received_at": year["received_at"]})
    times = stage_times(received, report_changes(history, members))
    by_month = responsiveness_by_month(times).set_index("month")
    months = [_shift(month, k) for k in range(-11, 1)]
    by_month = by_month.reindex(months)
    received_labels, received_total, _ = _one_way(by_month["received"].fillna(0).astype(int))
    rows = []
    for m, received_label in zip(months, received_labels, strict=True):
        row = by_month.loc[m]
        cells = [
            days_label(
                row[f"{stage}_median_days"],
                row[f"{stage}_p90_days"],
                int(0 if pd.isna(row[f"{stage}_n"]) else row[f"{stage}_n"]),
            )
            for stage in ("forwarded", "reviewed", "outcome")
        ]
        rows.append((_month_name(m), (received_label, *cells)))
    waiting = waiting_counts(times, end, wait_days)
    return (
        ReportTable(
            "responsiveness",
            "Liaison responsiveness: days from receipt, median (90th percentile)",
            "Month received",
            ("Reports", "To forwarding", "To liaison review", "To an outcome"),
            tuple(rows),
            (received_total, "", "", ""),
            "Outcome: a statement taken, the aggressor identified, a referral, or the case closed. "
            "Figures over fewer than 5 reports are not shown.",
        ),
        waiting,
        by_month,
    )


def build_monthly_report(
    reports: pd.DataFrame,
    changes: pd.DataFrame,
    month: str,
    areas: tuple[str, ...] = (),
    wait_days: float = 14,
) -> MonthlyReport:
    """The report for ``month`` (``YYYY-MM``).

    ``reports``: feature rows of every report with ``aggressor_id`` (blank: its own aggressor)
    and ``received_at``; ``changes``: the workflow history (``target_kind``, ``target_id``,
    ``status``, ``at``); ``areas``: the area names the map can draw (neighbourhoods and towns),
    defaulting to the City of Victoria's neighbourhoods.
    """
    from analytics.publish.summary import write_summary

    _, last_day = month_bounds(month)
    end = pd.Timestamp(last_day, tz="UTC") + pd.Timedelta(days=1)
    frame = reports.assign(
        _month=[_received_month(v) for v in reports["received_at"]],
        _aggressor=[
            str(a) if str(a or "").strip() else str(r)
            for a, r in zip(reports["aggressor_id"], reports["report_id"], strict=True)
        ],
        _agency=[str(j or "").strip() or "unknown" for j in reports["jurisdiction"]],
    )
    frame = frame[(frame["_month"] != "") & (frame["_month"] <= month)]
    this, year = _windows(frame, month)
    previous, _ = _windows(frame, _shift(month, -1))
    sizes = frame.groupby("_aggressor").size()
    members = {r: a for r, a in zip(frame["report_id"], frame["_aggressor"], strict=True)}
    known = areas or CITY_OF_VICTORIA_NEIGHBOURHOODS
    harm_words = {code: harm_name(code).capitalize() for code in HARM_TYPES}
    latest = _latest_statuses(changes, end)
    referred = {t for t, s in latest.items() if s == REFERRAL_STATUS}
    referred |= {r for r, a in members.items() if latest.get(a) == REFERRAL_STATUS}
    time_table, exact = _time_by_day(year)
    response, waiting, by_month = _responsiveness(year, changes, members, month, end, wait_days)
    tables = (
        _by_month(frame, month),
        _two_windows(
            "harms",
            "Kinds of harm",
            "Harm",
            multi_category_counts(this, "incident_types", HARM_TYPES),
            multi_category_counts(year, "incident_types", HARM_TYPES),
            "A report can name several harms, so the rows add up to more than the "
            "number of reports.",
            total=False,
            rename=harm_words,
        ),
        _two_windows(
            "severity",
            "Severity (the worst harm in each report)",
            "Severity",
            _severity(this),
            _severity(year),
        ),
        _two_windows(
            "sector",
            "Where the reporter works (sector)",
            "Sector",
            category_counts(this, "sector", SECTORS),
            category_counts(year, "sector", SECTORS),
        ),
        _two_windows(
            "gender",
            "Reporters' gender (self-described)",
            "Gender",
            category_counts(this, "reporter_gender", REPORTER_GENDERS),
            category_counts(year, "reporter_gender", REPORTER_GENDERS),
            "Few reports from a group can mean the program does not reach it, not that "
            "it is safer.",
        ),
        _two_windows(
            "areas",
            "Where incidents happened (area)",
            "Area",
            area_counts(this, known),
            area_counts(year, known),
        ),
        time_table,
        _two_windows(
            "repeat",
            "Reports linked to repeat aggressors",
            "Reports",
            _repeat_counts(this, sizes),
            _repeat_counts(year, sizes),
            "A repeat aggressor has two or more reports linked to them.",
        ),
        _two_windows(
            "jurisdiction",
            "Police jurisdiction",
            "Agency",
            category_counts(this, "_agency", JURISDICTIONS),
            category_counts(year, "_agency", JURISDICTIONS),
        ),
        _referrals(year, referred),
        response,
        _waiting_table(waiting, wait_days),
    )
    summary = write_summary(
        month, this, previous, year, sizes, by_month, waiting, wait_days, tables
    )
    return MonthlyReport(month, f"Bad date reports: {_month_name(month)}", summary, tables)


def _latest_statuses(changes: pd.DataFrame, end: pd.Timestamp) -> dict[str, str]:
    if changes.empty:
        return {}
    at = pd.to_datetime(changes["at"], utc=True)
    dated = changes.assign(_at=at)[at < end].sort_values("_at", kind="stable")
    latest = dated.groupby(["target_kind", "target_id"], sort=False).tail(1)
    return dict(zip(latest["target_id"].astype(str), latest["status"], strict=True))


def _waiting_table(waiting: dict[str, int], wait_days: float) -> ReportTable:
    names = {
        "forwarded": "Forwarding to the liaison",
        "reviewed": "Liaison review",
        "outcome": "An outcome",
    }
    return ReportTable(
        "waiting",
        f"Reports waiting more than {wait_days:g} days at the end of the month",
        "Waiting for",
        ("Reports",),
        tuple((names[step], (suppress_value(count),)) for step, count in waiting.items()),
        None,
        "Reports received in the last 12 months that have no outcome yet.",
    )

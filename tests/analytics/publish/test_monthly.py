from __future__ import annotations

import re

import pandas as pd
import pytest

from analytics.publish.monthly import build_monthly_report, month_bounds
from tests.analytics.publish.sheet_data import report


def _reports() -> pd.DataFrame:
    """April 2026: 12 reports (6 robbery in Downtown at night on Fridays, 6 threats), 3 of them
    by one repeat aggressor; March 2026: 8 (all threats); February: 3; April 2025: 6."""
    rows = []
    for n in range(12):
        harm = "robbery" if n < 6 else "threats"
        rows.append(
            report(
                f"apr-{n}",
                "AGG-1" if n < 3 else "",
                incident_date="2026-04-03",
                incident_hour="23" if n < 6 else "",
                received_at=f"2026-04-{n + 4:02d}T10:00",
                incident_types=harm,
                neighbourhood="Downtown" if n < 6 else "Fernwood",
                municipality="Victoria",
                sector="street",
                reporter_gender="woman" if n < 9 else "man",
                jurisdiction="VicPD" if n < 10 else "Saanich PD",
                phones="+12505550134",
            )
        )
    for n in range(8):
        rows.append(
            report(
                f"mar-{n}",
                "",
                incident_date="2026-03-02",
                received_at=f"2026-03-{n + 2:02d}",
                incident_types="threats",
                jurisdiction="VicPD",
                reporter_gender="woman",
            )
        )
    for n in range(3):
        rows.append(
            report(
                f"feb-{n}",
                "",
                received_at=f"2026-02-{n + 2:02d}",
                incident_types="harassment",
                jurisdiction="VicPD",
            )
        )
    for n in range(6):
        rows.append(
            report(
                f"old-{n}",
                "",
                received_at=f"2025-04-{n + 2:02d}",
                incident_types="theft",
                jurisdiction="VicPD",
            )
        )
    return pd.DataFrame(rows)


def _changes() -> pd.DataFrame:
    rows = [
        ("report", f"apr-{n}", "forwarded_to_liaison", f"2026-04-{n + 5:02d}T10:00:00+00:00")
        for n in range(6)
    ]
    rows.append(("report", "apr-10", "referred_to_other_agency", "2026-04-20T10:00:00+00:00"))
    rows.append(("report", "mar-0", "reviewed_by_liaison", "2026-03-30T10:00:00+00:00"))
    return pd.DataFrame(rows, columns=["target_kind", "target_id", "status", "at"])


REPORT = build_monthly_report(_reports(), _changes(), "2026-04")


@pytest.mark.parametrize(
    ("month", "bounds"),
    [
        ("2026-04", ("2026-04-01", "2026-04-30")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2026-12", ("2026-12-01", "2026-12-31")),
    ],
)
def test_month_bounds(month: str, bounds: tuple[str, str]) -> None:
    assert tuple(day.isoformat() for day in month_bounds(month)) == bounds


@pytest.mark.parametrize("month", ["2026-13", "April", "2026-4", ""])
def test_a_bad_month_is_named(month: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        month_bounds(month)


def test_reports_per_month_with_the_year_before() -> None:
    table = dict(REPORT.table("by_month").rows)
    assert table["April 2026"] == ("12", "6")
    assert table["February 2026"] == ("fewer than 5", "0")
    assert table["March 2026"] == ("hidden", "0"), "8 is hidden so 23 - 12 cannot give 3"
    assert table["January 2026"] == ("0", "0")
    assert REPORT.table("by_month").total == ("23", "6")


def test_no_table_shows_a_count_from_1_to_4_and_none_shows_an_identifier() -> None:
    for table in REPORT.tables:
        cells = [cell for _, row in table.rows for cell in row] + list(table.total or ())
        for cell in cells:
            assert not re.fullmatch(r"[1-4]", cell), (table.key, cell)
        text = " ".join([*cells, *(name for name, _ in table.rows)])
        for secret in ("AGG-1", "apr-", "555", "Fernwood 1"):
            assert secret not in text


def test_harms_severity_and_repeat_share() -> None:
    harms = dict(REPORT.table("harms").rows)
    assert harms["Threats"] == ("6", "14")
    assert harms["Harassment"] == ("0", "fewer than 5")
    assert harms["Robbery"] == ("6", "hidden"), "the smallest other cell hides the 3"
    repeat = dict(REPORT.table("repeat").rows)
    assert repeat["Linked to a repeat aggressor"] == ("fewer than 5", "fewer than 5")
    assert repeat["No other report linked so far"] == ("hidden", "hidden")


def test_time_of_day_table_and_referrals() -> None:
    time = dict(REPORT.table("time_by_day").rows)
    assert time["Night"] == ("0", "0", "0", "0", "6", "0", "0", "6")
    referrals = dict(REPORT.table("referrals").rows)
    assert referrals == {"Saanich PD": ("fewer than 5", "fewer than 5", "hidden")}


def test_responsiveness_medians_over_five_reports_only() -> None:
    rows = dict(REPORT.table("responsiveness").rows)
    assert rows["April 2026"] == ("12", "1.0 (1.0)", "none yet", "fewer than 5 reports")
    assert rows["March 2026"] == (
        "hidden",
        "fewer than 5 reports",
        "fewer than 5 reports",
        "none yet",
    )


def test_the_summary_says_what_changed_in_plain_sentences() -> None:
    assert REPORT.summary == (
        "In April 2026 the program received 12 reports (March 2026: not shown, to protect a "
        "small count; April 2025: 6).",
        "The harms named most often were robbery and threats (6 reports each).",
        "Reports naming robbery rose from 0 last month to 6.",
        "Fewer than 5 reports this month were linked to a repeat aggressor.",
        "Reports received this month reached the liaison in a median of 1.0 days.",
        "15 reports have waited more than 14 days to be forwarded to the liaison.",
        "6 reports have waited more than 14 days for the liaison's review.",
    )


def test_inputs_are_not_changed() -> None:
    reports, changes = _reports(), _changes()
    before = reports.copy(), changes.copy()
    build_monthly_report(reports, changes, "2026-04")
    pd.testing.assert_frame_equal(reports, before[0])
    pd.testing.assert_frame_equal(changes, before[1])


def test_repeat_share_is_a_percentage_when_both_counts_are_shown() -> None:
    reports = _reports()
    reports.loc[reports["report_id"].isin([f"apr-{n}" for n in range(6)]), "aggressor_id"] = "A"
    summary = build_monthly_report(reports, _changes(), "2026-04").summary
    assert "50% of this month's reports were linked to a repeat aggressor" in " ".join(summary)

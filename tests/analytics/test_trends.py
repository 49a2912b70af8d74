from __future__ import annotations

import pandas as pd
import pytest

from analytics import trends
from analytics.trends import (
    NOT_STATED,
    UNKNOWN_MONTH,
    category_counts,
    counts_per_month,
    month_of,
    multi_category_counts,
)


@pytest.mark.parametrize(
    ("incident_date", "received_at", "month"),
    [
        ("2026-03-02", "2026-04-01T10:00", "2026-03"),
        ("2026-03", "", "2026-03"),
        ("", "2026-04-01T10:00", "2026-04"),
        ("last friday", "2026-04-01", "2026-04"),
        ("", "", UNKNOWN_MONTH),
        ("2026-13-01", "", UNKNOWN_MONTH),
    ],
)
def test_month_of(incident_date: str, received_at: str, month: str) -> None:
    assert month_of(incident_date, received_at) == month


def test_counts_per_month_orders_months_and_puts_unknown_last() -> None:
    frame = pd.DataFrame(
        {
            "incident_date": ["", "2026-02-01", "2026-01-05", "2026-02-10"],
            "received_at": ["", "", "", ""],
        }
    )
    assert counts_per_month(frame).to_dict() == {"2026-01": 1, "2026-02": 2, UNKNOWN_MONTH: 1}


def test_category_counts_close_over_every_report() -> None:
    frame = pd.DataFrame({"sector": ["street", "", "indoor", "street", "spa"]})
    counts = category_counts(frame, "sector", ("street", "indoor", "online"))
    assert counts.to_dict() == {"street": 2, "indoor": 1, "online": 0, "spa": 1, NOT_STATED: 1}
    assert counts.sum() == len(frame)


def test_multi_category_counts_count_each_report_once_per_value() -> None:
    frame = pd.DataFrame({"incident_types": ["robbery;threats", "robbery;robbery", ""]})
    counts = multi_category_counts(frame, "incident_types", ("robbery", "threats", "weapon"))
    assert counts.to_dict() == {"robbery": 2, "threats": 1, "weapon": 0, NOT_STATED: 1}


def test_inputs_are_not_changed() -> None:
    frame = pd.DataFrame({"sector": ["", "street"]})
    category_counts(frame, "sector")
    assert frame["sector"].tolist() == ["", "street"]


def test_weekday_hour_counts_close_over_every_report() -> None:
    from analytics.trends import weekday_hour_counts

    frame = pd.DataFrame(
        {
            "incident_date": ["2026-03-02", "2026-03-02", "2026-03", "2026-03-08"],
            "incident_hour": ["23", "1", "2", ""],
        }
    )
    counts = weekday_hour_counts(frame)
    assert counts.sum() == 4
    assert counts["Mon 20–24"] == 1
    assert counts["Mon 00–04"] == 1
    assert counts["unknown 00–04"] == 1
    assert counts["Sun unknown"] == 1
    assert len(counts) == 8 * 7


def test_in_months_keeps_the_period() -> None:
    from analytics.trends import in_months

    frame = pd.DataFrame(
        {"incident_date": ["2026-01-05", "", "2026-03-01"], "received_at": ["", "2026-02-10", ""]}
    )
    assert list(in_months(frame, "2026-02", "2026-03").index) == [1, 2]


def test_repeat_counts() -> None:
    from analytics.trends import repeat_counts

    counts = repeat_counts(pd.Series([1, 3, 3, 3, 2, 2, 1]))
    assert counts.to_dict() == {"repeat aggressor": 5, "seen once": 2}


def test_weekday_hour_table_is_the_flat_counts_as_a_grid() -> None:
    from analytics.trends import weekday_hour_table

    frame = pd.DataFrame({"incident_date": ["2026-03-02", "2026-03"], "incident_hour": ["23", ""]})
    table = weekday_hour_table(frame)
    assert table.shape == (8, 7)
    assert table.loc["Mon", "20–24"] == 1
    assert table.loc["unknown", "unknown"] == 1
    assert int(table.to_numpy().sum()) == 2


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ({}, [0, 1, 2, 3]),
        ({"sectors": ("street",)}, [0, 2]),
        ({"sectors": ("not stated",)}, [3]),
        ({"harm_types": ("robbery",)}, [0, 1]),
        ({"harm_types": ("not stated",)}, [3]),
        ({"areas": ("Fernwood",)}, [1, 2]),
        ({"sectors": ("street",), "harm_types": ("threats",), "areas": ("Fernwood",)}, [2]),
    ],
)
def test_select_reports_keeps_any_of_each_choice(choice: dict, expected: list[int]) -> None:
    from analytics.trends import select_reports

    frame = pd.DataFrame(
        {
            "sector": ["street", "indoor", "street", ""],
            "incident_types": ["robbery", "robbery;threats", "threats", ""],
        }
    )
    areas = pd.Series(["Downtown", "Fernwood", "Fernwood", "elsewhere or not stated"])
    assert list(select_reports(frame, report_areas=areas, **choice).index) == expected


def test_select_reports_by_area_needs_the_areas() -> None:
    from analytics.trends import select_reports

    frame = pd.DataFrame({"sector": ["street"], "incident_types": [""]})
    with pytest.raises(ValueError, match="report_areas"):
        select_reports(frame, areas=("Downtown",))


def test_weighted_rows_count_as_that_many_reports() -> None:
    grouped = pd.DataFrame(
        {
            "incident_date": ["2026-03-02", "2026-03", "", "2026-04-05"],
            "received_at": ["2026-03-03", "2026-03-09", "2026-04-01", ""],
            "incident_hour": ["22", "", "3", "14"],
            "sector": ["street", " ", "incall", "street"],
            "incident_types": ["robbery;threats", "", "threats", "robbery"],
            "profile_size": [1, 3, 2, 1],
        }
    )
    weights = pd.Series([3, 1, 2, 4])
    single = grouped.loc[grouped.index.repeat(weights)].reset_index(drop=True)
    pairs = [
        (trends.counts_per_month(single), trends.counts_per_month(grouped, weights)),
        (
            trends.category_counts(single, "sector", ("street",)),
            trends.category_counts(grouped, "sector", ("street",), weights),
        ),
        (
            trends.multi_category_counts(single, "incident_types", ("robbery",)),
            trends.multi_category_counts(grouped, "incident_types", ("robbery",), weights),
        ),
        (trends.weekday_hour_counts(single), trends.weekday_hour_counts(grouped, weights)),
        (
            trends.repeat_counts(single["profile_size"]),
            trends.repeat_counts(grouped["profile_size"], weights),
        ),
    ]
    for expected, weighted in pairs:
        pd.testing.assert_series_equal(weighted, expected)
    assert int(trends.counts_per_month(grouped, weights).sum()) == 10

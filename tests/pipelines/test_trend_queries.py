"""Trends counted by the database equal the same counts made report by report in pandas."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, insert, select, update

from analytics import trends
from analytics.publish.monthly import area_counts, report_areas
from analytics.vocabulary import HARM_TYPES, REPORTER_GENDERS, SECTORS
from pipelines import (
    dashboard_publish,
    dashboard_queries,
    liaison,
    trend_queries,
    trend_responsiveness,
)
from pipelines.storage.tables import aggressor_members, aggressors, features, status_changes
from tests.conftest import Store
from tests.pipelines.publish.seed import LOADED, background, seed, sheet_reports

KNOWN = dashboard_publish.area_names(dashboard_publish.boundaries())
NOW = datetime(2026, 5, 20, tzinfo=UTC)
ODD = [
    ("blank", ""),
    ("minute", "2026-03-05T08:30"),
    ("day", "2026-03-06"),
    ("no-such-day", "2026-02-30"),
    ("no-such-hour", "2026-03-05T24:00"),
    ("seconds", "2026-03-05T08:30:00"),
    ("spaced", " 2026-03-07"),
    ("far", "2300-01-01"),
]
"""Dates of receipt that are plain, blank, impossible, or written some other way."""
MOMENTS = [
    (NOW, 0.0),
    (NOW, 14.0),
    (NOW, 400.0),
    (datetime(2026, 3, 19, 8, 30, tzinfo=UTC), 14.0),
    (datetime(2026, 3, 20, 0, 0, tzinfo=UTC), 14.0),
    (datetime(2026, 3, 19, 8, 30, 0, 1, tzinfo=UTC), 14.0),
    (datetime(2026, 3, 19, 8, 29, 59, tzinfo=UTC), 14.0),
]
"""When asked and the waiting limit: some fall exactly on a receipt above (not waiting)."""
CASES = [
    {},
    {"first": "2026-03", "last": "2026-04"},
    {"first": "2025-06", "last": "2025-12", "sectors": ("street", "not stated")},
    {"harm_types": ("robbery", "strangulation", "not stated")},
    {"areas": ("Downtown", "Saanich", "Elsewhere")},
    {"first": "2025-01", "last": "2026-12", "sectors": ("incall",), "harm_types": ("threats",)},
    {"sectors": ("no such sector",)},
]


@pytest.fixture
def seeded(initialised_store: Store) -> Store:
    """The sheet's reports (with aggressors and status changes) and a year of lone reports;
    ``r-blank`` has no received date (the load time stands in); ``AGG-x`` (holding ``r-1``) is
    merged into ``AGG-7``, and ``AGG-7`` is forwarded to the liaison."""
    one = background(count=1).iloc[:1]
    odd = pd.concat(
        [one.assign(report_id=f"r-{name}", received_at=received) for name, received in ODD]
    )
    reports = pd.concat([sheet_reports(), background(count=120), odd], ignore_index=True)
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings, reports)
        with engine.begin() as connection:
            connection.execute(
                insert(aggressors).values(
                    aggressor_id="AGG-x", created_at=LOADED, merged_into="AGG-7"
                )
            )
            connection.execute(
                update(aggressor_members)
                .where(aggressor_members.c.report_id == "r-1")
                .values(aggressor_id="AGG-x")
            )
            connection.execute(
                insert(status_changes).values(
                    target_kind="aggressor",
                    target_id="AGG-7",
                    status="forwarded_to_liaison",
                    user_name="liaison",
                    at=datetime(2026, 4, 12, tzinfo=UTC),
                    note="",
                )
            )
    return initialised_store


def report_frame(engine: Engine) -> pd.DataFrame:
    """The trends columns, one row per report, with ``profile_size`` counted over the report's
    current aggressor (merges followed, as ``liaison.member_map`` follows them)."""
    columns = dashboard_queries.TREND_COLUMNS
    with engine.connect() as connection:
        rows = connection.execute(select(features.c.report_id, *features.c[columns])).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=["report_id", *columns])
    owner = liaison.member_map(engine)
    sizes = Counter(owner.values())
    profile_size = [sizes[owner[r]] if r in owner else 1 for r in frame["report_id"]]
    return frame.assign(profile_size=profile_size).drop(columns=["report_id"])


def pandas_tables(frame: pd.DataFrame, case: dict) -> dict[str, pd.Series | pd.DataFrame]:
    """The tables as the Trends page counted them before, report by report."""
    areas = case.get("areas", ())
    frame = trends.select_reports(
        frame,
        case.get("sectors", ()),
        case.get("harm_types", ()),
        areas,
        report_areas(frame, KNOWN) if areas else None,
    )
    if case.get("first"):
        frame = trends.in_months(frame, case["first"], case["last"])
    return {
        "month": trends.counts_per_month(frame),
        "harm type": trends.multi_category_counts(frame, "incident_types", HARM_TYPES),
        "sector": trends.category_counts(frame, "sector", SECTORS),
        "reporter gender": trends.category_counts(frame, "reporter_gender", REPORTER_GENDERS),
        "repeat aggressor": trends.repeat_counts(frame["profile_size"]),
        "weekday and time": trends.weekday_hour_table(frame),
        "area": area_counts(frame, KNOWN).rename_axis("area"),
    }


def test_the_grouped_tables_are_the_report_by_report_tables(seeded: Store) -> None:
    with seeded.engine() as engine:
        frame = report_frame(engine)
        months = trend_queries.trend_months(engine)
        grouped = [trend_queries.trend_tables(engine, KNOWN, **case) for case in CASES]
    assert months == [m for m in trends.counts_per_month(frame).index if m != "date unknown"]
    for case, tables in zip(CASES, grouped, strict=True):
        expected = pandas_tables(frame, case)
        assert list(tables) == list(expected)
        for name, table in expected.items():
            if isinstance(table, pd.DataFrame):
                pd.testing.assert_frame_equal(tables[name], table, obj=f"{case} {name}")
            else:
                pd.testing.assert_series_equal(tables[name], table, obj=f"{case} {name}")
    assert int(grouped[0]["month"].sum()) == len(frame) > 0
    assert int(grouped[0]["repeat aggressor"]["repeat aggressor"]) > 0
    assert int(grouped[-1]["month"].sum()) == 0


def test_responsiveness_reads_as_the_liaison_module_does(seeded: Store) -> None:
    with seeded.engine() as engine:
        for now, wait_days in MOMENTS:
            expected = liaison.responsiveness(engine, now=now, wait_days=wait_days)
            by_month, waiting = trend_responsiveness.responsiveness(engine, wait_days, now=now)
            pd.testing.assert_frame_equal(by_month, expected[0], obj=f"{now} {wait_days}")
            assert waiting == expected[1], (now, wait_days)
    assert by_month["forwarded_n"].sum() > 0


def test_reports_of_merged_aggressors_count_with_the_profile_they_were_merged_into(
    seeded: Store,
) -> None:
    """``AGG-x`` (one report) is merged into ``AGG-7``, and ``AGG-z`` (one lone report) into
    ``AGG-x``: the share is the one counted once the merges are written into the members."""
    with seeded.engine() as engine:
        with engine.begin() as connection:
            lone = connection.execute(
                select(features.c.report_id)
                .where(features.c.report_id.not_in(select(aggressor_members.c.report_id)))
                .order_by(features.c.report_id)
            ).scalars().first() or pytest.fail("the fixture has no unlinked report")
            connection.execute(
                insert(aggressors).values(
                    aggressor_id="AGG-z", created_at=LOADED, merged_into="AGG-x"
                )
            )
            connection.execute(
                insert(aggressor_members).values(
                    report_id=lone, aggressor_id="AGG-z", linked_at=LOADED
                )
            )
        followed = trend_queries.trend_tables(engine, KNOWN)["repeat aggressor"]
        with engine.begin() as connection:
            connection.execute(
                update(aggressor_members)
                .where(aggressor_members.c.aggressor_id.in_(["AGG-x", "AGG-z"]))
                .values(aggressor_id="AGG-7")
            )
        written = trend_queries.trend_tables(engine, KNOWN)["repeat aggressor"]
    pd.testing.assert_series_equal(followed, written)
    assert int(written["repeat aggressor"]) >= 3

"""The sheet read from a slice of the store equals the sheet read from every report."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import insert, update

from analytics.publish.sheet import build_sheet, sheet_outline
from pipelines.publish.data import load_changes, load_policy, load_reports
from pipelines.publish.sheet_reports import (
    MAX_MONTHS,
    period_months,
    sheet_preview,
    sheet_profiles,
    sheet_reports,
)
from pipelines.storage.tables import aggressor_members, aggressors
from tests.conftest import Store
from tests.pipelines.publish.seed import LOADED, background, seed
from tests.pipelines.publish.seed import sheet_reports as seeded_reports

POLICY = load_policy()
PERIODS = [
    (date(2026, 4, 1), date(2026, 4, 30)),
    (date(2026, 3, 1), date(2026, 3, 31)),
    (date(2026, 4, 4), date(2026, 4, 4)),
    (date(2025, 9, 1), date(2026, 4, 30)),
    (date(2027, 1, 1), date(2027, 1, 31)),
    (date(2023, 1, 1), date(2026, 12, 31)),
]


@pytest.fixture
def seeded(initialised_store: Store) -> Store:
    """The sheet's reports and a year of lone background reports; ``r-1`` sits in ``AGG-x``,
    merged into ``AGG-7``; ``r-blank`` says nothing of when it was received (loaded in May)."""
    blank = background(count=40).iloc[:1].assign(report_id="r-blank", received_at="")
    reports = pd.concat([seeded_reports(), background(count=40), blank], ignore_index=True)
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings, reports)
        with engine.begin() as connection:
            connection.execute(insert(aggressors).values(aggressor_id="AGG-x", created_at=LOADED))
            connection.execute(
                update(aggressors)
                .where(aggressors.c.aggressor_id == "AGG-x")
                .values(merged_into="AGG-7")
            )
            connection.execute(
                update(aggressor_members)
                .where(aggressor_members.c.report_id == "r-1")
                .values(aggressor_id="AGG-x")
            )
    return initialised_store


@pytest.mark.parametrize("period", PERIODS, ids=str)
def test_the_sheet_from_the_slice_is_the_sheet_from_every_report(
    seeded: Store, period: tuple[date, date]
) -> None:
    with seeded.engine() as engine:
        changes = load_changes(engine)
        everything = load_reports(engine)
        whole = build_sheet(everything, changes, *period, POLICY)
        sliced = sheet_reports(engine, *period, changes)
        assert build_sheet(sliced, changes, *period, POLICY) == whole
        preview = sheet_preview(engine, *period, POLICY, limit=1)
    assert preview.outline == sheet_outline(everything, changes, *period)
    assert preview.sheet.entries == whole.entries[:1]
    assert preview.sheet.updates == whole.updates[:1]


def test_april_reads_only_its_aggressors_and_follows_the_merge(seeded: Store) -> None:
    april = (date(2026, 4, 1), date(2026, 4, 30))
    with seeded.engine() as engine:
        changes = load_changes(engine)
        everything = load_reports(engine)
        sliced = sheet_reports(engine, *april, changes)
        one_day = (date(2026, 4, 4), date(2026, 4, 4))
        light = sheet_profiles(engine, *one_day, changes, whole=False)
        whole = sheet_profiles(engine, *one_day, changes)
        may = sheet_profiles(engine, date(2026, 5, 1), date(2026, 5, 31), changes)
    assert set(sliced["report_id"]) < set(everything["report_id"])
    assert {"r-1", "r-2", "r-3", "r-4", "r-solo", "r-old1", "r-old2"} <= set(sliced["report_id"])
    assert dict(zip(sliced["report_id"], sliced["aggressor_id"], strict=True))["r-1"] == "AGG-7"
    assert set(light["report_id"]) == {"r-3"}
    assert set(whole["report_id"]) == {"r-1", "r-2", "r-3", "r-4"}
    assert "r-blank" in set(may["report_id"])


def test_periods_are_listed_by_month() -> None:
    assert period_months(date(2025, 11, 30), date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert len(period_months(date(2023, 1, 1), date(2026, 12, 31))) > MAX_MONTHS

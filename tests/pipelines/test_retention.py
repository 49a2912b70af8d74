"""`bdars purge`: old reports go with everything that holds or points to them; counts stay."""

from __future__ import annotations

import datetime as dt
import json

from pipelines.retention import purge, report_age_date, trend_history
from tests.pipelines.hardening_data import fill_store, stored_tokens, table_contents

PURGED = {"HD-001", "HD-002"}
"""Received 2024-01-10 and 2024-02-03: more than 365 days before any day the suite runs after
2026-11. HD-003 and HD-005 were received in 2026; HD-004's date is unreadable (loaded today)."""


def mentions(row: tuple[object, ...], ids: set[str]) -> bool:
    return any(isinstance(value, str) and value in ids for value in row)


def test_purge_removes_old_reports_and_everything_about_them(initialised_store, tmp_path):
    fill_store(initialised_store, tmp_path)
    before = table_contents(initialised_store)
    assert {row[0] for row in before["raw_reports"]} >= PURGED | {"HD-003", "HD-004", "HD-005"}

    dry = initialised_store.bdars("purge", "--older-than", "365", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: would remove 2 reports" in dry.stdout
    assert table_contents(initialised_store) == before

    result = initialised_store.bdars("purge", "--older-than", "365")
    assert result.returncode == 0, result.stderr
    assert "Purged 2 reports" in result.stdout
    after = table_contents(initialised_store)

    for name, rows in before.items():
        if name in ("audit_log", "trend_counts"):
            continue
        assert after[name] == [row for row in rows if not mentions(row, PURGED)], name
    assert any(mentions(row, PURGED) for row in before["reporter_contacts"])
    assert any(mentions(row, PURGED) for row in before["report_conflicts"])
    assert set(stored_tokens(initialised_store)) == {"HD-004"}

    new_audit = after["audit_log"][len(before["audit_log"]) :]
    assert after["audit_log"][: len(before["audit_log"])] == before["audit_log"]
    assert [row[3] for row in new_audit] == ["retention.purge"]
    assert "2 contacts" in new_audit[0][5]
    assert "2 reports;" in new_audit[0][5]

    assert after["trend_counts"][: len(before["trend_counts"])] == before["trend_counts"]
    kept = [row[1:5] for row in after["trend_counts"][len(before["trend_counts"]) :]]
    assert ("2024-01", "reports", "all", 1) in kept
    assert ("2024-02", "reports", "all", 1) in kept
    assert ("2024-01", "incident_type", "strangulation", 1) in kept
    for month in ("2024-01", "2024-02"):
        per_dimension: dict[str, int] = {}
        for row_month, dimension, _category, count in kept:
            if row_month == month and dimension != "incident_type":
                per_dimension[dimension] = per_dimension.get(dimension, 0) + count
        assert set(per_dimension.values()) == {1}, per_dimension


def test_purging_everything_keeps_only_counts_and_the_trail(initialised_store, tmp_path):
    fill_store(initialised_store, tmp_path)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
    with initialised_store.engine() as engine:
        plan = purge(engine, 7, "admin", now=later)
        history = trend_history(engine)
    assert len(plan.report_ids) == 5
    assert plan.removed["quarantined rows"] == 1
    after = table_contents(initialised_store)
    for name in (
        "raw_reports",
        "reporter_contacts",
        "features",
        "report_conflicts",
        "quarantined_rows",
        "aggressor_members",
        "report_links",
    ):
        assert after[name] == [], name
    totals = history[history["dimension"] == "reports"]["reports"].sum()
    assert totals == 5
    assert [row[3] for row in after["audit_log"]].count("retention.purge") == 1


def test_age_is_receipt_when_readable_and_not_after_loading():
    loaded = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    cases = [
        ("2026-02-03T22:15", dt.datetime(2026, 2, 3, 22, 15, tzinfo=dt.UTC)),
        ("04/02/2026", dt.datetime(2026, 2, 4, tzinfo=dt.UTC)),
        ("last friday", loaded),
        ("", loaded),
        ("2031-01-01", loaded),
    ]
    for received, expected in cases:
        raw = json.dumps({"cells": {"Received": received}, "columns": {"received_at": "Received"}})
        assert report_age_date(raw, loaded) == expected, received

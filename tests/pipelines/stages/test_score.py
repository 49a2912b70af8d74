"""The score stage on a real store (SQLite and PostgreSQL): ``bdars run`` stores every profile's
score, the stored queue orders exactly like the on-demand computation, and status changes,
merges and new reports never leave a stale row in the queue."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, insert, select

from analytics.priority import default_weights
from pipelines.liaison import compute_queue, queue, set_status
from pipelines.link import merge_aggressors
from pipelines.stages.score import refresh_profiles, run_score_stage, stored_queue
from pipelines.storage.tables import aggressor_members, aggressor_scores, aggressors
from tests.conftest import Store
from tests.pipelines.liaison_data import AGGRESSOR, seed

DAY = date(2026, 4, 12)

ROWS = [
    ("S-1", "2026-03-01", "guy called Rick, silver Dodge Grand Caravan, choked me", "250-555-0134"),
    ("S-2", "2026-03-20", "Rick again in the grey caravan, punched me", "250-555-0134"),
    ("S-3", "2026-02-11", "white Honda Civic, wouldn't pay, called himself Dave", "778-555-0177"),
    ("S-4", "2026-01-05", "no-show, wasted 2 hours", ""),
]


@pytest.fixture
def seeded(initialised_store: Store) -> Store:
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings)
    return initialised_store


def _comparable(table: pd.DataFrame) -> list[dict[str, object]]:
    return [
        {**row, "reasons": list(row["reasons"]), "reports": int(row["reports"])}
        for row in table.to_dict("records")
    ]


def _on_demand(engine: Engine, day: date = DAY) -> pd.DataFrame:
    return compute_queue(engine, default_weights(), day)[0]


def _stored_rows(engine: Engine) -> dict[str, dict[str, object]]:
    with engine.connect() as connection:
        rows = connection.execute(select(aggressor_scores)).mappings().all()
    return {row["profile_id"]: dict(row) for row in rows}


def test_bdars_run_fills_the_scores_and_the_queue_reads_them(
    initialised_store: Store, tmp_path: Path
) -> None:
    intake = tmp_path / "reports.csv"
    with intake.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["report_id", "incident_date", "what_happened", "aggressor_phone"])
        writer.writerows(ROWS)
    assert initialised_store.bdars("ingest", str(intake)).returncode == 0
    result = initialised_store.bdars("run")
    assert result.returncode == 0, result.stderr
    score_line = next(line for line in result.stdout.splitlines() if line.startswith("score:"))
    with initialised_store.engine() as engine:
        stored = _stored_rows(engine)
        on_demand = _on_demand(engine, datetime.now(UTC).date())
    assert score_line.startswith(f"score: {len(on_demand)} profiles scored as of ")
    assert set(stored) == set(on_demand["aggressor_id"])
    assert len(stored) == 3
    assert sorted(row["report_count"] for row in stored.values()) == [1, 1, 2]
    assert {row["kind"] for row in stored.values()} == {"aggressor"}
    listed = json.loads(initialised_store.bdars("queue", "--format", "json").stdout)
    assert [row["aggressor_id"] for row in listed] == list(on_demand["aggressor_id"])
    assert [row["score"] for row in listed] == list(on_demand["score"])
    assert [row["reasons"] for row in listed] == [list(r) for r in on_demand["reasons"]]
    assert {tuple(sorted(row)) for row in listed} == {
        tuple(
            sorted(
                (
                    "aggressor_id",
                    "score",
                    "status",
                    "jurisdiction",
                    "reports",
                    "latest",
                    "worst_harm",
                    "reasons",
                    "summary",
                    "parts",
                )
            )
        )
    }


def test_a_status_change_shows_in_the_next_queue(seeded: Store) -> None:
    with seeded.engine() as engine:
        run_score_stage(engine, "test-user")
        before = _stored_rows(engine)
    top = json.loads(seeded.bdars("queue", "--format", "json").stdout)
    assert {row["aggressor_id"]: row["status"] for row in top}[AGGRESSOR] == "new"
    assert seeded.bdars("status", AGGRESSOR, "closed", "--note", "done").returncode == 0
    after = json.loads(seeded.bdars("queue", "--format", "json").stdout)
    mine = next(row for row in after if row["aggressor_id"] == AGGRESSOR)
    assert mine["status"] == "closed"
    assert mine["score"] < before[AGGRESSOR]["score"]
    assert "Status closed: score ×0.1." in mine["reasons"]
    with seeded.engine() as engine:
        rows = _stored_rows(engine)
        assert _comparable(queue(engine)) == _comparable(
            _on_demand(engine, datetime.now(UTC).date())
        )
    untouched = [key for key in rows if key != AGGRESSOR]
    assert untouched
    assert all(rows[key]["computed_at"] == before[key]["computed_at"] for key in untouched)
    assert rows[AGGRESSOR]["status"] == "closed"
    assert (rows[AGGRESSOR]["kind"], rows["r-04"]["kind"]) == ("aggressor", "report")


@pytest.mark.parametrize(
    ("jurisdiction", "limit"), [(None, None), ("VicPD", None), (None, 2), ("Saanich PD", 1)]
)
def test_stored_order_matches_the_on_demand_order(
    seeded: Store, jurisdiction: str | None, limit: int | None
) -> None:
    with seeded.engine() as engine:
        set_status(engine, None, "r-05", "referred_to_other_agency", "cora")
        counts = run_score_stage(engine, "test-user", DAY)
        expected = _on_demand(engine)
        assert counts["profiles"] == len(expected) == 3
        stored = stored_queue(engine, DAY, jurisdiction, limit)
    assert stored is not None
    if jurisdiction:
        expected = expected[expected["jurisdiction"] == jurisdiction]
    expected = expected.head(limit) if limit else expected
    assert len(stored) > 0
    assert _comparable(stored) == _comparable(expected)


def test_status_changes_merges_and_new_links_never_leave_stale_rows(seeded: Store) -> None:
    with seeded.engine() as engine:
        run_score_stage(engine, "test-user", DAY)
        set_status(engine, None, "r-04", "statement_taken", "cora")
        set_status(engine, "aggressor", AGGRESSOR, "identified_by_police", "cora")
        assert _comparable(stored_queue(engine, DAY)) == _comparable(_on_demand(engine))
        with engine.begin() as connection:
            connection.execute(insert(aggressors).values(aggressor_id="AGG-2", created_at=DAY))
            connection.execute(
                insert(aggressor_members).values(
                    report_id="r-05", aggressor_id="AGG-2", linked_at=datetime.now(UTC)
                )
            )
        assert stored_queue(engine, DAY) is None, "a new membership makes the stored rows stale"
        assert stored_queue(engine, date(2026, 4, 13)) is None, "so does another day"
        run_score_stage(engine, "test-user", DAY)
        merge_aggressors(engine, AGGRESSOR, ["AGG-2"], "cora", "same van")
        merged = stored_queue(engine, DAY)
        assert merged is not None, "a merge by hand re-scores its profiles at once"
        assert _comparable(merged) == _comparable(_on_demand(engine))
        assert "AGG-2" not in set(merged["aggressor_id"])
        assert refresh_profiles(engine, ["r-01"]) == 1

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from sqlalchemy import select

from pipelines import audit
from pipelines.errors import NotFoundError
from pipelines.liaison import (
    WorkflowRuleError,
    load_profile_reports,
    queue,
    responsiveness,
    routing,
    set_status,
)
from pipelines.storage.tables import status_changes
from tests.pipelines.liaison_data import AGGRESSOR, seed


@pytest.fixture
def seeded(initialised_store):
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings)
    return initialised_store


def _history_rows(engine) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(select(status_changes).order_by("id"))]


def test_a_status_change_adds_a_row_and_never_updates_one(seeded) -> None:
    first = seeded.bdars("status", "r-04", "on_sheet", "--note", "on the April sheet")
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Report r-04: new -> on_sheet.\n"
    with seeded.engine() as engine:
        before = _history_rows(engine)
    second = seeded.bdars("status", "r-04", "forwarded_to_liaison")
    assert second.stdout == "Report r-04: on_sheet -> forwarded_to_liaison.\n"
    third = seeded.bdars("status", AGGRESSOR, "reviewed_by_liaison", "--note", "PRIME file")
    assert third.stdout == f"Aggressor {AGGRESSOR}: new -> reviewed_by_liaison.\n"
    with seeded.engine() as engine:
        after = _history_rows(engine)
        log = audit.read(engine)
    assert after[: len(before)] == before
    assert len(after) == len(before) + 2
    assert [(row[1], row[2], row[3], row[4], row[6]) for row in after] == [
        ("report", "r-04", "on_sheet", "test-user", "on the April sheet"),
        ("report", "r-04", "forwarded_to_liaison", "test-user", ""),
        ("aggressor", AGGRESSOR, "reviewed_by_liaison", "test-user", "PRIME file"),
    ]
    changes = log[log["action"] == "status.set"]
    assert list(changes["target"]) == [f"aggressor:{AGGRESSOR}", "report:r-04", "report:r-04"]
    assert changes["detail"].iloc[0] == "new -> reviewed_by_liaison; note: PRIME file"


def test_refused_changes_add_nothing(seeded) -> None:
    with seeded.engine() as engine:
        set_status(engine, None, "r-04", "closed", "me")
    same = seeded.bdars("status", "r-04", "closed")
    assert same.returncode == 2
    assert same.stderr == "Error: cannot set report r-04: the status is already closed.\n"
    with seeded.engine() as engine:
        with pytest.raises(WorkflowRuleError, match="cannot return to new"):
            set_status(engine, None, "r-04", "new", "me")
        with pytest.raises(NotFoundError, match="no report or aggressor with id 'r-99'"):
            set_status(engine, None, "r-99", "closed", "me")
        with pytest.raises(NotFoundError, match="no aggressor with id 'r-04'"):
            set_status(engine, "aggressor", "r-04", "closed", "me")
        with pytest.raises(WorkflowRuleError, match="unknown status 'shelved'"):
            set_status(engine, None, "r-04", "shelved", "me")
        assert len(_history_rows(engine)) == 1


def test_status_without_a_new_status_shows_the_history(seeded) -> None:
    with seeded.engine() as engine:
        set_status(engine, None, "r-05", "referred_to_other_agency", "cora", "sent to Saanich PD")
    shown = seeded.bdars("status", "r-05")
    lines = shown.stdout.splitlines()
    assert lines[0] == "Report r-05: referred_to_other_agency"
    assert lines[1].split() == ["when", "(UTC)", "status", "by", "note"]
    assert lines[2].split()[2:] == [
        "referred_to_other_agency",
        "cora",
        "sent",
        "to",
        "Saanich",
        "PD",
    ]


def test_queue_json_shape_and_order(seeded) -> None:
    result = seeded.bdars("queue", "--format", "json", "--as-of", "2026-04-12")
    assert result.returncode == 0, result.stderr
    queue = json.loads(result.stdout)
    assert [row["aggressor_id"] for row in queue] == [AGGRESSOR, "r-04", "r-05"]
    for row in queue:
        assert {"aggressor_id", "score", "reasons", "jurisdiction", "status"} <= set(row)
        assert isinstance(row["score"], float)
        assert row["reasons"] and all(
            isinstance(reason, str) and reason.endswith(".") for reason in row["reasons"]
        )
    top = queue[0]
    assert top["reasons"][:2] == [
        "3 reports in 6 weeks, latest 2 days ago.",
        "Strangulation in the latest report.",
    ]
    assert (
        "One reporter willing to give a statement; one other reporter agrees to police contact."
        in top["reasons"]
    )
    assert (top["jurisdiction"], top["status"]) == ("VicPD", "new")
    assert queue[2]["jurisdiction"] == "Saanich PD"


def test_queue_filters_limits_and_shows_statuses(seeded) -> None:
    with seeded.engine() as engine:
        set_status(engine, None, AGGRESSOR, "closed", "lee")
        table = queue(engine, today=date(2026, 4, 12), jurisdiction="VicPD", limit=5)
        assert queue(engine, today=date(2026, 4, 12), limit=1)["aggressor_id"].tolist() == ["r-04"]
    assert table["aggressor_id"].tolist() == ["r-04", AGGRESSOR]
    assert table["status"].tolist() == ["new", "closed"]
    shown = seeded.bdars("queue", "--as-of", "2026-04-12").stdout.splitlines()
    assert shown[0].split()[:5] == ["#", "profile", "score", "status", "where"]
    assert shown[1].split()[:2] == ["1", "r-04"]
    assert shown[2].split()[:2] + shown[2].split()[3:5] == ["2", AGGRESSOR, "closed", "VicPD"]


def test_queue_refuses_a_broken_weights_file(seeded, tmp_path) -> None:
    broken = tmp_path / "weights.toml"
    broken.write_text("[severity]\npoints = {}\n")
    result = seeded.bdars("queue", "--weights", str(broken))
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {broken}: missing section [escalation]")


def test_consents_come_from_the_contact_table(seeded) -> None:
    with seeded.engine() as engine:
        reports = load_profile_reports(engine).set_index("report_id")
    assert reports.loc["r-02", "consent_police"] == "yes"
    assert reports.loc["r-03", "consent_police"] == ""
    assert reports.loc["r-03", "wants_statement"] == "yes"
    assert reports.loc["r-04", "aggressor_id"] == ""
    assert reports.loc["r-01", "aggressor_id"] == AGGRESSOR


def test_responsiveness_uses_report_and_aggressor_changes(seeded) -> None:
    with seeded.engine() as engine:
        set_status(
            engine,
            "report",
            "r-01",
            "forwarded_to_liaison",
            "cora",
            now=datetime(2026, 3, 4, 10, 0, tzinfo=UTC),
        )
        set_status(
            engine,
            "aggressor",
            AGGRESSOR,
            "reviewed_by_liaison",
            "lee",
            now=datetime(2026, 4, 11, 23, 0, tzinfo=UTC),
        )
        table, waiting = responsiveness(engine, datetime(2026, 4, 30, tzinfo=UTC), 14)
    march = table.set_index("month").loc["2026-03"]
    assert march["received"] == 2
    assert march["forwarded_n"] == 2  # r-01 after 2 days; r-02 via the aggressor's review
    assert march["forwarded_median_days"] == pytest.approx((2 + (21 + 4.5 / 24)) / 2)
    assert waiting == {"forwarded": 2, "reviewed": 0, "outcome": 3}  # r-04, r-05


def test_routing_lists_reports_outside_vicpd(seeded) -> None:
    with seeded.engine() as engine:
        table, summary = routing(engine)
    assert table["report_id"].tolist() == ["r-05"]
    assert summary.to_dict("records")[0]["agency"] == "Saanich PD"
    as_json = json.loads(seeded.bdars("routing", "--format", "json").stdout)
    assert as_json[0]["report_list"][0]["report_id"] == "r-05"
    assert isinstance(pd.DataFrame(as_json), pd.DataFrame)

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.workflow import (
    WorkflowError,
    current_statuses,
    report_changes,
    responsiveness_by_month,
    stage_times,
    transition_problem,
    waiting_counts,
)


@pytest.mark.parametrize(
    ("current", "new", "problem"),
    [
        (None, "on_sheet", None),
        ("new", "forwarded_to_liaison", None),
        ("forwarded_to_liaison", "closed", None),
        ("closed", "reviewed_by_liaison", None),
        ("closed", "closed", "the status is already closed"),
        ("on_sheet", "new", "a case cannot return to new (it is on_sheet)"),
        (None, "shelved", "unknown status 'shelved'"),
    ],
)
def test_transitions(current: str | None, new: str, problem: str | None) -> None:
    found = transition_problem(current, new)
    if problem is None:
        assert found is None
    else:
        assert found is not None and found.startswith(problem)


def _changes(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["target_kind", "target_id", "status", "at"])
    return frame.assign(at=pd.to_datetime(frame["at"], utc=True), id=range(len(frame)))


def test_current_status_is_the_latest_change_and_ids_break_ties() -> None:
    changes = _changes(
        [
            ("report", "r1", "on_sheet", "2026-01-02T10:00"),
            ("report", "r1", "forwarded_to_liaison", "2026-01-03T10:00"),
            ("aggressor", "A1", "reviewed_by_liaison", "2026-01-05T10:00"),
            ("aggressor", "A1", "closed", "2026-01-05T10:00"),
        ]
    )
    assert current_statuses(changes) == {
        ("report", "r1"): "forwarded_to_liaison",
        ("aggressor", "A1"): "closed",
    }


# Known timestamps. Received in January: r1, r2, r3; in February: r4.
RECEIVED = pd.DataFrame(
    {
        "report_id": ["r1", "r2", "r3", "r4"],
        "received_at": [
            "2026-01-01T00:00:00Z",
            "2026-01-10T00:00:00Z",
            "2026-01-20T12:00:00Z",
            "2026-02-01T00:00:00Z",
        ],
    }
)
HISTORY = _changes(
    [
        ("report", "r1", "on_sheet", "2026-01-01T12:00"),
        ("report", "r1", "forwarded_to_liaison", "2026-01-02T00:00"),  # 1 day
        ("report", "r1", "reviewed_by_liaison", "2026-01-05T00:00"),  # 4 days
        ("report", "r1", "closed", "2026-01-11T00:00"),  # 10 days
        ("report", "r2", "forwarded_to_liaison", "2026-01-13T00:00"),  # 3 days
        ("report", "r2", "statement_taken", "2026-01-30T00:00"),  # reviewed + outcome: 20 days
        ("aggressor", "A9", "forwarded_to_liaison", "2026-01-27T12:00"),  # r3: 7 days
        ("report", "r4", "forwarded_to_liaison", "2026-01-15T00:00"),  # before receipt: ignored
    ]
)
MEMBERS = {"r3": "A9"}


def _times() -> pd.DataFrame:
    return stage_times(RECEIVED, report_changes(HISTORY, MEMBERS))


def test_stage_times_on_known_timestamps() -> None:
    times = _times().set_index("report_id")
    assert times.loc[
        "r1", ["days_to_forwarded", "days_to_reviewed", "days_to_outcome"]
    ].tolist() == [
        1.0,
        4.0,
        10.0,
    ]
    assert times.loc[
        "r2", ["days_to_forwarded", "days_to_reviewed", "days_to_outcome"]
    ].tolist() == [
        3.0,
        20.0,
        20.0,
    ]
    assert times.loc["r3", "days_to_forwarded"] == 7.0
    assert math.isnan(times.loc["r3", "days_to_reviewed"])
    assert math.isnan(times.loc["r4", "days_to_forwarded"])


def test_medians_and_90th_percentiles_per_month() -> None:
    table = responsiveness_by_month(_times()).set_index("month")
    january = table.loc["2026-01"]
    assert january["received"] == 3
    assert january["forwarded_n"] == 3
    assert january["forwarded_median_days"] == 3.0  # of 1, 3, 7
    assert january["forwarded_p90_days"] == pytest.approx(6.2)  # 3 + 0.8 * (7 - 3)
    assert january["reviewed_n"] == 2
    assert january["reviewed_median_days"] == 12.0  # of 4, 20
    assert january["reviewed_p90_days"] == pytest.approx(18.4)  # 4 + 0.9 * 16
    assert january["outcome_median_days"] == 15.0  # of 10, 20
    february = table.loc["2026-02"]
    assert february["received"] == 1 and february["forwarded_n"] == 0
    assert math.isnan(february["forwarded_median_days"])


@pytest.mark.parametrize(
    ("now", "days", "expected"),
    [
        # r3 forwarded 2026-01-27T12:00, waiting for review; r4 received 2026-02-01, not forwarded.
        ("2026-02-10T00:00", 14, {"forwarded": 0, "reviewed": 0, "outcome": 0}),
        ("2026-02-10T12:00:01", 14, {"forwarded": 0, "reviewed": 1, "outcome": 0}),
        ("2026-02-16T00:00", 14, {"forwarded": 1, "reviewed": 1, "outcome": 0}),
        ("2026-02-16T00:00", 30, {"forwarded": 0, "reviewed": 0, "outcome": 0}),
    ],
)
def test_waiting_longer_than_n_days(now: str, days: int, expected: dict[str, int]) -> None:
    assert waiting_counts(_times(), pd.Timestamp(now, tz="UTC"), days) == expected


def test_waiting_counts_reviewed_reports_waiting_for_an_outcome() -> None:
    history = _changes([("report", "r1", "reviewed_by_liaison", "2026-01-02T00:00")])
    times = stage_times(RECEIVED.iloc[:1], report_changes(history, {}))
    counts = waiting_counts(times, pd.Timestamp("2026-03-01", tz="UTC"), 14)
    assert counts == {"forwarded": 0, "reviewed": 0, "outcome": 1}


def test_negative_waiting_limit_is_refused() -> None:
    with pytest.raises(WorkflowError, match="found -1"):
        waiting_counts(_times(), pd.Timestamp("2026-03-01", tz="UTC"), -1)


def test_no_history_at_all() -> None:
    times = stage_times(RECEIVED, report_changes(_changes([]), {}))
    assert times["forwarded_at"].isna().all()
    assert responsiveness_by_month(times)["received"].tolist() == [3, 1]

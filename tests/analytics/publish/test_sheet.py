from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.publish.redaction import default_policy
from analytics.publish.sheet import build_sheet, repeat_marker, sheet_outline
from analytics.publish.words import harm_names, part_of_day, when_text
from tests.analytics.publish.sheet_data import CHANGES, REPORTS

POLICY = default_policy()
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


def april():
    return build_sheet(REPORTS, CHANGES, *APRIL, POLICY)


def test_one_entry_per_aggressor_with_new_reports_newest_first() -> None:
    sheet = april()
    assert [entry.aggressor_id for entry in sheet.entries] == ["r-solo", "AGG-7"]
    assert sheet.entries[1].report_ids == ("r-4", "r-3")
    assert sorted(sheet.report_ids) == ["r-3", "r-4", "r-solo"]


def test_entry_reads_in_plain_words_under_the_policy() -> None:
    entry = april().entries[1]
    assert dict(entry.lines) == {
        "When": "Thu 9 April 2026, afternoon; Fri 3 April 2026, night",
        "Where": "Downtown (street-based); Burnside Gorge (street-based)",
        "What happened": "choking, physical assault, robbery",
        "Description": "man, 40s, grey goatee, snake tattoo on left forearm",
        "Vehicle": "grey Dodge Caravan",
        "Plate": "BV42**",
        "Phone": "250-555-0134",
    }
    assert entry.markers == ["4 reports since March", "Identified by police"]
    assert entry.severity == 5


def test_private_sector_entry_shows_the_town_and_no_handle() -> None:
    entry = april().entries[0]
    assert entry.where == "Victoria (incall)"
    assert entry.when == "Sun 12 April 2026, morning"
    assert entry.harms == "removed condom without consent"
    assert entry.markers == []
    text = " ".join(t for _, t in entry.lines)
    assert "Fernwood" not in text and "rosefan" not in text


def test_identified_during_the_period_comes_back_as_an_update() -> None:
    sheet = april()
    assert [u.aggressor_id for u in sheet.updates] == ["AGG-old"]
    update = sheet.updates[0]
    assert update.identified and update.repeat == "2 reports since June 2025"
    assert update.plates == ("KT8***",)


def test_a_status_after_the_period_does_not_count_and_later_reports_are_ignored() -> None:
    sheet = april()
    assert not sheet.entries[0].identified
    assert "r-may" not in sheet.report_ids
    march = build_sheet(REPORTS, CHANGES, date(2026, 3, 1), date(2026, 3, 31), POLICY)
    assert march.entries[0].repeat == "2 reports since March"
    assert not march.entries[0].identified and march.updates == ()


def test_a_later_status_replaces_identified() -> None:
    closed = pd.concat(
        [
            CHANGES,
            pd.DataFrame(
                [("aggressor", "AGG-7", "closed", "2026-04-25T00:00:00+00:00")],
                columns=CHANGES.columns,
            ),
        ]
    )
    assert not build_sheet(REPORTS, closed, *APRIL, POLICY).entries[1].identified


def test_inputs_are_not_changed_and_an_empty_period_is_empty() -> None:
    before = REPORTS.copy()
    sheet = build_sheet(REPORTS, CHANGES, date(2027, 1, 1), date(2027, 1, 31), POLICY)
    assert sheet.entries == () and sheet.updates == ()
    pd.testing.assert_frame_equal(REPORTS, before)
    with pytest.raises(ValueError, match="starts"):
        build_sheet(REPORTS, CHANGES, date(2026, 5, 1), date(2026, 4, 1), POLICY)


@pytest.mark.parametrize(
    ("count", "first", "until", "expected"),
    [
        (1, date(2026, 3, 1), date(2026, 4, 1), ""),
        (4, date(2026, 3, 1), date(2026, 4, 1), "4 reports since March"),
        (2, date(2025, 11, 5), date(2026, 4, 1), "2 reports since November 2025"),
        (3, None, date(2026, 4, 1), "3 reports"),
    ],
)
def test_repeat_marker(count: int, first: date | None, until: date, expected: str) -> None:
    assert repeat_marker(count, first, until) == expected


@pytest.mark.parametrize(
    ("incident", "hour", "received", "expected"),
    [
        ("2026-03-02", "23", "", "Mon 2 March 2026, night"),
        ("2026-03-02", "3", "", "Mon 2 March 2026, night"),
        ("2026-03-02", "5", "", "Mon 2 March 2026, morning"),
        ("2026-03-02", "19", "", "Mon 2 March 2026, evening"),
        ("2026-03", "", "2026-03-09", "March 2026"),
        ("", "", "2026-03-09T10:00", "Reported 9 March 2026"),
        ("last friday", "", "", "date not known"),
    ],
)
def test_when(incident: str, hour: str, received: str, expected: str) -> None:
    assert when_text(incident, hour, received) == expected


def test_harms_are_plain_and_worst_first() -> None:
    harms = harm_names(["time_waster", "weapon", "time_waster"])
    assert harms == "weapon used or shown, time waster"
    assert part_of_day("") == ""


@pytest.mark.parametrize(
    "period",
    [APRIL, (date(2026, 3, 1), date(2026, 3, 31)), (date(2025, 1, 1), date(2026, 12, 31))],
)
def test_the_outline_lists_what_the_sheet_writes_in_its_order(period: tuple[date, date]) -> None:
    sheet = build_sheet(REPORTS, CHANGES, *period, POLICY)
    outline = sheet_outline(REPORTS, CHANGES, *period)
    for planned, written in ((outline.entries, sheet.entries), (outline.updates, sheet.updates)):
        assert [(p.aggressor_id, p.report_ids, p.latest) for p in planned] == [
            (e.aggressor_id, e.report_ids, e.latest) for e in written
        ]
    assert outline.report_ids == sheet.report_ids + [
        rid for update in sheet.updates for rid in update.report_ids
    ]


def test_the_outline_needs_only_the_new_reports_and_the_identified_aggressors() -> None:
    """The reports before the period of an aggressor not identified in it are not read."""
    earlier = REPORTS["report_id"].isin(["r-1", "r-2"])
    assert sheet_outline(REPORTS[~earlier], CHANGES, *APRIL) == sheet_outline(
        REPORTS, CHANGES, *APRIL
    )


def test_a_limit_writes_only_the_first_entries_and_updates() -> None:
    whole = april()
    first = build_sheet(REPORTS, CHANGES, *APRIL, POLICY, limit=1)
    assert first.entries == whole.entries[:1] and first.updates == whole.updates[:1]
    assert build_sheet(REPORTS, CHANGES, *APRIL, POLICY, limit=0).entries == ()

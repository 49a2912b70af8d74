"""Incident date and hour, and the received timestamp."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract.when import canonical_date, canonical_hour, canonical_received, extract

FRIDAY = date(2026, 3, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-04", "2026-03-04"),
        ("2026/03/04", "2026-03-04"),
        ("04/03/2026", "2026-03-04"),
        ("4/3/26", "2026-03-04"),
        ("03/14/2026", "2026-03-14"),
        ("14/03/2026", "2026-03-14"),
        ("March 4 2026", "2026-03-04"),
        ("March 4th, 2026", "2026-03-04"),
        ("4 Mar 26", "2026-03-04"),
        ("the 2nd of march", "2026-03-02"),
        ("feb 2", "2026-02-02"),
        ("Dec 30", "2025-12-30"),
        ("2026-03", "2026-03"),
        ("March 2026", "2026-03"),
        ("yesterday", "2026-03-05"),
        ("last night", "2026-03-05"),
        ("tonight", "2026-03-06"),
        ("day before yesterday", "2026-03-04"),
        ("two weeks ago", "2026-02-20"),
        ("3 days ago", "2026-03-03"),
        ("last friday", "2026-02-27"),
        ("friday night", "2026-03-06"),
        ("on Tuesday night", "2026-03-03"),
        ("last week", ""),
        ("It was early December.", "2025-12"),
        ("mid March at 04:08", "2026-03"),
        ("just now near pandora", "2026-03-06"),
        ("It was Tuesday ~8pm", "2026-03-03"),
        ("Mar 4th 2033", "2026-03-04"),
        ("sun visor was down", ""),
        ("tue night he came to the house", "2026-03-03"),
        ("last nite ~12am", "2026-03-05"),
        ("it was dec 4th 1317.", "2025-12-04"),
        ("mid january 1229 he came to my place", "2026-01"),
        ("early february, 1417, rock bay ave", "2026-02"),
        ("june 1548, threats", ""),
        ("back in march 2023", "2023-03"),
        ("he always wants Sunday mornings", ""),
        ("2026-02-30", ""),
        ("no idea", ""),
    ],
)
def test_canonical_date(text: str, expected: str) -> None:
    assert canonical_date(text, FRIDAY) == expected


def test_relative_and_yearless_dates_need_received_at() -> None:
    assert canonical_date("yesterday") == ""
    assert canonical_date("feb 2") == ""
    assert canonical_date("2026-03-04") == "2026-03-04"


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("23:40", "23"),
        ("around 2am", "2"),
        ("11:30 pm", "23"),
        ("10pm", "22"),
        ("2 a.m.", "2"),
        ("12am", "0"),
        ("12 pm", "12"),
        ("midnight", "0"),
        ("noon", "12"),
        ("10 at night", "22"),
        ("3 at night", "3"),
        ("7 in the morning", "7"),
        ("2 in the afternoon", "14"),
        ("between 1 and 2am", "1"),
        ("2300", "23"),
        ("21h30", "21"),
        ("1728", "17"),
        ("0005", "0"),
        ("late night", ""),
        ("evening", ""),
        ("afternoon", ""),
        ("around 3", ""),
    ],
)
def test_canonical_hour(text: str, hour: str) -> None:
    assert canonical_hour(text) == hour


@pytest.mark.parametrize(
    "narrative",
    [
        "paid $200 at the 7-11",
        "he was 5'11 and 45",
        "called 250-555-0134",
        "drove for 40 min",
        "at 2000 Douglas St",
        "last saturday 2021 he booked",
        "number ends in 0134",
    ],
)
def test_no_hour_in_narrative_numbers(narrative: str) -> None:
    assert canonical_hour(narrative, bare_number=False) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-04T22:15", "2026-03-04T22:15"),
        ("2026-03-04 22:15:33", "2026-03-04T22:15"),
        ("04/03/2026", "2026-03-04"),
        ("04/03/2026 22:15", "2026-03-04T22:15"),
        ("2026-03-04T22:15:00Z", "2026-03-04T22:15"),
        ("Nov 15, 2023 8:00 PM", "2023-11-15T20:00"),
        ("Feb 28, 2024 12:26 AM", "2024-02-28T00:26"),
        ("garbage", ""),
        ("", ""),
    ],
)
def test_canonical_received(text: str, expected: str) -> None:
    assert canonical_received(text) == expected


def test_extract_resolves_against_received_at() -> None:
    report = {
        "received_at": "2026-03-06T10:00",
        "what_happened": "last night around 11pm he choked me",
    }
    assert extract(report) == {
        "incident_date": "2026-03-05",
        "incident_hour": "23",
        "received_at": "2026-03-06T10:00",
    }


def test_columns_win_over_the_narrative() -> None:
    report = {
        "received_at": "2026-01-09T14:02",
        "incident_date": "2026-01-08",
        "incident_time": "around 11:30 pm",
        "what_happened": "yesterday at 2am",
    }
    assert extract(report) == {
        "incident_date": "2026-01-08",
        "incident_hour": "23",
        "received_at": "2026-01-09T14:02",
    }


@pytest.mark.parametrize(
    ("narrative", "hour"), [("It was 2024-05-07 at 1622.", "16"), ("2147 hrs", "21")]
)
def test_military_hour_in_narrative(narrative: str, hour: str) -> None:
    assert canonical_hour(narrative, bare_number=False) == hour


def test_hour_from_incident_date_with_a_time() -> None:
    assert extract({"incident_date": "2026-03-02 23:40"})["incident_hour"] == "23"


@given(st.text())
def test_canonicalisers_are_idempotent_and_total(text: str) -> None:
    day = canonical_date(text, FRIDAY)
    assert canonical_date(day, FRIDAY) == day
    hour = canonical_hour(text)
    assert canonical_hour(hour) == hour
    received = canonical_received(text)
    assert canonical_received(received) == received


@given(
    st.dictionaries(
        st.sampled_from(["received_at", "incident_date", "incident_time", "what_happened"]),
        st.text(),
    )
)
def test_extract_never_crashes(report: dict[str, str]) -> None:
    assert set(extract(report)) == {"incident_date", "incident_hour", "received_at"}

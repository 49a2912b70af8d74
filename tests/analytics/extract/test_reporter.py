"""Reporter gender, sector, channel and consents."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract.reporter import (
    canonical_channel,
    canonical_gender,
    canonical_sector,
    extract,
)
from analytics.vocabulary import CHANNELS, REPORTER_GENDERS, SECTORS


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("woman", "woman"),
        ("F", "woman"),
        ("female", "woman"),
        ("cis woman", "woman"),
        ("Male", "man"),
        ("m", "man"),
        ("trans woman", "trans woman"),
        ("trans fem", "trans woman"),
        ("MTF", "trans woman"),
        ("woman (trans)", "trans woman"),
        ("trans man", "trans man"),
        ("ftm", "trans man"),
        ("enby", "non-binary"),
        ("non binary", "non-binary"),
        ("genderqueer", "non-binary"),
        ("2S", "two-spirit"),
        ("Two Spirit woman", "two-spirit"),
        ("trans", "other"),
        ("prefer not to say", ""),
        ("", ""),
    ],
)
def test_canonical_gender(text: str, gender: str) -> None:
    assert canonical_gender(text) == gender


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("street", "street"),
        ("the stroll", "street"),
        ("in call", "incall"),
        ("Out-call", "outcall"),
        ("hotel outcall", "outcall"),
        ("Massage Parlour", "massage"),
        ("spa", "massage"),
        ("escort agency", "agency"),
        ("online", "online"),
        ("indoors", "indoor"),
        ("outdoor", "outdoor"),
        ("xyz", ""),
    ],
)
def test_canonical_sector(text: str, sector: str) -> None:
    assert canonical_sector(text) == sector


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("online", "online"),
        ("web form", "online"),
        ("In Person", "in person"),
        ("walk-in", "in person"),
        ("phone", "phone"),
        ("e-mail", "email"),
        ("outreach van", "outreach van"),
        ("Van", "outreach van"),
        ("3rd party", "third party"),
        ("carrier pigeon", ""),
    ],
)
def test_canonical_channel(text: str, channel: str) -> None:
    assert canonical_channel(text) == channel


def test_sector_from_location_when_the_column_is_blank() -> None:
    assert extract({"location": "outcall Harbour Towers"})["sector"] == "outcall"
    assert extract({"sector": "street", "location": "outcall Harbour Towers"})["sector"] == "street"


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("yes", "yes"),
        ("Y", "yes"),
        ("✓", "yes"),
        ("x", "yes"),
        ("no", "no"),
        ("", "no"),
        ("yes please", "yes"),
        ("no thanks", "no"),
    ],
)
def test_consent_cells(cell: str, value: str) -> None:
    result = extract({"consent_police": cell})
    assert result["consent_police"] == value
    assert "conflicts" not in result


def test_unreadable_consent_is_no_with_a_note() -> None:
    result = extract({"consent_contact": "yes", "consent_police": "maybe"})
    assert result["consent_contact"] == "yes"
    assert result["consent_police"] == "no"
    assert result["conflicts"] == "consent_police: unreadable 'maybe', taken as no"


@given(st.text())
def test_canonicalisers_are_idempotent_and_stay_in_vocabulary(text: str) -> None:
    for canonical, vocabulary in (
        (canonical_gender, REPORTER_GENDERS),
        (canonical_sector, SECTORS),
        (canonical_channel, CHANNELS),
    ):
        once = canonical(text)
        assert once == "" or once in vocabulary
        assert canonical(once) == once


@given(st.text(), st.text())
def test_extract_never_crashes(gender: str, consent: str) -> None:
    result = extract({"reporter_gender": gender, "wants_statement": consent})
    assert result["wants_statement"] in ("yes", "no")

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract import normalise_report
from analytics.extract.dictation import dictated_punctuation


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        (
            "guy picked me up on rock bay period he paid half comma then left period",
            "guy picked me up on rock bay. he paid half, then left.",
        ),
        (
            "is he on the list question mark his name was randy exclamation point",
            "is he on the list? his name was randy!",
        ),
        ("first thing new line second thing new line", "first thing\n second thing\n"),
    ],
)
def test_spoken_punctuation_becomes_marks(spoken: str, written: str) -> None:
    assert dictated_punctuation(spoken) == written


@pytest.mark.parametrize(
    "text",
    [
        "he held me for a period of ten minutes",
        "a comma shaped scar on his cheek",
        "Period. Comma.",
    ],
)
def test_a_lone_punctuation_word_is_left_alone(text: str) -> None:
    assert dictated_punctuation(text) == text


def test_a_dictated_report_reads_as_sentences() -> None:
    features = normalise_report(
        {
            "what_happened": "voice to text period randy the fake cop guy period he showed "
            "the badge again and said hed take me in period"
        }
    )
    assert features["names"] == "randy"
    assert "impersonating_police" in features["incident_types"]


@given(st.text())
def test_never_crashes_and_is_idempotent(text: str) -> None:
    once = dictated_punctuation(text)
    assert dictated_punctuation(once) == once

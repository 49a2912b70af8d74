"""A starred correction replaces the word autocorrect got wrong."""

from __future__ import annotations

import pytest

from analytics.extract import normalise_report
from analytics.extract.corrections import with_typing_corrections


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "a white Audio Q7 (Audi* ugh autocorrect) in the drop off",
            "a white Audi Q7 in the drop off",
        ),
        (
            "driver says hes Wave (Wade* stupid autocorrect). passenger",
            "driver says hes Wade. passenger",
        ),
        ("my ducking (f*cking) kids", "my ducking (f*cking) kids"),
        ("he said f*ck off (twice)", "he said f*ck off (twice)"),
    ],
)
def test_starred_correction(text: str, fixed: str) -> None:
    assert with_typing_corrections({"what_happened": text})["what_happened"] == fixed


def test_every_extractor_reads_the_corrected_word() -> None:
    features = normalise_report(
        {"what_happened": "he got out of a white Audio Q7 (Audi* ugh autocorrect) at the Empress"}
    )
    assert (features["vehicle_make"], features["vehicle_model"]) == ("Audi", "Q7")

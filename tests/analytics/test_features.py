"""The feature table's shared helpers."""

from __future__ import annotations

import pytest

from analytics.features import GUESSED_HARMS_NOTE, harm_note


@pytest.mark.parametrize(
    ("row", "note"),
    [
        ({"incident_types": "threats"}, ""),
        ({"incident_types": "threats", "incident_types_guessed": "yes"}, GUESSED_HARMS_NOTE),
        (
            {"incident_types": "stalking;threats", "incident_types_added": "stalking"},
            "stalking guessed from the wording",
        ),
        (
            {
                "incident_types": "physical_assault;non_payment",
                "incident_types_added": "non_payment;physical_assault",
                "incident_types_dropped": "time_waster",
            },
            "non payment and physical assault guessed from the wording, "
            "time waster dropped as unlikely from the wording",
        ),
        ({"incident_types": "harassment", "incident_types_dropped": None}, ""),
    ],
)
def test_harm_note_says_which_types_a_model_read(row: dict[str, object], note: str) -> None:
    assert harm_note(row) == note

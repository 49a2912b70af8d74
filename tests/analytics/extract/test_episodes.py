"""Reports telling of a fine date and a bad one: features come from the bad one."""

from __future__ import annotations

import pytest

from analytics.extract import normalise_report
from analytics.extract.episodes import bad_date_part

TWO_DATES = (
    "2 dates last night so this is about the 2nd one lol. first guy was a regular in a white "
    "truck, sweet as always, no notes. second guy picked me up on quadra n we parked at topaz "
    "park. he slapped me across the face twice when i said no kissing. little blue hatchback"
)


def test_the_bad_date_is_kept_and_the_fine_one_dropped() -> None:
    part = bad_date_part(TWO_DATES)
    assert part.startswith("second guy") and "white truck" not in part


def test_the_vehicle_is_the_bad_dates_vehicle() -> None:
    features = normalise_report({"what_happened": TWO_DATES})
    assert (features["vehicle_colour"], features["vehicle_body"]) == ("blue", "hatchback")


def test_a_bad_first_date_keeps_the_first_part() -> None:
    text = (
        "Two dates this week. The first one, a man in a grey Sienna, choked me at Clover Point. "
        "The second was my Tuesday regular in his green Volvo, a gentleman as always."
    )
    features = normalise_report({"what_happened": text})
    assert (features["vehicle_colour"], features["vehicle_make"]) == ("grey", "Toyota")


@pytest.mark.parametrize(
    "text",
    [
        "two guys in a white civic. first guy grabbed my arm, the other guy took my bag",
        "first guy no showed, second guy no showed too, what a night",
        "the second guy in the car was quiet, the driver punched me",
        "he drove a white truck, then switched to a blue civic, and punched me",
    ],
)
def test_without_one_fine_and_one_bad_date_the_whole_text_is_kept(text: str) -> None:
    assert bad_date_part(text) is text

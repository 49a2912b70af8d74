from __future__ import annotations

from dataclasses import replace

import pytest

from analytics.publish.redaction import (
    RedactionPolicy,
    RedactionPolicyError,
    default_policy,
    describe_aggressor,
    policy_from_toml,
    show_phone,
    show_place,
    show_plate,
    show_plates,
    show_vehicle,
)

DEFAULT = default_policy()
MASK3 = replace(DEFAULT, plate_masked_characters=3)
FULL = replace(DEFAULT, plate="full")
NO_PLATE = replace(DEFAULT, plate="none")
LAST = replace(DEFAULT, phone="last_digits")
NO_PHONE = replace(DEFAULT, phone="none")
TOWN = replace(DEFAULT, place="municipality")
NOWHERE = replace(DEFAULT, place="none")
NAMES = replace(DEFAULT, aggressor_names=True, aggressor_handles=True)
NO_MARKS = replace(DEFAULT, marks=False)


def test_the_shipped_policy_is_the_conservative_one() -> None:
    assert RedactionPolicy() == DEFAULT
    assert DEFAULT.plate == "masked" and DEFAULT.aggressor_names is False
    assert "incall" in DEFAULT.private_sectors


@pytest.mark.parametrize(
    ("policy", "phone", "shown"),
    [
        (DEFAULT, "+12505550134", "250-555-0134"),
        (DEFAULT, "2505550134", "250-555-0134"),
        (DEFAULT, "+447700900123", "+447700900123"),
        (LAST, "+12505550134", "ends in 0134"),
        (NO_PHONE, "+12505550134", ""),
        (DEFAULT, "", ""),
    ],
)
def test_phones(policy: RedactionPolicy, phone: str, shown: str) -> None:
    assert show_phone(phone, policy) == shown


@pytest.mark.parametrize(
    ("policy", "plate", "shown"),
    [
        (DEFAULT, "BV421K", "BV42**"),
        (DEFAULT, "bv4 21k", "BV42**"),
        (MASK3, "BV421K", "BV4***"),
        (DEFAULT, "KT8-???", "KT8***"),
        (DEFAULT, "TM339?", "TM33**"),
        (DEFAULT, "BV4*", "BV4*"),
        (DEFAULT, "??", ""),
        (FULL, "BV421K", "BV421K"),
        (NO_PLATE, "BV421K", ""),
        (DEFAULT, "", ""),
    ],
)
def test_plates(policy: RedactionPolicy, plate: str, shown: str) -> None:
    assert show_plate(plate, policy) == shown


def test_several_plates_in_one_cell() -> None:
    assert show_plates("BV421K;CRA2272;BV421K", DEFAULT) == ["BV42**", "CRA22**"]


@pytest.mark.parametrize(
    ("policy", "hood", "town", "sector", "shown"),
    [
        (DEFAULT, "Downtown", "Victoria", "street", "Downtown"),
        (DEFAULT, "Fernwood", "Victoria", "incall", "Victoria"),
        (DEFAULT, "Fernwood", "Victoria", "Massage", "Victoria"),
        (DEFAULT, "", "Langford", "", "Langford"),
        (TOWN, "Downtown", "Victoria", "street", "Victoria"),
        (NOWHERE, "Downtown", "Victoria", "street", ""),
    ],
)
def test_places_are_areas_and_private_sectors_show_the_town(
    policy: RedactionPolicy, hood: str, town: str, sector: str, shown: str
) -> None:
    assert show_place(hood, town, sector, policy) == shown


DESCRIBED = {
    "aggressor_sex": "male",
    "skin_or_ethnicity": "white",
    "age_low": "40",
    "age_high": "49",
    "height_cm_low": "180",
    "height_cm_high": "185",
    "build": "heavy",
    "hair": "grey short",
    "facial_hair": "grey goatee",
    "glasses": "yes",
    "marks": "tattoo:snake:left forearm;scar:left cheek",
    "names": "mike",
    "handles": "@bigmike250",
}


@pytest.mark.parametrize(
    ("policy", "row", "expected"),
    [
        (
            DEFAULT,
            DESCRIBED,
            "white man, 40s, about 6 ft (182 cm), heavy build, grey short hair, "
            "grey goatee, glasses, snake tattoo on left forearm, scar on left cheek",
        ),
        (
            NO_MARKS,
            {"aggressor_sex": "male", "marks": "tattoo:snake:left forearm"},
            "man",
        ),
        (
            NAMES,
            {"aggressor_sex": "male", "names": "mike;dave", "handles": "@bigmike250"},
            "man, calls himself Mike, Dave, online: @bigmike250",
        ),
        (DEFAULT, {"age_low": "45", "age_high": "45", "hair": "bald"}, "about 45, bald"),
        (DEFAULT, {}, ""),
    ],
)
def test_descriptions(policy: RedactionPolicy, row: dict[str, str], expected: str) -> None:
    assert describe_aggressor(row, policy) == expected


def test_names_and_handles_are_off_by_default() -> None:
    text = describe_aggressor(DESCRIBED, DEFAULT)
    assert "Mike" not in text and "mike" not in text and "bigmike" not in text


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            {
                "vehicle_colour": "silver",
                "vehicle_make": "Dodge",
                "vehicle_model": "Grand Caravan",
                "vehicle_body": "minivan",
            },
            "silver Dodge Grand Caravan (minivan)",
        ),
        ({"vehicle_colour": "black", "vehicle_body": "pickup"}, "black (pickup)"),
        ({"vehicle_body": "van"}, "van"),
        ({}, ""),
    ],
)
def test_vehicles(row: dict[str, str], expected: str) -> None:
    assert show_vehicle(row) == expected


GOOD = """
[phone]
show = "last_digits"
[plate]
show = "masked"
masked_characters = 3
[place]
level = "municipality"
private_sectors = ["Incall"]
[aggressor]
names = false
handles = false
marks = true
[alerts]
min_severity = 5
sender = "Alert"
closing = "Bye."
"""


def test_a_policy_file_is_read_into_a_frozen_object() -> None:
    policy = policy_from_toml(GOOD)
    assert policy.phone == "last_digits" and policy.plate_masked_characters == 3
    assert policy.private_sectors == frozenset({"incall"})
    with pytest.raises(AttributeError):
        policy.phone = "full"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('show = "last_digits"', 'show = "everything"'), "phone must be one of"),
        (("masked_characters = 3", "masked_characters = 0"), "masked_characters must be 1 to 7"),
        (("masked_characters = 3", 'masked_characters = "3"'), "must be a int"),
        (("min_severity = 5", "min_severity = 9"), "min_severity must be 1 to 5"),
        (("marks = true", "marks = true\nreporter_contact = true"), "unknown key aggressor."),
        (("[alerts]", "[reporter]\nshow = true\n[alerts]"), "unknown section [reporter]"),
        (("names = false\n", ""), "missing aggressor.names"),
        (("[phone]", "[phone"), "not valid TOML"),
    ],
)
def test_every_problem_in_a_policy_file_is_named(change: tuple[str, str], message: str) -> None:
    with pytest.raises(RedactionPolicyError, match=message.replace("[", r"\[")):
        policy_from_toml(GOOD.replace(*change))


def test_all_problems_are_reported_at_once() -> None:
    text = GOOD.replace('show = "masked"', 'show = "blur"').replace("min_severity = 5", "")
    with pytest.raises(RedactionPolicyError, match="2 problem") as error:
        policy_from_toml(text)
    assert "plate must be one of" in str(error.value)
    assert "missing alerts.min_severity" in str(error.value)

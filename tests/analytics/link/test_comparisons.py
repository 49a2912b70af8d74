"""Each comparison on real-looking pairs: values → level and the label a co-ordinator reads."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.features import FEATURE_COLUMNS
from analytics.link.comparisons import (
    AgeAndHeightFit,
    CloseInTime,
    Comparison,
    NearInSpaceAndTime,
    PlateFits,
    Prepared,
    SameHandle,
    SameHarmPattern,
    SameName,
    SamePhone,
    SharedMarks,
    SimilarDescription,
    SimilarVehicle,
)
from analytics.link.comparisons.people import handles_alike, names_alike
from analytics.link.prepare import prepare


def _prepared(
    a: dict[str, str],
    b: dict[str, str],
    background: list[dict[str, str]] = (),  # type: ignore[assignment]
) -> Prepared:
    """Reports A and B (rows 0 and 1) among ``background`` reports."""
    rows = [dict.fromkeys(FEATURE_COLUMNS, "") for _ in range(2 + len(background))]
    rows[0].update(report_id="A", **a)
    rows[1].update(report_id="B", **b)
    for i, extra in enumerate(background):
        rows[2 + i].update(report_id=f"X{i}", **extra)
    return Prepared(prepare(pd.DataFrame(rows)))


_PAIR = (np.array([0]), np.array([1]))


def _level_and_label(
    comparison: Comparison,
    a: dict[str, str],
    b: dict[str, str],
    background: list[dict[str, str]] = (),  # type: ignore[assignment]
) -> tuple[str, str]:
    prepared = _prepared(a, b, background)
    level = comparison.compare(prepared, *_PAIR)
    label = comparison.explain(prepared, *_PAIR, level)[0]
    return comparison.levels[int(level[0])].name, label


def _share(
    comparison: Comparison,
    a: dict[str, str],
    b: dict[str, str],
    background: list[dict[str, str]],
    levels: tuple[str, ...],
) -> float:
    """The term frequency of what A and B share, after checking they meet at one of ``levels``."""
    prepared = _prepared(a, b, background)
    found = comparison.compare(prepared, *_PAIR)
    assert comparison.levels[int(found[0])].name in levels
    return float(comparison.term_frequency(prepared, *_PAIR, found)[0])


CASES = [
    (
        SamePhone(),
        {"phones": "+12505550134"},
        {"phones": "+17785550101;+12505550134"},
        "same",
        "same phone +1 250-555-0134",
    ),
    (
        SamePhone(),
        {"phones": "+12505550134"},
        {"phone_fragments": "0134"},
        "fragment",
        "phone fragment 0134 fits",
    ),
    (
        SamePhone(),
        {"phone_fragments": "5550134"},
        {"phones": "+16045550134"},
        "fragment",
        "phone fragment 5550134 fits",
    ),
    (
        SamePhone(),
        {"phones": "+12505550134"},
        {"phones": "+12505550177"},
        "different",
        "different phones: +1 250-555-0134 vs +1 250-555-0177",
    ),
    (SamePhone(), {"phones": "+12505550134"}, {}, "null", "a phone number in only one report"),
    (PlateFits(), {"plate": "BV421K"}, {"plate": "BV421K"}, "same", "same plate BV4 21K"),
    (PlateFits(), {"plate": "BV421K"}, {"plate": "BV42?K"}, "fits", "plate BV4 21K fits BV4 2?K"),
    (
        PlateFits(),
        {"plate": "BV421K"},
        {"plate": "8V421K"},
        "misread",
        "plate BV4 21K ≈ 8V4 21K (B/8)",
    ),
    (
        PlateFits(),
        {"plate": "BV421K"},
        {"plate": "BV4Z1K"},
        "misread",
        "plate BV4 21K ≈ BV4 Z1K (2/Z)",
    ),
    (
        PlateFits(),
        {"plate": "BV421K"},
        {"plate": "BV412K"},
        "misread",
        "plate BV4 21K ≈ BV4 12K (two characters swapped)",
    ),
    (
        PlateFits(),
        {"plate": "BV421K"},
        {"plate": "BV4*"},
        "partial",
        "partial plate BV4 21K fits BV4*",
    ),
    (
        PlateFits(),
        {"plate": "*21K"},
        {"plate": "BV421K"},
        "partial",
        "partial plate *21K fits BV4 21K",
    ),
    (
        PlateFits(),
        {"plate": "BV421K"},
        {"plate": "BV431K"},
        "one_off",
        "plate BV4 21K is one character off BV4 31K",
    ),
    (
        PlateFits(),
        {"plate": "BV421K"},
        {"plate": "KT8112"},
        "different",
        "different plates: BV4 21K vs KT8 112",
    ),
    (PlateFits(), {"plate": "BV4*"}, {"plate": "*21K"}, "null", "a plate in only one report"),
    (
        SimilarVehicle(),
        {
            "vehicle_colour": "grey",
            "vehicle_make": "Dodge",
            "vehicle_model": "Caravan",
            "vehicle_body": "minivan",
        },
        {
            "vehicle_colour": "silver",
            "vehicle_make": "Dodge",
            "vehicle_model": "Grand Caravan",
            "vehicle_body": "minivan",
        },
        "near",
        "grey Dodge Caravan minivan ≈ silver Dodge Grand Caravan minivan",
    ),
    (
        SimilarVehicle(),
        {"vehicle_colour": "white", "vehicle_make": "Honda", "vehicle_model": "Civic"},
        {"vehicle_colour": "white", "vehicle_make": "Honda", "vehicle_model": "Civic"},
        "same",
        "same vehicle: white Honda Civic",
    ),
    (
        SimilarVehicle(),
        {"vehicle_colour": "red", "vehicle_make": "Honda", "vehicle_model": "Civic"},
        {"vehicle_colour": "blue", "vehicle_make": "Honda", "vehicle_model": "Civic"},
        "model_colour_differs",
        "same model, colours differ: red Honda Civic vs blue Honda Civic",
    ),
    (
        SimilarVehicle(),
        {"vehicle_colour": "grey", "vehicle_body": "minivan"},
        {"vehicle_colour": "silver", "vehicle_make": "Dodge", "vehicle_body": "minivan"},
        "similar",
        "similar vehicle: grey minivan ≈ silver Dodge minivan",
    ),
    (
        SimilarVehicle(),
        {"vehicle_make": "Ford", "vehicle_model": "F-150"},
        {"vehicle_make": "Toyota", "vehicle_model": "Tacoma"},
        "different",
        "different vehicles: Ford F-150 vs Toyota Tacoma",
    ),
    (
        SharedMarks(),
        {"marks": "snake tattoo left forearm"},
        {"marks": "snake tattoo left forearm"},
        "same",
        "both: snake tattoo left forearm",
    ),
    (
        SharedMarks(),
        {"marks": "snake tattoo left forearm"},
        {"marks": "scar on chin"},
        "different",
        "different marks: snake tattoo left forearm vs scar on chin",
    ),
    (
        SimilarDescription(),
        {"aggressor_sex": "man", "build": "heavy", "hair": "bald", "facial_hair": "grey goatee"},
        {"aggressor_sex": "man", "build": "heavy", "hair": "bald", "facial_hair": "grey goatee"},
        "same",
        "same description: man heavy bald grey goatee",
    ),
    (
        SimilarDescription(),
        {"aggressor_sex": "man", "build": "heavy"},
        {"aggressor_sex": "woman", "build": "heavy"},
        "different",
        "described differently: man heavy vs woman heavy",
    ),
    (
        AgeAndHeightFit(),
        {"age_low": "40", "age_high": "50", "height_cm_low": "180", "height_cm_high": "185"},
        {"age_low": "45", "age_high": "45", "height_cm_low": "183", "height_cm_high": "183"},
        "both_fit",
        "age and height fit: age 40-50 / 45, height 180-185 cm / 183 cm",
    ),
    (
        AgeAndHeightFit(),
        {"age_low": "20", "age_high": "25"},
        {"age_low": "55", "age_high": "60"},
        "clash",
        "age or height differ: age 20-25 / 55-60, height  / ",
    ),
    (SameName(), {"names": "mike;dave"}, {"names": "dave"}, "same", "same name Dave"),
    (SameName(), {"names": "rick"}, {"names": "ricky"}, "similar", "name Rick ≈ Ricky"),
    (SameName(), {"names": "ty"}, {"names": "tyler"}, "similar", "name Ty ≈ Tyler"),
    (SameName(), {"names": "bill"}, {"names": "william"}, "similar", "name Bill ≈ William"),
    (
        SameName(),
        {"names": "rick"},
        {"names": "trevor"},
        "different",
        "different names: Rick vs Trevor",
    ),
    (
        SameHandle(),
        {"handles": "@bigmike250"},
        {"handles": "@bigmike250"},
        "same",
        "same handle @bigmike250",
    ),
    (
        SameHandle(),
        {"handles": "@bigmike250"},
        {"handles": "@bigmike25"},
        "similar",
        "handle @bigmike250 ≈ @bigmike25",
    ),
    (
        SameHandle(),
        {"handles": "vic_buyer88"},
        {"handles": "buyer88@example.com"},
        "similar",
        "handle vic_buyer88 ≈ buyer88@example.com",
    ),
    (
        SameHandle(),
        {"handles": "daddy_d_vic"},
        {"handles": "daddyron_bc"},
        "different",
        "different handles: daddy_d_vic vs daddyron_bc",
    ),
    (
        SameHarmPattern(),
        {"incident_types": "strangulation;robbery"},
        {"incident_types": "strangulation"},
        "common_shared",
        "both: strangulation",
    ),
    (
        SameHarmPattern(),
        {"incident_types": "time_waster"},
        {"incident_types": "robbery"},
        "null",
        "no kind of harm in common (or harms told in only one report)",
    ),
    (
        NearInSpaceAndTime(),
        {"neighbourhood": "Burnside Gorge", "incident_date": "2026-03-02"},
        {"neighbourhood": "Burnside Gorge", "incident_date": "2026-03-20"},
        "near_soon",
        "same area: Burnside Gorge, 18 days apart",
    ),
    (
        NearInSpaceAndTime(),
        {"lat": "48.43", "lon": "-123.37"},
        {"lat": "48.45", "lon": "-123.51"},
        "far",
        "far apart:  / \u0020(10.6 km apart)",
    ),
    (
        CloseInTime(),
        {"incident_date": "2026-03-02"},
        {"incident_date": "2026-03-20"},
        "within_month",
        "close in time: 18 days apart",
    ),
    (
        CloseInTime(),
        {"incident_date": "2026-03", "received_at": "2026-04-02T10:00"},
        {"received_at": "2026-07-01T22:15"},
        "within_season",
        "within four months: 108 days apart",
    ),
    (
        CloseInTime(),
        {"received_at": "2026-01-10T12:00"},
        {"incident_date": "2025-01-01", "received_at": "2025-01-20T09:00"},
        "years_apart",
        "far apart in time: 374 days apart",
    ),
]


@pytest.mark.parametrize(
    ("comparison", "a", "b", "level", "label"),
    CASES,
    ids=[f"{case[0].name}-{case[3]}-{i}" for i, case in enumerate(CASES)],
)
def test_level_and_label(
    comparison: Comparison, a: dict[str, str], b: dict[str, str], level: str, label: str
) -> None:
    assert _level_and_label(comparison, a, b) == (level, label)


@pytest.mark.parametrize(
    "comparison",
    [case[0] for case in CASES[:1]]
    + [
        PlateFits(),
        SimilarVehicle(),
        SharedMarks(),
        SimilarDescription(),
        AgeAndHeightFit(),
        SameName(),
        SameHandle(),
        SameHarmPattern(),
        NearInSpaceAndTime(),
        CloseInTime(),
    ],
)
def test_blank_reports_are_not_comparable(comparison: Comparison) -> None:
    assert _level_and_label(comparison, {}, {})[0] == "null"


def test_redacted_labels_name_no_values() -> None:
    redacted = SamePhone().redacted(np.array([1, 3]))
    assert list(redacted) == ["same phone number", "different phone numbers"]


def test_a_rare_harm_in_common_counts_more_than_a_common_one() -> None:
    background = [{"incident_types": "robbery"}] * 30 + [{"incident_types": "non_payment"}] * 30
    both = {"incident_types": "strangulation;robbery"}
    assert _level_and_label(
        SameHarmPattern(), both, {"incident_types": "strangulation"}, background
    ) == ("rare_shared", "both: strangulation")
    assert _level_and_label(SameHarmPattern(), both, {"incident_types": "robbery"}, background) == (
        "common_shared",
        "both: robbery",
    )


def _fragment_share(fragment: str, background: list[dict[str, str]]) -> float:
    a, b = {"phones": "+12505550134"}, {"phone_fragments": fragment}
    return _share(SamePhone(), a, b, background, ("fragment",))


def test_a_fragment_that_fits_many_numbers_is_common_and_repeats_do_not_count() -> None:
    others = [{"phones": f"+1{area}5550134"} for area in (236, 604, 778)]
    repeats = [{"phones": "+12505550134"}] * 20
    fillers = [{"phones": f"+1604555{number:04d}"} for number in range(101, 117)]
    assert _fragment_share("0134", others + fillers) == pytest.approx(4 / 20)
    assert _fragment_share("2505550134", others + fillers) == pytest.approx(1 / 20)
    assert _fragment_share("0134", others + fillers + repeats) == pytest.approx(4 / 20)


@pytest.mark.parametrize(
    ("left", "right", "alike"),
    [
        ("ty", "tyler", True),
        ("wesley", "wes", True),
        ("bill", "william", True),
        ("mike;dave", "michael", True),
        ("brendan", "brendan halloway", True),
        ("devon h.", "dev", True),
        ("mike", "mark", False),
        ("j", "jay", False),
        ("rob", "tyler", False),
    ],
)
def test_a_short_and_a_long_form_of_one_name(left: str, right: str, alike: bool) -> None:
    assert names_alike(left, right) is alike


@pytest.mark.parametrize(
    ("left", "right", "alike"),
    [
        ("discreet_ob", "ob_discreet2", True),
        ("stefan_travels", "stef_an_yvr", True),
        ("tidewatcher_89", "tidewatcher88", True),
        ("rick.vic", "rick_vic_top", True),
        ("compass_man", "rick_vic_top", False),
        ("daddy_d_vic", "daddyron_bc", False),
        ("real_vic_gent", "vic_real_gent_2", False),
        ("discreet_ob", "ob_discreet", True),
        ("vic_gent", "yyj_gent", False),
    ],
)
def test_handles_a_man_keeps_across_new_accounts(left: str, right: str, alike: bool) -> None:
    assert handles_alike(left, right) is alike


def _marks_share(left: str, right: str, background: list[str]) -> float:
    others = [{"marks": marks} for marks in background]
    levels = ("same", "similar", "some")
    return _share(SharedMarks(), {"marks": left}, {"marks": right}, others, levels)


def test_a_rare_tattoo_in_common_is_rarer_than_a_common_one() -> None:
    background = ["tattoo:neck"] * 30 + ["scar:chin"] * 10 + ["tattoo:snake:left forearm"]
    snake = _marks_share("tattoo:snake:left forearm", "tattoo:snake:left forearm", background)
    neck = _marks_share("tattoo:neck", "tattoo:neck", background)
    assert snake == pytest.approx(3 / 43)
    assert neck == pytest.approx(32 / 43)
    assert snake < neck


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("tattoo:hand", "tattoo:teardrop", "different"),
        ("tattoo:compass:left forearm", "tattoo:snake", "different"),
        ("scar:chin", "scar:back of his right hand", "different"),
        ("tattoo:wrist", "tattoo:compass", "some"),
        ("tattoo", "tattoo:compass:left wrist", "some"),
        ("tattoo:snake;scar:cheek", "tattoo:eagle;scar", "some"),
    ],
)
def test_two_tattoos_that_cannot_be_one_are_different_marks(
    left: str, right: str, level: str
) -> None:
    background = [{"marks": "piercing:lip"}, {"marks": "birthmark:neck"}] * 5
    found = _level_and_label(SharedMarks(), {"marks": left}, {"marks": right}, background)[0]
    assert found == level or (level == "some" and found in ("same", "similar", "some"))


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ({"vehicle_colour": "gold", "vehicle_body": "van"},
         {"vehicle_colour": "gold", "vehicle_make": "Toyota", "vehicle_model": "Sienna",
          "vehicle_body": "minivan"}, "similar"),
        ({"vehicle_colour": "green", "vehicle_body": "SUV"},
         {"vehicle_colour": "green", "vehicle_make": "Subaru", "vehicle_body": "wagon"}, "similar"),
        ({"vehicle_colour": "red", "vehicle_body": "pickup"},
         {"vehicle_colour": "red", "vehicle_body": "minivan"}, "different"),
    ],
)  # fmt: skip
def test_a_van_and_a_minivan_are_one_kind_of_vehicle(
    a: dict[str, str], b: dict[str, str], level: str
) -> None:
    assert _level_and_label(SimilarVehicle(), a, b)[0] == level


def _vehicle_share(left: dict[str, str], right: dict[str, str], background: list[dict]) -> float:
    return _share(SimilarVehicle(), left, right, background, ("similar",))


def test_a_rare_kind_of_vehicle_in_common_is_rarer_than_a_common_one() -> None:
    pickups = [{"vehicle_colour": "black", "vehicle_body": "pickup"}] * 20
    gold_van = {"vehicle_colour": "gold", "vehicle_body": "van"}
    black_pickup = {"vehicle_colour": "black", "vehicle_body": "pickup"}
    gold = _vehicle_share(gold_van, gold_van | {"vehicle_make": "Ford"}, pickups)
    black = _vehicle_share(black_pickup, black_pickup | {"vehicle_make": "Ford"}, pickups)
    assert gold < black


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ({"aggressor_sex": "male"}, {"aggressor_sex": "male", "hair": "red", "build": "tall"},
         "null"),
        ({"aggressor_sex": "male", "build": "heavy"}, {"aggressor_sex": "male", "build": "slim",
          "hair": "blond"}, "different"),
        ({"aggressor_sex": "female"}, {"aggressor_sex": "male", "hair": "red"}, "different"),
    ],
)  # fmt: skip
def test_his_sex_alone_is_no_description_to_differ_from(
    a: dict[str, str], b: dict[str, str], level: str
) -> None:
    assert _level_and_label(SimilarDescription(), a, b)[0] == level

"""Description extractor: real-looking phrasings, traps, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.extract.description import age_range, extract, extract_description, height_range
from analytics.features import FEATURE_COLUMNS

AGES = [
    ("40s", (40, 49)),
    ("in his 40s", (40, 49)),
    ("mid 30s", (33, 37)),
    ("mid-30's", (33, 37)),
    ("early 40s", (40, 43)),
    ("late 20s", (27, 29)),
    ("about 50", (47, 53)),
    ("maybe 55", (52, 58)),
    ("~65", (62, 68)),
    ("50ish", (47, 53)),
    ("late 20s-early 30s", (27, 33)),
    ("late 20s to early 30s", (27, 33)),
    ("45 years old", (45, 45)),
    ("45yo", (45, 45)),
    ("45-50 yrs", (45, 50)),
    ("says he's 35, blond", (35, 35)),
    ("forties", (40, 49)),
    ("mid fifties", (53, 57)),
    ("older guy", None),
    ("young", None),
    ("paid 40 bucks", None),
    ("waited about 20 minutes", None),
    ("gave him $60s", None),
    ("sent about 30 texts over the weekend", None),
    ("buzzed our unit like 20 times", None),
    ("about 20 hrs a week of chores. He's 55ish, long grey hair", (52, 58)),
    ("J (20ish, new to us) ... calls himself Skip. 70ish, white beard", (67, 73)),
    ("a girl, maybe 18, came up the dock crying", None),
    ("drives an old red Ford F-150, 90s, white stripe", None),
    ("in his 90s", (90, 99)),
    ("the manager, she's about 55, very slim", (52, 58)),
    ("this was a kid, like 20, no tattoos", (17, 23)),
    ("came by like 12ish n asked me, white guy like 25", (22, 28)),
]


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_age(text: str, expected: tuple[int, int] | None) -> None:
    assert age_range(text) == expected


def test_bare_age_only_in_a_description() -> None:
    assert age_range("white, 45, 5'9", bare=True) == (45, 45)
    assert age_range("white, 45, 5'9") is None


HEIGHTS = [
    ("6ft", (180, 185)),
    ("6'", (180, 185)),
    ("six foot", (180, 185)),
    ("5'10", (176, 180)),
    ("5'10\"", (176, 180)),
    ("5 ft 10", (176, 180)),
    ("5 foot 8", (171, 175)),
    ("6'2", (186, 190)),
    ("WM 6'0 200lbs", (180, 185)),
    ("180cm", (178, 182)),
    ("1.80m", (178, 182)),
    ("5'8-5'10", (171, 180)),
    ("tall", None),
    ("short", None),
    ("6 ft 2 and heavy", (186, 190)),
    ("paid $60", None),
    ("she was 5-10 minutes late", None),
]


@pytest.mark.parametrize(("text", "expected"), HEIGHTS)
def test_height(text: str, expected: tuple[int, int] | None) -> None:
    assert height_range(text) == expected


DESCRIPTIONS = [
    (
        "white guy 40s, 6ft, heavy, grey goatee, snake tattoo left forearm",
        {
            "aggressor_sex": "male",
            "age_low": "40",
            "age_high": "49",
            "height_cm_low": "180",
            "height_cm_high": "185",
            "build": "heavy",
            "skin_or_ethnicity": "white",
            "facial_hair": "grey goatee",
            "marks": "tattoo:snake:left forearm",
        },
    ),
    (
        "mid 30s, 5'10, slim, short brown hair, glasses",
        {"build": "slim", "hair": "brown short", "glasses": "yes", "aggressor_sex": ""},
    ),
    (
        "about 50, bald, scar on his left cheek, clean shaven",
        {"hair": "bald", "facial_hair": "clean-shaven", "marks": "scar:left cheek"},
    ),
    (
        "Indigenous male, 5 ft 8, stocky, long black hair in a ponytail, tattoos on both arms",
        {
            "skin_or_ethnicity": "indigenous",
            "build": "stocky",
            "hair": "black long ponytail",
            "marks": "tattoo:both arms",
        },
    ),
    (
        "south asian, 6'2\", beard, no glasses",
        {"skin_or_ethnicity": "south asian", "facial_hair": "beard", "glasses": "no"},
    ),
    (
        "white, 45, 5'9, skinny, brown mustache, tattoo of a skull on his neck",
        {
            "skin_or_ethnicity": "white",
            "age_low": "45",
            "facial_hair": "brown moustache",
            "marks": "tattoo:skull:neck",
        },
    ),
    ("AGG: WM 50s bald hvy", {"aggressor_sex": "male", "skin_or_ethnicity": "white",
                              "build": "heavy", "hair": "bald"}),
    ("older guy, tall, grey hair", {"age_low": "", "height_cm_low": "", "hair": "grey"}),
    ("woman, 30s, red hair", {"aggressor_sex": "female", "hair": "red"}),
    ("trans woman, blonde wig", {"aggressor_sex": "other"}),
    ("nose ring, gold teeth", {"marks": "piercing:nose;tooth:gold"}),
    ("black man with dreads", {"skin_or_ethnicity": "black", "hair": "dreadlocks"}),
    ("average build, salt and pepper hair", {"build": "average", "hair": "salt and pepper"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DESCRIPTIONS)
def test_description(text: str, expected: dict[str, str]) -> None:
    found = extract_description(text)
    assert {k: found[k] for k in expected} == expected


def test_narrative_tattoo() -> None:
    found = extract_description("", "he had a snake tattoo on his left forearm. maybe 45")
    assert found["marks"] == "tattoo:snake:left forearm"
    assert (found["age_low"], found["age_high"]) == ("42", "48")
    assert found["aggressor_sex"] == "male"


@pytest.mark.parametrize(
    ("narrative", "marks"),
    [
        ("I seen him around before too. Spiderweb on his elbow.", "tattoo:spiderweb:elbow"),
        ("he had a teardrop under his eye", "tattoo:teardrop:eye"),
        ("gold upper tooth, spiderweb tattoo left elbow", "tattoo:spiderweb:left elbow;tooth:gold"),
        ("Same compass tattoo as the guy on the sheet", "tattoo:compass"),
        ("caught my coat in a spider web on the fence", ""),
        ("missing a front tooth, scar on his chin", "scar:chin;tooth:missing"),
    ],
)
def test_marks_told_many_ways(narrative: str, marks: str) -> None:
    found = extract_description("", narrative)["marks"]
    assert sorted(filter(None, found.split(";"))) == sorted(filter(None, marks.split(";")))


@pytest.mark.parametrize(
    ("narrative", "marks"),
    [
        ("old guy w the cane beat D last nite", "cane"),
        ("Orrin (cane guy) is out of the motel", "cane"),
        ("he swung the cane at her like a bat", "cane"),
        ("wm 60s, walking stick, army jacket", "cane"),
        ("older, walks with a slight limp on the right leg", "limp"),
        ("limps on the right leg, blue canada goose", "limp"),
        ("missing two fingers on his left hand", "finger:missing"),
        ("the guy in the wheelchair at the bus loop", "wheelchair"),
        ("he had a glass eye", "glass eye"),
        ("she was limping after he shoved her", ""),
        ("i'm limping still, dark blue chevy", ""),
        ("my kookum would've chased him with her cane", ""),
        ("this is not the ray with the cane on your list", ""),
        ("this client was 40s, no cane, very fit", ""),
        ("he was limp the whole time lol", ""),
        ("he has a limp dick and blamed me", ""),
        ("a grand caravan with a wheelchair sticker", ""),
        ("guy in a wheelchair van", ""),
        ("candy cane air freshener on the mirror", ""),
    ],
)
def test_what_marks_him_besides_tattoos(narrative: str, marks: str) -> None:
    assert extract_description("", narrative)["marks"] == marks


TRAPS = [
    ("", "he drove a white truck and a black hoodie", "skin_or_ethnicity", ""),
    ("", "white civic, plate ends 88K", "skin_or_ethnicity", ""),
    ("", "tall guy, grey minivan", "height_cm_low", ""),
    ("", "paid 60 for 30 min", "age_low", ""),
    ("", "Reporter is a trans man. The client, a cis man, refused to pay", "aggressor_sex", "male"),
    ("", "grey van, plate DX7", "hair", ""),
    ("", "he wore sunglasses", "glasses", "yes"),
    ("no glasses, clean shaven", "", "glasses", "no"),
    ("", "the ring camera caught him", "marks", ""),
    ("clean shaven, no visible scars or tattoos", "", "marks", ""),
    ("", "calls asking for the blonde from douglas", "hair", ""),
    ("blond guy, 20s", "", "hair", "blonde"),
    ("", "he pulled my long hair and slapped me", "hair", ""),
    ("", "he grabbed her tattoo and laughed", "marks", ""),
]


@pytest.mark.parametrize(("description", "narrative", "field", "expected"), TRAPS)
def test_traps(description: str, narrative: str, field: str, expected: str) -> None:
    assert extract_description(description, narrative)[field] == expected


def test_report_keys_are_feature_columns() -> None:
    found = extract({"aggressor_description": "white guy 40s", "what_happened": "he hit me"})
    assert set(found) <= set(FEATURE_COLUMNS)


@given(st.text(), st.text())
@settings(max_examples=300, deadline=None)
def test_never_crashes_on_any_unicode(description: str, narrative: str) -> None:
    found = extract_description(description, narrative)
    assert all(isinstance(v, str) for v in found.values())
    for low, high in (("age_low", "age_high"), ("height_cm_low", "height_cm_high")):
        assert (found[low] == "") == (found[high] == "")
        if found[low]:
            assert int(found[low]) <= int(found[high])
    assert found["glasses"] in {"", "yes", "no"}


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_ranges_are_idempotent(text: str) -> None:
    age = age_range(text)
    if age is not None:
        low, high = age
        assert age_range(f"{low}-{high} years") == (low, high) or low == high
    height = height_range(text)
    if height is not None:
        assert height[0] < height[1]


def test_description_and_narrative_disagreeing_are_both_kept() -> None:
    found = extract(
        {"aggressor_description": "white guy 40s", "what_happened": "native guy, maybe 55"}
    )
    assert (found["age_low"], found["age_high"], found["skin_or_ethnicity"]) == (
        "40",
        "49",
        "white",
    )
    assert "age: description=40-49, text=52-58" in found["conflicts"]
    assert "skin_or_ethnicity: description=white, text=indigenous" in found["conflicts"]


def test_no_conflict_when_they_agree() -> None:
    found = extract({"aggressor_description": "white guy 40s", "what_happened": "about 45"})
    assert "conflicts" not in found


@given(st.fixed_dictionaries({"aggressor_description": st.text(), "what_happened": st.text()}))
@settings(max_examples=150, deadline=None)
def test_report_never_crashes_and_keys_are_features(report: dict[str, str]) -> None:
    assert set(extract(report)) <= set(FEATURE_COLUMNS)


@pytest.mark.parametrize(
    ("narrative", "ages"),
    [
        ("Pt (SW, 30s) reports street preacher followed her along Pandora", ("", "")),
        ("Participant (40s, works the Duncan area) reports: a man picked her up", ("", "")),
        ("Caller, 50s, quite shaken. The so-called officer pulled up", ("", "")),
        ("Hi, I'm Bev, I'm 59 and I work out of Nanaimo. He was big.", ("", "")),
        ("pt (SW, 30s) in at 1600. male punched her, male 50s", ("50", "59")),
        ("pt says male 40s, beard", ("40", "49")),
        ("she's 43. he looked about 60", ("57", "63")),
    ],
)
def test_the_reporters_own_age_is_not_the_aggressors(narrative: str, ages: tuple[str, str]) -> None:
    result = extract_description("", narrative)
    assert (result["age_low"], result["age_high"]) == ages


def test_a_tattoo_takes_no_words_from_the_line_before() -> None:
    text = "round glasses thin metal.\ntattoo inside right arm - bird, long legs, long neck."
    assert extract_description("", text)["marks"] == "tattoo:right arm"


@pytest.mark.parametrize(
    ("description", "marks"),
    [
        ("47 yrs old avg build ponytail full sleeve right arm", "tattoo:sleeve:right arm"),
        (
            "man, in his 50s, half sleeve on his left arm, birth mark on neck",
            "tattoo:sleeve:left arm;birthmark:neck",
        ),
        ("he wore long sleeves on his arms", ""),
        (
            "brown skinned dude big belly brn goattee cross tattoo hand wire glasses",
            "tattoo:cross:hand",
        ),
        ("WM maybe 35 5'8 avg build tats on neck", "tattoo:neck"),
        ("white dude early 20s knuckle tattoos", "tattoo:knuckle"),
        ("41 teardrop tat", "tattoo:teardrop"),
        ("full sleeve tattoo right arm", "tattoo:sleeve:right arm"),
    ],
)
def test_marks_in_run_on_descriptions(description: str, marks: str) -> None:
    assert extract_description(description)["marks"] == marks

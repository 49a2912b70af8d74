"""Vehicle extractor: real-looking phrasings, traps, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.extract.vehicles import canonical_colour, extract, extract_vehicle
from analytics.features import FEATURE_COLUMNS
from analytics.vocabulary import VEHICLE_COLOURS

FIELDS = ("vehicle_colour", "vehicle_make", "vehicle_model", "vehicle_body")


def _four(found: dict[str, str]) -> tuple[str, str, str, str]:
    return tuple(found[f] for f in FIELDS)  # type: ignore[return-value]


VEHICLE_COLUMN = [
    ("silver dodge caravan", ("silver", "Dodge", "Grand Caravan", "minivan")),
    ("blk F150 w/ canopy", ("black", "Ford", "F-150", "pickup")),
    ("older grey minivan", ("grey", "", "", "minivan")),
    ("Gray Nissan Rouge", ("grey", "Nissan", "Rogue", "SUV")),
    ("grey silverdo", ("grey", "Chevrolet", "Silverado", "pickup")),
    ("Chevy Silverado, black", ("black", "Chevrolet", "Silverado", "pickup")),
    ("Mazda 3 hatchback, dark blue", ("blue", "Mazda", "Mazda3", "hatchback")),
    ("white ram 1500", ("white", "Dodge", "Ram", "pickup")),
    ("dodge ram", ("", "Dodge", "Ram", "pickup")),
    ("F-150", ("", "Ford", "F-150", "pickup")),
    ("f 150 lifted", ("", "Ford", "F-150", "pickup")),
    ("merc c class", ("", "Mercedes-Benz", "C-Class", "sedan")),
    ("smart car", ("", "Smart", "Fortwo", "coupe")),
    ("mini cooper red", ("red", "Mini", "Cooper", "hatchback")),
    ("VW Golf", ("", "Volkswagen", "Golf", "hatchback")),
    ("CRV silver", ("silver", "Honda", "CR-V", "SUV")),
    ("rav 4", ("", "Toyota", "RAV4", "SUV")),
    ("maroon toyota carolla", ("red", "Toyota", "Corolla", "sedan")),
    ("navy blue hyundai elentra 4 door", ("blue", "Hyundai", "Elantra", "sedan")),
    ("charcoal grey odyssey", ("grey", "Honda", "Odyssey", "minivan")),
    ("champagne colored camry", ("beige", "Toyota", "Camry", "sedan")),
    ("white work van", ("white", "", "", "van")),
    ("he drives a white work truck w a ladder rack", ("white", "", "", "pickup")),
    ("his grey company truck", ("grey", "", "", "pickup")),
    ("old red farm truck", ("red", "", "", "pickup")),
    ("a white flatdeck dually with the plow mount", ("white", "", "", "pickup")),
    ("Man in a green crew cab truck with Tallyho Timber on the doors", ("green", "", "", "pickup")),
    ("that otterpup_vw guy from grindr did it again", ("", "", "", "")),
    (
        "white vw golf, he emails from jetta_fan@example.com",
        ("white", "Volkswagen", "Golf", "hatchback"),
    ),
    ("silver", ("silver", "", "", "")),
    ("escort", ("", "", "", "")),
    ("ford escort", ("", "Ford", "Escort", "sedan")),
    ("black truck w/ white canopy", ("black", "", "", "pickup")),
    ("unknown", ("", "", "", "")),
    ("white ram truck", ("white", "Dodge", "Ram", "pickup")),
    ("Lexus RX350", ("", "Lexus", "RX", "SUV")),
    ("Kia Forte5 grey", ("grey", "Kia", "Forte", "sedan")),
    ("Jeep TJ", ("", "Jeep", "Wrangler", "SUV")),
    ("nissan 350z", ("", "Nissan", "350Z", "coupe")),
    ("silver VW jetta wagon", ("silver", "Volkswagen", "Jetta", "wagon")),
    ("white cube van, company name on side", ("white", "", "", "van")),
    ("veh silv toyota corolla newer", ("silver", "Toyota", "Corolla", "sedan")),
    ("silver chrysler town and country", ("silver", "Chrysler", "Town & Country", "minivan")),
    ("teal jeep liberty", ("blue", "Jeep", "Liberty", "SUV")),
    ("bronze nissan murano", ("brown", "Nissan", "Murano", "SUV")),
    ("blue Blazer", ("blue", "Chevrolet", "Blazer", "SUV")),
]


@pytest.mark.parametrize(("text", "expected"), VEHICLE_COLUMN)
def test_vehicle_column(text: str, expected: tuple[str, str, str, str]) -> None:
    assert _four(extract_vehicle(text, in_vehicle_column=True)) == expected


NARRATIVE = [
    (
        "picked me up on Bay st in a grey honda civic, drove to a lot",
        ("grey", "Honda", "Civic", "sedan"),
    ),
    ("white guy, grey hair, drove a red corola", ("red", "Toyota", "Corolla", "sedan")),
    ("drove a black pick up truck, older Ford", ("black", "Ford", "", "pickup")),
    ("Same guy in the silver Toyota pickup again", ("silver", "Toyota", "", "pickup")),
    ("dark red Toyota truck, canopy", ("red", "Toyota", "", "pickup")),
    ("blue mazda three plate c r n two something", ("blue", "Mazda", "Mazda3", "hatchback")),
    ("got into his car, a blue toyota camery", ("blue", "Toyota", "Camry", "sedan")),
    ("he was driving a white escape", ("white", "Ford", "Escape", "SUV")),
    ("the car was silver, a jetta i think", ("silver", "Volkswagen", "Jetta", "sedan")),
    (
        "He drove a 2008 Hyundai Elantra, white, tinted windows",
        ("white", "Hyundai", "Elantra", "sedan"),
    ),
    ("It was a black SUV, maybe a tahoe", ("black", "Chevrolet", "Tahoe", "SUV")),
    ("black BMW X5 again at the lights", ("black", "BMW", "X5", "SUV")),
    ("guy in a white 4 door F-150 no canopy", ("white", "Ford", "F-150", "pickup")),
    ("mi amiga dice que el señor de la van gris la ahorcó", ("grey", "", "", "van")),
    (
        "AVOID RICK GRAY VAN. HE TAKES THE MONEY BACK. DODGE. BALD FAT OLD",
        ("grey", "Dodge", "", "van"),
    ),
    ("bald guy dodge van DX1 42M", ("", "Dodge", "", "van")),
    ("Jay in the black ford truck w canopy again", ("black", "Ford", "", "pickup")),
    ("mini van, maroon", ("red", "", "", "minivan")),
    ("guy in a small blue hatchback kept circling", ("blue", "", "", "hatchback")),
    ("white guy 40s in a red truck", ("red", "", "", "pickup")),
    ("a small red car, couldnt see the make", ("red", "", "", "")),
    ("picked me up in a civic", ("", "Honda", "Civic", "sedan")),
    ("a toyota corolla, it was white", ("white", "Toyota", "Corolla", "sedan")),
    ("the van was like a dark grey colour", ("grey", "", "", "van")),
    ("his truck in white rock", ("", "", "", "pickup")),
    ("08 civic, red", ("red", "Honda", "Civic", "sedan")),
    ("blue-grey honda", ("blue", "Honda", "", "")),
    ("in a silver-ish car", ("silver", "", "", "")),
    (
        "I drove my silver civic to the outcall, he was in a black truck",
        ("black", "", "", "pickup"),
    ),
    ("didnt pay, pushed her. blk toyota camry", ("black", "Toyota", "Camry", "sedan")),
    ("got out of the car, white guy 30s", ("", "", "", "")),
    (
        "young guys in a white honda civic drive up and down dallas rd",
        ("white", "Honda", "Civic", "sedan"),
    ),
    ("grey hair, grey beard, drives a blue honda", ("blue", "Honda", "", "")),
    ("F150 plate ABC 123", ("", "Ford", "F-150", "pickup")),
    (
        "guy in a black jeep grabbed me. the jeep was a wrangler i think",
        ("black", "Jeep", "Wrangler", "SUV"),
    ),
    ("a ford. he was an explorer type", ("", "Ford", "", "")),
    ("guy on a black harley, leather vest", ("black", "Harley-Davidson", "", "motorcycle")),
    ("loud red dirt bike circling the block", ("red", "", "", "motorcycle")),
    ("in the sleeper of his red Kenworth at the truck stop", ("red", "Kenworth", "", "")),
    ("his truck is a semi, white, no trailer", ("white", "", "", "")),
    ("semi-retired guy in a blue pickup", ("blue", "", "", "pickup")),
    ("big rig, grey, parked at the weigh scale", ("grey", "", "", "")),
    ("tiny green car 2dr, asked how much", ("green", "", "", "coupe")),
    ("same green 2 door again circling. no pickup.", ("green", "", "", "coupe")),
    ("not a van, it was a grey minivan", ("grey", "", "", "minivan")),
    ("blue honda, wasn't a truck", ("blue", "Honda", "", "")),
    ("black harley davidson t-shirt", ("", "", "", "")),
    ("his buddy Harley was in the back seat of the white car", ("white", "", "", "")),
    ("wearing a Ford cap, drove a blue chevy", ("blue", "Chevrolet", "", "")),
    ("nico, black dodge chargr, blacked out rims", ("black", "Dodge", "Charger", "sedan")),
    ("ford escpae, dark tints", ("", "Ford", "Escape", "SUV")),
    ("red polo shirt, drives a black jetta", ("black", "Volkswagen", "Jetta", "sedan")),
    ("silver sienna ball cap old guy no pay", ("silver", "Toyota", "Sienna", "minivan")),
    ("guy in a big rig, white Kenworth with a red stripe", ("white", "Kenworth", "", "")),
    ("arrivés dans une vieille Buick LeSabre dorée", ("gold", "Buick", "LeSabre", "sedan")),
    ("naka-silver na lumang sedan na parang taxi", ("silver", "", "", "sedan")),
    ("naam Sunny dasda, kaali BMW X5 chalaunda", ("black", "BMW", "X5", "SUV")),
    ("black bmw suv, x5 i think. he had a gold chain", ("black", "BMW", "X5", "SUV")),
    ("a black Audi SUV (Q5 I'm pretty sure) on Burdett", ("black", "Audi", "Q5", "SUV")),
    ("blue ford SUV, escape maybe", ("blue", "Ford", "Escape", "SUV")),
    (
        "NOT the F-150 wala Jason, eh ta young aa. Kaali Honda Accord.",
        ("black", "Honda", "Accord", "sedan"),
    ),
    ("NOT the silver Sienna guy. This was a GREY Odyssey", ("grey", "Honda", "Odyssey", "minivan")),
    ("He drive the black colour Lexus RX, now he use new method", ("black", "Lexus", "RX", "SUV")),
    ("He have gold colour car old Toyota, Camry I think.", ("gold", "Toyota", "Camry", "sedan")),
    (
        "um homem with a van branca grande, a Sprinter",
        ("white", "Mercedes-Benz", "Sprinter", "van"),
    ),
    (
        "he's not in the grey truck anymore, he's in a white Ford Transit work van",
        ("white", "Ford", "Transit", "van"),
    ),
    ("drives a lime green Mazda3 round oak bay ave", ("green", "Mazda", "Mazda3", "hatchback")),
    ("white WRX. loud. 2 guys? 3?", ("white", "Subaru", "WRX", "sedan")),
    ("50s, golf tan, white polo, very white teeth", ("", "", "", "")),
    ("Grey Toyota Odyssey, man 30s, NOT old Len", ("grey", "Toyota", "Odyssey", "minivan")),
    ("VEH BEIGE NISSAN ROGUE? ford Escape (tan)", ("beige", "Nissan", "Rogue", "SUV")),
    ("brwn truck. AB plt", ("brown", "", "", "pickup")),
    ("si Boyet (naka-puting Sienna, may Santo Niño)", ("white", "Toyota", "Sienna", "minivan")),
    ("Une Civic grise, genre 2012, plaque BC", ("grey", "Honda", "Civic", "sedan")),
    ("dans son truck, un Tacoma negro", ("black", "Toyota", "Tacoma", "pickup")),
    ('"Kenny", maroon accord 2 door. paid me in fake 50s', ("red", "Honda", "Accord", "coupe")),
    ("a 2-door Civic with a spoiler", ("", "Honda", "Civic", "coupe")),
    ("le char était gris, une Dodge Caravan", ("grey", "Dodge", "Grand Caravan", "minivan")),
    ("Car was dark, maybe navy or black, four door", ("", "", "", "sedan")),
    (
        "Mom van. Grey or silver, one of those. A Caravan I think",
        ("", "Dodge", "Grand Caravan", "minivan"),
    ),
    ('driving a "dark red or maroon" Toyota Corolla', ("red", "Toyota", "Corolla", "sedan")),
    ("ESQUIMALT RD. DK BLUE IMPALA W SPOTLIGHT", ("blue", "Chevrolet", "Impala", "sedan")),
]


@pytest.mark.parametrize(("text", "expected"), NARRATIVE)
def test_narrative(text: str, expected: tuple[str, str, str, str]) -> None:
    assert _four(extract_vehicle(text)) == expected


TRAPS = [
    "he said it was his civic duty to report me",
    "the van was parked outside when I left",
    "plate F150 something, white guy with grey hair",
    "white guy, 40s, grey hair, grey beard, black hoodie",
    "tried to escape but he grabbed me",
    "said he wanted an escort for the night",
    "in his element, laughing",
    "he had a focus problem and kept losing track",
    "I had to dodge his fist",
    "he had a phone charger and a ranger hat",
    "friend took her to the van. white guy 30s, man bun",
    "came to the outreach van after, shaken up",
    "the journey back took an hour, he was on a mission",
    "says he is a park ranger and a pilot",
    "he is a big fan of the Blue Jays, wore a red cap",
    "met at the Tim Hortons on Fort, he paid in twenties",
    "waited for him on Ford St by the Lincoln centre",
    "he said he was from the Yukon, works up north",
    "smart mouth, threatened to out me to my family",
    "he was in his element, in a journey of sorts",
    "20 minutes in his place then he left in a hurry",
    "she got out of her car and he grabbed her",
    "he followed her friend's white honda home",
    "balding, rimless glasses, navy golf jacket",
    "had his golf clubs in the back seat",
    "He said his name was Pete but I doubt it",
    "Petechiae noted bilat eyes, hoarse voice",
    "Older, 70ish, white captain's hat, cane, navy blazer, big white moustache",
    "He said he was new to town. Car: burgundy, I think",
    "accent anglais, blue jacket",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_give_nothing(text: str) -> None:
    assert _four(extract_vehicle(text)) == ("", "", "", "")


def test_report_reads_narrative_when_vehicle_column_blank() -> None:
    report = {
        "what_happened": "guy in a silver toyota sienna, grey hair",
        "aggressor_description": "white guy 50s",
        "vehicle": "",
    }
    assert _four(extract(report)) == ("silver", "Toyota", "Sienna", "minivan")


def test_conflict_keeps_the_column_and_notes_the_narrative() -> None:
    report = {"vehicle": "white minivan", "what_happened": "it was a silver Toyota Sienna"}
    found = extract(report)
    assert found["vehicle_colour"] == "white"
    assert found["vehicle_model"] == "Sienna"
    assert "vehicle_colour: vehicle=white, text=silver" in found["conflicts"]


def test_a_correction_in_the_narrative_wins_and_is_recorded() -> None:
    report = {
        "vehicle": "white minivan",
        "what_happened": "sorry I put white minivan, it was actually a silver Toyota Sienna",
    }
    found = extract(report)
    assert _four(found) == ("silver", "Toyota", "Sienna", "minivan")
    assert "vehicle_colour: vehicle=white, text=silver" in found["conflicts"]


def test_no_conflict_when_both_agree() -> None:
    found = extract({"vehicle": "grey caravan", "what_happened": "the grey dodge caravan again"})
    assert "conflicts" not in found
    assert _four(found) == ("grey", "Dodge", "Grand Caravan", "minivan")


def test_keys_are_feature_columns() -> None:
    found = extract({"vehicle": "blue civic", "what_happened": "red corolla"})
    assert set(found) <= set(FEATURE_COLUMNS)


@pytest.mark.parametrize(
    ("word", "colour"),
    [("gray", "grey"), ("blk", "black"), ("charcoal", "grey"), ("tan", "beige"),
     ("maroon", "red"), ("burgundy", "red"), ("navy", "blue"), ("champagne", "beige"),
     ("dark green", "green"), ("nothing", "")],
)  # fmt: skip
def test_canonical_colour(word: str, colour: str) -> None:
    assert canonical_colour(word) == colour


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_crashes_and_values_are_canonical(text: str) -> None:
    for in_column in (True, False):
        found = extract_vehicle(text, in_vehicle_column=in_column)
        assert found["vehicle_colour"] in {"", *VEHICLE_COLOURS}
        assert all(isinstance(v, str) for v in found.values())


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_canonical_colour_is_idempotent(text: str) -> None:
    once = canonical_colour(text)
    assert canonical_colour(once) == once


@given(st.sampled_from([row[0] for row in VEHICLE_COLUMN]))
def test_extracting_the_canonical_form_is_idempotent(text: str) -> None:
    first = extract_vehicle(text, in_vehicle_column=True)
    again = extract_vehicle(" ".join(first[f] for f in FIELDS if first[f]), in_vehicle_column=True)
    assert again == first


@given(
    st.fixed_dictionaries(
        {"vehicle": st.text(), "what_happened": st.text(), "aggressor_description": st.text()}
    )
)
@settings(max_examples=150, deadline=None)
def test_report_never_crashes_and_keys_are_features(report: dict[str, str]) -> None:
    found = extract(report)
    assert set(found) <= set(FEATURE_COLUMNS)
    assert found["vehicle_colour"] in {"", *VEHICLE_COLOURS}


@pytest.mark.parametrize(
    ("narrative", "colour", "body"),
    [
        (
            "This is the LeoList Kevin, NOT the construction Kevin from Langford with the black "
            "truck who's also on the sheet. He booked a girl.",
            "",
            "",
        ),
        (
            "Guy off Grindr. (Totally different guy from the older Rob in the silver van the "
            "women keep reporting btw.) He filmed me.",
            "",
            "",
        ),
        ("not the first time, he was in the white civic again", "white", "sedan"),
        ("he and another guy in a red civic came by", "red", "sedan"),
        (
            "DIFFERENT Mike than the caravan one!! this Mike drives a black lifted ford truck",
            "black",
            "pickup",
        ),
        ("a different guy than the silver sienna guy, he drives a red civic", "red", "sedan"),
        ("not the same guy as the white van guy. grey tacoma", "grey", "pickup"),
        (
            "not the same man as the one in the red civic, this one has a blue ford ranger",
            "blue",
            "pickup",
        ),
    ],
)
def test_the_vehicle_of_a_man_the_report_is_not_about(
    narrative: str, colour: str, body: str
) -> None:
    found = extract({"what_happened": narrative})
    assert (found["vehicle_colour"], found["vehicle_body"]) == (colour, body)


@pytest.mark.parametrize(
    ("narrative", "make", "model"),
    [
        (
            "correction on the van guy!! its not a ford transit, its a mercedes sprinter, white",
            "Mercedes-Benz",
            "Sprinter",
        ),
        (
            "people on the sheet say it's a Civic. It's NOT a Civic, it's a Honda Accord",
            "Honda",
            "Accord",
        ),
    ],
)
def test_a_vehicle_corrected_in_the_narrative_alone(narrative: str, make: str, model: str) -> None:
    found = extract({"what_happened": narrative})
    assert (found["vehicle_make"], found["vehicle_model"]) == (make, model)


@pytest.mark.parametrize(
    ("text", "colour", "make"),
    [
        ("car: goldish toyota rav4", "gold", "Toyota"),
        ("a reddish civic with a dent", "red", "Honda"),
        ("blck subi wagon, roof rack", "black", "Subaru"),
        ("whitish van", "white", ""),
    ],
)
def test_colours_ending_in_ish_and_the_subi(text: str, colour: str, make: str) -> None:
    found = extract({"what_happened": text})
    assert (found["vehicle_colour"], found["vehicle_make"]) == (colour, make)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Caller states outcall at Harris Green. Vehicle: silvery f-150, plate ends in 20K.",
            ("silver", "Ford", "F-150"),
        ),
        ("october 20 - beat her up - blck honda accord - 35ish", ("black", "Honda", "Accord")),
        ("last friday, white express, @ rock bay, choking", ("white", "Chevrolet", "Express")),
        ("took the express bus home after", ("", "", "")),
    ],
)
def test_the_colour_nearest_the_vehicle_in_its_own_sentence(
    text: str, expected: tuple[str, str, str]
) -> None:
    found = extract({"what_happened": text})
    assert (found["vehicle_colour"], found["vehicle_make"], found["vehicle_model"]) == expected


@pytest.mark.parametrize(
    ("location", "body"),
    [
        ("pickup Royal Athletic Park, dropoff Swans hotel", ""),
        ("pick up: rock bay", ""),
        ("in his pickup at rock bay", "pickup"),
        ("red pickup, drop-off at the lot", "pickup"),
    ],
)
def test_a_stop_labelled_pickup_in_the_location_is_no_truck(location: str, body: str) -> None:
    assert extract({"location": location})["vehicle_body"] == body


@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("silver - honda civic, newer", "silver"),
        ("he had a black - honda civic", "black"),
        ("red and white truck", "red"),
        ("she got in a teal/green minivan on esquimalt rd", "green"),
    ],
)
def test_a_dash_or_a_second_tone_keeps_the_colour(text: str, colour: str) -> None:
    assert extract({"what_happened": text})["vehicle_colour"] == colour


def test_a_stop_label_in_capitals_is_no_truck() -> None:
    location = "PICKUP ROYAL ATHLETIC PARK, DROPOFF SWANS HOTEL"
    assert extract({"location": location})["vehicle_body"] == ""


@pytest.mark.parametrize(
    ("text", "colour", "make", "model"),
    [
        ("SUSP driving CHEV SILVERADO PK WHI, BC LIC VZQ 628", "white", "Chevrolet", "Silverado"),
        ("COMPL advised a male in a grey DODG GR CARAVAN VN picked her up", "grey", "Dodge",
         "Grand Caravan"),
        ("0140 hrs, silver TOYT SIENNA parked Turner St with engine running.", "silver",
         "Toyota", "Sienna"),
        ("vehicle HOND CIVIC 4D WHI seen leaving", "white", "Honda", "Civic"),
    ],
)  # fmt: skip
def test_police_record_codes_for_make_body_and_colour(
    text: str, colour: str, make: str, model: str
) -> None:
    found = extract_vehicle(text)
    assert (found["vehicle_colour"], found["vehicle_make"], found["vehicle_model"]) == (
        colour,
        make,
        model,
    )


def test_record_colour_codes_in_the_vehicle_column() -> None:
    assert extract_vehicle("TOYT COROLLA 4D BGE", in_vehicle_column=True)["vehicle_colour"] == (
        "beige"
    )
    assert extract_vehicle("TOYT SIENNA VN SIL", in_vehicle_column=True)["vehicle_colour"] == (
        "silver"
    )


def test_a_number_after_the_body_is_no_model() -> None:
    found = extract_vehicle("ogden point lot again. grey mazda hatchback, 2 guys")
    assert (found["vehicle_make"], found["vehicle_model"]) == ("Mazda", "")
    assert extract_vehicle("a mazda 2")["vehicle_model"] == "Mazda2"


@pytest.mark.parametrize(
    "text",
    [
        "he wore oven mits the whole time",
        "His last name is Merz",
        "Met him at the Infi lounge",
        "le dije que no suba",
    ],
)
def test_short_make_codes_need_a_vehicle(text: str) -> None:
    assert extract_vehicle(text)["vehicle_make"] == ""


@pytest.mark.parametrize(
    ("text", "make", "model"),
    [
        ("update to my report (sienna guy, the one that choked me)", "Toyota", "Sienna"),
        ("correction - the odyssey no show guy, wendel.", "Honda", "Odyssey"),
        ("re: the fake cop alert - the explorer plate is DLK 7KZ", "Ford", "Explorer"),
    ],
)
def test_a_model_he_is_known_by_is_his_car(text: str, make: str, model: str) -> None:
    found = extract_vehicle(text)
    assert (found["vehicle_make"], found["vehicle_model"]) == (make, model)


@pytest.mark.parametrize(
    "text",
    [
        "the pilot guy from the airline bar",
        "i know its the blond accent guy",
        "she lost focus guy was weird",
        "at the edge of the guy's yard",
    ],
)
def test_a_word_for_him_before_guy_is_no_car(text: str) -> None:
    assert not any(extract_vehicle(text).values())


def test_a_colour_put_right_in_the_vehicle_column_counts() -> None:
    found = extract({"vehicle": "grey mazda 3 (she corrected to BLUE after)"})
    assert (found["vehicle_colour"], found["vehicle_model"]) == ("blue", "Mazda3")


def test_a_note_that_she_said_another_colour_puts_the_column_right() -> None:
    report = {
        "vehicle": "silver elantra",
        "what_happened": "(vol note: col says silver but she told me grey, same grey hyundai)",
    }
    assert extract(report)["vehicle_colour"] == "grey"

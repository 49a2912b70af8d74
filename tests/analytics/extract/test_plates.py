"""Plate extraction: canonical full and partial plates, false positives, conflicts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract.plates import canonical_plate, extract, plate_pattern, plates_compatible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BV4 21K", "BV421K"),
        ("bv4-21k", "BV421K"),
        ("starts with BV4", "BV4*"),
        ("started w/ BV4", "BV4*"),
        ("KT8-???", "KT8???"),
        ("KT8 xxx", "KT8???"),
        ("ends in 21K", "*21K"),
        ("BC BV4 21K", "BV421K"),
        ("BV4...", "BV4*"),
        ("...4JR", "*4JR"),
        ("…4JR", "*4JR"),
        ("BV4", "BV4*"),
        ("ABC1234", "ABC1234"),
        ("B0V 421", "B0V421"),
        ("unknown", ""),
        ("didn't see it", ""),
        ("n/a", ""),
        ("?", ""),
        ("", ""),
    ],
)
def test_canonical_plate(text: str, expected: str) -> None:
    assert canonical_plate(text) == expected


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("BV4 21K", "BV421K"),
        ("BV4 21K (maybe BV4 21X)", "BV421K;BV421X"),
        ("BV4 21K - silver caravan", "BV421K"),
        ("no plate", ""),
        ("MFT 2??", "MFT2??"),
        ("CN8 R something", "CN8R*"),
        ("CKL-4471 (AB)", "CKL4471"),
        ("LL0 6??", "LL06??"),
        ("BC plate, starts with KT", "KT*"),
        ("had a 9 and a K in it", ""),
        ("Alberta plate", ""),
        ("didnt get it sorry", ""),
        ("plate covered", ""),
        ("MT? 770 (spoken)", "MT?770"),
        ("KT8 21K (old style, faded)", "KT821K"),
        ("BKB 52D (not 100%)", "BKB52D"),
        ("BKB 52D (NOT SURE)", "BKB52D"),
        ('dealer plate - "DL 7" then couldnt read the rest', "DL7*"),
        ("front WA BYT 9021 / back BC VR4 88N", "BYT9021;VR488N"),
        ("efu jei bii go ichi zero", "FJB510"),
        ("had an 8 and a W in it somewhere", ""),
        ("RVB 203 - no wait, RVP 203, P like Paul", "RVP203"),
        ("LK7 28P -- correction LK7 2BP", "LK72BP"),
    ],
)
def test_plate_column(column: str, expected: str) -> None:
    assert extract({"plate": column})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("grey caravan again in rock bay. choked her. plate DX7 42M", "DX742M"),
        ("silver mini van, plate DX7-4?M she thinks", "DX74?M"),
        ("said he'd arrest her. plate starts CN", "CN*"),
        ("white civic, threw a slurpee. plate ends in 88K. young guys", "*88K"),
        ("old beige corola, rusty. plate MFT 2?? old style", "MFT2??"),
        ("fake cop again!! plate CN8 ??? she thinks", "CN8???"),
        ("silver altima. plate LRT 55?. she wants to talk", "LRT55?"),
        ("partial plate KT8", "KT8*"),
        ("plates: 123 ABC silver", "123ABC"),
        ("his F150 plate ends in 21K", "*21K"),
        ("ABC 123 was on the back of the truck", "ABC123"),
        ("licence plate was BV4 21K, BC plates", "BV421K"),
        ("last 3 of the plate were 21X", "*21X"),
        ("first three letters of his plate are KT8", "KT8*"),
        ("plate looked like KT8 something", "KT8*"),
        ("plates KT8 21X or KT8 21K", "KT821X;KT821K"),
        ("plate was bv4 21k", "BV421K"),
        ("the plate had KT in it", ""),
        ("lic hm36?? 2505550120 ford ranger", "HM36??"),
        ("got part of the plate: uwr3o67 or 2wr-3o67. he", "UWR3O67;2WR3O67"),
        ("LIC PLATE: BEGINS WITH 186 HE ROBBED ME", "186*"),
        ("plt VLX I63 / had knife", "VLXI63"),
        ("Plate starts with bdu. He keeps driving past", "BDU*"),
        ("I think the plate was ...47z. He pulled a knife", "*47Z"),
        ("WHITE suv BC plates WM, mid 30s", ""),
        ("Plate: SW thinks it ended in 7W. BC plate.", "*7W"),
        ("his plate is el aych thre ate too vee i sayd it over and over", "LH382V"),
        ("Veh: Kia Sorento, maroon, BC LW7-38K (comp read plate at p/u, confirmed)", "LW738K"),
        ('BC plate partial "...4JR". Ph: 604-555-0132', "*4JR"),
        ("te plate te vi SUNNY1 likhya hoya (vanity plate, so show-off)", "SUNNY1"),
        ("my friend says the plate was lkt something but i didnt see", "LKT*"),
        ("Plate was 419 and then three letters, I didn't get the letters.", "419???"),
        ("white civic, plate started with a 2, 2 guys yelled at me", "2*"),
        ("plate was RFT 427 or 472 idk", "RFT427;RFT472"),
        ("Une Civic grise, plaque BC qui commence par LP. Son numéro", "LP*"),
        ("PLATE NX4 52? I DIDNT GET THE LAST ONE.", "NX452?"),
        ("Black tahoe, plate EV9 3-something-M. Picked her up", "EV93?M"),
        ("grey Grand Cherokee, plate MWT 66-something) in the Mount Doug lot", "MWT66*"),
        ("Red Ford pickup, plate RJX 40-something, caller not sure", "RJX40*"),
        ("plate was BC something 4 something lol useless i know", ""),
    ],
)
def test_plate_in_narrative(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    "narrative",
    [
        "took me to an apartment near V8W 1A1",
        "drove a black F150 with a canopy, and a RAV4 followed",
        "he was 45, about 6'2, paid 200 CAD at 11:30pm",
        "lives at 1234 Fort St, drives a RAM 1500",
        "call him at 250-555-0134",
        "plate was partially covered with mud",
        "plates were covered",
        "GMC 2500 with a ladder rack",
        "WE AGREED ON 200 FOR THE HOUR. I'M STILL REALLY SHAKEN.",
        "IT WAS 2026/05/01. HE SAID HE HAD BEEN SEEING GIRLS FOR YEARS",
    ],
)
def test_no_plate_false_positives(narrative: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == ""


def test_partial_column_and_full_narrative_keep_the_full_plate() -> None:
    report = {"plate": "starts with BV4", "what_happened": "plate was BV4 21K"}
    assert extract(report) == {"plate": "BV421K"}


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("CK... (no front plate)", "CK*"),
        ("LKT 5O9 (she said O like the letter)", "LKT5O9"),
        ("CGD-1093 (AB)", "CGD1093"),
        ("BC, LN something", "LN*"),
    ],
)
def test_a_remark_or_province_beside_the_plate_is_not_part_of_it(
    column: str, expected: str
) -> None:
    assert extract({"plate": column})["plate"] == expected


@pytest.mark.parametrize(
    ("phone_column", "expected"),
    [
        ("JRV 47K", "JRV47K"),
        ("8XR-662O (plate, alberta)", "8XR662O"),
        ("ext 214", ""),
        ("CZR 417", "CZR417"),
        ("czr-417", "CZR417"),
        ("250-555-0134", ""),
        ("text only", ""),
    ],
)
def test_a_plate_typed_into_the_phone_column_is_a_plate(phone_column: str, expected: str) -> None:
    report = {"aggressor_phone": phone_column, "what_happened": "I put his plate in the phone box"}
    assert extract(report)["plate"] == expected


def test_disagreement_is_kept_with_a_conflict_note() -> None:
    result = extract({"plate": "BV421K", "what_happened": "plate was BV4 21X"})
    assert result["plate"] == "BV421K;BV421X"
    assert result["conflicts"] == "plate: column BV421K, narrative BV421X"


@pytest.mark.parametrize(
    ("left", "right", "compatible"),
    [
        ("BV421K", "BV421K", True),
        ("BV4*", "BV421K", True),
        ("*21K", "BV421K", True),
        ("KT8???", "KT8123", True),
        ("KT8???", "KT81234", False),
        ("BV4*", "BT421K", False),
        ("BV4*", "*21K", True),
        ("BV4*", "BV5*", False),
        ("DX74?M", "DX742M", True),
        ("", "BV421K", False),
    ],
)
def test_plates_compatible(left: str, right: str, compatible: bool) -> None:
    assert plates_compatible(left, right) is compatible
    assert plates_compatible(right, left) is compatible


def test_plate_pattern_matches_full_plates() -> None:
    assert plate_pattern("BV4*").fullmatch("BV421K")
    assert plate_pattern("*21K").fullmatch("BV421K")
    assert not plate_pattern("KT8???").fullmatch("KT812")


@given(st.text())
def test_canonical_plate_is_idempotent_and_total(text: str) -> None:
    once = canonical_plate(text)
    assert canonical_plate(once) == once


@given(st.text(alphabet="ABCKTV0123456789 -?*_x.", max_size=12))
def test_canonical_plate_is_idempotent_on_plate_like_text(text: str) -> None:
    once = canonical_plate(text)
    assert canonical_plate(once) == once


@pytest.mark.parametrize(
    ("column", "expected"),
    [("pl 582-hwf", "582HWF"), ("SK 773 LHT", "773LHT"), ("PLT: kt8 21k", "KT821K")],
)
def test_plate_column_labels_and_provinces_are_dropped(column: str, expected: str) -> None:
    assert extract({"plate": column})["plate"] == expected


@given(st.text(), st.text())
def test_extract_never_crashes(narrative: str, column: str) -> None:
    assert "plate" in extract({"what_happened": narrative, "plate": column})


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("plate was bv4 21k", "BV421K"),
        ("bc plates BV4-21K", "BV421K"),
        ("plate: B V 4 2 1 K", "BV421K"),
        ("plate B.V.4 2.1.K", "BV421K"),
        ("plate is B-V-4-2-1-K", "BV421K"),
        ("plate (partial): AB1", "AB1*"),
        ("vanity plate that said SEXY1", "SEXY1"),
        ("the plate read KT8 21K", "KT821K"),
        ("i shouted the plate into my phone, hotel kilo tango for two one", "HKT421"),
        ("got out fast. it was november papa zulu six six two I think", "NPZ662"),
        ("plate was kilo lima niner something", "KL9*"),
        ("plate began R T nine, didn't see more", "RT9*"),
        ("plate j.k.d. 4 0 7 (she spelled it)", "JKD407"),
        ("plate NP7 3xx (x = didn't see)", "NP73??"),
        ("plate 4xx tvr", "4??TVR"),
        ("plate HWT 3.. no HWF 318, she corrected herself", "HWF318"),
        ("ontario plate!! the white one. CRVX 582 i think", "CRVX582"),
        ("quebec plate, she thinks started w/ a 4", "4*"),
        ("BC plate I'm 90% sure starts LN6", "LN6*"),
        ("no front plate, rear MVR... didn't get the rest", "MVR*"),
        ("plaque de l'Ontario, commence par « B4 »", "B4*"),
        ("la placa de Alberta termina en 552", "*552"),
        ("tenía una placa de policía en el cuello", ""),
        ("his plate literally says BIGFSH", "BIGFSH"),
        ("plate HGT 4-something-something", "HGT4??"),
        ('she read me the plate like this: "R T M, five one seven". No police.', "RTM517"),
        ("the plate, the old way: D as in David, W as in William, three six two.", "DW362"),
        ("plate begins with a T and an R and she thinks a 5 after", "TR5*"),
        ("Plate C N 7 1 and then two she didn't catch.", "CN71??"),
        ("Plate P J R, three eight, and one more number she didn't get.", "PJR38?"),
        ("Plate F K 2, six six, and the last one was either a B or an 8.", "FK266?"),
        ("Plate H X 4, then 1 2, then an M.", "HX412M"),
        ("she says his plate ends four-oh-seven, didn't get the letters", "*407"),
        ("Plate G T 5 and the rest was behind a bike rack.", "GT5*"),
        ("The plate starts with her sister's initials, R M, and a 6.", "RM6*"),
        ("plate T K W 52-something, she missed the last one", "TKW52*"),
        ("plate M_R 4_7 (underscores = couldn't see)", "M?R4?7"),
        ("plate started with a 3, K not sure of the rest", "3*"),
        ("plate I remember only there was a 4 and a 7", ""),
        ("PLT COVERED W/ CARDBOARD. AGG YOUNG", ""),
        ('TAG IS A VANITY ONE - "ROADHOG".', "ROADHOG"),
        ("PLATE STARTS FTW", "FTW*"),
        ('VEH: GREY SIENNA, LP "KR? 4?2" PER WKR', "KR?4?2"),
        ("LP FIRST 3 ONLY: 8KP.", "8KP*"),
        ("plate she remember only end part 7KW", "*7KW"),
        ("plate was ONTARIO?? blue & white, started with CD something", "CD*"),
        ("grn tacoma w/ canopy, QX something (only saw the first 2)", "QX*"),
        ("black truck, TV something on the dash", ""),
        ("white guy, KT something, he said OK something", ""),
        ("plate is 6-something-something RMT", "6??RMT"),
        ("plate 812 P-something. his # ends 0144", "812P*"),
        ('plate "HGT 4" something - she thinks HGT 4-something-something.', "HGT4??"),
        ("with a plate J W 2 5 1 B. picked me up", "JW251B"),
        ("plate bravo victor 4 2 1 kilo", "BV421K"),
        ("plate starts with bravo victor", "BV*"),
        ("i only got part of the plate it was lima papa november and then i dont know", "LPN*"),
        ("first three of the plate were BV4", "BV4*"),
        ("last two digits of the plate 21", "*21"),
        ("plate was something like BV4 21K", "BV421K"),
        ("plate BV4 2?K", "BV42?K"),
        ("plate maybe BV4 21K or BV4 24K", "BV421K;BV424K"),
        ("alberta plate CKL-4471", "CKL4471"),
        ("Alberta plate", ""),
        ("plate had a 9 and a K in it", ""),
        ("his plate number was BV4 21K", "BV421K"),
        ("plate is bv4 21k i think", "BV421K"),
        ("plate ending in 4JX", "*4JX"),
        ("plate had BV4 at the start", "BV4*"),
        ('plate "FKV" start', "FKV*"),
        ("plate BV4 (rest not seen)", "BV4*"),
        ("plate C V 8 something", "CV8*"),
        ("plate R H 7 K ? something", "RH7K*"),
        ("BC plate starting C V", "CV*"),
        ("no plate on the front", ""),
        ("plate was covered", ""),
        ("Mike drove a Golf, plate unknown", ""),
        ("she noted the BC licence plate as RKM 52T.", "RKM52T"),
        ("Washington plates, CHX 992 and one more I didn't get. I went", "CHX992?"),
        ("Number plate is CN7 2 and 2 letter I not see.", "CN72??"),
        ("He drove off slow so I could see the plate: HPV 6 something 2.", "HPV6?2"),
        ("BC plate RKM 5 something T (he wrote it on his cup)", "RKM5?T"),
        ("plate was BC something 4 something lol useless", ""),
        ("grey honda accord, tag started with a 2 couldnt see rest", "2*"),
        (
            "La plaque, je l'ai répétée dans ma tête pour pas l'oublier: elle, ka, effe, "
            "trois, neuf, deux.",
            "LKF392",
        ),
        ("Plate is a personalized one: J-A-C-E then a number or two she didn't catch.", "JACE*"),
        ('Plate: "K M X and then a 2", she didn\'t get the rest.', "KMX2*"),
        ("plate hkh644 what she looks like: east indian woman 27 y/o 5 foot", "HKH644"),
        ("plate started with a K i think.", "K*"),
        ("old style plate 6?8 BKT. not len - this one is a buick", "6?8BKT"),
        ("plate n q 8 3 i v something like that picked me up", "NQ83IV"),
        ("lic: FWP-73 and one more I missed, it was dark", "FWP73?"),
        ("Plate XJR 4 something something.", "XJR4??"),
        ("Q: Plate?\nA: AL9 and then something. Black Durango.", "AL9*"),
        ('Camry, plate "h-t-n dash 5 something 9" she thinks.', "HTN5?9"),
        ("she got the plate as GW6 1?P, couldnt see the number before the P.", "GW61?P"),
        ("She read the plate off his bumper as he pulled out: BC LGT BC 409, she says", "LGT409"),
        ("She got plate XJR 442, or maybe 447. She doesnt want police", "XJR442;XJR447"),
        ("plate FK0 38T - the 0 could be an O", "FK038T;FKO38T"),
        ("Plate: I had it as PL1 41T, but my friend says it was PL7 41T, a 7 not a 1", "PL741T"),
        (
            "[1:40 AM] A: silver sienna plate QJV 41X\n[1:43 AM] J: isnt it QJW\n"
            "[1:50 AM] A: ya sorry plate was QJW not QJV. QJW 41X",
            "QJW41X",
        ),
        ("[3:05 PM] M: plate started KY i think\n[3:40 PM] M: no wait it was KX not KY", "KX*"),
        ("HE SAID HE NOT ME DID IT. PLATE KXR 291", "KXR291"),
        ("lifted grey tacoma, plate CQZ77 something something. says Dash", "CQZ77??"),
        ("White Ford Transit, light bar on the dash, name tag said BRANDT.", ""),
        ("[12:09 AM] Kit: anyone get plate\n[12:10 AM] Tee: no", ""),
        (
            "red Kenworth semi, Alberta plate: A as in apple, L, W, 8 2 1 5\t+1 672 5550142",
            "ALW8215",
        ),
    ],
)
def test_plate_as_people_write_it(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("silver dodge caravan, starts with KT8, pulled a knife", "KT8*"),
        ("it started with HN4 i think", "HN4*"),
        ("plate started w FW. 2 guys", "FW*"),
        ("PLATE STARTS W NB5 THEN SHE LOST IT", "NB5*"),
        ("blk civic, ends in 21K", "*21K"),
        ("grey civic neck tattoo guy again. kt8 21k again", "KT821K"),
        ("every nite. LKP 8??", "LKP8??"),
        ("no pay yet again!! KT8 XR? this time", "KT8XR?"),
        ("silver grand caravan again. CN7 21 something again", "CN721*"),
        ("same green 2 door. GRX 38? something", "GRX38*"),
        ("plate she said was like VFR 55 something", "VFR55*"),
        ("plate was an alberta plate, BKX something", "BKX*"),
        ('Plate: "partial, BL4".', "BL4*"),
        ("BC plate starts KT8 no wait thats the other guy, his started with HN4", "HN4*"),
        ("licence# kt8 21k i wrote it on my hand", "KT821K"),
        ("she pulled free. KT9 44P", "KT944P"),
    ],
)
def test_plate_without_a_keyword_or_written_loosely(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    "narrative",
    [
        "it started with a text at 9 and ended in a fight",
        "the date started with dinner downtown",
        "couldn't see the plate, it was dark",
        "white van no plates. two guys",
        "temp paper plate on a blk nissan altima",
        "Washington plate, couldn't get the numbers",
        "my 3 21k run was slow, something like that",
        "at 4 am she felt off, something in the drink",
        "he ENDS IN trouble every time",
        "VEH: SILVER KIA SEDONA. PLT NOT SEEN - DEALER PLATE FRAME",
        "plate not visible from where she stood",
        "LP: WKR READ IT AS SOMETHING BUT FORGOT",
        "Black Tacoma, newer, canopy. Plate had a 4 and a K, that's all.",
        "paper plate in the back window no real plate\n[1/8/35, 11:58 PM] Roxy: no it was",
    ],
)
def test_no_plate_from_loose_words(narrative: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == ""


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("she got a bit of the plate: starts with 6, then CR", "6CR*"),
        ("plate starts with KT, then 8", "KT8*"),
        ("plate KT8, then A got out", "KT8*"),
        ('VEH GRY HONDA ODYSSEY (LP PER WKR: "KILO ZULU FOUR, TWO SEVEN BRAVO")', "KZ427B"),
        ('LP: WKR READ IT AS "HG5 87R"', "HG587R"),
        ("PLT NO KT8 21K", "KT821K"),
    ],
)
def test_plate_read_in_pieces(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("plate kilo tango eight two one kilo", "KT821K"),
        ("last 3 were 21K", "*21K"),
        ("i only saw the last part 21K", "*21K"),
        ("plate was one of those two or three old ones", ""),
        ("the last 2 weeks were bad", ""),
    ],
)
def test_spoken_digits_and_last_characters(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


def test_unknown_then_rest_collapses_to_one_star() -> None:
    assert canonical_plate("0*_*") == canonical_plate(canonical_plate("0*_*")) == "0*"


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("brown toyota tacoma plate be kay eight five to dee at the motel", "BK852D"),
        ("green honda crv plate n q 8 3 i v something like that picked me up", "NQ83IV"),
        ("the plate, i think it was be see dee one two three", "BCD123"),
        ("plate was see you later", ""),
        ("plate be there soon, he said", ""),
        ("his plate is are jay five ate three end and he called me", "RJ583N"),
        ("the sask plate is six one seven in are age I got it this time", "617NRH"),
        ("the plate started with bee el and then I don't know", "BL*"),
        ("plate was 4 5 6 7 8 in the end", "45678"),
    ],
)
def test_plate_spelled_in_letter_names_as_voice_to_text_writes_them(
    narrative: str, expected: str
) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("plate was E V five sixty one K, silver civic", "EV561K"),
        ("the plate was kay jay seven to ate double you", "KJ728W"),
        ("plate is double 7 T K R", "77TKR"),
        ("plate was triple 3 J K L", "333JKL"),
        ("plate R X T twenty-two Z", "RXT22Z"),
        ("plate K L M fifteen", "KLM15"),
    ],
)
def test_plate_read_out_with_numbers_and_repeats(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ({"what_happened": "She read me the plate: K W 7, 4 4, and the last one either an 8 or "
          "a B, it was dark."}, "KW744?"),
        ({"what_happened": "plate nv4_82k i got a pic"}, "NV482K"),
        ({"what_happened": "plate was AB_ 12_, red truck"}, "AB?12?"),
        ({"plate": "PL something"}, "PL*"),
        ({"plate": "see veh", "vehicle": "blue work van, MV7 02L"}, "MV702L"),
        ({"what_happened": "OPS LOG / DATE: 10 FEB 2059 TIME: 0715 / plate starts NL5"}, "NL5*"),
        ({"what_happened": "Came in to report. 05 MAR 1530. Older client, paid cash."}, ""),
    ],
)  # fmt: skip
def test_plate_as_staff_and_text_line_write_it(report: dict[str, str], expected: str) -> None:
    assert extract(report)["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("I wrote the plate on my arm after: WZI 38F. He paid in fake fifties", "WZI38F"),
        ("she only got the end of the plate, 58K. older white guy", "*58K"),
        ("the black Jeep Wrangler guy with the SWELLS plate is in Langford now", "SWELLS"),
        ("the ALBERTA plate guy again", ""),
        ("THE GUY WITH THE SWELLS PLATE AGAIN", ""),
        ("the plate, which she did not see, was muddy", ""),
    ],
)
def test_plate_after_a_colon_a_comma_or_before_the_word_plate(
    narrative: str, expected: str
) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ('- plate: "BC, 3 letters then 3 numbers, started with a Y"', "Y?????"),
        ("Plate was the three letters then three numbers kind, the first letter was a W", "W?????"),
        ("PLATE WAS 3 LETTERS 3 NUMBERS I ONLY GOT THE MIDDLE LETTER WAS A Q.", "?Q????"),
        ("old style plate, three numbers then three letters, ended with a K", "?????K"),
        ("plate was 3 letters then 3 numbers, didn't get any of them", ""),
        ("3 letters then 3 numbers, started with a 7", ""),
    ],
)
def test_a_plate_told_by_its_format_and_a_character(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


def test_a_narrative_that_takes_back_the_column_plate_wins_and_the_conflict_is_kept() -> None:
    found = extract(
        {
            "plate": "KD4 77T",
            "what_happened": "OK correction, the plate is KB4 77T not KD4, the B looked like a D",
        }
    )
    assert found["plate"] == "KB477T"
    assert "column KD477T" in found["conflicts"]


def test_a_rejected_start_the_narrative_itself_repeats_takes_nothing_back() -> None:
    found = extract({"plate": "KD4 77T", "what_happened": "it was not KD4 something, I think"})
    assert found["plate"] == "KD477T"


def test_a_reading_the_plate_column_corrects_stays_out_when_the_narrative_repeats_it() -> None:
    report = {
        "plate": "LK7 28P -- correction LK7 2BP",
        "what_happened": "I wrote LK7 28P first but she corrected me. black odyssey",
    }
    assert extract(report)["plate"] == "LK72BP"


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("2025-12-20 afternoon nht-454 knife his number was blocked", "NHT454"),
        ("thin, in a charcoal kia soul hatchback (946-umg). He took all her money", "946UMG"),
        ("2025-11-24 4:00am mgu 719 harassment pu fisgard st", "MGU719"),
        ("late, (403) 555-0169, cur8293, no show, near Gladstone & Fernwood", "CUR8293"),
        ("23 sep, light blue honda, strangled, late 60s, dke 252 or dkf 252", "DKE252;DKF252"),
        ("wht toyota prius dented bumper - er6 ??? - nm thirties", "ER6???"),
        ("blck pickup truck, mdx ???", "MDX???"),
        ("he drives a silver toyota tacoma. plaet was cgg196. he's white guy", "CGG196"),
        ("Lic plate: vjx-920 He had his arm around my neck", "VJX920"),
    ],
)
def test_a_plate_typed_in_lower_case_without_a_keyword(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    "narrative",
    [
        "paid 150 tho and left",
        "txt 250 555 0101 if you see him",
        "snap: jay123, says he's 30",
        "email kat895@example.com",
        "around 730ish at the 7-11",
        "the 911 call took forever",
        "he was in rom 412",
        "Attention c'est pas le même que le 236 qui m'a appelée",
        "y m'a lancé 60 piasses sur le lit au lieu de 200 pis y'est parti",
        "mid-50s, 180lbs, drove a 4x4",
    ],
)
def test_lower_case_words_beside_numbers_are_not_plates(narrative: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == ""


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("VEHICLE WAS SOME KIND OF FORD. LICENSE IS4 48X. HE GAVE ME SOMETHING", "IS448X"),
        ("Warning!! Outcall to his place. License ish075. What he looks like", "ISH075"),
        ("My roommate had a bad date. plate was rmk.... He stole her phone.", "RMK*"),
        ("still really shaken. lic plate: nht (didn't get the rest) he showed me a gun", "NHT*"),
        ("He was driving a beat up white outback. plate was STH something.", "STH*"),
        ("a blk takoma. Lic plate: ending 556 Wht he looks like: white dude", "*556"),
        ("said cop older sedan JB plate 769-UEY WM forties tall", "769UEY"),
        ("brown male mid 40s plate gdh-??? sa'd her harris green", "GDH???"),
        ("DRIVING A GRAY WRANGLER LIC PLATE: ...ADR HE'S MALE AGE 46", "*ADR"),
        ("Incident - keeps calling / Lic starts AWJ / DATE: 2024-01-27 / Rptr", "AWJ*"),
        ("jeep Grand Cherokee wouldnt let her out harris green starts with YML WM, 60's", "YML*"),
        ("Oct 25th 708??? punched took $ threats", "708???"),
    ],
)
def test_where_a_plate_ends_after_its_keyword(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(("column", "expected"), [("STH-362", "STH362"), ("a?z-610", "A?Z610")])
def test_plate_column_letters_that_are_also_shorthand(column: str, expected: str) -> None:
    assert extract({"plate": column})["plate"] == expected


@pytest.mark.parametrize("column", ["not given", "None given", "n/k", "not known"])
def test_plate_column_saying_none_was_given_is_blank(column: str) -> None:
    assert extract({"plate": column})["plate"] == ""


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("HX7 4?? (BC), read by J on the 24th, last two missed", "HX74??"),
        ("KD4 ??? (got the first 3)", "KD4???"),
        ("AB plate, didnt get it", ""),
    ],
)
def test_plate_column_with_remarks_beside_it(column: str, expected: str) -> None:
    assert extract({"plate": column})["plate"] == expected


def test_a_spoken_plate_read_two_ways_keeps_the_longer_reading() -> None:
    narrative = "the plate was papa kilo seven for nine tee. he had a bird tattoo"
    assert extract({"what_happened": narrative})["plate"] == "PK749T"


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        (
            "She had his plate on a paper in her pocket from the last time: jrk 58v, white truck.",
            "JRK58V",
        ),
        ("silver beemer x5 (the one on the sheet) | LMR 48T | grabbed her arm", "LMR48T"),
        ("the SKOOK-M plate boys again. white civic", "SKOOKM"),
        ("he was in his mid-40s, the MID 40S guy, mga 50s na", ""),
    ],
)
def test_plates_of_three_letters_two_digits_and_a_letter(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("VEH: WHT RAV4 PLATE: KVW 318 PH: 780-555-0122", "KVW318"),
        ("VEH: DK BLUE IMPALA W/ SPOTLIGHT PLATE: MBR 2?? (LAST 2 NOT SURE)", "MBR2??"),
        ("plate RJN 58 and then one more, she thinks a 1 but not sure", "RJN58?"),
        ("plate KT8 and one more I think", "KT8*"),
        ("Plaque HNT 5-quelque chose-2. Son numéro c'est toujours le même", "HNT5?2"),
        ("Q: plate? A: K T B five six... something, I didn't get the end", "KTB56*"),
        (
            "Q: car? A: white Toyota, Alberta plate, she thinks it starts B X\nQ: phone? A: no",
            "BX*",
        ),
        ("BC plate I'm 90% sure starts SL6, and a sticker of a dog paw", "SL6*"),
        ("Plate read by one SW: J T P 552.\nAction: added to sheet.", "JTP552"),
    ],
)
def test_plates_on_copied_sheets_in_call_notes_and_in_french(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Plate she got was VQJ 27 and then she couldn't see the last one.", "VQJ27?"),
        ("plate ABX 42, couldnt read the last letter", "ABX42?"),
        ("She ran into the trees. Plate she says VZK 6I4. I'm her partner", "VZK6I4"),
        ('States car was a blue Honda, plate she remembers as "KX9 3B8". Does not', "KX93B8"),
        ("the plate i got was BXR 221, he left", "BXR221"),
        ("plate she got, not sure", ""),
        (
            "I noted the plate as best I could in the dark: CV7 8, and then two characters I could "
            "not make out.",
            "CV78??",
        ),
        ("Drove off up toward Bay. She only got CV off the plate.", "CV*"),
        ("got OK off the plate, nothing else", ""),
        ('[Q: plate? Lou: "She says HZB 4I8 but she wrote it in the dark."]', "HZB4I8"),
    ],
)
def test_plates_as_a_friend_or_a_nurse_passes_them_on(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("grey dodge ram truck and the plait was N W for eight three five I think", "NW4835"),
        ("in his blue tacomma and the plait is eight L K two three one I wrote it", "8LK231"),
        ("the plait was C J seven R four oh and the number he texts from is", "CJ7R40"),
        ("red f one fifty the plait starts M G O five he come up on me", "MGO5*"),
        ("long grey hair in a plait, no car", ""),
        ("plate RJN 55 and she missed the last one.", "RJN55?"),
        ("plate PL2 77 and then I forget the last one.", "PL277?"),
        ("drove north on Quadra. plate CVR 8 _ _ _ (she got the first 4).", "CVR8???"),
        ("his snap is kev_in_yyj _ plate BV4 21K", "BV421K"),
    ],
)
def test_plates_from_voicemail_transcripts_and_van_logs(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("ya im in the 7-11. silver caravan KB8 5OT i think. he yelled", "KB85OT"),
        ("he was in a blue Tacoma, KX9 3B8.", "KX93B8"),
        ("a white guy AB1 2CD was there", ""),
        ("met at the AB1 2CD building", ""),
    ],
)
def test_a_misread_plate_right_after_the_vehicle_it_was_on(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("white silverado ends 9RK, he was 40s", "*9RK"),
        ("the road ends 2KM later", ""),
        ("his grey truck, the night ends 4AM", ""),
    ],
)
def test_an_end_given_right_after_the_vehicle_with_no_plate_word(
    narrative: str, expected: str
) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Didnt get the whole plate, my gf says the last two were 7 1. im so done", "*71"),
        ("V says first three of the plate NK2 maybe NKZ. he got V in the back", "NK?*"),
        ("plate first three MLW or maybe MLV, bleached hair", "ML?*"),
        ("plate starts WQ7 or WQ1 she couldnt see the rest.", "WQ?*"),
        ("plate XJR 442 or maybe 447", "XJR442;XJR447"),
        ('grey Dodge Ram, Alberta plates, she got "BZR 66" and then lost it. Met him', "BZR66*"),
        ("I only caught that the plate had 36 in the middle. 50s, bald", ""),
        ("plate DGA 6?8, missed the one in the middle", "DGA6?8"),
        ("civic mike again. blue civic MX4 O7Q. picked up A at the lot", "MX4O7Q"),
        ("wolf jeep guy (lorcan) GWF 6O4 was at witty's lagoon lot", "GWF6O4"),
        ("he said GWF 6O4 to me", ""),
        ("num Chrysler 300 cor vinho, placa LKU 9W3, e fomos", "LKU9W3"),
    ],
)
def test_partial_plates_told_with_doubt(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("medium build 245bgp or 24s-bgp, took her money", "245BGP;24SBGP"),
        ("silver sedan / harassing / wa2 86s or w52 86s / wouldnt let her out", "WA286S;W5286S"),
        ("driving a white corolla (5?4 MHF). He made her hand over her money", "5?4MHF"),
        ("in a WHITE corrola (D?M0929). He blocked the door", "D?M0929"),
        ("lic plate: ends in 58n he's mid-30s. he blocked the door", "*58N"),
        ("PLATE STARTS WITH KHC. YOU CAN REACH ME AT LEX163@EXAMPLE.COM", "KHC*"),
    ],
)
def test_plates_given_twice_half_seen_or_beside_an_email(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("2025-05 / lic rt941u / from the park 2 North Park / ph 236-555-0138 / slapped", "RT941U"),
        ("plate ends in 67A - No $ - uses 236/555-0143 - goes by Dan.", "*67A"),
        ("Lcense begins with RM8 He grabbed her by the throat", "RM8*"),
        ("Palte ending 18F. ~42, no facial hair", "*18F"),
        ("late / plate dh4-??? / nf 50s short dark hair / threatened her", "DH4???"),
        ("WHITE TOYOTA SEDAN LICENSE BEGINS WITH VW1 ASIAN MAN NAME TATTOO ON WRIST", "VW1*"),
    ],
)
def test_plates_beside_phone_numbers_and_mistyped_plate_words(
    narrative: str, expected: str
) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


def test_a_question_mark_after_a_word_in_capitals_is_no_plate() -> None:
    assert extract({"what_happened": "HE SAID OK? 200 FOR AN HOUR"})["plate"] == ""


@pytest.mark.parametrize("column", ["LIC UNK", "BC LIC: UNK", "Lic # n/a", "plate: none"])
def test_a_labelled_unknown_plate_is_no_plate(column: str) -> None:
    assert extract({"plate": column})["plate"] == ""


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Partial lic WXQ 7 - - (last two not obtained). Advised women", "WXQ7??"),
        ("Plate partly obscured by a bike rack: QJ4 8- -. Info only.", "QJ48??"),
        ("plate was ABC 12 -- not sure", "ABC12"),
    ],
)
def test_dashes_with_spaces_between_are_unseen_characters(narrative: str, expected: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == expected


@pytest.mark.parametrize(
    "narrative", ["plate ABC 123 - - the car was red", "plate ABC 123 - - - - he said"]
)
def test_spaced_dashes_never_make_a_plate_longer_than_seven(narrative: str) -> None:
    assert extract({"what_happened": narrative})["plate"] == "ABC123"


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Plate JQZ 5?4, she didnt get the middle one. Big guy", "JQZ5?4"),
        ("parked outside again, black audi, I got the plate: LXW 4l8", "LXW418"),
        ("my friend seen it better when he pulled out. QWV 38 then something. sorry", "QWV38*"),
        ("plate isnt KLM 4, its KLN 4 something", "KLN4*"),
    ],
)
def test_a_plate_in_a_follow_up_or_read_from_a_screenshot(text: str, plate: str) -> None:
    assert extract({"what_happened": text})["plate"] == plate


def test_an_l_between_digits_away_from_a_plate_stays_a_letter() -> None:
    assert extract({"what_happened": "text 7O5 SSS 0l53 / same red beard"})["plate"] == ""


def test_a_plate_start_in_a_column_written_in_capitals() -> None:
    assert extract({"vehicle": "GREEN SUBARU, PLATE KJX SOMETHING"})["plate"] == "KJX*"


def test_something_elsewhere_in_capitals_is_no_plate() -> None:
    text = "WRITE DOWN THE PLATE KBO 385. SOMEBODY NEEDS TO DO SOMETHING ABOUT HIM"
    assert extract({"what_happened": text})["plate"] == "KBO385"

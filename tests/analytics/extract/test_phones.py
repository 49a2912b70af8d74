"""Phone extraction: full numbers in E.164, fragments, and the traps around them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract import normalise_report
from analytics.extract.phones import canonical_phone, extract, without_reporter_numbers


@pytest.mark.parametrize(
    ("column", "text", "phones", "fragments"),
    [
        ("aggressor_phone", "250-555-0134", "+12505550134", ""),
        ("aggressor_contact", "txt only\n672 555\n01 54", "+16725550154", ""),
        (
            "what_happened",
            "called from what must be his office - my phone showed 604-555-0102",
            "+16045550102",
            "",
        ),
        (
            "what_happened",
            "Cell: six-zéro-quatre cinq-cinq-cinq zéro-un-un-cinq.",
            "+16045550115",
            "",
        ),
        (
            "what_happened",
            "his fone is to fife oh, fife fife fife, oh one won oh. he got red hair",
            "+12505550110",
            "",
        ),
        (
            "what_happened",
            "moved to text (778-555... hang on fat thumbs ...0136) and we",
            "+17785550136",
            "",
        ),
        ("aggressor_phone", "(778) 555 01 34", "+17785550134", ""),
        ("aggressor_phone", "+1 236 555 0123", "+12365550123", ""),
        ("aggressor_phone", "1-604-555-0188", "+16045550188", ""),
        ("aggressor_phone", "2505550134", "+12505550134", ""),
        ("aggressor_phone", "250.555.0111 or 778-555-0199", "+12505550111;+17785550199", ""),
        ("aggressor_phone", "blocked", "", ""),
        ("aggressor_phone", "private number", "", ""),
        ("aggressor_phone", "555-0134", "", "5550134"),
        ("aggressor_phone", "250-555-01xx", "", "25055501??"),
        (
            "what_happened",
            "He called me before from 250.555.0111 so thats his number.",
            "+12505550111",
            "",
        ),
        ("what_happened", "AGG: WM 50s. PH 2505550111. P/U Govt/Pembroke", "+12505550111", ""),
        ("what_happened", "tried to grab her, new # 236-555-0145", "+12365550145", ""),
        ("what_happened", "texts from 604 555 0188.", "+16045550188", ""),
        ("what_happened", "his number ended in 0134, texted from a blocked line after", "", "0134"),
        ("what_happened", "last 4 digits were 0134", "", "0134"),
        ("what_happened", "couldn't get the full number, just 555-0134", "", "5550134"),
        ("aggressor_description", "number on his truck door 250-555-0162", "+12505550162", ""),
        ("what_happened", "texting 2 5 0 5 5 5 0 1 5 9 asking for girls", "+12505550159", ""),
        (
            "what_happened",
            "his number is two five zero, five five five, zero one three four",
            "+12505550134",
            "",
        ),
        ("what_happened", "call seven seven eight 555 oh one nine nine", "+17785550199", ""),
        ("what_happened", "ph ends 0183", "", "0183"),
        ("aggressor_phone", "...0178", "", "0178"),
        ("what_happened", "beat her up, cell ...0137", "", "0137"),
        ("what_happened", "number xxx-xxx-0134", "", "0134"),
        ("what_happened", "plate ZT2 4?? - Choked - uses last 4 0123.", "", "0123"),
        ("what_happened", "texted from 250555o161 sorry my o key is broken", "+12505550161", ""),
        ("what_happened", "the number was 236-555-01o7 (a letter o)", "+12365550107", ""),
        ("what_happened", "he calls from 0016725550190, she read it", "+16725550190", ""),
        ("what_happened", "texted from 67 25 55 01 55 (as in her contacts)", "+16725550155", ""),
        ("what_happened", "number is 672 555 and then 0100. hes 19", "+16725550100", ""),
        ("aggressor_phone", "67 25 55 01 55", "+16725550155", ""),
        (
            "what_happened",
            "his number is 780 555\n0104 sorry hit send too fast",
            "+17805550104",
            "",
        ),
        ("what_happened", "He give me his number: (672) 555-01 and then 11", "+16725550111", ""),
        (
            "what_happened",
            "texted from 780-555-0164, no wait, KP rechecked her phone, 780-555-0146.",
            "+17805550146",
            "",
        ),
        (
            "what_happened",
            "read it as 780-555-0199, then corrected herself: (780-555-0190)",
            "+17805550190",
            "",
        ),
        ("what_happened", "his # is 306-555-0118 sorry typo its 306-555-0181", "+13065550181", ""),
        ("what_happened", "his number 431 555 0151 oops 431 555 0155", "+14315550155", ""),
        (
            "what_happened",
            "texted from 250-555-0134. sorry this is long, he also called from 250-555-0178",
            "+12505550134;+12505550178",
            "",
        ),
    ],
)
def test_phones_found(column: str, text: str, phones: str, fragments: str) -> None:
    assert extract({column: text}) == {"phones": phones, "phone_fragments": fragments}


@pytest.mark.parametrize(
    "text",
    [
        "text me at 778-555-0199 if you need more info",
        "my number is 250 555 0100, please don't share it",
        "you can call me back on 604-555-0177",
        "I can be reached at 2505550190",
        "2505550190 (my number)",
        "paid $200 at 11:30, he was 5'11 and 45, plate BV4 21K",
        "happened 2026-03-04 around 23:40, report 20260304",
        "he lives at 1234 Fort St, postal V8W 1A1",
        "plate ends in 421",
        "waited 20 minutes, it ended 20 mins later",
        "drove a 2012 F150, asked for $150 then $300",
        "he said 1500 for the night which was weird",
        "reporter's # 250-555-0190",
        "you can reach her at 250-555-0190",
        "call back number 250-555-0190",
        "i went into a store and he left. text back 672-555-0196",
        "No me pagó. Mi número es 639-555-0107 si necesitan algo.",
        "Caller's number 250-555-0190",
        "waited... 150 bucks, he paid...150",
        "call rptr back at 334-555-0104",
        "Reporter can be reached at 952-555-0158.",
        "two guys, one had a knife, three of them, about two or three blocks away",
        "on 12 03 2035 at 10 45 he came back",
        "room 12 34 56 78 90 at the motel",
    ],
)
def test_traps_give_no_aggressor_phone(text: str) -> None:
    assert extract({"what_happened": text}) == {"phones": "", "phone_fragments": ""}


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("my number is 250-555-0100 his is 250-555-0134", "+12505550134"),
        ("text me back at 250 555 0100 - he used 778 555 0134", "+17785550134"),
        ("he said call me at 604 555 0111", "+16045550111"),
        ("PH: 250 555 0134 (his), mine is 778 555 0100", "+12505550134"),
        ("he got her number and texted from 250 555 0134", "+12505550134"),
        ("my phone got texts from 250-555-0134", "+12505550134"),
    ],
)
def test_reporter_number_dropped_aggressor_number_kept(text: str, phones: str) -> None:
    assert extract({"what_happened": text})["phones"] == phones


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("text only 778-555-0190", "+12505550134"),
        ("text me at 778-555-0190 please", "+12505550134"),
        ("(778) 555 0190 or kay@example.org", "+12505550134"),
        ("kay@example.org", "+12505550134;+17785550190"),
        ("", "+12505550134;+17785550190"),
    ],
)
def test_without_reporter_numbers(contact: str, expected: str) -> None:
    assert without_reporter_numbers("+12505550134;+17785550190", contact) == expected


def test_a_number_given_as_the_reporters_own_anywhere_is_left_out_everywhere() -> None:
    report = {
        "aggressor_phone": "778 555 0104 (no - caller's own, his was blocked)",
        "what_happened": "caller first gave 778 555 0104 but then said no. He texted 250 555 0134",
    }
    assert extract(report)["phones"] == "+12505550134"


@pytest.mark.parametrize(
    "text",
    [
        "took her money\nPH: 6725550150\nReporter can be reached at 347 555 0182",
        "He robbed her His # 672.555.0150 My number is 658-555-0161 if police want to talk",
        "cell: (672) 555-0150\nRptr's own # (208)555-0122 (not agg's)",
    ],
)
def test_the_reporters_number_introduced_after_his_does_not_take_his_with_it(text: str) -> None:
    assert extract({"what_happened": text})["phones"] == "+16725550150"


def test_a_number_followed_by_my_number_is_still_the_reporters() -> None:
    assert extract({"what_happened": "call 250-555-0101 (my number) not his"})["phones"] == ""


def test_plate_column_endings_are_not_phone_fragments() -> None:
    assert extract({"plate": "ends in 516"}) == {"phones": "", "phone_fragments": ""}


def test_fragment_of_a_found_number_is_not_repeated() -> None:
    found = extract({"aggressor_phone": "250-555-0134", "what_happened": "number ends in 0134"})
    assert found == {"phones": "+12505550134", "phone_fragments": ""}


def test_number_in_column_and_narrative_is_listed_once() -> None:
    report = {"aggressor_phone": "250 555 0134", "what_happened": "calls from (250) 555-0134"}
    assert extract(report)["phones"] == "+12505550134"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(250) 555-0134", "+12505550134"),
        ("+12505550134", "+12505550134"),
        ("555-0134", ""),
        ("123-456-7890", ""),
        ("", ""),
    ],
)
def test_canonical_phone(text: str, expected: str) -> None:
    assert canonical_phone(text) == expected


@given(st.text())
def test_canonical_phone_is_idempotent_and_total(text: str) -> None:
    once = canonical_phone(text)
    assert canonical_phone(once) == once


@given(st.text(), st.text())
def test_extract_never_crashes(narrative: str, column: str) -> None:
    result = extract({"what_happened": narrative, "aggressor_phone": column})
    assert set(result) == {"phones", "phone_fragments"}


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("this number 250 555 01 seven eight has booked me four times", "+12505550178"),
        ("he said his number is 778 555 01 to five he parked at the mall", "+17785550125"),
        ("talk to 250 555 01 seven eight before you go", "+12505550178"),
        ("call 250 555 0134 for two hours", "+12505550134"),
        ("i waited for 2 hours at 7 to 9", ""),
        ("he is six foot two, 250 lbs, for one hour", ""),
        ("his number is 672 555 01 thirty four, he texted me first", "+16725550134"),
        ("call 250 555 oh one twelve", "+12505550112"),
        ("he gave me six sevin too fyve fyve fyve oh wun fyve wun", "+16725550151"),
        ("Number he used seven eighty, triple five, oh double one two.", "+17805550112"),
        ("he was thirty five maybe forty, 6 foot 2, paid twenty", ""),
        ("he did pay. phone (seven seven eight) 555-0112", "+17785550112"),
        (
            "Number he texted her from: eight two five, five five five, zero one zero two. Three "
            "20s, all fake",
            "+18255550102",
        ),
    ],
)
def test_numbers_half_in_words_as_voice_to_text_writes_them(text: str, phones: str) -> None:
    assert extract({"what_happened": text})["phones"] == phones


@pytest.mark.parametrize(
    ("narrative", "phones"),
    [
        ("Number he gave was 639-555. Then 0112. Goes to a voicemail", "+16395550112"),
        ("voice to text. he calls and calls from 4 31 555 0186 like 10 times", "+14315550186"),
        ("he paid 250 and then 1000 later", ""),
    ],
)
def test_numbers_given_in_pieces(narrative: str, phones: str) -> None:
    assert extract({"what_happened": narrative})["phones"] == phones


@pytest.mark.parametrize(
    ("narrative", "fragments"),
    [
        ("I blocked 0165 and now he's texting from 672 555 01 91", "0165"),
        ("Ray (ray_jb_gent, 672 555 0191, formerly 0165), I promise", "0165"),
        ("formerly 2019 he lived out in Sooke", ""),
    ],
)
def test_the_end_of_a_number_he_used_before_is_a_fragment(narrative: str, fragments: str) -> None:
    assert extract({"what_happened": narrative})["phone_fragments"] == fragments


def test_the_story_saying_the_phone_box_holds_her_own_number_leaves_it_out() -> None:
    report = {
        "what_happened": "(the number in the phone box is A's own, she wants a call back)",
        "aggressor_phone": "778-555-0111",
    }
    assert extract(report)["phones"] == ""


@pytest.mark.parametrize(
    ("report", "phones", "fragments"),
    [
        ({"aggressor_phone": "4O3 555 O178"}, "+14035550178", ""),
        ({"what_happened": '"He gave her a number, 204, 555, 01, 73."'}, "+12045550173", ""),
        ({"what_happened": "Number he gave her ended 0146, she didn't keep the rest."}, "", "0146"),
        (
            {"what_happened": "blocked the 0142 number and now this from 639-555-0167"},
            "+16395550167",
            "0142",
        ),
        ({"what_happened": "the trip ended 2019 when he moved"}, "", ""),
        ({"what_happened": "he texted prices 100, 200, 300, 400 and then 50"}, "", ""),
    ],
)
def test_numbers_written_down_in_a_hurry(
    report: dict[str, str], phones: str, fragments: str
) -> None:
    found = extract(report)
    assert (found["phones"], found["phone_fragments"]) == (phones, fragments)


@pytest.mark.parametrize(
    ("narrative", "phones"),
    [
        ("his number is two three six um five five five zero one nine eight okay", "+12365550198"),
        (
            "the number is four three one five five five oh one fifty one uh four three one is "
            "like Manitoba I think",
            "+14315550151",
        ),
        ("Number texting her: 2 0 4 - 5 5 5 - 0 1 9 4. She's going", "+12045550194"),
        ("He texts from a new number now, 306 - 555 - 0142.", "+13065550142"),
    ],
)
def test_numbers_read_out_with_pauses_or_typed_with_spaced_dashes(
    narrative: str, phones: str
) -> None:
    assert extract({"what_happened": narrative})["phones"] == phones


def test_the_phone_box_said_to_be_mine_not_his_is_left_out() -> None:
    report = {
        "what_happened": "the number above is MINE not his sorry, text me back there",
        "aggressor_phone": "236-555-0108",
    }
    assert extract(report)["phones"] == ""


@pytest.mark.parametrize(
    ("text", "phones", "fragments"),
    [
        ("He books from ７０９－５５５－０１７２.", "+17095550172", ""),
        ("客人叫 Tibs，phone 709－555－0186 new number。", "+17095550186", ""),
        ("he not pay. he call from number end 0147 for booking.", "", "0147"),
        ("his number is saved in my phone as 5550127 no area code", "", "5550127"),
    ],
)
def test_numbers_in_full_width_digits_or_second_language_english(
    text: str, phones: str, fragments: str
) -> None:
    found = normalise_report({"what_happened": text})
    assert (found["phones"], found["phone_fragments"]) == (phones, fragments)


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("250-555-0101 is my number 778-555-0123 is his", ""),
        ("his number 604-555-0199. 250-555-0101 for me 24/7", "+16045550199"),
    ],
)
def test_her_number_before_his_stays_hers(text: str, phones: str) -> None:
    assert extract({"what_happened": text})["phones"] == phones


def test_a_street_block_after_end_is_no_fragment() -> None:
    assert extract({"what_happened": "met him at the end 1400 block of douglas"}) == {
        "phones": "",
        "phone_fragments": "",
    }


def test_a_number_passed_on_for_her_is_hers() -> None:
    text = (
        "Took her to a friend's. She gave me this number to pass on if anyone needs her: "
        "249-555-0161."
    )
    assert extract({"what_happened": text})["phones"] == ""


def test_his_own_if_you_need_me_keeps_his_number() -> None:
    text = "his text said 'if you need me text 778-555-0199'"
    assert extract({"what_happened": text})["phones"] == "+17785550199"


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        (
            "ran the screenshot thru a text app | Ryder | 7O5-555-Ol47 | Today 9:4l PM",
            "+17055550147",
        ),
        ("D0rian / +l 705-555-0l63 / Iast chance", "+17055550163"),
        ("WendeII / (7O5) 555-Ol42 / ur lucky", "+17055550142"),
    ],
)
def test_a_number_misread_by_text_recognition_is_repaired(text: str, phones: str) -> None:
    assert extract({"what_happened": text})["phones"] == phones


def test_letters_beside_digits_that_make_no_number_stay_letters() -> None:
    assert extract({"what_happened": "plate LSS 1234 and he paid 200 SSS lol"}) == {
        "phones": "",
        "phone_fragments": "",
    }


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("his contact and number 705 555 01.. (last two digits under her thumb)", "70555501"),
        ("PH 306 555 01[illegible] / brn chev p/u", "30655501"),
        ("same guy as march. blocked 0121 and now hes on this one", "0121"),
    ],
)
def test_the_read_part_of_a_number_is_a_fragment(text: str, fragments: str) -> None:
    assert extract({"what_happened": text}) == {"phones": "", "phone_fragments": fragments}


def test_a_cut_off_number_given_in_full_later_is_no_fragment() -> None:
    text = "PH [crossed out: 867-555-01..] -> 867 555 0172"
    assert extract({"what_happened": text}) == {"phones": "+18675550172", "phone_fragments": ""}


def test_her_number_pointed_out_by_its_area_code_in_a_pasted_thread_is_hers() -> None:
    text = (
        "12/03/2064, 23:15 - +1 705-555-0163: I know your landlord\n"
        "12/03/2064, 23:17 - +1 873-555-0140: please stop\n(the 873 one is me.)"
    )
    assert extract({"what_happened": text})["phones"] == "+17055550163"


def test_a_number_marked_hers_in_the_phone_column_is_left_out() -> None:
    report = {
        "aggressor_phone": "905 555 0144 (HERS - call her back)",
        "what_happened": "Client Gideon, his number was 289-555-0123.",
    }
    assert extract(report)["phones"] == "+12895550123"

"""Text the paste, follow-up and correction readers must leave alone: the worker's own name,
number or address, a friend or a colleague, words that look like names, harms that did happen."""

from __future__ import annotations

import pytest

from analytics.extract import normalise_report


def read(text: str, **columns: str) -> dict[str, str]:
    return normalise_report({"what_happened": text, **columns})


@pytest.mark.parametrize(
    "text",
    [
        "Outreach text exchange with the worker:\nMe: are you safe right now?\n"
        "Kayla: yes but he took my money and hit me\nMe: ok",
        "My friend texted me this after:\nAmber: he did the same thing to me\nMe: omg thank you",
        "Jess: 200 for the hour\nDelivered\nHim: ok omw",
        "didnt pay. Please warn the girls.\nJess\n250-555-0199",
        "You can reach me here:\nJess\n250-555-0199",
        "Forwarding what the worker sent us:\nFrom: Kayla Brooks <kayla.b@example.com>\n"
        "Subject: bad date",
        "Caller said she was Tiffany and that the man choked her",
        "Amber again. Same guy as last week, he choked me",
        "Hi! Amber again, the creep from Langford is back",
        "My ad that he copied:\nJess, 24 | Victoria | incall",
        "Drunk again. Late again, he never showed",
        "Still Shaking. he grabbed my arm",
        "(big white guy, Drunk) grabbed my arm",
        "(sketchy guy, Langford) grabbed my arm",
        "he flashed a badge, said he was Undercover",
        "Fernwood, 12/03\nhe grabbed my arm",
    ],
)
def test_no_name_of_his_is_made_from_her_side_or_a_word(text: str) -> None:
    assert read(text)["names"] == ""


def test_her_handle_in_a_two_way_thread_is_not_his() -> None:
    text = "jess.vic.xo: 200 for the hour\nSeen\nbigmike_77: ok omw"
    assert read(text)["handles"] == ""


def test_a_group_chat_with_a_seen_mark_keeps_its_members_out() -> None:
    text = (
        "[22:14] pixie_dust: anyone know this guy\n[22:15] west_wren: he used bigmike_77 on "
        "tryst\nSeen"
    )
    assert read(text)["handles"] == "bigmike_77"


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Screenshot of our chat:\nMe 25O-555-Ol99\nHim 778-555-0143", "+17785550143"),
        ("the 250 one is mine, his is 250-555-0143", "+12505550143"),
    ],
)
def test_her_number_in_a_paste_and_his_number_beside_hers(text: str, phones: str) -> None:
    assert read(text)["phones"] == phones


@pytest.mark.parametrize(
    "text", ["He paid 200 300 40... then left", "Blocked 2300 and then he came back"]
)
def test_money_and_round_numbers_are_no_fragments(text: str) -> None:
    assert read(text)["phone_fragments"] == ""


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        ("He promised an e-transfer but the e-transfer never came through.", "non_payment"),
        ("He did pay for the first hour but refused to pay for the second.", "non_payment"),
        ("When I asked for it back he didnt take it well and punched me", "physical_assault"),
        ("Nothing was taken from the room but he stole my phone", "theft"),
        ("He took my wallet. I found it in my car later, empty, $300 gone.", "theft"),
        (
            "He wanted to take back the part that he paid and when I said no he choked me until "
            "I blacked out.",
            "strangulation",
        ),
    ],
)
def test_a_harm_that_did_happen_stays(text: str, harm: str) -> None:
    assert harm in read(text)["incident_types"].split(";")


def test_her_own_deposit_is_no_harm() -> None:
    assert "non_payment" not in read("She kept her deposit since he no-showed.")["incident_types"]


@pytest.mark.parametrize(
    ("text", "neighbourhood"),
    [
        (
            "Outcall to the Days Inn downtown. I meant to leave early because of my shift",
            "Downtown",
        ),
        ("took me to his place in Saanich. He actually is from Nanaimo", "Saanich"),
    ],
)
def test_everyday_words_are_no_place_correction(text: str, neighbourhood: str) -> None:
    assert read(text)["neighbourhood"] == neighbourhood


@pytest.mark.parametrize(
    "text",
    ["the golf guy from the Uplands club", "the taurus guy at the bar", "he had a legend plate"],
)
def test_words_before_guy_that_are_no_car(text: str) -> None:
    assert read(text)["vehicle_model"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "screenshot of his contact:\nLangford\n250-555-0143\nok im outside",
        "copied from the thread with him, Summary is his:\nSummary: he owes me 200\nMe: ok\n"
        "Summary: fine",
    ],
)
def test_a_place_or_a_label_where_a_paste_puts_a_name_is_no_name(text: str) -> None:
    assert read(text)["names"] == ""

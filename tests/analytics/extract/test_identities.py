"""Names and handles the aggressor used, from the name and contact columns and the narrative."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analytics.extract.identities import canonical_handle, canonical_name, extract


@pytest.mark.parametrize(
    ("column", "names"),
    [
        ("Mike", "mike"),
        ('"Dave" (fake?)', "dave"),
        ("Dave (probably fake)", "dave"),
        ("Mike / Mikey", "mike;mikey"),
        ("Paul, Pete or Phil", "paul;pete;phil"),
        ("said his name was Dave", "dave"),
        ("Big J", "big j"),
        ("Mr. Grant", "grant"),
        ("Dr. Smiles", "smiles"),
        ("unknown", ""),
        ("didn't say", ""),
        ("n/a", ""),
        ("no name given", ""),
    ],
)
def test_name_column(column: str, names: str) -> None:
    assert extract({"aggressor_name": column})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("I want to warn the other girls about a guy who calls himself Rick.", "rick"),
        ("Classic time waster. Goes by Trev. Emailed from trev.v@example.com", "trev"),
        ('AGG: WM 30s. Name "Jay". Pulled knife at Saxe Pt', "jay"),
        ("Caller says she met a client named Dan in the Uptown lot", "dan"),
        ("goes by Trent, Grindr name islandfox_77, texting me", "trent"),
        ("his name is Isaac", "isaac"),
        ("a different name each time (Paul, Pete, Phil) and never shows up", "paul;pete;phil"),
        ('Guy "Tank" picked her up downtown', "tank"),
        ('white guy 30s, glasses, "Brandon", paid', "brandon"),
        ("heavy, british accent, said his name was Nigel.", "nigel"),
        ("his name is probably fake, calls himself mike", "mike"),
        ("goes by Big J, drives a van", "big j"),
        ("Mike again, grey Sienna van, asked her to get in", "mike"),
        ("AVOID RICK GRAY VAN CALLS FROM 250 555 0111", "rick"),
        ("took $ back. Rick.", "rick"),
        ("Mr. Grant booked the incall again", "grant"),
        ("not Big J, someone else, calls himself Tony", "tony"),
        ('said "carl" (fake?), wouldnt let her out', "carl"),
        ("near pandora and store name dave didnt pay", "dave"),
        ("NAME: jason / Date June 1, 2024", "jason"),
        ("He said he was paul. Please share.", "paul"),
        ("stealthing. 'Kevin'", "kevin"),
        ('The male identified himself as "Sergeant Boyd" and showed a badge', "boyd"),
        ("Guy called himself Col, meets at Saxe Point park in the lot after dark.", "col"),
        ("Client called himself Garrett, American accent, early ferry", "garrett"),
        ("This ajeossi, he say name Steve ajeossi, maybe 60", "steve"),
        ("this guy kenny pict me up at the truk stop in duncan on the hiway", "kenny"),
        ("dale (van life guy). wht sprinter, parked by the lagoon lot all week", "dale"),
        ("Says his name's Brock, he's here \"till the end of the month\"", "brock"),
        ("Says his name's Mateo, Latino, late 20s, short", "mateo"),
        ("Kelvin from Calgary is BACK, same thing, fake e-transfer", "kelvin"),
        ("Dale's changed trucks. Grey Colorado now.", "dale"),
        ('held a badge out the window: "Constable Brandt, VicPD."', "brandt"),
        ("that old len guy again\nher: the honda sienna one silver", "len"),
        ('goes by "Master K" on the kink site', "k"),
        ("he calls himself Kuya Tito, he is also Pinoy", "tito"),
        ('He said his name was Rick, "Captain Rick", keeps a white sailboat', "rick"),
        ("he told her to call him G, white truck with ladders", "g"),
        ("Un gars qui s'appelle Stéphane, accent du Lac-Saint-Jean", "stéphane"),
        ("Un hombre, dice que se llama Rick, me llamó del 780", "rick"),
        ("the realtor Quentin again (james bay lady here). new number now", "quentin"),
        ("Re the charter boat man in Sooke Harbour (Wendell, the Kittiwake). He did", "wendell"),
        ("Elwood again, the Legion jacket, my pills, my wall.", "elwood"),
        ("I am adding to the reports about the man (Ezra, metchosin_ez on LeoList).", "ezra"),
    ],
)
def test_names_in_narrative(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    "narrative",
    [
        'he said "Shut up" and told me to "cooperate"',
        "picked me up on Douglas by the Bay Centre, drove to James Bay",
        "met at the Tim Hortons on Gorge, then Dallas Rd",
        "my friend got in a van, she's ok now",
        "no name, white guy 40s",
        'Plate started with "K" she thinks.',
        "Rich white guy, 50s, took her to Vic General",
        "Thanks, Steve (outreach worker)",
        "parked at the Jordan River lot, then Russell St",
        "NOT the goatee Mike, a different guy",
        "my boyfriend Mike picked me up after",
        "He wasted my time and was tall",
        'he said "stop" and she said "no"',
        'kept his hand in his pocket and said "don\'t make me". I gave it back',
        "threw his coffee at me on Fairfield rd by ross bay cemetery, yelling",
        'he is in a few phones up island as "Pastor"',
        'His number is in her phone as "Landlord".',
        "he books again the next week with a different name uh please just put him on there",
        "I waited at Quentin's for an hour and he never came",
        "drove out past Elwood and Lowell and parked",
    ],
)
def test_no_name_false_positives(narrative: str) -> None:
    assert extract({"what_happened": narrative})["names"] == ""


@pytest.mark.parametrize(
    ("report", "handles"),
    [
        ({"aggressor_contact": "@bigmike250, mike.v@example.com"}, "mike.v@example.com;bigmike250"),
        ({"aggressor_contact": "LeoList kevin_vic"}, "kevin_vic"),
        ({"aggressor_contact": "Grindr: alex_yyj"}, "alex_yyj"),
        ({"what_happened": 'this guy on LeoList "kevin_vic" keeps messaging'}, "kevin_vic"),
        ({"what_happened": "Met a guy on Grindr last week, username alex_yyj"}, "alex_yyj"),
        ({"what_happened": "His instagram is @trevvv_yyj."}, "trevvv_yyj"),
        (
            {"what_happened": "Same email every time: P.Smith.YYJ@example.net."},
            "p.smith.yyj@example.net",
        ),
        ({"what_happened": "met on tryst, paid $200 at 11:30"}, ""),
        ({"what_happened": "Grindr PSA. Sniffies warning. Please put him on as a Grindr guy."}, ""),
        (
            {"what_happened": "on LeoList as coastal_gent_yyj.\n> reply from sooke_sal: same here"},
            "coastal_gent_yyj",
        ),
        ({"what_happened": "Posted by westshore_wren\nGuy on Tryst as vic_gent_9"}, "vic_gent_9"),
        ({"what_happened": "his snap is bigmike250"}, "bigmike250"),
        ({"aggressor_contact": "not given"}, ""),
        ({"aggressor_contact": "UNK"}, ""),
        ({"what_happened": "Rptr can be reached at lex586@example.com"}, ""),
        ({"what_happened": "on Tryst as 'VicGent'"}, "vicgent"),
        ({"what_happened": "email me at kaylee@example.org if you need anything"}, ""),
        (
            {"what_happened": "he emailed from trev.v@example.com, my email is me@example.org"},
            "trev.v@example.com",
        ),
        (
            {"what_happened": 'found me on Squirt as "LakeHouseLou", met by the water'},
            "lakehouselou",
        ),
        ({"what_happened": "goes by Trent, Grindr name islandfox_77, texting me"}, "islandfox_77"),
        (
            {"what_happened": "it's the Nate from the LeoList warnings (nate_on_the_rock)"},
            "nate_on_the_rock",
        ),
        ({"aggressor_contact": "Seeking: vicguy_sails"}, "vicguy_sails"),
        ({"what_happened": "my handle on leolist is sweet_jess_yyj, he messaged me"}, ""),
        ({"aggressor_contact": "WhatsApp only"}, ""),
        ({"what_happened": 'he said he "knows people who handle things"'}, ""),
        (
            {"what_happened": "Met him on Seeking (CaptainWes_YYJ). my account went -$800"},
            "captainwes_yyj",
        ),
        ({"what_happened": "the creep is on Fansly now as lowtide_brody. he"}, "lowtide_brody"),
        ({"what_happened": "that jxsh_vic guy who messaged me in april"}, "jxsh_vic"),
        ({"what_happened": "he's on my fansly as islandwatch88. block him"}, "islandwatch88"),
        ({"what_happened": "Buyer nick.b.fan ordered three custom clips"}, "nick.b.fan"),
        ({"what_happened": "met at 10 a.m. at the mall, e.g. by the food court"}, ""),
        ({"what_happened": "drove a rav4, later a mazda3 with a cx5 behind"}, ""),
        ({"what_happened": "his insta is still jmoney250."}, "jmoney250"),
        ({"what_happened": "the account is closed. We call him many times"}, ""),
        ({"what_happened": "Profile pic is a sailboat, says he's from Sooke"}, ""),
        ({"what_happened": "Online handle: gordo_yyj on LeoList\nQ9 Describe him"}, "gordo_yyj"),
        ({"what_happened": "He talks to me on WeChat, his ID is kazu.vic"}, "kazu.vic"),
        ({"aggressor_contact": "LINE: kazu.vic"}, "kazu.vic"),
        ({"aggressor_contact": "deacon.blue.yyj / deaconblue_2"}, "deacon.blue.yyj;deaconblue_2"),
        (
            {"what_happened": "chat:\n[10:05] hazel.b: anyone know patron_arts78?\nIt's hazel.b's"},
            "patron_arts78",
        ),
        ({"what_happened": "> **mod_sage**: heads up, we banned an alt"}, ""),
        ({"what_happened": "Pascal (p.lavoie77 at example dot ca) again"}, "p.lavoie77@example.ca"),
        ({"what_happened": "he was at home dot com by then"}, ""),
        ({"what_happened": "reddit guy alert. u/islandsailor44, posts on r4r"}, "islandsailor44"),
        ({"what_happened": "Marc from Tryst is harassing girls in Fernwood"}, ""),
        ({"what_happened": "his tryst.link page is gone"}, ""),
    ],
)
def test_handles(report: dict[str, str], handles: str) -> None:
    assert extract(report)["handles"] == handles


@given(st.text())
def test_canonical_name_is_idempotent_and_total(text: str) -> None:
    once = canonical_name(text)
    assert canonical_name(once) == once


@given(st.text())
def test_canonical_handle_is_idempotent_and_total(text: str) -> None:
    once = canonical_handle(text)
    assert canonical_handle(once) == once


@given(st.text(), st.text(), st.text())
def test_extract_never_crashes(narrative: str, name: str, contact: str) -> None:
    result = extract(
        {"what_happened": narrative, "aggressor_name": name, "aggressor_contact": contact}
    )
    assert set(result) == {"names", "handles"}


@pytest.mark.parametrize(
    "narrative",
    [
        'he was wearing a "Canucks" hoodie',
        'plate was bc plate starting with "NR". nothing else',
        'GUY SAID HE WAS UNDERCOVER + TOOK HER $ AS "EVIDENCE". FAKE COP.',
        "drove to the Mount Doug parking lot and made her pay him back",
        'big build, grey moustache, orange "Stihl" ball cap, two fingers gone',
        'plumbing van, the company name starts with "Peninsula" something',
        "kai: got me too, same profile pics. lexi: blocked him after",
        "Reg owner info not releasable to the program.",
        "chews tobacco, spits it in a Tim's cup",
        "NOT the tidewatcher/Brody guy people posted about",
    ],
)
def test_quoted_things_and_places_are_not_names(narrative: str) -> None:
    assert extract({"what_happened": narrative})["names"] == ""


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("AGG: wht female mid 60s Name given: JESS DATE: 2024-02-11", "jess"),
        ("SA'd her / DESC: 62ish heavy glasses / Name given: paul / Loc: Mayfair", "paul"),
        ("He had a gun in the glovebox and showed it. He said he was Mark", "mark"),
        ("She beat me up, didn't pay. She said she was Kim.", "kim"),
        ("beard, said amir, keeps calling", "amir"),
        ("he said he was Canadian and in town for work", ""),
        ("she said she was in town for work", ""),
    ],
)
def test_names_given_on_forms_and_said_of_himself(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("column", "names"),
    [
        ("Sonny, now says Santino", "sonny;santino"),
        ("Ray, says he's a doctor", "ray"),
        ("Brent from Calgary", "brent"),
        ('"Detective Sloan" (self-identified)', "sloan"),
        ("Dave (to us); my attendant knows him as Dale", "dave;dale"),
        ('"Dale", also uses "Dave"', "dale;dave"),
        ("Sloan daw", "sloan"),
        ("Christopher (Chris)", "christopher;chris"),
        ("Howard (regular)", "howard"),
        ("Steve (ajeossi)", "steve"),
    ],
)
def test_name_column_with_remarks(column: str, names: str) -> None:
    assert extract({"aggressor_name": column})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("red beard mike again. white rav4, plate KVW 3 something", "mike"),
        ("troy, black 300, TPX 904, down at banfield park.", "troy"),
        ("bad date!! dave, blk ram NV7 4?? big guy camo hat.", "dave"),
        ("the Troy guy from the Van list - black chrysler 300", "troy"),
        ("silver caravan DL4 7?? guy says hes gary. choked T", "gary"),
        ('BAD DATE!!!! FAKE COP!!!! NAME: "OFFICER BRANDT"', "brandt"),
        ("PICKED HER UP ON ROCK BAY, SAID NAME MIKE, PARKED DOWN BY THE WATER.", "mike"),
        ("booked via Tryst, name given as Kyle, phone 672 555 0198", "kyle"),
        ("Q: name? A: Ty. I think the one from your list", "ty"),
        ('a "Interac" email that is not from interac', ""),
        ('She is sure he is not the older "Gary". He told her to call him Ron.', "ron"),
        ("this is NOT the black Q5 / Warren guy, this one drives an A4", ""),
        ("Vince (vinny.v.604) sent a message to her ex", "vince"),
        ("nate.nw bought a custom video with a fake payment screenshot", ""),
    ],
)
def test_names_in_terse_notes_forms_and_shouting(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


def test_a_name_before_a_bracketed_alias_in_the_name_column() -> None:
    assert extract({"aggressor_name": "Pops (also goes by Lenny)"})["names"] == "pops;lenny"


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("update on Neil (grey outback, 236 555 0185). there was a note", "neil"),
        ("[01:15] lexi: wade w the tahoe got me again tonight.", "wade"),
        ("2 guys silver caravan. driver len (mullet) + a heavy guy in back", "len"),
        ("He said call me Sul. He poured her a coffee from a thermos", "sul"),
        ("I'm the Sooke girl with the Clint reports.", "clint"),
        ("Same guy, talks about his dog Bruno. Now in a dark grey Colorado.", ""),
        ("picked me up on Douglas (near Hillside) and drove to the lot", ""),
    ],
)
def test_names_in_chats_updates_and_beside_a_bracket(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("**Name he gave:** Dan / Danny\n**Number:** +1 (587) 555-0173", "dan;danny"),
        ("he says his name is uh Colin or Cullen something like that", "colin;cullen"),
        ("NB NOT Gary's van (Gary = old, KX7 plate, no bottom teeth)", ""),
        ("Lance aka galahad_knight250 is now doing it on the new site too", "lance"),
        ("said call him Daryl. plate started JK", "daryl"),
    ],
)
def test_names_in_form_pastes_voicemail_and_beside_handles(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("ya pulled up flashed his badge said hes constable kemp and im on his list", "kemp"),
        ('said "constable harris, VicPD, get in or you\'re going to cells"', "harris"),
        ("heads up trent from tryst (calgaryexec_mt) is back in town this wk", "trent"),
        ("the officer conducting the check was polite", ""),
        ("the guy from tinder never showed", ""),
        ("Call from RN at Royal Jubilee ED (pt consented to call). Client per pt: Kenny", "kenny"),
        ('He goes by Will. Mid 30s, sailing tan, "Vineyard Vines" kind of guy.', "will"),
        ('blk jeep wrangler ("Send It" tire cover)', ""),
        ('company logo on the side (a blue wave with a wrench, "Tidewater Mechanical")', ""),
    ],
)
def test_names_after_a_rank_he_gave_and_beside_the_site_he_used(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("J. Morris", "j. morris"),
        ("Tyler B.", "tyler b."),
        ("Dr. Smiles", "smiles"),
        ("Pastor Jim", "jim"),
    ],
)
def test_a_lone_initial_keeps_its_dot_and_titles_go(written: str, name: str) -> None:
    assert canonical_name(written) == name


@pytest.mark.parametrize(
    ("report", "names"),
    [
        ({"what_happened": "circling on his bike, saying hes jesse and he wants to talk"}, "jesse"),
        ({"what_happened": "He gave his name as Gordon. We agreed a price"}, "gordon"),
        ({"what_happened": "got into a semi cab with a driver called Al. Once she was in"}, "al"),
        ({"what_happened": "heads up the leolist mike (mikey_on_the_island) is back"}, "mike"),
        ({"aggressor_name": '"Cpl. Ferris RCMP"'}, "ferris"),
        ({"aggressor_name": "Bylaw Hendricks"}, "hendricks"),
        ({"aggressor_name": "bylaw guy"}, ""),
        ({"what_happened": 'Trucker called "Dutch", Alberta guy, blue Kenworth'}, "dutch"),
        ({"what_happened": 'flagging him (code word for the group: "Blue Heron")'}, ""),
        ({"what_happened": "guy books as Kev on Leo (kev_island_trips), bad feeling"}, "kev"),
        ({"what_happened": "Guy was Kevin, the same Leo account that's on the sheet"}, "kevin"),
    ],
)
def test_names_in_letters_staff_notes_and_ads(report: dict[str, str], names: str) -> None:
    assert extract(report)["names"] == names


@pytest.mark.parametrize(
    ("report", "names"),
    [
        ({"what_happened": "the ginger one (Curt / Curtis), plate RJN 552"}, "curt;curtis"),
        ({"what_happened": "the green outback (Dwayne/DJ) sitting there"}, "dj;dwayne"),
        ({"what_happened": "the trucker (Wade / Wayne, Sask). White cab"}, "wade;wayne"),
        ({"what_happened": "fake e-transfer from the brendan/brandon guy."}, "brandon;brendan"),
        ({"what_happened": "picked up (Douglas / Johnson) by the bay"}, ""),
        ({"what_happened": "the grey dodge ram (Dale) went by twice yelling"}, "dale"),
        ({"what_happened": "A black Ram went by twice. No plate seen."}, ""),
        ({"what_happened": "I think it is him even though the name is different"}, ""),
        ({"aggressor_name": '"Park sajang" / Mr. Park'}, "park"),
        ({"what_happened": 'He asked her to call him "sajang-nim" [interpreter: boss].'}, ""),
        ({"aggressor_name": "Han laoban"}, "han"),
        ({"aggressor_name": "Anh Tony"}, "tony"),
    ],
)
def test_names_beside_titles_and_in_pairs_from_interpreters_and_outreach_logs(
    report: dict[str, str], names: str
) -> None:
    assert ";".join(sorted(extract(report)["names"].split(";"))).strip(";") == names


@pytest.mark.parametrize(
    ("report", "names"),
    [
        (
            {
                "what_happened": "I texted my safety friend Sam who waits downstairs, Sam called "
                "the room, and then Dale let me go.",
                "aggressor_name": "Dale",
            },
            "dale",
        ),
        (
            {
                "what_happened": "Marco drove me (he's our driver, NOT the problem). Client was "
                '"Ted". Marco waited in the car out front.'
            },
            "ted",
        ),
        ({"what_happened": "He said his name was Sam. My friend Jo was outside."}, "sam"),
    ],
)
def test_people_on_the_reporters_side_are_not_named_as_him_anywhere_in_the_story(
    report: dict[str, str], names: str
) -> None:
    assert extract(report)["names"] == names


@pytest.mark.parametrize(
    ("report", "names"),
    [
        ({"what_happened": "A guy named Jace I kind of knew from instagram saw my story"}, "jace"),
        ({"aggressor_name": "mike i think"}, "mike"),
        ({"what_happened": 'A man called Neil ("Pastor Neil") booked her'}, "neil"),
        ({"what_happened": "said his name was Victor, Eastern European accent"}, "victor"),
    ],
)
def test_a_hedge_or_a_lone_title_is_not_part_of_a_name(report: dict[str, str], names: str) -> None:
    assert extract(report)["names"] == names


@pytest.mark.parametrize(
    ("report", "names"),
    [
        ({"what_happened": "texting me nonstop. signs off as Jonno. never met him"}, "jonno"),
        ({"what_happened": '- email only\n- signs off as "R. Dunmore"\n- no car'}, "r. dunmore"),
        ({"what_happened": "Client on Sep 6 gave the name Kessler, older, silver hair"}, "kessler"),
        ({"aggressor_name": "said Officer Brandt"}, "brandt"),
        ({"aggressor_name": "see below", "what_happened": 'Walt booked as "Bill"'}, "walt;bill"),
        ({"what_happened": "he signed the form and left"}, ""),
    ],
)
def test_names_signed_given_or_pointed_to(report: dict[str, str], names: str) -> None:
    assert extract(report)["names"] == names


@pytest.mark.parametrize(
    ("report", "names", "handles"),
    [
        ({"what_happened": "rob aka prairierob no showed me tonight"}, "rob", "prairierob"),
        ({"what_happened": "kev (islandkev77) asked for bare again"}, "kev", "islandkev77"),
        (
            {"aggressor_name": "Theo", "aggressor_contact": "harbourtheo (on the ad site)"},
            "theo",
            "harbourtheo",
        ),
        ({"aggressor_name": "Reg (Reginald)"}, "reg;reginald", ""),
        ({"what_happened": 'A man named Han. She used the word "bazhan" about him'}, "han", ""),
    ],
)
def test_a_one_word_alias_holding_his_name_is_a_username(
    report: dict[str, str], names: str, handles: str
) -> None:
    found = extract(report)
    assert (found["names"], found["handles"]) == (names, handles)


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("The Red Deer guy Hollin is back, same number", "hollin"),
        ("the hummingbird tattoo guy (Orrin) is still out", "orrin"),
        ("Cosmo (647-555-0146), silver sienna, plate first three MLW", "cosmo"),
        ("its R again. Cas has a new number 416-555-0178", "cas"),
        ("A client booked by text from 416-555-0171 as Anselm, said he found me online", "anselm"),
        ('offered me a "free ride", said "its Anatole, remember me"', "anatole"),
        ("Quero avisar sobre um cliente que se chama Thaddeus (no site)", "thaddeus"),
        ("Naam Lorcan dasda si, Irish type accent", "lorcan"),
        ("Banda Aldous naam da, text karda si", "aldous"),
        ("Settlement worker writing for client (Punjabi, international student)", ""),
        ("Red marks visible on neck. Male (the tattoo guy from before) at the desk", ""),
        ("The van guy (white) again at rock bay", ""),
        ("wolf jeep guy (lorcan) GWF 6O4 was at witty's lagoon lot last nite", "lorcan"),
        ("KOI TATTOO GUY (iggy) back on rock bay in the silver sienna", "iggy"),
        ("iggy (koi tat, grey ponytail) in the grn ranger", "iggy"),
        ("aldous the fake etransfer guy is texting from 506-555-0119 now", "aldous"),
        ("thats the gravel pit guy again", ""),
        ("van guy (again) at rock bay", ""),
    ],
)
def test_a_name_of_any_spelling_where_only_a_name_goes(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("INC: harassing, no pay / NAME: Lee / Rptr shaken but safe", "lee"),
        ("threatened / name: GREG / Head St", "greg"),
        ("aka Jonah / Ezekiel", "jonah;ezekiel"),
        ("Rptr states she went to see him. Aggressor mike. Online: texted", "mike"),
        ("earlier today. 0724. namme frank. following her.", "frank"),
        ("Name: nnme sean. His number is 236 555 0148.", "sean"),
        ("He picked me up. Name: name chris.", "chris"),
        ("Per caller, date from the stroll. Aggressor name dave.", "dave"),
        ("He threatened to tell my family. Name: nme GARY. Be safe everyone.", "gary"),
    ],
)
def test_names_in_notes_typed_fast(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "handles"),
    [
        ("his number is 236-5550147. his account: kik guy.v. stay safe ladies.", "guy.v"),
        ("His account: email nicekevin97@example.com.", "nicekevin97@example.com"),
        ("his account: leolist greg560", "greg560"),
    ],
)
def test_the_site_named_before_a_handle_is_not_a_handle(narrative: str, handles: str) -> None:
    assert extract({"what_happened": narrative})["handles"] == handles


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("Man Tiberius, text me. Customer name Tiberius call me for hotel", "tiberius"),
        ("He find me on WeChat，name Lucien，ID moonfox_lucien。", "lucien"),
        ("The man, he say name Fitz, he lock the door with key", "fitz"),
        ("He use the name Osric. Many girls know him.", "osric"),
        ('He said call him "Boss Kim", he owns a restaurant downtown.', "kim"),
        ("lic PG4 88X, had knife, name Mike, Fort & Blanshard", "mike"),
        ("he wrote his name on the cup and his name tag said nothing", ""),
    ],
)
def test_names_in_second_language_english(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("this guy perrin booked me for nye. his ig is perrin.jpeg and he texted", "perrin"),
        ("a client ONE time in dec (soren, ig soren.wanders) and now i see him", "soren"),
        ("its the thad guy i reported. dm from an acc called thaddeus.backup2", "thad"),
        ("old cigar guy - ambrose - is on the sugar app now as ambrose_gent", "ambrose"),
        ('I think it\'s the harbourlights guy, "pay $500 to harbourlights77@example.com"', ""),
        ('this guy "accidentally" took it off, the review board guy "velvetcritic"', ""),
    ],
)
def test_an_unusual_name_that_starts_his_handle(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("I never got a name Tuesday night, he just grabbed me", ""),
        ("I forgot his name Anyway he grabbed me", ""),
        ("he refused to give a name Jessica my coworker saw him", ""),
        ("the white guy grabbed my arm, he messages from whiteknight77", ""),
        ("the silver guy again, snap silverfox69", ""),
        ('the guy "forgot" his wallet, some guy "friend" of a friend', ""),
        ("my friend who calls herself Bambi warned me about him", ""),
        ("He goes by Boss Man, big gold chain", "boss man"),
    ],
)
def test_words_that_only_look_like_names_where_a_name_goes(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("VicPD 2063-01277 (Cst. Oduya #2281). COMPL advised SUSP gave name \"OSRIC\".", "osric"),
        ("Similar MO to the March file. SUSP used name EVANDER. Booking number out of service.",
         "evander"),
        ("his username was anselm_yyj and he signed his texts \"Anselm\". They met", "anselm"),
        ("a man who signs his texts \"Brother Gideon\" has texted her every night", "gideon"),
        ("he said he was Sergeant Boyd and showed a badge", "boyd"),
    ],
)  # fmt: skip
def test_names_in_police_records_and_signed_texts(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


def test_the_officer_who_took_the_report_is_not_him() -> None:
    narrative = "VicPD 2063-06288 (Cst. Haldane #1934). COMPL advised SUSP drove her to a lot."
    assert extract({"what_happened": narrative})["names"] == ""


@pytest.mark.parametrize(
    ("narrative", "names"),
    [
        ("She came down from the 6th floor. He had registered as Dorian. A black BMW left",
         "dorian"),
        ("The guest was an Englishman, thin, glasses, checked in as Casimir. Around 1 I heard",
         "casimir"),
        ("Client was with a man she knows as Hollis (older beige Toyota), who hurt others",
         "hollis"),
    ],
)  # fmt: skip
def test_names_a_desk_or_a_caseworker_gives(narrative: str, names: str) -> None:
    assert extract({"what_happened": narrative})["names"] == names


@pytest.mark.parametrize(
    "narrative",
    [
        "He checked in as usual",
        "the room was registered under cash",
        "registered under Expedia",
        "He signed in as Guest",
        "He identified himself as RCMP",
        "He used name calling",
        "She knows as well as I do",
        "he signs his texts with xoxo",
        "He signed his emails Regards",
    ],
)
def test_ordinary_words_after_the_record_triggers_are_no_names(narrative: str) -> None:
    assert extract({"what_happened": narrative})["names"] == ""


def test_a_fake_officers_badge_keeps_his_name() -> None:
    narrative = "He claimed he was Sgt. Miller badge #9911 from VicPD"
    assert extract({"what_happened": narrative})["names"] == "miller"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Tad in the white ram again. pasting:\nTad: uptown lot 10 min\nMe: ok by the bus "
            "loop\nTad: ya",
            "tad",
        ),
        (
            "Ambrose is back. iMessage:\nAmbrose: Hello darling, in town until Tuesday\nDelivered\n"
            "Ambrose: Room 304\nRead 8:02 PM",
            "ambrose",
        ),
        ("screenshot text:\nWendeII\n(7O5) 555-Ol42\nur lucky i didnt fo|low u", "wendell"),
        ("His profile said:\nQuill, 38\nEntrepreneur | sailing | good wine", "quill"),
        ("From: Evander <evander.pryce@example.com>\nDate: Mon, Jun 1", "evander"),
        ("From: florian n <florian.n.yyj@example.org>\nTo: me", "florian"),
        ("Subject: INTERAC e-Transfer: EVANDER PRYCE sent you $300.00 (CAD)", "evander pryce"),
        ("Osric again, black Charger, plate VXQ 91 something", "osric"),
        ("Still Dorian. Exported chat, trimmed", "dorian"),
        ("Iggy is on a third number now. Copied from my messages app", "iggy"),
    ],
)
def test_his_name_where_a_paste_or_a_follow_up_puts_it(text: str, names: str) -> None:
    assert extract({"what_happened": text})["names"] == names


@pytest.mark.parametrize(
    "text",
    [
        "[trans girls' group chat]\nA: the ranger guy is back\nElle: the one that spat on jojo?\n"
        "A: yes",
        "[11:20 AM] Gigi: has anyone seen the dentist in oak bay\n[11:21 AM] Gigi: kept pushing",
        "From: Bookings <bookings.harbourlane@example.com>\n\nHi, passing this along",
        "WhatsApp export:\n05/07/2064, 21:02 - Jess: 480 for 2, deposit first\n"
        "05/07/2064, 21:04 - +1 705-555-0133: ill pay u when u get here\n"
        "05/07/2064, 23:58 - Jess: where are you",
        "Dictated again, VoiceOver, fourth one from me.",
        "Esquimalt again, near Saxe Point.",
        "Dear BDARS,\n\nLinda again (Quadra Village studio). Now the same man",
        "Never again. He was awful",
        "he was awful. please warn people.\nThanks,\nJess\n250-555-0199",
    ],
)
def test_senders_places_and_writers_are_not_his_name(text: str) -> None:
    assert extract({"what_happened": text})["names"] == ""


def test_the_address_a_pasted_email_was_sent_to_is_hers() -> None:
    text = (
        "Headers:\nFrom: Ambrose <a.vantreight@example.net>\nTo: <velvetcove@example.org>\n"
        "Subject: Visiting again"
    )
    assert extract({"what_happened": text})["handles"] == "a.vantreight@example.net"


def test_the_sender_of_a_two_way_thread_is_his_handle() -> None:
    text = (
        "DMs on my work insta:\nflorian.yyj.nights: [photo]\nflorian.yyj.nights: u know u want "
        "it\nSeen\nblocked, next day hes back as florian.yyj.nights2"
    )
    assert extract({"what_happened": text})["handles"] == "florian.yyj.nights;florian.yyj.nights2"


@pytest.mark.parametrize(
    ("column", "text"),
    [
        ("aggressor_contact", "Tryst msgs, user cosmo_gets_it"),
        (
            "what_happened",
            "same avatar as the insta guy cosmo_gets_it. ive changed my username twice.",
        ),
    ],
)
def test_words_after_a_site_or_username_are_not_handles(column: str, text: str) -> None:
    assert extract({column: text})["handles"] == "cosmo_gets_it"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("J called back about her feb 1 report (forester guy, Bram). Forgot to say", "bram"),
        ("guy in a black charger picked me up, said he was Osric, texted from", "osric"),
        ("fake cop in the black explorer. said he was detective Fitzroy, she had to", "fitzroy"),
        ("Original (june 11): Lucan from leolist (velvetlucan), outcall to", "lucan"),
    ],
)
def test_his_name_in_a_follow_up_or_said_without_a_subject(text: str, names: str) -> None:
    assert extract({"what_happened": text})["names"] == names


def test_the_force_he_says_he_is_with_is_no_name() -> None:
    text = "he pulled up, flashed a badge and said he was Saanich police doing a sting"
    assert extract({"what_happened": text})["names"] == ""


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("younger guy 30ish, ginger beard, says Garnet. picked up at rock bay", "garnet"),
        ("ok so I'm writing this myself. Tad, the guy from up island w the red jeep", "tad"),
        ("the van preacher has a new number, calling himself Brother Zeke now.", "zeke"),
        ("bald, tall, says Lysander. met N at Topaz Park", "lysander"),
    ],
)
def test_names_in_street_notes(text: str, names: str) -> None:
    assert extract({"what_happened": text})["names"] == names


@pytest.mark.parametrize(
    "text",
    [
        "The girls call him Shades because of the mirrored glasses",
        "the one the girls call Spiderweb because of the tattoo on his elbow",
        "he says Sorry. then left",
        "Ugh, the one with the cane",
    ],
)
def test_workers_nicknames_and_words_are_not_his_names(text: str) -> None:
    assert extract({"what_happened": text})["names"] == ""

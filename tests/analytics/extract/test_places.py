"""Place extraction: neighbourhood, municipality, jurisdiction and point from free text."""

from __future__ import annotations

import json
import pickle

import geopandas as gpd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from analytics.extract.places import (
    PlaceDataError,
    Places,
    extract,
    load_boundaries,
    load_jurisdictions,
    parse_gazetteer,
)
from analytics.extract.places.boundaries import canonical_area
from analytics.extract.places.reference import shipped_text
from analytics.vocabulary import CITY_OF_VICTORIA_NEIGHBOURHOODS, JURISDICTIONS

FIELDS = {"neighbourhood", "municipality", "jurisdiction", "lat", "lon"}

CASES = [
    # (location, what_happened, neighbourhood, jurisdiction)
    ("Rock Bay / Government St", "", "Burnside Gorge", "VicPD"),
    (
        "Rock Bay",
        "grey caravan again in rock bay, choked her in the back seat",
        "Burnside Gorge",
        "VicPD",
    ),
    ("Douglas St", "", "", "unknown"),
    ("", "was working on Douglas when he pulled up and started yelling", "", "unknown"),
    ("Douglas & Hillside", "", "Burnside Gorge", "VicPD"),
    ("dougls and hilside", "", "Burnside Gorge", "VicPD"),
    ("Quadra at Hillside", "", "Hillside-Quadra", "VicPD"),
    ("Government and Pembroke", "", "Burnside Gorge", "VicPD"),
    ("Pandora Ave", "", "", "VicPD"),
    ("Gov't St", "", "", "VicPD"),
    ("downtwn", "", "Downtown", "VicPD"),
    ("incall downtown near the Bay Centre", "", "Downtown", "VicPD"),
    ("Harris Green", "", "Downtown", "VicPD"),
    ("North Jubilee", "", "Jubilee", "VicPD"),
    ("South Jubilee", "", "Jubilee", "VicPD"),
    ("outcall Harbour Towers", "", "James Bay", "VicPD"),
    ("Bay St in Vic West", "", "Victoria West", "VicPD"),
    ("Esquimalt Rd near the plaza", "", "Esquimalt", "VicPD"),
    ("", "esq rd by the plaza, tried to grab her through the window", "Esquimalt", "VicPD"),
    ("Esquimalt Rd", "", "", "VicPD"),
    ("Tillicum Centre", "", "Saanich", "Saanich PD"),
    ("Uptown parking lot", "", "Saanich", "Saanich PD"),
    ("", "he met me at the Mayfair mall parking lot", "Burnside Gorge", "VicPD"),
    ("Oak Bay Ave", "", "Oak Bay", "Oak Bay PD"),
    ("Langford", "", "Langford", "West Shore RCMP"),
    ("motel on Goldstream Ave in Langford", "", "Langford", "West Shore RCMP"),
    ("Westshore Town Centre", "", "Langford", "West Shore RCMP"),
    ("", "took me to his place in Colwood", "Colwood", "West Shore RCMP"),
    ("Brentwood Bay", "", "Central Saanich", "Central Saanich PD"),
    ("", "ended up at the Sidney pier", "Sidney", "Sidney/North Saanich RCMP"),
    ("Sooke", "", "Sooke", "Sooke RCMP"),
    ("Nanaimo", "", "Nanaimo", "outside Greater Victoria"),
    ("", "he drove me all the way up to Duncan", "Duncan", "outside Greater Victoria"),
    ("", "he drove me over to Vancouver on the ferry", "Vancouver", "outside Greater Victoria"),
    ("Vancouver St", "", "", "VicPD"),
    ("", "he was rude, wasted an hour and didnt pay", "", "unknown"),
    ("", "said his name was Douglas, white guy 40s", "", "unknown"),
    ("", "says he lives in Langford and drives a white civic", "", "unknown"),
    ("", "heads up, alex_yyj on grindr booked me then threatened to out me", "", "unknown"),
    ("", "wanted her to go to esquimalt lagoon, she refused and he drove off", "", "unknown"),
    ("", "texting 250 555 0159, says he's in Saanich, no meeting happened", "", "unknown"),
    ("", "I reported it to Victoria police but nothing happened", "", "unknown"),
    ("", "went to the Jubilee after to get checked", "", "unknown"),
    ("Jubilee hospital parking lot", "", "Jubilee", "VicPD"),
    (
        "",
        "he said he would drive me to Nanaimo but I said no. he punched me on Pandora & Vancouver",
        "Downtown",
        "VicPD",
    ),
    ("", "drove her to Esquimalt and dropped her at Saxe Point", "Esquimalt", "VicPD"),
    ("", "we met at the westshore mall", "Langford", "West Shore RCMP"),
    ("", "down by the Inner Harbour on Victoria Day weekend", "Downtown", "VicPD"),
    ("Beacon Hill Park", "", "", "VicPD"),
    ("Beacon Hill Park, Cook St side", "", "Fairfield", "VicPD"),
    ("", "he grabbed me in the parking lot at Vic General", "View Royal", "West Shore RCMP"),
    ("Tillicum Rd", "", "", "unknown"),
    ("Johnson St", "", "", "VicPD"),
    ("Gorge Rd", "", "", "unknown"),
    ("gorge rd motels", "", "Burnside Gorge", "VicPD"),
    ("Selkirk waterfront", "", "Burnside Gorge", "VicPD"),
    ("", "P/U Rock Bay D/O gorge rd motels. AGG: WM 40s", "Burnside Gorge", "VicPD"),
    ("", "gave the number to Catherine at the front desk", "", "unknown"),
    ("", "me recogió en Douglas y Hillside y me llevó a Esquimalt", "Esquimalt", "VicPD"),
    (
        "",
        "Il m'a prise au coin Yates et Douglas, puis m'a emmenée à Langford",
        "Langford",
        "West Shore RCMP",
    ),
    ("douglas n hillside", "", "Burnside Gorge", "VicPD"),
    ("", "still following her from Pandora most nights", "", "VicPD"),
    (
        "",
        "he booked me at the Grand Pacific but I recognized the number and didn't go",
        "",
        "unknown",
    ),
    ("", "I work downtown but this was an outcall, he wouldnt pay", "", "unknown"),
    ("", "drives a car with a Langford dealership sticker. no pay", "", "unknown"),
    ("", "i'm in james bay now but it happened last year. anyway he hit me", "", "unknown"),
    ("", "he's known around Fernwood. Texted me threats", "", "unknown"),
    (
        "",
        "tried to get her to come to Langford with him, she said no, he grabbed her bag",
        "",
        "unknown",
    ),
    (
        "",
        "invited me over to a place in View Royal, then wouldn't let me leave",
        "View Royal",
        "West Shore RCMP",
    ),
    # short forms, common-word street names joined to another street, areas named outright
    ("Pandora & Store", "", "Downtown", "VicPD"),
    ("", "he picked me up at pandora and store and hit me", "Downtown", "VicPD"),
    ("Moss & May", "", "Fairfield", "VicPD"),
    ("Quadra & Kings", "", "Hillside-Quadra", "VicPD"),
    ("", "went to the store and he hit me", "", "unknown"),
    ("", "sometime in may and june he kept texting", "", "unknown"),
    ("bastion sq", "", "Downtown", "VicPD"),
    ("chateau vic", "", "Downtown", "VicPD"),
    ("RAP parking lot", "", "North Park", "VicPD"),
    ("", "behind the leg building", "James Bay", "VicPD"),
    ("", "posts on the yyj r4r sub as trent.b.yyj", "", "unknown"),
    ("farm property off Happy Valley Rd, Metchosin", "", "Metchosin", "West Shore RCMP"),
    ("hotel on the Inner Harbour by the Legislature, James Bay", "", "James Bay", "VicPD"),
    ("lot by Harbour Quay, Port Alberni", "", "Port Alberni", "outside Greater Victoria"),
    ("", "stealthed me at the esq lagoon", "Colwood", "West Shore RCMP"),
    (
        "Duncan, behind the old mill",
        "parked behind the old mill. She walked back up to the highway.",
        "Duncan",
        "outside Greater Victoria",
    ),
    (
        "Nanaimo, north end",
        "she was hitching to Port Alberni for a funeral and got a ride north from Duncan",
        "Nanaimo",
        "outside Greater Victoria",
    ),
    (
        "hotel in Yaletown, Vancouver",
        "He said he takes the ferry over to Victoria every couple of weeks for work",
        "Vancouver",
        "outside Greater Victoria",
    ),
    (
        "Nanaimo, Terminal Ave",
        "Susp grabbed comp by the throat. Susp may travel to Vic - flag for sheet.",
        "Nanaimo",
        "outside Greater Victoria",
    ),
    (
        "",
        'Booked through my site with a $150 card deposit, "Brent from Calgary". Then he no-showed',
        "",
        "unknown",
    ),
    ("", "tried to book two of our companions for a Whistler trip in May", "", "unknown"),
    (
        "Beacon Hill Park",
        "met in beacon hill park. a blue kia soul, same as the girls on herald talked about",
        "",
        "VicPD",
    ),
    (
        "tiệm massage, Jacklin Rd, Langford",
        "Gary not pay $120. He tell her he go to other shop in Saanich too.",
        "Langford",
        "West Shore RCMP",
    ),
]


@pytest.mark.parametrize(("location", "narrative", "neighbourhood", "jurisdiction"), CASES)
def test_place_from_text(
    location: str, narrative: str, neighbourhood: str, jurisdiction: str
) -> None:
    got = extract({"location": location, "what_happened": narrative})
    assert (got["neighbourhood"], got["jurisdiction"]) == (neighbourhood, jurisdiction)


@pytest.mark.parametrize(
    ("narrative", "neighbourhood"),
    [
        (
            "picked me up on Bay st, drove me to a lot off Gorge Rd E and choked me",
            "Burnside Gorge",
        ),
        ("picked me up on Bay St, drove me to a lot off Gorge Rd", "Burnside Gorge"),
        (
            "picked me up downtown by the Bay Centre, took me to Thetis Lake and robbed me",
            "View Royal",
        ),
        (
            "He picked me up on Government near Pembroke, drove to the lot behind Mayfair",
            "Burnside Gorge",
        ),
        ("picked me up at Uptown, kicked me out at Hillside mall", "Oaklands"),
        ("bastion sq -> North Park, hit her", "North Park"),
        ("Mayfair mall → Ross Bay, choked her", "Fairfield"),
    ],
)
def test_drop_off_wins_over_pick_up(narrative: str, neighbourhood: str) -> None:
    assert extract({"what_happened": narrative})["neighbourhood"] == neighbourhood


def test_location_naming_the_pick_up_is_not_a_conflict() -> None:
    got = extract(
        {
            "location": "Government & Discovery",
            "what_happened": "picked up on Government, drove her to Esquimalt and dropped "
            "her at Saxe Point",
        }
    )
    assert (got["neighbourhood"], got["jurisdiction"]) == ("Esquimalt", "VicPD")
    assert "conflicts" not in got


def test_disagreement_is_kept_as_a_conflict() -> None:
    got = extract({"location": "Langford", "what_happened": "met him downtown at the Empress"})
    assert got["neighbourhood"] == "Langford"
    assert got["conflicts"].startswith("place: location says Langford, narrative says Downtown")


def test_agreeing_sources_give_the_finer_place() -> None:
    got = extract({"location": "Victoria", "what_happened": "happened at the Hotel Rialto"})
    assert got["neighbourhood"] == "Downtown"
    assert "conflicts" not in got


def test_point_has_four_decimals_and_is_blank_when_unknown() -> None:
    got = extract({"location": "Harbour Towers"})
    assert got["lat"] == "48.4205" and got["lon"] == "-123.3775"
    blank = extract({"location": "Douglas St"})
    assert (blank["lat"], blank["lon"]) == ("", "")


def test_moving_esquimalt_needs_only_configuration() -> None:
    moved = load_jurisdictions('[municipalities]\n"Esquimalt" = "West Shore RCMP"\n')
    places = Places(jurisdictions=moved)
    report = {"location": "Esquimalt Rd near the plaza"}
    assert places.extract(report)["jurisdiction"] == "West Shore RCMP"
    assert places.extract({"location": "Fernwood"})["jurisdiction"] == "VicPD"
    assert extract(report)["jurisdiction"] == "VicPD"


def test_replacing_the_agency_table_whole() -> None:
    only = load_jurisdictions(
        '[municipalities]\n"Victoria" = "VicPD"\n[labels]\noutside = "elsewhere"\n', merge=False
    )
    places = Places(jurisdictions=only)
    assert places.extract({"location": "Langford"})["jurisdiction"] == "elsewhere"
    assert places.extract({"location": "Fernwood"})["jurisdiction"] == "VicPD"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[municipalities\n", "not valid TOML"),
        ('[municipalitys]\n"Esquimalt" = "VicPD"\n', "unknown table [municipalitys]"),
        ('[municipalities]\n"Esquimalt" = ""\n', "'Esquimalt': agency must be non-empty"),
        ('[labels]\nnowhere = "x"\n', "unknown key 'nowhere'"),
    ],
)
def test_broken_agency_table_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(PlaceDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_jurisdictions(text)


def test_shipped_agency_table_uses_the_vocabulary() -> None:
    table = load_jurisdictions()
    assert set(table.by_municipality.values()) <= set(JURISDICTIONS)
    assert table.outside in JURISDICTIONS and table.unknown in JURISDICTIONS


def test_gazetteer_reports_every_problem_at_once() -> None:
    text = (
        "name,kind,neighbourhood,municipality,lat,lon,crosses,aliases,source\n"
        "Foo St,road,,Victoria,,,,,hand\n"
        "Bar Park,park,Uplands,Oak Bay,48.4,,,,hand\n"
        "Baz St,street,,,,,Nowhere|Downtown,,hand\n"
    )
    with pytest.raises(PlaceDataError) as caught:
        parse_gazetteer(text)
    message = str(caught.value)
    assert "4 problem(s)" in message
    for part in ("kind 'road'", "neighbourhood 'Uplands'", "both lat and lon", "'Nowhere'"):
        assert part in message


def test_gazetteer_needs_its_columns() -> None:
    with pytest.raises(PlaceDataError, match="missing column"):
        parse_gazetteer("name,kind\nFoo,street\n")


def test_shipped_reference_files_say_source_and_approximation() -> None:
    head = shipped_text("gazetteer.csv").splitlines()[0].lower()
    assert head.startswith("#") and "geonames" in head and "approximate" in head
    assert "approximate" in json.loads(shipped_text("boundaries.geojson"))["note"].lower()


def test_shipped_gazetteer_covers_the_vocabulary() -> None:
    entries = parse_gazetteer()
    assert len(entries) >= 300
    named = {e.neighbourhood for e in entries if e.kind == "neighbourhood"}
    assert named == set(CITY_OF_VICTORIA_NEIGHBOURHOODS)


def test_shipped_boundaries_agree_with_gazetteer_points() -> None:
    """Approximate polygons, but most hand-placed points fall in their labelled neighbourhood."""
    boundaries = load_boundaries(shipped_text("boundaries.geojson"))
    labelled = [
        e for e in parse_gazetteer() if e.neighbourhood and e.lat is not None and e.lon is not None
    ]
    agree = sum(
        boundaries.locate(e.lat, e.lon)[0] == e.neighbourhood  # type: ignore[arg-type]
        for e in labelled
    )
    assert agree / len(labelled) >= 0.8
    assert boundaries.locate(48.6496, -123.4026) == ("", "Sidney")
    assert boundaries.locate(48.4496, -123.5026) == ("", "Langford")
    assert boundaries.locate(49.1664, -123.9400) == ("", "")


def test_official_boundaries_overrule_hand_labels() -> None:
    frame = gpd.GeoDataFrame(
        {"Neighbourhood": ["Fernwood"]},
        geometry=[box(-123.40, 48.40, -123.37, 48.43)],
        crs="EPSG:4326",
    ).to_crs(3005)
    places = Places(boundaries=load_boundaries(frame, municipality="Victoria"))
    assert places.extract({"location": "Harbour Towers"})["neighbourhood"] == "Fernwood"
    assert places.locate(48.42, -123.38) == ("Fernwood", "Victoria")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("HILLSIDE QUADRA", "Hillside-Quadra"),
        ("Harris Green", "Downtown"),
        ("District of Saanich", "Saanich"),
        ("Township of Esquimalt", "Esquimalt"),
        ("City of Victoria", "Victoria"),
        ("Nanaimo", "Nanaimo"),
    ],
)
def test_official_area_names_are_read_in_vocabulary_spelling(written: str, canonical: str) -> None:
    assert canonical_area(written) == canonical


def test_boundaries_from_geojson_text() -> None:
    text = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Harris Green"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
                    },
                }
            ],
        }
    )
    assert load_boundaries(text).locate(0.5, 0.5) == ("Downtown", "Victoria")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid GeoJSON"),
        (
            '{"type": "FeatureCollection", "features": [{"properties": {}, "geometry": null}]}',
            "no name",
        ),
        ("[]", "expected a GeoJSON FeatureCollection"),
    ],
)
def test_broken_boundaries_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(PlaceDataError, match=message):
        load_boundaries(text)


def test_extractor_survives_pickling_for_worker_processes() -> None:
    places = Places()
    copy = pickle.loads(pickle.dumps(places))
    report = {"location": "Mayfiar mall"}
    assert copy.extract(report) == places.extract(report)
    assert copy.extract(report)["neighbourhood"] == "Burnside Gorge"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_never_crashes_on_any_unicode(location: str, narrative: str) -> None:
    got = extract({"location": location, "what_happened": narrative})
    assert FIELDS <= set(got) <= FIELDS | {"conflicts"}
    assert got["jurisdiction"]
    for key in ("lat", "lon"):
        assert got[key] == "" or float(got[key])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Douglas",
                "St",
                "&",
                "Hillside",
                "picked",
                "me",
                "up",
                "on",
                "to",
                "Langford",
                "the",
                "plaza",
                "Esquimalt",
                "Rd",
                ",",
                ".",
                "near",
                "drove",
                "Gorge",
                "Bay",
                "Nanaimo",
                "from",
                "Mayfair",
                "lives",
                "in",
                "Vic",
                "West",
                "dropped",
                "at",
            ]
        ),
        max_size=30,
    )
)
def test_place_words_in_any_order_give_a_known_jurisdiction(words: list[str]) -> None:
    got = extract({"what_happened": " ".join(words), "location": " ".join(reversed(words))})
    assert got["jurisdiction"] in JURISDICTIONS


@pytest.mark.parametrize(
    "narrative",
    [
        "I'm from Nanaimo and was visiting, he never showed",
        "says he lives in Langford. booked an hour and never paid",
        "afterwards I went to the Royal Jubilee hospital to get checked",
        "I went to Vic General after to get stitches",
        "he told me he was from Saanich",
        "he wanted to take me to his place in Colwood but I said no",
        "i reported it at the police station on Caledonia",
        "he has a Nanaimo area code number",
        "I moved here from Calgary last year",
        "my friend in Langford warned me about him",
        "He has Alberta plates and said he's from Edmonton",
        "he posts in the Victoria section of Leolist",
        "I took a cab home to View Royal after",
        "he asks every provider in Victoria for free pics",
        "heads up, he is back at the Empress this week",
        "the one who filmed her at Laurel Point is texting her again",
        "Im the one from the Harbour Towers report in Feb. he keeps texting",
        "the Willows Beach sniffies guy made new accounts to message me",
    ],
)
def test_places_that_are_not_where_the_harm_happened(narrative: str) -> None:
    got = extract({"location": "", "what_happened": narrative})
    assert (got["neighbourhood"], got["jurisdiction"]) == ("", "unknown")


@pytest.mark.parametrize(
    ("narrative", "neighbourhood"),
    [
        ("I'm from Duncan but this happened in James Bay", "James Bay"),
        ("I work out of Fairfield but this was an outcall in Oak Bay", "Oak Bay"),
        ("picked me up downtown and drove me to Langford", "Langford"),
        ("he choked me in the lot behind the Jubilee hospital", "Jubilee"),
        ("pulled a knife at Bay & Turner", "Burnside Gorge"),
        ("happened at Cormorant and Blanshard", "Downtown"),
    ],
)
def test_the_incident_place_survives_other_mentions(narrative: str, neighbourhood: str) -> None:
    assert extract({"location": "", "what_happened": narrative})["neighbourhood"] == neighbourhood


@pytest.mark.parametrize(
    ("narrative", "neighbourhood", "jurisdiction"),
    [
        ("he's staying at the Empress this week, texted me but i said no", "", "unknown"),
        ("same guy the girls in Nanaimo warned about", "", "unknown"),
        ("he drove a car with a Saanich parking pass", "", "unknown"),
        ("wore a Victoria Royals cap", "", "unknown"),
        ("he has done this before to another agency in Vancouver", "", "unknown"),
        ("drove around, let her out in esquimalt by the plaza", "Esquimalt", "VicPD"),
    ],
)
def test_places_of_other_stories_and_third_person_drop_offs(
    narrative: str, neighbourhood: str, jurisdiction: str
) -> None:
    found = extract({"what_happened": narrative})
    assert (found["neighbourhood"], found["jurisdiction"]) == (neighbourhood, jurisdiction)


@pytest.mark.parametrize(
    "narrative",
    [
        "he said he was headed to Nanaimo after",
        "drives for a company in Saanich",
        "he asked if she'd go to Sidney with him, she said no",
        "guy in a Victoria Harbour Ferry hoodie",
    ],
)
def test_plans_jobs_and_clothing_name_no_incident_place(narrative: str) -> None:
    found = extract({"what_happened": narrative})
    assert (found["neighbourhood"], found["jurisdiction"]) == ("", "unknown")


@pytest.mark.parametrize(
    ("narrative", "neighbourhood"),
    [
        (
            "Picked up approx 0100 near Bay St & Government St. Driven approx 15 min to an unlit "
            "gravel lot, pt unsure of location.",
            "",
        ),
        ("picked me up on goldstream by the mcdonalds, drove to the park n ride lot", "Langford"),
        ("picked me up at Uptown and we did the date in his car", "Saanich"),
    ],
)
def test_a_pick_up_then_a_place_she_cannot_name(narrative: str, neighbourhood: str) -> None:
    """Where the harm happened is unknown when she was driven on from the only place named."""
    assert extract({"what_happened": narrative})["neighbourhood"] == neighbourhood


@pytest.mark.parametrize(
    ("location", "narrative"),
    [
        (
            "",
            "Client booked me at the Marriott Inner Harbour through my ad. Session fine. Two days "
            "later he messages: unless I do two more sessions free he'll send screenshots to my "
            "family.",
        ),
        (
            "Hotel Grand Pacific",
            "He hit me up on LeoList asking for no cover, i said no and he went off in the "
            "messages calling me names. I didn't go.",
        ),
        (
            "",
            "She met him once at the Westshore Town Centre parking, nothing bad happened that day. "
            "Now he texts her every night saying he'll tell her uncle what she does.",
        ),
        (
            "",
            "Ref VX-0502. Requested: outcall, Delta Ocean Pointe. DECLINED. He rang back four "
            "times and called me a f***ing c***. No booking was made.",
        ),
        (
            "",
            "I do cam + OF, fully online, I never meet anyone. He sent me screen recordings of my "
            "shows and says he'll send them to my manager at the bank branch in Saanich.",
        ),
        (
            "",
            "OF creator, I live in Langford, online only. He disputed every charge, then messaged "
            "me calling me a gold digger. Says he's a boat guy in Oak Bay.",
        ),
        (
            "",
            "Following up on my report from April (Phil, the Rockland one). He's texted me every "
            "day since, and last week said my manager would love to hear what I do on weekends.",
        ),
        (
            "",
            "Hey, this is about the Harbour Towers guy. After I turned down his booking he emailed "
            "me a still from the video and said he'd send it to my mom.",
        ),
        (
            "PHONE CALL",
            "Iggy the retired druggist by Ross Bay Cemetery. I stopped seeing him in May. He "
            "phoned me and said if I don't come back he will tell my son what I do.",
        ),
        (
            "",
            "the realtor again (james bay lady here, i posted in april). new number now, texting "
            "every night, says my daughter deserves to know who babysits her kids.",
        ),
        (
            "",
            "Fenwick (Gordon Head, the big tree) has been calling my cell fourteen times a day "
            "since I told him in August I wouldn't come any more.",
        ),
    ],
)
def test_harm_done_at_a_distance_after_a_harmless_meeting_has_no_place(
    location: str, narrative: str
) -> None:
    found = extract({"location": location, "what_happened": narrative})
    assert (found["neighbourhood"], found["jurisdiction"]) == ("", "unknown")


@pytest.mark.parametrize(
    ("narrative", "neighbourhood"),
    [
        (
            "He was sweet at first. Outcall at the Empress, then he said he'd out me to my "
            "landlord and texted me all night.",
            "Downtown",
        ),
        (
            "I've never met him, we only ever texted. Friday he sent me a photo of my car in the "
            "Cook St Village lot with 'I know where you park now'.",
            "Fairfield",
        ),
        (
            "Met at the Empress, he was nice, then he choked me and took the money back. He "
            "texted after saying sorry.",
            "Downtown",
        ),
        (
            "Guy circling Rock Bay for an hour yelling at the girls, no date, just slurs out the "
            "window.",
            "Burnside Gorge",
        ),
        (
            "Turned up at her building by Saxe Point with no booking, buzzed her unit for 20 min, "
            "then sat in his car across the street. She blocked his number in March.",
            "Esquimalt",
        ),
        (
            "I stopped seeing him in June. Last night he turned up outside my place in Fernwood "
            "and texted 'saw you come home'.",
            "Fernwood",
        ),
        (
            "Update on Grant. He's now shown up outside my building in Fernwood twice. Last night "
            "he texted 'saw you come home at 11'.",
            "Fernwood",
        ),
    ],
)
def test_harm_on_the_spot_or_named_later_keeps_its_place(
    narrative: str, neighbourhood: str
) -> None:
    assert extract({"location": "", "what_happened": narrative})["neighbourhood"] == neighbourhood


@pytest.mark.parametrize(
    "narrative",
    [
        "him: u think i cant find u on rock bay. keep runin ur mouth and see what happens",
        "l still got the blade. ask ur friend. see u on goldstream\nDelivered",
    ],
)
def test_where_his_message_says_he_will_find_her_is_not_where_harm_happened(
    narrative: str,
) -> None:
    assert extract({"location": "", "what_happened": narrative})["neighbourhood"] == ""


@pytest.mark.parametrize(
    ("location", "neighbourhood", "jurisdiction"),
    [
        ("hotel on Blanshard across from the central library", "Downtown", "VicPD"),
        (
            "picked up on Douglas, he drove out past the Four Mile to a side road off Helmcken in "
            "View Royal",
            "View Royal",
            "West Shore RCMP",
        ),
    ],
)
def test_landmarks_a_booker_or_driver_gives(
    location: str, neighbourhood: str, jurisdiction: str
) -> None:
    found = extract({"location": location, "what_happened": ""})
    assert (found["neighbourhood"], found["jurisdiction"]) == (neighbourhood, jurisdiction)


def test_a_place_written_right_outranks_one_read_from_a_misspelt_word() -> None:
    """ "Willow" is close enough to Willows Beach to be read as it when nothing else is named."""
    assert (
        extract({"location": "Jade Willow Wellness, near Royal Oak, Saanich"})["neighbourhood"]
        == "Saanich"
    )
    assert extract({"location": "by the Wilows, on the beach"})["neighbourhood"] == "Oak Bay"


@pytest.mark.parametrize(
    ("narrative", "neighbourhood"),
    [
        ("Messages from him over 2 days. She is staying off Rock Bay for now.", ""),
        ("he choked me on Rock Bay. im staying off there now", "Burnside Gorge"),
        ("girls avoid Topaz Park now. he hit her at the bench by Topaz Park", "Hillside-Quadra"),
    ],
)
def test_a_place_she_now_stays_away_from_is_not_where_harm_happened(
    narrative: str, neighbourhood: str
) -> None:
    assert extract({"location": "", "what_happened": narrative})["neighbourhood"] == neighbourhood


def test_a_follow_up_keeps_the_place_its_location_column_names() -> None:
    found = extract(
        {
            "location": "Cook St Village incall",
            "what_happened": "Update to my report from January. He texts from a new number now "
            "and says he'll let my landlord know what goes on in unit 3.",
        }
    )
    assert found["neighbourhood"] == "Fairfield"


@pytest.mark.parametrize(
    ("location", "narrative", "neighbourhood"),
    [
        (
            "Topaz Park lot",
            'At Topaz he locked the doors, said "or I drive you out to Sooke and leave you there".',
            "Hillside-Quadra",
        ),
        ("", "did a date under the johnson st bridge. he rode off toward vic west", ""),
        ("by Gorge (Kinsmen) Park", "Worker went to his place.", "Esquimalt"),
        ("Langford, Goldstream Ave by City Centre Park", "took her phone and left", "Langford"),
        (
            "Harbour Towers",
            "He booked 2 hrs at the Harbour Towers. I got there, texted, called, nothing. Next "
            "morning he texts like nothing happened.",
            "James Bay",
        ),
        (
            "picked up at Uptown, ended at a hotel in Nanaimo",
            "Drove to Nanaimo, hotel by the harbour. First night fine. Second morning while I was "
            "in the shower he went through my purse and took back the $600. Then he texted sorry.",
            "Nanaimo",
        ),
    ],
)
def test_threats_departures_and_theft_in_the_room_keep_the_place_of_harm(
    location: str, narrative: str, neighbourhood: str
) -> None:
    found = extract({"location": location, "what_happened": narrative})
    assert found["neighbourhood"] == neighbourhood


@pytest.mark.parametrize(
    ("location", "narrative", "neighbourhood"),
    [
        (
            "Duncan, truck stop off the highway",
            "he slapped her twice then kicked her out. she thinks its the same trucker who took "
            "a girl to mill bay in march",
            "Duncan",
        ),
        (
            "rock bay by the bottle depot",
            "pulled a blade out of the door pocket. he also bragged to her he messed up a girl in "
            "nanaimo last year",
            "Burnside Gorge",
        ),
        (
            "",
            "followed her down government st yelling. she thinks hes the one who grabbed a girl "
            "in the ogden pt lot",
            "",
        ),
        (
            "",
            "I could hear water and geese and he said we're at the lagoon by Royal Roads",
            "Colwood",
        ),
    ],
)
def test_a_place_of_harm_heard_of_or_done_to_someone_else_is_not_this_reports(
    location: str, narrative: str, neighbourhood: str
) -> None:
    found = extract({"location": location, "what_happened": narrative})
    assert found["neighbourhood"] == neighbourhood


@pytest.mark.parametrize(
    "narrative",
    [
        "0206 silvery honda 4 door spiked drink wm 30's pandora & store",
        "WARNING - fisgard x government - Asian man, 30s",
        "picked up pandora/douglas, drove around, no pay",
    ],
)
def test_two_bare_street_names_joined_as_a_corner_place_it(narrative: str) -> None:
    found = extract({"what_happened": narrative})
    assert (found["neighbourhood"], found["jurisdiction"]) == ("Downtown", "VicPD")


def test_one_bare_street_name_alone_still_needs_a_word_of_place() -> None:
    assert extract({"what_happened": "WARNING - fisgard - Asian man"})["neighbourhood"] == ""


def test_a_place_the_writer_puts_right_counts() -> None:
    text = (
        "Hollis booked me at a hotel downtown - correction, it was the Grand Pacific not "
        "downtown, I always mix them up."
    )
    assert extract({"what_happened": text})["neighbourhood"] == "James Bay"


def test_a_correction_naming_no_place_keeps_the_place_named() -> None:
    text = "He picked me up in Fernwood. correction, it was a Tuesday not a Monday."
    assert extract({"what_happened": text})["neighbourhood"] == "Fernwood"


def test_the_salvation_army_by_its_street_name_is_downtown() -> None:
    assert (
        extract({"what_happened": "K got rolled behind the sally ann around 3."})["neighbourhood"]
        == "Downtown"
    )

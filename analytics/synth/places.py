"""A small gazetteer of Greater Victoria for synthesis: how people name places, and where.

Points are approximate (to a few hundred metres) and typed from general knowledge; they are only
good enough for synthetic truth. ``Place.neighbourhood`` is one of the City of Victoria's twelve
neighbourhoods and is blank outside the city; the truth ``neighbourhood`` (``Place.area``) is that,
or the municipality's name elsewhere in Greater Victoria. A long road names no neighbourhood: its
municipality only when the whole road lies in one, and jurisdiction ``unknown`` when it crosses
several police agencies.
"""

from __future__ import annotations

from dataclasses import dataclass

JURISDICTION_OF: dict[str, str] = {
    "Victoria": "VicPD",
    "Esquimalt": "VicPD",
    "Saanich": "Saanich PD",
    "Oak Bay": "Oak Bay PD",
    "Central Saanich": "Central Saanich PD",
    "Langford": "West Shore RCMP",
    "Colwood": "West Shore RCMP",
    "View Royal": "West Shore RCMP",
    "Metchosin": "West Shore RCMP",
    "Highlands": "West Shore RCMP",
    "Sidney": "Sidney/North Saanich RCMP",
    "North Saanich": "Sidney/North Saanich RCMP",
    "Sooke": "Sooke RCMP",
}


@dataclass(frozen=True, slots=True)
class Place:
    forms: tuple[str, ...]
    neighbourhood: str
    municipality: str
    lat: float | None
    lon: float | None
    kind: str
    """``stroll``, ``point`` (corner, landmark), ``hotel``, ``area``, ``town`` or ``road``."""

    @property
    def jurisdiction(self) -> str:
        if not self.municipality:
            return "unknown" if self.kind == "road" else ""
        return JURISDICTION_OF.get(self.municipality, "outside Greater Victoria")

    @property
    def area(self) -> str:
        """The truth ``neighbourhood``: a City of Victoria neighbourhood, else the municipality."""
        if self.municipality == "Victoria":
            return self.neighbourhood
        return self.municipality if self.municipality in JURISDICTION_OF else ""


def _p(forms: str, hood: str, town: str, lat: float | None, lon: float | None, kind: str) -> Place:
    return Place(tuple(forms.split("|")), hood, town, lat, lon, kind)


V = "Victoria"
PLACES: tuple[Place, ...] = (
    # strolls and street corners
    _p(
        "Rock Bay|rock bay|Rock Bay / Government St|rockbay|the Rock Bay stroll|RB",
        "Burnside Gorge",
        V,
        48.4365,
        -123.3690,
        "stroll",
    ),
    _p(
        "Government & Bay|Govt and Bay|government st by bay|Bay and Government",
        "Burnside Gorge",
        V,
        48.4340,
        -123.3665,
        "stroll",
    ),
    _p(
        "Rock Bay Ave|rock bay ave by the recycling place|Rock Bay Av",
        "Burnside Gorge",
        V,
        48.4355,
        -123.3695,
        "stroll",
    ),
    _p(
        "Gorge Rd E motels|the motels on Gorge Rd East|gorge rd east by the motels",
        "Burnside Gorge",
        V,
        48.4400,
        -123.3770,
        "hotel",
    ),
    _p(
        "Mayfair mall|Mayfair parking lot|behind Mayfair",
        "Burnside Gorge",
        V,
        48.4460,
        -123.3720,
        "point",
    ),
    _p("Cecelia Ravine park|cecelia ravine", "Burnside Gorge", V, 48.4408, -123.3740, "point"),
    _p(
        "Douglas & Yates|douglas and yates|Yates/Douglas",
        "Downtown",
        V,
        48.4265,
        -123.3655,
        "point",
    ),
    _p(
        "Centennial Square|centennial sq|city hall square",
        "Downtown",
        V,
        48.4296,
        -123.3655,
        "point",
    ),
    _p("Bastion Square|bastion sq", "Downtown", V, 48.4262, -123.3694, "point"),
    _p("the Bay Centre|bay centre|Bay Centre parkade", "Downtown", V, 48.4246, -123.3656, "point"),
    _p("Harris Green|harris green|Yates & Cook", "Downtown", V, 48.4250, -123.3590, "point"),
    _p("Fort & Blanshard|fort and blanshard", "Downtown", V, 48.4245, -123.3625, "point"),
    _p("Chinatown|Fisgard St|fisgard", "Downtown", V, 48.4294, -123.3676, "point"),
    _p("Pandora & Store|pandora and store|Swans hotel", "Downtown", V, 48.4290, -123.3700, "hotel"),
    _p("Chateau Victoria|chateau vic|the Chateau", "Downtown", V, 48.4220, -123.3630, "hotel"),
    _p("Quadra & Caledonia|quadra and caledonia", "North Park", V, 48.4315, -123.3605, "point"),
    _p(
        "Royal Athletic Park|RAP parking lot|royal athletic",
        "North Park",
        V,
        48.4330,
        -123.3600,
        "point",
    ),
    _p(
        "Fernwood Square|fernwood sq|Gladstone & Fernwood",
        "Fernwood",
        V,
        48.4315,
        -123.3420,
        "point",
    ),
    _p("Stadacona Park|stadacona", "Fernwood", V, 48.4290, -123.3395, "point"),
    _p(
        "Quadra Village|quadra village|Quadra & Kings",
        "Hillside-Quadra",
        V,
        48.4375,
        -123.3590,
        "point",
    ),
    _p("Hillside & Quadra|hillside and quadra", "Hillside-Quadra", V, 48.4400, -123.3580, "point"),
    _p("Summit Park|summit park", "Hillside-Quadra", V, 48.4440, -123.3510, "point"),
    _p("Oaklands rec centre|oaklands community centre", "Oaklands", V, 48.4430, -123.3360, "point"),
    _p("Royal Jubilee Hospital|the Jubilee|RJH", "Jubilee", V, 48.4330, -123.3270, "point"),
    _p("Fort & Richmond|fort and richmond", "Jubilee", V, 48.4300, -123.3270, "point"),
    _p("Craigdarroch Castle|craigdarroch", "Rockland", V, 48.4225, -123.3430, "point"),
    _p("Government House|govt house", "Rockland", V, 48.4180, -123.3370, "point"),
    _p(
        "Cook St Village|cook st village|cook street village",
        "Fairfield",
        V,
        48.4130,
        -123.3560,
        "point",
    ),
    _p("Ross Bay Cemetery|ross bay cemetery", "Fairfield", V, 48.4100, -123.3450, "point"),
    _p("Moss & May|moss st and may", "Fairfield", V, 48.4130, -123.3490, "point"),
    _p("Gonzales Beach|gonzales bay", "Gonzales", V, 48.4100, -123.3250, "point"),
    _p("Ogden Point|ogden pt|the breakwater", "James Bay", V, 48.4140, -123.3840, "point"),
    _p("Fisherman's Wharf|fishermans wharf", "James Bay", V, 48.4225, -123.3820, "point"),
    _p(
        "the Legislature|leg building|the parliament buildings",
        "James Bay",
        V,
        48.4197,
        -123.3706,
        "point",
    ),
    _p("Menzies & Simcoe|menzies st", "James Bay", V, 48.4130, -123.3720, "point"),
    _p("Harbour Towers|harbour towers hotel", "James Bay", V, 48.4200, -123.3770, "hotel"),
    _p("Hotel Grand Pacific|the grand pacific", "James Bay", V, 48.4210, -123.3710, "hotel"),
    _p(
        "Esquimalt Rd & Catherine|catherine st|Spinnakers",
        "Victoria West",
        V,
        48.4300,
        -123.3860,
        "point",
    ),
    _p("Westside Village|westside village mall", "Victoria West", V, 48.4310, -123.3790, "point"),
    _p("Banfield Park|banfield park", "Victoria West", V, 48.4340, -123.3830, "point"),
    _p("Dockside Green|dockside", "Victoria West", V, 48.4330, -123.3750, "point"),
    # other municipalities
    _p(
        "Esquimalt plaza|Esquimalt Rd near the plaza|the plaza in Esquimalt|esq plaza",
        "",
        "Esquimalt",
        48.4310,
        -123.4130,
        "point",
    ),
    _p(
        "Admirals & Esquimalt Rd|admirals rd|Admirals Rd",
        "",
        "Esquimalt",
        48.4330,
        -123.4170,
        "point",
    ),
    _p("Saxe Point park|saxe point", "", "Esquimalt", 48.4200, -123.4130, "point"),
    _p("Esquimalt Gorge Park|gorge park esquimalt", "", "Esquimalt", 48.4440, -123.4040, "point"),
    _p("Head St|head street esquimalt", "", "Esquimalt", 48.4290, -123.4050, "point"),
    _p("Uptown mall|uptown|Uptown parkade", "", "Saanich", 48.4530, -123.3760, "point"),
    _p("Tillicum Centre|tillicum mall", "", "Saanich", 48.4500, -123.3930, "point"),
    _p("McKenzie & Shelbourne|mckenzie and shelbourne", "", "Saanich", 48.4700, -123.3340, "point"),
    _p("Royal Oak|royal oak shopping centre", "", "Saanich", 48.4900, -123.3900, "point"),
    _p("Gorge Rd W & Tillicum|gorge rd west", "", "Saanich", 48.4470, -123.3940, "point"),
    _p("Cordova Bay|cordova bay rd", "", "Saanich", 48.5100, -123.3700, "point"),
    _p("Broadmead|broadmead village", "", "Saanich", 48.4900, -123.3550, "point"),
    _p("Quadra & McKenzie|quadra and mckenzie", "", "Saanich", 48.4740, -123.3590, "point"),
    _p(
        "Oak Bay Village|oak bay ave & monterey|the Avenue in Oak Bay",
        "",
        "Oak Bay",
        48.4270,
        -123.3130,
        "point",
    ),
    _p("Willows Beach|willows", "", "Oak Bay", 48.4320, -123.3020, "point"),
    _p("Oak Bay Marina|oak bay marina", "", "Oak Bay", 48.4240, -123.3020, "point"),
    _p("Victoria General Hospital|VGH|vic general", "", "View Royal", 48.4660, -123.4320, "point"),
    _p("Helmcken & Island Hwy|helmcken rd", "", "View Royal", 48.4590, -123.4240, "point"),
    _p("Thetis Lake|thetis lake parking lot", "", "View Royal", 48.4650, -123.4580, "point"),
    _p(
        "Goldstream Ave|goldstream & peatt|Goldstream and Peatt",
        "",
        "Langford",
        48.4490,
        -123.5030,
        "point",
    ),
    _p(
        "Millstream Village|millstream|the Costco in Langford",
        "",
        "Langford",
        48.4580,
        -123.4950,
        "point",
    ),
    _p("Bear Mountain|bear mtn", "", "Langford", 48.4710, -123.5240, "point"),
    _p("Westshore Town Centre|westshore mall", "", "Colwood", 48.4410, -123.4920, "point"),
    _p("Royal Roads|royal roads", "", "Colwood", 48.4340, -123.4750, "point"),
    _p("Witty's Lagoon|wittys lagoon", "", "Metchosin", 48.3860, -123.5190, "point"),
    _p("Metchosin village|happy valley rd metchosin", "", "Metchosin", 48.3820, -123.5380, "point"),
    _p(
        "Millstream Lake Rd|up millstream lake rd in the highlands",
        "",
        "Highlands",
        48.5100,
        -123.5100,
        "point",
    ),
    _p("Brentwood Bay|brentwood", "", "Central Saanich", 48.5770, -123.4650, "point"),
    _p("Saanichton|saanichton", "", "Central Saanich", 48.5960, -123.4180, "point"),
    _p("Keating Cross Rd|keating x rd", "", "Central Saanich", 48.5640, -123.4100, "point"),
    _p(
        "Swartz Bay|the ferry terminal at swartz bay",
        "",
        "North Saanich",
        48.6890,
        -123.4100,
        "point",
    ),
    _p("the airport|YYJ|airport parking", "", "North Saanich", 48.6470, -123.4260, "point"),
    _p("Beacon Ave in Sidney|beacon ave sidney", "", "Sidney", 48.6500, -123.3990, "point"),
    _p("Sidney waterfront|sidney pier", "", "Sidney", 48.6500, -123.3950, "point"),
    _p("Sooke town centre|downtown sooke", "", "Sooke", 48.3740, -123.7270, "point"),
    _p("Whiffin Spit|whiffin spit", "", "Sooke", 48.3580, -123.7170, "point"),
    _p("Duncan|in duncan", "", "Duncan", 48.7787, -123.7079, "town"),
    _p("Nanaimo|up in nanaimo", "", "Nanaimo", 49.1659, -123.9401, "town"),
    _p("Vancouver|over in vancouver", "", "Vancouver", 49.2827, -123.1207, "town"),
    _p("Mill Bay|mill bay", "", "Mill Bay", 48.6500, -123.5500, "town"),
    # neighbourhoods and municipalities named as areas
    _p("Downtown|dt|downtown", "Downtown", V, 48.4270, -123.3650, "area"),
    _p("Burnside|Burnside Gorge|burnside gorge", "Burnside Gorge", V, 48.4390, -123.3720, "area"),
    _p("Fairfield|fairfield", "Fairfield", V, 48.4130, -123.3550, "area"),
    _p("Fernwood|fernwood", "Fernwood", V, 48.4310, -123.3440, "area"),
    _p("Gonzales|gonzales", "Gonzales", V, 48.4140, -123.3290, "area"),
    _p("Hillside-Quadra|hillside quadra", "Hillside-Quadra", V, 48.4390, -123.3560, "area"),
    _p("James Bay|james bay|JB", "James Bay", V, 48.4150, -123.3760, "area"),
    _p("Jubilee|North Jubilee|south jubilee", "Jubilee", V, 48.4330, -123.3300, "area"),
    _p("North Park|north park", "North Park", V, 48.4310, -123.3580, "area"),
    _p("Oaklands|oaklands", "Oaklands", V, 48.4420, -123.3370, "area"),
    _p("Rockland|rockland", "Rockland", V, 48.4220, -123.3440, "area"),
    _p("Vic West|vic west|Victoria West", "Victoria West", V, 48.4310, -123.3830, "area"),
    _p("Esquimalt|esquimalt|esq", "", "Esquimalt", None, None, "area"),
    _p("Saanich|saanich|gordon head", "", "Saanich", None, None, "area"),
    _p("Oak Bay|oak bay", "", "Oak Bay", None, None, "area"),
    _p("Langford|langford", "", "Langford", None, None, "area"),
    _p("Colwood|colwood", "", "Colwood", None, None, "area"),
    _p("View Royal|view royal", "", "View Royal", None, None, "area"),
    _p("Sooke|sooke", "", "Sooke", None, None, "area"),
    _p("Sidney|sidney", "", "Sidney", None, None, "area"),
    # long roads: no single neighbourhood
    _p("Douglas St|douglas|douglas street", "", "", None, None, "road"),
    _p("Blanshard|blanshard st", "", "", None, None, "road"),
    _p("Quadra St|quadra", "", "", None, None, "road"),
    _p("Fort St|fort street", "", V, None, None, "road"),
    _p("Dallas Rd|dallas road", "", V, None, None, "road"),
    _p("Pandora|pandora ave", "", V, None, None, "road"),
    _p("Hillside Ave|hillside", "", V, None, None, "road"),
    _p("the Island Hwy|island highway", "", "", None, None, "road"),
    _p("Pat Bay Hwy|the pat bay", "", "", None, None, "road"),
    _p("Shelbourne|shelbourne st", "", "", None, None, "road"),
)

STREET_SECTOR_PLACES: tuple[int, ...] = tuple(
    i
    for i, p in enumerate(PLACES)
    if p.kind == "stroll" or p.neighbourhood in {"Burnside Gorge", "Downtown", "North Park"}
)
HOTEL_PLACES: tuple[int, ...] = tuple(i for i, p in enumerate(PLACES) if p.kind == "hotel")
ANY_PLACES: tuple[int, ...] = tuple(range(len(PLACES)))

"""Word lists and the reference tables behind ``analytics.extract.vehicles`` (private to it).

``reference()`` loads ``analytics/reference/vehicles.csv``, ``vehicle_makes.csv`` and
``colours.csv`` once through ``importlib.resources`` and indexes them by squashed alias
(``"F-150"``, ``"f 150"`` and ``"f150"`` share the key ``f150``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein


def wordlist(text: str) -> list[str]:
    return text.split()


TOKEN = re.compile(r"[^\W_]+(?:[-'&][^\W_]+)*")
YEAR = re.compile(r"(?:19[6-9]\d|20[0-3]\d|'\d\d|\d\ds|0\d|1\d|2[0-6]|[89]\d)$")
FUZZY_MIN = 6
FUZZY_AFTER_MAKE_MIN = 5
CORRECTION = re.compile(
    r"\b(?:actually|correction|i meant|my mistake|sorry,? (?:it was|its|it's)|not (?:a |an |the )?"
    r"(?:\w+ ){0,2}\w+,? (?:it was|its|it's|it is)|wrong (?:colou?r|car|vehicle)|"
    r"but (?:she|he|they) (?:told me|said|says)|corrected (?:it )?to)\b",
    re.IGNORECASE,
)
TEXT_FIELDS = ("what_happened", "aggressor_description", "location")

VEHICLE_NOUNS = frozenset(
    wordlist(
        "car cars truck trucks van vans suv suvs pickup minivan sedan coupe hatchback "
        "wagon convertible vehicle jeep ride 4x4 hatch crossover carro coche auto voiture char "
        "camioneta camion dually"
    )
)
BODY_WORDS: dict[tuple[str, ...], str] = {
    ("sedan",): "sedan",
    ("saloon",): "sedan",
    ("4-door",): "sedan~",
    ("4dr",): "sedan~",
    ("four", "door"): "sedan~",
    ("4", "door"): "sedan~",
    ("coupe",): "coupe",
    ("2-door",): "coupe~",
    ("two", "door"): "coupe~",
    ("2", "door"): "coupe~",
    ("2dr",): "coupe~",
    ("two-door",): "coupe~",
    ("four-door",): "sedan~",
    ("hatchback",): "hatchback",
    ("hatch",): "hatchback",
    ("wagon",): "wagon",
    ("station", "wagon"): "wagon",
    ("convertible",): "convertible",
    ("suv",): "SUV",
    ("s", "u", "v"): "SUV",
    ("crossover",): "SUV",
    ("minivan",): "minivan",
    ("mini", "van"): "minivan",
    ("mini-van",): "minivan",
    ("van",): "van~",
    ("cargo", "van"): "van",
    ("work", "van"): "van",
    ("panel", "van"): "van",
    ("camper", "van"): "van",
    ("cube", "van"): "van",
    ("box", "van"): "van",
    ("box", "truck"): "truck",
    ("moving", "truck"): "truck",
    ("tow", "truck"): "truck",
    ("dump", "truck"): "truck",
    ("semi",): "semi~",
    ("semi", "truck"): "semi",
    ("semi-truck",): "semi",
    ("big", "rig"): "semi",
    ("sleeper", "cab"): "semi",
    ("transport", "truck"): "semi",
    ("logging", "truck"): "semi",
    ("pickup",): "pickup",
    ("pick-up",): "pickup",
    ("pickup", "truck"): "pickup",
    ("pick", "up", "truck"): "pickup",
    ("truck",): "pickup~",
    ("work", "truck"): "pickup~",
    ("company", "truck"): "pickup~",
    ("farm", "truck"): "pickup~",
    ("dually",): "pickup",
    ("crew", "cab"): "pickup~",
    ("crew", "cab", "truck"): "pickup",
    ("camioneta",): "pickup~",
    ("motorcycle",): "motorcycle",
    ("motorbike",): "motorcycle",
    ("motor", "bike"): "motorcycle",
    ("dirt", "bike"): "motorcycle",
    ("dirtbike",): "motorcycle",
    ("sport", "bike"): "motorcycle",
    ("sportbike",): "motorcycle",
    ("crotch", "rocket"): "motorcycle",
}
CLOTHING_MODELS = frozenset(["blazer"])
"""Models named like clothes ("navy blazer"): in the narrative only after their make, but alone in
the ``vehicle`` column."""
MOTORCYCLE_MAKES = frozenset(["Harley-Davidson", "Ducati", "Kawasaki", "Yamaha"])
"""Makes whose vehicles on the road here are motorcycles: the make alone gives the body."""
TRACTOR_MAKES = frozenset(["Kenworth", "Peterbilt", "Freightliner", "Mack", "Western Star"])
"""Makes of semi-trailer trucks. A semi has no body type in the vocabulary (sedan … pickup,
van, motorcycle), so its body is left blank, as the labelling rules leave it."""
NEGATIONS = frozenset(wordlist("no not never wasn't wasnt isn't isnt nor"))
FILLERS = frozenset(
    wordlist(
        "older newer old new small smaller big bigger little large lifted tinted rusty "
        "rusted beat up beaten dented dirty clean shiny dark light bright pale metallic "
        "matte two-tone tone and or a an his her their the 4x4 4wd awd lowered loud "
        "flashy nice fancy sporty sports boxy long short extended crew cab full size "
        "full-size mid midsize compact dk lt drk newish oldish vieille vieux na luma lumang bagong "
        "flatdeck flatbed "
        "colour color coloured colored"
    )
)
WORN_OR_PLAYED = frozenset(
    wordlist(
        "jacket jackets shirt shirts tee tshirt t-shirt jersey hoodie sweater sweatshirt vest coat "
        "cap caps hat hats shoes sneakers boots shorts pants gloves club clubs course bag cart "
        "sticker stickers decal decals logo tattoo tattoos"
    )
)
"""Nouns after which a model or make word is clothing, sport or a picture ("navy golf jacket",
"polo shirt", "golf club", "lightning bolt sticker"), not a vehicle."""
SOMEONE = frozenset(wordlist("guy guys man dude fella fellow one wala driver creep kid john"))
"""Words that end "not the silver Sienna guy": the vehicle names somebody else."""
DRIVE_VERBS = frozenset(["drove", "drives", "driving", "driven", "drive", "drivin"])
DETERMINERS = frozenset(wordlist("a an his her their the its la el un una le une sa son"))
MODEL_NUMBER = re.compile(r"([a-z]{2,}?)\d{1,3}[a-z]{0,2}$")
COLOUR_LINKS = frozenset(
    wordlist(
        "was is it it's its colour color coloured colored paint painted kind sort of like "
        "maybe i think prob probably either était etait est era es"
    )
)
SENTENCE_BREAK = re.compile(r"[.!?;\n]")
PHRASE_BREAK = re.compile(r"[.!?;\n]|\s[-–—]+\s")
"""A sentence's end, or a spaced dash between a note's phrases ("beat her up - blck honda")."""
OWNER_WORDS = frozenset(
    wordlist("my our her mine friend's friends friend sister's brother's mom's roommate's own")
)
INTO_WORDS = frozenset(wordlist("in into inside from"))
IDIOM_MODELS = frozenset(
    wordlist(
        "element journey quest focus legacy matrix venture escape edge spirit pilot express "
        "compass echo soul liberty patriot rogue frontier insight passport odyssey sierra "
        "explorer expedition excursion ranger charger challenger avenger outlook vision "
        "prelude relay sprint storm wave aura century regal encore enclave envision"
    )
)
PERSON_MODELS = frozenset(
    wordlist(
        "pilot ranger explorer navigator trooper voyager villager defender commander gladiator "
        "raider patriot aviator mountaineer wrangler avenger challenger rogue legend hombre amigo "
        "custom cougar titan accent golf passport taurus magnum fiesta sprinter transit jimmy "
        "cooper outback yukon cherokee carnival entourage highlander suburban dakota frontier "
        "ram charger mustang colt spirit soul element journey quest focus escape edge express "
        "compass echo liberty insight vision relay storm wave aura century regal encore"
    )
)
"""Models that are also words for a man, something about him or something else a man may be
known by ("the pilot guy", "the blond accent guy", "the golf guy", "the taurus guy"): "… guy"
after them does not make them his car."""
KNOWN_BY_WORDS = frozenset(wordlist("guy guys dude"))
PLATE_WORDS = frozenset(wordlist("plate plates"))
GAP_STOPS = frozenset(
    wordlist(
        "a an the of to with and or in on at for from by his her my was is that who this he she "
        "i it we they but so then"
    )
)
INDEFINITE = frozenset(wordlist("a an his her their un una une sa son su"))
NOT_A_MAKE_AFTER = frozenset(
    wordlist(
        "to i he she you we they could can would tried try cant couldnt didnt not just "
        "named called buddy friend guy"
    )
)
NOT_VEHICLE_PART = frozenset(
    wordlist(
        "hair haired beard bearded goatee guy guys man men male dude skin skinned shirt "
        "hoodie jacket hat cap eyes stripe stripes rims rim wheels canopy interior trim "
        "tint decal decals bumper door doors roof racks rack seats seat mask shoes pants "
        "jeans sweater coat top eye t-shirt tshirt vest toque beanie boots sweats shorts "
        "gloves bag backpack dog woman women girl girls lady teeth tooth sunglasses glasses "
        "dress suit uniform belt phone wallet tattoo tattoos ink people person moustache "
        "mustache stubble female"
    )
)
BRANDED_THINGS = frozenset(
    wordlist(
        "shirt t-shirt tshirt hoodie jacket hat cap vest toque beanie sweater sweatshirt coat "
        "jersey logo tattoo tattoos sticker decal belt buckle bag keyboard guitar"
    )
)
"""Said right after a make, the make is a brand on a thing ("a Harley shirt", "Ford cap")."""
PLACE_AFTER = frozenset(
    wordlist(
        "st street rd road ave avenue blvd pl place cres crescent centre "
        "center church building dealership dealer hotel mall plaza hall school"
    )
)
CAR_WORDS = frozenset(wordlist("car cars vehicle carro coche voiture auto char"))
PLATE_WORDS = frozenset(wordlist("plate plates licence license lic lp tag tags"))
NON_AGGRESSOR = frozenset(wordlist("outreach peers police cop cops taxi cab"))


@dataclass(frozen=True)
class ModelEntry:
    make: str
    model: str
    body: str
    context: str
    implies_make: bool


@dataclass
class Reference:
    models: dict[str, list[ModelEntry]] = field(default_factory=dict)
    makes: dict[str, tuple[str, str]] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)
    near_words: set[str] = field(default_factory=set)
    fuzzy_choices: dict[str, list[str]] = field(default_factory=dict)
    models_of_make: dict[str, list[str]] = field(default_factory=dict)
    phrase_starts: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)
    max_ngram: int = 3


def rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("analytics.reference").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines)


def key(text: str) -> str:
    return "".join(TOKEN.findall(text.lower())).replace("-", "").replace("'", "")


def add_fuzzy_choice(ref: Reference, alias: str) -> None:
    if alias.isalpha() and len(alias) >= FUZZY_MIN:
        ref.fuzzy_choices.setdefault(alias[0], []).append(alias)


def fuzzy_limit(alias: str) -> int:
    return 1 if len(alias) < 9 else 2


@lru_cache(maxsize=1)
def reference() -> Reference:
    ref = Reference()
    for row in rows("vehicles.csv"):
        entry = ModelEntry(
            row["make"], row["model"], row["body"], row["context"], row["implies_make"] == "yes"
        )
        ref.models.setdefault(key(row["alias"]), []).append(entry)
        ref.near_words.update(w for w in row["near_words"].split(";") if w)
        if entry.context == "any" and row["alias"] == entry.model.lower():
            add_fuzzy_choice(ref, row["alias"])
        if row["alias"].isalpha() and len(row["alias"]) >= FUZZY_AFTER_MAKE_MIN:
            ref.models_of_make.setdefault(entry.make, []).append(row["alias"])
    for row in rows("vehicle_makes.csv"):
        ref.makes[key(row["alias"])] = (row["make"], row["context"])
        ref.near_words.update(w for w in row["near_words"].split(";") if w)
        if row["context"] == "any" and row["alias"] == row["make"].lower():
            add_fuzzy_choice(ref, row["alias"])
    for row in rows("colours.csv"):
        ref.colours[row["synonym"]] = row["colour"]
    aliases = [row["alias"] for row in rows("vehicles.csv")]
    aliases += [row["alias"] for row in rows("vehicle_makes.csv")]
    for alias in aliases:
        words = TOKEN.findall(alias.lower())
        if len(words) > 1:
            ref.phrase_starts.add(key(words[0]))
    ref.phrase_starts.update(key(words[0]) for words in BODY_WORDS if len(words) > 1)
    ref.known = set(ref.models) | set(ref.makes) | set(ref.colours) | ref.phrase_starts
    ref.known |= {key(words[0]) for words in BODY_WORDS} | set(CAR_WORDS)
    ref.known |= {key(colour) for colour in ref.colours}
    return ref


@lru_cache(maxsize=65536)
def fuzzy_model_of(make: str, token: str) -> str:
    """The alias of one of ``make``'s models that a misspelt ``token`` stands for ("dodge chargr"),
    or ``""``. Right after the make, even a model that is also a common word (Charger, Escape)
    is safe to guess."""
    if len(token) < FUZZY_AFTER_MAKE_MIN or not token.isalpha():
        return ""
    choices = reference().models_of_make.get(make, [])
    for alias, distance, _ in process.extract(
        token, choices, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=3
    ):
        if distance <= fuzzy_limit(alias) and abs(len(alias) - len(token)) <= distance:
            return alias
    return ""


@lru_cache(maxsize=65536)
def fuzzy(token: str) -> str:
    """The alias a misspelt ``token`` stands for, or ``""``."""
    ref = reference()
    if len(token) < FUZZY_MIN or not token.isalpha() or token in ref.near_words:
        return ""
    choices = ref.fuzzy_choices.get(token[0], [])
    for alias, distance, _ in process.extract(
        token, choices, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=3
    ):
        if distance <= fuzzy_limit(alias) and abs(len(alias) - len(token)) <= distance:
            return alias
    return ""

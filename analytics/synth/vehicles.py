"""Vehicles as aggressors drive them and as reporters name them.

Canonical spellings are those a perfect reader records (``Dodge`` / ``Grand Caravan``, ``Ford`` /
``F-150``); the forms are what people write, misspellings included. A model implies its make and
its body.
"""

from __future__ import annotations

from dataclasses import dataclass

COLOUR_FORMS: dict[str, tuple[str, ...]] = {
    "black": ("black", "blk", "BLK", "black", "blck"),
    "white": ("white", "wht", "white", "WHITE", "wite"),
    "grey": ("grey", "gray", "gry", "charcoal", "dark grey", "grey"),
    "silver": ("silver", "silver", "slvr", "silvery"),
    "red": ("red", "red", "maroon", "burgundy", "dark red"),
    "blue": ("blue", "navy", "dark blue", "blu", "light blue"),
    "green": ("green", "dark green", "grn", "forest green"),
    "beige": ("beige", "tan", "beige"),
    "brown": ("brown", "brn", "brown"),
    "gold": ("gold", "gold", "goldish"),
    "yellow": ("yellow",),
    "orange": ("orange",),
    "purple": ("purple", "purple"),
}

COLOUR_WEIGHTS: dict[str, float] = {
    "white": 22,
    "black": 18,
    "grey": 14,
    "silver": 14,
    "red": 8,
    "blue": 9,
    "green": 3,
    "beige": 2,
    "brown": 2,
    "gold": 2,
    "yellow": 0.5,
    "orange": 0.5,
    "purple": 0.3,
}

CONFUSED_COLOUR: dict[str, str] = {
    "silver": "grey",
    "grey": "silver",
    "white": "silver",
    "black": "blue",
    "blue": "black",
    "beige": "gold",
    "gold": "beige",
    "red": "orange",
    "green": "blue",
    "brown": "beige",
}

BODY_FORMS: dict[str, tuple[str, ...]] = {
    "sedan": ("sedan", "4 door", "4dr sedan", "sedan"),
    "pickup": ("truck", "pickup", "pick-up", "pickup truck", "truck"),
    "minivan": ("minivan", "mini van", "minivan"),
    "SUV": ("SUV", "suv", "SUV"),
    "hatchback": ("hatchback", "hatch"),
    "coupe": ("coupe", "2 door", "2-door"),
    "van": ("van", "cargo van", "work van", "panel van"),
    "wagon": ("wagon", "station wagon"),
}


@dataclass(frozen=True, slots=True)
class Model:
    make: str
    model: str
    body: str
    weight: float
    make_forms: tuple[str, ...]
    model_forms: tuple[str, ...]


def _m(make: str, model: str, body: str, weight: float, makes: str, models: str) -> Model:
    return Model(make, model, body, weight, tuple(makes.split("|")), tuple(models.split("|")))


MODELS: tuple[Model, ...] = (
    _m("Honda", "Civic", "sedan", 14, "honda|Honda|HONDA", "civic|Civic|civic|civik|CIVIC"),
    _m(
        "Dodge",
        "Grand Caravan",
        "minivan",
        8,
        "dodge|Dodge",
        "grand caravan|Grand Caravan|gr caravan|grand carvan|grand caravan",
    ),
    _m("Ford", "F-150", "pickup", 9, "ford|Ford", "f150|F-150|F150|f-150|f 150"),
    _m("Toyota", "Corolla", "sedan", 8, "toyota|Toyota|toyta", "corolla|Corolla|corrola|carolla"),
    _m("Toyota", "Camry", "sedan", 6, "toyota|Toyota", "camry|Camry|camery|camry"),
    _m("Toyota", "RAV4", "SUV", 5, "toyota|Toyota", "rav4|RAV4|rav 4|Rav4"),
    _m("Toyota", "Tacoma", "pickup", 5, "toyota|Toyota", "tacoma|Tacoma|takoma"),
    _m("Toyota", "Sienna", "minivan", 3, "toyota|Toyota", "sienna|Sienna|siena"),
    _m("Toyota", "Prius", "hatchback", 2, "toyota|Toyota", "prius|Prius"),
    _m("Toyota", "Tundra", "pickup", 2, "toyota|Toyota", "tundra|Tundra"),
    _m("Honda", "Accord", "sedan", 4, "honda|Honda", "accord|Accord|acord"),
    _m("Honda", "CR-V", "SUV", 4, "honda|Honda", "crv|CR-V|CRV|cr-v"),
    _m("Honda", "Odyssey", "minivan", 2, "honda|Honda", "odyssey|Odyssey|odessy|odyssy"),
    _m(
        "Chevrolet",
        "Silverado",
        "pickup",
        5,
        "chevy|Chevy|chevrolet|chev",
        "silverado|Silverado|silverada|silverado",
    ),
    _m("Chevrolet", "Express", "van", 2, "chevy|Chevy|chevrolet", "express|Express van|express"),
    _m("Chevrolet", "Cruze", "sedan", 2, "chevy|chevrolet", "cruze|Cruze|cruz"),
    _m("Chevrolet", "Impala", "sedan", 1.5, "chevy|Chevy", "impala|Impala|impalla"),
    _m("GMC", "Sierra", "pickup", 3, "gmc|GMC", "sierra|Sierra"),
    _m("Dodge", "Ram", "pickup", 4, "ram|Ram|RAM", "1500|1500"),
    _m("Ford", "Escape", "SUV", 4, "ford|Ford", "escape|Escape"),
    _m("Ford", "Explorer", "SUV", 3, "ford|Ford", "explorer|Explorer|explorar"),
    _m("Ford", "Ranger", "pickup", 2, "ford|Ford", "ranger|Ranger"),
    _m("Ford", "Transit", "van", 2, "ford|Ford", "transit|Transit|transit van"),
    _m("Ford", "Mustang", "coupe", 1, "ford|Ford", "mustang|Mustang|mustange"),
    _m("Nissan", "Altima", "sedan", 3, "nissan|Nissan|nisan", "altima|Altima"),
    _m("Nissan", "Rogue", "SUV", 3, "nissan|Nissan", "rogue|Rogue|rouge"),
    _m("Nissan", "Frontier", "pickup", 1, "nissan|Nissan", "frontier|Frontier"),
    _m(
        "Hyundai",
        "Elantra",
        "sedan",
        4,
        "hyundai|Hyundai|hundai|hyundia",
        "elantra|Elantra|elantra",
    ),
    _m("Hyundai", "Tucson", "SUV", 2, "hyundai|Hyundai|hundai", "tucson|Tucson|tuscon"),
    _m("Kia", "Soul", "hatchback", 2, "kia|Kia|KIA", "soul|Soul"),
    _m("Kia", "Sorento", "SUV", 2, "kia|Kia", "sorento|Sorento|sorrento"),
    _m("Mazda", "Mazda3", "hatchback", 3, "mazda|Mazda|madza", "3|3"),
    _m("Mazda", "CX-5", "SUV", 2, "mazda|Mazda", "cx5|CX-5|cx-5"),
    _m("Subaru", "Outback", "wagon", 3, "subaru|Subaru|subi", "outback|Outback"),
    _m("Subaru", "Forester", "SUV", 3, "subaru|Subaru", "forester|Forester|forrester"),
    _m("Jeep", "Wrangler", "SUV", 2, "jeep|Jeep", "wrangler|Wrangler|wrangler"),
    _m("Jeep", "Grand Cherokee", "SUV", 2, "jeep|Jeep", "grand cherokee|Grand Cherokee"),
    _m("Volkswagen", "Jetta", "sedan", 3, "vw|VW|volkswagen|volkswagon", "jetta|Jetta"),
    _m("Volkswagen", "Golf", "hatchback", 2, "vw|VW|volkswagen", "golf|Golf"),
    _m("BMW", "3 Series", "sedan", 2, "bmw|BMW|beemer", "3 series|3-series|3 Series"),
    _m("Tesla", "Model 3", "sedan", 2, "tesla|Tesla", "model 3|Model 3"),
    _m("Dodge", "Challenger", "coupe", 0.4, "dodge|Dodge", "challenger|Challenger"),
    _m("Dodge", "Journey", "SUV", 1.5, "dodge|Dodge", "journey|Journey"),
    _m("Mini", "Cooper", "hatchback", 0.8, "mini|Mini", "cooper|Cooper"),
    _m("Pontiac", "Aztek", "SUV", 0.15, "pontiac|Pontiac", "aztek|Aztek|aztec"),
    _m("Chrysler", "PT Cruiser", "wagon", 0.3, "chrysler|Chrysler", "pt cruiser|PT Cruiser"),
)

MODEL_NEEDS_MAKE: frozenset[str] = frozenset({"Ram", "Mazda3", "3 Series", "Model 3", "Cooper"})
"""Models that are not recognisable without their make (``3`` alone says nothing)."""
ORDINARY_WORD_MODELS: frozenset[str] = frozenset(
    {
        "Escape",
        "Journey",
        "Ranger",
        "Rogue",
        "Express",
        "Soul",
        "Golf",
        "Outback",
        "Forester",
        "Explorer",
        "Challenger",
        "Accord",
        "Odyssey",
        "Transit",
        "Mustang",
        "Frontier",
        "Sierra",
    }
)
"""Everyday words as models: nobody writes them bare ("journey"), only with a colour or make."""

VEHICLE_EXTRAS: tuple[str, ...] = (
    "w/ canopy",
    "with a canopy",
    "tinted windows",
    "roof rack",
    "dented bumper",
    "primer on the hood",
    "lifted",
    "loud muffler",
    "ski rack",
    "baby seat in back",
    "lots of junk inside",
    "smelled like smoke",
    "a cracked windshield",
    "rust on the doors",
    "older",
    "newer",
    "beat up",
    "clean",
    "rental",
)

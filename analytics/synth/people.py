"""How reporters describe an aggressor: each trait with its many written forms and its truth value.

Truth conventions (the forms a perfect reader records; they follow
``analytics/extract/description.py``):

- ``aggressor_sex``: ``male`` / ``female``; ``skin_or_ethnicity`` lowercase, as described
  (``native`` → ``indigenous``, ``east indian`` → ``south asian``, ``brown`` stays ``brown``).
- Age: ``40s`` → 40–49; ``early/mid/late 40s`` → 40–43 / 43–47 / 47–49; ``about 45``, ``45ish`` →
  42–48; ``45`` → 45–45; ``40-50`` → 40–50; ``older guy`` → blank.
- Height: a stated height *h* cm becomes round(h − t) / round(h + t), t = 2.5 for whole feet and
  2 otherwise (``6'`` → 180–185, ``5'10`` → 176–180, ``180cm`` → 178–182); a range spans both
  ends; ``tall`` → blank.
- ``build``: slim, average, athletic, muscular, stocky, heavy. ``hair``: colour then style,
  space-joined (``grey ponytail``, ``blonde``, ``bald``). ``facial_hair``: optional colour then the
  kind (``grey goatee``, ``stubble``, ``clean-shaven``). ``marks``: ``type[:detail][:location]``,
  ``;``-joined (``tattoo:snake:left forearm``, ``scar:chin``, ``piercing:nose``). ``glasses``:
  ``yes``.
- ``names``: the alias as given, lowercase, hedges dropped (``"Dave" (fake?)`` → ``dave``);
  ``handles``: emails and usernames, lowercase, without a leading ``@``.
"""

from __future__ import annotations

import random

from analytics.synth.draw import pick

SKINS: dict[str, tuple[float, tuple[str, ...], str]] = {
    # canonical: (weight, adjectives, staff shorthand letter)
    "white": (58, ("white", "white", "caucasian", "wht", "White"), "W"),
    "indigenous": (10, ("native", "Indigenous", "First Nations", "indigenous"), "N"),
    "asian": (8, ("asian", "Asian", "east asian"), "A"),
    "south asian": (7, ("east indian", "South Asian", "indian", "south asian"), ""),
    "black": (5, ("Black", "black"), "B"),
    "middle eastern": (4, ("middle eastern", "Middle Eastern"), ""),
    "latino": (3, ("latino", "hispanic", "Latino"), ""),
}
BROWN_SKINS = frozenset({"south asian", "middle eastern", "latino", "indigenous"})
MALE_NOUNS: tuple[str, ...] = ("guy", "guy", "man", "male", "dude", "guy", "man")
FEMALE_NOUNS: tuple[str, ...] = ("woman", "lady", "female", "woman")

_DECADE_WORDS = {
    20: "twenties",
    30: "thirties",
    40: "forties",
    50: "fifties",
    60: "sixties",
    70: "seventies",
}


def write_age(rng: random.Random, age: int) -> tuple[str, str, str]:
    """(text, age_low, age_high) for a perceived age."""
    decade = age // 10 * 10
    roll = rng.random()
    if roll < 0.34:
        fmt = pick(rng, ("{d}s", "{d}s", "{d}'s", "in his {d}s", "{w}", "{d}s"))
        return (
            fmt.format(d=decade, w=_DECADE_WORDS.get(decade, f"{decade}s")),
            str(decade),
            str(decade + 9),
        )
    if roll < 0.58:
        part = age - decade
        if part <= 3:
            word, low, high = pick(rng, ("early", "early")), decade, decade + 3
        elif part <= 6:
            word, low, high = pick(rng, ("mid", "mid-", "mid ")), decade + 3, decade + 7
        else:
            word, low, high = "late", decade + 7, decade + 9
        text = f"{word}{decade}s" if word.endswith("-") else f"{word.strip()} {decade}s"
        return text, str(low), str(high)
    if roll < 0.74:
        fmt = pick(rng, ("about {a}", "{a}ish", "~{a}", "maybe {a}", "around {a}", "approx {a}"))
        return fmt.format(a=age), str(age - 3), str(age + 3)
    if roll < 0.82:
        fmt = pick(rng, ("{a}", "{a} yrs old", "age {a}", "{a} y/o"))
        return fmt.format(a=age), str(age), str(age)
    if roll < 0.92:
        low = max(18, age - age % 5 - 5)
        high = low + pick(rng, (10, 10, 15))
        fmt = pick(rng, ("{l}-{h}", "{l} to {h}", "between {l} and {h}", "{l}-{h}ish"))
        return fmt.format(l=low, h=high), str(low), str(high)
    return pick(rng, ("older", "young", "middle aged", "older", "not young")), "", ""


def _spread(cm: float, tolerance: float) -> tuple[str, str]:
    return str(round(cm - tolerance)), str(round(cm + tolerance))


def _feet_cm(inches: int) -> tuple[float, float]:
    """(cm, tolerance) of a height stated in feet and inches."""
    return inches * 2.54, 2.5 if inches % 12 == 0 else 2.0


def _feet(inches: int, rng: random.Random) -> str:
    feet, rest = divmod(inches, 12)
    if rest == 0:
        return pick(rng, (f"{feet}'", f"{feet}ft", f"{feet} ft", f"{feet} foot", f"{feet}'0"))
    return pick(
        rng,
        (
            f"{feet}'{rest}",
            f"{feet}'{rest}\"",
            f"{feet} ft {rest}",
            f"{feet}ft{rest}",
            f"{feet}'{rest}",
        ),
    )


def write_height(rng: random.Random, height_cm: int) -> tuple[str, str, str]:
    """(text, height_cm_low, height_cm_high) for a perceived height."""
    inches = round(height_cm / 2.54)
    roll = rng.random()
    if roll < 0.62:
        text = _feet(inches, rng)
        if rng.random() < 0.3:
            text = pick(rng, ("about ", "maybe ", "~", "around ")) + text
        return text, *_spread(*_feet_cm(inches))
    if roll < 0.75:
        low = inches - pick(rng, (1, 2))
        high = low + 2
        (low_cm, low_tol), (high_cm, high_tol) = _feet_cm(low), _feet_cm(high)
        text = f"{_feet(low, rng)}-{_feet(high, rng)}"
        return text, str(round(low_cm - low_tol)), str(round(high_cm + high_tol))
    if roll < 0.82:
        cm = round(height_cm / 5) * 5
        return pick(rng, (f"{cm}cm", f"about {cm} cm", f"{cm} cm")), *_spread(cm, 2.0)
    word = "tall" if height_cm >= 183 else ("short" if height_cm < 170 else "average height")
    return pick(rng, (word, word, "not tall" if word != "tall" else "very tall")), "", ""


BUILD_FORMS: dict[str, tuple[str, ...]] = {
    "heavy": (
        "heavy",
        "hvy",
        "heavy set",
        "heavyset",
        "fat",
        "overweight",
        "chubby",
        "beer belly",
        "big belly",
        "heavy",
    ),
    "slim": ("slim", "skinny", "thin", "lanky", "slender", "skinny"),
    "muscular": ("muscular", "built", "buff", "jacked", "muscly", "muscular"),
    "athletic": ("athletic", "fit", "sporty", "athletic build"),
    "average": ("average build", "med build", "medium build", "normal build", "avg build"),
    "stocky": ("stocky", "thick", "stocky", "barrel chested"),
}
BUILD_WEIGHTS: dict[str, float] = {
    "heavy": 30,
    "average": 25,
    "slim": 20,
    "muscular": 12,
    "stocky": 13,
    "athletic": 8,
}

HAIR_COLOUR_FORMS: dict[str, tuple[str, ...]] = {
    "grey": ("grey", "gray", "gry", "salt and pepper", "greying", "silver"),
    "brown": ("brown", "brn", "light brown", "dark brown"),
    "black": ("black", "blk", "jet black"),
    "blonde": ("blond", "blonde", "dirty blond", "sandy"),
    "red": ("red", "ginger", "reddish"),
    "white": ("white", "white"),
    "dark": ("dark", "dark"),
}
HAIR_STYLES: dict[str, tuple[str, ...]] = {
    "ponytail": ("in a ponytail", "ponytail", "pony tail"),
    "long": ("long", "longish"),
    "short": ("short", "short"),
    "curly": ("curly",),
    "mullet": ("mullet",),
    "buzz cut": ("buzz cut", "buzzed"),
}
BALD_FORMS: dict[str, tuple[str, ...]] = {
    "bald": ("bald", "bald head", "bald", "no hair"),
    "balding": ("balding", "thinning hair", "receding hairline"),
    "shaved": ("shaved head", "shaved head", "head shaved"),
}

FACIAL_HAIR_FORMS: dict[str, tuple[str, ...]] = {
    "goatee": ("goatee", "goatee", "goattee", "goatie"),
    "beard": ("beard", "full beard", "scruffy beard", "bushy beard", "beard"),
    "moustache": ("moustache", "mustache", "stache", "handlebar mustache", "mustache"),
    "stubble": ("stubble", "5 o'clock shadow", "scruff", "stubble"),
    "clean-shaven": ("clean shaven", "clean-shaven", "no facial hair"),
}

MARKS: tuple[tuple[float, tuple[tuple[str, str], ...]], ...] = (
    # (weight, ((written form, canonical), ...))
    (
        0.25,
        (
            ("snake tattoo on his left forearm", "tattoo:snake:left forearm"),
            ("tat of a snake L forearm", "tattoo:snake:left forearm"),
            ("tattoo:snake:left forearm", "tattoo:snake:left forearm"),
            ("snake tattoo on his arm", "tattoo:snake:arm"),
        ),
    ),
    (
        6,
        (
            ("neck tattoo", "tattoo:neck"),
            ("tattoo on his neck", "tattoo:neck"),
            ("tats on neck", "tattoo:neck"),
        ),
    ),
    (
        4,
        (
            ("hand tattoos", "tattoo:hands"),
            ("tats on his hands", "tattoo:hands"),
            ("knuckle tattoos", "tattoo:knuckles"),
        ),
    ),
    (
        4,
        (
            ("full sleeve right arm", "tattoo:sleeve:right arm"),
            ("right arm sleeve tattoo", "tattoo:sleeve:right arm"),
            ("tattoo sleeve on his right arm", "tattoo:sleeve:right arm"),
        ),
    ),
    (2, (("tattoo:teardrop", "tattoo:teardrop"), ("teardrop tat", "tattoo:teardrop"))),
    (
        3,
        (
            ("scar on his left cheek", "scar:left cheek"),
            ("scar L cheek", "scar:left cheek"),
            ("scar on his cheek", "scar:cheek"),
        ),
    ),
    (3, (("scar on his chin", "scar:chin"), ("chin scar", "scar:chin"))),
    (1.5, (("scar through his eyebrow", "scar:eyebrow"), ("scar thru eyebrow", "scar:eyebrow"))),
    (
        3,
        (
            ("missing front tooth", "tooth:missing"),
            ("missing a front tooth", "tooth:missing"),
            ("missing teeth", "tooth:missing"),
        ),
    ),
    (
        4,
        (
            ("earring", "piercing:ear"),
            ("earrings", "piercing:ear"),
            ("pierced ear", "piercing:ear"),
        ),
    ),
    (1, (("eyebrow ring", "piercing:eyebrow"), ("eyebrow piercing", "piercing:eyebrow"))),
    (1.5, (("nose ring", "piercing:nose"), ("nose piercing", "piercing:nose"))),
    (
        0.8,
        (
            ("spiderweb tattoo on his elbow", "tattoo:spider web:elbow"),
            ("spider web tat elbow", "tattoo:spider web:elbow"),
        ),
    ),
    (
        1.2,
        (
            ("eagle tattoo on his chest", "tattoo:eagle:chest"),
            ("eagle tat on chest", "tattoo:eagle:chest"),
        ),
    ),
    (
        1,
        (
            ("a name tattooed on his wrist", "tattoo:name:wrist"),
            ("name tattoo on wrist", "tattoo:name:wrist"),
        ),
    ),
    (0.8, (("birthmark on his neck", "birthmark:neck"), ("birth mark on neck", "birthmark:neck"))),
    (
        1,
        (
            ("cross tattoo on his hand", "tattoo:cross:hand"),
            ("cross tat on hand", "tattoo:cross:hand"),
        ),
    ),
    (0.6, (("face tattoos", "tattoo:face"), ("tattoos on his face", "tattoo:face"))),
    (
        0.3,
        (
            ("burn scar on his right hand", "scar:burn:right hand"),
            ("burn scar R hand", "scar:burn:right hand"),
        ),
    ),
)

GLASSES_FORMS: tuple[str, ...] = (
    "glasses",
    "wears glasses",
    "wire glasses",
    "thick glasses",
    "specs",
    "glasses",
)

CLOTHES: tuple[str, ...] = (
    "ball cap",
    "Canucks hat",
    "hi-vis jacket",
    "work boots",
    "grey hoodie",
    "black hoodie",
    "leather jacket",
    "suit",
    "camo jacket",
    "flannel shirt",
    "trackpants",
    "golf shirt",
    "Carhartt jacket",
    "toque",
    "cowboy boots",
    "shorts and sandals",
    "smelled like booze",
    "strong cologne",
    "wedding ring",
    "lots of rings",
    "gold chain",
    "Oilers jersey",
)

MALE_NAMES: tuple[tuple[str, float], ...] = (
    ("Mike", 14),
    ("Dave", 6),
    ("Chris", 5),
    ("Steve", 5),
    ("Rob", 4),
    ("Jason", 3),
    ("Mark", 3),
    ("Paul", 3),
    ("Kevin", 3),
    ("Brian", 3),
    ("Tony", 3),
    ("Jeff", 2),
    ("Rick", 2),
    ("Dan", 3),
    ("Matt", 3),
    ("Jay", 2),
    ("Al", 1),
    ("Sam", 2),
    ("Ray", 2),
    ("Gary", 2),
    ("Doug", 1),
    ("Frank", 1),
    ("Wayne", 1),
    ("Trevor", 1),
    ("Darren", 1),
    ("Raj", 1),
    ("Amir", 1),
    ("Kyle", 2),
    ("Tyler", 2),
    ("Ken", 1),
    ("Greg", 2),
    ("Scott", 2),
    ("Jim", 2),
    ("Bob", 1),
    ("Pete", 1),
    ("Sean", 2),
    ("Nick", 2),
    ("Alex", 2),
    ("Ben", 1),
    ("Josh", 2),
    ("Ryan", 2),
    ("Derek", 1),
    ("Shawn", 1),
    ("Troy", 1),
    ("Carl", 1),
    ("Lee", 1),
    ("Vic", 0.5),
    ("Stan", 0.5),
    ("Bruno", 0.3),
    ("Big Mike", 1),
    ("Mikey", 1),
    ("Michael", 2),
    ("Cody", 1),
    ("Dustin", 1),
    ("Hank", 0.4),
)
FEMALE_NAMES: tuple[tuple[str, float], ...] = (("Lisa", 2), ("Kim", 2), ("Tina", 1), ("Jess", 1))

NAME_FRAMES: tuple[str, ...] = (
    "said his name was {n}",
    "called himself {n}",
    'goes by "{n}"',
    "name {n}",
    "{n}",
    "said he was {n}",
    '"{n}" (prob fake)',
    "{n}?",
    "says his name is {n}",
    "named {n}",
    "calls himself {n}",
    "{n} (fake name?)",
)

HANDLE_FRAMES: tuple[tuple[str, str], ...] = (
    # (how it is written, kind) with {h} the bare handle; emails use {e}
    ("@{h}", "handle"),
    ("snap: {h}", "handle"),
    ("leolist user {h}", "handle"),
    ("IG @{h}", "handle"),
    ("texted from {e}", "email"),
    ("email {e}", "email"),
    ("{e}", "email"),
    ("on tryst as {h}", "handle"),
    ("kik {h}", "handle"),
)

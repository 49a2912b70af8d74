"""Word lists and patterns behind ``analytics.extract.description`` (private to it).

Everything here is compiled once at import. ``TRIGGERS`` are cheap word-set gates: a pattern runs
only on text that holds one of its trigger words.
"""

from __future__ import annotations

import re


def wordlist(text: str) -> list[str]:
    return text.split()


WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
NUMBER_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fourties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
}
SMALL_NUMBERS = {
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "one": 1,
    "two": 2,
    "three": 3,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

DECADE = (
    r"(?:(?P<d>[1-9])0\s*'?s|(?P<w>twenties|thirties|fou?rties|fifties|sixties|seventies|eighties))"
)
PART = r"(?P<part>early|mid|late)?[\s-]*"
AGE_DECADE = re.compile(PART + DECADE)
AGE_DECADE_RANGE = re.compile(
    r"(?P<p1>early|mid|late)[\s-]*(?P<d1>[1-9])0\s*'?s\s*(?:-|–|to|or|/)\s*"
    r"(?P<p2>early|mid|late)[\s-]*(?P<d2>[1-9])0\s*'?s"
)
AGE_ABOUT = re.compile(
    r"(?:about|around|approx\.?|approximately|roughly|maybe|like|~|abt|prob(?:ably)?)\s*"
    r"(?P<n>[1-9]\d)\b(?!\s*(?:cm|kg|lb|lbs|min|mins|minutes|hrs?|hours?|days?|weeks?|km|"
    r"times|texts|calls|\$|bucks|dollars|ft|feet|'|%))"
    r"|(?P<m>[1-9]\d)\s*-?ish\b"
)
AGE_RANGE = re.compile(
    r"\b(?P<a>[1-9]\d)\s*(?:-|–|to|/)\s*(?P<b>[1-9]\d)\s*"
    r"(?:yrs?|years?|y/?o|yo|year old|years old)"
    r"|\b(?:age[sd]?|aged)\s*(?P<c>[1-9]\d)\s*(?:-|–|to)\s*(?P<e>[1-9]\d)"
)
AGE_EXACT = re.compile(
    r"\b(?P<n>[1-9]\d)\s*(?:yrs?|years?|y/?o|yo|year old|years old|y\.o\.)\b"
    r"|\b(?:age|aged|he's|hes|he is|he was|says he's|said he was)\s*:?\s*(?P<m>[1-9]\d)\b"
    r"(?!\s*(?:min|mins|minutes|hours|hrs|\$|bucks|dollars|cm|kg|lbs?|ft|feet|'|%|k\b))"
)
OTHER_PERSON_BEFORE = re.compile(
    r"\b(?:girl|i|i'?m|im|i\s+was|my|worker|daughter|son|friend|sister|brother|cousin)\b"
    r"[\s,(]{1,3}(?:is\s+|was\s+)?$|(?<![\w'’])[a-z]\s*\($",
    re.IGNORECASE,
)
"""Words right before an age that make it someone else's: "a girl, maybe 18", "J (20ish",
"I was maybe 19" (not "she", "lady" or "kid": some aggressors are women, some young)."""
VEHICLE_BEFORE = re.compile(
    r"\b(?:truck|car|van|pickup|suv|sedan|jeep|ford|chevy|dodge|toyota|honda|f-?150|model)\b"
    r"[^.;]{0,20}$"
)
"""A vehicle named just before "90s": the car's decade, not the man's age."""
BARE_AGE = re.compile(r"(?:^|[,;/]|\b(?:male|guy|man|m)\b)\s*(?P<n>[1-9]\d)\s*(?=$|[,;/])")

FEET = r"(?P<ft>[4-7]|four|five|six|seven)"
INCH = r"(?P<in>1[01]|[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
HEIGHT_FT = re.compile(
    FEET + r"\s*(?:'|’|ft\.?|feet|foot)\s*(?:" + INCH + r"\s*(?:\"|''|”|in\.?|inches|inch)?)?"
    r"(?![\d*]|\s*(?:x|\*|\d+\s*(?:'|ft|feet|foot)))"
)
HEIGHT_CM = re.compile(r"\b(?P<cm>1[4-9]\d|2[01]\d)\s*cm\b|\b(?P<m>[12])[.,](?P<mf>\d{1,2})\s*m\b")
HEIGHT_RANGE_SEP = re.compile(r"\s*(?:-|–|to|or|/)\s*$")

BUILD = (
    (re.compile(r"\b(?:skinny|slim|thin|slender|lanky|wiry|scrawny|small build|petite)\b"), "slim"),
    (re.compile(r"\b(?:average|medium|normal|regular)\s*(?:build|size|weight)\b"), "average"),
    (re.compile(r"\b(?:muscular|buff|jacked|ripped|built like)\b"), "muscular"),
    (re.compile(r"\b(?:athletic|fit build|in shape|sporty build)\b"), "athletic"),
    (re.compile(r"\b(?:stocky|thick|thickset|broad|burly|solid build)\b"), "stocky"),
    (
        re.compile(
            r"\b(?:heavy|heavyset|heavy-set|fat|overweight|obese|chubby|big belly|beer belly|"
            r"pot belly|large build|big build|husky|chunky|plus size|big guy|big man|heavier|hvy)\b"
        ),
        "heavy",
    ),
)

PERSON = (
    r"(?:guy|man|male|dude|gentleman|fella|fellow|boy|men|m|older|old|young|younger|middle-aged)"
)
ETHNICITY = (
    (
        re.compile(
            r"\bsouth[\s-]asian|\beast[\s-]indian|\bindo[\s-]canadian|\bpunjabi|\bdesi\b|\bsikh\b"
        ),
        "south asian",
    ),
    (re.compile(r"\bmiddle[\s-]eastern|\barab(?:ic)?\b|\bpersian\b|\biranian\b"), "middle eastern"),
    (
        re.compile(r"\b(?:indigenous|first nations?|native|aboriginal|m[ée]tis|inuit)\b"),
        "indigenous",
    ),
    (re.compile(r"\b(?:latino|latin|hispanic|mexican)\b"), "latino"),
    (
        re.compile(
            r"(?<!south )(?<!south-)\b(?:asian|chinese|japanese|korean|filipino|vietnamese|thai)\b"
        ),
        "asian",
    ),
    (re.compile(r"\b(?:caucasian|white[\s-]skinned|white\s+" + PERSON + r")\b"), "white"),
    (re.compile(r"\b(?:african|black[\s-]skinned|black\s+" + PERSON + r")\b"), "black"),
    (re.compile(r"\bbrown[\s-]skinned|\bbrown\s+(?:skin|" + PERSON + r")\b"), "brown"),
    (re.compile(r"\bmixed(?:[\s-]race)?\b(?!\s+(?:signals|messages|feelings))"), "mixed"),
)
LEAD_SKIN = re.compile(r"^\s*(?P<w>white|black|brown|native|asian)\s*(?:[,;/]|$)")
SENTENCE_SKIN = re.compile(r"(?:^|[.!?:]\s+)(?P<w>white|black|brown|native|asian)\s*,")
SHORTHAND = re.compile(r"\b(?P<w>w|b|n)(?P<s>m|f)\b")
SHORTHAND_WORDS_SET = frozenset(wordlist("wm wf bm bf nm nf"))
MALE_WORDS = frozenset(
    [
        "guy",
        "guys",
        "man",
        "male",
        "dude",
        "gentleman",
        "fella",
        "boy",
        "men",
        "mister",
        "mr",
        "wm",
        "bm",
        "nm",
    ]
)
FEMALE_WORDS = frozenset(["woman", "female", "lady", "girl", "women"])
OTHER_WORDS = frozenset(
    ["trans", "transgender", "non", "nonbinary", "binary", "enby", "two", "spirit"]
)
HE_WORDS = frozenset(["he", "him", "his", "hes"])
SHE_WORDS = frozenset(["she", "her", "hers"])
SHORTHAND_WORDS = {"w": "white", "b": "black", "n": "indigenous", "m": "male", "f": "female"}

HAIR_COLOURS = {
    "black": "black",
    "dark": "dark",
    "brown": "brown",
    "brunette": "brown",
    "blonde": "blonde",
    "blond": "blonde",
    "red": "red",
    "ginger": "red",
    "auburn": "red",
    "grey": "grey",
    "gray": "grey",
    "greying": "grey",
    "graying": "grey",
    "silver": "grey",
    "white": "white",
    "light": "light",
    "salt and pepper": "salt and pepper",
    "salt & pepper": "salt and pepper",
    "sandy": "sandy",
    "dirty blonde": "blonde",
    "dyed": "dyed",
}
HAIR_STYLES = {
    "short": "short",
    "long": "long",
    "medium": "medium",
    "shoulder length": "shoulder length",
    "buzzed": "buzzed",
    "buzz cut": "buzzed",
    "buzzcut": "buzzed",
    "shaved": "shaved",
    "receding": "receding",
    "thinning": "thinning",
    "curly": "curly",
    "wavy": "wavy",
    "straight": "straight",
    "spiky": "spiky",
    "ponytail": "ponytail",
    "pony tail": "ponytail",
    "mullet": "mullet",
    "crew cut": "crew cut",
    "dreads": "dreadlocks",
    "dreadlocks": "dreadlocks",
    "braids": "braids",
    "braid": "braids",
    "man bun": "man bun",
    "bun": "man bun",
    "messy": "messy",
    "greasy": "greasy",
    "slicked back": "slicked back",
    "mohawk": "mohawk",
    "afro": "afro",
    "cornrows": "cornrows",
}
HAIR_WORDS = "|".join(
    sorted(map(re.escape, {**HAIR_COLOURS, **HAIR_STYLES}), key=len, reverse=True)
)
HAIR_KEY = re.compile(r"\b(?:" + HAIR_WORDS + r")\b")
HAIR_NOUN = re.compile(r"\bhair(?:ed)?\b")
HAIR_BEFORE = re.compile(r"((?:(?:" + HAIR_WORDS + r")[\s,/-]*(?:and\s+)?){1,4})\s*$")
HAIR_AFTER = re.compile(r"\s*(?:is|was|:)?\s*((?:(?:" + HAIR_WORDS + r")[\s,/-]*(?:and\s+)?){1,3})")
BALD = re.compile(r"\b(?:bald|balding|shaved head|shaven head|no hair|skinhead|head shaved)\b")
HAIR_STANDALONE = re.compile(
    r"\b(ponytail|mullet|dreadlocks|dreads|mohawk|man bun|buzz cut|crew cut|afro|cornrows|"
    r"braids?)\b"
)
HAIR_COLOUR_NOUN = re.compile(
    r"\b(blonde|blond|brunette|redhead|ginger)\b(?!\s+(?:girl|woman|lady))"
)
REPORTER_OWNER = re.compile(r"\b(?:my|her|your|our)\s+(?:\w+\s+)?$")
MARK_NEGATION = re.compile(
    r"\b(?:no|not|without|zero|any)\s+(?:visible\s+|obvious\s+)?"
    r"(?:(?:tattoos?|tats?|scars?|piercings?)\s*(?:or|and|/|,)\s*)*$"
)

FACIAL_KINDS = {
    "beard": "beard",
    "bearded": "beard",
    "goatee": "goatee",
    "moustache": "moustache",
    "mustache": "moustache",
    "mustach": "moustache",
    "stache": "moustache",
    "stubble": "stubble",
    "scruff": "stubble",
    "scruffy": "stubble",
    "5 o'clock shadow": "stubble",
    "sideburns": "sideburns",
    "soul patch": "soul patch",
    "mutton chops": "mutton chops",
    "clean shaven": "clean-shaven",
    "clean-shaven": "clean-shaven",
    "no beard": "clean-shaven",
    "fu manchu": "moustache",
    "handlebar moustache": "moustache",
    "handlebar mustache": "moustache",
    "chin strap": "beard",
}
FACIAL_COLOURS = {k: v for k, v in HAIR_COLOURS.items() if v not in ("dyed",)}
FACIAL_KIND = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, FACIAL_KINDS), key=len, reverse=True)) + r")\b"
)
FACIAL_COLOUR = re.compile(
    r"\b("
    + "|".join(sorted(map(re.escape, FACIAL_COLOURS), key=len, reverse=True))
    + r")[\s,/-]+(?:(?:short|long|full|thick|thin|scruffy|trimmed|big|small|bushy|patchy|little)"
    r"\s+)?$"
)

SIDE = r"(?:(?:left|right|lt|rt|l|r|both|upper|lower|inner|outer|back of(?: his| the)?)\s+)*"
BODY_PARTS = (
    "forearms?|upper arm|arms?|biceps?|hands?|knuckles?|fingers?|wrists?|neck|throat|face|cheeks?|"
    "forehead|eyes?|eyebrows?|chin|lips?|nose|ears?|chest|back|shoulders?|legs?|calf|calves|"
    "ankles?|head|scalp|stomach|belly|jaw|temple|collarbone|ribs|side|elbows?|thighs?|shins?|"
    "feet|foot|hips?"
)
LOCATION = re.compile(r"\b(" + SIDE + r"(?:" + BODY_PARTS + r"))\b")
MARK_KIND = re.compile(
    r"\b(?P<kind>tattoos?|tatts?|tats?|tattooed|ink|scars?|scarred|piercings?|pierced|"
    r"nose ring|lip ring|eyebrow ring|earrings?|gauges|birth ?marks?|"
    r"(?<!long )(?<!short )(?:full |half )?sleeves?"
    r"(?= (?:on |down |up )?(?:his |the |one |each |both )?"
    + SIDE
    + r"(?:arms?|forearms?|legs?)\b)|"
    r"gold (?:upper |lower |front |top |bottom |side )?(?:tooth|teeth)|"
    r"missing (?:a )?(?:front )?tooth|missing teeth|"
    r"spider ?webs?(?= (?:on|under|by|across|covering) (?:his |the |one |each |both )?"
    + SIDE
    + r"(?:"
    + BODY_PARTS
    + r")\b)|teardrops?(?= tattoo| under (?:his |one |each |the |both )?eyes?\b)|swastikas?)\b"
)
_LIMP_KIND = (
    r"(?:a\s+)?(?:bad\s+|slight\s+|big\s+|heavy\s+|real\s+)?limp\b"
    r"(?!\s+(?:dick|cock|penis|d|noodle|one|wrist|handshake|hand|grip))"
)
TRAIT = re.compile(
    r"\b(?:(?P<cane>(?<!candy\s)(?<!sugar\s)(?:walking\s+)?canes?\b|walking\s+stick)"
    r"|(?P<limp>(?:walks?|walking|walked)\s+(?:with|w/?)\s+"
    + _LIMP_KIND
    + r"|(?:has|had|got|with|w/?)\s+"
    + _LIMP_KIND
    + r"|limps\b|limping\b)"
    r"|(?P<crutches>crutch(?:es)?\b)"
    r"|(?P<wheelchair>wheel\s?chair\b(?!\s+(?:van|accessible|ramp|lift|taxi|cab|bus|sticker|sign|placard|parking)))"
    r"|(?P<finger>missing\s+(?:a\s+|an\s+|one\s+|two\s+|his\s+|the\s+)?"
    r"(?:(?:index|middle|ring|little)\s+)?(?:fingers?|thumb|pinky)\b)"
    r"|(?P<eyepatch>eye\s?patch\b)|(?P<glasseye>glass\s+eye\b))"
)
"""What marks a man besides tattoos and scars: a cane, a limp, crutches, a wheelchair, a missing
finger, an eye patch or a glass eye ("old guy w the cane", "walks with a limp")."""
TRAIT_ITEMS = {
    "cane": "cane",
    "limp": "limp",
    "crutches": "crutches",
    "wheelchair": "wheelchair",
    "finger": "finger:missing",
    "eyepatch": "eye patch",
    "glasseye": "glass eye",
}
HER_CLAUSE = re.compile(r"\b(?:she|i|im|i'm|i’m|ive|i've)\b(?!.*\b(?:he|he's|hes|him|his)\b)")
"""The worker is the last one named before a trait ("she was limping after", "I use a cane")."""
TATTOO_MOTIFS = ("spider", "teardrop", "swastika", "full sleeve", "half sleeve", "sleeve")
"""How the motifs that are tattoos without the word begin ("spiderweb on his elbow", "teardrop
under his eye", a swastika, "full sleeve right arm")."""
DETAIL_STOP = frozenset(
    wordlist(
        "a an his the her big small large little some of on with and has had have he "
        "visible noticeable faded old new prison homemade black blue red green colour "
        "color colored coloured full tattoo tattoos tats tat ink scar scars piercing on no "
        "shaven shaved clean beard goatee moustache mustache glasses same that this matching "
        "goattee goatie stache stubble bald balding receding hairline hair ponytail buzz cut "
        "build avg average med medium slim skinny thin heavy heavyset fat chubby stocky "
        "muscular athletic jacked buff tall short around about approx maybe early mid late "
        "yrs years old guy man dude male wm nm bm am thick built clean-shaven hair dark"
    )
)
GLASSES_NO = re.compile(
    r"\b(?:no glasses|not wearing glasses|without glasses|didn'?t wear glasses)\b"
)
GLASSES_YES = re.compile(r"\b(?:glasses|spectacles|specs|eyeglasses|sunglasses|shades|bifocals)\b")

SEX_OTHER = re.compile(
    r"\b(?:trans woman|trans man|transgender|non[\s-]?binary|enby|two[\s-]spirit)\b"
)


GATE_WORD = re.compile(r"[a-z0-9]+")
DIGIT = re.compile(r"\d")
HEIGHT_HINTS = ("'", "’", "ft", "feet", "foot", "cm", "1.", "1,", "2.", "2,")
ABOUT_HINTS = ("about", "around", "approx", "roughly", "maybe", "like", "~", "abt", "prob", "ish")
HEIGHT_GATE = re.compile(r"(?:\d|four|five|six|seven)\s*(?:'|’|ft|feet|foot|cm)|[12][.,]\d")
AGE_NUMBER = re.compile(r"(?<![\d$.:/])[1-9]\d(?![\d:.,]\d)")
TRIGGERS: dict[str, frozenset[str]] = {
    "height": frozenset(
        wordlist("ft feet foot cm m s 1 2 3 4 5 6 7 8 9 10 11 four five six seven")
    ),
    "hair": frozenset(
        wordlist(
            "hair haired bald balding ponytail pony mullet dreads dreadlocks mohawk bun buzz "
            "buzzcut crew afro cornrows skinhead head braid braids blonde blond brunette redhead "
            "ginger"
        )
    ),
    "facial": frozenset(
        wordlist(
            "beard bearded goatee moustache mustache mustach stache stubble scruff scruffy "
            "shadow sideburns soul chops shaven manchu strap"
        )
    ),
    "marks": frozenset(
        wordlist(
            "tattoo tattoos tattooed tat tats tatt tatts ink scar scars scarred piercing "
            "piercings pierced ring earring earrings gauges birthmark birthmarks tooth teeth "
            "spiderweb spiderwebs spider teardrop teardrops swastika swastikas birth sleeve "
            "sleeves cane canes stick limp limps limping crutch crutches wheelchair wheel "
            "missing patch eyepatch glass"
        )
    ),
    "glasses": frozenset(
        wordlist("glasses spectacles specs eyeglasses sunglasses shades bifocals")
    ),
    "ethnicity": frozenset(
        wordlist(
            "south east indo punjabi desi sikh middle arab arabic persian iranian indigenous "
            "first native aboriginal metis m tis inuit latino latin hispanic mexican asian "
            "chinese japanese korean filipino vietnamese thai caucasian white black african "
            "brown mixed wm wf bm bf nm nf"
        )
    ),
    "build": frozenset(
        wordlist(
            "skinny slim thin slender lanky wiry scrawny small petite average medium normal "
            "regular muscular buff jacked ripped built athletic fit shape sporty stocky thick "
            "thickset broad burly solid heavy heavyset fat overweight obese chubby belly hvy "
            "large big husky chunky plus heavier"
        )
    ),
    "numbers": frozenset(
        wordlist(
            "twenty thirty forty fourty fifty sixty seventy eighty twenties thirties forties "
            "fourties fifties sixties seventies eighties four five six seven"
        )
    ),
}

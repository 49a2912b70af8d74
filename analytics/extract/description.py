"""Description extractor: what the aggressor looked like.

Reads ``aggressor_description`` first, then ``what_happened``. Every value is as described, never
inferred (no ethnicity from a name, no sex from a sector). Output formats:

* ``aggressor_sex``: ``male``, ``female`` or ``other`` (a trans or non-binary aggressor as
  described); pronouns ("he", "his") count only when no noun says otherwise.
* ``age_low``/``age_high``: "40s" → 40/49, "early 40s" → 40/43, "mid 30s" → 33/37, "late 20s" →
  27/29, "about 50" → 47/53, "45" or "45 years old" → 45/45, "45-50" → 45/50; "older guy" → blank.
* ``height_cm_low``/``height_cm_high``: a stated height *h* becomes floor(h - 2) / ceil(h + 2)
  ("6ft" → 180/185, "5'10" → 176/180, "180cm" → 178/182); a range spans both ends; "tall" → blank.
* ``build``: one of slim, average, athletic, muscular, stocky, heavy.
* ``skin_or_ethnicity``: lowercase words as described: white, black, brown, indigenous, asian,
  south asian, latino, middle eastern, mixed (``;``-joined if several).
* ``hair``: colour then length/style words, space-joined ("grey short", "bald", "blonde long
  ponytail").
* ``facial_hair``: ``;``-joined items, each an optional colour then the kind ("grey goatee",
  "stubble", "clean-shaven").
* ``marks``: ``;``-joined items ``type[:detail][:location]`` where type is tattoo, scar, piercing,
  birthmark or tooth; the location part always names a body part ("left forearm", "neck") and the
  detail never does: ``tattoo:snake:left forearm;scar:left cheek;piercing:nose``.
* ``glasses``: ``yes``, ``no`` (explicitly none) or blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["extract", "extract_description", "height_range", "age_range"]


def _wordlist(text: str) -> list[str]:
    return text.split()


_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_NUMBER_WORDS = {
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
_SMALL_NUMBERS = {
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

_DECADE = (
    r"(?:(?P<d>[1-9])0\s*'?s|(?P<w>twenties|thirties|fou?rties|fifties|sixties|seventies|eighties))"
)
_PART = r"(?P<part>early|mid|late)?[\s-]*"
_AGE_DECADE = re.compile(_PART + _DECADE)
_AGE_DECADE_RANGE = re.compile(
    r"(?P<p1>early|mid|late)[\s-]*(?P<d1>[1-9])0\s*'?s\s*(?:-|–|to|or|/)\s*"
    r"(?P<p2>early|mid|late)[\s-]*(?P<d2>[1-9])0\s*'?s"
)
_AGE_ABOUT = re.compile(
    r"(?:about|around|approx\.?|approximately|roughly|maybe|like|~|abt|prob(?:ably)?)\s*"
    r"(?P<n>[1-9]\d)\b(?!\s*(?:cm|kg|lb|lbs|min|mins|minutes|\$|bucks|dollars|ft|feet|'|%))"
    r"|(?P<m>[1-9]\d)\s*-?ish\b"
)
_AGE_RANGE = re.compile(
    r"\b(?P<a>[1-9]\d)\s*(?:-|–|to|/)\s*(?P<b>[1-9]\d)\s*"
    r"(?:yrs?|years?|y/?o|yo|year old|years old)"
    r"|\b(?:age[sd]?|aged)\s*(?P<c>[1-9]\d)\s*(?:-|–|to)\s*(?P<e>[1-9]\d)"
)
_AGE_EXACT = re.compile(
    r"\b(?P<n>[1-9]\d)\s*(?:yrs?|years?|y/?o|yo|year old|years old|y\.o\.)\b"
    r"|\b(?:age|aged|he's|hes|he is|he was|says he's|said he was)\s*:?\s*(?P<m>[1-9]\d)\b"
    r"(?!\s*(?:min|mins|minutes|hours|hrs|\$|bucks|dollars|cm|kg|lbs?|ft|feet|'|%|k\b))"
)
_BARE_AGE = re.compile(r"(?:^|[,;/]|\b(?:male|guy|man|m)\b)\s*(?P<n>[1-9]\d)\s*(?=$|[,;/])")

_FEET = r"(?P<ft>[4-7]|four|five|six|seven)"
_INCH = r"(?P<in>1[01]|[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
_HEIGHT_FT = re.compile(
    _FEET + r"\s*(?:'|’|ft\.?|feet|foot|-)\s*(?:" + _INCH + r"\s*(?:\"|''|”|in\.?|inches|inch)?)?"
    r"(?!\s*(?:\d|x|\*))"
)
_HEIGHT_CM = re.compile(r"\b(?P<cm>1[4-9]\d|2[01]\d)\s*cm\b|\b(?P<m>[12])[.,](?P<mf>\d{1,2})\s*m\b")
_HEIGHT_RANGE_SEP = re.compile(r"\s*(?:-|–|to|or|/)\s*$")

_BUILD = (
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

_PERSON = (
    r"(?:guy|man|male|dude|gentleman|fella|fellow|boy|men|m|older|old|young|younger|middle-aged)"
)
_ETHNICITY = (
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
    (re.compile(r"\b(?:caucasian|white[\s-]skinned|white\s+" + _PERSON + r")\b"), "white"),
    (re.compile(r"\b(?:african|black[\s-]skinned|black\s+" + _PERSON + r")\b"), "black"),
    (re.compile(r"\bbrown[\s-]skinned|\bbrown\s+(?:skin|" + _PERSON + r")\b"), "brown"),
    (re.compile(r"\bmixed(?:[\s-]race)?\b(?!\s+(?:signals|messages|feelings))"), "mixed"),
)
_LEAD_SKIN = re.compile(r"^\s*(?P<w>white|black|brown|native|asian)\s*(?:[,;/]|$)")
_SENTENCE_SKIN = re.compile(r"(?:^|[.!?:]\s+)(?P<w>white|black|brown|native|asian)\s*,")
_SHORTHAND = re.compile(r"\b(?P<w>w|b|n)(?P<s>m|f)\b")
_SHORTHAND_WORDS = {"w": "white", "b": "black", "n": "indigenous", "m": "male", "f": "female"}

_HAIR_COLOURS = {
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
_HAIR_STYLES = {
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
    "man bun": "man bun",
    "bun": "man bun",
    "messy": "messy",
    "greasy": "greasy",
    "slicked back": "slicked back",
    "mohawk": "mohawk",
    "afro": "afro",
    "cornrows": "cornrows",
}
_HAIR_WORDS = "|".join(
    sorted(map(re.escape, {**_HAIR_COLOURS, **_HAIR_STYLES}), key=len, reverse=True)
)
_HAIR_KEY = re.compile(r"\b(?:" + _HAIR_WORDS + r")\b")
_HAIR_NOUN = re.compile(r"\bhair(?:ed)?\b")
_HAIR_BEFORE = re.compile(r"((?:(?:" + _HAIR_WORDS + r")[\s,/-]*(?:and\s+)?){1,4})\s*$")
_HAIR_AFTER = re.compile(
    r"\s*(?:is|was|:)?\s*((?:(?:" + _HAIR_WORDS + r")[\s,/-]*(?:and\s+)?){1,3})"
)
_BALD = re.compile(r"\b(?:bald|balding|shaved head|shaven head|no hair|skinhead|head shaved)\b")
_HAIR_STANDALONE = re.compile(
    r"\b(ponytail|mullet|dreadlocks|dreads|mohawk|man bun|buzz cut|crew cut|afro|cornrows)\b"
)

_FACIAL_KINDS = {
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
_FACIAL_COLOURS = {k: v for k, v in _HAIR_COLOURS.items() if v not in ("dyed",)}
_FACIAL_KIND = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _FACIAL_KINDS), key=len, reverse=True)) + r")\b"
)
_FACIAL_COLOUR = re.compile(
    r"\b("
    + "|".join(sorted(map(re.escape, _FACIAL_COLOURS), key=len, reverse=True))
    + r")[\s,/-]+(?:(?:short|long|full|thick|thin|scruffy|trimmed|big|small|bushy|patchy|little)"
    r"\s+)?$"
)

_SIDE = r"(?:(?:left|right|lt|rt|l|r|both|upper|lower|inner|outer|back of(?: his| the)?)\s+)*"
_BODY_PARTS = (
    "forearms?|upper arm|arms?|biceps?|hands?|knuckles|fingers?|wrists?|neck|throat|face|cheeks?|"
    "forehead|eyes?|eyebrows?|chin|lips?|nose|ears?|chest|back|shoulders?|legs?|calf|calves|"
    "ankles?|head|scalp|stomach|belly|jaw|temple|collarbone|ribs|side"
)
_LOCATION = re.compile(r"\b(" + _SIDE + r"(?:" + _BODY_PARTS + r"))\b")
_MARK_KIND = re.compile(
    r"\b(?P<kind>tattoos?|tatts?|tats?|tattooed|ink|scars?|scarred|piercings?|pierced|"
    r"nose ring|lip ring|eyebrow ring|earrings?|gauges|birthmarks?|gold (?:tooth|teeth)|"
    r"missing (?:a )?(?:front )?tooth|missing teeth)\b"
)
_DETAIL_STOP = frozenset(
    _wordlist(
        "a an his the her big small large little some of on with and has had have he "
        "visible noticeable faded old new prison homemade black blue red green colour "
        "color colored coloured full sleeve sleeves tattoo tattoos tats tat ink scar "
        "scars piercing on"
    )
)
_GLASSES_NO = re.compile(
    r"\b(?:no glasses|not wearing glasses|without glasses|didn'?t wear glasses)\b"
)
_GLASSES_YES = re.compile(r"\b(?:glasses|spectacles|specs|eyeglasses|sunglasses|shades|bifocals)\b")

_SEX_MALE = re.compile(r"\b(?:guy|guys|man|male|dude|gentleman|fella|boy|men|mister|mr|[wbn]m)\b")
_SEX_FEMALE = re.compile(r"\b(?:woman|female|lady|girl|women)\b")
_SEX_OTHER = re.compile(
    r"\b(?:trans woman|trans man|transgender|non[\s-]?binary|enby|two[\s-]spirit)\b"
)
_HE = re.compile(r"\b(?:he|him|his|he's|hes)\b")
_SHE = re.compile(r"\b(?:she|her|hers|she's)\b")


def _num(word: str) -> int:
    return _SMALL_NUMBERS[word] if word in _SMALL_NUMBERS else int(word)


def age_range(text: str, *, bare: bool = False) -> tuple[int, int] | None:
    """The age range ``text`` states, or ``None``.

    ``bare`` also reads a lone number between commas ("white, 45, 6ft"), as descriptions do.
    """
    t = text.lower()
    if m := _AGE_DECADE_RANGE.search(t):
        low = _decade_part(int(m["d1"]) * 10, m["p1"])[0]
        return low, _decade_part(int(m["d2"]) * 10, m["p2"])[1]
    if m := _AGE_RANGE.search(t):
        a, b = int(m["a"] or m["c"]), int(m["b"] or m["e"])
        return (min(a, b), max(a, b)) if min(a, b) >= 12 and max(a, b) <= 95 else None
    if m := _AGE_DECADE.search(t):
        base = int(m["d"]) * 10 if m["d"] else _NUMBER_WORDS[m["w"]]
        if (
            10 <= base <= 90
            and not _money_or_time(t, m.end())
            and t[m.start() - 1 : m.start()] != "$"
        ):
            return _decade_part(base, m["part"])
    if m := _AGE_ABOUT.search(t):
        n = int(m["n"] or m["m"])
        if 14 <= n <= 90:
            return n - 3, n + 3
    if m := _AGE_EXACT.search(t):
        n = int(m["n"] or m["m"])
        return (n, n) if 12 <= n <= 95 else None
    if bare and (m := _BARE_AGE.search(t)):
        n = int(m["n"])
        return (n, n) if 14 <= n <= 90 else None
    return None


def _money_or_time(text: str, end: int) -> bool:
    return bool(re.match(r"\s*(?:\$|dollars|bucks|minutes|mins|hours)", text[end:]))


def _decade_part(base: int, part: str | None) -> tuple[int, int]:
    if part == "early":
        return base, base + 3
    if part == "mid":
        return base + 3, base + 7
    if part == "late":
        return base + 7, base + 9
    return base, base + 9


def _height_cm(m: re.Match[str]) -> tuple[float, float] | None:
    feet = _num(m["ft"])
    inches = _num(m["in"]) if m["in"] else 0
    sep = m.group(0)
    if m["in"] is None and "-" in sep and not re.search(r"ft|feet|foot|'|’", sep):
        return None
    return (feet * 12 + inches) * 2.54, 2.0 if m["in"] else 2.5


def height_range(text: str) -> tuple[int, int] | None:
    """The height range in cm that ``text`` states, or ``None`` ("tall" states none)."""
    t = text.lower()
    found: list[tuple[int, float, float]] = []
    for m in _HEIGHT_FT.finditer(t):
        got = _height_cm(m)
        if got is not None and 140 <= got[0] <= 220:
            found.append((m.start(), *got))
    for m in _HEIGHT_CM.finditer(t):
        h = float(m["cm"]) if m["cm"] else float(f"{m['m']}.{m['mf']:0<2}") * 100
        if 140 <= h <= 220:
            found.append((m.start(), h, 2.0))
    if not found:
        return None
    found.sort()
    _, first, tol = found[0]
    low, high = first - tol, first + tol
    if len(found) > 1 and _HEIGHT_RANGE_SEP.search(t[: found[1][0]]):
        _, second, tol2 = found[1]
        low, high = min(low, second - tol2), max(high, second + tol2)
    return round(low), round(high)


_BUILD_ANY = re.compile("|".join(f"(?P<b{i}>{p.pattern})" for i, (p, _) in enumerate(_BUILD)))


def _build(text: str) -> str:
    m = _BUILD_ANY.search(text)
    if m is None:
        return ""
    for pattern, value in _BUILD:
        if pattern.search(text):
            return value
    return ""


_ETHNICITY_ANY = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _ETHNICITY))


def _ethnicity(text: str, is_description: bool) -> list[str]:
    if _ETHNICITY_ANY.search(text) is None:
        found: list[str] = []
    else:
        found = [value for pattern, value in _ETHNICITY if pattern.search(text)]
    m = _LEAD_SKIN.match(text) if is_description else _SENTENCE_SKIN.search(text)
    if m:
        found.insert(0, {"native": "indigenous"}.get(m["w"], m["w"]))
    if shorthand := _SHORTHAND.search(text):
        found.insert(0, _SHORTHAND_WORDS[shorthand["w"]])
    return list(dict.fromkeys(found))


def _hair_phrase(text: str) -> re.Match[str] | None:
    for noun in _HAIR_NOUN.finditer(text):
        before = _HAIR_BEFORE.search(text, max(0, noun.start() - 45), noun.start())
        if before:
            return before
        after = _HAIR_AFTER.match(text, noun.end(), noun.end() + 40)
        if after and after.group(1).strip():
            return after
    return None


def _hair(text: str) -> str:
    m = _hair_phrase(text)
    words: list[str] = []
    if m:
        phrase = m.group(1)
        keys = _HAIR_KEY.findall(phrase)
        colours = [_HAIR_COLOURS[k] for k in keys if k in _HAIR_COLOURS]
        styles = [_HAIR_STYLES[k] for k in keys if k in _HAIR_STYLES]
        if "salt and pepper" in colours:
            colours = ["salt and pepper"]
        words = list(dict.fromkeys(colours[:1] + styles))
    if _BALD.search(text):
        words.append("bald" if not re.search(r"\bbalding\b", text) else "balding")
    if s := _HAIR_STANDALONE.search(text):
        words.append(_HAIR_STYLES.get(s.group(1), s.group(1)))
    return " ".join(dict.fromkeys(words))


def _facial_hair(text: str) -> str:
    items: list[str] = []
    for m in _FACIAL_KIND.finditer(text):
        kind = _FACIAL_KINDS[m.group(0)]
        c = _FACIAL_COLOUR.search(text, max(0, m.start() - 30), m.start())
        colour = _FACIAL_COLOURS.get(c.group(1), "") if c else ""
        items.append(f"{colour} {kind}".strip() if kind != "clean-shaven" else kind)
    return ";".join(dict.fromkeys(items))


def _mark_type(kind: str) -> str:
    if kind.startswith(("tat", "ink")):
        return "tattoo"
    if kind.startswith("scar"):
        return "scar"
    if "tooth" in kind or "teeth" in kind:
        return "tooth"
    if kind.startswith("birth"):
        return "birthmark"
    return "piercing"


def _marks(text: str) -> list[str]:
    items: list[str] = []
    for m in _MARK_KIND.finditer(text):
        kind = _mark_type(m["kind"])
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 50]
        after = re.split(r"[.;,]|\band\b|\bwith\b", after, maxsplit=1)[0]
        loc_m = _LOCATION.search(after) or _LOCATION.search(before.split(",")[-1])
        if m["kind"] in ("nose ring", "lip ring", "eyebrow ring"):
            loc_m = _LOCATION.search(m["kind"])
        if m["kind"].startswith("earring") or m["kind"] == "gauges":
            location = "ear"
        else:
            location = _clean_location(loc_m.group(1)) if loc_m else ""
        detail = _detail(kind, m["kind"], before, after)
        items.append(":".join(p for p in (kind, detail, location) if p))
    return list(dict.fromkeys(items))


def _clean_location(text: str) -> str:
    text = re.sub(r"\b(?:lt|l)\b", "left", text)
    return re.sub(r"\b(?:rt|r)\b", "right", text).strip()


def _detail(kind: str, raw: str, before: str, after: str) -> str:
    if kind == "tooth":
        return "gold" if "gold" in raw else "missing"
    if kind != "tattoo":
        return ""
    of = re.match(
        r"\s*(?:of|that says|saying|reading)\s+(?:an?\s+|the\s+)?([a-z' ]+?)\s*(?:on|$)", after
    )
    if of:
        words = [w for w in of.group(1).split() if w not in _DETAIL_STOP]
        if words and not _LOCATION.fullmatch(" ".join(words)):
            return " ".join(words[:3])
    prev = _WORD.findall(before.split(",")[-1])
    words: list[str] = []
    for w in reversed(prev):
        if w in _DETAIL_STOP or _LOCATION.fullmatch(w) or w in ("left", "right", "face", "neck"):
            break
        words.insert(0, w)
    return " ".join(words[-2:])


def _glasses(text: str) -> str:
    if _GLASSES_NO.search(text):
        return "no"
    return "yes" if _GLASSES_YES.search(text) else ""


def _sex(description: str, narrative: str) -> str:
    """As described: the description's own words first, then the narrative's nouns and pronouns.

    A trans or non-binary word counts only in the description: in the narrative it is as likely
    to describe the reporter.
    """
    if description:
        if _SEX_OTHER.search(description):
            return "other"
        male, female = bool(_SEX_MALE.search(description)), bool(_SEX_FEMALE.search(description))
        if male != female:
            return "male" if male else "female"
    if narrative and (_SEX_MALE.search(narrative) or _HE.search(narrative)):
        return "male"
    if description and _HE.search(description) and not _SHE.search(description):
        return "male"
    return ""


_GATE_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
_TRIGGERS: dict[str, frozenset[str]] = {
    "hair": frozenset(
        _wordlist(
            "hair haired bald balding ponytail pony mullet dreads dreadlocks mohawk bun buzz "
            "buzzcut crew afro cornrows skinhead head"
        )
    ),
    "facial": frozenset(
        _wordlist(
            "beard bearded goatee moustache mustache mustach stache stubble scruff scruffy "
            "shadow sideburns soul chops shaven manchu strap"
        )
    ),
    "marks": frozenset(
        _wordlist(
            "tattoo tattoos tattooed tat tats tatt tatts ink scar scars scarred piercing "
            "piercings pierced ring earring earrings gauges birthmark birthmarks tooth teeth"
        )
    ),
    "glasses": frozenset(
        _wordlist("glasses spectacles specs eyeglasses sunglasses shades bifocals")
    ),
    "ethnicity": frozenset(
        _wordlist(
            "south east indo punjabi desi sikh middle arab arabic persian iranian indigenous "
            "first native aboriginal metis m tis inuit latino latin hispanic mexican asian "
            "chinese japanese korean filipino vietnamese thai caucasian white black african "
            "brown mixed wm wf bm bf nm nf"
        )
    ),
    "build": frozenset(
        _wordlist(
            "skinny slim thin slender lanky wiry scrawny small petite average medium normal "
            "regular muscular buff jacked ripped built athletic fit shape sporty stocky thick "
            "thickset broad burly solid heavy heavyset fat overweight obese chubby belly hvy "
            "large big husky chunky plus heavier"
        )
    ),
    "numbers": frozenset(
        _wordlist(
            "twenty thirty forty fourty fifty sixty seventy eighty twenties thirties forties "
            "fourties fifties sixties seventies eighties four five six seven"
        )
    ),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(_GATE_WORD.findall(text)) if text else frozenset()


def _numeric(text: str, words: frozenset[str]) -> bool:
    return bool(text) and (_DIGIT.search(text) is not None or bool(words & _TRIGGERS["numbers"]))


def extract_description(description: str, narrative: str = "") -> dict[str, str]:
    """Appearance features from an aggressor description and the narrative."""
    desc, narr = description.lower(), narrative.lower()
    wd, wn = _words(desc), _words(narr)

    def has(kind: str, words: frozenset[str]) -> bool:
        return not words.isdisjoint(_TRIGGERS[kind])

    digits_d, digits_n = _numeric(desc, wd), _numeric(narr, wn)
    age = (age_range(desc, bare=True) if digits_d else None) or (
        age_range(narr) if digits_n else None
    )
    height = (height_range(desc) if digits_d else None) or (
        height_range(narr) if digits_n else None
    )
    marks = (_marks(desc) if has("marks", wd) else []) + (_marks(narr) if has("marks", wn) else [])
    ethnicity = _ethnicity(desc, True) if has("ethnicity", wd) else []
    if not ethnicity and has("ethnicity", wn):
        ethnicity = _ethnicity(narr, False)
    hair = _hair(desc) if has("hair", wd) else ""
    facial = _facial_hair(desc) if has("facial", wd) else ""
    return {
        "aggressor_sex": _sex(desc, narr),
        "age_low": str(age[0]) if age else "",
        "age_high": str(age[1]) if age else "",
        "height_cm_low": str(height[0]) if height else "",
        "height_cm_high": str(height[1]) if height else "",
        "build": (_build(desc) if has("build", wd) else "")
        or (_build(narr) if has("build", wn) else ""),
        "skin_or_ethnicity": ";".join(ethnicity),
        "hair": hair or (_hair(narr) if has("hair", wn) else ""),
        "facial_hair": facial or (_facial_hair(narr) if has("facial", wn) else ""),
        "marks": ";".join(dict.fromkeys(marks)),
        "glasses": _glasses(desc + "\n" + narr) if has("glasses", wd | wn) else "",
    }


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """Appearance features of one report (see the module docstring)."""
    return extract_description(
        report.get("aggressor_description", "") or "", report.get("what_happened", "") or ""
    )

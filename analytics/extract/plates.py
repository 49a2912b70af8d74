"""Licence plates, full or partial, in one canonical form.

Canonical form: uppercase ASCII letters and digits; ``?`` for each unknown character when the
length is known; a trailing ``*`` when the rest is unknown; a leading ``*`` when only the end is
known. ``BV4 21K`` → ``BV421K``, "starts with BV4" → ``BV4*``, ``KT8-???`` → ``KT8???``,
"ends in 21K" → ``*21K``. A plate is recorded as written: a misread stays a misread (``O`` is not
turned into ``0``), and the linker copes with it through :func:`plate_pattern` and
:func:`plates_compatible`. A bare short fragment (``plate BV4``, fewer than 5 known characters)
is taken as the start of the plate, since a reporter who saw only part of a plate usually saw
its beginning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from analytics.extract._lowercase_plates import SHORT_WORDS, raise_plate_shapes
from analytics.extract._plate_formats import plate_from_format
from analytics.extract._spelled_plates import PHONETIC_LETTERS, read_spelled
from analytics.extract._spoken_digits import MISSPELT_DIGITS, NUMBER_WORDS, SOUNDALIKE_DIGITS
from analytics.extract.vehicles import extract_vehicle
from analytics.features import join_list

__all__ = ["canonical_plate", "extract", "plate_pattern", "plates_compatible"]

NARRATIVE_COLUMNS: tuple[str, ...] = (
    "vehicle",
    "what_happened",
    "aggressor_description",
    "location",
)

_PREFIX = re.compile(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|beginning)\b\s*(?:with\b|w/|w\b|in\b)?"
    r"|\b(?:commen[cç](?:e|ait|ent)?\s+par|empiez[ao]\s+con|empezaba\s+con|comienza\s+con|"
    r"come[cç]a(?:va)?\s+com)\b"
    r"|\bfirst\s+(?:(?:\d|one|two|three|four|few)\s+)?(?:letters?|characters?|chars?|digits?|part|half)?"
    r"(?:\s+(?:were|was|are|is))?",
    re.IGNORECASE,
)
_SUFFIX = re.compile(
    r"\bend(?:s|ed|ing)?\b(?:\s+(?:part|bit|half)\b)?\s*(?:in\b|with\b|w/|on\b)?"
    r"|\b(?:termin(?:a|aba|e|ait)\s+(?:en|par|con|com)|fini(?:t|ssait)\s+par|acaba(?:ba)?\s+en)\b"
    r"|\blast\s+(?:(?:\d|one|two|three|four|few)\s+)?(?:letters?|characters?|chars?|digits?|part|half)?"
    r"(?:\s+(?:were|was|are|is))?",
    re.IGNORECASE,
)
_HYPHEN_SOMETHINGS = re.compile(r"(?:-(?:something|(?-i:sth))){2,}", re.IGNORECASE)
"""One unknown character per "-something" when there are several: ``HGS 3-something-something``
→ ``HGS3??``; a single one (``714 K-something``) leaves the rest unknown."""
_UNKNOWN_MIDDLE = re.compile(
    r"((?:-(?:something|(?-i:sth)))+)(?:\s+([A-Z0-9]{1,4})(?![\w\-]))?", re.IGNORECASE
)
"""Unknown characters spelled as "-something", and the known ones after them:
``5-something-something LMR`` → ``5??LMR`` (used when there are two or more)."""
_SPACED_SOMETHINGS = re.compile(r"(?:\s+(?:something|(?-i:sth))\b){2,}(?!\s+(?:like|else))", re.I)
"""One unknown character per "something" when there are several: "XJR 4 something something"."""
_GAP_FIRST = re.compile(r"^\W*(?:\.{2,}|…)")
_GAP_LAST = re.compile(r"(?:\.{2,}|…)\W*$")
"""Dots before the characters and none after ("...4JR"): only the end of the plate is known."""
_REST_UNKNOWN = re.compile(
    r"(?:\.{2,}|…|(?<!-)\bsomething\b(?!-)|(?<!-)\b(?-i:sth)\b(?!-)|\betc\b|\bpartial\b|"
    r"\b(?:couldn'?t|couldnt)\s+(?:see|get|read)(?!\s+the\s+(?:\w+\s+)?(?:number|letter|digit|one|"
    r"character)\s+(?:before|after|between|in\s+the\s+middle))|"
    r"\bdidn'?t\s+(?:see|get|catch)|\brest\b|\bthe\s+others?\b)",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"\b(?:bc|b\.c\.|ab|alberta|wa|washington|ontario|on|yukon|sask|sk|mb|qc|ns|nb|oregon|or|"
    r"plates?|licen[cs]e|lic|tags?|reg|registration|number|num|no|#|was|is|were|maybe|"
    r"possibly|prob(?:ably)?|approx|i\s+think|think|like|partial|looked|read|reads|it|the|"
    r"something|(?-i:sth)|of|an|only|just|got|saw|see|caught|maybe|could|be|has|had|with|"
    r"and|letters?|digits?|characters?|chars?|front|back|rear)\b(?!\?)|\b(?:a|i)\b(?![?\-])|"
    r"[#:()\[\]\"'“”‘’,!«»]",
    re.IGNORECASE,
)
_BLANK = re.compile(
    r"^\s*(?:(?:bc\s+)?(?:lic(?:en[cs]e)?|plate)\b\.?\s*(?:#|no\.?)?\s*[:\-]?\s*)?"
    r"(?:n/?a|none|no\s+plates?|unknown|unk|\?+|-+|didn'?t\s+(?:see|get)(?:\s+it)?|"
    r"not\s+seen|no\s+idea|dunno|don'?t\s+know|couldn'?t\s+see|covered|no\s+front\s+plate|"
    r"(?:not|none)\s+(?:given|provided|known|noted)|n/k|nil|"
    r"see\s+(?:above|below|veh\w*|what\w*|notes?|narrative|story|desc\w*|text|report)|"
    r"same\s+as\s+(?:before|above|last\s+time))\s*\.?$",
    re.IGNORECASE,
)
_NO_PLATE = re.compile(
    r"\b(?:didn'?t|did\s+not|couldn'?t|could\s+not|never)\s+(?:see|get|catch|read|notice)|"
    r"\b(?:covered|unknown|unreadable|not\s+visible|no\s+plates?|missing|none|dunno|n/?a|unk|"
    r"paper\s+plate|temp(?:orary)?\s+plate|dealer\s+plate|no\s+idea)\b",
    re.IGNORECASE,
)
_PLATE_CHARS = re.compile(r"[0-9?]|\b(?!AB\b|BC\b|WA\b|ON\b|SK\b|MB\b)[A-Z]{2,3}\b")
_NO_POSITIONS = re.compile(
    r"\b(?:in\s+it|somewhere|in\s+there|contain(?:s|ed)?|had\s+an?\s+\w\s+and\s+an?|"
    r"^\s*an?\s+\w\s+and\s+an?\s+\w|"
    r"there\s+(?:was|were|is)\s+(?:an?\s+)?\w\s+and|"
    r"(?:^\s*|(?:had|has|with)\s+)(?:an?\s+)?\w{1,3}\s+in\s+the\s+middle)\b",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:;|/|,|\bor\b|\band\b|\bthen\b|\bmaybe\b|\(|\))\s*", re.IGNORECASE)
_CLEAN = re.compile(r"[^A-Z0-9?*]")
_UNKNOWN_CHARS = str.maketrans({"_": "?", "•": "?", "·": "?", "#": "?", "…": "*"})
_LOWER_X_RUN = re.compile(r"(?<=[\s\-0-9])x{2,}\b|\bx{2,}(?=[\s\-0-9])")
_STARS = re.compile(r"\*+")

_KEYWORD = re.compile(
    r"\b(?:licen[cs]e\s+plates?|plates?|plaits?|palte|lcense|li[sc]+en[cs]e|plate\s*(?:#|no\b\.?|number)|licen[cs]e(?:\s*#)?|lic\.?\s+plates?|lic\.?\s*#?|plt|"
    r"plaque|placa(?!\s+(?:en|de\s+polic))|matr[ií]cula|lp|"
    r"(?<!name\s)(?<!dog\s)(?<!price\s)(?<!name-)(?<!dog-)tags?)\b\s*(?:#|no\b\.?|number|num\b)?\s*(?:(?:(?:was|is|were|read|reads|said|looked\s+like|"
    r"might\s+be|may\s+be|maybe|possibly|probably|prob|like|something\s+like|i\s+think|"
    r"as(?=\s+[\"“]?[A-Z0-9]{2,})|"
    r"she\s+thinks|he\s+thinks|(?:she|he|they)\s+said(?:\s+(?:it\s+)?was)?|(?:she|he|they|i)\s+read|"
    r"(?:she|he|they|i)\s+(?:says|remembers?(?:\s+(?:it\s+)?as)?|got|wrote(?:\s+down)?|noted)|"
    r"it\s+was|it\s+is|"
    r"it'?s|had|has|literally\s+says|says|de\s+l'\w+\s*,?|del?\s+\w+\s*,?|du\s+\w+\s*,?|partial\s*,?|\(partial\)|that\s+(?:said|says|read|reads)|saying|reading|an?\s+(?:alberta|bc|washington|wa|ab)\s+plate\s*,?)(?![A-Za-z0-9])|=|:|-|–|"
    r"[\"“])\s*)*",
    re.IGNORECASE,
)
_GROUP = r"[A-Za-z0-9?*_]{1,8}(?![A-Za-z0-9_])"
_TOKEN_RUN = re.compile(_GROUP + r"(?:[ \-.]" + _GROUP + r"){0,2}")
_STOPWORDS = frozenset(
    [
        "and",
        "the",
        "was",
        "but",
        "in",
        "on",
        "it",
        "or",
        "he",
        "she",
        "his",
        "her",
        "i",
        "a",
        "an",
        "at",
        "to",
        "of",
        "so",
        "my",
        "me",
        "we",
        "that",
        "then",
        "with",
        "from",
        "for",
        "is",
        "as",
        "by",
        "up",
        "out",
        "off",
        "had",
        "has",
        "were",
        "be",
        "bc",
        "ab",
        "wa",
        "maybe",
        "not",
        "no",
        "per",
        "wkr",
        "sw",
        "sws",
        "agg",
        "veh",
        "idk",
        "idr",
        "lol",
        "tbh",
        "smh",
        "ngl",
        "omg",
        "wtf",
        "iirc",
        "prob",
        "ish",
    ]
)
_BARE = re.compile(
    r"(?<![\w\-$#/@])(?:"
    r"[A-Z]{2}[0-9][ \-]?[0-9]{2}[A-Z]"  # BC current: AB1 23C
    r"|[A-Z]{3}[ \-]?(?=[0-9?]*[0-9])[0-9?]{3,4}"  # ABC 123, ABC-1234, ABC 8??
    r"|[0-9]{3}[ \-]?[A-Z]{3}"  # 123 ABC
    r"|[A-Z]{2}[0-9][ \-]?[0-9?]{2}[A-Z?]|[A-Z]{2}[0-9][ \-][?]{3}"
    r"|[A-Z]{2}[0-9][ \-](?=[A-Z0-9]*\?)[A-Z0-9?]{3}"  # KT8 XR?
    r"|[A-Z]{3}[ \-]\?{3}|[0-9]{3}[ \-]?\?{3}"  # MDX ???, 708???
    # 5?4 MHF and D?M0929: one shape with a character unseen inside it
    r"|(?=[0-9?]{3}[ \-]?[A-Z]{3}(?![\w\-]))(?=[0-9]*\?)"
    r"[0-9][0-9?]{2}[ \-]?[A-Z]{3}"
    r"|(?=[A-Z?]{3}[ \-]?[0-9]{3,4}(?![\w\-]))(?=[A-Z?]{0,2}\?[A-Z0-9])"
    r"[A-Z][A-Z?]{2}[ \-]?[0-9]{3,4}"
    r"|[A-Z]{3}[ \-]?[0-9](?:[1-9][A-Z]|0[A-RT-Z])"  # JRK 58V, not MID 40S
    r")(?![\w\-@])"
)
_BARE_MISREAD = re.compile(
    r"(?<![\w\-$#/])(?:[A-Z]{2}[0-9][ \-][0-9O][A-Z0-9]{2}"
    r"|[A-Z]{3}[ \-](?=[0-9O]*[0-9])[0-9O]{3})(?![\w\-])"
)
"""A current BC plate (AB1 23C) with its last characters misread or misremembered ("KB8 5OT",
"KX9 3B8", "MX4 O7Q"), or an older one (ABC 123) with a letter O among its digits ("GWF 6O4"):
a plate only right after the vehicle it was on (:func:`_named_vehicle_before`), kept as
written."""
_BARE_LOWER = re.compile(r"[0-9][ \-][0-9]{2}[a-z](?![\w\-])")
"""The digits of a current BC plate typed in lower case (``kt8 21k``); the letters are before."""
_NOT_PLATE_WORDS = frozenset(
    [
        "HWY",
        "RTE",
        "APT",
        "STE",
        "USD",
        "CAD",
        "LBS",
        "KGS",
        "AGE",
        "CAR",
        "VAN",
        "SUV",
        "GMC",
        "RAM",
        "BMW",
        "KIA",
        "MTF",
        "FTM",
        "YRS",
        "HRS",
        "MIN",
        "AMP",
        "CEO",
        "ATM",
        "TTC",
        "VIN",
        "DOB",
        "WM",
        "WF",
        "BM",
        "BF",
        "NM",
        "NF",
        "AM",
        "PM",
        *[
            "TV",
            "OK",
            "NO",
            "ID",
            "DM",
            "BJ",
            "GF",
            "BF",
            "OF",
            "FS",
            "HJ",
            "GFE",
            "PSE",
            "CIM",
            "LOL",
            "OMG",
            "WTF",
            "TMI",
            "IDK",
            "FYI",
            "ETA",
            "IRL",
            "SMS",
            "WHY",
            "WHO",
            "HOW",
            "YES",
            "YOU",
        ],
    ]
)
_WORDS_AFTER_A_PLATE = _NOT_PLATE_WORDS | frozenset(
    ["WHT", "BLK", "GRY", "GRN", "BLU", "SA", "SA'D", "DT", "DTWN", "LOL", "PPL"]
)
"""Shorthand that follows a plate in notes ("ending 556 Wht he looks like", "769-UEY WM forties",
"gdh-??? sa'd her"): the plate ends before it."""
_CANONICAL = re.compile(r"\*?[A-Z0-9?]+\*?")
_CHARACTERS_BEFORE = re.compile(
    r"(?<![\w?])(?=[A-Z0-9?]*[0-9?])(?=[A-Z0-9?]*[A-Z?])[A-Z0-9?]{2,}(?![\w?])"
)
"""Plate characters before an end marker: the marker is a remark on them ("MBR 2?? (last 2 not
sure)"), not the side of the plate they are."""


def canonical_plate(text: str) -> str:
    """Canonical form of one plate as written (see the module docstring); ``""`` if none."""
    if not text or _BLANK.match(text):
        return ""
    if _NO_POSITIONS.search(text):
        return ""
    if _CANONICAL.fullmatch(text):
        return _finish(text)
    prefix = _PREFIX.search(text)
    suffix = _SUFFIX.search(text)
    body = text
    lead = trail = ""
    if (
        suffix
        and (not prefix or suffix.start() < prefix.start())
        and not _CHARACTERS_BEFORE.search(text, 0, suffix.start())
    ):
        body = text[suffix.end() :]
        lead = "*"
    elif prefix:
        body = text[prefix.end() :]
        trail = "*"
    if not lead and _GAP_FIRST.match(body) and not _GAP_LAST.search(body):
        body = _GAP_FIRST.sub("", body)
        lead = "*"
    if _REST_UNKNOWN.search(body) and not lead:
        trail = "*"
    body = _LOWER_X_RUN.sub(lambda m: "?" * len(m.group(0)), body)
    body = _HYPHEN_SOMETHINGS.sub(lambda m: "?" * m.group(0).count("-"), body)
    body = _NOISE.sub(" ", body.translate(_UNKNOWN_CHARS))
    plate = _CLEAN.sub("", body.upper())
    return _finish(_STARS.sub("*", lead + plate + trail))


_UNKNOWN_THEN_REST = re.compile(r"\?+\*$")
_SPACED_DASHES = re.compile(r"(?<=[A-Za-z0-9])\s*-(?:\s+-){1,3}(?=\s|$|[.,;:()])")
"""Unseen characters written as dashes with spaces between, as records do ("WXQ 7 - -",
"QJ4 8- -"): one ``?`` each. A single dash, or dashes run together, is punctuation."""
_SEEN_BEFORE_DASHES = re.compile(r"(?<![A-Za-z0-9])([A-Z0-9]{1,4}(?:\s[A-Z0-9]{1,4})?)\s*$")


def _unseen_dashes(match: re.Match[str]) -> str:
    """``?`` for each spaced dash after at least three plate characters in capitals, while the
    plate stays within seven characters ("plate ABC 123 - - the car" keeps its six)."""
    seen = _SEEN_BEFORE_DASHES.search(match.string, 0, match.start())
    known = len(seen.group(1).replace(" ", "")) if seen else 0
    dashes = match.group(0).count("-")
    return "?" * dashes if known >= 3 and known + dashes <= 7 else match.group(0)


def _finish(plate: str) -> str:
    plate = _STARS.sub("*", _UNKNOWN_THEN_REST.sub("*", plate))
    known = sum(ch.isalnum() for ch in plate)
    if known < (1 if "*" in plate else 2) or len(plate.strip("*")) > 8:
        return ""
    core = plate.strip("*")
    if "*" in core:
        return ""
    if not plate.startswith("*") and not plate.endswith("*") and "?" not in plate and known < 5:
        plate += "*"
    return plate


@lru_cache(maxsize=4096)
def plate_pattern(plate: str) -> re.Pattern[str]:
    """A regex that matches every full plate compatible with canonical ``plate``."""
    core = re.escape(plate.strip("*")).replace(r"\?", ".").replace("?", ".")
    lead = ".*" if plate.startswith("*") else ""
    trail = ".*" if plate.endswith("*") else ""
    return re.compile(lead + core + trail)


def plates_compatible(left: str, right: str) -> bool:
    """Whether two canonical plates could be the same plate (wildcards allowed on both sides)."""
    if not left or not right:
        return False
    if "*" not in left and "?" not in left:
        return plate_pattern(right).fullmatch(left) is not None
    if "*" not in right and "?" not in right:
        return plate_pattern(left).fullmatch(right) is not None
    return _partials_compatible(left, right)


def _partials_compatible(left: str, right: str) -> bool:
    a, b = left.strip("*"), right.strip("*")
    if left.endswith("*") and right.endswith("*") and not (left[0] == "*" or right[0] == "*"):
        return all(x == y or "?" in (x, y) for x, y in zip(a, b, strict=False))
    if left.startswith("*") and right.startswith("*") and not (left[-1] == "*" or right[-1] == "*"):
        return all(x == y or "?" in (x, y) for x, y in zip(a[::-1], b[::-1], strict=False))
    if "*" not in left and "*" not in right:
        return len(a) == len(b) and all(x == y or "?" in (x, y) for x, y in zip(a, b, strict=True))
    return True


_COLUMN_LABEL = re.compile(
    r"^\s*(?:pl|plt|lp|lic)\b(?:\.?:\s*|\.\s*|\s+(?=\S*[0-9?]))", re.IGNORECASE
)
"""A label in front of the plate column's reading ("PLT: KVW 318", "lp BV4 21K"); a lone "PL"
before words is the plate's start ("PL something")."""


_REMARK = re.compile(
    r"(?=.*[a-z]{4})[a-z]+(?:\s+[a-z]+)*"
    r"|(?i:not|maybe|prob\w*|approx\w*|i\s+think|unsure|pretty)\b.*|.*%.*"
)
"""Words beside a plate in the plate column ("MT? 770 (spoken)", "BKB 52D (not 100%)") are a
remark."""


_BRACKETED_REMARK = re.compile(r"\((?=[^)]*[a-z]{3,}\s+[a-z]{2,})[^)0-9]*\)")
"""A remark in brackets, in words: "CK... (no front plate)", "LKT 5O9 (she said O like the
letter)"; a province in brackets ("(AB)") is not one."""


_PROSE = re.compile(r"\b(?!something\b|sth\b)[a-z]{2,}\s+(?!something\b|sth\b)[a-z]{2,}\b")
"""Two ordinary words in a row: a remark beside the plate in its column ("read by J on the
24th"), not characters of it."""
_QUOTED_CHARACTERS = re.compile(r"[\"“]((?=[^\"”]*[0-9])[A-Za-z0-9?\- ]{2,10})[\"”]")
"""Characters in quotes among words in the plate column ('dealer plate - "DL 7" then couldnt
read the rest')."""


_SPELLING_AID = re.compile(r",?\s*\b[A-Za-z0-9]\s+(?:like|as\s+in|for)\s+[A-Z][a-z]+\b")
"""A character told again by a word ("RVP 203, P like Paul")."""


_COLUMN_CORRECTION = re.compile(
    r"\b(?:no\s+wait|wait\s+no|no\s+sorry|sorry\s+no|i\s+mean|correction|corrected(?:\s+to)?|"
    r"should\s+(?:be|read)|actually)\b\s*:?",
    re.IGNORECASE,
)
"""A plate typed and then put right in the same cell: the reading after the last of these."""


def _column_correction(text: str) -> re.Match[str] | None:
    """The last correction in the plate column, when a reading follows it."""
    corrections = list(_COLUMN_CORRECTION.finditer(text))
    if corrections and _PLATE_CHARS.search(text, corrections[-1].end()):
        return corrections[-1]
    return None


def _column_plates(text: str) -> list[str]:
    text = _BRACKETED_REMARK.sub(" ", _COLUMN_LABEL.sub("", text))
    text = _SPELLING_AID.sub(" ", text)
    correction = _column_correction(text)
    if correction is not None:
        text = text[correction.end() :].lstrip(" ,.-:")
    if _BLANK.match(text) or (_NO_PLATE.search(text) and not _PLATE_CHARS.search(text)):
        return []
    whole = canonical_plate(text) or _plate_after_keyword(text)
    if not whole and " " in text.strip() and not _NO_POSITIONS.search(text):
        spelled = read_spelled(text)
        if spelled is not None:
            return [canonical_plate(spelled[0] + (" something" if spelled[1] else ""))]
    quoted = _QUOTED_CHARACTERS.search(text) if not whole else None
    if quoted is not None:
        rest = " ..." if _REST_UNKNOWN.search(text, quoted.end()) else ""
        plate = canonical_plate(quoted.group(1) + rest)
        if plate:
            return [plate]
    parts = [p for p in _SPLIT.split(text) if p and p.strip()]
    if len(parts) <= 1:
        return [whole] if whole else []
    prose = False
    if any(ch.isdigit() for ch in text):
        said = [p for p in parts if not _PROSE.search(p)]
        prose = len(said) < len(parts)
        parts = [p for p in said if not _REMARK.fullmatch(p.strip())]
    parts = [p for p in parts if p.strip().upper() not in _PROVINCES]
    plates = [canonical_plate(p) or _plate_after_keyword(p) for p in parts]
    plates = [p for p in plates if p]
    if any(sum(ch.isalnum() for ch in p) >= 5 for p in plates):
        plates = [p for p in plates if sum(ch.isalnum() for ch in p) >= 4 or "?" in p]
    if len(plates) == 1 and prose:
        return plates
    if len(plates) <= 1:
        return [whole] if whole else plates
    return plates


def _trim_run(run: str, upper_only: bool) -> str:
    groups = re.split(r"([ \-.])", run)
    kept: list[str] = []
    for index in range(0, len(groups), 2):
        group = groups[index]
        if group.upper() in _PROVINCES or group.strip("?").lower() in _PROVINCE_NAMES:
            continue
        plate_like = any(ch.isdigit() or ch in "?*_" for ch in group) or (
            group.isupper() and group.isalpha()
        )
        if not plate_like and (upper_only or group.lower() in _STOPWORDS or len(group) > 3):
            break
        if group.isalpha() and group.lower() in _STOPWORDS and len(group) >= 2:
            break
        if kept and group.upper() in _WORDS_AFTER_A_PLATE:
            break
        so_far = sum(len(k) for k in kept[::2])
        if group.isalpha() and len(group) >= 4 and (so_far >= 5 or kept and len(group) >= 5):
            break
        if kept and so_far + len(group) > 8:
            break
        if kept:
            kept.append(groups[index - 1])
        kept.append(group)
    return "".join(kept)


_PICK_UP_DROP_OFF = re.compile(r"\b(?:[pP]/[uU]|[dD]/[oO])\b")
"""Staff shorthand for pick-up and drop-off ("read the plate at p/u"), never plate characters."""


_CAPITALS_AFTER = re.compile(
    r"\bplates?\b(?:\s+[a-z]\S*){0,3}\s+[\"“']?"
    r"((?=[A-Z0-9]*[0-9])[A-Z][A-Z0-9]{3,6})(?![\w\-?*])(?![\"”']?\s+[A-Z0-9]{1,3}\b)"
)
"""Capitals with a digit a few words after "plate", in text that is not all capitals: a vanity
plate among words of another language ("te plate te vi SUNNY1 likhya hoya")."""


_ASKED = re.compile(
    r"\b(plates?|lic|tags?|plt)\?(?:\s*(?:A|(?-i:[A-Z][a-z]{1,12}))\s*:)?(?=\s)", re.IGNORECASE
)
"""The keyword asked as a question ("Q: Plate?" / "A: AL9 and then something"): the question
mark is no unknown character, and the answer follows the keyword."""


_LONE_UNDERSCORES = re.compile(r"(?<=\s)_+(?=[\s.,;)]|$)")
"""Blanks standing for characters not seen ("plate CVR 8 _ _ _"), not those inside a handle."""
_UNDERSCORE_BETWEEN_HALVES = re.compile(
    r"(?<![\w?\-.@/])((?=[a-z]*[0-9])[a-z0-9]{3}|(?=[A-Z]*[0-9])[A-Z0-9]{3})_"
    r"((?=[a-z]*[0-9])[a-z0-9]{3}|(?=[A-Z]*[0-9])[A-Z0-9]{3})(?![\w?\-@])"
)
"""An underscore typed between the two halves of a whole plate ("nv4_82k"): a space, not a
character not seen."""
_SOMETHING_IN_FRENCH = re.compile(r"\bquelque[\s\-]chose\b", re.IGNORECASE)


_FULL_PHONE = re.compile(
    r"(?<![\w/])(?:\+?1[\s.\-]?)?\(?[2-9][0-9]{2}\)?[\s./\-]?[0-9]{3}[\s.\-]?[0-9]{4}(?![\w/])"
)
"""A whole phone number ("ph 236-555-0138", "uses 236/555-0143"): never part of a plate."""


_SHOUTED_START = re.compile(r"(\bPLATE[:\s]+[A-Z]{2,3})\s+SOMETHING\b")
"""The start of a plate in a text written in capitals ("PLATE KJX SOMETHING"), read as in any
other text."""
_LETTER_L_FOR_ONE = re.compile(r"(?i:plate)[^.\n]{0,30}?[0-9]l[0-9]")
"""A lower-case l between digits in a plate that text recognition read ("the plate: LXW 4l8"):
a 1."""


def _ones_for_letters_l(match: re.Match[str]) -> str:
    written = match.group(0)
    return written[:-3] + written[-3] + "1" + written[-1]


def _narrative_plates(text: str) -> list[str]:
    found: list[str] = []
    text = _FULL_PHONE.sub(" ", text)
    if "l" in text:
        text = _LETTER_L_FOR_ONE.sub(_ones_for_letters_l, text)
    if "quelque" in text:
        text = _SOMETHING_IN_FRENCH.sub("something", text)
    if "?" in text:
        text = _ASKED.sub(r"\1:", text)
    if " _" in text:
        text = _LONE_UNDERSCORES.sub(lambda m: "?" * len(m.group()), text)
    if "_" in text:
        text = _UNDERSCORE_BETWEEN_HALVES.sub(r"\1 \2", text)
    if "/" in text:
        text = _PICK_UP_DROP_OFF.sub("stop", text)
    lowered = text.lower()
    shouting = text.isupper()
    if not shouting:
        text = raise_plate_shapes(text)
    elif "SOMETH" in text:
        text = _SHOUTED_START.sub(r"\1 something.", text)
    if any(word in lowered for word in _KEYWORD_HINTS):
        for match in _KEYWORD.finditer(text):
            spelled = _spelled_after(text, match)
            window = text[match.end() : match.end() + 90]
            if spelled:
                written = _plate_after_keyword(_PHRASE_END.split(window, maxsplit=1)[0], shouting)
                core = spelled.rstrip("*")
                longer = written.startswith(core) and len(written.strip("*")) > len(core)
                found.append(written if longer else spelled)
                continue
            if "t " in window[:12] or "not " in window[:12]:
                window = _NOT_THIS_BUT.sub(" was ", window, count=1)
            if any(
                word in window
                for word in ("ee", "get", "read", "catch", "missed", "lost", "more", "make")
            ):
                window = _COUNTED_UNKNOWN.sub(_counted_unknowns, window, count=1)
            if "something" in window or "sth" in window:
                window = _ONE_UNKNOWN_BETWEEN.sub("?", window, count=1)
            if "last" in window:
                window = _LAST_UNSEEN.sub(" ?", window, count=1)
            if "- -" in window or "-  -" in window:
                window = _SPACED_DASHES.sub(_unseen_dashes, window, count=1)
            if "n" in window and ("dont" in window or "'t" in window or "nt " in window):
                window = _UNKNOWN_AFTER.sub(" ...", window, count=1)
            if "lost" in window:
                window = _LOST_AFTER.sub(" ...", window, count=1)
            if "then" in window:
                window = _THEN_MORE.sub(" ", window)
            window = _COMMA_OPENING.sub(" ", window, count=1)
            phrase, *rest = _PHRASE_END.split(window, maxsplit=1)
            if not _plate_after_keyword(phrase) and rest and _CUE_OPENS.match(rest[0]):
                window = rest[0]
                phrase = _PHRASE_END.split(window, maxsplit=1)[0]
            colon = phrase.find(":", 0, 40)
            if colon > 0 and not _plate_after_keyword(phrase):
                after_colon = _plate_after_keyword(phrase[colon + 1 :], shouting)
                if sum(ch.isalnum() for ch in after_colon) >= 4:
                    phrase = phrase[colon + 1 :]
            side = _SIDE_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if side and not _PREFIX.match(phrase.strip()) and not _SUFFIX.match(phrase.strip()):
                marker = "ends in " if side.group(1).lower() in ("last", "end") else "starts with "
                phrase = marker + re.sub(r"^\s*(?:were|was|are|is|:|-)\s*", "", phrase)
            if _NO_POSITIONS.search(phrase):
                continue
            if _CORRECTED.match(window, len(phrase)) or _NO_THEN_PLATE.match(window, len(phrase)):
                continue
            phrase = _NO_THEN_PLATE.split(phrase)[-1]
            first, *others = _ALTERNATIVES.split(phrase)
            for index, part in enumerate([first, *others]):
                if index and _LABEL.match(part):
                    break
                plate = _plate_after_keyword(part, shouting)
                if plate and _CORRECTED.search(part):
                    continue
                merged = _one_start_unsure(found[-1], plate) if index and found else ""
                if merged:
                    found[-1] = merged
                elif plate and (index == 0 or sum(ch.isalnum() for ch in plate) >= 4):
                    found.append(plate)
    for plate in _spoken_plates(text) if _NATO_HINT.search(lowered) else ():
        if not any(plates_compatible(plate, other) or other.startswith(plate) for other in found):
            found.append(plate)
    if "plate" in lowered:
        found.extend(
            canonical_plate(m.group(0))
            for m in _FOUR_LETTERS_THREE_DIGITS.finditer(text)
            if m.group(1) not in _NOT_PLATE_WORDS and not text.isupper()
        )
        for match in _BEFORE_KEYWORD.finditer(text):
            if match.group(1) in _PROVINCES or match.group(1) in _NOT_PLATE_WORDS:
                continue
            after = _PHRASE_END.split(text[match.end() : match.end() + 40], maxsplit=1)[0]
            if not _plate_after_keyword(after):
                found.append(match.group(1) + "*")
        for match in _CAPITALS_AFTER.finditer(text) if not shouting else ():
            word = match.group(1)
            if word not in found and not any(extract_vehicle(word.lower()).values()):
                found.append(word)
        for match in _VANITY_BEFORE.finditer(text) if not shouting else ():
            word = match.group(1)
            if word.lower() not in _PROVINCE_NAMES and word.lower() not in _PLATE_KINDS:
                found.append(canonical_plate(word))
    starts = (_START_NO_KEYWORD.match(text, cue.start()) for cue in _START_CUE.finditer(lowered))
    for match in (m for m in starts if m is not None):
        if _CORRECTED.match(text, match.end()):
            continue
        position = (
            "ends in " if match.group(1).lower().startswith(("end", "last")) else "starts with "
        )
        plate = canonical_plate(position + _without_trailing_word(match.group(2)))
        if plate and not any(plates_compatible(plate, other) for other in found):
            found.append(plate)
    for match in _BARE_END.finditer(text) if not found and " end" in lowered else ():
        if _named_vehicle_before(text, match.start()):
            found.append(canonical_plate("ends in " + match.group(1)))
    for match in _START_LETTERS.finditer(text) if not shouting and not found else ():
        if match.group(1) not in _NOT_PLATE_WORDS:
            found.append(match.group(1) + "*")
    if " off " in lowered and not found:
        found.extend(
            match.group(1) + "*"
            for match in _GOT_OFF_THE_PLATE.finditer(text)
            if match.group(1) not in _NOT_PLATE_WORDS
        )
    vague = "something" in lowered or "sth" in lowered or ".." in text or "…" in text
    for match in _bare_partials(text) if vague else ():
        if _NO_THEN_PLATE.match(text, match.end()):
            continue
        unknown = _UNKNOWN_MIDDLE.match(text, match.end())
        if unknown and unknown.group(1).count("-") > 1:
            plate = canonical_plate(match.group(1) + "?" * unknown.group(1).count("-"))
        else:
            plate = canonical_plate(match.group(1) + " something")
        if plate and not any(
            plates_compatible(plate, other) and _specificity(other) >= _specificity(plate)
            for other in found
        ):
            found.append(plate)
    for match in _BARE_LOWER.finditer(text) if not found else ():
        start = match.start() - 2
        if (
            start < 0
            or not text[start : start + 2].isalpha()
            or not text[start : start + 2].islower()
        ):
            continue
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-$#/_"):
            found.append(canonical_plate(text[start : match.end()].upper()))
    for match in _BARE_MISREAD.finditer(text) if not found else ():
        if _BARE.fullmatch(match.group(0)) is None and _named_vehicle_before(text, match.start()):
            found.append(canonical_plate(match.group(0)))
    for match in _BARE.finditer(text):
        token = match.group(0)
        if token[:3] in _NOT_PLATE_WORDS or token[-3:] in _NOT_PLATE_WORDS:
            continue
        if _is_postal(text, match.start()) or _is_date(text, match.start(), token):
            continue
        if token[0].isdigit() and _make_before(text, match.start()):
            continue
        if shouting and (token[:3].lower() in SHORT_WORDS or token[-3:].lower() in SHORT_WORDS):
            continue
        plate = canonical_plate(token)
        if plate and not any(
            plates_compatible(plate, other) or other.rstrip("?*") == plate for other in found
        ):
            found.append(plate)
    return _readings(text, found)


_CORRECTION = re.compile(
    r"\b(?:i'?m\s+sure\s+it\s+was|(?:says|said)\s+it\s+was|it\s+was\s+actually|"
    r"actually\s+it\s+was|go\s+with\s+(?:hers|his|theirs|that|the\s+second)|"
    r"(?:(?:a|an)\s+)?\b[A-Z0-9]\s+not\s+(?:(?:a|an)\s+)?[A-Z0-9]\b|corrected\s+(?:me|it|that)\b)",
    re.IGNORECASE,
)
"""A second reading that replaces the first ("I had it as PL1 41T, but my friend says it was PL7
41T, a 7 not a 1")."""
_OR_ENDING = re.compile(
    r"\b([A-Z0-9]{2,4}[ \-]?([0-9]{2,4}))\s*,?\s+or\s+(?:maybe\s+)?([0-9]{2,4})\b"
)
"""Another ending offered for the same plate ("XJR 442, or maybe 447")."""
_OR_READING = re.compile(
    r"(?<![\w\-?])([A-Za-z0-9?]{2,7}(?:[ \-][A-Za-z0-9?]{1,4})?)\s*,?\s+or\s+(?:maybe\s+)?"
    r"([A-Za-z0-9?]{2,7}(?:[ \-][A-Za-z0-9?]{1,4})?)(?![\w\-?])"
)
"""A whole other reading offered for a plate found ("245bgp or 24s-bgp", "wa2 86s or w52
86s"): kept when it differs in one or two characters."""
_COULD_BE = re.compile(
    r"\bthe\s+([A-Z0-9])\s+(?:could|might|may)\s+(?:be|have\s+been)\s+an?\s+([A-Z0-9])\b"
)
"""A character that may be another ("the 0 could be an O"): both readings are kept."""


def _one_start_unsure(first: str, other: str) -> str:
    """Two starts offered for one plate ("first three NK2 maybe NKZ", "WQ7 or WQ1") as one,
    with ``?`` where they differ (``NK?*``); ``""`` unless both are starts of one length that
    differ in one character."""
    if not (first.endswith("*") and other.endswith("*")) or "*" in first[:-1] + other[:-1]:
        return ""
    if len(first) != len(other) or sum(a != b for a, b in zip(first, other, strict=True)) != 1:
        return ""
    return "".join(a if a == b else "?" for a, b in zip(first, other, strict=True))


def _differ_slightly(left: str, right: str) -> bool:
    if len(left) != len(right):
        return False
    return 0 < sum(a != b for a, b in zip(left, right, strict=True)) <= 2


_PUT_RIGHT = re.compile(r"\b([A-Z0-9]{2,7})\s+(?:not|NOT|Not)\s+([A-Z0-9]{2,7})\b")
"""Characters put right in words later on ("no wait it was KX not KY", "plate was QJW not
QJV")."""


def _corrected_in_words(text: str, found: list[str]) -> list[str]:
    """``found`` with characters the writer later put right replaced ("KX not KY")."""
    for match in _PUT_RIGHT.finditer(text):
        right, wrong = match.group(1), match.group(2)
        if (
            _differ_slightly(right, wrong)
            and not right.isdigit()
            and right.lower() not in SHORT_WORDS
        ):
            found = [plate.replace(wrong, right, 1) for plate in found]
    return found


def _readings(text: str, found: list[str]) -> list[str]:
    """``found`` with a corrected first reading dropped and offered alternatives added."""
    if len(found) == 2 and _differ_slightly(*found) and _CORRECTION.search(text):
        found = found[1:]
    if found and ("not" in text or "NOT" in text or "Not" in text):
        found = _corrected_in_words(text, found)
    if " or " in text:
        for match in _OR_ENDING.finditer(text):
            first = canonical_plate(match.group(1))
            ending, other = match.group(2), match.group(3)
            if first in found and len(other) == len(ending):
                found.append(first[: -len(ending)] + other)
        for match in _OR_READING.finditer(text):
            first, other = canonical_plate(match.group(1)), canonical_plate(match.group(2))
            if first in found and _differ_slightly(first, other):
                found.append(other)
    if "could" in text or "might" in text or "may" in text:
        for match in _COULD_BE.finditer(text):
            was, could = match.group(1), match.group(2)
            found.extend(plate.replace(was, could, 1) for plate in list(found) if was in plate)
    return list(dict.fromkeys(found))


_CLAUSE_STOP = re.compile(r"[.!?;(\n]")
_DOTTED = re.compile(r"\b([A-Za-z0-9])\.(?=\s?[A-Za-z0-9]\b)")
"""A dot between characters spelled one by one (``j.k.d. 4 0 7``)."""


_CHARACTERS_OR_STOP = re.compile(r"[0-9.!?\n]|\b[A-Z]{2,}\b")
"""Before a colon, what shows the plate is not read out after it."""


_SPELLED_BEFORE = re.compile(r"\b[A-Z0-9]\b")
"""Characters spelled before a "last" or "starts" in the same clause ("K W 7, 4 4, and the last
one either an 8 or a B"): the reading starts at the keyword, not at that word."""


def _spelled_after(text: str, keyword: re.Match[str]) -> str:
    """A plate spelled out character by character after a plate keyword, or ``""``."""
    window = text[keyword.end() : keyword.end() + 160].split("\n", 1)[0]
    head = window.strip()
    marker = _PREFIX.match(head) or _SUFFIX.match(head)
    start = len(window) - len(head) + marker.end() if marker else 0
    if marker is None:
        clause = _CLAUSE_STOP.split(window[:25], maxsplit=1)[0]
        marker = _PREFIX.search(clause) or _SUFFIX.search(clause)
        if marker is not None and _SPELLED_BEFORE.search(clause, 0, marker.start()):
            marker = None
        if marker is not None:
            marker = marker.re.match(window, marker.start())
        start = marker.end() if marker else 0
    side = _SIDE_BEFORE.search(text, max(0, keyword.start() - 40), keyword.start())
    rest = _DOTTED.sub(r"\1 ", window[start:])
    if _NO_POSITIONS.search(rest[:80]):
        return ""
    read = read_spelled(rest)
    colon = rest.find(":", 0, 120)
    if read is None and colon > 0 and not _CHARACTERS_OR_STOP.search(rest, 0, colon):
        read = read_spelled(rest[colon + 1 :])
    if read is None:
        return ""
    characters, rest_unknown = read
    ends = (marker is not None and marker.re is _SUFFIX) or (
        marker is None and side is not None and side.group(1).lower() in ("last", "end")
    )
    if ends:
        lead = "ends in "
    elif marker is not None or side is not None:
        lead = "starts with "
    else:
        lead = ""
    return canonical_plate(lead + characters + (" something" if rest_unknown else ""))


_KEYWORD_HINTS = (
    "plate",
    "plait",
    "palte",
    "lic",
    "lcen",
    "lisc",
    "lisen",
    "tag",
    "plt",
    "plaq",
    "placa",
    "matr",
    "lp",
)
"""Words that must be in a text for :data:`_KEYWORD` to be looked for ("plait" is how speech
to text writes "plate")."""
_COMMA_OPENING = re.compile(
    r"^\s*,\s+(?:(?:she|he|they|i)\s+(?:read|said|saw|thinks?|got|caught)\s+)?"
    r"[\"“]?(?=[A-Z0-9?*]{2,}\b)"
)
"""A comma straight after the keyword, before the characters ("end of the plate, 58K")."""
_PHRASE_END = re.compile(
    r"(?<![.\s][A-Za-z0-9])\.(?=\s|$)|[;!\n]|,\s|\band\b|\bbut\b|(?<=[0-9?])\s(?=(?!ONLY\b)[A-Z]{2,8}\s?:)"
)
"""Where a plate phrase ends; a dot after a letter spelled out with dots (``j.k.d. 4 0 7``) does
not end it; a form label in capitals does ("PLATE: KVW 318 PH: 780-555-0122")."""
_CUE_OPENS = re.compile(
    r"\s*(?:(?:she|he|i|they)\s+(?:thinks?|says?|said|remembers?)\s+)?(?:it\s+)?"
    r"(?:start|began|begin|end|first|last)",
    re.IGNORECASE,
)
"""The next clause goes on about the plate ("small bike plate, she thinks started w/ a 2")."""
_NO_THEN_PLATE = re.compile(r"[.…]*\s+no,?\s+(?=[A-Z0-9]{2,}[ \-]?[A-Z0-9?]{0,4}\b)")
"""A reading corrected in the same breath: "AVK 3.. no AVX 318" keeps what follows "no"."""
_FOUR_LETTERS_THREE_DIGITS = re.compile(r"(?<![\w\-])([A-Z]{4})[ \-]?[0-9]{3}(?![\w\-])")
"""Ontario's layout (``BXTR 914``), read only in a report that speaks of a plate."""
_START_NO_KEYWORD = re.compile(
    r"\b(start(?:s|ed|ing)?\s+(?:with|w/?)|begins?\s+with|end(?:s|ed)?\s+(?:in|with|w/?)|"
    r"(?:last|first)\s+(?:\d|two|three|four|few|part|bit|half)(?:\s+(?:were|was|is|of\s+it))?)\s+"
    r"((?=[A-Z?]*[0-9])(?=[0-9?]*[A-Z])[A-Z0-9?]{2,4}(?:[ \-][A-Z0-9?]{1,3}(?![\w\-]))?)(?![\w\-])",
    re.IGNORECASE,
)
"""A start or an end given with no plate keyword ("silver caravan, starts with KT8"): the
token must mix letters and digits, as plates do and words don't."""
_TRAILING_WORD = re.compile(r"[ \-]([A-Za-z]{1,3})$")


def _without_trailing_word(reading: str) -> str:
    """A reading after "ends in" without the next word of the sentence ("ends in 58n he's",
    "begins with RM8 He grabbed her")."""
    word = _TRAILING_WORD.search(reading)
    if word is None or word.group(1).isupper() or word.group(1).lower() not in _STOPWORDS:
        return reading
    return reading[: word.start()]


_START_CUE = re.compile(
    r"start|begin|end(?:s|ed)? (?:in|with|w)|(?:last|first) (?:\d|two|three|four|few|part|bit|half)"
)
_BARE_END = re.compile(
    r"\bends\s+(?![0-9]{1,2}[AP]M\b)((?=[A-Z?]*[0-9])(?=[0-9?]*[A-Z])[A-Z0-9?]{3,4})(?![\w\-])"
)
"""The end of a plate in capitals right after "ends", with neither "in" nor a plate word, when
a vehicle was just named ("white silverado ends 9RK")."""
_START_LETTERS = re.compile(
    r"(?i:\b(?:start(?:s|ed|ing)?\s+(?:with|w/?)|begins?\s+with))\s+([A-Z]{2,3})(?![\w\-])"
)
"""Capitals alone after "starts with", no plate keyword, in a report not written in capitals
("harris green starts with YML WM"): the start of a plate."""
_GOT_OFF_THE_PLATE = re.compile(
    r"(?i:\b(?:got|caught|saw|read|remember(?:s|ed)?))\s+(?:the\s+)?([A-Z0-9]{2,4})"
    r"(?i:\s+(?:off|of|from)\s+(?:the|his)\s+(?:licen[cs]e\s+)?plate)\b"
)
"""The first characters, the only ones seen ("she only got CV off the plate"): the start."""
_THEN_MORE = re.compile(r",?\s+(?:and\s+)?then\s+(?=(?:[A-Z0-9?]{2,3}|[0-9])(?![\w?]))")
"""More characters of the same plate: "starts with 6, then CR"."""
_NOT_THIS_BUT = re.compile(
    r"^\s*(?:was(?:n'?t|nt|\s+not)|is(?:n'?t|nt|\s+not))\s+[A-Z0-9?]{2,4}(?:[ \-][A-Z0-9?]{1,3})?"
    r"\s*,?\s*(?:it\s+|but\s+(?:it\s+)?)?(?:was|is|it'?s|its)\s+(?=[A-Z0-9])"
)
"""A reading put right after the keyword ("the plate wasnt QVW it was QWV"): the second counts."""
_CORRECTED = re.compile(r"[\s,.]*(?:no\s+wait|wait\s+no|no\s+sorry|sorry\s+no|i\s+mean)\b", re.I)
_BARE_PARTIAL = re.compile(
    r"(?<![\w\-$#/])((?=[A-Z]{2,3}[A-Z0-9?]*[ \-]?[A-Z0-9?]*[0-9])"
    r"[A-Z]{2,3}[A-Z0-9?]{0,2}(?:[ \-][A-Z0-9?]{1,3})?)$"
)
"""A plate start in capitals right before "something" or dots, with no keyword:
``CN7 21 something``."""
_BARE_LETTERS = re.compile(r"(?<![\w\-$#/])([A-Z]{2,3})$")
"""Two or three capitals right before dots or "something", in a report that speaks of a plate
or right after a vehicle: ``rear MRN...``, ``grn ranger, PZ something``."""
_VAGUE_REST = re.compile(
    r"\s+(?:(?:and\s+)?then\s+)?(?:something|(?-i:sth))\b|\s*(?:\.{2,}|…)|"
    r"(?:-(?:something|(?-i:sth)))+",
    re.IGNORECASE,
)


def _after_a_vehicle(text: str, start: int) -> bool:
    """Whether the words just before ``start`` describe a vehicle ("grn ranger w/ canopy, PZ
    something"): capitals there are a plate's start, as in outreach notes."""
    window = text[max(0, start - 50) : start]
    return any(extract_vehicle(window, in_vehicle_column=False).values())


_WORD_BEFORE = re.compile(r"([A-Za-z\-]+)\s*$")


def _make_before(text: str, start: int) -> bool:
    """Whether the word just before ``start`` is a make, so the number after it is the model
    ("Chrysler 300 cor vinho", "Peugeot 308 GTI")."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if word is None:
        return False
    return bool(extract_vehicle(word.group(1), in_vehicle_column=False).get("vehicle_make"))


def _named_vehicle_before(text: str, start: int) -> bool:
    """Whether a make, model or body is named in the few words before ``start`` ("silver
    caravan KB8 5OT"); a colour alone is not enough."""
    found = extract_vehicle(text[max(0, start - 40) : start], in_vehicle_column=False)
    return any(found.get(key) for key in ("vehicle_make", "vehicle_model", "vehicle_body"))


def _bare_partials(text: str) -> list[re.Match[str]]:
    """:data:`_BARE_PARTIAL` matches ending where a "something" or dots begins."""
    found = []
    plate_talk = "plate" in text.lower() and not text.isupper()
    for rest in _VAGUE_REST.finditer(text):
        start = max(0, rest.start() - 12)
        match = _BARE_PARTIAL.search(text, start, rest.start())
        if match is None and not text.isupper():
            match = _BARE_LETTERS.search(text, start, rest.start())
            if match is not None and (
                match.group(1) in _NOT_PLATE_WORDS
                or not (plate_talk or _after_a_vehicle(text, match.start()))
            ):
                match = None
        if match is not None and (match.start() > start or start == 0):
            found.append(match)
    return found


_DIGIT_WORDS = NUMBER_WORDS | MISSPELT_DIGITS
_NATO = PHONETIC_LETTERS | {"zed": "Z"} | _DIGIT_WORDS | {"oh": "O"}
_NATO_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NATO, key=len, reverse=True)) + r")\b", re.I)
_SPACED = re.compile(
    r"(?<![\w?])(?!a\s+[A-Z]\b)[A-Za-z0-9?](?:(?:\.\s?|\s)(?![Ii]\s+[a-z]{2})[A-Za-z0-9?](?![\w]))+"
    r"(?:\.(?!\w))?"
    r"|(?<![\w?-])[A-Za-z0-9?](?:-[A-Za-z0-9?](?![\w]))+"
)
"""Characters read out one by one: ``B V 4 2 1 K``, ``b.v.4``, ``L P N 4 8 D``, ``B-V-4-2-1-K``."""
_POSITION_AFTER = re.compile(
    r"^\W*(?:(?:at|to|for)\s+(?:the\s+)?)?(start|beginning|begin|front|first|end|last)\b"
    r"(?!\s+(?:\d|one|two|three)\s+(?:not|unsure|unknown|missing|are\s+(?:a\s+)?guess))",
    re.I,
)
_PLATE_BEFORE = re.compile(r"\b(?=[A-Z?]*[0-9])[A-Z0-9?]{2,8}\b(?!%)|\b[A-Z]{2,3}\b")
"""A plate-like token before a position word: "BV4 at the start" names the start after it."""
_PLATE_RUN = re.compile(r"(?<![\w?])[A-Z0-9?]{1,4}(?![\w?])")
_COUNTED_UNKNOWN = re.compile(
    r"(?:,\s*(?:and\s+then\s+|and\s+|then\s+)?|\s+(?:and\s+then|and|then|plus)\s+)"
    r"(one|two|three|1|2|3)\s+(?:more\b\s*)?"
    r"(?:(?:letters?|numbers?|digits?|characters?|chars?)\s*,?\s+)?(?:(?:that\s+)?(?:i|she|he|we)\s+)?"
    r"(?:(?:couldn'?t|could\s+not|didn'?t|did\s+not|not|can'?t|cannot|couldnt|didnt)\s+"
    r"(?:see|get|read|catch|make\s+out)|missed|lost|"
    r"(?:(?<=more)|(?<=more\s))(?=\s*(?:[,.;)]|$|(?:she|he|i)\s+(?:thinks?|said|says|guess\w*)\b|not\s+sure)))",
    re.IGNORECASE,
)
"""Characters counted but not seen ("CHX 992 and one more I didn't get", "LPN 3 then two i
couldnt see", "RJN 58 and then one more, she thinks a 1"): one ``?`` each."""
_LAST_UNSEEN = re.compile(
    r"(?:,\s*|\s+)(?:and\s+)?(?:then\s+)?(?:(?:i|she|he|we)\s+)?"
    r"(?:(?:couldn'?t|could\s+not|didn'?t|did\s+not|can'?t|cannot|couldnt|didnt)\s+"
    r"(?:see|get|read|catch|make\s+out)|missed|forgot|forget|lost)\s+the\s+last\s+"
    r"(?:one|letter|number|digit|character)\b",
    re.IGNORECASE,
)
"""The last character not seen ("VQJ 27 and then she couldn't see the last one", "RJN 55 and
she missed the last one"): one ``?``."""
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "1": 1, "2": 2, "3": 3}
_PLATE_LENGTH = 6
"""Characters on a BC plate (ABC 123, AB1 23C, 123 ABC)."""


def _counted_unknowns(match: re.Match[str]) -> str:
    """One ``?`` per character counted but not seen. "and then one more" with no word of not
    seeing it counts toward a whole plate ("RJN 58 and then one more") only when it makes one;
    after a short start ("KT8 and one more") it says no more than that more followed."""
    count = _COUNT_WORDS[match.group(1).lower()]
    if match.group(0).rstrip().lower().endswith("more"):
        before = match.string[: match.start()]
        known = sum(len(run) for run in _PLATE_RUN.findall(before))
        if known + count < _PLATE_LENGTH:
            return match.group(0)
    return " " + "?" * count


_ONE_UNKNOWN_BETWEEN = re.compile(
    r"(?<=[0-9])[ \-](?:something|(?-i:sth))[\s\-]+(?=[A-Z0-9]{1,2}(?![\w\-?]))"
)
"""A lone "something" between known characters stands for one of them ("HPV 6 something 2")."""
_LOST_AFTER = re.compile(
    r"[\"”]?\s*(?:,|\band)?\s*(?:then\s+)?(?:(?:i|she|he|we)\s+)?lost\s+(?:it|track|the\s+rest)\b",
    re.I,
)
"""The rest not seen, told as losing it ("she got "BZR 66" and then lost it")."""
_UNKNOWN_AFTER = re.compile(
    r"\s*(?:,|\band|\bbut\b|\bthen\b)?\s*(?:then\s+)?(?:i\s+|she\s+)?"
    r"(?:don'?t|dont|didn'?t|didnt|couldn'?t|couldnt|can'?t|cant)\s+"
    r"(?:know|remember|see|get|catch|read|make\s+out)"
    r"(?!\s+the\s+(?:\w+\s+)?(?:number|letter|digit|one|character)\s+(?:before|after|between))"
    r"(?!\s+the\s+last\s+(?:one|letter|number|digit|character)\b)"
    r"(?!\s+the\s+(?:middle|second|third|fourth|fifth)\s+(?:one|letter|number|digit|character)\b)",
    re.I,
)


_NATO_HINT = re.compile(
    r"\b(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|kilo|lima|november|oscar|papa|quebec|"
    r"romeo|sierra|tango|uniform|victor|whiskey|whisky|x-?ray|yankee|zulu)\b"
)
_SPOKEN_WORD = (
    r"(?:"
    + "|".join(sorted({*_NATO, *SOUNDALIKE_DIGITS}, key=len, reverse=True))
    + r"|[A-HJ-Z0-9](?![\w']))"
)
_SPOKEN_RUN = re.compile(
    rf"\b{_SPOKEN_WORD}(?:[\s,.-]+{_SPOKEN_WORD}\b){{2,7}}"
    r"(?P<rest>\s+(?:something|(?-i:sth)|and\s+then|then\s+(?:i|she)\s+lost)|\s*(?:\.{2,}|…))?",
    re.IGNORECASE,
)
_SPOKEN_TOKEN = re.compile(_SPOKEN_WORD + r"\b", re.IGNORECASE)


def _spoken_plates(text: str) -> list[str]:
    """A plate read aloud anywhere, keyword or not: three or more spoken characters, two of them
    letters of the phonetic alphabet ("papa zulu tango for one eight", "kilo lima niner
    something"). "for" and "to" between spoken characters are the digits 4 and 2."""
    plates = []
    for run in _SPOKEN_RUN.finditer(text):
        words = _SPOKEN_TOKEN.findall(run.group(0))
        letters = [w for w in words if w.lower() in _NATO and w.lower() not in _DIGIT_WORDS]
        if len([w for w in letters if len(w) > 2]) < 2:
            continue
        chars = "".join(
            _NATO.get(w.lower(), SOUNDALIKE_DIGITS.get(w.lower(), w.upper())) for w in words
        )
        plate = canonical_plate(chars + (" something" if run.group("rest") else ""))
        if plate:
            plates.append(plate)
    return plates


_DIGIT_AFTER_CHAR = re.compile(
    r"(?<=\b[A-Za-z0-9]\s)(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE
)


def _spoken_characters(phrase: str) -> str:
    """NATO words read as letters (when two or more are used), number words right after a
    spelled character ("R J seven") as digits, and spaced characters joined."""
    phrase = _DIGIT_AFTER_CHAR.sub(lambda m: _DIGIT_WORDS[m.group(1).lower()], phrase)
    if phrase.count(" ") + phrase.count(".") + phrase.count("-") < 3:
        return phrase
    spoken = _NATO_WORD.findall(phrase)
    if len(spoken) >= 2 and any(word.lower() not in _DIGIT_WORDS for word in spoken):
        phrase = _NATO_WORD.sub(lambda m: _NATO[m.group().lower()], phrase)
    return _SPACED.sub(_join_spaced, phrase)


def _join_spaced(match: re.Match[str]) -> str:
    chars = match.group().replace(" ", "").replace(".", "").replace("-", "")
    if len(chars) < 3 or not any(ch.isdigit() or ch.isupper() for ch in chars):
        return match.group()
    if chars.lower().startswith(("a", "i")) and chars[1:2].isalpha() and chars.islower():
        return match.group()
    return chars


_UNIT_AFTER_MARKER = re.compile(
    r"^\s*(?:(?:letters?|numbers?|digits?|characters?|chars?|part|only|just)\b[\s:,]*)+",
    re.IGNORECASE,
)
_NO_PLATE_OPENING = re.compile(
    r"\W*(?:(?:is|was|were)\s+)?(?:covered|not\s+seen|none|unknown|n/?a|missing|no\b|not\b|"
    r"dealer|paper|temp(?:orary)?\b|unreadable|couldn'?t|didn'?t)",
    re.IGNORECASE,
)
"""A plate phrase that says there is no plate to read ("PLT COVERED W/ CARDBOARD")."""
_VANITY = r"(?:vanity|personali[sz]ed|custom)"
_VANITY_WORDS = re.compile(
    r"^\W*(?:an?\s+)?" + _VANITY + r"(?:\s+(?:one|plate))?\s*[-:,]?", re.IGNORECASE
)
_QUOTED_OR_VANITY = re.compile(r"[\"“”']|\b" + _VANITY + r"\b", re.IGNORECASE)
"""In text written all in capitals a plate of letters only must be quoted or called vanity."""
_ARTICLE = re.compile(r"^\W*(?:a|an|the)\s+(?=[A-Za-z0-9?]\b)")


_PROVINCE_CODE = re.compile(r"(?<![\w\-])(?:BC|AB)(?![\w\-?])")
"""A province code standing alone beside the characters ("BC LGT BC 409": the frame says BC)."""
_SPACE_RUN = re.compile(r" {2,}")
_LOWER_START = re.compile(
    r"\s*(?:(?:was|is|were|like|maybe|prob|probably|:)\s+)*([a-z][a-z0-9]{1,3})(?:\s+"
    r"(?:something|(?-i:sth)|smth|somethin)\b|\s*\(?\s*(?:\.{2,}|…)|\s+\(?(?:didn'?t|did\s+not|"
    r"couldn'?t|could\s+not)\s+(?:get|see|catch|read)\s+the\s+rest)"
)
"""The start of a plate typed in lower case, the rest unknown: "the plate was lkt something",
"plate was rmk....", "lic plate: nht (didn't get the rest)"."""


_LAST_ONE_MISSED = re.compile(
    r"(?:i\s+|she\s+|he\s+)?(?:(?:didn'?t|couldn'?t|could\s+not|did\s+not)\s+"
    r"(?:see|get|catch|read)|missed|forgot|forget|lost)\s+the\s+last\s+"
    r"(?:one|letter|number|digit|character)\b",
    re.IGNORECASE,
)
"""One character missed at the end ("NX4 52? I didn't get the last one")."""
_PRONOUN_END = re.compile(r"\s+I$")
"""The "I" of "I didn't get…" taken into a run of capitals."""
_LEADING_PROVINCE = re.compile(
    r"^\s*(?:BC|B\.C\.|AB|SK|MB|WA|ON|QC|alberta|sask)\s+(?:qui\s+|that\s+|which\s+)?"
    r"(?=(?:start|begin|began|commen|end|termin|fini|first|last)\w*)",
    re.IGNORECASE,
)
"""The province before a start or end ("plate BC starts with LP", "plaque BC qui commence par")."""


_CLOCK_FIRST = re.compile(r"\s*[\[(]?\d{1,2}:\d{2}(?!\d)")
"""A time right after the keyword: the next message's timestamp in a pasted chat ("anyone get
plate\n[12:10 AM] Tee: no"), not a reading."""


def _plate_after_keyword(phrase: str, shouting: bool = False) -> str:
    """The plate a phrase after a plate keyword gives; ``shouting``: the report is written all in
    capitals, so capitals alone do not make a word a plate."""
    if _CLOCK_FIRST.match(phrase):
        return ""
    phrase = _LEADING_PROVINCE.sub("", _spoken_characters(phrase), count=1)
    prefix = _PREFIX.match(phrase.strip()) or _PREFIX.search(phrase[:25])
    suffix = _SUFFIX.match(phrase.strip()) or _SUFFIX.search(phrase[:25])
    marker = suffix or prefix
    if marker is not None and (
        _PLATE_BEFORE.search(phrase, 0, marker.start())
        or _CHARACTERS_BEFORE.search(phrase, 0, marker.start())
    ):
        marker = prefix = suffix = None
    rest = phrase[marker.end() :] if marker else phrase
    if marker is not None:
        rest = _ARTICLE.sub(" ", _UNIT_AFTER_MARKER.sub(" ", rest, count=1), count=1)
    elif _NO_PLATE_OPENING.match(rest):
        return ""
    rest = _VANITY_WORDS.sub(" ", rest, count=1)
    if "BC" in rest or "AB" in rest:
        rest = _SPACE_RUN.sub(" ", _PROVINCE_CODE.sub(" ", rest))
    lower_start = _LOWER_START.match(rest)
    if lower_start and lower_start.group(1) not in _STOPWORDS:
        return canonical_plate(lower_start.group(1) + " something")
    leading_dots = rest.lstrip(" :-#").startswith(("..", "…"))
    run = _TOKEN_RUN.search(rest)
    if run is None:
        return ""
    upper_only = run.group(0) != run.group(0).lower()
    token = _trim_run(run.group(0), upper_only and not marker)
    if not token or token.upper() in _NOT_PLATE_WORDS:
        return ""
    if shouting and not marker and token.isalpha() and not _QUOTED_OR_VANITY.search(phrase):
        return ""
    if not (marker or leading_dots) and not any(
        ch.isdigit() or ch in "?*_" or ch.isupper() for ch in token
    ):
        return ""
    tail = rest[run.end() : run.end() + 25]
    position = _POSITION_AFTER.match(tail) if marker is None and not leading_dots else None
    if position is not None:
        side = position.group(1).lower()
        marker = suffix = _SUFFIX.search("end") if side in ("end", "last") else None
        if marker is None:
            marker = prefix = _PREFIX.search("start")
    if leading_dots and not marker or marker is suffix and suffix is not None:
        token = "ends in " + token
    elif marker is not None:
        token = "starts with " + token
    unknown = _UNKNOWN_MIDDLE.match(tail)
    spaced = _SPACED_SOMETHINGS.match(tail)
    if spaced is not None:
        token += "?" * len(spaced.group(0).split())
    elif unknown and unknown.group(1).count("-") > 1:
        token += "?" * unknown.group(1).count("-") + (unknown.group(2) or "")
    elif unknown and not unknown.group(2):
        token += "..."
    elif _LAST_ONE_MISSED.match(tail.strip()):
        token = _PRONOUN_END.sub("", token)
        token += "" if token.endswith("?") else "?"
    elif _REST_UNKNOWN.match(tail.strip()) or tail.lstrip().startswith(("..", "…")):
        token += "..."
    return canonical_plate(token)


_SIDE_BEFORE = re.compile(
    r"\b(last|first|end|start|beginning)\s+(?:(?:\d|one|two|three|four|few)\s+)?"
    r"(?:(?:letters?|digits?|characters?|chars?|numbers?)\s+)?(?:of|on|in)\s+(?:the|his|that)\s+$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"\s*[A-Za-z]+\s*:")
"""A form label after a slash ("Lic starts AWJ / DATE: 2024-01-27"): the plate ended before it."""
_ALTERNATIVES = re.compile(
    r"\s+or\s+(?:maybe\s+)?|(?<!\bw)\s*/\s*|\s+maybe\s+(?=(?-i:[A-Z0-9]{2,4})\b)", re.IGNORECASE
)
_VANITY_BEFORE = re.compile(
    r"(?<![\w\-])((?=[A-Z0-9\-]{5,8}\s)[A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]{1,5})?)\s+plates?\b"
)
"""A word in capitals before "plate" in a report not written in capitals ("the SWELLS plate")."""
_PLATE_KINDS = frozenset(
    ["vanity", "custom", "dealer", "paper", "temp", "front", "back", "rear", "licence"]
    + ["license", "personalized"]
)
_BEFORE_KEYWORD = re.compile(
    r"(?<![\w\-])([A-Z]{2,4})\s+plates?\b(?!\s*(?:#|no\b|number|was|is|:))"
)
_PROVINCES = frozenset(
    [
        "BC",
        "AB",
        "SK",
        "MB",
        "ON",
        "QC",
        "NB",
        "NS",
        "PE",
        "NL",
        "YT",
        "NT",
        "NU",
        "WA",
        "OR",
        "CA",
        "ID",
        "MT",
        "US",
        "USA",
        "BCP",
        "OLD",
        "NEW",
    ]
)


def _words(text: str) -> list[str]:
    return text.split()


_PROVINCE_NAMES = frozenset(
    _words(
        "alberta ontario quebec washington oregon california saskatchewan manitoba yukon "
        "montana idaho nevada bc"
    )
)
_POSTAL = re.compile(r"[A-Z][0-9][A-Z][ \-]?[0-9][A-Z][0-9]")


_MONTHS = frozenset(_words("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC"))
_DAY_BEFORE = re.compile(r"\b[0-3]?[0-9]\s+$")


def _is_date(text: str, start: int, token: str) -> bool:
    """A day and month in a staff log ("10 FEB 2059", "05 MAR 1530"), not a plate."""
    if token[:3].upper() not in _MONTHS:
        return False
    digits = "".join(ch for ch in token[3:] if ch.isdigit())
    return len(digits) == 4 or _DAY_BEFORE.search(text, max(0, start - 4), start) is not None


def _is_postal(text: str, start: int) -> bool:
    return any(
        _POSTAL.fullmatch(text[s : s + n]) for s in (start - 4, start) for n in (6, 7) if s >= 0
    )


def _truncated(plate: str, plates: list[str]) -> bool:
    """Whether a full reading is only the start of a longer one ("CQZ77 something something":
    ``CQZ77`` beside ``CQZ77??``)."""
    return any(
        other != plate and other.startswith(plate) and not other[len(plate) :].strip("?*")
        for other in plates
    )


def _drop_subsumed(plates: list[str]) -> list[str]:
    result: list[str] = []
    for plate in plates:
        vague = "*" in plate or "?" in plate
        if not vague and _truncated(plate, plates):
            continue
        if vague and any(
            other != plate
            and plates_compatible(plate, other)
            and _specificity(other) > _specificity(plate)
            for other in plates
        ):
            continue
        result.append(plate)
    return result


def _specificity(plate: str) -> int:
    return sum(ch.isalnum() for ch in plate) * 2 - (1 if "*" in plate else 0)


_SAYS_PLATE = re.compile(r"\bplates?\b", re.IGNORECASE)
_PHONE_WORD = re.compile(r"(?:ext|txt|tel|ph|cell|num|no|x)\b", re.IGNORECASE)
_CAPITAL_PLATE = re.compile(
    r"(?=[A-Z0-9 \-]*[A-Z])(?=[A-Z0-9 \-]*[0-9])[A-Z0-9]{2,4}[ \-]?[A-Z0-9]{2,4}"
)
"""Capitals and digits alone in the phone column, five to eight of them: a plate ("JRV 47K")."""


def _plate_in_phone_column(text: str) -> list[str]:
    """A plate typed into the phone column ("I put his plate in the phone box by mistake",
    "8XR-662O (plate, alberta)")."""
    if _SAYS_PLATE.search(text):
        return _column_plates(_SAYS_PLATE.sub(" ", text))
    stripped = text.strip()
    if _PHONE_WORD.match(stripped):
        return []
    if _CAPITAL_PLATE.fullmatch(stripped) or _BARE.fullmatch(stripped.upper()):
        return [canonical_plate(stripped.upper())]
    return []


_NOT_READING = re.compile(r"\bnot\s+([A-Z0-9]{2,4})\b(?![ \-]?[A-Z0-9])")


def _taken_back(plate: str, narrative: list[str], report: Mapping[str, str]) -> bool:
    """Whether the narrative says the column's plate was misread and gives another ("the plate
    is KB4 77T not KD4"): the start it rejects begins this plate and none of its own."""
    for name in NARRATIVE_COLUMNS:
        for match in _NOT_READING.finditer(report.get(name, "") or ""):
            rejected = match.group(1)
            if plate.startswith(rejected) and not any(
                other.lstrip("*").startswith(rejected) for other in narrative
            ):
                return True
    return False


def _put_right_in_column(text: str) -> list[str]:
    """Readings the plate column itself corrects ("LK7 28P -- correction LK7 2BP" → LK728P),
    so the narrative repeating the first reading does not bring it back."""
    correction = _column_correction(text) if text else None
    return _column_plates(text[: correction.start()]) if correction is not None else []


_AGES = re.compile(r"(?:[A-Z]{1,3})?[1-9]0S")
"""A description's shorthand read after a plate ("plate dh4-??? / nf 50s"): an age, not a
plate."""


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """``plate`` (``;``-joined canonical plates) plus a ``conflicts`` note when sources disagree."""
    column = _column_plates(report.get("plate", "")) if report.get("plate") else []
    column += _plate_in_phone_column(report.get("aggressor_phone", ""))
    narrative: list[str] = []
    for name in NARRATIVE_COLUMNS:
        text = report.get(name, "")
        if text:
            narrative.extend(_narrative_plates(text))
    withdrawn = _put_right_in_column(report.get("plate", ""))
    narrative = [
        plate for plate in narrative if plate not in withdrawn and not _AGES.fullmatch(plate)
    ]
    taken_back = [p for p in column if narrative and _taken_back(p, narrative, report)]
    column = [plate for plate in column if plate not in taken_back]
    plates = _drop_subsumed(list(dict.fromkeys(column + narrative)))
    if not plates:
        told = (plate_from_format(report.get(name, "")) for name in ("plate", *NARRATIVE_COLUMNS))
        plates = [plate for plate in told if plate][:1]
    result = {"plate": join_list(plates)}
    disagree = [
        n
        for n in narrative
        if n in plates and column and not any(plates_compatible(n, c) for c in column)
    ]
    notes = [f"plate: column {'/'.join(column)}, narrative {n}" for n in disagree]
    notes += [
        f"plate: column {p}, narrative {'/'.join(narrative)} (the narrative takes it back)"
        for p in taken_back
    ]
    if notes:
        result["conflicts"] = join_list(notes)
    return result

"""Plates read out character by character, the way people pass them on by voice or from memory.

"K J W, four eight two"; "K as in King, V as in Victor, three one nine"; "B G 4 2 and then two
she didn't catch"; "V H M, six two, and one more number she didn't get"; "D L 7, eight eight,
and the last one was either a Y or a V"; "N P K zero something"; "three-oh-one". The reader
walks the words after a plate keyword (or a start/end cue) and turns them into the characters
of a canonical plate, with ``?`` for each character the reporter says they missed and a trailing
``*`` when the rest is unknown.
"""

from __future__ import annotations

import re

from analytics.extract._spoken_digits import (
    FOREIGN_DIGITS,
    JAPANESE_DIGITS,
    MISSPELT_DIGITS,
    NUMBER_WORDS,
    SOUNDALIKE_DIGITS,
    TEENS,
    TENS,
)

__all__ = ["PHONETIC_LETTERS", "read_spelled"]


def _words(text: str) -> list[str]:
    return text.split()


PHONETIC_LETTERS = {
    word: word[0].upper()
    for word in _words(
        "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima "
        "mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray "
        "x-ray yankee zulu"
    )
}
"""The phonetic alphabet, word → letter."""
LETTER_NAMES = {
    "bee": "B", "cee": "C", "dee": "D", "eff": "F", "gee": "G", "aitch": "H", "haitch": "H",
    "aych": "H",
    "jay": "J", "kay": "K", "ell": "L", "em": "M", "en": "N", "pee": "P", "cue": "Q",
    "queue": "Q", "ess": "S", "tee": "T", "vee": "V", "ex": "X", "wye": "Y", "zed": "Z",
    "zee": "Z", "dubya": "W", "doubleyou": "W", "doubleu": "W",
}  # fmt: skip
"""English names of letters as voice-to-text writes them ("be kay eight five to dee")."""
FOREIGN_LETTER_NAMES = {
    "bé": "B", "cé": "C", "dé": "D", "effe": "F", "gé": "G", "ache": "H", "ji": "J", "ka": "K",
    "elle": "L", "emme": "M", "enne": "N", "pé": "P", "erre": "R", "esse": "S", "té": "T",
    "vé": "V", "ixe": "X", "zède": "Z",
    "ei": "A", "bii": "B", "shii": "C", "dii": "D", "efu": "F", "jii": "G", "eichi": "H",
    "jei": "J", "kei": "K", "eru": "L", "emu": "M", "enu": "N", "pii": "P", "kyuu": "Q",
    "aaru": "R", "esu": "S", "tii": "T", "yuu": "U", "vii": "V", "buii": "V", "daburyuu": "W",
    "ekkusu": "X", "wai": "Y", "zetto": "Z", "zeddo": "Z",
}  # fmt: skip
"""Letter names in French and in Japanese romaji, for a plate repeated "in my head in French"
("elle, ka, effe, trois, neuf, deux") or in Japanese ("efu, jei, bii, go, ichi, zero")."""
_SOUNDALIKE_LETTERS = {
    "be": "B", "see": "C", "sea": "C", "are": "R", "why": "Y", "you": "U", "eye": "I",
    "tea": "T", "pea": "P", "el": "L", "ef": "F", "in": "N", "end": "N", "age": "H",
}  # fmt: skip
"""Letter names that are also everyday words, as voice-to-text writes them ("are jay five ate
three end", "six one seven in are age"): a letter only when another character follows, when
the rest is said to be unknown ("bee el and then I don't know"), or when it is the sixth
character after five spelled ones (a BC plate's length)."""
_PLATE_LENGTH = 6
_PREPOSITION_LIKE = frozenset(_words("in you be see eye"))
_REST_UNSAID = re.compile(
    r"(?:and\s+)?(?:then\s+)?(?:(?:i|she|he|we)\s+(?:don'?t|didn'?t|couldn'?t|can'?t|missed|lost)"
    r"|something|the\s+rest)\b"
)
_DIGITS = JAPANESE_DIGITS | FOREIGN_DIGITS | NUMBER_WORDS | MISSPELT_DIGITS | {"oh": "0"}
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FILLERS = frozenset(
    _words(
        "then and an the next was were is she he thinks think maybe probably followed by after "
        "plus like this that its it's either sure pretty read dash hyphen space"
    )
)
_SIDE_WORDS = frozenset(_words("last first next middle"))
_UNIT = re.compile(r"more|numbers?|letters?|digits?|characters?|chars?")
_OWNED = frozenset(_words("the his her my your their"))
"""Before a unit word, these start something else ("… R four and the number he texts from"),
not the count of characters missed ("then a number", "and more")."""
_MISSED = re.compile(
    r"(?:she|he|i|we|they)\s+(?:didn'?t|did\s+not|couldn'?t|could\s+not|missed|can'?t|"
    r"don'?t|never|wasn'?t)"
)
_TOKEN = re.compile(
    r"(?P<asin>\b[A-Za-z]\s+as\s+in\s+[A-Za-z]+)"
    r"|(?P<mixed>\b(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{2,}\b)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<num>[0-9]+)"
    r"|(?P<unknown>[?_]+)"
    r"|(?P<trailing>\.{2,}|…)"
    r"|(?P<stop>[.!\n](?![0-9A-Za-z])|$)"
    r"|(?P<sep>[^\sA-Za-z0-9?])"
)
_LEAD_IN_WORDS = 8
_COUNTED_THING = re.compile(r"[a-z]{3,}s\b")
"""After a comma, a number that counts something ("started with a 2, 2 guys yelled") begins a
new sentence, not more of the plate."""
_KEYWORDS = frozenset(_words("plate plates lp plt tag tags licence license lic"))
"""Another plate keyword before any character: the reading belongs to that keyword."""
_PERSON_AFTER = re.compile(
    r"(?:not|says|said|saw|got|thinks|thought|was|is|didn'?t|did|wrote|spelled|read|told|"
    r"remembers|remembered|noticed|isn'?t|wasn'?t)\b"
)
"""A lone capital followed by one of these is a worker's initial ("R not sure", "P spelled it"),
not a plate character."""


def read_spelled(text: str) -> tuple[str, bool] | None:
    """``(characters, rest_unknown)`` of a plate spelled out at the start of ``text``, or None.

    Needs at least two characters given one at a time (letters apart, phonetic words, number
    words or "X as in Word"); a plate written as one token is left to the other readers.
    """
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text[:160])]
    chars: list[str] = []
    spelled = 0
    lead_in = 0
    rest_unknown = False
    pending_unknown = False
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        lower = value.lower()
        nxt = _following_words(tokens, i + 1)
        if kind == "stop":
            if chars:
                break
            return None
        if kind == "trailing":
            if chars:
                rest_unknown = True
                break
            return None
        if kind == "sep":
            if value in "([+" and chars:
                break
            if value in "/:" and _between_numbers(tokens, i):
                return None
            if value == ":" and not chars:
                lead_in = 0
            i += 1
            continue
        if kind == "mixed":
            if not chars:
                return None
            chars.extend(value.upper())
            i += 1
            continue
        if lower == "one" and i and tokens[i - 1][1].lower() in _SIDE_WORDS:
            i += 1
            continue
        if lower in ("one", "a") and not chars and i + 1 < len(tokens) and tokens[i + 1][1] == ":":
            i += 1
            continue
        if chars and lower == "or" and i + 1 < len(tokens):
            alternative = _next_character(tokens, i + 1)
            if alternative is not None:
                chars[-1] = "?"
                i = alternative + 1
                continue
        if chars and lower in SOUNDALIKE_DIGITS and _character_follows(tokens, i + 1):
            chars.append(SOUNDALIKE_DIGITS[lower])
            spelled += 1
            i += 1
            continue
        count = _COUNTS.get(lower) if chars and tokens[i - 1][1].lower() != "a" else None
        if count is not None:
            if re.match(r"or\s+\w+\s+(?:" + _UNIT.pattern + r")\b", nxt):
                rest_unknown = True
                break
            if _UNIT.match(nxt) or _MISSED.match(nxt):
                chars.extend("?" * count)
                break
        if kind == "num" and chars and tokens[i - 1][1] == "," and _COUNTED_THING.match(nxt):
            break
        said = _said_as_number(tokens, i, bool(chars))
        if said is not None:
            said_chars, i = said
            chars.extend(said_chars)
            spelled += len(said_chars)
            continue
        char = _character(kind, value, nxt, bool(chars))
        if char is None and _ends_reading(lower, chars, spelled, nxt):
            char = _SOUNDALIKE_LETTERS[lower]
        if char is not None:
            if pending_unknown:
                chars.append("?")
                pending_unknown = False
            chars.append(char)
            spelled += kind in ("asin", "word") or len(value) == 1
            i += 1
            continue
        if lower in ("something", "sth") and re.match(r"like\s+(?:that|this)\b", nxt):
            break
        if chars and _UNIT.fullmatch(lower):
            rest_unknown = tokens[i - 1][1].lower() not in _OWNED
            break
        if lower in ("something", "sth", "rest", "else"):
            if not chars:
                return None
            pending_unknown = True
            i += 1
            continue
        if lower in _FILLERS or lower in _SIDE_WORDS or lower == "a" or lower == "i" and not chars:
            i += 1
            continue
        if chars:
            break
        if kind == "word" and (len(value) >= 2 and value.isupper() or lower in _KEYWORDS):
            return None
        lead_in += 1
        if lead_in > _LEAD_IN_WORDS:
            return None
        i += 1
    if pending_unknown:
        rest_unknown = True
    known = sum(ch.isalnum() for ch in chars)
    if known < 2 or spelled < 2 or len(chars) > 8:
        return None
    return "".join(chars), rest_unknown


def _ends_reading(word: str, chars: list[str], spelled: int, following: str) -> bool:
    """Whether a sound-alike letter with no character after it still ends a spelled reading:
    the rest is said to be unknown, or it is the sixth character after five spelled ones (not
    "in", "you", "be", "see": after a plate they mostly start the next words)."""
    if word not in _SOUNDALIKE_LETTERS or not chars or not spelled:
        return False
    if _REST_UNSAID.match(following):
        return True
    full = len(chars) == _PLATE_LENGTH - 1 and spelled == len(chars) and "?" not in chars
    return full and word not in _PREPOSITION_LIKE


_REPEATS = {"double": 2, "triple": 3}
_W_AFTER_DOUBLE = frozenset(_words("you u yu"))


def _said_as_number(
    tokens: list[tuple[str | None, str]], i: int, started: bool
) -> tuple[str, int] | None:
    """Characters said as a number or a repeat, and the index after them: "sixty one" → 61,
    "fifteen" → 15, "double seven" → 77, "double you" → W; None for any other token."""
    lower = tokens[i][1].lower()
    j = i + 1
    if j < len(tokens) and tokens[j][1] == "-":
        j += 1
    following = tokens[j][1].lower() if j < len(tokens) else ""
    if lower in _REPEATS and j < len(tokens):
        if following in _W_AFTER_DOUBLE:
            return "W", j + 1
        char = _character(tokens[j][0], tokens[j][1], _following_words(tokens, j + 1), True)
        if char is not None and len(char) == 1 and char != "?":
            return char * _REPEATS[lower], j + 1
        return None
    if not started:
        return None
    if lower in TENS:
        unit = NUMBER_WORDS.get(following)
        if unit is not None and unit != "0":
            return TENS[lower] + unit, j + 1
        return TENS[lower] + "0", i + 1
    if lower in TEENS:
        return TEENS[lower], i + 1
    return None


def _between_numbers(tokens: list[tuple[str | None, str]], i: int) -> bool:
    """A ``/`` or ``:`` between numbers is a date or a time ("[1/8/35, 11:58 PM]")."""
    return 0 < i < len(tokens) - 1 and tokens[i - 1][0] == tokens[i + 1][0] == "num"


def _character(kind: str | None, value: str, following: str, started: bool) -> str | None:
    """The plate character a token stands for, or None."""
    lower = value.lower()
    if kind == "asin":
        return value[0].upper()
    if kind == "num":
        return value if len(value) <= 4 else None
    if kind == "unknown":
        return "?" * len(value)
    if kind != "word":
        return None
    if lower in _DIGITS and (lower != "oh" or started):
        return _DIGITS[lower]
    if lower in PHONETIC_LETTERS:
        return PHONETIC_LETTERS[lower]
    if lower in LETTER_NAMES:
        return LETTER_NAMES[lower]
    if lower in FOREIGN_LETTER_NAMES:
        return FOREIGN_LETTER_NAMES[lower]
    next_word = following.split(" ", 1)[0]
    if lower in _SOUNDALIKE_LETTERS:
        follows = _is_character_word(next_word) or next_word in _SOUNDALIKE_LETTERS
        return _SOUNDALIKE_LETTERS[lower] if follows else None
    if len(value) != 1:
        return None
    if value == "i" and started and len(next_word) == 1 and next_word.isalnum():
        return "I"
    if value == "a" or (lower == "i" and (value == "i" or re.match(r"[a-z]{2,}", following))):
        return None
    if _PERSON_AFTER.match(following):
        return None
    return value.upper()


def _is_character_word(word: str) -> bool:
    """Whether a word stands for one plate character on its own (not a sound-alike)."""
    return (
        word in LETTER_NAMES
        or word in PHONETIC_LETTERS
        or word in _DIGITS
        or (len(word) == 1 and word.isalnum() and word not in ("a", "i"))
        or (word.isdigit() and len(word) <= 4)
    )


def _following_words(tokens: list[tuple[str | None, str]], start: int) -> str:
    words = [value.lower() for kind, value in tokens[start : start + 4] if kind != "sep"]
    return " ".join(words)


def _character_follows(tokens: list[tuple[str | None, str]], start: int) -> bool:
    """Whether a plate character comes next, perhaps after more sound-alike digits ("thre ate
    too vee")."""
    j = start
    while j < len(tokens) and tokens[j][1].lower() in SOUNDALIKE_DIGITS:
        j += 1
    if j < len(tokens) and _said_as_number(tokens, j, True) is not None:
        return True
    return j < len(tokens) and _next_character(tokens, j) == j


def _next_character(tokens: list[tuple[str | None, str]], start: int) -> int | None:
    """Index of the character token after "or" ("either a Y or a V"), skipping an article."""
    for j in range(start, min(start + 3, len(tokens))):
        kind, value = tokens[j]
        if kind == "sep" or value.lower() in ("a", "an"):
            continue
        if _character(kind, value, "", True) is not None:
            return j
        return None
    return None

"""Aggressor phone numbers: full numbers in E.164 and partial numbers kept as fragments.

Full numbers are found as candidate digit runs with a cheap regex and confirmed with
``phonenumbers`` (region CA). A partial number ("ends in 0134", ``555-0134`` without an area code)
becomes a fragment of digits and is never promoted to a full number by guessing. A number the
reporter gives as their own contact ("text me at …", "my number is …") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import phonenumbers

from analytics.extract._spoken_digits import (
    FOREIGN_DIGITS,
    MISSPELT_DIGITS,
    NUMBER_WORDS,
    SOUNDALIKE_DIGITS,
    TEENS,
    TENS,
)
from analytics.features import join_list

__all__ = ["canonical_phone", "extract", "phone_digits", "without_reporter_numbers"]

TEXT_COLUMNS: tuple[str, ...] = (
    "aggressor_phone",
    "what_happened",
    "aggressor_description",
    "aggressor_contact",
    "aggressor_name",
    "vehicle",
    "plate",
    "location",
    "incident_types",
)

_SEP = r"[ \t.\-\u2010-\u2015/]{0,3}"
_FULL = re.compile(
    r"(?<![\w$+])"
    r"(?:\+\s?1" + _SEP + r"|1" + _SEP + r"(?=[(0-9]))?"
    r"(?:\(\s?([2-9][0-9][0-9])\s?\)|([2-9][0-9][0-9]))" + _SEP + r"\s?"
    r"([2-9][0-9][0-9])" + _SEP + r"([0-9][0-9])" + _SEP + r"([0-9][0-9])"
    r"(?![\w$])"
)
_SPACED = re.compile(r"(?<![0-9] )(?<![0-9])(?:1 )?[2-9](?:(?: [\-.])? [0-9]){9}(?! ?[0-9])")
"""Ten digits typed one at a time, the groups perhaps set off by a dash
("2 0 4 - 5 5 5 - 0 1 9 4")."""
_INTERNATIONAL = re.compile(r"(?<![\w+])\+\s?(?!1\b)[2-9][0-9 \-.()]{7,16}[0-9](?!\w)")
_SEVEN = re.compile(
    r"(?<![\w$.:/\-])([2-9][0-9][0-9])[ .\-\u2010-\u2015]?([0-9]{4})"
    r"(?![\w$%]|[.:/\-][0-9]|\s?(?:dollars|bucks|km|cad|usd)\b)",
    re.IGNORECASE,
)
_WILDCARD = re.compile(
    r"(?<![\w$])(?:\(\s?([2-9][0-9][0-9])\s?\)|([2-9][0-9][0-9]))[ .\-]?([2-9][0-9][0-9])[ .\-]?"
    r"([0-9xX?*_]{4})(?!\w)"
)
_CUT_OFF = re.compile(
    r"(?<![\w$+])(?:\(\s?([2-9][0-9]{2})\s?\)|([2-9][0-9]{2}))[ .\-]?([2-9][0-9]{2})[ .\-]?"
    r"([0-9]{1,3})(?=\.{2,}|…|\s*\[(?:illegible|unreadable|cut\s*off|smudged|\?+)\])",
    re.IGNORECASE,
)
"""A number whose end was not read ("705 555 01.. (last two digits under her thumb)", "306 555
01[illegible]"): the digits before the gap are a fragment, when a bracket marks the gap or words
about a phone come just before (:data:`_CUT_OFF_CONTEXT`; "he paid 200 300 40..." is money)."""
_CUT_OFF_CONTEXT = re.compile(
    r"\b(?:phone|number|num|no|cell|mobile|contact|text|texted|txt|call|called|ph|tel|digits)\b|#",
    re.IGNORECASE,
)
_COUNT = r"(?:[0-9]|two|three|four|five|six|seven|few)"
_ENDING = re.compile(
    r"(?:\bend(?:s|ed)?\s+(?:in|with|w/|on)\b|\bending(?:\s+(?:in|with|w/|on)\b)?|"
    r"\bends(?=\s+[0-9])|\bended(?=\s+[0-9])(?!\s+(?:19|20)[0-9]{2}\b)"
    r"|\bend(?=\s+[0-9]{4}\b)(?!\s+(?:19|20)[0-9]{2}\b|\s+[0-9]{4}\s+(?:block|blk)\b)"
    r"|\blast\s+(?:" + _COUNT + r"\s+)?(?:digits?|numbers?|nums?|#s?)"
    r"(?:\s+(?:were|was|are|is|of\s+(?:it|the\s+number|his\s+\w+)))?"
    r"|\blast\s+" + _COUNT + r"\s*(?:were|was|are|is|:|-|=)|\blast\s+(?:4|four)\s+(?=[0-9]{4}\b))"
    r"[\s:#\-=]*\(?((?:[0-9][ \-]?){2,6})(?![\w$])",
    re.IGNORECASE,
)
_OLD_NUMBER_END = re.compile(
    r"\b(?:i\s+blocked|(?:she|we)\s+blocked|blocked(?=\s+the\s+[0-9]{4}\s+(?:number|#)\b)|"
    r"(?<![\w,] )blocked(?=\s+(?![0-9]{2}00\b)[0-9]{4}\s+(?:and|but|so|now)\b)|"
    r"formerly|(?:his\s+)?old\s+(?:number|#|cell|one)"
    r"(?:\s+(?:was|is|:))?)\s+(?:the\s+)?(?:one\s+)?(?:ending\s+(?:in\s+)?)?"
    r"((?!19[0-9]{2}\b|20[0-9]{2}\b)[0-9]{4})(?![0-9\w$%])",
    re.IGNORECASE,
)
"""The end of a number he used before ("I blocked 0165", "formerly 0165", "blocked the 0142
number", "blocked 0121 and now hes on this one"): a fragment."""
_PHONE_WORDS = re.compile(
    r"\b(?:phone|number|numbers|num|cell|mobile|called|calling|call|text|texted|texting|txt|"
    r"digits?|caller|#)\b|#",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;!?\n/]|\s[-–]\s|,\s")
_ELLIPSIS = re.compile(r"(?:\.{2,}|…|(?:[xX*#?]{2,}[\-. ]?)+)([0-9]{2,4})(?![0-9\w])")
_INTERRUPTED = re.compile(
    r"(?<![0-9])(\(?[2-9][0-9]{2}\)?[ .\-]?[0-9]{3})\s*(?:\.{2,}|…)[^0-9\n]{1,60}?(?:\.{2,}|…)\s*"
    r"([0-9]{4})(?![0-9])"
)
"""A number broken by an aside: "778-555... hang on fat thumbs ...0136"."""
_THEN_REST = re.compile(
    r"(?<![0-9])(\(?[2-9][0-9]{2}\)?[ .\-]?[2-9][0-9]{2})[.,]?\s+"
    r"(?:then|and\s+then|and|rest\s+(?:is|was))"
    r"[\s:,]+([0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
"""A number given in two goes: "Number he gave was 639-555. Then 0112."."""
_SPLIT_AREA_CODE = re.compile(
    r"(?<![\w$+.])([2-9] [0-9] ?[0-9]|[2-9][0-9] [0-9])"
    r"(?=[ .\-][2-9][0-9]{2}[ .\-]?[0-9]{4}(?![0-9]))"
)
"""An area code dictated in pieces ("4 31 555 0186")."""


def _joined_area_code(match: re.Match[str]) -> str:
    return match.group(1).replace(" ", "")


_SHORT_COLUMNS = frozenset({"aggressor_phone", "aggressor_contact", "plate"})
"""Columns of a few words, where a line break inside a number is only wrapping
("672 555\n01 54")."""
_PLATE_WORDS = re.compile(r"\b(?:plates?|licen[cs]e|lic|tags?|reg|registration)\b", re.IGNORECASE)
_OWN_BEFORE = re.compile(
    r"(?:(?<!\bin\s)\bmy\s+(?:own\s+)?(?:cell|number|phone|#|num|contact|mobile|digits)"
    r"(?!\s+(?:showed|shows|said|says|displayed|read|reads|lit\s+up|rang|buzzed|screen|log|as|"
    r"caller|call\s+log))|"
    r"\b(?:text|call|reach|contact|txt|phone|ring)\s+me\s*(?:back\s*)?(?:at|on|@|:)?|"
    r"\bcall\s+me\s+back|\bi\s+can\s+be\s+reached|\breach\s+me|\bme\s+at\s*$|"
    r"\b(?:reporter|rptr|caller|worker)'?s?\s+(?:own\s+)?(?:number|phone|cell|contact|#)|"
    r"\b(?:reporter|rptr|caller|worker|she|they)\s+can\s+be\s+reached|"
    r"\bcall\s+(?:the\s+)?(?:reporter|rptr|caller|her|them)\s+back|"
    r"\bcontact\s+(?:me|info)|\b(?:reach|call|text|txt|contact)\s+(?:her|them)\s*(?:back\s*)?"
    r"(?:at|on|@|:)|\b(?:call|text|txt)\s*back\s*(?:number|#|no\.?|num)?|\bher\s+(?:own\s+)?(?:number|cell|#)\s*(?:is|:|=|-)|"
    r"\b(?:mine|my\s+#)\s+is|\bmine\s*[:=\-]|\bmi\s+n[úu]mero(?:\s+es)?|"
    r"\bif\s+(?:anyone|anybody|someone)\s+needs?\s+(?:to\s+(?:reach|call|text)\s+)?(?:her|them)|"
    r"\bmon\s+num[ée]ro(?:\s+(?:est|c'est))?)[^.!?\n0-9]{0,25}$|^[ \t|>\-]*me[ \t]*[:\-]?[ \t]*$",
    re.IGNORECASE,
)
_AGGRESSOR_SAID = re.compile(
    r"\b(?:he|they|aggressor|guy|client|man|dude)\s+(?:said|says|told\s+\w+|tells\s+\w+|wrote|"
    r"texted|asked|goes|went)\b[^.!?\n0-9]{0,20}$|\btold\s+(?:me|her)\s+to\s*$",
    re.IGNORECASE,
)
_HIS_SIDE = re.compile(r"\b(?:from|by|him|his|he)\b", re.IGNORECASE)
_OWN_AFTER = re.compile(
    r"\s*[(\-,]?\s*(?:no\s*[-–,:]?\s*)?(?:that'?s\s+|this\s+is\s+|is\s+)?"
    r"(?:my\s+(?:own\s+)?(?:number|cell|phone|#)|(?:the\s+)?(?:caller|reporter|rptr|worker|her)'?s?\s+own|"
    r"mine\b|hers\b|reporter'?s?\b|for\s+me\b|if\s+you\s+need\s+me|to\s+reach\s+me|my\s+contact|"
    r"call\s+(?:her|me)\s+back)",
    re.IGNORECASE,
)
_NEXT_NUMBER = re.compile(
    r"\s*(?:own\s+)?(?:(?:number|cell|phone|contact|no\.?)\s*(?:is|:|=|-)|#|is|:|=|-|"
    r"(?:can\s+be\s+)?reached\s+(?:at|on)|at)\s*[+(]?[0-9]",
    re.IGNORECASE,
)
"""The words after a number that introduce the reporter's own next one ("PH: 672 555 0150
Reporter can be reached at 347 …", "His # 250.555.0115 My number is 658 …"): they are about
that number, not this one."""
_LETTER_O = re.compile(
    r"(?<=[0-9])[oO](?=[0-9])|(?<=[0-9]{3})[oO](?=[0-9]{2,}\b)"
    r"|(?<=[0-9oO]{3}[ .\-][0-9oO]{3}[ .\-])[oO](?=[0-9]{3}\b)"
)
"""A letter o typed for a zero inside a run of digits (``236-555-01o7``, ``250555o161``,
``4O3 555 O178``)."""
_READ_BY_A_MACHINE = re.compile(
    r"(?<![\w+])((?:\+\s?[1l][ .\-]?)?)"
    r"(\(?[0-9OIl|S]{3}\)?[ .\-]?[0-9OIl|S]{3}[ .\-]?[0-9OIl|S]{4})(?![\w|])"
)
"""A number as text recognition reads a screenshot, with O for 0, l, I or | for 1 and S for 5
(``7O5-555-Ol47``, ``+l 705-555-0l63``): repaired when at least six of its ten characters are
digits (:func:`_repaired_reading`)."""
_MISREAD_DIGITS = str.maketrans("OIl|S", "01115")
_MISREADS = frozenset("OIl|S")


def _repaired_reading(match: re.Match[str]) -> str:
    if sum(ch.isdigit() for ch in match.group(2)) < 6:
        return match.group(0)
    return match.group(0).translate(_MISREAD_DIGITS)


_MISREAD_NEXT_TO_DIGIT = re.compile(r"[0-9][OIl|S]|[OIl|S][0-9]")
_TRUNK_001 = re.compile(r"(?<![\w+])00[ .\-]?1(?=[ .\-(]{0,2}[2-9][0-9]{2})")
"""The international call prefix dialled from abroad (``0016725550190``): the same as ``+1``."""
_GROUPED = re.compile(
    r"(?<![\w$+.:/])[0-9]{1,4}"
    r"(?:(?:\)?[ .\-]|,\s*|\s*\n\s*|\s+(?:and\s+then|and|then)\s+)[0-9]{1,4}){2,9}"
    r"(?![\w$]|[.:/\-][0-9])",
    re.IGNORECASE,
)
"""Digits in unusual groups ("67 25 55 01 55", "672 555 and then 0100", "(672) 555-01 and then
11", "780 555" then "0104" on the next line, "204, 555, 01, 73"): a phone only when they make
exactly one and the words just before talk of a phone."""
_WRITTEN_NUMBER = r"(?:\+?1[\s.\-]?)?\(?[2-9][0-9]{2}\)?[\s.\-]?[0-9]{3}[\s.\-]?[0-9]{4}(?![0-9])"
"""A full number as typed (optional +1, brackets, dots, dashes or spaces between the groups)."""
_CORRECTED_NUMBER = re.compile(
    _WRITTEN_NUMBER
    + r"(?=[^0-9\n]{0,60}?\b(?:no\s+wait|wait\s+no|no\s+sorry|sorry\s+no|i\s+mean|correction|"
    r"scratch\s+that|corrected\s+(?:herself|himself|themselves|myself|it))\b[^0-9]{0,60}?[0-9])",
    re.IGNORECASE,
)
"""A number the reporter takes back ("780-555-0164, no wait, … 780-555-0146")."""
_TYPO_NUMBER = re.compile(
    _WRITTEN_NUMBER
    + r"(?=[\s,.;:!\-]{0,4}(?:sorry|oops|whoops|typo|my\s+bad)\b[^0-9\n]{0,20}?"
    + _WRITTEN_NUMBER
    + ")",
    re.IGNORECASE,
)
"""A number mistyped and typed again straight after an apology ("306-555-0118 sorry typo its
306-555-0181", "431 555 0151 oops 431 555 0155")."""
_NON_DIGIT = re.compile(r"[^0-9]")
_ANY_DIGIT = re.compile(r"[0-9]")


def phone_digits(text: str) -> str:
    """The ASCII digits of ``text`` in order (``"(250) 555-0134"`` → ``"2505550134"``)."""
    return _NON_DIGIT.sub("", text)


@lru_cache(maxsize=65536)
def canonical_phone(text: str) -> str:
    """E.164 form of one full phone number, or ``""`` when ``text`` is not a valid full number.

    North American numbers need 10 digits (an optional leading 1); others need a leading ``+``.
    Idempotent: an E.164 string maps to itself.
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 40:
        return ""
    digits = phone_digits(stripped)
    if (stripped.startswith("+") and not digits.startswith("1")) or (
        len(digits) == 11 and digits.startswith("1")
    ):
        candidate = "+" + digits
    elif len(digits) == 10:
        candidate = "+1" + digits
    else:
        return ""
    try:
        number = phonenumbers.parse(candidate, "CA")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_own(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind("\n"))
    if cut >= 0:
        before = before[cut + 1 :]
    own = _OWN_BEFORE.search(before)
    if (
        own is not None
        and not _AGGRESSOR_SAID.search(before[: own.start()])
        and not _HIS_SIDE.search(before, own.start() + 2)
    ):
        return True
    after = _OWN_AFTER.match(text, end, min(len(text), end + 40))
    return after is not None and _NEXT_NUMBER.match(text, after.end()) is None


def _ending_is_phone(text: str, start: int, end: int, digits: str) -> bool:
    """Whether an "ends in NNNN" at ``start`` talks about a phone rather than a plate."""
    if _PLATE_WORDS.search(text, start, end):
        return False
    before = text[max(0, start - 50) : start]
    clause = _CLAUSE_BREAK.split(before)
    before = clause[-1] if clause else before
    phone = [m.end() for m in _PHONE_WORDS.finditer(before)]
    plate = [m.end() for m in _PLATE_WORDS.finditer(before)]
    if plate and (not phone or plate[-1] > phone[-1]):
        return False
    return len(digits) >= 3 or bool(phone) or bool(_PHONE_WORDS.search(text, start, end))


def _scan(
    text: str,
    full: list[str],
    fragments: list[str],
    own: list[str],
    ends_allowed: bool = True,
) -> None:
    """Full numbers into ``full``, partial ones into ``fragments``, and full numbers the text
    gives as the reporter's own into ``own``."""
    taken: list[tuple[int, int]] = []
    for match in _FULL.finditer(text):
        area = match.group(1) or match.group(2)
        number = canonical_phone(area + match.group(3) + match.group(4) + match.group(5))
        if _is_own(text, match.start(), match.end()):
            taken.append(match.span())
            own.append(number)
            continue
        if number:
            full.append(number)
            taken.append(match.span())
    if " " in text:
        for match in _SPACED.finditer(text):
            number = canonical_phone(match.group(0))
            if number and _is_own(text, match.start(), match.end()):
                own.append(number)
            elif number:
                full.append(number)
                taken.append(match.span())
    if "+" in text:
        for match in _INTERNATIONAL.finditer(text):
            if _overlaps(match.span(), taken):
                continue
            number = canonical_phone(match.group(0))
            if number and not _is_own(text, match.start(), match.end()):
                full.append(number)
                taken.append(match.span())
    for match in _WILDCARD.finditer(text):
        if _overlaps(match.span(), taken) or not any(c in "xX?*_" for c in match.group(4)):
            continue
        taken.append(match.span())
        if not _is_own(text, match.start(), match.end()):
            tail = re.sub(r"[xX*_]", "?", match.group(4))
            fragments.append((match.group(1) or match.group(2)) + match.group(3) + tail)
    if ".." in text or "…" in text or "[" in text:
        for match in _CUT_OFF.finditer(text):
            marked = text.startswith("[", match.end()) or text.startswith(" [", match.end())
            if _overlaps(match.span(), taken) or not (
                marked or _CUT_OFF_CONTEXT.search(text, max(0, match.start() - 40), match.start())
            ):
                continue
            taken.append(match.span())
            if not _is_own(text, match.start(), match.end()):
                fragments.append("".join(part for part in match.groups() if part))
    for match in _SEVEN.finditer(text):
        if _overlaps(match.span(), taken):
            continue
        taken.append(match.span())
        if not _is_own(text, match.start(), match.end()):
            fragments.append(match.group(1) + match.group(2))
    if "." in text or "…" in text or "xx" in text.lower() or "**" in text or "##" in text:
        for match in _ELLIPSIS.finditer(text):
            if _overlaps(match.span(1), taken):
                continue
            digits = match.group(1)
            context = _PHONE_WORDS.search(text, max(0, match.start() - 30), match.start())
            if len(digits) < 4 and not context:
                continue
            if _ending_is_phone(text, match.start(), match.end(), digits) and not _is_own(
                text, match.start(), match.end()
            ):
                fragments.append(digits)
                taken.append(match.span())
    lowered = text.lower()
    if ends_allowed and ("block" in lowered or "former" in lowered or "old" in lowered):
        fragments.extend(
            match.group(1)
            for match in _OLD_NUMBER_END.finditer(text)
            if not _overlaps(match.span(1), taken)
        )
    if ends_allowed and ("end" in lowered or "last" in lowered):
        for match in _ENDING.finditer(text):
            digits = phone_digits(match.group(1))
            if _overlaps(match.span(1), taken) or not 2 <= len(digits) <= 7:
                continue
            if not _ending_is_phone(text, match.start(), match.end(), digits):
                continue
            if not _is_own(text, match.start(), match.end()):
                fragments.append(digits)


_DIGIT_WORDS = {"oh": "0", "o": "0"} | NUMBER_WORDS | MISSPELT_DIGITS | FOREIGN_DIGITS
_SOUNDS_LIKE = SOUNDALIKE_DIGITS
"""What voice-to-text writes for a spoken digit ("778 555 01 to five"); read as digits only
inside a run of digits and digit words that then makes a whole phone number."""
_NUMBER_WORDS = frozenset({*_DIGIT_WORDS, *TENS, *TEENS})
_ANY_DIGIT_WORD = "|".join(
    sorted({*_DIGIT_WORDS, *_SOUNDS_LIKE, *TENS, *TEENS}, key=len, reverse=True)
)
_SPELLED = re.compile(
    rf"\b(?:(?:{_ANY_DIGIT_WORD}|double|triple|[0-9]{{1,4}})"
    r"(?:[\s,.\-()]+(?:(?:um+|uh+|er+m?)[\s,.\-]+)?|$)){3,}",
    re.IGNORECASE,
)
"""A run of digit words or short digit groups, a spoken "um" or "uh" allowed between them (a
voicemail transcript: "two three six um five five five zero one nine eight")."""
_SPOKEN_PAUSE = re.compile(r"\b(?:um+|uh+|er+m?)\b|[.;!?]\s", re.IGNORECASE)
"""Where a run read across an "um" or a full stop is no number, the number may end there ("… oh
one fifty one uh four three one is like Manitoba", "… zero one zero two. Three 20s, all
fake")."""
_SPELLED_HINT = re.compile(
    rf"\b(?:[0-9]{{1,4}}|{'|'.join(w for w in _DIGIT_WORDS if w != 'o')})[\s,.\-()]+"
    rf"(?:{_ANY_DIGIT_WORD})\b",
)
"""Two digits or digit words in a row, searched in lower-case text (a case-blind search of this
many words costs four times as much)."""


def _spelled_digits(words: str) -> str:
    """The digits of a run of digit words; a sound-alike word at either end is left out unless
    the number is whole only with it ("his fone is to fife oh, fife fife fife, oh one won oh")."""
    tokens = [word for word in re.split(r"[\s,.\-()]+", words.lower()) if word]
    start, end = 0, len(tokens)
    while start < end and tokens[start] in _SOUNDS_LIKE:
        start += 1
    while end > start and tokens[end - 1] in _SOUNDS_LIKE:
        end -= 1
    trimmed = _digits_of(tokens[start:end])
    if canonical_phone(trimmed) or (start == 0 and end == len(tokens)):
        return trimmed
    for first, last in ((0, end), (start, len(tokens)), (0, len(tokens))):
        digits = _digits_of(tokens[first:last])
        if canonical_phone(digits):
            return digits
    return trimmed


def _digits_of(tokens: list[str]) -> str:
    digits: list[str] = []
    repeat = 1
    after_tens = False
    for word in tokens:
        if word in ("double", "triple"):
            repeat = 2 if word == "double" else 3
            after_tens = False
            continue
        value = _DIGIT_WORDS.get(word) or _SOUNDS_LIKE.get(word, word if word.isdigit() else "")
        if after_tens and len(value) == 1 and value != "0":
            digits[-1] = digits[-1][0] + value
        elif word in TENS or word in TEENS:
            digits.append(TENS[word] + "0" if word in TENS else TEENS[word])
        else:
            digits.append(value * repeat if len(value) == 1 else value)
        after_tens = word in TENS
        repeat = 1
    return "".join(digits)


def _scan_spelled(text: str, full: list[str]) -> None:
    """Numbers written out in words, whole or in part: "two five zero, five five five, zero one
    three four", "250 555 01 seven eight"."""
    if _SPELLED_HINT.search(text.lower()) is None:
        return
    for match in _SPELLED.finditer(text):
        words = match.group(0)
        if not any(w.lower() in _NUMBER_WORDS for w in re.findall(r"[A-Za-z]+", words)):
            continue
        number = canonical_phone(_spelled_digits(words))
        pauses = list(_SPOKEN_PAUSE.finditer(words)) if not number else []
        for pause in pauses:
            number = canonical_phone(_spelled_digits(words[: pause.start()]))
            if number:
                break
        if number and number not in full and not _is_own(text, match.start(), match.end()):
            full.append(number)


def _scan_grouped(text: str, full: list[str], is_phone_column: bool) -> None:
    if not is_phone_column and not _PHONE_WORDS.search(text):
        return
    for match in _GROUPED.finditer(text):
        digits = phone_digits(match.group(0))
        if len(digits) not in (10, 11):
            continue
        number = canonical_phone(digits)
        if not number or number in full:
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if not is_phone_column and not _PHONE_WORDS.search(before):
            continue
        if not _is_own(text, match.start(), match.end()):
            full.append(number)


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _redundant(fragment: str, numbers: list[str]) -> bool:
    """Whether a full number found too ends with ``fragment``, or starts with it when it is the
    start of a number cut off (:data:`_CUT_OFF`, eight or nine digits)."""
    pattern = fragment.replace("?", ".")
    return any(
        re.search(pattern + "$", number[2:])
        or (len(fragment) >= 8 and number[2:].startswith(fragment))
        for number in numbers
    )


_COLUMN_IS_OWN = re.compile(
    r"\b(?:the\s+)?(?:number|#|phone(?:\s+number)?|cell)\s+(?:in|on)\s+the\s+(?:\w+\s+){0,2}"
    r"(?:box|field|column|line|slot|space)\s+(?:is|was)\s+(?:(?:my|her|their)\s+own|mine|hers|"
    r"(?:the\s+)?(?:reporter|caller|worker)'?s(?:\s+own)?|[A-Z]'?s\s+own)\b"
    r"|\b(?:the\s+)?(?:number|#|phone(?:\s+number)?)\s+above\s+is\s+(?:(?:my|her)\s+own|mine|hers)\b",
    re.IGNORECASE,
)
"""The story says the number typed in the phone box is the reporter's ("the number in the phone
box is A's own, she wants a call back"): it is left out."""


_OWN_HINT = re.compile(r"own|mine|hers", re.IGNORECASE)
"""A word :data:`_COLUMN_IS_OWN` needs, looked for first because it is rare."""


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """``phones`` and ``phone_fragments`` (``;``-joined) from every free-text column. A number
    the report gives anywhere as the reporter's own is left out wherever else it appears."""
    full: list[str] = []
    fragments: list[str] = []
    own: list[str] = []
    story = report.get("what_happened", "")
    if report.get("aggressor_phone") and _OWN_HINT.search(story) and _COLUMN_IS_OWN.search(story):
        _scan(report["aggressor_phone"], own, [], [], ends_allowed=False)
    for column in TEXT_COLUMNS:
        text = report.get(column, "")
        if not text:
            continue
        if _ANY_DIGIT.search(text):
            if column in _SHORT_COLUMNS and "\n" in text:
                text = text.replace("\n", " ")
            if "o" in text or "O" in text:
                text = _LETTER_O.sub("0", text)
            if _MISREAD_NEXT_TO_DIGIT.search(text):
                text = _READ_BY_A_MACHINE.sub(_repaired_reading, text)
            if "." in text or "…" in text:
                text = _INTERRUPTED.sub(r"\1-\2", text)
            if "hen" in text or "and" in text or "rest" in text:
                text = _THEN_REST.sub(r"\1-\2", text)
            text = _SPLIT_AREA_CODE.sub(_joined_area_code, text)
            if "00" in text:
                text = _TRUNK_001.sub("+1 ", text)
            if "wait" in text or "mean" in text or "correct" in text or "scratch" in text:
                text = _CORRECTED_NUMBER.sub(" ", text)
            if "sorry" in text or "oops" in text or "typo" in text or " bad" in text:
                text = _TYPO_NUMBER.sub(" ", text)
            _scan(text, full, fragments, own, ends_allowed=column != "plate")
            _scan_grouped(text, full, column in _SHORT_COLUMNS)
        _scan_spelled(text, full)
    if " one is " in story or " number is " in story:
        own.extend(_owned_by_part(full, story))
    if own:
        full = [number for number in full if number not in own]
    fragments = [f for f in fragments if not _redundant(f, full)]
    return {"phones": join_list(full), "phone_fragments": join_list(fragments)}


_OWN_BY_PART = re.compile(
    r"\bthe\s+([0-9]{3,4})\s+(?:one|number)\s+is\s+(?:me|mine|hers|my\s+(?:own\s+)?(?:number|phone|cell))\b",
    re.IGNORECASE,
)
"""The reporter's own number pointed out by its area code or its end in a pasted thread ("the
873 one is me", "the 0140 number is mine")."""


def _owned_by_part(numbers: list[str], story: str) -> list[str]:
    """The one number a part points out, when it points out exactly one and another number is
    left for him ("the 250 one is mine, his is 250-555-0143" points out none)."""
    owned = []
    for match in _OWN_BY_PART.finditer(story):
        part = match.group(1)
        where = slice(-10, -7) if len(part) == 3 else slice(-4, None)
        pointed = [number for number in dict.fromkeys(numbers) if number[where] == part]
        if len(pointed) == 1 and len(set(numbers)) > 1:
            owned += pointed
    return owned


def without_reporter_numbers(phones: str, reporter_contact: str) -> str:
    """``phones`` (a ``;``-joined cell) minus any number found in the reporter's own contact.

    For the pipeline step that may see ``reporter_contact`` (extractors never do): a reporter
    sometimes types their own number into ``aggressor_phone`` by mistake.
    """
    if not phones or not reporter_contact:
        return phones
    own_set = {canonical_phone(reporter_contact)}
    for pattern in (_FULL, _SPACED, _INTERNATIONAL):
        own_set.update(
            canonical_phone(match.group(0)) for match in pattern.finditer(reporter_contact)
        )
    return join_list(number for number in phones.split(";") if number and number not in own_set)

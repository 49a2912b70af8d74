"""A plate told by its format and a character or two, with no characters written as a plate.

"Plate: BC, 3 letters then 3 numbers, started with a Y" → ``Y?????``; "the three letters then three
numbers kind, the first letter was a W" → ``W?????``; "3 letters 3 numbers, I only got the middle
letter was a Q" → ``?Q????``. The format fixes the length, so each unknown character is a ``?``.
Read only when nothing else in the report looks like a plate.
"""

from __future__ import annotations

import re

_COUNT = r"(?:three|3)"
_LETTERS = r"letters?"
_NUMBERS = r"(?:numbers?|digits?|#s?)"
_JOIN = r"\s*(?:,|\+|and|then|followed\s+by|and\s+then)?\s*"
_FORMAT = re.compile(
    rf"\b{_COUNT}\s+(?:(?P<letters_first>{_LETTERS})|{_NUMBERS}){_JOIN}{_COUNT}\s+"
    rf"(?(letters_first){_NUMBERS}|{_LETTERS})\b",
    re.IGNORECASE,
)
_CHARACTER = r"(?:an?\s+)?[\"'“]?([A-Za-z0-9])\b(?![\"'”]?\s*(?:letter|number|digit))"
_FIRST = re.compile(
    rf"\b(?:start(?:s|ed|ing)?|began|begins?|first\s+(?:letter|one|character|number|digit)"
    rf"(?:\s+(?:was|is))?)\s+(?:with\s+)?{_CHARACTER}",
    re.IGNORECASE,
)
_MIDDLE_LETTER = re.compile(
    rf"\bmiddle\s+(?:letter|one)(?:\s+(?:was|is))?\s+{_CHARACTER}", re.IGNORECASE
)
_LAST = re.compile(
    rf"\b(?:end(?:s|ed)?\s+(?:with|in)|last\s+(?:letter|one|character|number|digit)"
    rf"(?:\s+(?:was|is))?)\s+{_CHARACTER}",
    re.IGNORECASE,
)
_NEARBY = 140


def plate_from_format(text: str) -> str:
    """The plate pattern a format and named characters give, or ``""``."""
    form = _FORMAT.search(text)
    if form is None:
        return ""
    window = text[max(0, form.start() - _NEARBY) : form.end() + _NEARBY]
    letters_first = form.group("letters_first") is not None
    slots = ["?"] * 6
    letter_span = range(0, 3) if letters_first else range(3, 6)
    for pattern, position in (
        (_FIRST, 0),
        (_MIDDLE_LETTER, letter_span[1]),
        (_LAST, 5),
    ):
        found = pattern.search(window)
        if found is None:
            continue
        character = found.group(1).upper()
        wants_letter = position in letter_span
        if character.isalpha() != wants_letter:
            continue
        slots[position] = character
    plate = "".join(slots)
    return "" if plate == "??????" else plate

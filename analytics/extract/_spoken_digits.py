"""Digits said aloud and written down: the words, their misspellings and their sound-alikes.

Shared by the phone reader and the two plate readers, so "to fife oh, fife fife fife" and "el
aych thre ate too vee" are read the same way wherever they turn up.
"""

from __future__ import annotations

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
MISSPELT_DIGITS = {
    "zeero": "0", "wun": "1", "thre": "3", "tree": "3", "fower": "4", "fowr": "4", "fife": "5",
    "fiv": "5", "fyve": "5", "fyv": "5", "sicks": "6", "sixx": "6", "sevn": "7", "sevin": "7",
    "sevan": "7", "eigth": "8", "eigt": "8", "ait": "8", "nien": "9", "nyne": "9", "niner": "9",
}  # fmt: skip
"""Ways people write a digit word when spelling by ear; none is an everyday English word."""
SOUNDALIKE_DIGITS = {"to": "2", "too": "2", "for": "4", "fore": "4", "won": "1", "ate": "8"}
"""Everyday words that voice-to-text or spelling by ear writes for a digit: a digit only
between other characters of a number or plate."""
FOREIGN_DIGITS = {
    "zéro": "0", "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "sept": "7",
    "huit": "8", "neuf": "9", "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4",
    "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}  # fmt: skip
"""French and Spanish digit words, for numbers read out in the reporter's own language; a
phone only where a whole run of them makes one."""
TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5", "sixty": "6",
    "seventy": "7", "eighty": "8", "ninety": "9",
}  # fmt: skip
"""Tens said as a number ("oh one thirty four"): the tens digit, then the unit word or 0."""
TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
JAPANESE_DIGITS = {
    "zero": "0", "rei": "0", "ichi": "1", "ni": "2", "san": "3", "yon": "4", "go": "5",
    "roku": "6", "nana": "7", "hachi": "8", "kyuu": "9", "kyu": "9",
}  # fmt: skip
"""Japanese digits in romaji, for a plate memorised in Japanese ("go ichi zero"): read in plates
only, where a run of spelled characters follows a plate keyword."""

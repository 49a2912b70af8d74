"""The many reporter voices: how one set of facts becomes an intake row.

Each fact goes into its structured column or, left for the narrative, into ``what_happened`` as
one of the voices of ``voices`` writes it: terse outreach-van notes, long first-person online
submissions, quick online posts, staff shorthand, staff prose from phone and in-person intake,
emails, third-party reports and entries copied from another agency's sheet. Then the writer's
habits: typos, text-speak, caps lock, no punctuation, emoji, a little
French. Typos and abbreviations touch only the template words, never a phone, plate, name, vehicle
or place, so the truth of a row never depends on them.
"""

from __future__ import annotations

import random
import re

from analytics.synth.draw import pick
from analytics.synth.facts import Facts
from analytics.synth.voices import VOICES

FILL: dict[str, float] = {
    "terse": 0.12,
    "online": 0.45,
    "online_short": 0.3,
    "shorthand": 0.65,
    "staff": 0.45,
    "email": 0.04,
    "third_party": 0.3,
    "sheet": 0.2,
}
"""How often each voice puts a fact in its structured column rather than the narrative."""


def _typo(word: str, rng: random.Random) -> str:
    spot = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.35:
        return word[:spot] + word[spot + 1] + word[spot] + word[spot + 2 :]
    if kind < 0.7:
        return word[:spot] + word[spot + 1 :]
    if kind < 0.85:
        return word[:spot] + word[spot] + word[spot:]
    return word[:spot] + pick(rng, "aeiourstn") + word[spot + 1 :]


_SHORT: dict[str, tuple[str, ...]] = {
    "you": ("u",),
    "your": ("ur",),
    "with": ("w/", "w"),
    "before": ("b4",),
    "and": ("&", "n"),
    "about": ("abt",),
    "because": ("bc", "cuz"),
    "people": ("ppl",),
    "minutes": ("mins",),
    "really": ("rly", "realy"),
    "please": ("pls", "plz"),
    "though": ("tho",),
    "didn't": ("didnt",),
    "wouldn't": ("wouldnt",),
    "couldn't": ("couldnt",),
    "don't": ("dont",),
    "I'm": ("im", "Im"),
    "he's": ("hes",),
    "around": ("arnd", "round"),
    "something": ("smth", "somethin"),
    "tonight": ("2nite",),
    "to": ("2",),
    "for": ("4",),
}


def roughen(template: str, rng: random.Random, typo_rate: float, short_rate: float) -> str:
    """Typos and text-speak on the template words; ``{placeholders}`` are left alone."""
    if typo_rate <= 0 and short_rate <= 0:
        return template
    words = template.split(" ")
    for i, word in enumerate(words):
        if "{" in word:
            continue
        if short_rate and word in _SHORT and rng.random() < short_rate:
            words[i] = pick(rng, _SHORT[word])
        elif typo_rate and len(word) > 3 and word.isalpha() and rng.random() < typo_rate:
            words[i] = _typo(word, rng)
    return " ".join(words)


_PUNCT = re.compile(r"[.,!;](?=\s|$)")
EMOJI: tuple[str, ...] = ("😡", "⚠️", "🚩", "😢", "🙏", "‼️", "😠", "💔", "🚨")


def habits(text: str, rng: random.Random, voice: str) -> str:
    """Case, punctuation and emoji habits of the writer (never changes what a reader extracts)."""
    if voice in ("online", "online_short", "third_party", "email"):
        roll = rng.random()
        if roll < 0.05:
            text = text.upper()
        elif roll < 0.3:
            text = text.lower()
        if rng.random() < 0.15:
            text = _PUNCT.sub("", text)
        if rng.random() < 0.12:
            mark = pick(rng, EMOJI)
            text = f"{mark} {text}" if rng.random() < 0.4 else f"{text} {mark}{mark}"
    elif voice == "terse" and rng.random() < 0.6:
        text = text.lower()
    return text


def place_into(rng: random.Random, f: Facts, row: dict[str, str]) -> set[str]:
    """Put facts in their structured columns; returns the names of facts still to narrate."""
    fill = FILL[f.voice]
    left: set[str] = set()
    pairs = (
        ("desc", "aggressor_description"),
        ("veh", "vehicle"),
        ("plate", "plate"),
        ("phone", "aggressor_phone"),
        ("name", "aggressor_name"),
        ("handle", "aggressor_contact"),
        ("date", "incident_date"),
        ("time", "incident_time"),
    )
    for fact, column in pairs:
        value = getattr(f, fact)
        if not value:
            continue
        if rng.random() < fill:
            row[column] = value
            if rng.random() < 0.12:
                left.add(fact)
        else:
            left.add(fact)
    if f.place:
        if rng.random() < fill + 0.15:
            row["location"] = (
                f"{f.pickup} -> {f.place}"
                if f.pickup and rng.random() < 0.5
                else f.place
                if not f.pickup
                else f"pickup {f.pickup}, dropoff {f.place}"
            )
        else:
            left.add("place")
    if f.tags and rng.random() < fill:
        row["incident_types"] = f.tags
    return left


def compose(rng: random.Random, f: Facts, typo_rate: float) -> dict[str, str]:
    """Write one report: the structured columns chosen by the voice plus ``what_happened``."""
    row: dict[str, str] = {}
    left = place_into(rng, f, row)
    voice = f.voice
    template = VOICES[voice](rng, f, left)
    short_rate = 0.5 if voice in ("terse", "online_short") else 0.1 if voice == "online" else 0.0
    template = roughen(template, rng, typo_rate, short_rate)
    if f.female:
        template = _she(template)
    text = template.format(
        veh=f.veh,
        veh_a=_with_article(f.veh),
        plate=f.plate,
        desc=f.desc,
        phone=f.phone,
        name=f.name,
        handle=f.handle,
        place=f.place,
        pickup=f.pickup,
        date=f.date,
        time=f.time,
        o=f.o,
        p=f.p,
        s=f.s,
    )
    row["what_happened"] = habits(text, rng, voice)
    return row


def _with_article(phrase: str) -> str:
    if not phrase or phrase.lower().startswith(("some ", "a ", "an ")):
        return phrase
    return ("an " if phrase[0].lower() in "aeio" else "a ") + phrase


_HE = re.compile(r"\b(He|he|His|his|him|himself|guy|man)\b")
_SHE = {
    "He": "She",
    "he": "she",
    "His": "Her",
    "his": "her",
    "him": "her",
    "himself": "herself",
    "guy": "woman",
    "man": "woman",
}


def _she(text: str) -> str:
    return _HE.sub(lambda m: _SHE[m.group(0)], text)

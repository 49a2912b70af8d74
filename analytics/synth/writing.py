"""The many reporter voices: how one set of facts becomes an intake row.

A voice decides which facts go into their structured column and writes the rest into
``what_happened``: terse outreach-van notes, long first-person online submissions, quick online
posts, staff shorthand, staff prose from phone and in-person intake, emails, and third-party
reports. Then the writer's habits: typos, text-speak, caps lock, no punctuation, emoji, a little
French. Typos and abbreviations touch only the template words, never a phone, plate, name, vehicle
or place, so the truth of a row never depends on them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from analytics.synth.draw import pick

STRUCTURED_FIELDS: tuple[str, ...] = (
    "aggressor_description",
    "vehicle",
    "plate",
    "aggressor_phone",
    "aggressor_name",
    "aggressor_contact",
    "location",
    "incident_types",
    "incident_date",
    "incident_time",
)

FILL: dict[str, float] = {
    "terse": 0.12,
    "online": 0.45,
    "online_short": 0.3,
    "shorthand": 0.65,
    "staff": 0.45,
    "email": 0.04,
    "third_party": 0.3,
}
"""How often each voice puts a fact in its structured column rather than the narrative."""


@dataclass(slots=True)
class Facts:
    voice: str
    o: str = "me"
    p: str = "my"
    s: str = "I"
    harm_full: list[str] = field(default_factory=list)
    harm_terse: list[str] = field(default_factory=list)
    tags: str = ""
    desc: str = ""
    veh: str = ""
    plate: str = ""
    phone: str = ""
    name: str = ""
    name_frame: str = ""
    handle: str = ""
    place: str = ""
    pickup: str = ""
    sector_word: str = ""
    encounter: str = ""
    date: str = ""
    time: str = ""
    own: str = ""
    female: bool = False
    encounter_used: bool = False


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


def _place_into(rng: random.Random, f: Facts, row: dict[str, str]) -> set[str]:
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


def _join_harms(rng: random.Random, phrases: list[str], sentences: bool = True) -> str:
    if len(phrases) == 1:
        return phrases[0]
    if rng.random() < 0.5:
        return ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return ". He ".join(phrases) if sentences and rng.random() < 0.5 else ", ".join(phrases)


def _terse(rng: random.Random, f: Facts, left: set[str]) -> str:
    parts: list[str] = []
    if "veh" in left:
        parts.append("{veh}")
    if "plate" in left:
        parts.append(pick(rng, ("{plate}", "plate {plate}", "plt {plate}", "lic {plate}")))
    if "desc" in left:
        parts.append("{desc}")
    if "place" in left:
        if f.pickup:
            parts.append(
                pick(
                    rng,
                    (
                        "pu {pickup} -> {place}",
                        "picked up {pickup}, took her to {place}",
                        "from {pickup} to {place}",
                    ),
                )
            )
        else:
            parts.append(pick(rng, ("{place}", "@ {place}", "at {place}", "near {place}")))
    parts.extend(f.harm_terse)
    if "phone" in left:
        parts.append(pick(rng, ("ph {phone}", "# {phone}", "{phone}", "cell {phone}")))
    if "name" in left:
        parts.append(pick(rng, ("said {name}", "'{name}'", "name {name}", "calls himself {name}")))
    if "handle" in left:
        parts.append("{handle}")
    if "date" in left:
        parts.insert(0, "{date}")
    if "time" in left:
        parts.insert(1 if "date" in left else 0, "{time}")
    head = parts[:2]
    tail = parts[2:]
    rng.shuffle(tail)
    return pick(rng, (", ", ", ", " / ", ". ", " - ", " ")).join(head + tail)


def _when(rng: random.Random, left: set[str]) -> str:
    if "date" in left and "time" in left:
        return pick(rng, ("{date} {time}", "{date} at {time}", "{date}, {time},"))
    if "date" in left:
        return "{date}"
    if "time" in left:
        return pick(rng, ("at {time}", "{time}", "around {time}"))
    return ""


def _first_person(rng: random.Random, f: Facts, left: set[str], short: bool) -> str:
    out: list[str] = []
    when = _when(rng, left)
    opening = pick(
        rng,
        (
            "",
            "",
            "Bad date.",
            "I want to report a bad date.",
            "Posting so other girls stay safe.",
            "Warning!!",
            "Bad date report:",
            "Please put this on the sheet.",
            "This guy is dangerous.",
        ),
    )
    if opening and not short:
        out.append(opening)
    if "place" in left and f.pickup:
        meet = pick(
            rng,
            (
                "he picked {o} up at {pickup} and drove to {place}.",
                "picked {o} up on {pickup}, drove {o} to {place}.",
                "he picked {o} up near {pickup}, then we went to {place}.",
                "pick up was {pickup}, he took {o} to {place}.",
            ),
        )
    elif "place" in left:
        meet = f.encounter + pick(
            rng, (" at {place}.", " near {place}.", " by {place}.", " ({place}).")
        )
        f.encounter_used = True
    else:
        meet = f.encounter + "."
        f.encounter_used = True
    if when:
        meet = (
            (when + " " + meet[0].lower() + meet[1:])
            if rng.random() < 0.6
            else meet + " It was " + when + "."
        )
    out.append(meet[0].upper() + meet[1:])
    if "veh" in left:
        out.append(
            pick(
                rng,
                (
                    "He was driving a {veh}.",
                    "He drives a {veh}.",
                    "Car: {veh}.",
                    "He had a {veh}.",
                    "Vehicle was a {veh}.",
                ),
            )
        )
    if "plate" in left:
        out.append(
            pick(
                rng,
                (
                    "Plate {plate}.",
                    "plate was {plate}.",
                    "Got part of the plate: {plate}.",
                    "License {plate}.",
                    "Lic plate: {plate}",
                ),
            )
        )
    if "desc" in left:
        out.append(
            pick(
                rng,
                (
                    "He was a {desc}.",
                    "Description: {desc}.",
                    "{desc}.",
                    "He's {desc}.",
                    "Looks like: {desc}.",
                ),
            )
        )
    out.append("He " + _join_harms(rng, f.harm_full) + ".")
    if "name" in left:
        out.append(
            "He " + f.name_frame + "."
            if f.name_frame.startswith(("said", "called", "goes", "calls", "named"))
            else "Name: " + f.name_frame + "."
        )
    if "phone" in left:
        out.append(
            pick(
                rng,
                (
                    "His number is {phone}.",
                    "He texted {o} from {phone}.",
                    "Number: {phone}",
                    "His # {phone}.",
                    "He called from {phone}.",
                ),
            )
        )
    if "handle" in left:
        out.append(
            pick(
                rng,
                (
                    "He contacted {o} as {handle}.",
                    "His account: {handle}.",
                    "He messaged {o}, {handle}.",
                ),
            )
        )
    if not short:
        closing = pick(
            rng,
            (
                "",
                "",
                "Please be careful.",
                "Stay safe ladies.",
                "Watch out for this guy.",
                "He's done this to other girls too I think.",
                "I'm ok now but shaken up.",
                "Be safe everyone.",
            ),
        )
        if closing:
            out.append(closing)
    if f.own:
        out.append(f.own)
    return " ".join(out)


def _shorthand(rng: random.Random, f: Facts, left: set[str]) -> str:
    keys = {
        "desc": ("AGG: {desc}", "Agg desc: {desc}", "DESC: {desc}", "Desc - {desc}"),
        "veh": ("VEH: {veh}", "Veh: {veh}", "car - {veh}"),
        "plate": ("PLT: {plate}", "plate: {plate}", "Lic {plate}"),
        "phone": ("PH: {phone}", "Ph#: {phone}", "cell: {phone}"),
        "name": ("NAME: {name}", "AKA {name}", "Name given: {name}"),
        "handle": ("ONLINE: {handle}", "contact: {handle}"),
        "place": ("LOC: {place}", "Loc: {place}", "Where: {place}"),
        "date": ("DATE: {date}", "Date {date}"),
        "time": ("TIME: {time}", "@ {time}", "time {time}"),
    }
    parts: list[str] = []
    if rng.random() < 0.4:
        parts.append(
            pick(rng, ("Rptr states", "Rptr reports", "Per rptr"))
            + " "
            + _join_harms(rng, f.harm_terse, sentences=False)
            + "."
        )
    else:
        parts.append(pick(rng, ("INC: ", "What: ", "Incident - ")) + ", ".join(f.harm_terse))
    for fact in ("desc", "veh", "plate", "phone", "name", "handle", "place", "date", "time"):
        if fact in left:
            if fact == "place" and f.pickup:
                parts.append("PU {pickup}, DO {place}")
            else:
                parts.append(pick(rng, keys[fact]))
    if f.own:
        parts.append(f.own)
    return pick(rng, (". ", ". ", " / ", "\n", "; ")).join(parts)


def _staff(rng: random.Random, f: Facts, left: set[str]) -> str:
    out = [
        pick(
            rng,
            (
                "Rptr states",
                "Caller reports",
                "Reporter says",
                "Rptr advised",
                "Caller states",
                "Per caller,",
            ),
        )
    ]
    body = f.encounter
    f.encounter_used = not (f.pickup and "place" in left)
    if "place" in left:
        body = (
            "he picked {o} up at {pickup} and drove to {place}"
            if f.pickup
            else body + pick(rng, (" at {place}", " near {place}", " around {place}"))
        )
    when = _when(rng, left)
    if when:
        body += " " + when
    if "desc" in left:
        body += pick(rng, (". Aggressor described as {desc}", ". Agg is {desc}", ". {desc}"))
    if "veh" in left:
        body += pick(rng, (", driving a {veh}", ". Vehicle: {veh}", ", in a {veh}"))
    if "plate" in left:
        body += pick(rng, (", plate {plate}", ". Partial plate {plate}", " ({plate})"))
    out.append(body + ".")
    out.append("He " + _join_harms(rng, f.harm_full) + ".")
    if "name" in left:
        out.append("Aggressor " + f.name_frame + ".")
    if "phone" in left:
        out.append(
            pick(rng, ("Aggressor's number {phone}.", "He used {phone}.", "Texted from {phone}."))
        )
    if "handle" in left:
        out.append("Online: {handle}.")
    if f.own:
        out.append(f.own)
    return " ".join(out)


def _third_party(rng: random.Random, f: Facts, left: set[str]) -> str:
    opener = pick(
        rng,
        (
            "My friend told me",
            "A girl on the stroll asked me to report this:",
            "Reporting for a friend.",
            "One of the girls said",
            "My roommate had a bad date.",
            "Someone I work with said",
        ),
    )
    story = _first_person(rng, f, left, short=True)
    if not opener.endswith((".", ":")):
        story = story[0].lower() + story[1:]
    return opener + " " + story


def _email(rng: random.Random, f: Facts, left: set[str]) -> str:
    hello = pick(rng, ("Hi,", "Hello,", "Hi there,", "To whoever reads this,", "Hey Peers,"))
    bye = pick(rng, ("Thanks.", "Thank you", "Thanks for everything you do", "-", "Stay safe"))
    return f"{hello}\n{_first_person(rng, f, left, short=False)}\n{bye}"


def compose(rng: random.Random, f: Facts, typo_rate: float) -> dict[str, str]:
    """Write one report: the structured columns chosen by the voice plus ``what_happened``."""
    row: dict[str, str] = {}
    left = _place_into(rng, f, row)
    voice = f.voice
    if voice == "terse":
        template = _terse(rng, f, left)
    elif voice == "shorthand":
        template = _shorthand(rng, f, left)
    elif voice == "staff":
        template = _staff(rng, f, left)
    elif voice == "third_party":
        template = _third_party(rng, f, left)
    elif voice == "email":
        template = _email(rng, f, left)
    else:
        template = _first_person(rng, f, left, short=voice == "online_short")
    short_rate = 0.5 if voice in ("terse", "online_short") else 0.1 if voice == "online" else 0.0
    template = roughen(template, rng, typo_rate, short_rate)
    if f.female:
        template = _she(template)
    text = template.format(
        veh=f.veh,
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


_HE = re.compile(r"\b(He|he|His|his|him|himself)\b")
_SHE = {"He": "She", "he": "she", "His": "Her", "his": "her", "him": "her", "himself": "herself"}


def _she(text: str) -> str:
    return _HE.sub(lambda m: _SHE[m.group(0)], text)

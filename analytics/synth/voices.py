"""Reporter voices: each writes the facts left for the narrative as a ``what_happened`` template.

Templates keep ``{veh}`` (``{veh_a}`` with its article), ``{plate}``, ``{phone}``, ``{name}``,
``{place}`` … as placeholders so that typos and text-speak never touch a value;
``writing.compose`` fills them in last. Context
sentences ("we agreed on $150 for half an hour") add the noise real stories carry: amounts, room
numbers and feelings that are neither harms, places nor phone numbers.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from analytics.synth.draw import pick
from analytics.synth.facts import Facts


def _choices(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


OPENINGS = _choices(
    "|||Bad date.|I want to report a bad date.|Posting so other girls stay safe.|Warning!!|"
    "Bad date report:|Please put this on the sheet.|This guy is dangerous.|"
    "I never report but this one scared me.|Heads up everyone.|Sharing so nobody else gets hurt."
)
CLOSINGS = _choices(
    "||Please be careful.|Stay safe ladies.|Watch out for this guy.|"
    "He's done this to other girls too I think.|I'm ok now but shaken up.|Be safe everyone.|"
    "I don't want police involved, just want people to know.|Please share.|"
    "Thank you for the bad date sheet, it helps."
)
CONTEXT = _choices(
    "We agreed on $150 for half an hour.|He seemed normal at first.|"
    "I had a bad feeling about him from the start.|He was drunk or high on something.|"
    "He kept asking if I was a cop.|I got out at the light and ran.|"
    "It was raining so I got in without checking him out properly.|"
    "This is the second time he's done this to me.|He had booked for an hour.|"
    "We agreed on 200 for the hour.|He said he was new to town.|"
    "He was in room 412.|He told me he works construction.|He kept checking his phone.|"
    "He said he had a wife and kids.|He was really nervous the whole time.|"
    "I'm still really shaken.|He wanted to go somewhere quiet.|I've seen him around before.|"
    "Other girls have said the same about him.|He was sweet at first.|"
    "He offered $300 which was too good to be true.|I couldn't get a good look at him.|"
    "He didn't hurt me, thank god.|No violence but he was scary.|He never hit me but I was scared."
)
BACKSTORY = _choices(
    "I've been working for about six years and nothing like this has happened to me before.|"
    "He messaged me in the afternoon and seemed polite, he asked a lot of questions about rates "
    "and what I do and don't do, which I answered.|"
    "We texted back and forth for a couple of days before he booked, so I thought he was safe.|"
    "I usually screen everyone but I needed the money that week and skipped it.|"
    "At first everything was fine, we talked for a bit and he paid half up front.|"
    "I told him my rules at the start and he said no problem.|"
    "He said he had been seeing girls for years and knew how it worked.|"
    "I only work a couple nights a week and I always tell a friend where I am, which I did.|"
    "After that I left as fast as I could and went to a friend's place.|"
    "I didn't sleep at all that night and I haven't worked since.|"
    "I'm writing this so that nobody else has to go through what I did with this man.|"
    "A couple of other girls told me later they know him and he's been like this before."
)
STAFF_CONTEXT = _choices(
    "Rptr not injured.|Rptr declined medical.|Rptr shaken but safe.|Rptr has seen him before.|"
    "Rptr does not want police contact at this time.|Second report re this agg per rptr.|"
    "Rptr was referred to the drop-in.|Rptr given bad date sheet.|Rptr was offered support."
)
PICKUP_STORIES = (
    "he picked {o} up at {pickup} and drove to {place}.",
    "picked {o} up on {pickup}, drove {o} to {place}.",
    "he picked {o} up near {pickup}, then we went to {place}.",
    "pick up was {pickup}, he took {o} to {place}.",
    "got in his car at {pickup} and he drove to {place}.",
)
THIRD_PARTY_OPENERS = _choices(
    "My friend told me|A girl from the drop-in asked me to report this:|Reporting for a friend.|"
    "One of the girls said|My roommate had a bad date.|Someone I work with said|"
    "Writing this for my friend who doesn't read English well.|My co-worker said"
)


def _sentences(remarks: list[str]) -> list[str]:
    return [remark[0].upper() + remark[1:] + "." for remark in remarks]


def join_harms(rng: random.Random, phrases: list[str], sentences: bool = True) -> str:
    if len(phrases) == 1:
        return phrases[0]
    if rng.random() < 0.5:
        return ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return ". He ".join(phrases) if sentences and rng.random() < 0.5 else ", ".join(phrases)


def _when(rng: random.Random, left: set[str]) -> str:
    if "date" in left and "time" in left:
        return pick(rng, ("{date} {time}", "{date} at {time}", "{date}, {time},"))
    if "date" in left:
        return "{date}"
    if "time" in left:
        return pick(rng, ("at {time}", "{time}", "{time}"))
    return ""


def terse(rng: random.Random, f: Facts, left: set[str]) -> str:
    """Outreach-van notes: fragments, abbreviations, no sentences."""
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
    parts.extend(f.extra)
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
    head, tail = parts[:2], parts[2:]
    rng.shuffle(tail)
    return pick(rng, (", ", ", ", " / ", ". ", " - ", " ")).join(head + tail)


def first_person(rng: random.Random, f: Facts, left: set[str], short: bool = False) -> str:
    """A story told by the person it happened to (or retold by a friend)."""
    out: list[str] = []
    opening = pick(rng, OPENINGS)
    if opening and not short:
        out.append(opening)
    if "place" in left and f.pickup:
        meet = pick(rng, PICKUP_STORIES)
    else:
        meet = f.encounter
        if "place" in left:
            meet += pick(rng, (" at {place}", " near {place}", " by {place}", " ({place})"))
        meet += "."
        f.encounter_used = True
    when = _when(rng, left)
    if when:
        if rng.random() < 0.6:
            meet = when + " " + meet[0].lower() + meet[1:]
        else:
            meet += " It was " + when + "."
    out.append(meet[0].upper() + meet[1:])
    if not short:
        out.extend(rng.sample(BACKSTORY, pick(rng, (0, 0, 0, 1, 1, 2))))
        out.extend(rng.sample(CONTEXT, pick(rng, (0, 0, 1, 1, 2, 3))))
    if "veh" in left:
        out.append(
            pick(
                rng,
                (
                    "He was driving {veh_a}.",
                    "He drives {veh_a}.",
                    "Car: {veh}.",
                    "He had {veh_a}.",
                    "Vehicle was {veh_a}.",
                    "He showed up in {veh_a}.",
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
                    "I think the plate was {plate}.",
                ),
            )
        )
    if "desc" in left:
        out.append(
            pick(
                rng,
                (
                    "Description: {desc}.",
                    "{desc}.",
                    "Looks like: {desc}.",
                    "He's {desc}.",
                    "What he looks like: {desc}.",
                ),
            )
        )
    out.append("He " + join_harms(rng, f.harm_full) + ".")
    out.extend(_sentences(f.extra))
    if not short and rng.random() < 0.25:
        out.append(pick(rng, CONTEXT))
    if "name" in left:
        frame = f.name_frame
        out.append(
            "He " + frame + "."
            if frame.startswith(("said", "called", "goes", "calls", "named"))
            else "Name: " + frame + "."
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
                    "He uses {phone}.",
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
        closing = pick(rng, CLOSINGS)
        if closing:
            out.append(closing)
    if f.own:
        out.append(f.own)
    return " ".join(out)


def online_short(rng: random.Random, f: Facts, left: set[str]) -> str:
    return first_person(rng, f, left, short=True)


def shorthand(rng: random.Random, f: Facts, left: set[str]) -> str:
    """Staff shorthand typed from a phone call or a drop-in: ``AGG: WM 40s 6' hvy …``."""
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
        lead = pick(rng, ("Rptr states", "Rptr reports", "Per rptr"))
        parts.append(lead + " " + join_harms(rng, f.harm_terse, sentences=False))
    else:
        parts.append(pick(rng, ("INC: ", "What: ", "Incident - ")) + ", ".join(f.harm_terse))
    for fact in ("desc", "veh", "plate", "phone", "name", "handle", "place", "date", "time"):
        if fact in left:
            if fact == "place" and f.pickup:
                parts.append("PU {pickup}, DO {place}")
            else:
                parts.append(pick(rng, keys[fact]))
    parts.extend(f.extra)
    if rng.random() < 0.3:
        parts.append(pick(rng, STAFF_CONTEXT).rstrip("."))
    if f.own:
        parts.append(f.own.rstrip("."))
    return pick(rng, (". ", ". ", " / ", "\n", "; ")).join(parts)


def staff(rng: random.Random, f: Facts, left: set[str]) -> str:
    """Staff prose in the third person: ``Rptr states he picked her up …``."""
    lead = pick(
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
    if "place" in left and f.pickup:
        body = "he picked {o} up at {pickup} and drove to {place}"
    else:
        body = f.encounter
        f.encounter_used = True
        if "place" in left:
            body += pick(rng, (" at {place}", " near {place}", " around {place}"))
    when = _when(rng, left)
    if when:
        body += " " + when
    if "desc" in left:
        body += pick(rng, (". Aggressor described as {desc}", ". Agg is {desc}", ". {desc}"))
    if "veh" in left:
        body += pick(rng, (", driving {veh_a}", ". Vehicle: {veh}", ", in {veh_a}"))
    if "plate" in left:
        body += pick(rng, (", plate {plate}", ". Partial plate {plate}", " ({plate})"))
    out = [lead + " " + body + ".", "He " + join_harms(rng, f.harm_full) + "."]
    out.extend(_sentences(f.extra))
    if "name" in left:
        out.append("Aggressor " + f.name_frame + ".")
    if "phone" in left:
        out.append(
            pick(
                rng,
                (
                    "Aggressor's number {phone}.",
                    "He used {phone}.",
                    "Texted from {phone}.",
                    "Agg phone {phone}.",
                ),
            )
        )
    if "handle" in left:
        out.append("Online: {handle}.")
    if rng.random() < 0.4:
        out.append(pick(rng, STAFF_CONTEXT))
    if f.own:
        out.append(f.own)
    return " ".join(out)


def third_party(rng: random.Random, f: Facts, left: set[str]) -> str:
    opener = pick(rng, THIRD_PARTY_OPENERS)
    story = first_person(rng, f, left, short=True)
    if not opener.endswith((".", ":")):
        story = story[0].lower() + story[1:]
    return opener + " " + story


def email(rng: random.Random, f: Facts, left: set[str]) -> str:
    hello = pick(rng, ("Hi,", "Hello,", "Hi there,", "To whoever reads this,", "Hey Peers,"))
    bye = pick(
        rng, ("Thanks.", "Thank you", "Thanks for everything you do", "-", "- sent from my phone")
    )
    return f"{hello}\n{first_person(rng, f, left)}\n{bye}"


def sheet(rng: random.Random, f: Facts, left: set[str]) -> str:
    """An entry copied from another agency's bad date sheet: vague, careful, one line each."""
    head = pick(rng, ("BAD DATE", "AGGRESSOR WARNING", "Bad date alert", "WARNING"))
    when = " ".join(f"{{{fact}}}" for fact in ("date", "time") if fact in left)
    parts = [head + (" - " + when if when else "")]
    if "place" in left:
        parts.append("{place}")
    if "desc" in left:
        parts.append("{desc}")
    if "veh" in left:
        parts.append("{veh}" + (", plate {plate}" if "plate" in left else ""))
    elif "plate" in left:
        parts.append("plate {plate}")
    parts.append(join_harms(rng, f.harm_terse, sentences=False).capitalize())
    parts.extend(f.extra)
    if "phone" in left:
        parts.append("uses {phone}")
    if "name" in left:
        parts.append("goes by {name}")
    if "handle" in left:
        parts.append("online as {handle}")
    return " - ".join(parts) + "."


VOICES: dict[str, Callable[[random.Random, Facts, set[str]], str]] = {
    "terse": terse,
    "online": first_person,
    "online_short": online_short,
    "shorthand": shorthand,
    "staff": staff,
    "third_party": third_party,
    "email": email,
    "sheet": sheet,
}
"""Voice name → template writer."""

"""Harm done at a distance: the place named is where a meeting went fine, or never happened.

"Client booked me at the Marriott … Session fine. Two days later he messages: … unless I do two
more sessions free he'll send screenshots to my family" names the Marriott, but the harm (the
extortion, by message) happened nowhere on the map. Three things together say so:

- the narrative says the meeting was harmless or did not take place ("session fine", "the
  appointment itself was uneventful", "nothing bad happened that day", "I didn't go", "never met
  him in person", "no booking was made");
- it speaks of contact at a distance (texts, messages, DMs, emails, voicemails, calls);
- every harm it names can be done at a distance (harassment, threats, outing or extortion,
  stalking, a time waster's, a theft such as a "verification fee" scam, or none named).

Then the places named before that cue are the meeting's, not the harm's; a place named after it
("… we only ever texted. Friday he sent me a photo of my car in the Uptown parkade") is kept. When
the report says there was never a meeting at all ("fully online, I never meet anyone", "we never
met in person", "nothing has happened in person") and its harms can all be done online (those
above, a charged-back payment, a recorded show), no place it names is where harm happened: it is
where she lives or works, or where he says he does. The same holds for a follow-up to an earlier
report ("Update on Deacon: …", "Following up on my report from April", "i posted in april"), or
a report of him after she stopped seeing him ("I stopped going after February", "I told him I
wouldn't come any more"), that tells only of contact at a distance since, with no sign of him
turning up in person.
"""

from __future__ import annotations

import re

from analytics.extract.harms import harm_types_in

DONE_AT_A_DISTANCE = frozenset(
    {"harassment", "threats", "outing_extortion", "stalking", "time_waster", "theft"}
)

DONE_ONLINE = DONE_AT_A_DISTANCE | {"non_payment", "boundary_violation"}
"""Harms an online-only report can tell of besides: a charged-back payment, a recorded show."""

_NOT_ONLY_AT_FIRST = (
    r"(?!\s+(?:at\s+first|initially|to\s+start|in\s+the\s+beginning|until|till|til)\b)"
)
"""After "he was nice": not "at first", not "until" (then the meeting was not harmless)."""
_HARMLESS_OR_NO_MEETING = re.compile(
    rf"""\b(?:uneventful\b
    |(?:session|date|booking|appointment|meeting|meet|visit|hour|night|evening|everything)\s+
       (?:itself\s+)?(?:(?:was|went)\s+)?(?:totally\s+|completely\s+|perfectly\s+)?
       (?:fine|ok|okay|good|great|normal|smooth|uneventful)\b{_NOT_ONLY_AT_FIRST}
    |no\s+(?:issues|problems|trouble)\b
    |(?<!like\s)(?<!if\s)nothing\s+(?:bad\s+)?happened\b
    |he\s+was\s+(?:sweet|nice|fine|polite|lovely|respectful|a\s+gentleman)\b{_NOT_ONLY_AT_FIRST}
    |(?:i|she|he|we)\s+(?:never|didn'?t|did\s+not)\s+(?:go|went|see\s+him|meet\s+him|meet\s+up)\b
    |never\s+met\s+(?:him|them|her)\b
    |(?<!with\s)no\s+(?:booking|date|meeting|meet)\b
    |nobody\s+met\b
    |only\s+ever\s+(?:texted|messaged|talked|chatted)\b)
    |(?:^|[.!?]\s+)fine[.!]""",
    re.VERBOSE | re.MULTILINE,
)
_CONTACT_AT_A_DISTANCE = re.compile(
    r"""\b(?:text(?:s|ed|ing)?|messag\w*|dm|dm'?s|dm'?d|dming|e-?mail\w*|voicemails?|inbox\w*
    |posted|screenshots?
    |telegram|instagram|whatsapp|snapchat|blocked
    |(?:calls|called|calling)(?!\s+(?:himself|herself|themselves|me\s+a|her\s+a|him\s+a))
    |phon(?:ed|es|ing)|ringing|rang)\b""",
    re.VERBOSE,
)
_NEVER_IN_PERSON = re.compile(
    r"""\b(?:online[\s-]only|cam\s+only|only\s+online|fully\s+online
    |never\s+(?:meet|met|meets)\s+(?:anyone|anybody|in\s+person|irl|anywhere)
    |never\s+in\s+person|nothing\s+(?:has\s+)?happened\s+in\s+person
    |(?:lunch|dinner|coffee|date|meeting|booking)\s+never\s+happened)\b""",
    re.VERBOSE,
)
_FOLLOW_UP = re.compile(
    r"""\b(?:updat(?:e|ing)\s+(?:on|to|re|about|for|my|our)\b
    |following\s+up\b|follow[\s-]?up\s+(?:on|to|re|about|from)\b
    |(?:i|we)\s+(?:wrote|reported|posted|sent\s+(?:in|you))\s+(?:in\s+)?(?:about|on|re)\b
    |(?:previously|already)\s+reported\b
    |since\s+(?:i|we)\s+(?:put|reported|posted|wrote)\b
    |this\s+is\s+about\s+(?:the|that|my|a|our)\b
    |(?:i|we)\s+(?:wrote|reported|posted)\s+(?:back\s+)?in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep
       |oct|nov|dec)
    |(?:stopped|quit)\s+(?:seeing\s+him|going|coming|visiting\s+him|booking\s+him)
    |(?:wouldn'?t|won'?t|would\s+not|will\s+not)\s+(?:come|be\s+coming|see\s+him)\s+(?:any\s*more
       |again))""",
    re.VERBOSE,
)
"""A report that follows up an earlier one, or tells of him after she stopped seeing him: the
meetings were before, this tells what came after them."""
_IN_PERSON = re.compile(
    r"""\b(?:showed\s+up|shown\s+up|turned\s+up|came\s+(?:to|by|back|round|around|over)\b
    |waiting|parked|sitting|sat|standing|stood|across\s+(?:from|the\s+street)
    |outside\s+(?:my|her|his|our|the)\b|at\s+(?:my|her|our|the)\s+door
    |followed\s+(?:me|her|him|them|us)\b|knock\w*|in\s+person\b|face\s+to\s+face
    |grabbed|hit\s+(?:me|her)|punched|pushed|shoved|went\s+through\s+(?:my|her)\b
    |while\s+(?:i|she)\s+(?:was|slept)\b)""",
    re.VERBOSE,
)
"""Signs that what came after happened where she was, not by message. All these patterns are
searched in lower-case text; every alternative starts at a word boundary, so the search is cheap
on the many reports that name a place."""


_IN_PERSON_AFTER_CUE = re.compile(r"\s+(?:in\s+person|irl|face\s+to\s+face)\b")


def _past_in_person(lowered: str, end: int) -> int:
    """Where to look for signs of him there after a cue: past its own "in person" ("never met
    him in person")."""
    tail = _IN_PERSON_AFTER_CUE.match(lowered, end)
    return tail.end() if tail else end


def harmless_meeting_end(narrative: str, tags: str = "", place_stated: bool = False) -> int | None:
    """Where the cue of a harmless or missing meeting ends, when the narrative (and the report's
    ``tags``, its incident types as written) tell of harm done at a distance only; ``None``
    otherwise. Places named before the cue are not where harm happened; when the report says it
    all happened online ("online only", "we never met in person"), no place named is; so too for
    a follow-up by message only, unless the report's location column (``place_stated``) names
    where it happened."""
    lowered = narrative.lower()
    online = _NEVER_IN_PERSON.search(lowered)
    cue = _HARMLESS_OR_NO_MEETING.search(lowered)
    follow_up = (
        not place_stated
        and _FOLLOW_UP.search(lowered) is not None
        and not _IN_PERSON.search(lowered)
    )
    if online is None and cue is None and not follow_up:
        return None
    if (cue is not None or follow_up) and not _CONTACT_AT_A_DISTANCE.search(lowered):
        cue, follow_up = None, False
        if online is None:
            return None
    harms = harm_types_in(f"{narrative}\n{tags}")
    if online is not None and harms <= DONE_ONLINE:
        return len(narrative)
    if (
        cue is not None
        and harms <= DONE_AT_A_DISTANCE
        and not _IN_PERSON.search(lowered, _past_in_person(lowered, cue.end()))
    ):
        return cue.end()
    if follow_up and harms <= DONE_AT_A_DISTANCE:
        return len(narrative)
    return None

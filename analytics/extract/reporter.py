"""About the report rather than the aggressor: reporter gender, sector, channel and consents.

Gender is self-described and mapped to :data:`analytics.vocabulary.REPORTER_GENDERS` ("F" →
woman, "trans fem" → trans woman, "enby" → non-binary, "2S" → two-spirit); a description that
fits none of them is ``other``; "prefer not to say" is blank. Sector and channel map common
wordings to :data:`analytics.vocabulary.SECTORS` and :data:`analytics.vocabulary.CHANNELS`; when
the sector column is blank, an explicit word in the location or narrative ("outcall to the
Harbour Towers", "incall", "on the stroll") fills it. Consents use
:func:`analytics.intake.parse_yes_no`; an unreadable cell counts as ``no`` and adds a conflicts
note, so nothing is shared on a guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analytics.features import join_list
from analytics.intake import CONSENT_COLUMNS, YesNoError, parse_yes_no, shown_value

__all__ = ["canonical_channel", "canonical_gender", "canonical_sector", "extract"]

_WORD = re.compile(r"[a-z0-9]+")
_GENDER_BLANK = re.compile(
    r"^(?:n/?a|none|-+|\?+|unknown|unk|prefer\s+not(?:\s+to\s+(?:say|answer))?|pnts|"
    r"rather\s+not(?:\s+say)?|decline[ds]?(?:\s+to\s+(?:say|answer))?|not\s+(?:given|said|stated)|"
    r"no\s+answer|skip(?:ped)?|blank)$"
)
_TWO_SPIRIT = re.compile(r"\b(?:two[\s\-]?spirit(?:ed)?|2[\s\-]?s(?:pirit(?:ed)?)?|2slgbtq\w*)\b")
_TRANS = re.compile(r"\b(?:trans(?:gender|sexual)?|tg|ts)\b|\btrans(?=fem|masc|woman|man|girl|guy)")
_FEM = re.compile(
    r"\b(?:f|fem|femme|female|woman|women|girl|lady|w|mtf|m2f|amab|tw|transwoman|transfem|"
    r"transfemme|transgirl|she|her|she/her|tgirl|t-girl)\b|fem"
)
_MASC = re.compile(
    r"\b(?:m|masc|male|man|men|guy|boy|dude|ftm|f2m|afab|tm|transman|transmasc|transguy|he|"
    r"him|he/him)\b|masc"
)
_NON_BINARY = re.compile(
    r"\b(?:non[\s\-]?binary|nonbinary|nb|enby|genderqueer|gender\s*queer|genderfluid|"
    r"gender\s*fluid|agender|they|them|they/them|bigender|demi\w*|gnc|gender\s*non[\s\-]?conforming)\b"
)
_TRANS_FEM_WORDS = re.compile(
    r"\b(?:mtf|m2f|amab|tw|transwoman|transfem\w*|transgirl|tgirl|t-girl)\b"
)
_TRANS_MASC_WORDS = re.compile(r"\b(?:ftm|f2m|afab|transman|transmasc\w*|transguy)\b")

_SECTORS: dict[str, str] = {
    "street": "street", "streets": "street", "stroll": "street", "the stroll": "street",
    "street based": "street", "street-based": "street", "survival": "street", "track": "street",
    "outdoor": "outdoor", "outdoors": "outdoor", "outside": "outdoor", "car": "outdoor",
    "car date": "outdoor", "park": "outdoor",
    "indoor": "indoor", "indoors": "indoor", "independent": "indoor", "indie": "indoor",
    "escort": "indoor", "escorting": "indoor", "home": "indoor", "hotel": "indoor",
    "incall": "incall", "in call": "incall", "in-call": "incall", "incalls": "incall",
    "outcall": "outcall", "out call": "outcall", "out-call": "outcall", "outcalls": "outcall",
    "online": "online", "on line": "online", "internet": "online", "web": "online",
    "cam": "online", "camming": "online", "webcam": "online", "onlyfans": "online",
    "ads": "online", "online ads": "online", "sugar": "online", "sugar dating": "online",
    "agency": "agency", "escort agency": "agency", "agency escort": "agency",
    "massage": "massage", "massage parlour": "massage", "massage parlor": "massage",
    "spa": "massage", "msp": "massage", "rub and tug": "massage", "body rub": "massage",
    "studio": "massage", "parlour": "massage", "parlor": "massage",
}  # fmt: skip
_SECTOR_IN_TEXT = re.compile(
    r"\b(out[\s\-]?calls?|in[\s\-]?calls?|massage\s+(?:parlou?r|place|spa|studio)|"
    r"(?:on|working)\s+the\s+stroll|escort\s+agency)\b"
)
_CHANNELS: dict[str, str] = {
    "online": "online", "on line": "online", "web": "online", "website": "online",
    "web form": "online", "webform": "online", "form": "online", "online form": "online",
    "app": "online", "internet": "online", "site": "online",
    "in person": "in person", "in-person": "in person", "inperson": "in person",
    "walk in": "in person", "walk-in": "in person", "drop in": "in person", "drop-in": "in person",
    "office": "in person", "face to face": "in person", "person": "in person",
    "phone": "phone", "telephone": "phone", "call": "phone", "phone call": "phone",
    "phoned": "phone", "phoned in": "phone", "by phone": "phone", "voicemail": "phone",
    "text": "phone", "sms": "phone", "hotline": "phone", "phone line": "phone",
    "email": "email", "e-mail": "email", "e mail": "email", "mail": "email", "emailed": "email",
    "outreach van": "outreach van", "van": "outreach van", "outreach": "outreach van",
    "night van": "outreach van", "the van": "outreach van", "outreach sheet": "outreach van",
    "third party": "third party", "third-party": "third party", "3rd party": "third party",
    "friend": "third party", "referral": "third party", "agency referral": "third party",
    "other agency": "third party", "partner agency": "third party",
}  # fmt: skip
_KEY = re.compile(r"[\s_]+")


def canonical_gender(text: str) -> str:
    """One of ``REPORTER_GENDERS`` (or ``""``) for a self-described gender."""
    lowered = _KEY.sub(" ", text.strip().lower()).strip(" .!")
    if not lowered or _GENDER_BLANK.match(lowered):
        return ""
    if lowered in ("woman", "man", "trans woman", "trans man", "non-binary", "two-spirit", "other"):
        return lowered
    if _TWO_SPIRIT.search(lowered):
        return "two-spirit"
    if _TRANS_FEM_WORDS.search(lowered):
        return "trans woman"
    if _TRANS_MASC_WORDS.search(lowered):
        return "trans man"
    if _NON_BINARY.search(lowered):
        return "non-binary"
    trans = _TRANS.search(lowered) is not None
    fem = _FEM.search(lowered) is not None
    masc = _MASC.search(lowered) is not None
    if fem and not masc:
        return "trans woman" if trans else "woman"
    if masc and not fem:
        return "trans man" if trans else "man"
    return "other"


def _lookup(table: Mapping[str, str], text: str, priority: tuple[str, ...]) -> str:
    lowered = _KEY.sub(" ", text.strip().lower()).strip(" .!")
    if not lowered:
        return ""
    found = table.get(lowered)
    if found:
        return found
    words = _WORD.findall(lowered)
    named = {table[w] for w in words if w in table}
    named.update(
        table[f"{a} {b}"] for a, b in zip(words, words[1:], strict=False) if f"{a} {b}" in table
    )
    for value in priority:
        if value in named:
            return value
    return ""


_SECTOR_PRIORITY = (
    "incall",
    "outcall",
    "massage",
    "agency",
    "street",
    "outdoor",
    "online",
    "indoor",
)
_CHANNEL_PRIORITY = ("third party", "outreach van", "in person", "email", "phone", "online")


def canonical_sector(text: str) -> str:
    """One of ``SECTORS`` for a sector cell, or ``""`` when it names none."""
    return _lookup(_SECTORS, text, _SECTOR_PRIORITY)


def canonical_channel(text: str) -> str:
    """One of ``CHANNELS`` for a channel cell, or ``""`` when it names none."""
    return _lookup(_CHANNELS, text, _CHANNEL_PRIORITY)


def _sector_from_text(report: Mapping[str, str]) -> str:
    for column in ("location", "what_happened"):
        text = report.get(column, "")
        if not text:
            continue
        match = _SECTOR_IN_TEXT.search(text.lower())
        if match:
            return canonical_sector(match.group(1).replace("working ", "").replace("on ", ""))
    return ""


def _consent(column: str, text: str, notes: list[str]) -> str:
    try:
        return "yes" if parse_yes_no(text) else "no"
    except YesNoError:
        pass
    first = _WORD.findall(text.lower())
    if first:
        try:
            return "yes" if parse_yes_no(first[0]) else "no"
        except YesNoError:
            pass
    notes.append(f"{column}: unreadable {shown_value(text)}, taken as no")
    return "no"


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """``reporter_gender``, ``sector``, ``channel`` and the three consents (``yes``/``no``)."""
    notes: list[str] = []
    sector_text = report.get("sector", "")
    sector = canonical_sector(sector_text) if sector_text else ""
    if not sector:
        sector = _sector_from_text(report)
    result = {
        "reporter_gender": canonical_gender(report.get("reporter_gender", "")),
        "sector": sector,
        "channel": canonical_channel(report.get("channel", "")),
    }
    for column in CONSENT_COLUMNS:
        result[column] = _consent(column, report.get(column, ""), notes)
    if notes:
        result["conflicts"] = join_list(notes)
    return result

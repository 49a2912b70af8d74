"""Names that something pasted into a report shows: a message thread, a screenshot read by a
text-recognition app, a dating or ad-site profile, an email's headers.

Reporters paste what he sent rather than retell it, so his name often sits where a phone or an
email program puts it (``Ryder: ill pay u when u get here``, ``From: Evander <…@…>``) and not
after any words that introduce a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

_LINE_START = (
    r"(?m)^[ \t|>]*(?:\[[^\]\n]{1,25}\][ \t]*|"
    r"\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*-[ \t]*)?"
)
_SPEAKER = re.compile(
    _LINE_START + r"([A-Z][A-Za-z'’\-]{0,14}(?:[ \t][A-Z][A-Za-z'’\-]{0,14})?|"
    r"\+?[0-9][0-9 ().\-]{6,16}[0-9]):[ \t]+\S"
)
"""Who sent a line of a pasted thread: ``[11:42 PM] Ryder: u up``, ``05/07/2064, 21:02 - Ryder:
hey``, ``Me: 200 for the hour``, a number where the phone had no name for it, or in a group
chat an initial or two words (``A:``, ``Mama Bea:``)."""
_RECEIPT = re.compile(r"(?m)^[ \t|>]*(?:Delivered|Seen|Read(?:[ \t]+\d{1,2}:\d{2}.*)?)[ \t]*$")
"""A phone's mark under a message she sent ("Delivered", "Seen", "Read 11:58"): a two-way
thread."""
_HER_LINE = re.compile(r"(?m)^[ \t|>]*(?:\[[^\]\n]{1,25}\][ \t]*)?Me:[ \t]")


def is_two_way_thread(text: str) -> bool:
    """Whether a paste is a thread between him and her: her phone's marks under a message, or
    a line she sent as "Me"."""
    return _RECEIPT.search(text) is not None or _HER_LINE.search(text) is not None


_A_NAME = re.compile(r"[A-Z][a-z'’\-]{1,14}")
_HIS_LABELS = frozenset(["him", "he", "client", "john", "guy", "date", "trick", "creep"])
_OF_ANOTHER_MAN = re.compile(r"\b(?:he|him|his|the\s+guy|this\s+guy|that\s+guy)\b", re.I)
_WORDS_NOT_SPEAKERS = """
    me him her he she they staff from to subject date screenshot caller worker original update
    addendum note notes reply sent received delivered read today yesterday cc re fwd location
    time msg message text edit correction source
"""
_NOT_SPEAKERS = frozenset(_WORDS_NOT_SPEAKERS.split())
_CONTACT_CARD = re.compile(
    r"(?m)^[ \t|>]*([A-Z][A-Za-z0-9|'’\-]{1,14})[ \t|]*\n[ \t|>]*"
    r"(?:\+[ \t]?[1l][ \t.\-]?)?\(?[0-9OIl|S]{3}\)?[ .\-]?[0-9OIl|S]{3}[ .\-]?[0-9OIl|S]{4}"
    r"(?![\w|])[ \t|]*\n[ \t|>]*\S"
)
"""A screenshot of his contact: a name alone on a line, his number on the next and the messages
after it (``Dorian`` then ``+1 7O5-555-O163``), in a report that says it copies a screenshot
(:data:`_SCREENSHOT`). A name and number closing a report are the writer's signature."""
_SCREENSHOT = re.compile(
    r"screen\s?shot|screen\s?cap|\bcontact\b|\bsaved\b|scann|text\s+app|\bcop(?:y|ied)\b|"
    r"\bpast(?:e|ed|ing)\b|\bocr\b|\bthe\s+app\s+read",
    re.IGNORECASE,
)
_WORDS_NOT_CONTACT_NAMES = """
    mobile cell home work unknown contact number phone iphone him private seen delivered read
    blocked creep bad scam spam
"""
_NOT_CONTACT_NAMES = frozenset(_WORDS_NOT_CONTACT_NAMES.split())
_SIGN_OFF_BEFORE = re.compile(
    r"(?i:\b(?:thanks|thank\s+you|cheers|regards|sincerely|best|love|xo+|ty|thx|take\s+care|"
    r"signed|from))[ \t,!.\-]*\n[ \t]*$"
)
"""A sign-off on the line before ("Thanks,\nJess\n250-555-0199"): the writer's own name and
number, not his contact."""
_PROFILE = re.compile(
    r"(?m)^[ \t|>\"“]*([A-Z][a-z'’\-]{2,14}),[ \t]*\d{2}\b(?=[ \t]*(?:$|[|·•,(]))"
)
"""The head of a pasted dating or ad-site profile: ``Quill, 38``, ``Perry, 29 | cyclist``;
not her own ad (:data:`_HER_OWN_AD`)."""
_HER_OWN_AD = re.compile(r"\bmy\s+(?:ad|ads|profile|listing|post|page)\b", re.IGNORECASE)
_FROM_HEADER = re.compile(
    r"(?m)^[ \t>]*From:[ \t]*[\"“]?([A-Za-z][A-Za-z'’\-]+(?:[ \t]+[A-Za-z][A-Za-z'’\-]*)?)"
    r"[\"”]?[ \t]*<[^>\s@]+@[^>\s]+>"
)
"""The sender of a pasted email: ``From: Evander <evander.pryce@example.com>``; not when the
words before say the worker sent it (:data:`_SENT_BY_HER`)."""
_SENT_BY_HER = re.compile(
    r"\b(?:worker|she|her|reporter|caller|girl|friend|client)\s+(?:sent|wrote|forwarded|emailed)\b|"
    r"\b(?:from|by)\s+the\s+(?:worker|reporter|caller)\b|\bher\s+(?:e-?mail|message)\b",
    re.IGNORECASE,
)
_WORDS_NOT_SENDERS = """
    interac e-transfer etransfer transfer noreply no-reply support service bank team admin staff
    program outreach notifications notification alerts bookings booking desk reception info
    agency office
"""
_NOT_SENDERS = frozenset(_WORDS_NOT_SENDERS.split())
_TRANSFER_SENDER = re.compile(
    r"(?i:e-?transfer)[^\n:]{0,20}:[ \t]*([A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2})"
    r"[ \t]+sent[ \t]+you\b"
)
"""The sender an e-transfer notice names (``INTERAC e-Transfer: EVANDER PRYCE sent you $300``)."""
_READ_AS_DIGITS = str.maketrans("01|", "oll")
_CAPITAL_I_AS_L = re.compile(r"(?<=[a-z])I+")


def _as_written(word: str) -> str:
    """A name as text recognition may have read it (``D0rian``, ``WendeII``), letters restored."""
    word = word.translate(_READ_AS_DIGITS)
    return _CAPITAL_I_AS_L.sub(lambda match: "l" * len(match.group()), word)


def _rest_of_line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _thread_speaker(text: str, rejected: Callable[[str], bool]) -> list[str]:
    """The one named sender of a pasted thread between him and her (:func:`is_two_way_thread`),
    named again outside his own lines ("Tad in the white ram again", "Me: Hi Ambrose"). Left
    alone: a group chat (several named senders, the people warning each other); a thread where
    he is "Him" (the named sender is then her or a friend); a sender whose lines speak of a man
    ("yes but he took my money": a worker talking to staff); a named sender facing only a
    number (a chat export names its owner's lines by her name and an unsaved contact by his
    number)."""
    lines = list(_SPEAKER.finditer(text))
    if len(lines) < 2 or not is_two_way_thread(text):
        return []
    speakers = [line.group(1).lower() for line in lines]
    if not _HIS_LABELS.isdisjoint(speakers):
        return []
    named = Counter(
        speaker for speaker in speakers if speaker[0].isalpha() and speaker not in _NOT_SPEAKERS
    )
    if len(named) != 1:
        return []
    name = next(iter(named))
    if not _A_NAME.fullmatch(name.title()) or rejected(name):
        return []
    his_lines = (
        _rest_of_line(text, line.end(1)) for line in lines if line.group(1).lower() == name
    )
    if any(_OF_ANOTHER_MAN.search(line) for line in his_lines):
        return []
    mentions = len(re.findall(rf"(?i)\b{re.escape(name)}\b", text))
    return [name] if mentions > named[name] else []


def names_in_a_paste(text: str, rejected: Callable[[str], bool]) -> list[str]:
    """His names in what a report pastes, lower case, none that ``rejected`` turns down."""
    found: list[str] = []
    if "\n" in text and ":" in text:
        found += _thread_speaker(text, rejected)
    if "\n" in text:
        for match in _CONTACT_CARD.finditer(text):
            name = _as_written(match.group(1))
            signed = _SIGN_OFF_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if (
                name.isalpha()
                and name.lower() not in _NOT_CONTACT_NAMES
                and signed is None
                and _SCREENSHOT.search(text, 0, match.start()) is not None
            ):
                found.append(name.lower())
        found += [
            match.group(1).lower()
            for match in _PROFILE.finditer(text)
            if not _HER_OWN_AD.search(text, max(0, match.start() - 80), match.start())
        ]
    if "From:" in text:
        for match in _FROM_HEADER.finditer(text):
            words = match.group(1).lower().split()
            her_own = _SENT_BY_HER.search(text, max(0, match.start() - 120), match.start())
            if _NOT_SENDERS.isdisjoint(words) and her_own is None:
                found.append(" ".join(words[:1] if len(words[-1]) == 1 else words))
    if "sent you" in text:
        found += [match.group(1).lower() for match in _TRANSFER_SENDER.finditer(text)]
    unique: list[str] = []
    for name in found:
        if name not in unique and not rejected(name.split()[0]):
            unique.append(name)
    return unique

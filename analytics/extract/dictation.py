"""Voice-to-text that writes the speaker's punctuation as words: "guy picked me up on rock bay
period he said his name was mark with a sea period" becomes "guy picked me up on rock bay. he said
his name was mark with a sea.", so every extractor sees the sentences that were meant. Only a text
with at least two such words is rewritten: "for a period of ten minutes" is left alone."""

from __future__ import annotations

import re

_SPOKEN_MARK = re.compile(
    r"[ \t]+(period|full stop|comma|question mark|exclamation (?:point|mark)|new line"
    r"|new paragraph)(?=[\s.,!?]|$)",
    re.IGNORECASE,
)
_MARKS = {
    "period": ".",
    "full stop": ".",
    "comma": ",",
    "question mark": "?",
    "exclamation point": "!",
    "exclamation mark": "!",
    "new line": "\n",
    "new paragraph": "\n",
}
_MIN_MARKS = 2


def _mark(match: re.Match[str]) -> str:
    return _MARKS[" ".join(match.group(1).lower().split())]


def dictated_punctuation(text: str) -> str:
    """``text`` with spoken punctuation words turned into marks, when it has at least two."""
    if len(_SPOKEN_MARK.findall(text)) < _MIN_MARKS:
        return text
    return _SPOKEN_MARK.sub(_mark, text)


def with_dictated_punctuation(report: dict[str, str]) -> dict[str, str]:
    """``report`` with spoken punctuation turned into marks in every text column that has it."""
    fixed = {
        name: dictated_punctuation(text)
        for name, text in report.items()
        if text and ("period" in text.lower() or "comma" in text.lower())
    }
    changed = {name: text for name, text in fixed.items() if text is not report[name]}
    return {**report, **changed} if changed else report

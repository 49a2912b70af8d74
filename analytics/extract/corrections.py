"""Corrections a writer types after a word autocorrect or a slip got wrong: "a white Audio Q7
(Audi* ugh autocorrect)", "driver says hes Wave (Wade* stupid autocorrect)". The starred word
replaces the word it corrects (the nearest of the three words before the bracket that looks like
it, else the word just before), and the bracket goes, so every extractor reads "Audi Q7" and
"Wade"."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

_STARRED_FIX = re.compile(
    r"((?:\b[A-Za-z0-9][\w'’-]*\s+){0,2}\b[A-Za-z0-9][\w'’-]*)\s*"
    r"\(\s*\*?([A-Za-z][\w'’-]*)\*(?=[\s),.!])[^)\n]{0,40}\)"
)


def _corrected(match: re.Match[str]) -> str:
    words = match.group(1).split()
    fix = match.group(2)
    similar = [
        i for i, word in enumerate(words) if Levenshtein.distance(word.lower(), fix.lower()) <= 2
    ]
    target = similar[-1] if similar else len(words) - 1
    words[target] = fix
    return " ".join(words)


def with_typing_corrections(report: dict[str, str]) -> dict[str, str]:
    """``report`` with starred corrections applied in every text column that has one."""
    fixed = {
        name: _STARRED_FIX.sub(_corrected, text)
        for name, text in report.items()
        if "*" in text and "(" in text
    }
    return {**report, **fixed} if fixed else report

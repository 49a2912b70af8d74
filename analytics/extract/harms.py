"""Harm types (codes from :data:`analytics.vocabulary.HARM_TYPES`) and the report's severity.

Phrases come from ``analytics/reference/harm_phrases.csv``: one regex per row, compiled once
into a single alternation so that a more specific phrase ("sexually assaulted", "threatened to
out me") consumes its words before a generic one ("assault", "threat") can. A phrase preceded in
its clause by a negation ("didn't hurt me", "no violence", "no one hit") is ignored. The optional
``incident_types`` tag column is read item by item; a tag that names no known harm becomes
``other``. Taking money or property back by force (theft alongside violence, a weapon or
threats) is robbery.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from importlib import resources

from analytics.vocabulary import HARM_TYPES, SEVERITY

__all__ = ["canonical_harm_types", "extract", "harm_types_in", "severity_of"]

NARRATIVE_COLUMNS: tuple[str, ...] = (
    "what_happened",
    "aggressor_description",
    "location",
    "vehicle",
)


def _load_phrases() -> list[tuple[tuple[str, ...], str]]:
    text = resources.files("analytics.reference").joinpath("harm_phrases.csv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    phrases: list[tuple[tuple[str, ...], str]] = []
    for row in csv.DictReader(rows):
        codes = tuple(row["code"].split("+"))
        unknown = [code for code in codes if code not in HARM_TYPES]
        if unknown:
            raise ValueError(f"harm_phrases.csv: unknown harm code(s) {unknown}; use HARM_TYPES")
        phrases.append((codes, row["pattern"]))
    return phrases


_PHRASES = _load_phrases()
_GROUP_CODES: dict[str, tuple[str, ...]] = {f"p{i}": codes for i, (codes, _) in enumerate(_PHRASES)}
_HARM = re.compile(
    "|".join(f"(?P<p{i}>\\b(?:{pattern}))" for i, (_, pattern) in enumerate(_PHRASES))
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|nothing|none|nobody|no\s+one|neither|nor|"
    r"(?:did|was|were|is|does|do|would|could|had|has)(?:n'?t|\s+not))\b"
    r"(?!\s+(?:notice|noticing|realiz|realis|know|see|expect|want|consent|agree|think|feel|"
    r"care|mean|listen|stop|like|get\s+to|even\s+ask|ask|understand|remember|plan)\w*)"
    r"(?!\s+(?:only|just|long)\b)"
)
_CLAUSE_END = re.compile(r"[.!?;,:\n()]|\b(?:but|and|then|so|until|after|when|because)\b")

_TAG_SPLIT = re.compile(r"\s*(?:;|,|/|&|\+|\||\band\b|\n)\s*")
_TAG_SYNONYMS: dict[str, str] = {
    "assault": "physical_assault",
    "assaulted": "physical_assault",
    "physical": "physical_assault",
    "violence": "physical_assault",
    "violent": "physical_assault",
    "physical assault": "physical_assault",
    "beating": "physical_assault",
    "sa": "sexual_assault",
    "sexual": "sexual_assault",
    "sexual assault": "sexual_assault",
    "rape": "sexual_assault",
    "choking": "strangulation",
    "choked": "strangulation",
    "strangled": "strangulation",
    "strangulation": "strangulation",
    "stealthing": "stealthing",
    "stealthed": "stealthing",
    "condom removal": "stealthing",
    "weapon": "weapon",
    "knife": "weapon",
    "gun": "weapon",
    "robbery": "robbery",
    "robbed": "robbery",
    "theft": "theft",
    "stole": "theft",
    "stolen": "theft",
    "non payment": "non_payment",
    "nonpayment": "non_payment",
    "non-payment": "non_payment",
    "no pay": "non_payment",
    "no payment": "non_payment",
    "didn't pay": "non_payment",
    "didnt pay": "non_payment",
    "unpaid": "non_payment",
    "rip off": "non_payment",
    "ripoff": "non_payment",
    "fake money": "non_payment",
    "threat": "threats",
    "threats": "threats",
    "threatening": "threats",
    "threatened": "threats",
    "intimidation": "threats",
    "confinement": "confinement",
    "confined": "confinement",
    "kidnapping": "confinement",
    "held": "confinement",
    "drugging": "drugging",
    "drugged": "drugging",
    "spiked": "drugging",
    "harassment": "harassment",
    "harassing": "harassment",
    "verbal": "harassment",
    "verbal abuse": "harassment",
    "verbal harassment": "harassment",
    "abusive": "harassment",
    "stalking": "stalking",
    "stalker": "stalking",
    "following": "stalking",
    "outing": "outing_extortion",
    "extortion": "outing_extortion",
    "blackmail": "outing_extortion",
    "doxxing": "outing_extortion",
    "boundary": "boundary_violation",
    "boundaries": "boundary_violation",
    "boundary violation": "boundary_violation",
    "boundary pushing": "boundary_violation",
    "consent violation": "boundary_violation",
    "fake cop": "impersonating_police",
    "fake police": "impersonating_police",
    "impersonating police": "impersonating_police",
    "police impersonation": "impersonating_police",
    "time waster": "time_waster",
    "timewaster": "time_waster",
    "time-waster": "time_waster",
    "time wasting": "time_waster",
    "no show": "time_waster",
    "no-show": "time_waster",
    "other": "other",
    "bad date": "other",
    "creep": "other",
    "creepy": "other",
}
_CODE_NAMES = {code.replace("_", " "): code for code in HARM_TYPES}
_FORCE = frozenset({"physical_assault", "strangulation", "weapon", "threats"})


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 45) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return _NEGATION.search(window) is not None


def harm_types_in(text: str, *, negation: bool = True) -> set[str]:
    """Harm codes named in free text, skipping negated phrases when ``negation`` is true."""
    lowered = text.lower()
    found: set[str] = set()
    for match in _HARM.finditer(lowered):
        if negation and _negated(lowered, match.start()):
            continue
        found.update(_GROUP_CODES[match.lastgroup or ""])
    return found


def _tag_types(text: str) -> set[str]:
    found: set[str] = set()
    for item in _TAG_SPLIT.split(text.lower()):
        tag = item.strip(" .-_'\"?!").replace("_", " ")
        if not tag:
            continue
        code = _TAG_SYNONYMS.get(tag) or _CODE_NAMES.get(tag)
        if code:
            found.add(code)
            continue
        codes = harm_types_in(tag, negation=False)
        found.update(codes or {"other"})
    return found


def canonical_harm_types(codes: Iterable[str]) -> str:
    """Known codes, sorted and ``;``-joined, with theft alongside force made robbery."""
    kept = {code for code in codes if code in SEVERITY}
    if "theft" in kept and kept & _FORCE:
        kept.discard("theft")
        kept.add("robbery")
    if len(kept) > 1:
        kept.discard("other")
    return ";".join(sorted(kept))


def severity_of(codes: Iterable[str]) -> str:
    """The worst severity (1-5) over ``codes`` as text; ``""`` when there are none."""
    levels = [SEVERITY[code] for code in codes if code in SEVERITY]
    return str(max(levels)) if levels else ""


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """``incident_types`` (sorted, ``;``-joined codes) and ``severity``."""
    found: set[str] = set()
    tags = report.get("incident_types", "")
    if tags:
        found |= _tag_types(tags)
    for column in NARRATIVE_COLUMNS:
        text = report.get(column, "")
        if text:
            found |= harm_types_in(text)
    joined = canonical_harm_types(found)
    return {"incident_types": joined, "severity": severity_of(joined.split(";") if joined else [])}

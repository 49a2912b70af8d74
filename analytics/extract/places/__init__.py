"""Where the harm happened: neighbourhood, municipality, police jurisdiction and a rough point.

    extract(report) -> {"neighbourhood", "municipality", "jurisdiction", "lat", "lon"}
                       (+ "conflicts" when the location column and the narrative disagree)

Reads ``location`` and ``what_happened``. When a pick-up and a drop-off are both named the
drop-off wins; a long street alone ("Douglas St") places nothing finer than what all its stretches
share. ``neighbourhood`` is a City of Victoria neighbourhood, or the municipality's name elsewhere
in Greater Victoria, or blank. Build ``Places(...)`` with a user's gazetteer, official boundaries
or an agency override; ``extract`` uses the shipped, approximate reference data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from analytics.extract.places.at_a_distance import harmless_meeting_end
from analytics.extract.places.boundaries import Boundaries, load_boundaries, shipped_boundaries
from analytics.extract.places.matcher import PlaceMatcher
from analytics.extract.places.reference import (
    CITY,
    Entry,
    Jurisdictions,
    PlaceDataError,
    load_jurisdictions,
    parse_gazetteer,
)
from analytics.extract.places.resolve import Candidate, Place, Resolver, best, compatible
from analytics.extract.places.roles import DROP, PICKUP

__all__ = [
    "Boundaries",
    "Jurisdictions",
    "PlaceDataError",
    "Places",
    "extract",
    "load_boundaries",
    "load_jurisdictions",
    "parse_gazetteer",
]

FIELDS = ("neighbourhood", "municipality", "jurisdiction", "lat", "lon")
MAX_CHARS = 20_000


class Places:
    """A place extractor over one set of reference data (built once, then reused)."""

    def __init__(
        self,
        entries: Sequence[Entry] | None = None,
        boundaries: Boundaries | None = None,
        jurisdictions: Jurisdictions | None = None,
    ) -> None:
        entries = parse_gazetteer() if entries is None else tuple(entries)
        self.jurisdictions = load_jurisdictions() if jurisdictions is None else jurisdictions
        self.boundaries = shipped_boundaries() if boundaries is None else boundaries
        self.matcher = PlaceMatcher(entries)
        self.resolver = Resolver(entries, self.boundaries, self.jurisdictions)

    def _read(self, text: str, in_location: bool) -> list[Candidate]:
        if not text:
            return []
        toks, mentions = self.matcher.find(text[:MAX_CHARS], in_location=in_location)
        if not mentions:
            return []
        return self.resolver.candidates(toks, mentions, in_location=in_location)

    def extract(self, report: Mapping[str, str]) -> dict[str, str]:
        stated = self._read(report.get("location") or "", True)
        narrative = report.get("what_happened") or ""
        told = self._read(narrative, False)
        if told:
            told = self._put_right(narrative[:MAX_CHARS], told)
        pickup_only = told and max(c.role for c in told) == PICKUP
        if pickup_only and _TAKEN_ELSEWHERE.search(narrative[:MAX_CHARS]):
            told = []
        if (stated or told) and self._harmed_at_a_distance(
            report, narrative[:MAX_CHARS], bool(stated)
        ):
            stated, told = [], []
        place, conflict = _choose(stated, told)
        if place is not None:
            place = self.resolver.narrow(place, [c for c in (*stated, *told) if c.place != place])
        out = self._fields(place)
        if conflict:
            out["conflicts"] = conflict
        return out

    def _put_right(self, narrative: str, told: list[Candidate]) -> list[Candidate]:
        """The places named after the writer corrects herself ("at a hotel downtown -
        correction, it was the Grand Pacific"), when she names one there; else ``told``."""
        lowered = narrative.lower()
        if not any(cue in lowered for cue in _CORRECTION_HINTS):
            return told
        cues = list(_CORRECTION.finditer(narrative))
        if not cues:
            return told
        after = self._read(narrative[cues[-1].end() :], False)
        return after or told

    def _harmed_at_a_distance(
        self, report: Mapping[str, str], narrative: str, place_stated: bool
    ) -> bool:
        """Whether the places named are only where a harmless meeting was (``at_a_distance``)."""
        cue_end = harmless_meeting_end(narrative, report.get("incident_types") or "", place_stated)
        if cue_end is None:
            return False
        later = best(self._read(narrative[cue_end:], False))
        return later is None or not self._fields(later.place)["neighbourhood"]

    def locate(self, lat: float, lon: float) -> tuple[str, str]:
        """(neighbourhood, municipality) of a point, from the boundaries."""
        return self.boundaries.locate(lat, lon)

    def _fields(self, place: Place | None) -> dict[str, str]:
        if place is None:
            return dict.fromkeys(FIELDS, "") | {"jurisdiction": self.jurisdictions.unknown}
        hood = place.neighbourhood if place.municipality == CITY else place.municipality
        return {
            "neighbourhood": hood,
            "municipality": place.municipality,
            "jurisdiction": place.agency,
            "lat": "" if place.lat is None else f"{place.lat:.4f}",
            "lon": "" if place.lon is None else f"{place.lon:.4f}",
        }


_CORRECTION_HINTS = ("correction", "actually", "sorry", "mistake")
_CORRECTION = re.compile(
    r"\b(?:correction|actually\s+it\s+was|sorry\s*,?\s+it\s+was|my\s+mistake\s*,?\s+it\s+was)"
    r"\b[\s,:\-–]*",
    re.IGNORECASE,
)
"""Where the writer puts a place right: what follows counts, not what she wrote before."""
_TAKEN_ELSEWHERE = re.compile(
    r"\b(?:drove|driven|drive|drives|took|taken|brought)\s+(?:me|her|us|them\s+)?(?:\w+\s+){0,5}?"
    r"(?:to|into|out\s+to|out\s+past|past)\s+(?:an?|some)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:lot|road|spot|place|area|pull-?out|woods|trees|bush|field|dead[\s-]end)\b"
    r"|\b(?:unsure|not\s+sure|no\s+idea|didn'?t\s+know|don'?t\s+know)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:location|where)\b",
    re.IGNORECASE,
)
"""The only place named is the pick-up, and she was driven on to a place she cannot name ("driven
approx 15 min to an unlit gravel lot, pt unsure of location"): where the harm happened is not
known."""


def _choose(stated: list[Candidate], told: list[Candidate]) -> tuple[Place | None, str]:
    """The location column against the narrative: agree → the finer; disagree → note it."""
    s, t = best(stated, towns_first=True), best(told)
    if s is None or t is None:
        chosen = s or t
        return (chosen.place if chosen else None), ""
    if compatible(s.place, t.place):
        finer = max((s, t), key=lambda c: (c.place.level, c.place.specificity))
        return finer.place, ""
    if t.role >= DROP and t.role > s.role and t.place.level >= min(s.place.level, 2):
        pickup = any(c.role == PICKUP and compatible(s.place, c.place) for c in told)
        return t.place, "" if pickup else _note(s.place, t.place, "narrative's drop-off kept")
    return s.place, _note(s.place, t.place, "location kept")


def _note(stated: Place, told: Place, kept: str) -> str:
    return f"place: location says {stated.label}, narrative says {told.label} ({kept})"


@cache
def _default() -> Places:
    return Places()


_configured: list[Places] = []


def use(places: Places | None) -> None:
    """Make ``extract`` use ``places`` (built from a user's official files); ``None`` goes back
    to the shipped reference data. Called once by the pipelines before normalising."""
    _configured.clear()
    if places is not None:
        _configured.append(places)


def _in_use() -> Places:
    """The configured reference data, or else the shipped one."""
    return _configured[0] if _configured else _default()


def is_place_word(word: str) -> bool:
    """Whether the lower-case ``word`` alone names a place of the configured or shipped data."""
    return _in_use().matcher.is_place_word(word)


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """Place fields of one report, from the configured or else the shipped reference data."""
    return _in_use().extract(report)

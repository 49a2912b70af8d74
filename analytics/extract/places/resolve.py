"""Turn the places named in a text into one place: group, resolve, and pick the incident's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analytics.extract.places.boundaries import Boundaries
from analytics.extract.places.matcher import Mention, near
from analytics.extract.places.reference import CITY, NEIGHBOURHOODS, Entry, Jurisdictions
from analytics.extract.places.roles import IGNORE, called_off, names_something_else, role_at
from analytics.extract.places.text import words

SPECIFICITY = {
    "hospital": 5,
    "police": 5,
    "intersection": 6,
    "hotel": 5,
    "landmark": 5,
    "mall": 5,
    "park": 5,
    "stroll": 5,
    "town": 5,
    "locality": 4,
    "neighbourhood": 4,
    "street": 3,
    "municipality": 2,
    "region": 1,
}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. ``areas`` is what a place too long to pin down may lie in."""

    neighbourhood: str
    municipality: str
    agency: str
    lat: float | None
    lon: float | None
    specificity: int
    label: str
    areas: frozenset[str] = frozenset()

    @property
    def level(self) -> int:
        return 3 if self.neighbourhood else 2 if self.municipality else 1

    def finest(self) -> frozenset[str]:
        if self.neighbourhood:
            return frozenset({self.neighbourhood})
        if self.municipality:
            return frozenset({self.municipality})
        return self.areas

    def cover(self) -> frozenset[str]:
        if self.neighbourhood:
            return frozenset({self.neighbourhood, self.municipality})
        if self.municipality == CITY:
            return NEIGHBOURHOODS | {CITY}
        if self.municipality:
            return frozenset({self.municipality})
        return self.areas | {_municipality_of(a) for a in self.areas}


def compatible(a: Place, b: Place) -> bool:
    return bool(a.finest() & b.cover()) or bool(b.finest() & a.cover())


def _municipality_of(area: str) -> str:
    return CITY if area in NEIGHBOURHOODS else area


@dataclass(frozen=True, slots=True)
class Candidate:
    role: int
    place: Place
    position: int
    corrected: bool = False
    """Named only by a misspelt word read as a place: any place written right outranks it."""


class Resolver:
    """Resolves mention groups against the gazetteer, boundaries and the agency table."""

    def __init__(
        self, entries: Sequence[Entry], boundaries: Boundaries | None, jurisdictions: Jurisdictions
    ) -> None:
        self.entries = tuple(entries)
        self.jurisdictions = jurisdictions
        self.points: dict[str, tuple[float, float]] = {}
        for entry in self.entries:
            if entry.kind in ("neighbourhood", "municipality") and entry.lat is not None:
                area = entry.neighbourhood or entry.municipality
                self.points.setdefault(area, (entry.lat, entry.lon or 0.0))
        self.places = tuple(self._entry_place(e, boundaries) for e in self.entries)
        by_name = {e.name: i for i, e in enumerate(self.entries) if e.kind == "street"}
        self.crossings: dict[frozenset[int], int] = {}
        for index, entry in enumerate(self.entries):
            if entry.kind == "intersection":
                parts = [by_name.get(p.strip()) for p in entry.name.split("&")]
                if len(parts) == 2 and None not in parts and parts[0] != parts[1]:
                    self.crossings[frozenset(parts)] = index  # type: ignore[arg-type]

    def _entry_place(self, entry: Entry, boundaries: Boundaries | None) -> Place:
        hood, town = entry.neighbourhood, entry.municipality
        if (
            boundaries is not None
            and entry.lat is not None
            and entry.lon is not None
            and (
                entry.kind != "town"
                and (
                    boundaries.official
                    or not town
                    or (town == CITY and not hood and not entry.crosses)
                )
            )
        ):
            found_hood, found_town = boundaries.locate(entry.lat, entry.lon)
            if found_town:
                hood, town = found_hood, found_town
        if entry.kind in ("street", "region") and not town:
            return self._area_place(frozenset(entry.crosses), entry)
        return Place(
            hood,
            town,
            self.jurisdictions.agency(town),
            entry.lat,
            entry.lon,
            SPECIFICITY.get(entry.kind, 1),
            hood or town or entry.name,
            frozenset(entry.crosses),
        )

    def _area_place(self, areas: frozenset[str], entry: Entry | None = None) -> Place:
        label = entry.name if entry else "/".join(sorted(areas))
        if len(areas) == 1:
            area = next(iter(areas))
            town = _municipality_of(area)
            hood = area if area in NEIGHBOURHOODS else ""
            lat, lon = self.points.get(area, (None, None))
            return Place(hood, town, self.jurisdictions.agency(town), lat, lon, 2, area, areas)
        towns = {_municipality_of(a) for a in areas}
        if len(towns) == 1:
            town = next(iter(towns))
            return Place("", town, self.jurisdictions.agency(town), None, None, 1, label, areas)
        agencies = {self.jurisdictions.agency(t) for t in towns}
        agency = agencies.pop() if len(agencies) == 1 else self.jurisdictions.unknown
        return Place("", "", agency, None, None, 1, label, areas)

    def resolve(self, group: Sequence[Mention]) -> Place:
        """One place for mentions that name it together ("Douglas & Hillside")."""
        indexes = [m.entry for m in group]
        for index in indexes:
            if self.entries[index].kind == "town":
                return self.places[index]
        options = [
            (self.places[i].specificity, self.places[i].level, -k, i)
            for k, i in enumerate(indexes)
            if self.places[i].level > 1
        ]
        streets = [i for i in indexes if self.entries[i].kind == "street"]
        for a in range(len(streets)):
            for b in range(a + 1, len(streets)):
                crossing = self.crossings.get(frozenset((streets[a], streets[b])))
                if crossing is not None:
                    options.append((SPECIFICITY["intersection"], 3, 0, crossing))
        named = [i for i in indexes if self.entries[i].kind in _AREA_KINDS]
        if named and options:
            inside = [o for o in options if any(self._within(o[3], n) for n in named)]
            if not inside:
                return self.places[named[-1]]
            options = inside
        narrowed = self._narrow([self.places[i] for i in indexes])
        if options:
            best = self.places[max(options)[3]]
            if narrowed is not None and best.level < narrowed.level and compatible(best, narrowed):
                return narrowed
            return best
        if narrowed is not None:
            return narrowed
        return self.places[indexes[0]]

    def _within(self, index: int, area: int) -> bool:
        """Whether place ``index`` lies in the named area ``area``, or carries its name as a
        namesake does ("Esquimalt Lagoon" is in Colwood)."""
        if self.entries[area].name.lower() in self.entries[index].name.lower():
            return True
        return compatible(self.places[index], self.places[area])

    def _narrow(self, places: list[Place]) -> Place | None:
        """The area that every long street or region of a group has in common, if there is one."""
        spans = [p.areas for p in places if p.level < 3 and p.areas]
        if len(spans) < 2:
            return None
        common = frozenset.intersection(*spans)
        return self._area_place(common) if common else None

    def narrow(self, place: Place, others: Sequence[Candidate]) -> Place:
        """Pin a long street by another place of the same story ("picked me up on Bay St, drove
        me to a lot off Gorge Rd": the one stretch of Gorge Rd that Bay St shares)."""
        if place.level == 3 or len(place.areas) < 2:
            return place
        for other in others:
            common = place.areas & (
                other.place.finest() if other.place.level == 3 else other.place.areas
            )
            if len(common) == 1:
                return self._area_place(common)
        return place

    def _counts(self, mention: Mention, toks: list[str], in_location: bool) -> bool:
        """False for non-places, and for a hospital or police station the story went *to*."""
        kind = self.entries[mention.entry].kind
        if kind == "nonplace":
            return False
        if kind in ("hospital", "police") and not in_location:
            before = toks[max(0, mention.start - 4) : mention.start]
            return any(t in _BESIDE for t in before)
        return True

    def candidates(
        self, toks: list[str], mentions: Sequence[Mention], *, in_location: bool = False
    ) -> list[Candidate]:
        out: list[Candidate] = []
        group: list[Mention] = []
        for mention in [*mentions, None]:
            if group and (mention is None or not near(toks, group[-1].end, mention.start)):
                role = role_at(toks, group[0].start)
                kept = [m for m in group if self._counts(m, toks, in_location)]
                if any(self.entries[m.entry].kind in _AFTERCARE for m in group if m not in kept):
                    kept = []
                if (
                    kept
                    and role != IGNORE
                    and not called_off(toks, group[-1].end)
                    and not names_something_else(toks, group[-1].end)
                ):
                    corrected = all(m.corrected for m in kept)
                    out.append(Candidate(role, self.resolve(kept), group[0].start, corrected))
                group = []
            if mention is not None:
                group.append(mention)
        return out


_AREA_KINDS = frozenset({"neighbourhood", "municipality"})
"""Areas named outright ("…off Happy Valley Rd, Metchosin"): a finer place named with them that
lies elsewhere is a slip or a namesake, and the named area wins."""
_AFTERCARE = frozenset({"hospital", "police"})
_BESIDE = words("near outside by behind across beside parking lot front")
"""A hospital or police station in the story is where someone went afterwards, unless it is
named as a landmark of the place ("in the lot behind the Jubilee")."""


def best(candidates: Sequence[Candidate], towns_first: bool = False) -> Candidate | None:
    """The incident's place: highest role (destination over pick-up), most specific, then last.
    ``towns_first`` (for the location column): a town beyond Greater Victoria named outright
    outranks a bare street name."""
    if not candidates:
        return None
    towns = towns_first and any(_is_town(c.place) for c in candidates)

    def rank(c: Candidate) -> tuple[int, int, int, int, int]:
        level = 3 if towns and _is_town(c.place) else c.place.level
        if towns and c.place.specificity <= SPECIFICITY["street"]:
            level = min(level, 2)
        return (c.role, not c.corrected, level, c.place.specificity, c.position)

    return max(candidates, key=rank)


def _is_town(place: Place) -> bool:
    """A town beyond Greater Victoria ("lot by Harbour Quay, Port Alberni": the street is more
    likely that town's than a Victoria one)."""
    return not place.neighbourhood and place.specificity == SPECIFICITY["town"]

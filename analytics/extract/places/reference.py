"""Place reference data: the gazetteer and the municipality → agency table (boundaries: see
``boundaries.py``).

Each loader is a pure parser over text so that ``pipelines/`` can pass a user's own files; called
with nothing, it parses the approximate copy shipped in ``analytics/reference/``. Problems are
collected and raised together as ``PlaceDataError``.
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from analytics.extract.places.text import words
from analytics.vocabulary import CITY_OF_VICTORIA_NEIGHBOURHOODS

__all__ = [
    "KINDS",
    "Entry",
    "Jurisdictions",
    "PlaceDataError",
    "load_jurisdictions",
    "parse_gazetteer",
    "shipped_text",
]

KINDS = words("""
neighbourhood municipality region locality street intersection landmark hotel mall park stroll town
hospital police nonplace
""")
"""A narrative that goes *to* a ``hospital`` or ``police`` station names the aftermath, not the
incident; ``nonplace`` rows only swallow phrases such as "Victoria Police"."""
GAZETTEER_COLUMNS = (
    "name",
    "kind",
    "neighbourhood",
    "municipality",
    "lat",
    "lon",
    "crosses",
    "aliases",
    "source",
)
NEIGHBOURHOODS = frozenset(CITY_OF_VICTORIA_NEIGHBOURHOODS)
CITY = "Victoria"


class PlaceDataError(ValueError):
    """Place reference data is malformed. The message lists every problem found and how to fix it.

    ``pipelines`` turns it into a ``ConfigError`` naming the file it read.
    """


def shipped_text(filename: str) -> str:
    """The text of a reference file shipped in ``analytics/reference/``."""
    return resources.files("analytics.reference").joinpath(filename).read_text(encoding="utf-8")


def fail(what: str, problems: list[str]) -> None:
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise PlaceDataError(f"{what}: {len(problems)} problem(s):\n  {shown}{more}")


# --- jurisdictions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Jurisdictions:
    """Municipality → police agency, plus the labels for places outside the table and no place."""

    by_municipality: Mapping[str, str]
    outside: str = "outside Greater Victoria"
    unknown: str = "unknown"

    def agency(self, municipality: str) -> str:
        if not municipality:
            return self.unknown
        return self.by_municipality.get(municipality, self.outside)

    def covers(self, municipality: str) -> bool:
        return municipality in self.by_municipality


def _parse_jurisdiction_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlaceDataError(f"{origin}: not valid TOML ({exc}); fix the syntax.") from exc
    problems: list[str] = []
    for key in data:
        if key not in ("municipalities", "labels"):
            problems.append(f"unknown table [{key}]; expected [municipalities] and/or [labels]")
    municipalities = data.get("municipalities", {})
    if not isinstance(municipalities, dict):
        problems.append('[municipalities] must be a table of "Municipality" = "Agency"')
        municipalities = {}
    for name, agency in municipalities.items():
        if not isinstance(agency, str) or not agency.strip():
            problems.append(
                f"municipality {name!r}: agency must be non-empty text, found {agency!r}"
            )
    labels = data.get("labels", {})
    if not isinstance(labels, dict):
        problems.append('[labels] must be a table with outside = "…" and unknown = "…"')
        labels = {}
    for key, value in labels.items():
        if key not in ("outside", "unknown"):
            problems.append(f"[labels] has unknown key {key!r}; expected outside, unknown")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"[labels] {key}: must be non-empty text, found {value!r}")
    fail(origin, problems)
    return {"municipalities": municipalities, "labels": labels}


def load_jurisdictions(text: str | None = None, *, merge: bool = True) -> Jurisdictions:
    """Parse a jurisdictions TOML. ``None`` gives the shipped table.

    A user's file overrides the shipped table key by key (``merge=True``), so moving Esquimalt
    needs one line: ``[municipalities]`` / ``"Esquimalt" = "West Shore RCMP"``.
    With ``merge=False`` the user's table replaces the shipped one whole.
    """
    shipped = _parse_jurisdiction_toml(shipped_text("jurisdictions.toml"), "jurisdictions.toml")
    if text is None:
        parts = [shipped]
    else:
        user = _parse_jurisdiction_toml(text, "jurisdictions override")
        parts = [shipped, user] if merge else [user]
    table: dict[str, str] = {}
    labels: dict[str, str] = {}
    for part in parts:
        table.update({k.strip(): v.strip() for k, v in part["municipalities"].items()})
        labels.update({k: v.strip() for k, v in part["labels"].items()})
    return Jurisdictions(by_municipality=dict(table), **labels)


# --- gazetteer -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row. ``crosses``: the Victoria neighbourhoods or municipalities it spans."""

    name: str
    kind: str
    neighbourhood: str
    municipality: str
    lat: float | None
    lon: float | None
    crosses: tuple[str, ...]
    aliases: tuple[str, ...]
    source: str

    @property
    def pinned(self) -> bool:
        """Places a report by itself (not a long street or a multi-municipality region)."""
        return bool(self.neighbourhood or self.municipality)


def _float(value: str, column: str, row: int, problems: list[str]) -> float | None:
    if not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        problems.append(f"row {row}: {column} must be a number, found {value!r}")
        return None


def parse_gazetteer(text: str | None = None) -> tuple[Entry, ...]:
    """Parse gazetteer CSV text (``#`` lines are comments). ``None`` gives the shipped gazetteer."""
    text = shipped_text("gazetteer.csv") if text is None else text
    lines = [line for line in io.StringIO(text) if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in GAZETTEER_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise PlaceDataError(
            f"gazetteer: missing column(s) {', '.join(missing)}; the header must "
            f"be {','.join(GAZETTEER_COLUMNS)}"
        )
    problems: list[str] = []
    entries: list[Entry] = []
    for row_no, row in enumerate(reader, start=2):
        cells = {k: (row.get(k) or "").strip() for k in GAZETTEER_COLUMNS}
        if not cells["name"]:
            problems.append(f"row {row_no}: name is blank")
            continue
        if cells["kind"] not in KINDS:
            problems.append(
                f"row {row_no} ({cells['name']}): kind {cells['kind']!r} is not one "
                f"of {', '.join(sorted(KINDS))}"
            )
        hood = cells["neighbourhood"]
        if hood and hood not in NEIGHBOURHOODS:
            problems.append(
                f"row {row_no} ({cells['name']}): neighbourhood {hood!r} is not a City "
                "of Victoria neighbourhood; leave it blank outside the city"
            )
        lat = _float(cells["lat"], "lat", row_no, problems)
        lon = _float(cells["lon"], "lon", row_no, problems)
        if (lat is None) != (lon is None):
            problems.append(f"row {row_no} ({cells['name']}): give both lat and lon, or neither")
        entries.append(
            Entry(
                name=cells["name"],
                kind=cells["kind"],
                neighbourhood=hood,
                municipality=cells["municipality"] or (CITY if hood else ""),
                lat=lat,
                lon=lon,
                crosses=tuple(a.strip() for a in cells["crosses"].split("|") if a.strip()),
                aliases=tuple(a.strip() for a in cells["aliases"].split("|") if a.strip()),
                source=cells["source"],
            )
        )
    areas = NEIGHBOURHOODS | {e.municipality for e in entries if e.municipality}
    for entry in entries:
        for area in entry.crosses:
            if area not in areas:
                problems.append(
                    f"{entry.name}: crosses {area!r}, which is neither a City of "
                    "Victoria neighbourhood nor a municipality named in the gazetteer"
                )
    fail("gazetteer", problems)
    return tuple(entries)

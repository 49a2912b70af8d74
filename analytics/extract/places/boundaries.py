"""Neighbourhood and municipal boundaries: point → (neighbourhood, municipality).

The shipped polygons are approximate; ``pipelines`` can pass official GeoJSON text or a
GeoDataFrame read from an official file instead, and those overrule the gazetteer's own labels.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.strtree import STRtree

from analytics.extract.places.reference import (
    CITY,
    NEIGHBOURHOODS,
    PlaceDataError,
    fail,
    shipped_text,
)

__all__ = ["GREATER_VICTORIA", "Boundaries", "canonical_area", "load_boundaries"]


@dataclass(frozen=True)
class Boundaries:
    """Polygons for neighbourhoods and municipalities, with a spatial index built once.

    ``official`` is True for boundaries a user supplied; then they overrule the gazetteer's own
    neighbourhood labels for points, not only fill the blanks.
    """

    names: tuple[str, ...]
    levels: tuple[str, ...]
    municipalities: tuple[str, ...]
    geometries: tuple[Any, ...]
    official: bool = False
    _tree: STRtree = field(init=False, repr=False, compare=False)
    _areas: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for geometry in self.geometries:
            shapely.prepare(geometry)
        object.__setattr__(self, "_tree", STRtree(list(self.geometries)))
        object.__setattr__(self, "_areas", tuple(float(g.area) for g in self.geometries))

    def locate(self, lat: float, lon: float) -> tuple[str, str]:
        """(neighbourhood, municipality) containing the point; blanks where none does."""
        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        hood, hood_area, town, town_area = "", float("inf"), "", float("inf")
        for index in (int(i) for i in hits):
            area = self._areas[index]
            if self.levels[index] == "neighbourhood" and area < hood_area:
                hood, hood_area = self.names[index], area
                town = town or self.municipalities[index]
            elif self.levels[index] == "municipality" and area < town_area:
                town, town_area = self.names[index], area
        if hood:
            town = self.municipalities[self.names.index(hood)] or town
        return hood, town


GREATER_VICTORIA = (
    "Victoria",
    "Esquimalt",
    "Saanich",
    "Oak Bay",
    "View Royal",
    "Langford",
    "Colwood",
    "Metchosin",
    "Highlands",
    "Central Saanich",
    "North Saanich",
    "Sidney",
    "Sooke",
    "Juan de Fuca",
)
_PREFIXES = re.compile(r"^(the )?(corporation of the |city of |district of |township of |town of )")
_AREA_KEYS = {
    re.sub(r"[^a-z]", "", name.lower()): name for name in (*NEIGHBOURHOODS, *GREATER_VICTORIA)
} | {"harrisgreen": "Downtown", "vicwest": "Victoria West", "burnside": "Burnside Gorge"}


def canonical_area(name: str) -> str:
    """An official file's area name in the vocabulary's spelling ("HILLSIDE QUADRA" → …)."""
    key = re.sub(r"[^a-z]", "", _PREFIXES.sub("", name.strip().lower()))
    return _AREA_KEYS.get(key, name.strip())


_NAME_FIELDS = (
    "name",
    "Neighbourhood",
    "NEIGHBOURHOOD",
    "NAME",
    "Name",
    "neighbourhood",
    "municipality",
    "MUNICIPALITY",
    "Municipality",
)


def _boundary_rows(source: Any) -> Iterable[tuple[Mapping[str, Any], Any]]:
    if isinstance(source, str):
        try:
            data = json.loads(source)
        except json.JSONDecodeError as exc:
            raise PlaceDataError(
                f"boundaries: not valid GeoJSON ({exc}); export the file as "
                "GeoJSON (EPSG:4326) or pass a GeoDataFrame"
            ) from exc
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise PlaceDataError(
                "boundaries: expected a GeoJSON FeatureCollection with "
                f"'features', found {type(data).__name__}"
            )
        for feature in features:
            yield feature.get("properties") or {}, feature.get("geometry")
        return
    frame = source
    if getattr(frame, "crs", None) is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    for _, row in frame.iterrows():
        yield {k: v for k, v in row.items() if k != "geometry"}, row.geometry


def load_boundaries(
    source: Any = None, *, name_column: str | None = None, municipality: str | None = None
) -> Boundaries:
    """Read boundary polygons from GeoJSON text or a GeoDataFrame; ``None`` gives the shipped ones.

    Properties used: the name (``name_column``, else the first of name/Neighbourhood/NAME/…),
    ``level`` (``neighbourhood`` or ``municipality``; guessed from the name when absent) and
    ``municipality``. ``municipality`` fills that property for a file of one municipality's
    neighbourhoods (e.g. the City of Victoria's official file).
    """
    official = source is not None
    rows = _boundary_rows(shipped_text("boundaries.geojson") if source is None else source)
    names: list[str] = []
    levels: list[str] = []
    towns: list[str] = []
    geometries: list[Any] = []
    problems: list[str] = []
    for number, (props, geometry) in enumerate(rows, start=1):
        fields = (name_column,) if name_column else _NAME_FIELDS
        name = next((str(props[f]).strip() for f in fields if props.get(f)), "")
        if not name:
            problems.append(
                f"feature {number}: no name (looked in {', '.join(fields)}); pass name_column="
            )
            continue
        name = canonical_area(name)
        level = str(
            props.get("level") or ("neighbourhood" if name in NEIGHBOURHOODS else "municipality")
        )
        if level not in ("neighbourhood", "municipality"):
            problems.append(
                f"feature {number} ({name}): level {level!r} is not neighbourhood or municipality"
            )
        try:
            geom = geometry if hasattr(geometry, "geom_type") else shape(geometry)
        except (AttributeError, TypeError, ValueError) as exc:
            problems.append(f"feature {number} ({name}): unreadable geometry ({exc})")
            continue
        if geom is None or geom.is_empty:
            problems.append(f"feature {number} ({name}): empty geometry")
            continue
        town = str(
            props.get("municipality")
            or municipality
            or (CITY if level == "neighbourhood" else name)
        )
        names.append(name)
        levels.append(level)
        towns.append(town)
        geometries.append(geom)
    fail("boundaries", problems)
    if not geometries:
        raise PlaceDataError("boundaries: no polygons found; is this the right file?")
    return Boundaries(tuple(names), tuple(levels), tuple(towns), tuple(geometries), official)


@cache
def shipped_boundaries() -> Boundaries:
    return load_boundaries()

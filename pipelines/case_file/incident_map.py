"""An offline map of a case's incident locations: numbered points on the bundled boundary polygons.

No tiles, no network: the municipality and neighbourhood polygons of
``analytics/reference/boundaries.geojson`` (approximate) are clipped to the area around the points
and drawn with ReportLab graphics, so the map is the same on every machine and every run.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Polygon, Rect, String
from reportlab.lib import colors
from shapely.geometry import Polygon as ShapelyPolygon
from shapely.geometry import shape
from shapely.ops import clip_by_rect

BOUNDARIES = "boundaries.geojson"
_MIN_HALF_SPAN = 0.012
_FILLS = (colors.HexColor("#eef2f5"), colors.HexColor("#e3e9ee"))


def load_boundaries() -> dict[str, Any] | None:
    """The bundled boundary polygons, or None when the file is not there."""
    entry = resources.files("analytics.reference").joinpath(BOUNDARIES)
    if not entry.is_file():
        return None
    return json.loads(entry.read_text("utf-8"))


def incident_points(reports: list[dict[str, Any]]) -> list[tuple[int, float, float]]:
    """(map number, lon, lat) of each report with a location; numbers follow the report order."""
    points = []
    for number, report in enumerate(reports, start=1):
        try:
            lat, lon = float(report["lat"]), float(report["lon"])
        except (TypeError, ValueError):
            continue
        if math.isfinite(lat) and math.isfinite(lon):
            points.append((number, lon, lat))
    return points


def _view(points: list[tuple[int, float, float]], width: float, height: float):  # type: ignore[no-untyped-def]
    lons = [p[1] for p in points]
    lats = [p[2] for p in points]
    centre_lon, centre_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    shrink = math.cos(math.radians(centre_lat))
    half_lat = max((max(lats) - min(lats)) * 0.65, _MIN_HALF_SPAN)
    half_lon = max((max(lons) - min(lons)) * 0.65, _MIN_HALF_SPAN / shrink)
    scale = min(width / (2 * half_lon * shrink), height / (2 * half_lat))
    half_lon, half_lat = width / (2 * scale * shrink), height / (2 * scale)
    box = (
        centre_lon - half_lon,
        centre_lat - half_lat,
        centre_lon + half_lon,
        centre_lat + half_lat,
    )

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - box[0]) * scale * shrink, (lat - box[1]) * scale

    return box, project


def incident_map(
    reports: list[dict[str, Any]],
    boundaries: dict[str, Any] | None,
    width: float = 480,
    height: float = 300,
) -> Drawing:
    """The drawing: polygons in grey with their names, incidents as numbered red points."""
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=colors.grey))
    points = incident_points(reports)
    if not points:
        drawing.add(
            String(
                width / 2,
                height / 2,
                "No incident location is known for these reports.",
                fontName="Helvetica",
                fontSize=10,
                textAnchor="middle",
            )
        )
        return drawing
    box, project = _view(points, width, height)
    features = sorted(
        (boundaries or {}).get("features", []),
        key=lambda f: (f["properties"].get("level") != "municipality", f["properties"]["name"]),
    )
    labels = []
    for index, feature in enumerate(features):
        clipped = clip_by_rect(shape(feature["geometry"]), *box)
        if clipped.is_empty:
            continue
        polygons = (
            [clipped]
            if isinstance(clipped, ShapelyPolygon)
            else [g for g in getattr(clipped, "geoms", []) if isinstance(g, ShapelyPolygon)]
        )
        for polygon in polygons:
            flat = [v for lon, lat in polygon.exterior.coords for v in project(lon, lat)]
            drawing.add(
                Polygon(
                    flat, fillColor=_FILLS[index % 2], strokeColor=colors.darkgrey, strokeWidth=0.6
                )
            )
        anchor = clipped.representative_point()
        labels.append((project(anchor.x, anchor.y), feature["properties"]["name"]))
    for (x, y), name in labels:
        if not (24 <= x <= width - 24 and 8 <= y <= height - 10):
            continue
        drawing.add(
            String(
                x,
                y,
                name,
                fontName="Helvetica",
                fontSize=6.5,
                textAnchor="middle",
                fillColor=colors.dimgrey,
            )
        )
    for number, lon, lat in points:
        x, y = project(lon, lat)
        drawing.add(
            Circle(
                x,
                y,
                6,
                fillColor=colors.HexColor("#b3261e"),
                strokeColor=colors.white,
                strokeWidth=1,
            )
        )
        drawing.add(
            String(
                x,
                y - 2.6,
                str(number),
                fontName="Helvetica-Bold",
                fontSize=7,
                textAnchor="middle",
                fillColor=colors.white,
            )
        )
    note = "Approximate boundaries, not official." if boundaries else "Boundary file not found."
    drawing.add(String(4, 4, note, fontName="Helvetica", fontSize=6, fillColor=colors.dimgrey))
    return drawing

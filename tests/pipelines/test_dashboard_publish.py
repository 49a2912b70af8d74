from __future__ import annotations

from shapely.geometry import shape

from pipelines.dashboard_publish import area_names, boundaries
from pipelines.publish.charts import read_boundaries


def test_map_areas_are_the_ones_the_monthly_report_counts() -> None:
    assert area_names(boundaries()) == tuple(read_boundaries()["name"])


def test_every_ring_is_wound_clockwise_for_the_browser_map() -> None:
    """d3-geo reads a counter-clockwise ring as everything outside it (an empty-looking map)."""
    for feature in boundaries()["features"]:
        polygon = shape(feature["geometry"])
        assert not polygon.exterior.is_ccw, feature["properties"]["name"]
        assert all(ring.is_ccw for ring in polygon.interiors)

"""Charts for the trends page, drawn by the browser from the page's own data (Vega-Lite): no map
tiles and nothing fetched from elsewhere. Only suppressed labels reach a chart."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from analytics.privacy import HIDDEN_LABEL, small_label

CORE_AREAS = ("Esquimalt",)
"""Drawn with the City of Victoria's neighbourhoods, as on the monthly report's map."""
SHADES: tuple[tuple[str, str], ...] = (
    ("0", "#ffffff"),
    (f"{small_label()}, or {HIDDEN_LABEL}", "#f3d9a4"),
    ("5 to 9", "#c6c6c6"),
    ("10 to 24", "#7a7a7a"),
    ("25 or more", "#262626"),
)


def bar_chart(table: pd.DataFrame, name: str) -> alt.Chart:
    shown = table.dropna(subset=["count"]).astype({"count": "int64"})
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X(f"{name}:N", sort=list(table[name]), title=name),
            y=alt.Y("count:Q", title="reports"),
            tooltip=[alt.Tooltip(f"{name}:N"), alt.Tooltip("label:N", title="reports")],
        )
    )


def shade(label: str) -> str:
    """The map class of a suppressed label (never finer than the label itself)."""
    if label == "0":
        return SHADES[0][0]
    if not label.isdigit():
        return SHADES[1][0]
    value = int(label)
    return SHADES[2][0] if value < 10 else SHADES[3][0] if value < 25 else SHADES[4][0]


def map_features(shapes: Mapping[str, object], whole_region: bool) -> list[dict[str, object]]:
    features = shapes.get("features", [])
    assert isinstance(features, list)
    if whole_region:
        return features
    return [
        feature
        for feature in features
        if feature["properties"].get("level", "neighbourhood") == "neighbourhood"
        or feature["properties"]["name"] in CORE_AREAS
    ]


def area_map(features: list[dict[str, object]], labels: pd.DataFrame) -> alt.Chart:
    """Areas shaded by class of their suppressed count; ``labels`` has ``area`` and ``label``."""
    lookup = pd.DataFrame(
        {
            "area": labels["area"].astype(str),
            "reports": labels["label"].astype(str),
            "shade": [shade(str(label)) for label in labels["label"]],
        }
    )
    return (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke="#333333", strokeWidth=0.6)
        .transform_lookup(
            lookup="properties.name",
            from_=alt.LookupData(data=lookup, key="area", fields=["reports", "shade"]),
        )
        .encode(
            color=alt.Color(
                "shade:N",
                title="reports",
                scale=alt.Scale(
                    domain=[name for name, _ in SHADES], range=[colour for _, colour in SHADES]
                ),
                legend=alt.Legend(orient="bottom", columns=3),
            ),
            tooltip=[
                alt.Tooltip("properties.name:N", title="area"),
                alt.Tooltip("reports:N", title="reports"),
            ],
        )
        .project(type="mercator")
        .properties(height=460)
    )

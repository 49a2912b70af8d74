"""Charts and the neighbourhood map for the monthly report, drawn offline (matplotlib with the Agg
backend, geopandas over the shipped boundary file). Black and white: patterns and labels carry
the meaning, never colour alone. Hidden counts are never drawn as bars or shades."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from analytics.privacy import HIDDEN_LABEL, small_label  # noqa: E402
from analytics.publish.monthly import ReportTable  # noqa: E402
from pipelines.errors import ConfigError  # noqa: E402

__all__ = ["CORE_AREAS", "area_names", "map_png", "months_png", "read_boundaries"]

CORE_AREAS = ("Esquimalt",)
"""Besides the City of Victoria's neighbourhoods, the towns the map draws (the rest of VicPD's
area); other towns are in the table beside it."""
FONT = 10
MAP_NOTE = "Approximate boundaries, not official."
_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("0", "white", ""),
    ("fewer than 5, or not shown", "white", "///"),
    ("5 to 9", "#d0d0d0", ""),
    ("10 to 24", "#808080", ""),
    ("25 or more", "#202020", ""),
)


def read_boundaries(path: Path | None = None) -> gpd.GeoDataFrame:
    """The shipped approximate boundaries, or a user's GeoJSON/shapefile with a ``name`` column."""
    try:
        if path is None:
            source = resources.files("analytics.reference").joinpath("boundaries.geojson")
            with resources.as_file(source) as shipped:
                frame = gpd.read_file(shipped)
        else:
            frame = gpd.read_file(path)
    except Exception as error:  # noqa: BLE001 - any reader failure is a bad boundary file
        raise ConfigError(
            f"cannot read the boundary file {path or 'boundaries.geojson'}: {error}. "
            "Give a GeoJSON or shapefile whose features have a 'name' property."
        ) from None
    if "name" not in frame.columns:
        raise ConfigError(
            f"the boundary file {path} has no 'name' property (found {list(frame.columns)}); "
            "each area needs its neighbourhood or town name in 'name'."
        )
    return frame


def area_names(boundaries: gpd.GeoDataFrame) -> tuple[str, ...]:
    return tuple(str(name) for name in boundaries["name"])


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight", facecolor="white")
    plt.close(figure)
    return buffer.getvalue()


def _mark(label: str) -> str:
    if label == small_label():
        return "<5"
    return "–" if label == HIDDEN_LABEL else ""


def months_png(table: ReportTable) -> bytes:
    """Bars per month: this year solid black, a year earlier white with black hatching."""
    plt.rcParams.update({"font.size": FONT, "font.family": "DejaVu Sans"})
    figure, axes = plt.subplots(figsize=(6.8, 3.0))
    names = [name.split()[0][:3] + "\n" + name.split()[1][2:] for name, _ in table.rows]
    x = np.arange(len(names))
    width = 0.4
    for offset, column, style in (
        (width / 2, 0, {"color": "black", "edgecolor": "black"}),
        (-width / 2, 1, {"color": "white", "edgecolor": "black", "hatch": "///"}),
    ):
        labels = [row[column] for _, row in table.rows]
        heights = [int(label) if label.isdigit() else 0 for label in labels]
        axes.bar(x + offset, heights, width, label=table.columns[column], **style)
        for xi, label in zip(x + offset, labels, strict=True):
            if _mark(label):
                axes.annotate(
                    _mark(label),
                    (xi, 0),
                    ha="center",
                    va="bottom",
                    fontsize=FONT,
                    xytext=(0, 2),
                    textcoords="offset points",
                )
    axes.set_xticks(x, names)
    axes.set_ylabel("Reports")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, loc="upper left", ncols=2, bbox_to_anchor=(0, 1.15))
    axes.yaxis.get_major_locator().set_params(integer=True)
    return _png(figure)


def _class(label: str) -> int:
    if label == "0":
        return 0
    if not label.isdigit():
        return 1
    value = int(label)
    return 2 if value < 10 else 3 if value < 25 else 4


def map_png(boundaries: gpd.GeoDataFrame, areas: ReportTable, column: int = 1) -> bytes:
    """The City of Victoria's neighbourhoods and the core towns, shaded by the suppressed count
    of reports (``column`` 1: last 12 months); each area carries its count label."""
    plt.rcParams.update({"font.size": FONT, "font.family": "DejaVu Sans"})
    labels = {name: row[column] for name, row in areas.rows}
    core = boundaries[
        (boundaries.get("level", "neighbourhood") == "neighbourhood")
        | boundaries["name"].isin(CORE_AREAS)
    ]
    if core.empty:
        core = boundaries
    projected = core.to_crs(epsg=26910) if core.crs is not None else core
    figure, axes = plt.subplots(figsize=(8.0, 8.0))
    for _, area in projected.iterrows():
        label = labels.get(str(area["name"]), "0")
        _, colour, hatch = _CLASSES[_class(label)]
        gpd.GeoSeries([area.geometry], crs=projected.crs).plot(
            ax=axes, color=colour, edgecolor="black", linewidth=0.8, hatch=hatch
        )
        point = area.geometry.representative_point()
        text = f"{area['name']}\n{'<5' if label == small_label() else label}"
        dark = _class(label) >= 3
        axes.annotate(
            text,
            (point.x, point.y),
            ha="center",
            va="center",
            fontsize=FONT,
            color="white" if dark else "black",
            path_effects=[
                patheffects.withStroke(linewidth=2.5, foreground="black" if dark else "white")
            ],
        )
    axes.set_axis_off()
    handles = [
        Patch(facecolor=colour, edgecolor="black", hatch=hatch, label=name)
        for name, colour, hatch in _CLASSES
    ]
    axes.legend(
        handles=handles,
        title=f"Reports, last 12 months. {MAP_NOTE}",
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=3,
        frameon=False,
    )
    return _png(figure)

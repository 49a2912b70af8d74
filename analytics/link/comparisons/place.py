"""Where and when: the same neighbourhood or a short distance, and dates close together."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level

EARTH_RADIUS_KM = 6371.0


def distance_km(prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    lat = prepared.cached("lat-float", lambda: prepared.column("lat").astype(float))
    lon = prepared.cached("lon-float", lambda: prepared.column("lon").astype(float))
    mean_lat = np.radians((lat[ia] + lat[ib]) / 2.0)
    dx = np.radians(lon[ia] - lon[ib]) * np.cos(mean_lat)
    dy = np.radians(lat[ia] - lat[ib])
    return EARTH_RADIUS_KM * np.hypot(dx, dy)


class NearInSpaceAndTime(Comparison):
    name = "NearInSpaceAndTime"
    levels = (
        Level("null", "place in only one report", 0.0),
        Level("near_soon", "same area within two months", 0.3),
        Level("near", "same area", 0.35, at_most="near_soon"),
        Level("nearby", "a few kilometres apart", 0.2, at_most="near"),
        Level("far", "far apart", 0.15, at_most="nearby"),
    )
    near_km = 1.0
    nearby_km = 4.0
    soon_days = 60.0

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        km = distance_km(prepared, ia, ib)
        place = prepared.codes("neighbourhood")[0]
        town = prepared.codes("municipality")[0]
        same_place = (place[ia] >= 0) & (place[ia] == place[ib])
        both_place = (place[ia] >= 0) & (place[ib] >= 0)
        both_town = (town[ia] >= 0) & (town[ib] >= 0)
        day = prepared.cached("days-float", lambda: prepared.column("days").astype(float))
        days = np.abs(day[ia] - day[ib])
        with np.errstate(invalid="ignore"):
            near = same_place | (km <= self.near_km)
            nearby = km <= self.nearby_km
            soon = days <= self.soon_days
        measured = ~np.isnan(km)
        known = measured | both_place | both_town
        level = np.zeros(len(ia), dtype=np.int8)
        level[known] = 4
        level[known & measured & nearby] = 3
        level[(both_town & (town[ia] == town[ib]) & ~measured & ~both_place)] = 3
        level[near] = 2
        level[near & soon] = 1
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        km = pd.Series(distance_km(prepared, ia, ib)).map(
            lambda x: "" if np.isnan(x) else f" ({x:.1f} km apart)"
        )
        place = prepared.column("neighbourhood")
        town = prepared.column("municipality")
        where_a = pd.Series(np.where(place[ia] != "", place[ia], town[ia]), dtype=object)
        where_b = pd.Series(np.where(place[ib] != "", place[ib], town[ib]), dtype=object)
        days = np.abs(prepared.column("days")[ia].astype(float) - prepared.column("days")[ib])
        when = _days_apart(days, ", {:.0f} days apart")
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same area: " + where_a + km + when,
                2: "same area: " + where_a + km,
                3: "nearby: " + where_a + " / " + where_b + km,
                4: "far apart: " + where_a + " / " + where_b + km,
            },
        )


class CloseInTime(Comparison):
    """How far apart in time the two incidents were (the day a report came in stands in for an
    incident date it does not give). Repeat harm by one person tends to bunch in time, so reports
    years apart need more other evidence than reports weeks apart."""

    name = "CloseInTime"
    levels = (
        Level("null", "date in only one report", 0.0),
        Level("within_month", "within a month of each other", 0.3),
        Level("within_season", "within four months", 0.3, at_most="within_month"),
        Level("within_year", "within a year", 0.25, at_most="within_season"),
        Level("years_apart", "more than a year apart", 0.15, at_most="within_year"),
    )
    cuts = (31.0, 122.0, 366.0)

    def _gap(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        days = prepared.column("report_days").astype(float)
        return np.abs(days[ia] - days[ib])

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        gap = self._gap(prepared, ia, ib)
        known = ~np.isnan(gap)
        level = np.zeros(len(ia), dtype=np.int8)
        level[known] = 4
        for number, cut in zip((3, 2, 1), reversed(self.cuts), strict=True):
            level[known & (gap <= cut)] = number
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        gap = _days_apart(self._gap(prepared, ia, ib), "{:.0f} days apart")
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "close in time: " + gap,
                2: "within four months: " + gap,
                3: "within a year: " + gap,
                4: "far apart in time: " + gap,
            },
        )


def _days_apart(days: np.ndarray, template: str) -> pd.Series:
    """``template`` filled with each gap in days, blank where unknown (text even for no pairs);
    each distinct gap is written once."""
    distinct, where = np.unique(days, return_inverse=True)
    text = np.array(["" if np.isnan(d) else template.format(d) for d in distinct], dtype=object)
    return pd.Series(text[where.ravel()], dtype=object)

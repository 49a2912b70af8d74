"""Cached reads for pages. Every cached function takes the viewer's role as its first argument,
so a result computed for one role is never handed to another."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from dashboard.state import engine_for
from pipelines import (
    dashboard_publish,
    dashboard_queries,
    liaison,
    trend_queries,
    trend_responsiveness,
)
from pipelines.publish import sheet_reports
from pipelines.publish.data import load_policy
from pipelines.publish.sheet_reports import SheetPreview

CACHE_SECONDS = 60
SLOW_CACHE_SECONDS = 600
"""For results that take long with many reports; every write made in the dashboard clears them."""


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def overview_counts(role: str, database_url: str) -> dict[str, int]:
    return dashboard_queries.overview_counts(engine_for(database_url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner="Counting reports…")
def trend_base(role: str, database_url: str) -> trend_queries.Base:
    """Reports per incident day and hour and month received (one query shared by the months,
    the month filter and the weekday table)."""
    return trend_queries.trend_base(engine_for(database_url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner="Counting reports…")
def trend_months(role: str, database_url: str) -> list[str]:
    """The months that have reports, oldest first (without ``date unknown``)."""
    return trend_queries.trend_months(engine_for(database_url), trend_base(role, database_url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner="Counting reports…")
def trend_tables(
    role: str,
    database_url: str,
    first: str = "",
    last: str = "",
    sectors: tuple[str, ...] = (),
    harm_types: tuple[str, ...] = (),
    areas: tuple[str, ...] = (),
) -> dict[str, pd.Series | pd.DataFrame]:
    """The trends page's tables for months ``first..last`` (all when blank) and the chosen
    sectors, harm types and areas (all when none), before suppression. ``area`` counts reports
    per map area as the monthly report does. Counted by the database (``GROUP BY``)."""
    return trend_queries.trend_tables(
        engine_for(database_url),
        area_names(),
        first,
        last,
        sectors,
        harm_types,
        areas,
        trend_base(role, database_url),
    )


@st.cache_data(show_spinner=False)
def boundaries() -> dict[str, object]:
    """The map's shapes: shipped reference data, the same for every role."""
    return dashboard_publish.boundaries()


def area_names() -> tuple[str, ...]:
    return dashboard_publish.area_names(boundaries())


@st.cache_data(ttl=CACHE_SECONDS, show_spinner="Timing the liaison's steps…")
def responsiveness(
    role: str, database_url: str, wait_days: float
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Days from receipt to each step per month (before suppression), and how many reports have
    waited longer than ``wait_days``."""
    return trend_responsiveness.responsiveness(engine_for(database_url), wait_days)


@st.cache_data(ttl=SLOW_CACHE_SECONDS, show_spinner="Scoring the queue…")
def priority_queue(role: str, database_url: str) -> pd.DataFrame:
    """The liaison's queue, without the per-part breakdown (a dict column tables cannot show),
    with the time it was scored in ``attrs["computed_at"]`` (by ``bdars run``, or now)."""
    table = liaison.queue(engine_for(database_url))
    result = table.drop(columns=["parts"]).assign(reasons=table["reasons"].map(list))
    scored = table.attrs.get("computed_at")
    result.attrs["computed_at"] = (
        scored.astimezone().strftime("%Y-%m-%d %H:%M")
        if isinstance(scored, datetime)
        else datetime.now().strftime("%H:%M")
    )
    return result


@st.cache_data(ttl=SLOW_CACHE_SECONDS, show_spinner="Building the sheet…")
def sheet_preview(
    role: str, database_url: str, since: date, until: date, limit: int
) -> SheetPreview:
    """Every entry of the sheet for the period, the first ``limit`` written out."""
    return sheet_reports.sheet_preview(engine_for(database_url), since, until, load_policy(), limit)


def clear() -> None:
    """Forget cached results (after an ingest or a status change, for instance)."""
    overview_counts.clear()
    trend_base.clear()
    trend_tables.clear()
    trend_months.clear()
    responsiveness.clear()
    priority_queue.clear()
    sheet_preview.clear()

"""Settings, the database engine and the signed-in user, shared by the entry script and pages."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine

from pipelines.errors import BdarsError
from pipelines.settings import Settings, load_settings
from pipelines.storage.database import connect, require_current_schema

_ENGINES: list[Engine] = []
CONTEXT_KEY = "bdars_context"
CASE_KEY = "bdars_case"
"""The profile the case and aggressor pages open (set by the queue, search or a link)."""


@dataclass(frozen=True)
class Viewer:
    """Who is looking: their name and role, checked against the users table on every run."""

    name: str
    role: str


@dataclass(frozen=True)
class Context:
    settings: Settings
    engine: Engine
    viewer: Viewer


@st.cache_resource(show_spinner=False)
def engine_for(database_url: str) -> Engine:
    """One engine per database for the whole server; its schema must be current."""
    engine = connect(load_settings().with_database(database_url))
    try:
        require_current_schema(engine)
    except BdarsError:
        engine.dispose()
        raise
    _ENGINES.append(engine)
    return engine


def dispose_engines() -> None:
    """Close every cached engine (tests call this when they are done)."""
    while _ENGINES:
        _ENGINES.pop().dispose()
    engine_for.clear()


def open_store() -> tuple[Settings, Engine]:
    """Settings and engine, or a clear message on the page and a stop."""
    try:
        settings = load_settings()
        return settings, engine_for(settings.database_url)
    except BdarsError as error:
        st.error(f"The dashboard cannot open its store: {error}")
        st.stop()
        raise AssertionError("unreachable") from error


def page_context() -> Context:
    """What a page needs; set by the entry script before it runs the page."""
    context = st.session_state.get(CONTEXT_KEY)
    if not isinstance(context, Context):
        st.error("Open the dashboard from its start page (run `bdars dashboard`).")
        st.stop()
    return context

"""Look-ups the dashboard makes against the store: candidate aggressors for a new report, and
search on partial information. The index behind them is built once per state of the store."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, select

from analytics.link.comparisons import default_comparisons
from analytics.link.incremental import LinkIndex
from analytics.link.linker import default_scorer
from analytics.link.prepare import prepare
from analytics.link.search import search as search_prepared
from analytics.link.search import search_text
from pipelines.link.stage import read_features, read_members
from pipelines.storage.tables import aggressor_members, features

_CACHE: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}


def _stamp(engine: Engine) -> tuple[Any, ...]:
    with engine.connect() as connection:
        return (
            connection.execute(select(func.count()).select_from(features)).scalar(),
            connection.execute(select(func.count()).select_from(aggressor_members)).scalar(),
            connection.execute(select(func.max(aggressor_members.c.linked_at))).scalar(),
        )


def _state(engine: Engine) -> dict[str, Any]:
    """Features, memberships and the built index, rebuilt only when the store changed."""
    key = engine.url.render_as_string(hide_password=True)
    stamp = _stamp(engine)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    frame = read_features(engine)
    members = read_members(engine)
    aggressor_of = dict(zip(members["report_id"], members["aggressor_id"], strict=True))
    state: dict[str, Any] = {"features": frame, "aggressor_of": aggressor_of}
    _CACHE[key] = (stamp, state)
    return state


def _index(engine: Engine) -> LinkIndex:
    state = _state(engine)
    if "index" not in state:
        state["index"] = LinkIndex(
            state["features"], state["aggressor_of"], default_scorer(default_comparisons())
        )
    return state["index"]


def candidate_matches(engine: Engine, features_row: dict[str, str], k: int = 5) -> pd.DataFrame:
    """The ``k`` likeliest aggressors for a (new) report's features, with evidence per match:
    ``aggressor_id, probability, report_id, evidence``."""
    return _index(engine).candidates(features_row, k)


def search(engine: Engine, query: str, limit: int = 50) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reports and aggressors matching a partial plate, phone fragment, vehicle or words."""
    state = _state(engine)
    if "prepared" not in state:
        state["prepared"] = prepare(state["features"])
        state["text"] = search_text(state["prepared"])
    return search_prepared(
        state["prepared"], state["aggressor_of"], query, limit, text=state["text"]
    )

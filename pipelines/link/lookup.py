"""Look-ups the dashboard makes against the store: candidate aggressors for a new report, and
search on partial information. The index behind them is built once per state of the store."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, or_, select

from analytics.link.comparisons import default_comparisons
from analytics.link.incremental import LinkIndex
from analytics.link.linker import default_scorer
from analytics.link.prepare import prepare
from analytics.link.search import search as search_prepared
from analytics.link.search import search_text
from pipelines.errors import NotFoundError
from pipelines.link.membership import profiles_of
from pipelines.link.stage import read_features, read_members
from pipelines.storage.tables import aggressor_members, aggressors, features, report_links

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


CANDIDATE_COLUMNS = ["aggressor_id", "probability", "report_id", "evidence"]


def _current_aggressors(engine: Engine, report_ids: list[str]) -> dict[str, str]:
    """Report → current aggressor (following merges) for the given reports only."""
    with engine.connect() as connection:
        owner = profiles_of(connection, report_ids)
        merged = dict(
            connection.execute(
                select(aggressors.c.aggressor_id, aggressors.c.merged_into).where(
                    aggressors.c.merged_into.is_not(None)
                )
            )
            .tuples()
            .all()
        )
    for report, aggressor in owner.items():
        seen = {aggressor}
        while aggressor in merged and merged[aggressor] not in seen:
            aggressor = merged[aggressor]
            seen.add(aggressor)
        owner[report] = aggressor
    return owner


def stored_candidates(engine: Engine, report_id: str, k: int = 5) -> pd.DataFrame | None:
    """The ``k`` likeliest aggressors for a report the last ``bdars run`` linked, read from the
    pairs that run stored (its own index, no scoring): ``aggressor_id, probability, report_id``
    (the closest report of that aggressor) and ``evidence``. ``None`` when the report was not
    linked yet (stored after the last run): then only :func:`candidate_matches` can tell."""
    with engine.connect() as connection:
        linked = connection.execute(
            select(aggressor_members.c.report_id).where(aggressor_members.c.report_id == report_id)
        ).first()
        if linked is None:
            return None
        rows = connection.execute(
            select(
                report_links.c.report_id_a,
                report_links.c.report_id_b,
                report_links.c.probability,
                report_links.c.evidence,
            ).where(
                or_(
                    report_links.c.report_id_a == report_id, report_links.c.report_id_b == report_id
                )
            )
        ).all()
    pairs = pd.DataFrame(
        [(b if a == report_id else a, p, e) for a, b, p, e in rows],
        columns=["report_id", "probability", "evidence"],
    )
    if pairs.empty:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    owner = _current_aggressors(engine, sorted(set(pairs["report_id"])))
    best = (
        pairs.assign(aggressor_id=pairs["report_id"].map(owner).fillna(pairs["report_id"]))
        .sort_values(["probability", "report_id"], ascending=[False, True], kind="stable")
        .drop_duplicates("aggressor_id")
        .head(k)
    )
    return best.assign(evidence=best["evidence"].map(json.loads))[CANDIDATE_COLUMNS].reset_index(
        drop=True
    )


def best_candidates(engine: Engine, report_id: str, k: int = 5) -> pd.DataFrame:
    """The likeliest aggressors for a stored report (never the report itself): from the pairs
    the last ``bdars run`` stored when it was linked, else scored now against the whole store."""
    stored = stored_candidates(engine, report_id, k)
    if stored is not None:
        return stored
    with engine.connect() as connection:
        row = connection.execute(select(features).where(features.c.report_id == report_id)).first()
    if row is None:
        raise NotFoundError(f"report {report_id!r} is not normalised yet; run `bdars run`.")
    facts = {key: str(value or "") for key, value in row._mapping.items()}
    found = candidate_matches(engine, facts, k + 1)
    return found[found["report_id"] != report_id].head(k).reset_index(drop=True)

"""The reports one sheet reads, found with small queries instead of loading every report.

A sheet for ``since..until`` needs every report of each aggressor that has a report received in
the period (for the entry and its repeat marker) or was identified by police in it (for an
update). :func:`sheet_reports` finds those aggressors from the reports whose ``received_at``
names a month of the period (or is blank, when the load time stands in for it) and from the
workflow history, then loads their members' feature rows. ``build_sheet`` over that slice gives
the same sheet as over every report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, or_, select

from analytics.publish.redaction import RedactionPolicy
from analytics.publish.sheet import (
    Sheet,
    SheetOutline,
    build_sheet,
    identified_targets,
    sheet_outline,
)
from analytics.publish.words import parse_partial_date
from pipelines.liaison import member_map
from pipelines.publish.data import load_changes, load_reports
from pipelines.storage.tables import aggressor_members, aggressors, features, raw_reports

__all__ = [
    "MAX_MONTHS",
    "MAX_REPORTS",
    "SheetPreview",
    "period_months",
    "profile_members",
    "sheet_preview",
    "sheet_profiles",
    "sheet_reports",
]

MAX_MONTHS = 36
"""A longer period reads every report (the month filter would no longer narrow much)."""
MAX_REPORTS = 10_000
"""More reports than this are read with one query over every report rather than by id."""
_CHUNK = 500


def period_months(since: date, until: date) -> list[str]:
    """``YYYY-MM`` of every month from ``since`` to ``until``."""
    months = []
    year, month = since.year, since.month
    while (year, month) <= (until.year, until.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _light(rows: Iterable[tuple[object, ...]]) -> list[tuple[str, str, str, str]]:
    """(report_id, aggressor_id as stored, received_at as ``load_reports`` fills it,
    incident_date) from (report_id, aggressor_id, received_at, ingested_at, incident_date)."""
    return [
        (str(rid), str(aggressor or ""), _received_text(str(text or ""), loaded), str(incident))
        for rid, aggressor, text, loaded, incident in rows
    ]


def _received_text(text: str, loaded: object) -> str:
    return text if text else (loaded.isoformat() if hasattr(loaded, "isoformat") else "")


def _light_query():  # type: ignore[no-untyped-def]
    return select(
        features.c.report_id,
        aggressor_members.c.aggressor_id,
        features.c.received_at,
        raw_reports.c.ingested_at,
        features.c.incident_date,
    ).select_from(
        features.join(raw_reports, raw_reports.c.report_id == features.c.report_id).outerjoin(
            aggressor_members, aggressor_members.c.report_id == features.c.report_id
        )
    )


def _received_in_period(
    engine: Engine, since: date, until: date
) -> list[tuple[str, str, str, str]]:
    """Light rows of the reports received from ``since`` to ``until``."""
    months = period_months(since, until)
    named = or_(
        features.c.received_at == "",
        *(features.c.received_at.like(f"%{month}%") for month in months),
    )
    with engine.connect() as connection:
        rows = _light(connection.execute(_light_query().where(named)).tuples())
    return [
        row
        for row in rows
        if (day := parse_partial_date(row[2])[0]) is not None and since <= day <= until
    ]


def _merged(engine: Engine) -> dict[str, str]:
    query = select(aggressors.c.aggressor_id, aggressors.c.merged_into).where(
        aggressors.c.merged_into.is_not(None)
    )
    with engine.connect() as connection:
        return {str(a): str(b) for a, b in connection.execute(query).tuples()}


def _current(aggressor_id: str, merged: dict[str, str]) -> str:
    seen = {aggressor_id}
    while aggressor_id in merged and merged[aggressor_id] not in seen:
        aggressor_id = merged[aggressor_id]
        seen.add(aggressor_id)
    return aggressor_id


def _members_of(
    engine: Engine, profiles: set[str], merged: dict[str, str]
) -> list[tuple[str, str, str, str]]:
    """Light rows of every member of ``profiles`` (current aggressor ids, after merges)."""
    raw_ids = sorted(profiles | {old for old in merged if _current(old, merged) in profiles})
    rows: list[tuple[str, str, str, str]] = []
    with engine.connect() as connection:
        for start in range(0, len(raw_ids), _CHUNK):
            chunk = raw_ids[start : start + _CHUNK]
            query = _light_query().where(aggressor_members.c.aggressor_id.in_(chunk))
            rows += _light(connection.execute(query).tuples())
    return rows


def _flagged_profiles(
    engine: Engine, since: date, until: date, changes: pd.DataFrame, merged: dict[str, str]
) -> set[str]:
    """Every profile with an aggressor or report identified by police in the period (and, as
    it costs nothing, any report id so identified, in case it is a lone report)."""
    flagged = [
        target
        for target, day in identified_targets(changes, until).items()
        if since <= day <= until
    ]
    linked = member_map(engine, flagged)
    return {_current(target, merged) for target in flagged} | set(linked.values())


def _profile_rows(
    engine: Engine, profiles: set[str], merged: dict[str, str]
) -> list[tuple[str, str, str, str]]:
    """Light rows of every report of ``profiles`` (aggressor ids, or report ids when lone)."""
    rows = _members_of(engine, profiles, merged)
    with engine.connect() as connection:
        ids = sorted(profiles)
        for start in range(0, len(ids), _CHUNK):
            query = _light_query().where(features.c.report_id.in_(ids[start : start + _CHUNK]))
            rows += [row for row in _light(connection.execute(query).tuples()) if not row[1]]
    return rows


def profile_members(engine: Engine, profiles: set[str]) -> dict[str, str]:
    """Report id → current aggressor id (following merges) for the members of ``profiles``."""
    merged = _merged(engine)
    members = [(row[0], row[1]) for row in _members_of(engine, profiles, merged)]
    return {report_id: _current(aggressor, merged) for report_id, aggressor in members}


def sheet_profiles(
    engine: Engine, since: date, until: date, changes: pd.DataFrame, whole: bool = True
) -> pd.DataFrame:
    """``report_id``, ``aggressor_id`` (current, blank for a lone report), ``received_at`` (as
    :func:`load_reports` fills it) and ``incident_date`` of the reports received from ``since``
    to ``until`` and of every report of each aggressor identified by police in that period (as
    of ``changes``, the workflow history), ordered by report id: what ``sheet_outline`` needs.
    With ``whole``, also every report of the aggressors with reports in the period: what
    ``build_sheet`` needs to write that period's sheet exactly as from every report."""
    merged = _merged(engine)
    new = _received_in_period(engine, since, until)
    profiles = _flagged_profiles(engine, since, until, changes, merged)
    if whole:
        profiles |= {_current(a, merged) for _, a, _, _ in new if a}
    rows = {row[0]: row for row in (*_profile_rows(engine, profiles, merged), *new)}
    frame = pd.DataFrame(
        [rows[rid] for rid in sorted(rows)],
        columns=["report_id", "aggressor_id", "received_at", "incident_date"],
    )
    return frame.assign(
        aggressor_id=[_current(a, merged) if a else "" for a in frame["aggressor_id"]]
    )


def sheet_reports(engine: Engine, since: date, until: date, changes: pd.DataFrame) -> pd.DataFrame:
    """Rows as :func:`load_reports` gives them for the reports of :func:`sheet_profiles`: enough
    for ``build_sheet`` to write that period's sheet exactly as from every report."""
    if len(period_months(since, until)) > MAX_MONTHS:
        return load_reports(engine)
    ids = list(sheet_profiles(engine, since, until, changes)["report_id"])
    return load_reports(engine) if len(ids) > MAX_REPORTS else load_reports(engine, ids)


@dataclass(frozen=True)
class SheetPreview:
    """What a sheet for a period will hold (``outline``: every entry and update, in order) and
    the first few of them written as they will be printed (``sheet``)."""

    outline: SheetOutline
    sheet: Sheet


def sheet_preview(
    engine: Engine, since: date, until: date, policy: RedactionPolicy, limit: int
) -> SheetPreview:
    """The sheet for ``since..until`` outlined in full, its first ``limit`` entries and updates
    written: only the reports those entries draw on are read in full."""
    changes = load_changes(engine)
    light = sheet_profiles(engine, since, until, changes, whole=False)
    if light.empty:
        return SheetPreview(SheetOutline(since, until, (), ()), Sheet(since, until, (), ()))
    outline = sheet_outline(light, changes, since, until)
    shown = {p.aggressor_id for p in (*outline.entries[:limit], *outline.updates[:limit])}
    ids = sorted({row[0] for row in _profile_rows(engine, shown, _merged(engine))})
    reports = load_reports(engine, ids)
    return SheetPreview(outline, build_sheet(reports, changes, since, until, policy, limit))

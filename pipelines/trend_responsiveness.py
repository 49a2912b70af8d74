"""The liaison's responsiveness for the Trends page, without reading every report into pandas.

A report with no status change (its own or its aggressor's) whose ``received_at`` is a plain
``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` (read as UTC, as ``analytics.workflow`` reads it) only
counts toward its month's reports received and, once old enough, toward those waiting to be
forwarded; the database counts those per day of receipt. Every other report (with a change, or
an offset, seconds, a blank date or anything else) goes through ``analytics.workflow`` as before.
The result equals ``liaison.responsiveness``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pandas as pd
from sqlalchemy import (
    ColumnElement,
    Engine,
    and_,
    case,
    func,
    literal_column,
    not_,
    or_,
    select,
    true,
)

from analytics.workflow import (
    STAGES,
    report_changes,
    responsiveness_by_month,
    stage_times,
    waiting_counts,
)
from pipelines.publish.sheet_reports import profile_members
from pipelines.storage.tables import features, raw_reports, status_changes

__all__ = ["MAX_CHANGED", "responsiveness"]

MAX_CHANGED = 5_000
"""With more reports touched by status changes than this, every report is read one by one."""


def _plain(dialect: str) -> ColumnElement[bool] | None:
    """``received_at`` is a plain day or day and minute within pandas' range, or None when the
    database has no pattern match this module knows."""
    column = features.c.received_at
    day = "dddd-dd-dd"
    minute = "dddd-dd-ddTdd:dd"
    if dialect == "sqlite":
        shape = or_(
            column.op("GLOB")(day.replace("d", "[0-9]")),
            column.op("GLOB")(minute.replace("d", "[0-9]")),
        )
    elif dialect == "postgresql":
        shape = column.op("~")(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$")
    else:
        return None
    hour = func.substr(column, literal_column("12"), literal_column("2"))
    minutes = func.substr(column, literal_column("15"), literal_column("2"))
    sound_time = or_(func.length(column) == 10, and_(hour < "24", minutes < "60"))
    return and_(shape, sound_time, column >= "1678-01-01", column < "2262-01-01")


def _threshold(moment: pd.Timestamp) -> str:
    """``moment`` (UTC) written so that a plain ``received_at`` sorts before it exactly when it
    is earlier: a whole minute as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, else to the
    nanosecond."""
    if moment == moment.floor("min"):
        text = moment.strftime("%Y-%m-%dT%H:%M")
        return text[:10] if text.endswith("T00:00") else text
    return (
        moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}{moment.nanosecond:03d}"
    )


def _changes(engine: Engine) -> pd.DataFrame:
    columns = ["target_kind", "target_id", "status", "at"]
    with engine.connect() as connection:
        rows = connection.execute(
            select(*(status_changes.c[name] for name in columns)).order_by(status_changes.c.id)
        ).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    return frame.assign(at=pd.to_datetime(frame["at"], utc=True))


def _received(engine: Engine, where: ColumnElement[bool]) -> pd.DataFrame:
    """``report_id`` and ``received_at`` (the load time where the report did not say, as
    ``liaison.load_profile_reports`` fills ``received``) of the reports ``where`` holds."""
    query = (
        select(features.c.report_id, features.c.received_at, raw_reports.c.ingested_at)
        .select_from(features.join(raw_reports, raw_reports.c.report_id == features.c.report_id))
        .where(where)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame(
        [
            (rid, text if text else (loaded.isoformat() if loaded is not None else ""))
            for rid, text, loaded in rows
        ],
        columns=["report_id", "received_at"],
    )


def _plain_days(
    engine: Engine, plain: ColumnElement[bool], changed: list[str], before: str
) -> pd.DataFrame:
    """Per day of receipt: plain reports without a change, and how many arrived before
    ``before``."""
    day = func.substr(features.c.received_at, literal_column("1"), literal_column("10"))
    query = (
        select(
            day.label("day"),
            func.count().label("received"),
            func.sum(case((features.c.received_at < before, 1), else_=0)).label("early"),
        )
        .where(and_(plain, not_(features.c.report_id.in_(changed))))
        .group_by(day)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=["day", "received", "early"])
    valid = pd.to_datetime(frame["day"], errors="coerce", utc=True, format="mixed").notna()
    return frame[valid.to_numpy()].astype({"received": "int64", "early": "int64"})


def _with_plain(by_month: pd.DataFrame, days: pd.DataFrame) -> pd.DataFrame:
    """``by_month`` with the plain reports added to each month's reports received."""
    plain = days.groupby(days["day"].str[:7])["received"].sum()
    extra = sorted(set(plain.index) - set(by_month["month"]))
    added = pd.DataFrame({"month": extra, "received": [0] * len(extra)})
    for stage in STAGES:
        added[f"{stage}_n"] = 0
        added[f"{stage}_median_days"] = np.nan
        added[f"{stage}_p90_days"] = np.nan
    both = by_month if added.empty else pd.concat([by_month, added[by_month.columns]])
    both = both.sort_values("month", kind="stable").reset_index(drop=True)
    counts = both["received"].astype("int64") + both["month"].map(plain).fillna(0).astype("int64")
    kinds = {f"{s}_n": "int64" for s in STAGES} | {
        f"{s}_{what}": "float64" for s in STAGES for what in ("median_days", "p90_days")
    }
    return both.assign(received=counts).astype(kinds)


def responsiveness(
    engine: Engine, wait_days: float, now: datetime | None = None
) -> tuple[pd.DataFrame, dict[str, int]]:
    """As ``liaison.responsiveness``: days from receipt to each step per month received, and how
    many reports have waited longer than ``wait_days``."""
    moment = pd.Timestamp(now or datetime.now(UTC))
    changes = _changes(engine)
    profiles = set(changes.loc[changes["target_kind"] == "aggressor", "target_id"].astype(str))
    per_report = report_changes(changes, profile_members(engine, profiles))
    changed = sorted(set(per_report["report_id"].astype(str)))
    plain = _plain(engine.dialect.name)
    if plain is None or len(changed) > MAX_CHANGED:
        times = stage_times(_received(engine, true()), per_report)
        return responsiveness_by_month(times), waiting_counts(times, moment, wait_days)
    limit = pd.Timedelta(days=wait_days)
    utc = moment.tz_localize("UTC") if moment.tzinfo is None else moment.tz_convert("UTC")
    rest = or_(not_(plain), features.c.report_id.in_(changed))
    times = stage_times(_received(engine, rest), per_report)
    waiting = waiting_counts(times, moment, wait_days)
    days = _plain_days(engine, plain, changed, _threshold(utc - limit))
    waiting["forwarded"] += int(days["early"].sum())
    return _with_plain(responsiveness_by_month(times), days), waiting

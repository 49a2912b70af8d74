"""The audit log: who viewed, exported or changed report-level data, and when. Append-only."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Connection, Engine, select

from pipelines.storage.tables import audit_log

AUDIT_COLUMNS = ("at", "user_name", "action", "target", "detail")


def record(
    engine: Engine,
    user: str,
    action: str,
    target: str,
    detail: str = "",
    now: datetime | None = None,
) -> None:
    """Append one entry, in its own transaction so it is kept even if the caller fails later."""
    with engine.begin() as connection:
        record_in(connection, user, action, target, detail, now)


def record_in(
    connection: Connection,
    user: str,
    action: str,
    target: str,
    detail: str = "",
    now: datetime | None = None,
) -> None:
    """Append one entry inside the caller's transaction: kept only if the change it records is."""
    connection.execute(
        audit_log.insert().values(
            at=now or datetime.now(UTC),
            user_name=user,
            action=action,
            target=target,
            detail=detail,
        )
    )


def read(engine: Engine, since: datetime | None = None, limit: int = 1000) -> pd.DataFrame:
    """The newest entries first (at most ``limit``), optionally only those at or after ``since``."""
    query = select(*(audit_log.c[name] for name in AUDIT_COLUMNS)).order_by(
        audit_log.c.at.desc(), audit_log.c.id.desc()
    )
    if since is not None:
        query = query.where(audit_log.c.at >= since.astimezone(UTC))
    with engine.connect() as connection:
        rows = connection.execute(query.limit(limit)).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=list(AUDIT_COLUMNS))

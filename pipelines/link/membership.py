"""Which stored aggressor profile each of a few reports belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from pipelines.storage.tables import aggressor_members

_CHUNK = 500
"""Report ids per IN list, to keep each statement small on SQLite and PostgreSQL alike."""


def profiles_of(connection: Connection, report_ids: Sequence[str]) -> dict[str, str]:
    """Report → the aggressor profile it is stored under (merges not followed), for the given
    reports only; reports in no profile are left out."""
    owner: dict[str, str] = {}
    for start in range(0, len(report_ids), _CHUNK):
        chunk = list(report_ids[start : start + _CHUNK])
        owner.update(
            connection.execute(
                select(aggressor_members.c.report_id, aggressor_members.c.aggressor_id).where(
                    aggressor_members.c.report_id.in_(chunk)
                )
            )
            .tuples()
            .all()
        )
    return owner

"""Retention: removing old reports while keeping the aggregate counts trend history needs.

The policy (``docs/retention.md``): a report is *old* when it was received more than N days ago —
its ``received_at`` when readable and not later than when it was loaded, else when it was loaded
(``ingested_at``). A purge first adds the old reports' month × category counts to
``trend_counts``, then deletes, in one transaction, each old report with everything that holds its
content or points to it: the encrypted contact, other versions flagged as conflicts, features,
aggressor memberships, scored links, link decisions and the report's status history; plus
quarantined rows from ingest runs older than the cut-off. One audit entry records it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, insert, or_, select

from analytics.extract import normalise_report
from analytics.extract.when import canonical_received
from analytics.features import split_list
from analytics.trends import month_of
from pipelines import audit
from pipelines.ingest.mapping import canonical_fields
from pipelines.storage.tables import (
    aggressor_members,
    features,
    ingest_runs,
    link_decisions,
    quarantined_rows,
    raw_reports,
    report_conflicts,
    report_links,
    reporter_contacts,
    status_changes,
    trend_counts,
)

PURGE_ACTION = "retention.purge"
TREND_DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("incident_type", "incident_types"),
    ("severity", "severity"),
    ("sector", "sector"),
    ("channel", "channel"),
    ("jurisdiction", "jurisdiction"),
    ("municipality", "municipality"),
    ("neighbourhood", "neighbourhood"),
    ("reporter_gender", "reporter_gender"),
)
"""(dimension stored in ``trend_counts``, feature column it counts); plus ``reports`` / ``all``."""
_MULTI_VALUED = {"incident_types"}
_NOT_STATED = "not stated"
_CHUNK = 500


@dataclass
class PurgePlan:
    """What a purge removes (or, for a dry run, would remove)."""

    cutoff: dt.datetime
    report_ids: list[str]
    removed: Counter[str] = field(default_factory=Counter)
    trend_rows: int = 0

    def describe(self) -> str:
        parts = [f"{count} {name}" for name, count in sorted(self.removed.items()) if count]
        return ", ".join(parts) or "nothing"


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def report_age_date(raw_json: str, ingested_at: dt.datetime) -> dt.datetime:
    """When a report counts as received: ``received_at`` if readable and not after loading."""
    ingested = _utc(ingested_at)
    stored = json.loads(raw_json)
    fields = canonical_fields(stored.get("cells", {}), stored.get("columns", {}))
    text = canonical_received(fields.get("received_at", "").strip())
    if not text:
        return ingested
    received = _utc(dt.datetime.fromisoformat(text))
    return received if received <= ingested else ingested


def old_report_ids(connection: Connection, cutoff: dt.datetime) -> list[str]:
    old = []
    rows = connection.execute(
        select(raw_reports.c.report_id, raw_reports.c.raw_json, raw_reports.c.ingested_at)
    )
    for report_id, raw_json, ingested_at in rows:
        if report_age_date(raw_json, ingested_at) < cutoff:
            old.append(report_id)
    return sorted(old)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _feature_rows(connection: Connection, report_ids: Sequence[str]) -> list[dict[str, str]]:
    """Features of the reports: stored ones, else computed from the raw report now."""
    rows = []
    for chunk in _chunks(report_ids):
        stored = {
            row["report_id"]: dict(row)
            for row in connection.execute(
                select(features).where(features.c.report_id.in_(chunk))
            ).mappings()
        }
        missing = [report_id for report_id in chunk if report_id not in stored]
        for report_id, raw_json in connection.execute(
            select(raw_reports.c.report_id, raw_reports.c.raw_json).where(
                raw_reports.c.report_id.in_(missing)
            )
        ):
            raw = json.loads(raw_json)
            fields = canonical_fields(raw.get("cells", {}), raw.get("columns", {}))
            stored[report_id] = normalise_report(fields, report_id)
        rows.extend(stored.values())
    return rows


def trend_counts_of(feature_rows: list[dict[str, str]]) -> Counter[tuple[str, str, str]]:
    """(month, dimension, category) → reports, for the month of each incident (else receipt)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for row in feature_rows:
        month = month_of(row.get("incident_date", ""), row.get("received_at", ""))
        counts[(month, "reports", "all")] += 1
        for dimension, column in TREND_DIMENSIONS:
            value = str(row.get(column) or "")
            values = split_list(value) if column in _MULTI_VALUED else [value.strip()]
            for category in {item for item in values if item} or {_NOT_STATED}:
                counts[(month, dimension, category[:200])] += 1
    return counts


def purge(
    engine: Engine,
    older_than_days: int,
    user: str,
    dry_run: bool = False,
    now: dt.datetime | None = None,
) -> PurgePlan:
    """Remove reports received more than ``older_than_days`` ago; see the module docstring."""
    now = _utc(now or dt.datetime.now(dt.UTC))
    cutoff = now - dt.timedelta(days=older_than_days)
    with engine.connect() as connection, connection.begin() as transaction:
        plan = PurgePlan(cutoff, old_report_ids(connection, cutoff))
        counts = trend_counts_of(_feature_rows(connection, plan.report_ids))
        plan.trend_rows = len(counts)
        if dry_run:
            _count_removals(connection, plan)
            transaction.rollback()
            return plan
        if counts:
            connection.execute(
                insert(trend_counts),
                [
                    {"month": m, "dimension": d, "category": c, "reports": n, "purged_at": now}
                    for (m, d, c), n in sorted(counts.items())
                ],
            )
        _delete(connection, plan)
        audit.record_in(
            connection,
            user,
            PURGE_ACTION,
            f"reports received before {cutoff.date()}",
            f"older than {older_than_days} days; removed {plan.describe()}; "
            f"{plan.trend_rows} trend counts kept",
            now,
        )
    return plan


def _removals(report_ids: Sequence[str]):  # type: ignore[no-untyped-def]
    """(label, table, condition) for every row that holds or points to these reports."""
    return (
        ("contacts", reporter_contacts, reporter_contacts.c.report_id.in_(report_ids)),
        ("conflicting versions", report_conflicts, report_conflicts.c.report_id.in_(report_ids)),
        ("feature rows", features, features.c.report_id.in_(report_ids)),
        ("aggressor memberships", aggressor_members, aggressor_members.c.report_id.in_(report_ids)),
        (
            "links",
            report_links,
            or_(
                report_links.c.report_id_a.in_(report_ids),
                report_links.c.report_id_b.in_(report_ids),
            ),
        ),
        (
            "link decisions",
            link_decisions,
            or_(
                link_decisions.c.report_id_a.in_(report_ids),
                link_decisions.c.report_id_b.in_(report_ids),
            ),
        ),
        (
            "status changes",
            status_changes,
            (status_changes.c.target_kind == "report") & status_changes.c.target_id.in_(report_ids),
        ),
        ("reports", raw_reports, raw_reports.c.report_id.in_(report_ids)),
    )


def _old_quarantine(cutoff: dt.datetime):  # type: ignore[no-untyped-def]
    old_runs = select(ingest_runs.c.id).where(ingest_runs.c.started_at < cutoff)
    return quarantined_rows.c.ingest_run_id.in_(old_runs)


def _count_removals(connection: Connection, plan: PurgePlan) -> None:
    for chunk in _chunks(plan.report_ids):
        for label, table, condition in _removals(chunk):
            plan.removed[label] += connection.execute(
                select(func.count()).select_from(table).where(condition)
            ).scalar_one()
    plan.removed["quarantined rows"] += connection.execute(
        select(func.count()).select_from(quarantined_rows).where(_old_quarantine(plan.cutoff))
    ).scalar_one()


def _delete(connection: Connection, plan: PurgePlan) -> None:
    for chunk in _chunks(plan.report_ids):
        for label, table, condition in _removals(chunk):
            plan.removed[label] += connection.execute(delete(table).where(condition)).rowcount
    plan.removed["quarantined rows"] += connection.execute(
        delete(quarantined_rows).where(_old_quarantine(plan.cutoff))
    ).rowcount


def trend_history(engine: Engine) -> pd.DataFrame:
    """Counts kept from purged reports: month, dimension, category, reports (summed over purges)."""
    query = (
        select(
            trend_counts.c.month,
            trend_counts.c.dimension,
            trend_counts.c.category,
            func.sum(trend_counts.c.reports).label("reports"),
        )
        .group_by(trend_counts.c.month, trend_counts.c.dimension, trend_counts.c.category)
        .order_by(trend_counts.c.month, trend_counts.c.dimension, trend_counts.c.category)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame(
        [tuple(row) for row in rows], columns=["month", "dimension", "category", "reports"]
    )
    return frame.astype({"reports": "int64"})

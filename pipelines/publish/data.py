"""What publishing reads: reports with their aggressor, the workflow history, the redaction policy,
and the record of earlier sheets (kept in the audit log as ``sheet.publish`` entries)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, select

from analytics.publish.redaction import (
    RedactionPolicy,
    RedactionPolicyError,
    default_policy,
    policy_from_toml,
)
from pipelines.errors import ConfigError
from pipelines.liaison import load_profile_reports
from pipelines.storage.tables import audit_log, status_changes

__all__ = [
    "SHEET_ACTION",
    "last_sheet_until",
    "load_changes",
    "load_policy",
    "load_reports",
    "sheet_record",
]

SHEET_ACTION = "sheet.publish"
REPORT_ACTION = "report.publish"
ALERT_ACTION = "alert.write"


def load_policy(path: Path | None = None) -> RedactionPolicy:
    """The shipped policy, or the one in ``path`` (validated; every problem named at once)."""
    if path is None:
        return default_policy()
    try:
        text = Path(path).read_text("utf-8")
    except OSError as error:
        raise ConfigError(
            f"cannot read the redaction policy {path}: {error.strerror}. "
            "Copy analytics/reference/redaction_policy.toml and point --policy at the copy."
        ) from None
    try:
        return policy_from_toml(text, str(path))
    except RedactionPolicyError as error:
        raise ConfigError(str(error)) from None


def load_reports(engine: Engine, report_ids: list[str] | None = None) -> pd.DataFrame:
    """Feature rows of every report (or of ``report_ids``) with ``aggressor_id`` (blank for a
    lone report) and ``received_at`` filled from the load time where the report did not say."""
    reports = load_profile_reports(engine, report_ids)
    return reports.assign(received_at=reports["received"])


def load_changes(engine: Engine) -> pd.DataFrame:
    """The workflow history: ``target_kind``, ``target_id``, ``status``, ``at`` (UTC)."""
    columns = ["id", "target_kind", "target_id", "status", "at"]
    with engine.connect() as connection:
        rows = connection.execute(
            select(*(status_changes.c[name] for name in columns)).order_by(status_changes.c.id)
        ).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    return frame.assign(at=pd.to_datetime(frame["at"], utc=True))


def sheet_record(since: date, until: date, report_ids: list[str], out: Path) -> str:
    """The audit detail of a published sheet (read back by :func:`last_sheet_until`)."""
    return json.dumps(
        {
            "since": since.isoformat(),
            "until": until.isoformat(),
            "file": out.name,
            "reports": sorted(report_ids),
        }
    )


def last_sheet_until(engine: Engine) -> date | None:
    """The last day covered by the latest sheet published, or None when there was none."""
    with engine.connect() as connection:
        details = connection.execute(
            select(audit_log.c.detail)
            .where(audit_log.c.action == SHEET_ACTION)
            .order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
        ).scalars()
        for detail in details:
            try:
                return date.fromisoformat(json.loads(detail)["until"])
            except (ValueError, KeyError, TypeError):
                continue
    return None


def today_utc() -> date:
    return datetime.now().astimezone().date()

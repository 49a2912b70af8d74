"""Reports taken in the dashboard (phone, in-person and email intake), the co-ordinator's inbox,
and the sheet as the dashboard previews and publishes it.

A report typed in the dashboard goes through exactly the path of a file: ``ingest_files`` (same
checks, same stable id, contact kept only with consent), then the incremental normalise stage, then
a look-up of the likeliest aggressors.
"""

from __future__ import annotations

import csv
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, Select, func, select

from analytics.intake import INTAKE_COLUMNS, content_hash, stable_report_id
from pipelines import audit
from pipelines.errors import NotFoundError
from pipelines.ingest.loader import ingest_in
from pipelines.link import candidate_matches
from pipelines.pause_points import DASHBOARD_SAVE, pause_point
from pipelines.publish.data import last_sheet_until, load_policy
from pipelines.publish.sheet import publish_sheet
from pipelines.secrets import load_cipher
from pipelines.settings import Settings
from pipelines.stages.normalise import normalise_in, normaliser_version
from pipelines.storage.tables import features, raw_reports, status_changes


@dataclass(frozen=True)
class SavedReport:
    report_id: str
    new: bool
    problems: list[str]


def save_report(
    engine: Engine, settings: Settings, fields: dict[str, str], viewer: str
) -> SavedReport:
    """Store one report typed by staff; ``problems`` lists why it was refused (then nothing is
    stored). ``new`` is False when the same report was already in the store.

    One transaction: the raw report, its contact, its features and the audit entry all land, or
    (if the dashboard is killed mid-save) none of them; saving again then stores it once."""
    row = {name: str(fields.get(name, "") or "").strip() for name in INTAKE_COLUMNS}
    report_id = stable_report_id(row, content_hash(row))
    cipher = load_cipher(settings)
    version = normaliser_version()
    with tempfile.TemporaryDirectory(prefix="bdars-intake-") as folder:
        path = Path(folder) / "dashboard-intake.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(INTAKE_COLUMNS))
            writer.writeheader()
            writer.writerow(row)
        with engine.begin() as connection:
            summary = ingest_in(connection, cipher, [path], user=viewer)
            problems = [issue.reason for issue in summary.issues if issue.kind == "quarantined"]
            problems += [file.error for file in summary.files if file.error]
            if summary.total("loaded") == 0 and summary.total("duplicates") == 0:
                return SavedReport(report_id, False, problems or ["the report could not be stored"])
            stored = connection.execute(
                select(features.c.normaliser_version).where(features.c.report_id == report_id)
            ).scalar()
            if stored != version:
                normalise_in(connection, cipher, [report_id], version)
            pause_point(DASHBOARD_SAVE)
            audit.record_in(connection, viewer, "report.add", report_id, "typed in the dashboard")
    return SavedReport(report_id, summary.total("loaded") > 0, [])


def candidates_for(engine: Engine, report_id: str, k: int = 5) -> pd.DataFrame:
    """The likeliest aggressors for a stored, normalised report (never the report itself)."""
    with engine.connect() as connection:
        row = connection.execute(select(features).where(features.c.report_id == report_id)).first()
    if row is None:
        raise NotFoundError(f"report {report_id!r} is not normalised yet; run `bdars run`.")
    facts = {key: str(value or "") for key, value in row._mapping.items()}
    found = candidate_matches(engine, facts, k + 1)
    return found[found["report_id"] != report_id].head(k).reset_index(drop=True)


def _reviewed() -> Select[tuple[str]]:
    return select(status_changes.c.target_id).where(status_changes.c.target_kind == "report")


def inbox_size(engine: Engine) -> int:
    """How many reports nobody has given a workflow status yet."""
    query = select(func.count()).where(raw_reports.c.report_id.not_in(_reviewed()))
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def inbox(engine: Engine, limit: int = 100) -> pd.DataFrame:
    """Reports nobody has given a workflow status yet, newest first."""
    reviewed = _reviewed()
    query = (
        select(raw_reports.c.report_id, raw_reports.c.ingested_at, raw_reports.c.source_file)
        .where(raw_reports.c.report_id.not_in(reviewed))
        .order_by(raw_reports.c.ingested_at.desc(), raw_reports.c.report_id)
        .limit(limit)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=["report_id", "ingested_at", "source"])
    return frame.assign(source=frame["source"].map(lambda s: Path(str(s)).name))


def publish_sheet_file(
    engine: Engine, since: date, until: date, suffix: str, viewer: str
) -> tuple[str, bytes]:
    """Publish the sheet for a period, recorded like ``bdars sheet``; returns its name, bytes."""
    name = f"bad-date-sheet-{since}-to-{until}{suffix}"
    with tempfile.TemporaryDirectory(prefix="bdars-sheet-") as folder:
        path = Path(folder) / name
        publish_sheet(engine, path, load_policy(), viewer, since, until)
        return name, path.read_bytes()


def default_sheet_period(engine: Engine, today: date) -> tuple[date, date]:
    """From the day after the last published sheet (else 30 days back) to ``today``."""
    last = last_sheet_until(engine)
    since = last + timedelta(days=1) if last else today - timedelta(days=30)
    return min(since, today), today

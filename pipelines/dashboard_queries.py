"""The reads the dashboard's pages make. Reads that show report-level data write the audit log."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, func, or_, select

from pipelines import audit
from pipelines.ingest import IngestSummary, ingest_files
from pipelines.ingest.loader import Progress
from pipelines.ingest.mapping import canonical_fields
from pipelines.secrets import decrypt, load_cipher
from pipelines.settings import Settings
from pipelines.storage.tables import (
    aggressor_members,
    aggressors,
    features,
    ingest_runs,
    quarantined_rows,
    raw_reports,
    reporter_contacts,
)
from pipelines.users import list_users

TREND_COLUMNS = (
    "incident_date",
    "incident_hour",
    "received_at",
    "incident_types",
    "sector",
    "reporter_gender",
    "neighbourhood",
    "municipality",
)
"""The feature columns the trends page aggregates: no narratives, no identifiers, no place finer
than a neighbourhood."""


def overview_counts(engine: Engine) -> dict[str, int]:
    """Totals for the overview: reports, ingest runs, quarantined rows, features, aggressors."""
    queries = {
        "reports": select(func.count()).select_from(raw_reports),
        "ingest runs": select(func.count()).select_from(ingest_runs),
        "quarantined rows": select(func.count()).select_from(quarantined_rows),
        "normalised reports": select(func.count()).select_from(features),
        "aggressors": select(func.count())
        .select_from(aggressors)
        .where(aggressors.c.merged_into.is_(None)),
    }
    with engine.connect() as connection:
        return {
            name: int(connection.execute(query).scalar_one()) for name, query in queries.items()
        }


def ingest_run_table(engine: Engine, limit: int = 200) -> pd.DataFrame:
    """The newest ingest runs first, with file names and their counts."""
    columns = [
        "id",
        "started_at",
        "finished_at",
        "files",
        "loaded",
        "duplicates",
        "conflicts",
        "quarantined",
        "contacts_stored",
        "contacts_dropped",
        "user_name",
    ]
    query = select(*(ingest_runs.c[c] for c in columns)).order_by(ingest_runs.c.id.desc())
    with engine.connect() as connection:
        rows = connection.execute(query.limit(limit)).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    return frame.assign(files=frame["files"].map(_file_names))


def _file_names(files_json: str) -> str:
    try:
        names = json.loads(files_json)
    except (TypeError, ValueError):
        return str(files_json)
    return ", ".join(str(name).replace("\\", "/").rsplit("/", 1)[-1] for name in names)


def quarantine_table(
    engine: Engine, viewer: str, include_excerpt: bool, limit: int = 1000
) -> pd.DataFrame:
    """Quarantined rows, newest first, with their reasons.

    ``include_excerpt`` adds the row's raw text (report-level data: the view is audited).
    """
    columns = ["ingest_run_id", "source_file", "row_number", "column_name", "reason"]
    if include_excerpt:
        columns.append("raw_excerpt")
    query = select(*(quarantined_rows.c[c] for c in columns)).order_by(quarantined_rows.c.id.desc())
    with engine.connect() as connection:
        rows = connection.execute(query.limit(limit)).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    if include_excerpt and not frame.empty:
        audit.record(engine, viewer, "view.quarantine", "quarantined_rows", f"rows={len(frame)}")
    return frame


def trend_features(engine: Engine) -> pd.DataFrame:
    """The columns the trends page counts, one row per normalised report (no report ids), plus
    ``profile_size``: how many reports the report's aggressor profile has (1 when unlinked)."""
    query = select(features.c.report_id, *(features.c[c] for c in TREND_COLUMNS))
    sizes = (
        select(aggressor_members.c.aggressor_id, func.count().label("size"))
        .group_by(aggressor_members.c.aggressor_id)
        .subquery()
    )
    profile_sizes = select(aggressor_members.c.report_id, sizes.c.size).join(
        sizes, sizes.c.aggressor_id == aggressor_members.c.aggressor_id
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        size_of = dict(connection.execute(profile_sizes).tuples().all())
    frame = pd.DataFrame([tuple(row) for row in rows], columns=["report_id", *TREND_COLUMNS])
    return frame.assign(
        profile_size=frame["report_id"].map(size_of).fillna(1).astype("int64")
    ).drop(columns=["report_id"])


def user_table(engine: Engine) -> pd.DataFrame:
    rows = [
        {
            "name": user.name,
            "role": user.role,
            "disabled": user.disabled,
            "locked_until": user.locked_until,
            "created_at": user.created_at,
        }
        for user in list_users(engine)
    ]
    return pd.DataFrame(rows, columns=["name", "role", "disabled", "locked_until", "created_at"])


def ingest_upload(
    engine: Engine,
    settings: Settings,
    file_name: str,
    content: bytes,
    viewer: str,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest a file uploaded in the dashboard: written to a private temporary folder under its
    own name, loaded exactly as ``bdars ingest`` would, then deleted."""
    safe_name = Path(file_name).name.strip() or "upload.csv"
    with tempfile.TemporaryDirectory(prefix="bdars-upload-") as folder:
        path = Path(folder) / safe_name
        path.write_bytes(content)
        summary = ingest_files(
            engine, load_cipher(settings), [path], user=viewer, progress=progress
        )
    audit.record(
        engine,
        viewer,
        "ingest.upload",
        safe_name,
        f"run={summary.run_id} loaded={summary.total('loaded')} "
        f"quarantined={summary.total('quarantined')}",
    )
    return summary


REPORT_TEXT_COLUMNS = (
    "received_at",
    "incident_date",
    "incident_time",
    "channel",
    "sector",
    "location",
    "what_happened",
    "incident_types",
    "aggressor_description",
    "aggressor_name",
    "aggressor_phone",
    "aggressor_contact",
    "vehicle",
    "plate",
)
"""The intake fields a case view shows in the reporter's own words (never their contact)."""


def report_texts(engine: Engine, report_ids: list[str], viewer: str, why: str) -> pd.DataFrame:
    """The reports' own words, one row per report (audited: report-level data)."""
    if not report_ids:
        return pd.DataFrame(columns=["report_id", *REPORT_TEXT_COLUMNS])
    query = select(raw_reports.c.report_id, raw_reports.c.raw_json).where(
        raw_reports.c.report_id.in_(report_ids)
    )
    with engine.connect() as connection:
        rows = connection.execute(query.order_by(raw_reports.c.report_id)).all()
    records = []
    for report_id, raw in rows:
        stored = json.loads(raw)
        fields = canonical_fields(stored["cells"], stored.get("columns", {}))
        records.append(
            {"report_id": report_id, **{c: fields.get(c, "") for c in REPORT_TEXT_COLUMNS}}
        )
    audit.record(engine, viewer, "view.reports", why, f"reports={','.join(r[0] for r in rows)}")
    return pd.DataFrame(records, columns=["report_id", *REPORT_TEXT_COLUMNS])


CONTACT_CONSENTS = {
    "co-ordinator": ("consent_contact", "consent_police"),
    "liaison": ("consent_police",),
}
"""Which consent lets a role see a reporter's own contact details."""


def reporter_contacts_for(
    engine: Engine, settings: Settings, report_ids: list[str], viewer: str, role: str
) -> pd.DataFrame:
    """Decrypted reporter contacts that ``role`` may see under the reporter's consent (audited).

    Other roles get nothing, whatever the consent.
    """
    columns = ["report_id", "contact", "consent_contact", "consent_police", "wants_statement"]
    consents = CONTACT_CONSENTS.get(role, ())
    if not consents or not report_ids:
        return pd.DataFrame(columns=columns)
    allowed = or_(*(reporter_contacts.c[name].is_(True) for name in consents))
    query = (
        select(reporter_contacts)
        .where(reporter_contacts.c.report_id.in_(report_ids), allowed)
        .order_by(reporter_contacts.c.report_id)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    if not rows:
        return pd.DataFrame(columns=columns)
    cipher = load_cipher(settings)
    records = [
        {
            "report_id": row.report_id,
            "contact": decrypt(cipher, row.ciphertext),
            "consent_contact": row.consent_contact,
            "consent_police": row.consent_police,
            "wants_statement": row.wants_statement,
        }
        for row in rows
    ]
    audit.record(
        engine,
        viewer,
        "view.reporter_contact",
        ",".join(record["report_id"] for record in records),
        f"role={role}",
    )
    return pd.DataFrame(records, columns=columns)

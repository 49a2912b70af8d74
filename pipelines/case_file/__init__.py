"""Case files for police records: ``export_case`` writes one aggressor's (or lone report's) case
as PDF, JSON or CSV, the same way every time, and records the export in the audit log.

    content.py       what a case holds (reports, link evidence, timeline, consented contacts)
    incident_map.py  the offline map of incident locations
    pdf.py           the PDF layout
    flat.py          JSON and CSV
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from pipelines import audit
from pipelines.case_file.content import build_case
from pipelines.case_file.flat import case_csv, case_json
from pipelines.case_file.pdf import case_pdf
from pipelines.errors import InputFileError
from pipelines.settings import Settings

__all__ = ["CASE_FORMATS", "build_case", "export_case"]

CASE_FORMATS = ("pdf", "json", "csv")


def _write_private(out: Path, data: bytes) -> None:
    """Write atomically with owner-only permissions: a case file holds report-level data."""
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise InputFileError(f"cannot write {out}: the folder {directory} does not exist.")
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".bdars-case-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputFileError(f"cannot write {out}: {error.strerror}.") from error


def export_case(
    engine: Engine,
    settings: Settings,
    case_id: str,
    fmt: str,
    out: Path,
    user: str,
    generated: str | None = None,
) -> dict[str, int]:
    """Write the case file and audit it (once); returns counts for the user's message."""
    if fmt not in CASE_FORMATS:
        raise InputFileError(
            f"unknown case file format {fmt!r}; use one of {', '.join(CASE_FORMATS)}."
        )
    now = datetime.now(UTC)
    case = build_case(engine, settings, case_id, generated or now.date().isoformat())
    if fmt == "pdf":
        data = case_pdf(case)
    elif fmt == "json":
        data = case_json(case).encode("utf-8")
    else:
        data = case_csv(case).encode("utf-8")
    _write_private(out, data)
    counts = {
        "reports": len(case["reports"]),
        "links": len(case["links"]),
        "contacts": len(case["contacts"]),
    }
    released = ",".join(c["report_id"] for c in case["contacts"]) or "none"
    audit.record(
        engine,
        user,
        "export.case",
        f"{case['kind']}:{case_id}",
        f"format={fmt}; file={out.name}; reports={counts['reports']}; "
        f"contacts released for={released}",
        now=now,
    )
    return counts

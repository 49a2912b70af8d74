"""The normalise stage: raw reports → the features table, incrementally.

A report is (re)normalised when it has no features yet or when its features came from another
version of the normaliser (the version is a fingerprint of the extractor code and reference data),
so changing a rule rebuilds exactly what it affects. Each chunk is its own transaction: a killed
run leaves whole chunks done and the rerun picks up the rest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import resources

from cryptography.fernet import Fernet
from sqlalchemy import Connection, Engine, delete, insert, select

from analytics.extract import normalise_report
from analytics.extract.phones import without_reporter_numbers
from pipelines.ingest.mapping import canonical_fields
from pipelines.parallel import chunked, map_chunks
from pipelines.secrets import decrypt
from pipelines.storage.tables import features, raw_reports, reporter_contacts

StageProgress = Callable[[int, int], None]


def normaliser_version(extra: str = "") -> str:
    """A fingerprint of the extractors' code and reference data (plus ``extra``: the user's own
    reference files, when configured)."""
    digest = hashlib.sha256(extra.encode())
    for package in ("analytics.extract", "analytics.reference"):
        root = resources.files(package)
        for entry in sorted(_walk(root), key=lambda item: str(item)):
            digest.update(str(entry).rsplit(package.replace(".", "/"), 1)[-1].encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def _walk(root):  # type: ignore[no-untyped-def]
    for entry in root.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        elif not entry.name.endswith((".pyc", ".pyo")):
            yield entry


def _normalise_chunk(chunk: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    rows = []
    for report_id, raw, own_contact in chunk:
        stored = json.loads(raw)
        fields = canonical_fields(stored["cells"], stored.get("columns", {}))
        features_row = normalise_report(fields, report_id)
        features_row["phones"] = without_reporter_numbers(features_row["phones"], own_contact)
        rows.append(features_row)
    return rows


def _own_contacts(connection: Connection, cipher: Fernet, ids: list[str]) -> dict[str, str]:
    """The reporters' own contacts (kept with consent) for these reports, to keep their numbers
    out of the aggressor's phones; used here only, never stored in features."""
    stored = connection.execute(
        select(reporter_contacts.c.report_id, reporter_contacts.c.ciphertext).where(
            reporter_contacts.c.report_id.in_(ids)
        )
    )
    return {report_id: decrypt(cipher, token) for report_id, token in stored}


def normalise_in(
    connection: Connection, cipher: Fernet, report_ids: list[str], version: str
) -> int:
    """(Re)normalise these reports inside the caller's transaction (in this process; for the
    few reports a dashboard save adds). Returns how many were normalised."""
    own = _own_contacts(connection, cipher, report_ids)
    raw = [
        (report_id, raw_json, own.get(report_id, ""))
        for report_id, raw_json in connection.execute(
            select(raw_reports.c.report_id, raw_reports.c.raw_json).where(
                raw_reports.c.report_id.in_(report_ids)
            )
        )
    ]
    rows = _normalise_chunk(raw)
    for row in rows:
        row["normaliser_version"] = version
    connection.execute(delete(features).where(features.c.report_id.in_(report_ids)))
    if rows:
        connection.execute(insert(features), rows)
    return len(rows)


def run_normalise_stage(
    engine: Engine,
    cipher: Fernet,
    progress: StageProgress | None = None,
    reference_fingerprint: str = "",
) -> dict[str, int]:
    """Normalise every report whose features are missing or stale; returns counts."""
    version = normaliser_version(reference_fingerprint)
    with engine.connect() as connection:
        current = dict(
            connection.execute(select(features.c.report_id, features.c.normaliser_version)).all()
        )
        all_ids = connection.execute(select(raw_reports.c.report_id)).scalars().all()
    todo = [report_id for report_id in all_ids if current.get(report_id) != version]
    stale = sum(1 for report_id in todo if report_id in current)
    done = 0
    for id_chunk in chunked(todo, 10_000):
        with engine.connect() as connection:
            own = _own_contacts(connection, cipher, id_chunk)
            raw = [
                (report_id, raw_json, own.get(report_id, ""))
                for report_id, raw_json in connection.execute(
                    select(raw_reports.c.report_id, raw_reports.c.raw_json).where(
                        raw_reports.c.report_id.in_(id_chunk)
                    )
                )
            ]
        rows: list[dict[str, str]] = []
        for results in map_chunks(_normalise_chunk, chunked(raw), len(todo)):
            rows.extend(results)
        for row in rows:
            row["normaliser_version"] = version
        with engine.begin() as connection:
            connection.execute(delete(features).where(features.c.report_id.in_(id_chunk)))
            if rows:
                connection.execute(insert(features), rows)
        done += len(id_chunk)
        if progress:
            progress(done, len(todo))
    return {
        "reports": len(all_ids),
        "normalised": len(todo),
        "renormalised": stale,
        "unchanged": len(all_ids) - len(todo),
    }

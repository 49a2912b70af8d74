"""Backup and restore: every table of the store in one portable, owner-only zip archive.

The archive holds ``manifest.json`` (format, schema revision, when, row counts) and one JSON Lines
file per table, ``tables/<name>.jsonl``, one object per row. Values that JSON has no type for are
tagged: ``{"$bytes": base64}`` (reporter contacts stay Fernet ciphertext), ``{"$datetime": iso}``,
``{"$date": iso}``. The encryption key is *not* in the archive: back it up apart (see
``docs/security.md``), or the contacts in the archive cannot be read.

The archive is read in one snapshot (the backup's own audit entry is its last row); a restore goes
into an initialised database of the same schema revision, in one transaction, and appends a
``restore`` entry to the restored audit log.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, MetaData, Table, func, select, text

from pipelines import audit
from pipelines.errors import InputFileError, StorageError
from pipelines.storage.database import current_revision, head_revision

FORMAT = "bdars-backup"
FORMAT_VERSION = 1
BACKUP_ACTION = "store.backup"
RESTORE_ACTION = "store.restore"
_SKIPPED_TABLES = {"alembic_version"}
_BATCH = 1_000


@dataclass(frozen=True)
class ArchiveSummary:
    path: Path
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _store_tables(connection: Connection) -> list[Table]:
    """Every table in the database (not only those this bdars knows), parents before children."""
    reflected = MetaData()
    reflected.reflect(bind=connection)
    return [table for table in reflected.sorted_tables if table.name not in _SKIPPED_TABLES]


def encode_value(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    return value


def decode_value(value: object) -> object:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, payload),) = value.items()
        if tag == "$bytes":
            return base64.b64decode(payload)
        if tag == "$datetime":
            return dt.datetime.fromisoformat(payload)
        if tag == "$date":
            return dt.date.fromisoformat(payload)
    return value


def _open_private(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise StorageError(
            f"{path} already exists; bdars never overwrites a backup. Name a new file."
        ) from None
    except OSError as error:
        raise StorageError(f"cannot create {path}: {error.strerror}.") from None
    return os.fdopen(descriptor, "wb")


def _snapshot(connection: Connection) -> Connection:
    if connection.dialect.name == "postgresql":
        return connection.execution_options(isolation_level="REPEATABLE READ")
    return connection


def backup_store(engine: Engine, path: Path, user: str) -> ArchiveSummary:
    """Write every table to a new owner-only zip archive at ``path``."""
    revision = current_revision(engine) or ""
    if revision != head_revision():
        raise StorageError(
            "the database is not at this bdars's schema version; run `bdars init` first."
        )
    handle = _open_private(path)
    try:
        with handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            rows = _write_archive(engine, archive, path, user, revision)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return ArchiveSummary(path, revision, rows)


def _write_archive(
    engine: Engine, archive: zipfile.ZipFile, path: Path, user: str, revision: str
) -> dict[str, int]:
    rows: dict[str, int] = {}
    with engine.connect() as plain:
        connection = _snapshot(plain)
        with connection.begin():
            audit.record_in(connection, user, BACKUP_ACTION, str(path))
            for table in _store_tables(connection):
                rows[table.name] = _dump_table(connection, table, archive)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": revision,
        "dialect": engine.dialect.name,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "tables": rows,
        "key_included": False,
    }
    archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return rows


def _dump_table(connection: Connection, table: Table, archive: zipfile.ZipFile) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    count = 0
    with archive.open(f"tables/{table.name}.jsonl", "w") as member:
        result = connection.execution_options(yield_per=_BATCH).execute(
            select(table).order_by(*order)
        )
        for row in result:
            record = {key: encode_value(value) for key, value in row._mapping.items()}
            member.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count


def read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, object]:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, json.JSONDecodeError):
        raise InputFileError(f"{path} is not a bdars backup (no readable manifest.json).") from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise InputFileError(
            f"{path} is not a bdars backup of format {FORMAT} v{FORMAT_VERSION} "
            f"(found {manifest.get('format')!r} v{manifest.get('format_version')!r})."
        )
    return manifest


def _open_archive(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise InputFileError(f"{path}: no such file.")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputFileError(f"{path} is not a bdars backup (not a zip archive).") from None


def restore_store(engine: Engine, path: Path, user: str, force: bool = False) -> ArchiveSummary:
    """Load an archive into an initialised database, in one transaction."""
    with _open_archive(path) as archive:
        manifest = read_manifest(archive, path)
        revision = str(manifest["schema_revision"])
        expected = {str(name): int(count) for name, count in dict(manifest["tables"]).items()}
        current = current_revision(engine)
        if current is None:
            raise StorageError("the database is empty; run `bdars init` first, then restore.")
        if current != revision:
            raise StorageError(
                f"{path} holds schema version {revision}, the database has {current}. Restore "
                f"with the bdars version that made the backup, or into a database at {revision}."
            )
        with engine.begin() as connection:
            tables = {table.name: table for table in _store_tables(connection)}
            missing = sorted(set(expected) - set(tables))
            if missing:
                raise StorageError(f"the database has no table(s) {', '.join(missing)}.")
            _empty_or_clear(connection, list(tables.values()), force)
            rows = {}
            for table in tables.values():
                if table.name in expected:
                    rows[table.name] = _load_table(connection, table, archive, path)
                    if rows[table.name] != expected[table.name]:
                        raise InputFileError(
                            f"{path}: table {table.name} has {rows[table.name]} rows, the "
                            f"manifest says {expected[table.name]}; the archive is damaged."
                        )
            _reset_sequences(connection, list(tables.values()))
            audit.record_in(
                connection,
                user,
                RESTORE_ACTION,
                str(path),
                f"{sum(rows.values())} rows from a backup made {manifest.get('created_at')}",
            )
    return ArchiveSummary(path, revision, rows)


def _empty_or_clear(connection: Connection, tables: list[Table], force: bool) -> None:
    filled = [
        table.name
        for table in tables
        if connection.execute(select(func.count()).select_from(table)).scalar_one()
    ]
    if not filled:
        return
    if not force:
        raise StorageError(
            f"the database is not empty (rows in {', '.join(filled)}); restore goes into a fresh "
            "`bdars init` database. Pass --force to replace everything in it."
        )
    for table in reversed(tables):
        connection.execute(table.delete())


def _records(archive: zipfile.ZipFile, name: str, path: Path) -> Iterator[dict[str, object]]:
    try:
        member = archive.open(f"tables/{name}.jsonl")
    except KeyError:
        raise InputFileError(
            f"{path} has no data for table {name}; the archive is damaged."
        ) from None
    with member:
        for number, line in enumerate(member, start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputFileError(
                    f"{path}: tables/{name}.jsonl line {number} is not JSON ({error.msg})."
                ) from None
            yield {key: decode_value(value) for key, value in record.items()}


def _load_table(connection: Connection, table: Table, archive: zipfile.ZipFile, path: Path) -> int:
    batch: list[dict[str, object]] = []
    count = 0
    for record in _records(archive, table.name, path):
        batch.append(record)
        if len(batch) >= _BATCH:
            connection.execute(table.insert(), batch)
            count += len(batch)
            batch = []
    if batch:
        connection.execute(table.insert(), batch)
        count += len(batch)
    return count


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL: move each serial sequence past the restored ids."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            ).scalar()
            if sequence:
                highest = func.max(column)
                connection.execute(
                    select(
                        func.setval(sequence, func.coalesce(highest, 1), highest.is_not(None))
                    ).select_from(table)
                )

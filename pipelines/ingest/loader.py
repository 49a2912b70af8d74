"""Loading intake files into the record, in one transaction.

Raw rows are stored verbatim (every column, extra ones too, except the reporter's contact, which is
encrypted into its own table when a consent allows and otherwise dropped at the door). A report seen
before adds nothing; one whose id returns with different content is flagged as a conflict; a bad row
is quarantined with its row number, column and reason while the good rows load.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import Connection, Engine, insert, select, update

from analytics.intake import (
    EVIDENCE_COLUMNS,
    consent_flags,
    content_hash,
    row_problems,
    row_warnings,
    stable_report_id,
)
from pipelines.errors import InputFileError
from pipelines.ingest.mapping import NO_MAPPING, ColumnMapping, canonical_fields
from pipelines.ingest.readers import SourceFile, SourceRow, open_source
from pipelines.secrets import encrypt
from pipelines.storage.tables import (
    ingest_runs,
    quarantined_rows,
    raw_reports,
    report_conflicts,
    reporter_contacts,
)

Progress = Callable[[Path, int, int], None]
"""Called now and then with (file, bytes read so far, file size)."""

_BATCH = 2_000
_EXCERPT = 10_000


@dataclass(frozen=True)
class RowIssue:
    """A quarantined row, a flagged conflict or a warning, with where it is."""

    kind: str
    source_file: str
    row_number: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source_file}, row {self.row_number}, column {self.column}: {self.reason}"


@dataclass
class FileSummary:
    path: Path
    kind: str = ""
    encoding: str = ""
    rows: int = 0
    loaded: int = 0
    duplicates: int = 0
    conflicts: int = 0
    quarantined: int = 0
    contacts_stored: int = 0
    contacts_dropped: int = 0
    error: str = ""


@dataclass
class IngestSummary:
    run_id: int
    files: list[FileSummary]
    issues: list[RowIssue] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(summary, name) for summary in self.files)

    @property
    def nothing_read(self) -> bool:
        """True when no file gave a single usable row (loaded, duplicate or conflict)."""
        return self.total("loaded") + self.total("duplicates") + self.total("conflicts") == 0


@dataclass
class _Batch:
    reports: list[dict[str, object]] = field(default_factory=list)
    contacts: list[dict[str, object]] = field(default_factory=list)
    conflicts: list[dict[str, object]] = field(default_factory=list)
    quarantine: list[dict[str, object]] = field(default_factory=list)

    def flush(self, connection: Connection) -> None:
        for table, rows in (
            (raw_reports, self.reports),
            (reporter_contacts, self.contacts),
            (report_conflicts, self.conflicts),
            (quarantined_rows, self.quarantine),
        ):
            if rows:
                connection.execute(insert(table), rows)
                rows.clear()

    @property
    def size(self) -> int:
        return len(self.reports) + len(self.quarantine) + len(self.conflicts)


class _Loader:
    """One ingest run: the state shared by every file of the command."""

    def __init__(
        self,
        connection: Connection,
        cipher: Fernet,
        run_id: int,
        mapping: ColumnMapping,
        progress: Progress | None,
    ) -> None:
        self.connection = connection
        self.cipher = cipher
        self.run_id = run_id
        self.mapping = mapping
        self.progress = progress
        self.now = dt.datetime.now(dt.UTC)
        self.known: dict[str, str] = dict(
            connection.execute(select(raw_reports.c.report_id, raw_reports.c.content_hash)).all()
        )
        self.flagged: set[tuple[str, str]] = {
            (row[0], row[1])
            for row in connection.execute(
                select(report_conflicts.c.report_id, report_conflicts.c.content_hash)
            )
        }
        self.already_quarantined: set[tuple[str, int, str, str]] = {
            (row[0], row[1], row[2], row[3])
            for row in connection.execute(
                select(
                    quarantined_rows.c.source_file,
                    quarantined_rows.c.row_number,
                    quarantined_rows.c.column_name,
                    quarantined_rows.c.raw_excerpt,
                )
            )
        }
        self.issues: list[RowIssue] = []
        self.batch = _Batch()
        self._columns_cache: dict[tuple[str, ...], dict[str, str]] = {}

    def columns_for(self, headers: Iterable[str]) -> dict[str, str]:
        key = tuple(headers)
        if key not in self._columns_cache:
            self._columns_cache[key] = self.mapping.resolve(list(key))
        return self._columns_cache[key]

    def load_file(self, source: SourceFile, summary: FileSummary) -> None:
        name = str(source.path)
        if source.kind in ("csv", "xlsx"):
            self._require_evidence_columns(source)
        for count, row in enumerate(source.rows, start=1):
            summary.rows += 1
            self._load_row(name, row, summary)
            if self.batch.size >= _BATCH:
                self.batch.flush(self.connection)
            if self.progress and count % 1_000 == 0:
                self.progress(source.path, source.bytes_read, source.size)
        self.batch.flush(self.connection)
        if self.progress:
            self.progress(source.path, source.size, source.size)
        if summary.rows == 0:
            summary.error = f"{name} has a header but no rows; nothing to load."

    def _require_evidence_columns(self, source: SourceFile) -> None:
        columns = self.columns_for(source.headers)
        if not any(name in columns for name in EVIDENCE_COLUMNS):
            raise InputFileError(
                f"{source.path} has none of the columns a report needs "
                f"({', '.join(EVIDENCE_COLUMNS)}); found: {', '.join(source.headers)}. "
                "If these are the same things under other names, pass --mapping FILE "
                '(TOML: [columns] "Their header" = "what_happened").'
            )

    def _quarantine(self, name: str, row: SourceRow, column: str, reason: str) -> None:
        excerpt = json.dumps(self._storable_cells(row), ensure_ascii=False)[:_EXCERPT]
        self.issues.append(RowIssue("quarantined", name, row.number, column, reason))
        key = (name, row.number, column, excerpt)
        if key in self.already_quarantined:
            return
        self.already_quarantined.add(key)
        self.batch.quarantine.append(
            {
                "ingest_run_id": self.run_id,
                "source_file": name,
                "row_number": row.number,
                "column_name": column,
                "reason": reason,
                "raw_excerpt": excerpt,
            }
        )

    def _storable_cells(self, row: SourceRow) -> dict[str, str]:
        contact_header = self.columns_for(row.cells).get("reporter_contact")
        return {header: value for header, value in row.cells.items() if header != contact_header}

    def _load_row(self, name: str, row: SourceRow, summary: FileSummary) -> None:
        if row.sheet:
            name = f"{name} (sheet {row.sheet!r})"
        if row.warning:
            self.issues.append(RowIssue("warning", name, row.number, "(row)", row.warning))
        if row.problem:
            self._quarantine(name, row, "(row)", row.problem)
            summary.quarantined += 1
            return
        columns = self.columns_for(row.cells)
        fields = canonical_fields(row.cells, columns)
        problems = row_problems(fields)
        if problems:
            for problem in problems:
                self._quarantine(name, row, problem.column, problem.reason)
            summary.quarantined += 1
            return
        for warning in row_warnings(fields):
            self.issues.append(
                RowIssue("warning", name, row.number, warning.column, warning.reason)
            )
        digest = content_hash(fields)
        report_id = stable_report_id(fields, digest)
        known_digest = self.known.get(report_id)
        if known_digest == digest:
            summary.duplicates += 1
            return
        cells = self._storable_cells(row)
        if known_digest is not None:
            self._flag_conflict(name, row, report_id, digest, cells, summary)
            return
        self.known[report_id] = digest
        stored_columns = {target: header for target, header in columns.items() if header in cells}
        self.batch.reports.append(
            {
                "report_id": report_id,
                "content_hash": digest,
                "raw_json": json.dumps(
                    {"cells": cells, "columns": stored_columns}, ensure_ascii=False
                ),
                "source_file": name,
                "source_row": row.number,
                "ingest_run_id": self.run_id,
                "ingested_at": self.now,
            }
        )
        summary.loaded += 1
        self._keep_or_drop_contact(report_id, fields, summary)

    def _flag_conflict(
        self,
        name: str,
        row: SourceRow,
        report_id: str,
        digest: str,
        cells: dict[str, str],
        summary: FileSummary,
    ) -> None:
        if (report_id, digest) in self.flagged:
            summary.duplicates += 1
            return
        self.flagged.add((report_id, digest))
        self.batch.conflicts.append(
            {
                "report_id": report_id,
                "content_hash": digest,
                "raw_json": json.dumps({"cells": cells}, ensure_ascii=False),
                "source_file": name,
                "source_row": row.number,
                "ingest_run_id": self.run_id,
            }
        )
        summary.conflicts += 1
        self.issues.append(
            RowIssue(
                "conflict",
                name,
                row.number,
                "report_id",
                f"report {report_id} was loaded before with different content; the stored "
                "report is kept unchanged and this version is flagged for the co-ordinator",
            )
        )

    def _keep_or_drop_contact(
        self, report_id: str, fields: dict[str, str], summary: FileSummary
    ) -> None:
        contact = fields.get("reporter_contact", "").strip()
        if not contact:
            return
        consents = consent_flags(fields)
        if not (consents["consent_contact"] or consents["consent_police"]):
            summary.contacts_dropped += 1
            return
        self.batch.contacts.append(
            {
                "report_id": report_id,
                "ciphertext": encrypt(self.cipher, contact),
                "stored_at": self.now,
                **consents,
            }
        )
        summary.contacts_stored += 1


def ingest_files(
    engine: Engine,
    cipher: Fernet,
    paths: Sequence[Path],
    *,
    user: str,
    mapping: ColumnMapping = NO_MAPPING,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Load every file in one transaction: all of it lands, or (if killed) none of it."""
    with engine.begin() as connection:
        return ingest_in(
            connection,
            cipher,
            paths,
            user=user,
            mapping=mapping,
            encoding=encoding,
            progress=progress,
        )


def ingest_in(
    connection: Connection,
    cipher: Fernet,
    paths: Sequence[Path],
    *,
    user: str,
    mapping: ColumnMapping = NO_MAPPING,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """:func:`ingest_files` inside the caller's transaction (which commits or rolls back)."""
    started = dt.datetime.now(dt.UTC)
    run_id = connection.execute(
        insert(ingest_runs).values(
            started_at=started,
            files=json.dumps([str(path) for path in paths]),
            loaded=0,
            duplicates=0,
            conflicts=0,
            quarantined=0,
            contacts_stored=0,
            contacts_dropped=0,
            user_name=user,
        )
    ).inserted_primary_key[0]
    loader = _Loader(connection, cipher, int(run_id), mapping, progress)
    summaries = []
    for path in paths:
        summary = FileSummary(Path(path))
        summaries.append(summary)
        try:
            source = open_source(Path(path), encoding)
            summary.kind, summary.encoding = source.kind, source.encoding
            loader.load_file(source, summary)
        except InputFileError as error:
            loader.batch.flush(connection)
            summary.error = str(error)
    result = IngestSummary(int(run_id), summaries, loader.issues)
    connection.execute(
        update(ingest_runs)
        .where(ingest_runs.c.id == run_id)
        .values(
            finished_at=dt.datetime.now(dt.UTC),
            **{
                name: result.total(name)
                for name in (
                    "loaded",
                    "duplicates",
                    "conflicts",
                    "quarantined",
                    "contacts_stored",
                    "contacts_dropped",
                )
            },
        )
    )
    return result

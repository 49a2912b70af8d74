"""Intake files read as report records (id + canonical fields), for the commands that work
without the database (`bdars normalise`, `bdars link`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analytics.intake import RowProblem, content_hash, row_problems, stable_report_id
from pipelines.errors import InputFileError
from pipelines.ingest.mapping import NO_MAPPING, ColumnMapping, canonical_fields
from pipelines.ingest.readers import open_source


@dataclass(frozen=True)
class IntakeRecord:
    source_file: str
    row_number: int
    report_id: str
    fields: dict[str, str]
    problems: tuple[RowProblem, ...]

    def describe_problems(self) -> list[str]:
        return [
            f"{self.source_file}, row {self.row_number}, column {problem.column}: {problem.reason}"
            for problem in self.problems
        ]


def read_records(
    paths: list[Path], mapping: ColumnMapping = NO_MAPPING, encoding: str | None = None
) -> Iterator[IntakeRecord]:
    """Every row of every file; raises ``InputFileError`` for a file that cannot be read."""
    for path in paths:
        source = open_source(path, encoding)
        cache: dict[tuple[str, ...], dict[str, str]] = {}
        produced = False
        for row in source.rows:
            produced = True
            if row.problem:
                yield IntakeRecord(
                    str(path), row.number, "", {}, (RowProblem("(row)", row.problem),)
                )
                continue
            key = tuple(row.cells)
            columns = cache.get(key) or cache.setdefault(key, mapping.resolve(list(key)))
            fields = canonical_fields(row.cells, columns)
            report_id = stable_report_id(fields, content_hash(fields))
            problems = tuple(row_problems(fields))
            yield IntakeRecord(str(path), row.number, report_id, fields, problems)
        if not produced:
            raise InputFileError(f"{path} has a header but no rows; nothing to read.")

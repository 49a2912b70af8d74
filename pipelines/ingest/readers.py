"""Reading intake files (CSV, XLSX, JSON Lines) into rows of text cells, keyed by original header.

Readers never judge content: a row that is malformed as a *row* (a JSON line that does not parse)
comes back as a ``SourceRow`` with a ``problem``; a file that cannot be read at all raises
``InputFileError`` with what to do about it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.errors import InputFileError

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_SNIFF_BYTES = 65_536
_FIELD_LIMIT = 64 * 1024 * 1024

csv.field_size_limit(_FIELD_LIMIT)


@dataclass(frozen=True)
class SourceRow:
    """One row as the user sees it: ``number`` is the spreadsheet row (header = 1) or JSON line."""

    number: int
    cells: dict[str, str]
    problem: str = ""


@dataclass
class SourceFile:
    """An open intake file: its headers, its rows (read lazily) and how far reading has got."""

    path: Path
    kind: str
    headers: list[str]
    rows: Iterator[SourceRow]
    size: int
    encoding: str = ""
    position: list[int] = field(default_factory=lambda: [0])

    @property
    def bytes_read(self) -> int:
        return self.position[0]


def open_source(path: Path, encoding: str | None = None) -> SourceFile:
    """Open an intake file by its suffix; raises ``InputFileError`` if it cannot be read at all."""
    if not path.exists():
        raise InputFileError(f"{path}: no such file.")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder; name the files inside it.")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{path} is empty (0 bytes); nothing to load.")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _open_xlsx(path, size)
    if suffix == ".xls":
        raise InputFileError(
            f"{path} is an old-style Excel file (.xls); save it as .xlsx or CSV and ingest that."
        )
    if suffix in JSONL_SUFFIXES:
        return _open_jsonl(path, size, encoding)
    if suffix in CSV_SUFFIXES or not suffix:
        return _open_csv(path, size, encoding)
    raise InputFileError(
        f"{path}: unknown file type {suffix!r}; bdars reads .csv, .xlsx and .jsonl files."
    )


def _check_not_binary(path: Path, head: bytes) -> None:
    if head.startswith(b"PK\x03\x04"):
        raise InputFileError(
            f"{path} is a zip archive (perhaps a spreadsheet saved as .xlsx): rename it to "
            ".xlsx if it is one."
        )
    if b"\x00" in head:
        offset = head.index(b"\x00")
        raise InputFileError(
            f"{path} is not a text file (binary data at byte {offset}). Export the spreadsheet "
            "as CSV (UTF-8) or XLSX and ingest that."
        )


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` if the whole file is valid UTF-8, else ``cp1252`` if that decodes it."""
    for candidate in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(candidate)("strict")
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return candidate
    raise InputFileError(
        f"{path} is neither UTF-8 nor Windows-1252 text. Pass --encoding=NAME (for example "
        "--encoding=latin-1 or --encoding=utf-16); `file {path.name}` may tell you which."
    )


class _CountingReader(io.RawIOBase):
    """Wraps a binary file and counts bytes read, for the progress bar."""

    def __init__(self, handle: io.BufferedReader, position: list[int]) -> None:
        self._handle = handle
        self._position = position

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        count = self._handle.readinto(buffer)
        self._position[0] += count or 0
        return count or 0

    def close(self) -> None:
        self._handle.close()
        super().close()


def _text_stream(path: Path, encoding: str, position: list[int]) -> io.TextIOWrapper:
    raw = _CountingReader(path.open("rb"), position)
    return io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, newline="")


def _unique_headers(raw_headers: list[str]) -> list[str]:
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_headers, start=1):
        name = str(raw).replace("\ufeff", "").strip() or f"(column {index})"
        count = seen.get(name.lower(), 0)
        seen[name.lower()] = count + 1
        headers.append(name if count == 0 else f"{name} ({count + 1})")
    return headers


def _zip_cells(headers: list[str], values: list[str]) -> dict[str, str]:
    cells = dict(zip(headers, values, strict=False))
    for index, extra in enumerate(values[len(headers) :], start=1):
        if extra.strip():
            cells[f"(extra {index})"] = extra
    return cells


def _open_csv(path: Path, size: int, encoding: str | None) -> SourceFile:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    _check_not_binary(path, head)
    chosen = encoding or detect_encoding(path)
    try:
        sample = head.decode(chosen, errors="replace")
    except LookupError:
        raise InputFileError(
            f"unknown encoding {chosen!r}; try utf-8, cp1252 or latin-1."
        ) from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(sample)
    position = [0]
    stream = _text_stream(path, chosen, position)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        raw_headers = next(reader)
    except StopIteration:
        stream.close()
        raise InputFileError(f"{path} has no header row.") from None
    except (csv.Error, UnicodeDecodeError) as error:
        stream.close()
        raise InputFileError(f"{path}: the header row cannot be read ({error}).") from None
    headers = _unique_headers(raw_headers)

    def rows() -> Iterator[SourceRow]:
        number = 1
        try:
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    number += 1
                    yield SourceRow(number, {}, f"the row cannot be read as CSV: {error}")
                    continue
                except UnicodeDecodeError:
                    raise InputFileError(
                        f"{path} cannot be read as {chosen} after row {number}; "
                        "try another --encoding (utf-8, cp1252, latin-1)."
                    ) from None
                number += 1
                if not any(value.strip() for value in values):
                    continue
                yield SourceRow(number, _zip_cells(headers, values))
        finally:
            stream.close()

    return SourceFile(path, "csv", headers, rows(), size, chosen, position)


def _sniff_delimiter(sample: str) -> str:
    first_line = sample.splitlines()[0] if sample else ""
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t", "|")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > 0 else ","


def cell_text(value: object) -> str:
    """A spreadsheet or JSON value as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _open_xlsx(path: Path, size: int) -> SourceFile:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputFileError(
            f"{path} is not a readable XLSX workbook ({error}). Open it in a spreadsheet program "
            "and save it again as .xlsx or CSV."
        ) from None
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    number = 0
    raw_headers: list[str] | None = None
    for row in values:
        number += 1
        if any(cell_text(cell).strip() for cell in row):
            raw_headers = [cell_text(cell) for cell in row]
            break
    if raw_headers is None:
        workbook.close()
        raise InputFileError(f"{path}: the first sheet ({sheet.title!r}) is empty.")
    headers = _unique_headers(raw_headers)
    position = [0]
    header_row = number

    def rows() -> Iterator[SourceRow]:
        current = header_row
        try:
            for row in values:
                current += 1
                texts = [cell_text(cell) for cell in row]
                position[0] = int(size * min(current / max(sheet.max_row or current, 1), 1.0))
                if any(text.strip() for text in texts):
                    yield SourceRow(current, _zip_cells(headers, texts))
        finally:
            workbook.close()

    return SourceFile(path, "xlsx", headers, rows(), size, "", position)


def _open_jsonl(path: Path, size: int, encoding: str | None) -> SourceFile:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    _check_not_binary(path, head)
    chosen = encoding or detect_encoding(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return _open_json_array(path, size, chosen)
    position = [0]
    stream = _text_stream(path, chosen, position)
    headers: list[str] = []

    def rows() -> Iterator[SourceRow]:
        try:
            for number, line in enumerate(stream, start=1):
                text = line.strip().lstrip("\ufeff")
                if not text:
                    continue
                yield _json_row(number, text, headers)
        finally:
            stream.close()

    return SourceFile(path, "jsonl", headers, rows(), size, chosen, position)


def _json_row(number: int, text: str, headers: list[str]) -> SourceRow:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return SourceRow(number, {}, f"not valid JSON ({error.msg} at character {error.pos + 1})")
    if not isinstance(record, dict):
        kind = type(record).__name__
        return SourceRow(number, {}, f"expected a JSON object with report fields, found a {kind}")
    for key in record:
        if key not in headers:
            headers.append(str(key))
    return SourceRow(number, {str(key): cell_text(value) for key, value in record.items()})


def _open_json_array(path: Path, size: int, encoding: str) -> SourceFile:
    try:
        records = json.loads(path.read_text(encoding=encoding))
    except json.JSONDecodeError as error:
        raise InputFileError(
            f"{path} is not valid JSON ({error.msg} at line {error.lineno}); "
            "bdars expects JSON Lines (one report object per line) or an array of objects."
        ) from None
    headers: list[str] = []
    position = [size]

    def rows() -> Iterator[SourceRow]:
        for number, record in enumerate(records, start=1):
            yield _json_row(number, json.dumps(record), headers)

    return SourceFile(path, "json", headers, rows(), size, encoding, position)

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
    warning: str = ""
    sheet: str = ""


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


UTF8 = "utf-8"
CP1252 = "cp1252"
MIXED = "mixed UTF-8 and Windows-1252"


def _valid(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """UTF-8 if the whole file is, else Windows-1252, else a mix of the two line by line.

    A mix happens when rows typed on different machines are pasted into one export; each line
    is then read as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise.
    """
    if _valid(path, UTF8):
        return UTF8
    utf8_lines = bad_lines = 0
    with path.open("rb") as handle:
        for line in handle:
            if line.isascii():
                continue
            try:
                line.decode(UTF8)
                utf8_lines += 1
            except UnicodeDecodeError:
                try:
                    line.decode(CP1252)
                except UnicodeDecodeError:
                    bad_lines += 1
                    break
    if bad_lines:
        raise InputFileError(
            f"{path} is neither UTF-8 nor Windows-1252 text. Pass --encoding=NAME (for example "
            "--encoding=latin-1 or --encoding=utf-16); `file {path.name}` may tell you which."
        )
    return MIXED if utf8_lines else CP1252


class _LineDecoder:
    """Decodes a file line by line in the detected encoding, remembering which physical lines
    of a mixed file had to be read as Windows-1252."""

    def __init__(self, path: Path, encoding: str, position: list[int]) -> None:
        self.handle = path.open("rb")
        self.encoding = encoding
        self.position = position
        self.fallback_lines: set[int] = set()
        self.line_number = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            self.line_number += 1
            self.position[0] += len(raw)
            yield self._decode(raw).lstrip("\ufeff") if self.line_number == 1 else self._decode(raw)

    def _decode(self, raw: bytes) -> str:
        if self.encoding != MIXED:
            return raw.decode(self.encoding)
        try:
            return raw.decode(UTF8)
        except UnicodeDecodeError:
            self.fallback_lines.add(self.line_number)
            return raw.decode(CP1252)

    def close(self) -> None:
        self.handle.close()


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
        sample = head.decode(CP1252 if chosen == MIXED else chosen, errors="replace")
    except LookupError:
        raise InputFileError(
            f"unknown encoding {chosen!r}; try utf-8, cp1252 or latin-1."
        ) from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(sample)
    position = [0]
    stream = _text_stream(path, chosen, position) if encoding else None
    lines = _LineDecoder(path, chosen, position) if stream is None else None
    reader = csv.reader(stream or lines, delimiter=delimiter)  # type: ignore[arg-type]
    closer = stream or lines
    assert closer is not None
    try:
        raw_headers = next(reader)
    except StopIteration:
        closer.close()
        raise InputFileError(f"{path} has no header row.") from None
    except (csv.Error, UnicodeDecodeError) as error:
        closer.close()
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
                warnings = [_extra_cells_warning(headers, values)]
                if lines is not None and lines.fallback_lines:
                    first_line = reader.line_num - _line_count(values) + 1
                    if lines.fallback_lines.intersection(range(first_line, reader.line_num + 1)):
                        warnings.append(
                            "not valid UTF-8 like the rest of the file; read as Windows-1252 "
                            "(check accented letters; re-export the file as UTF-8 to be sure)"
                        )
                yield SourceRow(
                    number,
                    _zip_cells(headers, values),
                    warning="; ".join(warning for warning in warnings if warning),
                )
        finally:
            closer.close()

    return SourceFile(path, "csv", headers, rows(), size, chosen, position)


def _line_count(values: list[str]) -> int:
    return 1 + sum(value.count("\n") for value in values)


def _extra_cells_warning(headers: list[str], values: list[str]) -> str:
    extra = [value for value in values[len(headers) :] if value.strip()]
    if not extra:
        return ""
    return (
        f"the row has {len(extra)} more filled cell(s) than the header has columns; kept as "
        "'(extra N)' columns: check that the row's cells have not shifted"
    )


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


def _sheet_header(rows: Iterator[tuple[object, ...]]) -> tuple[int, list[str] | None]:
    """The first non-empty row of a sheet (its header) and its row number."""
    number = 0
    for row in rows:
        number += 1
        if any(cell_text(cell).strip() for cell in row):
            return number, [cell_text(cell) for cell in row]
    return number, None


def _open_xlsx(path: Path, size: int) -> SourceFile:
    """Every non-empty sheet of a workbook, each with its own header row."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputFileError(
            f"{path} is not a readable XLSX workbook ({error}). Open it in a spreadsheet program "
            "and save it again as .xlsx or CSV."
        ) from None
    sheets = workbook.worksheets
    first_headers: list[str] | None = None
    for sheet in sheets:
        _, raw = _sheet_header(sheet.iter_rows(values_only=True))
        if raw is not None:
            first_headers = _unique_headers(raw)
            break
    if first_headers is None:
        workbook.close()
        raise InputFileError(f"{path}: every sheet of the workbook is empty.")
    position = [0]
    label_sheets = len(sheets) > 1

    def rows() -> Iterator[SourceRow]:
        try:
            for index, sheet in enumerate(sheets):
                values = sheet.iter_rows(values_only=True)
                current, raw = _sheet_header(values)
                if raw is None:
                    continue
                headers = _unique_headers(raw)
                total = max(sheet.max_row or current, 1)
                for row in values:
                    current += 1
                    texts = [cell_text(cell) for cell in row]
                    done = (index + min(current / total, 1.0)) / len(sheets)
                    position[0] = int(size * done)
                    if any(text.strip() for text in texts):
                        yield SourceRow(
                            current,
                            _zip_cells(headers, texts),
                            warning=_extra_cells_warning(headers, texts),
                            sheet=sheet.title if label_sheets else "",
                        )
        finally:
            workbook.close()

    return SourceFile(path, "xlsx", first_headers, rows(), size, "", position)


def _open_jsonl(path: Path, size: int, encoding: str | None) -> SourceFile:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    _check_not_binary(path, head)
    chosen = encoding or detect_encoding(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return _open_json_array(path, size, CP1252 if chosen == MIXED else chosen)
    position = [0]
    stream = (
        _text_stream(path, chosen, position) if encoding else _LineDecoder(path, chosen, position)
    )
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
        return SourceRow(number, {}, f"not valid JSON ({error.msg}; character {error.pos + 1})")
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

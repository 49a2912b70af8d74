"""Fuzz every parser with generated hostile input and print counts, crashes and rejection kinds.

    .venv/bin/python benchmarks/fuzz_parsers.py [--scale 1.0] [--seed 8]

Parsers: the text normalisers (phones, plates, dates, hours, colours, names, handles, yes/no), the
whole extractor chain (``analytics.extract.normalise_report`` on generated intake dicts), the file
readers (``open_source`` on generated CSV, JSON Lines and XLSX files, well-formed and broken), and
the whole ``ingest_files`` on a temporary SQLite store. Inputs come from hypothesis strategies
(``given`` with many examples, generate phase only, fixed seed), mixing arbitrary Unicode, binary
junk and fragments of real-looking reports (phones, plates, dates, formulas, huge cells).

A *crash* is any exception other than the documented rejections: ``InputFileError`` for a file that
cannot be read (its message must name the file and say what to do) and ``YesNoError`` for a bad
yes/no cell. Ingest must also account for every row (loaded + duplicates + conflicts + quarantined
= rows read) and give every quarantined row a reason. The script exits 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from analytics.extract import normalise_report
from analytics.extract.identities import canonical_handle, canonical_name
from analytics.extract.phones import canonical_phone, phone_digits
from analytics.extract.plates import canonical_plate
from analytics.extract.vehicles import canonical_colour
from analytics.extract.when import canonical_date, canonical_hour, canonical_received
from analytics.intake import INTAKE_COLUMNS, MAX_CELL_CHARACTERS, YesNoError, parse_yes_no
from pipelines.errors import InputFileError
from pipelines.ingest import ingest_files
from pipelines.ingest.readers import open_source
from pipelines.settings import load_settings
from pipelines.storage.database import connect, upgrade

TOKENS = (
    "250-555-0134",
    "(778) 555 01 34",
    "+1 604 555 0199",
    "2365550101",
    "555-01",
    "blocked",
    "two five zero five five five",
    "BV4 21K",
    "starts with BV4",
    "KT8-???",
    "plate:",
    "#",
    "2026-03-04T22:15",
    "04/03/2026",
    "31/02/2026",
    "2026-13-45",
    "last friday",
    "around 2am",
    "25:99",
    "0000-00-00",
    "9999-12-31T23:59:59+14:00",
    "Feb 30",
    "1e308",
    "-0",
    "NaN",
    '=HYPERLINK("http://example.org","x")',
    "+SUM(A1:A9)",
    "@cmd",
    "-2+3",
    "\t=1",
    "silver dodge caravan",
    "blk F150 w/ canopy",
    "white guy 40s 6ft",
    "snake tattoo",
    "Mike",
    '"Dave" (fake?)',
    "@bigmike250",
    "mike.v@example.com",
    "yes",
    "no",
    "✓",
    "x",
    "<script>alert(1)</script>",
    "'; DROP TABLE raw_reports; --",
    "%s%s%n",
    "{0}",
    "\\x00",
    "\u202e\u2066",
    "\u200b\ufeff",
    "e\u0301\u0301\u0301",
    "👩🏽‍🦱🚐",
    "ﷺ",
    "Ⅻ",
    "١٢٣",
    "𝟐𝟓𝟎",
    "Rock Bay / Government St",
    "Esquimalt Rd",
    "Harris Green",
    "N/A",
    "n/a",
    "",
    " ",
    "\r\n",
)
CELL = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.one_of(st.sampled_from(TOKENS), st.text(max_size=8), st.integers().map(str)), max_size=12
    ).map(" ".join),
    st.sampled_from(TOKENS),
)
HUGE_CELL = st.tuples(st.sampled_from(TOKENS), st.integers(1, 5_000)).map(
    lambda pair: ((pair[0] or "a") * pair[1])[:MAX_CELL_CHARACTERS]
)
"""A long repetition, up to the 50,000 characters ingest accepts in one cell."""
BIG_CELL = st.one_of(*([CELL] * 39), HUGE_CELL)
HEADER = st.one_of(
    st.sampled_from(INTAKE_COLUMNS),
    st.text(max_size=15),
    st.sampled_from(INTAKE_COLUMNS).map(lambda name: f" {name.upper()} "),
)
TEXT_PARSERS: dict[str, Callable[[str], object]] = {
    "canonical_phone": canonical_phone,
    "phone_digits": phone_digits,
    "canonical_plate": canonical_plate,
    "canonical_date": canonical_date,
    "canonical_hour": canonical_hour,
    "canonical_received": canonical_received,
    "canonical_colour": canonical_colour,
    "canonical_name": canonical_name,
    "canonical_handle": canonical_handle,
    "parse_yes_no": parse_yes_no,
}


@dataclass
class Tally:
    """What one fuzz target saw."""

    name: str
    inputs: int = 0
    crashes: list[str] = field(default_factory=list)
    rejections: Counter[str] = field(default_factory=Counter)
    unclear: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def reject(self, message: str, must_mention: str = "") -> None:
        shown = message.replace(must_mention, "FILE") if must_mention else message
        kind = re.sub(r"\d+", "N", shown)[:70]
        self.rejections[kind] += 1
        if (
            not message.strip()
            or "Traceback" in message
            or (must_mention and must_mention not in message)
        ):
            self.unclear.append(message[:300])

    def crash(self, error: BaseException, value: object) -> None:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        self.crashes.append(f"{type(error).__name__} at {where}: {error!s:.150} | {value!r:.200}")


def fuzz(
    tally: Tally,
    strategy: st.SearchStrategy,
    examples: int,
    run_seed: int,
    body: Callable[[object], None],
) -> Tally:
    """Run ``body`` on ``examples`` generated values, recording crashes instead of stopping."""

    @seed(run_seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def target(value: object) -> None:
        tally.inputs += 1
        try:
            body(value)
        except Exception as error:  # noqa: BLE001 - a crash is what we are counting
            tally.crash(error, value)

    started = time.perf_counter()
    target()
    tally.seconds = time.perf_counter() - started
    return tally


def text_parser_tally(name: str, parse: Callable[[str], object], examples: int, s: int) -> Tally:
    tally = Tally(f"text: {name}")

    def body(value: object) -> None:
        try:
            parse(str(value))
        except YesNoError as error:
            tally.reject(str(error))

    return fuzz(tally, BIG_CELL, examples, s, body)


def extractor_tally(examples: int, s: int) -> Tally:
    tally = Tally("extract: normalise_report")
    report = st.dictionaries(st.sampled_from(INTAKE_COLUMNS), BIG_CELL, max_size=10)
    return fuzz(tally, report, examples, s, _check_features)  # type: ignore[arg-type]


def huge_cell_tally(examples: int, s: int) -> Tally:
    tally = Tally("extract: one 50k-char cell")
    report = st.dictionaries(st.sampled_from(INTAKE_COLUMNS), HUGE_CELL, min_size=1, max_size=1)
    return fuzz(tally, report, examples, s, _check_features)  # type: ignore[arg-type]


def _check_features(fields: dict[str, str]) -> None:
    features = normalise_report(fields, "fuzz")
    if not all(isinstance(value, str) for value in features.values()):
        raise TypeError("a feature is not text")


def _rows(header_size: int = 8) -> st.SearchStrategy:
    return st.tuples(
        st.lists(HEADER, min_size=1, max_size=header_size),
        st.lists(st.lists(BIG_CELL, max_size=header_size + 2), max_size=12),
    )


def csv_bytes() -> st.SearchStrategy:
    def render(args: tuple) -> bytes:
        (header, rows), delimiter, encoding, cut, junk = args
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
        data = buffer.getvalue().encode(encoding, errors="replace")
        if cut is not None:
            data = data[: cut % (len(data) + 1)]
        return data + junk

    structured = st.tuples(
        _rows(),
        st.sampled_from([",", ";", "\t", "|"]),
        st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
        st.none() | st.integers(0, 10_000),
        st.sampled_from([b"", b"\x00", b'"', b"\xff\xfe", b"\r"]),
    ).map(render)
    return st.one_of(structured, structured, st.binary(max_size=3000))


def _json_containers(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | BIG_CELL,
    _json_containers,
    max_leaves=8,
)


def jsonl_bytes() -> st.SearchStrategy:
    record = st.dictionaries(HEADER, JSON_VALUE, max_size=10)
    line = st.one_of(
        record.map(lambda r: json.dumps(r, ensure_ascii=False)),
        st.text(max_size=60),
        JSON_VALUE.map(json.dumps),
    )
    lines = st.lists(line, max_size=15).map(lambda items: "\n".join(items).encode("utf-8"))
    array = st.lists(record, max_size=10).map(lambda items: json.dumps(items).encode("utf-8"))
    return st.one_of(lines, lines, array, st.binary(max_size=2000))


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XLSX_VALUE = st.one_of(
    BIG_CELL.map(lambda text: _ILLEGAL_XML.sub("", text)[:32_000]),
    st.none(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["=1+1", '=HYPERLINK("http://example.org","x")', "=A1", "=1/0"]),
)


def xlsx_bytes() -> st.SearchStrategy:
    def render(args: tuple) -> bytes:
        header, rows, cut = args
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        for row in [[_ILLEGAL_XML.sub("", h) for h in header], *rows]:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        data = buffer.getvalue()
        return data if cut is None else data[: cut % (len(data) + 1)]

    structured = st.tuples(
        st.lists(HEADER, min_size=1, max_size=8),
        st.lists(st.lists(XLSX_VALUE, max_size=9), max_size=8),
        st.none() | st.none() | st.integers(0, 20_000),
    ).map(render)
    return st.one_of(structured, structured, st.binary(max_size=2000))


FORMATS = {"csv": csv_bytes, "jsonl": jsonl_bytes, "xlsx": xlsx_bytes}


def reader_tally(kind: str, folder: Path, examples: int, s: int) -> Tally:
    tally = Tally(f"read: open_source .{kind}")
    path = folder / f"fuzz.{kind}"

    def body(value: object) -> None:
        path.write_bytes(value)  # type: ignore[arg-type]
        try:
            source = open_source(path)
            for row in source.rows:
                if row.problem and not row.problem.strip():
                    tally.unclear.append(f"row {row.number}: empty problem")
        except InputFileError as error:
            tally.reject(str(error), str(path))

    return fuzz(tally, FORMATS[kind](), examples, s, body)


def ingest_tally(folder: Path, examples: int, s: int) -> Tally:
    tally = Tally("ingest_files on SQLite")
    env = {"BDARS_DATA_DIR": str(folder / "store"), "BDARS_CONFIG": ""}
    engine = connect(load_settings(env))
    upgrade(engine)
    cipher = Fernet(Fernet.generate_key())
    counter = iter(range(10**9))
    strategy = st.tuples(st.sampled_from(sorted(FORMATS)), st.data())

    def body(value: object) -> None:
        kind, data = value  # type: ignore[misc]
        path = folder / f"ingest-{next(counter)}.{kind}"
        path.write_bytes(data.draw(FORMATS[kind]()))
        summary = ingest_files(engine, cipher, [path], user="fuzz")
        for file in summary.files:
            if file.error:
                tally.reject(file.error, str(path))
            accounted = file.loaded + file.duplicates + file.conflicts + file.quarantined
            if not file.error and accounted != file.rows:
                raise AssertionError(f"{file.rows} rows read but {accounted} accounted for")
        for issue in summary.issues:
            if not issue.reason.strip():
                tally.unclear.append(str(issue))
        path.unlink()

    try:
        return fuzz(tally, strategy, examples, s, body)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input count")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    n = lambda count: max(1, int(count * args.scale))  # noqa: E731
    tallies: list[Tally] = []
    for name, parse in TEXT_PARSERS.items():
        tallies.append(text_parser_tally(name, parse, n(5_500), args.seed))
    tallies.append(extractor_tally(n(30_000), args.seed))
    tallies.append(huge_cell_tally(n(300), args.seed))
    with tempfile.TemporaryDirectory() as folder:
        tallies.append(reader_tally("csv", Path(folder), n(8_000), args.seed))
        tallies.append(reader_tally("jsonl", Path(folder), n(6_000), args.seed))
        tallies.append(reader_tally("xlsx", Path(folder), n(1_500), args.seed))
        tallies.append(ingest_tally(Path(folder), n(600), args.seed))
    return report(tallies)


def report(tallies: list[Tally]) -> int:
    print(f"{'target':<34} {'inputs':>8} {'crashes':>8} {'rejected':>9} {'unclear':>8} {'s':>7}")
    for tally in tallies:
        print(
            f"{tally.name:<34} {tally.inputs:>8} {len(tally.crashes):>8} "
            f"{sum(tally.rejections.values()):>9} {len(tally.unclear):>8} {tally.seconds:>7.1f}"
        )
    total = sum(tally.inputs for tally in tallies)
    crashes = [crash for tally in tallies for crash in tally.crashes]
    unclear = [message for tally in tallies for message in tally.unclear]
    print(f"TOTAL inputs {total}, crashes {len(crashes)}, unclear rejections {len(unclear)}")
    kinds: Counter[str] = Counter()
    for tally in tallies:
        kinds.update(tally.rejections)
    print("Most common rejection messages (numbers as N, the file as FILE):")
    for kind, count in kinds.most_common(12):
        print(f"  {count:>7}  {kind}")
    for line in Counter(crashes).most_common(30):
        print("CRASH", line)
    for message in unclear[:20]:
        print("UNCLEAR", message)
    return 1 if crashes or unclear else 0


if __name__ == "__main__":
    sys.exit(main())

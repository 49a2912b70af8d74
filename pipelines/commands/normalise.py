from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import click
from tqdm import tqdm

from analytics.extract import normalise_records
from analytics.extract.phones import without_reporter_numbers
from analytics.features import FEATURE_COLUMNS
from pipelines.ingest import load_mapping
from pipelines.ingest.records import read_records
from pipelines.parallel import chunked, map_chunks
from pipelines.reference_data import configure_places
from pipelines.settings import load_settings

_BYTES_PER_REPORT = 260
"""A rough size of one report in an intake file, to size the progress bar and the workers."""


def _normalise(chunk: list[tuple[str, dict[str, str]]]) -> list[dict[str, str]]:
    rows = normalise_records(chunk)
    for row, (_, fields) in zip(rows, chunk, strict=True):
        row["phones"] = without_reporter_numbers(row["phones"], fields.get("reporter_contact", ""))
    return rows


@click.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="CSV file to write, one row of normalised features per report.",
)
@click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file naming which of the export's columns is which intake column.",
)
@click.option("--encoding", help="Read CSV/JSONL files in this encoding instead of detecting it.")
def normalise(
    reports: tuple[Path, ...], out: Path, mapping: Path | None, encoding: str | None
) -> None:
    """Normalise intake files into features, without touching the database.

    Reads CSV, XLSX or JSON Lines; writes phones, plate, vehicle, description, names, harm types,
    date, place and jurisdiction per report. Rows that cannot be used are listed and skipped.
    """
    configure_places(load_settings())
    paths = list(reports)
    records = read_records(paths, load_mapping(mapping), encoding)
    skipped = 0

    def usable() -> Iterator[tuple[str, dict[str, str]]]:
        nonlocal skipped
        for record in records:
            if record.problems:
                skipped += 1
                for line in record.describe_problems():
                    click.echo(f"Skipped: {line}", err=True)
            else:
                yield record.report_id, record.fields

    size = sum(path.stat().st_size for path in paths if path.is_file())
    expected = size // _BYTES_PER_REPORT
    written = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        out.open("w", newline="", encoding="utf-8") as handle,
        tqdm(total=expected, unit="report", disable=expected < 5_000, leave=False) as bar,
    ):
        writer = csv.DictWriter(handle, fieldnames=list(FEATURE_COLUMNS))
        writer.writeheader()
        for rows in map_chunks(_normalise, chunked(usable()), expected):
            writer.writerows(rows)
            written += len(rows)
            bar.update(len(rows))
    ending = f"; skipped {skipped} unusable rows." if skipped else "."
    click.echo(f"Normalised {written} reports into {out}{ending}")

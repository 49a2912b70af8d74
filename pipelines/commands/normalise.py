from __future__ import annotations

import csv
from pathlib import Path

import click
from tqdm import tqdm

from analytics.extract import normalise_records
from analytics.features import FEATURE_COLUMNS
from pipelines.ingest import load_mapping
from pipelines.ingest.records import IntakeRecord, read_records
from pipelines.parallel import chunked, map_chunks


def _normalise(chunk: list[tuple[str, dict[str, str]]]) -> list[dict[str, str]]:
    return normalise_records(chunk)


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
    records: list[IntakeRecord] = list(read_records(list(reports), load_mapping(mapping), encoding))
    usable = []
    for record in records:
        if record.problems:
            for line in record.describe_problems():
                click.echo(f"Skipped: {line}", err=True)
        else:
            usable.append((record.report_id, record.fields))
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        out.open("w", newline="", encoding="utf-8") as handle,
        tqdm(total=len(usable), unit="report", disable=len(usable) < 5_000, leave=False) as bar,
    ):
        writer = csv.DictWriter(handle, fieldnames=list(FEATURE_COLUMNS))
        writer.writeheader()
        for rows in map_chunks(_normalise, chunked(usable), len(usable)):
            writer.writerows(rows)
            bar.update(len(rows))
    click.echo(
        f"Normalised {len(usable)} reports into {out}"
        + (
            f"; skipped {len(records) - len(usable)} unusable rows."
            if len(records) > len(usable)
            else "."
        )
    )

"""``bdars synth``: write a synthetic intake file and its truth."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import click
from tqdm import tqdm

from analytics.intake import INTAKE_COLUMNS
from analytics.synth import TRUTH_COLUMNS, iter_blocks
from pipelines.errors import InputFileError

PROGRESS_FROM = 50_000
"""Show a progress bar from this many reports up."""


def write_synthetic(out: Path, n_reports: int, seed: int, progress: bool = False) -> None:
    """Write ``reports.csv`` and ``truth.csv`` into ``out`` (created if missing)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputFileError(
            f"cannot create the output folder {out} ({error.strerror}); "
            "choose another --out or check its permissions"
        ) from error
    reports_path, truth_path = out / "reports.csv", out / "truth.csv"
    partial_reports, partial_truth = out / ".reports.csv.part", out / ".truth.csv.part"
    bar = tqdm(total=n_reports, unit="report", disable=not progress, desc="synth")
    try:
        with (
            partial_reports.open("w", encoding="utf-8", newline="") as reports_file,
            partial_truth.open("w", encoding="utf-8", newline="") as truth_file,
        ):
            reports_writer = csv.writer(reports_file)
            truth_writer = csv.writer(truth_file)
            reports_writer.writerow(INTAKE_COLUMNS)
            truth_writer.writerow(TRUTH_COLUMNS)
            for reports, truth in iter_blocks(n_reports, seed):
                reports_writer.writerows(reports.itertuples(index=False, name=None))
                truth_writer.writerows(truth.itertuples(index=False, name=None))
                bar.update(len(reports))
    finally:
        bar.close()
    os.replace(partial_reports, reports_path)
    os.replace(partial_truth, truth_path)


@click.command()
@click.option(
    "--reports",
    "n_reports",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help="How many reports to make.",
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Random seed: the same seed and count give the same files.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for reports.csv and truth.csv (created if missing).",
)
def synth(n_reports: int, seed: int, out: Path) -> None:
    """Write synthetic bad date reports (reports.csv, intake format) and their truth (truth.csv).

    The reports read like real ones written by many people; every phone number is fictional
    (555-01xx) and every plate and name made up. truth.csv joins reports.csv on row_number.
    """
    write_synthetic(out, n_reports, seed, progress=n_reports >= PROGRESS_FROM)
    click.echo(
        f"Wrote {n_reports:,} synthetic reports to {out / 'reports.csv'} and their truth to "
        f"{out / 'truth.csv'} (seed {seed})."
    )

"""``bdars synth``: write a synthetic intake file and its truth."""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from tqdm import tqdm

from analytics.intake import INTAKE_COLUMNS
from analytics.synth import TRUTH_COLUMNS, Synthesiser
from pipelines.errors import InputFileError

PROGRESS_FROM = 50_000
"""Show a progress bar from this many reports up."""
PARALLEL_FROM = 100_000
"""Share the work among processes from this many reports up (below, starting them costs more)."""

_shared: Synthesiser | None = None
"""The planned population, inherited by forked worker processes."""


def _csv_text(rows: list[tuple[str, ...]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def _render_block_with(synthesiser: Synthesiser, start: int) -> tuple[int, str, str]:
    reports, truth = synthesiser.block(start)
    return len(reports), _csv_text(reports), _csv_text(truth)


def _render_block(start: int) -> tuple[int, str, str]:
    assert _shared is not None, "worker started without a planned population"
    return _render_block_with(_shared, start)


@contextmanager
def _blocks(synthesiser: Synthesiser, workers: int) -> Iterator[Iterator[tuple[int, str, str]]]:
    """Rendered blocks as CSV text, in row order, from this process or a pool of forked ones.

    The pool is started on entering, before any progress-bar thread exists.
    """
    global _shared
    starts = synthesiser.block_starts
    if workers <= 1 or len(starts) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield (_render_block_with(synthesiser, start) for start in starts)
        return
    _shared = synthesiser
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(starts))) as pool:
            yield pool.imap(_render_block, starts)
    finally:
        _shared = None


def default_workers(n_reports: int) -> int:
    if n_reports < PARALLEL_FROM:
        return 1
    return max(
        1,
        min(
            4,
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 1),
        ),
    )


def write_synthetic(
    out: Path, n_reports: int, seed: int, progress: bool = False, workers: int = 1
) -> None:
    """Write ``reports.csv`` and ``truth.csv`` into ``out`` (created if missing).

    Files appear whole or not at all: rows go to hidden ``.part`` files renamed at the end.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputFileError(
            f"cannot create the output folder {out} ({error.strerror}); "
            "choose another --out or check its permissions"
        ) from error
    partial_reports, partial_truth = out / ".reports.csv.part", out / ".truth.csv.part"
    synthesiser = Synthesiser(n_reports, seed)
    with (
        _blocks(synthesiser, workers) as blocks,
        tqdm(total=n_reports, unit="report", disable=not progress, desc="synth") as bar,
        partial_reports.open("w", encoding="utf-8", newline="") as reports_file,
        partial_truth.open("w", encoding="utf-8", newline="") as truth_file,
    ):
        csv.writer(reports_file).writerow(INTAKE_COLUMNS)
        csv.writer(truth_file).writerow(TRUTH_COLUMNS)
        for count, reports, truth in blocks:
            reports_file.write(reports)
            truth_file.write(truth)
            bar.update(count)
    os.replace(partial_reports, out / "reports.csv")
    os.replace(partial_truth, out / "truth.csv")


@click.command()
@click.option(
    "--reports",
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
    help="Folder for reports.csv and truth.csv (created if missing; files there are replaced).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help=f"Processes to share the work (default: the CPUs, up to 4, from {PARALLEL_FROM:,} "
    "reports; 1 below). Any number gives the same files.",
)
def synth(reports: int, seed: int, out: Path, workers: int | None) -> None:
    """Write synthetic bad date reports (reports.csv, intake format) and their truth (truth.csv).

    The reports read like real ones written by many people; every phone number is fictional
    (555-01xx) and every plate and name made up. truth.csv joins reports.csv on row_number.
    """
    write_synthetic(
        out,
        reports,
        seed,
        progress=reports >= PROGRESS_FROM,
        workers=workers or default_workers(reports),
    )
    click.echo(
        f"Wrote {reports:,} synthetic reports to {out / 'reports.csv'} and their truth to "
        f"{out / 'truth.csv'} (seed {seed})."
    )

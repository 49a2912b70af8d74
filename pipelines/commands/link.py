"""``bdars link``: link the reports of intake files into aggressors, without the database."""

from __future__ import annotations

import csv
from pathlib import Path

import click
import pandas as pd
from tqdm import tqdm

from analytics.extract import normalise_records
from analytics.features import FEATURE_COLUMNS
from analytics.link.errors import LinkError
from analytics.link.evidence import EVIDENCE_CHUNK, evidence_in_chunks
from analytics.link.linker import LinkResult
from analytics.link.linker import link as link_reports
from pipelines.errors import BdarsError, InputFileError
from pipelines.ingest import load_mapping
from pipelines.ingest.records import read_records
from pipelines.parallel import chunked, map_chunks

LARGE = 5_000


def _normalise(chunk: list[tuple[str, dict[str, str]]]) -> list[dict[str, str]]:
    return normalise_records(chunk)


def normalised_features(
    reports: tuple[Path, ...], mapping: Path | None, encoding: str | None
) -> pd.DataFrame:
    """Features of every usable row of the intake files (unusable rows are listed and skipped)."""
    usable = []
    for record in read_records(list(reports), load_mapping(mapping), encoding):
        if record.problems:
            for line in record.describe_problems():
                click.echo(f"Skipped: {line}", err=True)
        else:
            usable.append((record.report_id, record.fields))
    rows: list[dict[str, str]] = []
    with tqdm(
        total=len(usable),
        unit="report",
        desc="normalising",
        disable=len(usable) < LARGE,
        leave=False,
    ) as bar:
        for chunk in map_chunks(_normalise, chunked(usable), len(usable)):
            rows.extend(chunk)
            bar.update(len(chunk))
    return pd.DataFrame(rows, columns=list(FEATURE_COLUMNS))


def read_features(path: Path) -> pd.DataFrame:
    """A features CSV (``bdars normalise`` output, or any CSV with ``report_id`` and some
    feature columns); missing feature columns count as blank."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file.") from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise InputFileError(
            f"{path} is not a readable UTF-8 CSV ({error}); export it as CSV UTF-8 and retry."
        ) from None
    if "report_id" not in frame.columns:
        raise InputFileError(
            f"{path} has no report_id column (columns found: {', '.join(frame.columns[:8])}); "
            "pass the output of `bdars normalise`."
        )
    known = [column for column in FEATURE_COLUMNS if column in frame.columns]
    if len(known) < 2:
        raise InputFileError(
            f"{path} has none of the feature columns (phones, plate, vehicle_make, …); "
            "pass the output of `bdars normalise`, or give the intake file as REPORTS."
        )
    return frame.reindex(columns=list(FEATURE_COLUMNS), fill_value="")


def read_previous(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    frame = read_features_like(path, ("report_id", "aggressor_id"))
    return dict(zip(frame["report_id"], frame["aggressor_id"], strict=True))


def read_features_like(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file.") from None
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise InputFileError(
            f"{path} lacks the column(s) {', '.join(missing)}; pass a CLUSTERS.csv written by "
            "`bdars link`."
        )
    return frame


PAIR_COLUMNS = ["report_id_a", "report_id_b", "probability", "evidence"]
"""The columns of ``--pairs``, written once before the pairs (there may be none)."""


def write_pairs(result: LinkResult, path: Path, redact: bool, chunk: int = EVIDENCE_CHUNK) -> int:
    """Every kept pair, most likely first (ties in candidate order), with its evidence; written
    ``chunk`` pairs at a time, so memory does not grow with the number of pairs."""
    pairs = result.pairs
    probability = pairs["probability"].round(4).reset_index(drop=True)
    order = probability.sort_values(ascending=False, kind="stable").index.to_numpy()
    ids_a, ids_b = pairs["report_id_a"].to_numpy(), pairs["report_id_b"].to_numpy()
    rounded = probability.to_numpy()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        pd.DataFrame(columns=PAIR_COLUMNS).to_csv(handle, index=False)
        for rows, evidence in evidence_in_chunks(result, order, redact, chunk):
            table = pd.DataFrame(
                {
                    "report_id_a": ids_a[rows],
                    "report_id_b": ids_b[rows],
                    "probability": rounded[rows],
                    "evidence": evidence,
                }
            )
            table.to_csv(handle, index=False, header=False, quoting=csv.QUOTE_MINIMAL)
    return len(order)


@click.command()
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="CSV to write: report_id,aggressor_id for every report (singletons too).",
)
@click.option(
    "--pairs",
    "pairs_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write scored pairs: report_id_a,report_id_b,probability,evidence.",
)
@click.option(
    "--features",
    "features_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Link an already normalised features CSV instead of intake files.",
)
@click.option(
    "--previous",
    "previous_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="An earlier CLUSTERS.csv: aggressors keep their ids when reports join them.",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Leave phones, plates, names and other values out of the evidence.",
)
@click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file naming which of the export's columns is which intake column.",
)
@click.option("--encoding", help="Read CSV/JSONL files in this encoding instead of detecting it.")
def link(
    reports: tuple[Path, ...],
    out: Path,
    pairs_path: Path | None,
    features_path: Path | None,
    previous_path: Path | None,
    redact: bool,
    mapping: Path | None,
    encoding: str | None,
) -> None:
    """Link repeat aggressors in intake files, without touching the database.

    Reads CSV, XLSX or JSON Lines reports, normalises them, and writes which aggressor each report
    belongs to. With --pairs, also writes each likely pair with its probability and the evidence
    behind it. Suggestions are for a person to review, never proof.
    """
    if reports and features_path:
        raise click.UsageError("give intake files (REPORTS) or --features, not both")
    if not reports and not features_path:
        raise click.UsageError("give one or more intake files (REPORTS), or --features FILE")
    if features_path is not None:
        features = read_features(features_path)
    else:
        features = normalised_features(reports, mapping, encoding)
    if features.empty:
        raise InputFileError("no usable reports to link; see the skipped rows above.")
    duplicated = features["report_id"][features["report_id"].duplicated()]
    if not duplicated.empty:
        raise InputFileError(
            f"{len(duplicated)} report ids appear more than once (e.g. "
            f"{', '.join(duplicated.head(3))}); give each report one id and retry."
        )
    large = len(features) >= LARGE

    def say(message: str) -> None:
        if large:
            click.echo(f"… {message}", err=True)

    try:
        result = link_reports(features, previous=read_previous(previous_path), progress=say)
    except LinkError as error:
        raise BdarsError(str(error)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    result.clusters.to_csv(out, index=False)
    aggressors = result.clusters["aggressor_id"].nunique()
    repeat = int((result.clusters["aggressor_id"].value_counts() > 1).sum())
    message = (
        f"Linked {len(features)} reports into {aggressors} aggressors "
        f"({repeat} with more than one report); wrote {out}"
    )
    if pairs_path is not None:
        say("writing pairs with evidence")
        count = write_pairs(result, pairs_path, redact)
        message += f" and {count} scored pairs to {pairs_path}"
    click.echo(message + ".")

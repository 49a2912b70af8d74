from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from tqdm import tqdm

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.ingest import IngestSummary, ingest_files, load_mapping
from pipelines.secrets import load_cipher

_SHOWN_ISSUES = 30
_PROGRESS_FROM_BYTES = 2_000_000


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file naming which of the export's columns is which intake column.",
)
@click.option("--encoding", help="Read CSV/JSONL files in this encoding instead of detecting it.")
def ingest(files: tuple[Path, ...], mapping: Path | None, encoding: str | None) -> None:
    """Load intake files (CSV, XLSX, JSON Lines) into the store.

    Good rows load, bad rows are quarantined with their row, column and reason, and reports seen
    before add nothing. Exits non-zero only when nothing at all could be read.
    """
    settings, engine = settings_and_engine()
    cipher = load_cipher(settings)
    column_mapping = load_mapping(mapping)
    with _ProgressBars() as bars:
        summary = ingest_files(
            engine,
            cipher,
            list(files),
            user=current_user(),
            mapping=column_mapping,
            encoding=encoding,
            progress=bars.update,
        )
    _print_summary(summary)
    if summary.nothing_read:
        raise click.exceptions.Exit(1)


class _ProgressBars:
    """One tqdm bar per large file, on stderr, so the summary on stdout stays clean."""

    def __init__(self) -> None:
        self._bars: dict[Path, tqdm] = {}

    def __enter__(self) -> _ProgressBars:
        return self

    def __exit__(self, *_: object) -> None:
        for bar in self._bars.values():
            bar.close()

    def update(self, path: Path, done: int, size: int) -> None:
        if size < _PROGRESS_FROM_BYTES:
            return
        bar = self._bars.get(path)
        if bar is None:
            bar = tqdm(total=size, unit="B", unit_scale=True, desc=path.name, leave=False)
            self._bars[path] = bar
        bar.update(done - bar.n)


def _print_summary(summary: IngestSummary) -> None:
    for file in summary.files:
        if file.error:
            click.echo(f"Error: {file.error}", err=True)
    shown = summary.issues[:_SHOWN_ISSUES]
    for issue in shown:
        click.echo(f"{issue.kind.capitalize()}: {issue}", err=True)
    if len(summary.issues) > len(shown):
        kinds = Counter(issue.kind for issue in summary.issues[len(shown) :])
        more = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        click.echo(
            f"... and {more} more: all are stored with their reasons (Admin page of the "
            "dashboard).",
            err=True,
        )
    total = summary.total
    click.echo(
        f"Ingest run {summary.run_id}: {total('loaded')} loaded, {total('duplicates')} duplicates, "
        f"{total('conflicts')} conflicts flagged, {total('quarantined')} quarantined, "
        f"{total('contacts_dropped')} contacts dropped for lack of consent "
        f"({total('contacts_stored')} stored encrypted)."
    )

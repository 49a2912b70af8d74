from __future__ import annotations

import time

import click
from sqlalchemy import Engine
from tqdm import tqdm

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.link import run_link_stage
from pipelines.reference_data import configure_places
from pipelines.run_now import only_one_update
from pipelines.secrets import load_cipher
from pipelines.settings import Settings
from pipelines.stages.normalise import run_normalise_stage
from pipelines.stages.score import run_score_stage

_PROGRESS_FROM = 5_000


class _StageProgress:
    """A progress bar that appears only when a stage has a lot to do."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.bar: tqdm | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < _PROGRESS_FROM:
            return
        if self.bar is None:
            self.bar = tqdm(total=total, unit="report", desc=self.name, leave=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.command()
def run() -> None:
    """Run every pipeline stage over the store (normalise, link, score), incrementally."""
    settings, engine = settings_and_engine()
    with only_one_update(settings):
        _run_stages(settings, engine)


def _run_stages(settings: Settings, engine: Engine) -> None:
    started = time.monotonic()
    progress = _StageProgress("normalise")
    try:
        counts = run_normalise_stage(
            engine, load_cipher(settings), progress, configure_places(settings)
        )
    finally:
        progress.close()
    click.echo(
        f"normalise: {counts['normalised']} reports normalised "
        f"({counts['renormalised']} after a rule change), {counts['unchanged']} unchanged."
    )
    linked = run_link_stage(engine, current_user(), lambda note: click.echo(f"  {note}", err=True))
    if linked.get("skipped"):
        click.echo(
            f"link: nothing new since the last run; {linked['reports']} reports in "
            f"{linked['aggressors']} aggressor profiles, {linked['repeat_aggressors']} with more "
            "than one report."
        )
    else:
        click.echo(
            f"link: {linked['reports']} reports in {linked['aggressors']} aggressor profiles, "
            f"{linked['repeat_aggressors']} with more than one report; {linked['links']} scored "
            f"links from {linked['candidate_pairs']} candidate pairs; {linked['new_aggressors']} "
            f"new profiles, {linked['merged']} merged, {linked['split']} split."
        )
        if linked.get("oversized_splits"):
            click.echo(
                f"link: {linked['oversized_splits']} profile(s) over the size limit were split at "
                "their weakest links; review them on the dashboard."
            )
    scored = run_score_stage(engine, current_user())
    click.echo(
        f"score: {scored['profiles']} profiles scored as of {scored['as_of']} "
        f"({scored['aggressors']} aggressors, {scored['lone_reports']} lone reports)."
    )
    click.echo(f"Done in {time.monotonic() - started:.1f} s.")

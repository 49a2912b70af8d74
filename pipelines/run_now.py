"""``bdars run`` from the dashboard: the same stages (normalise → link → score), one at a time
across every dashboard session and command line that uses this module, audited, and summed up
as what changed for the profiles."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from pipelines import audit
from pipelines.errors import BdarsError
from pipelines.link import run_link_stage
from pipelines.link.stage import read_members
from pipelines.reference_data import configure_places
from pipelines.secrets import load_cipher
from pipelines.settings import Settings
from pipelines.stages.normalise import run_normalise_stage
from pipelines.stages.score import run_score_stage

Progress = Callable[[float, str], None]
"""Told how far the update is (0 to 1) and what it is doing, in words."""

LOCK_NAME = "update-now.lock"


class AlreadyRunningError(BdarsError):
    """Another update of links and profiles is running."""


@dataclass(frozen=True)
class UpdateSummary:
    normalised: int
    reports_linked: int
    profiles_changed: int
    profiles: int

    def words(self) -> str:
        return (
            f"{self.normalised} report(s) normalised, {self.reports_linked} report(s) linked "
            f"into profiles, {self.profiles_changed} profile(s) changed; {self.profiles} "
            "profile(s) scored."
        )


@contextmanager
def only_one_update(settings: Settings) -> Iterator[None]:
    """Hold the update lock (a lock file in the data folder, so it holds across processes);
    raises :class:`AlreadyRunningError` when another update holds it."""
    path = Path(settings.data_dir) / LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunningError(
                "an update of links and profiles is already running (started by someone else or "
                "in another tab); wait for it to finish, then look again"
            ) from None
        yield
    finally:
        os.close(handle)


def _groups(members: dict[str, str]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for report, aggressor in members.items():
        groups.setdefault(aggressor, set()).add(report)
    return {aggressor: frozenset(reports) for aggressor, reports in groups.items()}


def _membership(engine: Engine) -> dict[str, str]:
    members = read_members(engine)
    return dict(zip(members["report_id"], members["aggressor_id"], strict=True))


def update_now(
    engine: Engine, settings: Settings, user: str, progress: Progress | None = None
) -> UpdateSummary:
    """Run normalise, link and score as ``bdars run`` does; raises
    :class:`AlreadyRunningError` when an update is already running."""
    say = progress or (lambda _fraction, _words: None)
    with only_one_update(settings):
        audit.record(engine, user, "update.start", "store", "update links and profiles now")
        before = _membership(engine)
        say(0.0, "Normalising new reports…")
        normalised = run_normalise_stage(
            engine,
            load_cipher(settings),
            lambda done, total: say(0.3 * done / max(total, 1), "Normalising new reports…"),
            configure_places(settings),
        )
        say(0.3, "Linking reports into profiles…")
        run_link_stage(engine, user, lambda note: say(0.5, f"Linking: {note}"))
        say(0.8, "Scoring profiles…")
        scored = run_score_stage(engine, user)
        after = _membership(engine)
        old, new = _groups(before), _groups(after)
        changed = {a for a in new if old.get(a) != new[a]} | {a for a in old if a not in new}
        summary = UpdateSummary(
            normalised=int(normalised["normalised"]),
            reports_linked=sum(1 for r, a in after.items() if before.get(r) != a),
            profiles_changed=len(changed),
            profiles=int(scored["profiles"]),
        )
        audit.record(engine, user, "update.done", "store", summary.words())
        say(1.0, "Done.")
        return summary

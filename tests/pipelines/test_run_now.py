"""``bdars run`` from the dashboard: the same stages, what changed in words, audited, one at a
time (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import audit
from pipelines.run_now import AlreadyRunningError, only_one_update, update_now
from tests.conftest import Store
from tests.pipelines.test_linkage_stage import REPORTS, _load, _members


def test_update_now_links_new_reports_and_says_what_changed(
    initialised_store: Store, tmp_path: Path
) -> None:
    store = initialised_store
    _load(store, tmp_path, REPORTS[:3])
    assert store.bdars("run").returncode == 0
    _load(store, tmp_path, REPORTS)
    seen: list[tuple[float, str]] = []
    with store.engine() as engine:
        before = _members(engine)
        summary = update_now(engine, store.settings, "cora", lambda f, w: seen.append((f, w)))
        after = _members(engine)
        again = update_now(engine, store.settings, "cora")
        log = audit.read(engine)
    assert set(after) - set(before) == {"T-4", "T-5", "T-6"}
    assert summary.normalised == 3
    assert summary.reports_linked == 3
    assert summary.profiles_changed == len({after[r] for r in ("T-4", "T-5", "T-6")})
    assert (again.normalised, again.reports_linked, again.profiles_changed) == (0, 0, 0)
    assert seen[0][0] == 0.0 and seen[-1] == (1.0, "Done.")
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    done = log[(log["action"] == "update.done") & (log["user_name"] == "cora")]
    assert len(done) == 2
    assert any("3 report(s) linked into profiles" in detail for detail in done["detail"])


def test_a_second_update_while_one_runs_is_refused(
    initialised_store: Store, tmp_path: Path
) -> None:
    store = initialised_store
    _load(store, tmp_path, REPORTS)
    with store.engine() as engine, only_one_update(store.settings):
        with pytest.raises(AlreadyRunningError, match="already running"):
            update_now(engine, store.settings, "cora")
        assert _members(engine) == {}
    with store.engine() as engine:
        assert update_now(engine, store.settings, "cora").reports_linked == len(REPORTS)


def test_bdars_run_waits_its_turn_behind_an_update_from_the_dashboard(
    initialised_store: Store, tmp_path: Path
) -> None:
    store = initialised_store
    _load(store, tmp_path, REPORTS)
    with only_one_update(store.settings):
        refused = store.bdars("run")
    assert refused.returncode != 0
    assert "already running" in refused.stderr and "Traceback" not in refused.stderr
    with store.engine() as engine:
        assert _members(engine) == {}
    assert store.bdars("run").returncode == 0

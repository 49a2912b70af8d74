"""The link stage on a real store (SQLite and PostgreSQL): decisions hold across rebuilds, ids
stay stable, merges and splits are kept, and the dashboard's look-ups answer."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select

from pipelines.link import (
    DecisionError,
    candidate_matches,
    merge_aggressors,
    record_decision,
    run_link_stage,
    search,
    split_aggressor,
)
from pipelines.secrets import load_cipher
from pipelines.stages.normalise import run_normalise_stage
from pipelines.storage.tables import (
    aggressor_history,
    aggressor_members,
    aggressors,
    features,
    report_links,
)
from tests.conftest import Store

REPORTS = [
    ("T-1", "guy called Rick, silver Dodge Grand Caravan, choked me", "250-555-0134", "BV4 21K"),
    ("T-2", "Rick again in the grey caravan, took the money back", "250-555-0134", ""),
    ("T-3", "white Honda Civic, wouldn't pay, called himself Dave", "778-555-0177", "KT8 112"),
    ("T-4", "no-show, wasted 2 hours", "", ""),
    ("T-5", "big pickup, threatened me with a knife", "604-555-0150", "ZX9 77P"),
    ("T-6", "knife again, black pickup, said he was a cop", "604-555-0150", "ZX9 77P"),
]


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["report_id", "what_happened", "aggressor_phone", "plate"])
        writer.writerows(rows)
    return path


def _load(store: Store, tmp_path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    result = store.bdars("ingest", str(_write(tmp_path / f"reports-{len(rows)}.csv", rows)))
    assert result.returncode == 0, result.stderr


def _members(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(
            connection.execute(
                select(aggressor_members.c.report_id, aggressor_members.c.aggressor_id)
            ).all()
        )


def _normalise(store: Store, engine: Engine) -> None:
    run_normalise_stage(engine, load_cipher(store.settings))


def _rebuild(store: Store, engine: Engine) -> None:
    """Throw away everything derived, as a full rebuild does, then run the stages again."""
    with engine.begin() as connection:
        for table in (report_links, aggressor_members, features):
            connection.execute(delete(table))
    _normalise(store, engine)
    run_link_stage(engine, "test-user")


@pytest.fixture
def linked(initialised_store: Store, tmp_path: Path) -> Store:
    _load(initialised_store, tmp_path, REPORTS)
    with initialised_store.engine() as engine:
        _normalise(initialised_store, engine)
        summary = run_link_stage(engine, "test-user")
    assert summary["reports"] == 6
    return initialised_store


def test_stage_links_shared_phone_and_plate_and_writes_evidence(linked: Store) -> None:
    with linked.engine() as engine:
        members = _members(engine)
        assert members["T-1"] == members["T-2"]
        assert members["T-5"] == members["T-6"]
        assert len({members["T-1"], members["T-3"], members["T-4"], members["T-5"]}) == 4
        with engine.connect() as connection:
            evidence = connection.execute(
                select(report_links.c.evidence).where(
                    (report_links.c.report_id_a == "T-1") & (report_links.c.report_id_b == "T-2")
                )
            ).scalar_one()
    assert '"comparison": "SamePhone"' in evidence
    assert "same phone +1 250-555-0134" in evidence
    _check_candidates_and_search(linked)


def test_decisions_survive_a_full_rebuild(linked: Store) -> None:
    with linked.engine() as engine:
        record_decision(engine, "T-1", "T-2", "rejected", "test-user", "different voices")
        record_decision(engine, "T-3", "T-4", "confirmed", "test-user", "same regular")
        _rebuild(linked, engine)
        members = _members(engine)
        assert members["T-1"] != members["T-2"]
        assert members["T-3"] == members["T-4"]
        record_decision(engine, "T-1", "T-2", "undone", "test-user")
        _rebuild(linked, engine)
        assert _members(engine)["T-1"] == _members(engine)["T-2"]
        record_decision(engine, "T-1", "T-3", "confirmed", "test-user")
        record_decision(engine, "T-3", "T-5", "confirmed", "test-user")
        with pytest.raises(DecisionError, match="undo the rejection or one of the confirmations"):
            record_decision(engine, "T-1", "T-5", "rejected", "test-user")


def test_ids_stay_stable_and_merges_and_splits_hold(linked: Store, tmp_path: Path) -> None:
    with linked.engine() as engine:
        before = _members(engine)
        _load(linked, tmp_path, [*REPORTS, ("T-7", "Rick, caravan, same guy", "2505550134", "")])
        _normalise(linked, engine)
        run_link_stage(engine, "test-user")
        after = _members(engine)
    assert after["T-7"] == after["T-1"] == before["T-1"]
    assert all(after[report] == aggressor for report, aggressor in before.items())
    _check_merge_and_split(linked)


def _check_merge_and_split(linked: Store) -> None:
    with linked.engine() as engine:
        members = _members(engine)
        merge_aggressors(engine, members["T-1"], [members["T-3"]], "test-user", "same van")
        assert _members(engine)["T-3"] == members["T-1"]
        new_id = split_aggressor(engine, members["T-5"], ["T-6"], "test-user", "two people")
        assert _members(engine)["T-6"] == new_id
        _rebuild(linked, engine)
        after = _members(engine)
        assert after["T-3"] == after["T-1"]
        assert after["T-5"] != after["T-6"]
        with engine.connect() as connection:
            actions = set(connection.execute(select(aggressor_history.c.action)).scalars())
            merged_into = connection.execute(
                select(aggressors.c.merged_into).where(aggressors.c.aggressor_id == members["T-3"])
            ).scalar_one()
    assert {"merged", "split"} <= actions
    assert merged_into == members["T-1"]


def _check_candidates_and_search(linked: Store) -> None:
    with linked.engine() as engine:
        members = _members(engine)
        found = candidate_matches(engine, {"report_id": "NEW", "phones": "+16045550150"}, k=3)
        reports, aggressor_rows = search(engine, "ZX9")
        by_fragment, _ = search(engine, "0134")
    assert found.iloc[0]["aggressor_id"] == members["T-5"]
    assert any("same phone" in part["label"] for part in found.iloc[0]["evidence"])
    assert set(reports["report_id"]) == {"T-5", "T-6"}
    assert list(aggressor_rows["aggressor_id"]) == [members["T-5"]]
    assert set(by_fragment["report_id"]) == {"T-1", "T-2"}

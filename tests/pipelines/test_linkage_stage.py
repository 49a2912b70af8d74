"""The link stage on a real store (SQLite and PostgreSQL): decisions hold across rebuilds, ids
stay stable, merges and splits are kept, and the dashboard's look-ups answer."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, delete, select

from analytics.link.evidence import evidence_json, explain_pairs
from analytics.link.linker import link
from pipelines.link import (
    DecisionError,
    candidate_matches,
    merge_aggressors,
    record_decision,
    run_link_stage,
    search,
    split_aggressor,
)
from pipelines.link.review import review_ranks
from pipelines.link.stage import read_decisions, read_features, read_members, write_links
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


def _stored_links(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.execute(
                select(report_links).order_by(
                    report_links.c.report_id_a, report_links.c.report_id_b
                )
            )
        ]


def test_links_are_stored_the_same_whatever_the_chunk(
    initialised_store: Store, tmp_path: Path
) -> None:
    """``write_links`` explains and inserts the pairs a chunk at a time: the stored rows do not
    depend on the chunk, and each pair's evidence and review rank are those of every pair at
    once (how the stage wrote them before it used chunks)."""
    store = initialised_store
    made = store.bdars("synth", "--reports", "150", "--seed", "5", "--out", str(tmp_path / "s"))
    assert made.returncode == 0, made.stderr
    assert store.bdars("ingest", str(tmp_path / "s" / "reports.csv")).returncode == 0
    now = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
    with store.engine() as engine:
        _normalise(store, engine)
        result = link(read_features(engine), decisions=read_decisions(engine))
        uneven = next(size for size in range(3, len(result.pairs)) if len(result.pairs) % size)
        stored = {}
        for chunk in (1, uneven, 1_000_000):
            write_links(engine, result, read_members(engine), "test-user", now, chunk=chunk)
            stored[chunk] = _stored_links(engine)
    pairs = result.pairs
    assert len(stored[1]) == len(pairs) >= 20
    assert stored[1] == stored[uneven] == stored[1_000_000]
    ids_a, ids_b = pairs["report_id_a"].to_numpy(), pairs["report_id_b"].to_numpy()
    low, high = np.minimum(ids_a, ids_b), np.maximum(ids_a, ids_b)
    every_pair = explain_pairs(
        result.model,
        result.prepared,
        pairs["ia"].to_numpy(),
        pairs["ib"].to_numpy(),
        result.vectors,  # type: ignore[attr-defined]
    )
    ranks = review_ranks(
        low,
        high,
        pairs["probability"].to_numpy(),
        dict(zip(result.clusters["report_id"], result.clusters["aggressor_id"], strict=True)),
    )
    expected = {
        (a, b): (evidence_json(parts), int(rank))
        for a, b, parts, rank in zip(low, high, every_pair, ranks, strict=True)
    }
    columns = [column.name for column in report_links.columns]
    rows = [dict(zip(columns, row, strict=True)) for row in stored[1]]
    assert {
        (r["report_id_a"], r["report_id_b"]): (r["evidence"], r["review_rank"]) for r in rows
    } == expected

"""kill -9 in the middle of a dashboard save (New report, a link decision, a status change) leaves
the store as it was; saving again completes, with nothing lost or doubled."""

from __future__ import annotations

import signal

import pytest
from sqlalchemy import select

from pipelines.pause_points import DASHBOARD_SAVE, LINK_DECISION, STATUS_CHANGE
from pipelines.secrets import decrypt, load_cipher
from pipelines.stages.normalise import run_normalise_stage
from pipelines.storage.tables import (
    audit_log,
    features,
    ingest_runs,
    link_decisions,
    raw_reports,
    reporter_contacts,
    status_changes,
)
from tests.pipelines.faults.helpers import counts, run, save_args, start, wait_for_pause
from tests.pipelines.hardening_data import ingest_reports

NEW_REPORT = {
    "channel": "phone",
    "consent_contact": "yes",
    "consent_police": "no",
    "wants_statement": "no",
    "reporter_contact": "250-555-0142",
    "incident_date": "2026-03-02",
    "incident_time": "around 2am",
    "location": "Rock Bay",
    "sector": "street",
    "what_happened": "grabbed my throat in a grey van, took my money",
    "incident_types": "strangulation; robbery",
    "aggressor_phone": "778-555-0163",
    "vehicle": "grey dodge caravan",
    "plate": "BV4 21K",
}
SAVE_TABLES = (raw_reports, reporter_contacts, features, ingest_runs, audit_log)


def kill_at(store, point: str, tmp_path, *args: str) -> None:  # type: ignore[no-untyped-def]
    flag = tmp_path / f"{point}.paused"
    process = start(store, *args, pause_at=point, flag=flag)
    wait_for_pause(process, flag)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


def test_kill_mid_new_report_then_save_again(initialised_store, tmp_path) -> None:
    before = counts(initialised_store, *SAVE_TABLES)
    kill_at(initialised_store, DASHBOARD_SAVE, tmp_path, *save_args("cora", NEW_REPORT))
    assert counts(initialised_store, *SAVE_TABLES) == before

    code, out = run(initialised_store, *save_args("cora", NEW_REPORT))
    assert code == 0 and out.startswith("done") and out.split()[2] == "True", out
    report_id = out.split()[1]
    assert counts(initialised_store, *SAVE_TABLES) == {name: n + 1 for name, n in before.items()}
    with initialised_store.engine() as engine, engine.connect() as connection:
        token = connection.execute(select(reporter_contacts.c.ciphertext)).scalar_one()
        stored = connection.execute(select(features).where(features.c.report_id == report_id))
        facts = stored.mappings().one()
        entry = connection.execute(select(audit_log)).mappings().one()
    assert decrypt(load_cipher(initialised_store.settings), token) == "250-555-0142"
    assert "+17785550163" in facts["phones"] and facts["plate"] == "BV421K"
    assert (entry["user_name"], entry["action"], entry["target"]) == (
        "cora",
        "report.add",
        report_id,
    )

    again, out = run(initialised_store, *save_args("cora", NEW_REPORT))
    assert again == 0 and out.split()[1:3] == [report_id, "False"], out
    after = counts(initialised_store, raw_reports, reporter_contacts, features)
    assert after == {name: before[name] + 1 for name in after}


@pytest.fixture
def normalised_store(initialised_store, tmp_path):  # type: ignore[no-untyped-def]
    ingest_reports(initialised_store, tmp_path)
    with initialised_store.engine() as engine:
        run_normalise_stage(engine, load_cipher(initialised_store.settings))
    return initialised_store


def test_kill_mid_link_decision_then_decide_again(normalised_store, tmp_path) -> None:
    tables = (link_decisions, audit_log)
    before = counts(normalised_store, *tables)
    args = ("decide", "cora", "HD-001", "HD-005", "confirmed")
    kill_at(normalised_store, LINK_DECISION, tmp_path, *args)
    assert counts(normalised_store, *tables) == before

    assert run(normalised_store, *args) == (0, "done confirmed")
    assert counts(normalised_store, *tables) == {name: n + 1 for name, n in before.items()}
    assert run(normalised_store, *args)[0] == 3
    assert counts(normalised_store, *tables) == {name: n + 1 for name, n in before.items()}


def test_kill_mid_status_change_then_change_again(normalised_store, tmp_path) -> None:
    tables = (status_changes, audit_log)
    before = counts(normalised_store, *tables)
    args = ("status", "lee", "HD-004", "forwarded_to_liaison")
    kill_at(normalised_store, STATUS_CHANGE, tmp_path, *args)
    assert counts(normalised_store, *tables) == before

    code, out = run(normalised_store, *args)
    assert code == 0 and "'to': 'forwarded_to_liaison'" in out, out
    assert counts(normalised_store, *tables) == {name: n + 1 for name, n in before.items()}
    refused = run(normalised_store, *args)
    assert refused == (
        3,
        "refused: cannot set report HD-004: the status is already forwarded_to_liaison.",
    )
    assert counts(normalised_store, *tables) == {name: n + 1 for name, n in before.items()}

"""Two people deciding on the same link at once, in two real processes: one decision is recorded,
the other person is told who decided first, and nothing fails."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from pipelines.pause_points import LINK_DECISION
from pipelines.secrets import load_cipher
from pipelines.stages.normalise import run_normalise_stage
from pipelines.storage.tables import audit_log, link_decisions
from tests.pipelines.faults.helpers import finish, start, wait_for_pause
from tests.pipelines.hardening_data import ingest_reports


@pytest.fixture
def normalised_store(initialised_store, tmp_path):  # type: ignore[no-untyped-def]
    ingest_reports(initialised_store, tmp_path)
    with initialised_store.engine() as engine:
        run_normalise_stage(engine, load_cipher(initialised_store.settings))
    return initialised_store


def wait_for(path, timeout: float = 300) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


@pytest.mark.parametrize(
    ("second", "undo_first"),
    [("rejected", False), ("confirmed", False), ("undone", True)],
    ids=["confirm-vs-reject", "confirm-vs-confirm", "undo-vs-undo"],
)
def test_two_people_deciding_one_link_at_once(normalised_store, tmp_path, second, undo_first):
    """Alice is held inside her transaction after finding the pair undecided (the moment a
    second decider could slip in); Bob starts deciding then. Bob must wait, then be refused."""
    with normalised_store.engine() as engine, engine.connect() as connection:
        first_id = connection.execute(select(audit_log.c.id).order_by(audit_log.c.id.desc()))
        before = first_id.scalar() or 0
    first = "undone" if undo_first else "confirmed"
    if undo_first:
        setup = start(normalised_store, "decide", "cora", "HD-001", "HD-005", "confirmed")
        assert finish(setup) == (0, "done confirmed")
    flag, ready = tmp_path / "alice.paused", tmp_path / "bob.ready"
    alice = start(
        normalised_store,
        "decide",
        "alice",
        "HD-001",
        "HD-005",
        first,
        pause_at=LINK_DECISION,
        flag=flag,
    )
    wait_for_pause(alice, flag)
    bob = start(normalised_store, "decide", "bob", "HD-005", "HD-001", second, ready=ready)
    wait_for(ready)
    time.sleep(1.5)
    assert bob.poll() is None, "the second decider did not wait for the first"
    flag.unlink()
    assert finish(alice) == (0, f"done {first}")
    code, out = finish(bob)
    assert code == 3, out
    if undo_first:
        assert out.startswith(
            "refused: HD-001 ↔ HD-005 has no decision in force to undo (already undone by alice)"
        ), out
    else:
        assert out.startswith("refused: HD-001 ↔ HD-005 was already confirmed by alice at "), out

    with normalised_store.engine() as engine, engine.connect() as connection:
        decisions = connection.execute(
            select(link_decisions.c.user_name, link_decisions.c.decision).order_by(
                link_decisions.c.id
            )
        ).all()
        entries = connection.execute(
            select(audit_log.c.user_name, audit_log.c.action).where(audit_log.c.id > before)
        ).all()
    expected = [("cora", "confirmed")] if undo_first else []
    assert [tuple(d) for d in decisions] == [*expected, ("alice", first)]
    assert [tuple(e) for e in entries] == [
        *(("cora", "link_confirmed"),) * undo_first,
        ("alice", f"link_{first}"),
    ]

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pipelines import audit


def test_record_appends_and_read_returns_newest_first(initialised_store) -> None:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    with initialised_store.engine() as engine:
        audit.record(engine, "cora", "view.report", "BD-1", "from search", now=start)
        audit.record(engine, "lee", "export.case", "A-7", now=start + timedelta(hours=1))
        everything = audit.read(engine)
        recent = audit.read(engine, since=start + timedelta(minutes=30))
    assert list(everything["user_name"]) == ["lee", "cora"]
    assert list(everything.columns) == ["at", "user_name", "action", "target", "detail"]
    assert everything["detail"].tolist() == ["", "from search"]
    assert list(recent["target"]) == ["A-7"]

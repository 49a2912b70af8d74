"""The dashboard's own audited actions (login, a refused login, a search, logout), each done once
through the real pages, leave exactly one audit entry with the right user and action."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from pipelines.storage.tables import audit_log
from tests.dashboard.conftest import PASSWORD, Dashboard, login
from tests.dashboard.test_linking_pages import _seed


def _entries(dashboard: Dashboard, after: int) -> list[tuple[str, str, datetime]]:
    with dashboard.store.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(audit_log.c.user_name, audit_log.c.action, audit_log.c.at)
            .where(audit_log.c.id > after)
            .order_by(audit_log.c.id)
        ).all()
    return [(r[0], r[1], r[2] if r[2].tzinfo else r[2].replace(tzinfo=UTC)) for r in rows]


def _newest(dashboard: Dashboard) -> int:
    with dashboard.store.engine() as engine, engine.connect() as connection:
        found = connection.execute(select(audit_log.c.id).order_by(audit_log.c.id.desc()))
        return int(found.scalar() or 0)


def test_each_dashboard_action_leaves_one_entry(dashboard: Dashboard) -> None:
    _seed(dashboard)
    at = dashboard.app().run()
    steps = [
        ("login.refused", "cora", lambda: login(at, "cora", "not the password")),
        ("login", "cora", lambda: login(at, "cora", PASSWORD)),
        (
            "search",
            "cora",
            lambda: (
                at.switch_page("views/search.py").run(),
                at.text_input(key="search_query").input("BV4").run(),
            ),
        ),
        ("logout", "cora", lambda: at.button(key="logout").click().run()),
    ]
    for action, user, step in steps:
        last = _newest(dashboard)
        started = datetime.now(UTC) - timedelta(seconds=1)
        step()
        assert not at.exception, at.exception
        entries = _entries(dashboard, last)
        assert [(u, a) for u, a, _ in entries] == [(user, action)], action
        assert started <= entries[0][2] <= datetime.now(UTC) + timedelta(seconds=1)

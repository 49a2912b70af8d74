"""AppTest fixtures: a fresh initialised SQLite store with one user per role, the app pointed at it
through the environment, and a login helper that uses the real form."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.state import dispose_engines
from pipelines.users import add_user
from tests.conftest import Store

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
PASSWORD = "a long test password"
ROLE_USERS = {
    "co-ordinator": "cora",
    "liaison": "lee",
    "stakeholder": "stella",
    "admin": "ada",
}


@dataclass(frozen=True)
class Dashboard:
    store: Store

    def app(self) -> AppTest:
        return AppTest.from_file(str(APP), default_timeout=30)

    def logged_in(self, role: str) -> AppTest:
        return login(self.app().run(), ROLE_USERS[role], PASSWORD)


def login(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click()
    return at.run()


@pytest.fixture
def empty_dashboard(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dashboard]:
    """The app on an initialised store with no users."""
    result = sqlite_store.bdars("init")
    assert result.returncode == 0, result.stderr
    for name in [key for key in os.environ if key.startswith("BDARS_")]:
        monkeypatch.delenv(name)
    for name, value in sqlite_store.environ.items():
        if name.startswith("BDARS_"):
            monkeypatch.setenv(name, value)
    yield Dashboard(sqlite_store)
    dispose_engines()


@pytest.fixture
def dashboard(empty_dashboard: Dashboard) -> Dashboard:
    """The app on an initialised store with one user per role."""
    with empty_dashboard.store.engine() as engine:
        for role, name in ROLE_USERS.items():
            add_user(engine, name, role, PASSWORD)
    return empty_dashboard


def ingest_text(dashboard: Dashboard, content: str, name: str = "intake.csv") -> None:
    """Load an intake file the way ``bdars ingest`` does (faster than through the Admin page)."""
    from pipelines.ingest import ingest_files
    from pipelines.secrets import load_cipher

    path = dashboard.store.settings.data_dir / name
    path.write_text(content, encoding="utf-8")
    with dashboard.store.engine() as engine:
        summary = ingest_files(
            engine, load_cipher(dashboard.store.settings), [path], user="test-user"
        )
    path.unlink()
    assert summary.total("loaded") > 0, summary

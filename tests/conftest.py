"""Shared fixtures: real databases (a SQLite file, and PostgreSQL when a server is configured)
and the real ``bdars`` command run as a subprocess.

PostgreSQL tests run when ``BDARS_TEST_POSTGRES_URL`` names a server whose user may create
databases; each test gets a database of its own. With ``BDARS_REQUIRE_POSTGRES=1`` (set by
``.ci/run``) a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from pipelines.settings import Settings, load_settings
from pipelines.storage.database import connect

POSTGRES_URL = os.environ.get("BDARS_TEST_POSTGRES_URL", "")
REQUIRE_POSTGRES = os.environ.get("BDARS_REQUIRE_POSTGRES") == "1"
BDARS = [sys.executable, "-m", "pipelines.cli"]


def _base_environ(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BDARS_")}
    env["BDARS_DATA_DIR"] = str(data_dir)
    env["BDARS_USER"] = "test-user"
    for name in ("BDARS_TEST_POSTGRES_URL", "BDARS_REQUIRE_POSTGRES", "BDARS_REQUIRE_BROWSER"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


@dataclass(frozen=True)
class Store:
    """A fresh, empty database and the environment that points ``bdars`` at it."""

    kind: str
    settings: Settings
    environ: dict[str, str]

    @contextmanager
    def engine(self) -> Iterator[Engine]:
        """An engine on this store, disposed afterwards (no connection outlives the test)."""
        engine = connect(self.settings)
        try:
            yield engine
        finally:
            engine.dispose()

    def bdars(self, *args: str, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run the real ``bdars`` command against this store."""
        return subprocess.run(
            [*BDARS, *args],
            env=self.environ,
            capture_output=True,
            text=True,
            input=input_text,
            timeout=600,
        )


def _postgres_database() -> Iterator[str]:
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("BDARS_REQUIRE_POSTGRES=1 but BDARS_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL test server (set BDARS_TEST_POSTGRES_URL to run these)")
    admin_url = make_url(POSTGRES_URL)
    name = f"bdars_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001
        admin.dispose()
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL test server at {admin_url!r} is not usable: {error}")
        pytest.skip(f"PostgreSQL test server not usable: {error}")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on each database kind: the same test runs on SQLite and on PostgreSQL."""
    data_dir = tmp_path / "bdars-data"
    env = _base_environ(data_dir)
    if request.param == "postgres":
        database = _postgres_database()
        env["BDARS_DATABASE_URL"] = next(database)
    else:
        database = None
    settings = load_settings(env)
    yield Store(request.param, settings, env)
    if database is not None:
        next(database, None)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Store:
    """A fresh store on a SQLite file only, for tests that are about files, not databases."""
    env = _base_environ(tmp_path / "bdars-data")
    return Store("sqlite", load_settings(env), env)


@pytest.fixture
def initialised_store(store: Store) -> Store:
    """``store`` after ``bdars init``."""
    result = store.bdars("init")
    assert result.returncode == 0, result.stderr
    return store

import os
import stat

from sqlalchemy import inspect

from pipelines.storage.database import current_revision, head_revision
from pipelines.storage.tables import metadata


def test_init_creates_then_reports_up_to_date(store):
    first = store.bdars("init")
    assert first.returncode == 0, first.stderr
    assert "Created database" in first.stdout
    second = store.bdars("init")
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    with store.engine() as engine:
        assert current_revision(engine) == head_revision()


def test_migrated_schema_matches_the_table_definitions(initialised_store):
    with initialised_store.engine() as engine:
        inspector = inspect(engine)
        tables = {table.name: table for table in metadata.sorted_tables}
        migrated = {name: inspector.get_columns(name) for name in tables}
    for name, table in tables.items():
        assert {column["name"] for column in migrated[name]} == {c.name for c in table.columns}


def test_sqlite_file_and_key_file_are_owner_only(sqlite_store):
    assert sqlite_store.bdars("init").returncode == 0
    database_file = sqlite_store.settings.data_dir / "bdars.sqlite3"
    for path in (database_file, sqlite_store.settings.key_file):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode == 0o600, f"{path} has mode {oct(mode)}"


def test_commands_refuse_an_uninitialised_database_with_advice(sqlite_store):
    result = sqlite_store.bdars("run")
    assert result.returncode == 2
    assert "Run `bdars init`" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_masks_the_password(sqlite_store):
    env = dict(sqlite_store.environ)
    env["BDARS_DATABASE_URL"] = "postgresql+psycopg://bdars:hunter2@127.0.0.1:1/x"
    from tests.conftest import Store

    result = Store("postgres", sqlite_store.settings, env).bdars("config")
    assert result.returncode == 0, result.stderr
    assert "hunter2" not in result.stdout
    assert "bdars:***@127.0.0.1" in result.stdout

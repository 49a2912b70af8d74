"""Opening the database and bringing its schema up to date."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from pipelines.errors import StorageError
from pipelines.settings import Settings

_MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == "sqlite://" or url.endswith(":memory:"):
        return None
    return Path(url[len(prefix) :])


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(descriptor)


def _enable_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


def connect(settings: Settings) -> Engine:
    """An engine for the configured database; the SQLite file is created owner-only."""
    sqlite_file = _sqlite_path(settings.database_url)
    if sqlite_file is not None:
        try:
            _create_private_file(sqlite_file)
        except OSError as error:
            raise StorageError(
                f"cannot create the database file {sqlite_file}: {error.strerror}. "
                "Set data_dir or BDARS_DATABASE_URL to a writable place."
            ) from error
    try:
        engine = create_engine(settings.database_url, future=True, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError) as error:
        raise StorageError(
            f"cannot use database URL {settings.masked_database_url}: {error}"
        ) from error
    if engine.dialect.name == "sqlite":
        _enable_sqlite_pragmas(engine)
    return engine


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    return str(head)


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as error:
        raise StorageError(_unreachable(engine, error)) from error


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Create or upgrade the schema to the newest migration; returns (before, after) revisions."""
    before = current_revision(engine)
    config = _alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        raise StorageError(_unreachable(engine, error)) from error
    return before, head_revision()


def require_current_schema(engine: Engine) -> None:
    """Fail with a clear message when ``bdars init`` has not been run on this database."""
    revision = current_revision(engine)
    if revision != head_revision():
        found = "an empty database" if revision is None else f"schema version {revision}"
        raise StorageError(
            f"the database at {engine.url.render_as_string(hide_password=True)} has {found}, "
            f"this bdars needs version {head_revision()}. Run `bdars init` to create or upgrade it."
        )


def _unreachable(engine: Engine, error: OperationalError) -> str:
    url = engine.url.render_as_string(hide_password=True)
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    if "readonly" in reason or "read-only" in reason:
        return f"the database at {url} is read-only ({reason}). Check the file's permissions."
    if "disk" in reason and "full" in reason:
        return f"the disk holding {url} is full ({reason}). Free space and rerun; nothing was lost."
    return f"cannot reach the database at {url}: {reason}"


def describe_operational_error(error: OperationalError) -> str:
    """A database failure in the middle of a command, as a message a user can act on."""
    reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
    lowered = reason.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return (
            f"the database is read-only ({reason}); nothing was changed. The user running bdars "
            "must be able to write the database file and its folder: check their permissions "
            "and the disk's mount options."
        )
    if ("disk" in lowered and "full" in lowered) or "no space left" in lowered:
        return (
            f"the disk holding the database is full ({reason}); the unfinished step was rolled "
            "back and nothing was lost. Free some space and rerun."
        )
    if "locked" in lowered or "busy" in lowered:
        return (
            f"the database is busy ({reason}): another bdars command or the dashboard is "
            "writing to it. Wait for it to finish and rerun; nothing was changed."
        )
    return (
        f"the database refused the operation ({reason}); the unfinished step was rolled back. "
        "Check that the database is reachable and rerun."
    )

"""What several commands share: loading settings and an up-to-date database once per command."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import Engine

from pipelines.settings import Settings, load_settings
from pipelines.storage.database import connect, require_current_schema


def settings_and_engine() -> tuple[Settings, Engine]:
    """Settings plus an engine on a database whose schema is current (else a clear error)."""
    settings = load_settings()
    engine = connect(settings)
    require_current_schema(engine)
    return settings, engine


def current_user() -> str:
    """Who is running the command, for run records and the audit log."""
    return os.environ.get("BDARS_USER") or getpass.getuser()

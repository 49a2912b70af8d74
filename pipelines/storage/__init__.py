"""The database: engine, schema migrations and the tables that hold the record."""

from pipelines.storage.database import connect, current_revision, upgrade

__all__ = ["connect", "current_revision", "upgrade"]

"""``bdars backup FILE`` and ``bdars restore FILE``: the whole store in one portable archive."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import Engine, select

from pipelines.backup import backup_store, restore_store
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.errors import SecretKeyError
from pipelines.secrets import decrypt, load_cipher
from pipelines.settings import Settings
from pipelines.storage.tables import reporter_contacts


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def backup(file: Path) -> None:
    """Write every table of the store to a new owner-only zip archive FILE.

    Reporter contacts stay encrypted in it; the key is NOT included, so back up the key file
    (or BDARS_SECRET_KEY) separately and keep the two apart.
    """
    settings, engine = settings_and_engine()
    try:
        summary = backup_store(engine, file, current_user())
    finally:
        engine.dispose()
    click.echo(
        f"Backed up {summary.total} rows from {len(summary.rows)} tables to {file} "
        f"(schema version {summary.revision}, owner-only)."
    )
    where = "BDARS_SECRET_KEY" if settings.secret_key else str(settings.key_file)
    click.echo(
        f"The encryption key is not in the archive: keep a copy of {where} somewhere else "
        "(not beside the archive); without it the contacts in the backup cannot be read."
    )


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--force",
    is_flag=True,
    help="Replace everything in a database that already holds data (default: refuse).",
)
def restore(file: Path, force: bool) -> None:
    """Load a `bdars backup` archive FILE into a fresh `bdars init` database, in one transaction."""
    settings, engine = settings_and_engine()
    try:
        summary = restore_store(engine, file, current_user(), force=force)
        warning = _key_warning(settings, engine)
    finally:
        engine.dispose()
    click.echo(f"Restored {summary.total} rows into {len(summary.rows)} tables from {file}.")
    if warning:
        click.echo(f"Warning: {warning}", err=True)


def _key_warning(settings: Settings, engine: Engine) -> str:
    with engine.connect() as connection:
        token = connection.execute(select(reporter_contacts.c.ciphertext).limit(1)).scalar()
    if token is None:
        return ""
    try:
        decrypt(load_cipher(settings), bytes(token))
    except SecretKeyError as error:
        return (
            f"{error} Put the key that was in use when the backup was made in place "
            "(the key file, or BDARS_SECRET_KEY) before anyone needs a reporter's contact."
        )
    return ""

"""``bdars keys``: the key that encrypts reporters' contact details."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.keys import rotate_key


@click.group()
def keys() -> None:
    """Manage the encryption key of reporters' contact details."""


@keys.command("rotate")
@click.option(
    "--new-key-out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Only when the key comes from BDARS_SECRET_KEY: write the new key to this new "
    "owner-only file (it is never printed).",
)
def rotate(new_key_out: Path | None) -> None:
    """Make a new key and re-encrypt every stored contact with it, in one transaction.

    With a key file, the old key is kept in a dated owner-only backup file beside it until you
    delete it; with BDARS_SECRET_KEY, pass --new-key-out FILE and switch the variable yourself.
    """
    settings, engine = settings_and_engine()
    try:
        done = rotate_key(engine, settings, current_user(), new_key_out)
    finally:
        engine.dispose()
    if done.finished_earlier_run:
        click.echo(
            f"Finished an interrupted rotation: {done.new_key} now holds the key that "
            f"encrypts the {done.contacts} stored contacts."
        )
        return
    click.echo(f"Re-encrypted {done.contacts} stored contacts with a new key.")
    if done.old_key_backup is not None:
        click.echo(
            f"New key: {done.new_key}. Old key kept at {done.old_key_backup} (owner-only): "
            "update your off-machine key backup, restore any database backup made before now "
            "only with the old key, then delete the old key file."
        )
    else:
        click.echo(
            f"New key written to {done.new_key} (owner-only). Put it in BDARS_SECRET_KEY "
            "wherever bdars runs, store it in your secret manager, then delete the file. "
            "Until then, contacts cannot be read with the old value."
        )

import click

from pipelines.secrets import create_key_file
from pipelines.settings import load_settings
from pipelines.storage.database import connect, upgrade


@click.command()
def init() -> None:
    """Create the database (or upgrade its schema) and the encryption key file."""
    settings = load_settings()
    engine = connect(settings)
    before, after = upgrade(engine)
    where = settings.masked_database_url
    if before is None:
        click.echo(f"Created database {where} (schema version {after}).")
    elif before == after:
        click.echo(f"Database {where} is up to date (schema version {after}).")
    else:
        click.echo(f"Upgraded database {where} from schema version {before} to {after}.")
    if settings.secret_key:
        click.echo("Encryption key: from BDARS_SECRET_KEY.")
    elif create_key_file(settings.key_file):
        click.echo(
            f"Created encryption key {settings.key_file} (owner-only). Back it up: "
            "without it, stored reporter contacts cannot be read."
        )
    else:
        click.echo(f"Encryption key: {settings.key_file} (kept).")

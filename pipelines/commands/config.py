import click

from pipelines.settings import describe, load_settings


@click.command()
def config() -> None:
    """Print the effective settings (database URL with any password masked, key and data paths)."""
    settings = load_settings()
    rows = describe(settings)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        click.echo(f"{name.ljust(width)}  {value}")

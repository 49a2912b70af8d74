"""``bdars demo``: the whole pipeline on a synthetic sample, ending with the dashboard running."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click

from pipelines.settings import Settings, load_settings
from pipelines.storage.database import connect
from pipelines.users import add_user, count_users

DEMO_ROLES = ("co-ordinator", "liaison", "stakeholder", "admin")


def _demo_logins(settings: Settings) -> Path:
    return settings.data_dir / "demo-logins.txt"


def _create_demo_users(settings: Settings) -> list[tuple[str, str, str]]:
    """One user per role with a random password, written to an owner-only file."""
    engine = connect(settings)
    try:
        if count_users(engine):
            return []
        logins = []
        for role in DEMO_ROLES:
            name = role.replace("-", "")
            password = secrets.token_urlsafe(9)
            add_user(engine, name, role, password)
            logins.append((name, role, password))
    finally:
        engine.dispose()
    path = _demo_logins(settings)
    descriptor = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.writelines(f"{name}\t{role}\t{password}\n" for name, role, password in logins)
    return logins


@click.command()
@click.option("--reports", default=3_000, show_default=True, help="Synthetic reports to make.")
@click.option("--seed", default=1, show_default=True, help="Seed of the synthetic sample.")
@click.option("--port", type=click.IntRange(1, 65535), help="Dashboard port (default: setting).")
@click.option("--no-dashboard", is_flag=True, help="Stop after the pipeline; don't start the app.")
@click.pass_context
def demo(ctx: click.Context, reports: int, seed: int, port: int | None, no_dashboard: bool) -> None:
    """Run everything on a synthetic sample: init, synth, ingest, run, then the dashboard.

    Demo logins (one per role, random passwords) are printed and kept in an owner-only file in
    the data folder.
    """
    from pipelines.commands.dashboard import dashboard
    from pipelines.commands.ingest import ingest
    from pipelines.commands.init import init
    from pipelines.commands.run import run
    from pipelines.commands.synth import synth

    settings = load_settings()
    sample = settings.data_dir / "sample"
    click.echo("== 1/5 bdars init")
    ctx.invoke(init)
    click.echo(f"== 2/5 bdars synth --reports {reports} --seed {seed} --out {sample}")
    ctx.invoke(synth, reports=reports, seed=seed, out=sample)
    click.echo(f"== 3/5 bdars ingest {sample / 'reports.csv'}")
    ctx.invoke(ingest, files=(sample / "reports.csv",), mapping=None, encoding=None)
    click.echo("== 4/5 bdars run")
    ctx.invoke(run)
    click.echo("== 5/5 dashboard logins")
    logins = _create_demo_users(settings)
    for name, role, password in logins:
        click.echo(f"   {role:<13} user {name:<13} password {password}")
    where = _demo_logins(settings)
    if logins:
        click.echo(f"   (kept in {where}, readable by you only)")
    elif where.exists():
        click.echo(f"   users already exist; the demo logins are in {where}")
    else:
        click.echo("   users already exist; add one with `bdars users add NAME --role ROLE`")
    if no_dashboard:
        return
    ctx.invoke(dashboard, port=port)

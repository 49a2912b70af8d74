"""``bdars users``: who may log in to the dashboard, and with which role."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click

from analytics.vocabulary import ROLES
from pipelines import audit
from pipelines.commands.common import current_user, settings_and_engine
from pipelines.users import add_user, check_password, list_users, set_disabled


@click.group()
def users() -> None:
    """Manage dashboard users: add, disable, enable, list."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the user may see.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of prompting.",
)
def add(name: str, role: str, password_stdin: bool) -> None:
    """Add a user NAME with a ROLE; asks for the password twice (or reads it from stdin)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt(
            "Password", hide_input=True, confirmation_prompt="Repeat the password"
        )
    check_password(password)
    _, engine = settings_and_engine()
    try:
        user = add_user(engine, name, role, password)
        audit.record(engine, current_user(), "user.add", user.name, f"role={role}")
    finally:
        engine.dispose()
    click.echo(f"Added {user.name} ({user.role}).")


@users.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Stop NAME from logging in; an open dashboard session ends at its next click."""
    _, engine = settings_and_engine()
    try:
        user = set_disabled(engine, name, True)
        audit.record(engine, current_user(), "user.disable", user.name)
    finally:
        engine.dispose()
    click.echo(f"Disabled {user.name}.")


@users.command("enable")
@click.argument("name")
def enable(name: str) -> None:
    """Let a disabled (or locked-out) user NAME log in again."""
    _, engine = settings_and_engine()
    try:
        user = set_disabled(engine, name, False)
        audit.record(engine, current_user(), "user.enable", user.name)
    finally:
        engine.dispose()
    click.echo(f"Enabled {user.name}.")


@users.command("list")
def list_() -> None:
    """List users with their role and status."""
    _, engine = settings_and_engine()
    try:
        everyone = list_users(engine)
    finally:
        engine.dispose()
    if not everyone:
        click.echo("No users yet. Add one: bdars users add NAME --role admin")
        return
    now = datetime.now(UTC)
    width = max(len(user.name) for user in everyone)
    for user in everyone:
        if user.disabled:
            status = "disabled"
        elif user.is_locked(now):
            status = f"locked until {user.locked_until:%Y-%m-%d %H:%M} UTC"
        else:
            status = "active"
        click.echo(f"{user.name.ljust(width)}  {user.role:<12}  {status}")

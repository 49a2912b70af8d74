"""``bdars dashboard``: the Streamlit app on this machine only, with usage statistics off."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pipelines.commands.common import settings_and_engine

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"

STREAMLIT_OPTIONS: dict[str, str] = {
    "browser.gatherUsageStats": "false",
    "server.address": "localhost",
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
    "server.enableXsrfProtection": "true",
    "server.enableCORS": "true",
    "global.developmentMode": "false",
    "server.showEmailPrompt": "false",
    "client.toolbarMode": "minimal",
    "client.showErrorDetails": "type",
    "client.showErrorLinks": "false",
    "theme.base": "light",
}
"""Passed as flags so they hold whatever directory the command is started from."""


def streamlit_command(port: int) -> list[str]:
    flags = [f"--{name}={value}" for name, value in STREAMLIT_OPTIONS.items()]
    return [sys.executable, "-m", "streamlit", "run", str(APP), f"--server.port={port}", *flags]


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: dashboard_port).")
def dashboard(port: int | None) -> None:
    """Start the dashboard on localhost and print its URL (Ctrl-C stops it)."""
    settings, engine = settings_and_engine()
    engine.dispose()
    port = port or settings.dashboard_port
    click.echo(f"bdars dashboard: http://localhost:{port}  (Ctrl-C to stop)")
    sys.stdout.flush()
    sys.stderr.flush()
    command = streamlit_command(port)
    os.execv(command[0], command)

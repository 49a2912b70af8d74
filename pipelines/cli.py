"""The ``bdars`` command. Each command lives in its own module under ``pipelines/commands``.

Library code raises; this module turns every ``BdarsError`` into one clean message.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click
from sqlalchemy.exc import OperationalError

from pipelines.errors import BdarsError

COMMANDS: dict[str, str] = {
    "config": "pipelines.commands.config:config",
    "init": "pipelines.commands.init:init",
    "ingest": "pipelines.commands.ingest:ingest",
    "run": "pipelines.commands.run:run",
    "normalise": "pipelines.commands.normalise:normalise",
    "synth": "pipelines.commands.synth:synth",
    "dashboard": "pipelines.commands.dashboard:dashboard",
    "demo": "pipelines.commands.demo:demo",
    "link": "pipelines.commands.link:link",
    "users": "pipelines.commands.users:users",
    "queue": "pipelines.commands.queue:queue",
    "status": "pipelines.commands.status:status",
    "responsiveness": "pipelines.commands.responsiveness:responsiveness",
    "routing": "pipelines.commands.routing:routing",
    "keys": "pipelines.commands.keys:keys",
    "backup": "pipelines.commands.backup:backup",
    "restore": "pipelines.commands.backup:restore",
    "purge": "pipelines.commands.purge:purge",
    "audit": "pipelines.commands.audit:audit",
    "export": "pipelines.commands.export:export",
    "sheet": "pipelines.commands.sheet:sheet",
    "report": "pipelines.commands.report:report",
    "alert": "pipelines.commands.alert:alert",
}
"""Command name → ``module:attribute``; modules are imported only when their command runs."""


def _installed(target: str) -> bool:
    return importlib.util.find_spec(target.split(":")[0]) is not None


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, target in COMMANDS.items() if _installed(target))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not _installed(target):
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bdars")
def cli() -> None:
    """bdars: pattern detection for the Bad Date and Aggressor Reporting System.

    Load reports, link repeat aggressors, prioritise investigations and publish the sheet.
    Settings: `bdars config`.
    """


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs a command and turns errors into messages and exit codes."""
    try:
        outcome = cli.main(args=argv, prog_name="bdars", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Exit as done:
        return done.exit_code
    except BdarsError as error:
        click.echo(f"Error: {error}", err=True)
        return 2
    except OperationalError as error:
        from pipelines.storage.database import describe_operational_error

        click.echo(f"Error: {describe_operational_error(error)}", err=True)
        return 2
    except KeyboardInterrupt:
        click.echo("Interrupted: nothing from the unfinished step was saved.", err=True)
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("BDARS_DEBUG"):
            raise
        click.echo(
            f"Error: bdars hit an unexpected problem ({type(error).__name__}: {error}). "
            "Nothing half-done was saved. Rerun with BDARS_DEBUG=1 to see the details and "
            "report them to the maintainers.",
            err=True,
        )
        return 1
    return outcome if isinstance(outcome, int) else 0


if __name__ == "__main__":
    sys.exit(main())

"""The command line as a user meets it: help everywhere, clean errors, no tracebacks."""

from __future__ import annotations

import click
import pytest

from pipelines.cli import COMMANDS, cli


def all_commands():
    context = click.Context(cli)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        yield name, command
        if isinstance(command, click.Group):
            for sub in command.list_commands(context):
                yield f"{name} {sub}", command.get_command(context, sub)


def test_every_registered_command_is_installed():
    context = click.Context(cli)
    assert set(cli.list_commands(context)) == set(COMMANDS)


@pytest.mark.parametrize("name, command", list(all_commands()))
def test_every_command_and_option_has_help(name, command):
    assert command.help and command.help.strip(), f"`bdars {name}` has no help text"
    for parameter in command.params:
        if isinstance(parameter, click.Option) and not parameter.hidden:
            assert parameter.help, f"`bdars {name}` option {parameter.opts} has no help text"


def test_unknown_command_is_a_usage_error(sqlite_store):
    result = sqlite_store.bdars("frobnicate")
    assert result.returncode == 2
    assert "No such command 'frobnicate'" in result.stderr


def test_a_broken_settings_file_is_one_clear_message(sqlite_store, tmp_path):
    config = tmp_path / "broken.toml"
    config.write_text("database_url = [unclosed\n")
    env = dict(sqlite_store.environ, BDARS_CONFIG=str(config))
    from tests.conftest import Store

    result = Store("sqlite", sqlite_store.settings, env).bdars("config")
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {config} is not valid TOML")
    assert "Traceback" not in result.stderr


def test_an_unknown_setting_is_refused(sqlite_store, tmp_path):
    config = tmp_path / "typo.toml"
    config.write_text('databse_url = "sqlite:///x"\n')
    env = dict(sqlite_store.environ, BDARS_CONFIG=str(config))
    from tests.conftest import Store

    result = Store("sqlite", sqlite_store.settings, env).bdars("config")
    assert result.returncode == 2
    assert "unknown setting(s) databse_url" in result.stderr

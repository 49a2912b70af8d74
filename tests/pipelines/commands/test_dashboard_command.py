from __future__ import annotations

from pipelines.commands.dashboard import APP, streamlit_command


def test_the_dashboard_runs_on_localhost_with_usage_statistics_off() -> None:
    command = streamlit_command(8642)
    assert command[1:4] == ["-m", "streamlit", "run"]
    assert command[4] == str(APP)
    assert APP.is_file()
    flags = set(command[5:])
    assert {
        "--server.port=8642",
        "--server.address=localhost",
        "--browser.gatherUsageStats=false",
        "--server.headless=true",
        "--client.showErrorDetails=type",
    } <= flags


def test_the_dashboard_refuses_an_uninitialised_store(sqlite_store) -> None:
    result = sqlite_store.bdars("dashboard", "--port", "8643")
    assert result.returncode == 2
    assert "Run `bdars init`" in result.stderr

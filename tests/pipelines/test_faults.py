"""Faults: kill -9 during `bdars run`, a read-only database, a full disk."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import time

import pytest
from sqlalchemy import func, select

from analytics.extract import normalise_report
from pipelines.ingest.mapping import canonical_fields
from pipelines.stages.normalise import normaliser_version
from pipelines.storage.tables import features, ingest_runs, raw_reports
from tests.conftest import BDARS
from tests.pipelines.hardening_data import write_reports
from tests.pipelines.ingest.helpers import count

REPORTS = 14_000
CHUNK = 10_000
"""``run_normalise_stage`` commits every 10,000 reports and shows its progress bar only after the
first commit; a kill as soon as the bar appears lands while the other 4,000 are being worked on."""


def kill_group_when_progress_shows(process: subprocess.Popen, timeout: float = 900) -> None:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        chunk = os.read(process.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        if b"normalise:" in seen:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    raise AssertionError(f"no progress seen before the run ended: {seen[-500:]!r}")


@pytest.mark.slow
def test_kill_during_run_then_rerun_loses_and_doubles_nothing(initialised_store, tmp_path):
    made = initialised_store.bdars(
        "synth", "--reports", str(REPORTS), "--seed", "5", "--out", str(tmp_path)
    )
    assert made.returncode == 0, made.stderr
    loaded = initialised_store.bdars("ingest", str(tmp_path / "reports.csv"))
    assert loaded.returncode == 0, loaded.stderr
    reports = count(initialised_store, raw_reports)

    process = subprocess.Popen(
        [*BDARS, "run"],
        env=initialised_store.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    with process.stderr:
        kill_group_when_progress_shows(process)
    assert process.returncode == -signal.SIGKILL
    assert count(initialised_store, raw_reports) == reports
    assert count(initialised_store, features) == CHUNK

    rerun = initialised_store.bdars("run")
    assert rerun.returncode == 0, rerun.stderr
    assert f"normalise: {reports - CHUNK} reports normalised" in rerun.stdout
    assert re.search(rf"link: {reports} reports in \d+ aggressor profiles", rerun.stdout)
    with initialised_store.engine() as engine, engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(features)).scalar() == reports
        versions = connection.execute(select(features.c.normaliser_version).distinct()).all()
        assert len(versions) == 1
        sample = (
            connection.execute(
                select(raw_reports.c.report_id, raw_reports.c.raw_json, features)
                .join(features, features.c.report_id == raw_reports.c.report_id)
                .order_by(raw_reports.c.report_id)
                .where(func.substr(raw_reports.c.content_hash, 1, 2) == "7f")
            )
            .mappings()
            .all()
        )
    assert sample
    if versions[0][0] != normaliser_version():
        return  # the extractors were edited while this test ran (shared work tree): same code only
    for row in sample:
        stored = json.loads(row["raw_json"])
        expected = normalise_report(
            canonical_fields(stored["cells"], stored["columns"]), row["report_id"]
        )
        assert {name: row[name] for name in expected} == expected


def without_root_powers(command: list[str]) -> list[str]:
    """Root ignores file permissions; drop that power so a read-only file is read-only."""
    if os.geteuid() != 0:
        return command
    if shutil.which("capsh") is None:
        pytest.skip("running as root without capsh: cannot make a file read-only for root")
    return [
        "capsh",
        "--drop=cap_dac_override,cap_dac_read_search,cap_fowner",
        "--",
        "-c",
        shlex.join(command),
    ]


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file-and-folder"])
def test_read_only_database_gives_a_clear_message(sqlite_store, tmp_path, folder_too):
    assert sqlite_store.bdars("init").returncode == 0
    reports = write_reports(tmp_path / "reports.csv")
    data_dir = sqlite_store.settings.data_dir
    database = data_dir / "bdars.sqlite3"
    os.chmod(database, 0o444)
    if folder_too:
        os.chmod(data_dir, 0o555)
    try:
        result = subprocess.run(
            without_root_powers([*BDARS, "ingest", str(reports)]),
            env=sqlite_store.environ,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        os.chmod(data_dir, 0o700)
        os.chmod(database, 0o600)
    assert result.returncode == 2, result.stderr
    assert "read-only" in result.stderr
    assert "heck the" in result.stderr
    for leak in ("Traceback", "INSERT", "[SQL", "unexpected problem"):
        assert leak not in result.stderr
    assert count(sqlite_store, raw_reports) == 0
    assert count(sqlite_store, ingest_runs) == 0


def test_full_disk_gives_a_clear_message_and_keeps_the_store(sqlite_store, tmp_path):
    data_dir = sqlite_store.settings.data_dir
    data_dir.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(data_dir)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {mounted.stderr.strip()}")
    try:
        assert sqlite_store.bdars("init").returncode == 0
        rows = [
            [f"FD-{i}", "2026-03-04", "x" * 4_000 + f" {i}", "", "", "", "", "", "", "", ""]
            for i in range(600)
        ]
        result = sqlite_store.bdars("ingest", str(write_reports(tmp_path / "big.csv", rows)))
        assert result.returncode == 2, result.stderr
        assert "disk holding the database is full" in result.stderr
        assert "Traceback" not in result.stderr
        assert count(sqlite_store, raw_reports) == 0
        small = sqlite_store.bdars("ingest", str(write_reports(tmp_path / "small.csv")))
        assert small.returncode == 0, small.stderr
        assert count(sqlite_store, raw_reports) == 5
    finally:
        subprocess.run(["umount", "--lazy", str(data_dir)], check=True)

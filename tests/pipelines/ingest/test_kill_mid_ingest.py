"""Killing `bdars ingest` mid-way leaves the store as it was, and the rerun completes."""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import time

from tests.conftest import BDARS
from tests.pipelines.ingest.helpers import HEADER, count, ingest_runs, raw_reports

ROWS = 60_000


def write_large_csv(path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(ROWS):
            writer.writerow(
                [
                    f"K-{index}",
                    "2026-03-04",
                    f"report {index}: wouldn't pay, drove off " * 6,
                    f"250-555-01{index % 100:02d}",
                    "grey minivan",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )


def kill_when_progress_shows(process: subprocess.Popen, timeout: float = 300) -> str:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        chunk = os.read(process.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        if re.search(rb"\s([1-9]\d?)%\|", seen):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return seen.decode(errors="replace")
    process.kill()
    raise AssertionError(f"no progress seen before the ingest ended: {seen[-500:]!r}")


def test_kill_mid_ingest_then_rerun(initialised_store, tmp_path):
    path = tmp_path / "large.csv"
    write_large_csv(path)
    process = subprocess.Popen(
        [*BDARS, "ingest", str(path)],
        env=initialised_store.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    with process.stderr:
        kill_when_progress_shows(process)
    assert process.returncode == -signal.SIGKILL
    assert count(initialised_store, raw_reports) == 0
    assert count(initialised_store, ingest_runs) == 0

    rerun = initialised_store.bdars("ingest", str(path))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ROWS} loaded, 0 duplicates" in rerun.stdout
    assert count(initialised_store, raw_reports) == ROWS

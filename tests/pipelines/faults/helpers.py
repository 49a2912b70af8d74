"""Run the dashboard's save functions in separate real processes, held at a pause point."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import Store

ROOT = Path(__file__).resolve().parents[3]
WORKER = [sys.executable, "-m", "tests.pipelines.faults.worker"]


def start(
    store: Store,
    *args: str,
    pause_at: str = "",
    flag: Path | None = None,
    ready: Path | None = None,
) -> subprocess.Popen[str]:
    env = dict(store.environ)
    if ready is not None:
        env["BDARS_WORKER_READY"] = str(ready)
    if pause_at and flag is not None:
        env |= {"BDARS_PAUSE_AT": pause_at, "BDARS_PAUSE_FILE": str(flag)}
    return subprocess.Popen(
        [*WORKER, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_pause(process: subprocess.Popen[str], flag: Path, timeout: float = 300) -> None:
    """Until the process sits at its pause point (inside its transaction)."""
    deadline = time.monotonic() + timeout
    while not flag.exists():
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"ended before its pause point: {out!r} {err[-2000:]!r}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("never reached its pause point")
        time.sleep(0.02)


def finish(process: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    assert "Traceback" not in err, err
    return process.returncode, out.strip()


def run(store: Store, *args: str) -> tuple[int, str]:
    return finish(start(store, *args))


def save_args(user: str, fields: dict[str, str]) -> tuple[str, str, str]:
    return ("save", user, json.dumps(fields))


def counts(store: Store, *tables) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.engine() as engine, engine.connect() as connection:
        return {
            table.name: int(connection.execute(select(func.count()).select_from(table)).scalar())
            for table in tables
        }

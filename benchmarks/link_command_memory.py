"""Wall time and peak memory of the real `bdars link REPORTS --out … --pairs …`, or of the real
`bdars run` on a store, with synthetic reports.

    .venv/bin/python benchmarks/link_command_memory.py --sizes 100000 1000000 [--dir DIR]
    .venv/bin/python benchmarks/link_command_memory.py --command run --sizes 100000 [--dir DIR]

Unlike `link_benchmark.py scale`, which times `link()` on pre-normalised features, this runs a
whole command. `link`: reading and normalising the intake file, linking, and writing the clusters
and every kept pair with its evidence. `run`: `bdars run` (normalise, link and score stages) on an
embedded SQLite store where `bdars init` and `bdars ingest` have put the reports; each run starts
from a fresh copy of that store, so every stage has everything to do. Target (issue 4):
1,000,000 reports in under 10 minutes and 8 GB. Resident memory is sampled every 0.2 s from
/proc: "peak GB" is the command's own process, "with workers" adds the normalising workers
(forked, so shared pages are counted twice). Each step the command announces ("… clustering",
the link stage's "  clustering", a stage's summary line) is timed, with the peak of the command's
own process during that step. Files go under DIR (default: a temporary folder); an existing
DIR/SIZE/reports.csv, and for `run` DIR/SIZE/ingested/, are reused.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from _processes import descendants, resident_kb

BDARS = [sys.executable, "-m", "pipelines.cli"]
RUN_STAGE_ENDS = {"normalise": "link stage: reading features", "link": "score stage"}
"""`bdars run` prints one summary line per stage when it ends: the step that starts then."""


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _store_environ(data_dir: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("BDARS_")}
    return {**environ, "BDARS_DATA_DIR": str(data_dir), "BDARS_USER": "benchmark"}


def ingested_store(reports: Path, folder: Path) -> Path:
    """A store holding ``reports`` (`bdars init` and `bdars ingest`), made once and reused."""
    store = folder / "ingested"
    if not (store / "bdars.sqlite3").exists():
        shutil.rmtree(store, ignore_errors=True)
        for args in (["init"], ["ingest", str(reports)]):
            subprocess.run(
                [*BDARS, *args], env=_store_environ(store), check=True, capture_output=True
            )
    return store


def command_line(command: str, reports: Path, folder: Path) -> tuple[list[str], dict[str, str]]:
    """The arguments and environment of one measured run; `run` gets a fresh copy of the store."""
    if command == "link":
        pairs = ["--out", str(folder / "clusters.csv"), "--pairs", str(folder / "pairs.csv")]
        return ["link", str(reports), *pairs], dict(os.environ)
    store = folder / "store"
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(ingested_store(reports, folder), store)
    return ["run"], _store_environ(store)


def step_started(command: str, piece: str, from_stdout: bool) -> str | None:
    """The step a piece of output announces, if any."""
    if command == "link":
        return piece[2:].strip() if piece.startswith("… ") and not from_stdout else None
    if from_stdout:
        return RUN_STAGE_ENDS.get(piece.split(":", 1)[0])
    return piece.strip() if piece.startswith("  ") and piece.strip() else None


def run_command(
    command: str, reports: Path, folder: Path, limit_gb: float | None
) -> dict[str, object]:
    """Runs the command once; returns wall and CPU seconds, peaks and per-step figures. The
    command is stopped if its own resident memory passes ``limit_gb``."""
    args, environ = command_line(command, reports, folder)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*BDARS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ
    )
    first = "reading and normalising" if command == "link" else "normalise stage"
    steps: list[list[object]] = [[first, 0.0, 0]]
    lock = threading.Lock()
    tail: list[str] = []
    printed: list[str] = []

    def read(stream: Iterable[str], from_stdout: bool) -> None:
        for line in stream:
            if from_stdout:
                printed.append(line.rstrip("\n"))
            for piece in re.split(r"[\r\n]", line):
                name = step_started(command, piece, from_stdout)
                if name is not None:
                    with lock:
                        steps.append([name, time.perf_counter() - started, 0])
                elif piece.strip() and "it/s" not in piece and "report/s" not in piece:
                    tail.append(piece)

    readers = [
        threading.Thread(target=read, args=(process.stdout, True), daemon=True),
        threading.Thread(target=read, args=(process.stderr, False), daemon=True),
    ]
    for reader in readers:
        reader.start()
    peak_own = peak_all = 0
    stopped = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        own = resident_kb(process.pid)
        everything = own + sum(resident_kb(child) for child in descendants(process.pid))
        peak_own, peak_all = max(peak_own, own), max(peak_all, everything)
        with lock:
            steps[-1][2] = max(int(steps[-1][2]), own)  # type: ignore[call-overload]
        if limit_gb is not None and own > limit_gb * 1024 * 1024 and not stopped:
            stopped = True
            process.kill()
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join(timeout=5)
    if stopped:
        tail.append(f"stopped above {limit_gb} GB")
    elif process.returncode:
        sys.exit(f"bdars {command} failed ({process.returncode}): {' '.join(tail[-20:])}")
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_gb": usage.ru_maxrss / 1024 / 1024,
        "peak_own_gb": peak_own / 1024 / 1024,
        "peak_all_gb": peak_all / 1024 / 1024,
        "steps": steps,
        "stdout": "\n  ".join(printed) or f"STOPPED above {limit_gb} GB" * stopped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--command",
        choices=["link", "run"],
        default="link",
        help="`bdars link … --pairs` on the intake file, or `bdars run` on an ingested store",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="keep the files here (reused if present)")
    parser.add_argument(
        "--limit-gb", type=float, help="stop the command if its memory passes this many GB"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = options.dir or Path(scratch)
        for size in options.sizes:
            folder = base / str(size)
            reports = folder / "reports.csv"
            if not reports.exists():
                subprocess.run(
                    [*BDARS, "synth", "--reports", str(size), "--seed", str(options.seed)]
                    + ["--out", str(folder)],
                    check=True,
                    capture_output=True,
                )
            load_before = _load()
            result = run_command(options.command, reports, folder, options.limit_gb)
            load_after = _load()
            print(f"{size:,} reports: {result['stdout']}")
            print(
                f"  wall {result['seconds']:.1f} s, CPU {result['cpu']:.1f} s, peak "
                f"{result['peak_own_gb']:.2f} GB (maxrss {result['maxrss_gb']:.2f} GB; "
                f"{result['peak_all_gb']:.2f} GB with workers), load average "
                f"{load_before} -> {load_after}"
            )
            steps = result["steps"]
            assert isinstance(steps, list)
            for index, (name, start, peak) in enumerate(steps):
                end = steps[index + 1][1] if index + 1 < len(steps) else result["seconds"]
                print(f"  {name:<45} {end - start:7.1f} s  peak {peak / 1024 / 1024:5.2f} GB")
            pairs = folder / "pairs.csv"
            if options.command == "link" and pairs.exists():
                print(f"  pairs.csv {pairs.stat().st_size / 1e6:,.0f} MB", flush=True)


if __name__ == "__main__":
    main()

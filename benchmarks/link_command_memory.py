"""Wall time and peak memory of the real `bdars link REPORTS --out … --pairs …` on synthetic files.

    .venv/bin/python benchmarks/link_command_memory.py --sizes 100000 1000000 [--dir DIR]

Unlike `link_benchmark.py scale`, which times `link()` on pre-normalised features, this runs the
whole command: reading and normalising the intake file, linking, and writing the clusters and
every kept pair with its evidence. Target (issue 4): 1,000,000 reports in under 10 minutes and
8 GB. Resident memory is sampled every 0.2 s from /proc: "peak GB" is the command's own process,
"with workers" adds the normalising workers (forked, so shared pages are counted twice). Each
step the command announces ("… clustering") is timed, with the peak of the command's own process
during that step. Files go under DIR (default: a temporary folder); an existing
DIR/SIZE/reports.csv is reused.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _processes import descendants, resident_kb

BDARS = [sys.executable, "-m", "pipelines.cli"]


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run_link(reports: Path, folder: Path, limit_gb: float | None) -> dict[str, object]:
    """Runs the command once; returns wall and CPU seconds, peaks and per-step figures. The
    command is stopped if its own resident memory passes ``limit_gb``."""
    args = [
        "link",
        str(reports),
        "--out",
        str(folder / "clusters.csv"),
        "--pairs",
        str(folder / "pairs.csv"),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*BDARS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    steps: list[list[object]] = [["reading and normalising", 0.0, 0]]
    lock = threading.Lock()
    tail: list[str] = []

    def read_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            for piece in re.split(r"[\r\n]", line):
                if piece.startswith("… "):
                    with lock:
                        steps.append([piece[2:].strip(), time.perf_counter() - started, 0])
                elif piece.strip() and "it/s" not in piece and "report/s" not in piece:
                    tail.append(piece)

    reader = threading.Thread(target=read_stderr, daemon=True)
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
    reader.join(timeout=5)
    stdout = process.stdout.read() if process.stdout else ""
    if stopped:
        tail.append(f"stopped above {limit_gb} GB")
    elif process.returncode:
        sys.exit(f"bdars link failed ({process.returncode}): {' '.join(tail[-20:])}")
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_gb": usage.ru_maxrss / 1024 / 1024,
        "peak_own_gb": peak_own / 1024 / 1024,
        "peak_all_gb": peak_all / 1024 / 1024,
        "steps": steps,
        "stdout": stdout.strip() or f"STOPPED above {limit_gb} GB" * stopped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
            result = run_link(reports, folder, options.limit_gb)
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
            if pairs.exists():
                print(f"  pairs.csv {pairs.stat().st_size / 1e6:,.0f} MB", flush=True)


if __name__ == "__main__":
    main()

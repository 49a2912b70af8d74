"""Speed and peak memory of the real `bdars synth` at 100,000 and 1,000,000 reports.

    .venv/bin/python benchmarks/synth_speed.py [--sizes 100000 1000000] [--seed 1]

Each size runs `bdars synth` in its own process into a temporary folder; peak memory is that
process's maximum resident set (from os.wait4, so one size's peak never hides another's).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BDARS = [sys.executable, "-m", "pipelines.cli"]


def run(size: int, seed: int, out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one `bdars synth`."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [*BDARS, "synth", "--reports", str(size), "--seed", str(seed), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        sys.exit(f"bdars synth --reports {size} failed:\n{error[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} (other work slows the wall time)")
    print("| reports | wall s | CPU s | reports/s (wall) | peak MB | reports MB | truth MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)
            seconds, cpu, peak = run(size, options.seed, out)
            reports_mb = (out / "reports.csv").stat().st_size / 1e6
            truth_mb = (out / "truth.csv").stat().st_size / 1e6
            print(
                f"| {size:,} | {seconds:.1f} | {cpu:.1f} | {size / seconds:,.0f} | {peak:.0f} "
                f"| {reports_mb:.0f} | {truth_mb:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()

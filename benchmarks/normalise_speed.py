"""Speed and peak memory of the real `bdars normalise` on synthetic files.

    .venv/bin/python benchmarks/normalise_speed.py [--sizes 100000 1000000]

Targets (issue 3): at least 2,000 reports per second on this 2-core machine, and 1,000,000 reports
normalised in under 15 minutes in under 4 GB. Peak memory counts the command and its workers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _processes import descendants, resident_kb

BDARS = [sys.executable, "-m", "pipelines.cli"]


def peak_megabytes(pid: int, samples: list[float]) -> None:
    """Adds the current resident MB of ``pid`` and its children to ``samples``."""
    samples.append(sum(resident_kb(child) for child in [pid, *descendants(pid)]) / 1024)


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*BDARS, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    samples: list[float] = []
    while process.poll() is None:
        peak_megabytes(process.pid, samples)
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode:
        sys.exit(f"bdars {' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return seconds, max(samples, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    options = parser.parse_args()
    print("| reports | seconds | reports/s | peak MB |")
    print("|---:|---:|---:|---:|")
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as folder:
            env = {k: v for k, v in os.environ.items() if not k.startswith("BDARS_")}
            env["BDARS_DATA_DIR"] = folder
            sample = Path(folder) / "sample"
            subprocess.run(
                [*BDARS, "synth", "--reports", str(size), "--seed", "11", "--out", str(sample)],
                env=env,
                check=True,
                capture_output=True,
            )
            seconds, peak = timed(
                ["normalise", str(sample / "reports.csv"), "--out", str(Path(folder) / "n.csv")],
                env,
            )
            print(f"| {size:,} | {seconds:.1f} | {size / seconds:,.0f} | {peak:,.0f} |", flush=True)


if __name__ == "__main__":
    main()

"""Ingest throughput and peak memory of the real `bdars ingest` at 100,000 and 1,000,000 rows.

    .venv/bin/python benchmarks/ingest_benchmark.py [--sizes 100000 1000000] [--postgres URL]

Makes a synthetic intake file of each size with `bdars synth`, then times `bdars ingest` into a
fresh SQLite store (and a PostgreSQL database when --postgres is given), and a second ingest of the
same file (which must add nothing). Peak memory is the ingest process's maximum resident set.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BDARS = [sys.executable, "-m", "pipelines.cli"]


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one bdars command in its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([*BDARS, *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bdars {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def fresh_postgres(url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"bdars_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--postgres", help="PostgreSQL server URL whose user may create databases")
    options = parser.parse_args()
    print("| rows | database | file MB | ingest s | rows/s | peak MB | re-ingest s |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as folder:
            base = {k: v for k, v in os.environ.items() if not k.startswith("BDARS_")}
            sample = Path(folder) / "sample"
            run(
                ["synth", "--reports", str(size), "--seed", "7", "--out", str(sample)],
                {**base, "BDARS_DATA_DIR": folder},
            )
            reports = sample / "reports.csv"
            megabytes = reports.stat().st_size / 1e6
            targets = [("SQLite", {})]
            if options.postgres:
                targets.append(
                    ("PostgreSQL", {"BDARS_DATABASE_URL": fresh_postgres(options.postgres)})
                )
            for label, extra in targets:
                env = {**base, "BDARS_DATA_DIR": str(Path(folder) / label), **extra}
                run(["init"], env)
                seconds, peak = run(["ingest", str(reports)], env)
                again, _ = run(["ingest", str(reports)], env)
                print(
                    f"| {size:,} | {label} | {megabytes:.0f} | {seconds:.1f} | "
                    f"{size / seconds:,.0f} | {peak:,.0f} | {again:.1f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()

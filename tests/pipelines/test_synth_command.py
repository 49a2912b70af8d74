"""``bdars synth`` run for real, as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

from analytics.intake import INTAKE_COLUMNS
from analytics.synth import BLOCK_SIZE, TRUTH_COLUMNS, generate

BDARS = [sys.executable, "-m", "pipelines.cli"]


def bdars(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BDARS, *args], capture_output=True, text=True, timeout=300)


def test_synth_writes_reports_and_truth(tmp_path: Path) -> None:
    out = tmp_path / "made" / "here"
    result = bdars("synth", "--reports", "400", "--seed", "2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Wrote 400 synthetic reports to {out / 'reports.csv'} and their truth to "
        f"{out / 'truth.csv'} (seed 2).\n"
    )
    reports = pd.read_csv(out / "reports.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    truth = pd.read_csv(out / "truth.csv", dtype=str, keep_default_na=False)
    assert list(reports.columns) == list(INTAKE_COLUMNS)
    assert list(truth.columns) == list(TRUTH_COLUMNS)
    assert len(reports) == len(truth) == 400
    assert truth["report_id"].tolist() == reports["report_id"].tolist()
    assert sorted(p.name for p in out.iterdir()) == ["reports.csv", "truth.csv"]
    expected_reports, expected_truth = generate(400, seed=2)
    pd.testing.assert_frame_equal(reports, expected_reports, check_dtype=False)
    pd.testing.assert_frame_equal(truth, expected_truth, check_dtype=False)


def test_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert bdars("synth", "--reports", "300", "--out", str(tmp_path / name)).returncode == 0
    for file in ("reports.csv", "truth.csv"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_worker_processes_give_the_same_files(tmp_path: Path) -> None:
    size = str(BLOCK_SIZE * 2 + 1)
    for name, workers in (("one", "1"), ("two", "2")):
        result = bdars(
            "synth", "--reports", size, "--out", str(tmp_path / name), "--workers", workers
        )
        assert result.returncode == 0, result.stderr
    for file in ("reports.csv", "truth.csv"):
        assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes()


def test_bad_count_is_a_clean_message(tmp_path: Path) -> None:
    result = bdars("synth", "--reports", "0", "--out", str(tmp_path))
    assert result.returncode != 0
    assert "--reports" in result.stderr and "Traceback" not in result.stderr


def test_help_says_what_it_makes() -> None:
    result = bdars("synth", "--help")
    assert result.returncode == 0
    assert "reports.csv" in result.stdout and "truth.csv" in result.stdout

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from pipelines import audit
from tests.conftest import Store
from tests.pipelines.publish.a11y import accessibility_problems
from tests.pipelines.publish.seed import (
    ADDRESS,
    REPORTER_CONTACT,
    REPORTER_NAME,
    background,
    seed,
    sheet_reports,
)
from tests.pipelines.publish.test_sheet import run_in_process

MONTH = "2026-03"
IDENTIFIERS = [
    ADDRESS,
    "Hidden Lane",
    REPORTER_NAME,
    "Jess",
    REPORTER_CONTACT,
    "250-555-0177",
    "250-555-0134",
    "BV42",
    "grabbed my throat",
    "AGG-7",
    "r-solo",
    "bg-0",
    "gz-",
    "48.43",
    "<script",
]


def _all_reports() -> pd.DataFrame:
    return pd.concat([sheet_reports(), background()], ignore_index=True)


@pytest.fixture
def seeded(initialised_store: Store) -> Store:
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings, _all_reports())
    return initialised_store


def test_pdf_report_is_aggregates_only(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = seeded.bdars("report", "--month", MONTH, "--out", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))
    assert 3 <= len(reader.pages) <= 14
    for expected in (
        "Bad date reports: March 2026",
        "Summary",
        "Reports received per month",
        "Same month a year earlier",
        "Kinds of harm",
        "Reporters' gender",
        "Time of day by day of week",
        "Reports linked to repeat aggressors",
        "Police jurisdiction",
        "Liaison responsiveness",
        "fewer than 5",
        "Boundaries on the map are approximate",
    ):
        assert expected in text, expected
    for secret in IDENTIFIERS:
        assert secret not in text, secret
    assert "Gonzales fewer than 5" in text, "Gonzales had 2 reports in March: shown as fewer than 5"
    assert not re.search(r"Gonzales [1-4]\b", text)
    assert not re.search(r"Two-spirit \S+ [1-4]\b", text)
    with seeded.engine() as engine:
        log = audit.read(engine)
    assert list(log.loc[log["action"] == "report.publish", "target"]) == [f"report:{MONTH}"]


def test_html_report_is_accessible_and_has_no_small_counts(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = seeded.bdars("report", "--month", MONTH, "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert accessibility_problems(page) == []
    assert page.count("<img ") == 2 and 'src="data:image/png;base64,' in page
    cells = re.findall(r"<td>([^<]*)</td>", page)
    assert cells and not [cell for cell in cells if re.fullmatch(r"[1-4]", cell)]
    for secret in IDENTIFIERS:
        assert secret not in page, secret


def test_a_bad_month_or_format_is_one_clean_message(
    seeded: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for args, message in (
        (("--month", "March", "--out", str(tmp_path / "r.pdf")), "YYYY-MM"),
        (("--month", MONTH, "--out", str(tmp_path / "r.txt")), "must end in .pdf or .html"),
    ):
        code, stderr = run_in_process(seeded, monkeypatch, capsys, "report", *args)
        assert code == 2 and message in stderr, stderr

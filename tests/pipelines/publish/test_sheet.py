from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipelines import audit
from pipelines.cli import main
from tests.conftest import Store
from tests.pipelines.publish.a11y import accessibility_problems
from tests.pipelines.publish.seed import (
    ADDRESS,
    REPORTER_CONTACT,
    REPORTER_NAME,
    seed,
    sheet_reports,
)

APRIL = ("--since", "2026-04-01", "--until", "2026-04-30")
NEVER = [
    ADDRESS,
    "Hidden Lane",
    REPORTER_NAME,
    "Jess",
    "jess.reporter",
    "250-555-0177",
    REPORTER_CONTACT,
    "grabbed my throat",
    "BV421K",
    "Fernwood",
    "rosefan",
    "Mike",
    "r-solo",
    "AGG-7",
]


@pytest.fixture
def seeded(initialised_store: Store) -> Store:
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings, sheet_reports())
    return initialised_store


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_pdf_sheet_has_entries_and_markers_and_nothing_it_must_not(
    seeded: Store, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.pdf"
    result = seeded.bdars("sheet", *APRIL, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 new entries and 1 updates" in result.stdout
    text, pages = pdf_text(out)
    flat = re.sub(r"\s+", " ", text)
    assert 1 <= pages <= 2
    for expected in (
        "Bad Date and Aggressor Report",
        "Reports received 1 April 2026 to 30 April 2026",
        "4 REPORTS SINCE MARCH",
        "IDENTIFIED BY POLICE",
        "Updates: identified by police",
        "2 REPORTS SINCE JUNE 2025",
        "250-555-0134",
        "BV42**",
        "grey Dodge Caravan",
        "choking, physical assault, robbery",
        "Victoria (incall)",
        "Page 1",
    ):
        assert expected in flat, expected
    for secret in NEVER:
        assert secret not in flat, secret


def test_html_sheet_is_accessible_and_escapes_free_text(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "sheet.html"
    result = seeded.bdars("sheet", *APRIL, "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert accessibility_problems(page) == []
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; tattoo on neck" in page
    for secret in NEVER:
        assert secret not in page, secret
    assert page.count("<article>") == 3


def test_the_next_sheet_starts_after_the_last_and_each_is_audited(
    seeded: Store, tmp_path: Path
) -> None:
    first = seeded.bdars("sheet", "--out", str(tmp_path / "none.pdf"))
    assert first.returncode == 2
    assert "no sheet has been published yet" in first.stderr and "--since" in first.stderr
    assert seeded.bdars("sheet", *APRIL, "--out", str(tmp_path / "april.pdf")).returncode == 0
    second = seeded.bdars("sheet", "--until", "2026-05-31", "--out", str(tmp_path / "may.html"))
    assert second.returncode == 0, second.stderr
    assert "1 new entries and 1 updates for reports received 2026-05-01 to 2026-05-31" in (
        second.stdout
    )
    with seeded.engine() as engine:
        log = audit.read(engine)
    published = log[log["action"] == "sheet.publish"]
    assert list(published["target"]) == [
        "sheet:2026-05-01..2026-05-31",
        "sheet:2026-04-01..2026-04-30",
    ]
    assert '"reports": ["r-3", "r-4", "r-old2", "r-solo"]' in published["detail"].iloc[1]


def run_captured(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """The real command line in this process (faster than a subprocess): (code, out, err)."""
    for name in [k for k in os.environ if k.startswith("BDARS_")]:
        monkeypatch.delenv(name)
    for name, value in store.environ.items():
        monkeypatch.setenv(name, value)
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_in_process(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    """:func:`run_captured` without the standard output: (exit code, stderr)."""
    code, _, err = run_captured(store, monkeypatch, capsys, *args)
    return code, err


def test_bad_options_and_a_broken_policy_give_one_clean_message(
    seeded: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('[phone]\nshow = "everything"\n', "utf-8")
    cases = [
        (("--out", "sheet.docx", *APRIL), ["must end in .pdf or .html"]),
        (
            ("--out", "s.pdf", "--since", "2026-05-01", "--until", "2026-04-01"),
            ["start on or before"],
        ),
        (
            ("--out", "s.pdf", *APRIL, "--policy", str(policy)),
            ["phone must be one of", "missing section [plate]"],
        ),
    ]
    for args, messages in cases:
        code, stderr = run_in_process(seeded, monkeypatch, capsys, "sheet", *args)
        assert code == 2, args
        assert "Traceback" not in stderr
        for message in messages:
            assert message in stderr, (args, stderr)

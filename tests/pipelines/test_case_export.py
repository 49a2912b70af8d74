from __future__ import annotations

import csv
import io
import json
import stat

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from pipelines import audit
from pipelines.case_file import export_case
from pipelines.case_file.content import withhold_contacts
from pipelines.storage.tables import features
from tests.pipelines.liaison_data import (
    AGGRESSOR,
    CONSENTING_CONTACT,
    HOSTILE_TEXT,
    WITHHELD_CONTACT,
    seed,
)

GENERATED = "2026-04-12"


@pytest.fixture
def seeded(initialised_store):
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings)
    return initialised_store


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_every_format_releases_a_contact_only_with_consent_to_police(seeded, tmp_path) -> None:
    texts = {}
    for fmt in ("pdf", "json", "csv"):
        out = tmp_path / f"case.{fmt}"
        result = seeded.bdars(
            "export",
            "case",
            AGGRESSOR,
            "--format",
            fmt,
            "--out",
            str(out),
            "--generated",
            GENERATED,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == (
            f"Wrote {out}: 3 reports, 3 links, 1 reporter contacts released with consent.\n"
        )
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        texts[fmt] = _pdf_text(out) if fmt == "pdf" else out.read_text("utf-8")
    for fmt, text in texts.items():
        flat = " ".join(text.split())
        assert CONSENTING_CONTACT in flat, fmt
        assert WITHHELD_CONTACT not in flat, fmt
        assert "0142" not in flat and "sam@example.org" not in flat, fmt
    case = json.loads(texts["json"])
    assert case["contacts"] == [
        {"report_id": "r-02", "contact": CONSENTING_CONTACT, "wants_statement": "no"}
    ]
    words = {r["report_id"]: r["own_words"]["what_happened"] for r in case["reports"]}
    assert words["r-03"] == "choked me in the van. text me at [withheld] or [withheld]"
    assert words["r-02"].endswith("his number 250-555-0134")


def test_the_pdf_holds_reports_evidence_timeline_and_map_numbers(seeded, tmp_path) -> None:
    out = tmp_path / "case.pdf"
    with seeded.engine() as engine:
        export_case(engine, seeded.settings, AGGRESSOR, "pdf", out, "lee", GENERATED)
    text = " ".join(_pdf_text(out).split())
    for expected in (
        f"Case file: aggressor {AGGRESSOR}",
        "3 reports in 6 weeks, latest 2 days ago.",
        "1. Report r-01",
        "3. Report r-03",
        "r-02 and r-03: probability 0.970",
        "same phone +1 250-555-0134",
        "Map of incident locations",
        "Burnside Gorge",
        "incident: strangulation",
        f"generated {GENERATED}",
    ):
        assert expected in text, expected


def test_layout_is_identical_across_runs(seeded, tmp_path) -> None:
    with seeded.engine() as engine:
        for fmt in ("pdf", "json", "csv"):
            first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
            export_case(engine, seeded.settings, AGGRESSOR, fmt, first, "lee", GENERATED)
            export_case(engine, seeded.settings, AGGRESSOR, fmt, second, "lee", GENERATED)
            assert first.read_bytes() == second.read_bytes(), fmt


def test_each_export_is_audited_exactly_once(seeded, tmp_path) -> None:
    with seeded.engine() as engine:
        before = len(audit.read(engine))
        export_case(engine, seeded.settings, AGGRESSOR, "json", tmp_path / "c.json", "lee", "x")
        export_case(engine, seeded.settings, "r-04", "csv", tmp_path / "d.csv", "cora", "x")
        log = audit.read(engine)
    assert len(log) == before + 2
    exports = log[log["action"] == "export.case"]
    assert exports[["user_name", "target"]].values.tolist() == [
        ["cora", "report:r-04"],
        ["lee", f"aggressor:{AGGRESSOR}"],
    ]
    assert exports["detail"].tolist()[1] == (
        "format=json; file=c.json; reports=3; contacts released for=r-02"
    )
    assert exports["detail"].tolist()[0].endswith("contacts released for=none")


def test_csv_neutralises_spreadsheet_formulas(seeded, tmp_path) -> None:
    out = tmp_path / "case.csv"
    with seeded.engine() as engine:
        export_case(engine, seeded.settings, AGGRESSOR, "csv", out, "lee", GENERATED)
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert rows[0] == ["section", "item", "field", "value"]
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert f"'{HOSTILE_TEXT}" in cells
    assert "'+12505550134" in cells


def test_a_lone_report_and_unknown_ids(seeded, tmp_path) -> None:
    with seeded.engine() as engine:
        counts = export_case(engine, seeded.settings, "r-05", "json", tmp_path / "e.json", "l", "x")
    assert counts == {"reports": 1, "links": 0, "contacts": 0}
    member = seeded.bdars("export", "case", "r-02", "--out", str(tmp_path / "f.pdf"))
    assert member.returncode == 2
    assert f"export that aggressor's case instead: bdars export case {AGGRESSOR}" in member.stderr
    missing = seeded.bdars("export", "case", "nobody", "--out", str(tmp_path / "g.pdf"))
    assert "no aggressor or report with id 'nobody'" in missing.stderr
    assert not (tmp_path / "f.pdf").exists() and not (tmp_path / "g.pdf").exists()


def test_harm_types_the_model_guessed_say_so(seeded, tmp_path) -> None:
    with seeded.engine() as engine:
        with engine.begin() as connection:
            connection.execute(
                update(features)
                .where(features.c.report_id == "r-05")
                .values(incident_types="threats", incident_types_guessed="yes")
            )
        export_case(engine, seeded.settings, "r-05", "json", tmp_path / "e.json", "l", "x")
    (report,) = json.loads((tmp_path / "e.json").read_text())["reports"]
    assert report["harms"] == "threats (guessed from the wording)"


def test_harm_types_the_word_model_added_say_which(seeded, tmp_path) -> None:
    with seeded.engine() as engine:
        with engine.begin() as connection:
            connection.execute(
                update(features)
                .where(features.c.report_id == "r-05")
                .values(incident_types="stalking;threats", incident_types_added="stalking")
            )
        export_case(engine, seeded.settings, "r-05", "json", tmp_path / "e.json", "l", "x")
    (report,) = json.loads((tmp_path / "e.json").read_text())["reports"]
    assert report["harms"].endswith("(stalking guessed from the wording)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me 778-555-0142 thx", "call me [withheld] thx"),
        ("his cell (250) 555-0134", "his cell (250) 555-0134"),
        (
            "mail me a@b.example or him mike.v@example.com",
            "mail me [withheld] or him mike.v@example.com",
        ),
        ("met at 10:30 on 2026-03-01 or 3/4/2026", "met at 10:30 on 2026-03-01 or 3/4/2026"),
        ("ends in 555-0142", "ends in [withheld]"),
        ("his was 555-0134, mine 555-0142", "his was 555-0134, mine [withheld]"),
        ("the other one 604-555-0177", "the other one 604-555-0177"),
    ],
)
def test_withhold_contacts(text: str, expected: str) -> None:
    allowed = withhold_contacts(text, {"+12505550134"}, {"mike.v@example.com"}, {"6045550177"})
    assert allowed == expected

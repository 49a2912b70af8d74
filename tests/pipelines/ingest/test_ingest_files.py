"""The real `bdars ingest` on each file type and each class of bad input, on both databases."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from pipelines.storage.tables import reporter_contacts
from tests.pipelines.ingest.helpers import (
    GOOD_ROWS,
    count,
    raw_reports,
    report_conflicts,
    stored_cells,
    write_csv,
    write_jsonl,
    write_xlsx,
)

SUMMARY = re.compile(
    r"(\d+) loaded, (\d+) duplicates, (\d+) conflicts flagged, (\d+) quarantined, "
    r"(\d+) contacts dropped"
)


def summary_of(result) -> tuple[int, ...]:
    match = SUMMARY.search(result.stdout)
    assert match, f"no summary in {result.stdout!r} / {result.stderr!r}"
    return tuple(int(group) for group in match.groups())


@pytest.mark.parametrize(
    "writer, name",
    [
        (lambda p: write_csv(p, GOOD_ROWS), "reports.csv"),
        (lambda p: write_csv(p, GOOD_ROWS, encoding="utf-8-sig"), "bom.csv"),
        (lambda p: write_csv(p, GOOD_ROWS, encoding="cp1252"), "windows.csv"),
        (lambda p: write_xlsx(p, GOOD_ROWS), "reports.xlsx"),
        (lambda p: write_jsonl(p, GOOD_ROWS), "reports.jsonl"),
    ],
)
def test_each_file_type_round_trips_verbatim(initialised_store, tmp_path, writer, name):
    path = writer(tmp_path / name)
    result = initialised_store.bdars("ingest", str(path))
    assert result.returncode == 0, result.stderr
    assert summary_of(result) == (3, 0, 0, 0, 1)
    cells = stored_cells(initialised_store)
    assert cells["BD-2026-0002"]["what_happened"] == GOOD_ROWS[1][2]
    assert cells["BD-2026-0001"]["staff_notes"] == "van shift"
    assert all("reporter_contact" not in row for row in cells.values())


def test_second_ingest_adds_nothing_and_same_report_in_another_file_too(
    initialised_store, tmp_path
):
    csv_file = write_csv(tmp_path / "a.csv", GOOD_ROWS)
    xlsx_file = write_xlsx(tmp_path / "b.xlsx", GOOD_ROWS[:2])
    assert initialised_store.bdars("ingest", str(csv_file)).returncode == 0
    again = initialised_store.bdars("ingest", str(csv_file), str(xlsx_file))
    assert again.returncode == 0, again.stderr
    assert summary_of(again) == (0, 5, 0, 0, 0)
    assert count(initialised_store, raw_reports) == 3


def test_rows_without_an_id_get_a_stable_content_id(initialised_store, tmp_path):
    rows = [["", "", "grey minivan guy, wouldn't pay", "", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "no-id.csv", rows)
    initialised_store.bdars("ingest", str(path))
    reworded_spacing = [["", "", "grey  minivan guy,  wouldn't pay ", "", "", "", "", "", "", ""]]
    other = write_csv(tmp_path / "retyped.csv", reworded_spacing)
    result = initialised_store.bdars("ingest", str(other))
    assert summary_of(result)[:2] == (0, 1)
    (report_id,) = stored_cells(initialised_store)
    assert report_id.startswith("h-")


def test_reporter_contact_is_encrypted_and_kept_only_with_consent(initialised_store, tmp_path):
    path = write_csv(tmp_path / "reports.csv", GOOD_ROWS)
    initialised_store.bdars("ingest", str(path))
    with initialised_store.engine() as engine, engine.connect() as connection:
        stored = connection.execute(select(reporter_contacts)).mappings().all()
    assert [row["report_id"] for row in stored] == ["BD-2026-0001"]
    assert b"778-555-0199" not in stored[0]["ciphertext"]
    assert stored[0]["consent_contact"] is True and stored[0]["consent_police"] is False


def test_same_id_with_different_content_is_flagged_not_overwritten(initialised_store, tmp_path):
    first = write_csv(tmp_path / "first.csv", GOOD_ROWS[:1])
    changed = [GOOD_ROWS[0][:2] + ["a different story entirely"] + GOOD_ROWS[0][3:]]
    second = write_csv(tmp_path / "second.csv", changed)
    initialised_store.bdars("ingest", str(first))
    result = initialised_store.bdars("ingest", str(second))
    assert result.returncode == 0
    assert summary_of(result)[:3] == (0, 0, 1)
    assert "BD-2026-0001 was loaded before with different content" in result.stderr
    assert stored_cells(initialised_store)["BD-2026-0001"]["what_happened"] == GOOD_ROWS[0][2]
    assert count(initialised_store, report_conflicts) == 1
    again = initialised_store.bdars("ingest", str(second))
    assert summary_of(again)[:3] == (0, 1, 0)
    assert count(initialised_store, report_conflicts) == 1


def test_duplicate_ids_with_different_content_inside_one_file(initialised_store, tmp_path):
    rows = [GOOD_ROWS[0], GOOD_ROWS[0][:2] + ["another version"] + GOOD_ROWS[0][3:]]
    result = initialised_store.bdars("ingest", str(write_csv(tmp_path / "dup.csv", rows)))
    assert summary_of(result)[:3] == (1, 0, 1)
    assert "row 3, column report_id" in result.stderr

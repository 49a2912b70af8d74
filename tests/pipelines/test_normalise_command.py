"""The real `bdars normalise` (no database) and the normalise stage of `bdars run`."""

from __future__ import annotations

import csv

from sqlalchemy import select

from analytics.features import FEATURE_COLUMNS
from pipelines.storage.tables import features
from tests.pipelines.ingest.helpers import GOOD_ROWS, write_csv, write_jsonl


def read_rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def test_normalise_writes_the_feature_columns_and_skips_unusable_rows(sqlite_store, tmp_path):
    rows = [*GOOD_ROWS, ["BD-EMPTY", "", "", "", "", "", "", "", "", ""]]
    source = write_csv(tmp_path / "reports.csv", rows)
    out = tmp_path / "out" / "normalised.csv"
    result = sqlite_store.bdars("normalise", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Skipped:" in result.stderr and "row 5" in result.stderr
    header, normalised = read_rows(out)
    assert header == list(FEATURE_COLUMNS)
    by_id = {row["report_id"]: row for row in normalised}
    assert set(by_id) == {"BD-2026-0001", "BD-2026-0002", "BD-2026-0003"}
    assert by_id["BD-2026-0001"]["phones"] == "+12505550134"
    assert "+17785550199" not in by_id["BD-2026-0001"]["phones"]
    assert by_id["BD-2026-0001"]["plate"] == "BV421K"
    assert not (sqlite_store.settings.data_dir / "bdars.sqlite3").exists()


def test_a_reporter_number_typed_as_the_aggressor_phone_is_dropped(initialised_store, tmp_path):
    own = "778-555-0199"
    row = ["BD-OWN", "", "he never paid", own, "", "", "yes", "", own, ""]
    source = write_csv(tmp_path / "own.csv", [row])
    out = tmp_path / "n.csv"
    assert initialised_store.bdars("normalise", str(source), "--out", str(out)).returncode == 0
    assert read_rows(out)[1][0]["phones"] == ""
    initialised_store.bdars("ingest", str(source))
    assert initialised_store.bdars("run").returncode == 0
    with initialised_store.engine() as engine, engine.connect() as connection:
        phones = connection.execute(select(features.c.phones)).scalar_one()
    assert phones == ""


def test_normalise_reads_json_lines_too(sqlite_store, tmp_path):
    source = write_jsonl(tmp_path / "reports.jsonl", GOOD_ROWS)
    out = tmp_path / "n.csv"
    assert sqlite_store.bdars("normalise", str(source), "--out", str(out)).returncode == 0
    assert len(read_rows(out)[1]) == 3


def test_run_normalises_new_reports_once(initialised_store, tmp_path):
    source = write_csv(tmp_path / "reports.csv", GOOD_ROWS)
    initialised_store.bdars("ingest", str(source))
    first = initialised_store.bdars("run")
    assert first.returncode == 0, first.stderr
    assert "normalise: 3 reports normalised" in first.stdout
    second = initialised_store.bdars("run")
    assert "normalise: 0 reports normalised (0 after a rule change), 3 unchanged" in second.stdout
    assert "link: nothing new since the last run" in second.stdout
    with initialised_store.engine() as engine, engine.connect() as connection:
        stored = connection.execute(select(features.c.report_id, features.c.plate)).all()
    assert dict(stored)["BD-2026-0001"] == "BV421K"


def test_a_jurisdictions_file_setting_moves_a_municipality(sqlite_store, tmp_path):
    row = ["BD-ESQ", "", "he choked me at Esquimalt Rd near the plaza", "", "", "", "", "", "", ""]
    source = write_csv(tmp_path / "esq.csv", [row])
    override = tmp_path / "jurisdictions.toml"
    override.write_text('[municipalities]\n"Esquimalt" = "West Shore RCMP"\n')
    out = tmp_path / "n.csv"
    default = sqlite_store.bdars("normalise", str(source), "--out", str(out))
    assert default.returncode == 0, default.stderr
    assert read_rows(out)[1][0]["jurisdiction"] == "VicPD"
    from tests.conftest import Store

    env = dict(sqlite_store.environ, BDARS_JURISDICTIONS_FILE=str(override))
    moved = Store("sqlite", sqlite_store.settings, env).bdars(
        "normalise", str(source), "--out", str(out)
    )
    assert moved.returncode == 0, moved.stderr
    assert read_rows(out)[1][0]["jurisdiction"] == "West Shore RCMP"


def test_a_broken_jurisdictions_file_is_one_clear_message(sqlite_store, tmp_path):
    source = write_csv(tmp_path / "r.csv", GOOD_ROWS)
    override = tmp_path / "jurisdictions.toml"
    override.write_text('[municipalities]\n"Esquimalt" = \n')
    from tests.conftest import Store

    env = dict(sqlite_store.environ, BDARS_JURISDICTIONS_FILE=str(override))
    result = Store("sqlite", sqlite_store.settings, env).bdars(
        "normalise", str(source), "--out", str(tmp_path / "n.csv")
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {override}")
    assert "Traceback" not in result.stderr

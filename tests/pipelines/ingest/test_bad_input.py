"""Each class of bad input gets a clear message and loses no good row."""

from __future__ import annotations

from tests.pipelines.ingest.helpers import (
    GOOD_ROWS,
    HEADER,
    count,
    quarantined_rows,
    raw_reports,
    stored_cells,
    write_csv,
    write_xlsx,
)
from tests.pipelines.ingest.test_ingest_files import summary_of


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_empty_file(initialised_store, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = initialised_store.bdars("ingest", str(empty))
    assert result.returncode == 1
    assert f"{empty} is empty" in result.stderr
    no_traceback(result)


def test_header_only_file(initialised_store, tmp_path):
    path = write_csv(tmp_path / "header.csv", [])
    result = initialised_store.bdars("ingest", str(path))
    assert result.returncode == 1
    assert "has a header but no rows" in result.stderr


def test_bad_file_does_not_stop_good_files(initialised_store, tmp_path):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 40)
    good = write_csv(tmp_path / "good.csv", GOOD_ROWS)
    result = initialised_store.bdars("ingest", str(junk), str(good))
    assert result.returncode == 0
    assert "is not a text file (binary data at byte 0)" in result.stderr
    assert summary_of(result)[0] == 3
    no_traceback(result)


def test_binary_junk_alone_exits_non_zero_with_advice(initialised_store, tmp_path):
    junk = tmp_path / "export.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))
    result = initialised_store.bdars("ingest", str(junk))
    assert result.returncode == 1
    assert "Export the spreadsheet as CSV (UTF-8) or XLSX" in result.stderr


def test_wrong_encoding_says_how_to_fix_it_and_the_fix_works(initialised_store, tmp_path):
    path = tmp_path / "latin.csv"
    text = "report_id,what_happened\nBD-9,gar\u00e7on \u0081 weird byte\n"
    path.write_bytes(text.encode("latin-1"))
    result = initialised_store.bdars("ingest", str(path))
    assert result.returncode == 1
    assert "Pass --encoding=NAME" in result.stderr
    fixed = initialised_store.bdars("ingest", "--encoding=latin-1", str(path))
    assert fixed.returncode == 0, fixed.stderr
    assert stored_cells(initialised_store)["BD-9"]["what_happened"].startswith("garçon")


def test_five_megabyte_cell_quarantines_that_row_only(initialised_store, tmp_path):
    huge = GOOD_ROWS[1][:2] + ["x" * 5_000_000] + GOOD_ROWS[1][3:]
    path = write_csv(tmp_path / "huge.csv", [GOOD_ROWS[0], huge, GOOD_ROWS[2]])
    result = initialised_store.bdars("ingest", str(path))
    assert result.returncode == 0
    assert summary_of(result)[:4] == (2, 0, 0, 1)
    assert "row 3, column what_happened: cell has 5,000,000 characters" in result.stderr
    assert count(initialised_store, quarantined_rows) == 1


def test_formula_cells_load_as_plain_text_with_a_warning(initialised_store, tmp_path):
    formula = '=HYPERLINK("http://example.com","click")'
    rows = [GOOD_ROWS[0][:2] + [formula] + GOOD_ROWS[0][3:]]
    csv_result = initialised_store.bdars("ingest", str(write_csv(tmp_path / "f.csv", rows)))
    assert summary_of(csv_result)[0] == 1
    assert "like a spreadsheet formula; kept as plain text" in csv_result.stderr
    assert stored_cells(initialised_store)["BD-2026-0001"]["what_happened"] == formula
    xlsx_rows = [["BD-X1", "", formula, "=1+1", "", "", "", "", "", ""]]
    xlsx = initialised_store.bdars("ingest", str(write_xlsx(tmp_path / "f.xlsx", xlsx_rows)))
    assert summary_of(xlsx)[0] == 1
    assert stored_cells(initialised_store)["BD-X1"]["aggressor_phone"] == "=1+1"


DATE_FORMATS = [
    "2026-03-04",
    "2026-03-04T22:15",
    "2026-03-04 22:15:00",
    "04/03/2026",
    "3/4/2026",
    "March 4, 2026",
    "4 Mar 2026",
    "4-Mar-26",
    "2026/03/04",
    "20260304",
    "last friday",
    "",
]


def test_dates_in_every_common_format_load_verbatim(initialised_store, tmp_path):
    rows = [
        [f"BD-D{index}", received, "wouldn't pay", "", "", "", "", "", "", ""]
        for index, received in enumerate(DATE_FORMATS)
    ]
    result = initialised_store.bdars("ingest", str(write_csv(tmp_path / "d.csv", rows)))
    assert summary_of(result)[0] == len(DATE_FORMATS)
    cells = stored_cells(initialised_store)
    assert [cells[f"BD-D{i}"]["received_at"] for i in range(len(DATE_FORMATS))] == DATE_FORMATS


def test_xlsx_date_cells_become_text(initialised_store, tmp_path):
    import datetime as dt

    rows = [
        [
            "BD-X2",
            dt.datetime(2026, 3, 4, 22, 15),
            "wouldn't pay",
            2505550134,
            "",
            "",
            True,
            "",
            "",
            "",
        ]
    ]
    initialised_store.bdars("ingest", str(write_xlsx(tmp_path / "d.xlsx", rows)))
    cells = stored_cells(initialised_store)["BD-X2"]
    assert cells["received_at"] == "2026-03-04T22:15"
    assert cells["aggressor_phone"] == "2505550134"
    assert cells["consent_contact"] == "yes"


def test_missing_every_useful_column_names_the_columns_and_the_fix(initialised_store, tmp_path):
    path = write_csv(tmp_path / "odd.csv", [["1", "something"]], header=["id", "Description"])
    result = initialised_store.bdars("ingest", str(path))
    assert result.returncode == 1
    assert "has none of the columns a report needs" in result.stderr
    assert "found: id, Description" in result.stderr
    assert "--mapping FILE" in result.stderr


def test_mapping_file_names_other_columns(initialised_store, tmp_path):
    path = write_csv(
        tmp_path / "form.csv",
        [["W-1", "he grabbed my phone", "250 555 0101"]],
        header=["Ref", "Description of incident", "Bad date's phone #"],
    )
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        '[columns]\nref = "report_id"\n"description of incident" = "what_happened"\n'
        '"BAD DATE\'S PHONE #" = "aggressor_phone"\n'
    )
    result = initialised_store.bdars("ingest", "--mapping", str(mapping), str(path))
    assert result.returncode == 0, result.stderr
    assert stored_cells(initialised_store)["W-1"]["Bad date's phone #"] == "250 555 0101"


def test_mapping_to_an_unknown_column_is_refused_before_reading(initialised_store, tmp_path):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[columns]\n"Narrative" = "story"\n')
    path = write_csv(tmp_path / "r.csv", GOOD_ROWS)
    result = initialised_store.bdars("ingest", "--mapping", str(mapping), str(path))
    assert result.returncode == 2
    assert "unknown intake column(s): 'Narrative' → 'story'" in result.stderr
    assert count(initialised_store, raw_reports) == 0


def test_headers_match_whatever_their_case_and_spacing(initialised_store, tmp_path):
    header = [" Report ID", "WHAT HAPPENED", "aggressor-phone"]
    path = write_csv(tmp_path / "h.csv", [["BD-H1", "took my money", "250-555-0177"]], header)
    result = initialised_store.bdars("ingest", str(path))
    assert summary_of(result)[0] == 1
    assert "BD-H1" in stored_cells(initialised_store)


def test_broken_json_lines_are_quarantined_and_good_lines_load(initialised_store, tmp_path):
    path = tmp_path / "form.jsonl"
    path.write_text(
        '{"report_id": "J-1", "what_happened": "robbed at knifepoint"}\n'
        '{"report_id": "J-2", "what_happened": \n'
        '["not", "an", "object"]\n'
        '{"report_id": "J-3", "plate": "KT8-???", "extra": {"nested": 1}}\n',
        encoding="utf-8",
    )
    result = initialised_store.bdars("ingest", str(path))
    assert summary_of(result)[:4] == (2, 0, 0, 2)
    assert "row 2, column (row): not valid JSON" in result.stderr
    assert "row 3, column (row): expected a JSON object" in result.stderr
    assert stored_cells(initialised_store)["J-3"]["extra"] == '{"nested": 1}'


def test_old_excel_and_corrupt_xlsx_get_advice(initialised_store, tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    result = initialised_store.bdars("ingest", str(old), str(broken))
    assert result.returncode == 1
    assert "save it as .xlsx or CSV" in result.stderr
    assert "is not a readable XLSX workbook" in result.stderr
    no_traceback(result)


def test_missing_file_is_a_clear_error(initialised_store, tmp_path):
    result = initialised_store.bdars("ingest", str(tmp_path / "nope.csv"))
    assert result.returncode == 1
    assert "no such file" in result.stderr


def test_header_list_is_what_the_helper_writes():
    assert HEADER[0] == "report_id"


def test_mixed_encoding_rows_keep_their_ids_and_letters(initialised_store, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "\ufeffReport ID,what_happened\n".encode()
        + "M-1,café — he wouldn't pay\n".encode()
        + "M-2,caf\u00e9 on Yates took my phone\n".encode("cp1252")
        + b"M-3,plain ascii row\n"
    )
    result = initialised_store.bdars("ingest", str(path))
    assert summary_of(result)[0] == 3
    assert "row 3, column (row): not valid UTF-8 like the rest of the file" in result.stderr
    cells = stored_cells(initialised_store)
    assert set(cells) == {"M-1", "M-2", "M-3"}
    assert cells["M-1"]["what_happened"].startswith("café —")
    assert cells["M-2"]["what_happened"].startswith("café on Yates")


def test_every_sheet_of_a_workbook_is_read(initialised_store, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    january = workbook.active
    january.title = "Jan"
    january.append(["report_id", "what_happened"])
    january.append(["S-1", "wouldn't pay"])
    february = workbook.create_sheet("Feb")
    february.append(["Report ID", "What happened", "plate"])
    february.append(["S-2", "pulled a knife", "BV4 21K"])
    workbook.create_sheet("Notes")
    path = tmp_path / "two-months.xlsx"
    workbook.save(path)
    result = initialised_store.bdars("ingest", str(path))
    assert summary_of(result)[0] == 2
    assert stored_cells(initialised_store)["S-2"]["plate"] == "BV4 21K"


def test_cells_beyond_the_header_are_kept_with_a_warning(initialised_store, tmp_path):
    path = tmp_path / "shifted.csv"
    path.write_text("report_id,what_happened\nX-1,took my money,250-555-0101\n")
    result = initialised_store.bdars("ingest", str(path))
    assert summary_of(result)[0] == 1
    assert "1 more filled cell(s) than the header has columns" in result.stderr
    assert stored_cells(initialised_store)["X-1"]["(extra 1)"] == "250-555-0101"


def test_a_contact_typed_into_a_consent_column_is_not_repeated(initialised_store, tmp_path):
    rows = [["C-1", "", "wouldn't pay", "", "", "", "jess 250-555-0166", "", "", ""]]
    result = initialised_store.bdars("ingest", str(write_csv(tmp_path / "c.csv", rows)))
    assert summary_of(result)[0] == 1
    assert "250-555-0166" not in result.stderr + result.stdout
    assert "not shown here because it may hold contact details" in result.stderr

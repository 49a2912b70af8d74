"""What a new user runs into on the pages, found by walking each role's job: searches typed the
way people say them, feedback that survives a rerun, users added in the app, the ingest runs."""

from __future__ import annotations

import pytest

from dashboard.widgets import evidence_table, search_words
from pipelines import audit
from pipelines.users import authenticate
from tests.dashboard.conftest import Dashboard
from tests.dashboard.test_investigation_pages import _seed_profiles
from tests.dashboard.test_linking_pages import _seed
from tests.dashboard.test_pages import frame, upload


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("starts with BV4", "BV4"),
        ("plate starting BV4", "BV4"),
        ("ends 0134", "0134"),
        ("phone number ends in 0134", "0134"),
        ("  silver caravan, snake tattoo ", "silver caravan snake tattoo"),
        ("BV4 0134", "BV4 0134"),
        ("starts with", ""),
    ],
)
def test_searches_typed_the_way_people_say_them(typed: str, searched: str) -> None:
    assert search_words(typed) == searched


def test_evidence_names_its_comparisons_in_words() -> None:
    table = evidence_table(
        [
            {"comparison": "SamePhone", "label": "same phone", "weight": 12.1},
            {"comparison": "plate", "label": "plates fit", "weight": 6.5},
        ]
    )
    assert list(table["comparison"]) == ["same phone", "plate"]
    assert list(table.columns) == ["comparison", "evidence", "weight"]


def test_search_understands_starts_with(dashboard: Dashboard) -> None:
    _seed(dashboard)
    at = dashboard.logged_in("liaison")
    at.switch_page("views/search.py").run()
    at.text_input(key="search_query").input("plate starts with BV4").run()
    assert not at.exception, at.exception
    assert set(frame(at, "matched")["report_id"]) == {"T-1", "T-2"}
    assert "Searching for: BV4" in [caption.value for caption in at.caption]


def test_a_status_change_needs_a_status_and_says_it_was_recorded(dashboard: Dashboard) -> None:
    _seed_profiles(dashboard)
    at = dashboard.logged_in("liaison")
    at.switch_page("views/case.py").run()
    submit = [b for b in at.button if b.label == "Record status change"][0]
    submit.click().run()
    assert [e.value for e in at.error] == ["Choose the new status first, then record the change."]
    assert not any(
        df.value.columns.tolist() == ["at", "status", "user_name", "note"] for df in at.dataframe
    )

    at.selectbox(key="case_status").set_value("reviewed_by_liaison")
    at.text_area(key="case_note").input("filed in PRIME")
    [b for b in at.button if b.label == "Record status change"][0].click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [
        "A-1: status changed from new to reviewed by liaison with your note."
    ]


def test_the_case_file_pdf_is_prepared_downloaded_and_audited(dashboard: Dashboard) -> None:
    _seed_profiles(dashboard)
    at = dashboard.logged_in("liaison")
    at.switch_page("views/case.py").run()
    at.button(key="case_pdf_prepare").click().run()
    assert not at.exception, at.exception
    assert [b for b in at.get("download_button") if "case-A-1.pdf" in b.proto.label]
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    exported = log[log["action"] == "export.case"]
    assert list(exported["user_name"]) == ["lee"]
    assert "format=pdf" in exported["detail"].iloc[0]


def test_an_admin_adds_a_user_who_can_then_log_in(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("admin")
    at.switch_page("views/admin.py").run()
    at.text_input(key="admin_new_name").input("sam")
    at.selectbox(key="admin_new_role").set_value("liaison")
    at.text_input(key="admin_new_password").input("three unrelated words")
    at.text_input(key="admin_new_password2").input("three unrelated wordz")
    [b for b in at.button if b.label == "Add the user"][0].click().run()
    assert [e.value for e in at.error] == [
        "The two passwords differ; type the same password twice."
    ]
    assert "sam" not in set(frame(at, "role")["name"])

    at.text_input(key="admin_new_name").input("sam")
    at.selectbox(key="admin_new_role").set_value("liaison")
    at.text_input(key="admin_new_password").input("three unrelated words")
    at.text_input(key="admin_new_password2").input("three unrelated words")
    [b for b in at.button if b.label == "Add the user"][0].click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Added sam as liaison.")
    assert "sam" in set(frame(at, "role")["name"])
    with dashboard.store.engine() as engine:
        assert authenticate(engine, "sam", "three unrelated words").role == "liaison"
        log = audit.read(engine)
    added = log[log["action"] == "user.add"]
    assert list(zip(added["user_name"], added["target"], strict=True)) == [("ada", "sam")]


def test_an_admin_disables_a_user_but_not_themself(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("admin")
    at.switch_page("views/admin.py").run()
    picker = at.selectbox(key="admin_toggle_user")
    assert "ada" not in picker.options
    picker.set_value("stella")
    [b for b in at.button if b.label == "Disable"][0].click().run()
    assert at.success[0].value == "stella is disabled."
    users = frame(at, "role")
    assert bool(users.loc[users["name"] == "stella", "disabled"].iloc[0]) is True


def test_ingest_runs_and_quarantined_rows_read_plainly(dashboard: Dashboard) -> None:
    at = upload(dashboard, role="admin")
    assert any("Quarantined rows were not loaded" in w.value for w in at.warning)
    runs = frame(at, "files")
    assert list(runs["files"]) == ["intake.csv"]
    assert list(runs["quarantined"]) == [1]
    quarantined = frame(at, "column_name")
    assert list(quarantined["source_file"]) == ["intake.csv"]


def test_a_report_that_cannot_be_saved_keeps_what_was_typed(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    at.text_input(key="incident_date").input("last friday")
    at.text_input(key="location").input("Rock Bay")
    at.button[[b.label for b in at.button].index("Save the report")].click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 1
    assert at.error[0].value.startswith(
        "The report was not saved: nothing to go on: “What happened?”"
    )
    assert at.text_input(key="location").value == "Rock Bay"
    assert at.text_input(key="incident_date").value == "last friday"

    at.text_area(key="what_happened").input("followed me to my car")
    at.button[[b.label for b in at.button].index("Save the report")].click().run()
    assert at.success[0].value.startswith("Saved as report h-")
    assert len(at.error) == 0
    assert at.text_input(key="location").value == ""

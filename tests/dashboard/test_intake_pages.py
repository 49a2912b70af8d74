from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from pipelines import audit
from pipelines.secrets import load_cipher
from pipelines.stages.normalise import run_normalise_stage
from pipelines.storage.tables import (
    aggressor_members,
    aggressors,
    link_decisions,
    reporter_contacts,
    status_changes,
)
from tests.dashboard.conftest import Dashboard, ingest_text

INTAKE = (
    "report_id,received_at,what_happened,plate,aggressor_phone\n"
    "T-1,2026-03-04,choked me in his silver dodge caravan,BV4 21K,250-555-0134\n"
    "T-2,2026-03-09,same silver caravan guy again wouldnt pay,BV4 2?K,\n"
    "T-3,2026-04-01,skinny guy on a bike took my phone,,778-555-0101\n"
)


@pytest.fixture
def normalised(dashboard: Dashboard) -> Dashboard:
    ingest_text(dashboard, INTAKE)
    now = datetime(2026, 4, 2, tzinfo=UTC)
    with dashboard.store.engine() as engine:
        run_normalise_stage(engine, load_cipher(dashboard.store.settings))
        with engine.begin() as connection:
            connection.execute(
                insert(aggressors),
                [{"aggressor_id": i, "created_at": now} for i in ("AGG-000001", "AGG-000002")],
            )
            connection.execute(
                insert(aggressor_members),
                [
                    {"report_id": "T-1", "aggressor_id": "AGG-000001", "linked_at": now},
                    {"report_id": "T-2", "aggressor_id": "AGG-000001", "linked_at": now},
                    {"report_id": "T-3", "aggressor_id": "AGG-000002", "linked_at": now},
                ],
            )
    return dashboard


def _fill(at, values: dict[str, str]) -> None:
    for key, value in values.items():
        widget = at.text_area(key=key) if key in {"what_happened"} else at.text_input(key=key)
        widget.input(value)


def test_a_phone_report_is_saved_and_matched_to_the_known_aggressor(normalised) -> None:
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    assert not at.exception, at.exception
    at.radio(key="consent_police").set_value("yes")
    _fill(
        at,
        {
            "reporter_contact": "250-555-0177",
            "what_happened": "he choked me, silver caravan again",
            "aggressor_phone": "(250) 555 0134",
            "plate": "BV4 21K",
        },
    )
    at.button[[b.label for b in at.button].index("Save the report")].click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Saved as report h-")
    report_id = at.success[0].value.removeprefix("Saved as report ").rstrip(".")
    first = [m.value for m in at.markdown if "likely" in m.value][0]
    assert first.replace("\\", "").startswith("**AGG-000001: ")
    assert "T-1" in first.replace("\\", "")
    with normalised.store.engine() as engine, engine.connect() as connection:
        stored = connection.execute(
            select(reporter_contacts.c.consent_police).where(
                reporter_contacts.c.report_id == report_id
            )
        ).scalar_one()
    assert stored is True

    confirm = [b for b in at.button if b.label == "Same aggressor: link to T-1"][0]
    confirm.click().run()
    assert "Linked" in at.success[-1].value
    with normalised.store.engine() as engine, engine.connect() as connection:
        decisions = connection.execute(
            select(
                link_decisions.c.report_id_a,
                link_decisions.c.report_id_b,
                link_decisions.c.decision,
            )
        ).all()
        log = audit.read(engine)
    assert [tuple(d) for d in decisions] == [("T-1", report_id, "confirmed")]
    assert "report.add" in set(log["action"])


def test_a_report_without_any_evidence_is_refused_with_the_reason(normalised) -> None:
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    _fill(at, {"location": "Rock Bay"})
    at.button[[b.label for b in at.button].index("Save the report")].click().run()
    assert "The report was not saved" in at.error[0].value


def test_the_inbox_lists_unreviewed_reports_and_takes_them_out(normalised) -> None:
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/inbox.py").run()
    assert not at.exception, at.exception
    assert sorted(at.selectbox(key="inbox_report").options) == ["T-1", "T-2", "T-3"]
    assert any(caption.value.startswith("3 report(s) waiting") for caption in at.caption)
    at.selectbox(key="inbox_report").set_value("T-1").run()
    assert "choked me in his silver dodge caravan" in [t.value for t in at.text]
    at.selectbox(key="inbox_action").set_value("forwarded_to_liaison")
    at.button[[b.label for b in at.button].index("Record and take it out of the inbox")].click()
    at.run()
    assert not at.exception, at.exception
    assert "T-1" not in at.selectbox(key="inbox_report").options
    assert [s.value for s in at.success] == [
        "Recorded for T-1: forward to the liaison. It is out of the inbox."
    ]
    with normalised.store.engine() as engine, engine.connect() as connection:
        rows = connection.execute(select(status_changes.c.target_id, status_changes.c.status)).all()
    assert [tuple(r) for r in rows] == [("T-1", "forwarded_to_liaison")]


def test_the_sheet_previews_redacted_entries_and_publishes_a_pdf(normalised) -> None:
    from datetime import date

    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/sheet.py").run()
    assert not at.exception, at.exception
    at.date_input(key="sheet_since").set_value(date(2026, 3, 1))
    at.date_input(key="sheet_until").set_value(date(2026, 4, 30)).run()
    assert not at.exception, at.exception
    assert at.caption[0].value.startswith("2 entries and 0 update(s)")
    assert "2 REPORTS SINCE MARCH" in [t.value for t in at.text]
    shown = " ".join(t.value for t in at.text)
    assert "250-555-0134" not in shown
    at.button(key="sheet_publish").click().run()
    assert not at.exception, at.exception
    assert at.get("download_button")[0].proto.label.endswith(".pdf")
    assert "the next sheet starts on 01 May 2026" in at.success[0].value
    with normalised.store.engine() as engine:
        log = audit.read(engine)
    assert list(log[log["action"] == "sheet.publish"]["target"]) == ["sheet:2026-03-01..2026-04-30"]

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert

from analytics.features import FEATURE_COLUMNS
from pipelines import audit
from pipelines.storage.tables import aggressor_members, aggressors, features
from tests.dashboard.conftest import Dashboard, ingest_text
from tests.dashboard.test_pages import frame

INTAKE = (
    "report_id,received_at,what_happened,aggressor_phone,reporter_contact,"
    "consent_contact,consent_police\n"
    "T-1,2026-03-04,choked me <b>in the van</b>,250-555-0134,250-555-0199,no,yes\n"
    "T-2,2026-03-05,threatened me in the van,250-555-0134,me@example.org,yes,no\n"
    "T-3,2026-04-01,wasted my time,,,,\n"
)


def _seed_profiles(dashboard: Dashboard) -> None:
    ingest_text(dashboard, INTAKE)
    now = datetime(2026, 4, 2, tzinfo=UTC)
    harms = {"T-1": "strangulation", "T-2": "threats", "T-3": "time_waster"}
    with dashboard.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            insert(features),
            [
                {
                    **dict.fromkeys(FEATURE_COLUMNS, ""),
                    "report_id": report_id,
                    "incident_types": harm,
                    "received_at": "2026-03-04",
                    "phones": "2505550134" if report_id != "T-3" else "",
                    "jurisdiction": "VicPD",
                    "normaliser_version": "test",
                }
                for report_id, harm in harms.items()
            ],
        )
        connection.execute(insert(aggressors).values(aggressor_id="A-1", created_at=now))
        connection.execute(
            insert(aggressor_members),
            [
                {"report_id": "T-1", "aggressor_id": "A-1", "linked_at": now},
                {"report_id": "T-2", "aggressor_id": "A-1", "linked_at": now},
            ],
        )


def test_the_queue_ranks_profiles_and_opens_a_case(dashboard: Dashboard) -> None:
    _seed_profiles(dashboard)
    at = dashboard.logged_in("liaison")
    at.switch_page("views/queue.py").run()
    assert not at.exception, at.exception
    queue = frame(at, "summary")
    assert list(queue["aggressor_id"])[0] == "A-1"
    assert set(queue["aggressor_id"]) == {"A-1", "T-3"}

    at.switch_page("views/case.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="case_profile").value == "A-1"
    assert sorted(frame(at, "plate")["report_id"]) == ["T-1", "T-2"]
    words = [text.value for text in at.text]
    assert "choked me <b>in the van</b>" in words
    assert all(not expander.proto.expanded for expander in at.expander)
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    viewed = log[log["action"] == "view.reports"]
    assert list(viewed["target"])[0] == "case:A-1"
    assert list(viewed["user_name"])[0] == "lee"


def test_a_status_change_is_recorded_with_its_note(dashboard: Dashboard) -> None:
    _seed_profiles(dashboard)
    at = dashboard.logged_in("liaison")
    at.switch_page("views/case.py").run()
    at.selectbox(key="case_status").set_value("reviewed_by_liaison")
    at.text_area(key="case_note").input("spoke with patrol about the van")
    submit = [b for b in at.button if b.label == "Record status change"][0]
    submit.click().run()
    assert not at.exception, at.exception
    history = frame(at, "note")
    assert list(history["status"]) == ["reviewed by liaison"]
    assert list(history["note"]) == ["spoke with patrol about the van"]
    assert at.metric[1].value == "reviewed by liaison"


def test_reporter_contacts_follow_consent_and_role(dashboard: Dashboard) -> None:
    _seed_profiles(dashboard)
    seen = {}
    for role in ("liaison", "co-ordinator"):
        at = dashboard.logged_in(role)
        at.switch_page("views/case.py").run()
        assert all("250-555-0199" not in text.value for text in at.text)
        at.toggle(key="case_contacts").set_value(True).run()
        contacts = frame(at, "contact")
        seen[role] = dict(zip(contacts["report_id"], contacts["contact"], strict=True))
    assert seen["liaison"] == {"T-1": "250-555-0199"}
    assert seen["co-ordinator"] == {"T-1": "250-555-0199", "T-2": "me@example.org"}
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    assert list(log[log["action"] == "view.reporter_contact"]["user_name"]) == ["cora", "lee"]

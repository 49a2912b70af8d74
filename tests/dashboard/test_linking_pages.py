from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from analytics.features import FEATURE_COLUMNS
from pipelines import audit
from pipelines.secrets import load_cipher
from pipelines.stages.normalise import run_normalise_stage
from pipelines.storage.tables import (
    aggressor_members,
    aggressors,
    features,
    link_decisions,
    report_links,
)
from tests.dashboard.conftest import Dashboard, ingest_text
from tests.dashboard.test_pages import frame

INTAKE = (
    "report_id,received_at,what_happened,plate,aggressor_phone\n"
    "T-1,2026-03-04,grabbed my throat in a <script>silver caravan</script>,BV4 21K,250-555-0134\n"
    "T-2,2026-03-09,same silver van guy again,BV4 2?K,\n"
    "T-3,2026-04-01,silver minivan wanted it for free,,778-555-0101\n"
)
EVIDENCE = [
    {"comparison": "plate", "label": "plates fit: BV4 21K ~ BV4 2?K", "weight": 6.5},
    {"comparison": "vehicle", "label": "same vehicle: silver dodge caravan", "weight": 3.1},
]


def _seed(dashboard: Dashboard) -> None:
    ingest_text(dashboard, INTAKE)
    now = datetime(2026, 4, 2, tzinfo=UTC)
    facts = {
        "T-1": {"plate": "BV421K", "phones": "+12505550134", "received_at": "2026-03-04"},
        "T-2": {"plate": "BV42?K", "received_at": "2026-03-09"},
        "T-3": {"phones": "+17785550101", "received_at": "2026-04-01"},
    }
    with dashboard.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            insert(features),
            [
                {
                    **dict.fromkeys(FEATURE_COLUMNS, ""),
                    "report_id": report_id,
                    "vehicle_colour": "silver",
                    "vehicle_make": "dodge",
                    "vehicle_model": "caravan",
                    **row,
                    "normaliser_version": "test",
                }
                for report_id, row in facts.items()
            ],
        )
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
        connection.execute(
            insert(report_links),
            [
                {
                    "report_id_a": "T-1",
                    "report_id_b": "T-2",
                    "probability": 0.97,
                    "evidence": json.dumps(EVIDENCE),
                    "computed_at": now,
                },
                {
                    "report_id_a": "T-2",
                    "report_id_b": "T-3",
                    "probability": 0.55,
                    "evidence": json.dumps(EVIDENCE[1:]),
                    "computed_at": now,
                },
            ],
        )


@pytest.fixture
def linked(dashboard: Dashboard) -> Dashboard:
    _seed(dashboard)
    return dashboard


def _decisions(dashboard: Dashboard) -> list[tuple[str, str, str, str]]:
    with dashboard.store.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(
                link_decisions.c.report_id_a,
                link_decisions.c.report_id_b,
                link_decisions.c.decision,
                link_decisions.c.user_name,
            ).order_by(link_decisions.c.id)
        ).all()
    return [tuple(row) for row in rows]


def test_review_shows_the_pair_a_decision_changes_most_and_confirms_it(linked) -> None:
    at = linked.logged_in("co-ordinator")
    at.switch_page("views/review.py").run()
    assert not at.exception, at.exception
    assert at.subheader[0].value == "T-2 ↔ T-3: 55% likely the same aggressor"
    assert list(frame(at, "evidence")["evidence"]) == ["same vehicle: silver dodge caravan"]
    assert all(not expander.proto.expanded for expander in at.expander)
    at.text_input(key="review_note").input("same van, same street")
    at.button(key="review_confirm").click().run()
    assert not at.exception, at.exception
    assert "Confirmed T-2 ↔ T-3" in at.success[0].value
    assert _decisions(linked) == [("T-2", "T-3", "confirmed", "cora")]
    assert at.subheader[0].value == "T-1 ↔ T-2: 97% likely the same aggressor"

    at.button(key="review_undo").click().run()
    assert _decisions(linked)[-1] == ("T-2", "T-3", "undone", "cora")
    assert at.subheader[0].value == "T-2 ↔ T-3: 55% likely the same aggressor"


def test_review_rejects_and_skips(linked) -> None:
    at = linked.logged_in("co-ordinator")
    at.switch_page("views/review.py").run()
    at.button(key="review_skip").click().run()
    assert at.subheader[0].value == "T-1 ↔ T-2: 97% likely the same aggressor"
    at.button(key="review_reject").click().run()
    assert _decisions(linked) == [("T-1", "T-2", "rejected", "cora")]
    assert "No suggested links are waiting" in at.info[0].value


def test_report_words_are_plain_text_never_markup(linked) -> None:
    at = linked.logged_in("co-ordinator")
    at.switch_page("views/review.py").run()
    at.button(key="review_skip").click().run()
    words = [text.value for text in at.text]
    assert "grabbed my throat in a <script>silver caravan</script>" in words
    assert all("<script>" not in markdown.value for markdown in at.markdown)


def test_search_finds_reports_by_partial_plate_and_is_audited(linked) -> None:
    at = linked.logged_in("liaison")
    at.switch_page("views/search.py").run()
    at.text_input(key="search_query").input("BV4").run()
    assert not at.exception, at.exception
    found = frame(at, "matched")
    assert set(found["report_id"]) == {"T-1", "T-2"}
    with linked.store.engine() as engine:
        log = audit.read(engine)
    assert list(log[log["action"] == "search"]["target"]) == ["BV4"]


def test_the_profile_shows_reports_identifiers_and_evidence(linked) -> None:
    at = linked.logged_in("liaison")
    at.switch_page("views/profile.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="profile_id").value == "AGG-000001"
    assert list(frame(at, "strongest evidence")["report"]) == ["T-1"]
    identifiers = frame(at, "kind")
    assert ("vehicle", "silver dodge caravan", 2) in set(
        zip(identifiers["kind"], identifiers["value"], identifiers["reports"], strict=True)
    )
    assert len(at.get("form")) == 0


def test_the_co_ordinator_splits_and_merges_profiles(linked) -> None:
    at = linked.logged_in("co-ordinator")
    at.switch_page("views/profile.py").run()
    at.multiselect(key="split_reports").set_value(["T-2"])
    at.button[[b.label for b in at.button].index("Split")].click().run()
    assert not at.exception, at.exception
    assert "Moved T-2 to AGG-000003" in at.success[0].value
    at.selectbox(key="profile_id").set_value("AGG-000003").run()
    at.multiselect(key="merge_ids").set_value(["AGG-000001"])
    at.button[[b.label for b in at.button].index("Merge")].click().run()
    assert "Merged AGG-000001 into AGG-000003" in at.success[0].value
    with linked.store.engine() as engine:
        actions = set(audit.read(engine)["action"])
    assert {"aggressor_split", "aggressor_merge"} <= actions


def test_a_large_profile_shows_one_report_in_its_words_at_a_time(dashboard: Dashboard) -> None:
    rows = [
        f"B-{n:02d},2026-03-{n:02d},silver caravan guy number {n},BV4 21K,250-555-0134"
        for n in range(1, 13)
    ]
    ingest_text(
        dashboard,
        "report_id,received_at,what_happened,plate,aggressor_phone\n" + "\n".join(rows) + "\n",
    )
    now = datetime(2026, 4, 2, tzinfo=UTC)
    with dashboard.store.engine() as engine:
        run_normalise_stage(engine, load_cipher(dashboard.store.settings))
    with dashboard.store.engine() as engine, engine.begin() as connection:
        connection.execute(insert(aggressors), [{"aggressor_id": "AGG-000001", "created_at": now}])
        connection.execute(
            insert(aggressor_members),
            [
                {"report_id": f"B-{n:02d}", "aggressor_id": "AGG-000001", "linked_at": now}
                for n in range(1, 13)
            ],
        )
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/profile.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="profile_words").value == "B-12"
    assert [e.label for e in at.expander] == [
        "B-12: in the reporter's words (may describe violence)"
    ]
    at.selectbox(key="profile_words").set_value("B-03").run()
    assert "silver caravan guy number 3" in [t.value for t in at.text]
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    reads = list(log[log["action"] == "view.reports"]["detail"])
    assert sorted(reads) == ["reports=B-03", "reports=B-12"]

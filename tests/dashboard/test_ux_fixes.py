"""Hesitation points a new-user walkthrough found (issue 7): unlinked reports read as such and
never as a match for themselves, decided pairs show the decision instead of a button, the in-app
update, harms in words, plain labels on Review links, a short timeline, letters-only plates."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from dashboard.widgets import EVIDENCE_HELP, GUESSED_HARMS, harms_in_words
from pipelines import audit
from pipelines.link import record_decision
from pipelines.link.stage import read_members
from pipelines.run_now import only_one_update
from pipelines.storage.tables import features
from tests.dashboard.conftest import ROLE_USERS, Dashboard
from tests.dashboard.test_intake_pages import _fill, normalised  # noqa: F401
from tests.dashboard.test_linking_pages import _seed
from tests.dashboard.test_pages import frame, metrics


def _save(at, values: dict[str, str]) -> str:
    _fill(at, values)
    at.button[[b.label for b in at.button].index("Save the report")].click().run()
    assert not at.exception, at.exception
    return at.success[0].value.removeprefix("Saved as report ").rstrip(".")


def _titles(at) -> list[str]:
    return [m.value.replace("\\", "") for m in at.markdown if "likely" in m.value]


def _inbox(dashboard: Dashboard, report_id: str):
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/inbox.py").run()
    at.selectbox(key="inbox_report").set_value(report_id).run()
    assert not at.exception, at.exception
    return at


def test_an_unlinked_report_reads_as_not_yet_linked_never_as_itself(normalised) -> None:  # noqa: F811
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    first = _save(at, {"what_happened": "would not pay", "aggressor_phone": "604-555-0199"})
    second = _save(at, {"what_happened": "shoved me", "aggressor_phone": "604-555-0199"})
    titles = _titles(at)
    assert titles and titles[0].startswith(f"**Report {first}, not yet linked: ")
    assert not any(title.startswith(f"**{first}:") for title in titles)
    assert not any(second in title for title in titles)

    inbox = _inbox(normalised, first)
    titles = _titles(inbox)
    assert titles[0].startswith(f"**Report {second}, not yet linked: ")
    assert not any(first in title for title in titles)
    assert f"Same aggressor: link to {first}" not in [b.label for b in inbox.button]


def test_a_confirmed_match_shows_who_linked_it_and_no_button(normalised) -> None:  # noqa: F811
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    report_id = _save(at, {"what_happened": "choked me", "aggressor_phone": "250-555-0134"})
    [b for b in at.button if b.label == "Same aggressor: link to T-1"][0].click().run()
    assert not at.exception, at.exception
    assert any(s.value.startswith(f"Linked {report_id} to T-1.") for s in at.success)

    inbox = _inbox(normalised, report_id)
    assert "Same aggressor: link to T-1" not in [b.label for b in inbox.button]
    assert "Linked (confirmed by cora)." in [c.value.replace("\\", "") for c in inbox.caption]


def test_deciding_a_pair_someone_just_decided_is_a_plain_message(normalised) -> None:  # noqa: F811
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    report_id = _save(at, {"what_happened": "choked me", "aggressor_phone": "250-555-0134"})
    with normalised.store.engine() as engine:
        record_decision(engine, report_id, "T-1", "confirmed", "stella", "by phone")
    [b for b in at.button if b.label == "Same aggressor: link to T-1"][0].click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 0
    assert "Linked (confirmed by stella)." in [c.value.replace("\\", "") for c in at.caption]
    assert "Same aggressor: link to T-1" not in [b.label for b in at.button]


@pytest.mark.parametrize(("role", "page"), [("co-ordinator", "inbox"), ("admin", "admin")])
def test_update_now_links_a_new_report_and_says_what_changed(
    normalised,  # noqa: F811
    role: str,
    page: str,
) -> None:
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    report_id = _save(at, {"what_happened": "choked me", "aggressor_phone": "250-555-0134"})
    at = normalised.logged_in(role)
    at.switch_page(f"views/{page}.py").run()
    at.button(key=f"{page}_update_now").click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 0
    done = [s.value for s in at.success]
    assert done and done[0].startswith("Links and profiles are up to date: ")
    assert "report(s) linked into profiles" in done[0]
    with normalised.store.engine() as engine:
        assert report_id in set(read_members(engine)["report_id"])
        log = audit.read(engine)
    user = ROLE_USERS[role]
    assert list(log[log["action"].str.startswith("update.")]["user_name"]) == [user, user]


def test_a_second_update_while_one_runs_says_so(normalised) -> None:  # noqa: F811
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/inbox.py").run()
    with only_one_update(normalised.store.settings):
        at.button(key="inbox_update_now").click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 0
    assert [i.value for i in at.info if "already running" in i.value]


@pytest.mark.parametrize(
    ("codes", "words"),
    [
        ("non_payment;physical_assault", "physical assault, refused to pay"),
        ("strangulation", "choking"),
        ("threats;threats", "threats"),
        ("", ""),
        (None, ""),
    ],
)
def test_harm_codes_read_in_words(codes: str | None, words: str) -> None:
    assert harms_in_words(codes) == words


def test_the_inbox_names_harms_in_words(normalised) -> None:  # noqa: F811
    at = _inbox(normalised, "T-1")
    facts = frame(at, "fact")
    harms = facts.loc[facts["fact"] == "kinds of harm", "value"]
    assert list(harms) == ["choking"]
    assert "incident types" not in set(facts["fact"])


def test_the_inbox_says_when_harms_were_guessed_rather_than_read(normalised) -> None:  # noqa: F811
    with normalised.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            update(features)
            .where(features.c.report_id == "T-1")
            .values(incident_types_guessed="yes")
        )
    facts = frame(_inbox(normalised, "T-1"), "fact")
    harms = facts.loc[facts["fact"] == "kinds of harm", "value"]
    assert list(harms) == [f"choking ({GUESSED_HARMS})"]


def test_the_inbox_says_which_harms_the_word_model_added(normalised) -> None:  # noqa: F811
    with normalised.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            update(features)
            .where(features.c.report_id == "T-1")
            .values(incident_types="strangulation;threats", incident_types_added="threats")
        )
    facts = frame(_inbox(normalised, "T-1"), "fact")
    harms = facts.loc[facts["fact"] == "kinds of harm", "value"]
    assert list(harms) == ["choking, threats (threats guessed from the wording: check the report)"]


def test_review_links_explains_weights_and_labels_decisions_plainly(dashboard: Dashboard) -> None:
    _seed(dashboard)
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/review.py").run()
    assert EVIDENCE_HELP in [c.value for c in at.caption]
    at.button(key="review_confirm").click().run()
    assert not at.exception, at.exception
    recent = frame(at, "with report")
    assert list(recent.columns) == ["report", "with report", "decision", "when", "note"]
    assert list(recent["decision"]) == ["same aggressor (confirmed)"]
    assert not [c for t in at.dataframe for c in t.value.columns if str(c).startswith("report_id")]


def _chart_spec(at) -> dict:
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def test_a_short_profile_timeline_counts_days_and_the_latest_day_fits(
    dashboard: Dashboard,
) -> None:
    _seed(dashboard)
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/profile.py").run()
    assert not at.exception, at.exception
    assert metrics(at)["Latest report"] == "09 Mar 2026"
    spec = _chart_spec(at)
    assert spec["mark"]["type"] == "circle"
    assert spec["encoding"]["x"]["field"] == "day"
    assert spec["encoding"]["x"]["type"] == "temporal"


def test_a_long_profile_timeline_counts_months(dashboard: Dashboard) -> None:
    _seed(dashboard)
    with dashboard.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            update(features).where(features.c.report_id == "T-2").values(received_at="2026-09-09")
        )
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/profile.py").run()
    assert metrics(at)["Latest report"] == "09 Sep 2026"
    spec = _chart_spec(at)
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "month"


def test_search_treats_a_letters_only_partial_plate_as_a_plate(dashboard: Dashboard) -> None:
    _seed(dashboard)
    with dashboard.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            update(features).where(features.c.report_id == "T-3").values(plate="VMB77K")
        )
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/search.py").run()
    at.text_input(key="search_query").input("plate starts with VMB").run()
    assert not at.exception, at.exception
    assert list(frame(at, "matched")["report_id"]) == ["T-3"]


def test_the_inbox_says_whether_a_report_is_linked_yet(normalised) -> None:  # noqa: F811
    at = normalised.logged_in("co-ordinator")
    at.switch_page("views/intake.py").run()
    report_id = _save(at, {"what_happened": "would not pay", "aggressor_phone": "604-555-0199"})
    captions = [c.value for c in _inbox(normalised, report_id).caption]
    assert any(c.startswith("Not yet linked to a profile") for c in captions)
    captions = [c.value.replace("\\", "") for c in _inbox(normalised, "T-1").caption]
    assert "In aggressor profile AGG-000001." in captions

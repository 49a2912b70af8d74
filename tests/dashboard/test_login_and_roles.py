from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dashboard.auth import SESSION_KEY
from dashboard.navigation import PAGES, pages_for
from pipelines import audit
from pipelines.users import set_disabled
from tests.dashboard.conftest import PASSWORD, ROLE_USERS, Dashboard, login

EXPECTED_PAGES = {
    "co-ordinator": {
        "Overview",
        "Trends",
        "New report",
        "Inbox",
        "Search",
        "Review links",
        "Aggressor profile",
        "Sheet",
        "Priority queue",
        "Case",
        "Admin",
    },
    "liaison": {"Overview", "Trends", "Search", "Aggressor profile", "Priority queue", "Case"},
    "stakeholder": {"Overview"} | {"Trends"},
    "admin": {"Overview", "Admin"},
}


def titles(at) -> list[str]:
    return [title.value for title in at.title]


def test_the_login_page_is_all_a_stranger_sees(dashboard: Dashboard) -> None:
    at = dashboard.app().run()
    assert not at.exception
    assert titles(at) == ["Bad Date and Aggressor Reporting System"]
    assert at.text_input(key="login_password").proto.type == 1  # password field
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/overview.py")


def test_an_empty_store_says_how_to_create_the_first_user(empty_dashboard: Dashboard) -> None:
    at = empty_dashboard.app().run()
    assert "bdars users add NAME --role admin" in at.warning[0].value


def test_a_wrong_password_is_refused_and_logged(dashboard: Dashboard) -> None:
    at = login(dashboard.app().run(), "cora", "not the password")
    assert not at.exception
    assert "Could not log in" in at.error[0].value
    assert titles(at) == ["Bad Date and Aggressor Reporting System"]
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    assert list(log["action"]) == ["login.refused"]
    assert list(log["user_name"]) == ["cora"]


@pytest.mark.parametrize("role", sorted(ROLE_USERS))
def test_each_role_reaches_exactly_its_pages(dashboard: Dashboard, role: str) -> None:
    assert {page.title for page in pages_for(role)} == EXPECTED_PAGES[role]
    at = dashboard.logged_in(role)
    assert not at.exception, at.exception
    assert titles(at) == ["Overview"]
    assert f"Signed in as **{ROLE_USERS[role]}** ({role})" in at.sidebar.caption[0].value
    for page in PAGES:
        if page.title in EXPECTED_PAGES[role]:
            at.switch_page(f"views/{page.file}").run()
            assert not at.exception, (page.title, at.exception)
            assert titles(at)[0] == page.title
        else:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(f"views/{page.file}")


def test_a_session_expires_after_the_configured_idle_time(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("liaison")
    assert titles(at) == ["Overview"]
    at.session_state[SESSION_KEY]["last_active"] = datetime.now(UTC) - timedelta(minutes=61)
    at.run()
    assert titles(at) == ["Bad Date and Aggressor Reporting System"]
    assert "60 minutes without activity" in at.info[0].value


def test_a_session_stays_open_within_the_idle_time(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("liaison")
    at.session_state[SESSION_KEY]["last_active"] = datetime.now(UTC) - timedelta(minutes=59)
    at.run()
    assert titles(at) == ["Overview"]


def test_disabling_a_user_ends_their_open_session(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("co-ordinator")
    with dashboard.store.engine() as engine:
        set_disabled(engine, "cora", True)
    at.run()
    assert titles(at) == ["Bad Date and Aggressor Reporting System"]
    assert "no longer active" in at.info[0].value
    login(at, "cora", PASSWORD)
    assert "Could not log in" in at.error[0].value


def test_logging_out_returns_to_the_login_page_and_is_audited(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("admin")
    at.button(key="logout").click().run()
    assert titles(at) == ["Bad Date and Aggressor Reporting System"]
    assert at.info[0].value == "You are logged out."
    with dashboard.store.engine() as engine:
        actions = list(audit.read(engine)["action"])
    assert actions == ["logout", "login"]


@pytest.mark.parametrize(
    ("role", "lands_on"),
    [("stakeholder", "Overview"), ("liaison", "Overview"), ("co-ordinator", "Admin")],
)
def test_a_typed_admin_url_opens_admin_only_for_roles_that_have_it(
    dashboard: Dashboard, role: str, lands_on: str
) -> None:
    """What a typed URL does: ask the router for the page by its hash."""
    from streamlit.util import calc_hash

    at = dashboard.logged_in(role)
    at._page_hash = calc_hash("admin")
    at.run()
    assert not at.exception
    assert titles(at) == [lands_on]

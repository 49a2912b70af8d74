"""Login, logout and session expiry. Users and their roles live in the database (``bdars users``).

A session ends after ``settings.session_minutes`` without a click, when the user is disabled, or
when they log out. Every run re-reads the user, so a changed role or a disable takes effect at once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import streamlit as st
from sqlalchemy import Engine

from dashboard.state import Viewer
from pipelines import audit
from pipelines.settings import Settings
from pipelines.users import LoginRefused, active_user, authenticate, count_users

SESSION_KEY = "bdars_session"
NOTICE_KEY = "bdars_notice"


def _now() -> datetime:
    return datetime.now(UTC)


def current_viewer(settings: Settings, engine: Engine) -> Viewer | None:
    """The signed-in user, or None (with a notice) when there is none or the session has ended."""
    session = st.session_state.get(SESSION_KEY)
    if not isinstance(session, dict):
        return None
    now = _now()
    idle = now - session["last_active"]
    if idle > timedelta(minutes=settings.session_minutes):
        end_session(
            f"Your session ended after {settings.session_minutes} minutes without activity. "
            "Please log in again."
        )
        return None
    user = active_user(engine, session["name"])
    if user is None:
        end_session("Your account is no longer active. Ask an admin if this is a surprise.")
        return None
    session["last_active"] = now
    return Viewer(name=user.name, role=user.role)


def start_session(name: str) -> None:
    st.session_state[SESSION_KEY] = {"name": name, "last_active": _now()}


def end_session(notice: str = "") -> None:
    st.session_state.pop(SESSION_KEY, None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def login_page(settings: Settings, engine: Engine) -> None:
    """The only page anyone sees before logging in."""
    st.title("Bad Date and Aggressor Reporting System")
    notice = st.session_state.pop(NOTICE_KEY, "")
    if notice:
        st.info(notice)
    if count_users(engine) == 0:
        st.warning(
            "No users exist yet. On the machine running bdars, create the first one:\n\n"
            "`bdars users add NAME --role admin`"
        )
    with st.form("login", enter_to_submit=True):
        name = st.text_input("User name", key="login_name", autocomplete="username")
        password = st.text_input(
            "Password", type="password", key="login_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button("Log in", type="primary")
    if not submitted:
        return
    try:
        user = authenticate(engine, name, password)
    except LoginRefused as refused:
        audit.record(engine, name.strip()[:100] or "(blank)", "login.refused", "dashboard")
        st.error(f"Could not log in: {refused}")
        return
    audit.record(engine, user.name, "login", "dashboard", f"role={user.role}")
    start_session(user.name)
    st.rerun()


def logout_button(engine: Engine, viewer: Viewer) -> None:
    with st.sidebar:
        st.caption(f"Signed in as **{viewer.name}** ({viewer.role})")
        if st.button("Log out", key="logout", icon=":material/logout:"):
            audit.record(engine, viewer.name, "logout", "dashboard")
            end_session("You are logged out.")
            st.rerun()

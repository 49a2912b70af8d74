"""Entry script: ``bdars dashboard`` runs this. It logs the user in, then hands the router only the
pages their role may open (see ``dashboard/navigation.py``)."""

from __future__ import annotations

import gc
import importlib
import threading

import streamlit as st

from dashboard import auth
from dashboard.navigation import pages_for
from dashboard.state import CONTEXT_KEY, Context, open_store

# Loaded on first use by pages (scipy by the suppression audit: ~0.4 s idle, 1.5 s loaded).
WARM_MODULES = ("scipy.optimize", "altair", "dashboard.trend_charts", "pipelines.trend_queries")


def _load_and_freeze() -> None:
    for name in WARM_MODULES:
        importlib.import_module(name)
    gc.freeze()


# Once per server, while the first visitor logs in: import what pages load lazily, then move the
# loaded modules out of the collector's way (Streamlit collects after every run).
@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    thread = threading.Thread(target=_load_and_freeze, name="bdars-warm-up", daemon=True)
    thread.start()
    return thread


st.set_page_config(page_title="bdars", page_icon="🛡️", layout="wide")
warm_up()

settings, engine = open_store()
viewer = auth.current_viewer(settings, engine)

if viewer is None:
    st.session_state.pop(CONTEXT_KEY, None)
    login = st.Page(
        lambda: auth.login_page(settings, engine), title="Log in", url_path="login", default=True
    )
    router = st.navigation([login], position="hidden")
else:
    st.session_state[CONTEXT_KEY] = Context(settings=settings, engine=engine, viewer=viewer)
    sections: dict[str, list[st.Page]] = {}
    for spec in pages_for(viewer.role):
        sections.setdefault(spec.section, []).append(
            st.Page(spec.path, title=spec.title, icon=spec.icon, url_path=spec.url_path)
        )
    auth.logout_button(engine, viewer)
    if not sections:
        st.error(f"The role {viewer.role!r} has no pages. Ask an admin to check your account.")
        st.stop()
    router = st.navigation(sections)

router.run()

"""Entry script: ``bdars dashboard`` runs this. It logs the user in, then hands the router only the
pages their role may open (see ``dashboard/navigation.py``)."""

from __future__ import annotations

import streamlit as st

from dashboard import auth
from dashboard.navigation import pages_for
from dashboard.state import CONTEXT_KEY, Context, open_store

st.set_page_config(page_title="bdars", page_icon="🛡️", layout="wide")

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

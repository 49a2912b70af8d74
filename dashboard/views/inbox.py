"""Inbox: reports nobody has reviewed yet, each with its best candidate matches."""

import streamlit as st

from dashboard import data, widgets
from dashboard.state import page_context
from pipelines import dashboard_intake, dashboard_links, dashboard_queries, liaison
from pipelines.errors import BdarsError
from pipelines.link.lookup import best_candidates

ACTIONS = {
    "on_sheet": "Put on the sheet",
    "forwarded_to_liaison": "Forward to the liaison",
    "referred_to_other_agency": "Refer to another agency",
    "closed": "Close without action",
}
NOTICE_KEY = "inbox_notice"

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Inbox")
notice = st.session_state.pop(NOTICE_KEY, "")
if notice:
    st.success(notice)
widgets.update_now(engine, context.settings, viewer.name, "inbox_update_now")
waiting = dashboard_intake.inbox(engine)
if waiting.empty:
    st.info("Every report has been reviewed.")
    st.stop()

st.caption(
    f"{dashboard_intake.inbox_size(engine):,} report(s) waiting; the newest {len(waiting)} listed."
)
report_id = st.selectbox("Report", list(waiting["report_id"]), key="inbox_report")
facts = dashboard_links.report_features(engine, [report_id])
texts = dashboard_queries.report_texts(engine, [report_id], viewer.name, f"inbox:{report_id}")
owner = dashboard_links.profile_of(engine, report_id)
if owner is None:
    st.caption(
        "Not yet linked to a profile: it joins one when links and profiles are updated "
        "(the button above)."
    )
else:
    st.caption(f"In aggressor profile {widgets.escaped(owner)}.")
widgets.report_summary(facts, report_id)
widgets.report_words(texts, report_id)

st.subheader("Best candidate matches")
try:
    found = best_candidates(engine, report_id)
except BdarsError as error:
    st.info(str(error))
else:
    widgets.candidate_matches(engine, viewer.name, report_id, found)

st.subheader("Done with it")
with st.form("inbox_action", clear_on_submit=True):
    action = st.selectbox("Next step", list(ACTIONS), format_func=ACTIONS.get, key="inbox_action")
    note = st.text_input("Note (optional)", key="inbox_note")
    if st.form_submit_button("Record and take it out of the inbox", type="primary"):
        try:
            liaison.set_status(engine, "report", report_id, action, viewer.name, note)
        except BdarsError as error:
            st.error(str(error))
        else:
            st.session_state[NOTICE_KEY] = (
                f"Recorded for {report_id}: {ACTIONS[action].lower()}. It is out of the inbox."
            )
            data.clear()
            st.rerun()

"""Case: one aggressor profile's reports, evidence, workflow status and notes, and its export."""

import pandas as pd
import streamlit as st

from analytics.vocabulary import WORKFLOW_STATUSES
from dashboard import data
from dashboard.state import CASE_KEY, page_context
from pipelines import audit, dashboard_queries, liaison
from pipelines.errors import BdarsError

# Profiles offered in the picker: the top of the queue, plus the one opened from elsewhere.
CHOICES = 1_000

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Case")
queue = data.priority_queue(viewer.role, context.settings.database_url)
if queue.empty:
    st.info("No profiles yet: load reports and run `bdars run`.")
    st.stop()

wanted = st.session_state.get(CASE_KEY)
ids = list(queue["aggressor_id"].head(CHOICES))
if wanted in set(queue["aggressor_id"]) and wanted not in ids:
    ids.append(wanted)
profile = st.selectbox(
    "Profile", ids, index=ids.index(wanted) if wanted in ids else 0, key="case_profile"
)
st.session_state[CASE_KEY] = profile
row = queue[queue["aggressor_id"] == profile].iloc[0]

top = st.columns(4)
top[0].metric("Priority", f"{row['score']:.1f}")
top[1].metric("Status", str(row["status"]).replace("_", " "))
top[2].metric("Reports", int(row["reports"]))
top[3].metric("Jurisdiction", str(row["jurisdiction"]))
st.markdown("**Why it ranks here**")
for reason in row["reasons"]:
    st.text(f"• {reason}")

members = liaison.profile_members(engine, profile)
features = liaison.load_profile_reports(engine, members)
texts = dashboard_queries.report_texts(engine, members, viewer.name, f"case:{profile}")
st.subheader("Reports")
evidence_columns = [
    "report_id",
    "received",
    "incident_date",
    "incident_types",
    "jurisdiction",
    "neighbourhood",
    "phones",
    "plate",
    "vehicle_colour",
    "vehicle_make",
    "vehicle_model",
    "consent_police",
    "wants_statement",
]
st.dataframe(features[evidence_columns], hide_index=True)
for text in texts.itertuples(index=False):
    with st.expander(
        f"{text.report_id}: the report in the reporter's words (may describe violence)"
    ):
        for column in dashboard_queries.REPORT_TEXT_COLUMNS:
            value = getattr(text, column)
            if value:
                st.caption(column.replace("_", " "))
                st.text(value)

if viewer.role in dashboard_queries.CONTACT_CONSENTS and st.toggle(
    "Show reporter contact details that the reporters agreed to share (the view is logged)",
    key="case_contacts",
):
    contacts = dashboard_queries.reporter_contacts_for(
        engine, context.settings, members, viewer.name, viewer.role
    )
    if contacts.empty:
        st.info("No reporter in this case agreed to share contact details with your role.")
    else:
        st.dataframe(contacts, hide_index=True)

st.subheader("Workflow")
history = liaison.history(engine, "aggressor", profile)
if history.empty:
    history = liaison.history(engine, "report", profile)
if history.empty:
    st.caption("No status changes yet: the case is new.")
else:
    st.dataframe(history[["at", "status", "user_name", "note"]], hide_index=True)
with st.form("status_change", clear_on_submit=True):
    choices = [s for s in WORKFLOW_STATUSES if s not in ("new", row["status"])]
    status = st.selectbox(
        "New status", choices, key="case_status", format_func=lambda s: s.replace("_", " ")
    )
    note = st.text_area("Note (optional)", key="case_note", max_chars=2000)
    if st.form_submit_button("Record status change", type="primary"):
        try:
            change = liaison.set_status(engine, None, profile, status, viewer.name, note)
        except BdarsError as error:
            st.error(str(error))
        else:
            data.clear()
            st.success(f"{profile}: {change['from']} → {change['to']}.")
            st.rerun()


def _case_file() -> bytes:
    words = texts.rename(
        columns={c: f"reported_{c}" for c in dashboard_queries.REPORT_TEXT_COLUMNS}
    )
    merged = features[evidence_columns].merge(words, on="report_id", how="left")
    return merged.to_csv(index=False).encode("utf-8")


st.download_button(
    "Export the case file (CSV)",
    data=_case_file() if not features.empty else pd.DataFrame().to_csv().encode(),
    file_name=f"case-{profile}.csv",
    mime="text/csv",
    key="case_export",
    on_click=lambda: audit.record(engine, viewer.name, "export.case", f"case:{profile}"),
)

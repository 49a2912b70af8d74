"""Case: one aggressor profile's reports, evidence, workflow status and notes, and its export."""

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from analytics.features import harm_note
from analytics.vocabulary import WORKFLOW_STATUSES
from dashboard import data, widgets
from dashboard.state import CASE_KEY, page_context
from pipelines import audit, dashboard_queries, liaison
from pipelines.errors import BdarsError

# Profiles offered in the picker: the top of the queue, plus the one opened from elsewhere.
CHOICES = 1_000
NOTICE_KEY = "case_notice"
PDF_KEY = "case_pdf"

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Case")
queue = data.priority_queue(viewer.role, context.settings.database_url)
if queue.empty:
    st.info(
        "No profiles yet. Reports become profiles after the pipeline runs "
        "(`bdars run` on the bdars machine)."
    )
    st.stop()

notice = st.session_state.pop(NOTICE_KEY, "")
if notice:
    st.success(notice)
wanted = st.session_state.get(CASE_KEY)
ids = list(queue["aggressor_id"].head(CHOICES))
if wanted in set(queue["aggressor_id"]) and wanted not in ids:
    ids.append(wanted)
profile = st.selectbox(
    "Profile",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    key="case_profile",
    help="The most urgent profiles first; open any other from the Priority queue or Search.",
)
st.session_state[CASE_KEY] = profile
row = queue[queue["aggressor_id"] == profile].iloc[0]

top = st.columns(4)
top[0].metric("Priority", f"{row['score']:.1f}")
top[1].metric("Status", widgets.status_words(row["status"]))
top[2].metric("Reports", int(row["reports"]))
top[3].metric("Jurisdiction", str(row["jurisdiction"]))
st.markdown("**Why it ranks here**")
for reason in row["reasons"]:
    st.text(f"• {reason}")

members = liaison.profile_members(engine, profile)
features = liaison.load_profile_reports(engine, members)
texts = dashboard_queries.report_texts(engine, members, viewer.name, f"case:{profile}")

st.subheader("Workflow")
history = liaison.history(engine, "aggressor", profile)
if history.empty:
    history = liaison.history(engine, "report", profile)
if history.empty:
    st.caption("No status changes yet: the case is new.")
else:
    st.dataframe(
        history[["at", "status", "user_name", "note"]].assign(
            status=history["status"].map(widgets.status_words)
        ),
        hide_index=True,
        column_config={"user_name": st.column_config.TextColumn("by")},
    )
with st.form("status_change", clear_on_submit=True):
    choices = [s for s in WORKFLOW_STATUSES if s not in ("new", row["status"])]
    status = st.selectbox(
        "New status",
        choices,
        index=None,
        key="case_status",
        format_func=widgets.status_words,
        placeholder="choose the case's new status",
    )
    note = st.text_area(
        "Note (optional)",
        key="case_note",
        max_chars=2000,
        placeholder="e.g. filed in PRIME as 26-1234; statement booked for Tuesday",
    )
    if st.form_submit_button("Record status change", type="primary"):
        if status is None:
            st.error("Choose the new status first, then record the change.")
        else:
            try:
                change = liaison.set_status(engine, None, profile, status, viewer.name, note)
            except BdarsError as error:
                st.error(str(error))
            else:
                data.clear()
                st.session_state[NOTICE_KEY] = (
                    f"{profile}: status changed from {widgets.status_words(change['from'])} "
                    f"to {widgets.status_words(change['to'])}"
                    + (" with your note." if note.strip() else ".")
                )
                st.rerun()

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


def _case_csv() -> bytes:
    words = texts.rename(
        columns={c: f"reported_{c}" for c in dashboard_queries.REPORT_TEXT_COLUMNS}
    )
    merged = features[evidence_columns].merge(words, on="report_id", how="left")
    return merged.to_csv(index=False).encode("utf-8")


def _case_pdf() -> bytes:
    from pipelines.case_file import build_case
    from pipelines.case_file.pdf import case_pdf

    now = datetime.now(UTC)
    case = build_case(engine, context.settings, profile, now.date().isoformat())
    released = ",".join(c["report_id"] for c in case["contacts"]) or "none"
    audit.record(
        engine,
        viewer.name,
        "export.case",
        f"{case['kind']}:{profile}",
        f"format=pdf; dashboard; reports={len(case['reports'])}; contacts released for={released}",
    )
    return case_pdf(case)


st.subheader("Case file")
st.caption(
    "The PDF is the case file for police records (reports, evidence, timeline, map; reporter "
    "contacts only where the reporter agreed to police contact). The CSV is the same reports as "
    "a table. Both exports are recorded in the audit log."
)
pdf_col, csv_col = st.columns(2)
pending = st.session_state.get(PDF_KEY)
if pending and pending[0] == profile:
    pdf_col.download_button(
        f"Download case-{profile}.pdf",
        pending[1],
        file_name=f"case-{profile}.pdf",
        mime="application/pdf",
        key="case_pdf_download",
        type="primary",
    )
elif pdf_col.button("Prepare the case file (PDF)", key="case_pdf_prepare"):
    try:
        with st.spinner("Writing the case file…"):
            st.session_state[PDF_KEY] = (profile, _case_pdf())
    except BdarsError as error:
        st.error(str(error))
    else:
        st.rerun()
csv_col.download_button(
    "Export the case file (CSV)",
    data=_case_csv() if not features.empty else pd.DataFrame().to_csv().encode(),
    file_name=f"case-{profile}.csv",
    mime="text/csv",
    key="case_export",
    on_click=lambda: audit.record(engine, viewer.name, "export.case", f"case:{profile}"),
)

st.subheader("Reports")
harm_notes = [harm_note(row) for row in features.to_dict("records")]
shown = features[evidence_columns].assign(
    incident_types=features["incident_types"].map(
        lambda value: str(value or "").replace(";", ", ").replace("_", " ")
    )
    + [f" ({note})" if note else "" for note in harm_notes]
)
st.dataframe(
    shown,
    hide_index=True,
    column_config={
        "report_id": st.column_config.TextColumn("report"),
        "incident_date": st.column_config.TextColumn("incident date"),
        "incident_types": st.column_config.TextColumn("harm"),
        "vehicle_colour": st.column_config.TextColumn("colour"),
        "vehicle_make": st.column_config.TextColumn("make"),
        "vehicle_model": st.column_config.TextColumn("model"),
        "consent_police": st.column_config.TextColumn("police may contact"),
        "wants_statement": st.column_config.TextColumn("wants to give a statement"),
    },
)
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

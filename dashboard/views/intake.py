"""New report: phone, in-person and email intake, consent questions first; on save, the
likeliest known aggressors with their evidence."""

import streamlit as st

from analytics.intake import INTAKE_COLUMNS
from analytics.vocabulary import CHANNELS, REPORTER_GENDERS, SECTORS
from dashboard import data, widgets
from dashboard.state import page_context
from pipelines import dashboard_intake

SAVED_KEY = "intake_saved"
CLEAR_KEY = "intake_clear"
YES_NO = ["no", "yes"]

DEFAULTS = {
    "consent_contact": "no",
    "consent_police": "no",
    "wants_statement": "no",
    "channel": "phone",
}
FORM_LABELS = {
    "what_happened": "What happened?",
    "aggressor_description": "What did they look like?",
    "aggressor_name": "Name or alias",
    "aggressor_phone": "Phone number(s)",
    "aggressor_contact": "Email, social media or handle",
    "incident_date": "When did it happen?",
    "incident_time": "What time?",
    "vehicle": "Vehicle",
    "plate": "Plate",
    "location": "Where?",
}
# The form has every intake field but the ones bdars fills in itself.
FIELD_KEYS = tuple(c for c in INTAKE_COLUMNS if c not in ("report_id", "received_at"))


# An intake problem names the file's columns; the form has labels.
def _in_form_words(problem: str) -> str:
    for column in sorted(FORM_LABELS, key=len, reverse=True):
        problem = problem.replace(column, f"“{FORM_LABELS[column]}”")
    return problem


context = page_context()
engine, viewer = context.engine, context.viewer
st.title("New report")
st.caption(
    'Fill in what the reporter tells you; only "What happened?" or one detail about the '
    "aggressor is needed. On save, the known aggressors it resembles appear below the form."
)
if st.session_state.pop(CLEAR_KEY, None):
    # Emptied only once a report is saved: one that is refused keeps what was typed.
    for key in FIELD_KEYS:
        st.session_state[key] = DEFAULTS.get(key, "")

with st.form("new_report"):
    st.markdown(
        "**Consent first.** Ask before anything else; the answer is no unless they say yes."
    )
    consent_contact = st.radio(
        "May the co-ordinator contact you about this report?",
        YES_NO,
        horizontal=True,
        key="consent_contact",
    )
    consent_police = st.radio(
        "May your contact details go to the police liaison?",
        YES_NO,
        horizontal=True,
        key="consent_police",
    )
    wants_statement = st.radio(
        "Do you want to make a statement to police?",
        YES_NO,
        horizontal=True,
        key="wants_statement",
    )
    reporter_contact = st.text_input(
        "Your phone or email (kept only if you said yes above)", key="reporter_contact"
    )
    st.divider()
    channel = st.selectbox("How the report came in", CHANNELS, index=2, key="channel")
    incident_date = st.text_input(
        "When did it happen?", key="incident_date", placeholder="2026-03-02, last friday"
    )
    incident_time = st.text_input("What time?", key="incident_time", placeholder="around 2am")
    location = st.text_input("Where?", key="location", placeholder="Rock Bay / Government St")
    sector = st.selectbox("Where do you work?", ["", *SECTORS], key="sector")
    what_happened = st.text_area("What happened?", key="what_happened", height=150)
    incident_types = st.text_input(
        "Kinds of harm (optional)", key="incident_types", placeholder="robbery; threats"
    )
    st.markdown("**About the aggressor**")
    aggressor_description = st.text_area("What did they look like?", key="aggressor_description")
    aggressor_name = st.text_input("Name or alias they used", key="aggressor_name")
    aggressor_phone = st.text_input("Phone number(s) they used", key="aggressor_phone")
    aggressor_contact = st.text_input(
        "Email, social media or ad-site handle", key="aggressor_contact"
    )
    vehicle = st.text_input("Vehicle", key="vehicle", placeholder="silver dodge caravan")
    plate = st.text_input("Plate (even partial)", key="plate", placeholder="starts with BV4")
    reporter_gender = st.selectbox(
        "Your gender (optional)", ["", *REPORTER_GENDERS], key="reporter_gender"
    )
    submitted = st.form_submit_button("Save the report", type="primary")

if submitted:
    fields = {
        "channel": channel,
        "consent_contact": consent_contact,
        "consent_police": consent_police,
        "wants_statement": wants_statement,
        "reporter_contact": reporter_contact,
        "incident_date": incident_date,
        "incident_time": incident_time,
        "location": location,
        "sector": sector,
        "what_happened": what_happened,
        "incident_types": incident_types,
        "aggressor_description": aggressor_description,
        "aggressor_name": aggressor_name,
        "aggressor_phone": aggressor_phone,
        "aggressor_contact": aggressor_contact,
        "vehicle": vehicle,
        "plate": plate,
        "reporter_gender": reporter_gender,
    }
    with st.spinner("Saving and looking for known aggressors…"):
        saved = dashboard_intake.save_report(engine, context.settings, fields, viewer.name)
    if saved.problems:
        st.session_state.pop(SAVED_KEY, None)
        st.error(
            "The report was not saved: "
            + "; ".join(_in_form_words(problem) for problem in saved.problems)
            + ". What you typed is still in the form: add to it and save again."
        )
    else:
        data.clear()
        st.session_state[SAVED_KEY] = (saved.report_id, saved.new)
        st.session_state[CLEAR_KEY] = True
        st.rerun()

if SAVED_KEY in st.session_state:
    report_id, new = st.session_state[SAVED_KEY]
    if new:
        st.success(f"Saved as report {report_id}.")
    else:
        st.info(f"This report was already stored, as {report_id}.")
    st.subheader("Known aggressors it resembles")
    found = dashboard_intake.candidates_for(engine, report_id)
    widgets.candidate_matches(engine, viewer.name, report_id, found)
    st.markdown("**What next**")
    st.page_link(
        "views/inbox.py",
        label="Inbox: put it on the sheet, forward it to the liaison, or refer it",
        icon=":material/inbox:",
    )
    st.page_link(
        "views/sheet.py",
        label="Sheet: write a community alert for it",
        icon=":material/description:",
    )
    if st.button("Start another report", key="intake_another", icon=":material/add:"):
        st.session_state.pop(SAVED_KEY, None)
        st.rerun()

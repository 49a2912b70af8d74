"""Search: a partial plate, phone digits, a vehicle, or words from descriptions."""

import streamlit as st

from dashboard import widgets
from dashboard.state import CASE_KEY, page_context
from pipelines import audit, dashboard_links
from pipelines.link import search

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Search")
typed = st.text_input(
    "Search reports",
    key="search_query",
    placeholder="e.g. BV4, 0134, silver caravan, snake tattoo",
    help=(
        "Plates may be partial and include a digit (BV4, KT8-?); phone numbers may be the last "
        "digits (0134). Words such as 'starts with' or 'ends in' are fine."
    ),
)
query = widgets.search_words(typed)
if not query:
    st.caption(
        "Type part of a plate (BV4), the last digits of a phone (0134), a vehicle "
        "(silver caravan) or words from a description (snake tattoo), then press Enter."
    )
    st.stop()
if query != " ".join(typed.split()):
    st.caption(f"Searching for: {query}")

reports, aggressors = search(engine, query, 50)
audit.record(engine, viewer.name, "search", query[:200], f"reports={len(reports)}")
if reports.empty:
    st.info(
        f"Nothing matches “{query}”. Try fewer characters (BV4 rather than BV4K21), the last "
        "four digits of a phone, or one distinctive word."
    )
    st.stop()

st.subheader("Aggressors")
if aggressors.empty:
    st.caption("None of the reports found is in a profile yet.")
else:
    st.caption("Tick a profile's box to open it.")
    picked = st.dataframe(
        aggressors,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="search_aggressors",
        column_config={
            "aggressor_id": st.column_config.TextColumn("profile"),
            "score": st.column_config.NumberColumn("match", format="%.1f"),
            "reports": st.column_config.NumberColumn("reports found"),
        },
    )
    rows = picked.selection.rows if picked else []
    if rows:
        st.session_state[CASE_KEY] = str(aggressors.iloc[rows[0]]["aggressor_id"])
        chosen = st.session_state[CASE_KEY]
        st.page_link(
            "views/profile.py",
            label=f"Open aggressor {chosen}: reports, identifiers, evidence",
            icon=":material/person_search:",
        )
        st.page_link(
            "views/case.py",
            label=f"Open the case of {chosen}: status, notes and case file",
            icon=":material/folder_open:",
        )

st.subheader("Reports")
facts = dashboard_links.report_features(engine, list(reports["report_id"]))
columns = [
    "report_id",
    "received_at",
    "incident_types",
    "phones",
    "plate",
    "vehicle_make",
    "vehicle_model",
    "vehicle_colour",
]
st.dataframe(
    reports.merge(facts[columns], on="report_id", how="left"),
    hide_index=True,
    column_config={
        "report_id": st.column_config.TextColumn("report"),
        "aggressor_id": st.column_config.TextColumn("profile"),
        "score": st.column_config.NumberColumn("match", format="%.1f"),
        "matched": st.column_config.TextColumn("matched on"),
        "received_at": st.column_config.TextColumn("received"),
        "incident_types": st.column_config.TextColumn("harm"),
    },
)
if (reports["aggressor_id"] == "").any():
    st.caption(
        "A report with no profile was saved after the last pipeline run; it joins a profile "
        "at the next run."
    )

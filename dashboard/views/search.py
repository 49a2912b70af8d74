"""Search: a partial plate, phone digits, a vehicle, or words from descriptions."""

import streamlit as st

from dashboard.state import CASE_KEY, page_context
from pipelines import audit, dashboard_links
from pipelines.link import search

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Search")
query = st.text_input(
    "Search reports",
    key="search_query",
    placeholder="e.g. BV4, 0134, silver caravan, snake tattoo",
    help="Plates may be partial (BV4, KT8-?); phone numbers may be the last digits.",
)
if not query.strip():
    st.caption("Type a partial plate, phone digits, a vehicle or words from a description.")
    st.stop()

reports, aggressors = search(engine, query.strip(), 50)
audit.record(engine, viewer.name, "search", query.strip()[:200], f"reports={len(reports)}")
if reports.empty:
    st.info(f"Nothing matches “{query.strip()}”.")
    st.stop()

st.subheader("Aggressors")
picked = st.dataframe(
    aggressors,
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="search_aggressors",
)
rows = picked.selection.rows if picked else []
if rows:
    st.session_state[CASE_KEY] = str(aggressors.iloc[rows[0]]["aggressor_id"])
    st.page_link(
        "views/profile.py",
        label=f"Open aggressor {st.session_state[CASE_KEY]}",
        icon=":material/person_search:",
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
    column_config={"score": st.column_config.NumberColumn(format="%.1f")},
)

"""Priority queue: the most dangerous, most active, most actionable aggressors first."""

import streamlit as st

from analytics.vocabulary import JURISDICTIONS, WORKFLOW_STATUSES
from dashboard import data, widgets
from dashboard.state import CASE_KEY, page_context

# Only the most urgent rows go to the browser: the queue below them is rarely read, and sending
# tens of thousands of rows is what would make the page slow. (A bare string here would be shown
# on the page by Streamlit's "magic".)
SHOWN_ROWS = 1_000

context = page_context()
st.title("Priority queue")
table = data.priority_queue(context.viewer.role, context.settings.database_url)
if table.empty:
    st.info(
        "No profiles to rank yet. Reports are ranked after the pipeline runs "
        "(`bdars run` on the bdars machine)."
    )
    st.stop()

left, right = st.columns(2)
jurisdiction = left.selectbox(
    "Jurisdiction",
    ["all", *JURISDICTIONS],
    key="queue_jurisdiction",
    format_func=lambda j: "all jurisdictions" if j == "all" else j,
)
statuses = right.multiselect(
    "Status",
    WORKFLOW_STATUSES,
    default=[s for s in WORKFLOW_STATUSES if s != "closed"],
    key="queue_status",
    format_func=widgets.status_words,
    placeholder="every status",
)
shown = table[table["status"].isin(statuses or WORKFLOW_STATUSES)]
if jurisdiction != "all":
    shown = shown[shown["jurisdiction"] == jurisdiction]
matching = len(shown)
shown = shown.head(SHOWN_ROWS)
st.caption(
    f"{matching:,} of {len(table):,} profiles, scored at {table.attrs.get('computed_at', '?')}"
    + (f"; the top {SHOWN_ROWS:,} shown" if matching > SHOWN_ROWS else "")
    + ". Tick a row's box to see why it ranks there and open its case."
)
if st.button(
    "Refresh the queue",
    key="queue_refresh",
    icon=":material/refresh:",
    help="Read the queue again from the store, with any changes made since it was shown.",
):
    data.priority_queue.clear()
    st.rerun()
if shown.empty:
    st.info("No profile matches these filters: choose another jurisdiction or more statuses.")
    st.stop()
columns = ["aggressor_id", "score", "status", "jurisdiction", "reports", "latest", "summary"]
event = st.dataframe(
    shown[columns].assign(status=shown["status"].map(widgets.status_words)),
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="queue_table",
    column_config={
        "aggressor_id": st.column_config.TextColumn("profile"),
        "score": st.column_config.NumberColumn("priority", format="%.1f"),
        "latest": st.column_config.TextColumn("latest report"),
        "summary": st.column_config.TextColumn("why", width="large"),
    },
)
rows = event.selection.rows if event else []
if rows:
    chosen = str(shown.iloc[rows[0]]["aggressor_id"])
    st.session_state[CASE_KEY] = chosen
    reasons = shown.iloc[rows[0]]["reasons"]
    widgets.bold_label(chosen)
    for reason in reasons:
        st.text(f"• {reason}")
    st.page_link(
        "views/case.py",
        label=f"Open the case of {chosen}: status, notes and case file",
        icon=":material/folder_open:",
    )

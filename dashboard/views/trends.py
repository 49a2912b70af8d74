"""Trends: the monthly review's counts. Aggregates only; counts of 1 to 4 are never shown."""

import altair as alt
import streamlit as st

from analytics.privacy import HIDDEN_LABEL, THRESHOLD, small_label, suppress_counts
from dashboard import data
from dashboard.state import page_context

context = page_context()
st.title("Trends")
st.caption(
    f"Counts from 1 to {THRESHOLD - 1} show as “{small_label()}”; a few others show as "
    f"“{HIDDEN_LABEL}” so that totals cannot reveal them."
)
tables = data.trend_tables(context.viewer.role, context.settings.database_url)
if tables["month"].sum() == 0:
    st.info("No normalised reports yet: trends appear once reports are loaded and `bdars run`.")
    st.stop()

for name, counts in tables.items():
    suppressed = suppress_counts(counts)
    st.subheader(f"Reports by {name}")
    table = suppressed.table.reset_index().rename(columns={counts.index.name: name})
    table[name] = table[name].astype(str).str.replace("_", " ")
    chart_data = table.dropna(subset=["count"]).astype({"count": "int64"})
    chart = (
        alt.Chart(chart_data)
        .mark_bar()
        .encode(
            x=alt.X(f"{name}:N", sort=list(table[name]), title=name),
            y=alt.Y("count:Q", title="reports"),
            tooltip=[alt.Tooltip(f"{name}:N"), alt.Tooltip("label:N", title="reports")],
        )
    )
    left, right = st.columns([3, 2])
    left.altair_chart(chart, width="stretch")
    right.dataframe(
        table[[name, "label"]].rename(columns={"label": "reports"}),
        hide_index=True,
    )
    if name != "harm type":
        right.caption(f"Total: {suppressed.total_label}")

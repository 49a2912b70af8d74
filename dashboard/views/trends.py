"""Trends: the monthly review's counts. Aggregates only; counts of 1 to 4 are never shown."""

import altair as alt
import pandas as pd
import streamlit as st

from analytics.privacy import (
    HIDDEN_LABEL,
    THRESHOLD,
    small_label,
    suppress_counts,
    suppress_table,
)
from dashboard import data
from dashboard.state import page_context

context = page_context()
role, url = context.viewer.role, context.settings.database_url
st.title("Trends")
st.caption(
    f"Counts from 1 to {THRESHOLD - 1} show as “{small_label()}”; a few others show as "
    f"“{HIDDEN_LABEL}” so that totals cannot reveal them."
)
months = data.trend_months(role, url)
if not months:
    st.info("No normalised reports yet: trends appear once reports are loaded and `bdars run`.")
    st.stop()
first, last = months[0], months[-1]
if len(months) > 1:
    first, last = st.select_slider(
        "Months", options=months, value=(months[0], months[-1]), key="trend_months"
    )
tables = data.trend_tables(role, url, first, last)


def bar_chart(table: pd.DataFrame, name: str) -> alt.Chart:
    shown = table.dropna(subset=["count"]).astype({"count": "int64"})
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X(f"{name}:N", sort=list(table[name]), title=name),
            y=alt.Y("count:Q", title="reports"),
            tooltip=[alt.Tooltip(f"{name}:N"), alt.Tooltip("label:N", title="reports")],
        )
    )


for name, counts in tables.items():
    st.subheader(f"Reports by {name}")
    if isinstance(counts, pd.DataFrame):
        grid = suppress_table(counts)
        shown = grid.labels.assign(total=grid.row_totals)
        totals = pd.DataFrame(
            [[*grid.column_totals, grid.total_label]], index=["total"], columns=shown.columns
        )
        st.dataframe(pd.concat([shown, totals]), width="stretch")
        st.caption("The incident's day and time, in 4-hour bands.")
        continue
    suppressed = suppress_counts(counts)
    table = suppressed.table.reset_index().rename(columns={counts.index.name: name})
    table = table.assign(**{name: table[name].astype(str).str.replace("_", " ")})
    left, right = st.columns([3, 2])
    left.altair_chart(bar_chart(table, name), width="stretch")
    right.dataframe(table[[name, "label"]].rename(columns={"label": "reports"}), hide_index=True)
    if name == "harm type":
        right.caption("A report may name several kinds of harm.")
    else:
        right.caption(f"Total: {suppressed.total_label}")

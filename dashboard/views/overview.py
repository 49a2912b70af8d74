"""Overview: how much is in the store. Totals only, for every role."""

import streamlit as st

from analytics.privacy import suppress_value
from dashboard import data
from dashboard.navigation import STAKEHOLDER
from dashboard.state import page_context

context = page_context()
st.title("Overview")
counts = data.overview_counts(context.viewer.role, context.settings.database_url)
columns = st.columns(len(counts))
for column, (name, count) in zip(columns, counts.items(), strict=True):
    shown = suppress_value(count) if context.viewer.role == STAKEHOLDER else f"{count:,}"
    column.metric(name.capitalize(), shown)
if counts["reports"] == 0:
    st.info("No reports yet. Load an intake file with `bdars ingest FILE` or on the Admin page.")
elif counts["normalised reports"] < counts["reports"]:
    st.caption(
        f"{counts['reports'] - counts['normalised reports']:,} report(s) are not normalised yet; "
        "`bdars run` brings them up to date."
        if context.viewer.role != STAKEHOLDER
        else "Some reports are not normalised yet."
    )

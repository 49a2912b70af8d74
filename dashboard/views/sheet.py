"""Sheet: preview the Bad Date/Aggressor Report for a period, then publish and download it."""

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.state import page_context
from pipelines import dashboard_intake
from pipelines.errors import BdarsError

FILE_KEY = "sheet_file"
PREVIEW_ENTRIES = 20

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Sheet")
since_default, until_default = dashboard_intake.default_sheet_period(engine, date.today())
left, right = st.columns(2)
since = left.date_input("Reports received from", since_default, key="sheet_since")
until = right.date_input("to", until_default, key="sheet_until")
if since > until:
    st.error("The period starts after it ends; pick a start on or before the end.")
    st.stop()

sheet = data.sheet_preview(viewer.role, context.settings.database_url, since, until)
st.caption(
    f"{len(sheet.entries)} entr{'y' if len(sheet.entries) == 1 else 'ies'} and "
    f"{len(sheet.updates)} update(s), redacted as they will be printed."
)
for title, entries in (("New reports", sheet.entries), ("Updates", sheet.updates)):
    if not entries:
        continue
    st.subheader(title)
    if len(entries) > PREVIEW_ENTRIES:
        st.caption(f"The first {PREVIEW_ENTRIES} of {len(entries)}; the file has them all.")
    for number, entry in enumerate(entries[:PREVIEW_ENTRIES], start=1):
        with st.container(border=True):
            st.text(f"{number}. {entry.headline}")
            for marker in entry.markers:
                st.text(marker.upper())
            st.dataframe(
                pd.DataFrame(entry.lines, columns=["", "text"]), hide_index=True, width="stretch"
            )

st.subheader("Publish")
st.caption("Publishing records the period, so the next sheet starts the day after it.")
kind = st.radio(
    "Format",
    [".pdf", ".html"],
    horizontal=True,
    key="sheet_format",
    format_func=lambda s: {"pdf": "PDF for print", "html": "HTML for the web"}[s[1:]],
)
if st.button("Publish the sheet", key="sheet_publish", type="primary"):
    try:
        with st.spinner("Writing the sheet…"):
            st.session_state[FILE_KEY] = dashboard_intake.publish_sheet_file(
                engine, since, until, kind, viewer.name
            )
    except BdarsError as error:
        st.error(str(error))
if FILE_KEY in st.session_state:
    name, content = st.session_state[FILE_KEY]
    st.download_button(
        f"Download {name}",
        content,
        file_name=name,
        mime="application/pdf" if name.endswith(".pdf") else "text/html",
        key="sheet_download",
    )

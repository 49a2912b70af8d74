"""Admin: load an intake file; ingest runs; quarantined rows and reasons; users; audit log."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.navigation import CO_ORDINATOR
from dashboard.state import page_context
from pipelines import audit, dashboard_queries
from pipelines.errors import BdarsError

context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Admin")
upload, runs, quarantine, people, log = st.tabs(
    ["Load a file", "Ingest runs", "Quarantined rows", "Users", "Audit log"]
)

with upload:
    st.write(
        "Load an intake export (CSV, XLSX or JSON Lines in the intake format). Reports seen "
        "before add nothing; bad rows are quarantined with their reasons."
    )
    uploaded = st.file_uploader(
        "Intake file", type=["csv", "xlsx", "jsonl", "json", "txt"], key="upload_file"
    )
    if uploaded is not None and st.button("Load into the store", key="upload_go", type="primary"):
        bar = st.progress(0.0, text=f"Reading {uploaded.name}…")

        def show_progress(_path: object, done: int, size: int) -> None:
            bar.progress(min(1.0, done / size) if size else 1.0, text=f"Reading {uploaded.name}…")

        try:
            summary = dashboard_queries.ingest_upload(
                engine,
                context.settings,
                uploaded.name,
                uploaded.getvalue(),
                viewer.name,
                progress=show_progress,
            )
        except BdarsError as error:
            st.error(f"Nothing was loaded: {error}")
        else:
            bar.progress(1.0, text="Done.")
            data.clear()
            for file in summary.files:
                if file.error:
                    st.error(file.error)
            st.success(
                f"Loaded {summary.total('loaded'):,} new report(s); "
                f"{summary.total('duplicates'):,} seen before; "
                f"{summary.total('conflicts'):,} conflicting; "
                f"{summary.total('quarantined'):,} quarantined; "
                f"{summary.total('contacts_dropped'):,} contact(s) dropped for lack of consent."
            )
            if summary.issues:
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                "kind": i.kind,
                                "row": i.row_number,
                                "column": i.column,
                                "reason": i.reason,
                            }
                            for i in summary.issues
                        ]
                    ),
                    hide_index=True,
                )

with runs:
    st.dataframe()

with quarantine:
    show_excerpt = viewer.role == CO_ORDINATOR and st.toggle(
        "Show the rows' raw text (the view is logged)", key="quarantine_excerpt"
    )
    table = dashboard_queries.quarantine_table(engine, viewer.name, include_excerpt=show_excerpt)
    if table.empty:
        st.info("No quarantined rows.")
    else:
        st.dataframe(table, hide_index=True)

with people:
    st.caption(
        "Add, disable or enable users on the command line: "
        "`bdars users add NAME --role ROLE`, `bdars users disable NAME`."
    )
    st.dataframe(dashboard_queries.user_table(engine), hide_index=True)

with log:
    st.dataframe(audit.read(engine, limit=500), hide_index=True)

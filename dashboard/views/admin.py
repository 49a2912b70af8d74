"""Admin: load an intake file; ingest runs; quarantined rows and reasons; users; audit log."""

import pandas as pd
import streamlit as st

from analytics.vocabulary import ROLES
from dashboard import data, widgets
from dashboard.navigation import CO_ORDINATOR
from dashboard.state import page_context
from pipelines import audit, dashboard_queries
from pipelines.errors import BdarsError
from pipelines.users import MIN_PASSWORD_LENGTH, add_user, set_disabled

USER_NOTICE_KEY = "admin_user_notice"
ROLE_HELP = (
    "co-ordinator: everything, including reporters' contacts where they consented; "
    "liaison: reports, profiles, the queue and cases; stakeholder: trends only; "
    "admin: users, uploads and the audit log."
)


# Uploads pass through a temporary folder whose name means nothing: show the file's own name.
def _file_name(path: object) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Admin")
widgets.update_now(engine, context.settings, viewer.name, "admin_update_now")
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
            if summary.total("quarantined"):
                st.warning(
                    "Quarantined rows were not loaded. The table below (and the Quarantined rows "
                    "tab) says which row and why: fix those rows in the file and load it again; "
                    "rows already loaded are not added twice."
                )
            if summary.total("loaded"):
                st.caption(
                    "New reports are listed in the Inbox at once; they are matched to profiles, "
                    "ranked and counted in Trends after the next pipeline run (`bdars run`)."
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
                    column_config={
                        "row": st.column_config.NumberColumn(
                            "row", help="The row's line in the file (the header is line 1)."
                        ),
                        "reason": st.column_config.TextColumn("reason", width="large"),
                    },
                )

with runs:
    ingest_runs = dashboard_queries.ingest_run_table(engine)
    if ingest_runs.empty:
        st.info("No file has been loaded yet: use the Load a file tab or `bdars ingest FILE`.")
    else:
        st.dataframe(
            ingest_runs,
            hide_index=True,
            column_config={
                "id": st.column_config.NumberColumn("run"),
                "started_at": st.column_config.DatetimeColumn("started", format="YYYY-MM-DD HH:mm"),
                "finished_at": st.column_config.DatetimeColumn(
                    "finished", format="YYYY-MM-DD HH:mm"
                ),
                "contacts_stored": st.column_config.NumberColumn("contacts kept"),
                "contacts_dropped": st.column_config.NumberColumn(
                    "contacts dropped", help="Dropped because the reporter did not consent."
                ),
                "user_name": st.column_config.TextColumn("by"),
            },
        )

with quarantine:
    show_excerpt = viewer.role == CO_ORDINATOR and st.toggle(
        "Show the rows' raw text (the view is logged)", key="quarantine_excerpt"
    )
    table = dashboard_queries.quarantine_table(engine, viewer.name, include_excerpt=show_excerpt)
    if table.empty:
        st.info("No quarantined rows: every row loaded so far was usable.")
    else:
        st.caption(
            "Rows that could not be loaded, newest first. Fix them in the file and load it again."
        )
        st.dataframe(
            table.assign(source_file=table["source_file"].map(_file_name)),
            hide_index=True,
            column_config={
                "ingest_run_id": st.column_config.NumberColumn("run"),
                "source_file": st.column_config.TextColumn("file"),
                "row_number": st.column_config.NumberColumn(
                    "row", help="The row's line in the file (the header is line 1)."
                ),
                "column_name": st.column_config.TextColumn("column"),
                "reason": st.column_config.TextColumn("reason", width="large"),
                "raw_excerpt": st.column_config.TextColumn("the row as it was"),
            },
        )

with people:
    notice = st.session_state.pop(USER_NOTICE_KEY, "")
    if notice:
        st.success(notice)
    users = dashboard_queries.user_table(engine)
    st.dataframe(users, hide_index=True)
    add_col, disable_col = st.columns(2)
    with add_col, st.form("add_user", clear_on_submit=True):
        st.markdown("**Add a user**")
        new_name = st.text_input("User name", key="admin_new_name", placeholder="e.g. sam")
        new_role = st.selectbox("Role", ROLES, key="admin_new_role", help=ROLE_HELP)
        first = st.text_input(
            "Password",
            type="password",
            key="admin_new_password",
            help=f"At least {MIN_PASSWORD_LENGTH} characters; a few unrelated words are good.",
        )
        again = st.text_input("Password again", type="password", key="admin_new_password2")
        if st.form_submit_button("Add the user", type="primary"):
            if first != again:
                st.error("The two passwords differ; type the same password twice.")
            else:
                try:
                    added = add_user(engine, new_name, new_role, first)
                except BdarsError as error:
                    st.error(f"Not added: {error}")
                else:
                    audit.record(engine, viewer.name, "user.add", added.name, f"role={new_role}")
                    st.session_state[USER_NOTICE_KEY] = (
                        f"Added {added.name} as {added.role}. Give them the password in person; "
                        "they log in at this same address."
                    )
                    st.rerun()
    with disable_col, st.form("disable_user"):
        st.markdown("**Disable or enable a user**")
        others = [name for name in users["name"] if name != viewer.name]
        who = st.selectbox(
            "User", others, index=None, key="admin_toggle_user", placeholder="choose a user"
        )
        st.caption("A disabled user cannot log in and is logged out at their next click.")
        disable, enable = st.columns(2)
        for button, disabled in ((disable, True), (enable, False)):
            if button.form_submit_button("Disable" if disabled else "Enable"):
                if who is None:
                    st.error("Choose a user first.")
                else:
                    changed = set_disabled(engine, who, disabled)
                    action = "user.disable" if disabled else "user.enable"
                    audit.record(engine, viewer.name, action, changed.name)
                    st.session_state[USER_NOTICE_KEY] = (
                        f"{changed.name} is {'disabled' if disabled else 'enabled'}."
                    )
                    st.rerun()

with log:
    st.caption("The newest 500 entries: who did what, when, to which report or file.")
    st.dataframe(
        audit.read(engine, limit=500),
        hide_index=True,
        column_config={"user_name": st.column_config.TextColumn("user")},
    )

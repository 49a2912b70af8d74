"""Sheet and alerts: preview the Bad Date/Aggressor Report for a period, publish and download it;
write the community alert for one report, to copy or (with SMTP configured) send."""

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from analytics.publish.alerts import SMS_LIMIT
from dashboard import data, widgets
from dashboard.state import page_context
from pipelines import dashboard_intake, dashboard_publish
from pipelines.errors import BdarsError

FILE_KEY = "sheet_file"
ALERT_KEY = "sheet_alert"
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

preview = data.sheet_preview(
    viewer.role, context.settings.database_url, since, until, PREVIEW_ENTRIES
)
outline, sheet = preview.outline, preview.sheet
st.caption(
    f"{len(outline.entries)} entr{'y' if len(outline.entries) == 1 else 'ies'} and "
    f"{len(outline.updates)} update(s), redacted as they will be printed."
)
for title, entries, total in (
    ("New reports", sheet.entries, len(outline.entries)),
    ("Updates", sheet.updates, len(outline.updates)),
):
    if not entries:
        continue
    st.subheader(title)
    if total > len(entries):
        st.caption(f"The first {len(entries)} of {total}; the file has them all.")
    for number, entry in enumerate(entries, start=1):
        with st.container(border=True):
            st.text(f"{number}. {entry.headline}")
            for marker in entry.markers:
                st.text(marker.upper())
            st.dataframe(
                pd.DataFrame(entry.lines, columns=["", "as printed"]),
                hide_index=True,
                width="stretch",
            )

st.subheader("Publish")
st.caption(
    "Publishing writes the sheet for the period above and records it, so the next sheet starts "
    "the day after it; a download button then appears here, to print the file or put it online."
)
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
    else:
        st.success(
            f"Published {st.session_state[FILE_KEY][0]} and recorded it: the next sheet starts "
            f"on {until + timedelta(days=1):%d %b %Y}. "
            "Download it with the button below."
        )
if FILE_KEY in st.session_state:
    name, content = st.session_state[FILE_KEY]
    st.download_button(
        f"Download {name}",
        content,
        file_name=name,
        mime="application/pdf" if name.endswith(".pdf") else "text/html",
        key="sheet_download",
    )

st.subheader("Community alert")
st.caption(
    "For a report that is high severity or matches a known aggressor: a short text for SMS and a "
    "longer email, redacted as the sheet is. Writing one is recorded in the audit log."
)
where_shown = {
    report: f"{title} {number}"
    for title, planned in (("entry", outline.entries), ("update", outline.updates))
    for number, item in enumerate(planned, start=1)
    for report in item.report_ids
}
report_id = st.selectbox(
    "Report",
    list(dict.fromkeys(outline.report_ids)),
    index=None,
    format_func=lambda report: (
        f"{report} ({where_shown[report]} above)" if report in where_shown else str(report)
    ),
    key="alert_report",
    accept_new_options=True,
    placeholder="choose a report of this period, or type its id",
)
if st.button("Write the alert", key="alert_write", disabled=not report_id):
    try:
        alert = dashboard_publish.community_alert(engine, str(report_id).strip(), viewer.name)
    except BdarsError as error:
        st.session_state.pop(ALERT_KEY, None)
        st.error(str(error))
    else:
        st.session_state[ALERT_KEY] = (str(report_id).strip(), alert)
if ALERT_KEY in st.session_state:
    alert_id, alert = st.session_state[ALERT_KEY]
    if not alert.due:
        st.info(
            f"No alert is due for {alert_id}: it is below the policy's alert severity and matches "
            "no known aggressor. It will appear on the next sheet."
        )
    else:
        st.markdown(f"**Alert for {widgets.escaped(alert_id)}.** Why: " + " ".join(alert.reasons))
        st.caption(
            f"SMS: {len(alert.sms)} of at most {SMS_LIMIT} characters. "
            "Copy it with the button at the top right of the box."
        )
        st.code(alert.sms, language=None, wrap_lines=True)
        st.caption("Email subject")
        st.code(alert.subject, language=None, wrap_lines=True)
        st.caption("Email")
        st.code(alert.email, language=None, wrap_lines=True)
        problems = dashboard_publish.sending_problems()
        if problems:
            st.caption("Sending from here is off: " + "; ".join(problems) + ".")
        elif st.button("Send the alert", key="alert_send", type="primary"):
            try:
                with st.spinner("Sending…"):
                    sent = dashboard_publish.send_community_alert(
                        engine, alert, alert_id, viewer.name
                    )
            except BdarsError as error:
                st.error(str(error))
            else:
                st.success(f"Sent {sent} message(s).")

"""Overview: how much is in the store (totals only, for every role) and where each role's work
starts."""

import streamlit as st

from analytics.privacy import suppress_value
from dashboard import data
from dashboard.navigation import ADMIN, CO_ORDINATOR, LIAISON, STAKEHOLDER, pages_for
from dashboard.state import page_context

METRIC_HELP = {
    "reports": "Every report stored, from every channel.",
    "ingest runs": "How many times intake files have been loaded.",
    "quarantined rows": "Rows of intake files that could not be loaded; the Admin page says why.",
    "normalised reports": "Reports whose phones, plates, vehicles, harms and places are read.",
    "aggressors": "Aggressor profiles: one or more reports linked as the same person.",
}
NEXT_STEPS = {
    CO_ORDINATOR: (
        ("views/intake.py", "New report: take a report from a call, visit or email"),
        ("views/inbox.py", "Inbox: reports not yet reviewed, with their likeliest matches"),
        ("views/review.py", "Review links: confirm or reject suggested links"),
        ("views/sheet.py", "Sheet: preview and publish the sheet; write a community alert"),
    ),
    LIAISON: (
        ("views/queue.py", "Priority queue: the most urgent aggressors first, with reasons"),
        ("views/case.py", "Case: change a case's status with a note; export the case file"),
        ("views/search.py", "Search: a partial plate, phone digits, a vehicle or words"),
    ),
    STAKEHOLDER: (
        ("views/trends.py", "Trends: the monthly review, the map and the monthly report"),
    ),
    ADMIN: (("views/admin.py", "Admin: load intake files, manage users, read the audit log"),),
}

context = page_context()
role = context.viewer.role
st.title("Overview")
counts = data.overview_counts(role, context.settings.database_url)
columns = st.columns(len(counts))
for column, (name, count) in zip(columns, counts.items(), strict=True):
    shown = suppress_value(count) if role == STAKEHOLDER else f"{count:,}"
    column.metric(name.capitalize(), shown, help=METRIC_HELP.get(name))
if counts["reports"] == 0:
    st.info(
        "No reports yet. An admin or the co-ordinator loads an intake file on the Admin page "
        "(or with `bdars ingest FILE`)."
        if role != STAKEHOLDER
        else "No reports yet."
    )
elif counts["normalised reports"] < counts["reports"]:
    st.caption(
        f"{counts['reports'] - counts['normalised reports']:,} report(s) are not normalised yet; "
        "the next pipeline run (`bdars run`) brings them up to date."
        if role != STAKEHOLDER
        else "Some reports are not normalised yet."
    )

allowed = {spec.file for spec in pages_for(role)}
steps = [(page, label) for page, label in NEXT_STEPS.get(role, ()) if page[6:] in allowed]
if steps:
    st.subheader("Where to start")
    for page, label in steps:
        st.page_link(page, label=label)

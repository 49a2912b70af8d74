"""Aggressor profile: timeline, reports, identifiers, the evidence between reports, status and
history; the co-ordinator can split a profile or merge others into it."""

import re

import altair as alt
import pandas as pd
import streamlit as st

from analytics.trends import counts_per_month
from dashboard import data, widgets
from dashboard.navigation import CO_ORDINATOR
from dashboard.state import CASE_KEY, page_context
from pipelines import dashboard_links, dashboard_queries
from pipelines.errors import BdarsError
from pipelines.link import merge_aggressors, split_aggressor

NOTICE_KEY = "profile_notice"
# Profiles offered in the picker: the largest, plus the one opened from elsewhere.
CHOICES = 1_000
# Up to this many reports, each one's words are listed (collapsed); above it, one is picked.
WORDS_LISTED = 10

# Reports spread over no more than this are counted per day, not per month.
SHORT_SPAN = pd.Timedelta(days=62)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _day(value: object) -> pd.Timestamp | None:
    text = str(value or "")
    return pd.Timestamp(text[:10]) if _ISO_DAY.match(text) else None


# Each report's day: the incident's when it is a full date, else the day it was received.
def _days(reports: pd.DataFrame) -> pd.Series:
    days = [
        _day(incident) or _day(received)
        for incident, received in zip(reports["incident_date"], reports["received_at"], strict=True)
    ]
    return pd.Series([d for d in days if d is not None], dtype="datetime64[ns]")


def _latest_day(received: pd.Series) -> str:
    days = [d for d in (_day(r) for r in received) if d is not None]
    return f"{max(days):%d %b %Y}" if days else "not known"


context = page_context()
engine, viewer = context.engine, context.viewer
st.title("Aggressor profile")
notice = st.session_state.pop(NOTICE_KEY, "")
if notice:
    st.success(notice)
everyone = dashboard_links.aggressor_list(engine, CHOICES)
if everyone.empty:
    st.info("No aggressor profiles yet: load reports and run `bdars run`.")
    st.stop()

sizes = dict(zip(everyone["aggressor_id"], everyone["reports"], strict=True))
wanted = st.session_state.get(CASE_KEY)
if isinstance(wanted, str) and wanted not in sizes:
    sizes.update(dashboard_links.aggressor_sizes(engine, [wanted]))
ids = list(sizes)
aggressor_id = st.selectbox(
    "Aggressor",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    key="profile_id",
    format_func=lambda i: f"{i} ({sizes[i]} report(s))",
    help=f"The {CHOICES:,} largest profiles; open any other from Search or the Priority queue.",
)
st.session_state[CASE_KEY] = aggressor_id
details = dashboard_links.profile(engine, aggressor_id)
reports = details["reports"]
report_ids = list(reports["report_id"])
status = dashboard_links.aggressor_status(engine, aggressor_id)

top = st.columns(3)
top[0].metric("Reports", len(reports))
top[1].metric("Status", status.replace("_", " "))
top[2].metric("Latest report", _latest_day(reports["received_at"]))
st.page_link(
    "views/case.py", label="Open the case (workflow and export)", icon=":material/folder_open:"
)

st.subheader("Timeline")
days = _days(reports)
short = days.empty or days.max() - days.min() <= SHORT_SPAN
if short and days.empty:
    st.caption("No dates are known for its reports.")
elif short:
    per_day = days.value_counts().rename_axis("day").rename("reports").reset_index()
    st.caption("Reports per day (all within two months).")
    chart = (
        alt.Chart(per_day)
        .mark_circle(size=120)
        .encode(
            x=alt.X("day:T", title="day", axis=alt.Axis(format="%d %b")),
            y=alt.Y("reports:Q", title="reports", axis=alt.Axis(tickMinStep=1)),
            tooltip=[alt.Tooltip("day:T", format="%d %b %Y"), "reports:Q"],
        )
    )
    st.altair_chart(chart, width="stretch")
else:
    timeline = counts_per_month(reports).rename_axis("month").reset_index()
    chart = (
        alt.Chart(timeline)
        .mark_bar()
        .encode(x="month:N", y=alt.Y("reports:Q", title="reports", axis=alt.Axis(tickMinStep=1)))
    )
    st.altair_chart(chart, width="stretch")

st.subheader("Identifiers")
st.dataframe(dashboard_links.identifiers(reports), hide_index=True)

st.subheader("Reports")
st.dataframe(reports[["report_id", *widgets.SUMMARY_COLUMNS]], hide_index=True)
if len(report_ids) <= WORDS_LISTED:
    shown = report_ids
else:
    newest = reports.sort_values("received_at", ascending=False, kind="stable")["report_id"]
    shown = [
        st.selectbox(
            f"Read one of its {len(report_ids)} reports in the reporter's words",
            list(newest),
            key="profile_words",
        )
    ]
texts = dashboard_queries.report_texts(engine, shown, viewer.name, f"profile:{aggressor_id}")
for report_id in shown:
    widgets.report_words(texts, report_id)

st.subheader("Evidence between its reports")
links = details["links"]
if links.empty:
    st.caption("No scored links between these reports (a lone report, or linked by decisions).")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "report": links["report_id_a"],
                "with": links["report_id_b"],
                "likelihood": links["probability"],
                "strongest evidence": links["evidence"].map(
                    lambda parts: "; ".join(str(p["label"]) for p in parts[:3])
                ),
            }
        ),
        hide_index=True,
        column_config={"likelihood": st.column_config.NumberColumn(format="percent")},
    )

st.subheader("History")
if details["history"].empty:
    st.caption("No merges or splits.")
else:
    st.dataframe(details["history"], hide_index=True)

if viewer.role == CO_ORDINATOR:
    st.subheader("Keep the profile straight")
    split_col, merge_col = st.columns(2)
    with split_col, st.form("split"):
        moved = st.multiselect(
            "Move these reports to a new profile", report_ids, key="split_reports"
        )
        note = st.text_input("Why (optional)", key="split_note")
        if st.form_submit_button("Split"):
            try:
                new_id = split_aggressor(engine, aggressor_id, moved, viewer.name, note)
            except BdarsError as error:
                st.error(str(error))
            else:
                data.clear()
                st.session_state[NOTICE_KEY] = f"Moved {', '.join(moved)} to {new_id}."
                st.rerun()
    with merge_col, st.form("merge"):
        linked = dashboard_links.neighbours(engine, report_ids)
        others = st.multiselect(
            "Merge these profiles into this one",
            list(dict.fromkeys(i for i in [*linked, *ids] if i != aggressor_id)),
            key="merge_ids",
            help="Profiles with links to this one's reports first, then the largest.",
        )
        note = st.text_input("Why (optional)", key="merge_note")
        if st.form_submit_button("Merge"):
            try:
                merge_aggressors(engine, aggressor_id, others, viewer.name, note)
            except BdarsError as error:
                st.error(str(error))
            else:
                data.clear()
                st.session_state[NOTICE_KEY] = (
                    f"Merged {', '.join(others)} into {aggressor_id}. "
                    "To undo, split their reports out again."
                )
                st.rerun()

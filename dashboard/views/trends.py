"""Trends: the monthly review's counts, the neighbourhood map and the liaison's responsiveness.
Aggregates only; counts of 1 to 4 are never shown, and the map is drawn without tiles."""

import pandas as pd
import streamlit as st

from analytics.privacy import (
    HIDDEN_LABEL,
    THRESHOLD,
    filter_refusal,
    small_label,
    suppress_counts,
    suppress_table,
    suppress_value,
)
from analytics.publish.monthly import ELSEWHERE, days_label
from analytics.trends import NOT_STATED
from analytics.vocabulary import HARM_TYPES, SECTORS
from dashboard import data
from dashboard.state import page_context
from dashboard.trend_charts import area_map, bar_chart, map_features
from pipelines import dashboard_publish
from pipelines.errors import BdarsError

REPORT_KEY = "trend_report_file"
STAGES = {"forwarded": "To forwarding", "reviewed": "To liaison review", "outcome": "To an outcome"}

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
shapes = data.boundaries()
left, middle, right = st.columns(3)
sectors = left.multiselect(
    "Sector", [*SECTORS, NOT_STATED], key="trend_sectors", placeholder="all sectors"
)
harm_types = middle.multiselect(
    "Harm type",
    [*HARM_TYPES, NOT_STATED],
    key="trend_harms",
    format_func=lambda code: code.replace("_", " "),
    placeholder="all harm types",
)
areas = right.multiselect(
    "Area", [*data.area_names(), ELSEWHERE], key="trend_areas", placeholder="all areas"
)
tables = data.trend_tables(role, url, first, last, tuple(sectors), tuple(harm_types), tuple(areas))
whole: dict[str, pd.Series | pd.DataFrame] = {}
if sectors or harm_types or areas:
    whole = data.trend_tables(role, url, first, last)
    refusal = filter_refusal(int(tables["month"].sum()), int(whole["month"].sum()))
    if refusal:
        st.warning(refusal)
        tables, whole = whole, {}
    else:
        st.caption("Counting only the reports that match every filter chosen above.")


def one_way(counts: pd.Series, name: str) -> tuple[pd.DataFrame, str]:
    suppressed = suppress_counts(counts, whole=whole.get(name))
    table = suppressed.table.reset_index().rename(columns={counts.index.name: name})
    table = table.assign(**{name: table[name].astype(str).str.replace("_", " ")})
    return table, suppressed.total_label


# Every table but the areas: a bar chart and its labels, or the weekday grid.
def counts_view() -> None:
    for name, counts in tables.items():
        if name == "area":
            continue
        st.subheader(f"Reports by {name}")
        if isinstance(counts, pd.DataFrame):
            grid = suppress_table(counts, whole=whole.get(name))
            shown = grid.labels.assign(total=grid.row_totals)
            totals = pd.DataFrame(
                [[*grid.column_totals, grid.total_label]], index=["total"], columns=shown.columns
            )
            st.dataframe(pd.concat([shown, totals]), width="stretch")
            st.caption("The incident's day and time, in 4-hour bands.")
            continue
        table, total_label = one_way(counts, name)
        left, right = st.columns([3, 2])
        left.altair_chart(bar_chart(table, name), width="stretch")
        right.dataframe(
            table[[name, "label"]].rename(columns={"label": "reports"}), hide_index=True
        )
        if name == "harm type":
            right.caption("A report may name several kinds of harm.")
        else:
            right.caption(f"Total: {total_label}")


# The areas on the map and in a table.
def map_view() -> None:
    st.subheader("Where incidents happened")
    areas_table, areas_total = one_way(tables["area"], "area")
    left, right = st.columns([3, 2])
    region = left.toggle("Show the whole region", key="trend_map_region")
    left.altair_chart(area_map(map_features(shapes, region), areas_table), width="stretch")
    left.caption(
        "Approximate boundaries, not official. Shades group the counts; hover an area for its "
        "label."
    )
    right.dataframe(
        areas_table[["area", "label"]].rename(columns={"label": "reports"}),
        hide_index=True,
        key="trend_area_table",
    )
    right.caption(f"Total: {areas_total}. Counted and suppressed as in the monthly report.")


# Responsiveness per month, reports waiting, and the monthly report on click.
def liaison_view() -> None:
    st.subheader("Liaison responsiveness")
    wait_days = st.number_input(
        "Count reports waiting longer than (days)", 1, 365, 14, key="trend_wait_days"
    )
    by_month, waiting = data.responsiveness(role, url, float(wait_days))
    by_month = by_month[(by_month["month"] >= first) & (by_month["month"] <= last)]
    if by_month.empty:
        st.caption("No reports were received in these months.")
    else:
        received = suppress_counts(by_month.set_index("month")["received"])
        rows = [
            {
                "month received": month,
                "reports": received.table.loc[month, "label"],
                **{
                    title: days_label(
                        row[f"{stage}_median_days"],
                        row[f"{stage}_p90_days"],
                        int(row[f"{stage}_n"]),
                    )
                    for stage, title in STAGES.items()
                },
            }
            for month, row in by_month.set_index("month").iterrows()
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="trend_responsiveness")
        st.caption(
            "Days from receipt, median (90th percentile); figures over fewer than 5 reports are "
            "not shown. All reports received in these months, whatever the filters above."
        )
    columns = st.columns(len(STAGES))
    for column, (stage, title) in zip(columns, STAGES.items(), strict=True):
        column.metric(f"Waiting: {title.lower()}", suppress_value(waiting.get(stage, 0)))
    st.caption(
        f"Reports with no outcome yet that have waited more than {wait_days} days for the step."
    )

    st.subheader("Monthly report")
    report_months = sorted(set(months) | set(by_month["month"]), reverse=True)
    left, right = st.columns(2)
    month = left.selectbox("Month received", report_months, key="trend_report_month")
    kind = right.radio(
        "Format",
        list(dashboard_publish.REPORT_FORMATS),
        horizontal=True,
        key="trend_report_format",
        format_func=lambda s: {"pdf": "PDF for print", "html": "HTML for the web"}[s[1:]],
    )
    if st.button("Generate the monthly report", key="trend_report_generate"):
        try:
            with st.spinner("Writing the monthly report…"):
                st.session_state[REPORT_KEY] = dashboard_publish.monthly_report_file(
                    context.engine, str(month), kind, context.viewer.name, float(wait_days)
                )
        except BdarsError as error:
            st.error(str(error))
    if REPORT_KEY in st.session_state:
        name, content = st.session_state[REPORT_KEY]
        st.download_button(
            f"Download {name}",
            content,
            file_name=name,
            mime="application/pdf" if name.endswith(".pdf") else "text/html",
            key="trend_report_download",
        )


# Only the open view runs and is drawn (the first when the page opens).
VIEWS = {"Counts": counts_view, "Map": map_view, "Responsiveness and monthly report": liaison_view}
for tab, view in zip(
    st.tabs(list(VIEWS), key="trend_view", on_change="rerun"), VIEWS.values(), strict=True
):
    if tab.open:
        with tab:
            view()

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest

from pipelines import audit
from tests.dashboard.conftest import Dashboard
from tests.dashboard.test_pages import _raw, _seed_features, frame

HOODS = ["Fernwood"] * 12 + ["Downtown"] * 6 + ["James Bay"] * 3 + [""] * 9


@pytest.fixture
def seeded(dashboard: Dashboard) -> Dashboard:
    """30 reports: 12 in Fernwood, 6 Downtown, 3 in James Bay (a small count), 9 nowhere known."""
    _raw(dashboard, 30)
    _seed_features(
        dashboard,
        [
            {
                "report_id": f"R-{i}",
                "received_at": "2026-03-01",
                "incident_date": "2026-03-02",
                "sector": "street" if i < 20 else "indoor",
                "incident_types": "robbery" if i % 3 == 0 else "time_waster",
                "neighbourhood": hood,
                "municipality": "Victoria" if hood else "",
            }
            for i, hood in enumerate(HOODS)
        ],
    )
    return dashboard


def view(at, name: str):  # type: ignore[no-untyped-def]
    """Open one of the page's views (only the open one runs) and run the page again."""
    at.session_state["trend_view"] = name
    return at.run()


def _map(at) -> tuple[dict, list[pd.DataFrame]]:
    """The map's Vega-Lite spec and the tables Streamlit sends with it."""
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        if "geoshape" in json.dumps(spec):
            tables = [
                pa.ipc.open_stream(dataset.data.data).read_pandas()
                for dataset in chart.proto.datasets
            ]
            return spec, tables
    raise AssertionError("no map on the page")


@pytest.mark.parametrize("role", ["stakeholder", "liaison", "co-ordinator"])
def test_the_map_shows_areas_suppressed_as_the_monthly_report(seeded, role: str) -> None:
    at = seeded.logged_in(role)
    at.switch_page("views/trends.py").run()
    assert not at.exception, at.exception
    assert all("geoshape" not in chart.proto.spec for chart in at.get("vega_lite_chart"))
    view(at, "Map")
    assert not at.exception, at.exception
    areas = frame(at, "area").set_index("area")["reports"]
    assert areas["Fernwood"] == "12"
    assert areas["James Bay"] == "fewer than 5"
    assert areas["Downtown"] == "hidden"
    assert areas["Oaklands"] == "0"
    spec, tables = _map(at)
    assert set(spec) - {"$schema"} >= {"data", "mark", "projection"}
    assert "http" not in json.dumps({k: v for k, v in spec.items() if k != "$schema"})
    (lookup,) = tables
    shown = lookup.set_index("area")["reports"]
    assert shown["James Bay"] == "fewer than 5"
    assert shown["Downtown"] == "hidden"
    assert not set(lookup.columns) & {"count", "status"}


def test_filters_narrow_every_table_and_the_map(seeded) -> None:
    at = seeded.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    at.multiselect(key="trend_sectors").set_value(["street"]).run()
    assert not at.exception, at.exception
    by_sector = frame(at, "sector").set_index("sector")["reports"]
    assert by_sector["street"] == "20" and by_sector["indoor"] == "0"
    view(at, "Map").multiselect(key="trend_areas").set_value(["Fernwood"]).run()
    areas = frame(at, "area").set_index("area")["reports"]
    assert areas["Fernwood"] == "12" and areas["Downtown"] == "0"
    view(at, "Counts").multiselect(key="trend_harms").set_value(["robbery"]).run()
    assert not at.exception, at.exception
    assert at.warning[0].value.startswith("The filter was not applied: it matches fewer than 5")
    harms = frame(at, "harm type").set_index("harm type")["reports"]
    assert harms["robbery"] == "10" and harms["time waster"] == "20"


def test_responsiveness_hides_figures_over_few_reports(seeded) -> None:
    at = seeded.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    view(at, "Responsiveness and monthly report")
    table = frame(at, "month received").set_index("month received")
    assert table.loc["2026-03", "reports"] == "30"
    assert table.loc["2026-03", "To forwarding"] == "none yet"
    waits = {metric.label: metric.value for metric in at.metric}
    assert waits["Waiting: to forwarding"] == "30"
    at.number_input(key="trend_wait_days").set_value(365).run()
    waits = {metric.label: metric.value for metric in at.metric}
    assert waits["Waiting: to forwarding"] == "0"


def test_the_monthly_report_is_generated_on_click_and_audited(seeded) -> None:
    at = seeded.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    view(at, "Responsiveness and monthly report")
    assert not at.get("download_button")
    at.radio(key="trend_report_format").set_value(".html").run()
    at.button(key="trend_report_generate").click().run()
    assert not at.exception, at.exception
    (button,) = at.get("download_button")
    assert button.proto.label == "Download bad-date-report-2026-03.html"
    with seeded.store.engine() as engine:
        log = audit.read(engine)
    published = log[log["action"] == "report.publish"]
    assert list(published["target"]) == ["report:2026-03"]
    assert list(published["user_name"]) == ["stella"]


def test_a_stakeholder_never_sees_report_level_data(seeded) -> None:
    at = seeded.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    shown = []
    for name in ("Counts", "Map", "Responsiveness and monthly report"):
        view(at, name)
        shown += [chart.proto.spec for chart in at.get("vega_lite_chart")]
        shown += [element.value.to_json() for element in at.dataframe]
        shown += [str(element.value) for element in (*at.markdown, *at.caption, *at.text)]
    view(at, "Map")
    spec, tables = _map(at)
    shown += [json.dumps(spec)] + [table.to_json() for table in tables]
    assert not any("R-1" in text for text in shown)
    with seeded.store.engine() as engine:
        log = audit.read(engine)
    assert not any(action.startswith("view.report") for action in log["action"])

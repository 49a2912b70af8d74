"""A stakeholder differencing the Trends page: the unfiltered tables minus the same tables with a
filter must not give a count of 1 to 4 (here: 3 robberies reported by indoor workers)."""

from __future__ import annotations

from analytics.publish.monthly import ELSEWHERE
from tests.dashboard.test_pages import frame
from tests.dashboard.test_trends_page import seeded, view  # noqa: F401  (fixture)

TABLES = {
    "month": "month",
    "harm type": "harm type",
    "sector": "sector",
    "reporter gender": "reporter gender",
    "repeat aggressor": "repeat aggressor",
    "area": "area",
}


def _labels(at) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    """Every table's labels, from the Counts view and the Map view."""
    found = {}
    for name, column in TABLES.items():
        table = frame(view(at, "Map" if name == "area" else "Counts"), column)
        found[name] = dict(zip(table[column].astype(str), table["reports"], strict=True))
    return found


def test_unfiltered_minus_filtered_reveals_no_small_count(seeded) -> None:  # noqa: F811
    at = seeded.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    unfiltered = _labels(at)
    assert unfiltered["harm type"]["robbery"] == "10"
    at.multiselect(key="trend_sectors").set_value(["street"]).run()
    assert not at.exception, at.exception
    assert not at.warning
    street = _labels(at)
    assert street["sector"]["street"] == "20"
    assert street["harm type"]["robbery"] == "hidden"
    revealed = [
        (name, key, int(whole) - int(street[name][key]))
        for name, cells in unfiltered.items()
        for key, whole in cells.items()
        if whole.isdigit() and street[name].get(key, "").isdigit()
    ]
    assert revealed
    assert [cell for cell in revealed if 0 < cell[2] < 5] == []


def test_a_filter_leaving_out_a_few_reports_is_refused(seeded) -> None:  # noqa: F811
    at = seeded.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    at.multiselect(key="trend_harms").set_value(["robbery", "time_waster"]).run()
    assert not at.exception
    assert not at.warning
    at.multiselect(key="trend_sectors").set_value(["street", "indoor"]).run()
    assert not at.warning
    at.multiselect(key="trend_areas").set_value(["Fernwood", "Downtown", ELSEWHERE]).run()
    assert at.warning[0].value.startswith(
        "The filter was not applied: it leaves out only fewer than 5 reports"
    )
    assert frame(view(at, "Map"), "area").set_index("area")["reports"]["Fernwood"] == "12"

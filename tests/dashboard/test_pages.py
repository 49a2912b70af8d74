from __future__ import annotations

from sqlalchemy import insert

from analytics.features import FEATURE_COLUMNS
from pipelines import audit
from pipelines.storage.tables import features
from tests.dashboard.conftest import Dashboard

INTAKE = (
    "report_id,received_at,what_happened,aggressor_phone,sector,reporter_gender\n"
    "T-1,2026-03-04,took my money and left,250-555-0134,street,woman\n"
    "T-2,2026-03-05,threatened me in the car,250-555-0135,indoor,trans woman\n"
    "T-3,2026-04-01,wasted my time,,online,\n"
    "T-4,2026-04-02,,,street,woman\n"
)
"""Three good rows and one (T-4) with no evidence at all, which is quarantined."""


def upload(dashboard: Dashboard, role: str = "co-ordinator", content: str = INTAKE):
    at = dashboard.logged_in(role)
    at.switch_page("views/admin.py").run()
    at.file_uploader(key="upload_file").set_value(("intake.csv", content.encode(), "text/csv"))
    at.run()
    at.button(key="upload_go").click().run()
    assert not at.exception, at.exception
    return at


def frame(at, column: str):
    """The first table on the page that has ``column``."""
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise AssertionError(f"no table with a {column!r} column")


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def test_uploading_an_intake_file_loads_it_and_shows_what_happened(dashboard: Dashboard) -> None:
    at = upload(dashboard)
    assert "Loaded 3 new report(s)" in at.success[0].value
    assert "1 quarantined" in at.success[0].value
    issues = frame(at, "reason")
    assert list(issues["row"]) == [5]
    at.switch_page("views/overview.py").run()
    assert metrics(at)["Reports"] == "3"
    assert metrics(at)["Quarantined rows"] == "1"
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    assert "ingest.upload" in set(log["action"])


def test_uploading_the_same_file_again_adds_nothing(dashboard: Dashboard) -> None:
    at = upload(dashboard)
    at.button(key="upload_go").click().run()
    assert "Loaded 0 new report(s); 3 seen before" in at.success[0].value


def test_stakeholders_see_small_totals_as_fewer_than_five(dashboard: Dashboard) -> None:
    upload(dashboard)
    at = dashboard.logged_in("stakeholder")
    assert metrics(at)["Reports"] == "fewer than 5"
    assert metrics(at)["Aggressors"] == "0"
    assert "bdars run" not in " ".join(caption.value for caption in at.caption)


def test_only_the_co_ordinator_may_see_quarantined_rows_raw_text(dashboard: Dashboard) -> None:
    upload(dashboard)
    at = dashboard.logged_in("admin")
    at.switch_page("views/admin.py").run()
    table = frame(at, "column_name")
    assert "raw_excerpt" not in table.columns
    assert len(at.toggle) == 0

    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/admin.py").run()
    assert "raw_excerpt" not in frame(at, "column_name").columns
    at.toggle(key="quarantine_excerpt").set_value(True).run()
    table = frame(at, "column_name")
    assert "raw_excerpt" in table.columns
    assert "T-4" in table["raw_excerpt"].iloc[0]
    with dashboard.store.engine() as engine:
        log = audit.read(engine)
    viewed = log[log["action"] == "view.quarantine"]
    assert list(viewed["user_name"]) == ["cora"]


def test_the_admin_page_lists_users_and_the_audit_log(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("admin")
    at.switch_page("views/admin.py").run()
    users = frame(at, "role")
    assert sorted(users["name"]) == ["ada", "cora", "lee", "stella"]
    assert "password_hash" not in users.columns
    log = frame(at, "action")
    assert log["action"].iloc[0] == "login"


def _seed_features(dashboard: Dashboard, rows: list[dict[str, str]]) -> None:
    with dashboard.store.engine() as engine, engine.begin() as connection:
        connection.execute(
            insert(features),
            [
                {
                    **{column: "" for column in FEATURE_COLUMNS},
                    **row,
                    "normaliser_version": "test",
                }
                for row in rows
            ],
        )


def _raw(dashboard: Dashboard, count: int) -> None:
    lines = ["report_id,received_at,what_happened"] + [
        f"R-{i},2026-03-01,text {i}" for i in range(count)
    ]
    upload(dashboard, content="\n".join(lines) + "\n")


def test_trends_hide_small_counts_and_whatever_would_reveal_them(dashboard: Dashboard) -> None:
    _raw(dashboard, 30)
    sectors = ["street"] * 20 + ["indoor"] * 7 + ["online"] * 3
    _seed_features(
        dashboard,
        [
            {
                "report_id": f"R-{i}",
                "incident_date": "2026-03-02" if i < 27 else "2026-04-09",
                "sector": sector,
                "incident_types": "robbery;threats" if i % 2 else "time_waster",
            }
            for i, sector in enumerate(sectors)
        ],
    )
    at = dashboard.logged_in("stakeholder")
    at.switch_page("views/trends.py").run()
    assert not at.exception, at.exception
    by_sector = frame(at, "sector").set_index("sector")["reports"]
    assert by_sector["online"] == "fewer than 5"
    assert by_sector["indoor"] == "hidden"
    assert by_sector["street"] == "20"
    assert by_sector["agency"] == "0"
    by_month = frame(at, "month").set_index("month")["reports"]
    assert by_month.to_dict() == {"2026-03": "hidden", "2026-04": "fewer than 5"}
    harms = frame(at, "harm type").set_index("harm type")["reports"]
    assert harms["time waster"] == "15"
    grid = frame(at, "20–24")
    assert grid.loc["Thu", "unknown"] == "fewer than 5"
    assert "3" not in grid.to_numpy().ravel().tolist()
    assert grid.loc["total", "total"] in {"30", "hidden"}
    repeat = frame(at, "repeat aggressor").set_index("repeat aggressor")["reports"]
    assert repeat.to_dict() == {"repeat aggressor": "0", "seen once": "30"}
    at.select_slider(key="trend_months").set_value(("2026-04", "2026-04")).run()
    assert not at.exception, at.exception
    by_sector = frame(at, "sector").set_index("sector")["reports"]
    assert by_sector["online"] == "fewer than 5"
    assert by_sector["street"] == "0"
    page_text = " ".join(str(element.value) for element in at.markdown)
    assert "3" not in by_sector.to_list()
    assert "R-1" not in page_text


def test_trends_say_when_nothing_is_normalised_yet(dashboard: Dashboard) -> None:
    at = dashboard.logged_in("liaison")
    at.switch_page("views/trends.py").run()
    assert "No normalised reports yet" in at.info[0].value


def test_cached_results_are_not_shared_between_roles(dashboard: Dashboard) -> None:
    from dashboard import data

    url = dashboard.store.settings.database_url
    first = data.overview_counts("co-ordinator", url)
    upload(dashboard)
    data.overview_counts.clear()
    data.overview_counts("co-ordinator", url)
    assert data.overview_counts("stakeholder", url)["reports"] == 3
    assert first["reports"] == 0

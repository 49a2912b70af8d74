from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    ROLE_USERS,
    LiveDashboard,
    log_in,
    nav_titles,
    non_local,
    settle,
)

pytestmark = pytest.mark.browser

ROLE_PAGES = {
    "co-ordinator": [
        "Overview",
        "Trends",
        "New report",
        "Inbox",
        "Search",
        "Review links",
        "Aggressor profile",
        "Sheet",
        "Priority queue",
        "Case",
        "Admin",
    ],
    "liaison": ["Overview", "Trends", "Search", "Aggressor profile", "Priority queue", "Case"],
    "stakeholder": ["Overview", "Trends"],
    "admin": ["Overview", "Admin"],
}


@pytest.mark.parametrize("role", sorted(ROLE_USERS))
def test_each_role_logs_in_and_sees_exactly_its_pages(
    page, live_dashboard: LiveDashboard, role: str, tmp_path: Path
) -> None:
    log_in(page, live_dashboard.url, ROLE_USERS[role])
    assert nav_titles(page) == ROLE_PAGES[role]
    for title in ROLE_PAGES[role]:
        page.get_by_role("link", name=title, exact=True).click()
        page.get_by_role("heading", name=title, level=1).wait_for()
        settle(page)
        if title == "Trends":
            page.locator(".vega-embed").first.wait_for()
            settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=tmp_path / f"{role}-{title.lower()}.png", full_page=True)
    assert non_local(live_dashboard.requests) == []


def test_a_stakeholder_typing_the_admin_url_is_refused(page, live_dashboard: LiveDashboard) -> None:
    log_in(page, live_dashboard.url, "stella", path="admin")
    page.get_by_role("heading", name="Overview", level=1).wait_for()
    assert page.get_by_role("heading", name="Admin").count() == 0
    assert page.get_by_text("Audit log").count() == 0
    assert nav_titles(page) == ROLE_PAGES["stakeholder"]


def test_a_reload_ends_the_session(page, live_dashboard: LiveDashboard) -> None:
    """Streamlit keeps a session per browser connection: a reload (or a typed URL) asks again."""
    log_in(page, live_dashboard.url, "cora")
    page.get_by_role("link", name="Admin", exact=True).click()
    page.get_by_role("heading", name="Admin", level=1).wait_for()
    assert page.url.endswith("/admin")
    page.reload()
    page.get_by_role("button", name="Log in").wait_for()
    assert nav_titles(page) == []


def test_a_wrong_password_keeps_the_door_shut(page, live_dashboard: LiveDashboard) -> None:
    page.goto(live_dashboard.url)
    page.get_by_label("User name", exact=True).fill("cora")
    page.get_by_label("Password", exact=True).fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Could not log in").wait_for()
    assert nav_titles(page) == []
    assert non_local(live_dashboard.requests) == []


def test_a_co_ordinator_loads_an_intake_file_in_the_browser(
    page, live_dashboard: LiveDashboard, tmp_path: Path
) -> None:
    intake = tmp_path / "phone-intake.csv"
    intake.write_text(
        "report_id,received_at,what_happened,aggressor_phone\n"
        "E2E-1,2026-05-01,grabbed my arm and would not pay,778-555-0177\n"
        "E2E-2,2026-05-02,,\n",
        encoding="utf-8",
    )
    log_in(page, live_dashboard.url, "cora")
    reports = page.locator('[data-testid="stMetric"]').first
    before = int(reports.locator('[data-testid="stMetricValue"]').inner_text().replace(",", ""))
    page.get_by_role("link", name="Admin", exact=True).click()
    page.get_by_role("heading", name="Admin", level=1).wait_for()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(intake)
    page.get_by_role("button", name="Load into the store").click()
    page.get_by_text("Loaded 1 new report(s)").wait_for()
    assert page.get_by_text("1 quarantined").count() == 1
    page.get_by_role("link", name="Overview", exact=True).click()
    reports.get_by_text(f"{before + 1:,}").wait_for()
    assert non_local(live_dashboard.requests) == []


def test_a_co_ordinator_enters_a_report_links_it_and_the_link_survives_a_reload(
    page, live_dashboard: LiveDashboard
) -> None:
    log_in(page, live_dashboard.url, "cora")
    page.get_by_role("link", name="New report", exact=True).click()
    page.get_by_role("heading", name="New report", level=1).wait_for()
    page.get_by_label("What happened?", exact=True).fill("would not pay, grabbed my wrist hard")
    page.get_by_label("Phone number(s) they used", exact=True).fill("(250) 555-0142")
    page.get_by_role("button", name="Save the report").click()
    page.get_by_text("Saved as report").wait_for()
    page.get_by_role("button", name="Same aggressor: link to E2E-S42").click()
    page.get_by_text(re.compile(r"^Linked \S+ to E2E-S42\.")).wait_for()

    page.reload()
    page.get_by_role("button", name="Log in").wait_for()
    log_in(page, live_dashboard.url, "cora")
    page.get_by_role("link", name="Review links", exact=True).click()
    page.get_by_role("heading", name="Your recent decisions").wait_for()
    page.get_by_role("button", name="Undo: confirmed").wait_for()
    assert "E2E-S42" in page.get_by_role("button", name="Undo: confirmed").inner_text()
    assert non_local(live_dashboard.requests) == []


def test_the_trends_map_draws_without_leaving_the_machine(
    page, live_dashboard: LiveDashboard, tmp_path: Path
) -> None:
    log_in(page, live_dashboard.url, "stella")
    page.get_by_role("link", name="Trends", exact=True).click()
    page.get_by_role("heading", name="Trends", level=1).wait_for()
    settle(page)
    charts = page.locator(".vega-embed")
    drawn = page.locator(".vega-embed", has=page.locator("svg, canvas"))
    charts.nth(4).wait_for()
    drawn.nth(4).wait_for()
    assert drawn.count() == charts.count() == 5
    page.get_by_role("tab", name="Map").click()
    page.get_by_role("heading", name="Where incidents happened").wait_for()
    settle(page)
    drawn.first.wait_for()
    assert drawn.count() == charts.count() == 1
    table = page.locator('[data-testid="stDataFrame"]').filter(has_text="James Bay")
    table.first.wait_for()
    page.get_by_text("Show the whole region", exact=True).click()
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    charts.first.scroll_into_view_if_needed()
    charts.first.screenshot(path=tmp_path / "trends-map.png")
    assert non_local(live_dashboard.requests) == []


def test_a_stakeholder_downloads_the_monthly_report(page, live_dashboard: LiveDashboard) -> None:
    log_in(page, live_dashboard.url, "stella")
    page.get_by_role("link", name="Trends", exact=True).click()
    page.get_by_role("heading", name="Trends", level=1).wait_for()
    settle(page)
    page.get_by_role("tab", name="Responsiveness and monthly report").click()
    page.get_by_role("heading", name="Monthly report").wait_for()
    settle(page)
    page.get_by_text("HTML for the web", exact=True).click()
    settle(page)
    page.get_by_role("button", name="Generate the monthly report").click()
    button = page.get_by_role("button", name="Download bad-date-report-")
    button.wait_for(timeout=60_000)
    with page.expect_download() as download:
        button.click()
    name = download.value.suggested_filename
    assert name.startswith("bad-date-report-2026-") and name.endswith(".html")
    assert "E2E-S" not in Path(download.value.path()).read_text(encoding="utf-8")
    assert non_local(live_dashboard.requests) == []

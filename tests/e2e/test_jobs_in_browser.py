"""Each role's whole job, walked in a real browser the way a new user would: the co-ordinator
takes a phone report and links it, works the Inbox, undoes a link, searches the way people
speak, publishes the sheet and writes an alert; the liaison works the queue into a case, records
a status with a note and exports the case file; the stakeholder reads Trends and downloads the
monthly report; the admin adds a user, loads a file with a bad row and reads why it was set aside.

The journeys change what is stored (a publish, a status, a user), so they run on a dashboard of
their own rather than the one the other browser tests share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    PASSWORD,
    LiveDashboard,
    log_in,
    nav_titles,
    non_local,
    recording_page,
    running_dashboard,
    settle,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def journeys(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDashboard]:
    with running_dashboard(tmp_path_factory.mktemp("journeys"), run_pipeline=True) as dashboard:
        yield dashboard


@pytest.fixture
def tab(browser: object, journeys: LiveDashboard) -> Iterator[object]:
    with recording_page(browser, journeys, accept_downloads=True) as page:
        yield page


def _open(page: object, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).first.click()  # type: ignore[attr-defined]
    page.get_by_role("heading", name=title, level=1).wait_for()  # type: ignore[attr-defined]
    settle(page)


def _no_exception(page: object) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0  # type: ignore[attr-defined]


def _where_to_start(page: object) -> list[str]:
    page.get_by_role("heading", name="Where to start").wait_for()  # type: ignore[attr-defined]
    settle(page)
    links = page.locator('[data-testid="stPageLink"]')  # type: ignore[attr-defined]
    links.first.wait_for()
    return [link.inner_text().split(":")[0].strip() for link in links.all()]


def test_the_co_ordinator_takes_a_call_links_it_and_warns_the_community(
    tab, journeys: LiveDashboard, tmp_path: Path
) -> None:
    page = tab
    log_in(page, journeys.url, "cora")
    assert _where_to_start(page) == ["New report", "Inbox", "Review links", "Sheet"]

    _open(page, "New report")
    page.get_by_label("Where?", exact=True).fill("Rock Bay")
    page.get_by_role("button", name="Save the report").click()
    page.get_by_text("The report was not saved: nothing to go on").wait_for()
    assert page.get_by_label("Where?", exact=True).input_value() == "Rock Bay"
    page.get_by_label("What happened?", exact=True).fill("would not pay and shoved me")
    page.get_by_label("Phone number(s) they used", exact=True).fill("250-555-0177")
    page.get_by_role("button", name="Save the report").click()
    saved = page.get_by_text("Saved as report")
    saved.wait_for()
    report_id = saved.inner_text().removeprefix("Saved as report ").rstrip(".")
    assert page.get_by_label("Where?", exact=True).input_value() == ""
    evidence = page.locator('[data-testid="stDataFrame"]').filter(has_text="same phone")
    evidence.first.wait_for()
    page.get_by_role("button", name="Same aggressor: link to E2E-S77").click()
    page.get_by_text(f"Linked {report_id} to E2E-S77").wait_for()

    _open(page, "Inbox")
    page.get_by_label("Report", exact=True).click()
    page.get_by_role("option", name=re.compile(rf"^{re.escape(report_id)}( \(|$)")).first.click()
    settle(page)
    page.get_by_role("button", name="Record and take it out of the inbox").click()
    page.get_by_text(f"Recorded for {report_id}").wait_for()
    settle(page)
    _no_exception(page)

    _open(page, "Review links")
    undo = page.get_by_role("button", name=f"Undo: confirmed E2E-S77 ↔ {report_id}")
    undo.click()
    page.get_by_text(f"Undid the decision on E2E-S77 ↔ {report_id}").wait_for()

    _open(page, "Search")
    page.get_by_label("Search reports", exact=True).fill("phone ends in 0177")
    page.keyboard.press("Enter")
    page.get_by_text("Searching for: 0177").wait_for()
    settle(page)
    table = page.locator('[data-testid="stDataFrame"]').filter(has_text="E2E-S77")
    table.first.wait_for()

    _open(page, "Sheet")
    page.get_by_text("HTML for the web", exact=True).click()
    settle(page)
    page.get_by_role("button", name="Publish the sheet").click()
    download = page.get_by_role("button", name="Download bad-date-sheet-")
    download.wait_for(timeout=60_000)
    with page.expect_download() as sheet:
        download.click()
    assert sheet.value.suggested_filename.endswith(".html")
    page.get_by_label("Report", exact=True).last.click()
    page.keyboard.type(report_id)
    page.get_by_role("option", name=re.compile(rf"^{re.escape(report_id)}( \(|$)")).first.wait_for()
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("button", name="Write the alert").click()
    settle(page)
    alert = page.get_by_text(f"Alert for {report_id}").or_(page.get_by_text("No alert is due"))
    alert.first.wait_for()
    _no_exception(page)
    page.screenshot(path=tmp_path / "co-ordinator-alert.png", full_page=True)
    assert non_local(journeys.requests) == []


def test_the_liaison_works_the_queue_into_a_case_and_exports_it(
    tab, journeys: LiveDashboard
) -> None:
    page = tab
    log_in(page, journeys.url, "lee")
    assert "New report" not in nav_titles(page)
    assert _where_to_start(page) == ["Priority queue", "Case", "Search"]

    _open(page, "Priority queue")
    page.get_by_label("Jurisdiction", exact=True).click()
    page.get_by_role("option", name="unknown", exact=True).click()
    settle(page)
    page.locator('[data-testid="stDataFrame"]').first.click(position={"x": 12, "y": 52})
    settle(page)
    opener = page.get_by_role("link", name="Open the case of")
    opener.wait_for()
    chosen = opener.inner_text().split("Open the case of ")[1].split(":")[0]
    opener.click()
    page.get_by_role("heading", name="Case", level=1).wait_for()
    settle(page)

    page.get_by_role("button", name="Record status change").click()
    page.get_by_text("Choose the new status first").wait_for()
    page.get_by_label("New status", exact=True).click()
    page.get_by_role("option", name="reviewed by liaison", exact=True).click()
    page.get_by_label("Note (optional)", exact=True).fill("filed in PRIME; patrol told")
    page.get_by_role("button", name="Record status change").click()
    page.get_by_text(f"{chosen}: status changed from new to reviewed by liaison").wait_for()
    history = page.locator('[data-testid="stDataFrame"]').filter(has_text="patrol told")
    history.first.wait_for()

    page.get_by_role("button", name="Prepare the case file (PDF)").click()
    pdf = page.get_by_role("button", name=f"Download case-{chosen}.pdf")
    pdf.wait_for(timeout=60_000)
    with page.expect_download() as case_file:
        pdf.click()
    assert Path(case_file.value.path()).read_bytes().startswith(b"%PDF")
    with page.expect_download() as table:
        page.get_by_role("button", name="Export the case file (CSV)").click()
    assert table.value.suggested_filename == f"case-{chosen}.csv"
    _no_exception(page)
    assert non_local(journeys.requests) == []


def test_the_stakeholder_reads_trends_and_downloads_the_monthly_report(
    tab, journeys: LiveDashboard
) -> None:
    page = tab
    log_in(page, journeys.url, "stella")
    assert nav_titles(page) == ["Overview", "Trends"]
    assert _where_to_start(page) == ["Trends"]
    _open(page, "Trends")
    page.locator(".vega-embed").first.wait_for()
    page.get_by_label("Sector", exact=True).click()
    page.get_by_role("option", name="street", exact=True).click()
    page.keyboard.press("Escape")
    page.get_by_text("Counting only the reports that match every filter").wait_for()
    settle(page)
    page.get_by_role("tab", name="Map").click()
    page.get_by_role("heading", name="Where incidents happened").wait_for()
    settle(page)
    page.get_by_role("tab", name="Responsiveness and monthly report").click()
    page.get_by_role("heading", name="Monthly report").wait_for()
    settle(page)
    page.get_by_role("button", name="Generate the monthly report").click()
    button = page.get_by_role("button", name="Download bad-date-report-")
    button.wait_for(timeout=60_000)
    with page.expect_download() as report:
        button.click()
    assert report.value.suggested_filename.startswith("bad-date-report-2026-")
    assert page.get_by_text("E2E-S").count() == 0
    _no_exception(page)
    assert non_local(journeys.requests) == []


def test_the_admin_adds_a_user_and_reads_why_a_row_was_set_aside(
    tab, journeys: LiveDashboard, tmp_path: Path
) -> None:
    page = tab
    log_in(page, journeys.url, "ada")
    assert nav_titles(page) == ["Overview", "Admin"]
    _open(page, "Admin")

    page.get_by_role("tab", name="Users").click()
    page.get_by_label("User name", exact=True).fill("sam")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Add the user").click()
    page.get_by_text("Added sam as co-ordinator.").wait_for()

    intake = tmp_path / "with-a-bad-row.csv"
    intake.write_text(
        "report_id,received_at,what_happened,aggressor_phone\n"
        "E2E-J1,2026-05-01,followed me to the bus stop,778-555-0166\n"
        "E2E-J2,2026-05-02,,\n",
        encoding="utf-8",
    )
    page.get_by_role("tab", name="Load a file").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(intake)
    page.get_by_role("button", name="Load into the store").click()
    page.get_by_text("Loaded 1 new report(s)").wait_for()
    page.get_by_text("Quarantined rows were not loaded").wait_for()

    page.get_by_role("tab", name="Ingest runs").click()
    page.locator('[data-testid="stDataFrame"]').filter(has_text="with-a-bad-row.csv").wait_for()
    page.get_by_role("tab", name="Quarantined rows").click()
    reasons = page.locator('[data-testid="stDataFrame"]').filter(has_text="nothing to go on")
    reasons.wait_for()
    assert "bdars-upload-" not in reasons.inner_text()
    page.get_by_role("tab", name="Audit log").click()
    page.locator('[data-testid="stDataFrame"]').filter(has_text="user.add").wait_for()
    _no_exception(page)

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("button", name="Log in").wait_for()
    log_in(page, journeys.url, "sam")
    assert "New report" in nav_titles(page)
    assert non_local(journeys.requests) == []

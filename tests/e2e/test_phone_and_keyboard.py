"""The New report page on a phone-sized screen, and the whole form reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import LiveDashboard, log_in, non_local, recording_page, settle

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FORM_LABELS = [
    "Your phone or email (kept only if you said yes above)",
    "When did it happen?",
    "Where?",
    "What happened?",
    "What did they look like?",
    "Phone number(s) they used",
    "Vehicle",
    "Plate (even partial)",
]


@pytest.fixture
def phone_page(browser: object, live_dashboard: LiveDashboard) -> Iterator[object]:
    with recording_page(
        browser,
        live_dashboard,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    ) as tab:
        yield tab


def _open_new_report(page: object, url: str) -> None:
    log_in(page, url, "cora")
    link = page.get_by_role("link", name="New report", exact=True)  # type: ignore[attr-defined]
    expand = page.locator('[data-testid="stExpandSidebarButton"]')  # type: ignore[attr-defined]
    if expand.is_visible():
        expand.click()
    link.click()
    page.get_by_role("heading", name="New report", level=1).wait_for()  # type: ignore[attr-defined]
    settle(page)


def test_a_report_can_be_taken_on_a_phone(phone_page, live_dashboard: LiveDashboard) -> None:
    page = phone_page
    _open_new_report(page, live_dashboard.url)
    if page.locator('[data-testid="stSidebar"][data-collapsed="false"]').count():
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        page.locator('[data-testid="stSidebar"][data-collapsed="true"]').wait_for(state="attached")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px wide)"
    for label in FORM_LABELS:
        box = page.get_by_label(label, exact=True).bounding_box()
        assert box is not None and box["x"] >= 0, label
        assert box["x"] + box["width"] <= PHONE["width"], f"{label!r} runs off the screen"
    page.get_by_label("What happened?", exact=True).fill("took the money back, pushed me out")
    page.get_by_label("Phone number(s) they used", exact=True).fill("250 555 0177")
    page.get_by_role("button", name="Save the report").tap()
    page.get_by_text("Saved as report").wait_for()
    assert non_local(live_dashboard.requests) == []


def test_the_new_report_form_is_filled_and_saved_from_the_keyboard(
    page, live_dashboard: LiveDashboard
) -> None:
    _open_new_report(page, live_dashboard.url)
    page.get_by_label("May the co-ordinator contact you about this report?").first.focus()
    reached: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const element = document.activeElement;
                if (!element) return "";
                if (element.getAttribute("aria-label")) return element.getAttribute("aria-label");
                if (element.id) {
                    const label = document.querySelector(`label[for="${element.id}"]`);
                    if (label) return label.innerText.trim();
                }
                return element.innerText ? element.innerText.trim() : "";
            }"""
        )
        reached.append(focused)
        if focused == "What happened?":
            page.keyboard.type("followed me to my car and kicked the door")
        if focused == "Save the report":
            break
    missing = [label for label in FORM_LABELS if label not in reached]
    assert missing == [], f"Tab never reached {missing}; it went through {reached}"
    assert reached[-1] == "Save the report"
    page.keyboard.press("Enter")
    page.get_by_text("Saved as report").wait_for()

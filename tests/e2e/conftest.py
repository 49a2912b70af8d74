"""The real dashboard in a real browser: ``bdars dashboard`` on a free port against a fresh store,
driven by Debian's Chromium through Playwright (no browser download).

Browser tests are marked ``browser``. They skip when Chromium or Playwright is missing, unless
``BDARS_REQUIRE_BROWSER=1`` (set by CI), which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import insert

from analytics.features import FEATURE_COLUMNS
from pipelines.settings import load_settings
from pipelines.storage.tables import features
from tests.conftest import BDARS, Store, _base_environ

CHROMIUM = Path(os.environ.get("BDARS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_BROWSER = os.environ.get("BDARS_REQUIRE_BROWSER") == "1"
PASSWORD = "a long e2e password"
ROLE_USERS = {
    "co-ordinator": "cora",
    "liaison": "lee",
    "stakeholder": "stella",
    "admin": "ada",
}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def _missing_browser() -> str:
    if not CHROMIUM.is_file():
        return (
            f"Chromium not found at {CHROMIUM} (apt-get install chromium, see .ci/system-packages)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    return ""


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    missing = _missing_browser()
    if missing:
        if REQUIRE_BROWSER:
            pytest.fail(f"BDARS_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveDashboard:
    url: str
    store: Store
    process: subprocess.Popen[bytes]
    log: Path
    requests: list[str] = field(default_factory=list)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"bdars dashboard exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"bdars dashboard did not answer within 60 s:\n{log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


SECTORS = ("street", "street", "street", "indoor", "online", "outcall")
HARMS = ("robbery;threats", "physical_assault", "non_payment", "time_waster", "strangulation")
HOODS = ("Fernwood", "Downtown", "Downtown", "James Bay", "", "Burnside Gorge", "Fernwood")


def _sample_intake(path: Path, count: int = 120) -> list[dict[str, str]]:
    """A small made-up intake file; returns the feature rows the trends page will count."""
    lines = ["report_id,received_at,what_happened,aggressor_phone,sector"]
    features = []
    for i in range(count):
        month = 1 + i % 6
        lines.append(
            f"E2E-S{i},2026-{month:02d}-{1 + i % 27:02d},"
            f"report number {i} about a bad date,250-555-01{i % 100:02d},{SECTORS[i % 6]}"
        )
        features.append(
            {
                "report_id": f"E2E-S{i}",
                "received_at": f"2026-{month:02d}-01",
                "sector": SECTORS[i % 6],
                "incident_types": HARMS[i % 5] if i != 7 else "weapon",
                "phones": f"+125055501{i % 100:02d}",
                "neighbourhood": HOODS[i % 7],
                "municipality": "Victoria" if HOODS[i % 7] else "",
            }
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return features


def _seed(store: Store, folder: Path) -> None:
    """Reports through the real ``bdars ingest``, one user per role through ``bdars users add``.

    Feature rows are written directly (the normaliser is tested on its own), so the trends page
    has something to count whatever state the normaliser is in.
    """
    folder.mkdir(parents=True, exist_ok=True)
    intake = folder / "intake.csv"
    feature_rows = _sample_intake(intake)
    for step in (("init",), ("ingest", str(intake))):
        result = store.bdars(*step)
        assert result.returncode == 0, (step, result.stderr)
    with store.engine() as engine, engine.begin() as connection:
        connection.execute(
            insert(features),
            [
                {**dict.fromkeys(FEATURE_COLUMNS, ""), **row, "normaliser_version": "e2e"}
                for row in feature_rows
            ],
        )
    for role, name in ROLE_USERS.items():
        added = store.bdars(
            "users", "add", name, "--role", role, "--password-stdin", input_text=PASSWORD + "\n"
        )
        assert added.returncode == 0, added.stderr


@contextmanager
def running_dashboard(folder: Path, *, run_pipeline: bool = False) -> Iterator[LiveDashboard]:
    """``bdars dashboard`` on a free port, on a fresh store in ``folder`` with a synthetic sample
    and one user per role (and ``bdars run`` over it first, when asked)."""
    environ = _base_environ(folder / "bdars-data")
    store = Store("sqlite", load_settings(environ), environ)
    _seed(store, folder / "sample")
    if run_pipeline:
        ran = store.bdars("run")
        assert ran.returncode == 0, ran.stderr
    port = _free_port()
    log = folder / "dashboard.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*BDARS, "dashboard", "--port", str(port)],
            env=store.environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://localhost:{port}"
    try:
        _wait_until_up(url, process, log)
        yield LiveDashboard(url=url, store=store, process=process, log=log)
    finally:
        _stop(process)


@contextmanager
def recording_page(
    browser: object, dashboard: LiveDashboard, **options: object
) -> Iterator[object]:
    """A fresh browser context and page (``options`` go to ``new_context``) that records the
    address of every request it makes in ``dashboard.requests``."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    dashboard.requests.clear()
    tab.on("request", lambda request: dashboard.requests.append(request.url))
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def live_dashboard(
    browser: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveDashboard]:
    """The dashboard the browser tests share (each gets its own browser context)."""
    with running_dashboard(tmp_path_factory.mktemp("live-dashboard")) as dashboard:
        yield dashboard


@pytest.fixture
def page(browser: object, live_dashboard: LiveDashboard) -> Iterator[object]:
    """A fresh browser page that records the address of every request it makes."""
    with recording_page(browser, live_dashboard) as tab:
        yield tab


def non_local(urls: list[str]) -> list[str]:
    """The requests that left this machine (``data:`` and ``blob:`` URLs never do)."""
    return [
        url
        for url in urls
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
        and urlsplit(url).hostname not in LOCAL_HOSTS
    ]


def log_in(page: object, url: str, name: str, password: str = PASSWORD, path: str = "") -> None:
    page.goto(f"{url}/{path}")  # type: ignore[attr-defined]
    if path:
        page.get_by_text("Page not found").wait_for()  # type: ignore[attr-defined]
        page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.get_by_label("User name", exact=True).fill(name)  # type: ignore[attr-defined]
    page.get_by_label("Password", exact=True).fill(password)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Log in").click()  # type: ignore[attr-defined]
    page.get_by_text(f"Signed in as {name}").wait_for()  # type: ignore[attr-defined]
    page.locator('[data-testid="stSidebarNavLink"]').first.wait_for()  # type: ignore[attr-defined]
    page.get_by_role("heading", name="Overview", level=1).wait_for()  # type: ignore[attr-defined]


def nav_titles(page: object) -> list[str]:
    links = page.locator('[data-testid="stSidebarNavLink"]')  # type: ignore[attr-defined]
    return [link.inner_text().split("\n")[-1].strip() for link in links.all()]


APP = '[data-testid="stApp"]'


def settle(page: object) -> None:
    """Wait until the page's script has finished (call it once the page's heading is shown: the
    heading comes from the new run, so the run has started by then)."""
    page.wait_for_selector(  # type: ignore[attr-defined]
        f'{APP}[data-test-script-state="notRunning"]', state="attached"
    )

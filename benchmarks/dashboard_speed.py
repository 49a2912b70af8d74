"""First render time of every dashboard page, per role, with N synthetic reports in the store.

    .venv/bin/python benchmarks/dashboard_speed.py --reports 100000 [--data-dir DIR]

Builds the store with the real commands (init, synth, ingest, run) unless DIR already holds one,
starts ``bdars dashboard``, logs in as each role in headless Chromium and times, for each page,
the click on its menu entry until the page has finished running. Goal: every page under 2 s.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

BDARS = [sys.executable, "-m", "pipelines.cli"]
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
PASSWORD = "benchmark password"
ROLES = {
    "co-ordinator": "bench-cora",
    "liaison": "bench-lee",
    "stakeholder": "bench-stella",
    "admin": "bench-ada",
}


def bdars(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run([*BDARS, *args], env=env, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bdars {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def build_store(env: dict[str, str], data_dir: Path, reports: int, run: bool) -> None:
    sample = data_dir / "sample"
    fresh: list[tuple[str, ...]] = []
    if (sample / "reports.csv").exists():
        print(f"reusing the store in {data_dir} (bdars init and run bring it up to date)")
    else:
        fresh = [
            ("synth", "--reports", str(reports), "--seed", "7", "--out", str(sample)),
            ("ingest", str(sample / "reports.csv")),
        ]
    steps = [("init",), *fresh, *([("run",)] if run or fresh else [])]
    for step in steps:
        started = time.perf_counter()
        bdars(env, *step)
        print(f"bdars {step[0]}: {time.perf_counter() - started:.1f} s")
    listed = bdars(env, "users", "list")
    for role, name in ROLES.items():
        if name not in listed.split():
            bdars(env, "users", "add", name, "--role", role, "--password-stdin", stdin=PASSWORD)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the dashboard did not start within 60 s")


APP = '[data-testid="stApp"]'


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page's script has finished (call it once the page's heading is shown: the
    heading comes from the new run, so the run has started by then)."""
    page.wait_for_selector(
        f'{APP}[data-test-script-state="notRunning"]', state="attached", timeout=120_000
    )


def time_pages(url: str) -> list[tuple[str, str, float]]:
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for role, name in ROLES.items():
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(url)
            page.get_by_label("User name", exact=True).fill(name)
            page.get_by_label("Password", exact=True).fill(PASSWORD)
            started = time.perf_counter()
            page.get_by_role("button", name="Log in").click()
            page.get_by_role("heading", name="Overview", level=1).wait_for()
            settle(page)
            rows.append((role, "login → Overview", time.perf_counter() - started))
            links = page.locator('[data-testid="stSidebarNavLink"]')
            titles = [link.inner_text().split("\n")[-1].strip() for link in links.all()]
            for title in titles:
                if title == "Overview":
                    continue
                started = time.perf_counter()
                page.get_by_role("link", name=title, exact=True).click()
                page.get_by_role("heading", name=title, level=1).wait_for()
                settle(page)
                rows.append((role, title, time.perf_counter() - started))
            page.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument(
        "--no-run",
        action="store_true",
        help="Reuse the store in --data-dir as it is (no bdars run).",
    )
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bdars-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BDARS_")}
    env.update(BDARS_DATA_DIR=str(data_dir), BDARS_USER="benchmark")
    build_store(env, data_dir, args.reports, run=not args.no_run)
    port = free_port()
    url = f"http://localhost:{port}"
    server = subprocess.Popen(
        [*BDARS, "dashboard", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_up(url)
        rows = time_pages(url)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print(f"\nfirst render with {args.reports:,} reports ({data_dir})")
    print(f"{'role':<14}{'page':<20}{'seconds':>8}")
    for role, page, seconds in rows:
        flag = "" if seconds < 2 else "  (over 2 s)"
        print(f"{role:<14}{page:<20}{seconds:>8.2f}{flag}")


if __name__ == "__main__":
    main()

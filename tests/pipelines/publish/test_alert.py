from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from pipelines import audit
from tests.conftest import Store
from tests.pipelines.publish.seed import (
    ADDRESS,
    REPORTER_CONTACT,
    REPORTER_NAME,
    seed,
    sheet_reports,
)
from tests.pipelines.publish.test_sheet import run_captured, run_in_process

SECRETS = [ADDRESS, REPORTER_NAME, REPORTER_CONTACT, "BV421K", "Fernwood", "grabbed", "Mike"]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def seeded(initialised_store: Store) -> Store:
    with initialised_store.engine() as engine:
        seed(engine, initialised_store.settings, sheet_reports())
    return initialised_store


def test_alert_for_a_known_aggressor_prints_sms_and_email(seeded: Store) -> None:
    result = seeded.bdars("alert", "r-3")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Matches a known aggressor (4 reports since March" in out
    sms = out.split("--- SMS (")[1].split("--- Email ---")[0]
    length = int(re.match(r"(\d+) characters", sms).group(1))  # type: ignore[union-attr]
    text = sms.split("---\n", 1)[1].strip()
    assert len(text) == length <= 320
    for expected in (
        "Choking, robbery",
        "Identified by police",
        "Phone 250-555-0134",
        "Plate BV42**",
        "Burnside Gorge",
    ):
        assert expected in text
    assert "Subject: Bad date alert: choking, robbery in Burnside Gorge" in out
    for secret in SECRETS:
        assert secret not in out, secret


def test_no_alert_below_the_policy_threshold(
    seeded: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shipped = Path("analytics/reference/redaction_policy.toml").read_text("utf-8")
    strict = tmp_path / "strict.toml"
    strict.write_text(shipped.replace("min_severity = 4", "min_severity = 5"), "utf-8")
    code, out, _ = run_captured(
        seeded, monkeypatch, capsys, "alert", "r-solo", "--policy", str(strict)
    )
    assert code == 0 and out.startswith("No alert is due for r-solo") and "SMS" not in out
    code, out, _ = run_captured(seeded, monkeypatch, capsys, "alert", "r-solo")
    assert code == 0 and out.startswith("Why: High severity: serious violence.")
    code, stderr = run_in_process(seeded, monkeypatch, capsys, "alert", "r-none")
    assert code == 2 and "no normalised report with id 'r-none'" in stderr


def test_sending_through_a_local_smtp_server(
    seeded: Store,
    smtp_server: tuple[Inbox, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inbox, port = smtp_server
    monkeypatch.setenv("BDARS_SMTP_FROM", "alerts@peers.example.org")
    code, stderr = run_in_process(
        seeded,
        monkeypatch,
        capsys,
        "alert",
        "r-3",
        "--send",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(port),
        "--smtp-from",
        "alerts@peers.example.org",
        "--no-starttls",
        "--to",
        "outreach@example.org,van@example.org",
        "--sms-to",
        "2505550100@sms.example.org",
    )
    assert code == 0, stderr
    assert len(inbox.messages) == 2
    (email_to, email), (sms_to, sms) = inbox.messages
    assert email_to == ["outreach@example.org", "van@example.org"]
    assert email["Subject"] == "Bad date alert: choking, robbery in Burnside Gorge (street-based)"
    assert "4 reports since March" in email.get_payload()
    assert sms_to == ["2505550100@sms.example.org"] and sms["Subject"] is None
    body = sms.get_payload().strip()
    assert len(body) <= 320 and body.startswith("Peers Victoria bad date alert:")
    for secret in SECRETS:
        assert secret not in email.get_payload() + body
    with seeded.engine() as engine:
        log = audit.read(engine)
    sent = log[log["action"] == "alert.send"]
    assert list(sent["detail"]) == ["2 email and 1 SMS recipients"]
    assert "example.org" not in " ".join(log["detail"])


def test_sending_problems_are_clean_messages(
    seeded: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, stderr = run_in_process(seeded, monkeypatch, capsys, "alert", "r-3", "--send")
    assert code == 2
    assert "no SMTP server" in stderr and "no recipients" in stderr
    code, stderr = run_in_process(
        seeded,
        monkeypatch,
        capsys,
        "alert",
        "r-3",
        "--send",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(_free_port()),
        "--smtp-from",
        "a@example.org",
        "--to",
        "b@example.org",
        "--no-starttls",
    )
    assert code == 2 and "could not send the alert through 127.0.0.1" in stderr

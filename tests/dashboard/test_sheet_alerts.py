from __future__ import annotations

import socket
from datetime import date

import pytest
from streamlit.util import calc_hash

from analytics.publish.alerts import SMS_LIMIT
from pipelines import audit
from pipelines.dashboard_publish import sending_problems
from tests.dashboard.conftest import Dashboard
from tests.dashboard.test_intake_pages import normalised  # noqa: F401 - a fixture


def _alert_for(dashboard: Dashboard, report_id: str):
    at = dashboard.logged_in("co-ordinator")
    at.switch_page("views/sheet.py").run()
    at.date_input(key="sheet_since").set_value(date(2026, 3, 1))
    at.date_input(key="sheet_until").set_value(date(2026, 4, 30)).run()
    options = at.selectbox(key="alert_report").options
    assert any(shown.startswith("T-1 (entry ") and shown.endswith(" above)") for shown in options)
    at.selectbox(key="alert_report").set_value(report_id).run()
    at.button(key="alert_write").click().run()
    assert not at.exception, at.exception
    return at


def test_an_alert_is_written_for_copying_and_audited(normalised, monkeypatch) -> None:  # noqa: F811
    for name in ("BDARS_SMTP_HOST", "BDARS_SMTP_FROM", "BDARS_ALERT_TO", "BDARS_ALERT_SMS_TO"):
        monkeypatch.delenv(name, raising=False)
    at = _alert_for(normalised, "T-1")
    sms, subject, email = (block.value for block in at.code)
    assert 0 < len(sms) <= SMS_LIMIT
    assert f"SMS: {len(sms)} of at most {SMS_LIMIT} characters" in " ".join(
        caption.value for caption in at.caption
    )
    assert subject and len(email) > len(sms)
    assert "Why:" in at.markdown[-1].value
    assert any("Sending from here is off" in caption.value for caption in at.caption)
    assert not [button for button in at.button if button.key == "alert_send"]
    with normalised.store.engine() as engine:
        log = audit.read(engine)
    written = log[log["action"] == "alert.write"]
    assert list(written["target"]) == ["report:T-1"]
    assert list(written["user_name"]) == ["cora"]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_sending_is_offered_only_when_smtp_is_configured_and_failures_are_said(
    normalised,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BDARS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BDARS_SMTP_PORT", str(_closed_port()))
    monkeypatch.setenv("BDARS_SMTP_FROM", "alerts@example.org")
    monkeypatch.setenv("BDARS_ALERT_TO", "group@example.org")
    at = _alert_for(normalised, "T-1")
    at.button(key="alert_send").click().run()
    assert not at.exception, at.exception
    assert "could not send the alert through 127.0.0.1" in at.error[0].value
    with normalised.store.engine() as engine:
        log = audit.read(engine)
    assert "alert.send" not in set(log["action"])


@pytest.mark.parametrize(
    ("environ", "problem"),
    [
        ({}, "no SMTP server"),
        ({"BDARS_SMTP_HOST": "mail.example.org"}, "no sender address"),
        ({"BDARS_SMTP_HOST": "h", "BDARS_SMTP_FROM": "a@example.org"}, "no recipients"),
        (
            {
                "BDARS_SMTP_HOST": "h",
                "BDARS_SMTP_FROM": "a@example.org",
                "BDARS_SMTP_USER": "u",
                "BDARS_ALERT_TO": "b@example.org",
            },
            "no password",
        ),
    ],
)
def test_sending_problems_name_what_is_missing(environ: dict[str, str], problem: str) -> None:
    assert problem in "; ".join(sending_problems(environ))


def test_ready_to_send_when_server_sender_and_recipients_are_set() -> None:
    environ = {
        "BDARS_SMTP_HOST": "h",
        "BDARS_SMTP_FROM": "a@example.org",
        "BDARS_ALERT_SMS_TO": "5550100@sms.example.org",
    }
    assert sending_problems(environ) == []


@pytest.mark.parametrize("role", ["liaison", "stakeholder", "admin"])
def test_only_the_co_ordinator_reaches_the_sheet_and_alerts(dashboard, role: str) -> None:
    at = dashboard.logged_in(role)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/sheet.py")
    at._page_hash = calc_hash("sheet")
    at.run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Overview"]
    assert not [box for box in at.selectbox if box.key == "alert_report"]

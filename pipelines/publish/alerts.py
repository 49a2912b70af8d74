"""Community alerts for one report: the SMS and email text, and optional sending by SMTP.

SMS goes out as plain email to the addresses given for it (most SMS gateways and group-text
services accept email); the email alert goes to its own list. Recipients' addresses are never
written to the audit log, only how many there were.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage

from sqlalchemy import Engine

from analytics.publish.alerts import Alert, build_alert
from analytics.publish.redaction import RedactionPolicy
from analytics.publish.sheet import identified_targets
from pipelines import audit
from pipelines.errors import BdarsError, ConfigError, NotFoundError
from pipelines.publish.data import ALERT_ACTION, load_changes, load_reports

__all__ = ["SendError", "SmtpSettings", "alert_for", "send_alert"]

SEND_ACTION = "alert.send"


class SendError(BdarsError):
    """The SMTP server refused or could not be reached."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    sender: str = ""
    user: str = ""
    password: str = ""
    starttls: bool = True
    timeout: float = 30.0

    def problems(self) -> list[str]:
        found = []
        if not self.host:
            found.append("no SMTP server (--smtp-host or BDARS_SMTP_HOST)")
        if not self.sender:
            found.append("no sender address (--smtp-from or BDARS_SMTP_FROM)")
        if self.user and not self.password:
            found.append("an SMTP user but no password (BDARS_SMTP_PASSWORD)")
        return found


def alert_for(
    engine: Engine, report_id: str, policy: RedactionPolicy, user: str, today: date | None = None
) -> Alert:
    """The alert for ``report_id`` as it stands today; written to the audit log."""
    reports = load_reports(engine)
    row = reports[reports["report_id"] == report_id]
    if row.empty:
        raise NotFoundError(
            f"no normalised report with id {report_id!r}; check the id, and run `bdars run` "
            "if it was loaded recently."
        )
    day = today or datetime.now().astimezone().date()
    aggressor = str(row["aggressor_id"].iloc[0] or "")
    profile = reports[reports["aggressor_id"] == aggressor] if aggressor else row
    flagged = identified_targets(load_changes(engine), day)
    identified = any(t in flagged for t in (aggressor, *profile["report_id"]) if t)
    alert = build_alert(row, profile, identified, day, policy)
    audit.record(
        engine, user, ALERT_ACTION, f"report:{report_id}", "due" if alert.due else "not due"
    )
    return alert


def _message(sender: str, recipients: list[str], subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    if subject:
        message["Subject"] = subject
    message.set_content(body)
    return message


def send_alert(
    engine: Engine,
    alert: Alert,
    report_id: str,
    smtp: SmtpSettings,
    email_to: list[str],
    sms_to: list[str],
    user: str,
) -> int:
    """Send the email and the SMS text; returns how many messages were accepted."""
    problems = smtp.problems()
    if not email_to and not sms_to:
        problems.append("no recipients (--to or --sms-to)")
    if problems:
        raise ConfigError("cannot send the alert: " + "; ".join(problems) + ".")
    messages = []
    if email_to:
        messages.append(_message(smtp.sender, email_to, alert.subject, alert.email))
    if sms_to:
        messages.append(_message(smtp.sender, sms_to, "", alert.sms))
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as server:
            if smtp.starttls:
                server.starttls(context=ssl.create_default_context())
            if smtp.user:
                server.login(smtp.user, smtp.password)
            for message in messages:
                server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise SendError(
            f"could not send the alert through {smtp.host}:{smtp.port}: {error}. Check the "
            "server, port and login, or use --no-starttls for a server without TLS."
        ) from None
    audit.record(
        engine,
        user,
        SEND_ACTION,
        f"report:{report_id}",
        f"{len(email_to)} email and {len(sms_to)} SMS recipients",
    )
    return len(messages)

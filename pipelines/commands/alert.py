"""``bdars alert``: write (and optionally send) a community alert for one report."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.commands.common import current_user, settings_and_engine
from pipelines.publish.alerts import SmtpSettings, alert_for, send_alert
from pipelines.publish.data import load_policy


def _addresses(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.command()
@click.argument("report_id")
@click.option("--send", is_flag=True, help="Send the alert through the SMTP server (see below).")
@click.option(
    "--policy",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Redaction policy file (default: the shipped analytics/reference/redaction_policy.toml).",
)
@click.option(
    "--to",
    "email_to",
    multiple=True,
    envvar="BDARS_ALERT_TO",
    help="Email recipients (repeat or comma-separate; env BDARS_ALERT_TO).",
)
@click.option(
    "--sms-to",
    multiple=True,
    envvar="BDARS_ALERT_SMS_TO",
    help="Email-to-SMS gateway addresses for the short text (env BDARS_ALERT_SMS_TO).",
)
@click.option(
    "--smtp-host",
    envvar="BDARS_SMTP_HOST",
    default="",
    help="SMTP server name (env BDARS_SMTP_HOST).",
)
@click.option(
    "--smtp-port",
    envvar="BDARS_SMTP_PORT",
    type=click.IntRange(1, 65535),
    default=587,
    show_default=True,
    help="SMTP port (env BDARS_SMTP_PORT).",
)
@click.option(
    "--smtp-from",
    envvar="BDARS_SMTP_FROM",
    default="",
    help="Sender address (env BDARS_SMTP_FROM).",
)
@click.option(
    "--smtp-user",
    envvar="BDARS_SMTP_USER",
    default="",
    help="SMTP login name; the password comes from env BDARS_SMTP_PASSWORD only.",
)
@click.option(
    "--starttls/--no-starttls",
    envvar="BDARS_SMTP_STARTTLS",
    default=True,
    show_default=True,
    help="Upgrade the connection with STARTTLS before sending.",
)
def alert(
    report_id: str,
    send: bool,
    policy: Path | None,
    email_to: tuple[str, ...],
    sms_to: tuple[str, ...],
    smtp_host: str,
    smtp_port: int,
    smtp_from: str,
    smtp_user: str,
    starttls: bool,
) -> None:
    """Write the community alert for REPORT_ID: an SMS (at most 320 characters) and an email.

    An alert is due when the report is high severity or matches a known aggressor; otherwise
    nothing is written or sent. The text follows the redaction policy, as the sheet does. With
    --send it goes to the recipients through the configured SMTP server.
    """
    import os

    _, engine = settings_and_engine()
    user = current_user()
    try:
        result = alert_for(engine, report_id, load_policy(policy), user)
        if not result.due:
            click.echo(
                f"No alert is due for {report_id}: it is below the policy's alert severity and "
                "matches no known aggressor. It will appear on the next sheet."
            )
            return
        click.echo("Why: " + " ".join(result.reasons))
        click.echo(f"\n--- SMS ({len(result.sms)} characters) ---\n{result.sms}")
        click.echo(f"\n--- Email ---\nSubject: {result.subject}\n\n{result.email}")
        if send:
            smtp = SmtpSettings(
                host=smtp_host,
                port=smtp_port,
                sender=smtp_from,
                user=smtp_user,
                password=os.environ.get("BDARS_SMTP_PASSWORD", ""),
                starttls=starttls,
            )
            sent = send_alert(
                engine, result, report_id, smtp, _addresses(email_to), _addresses(sms_to), user
            )
            click.echo(f"Sent {sent} message(s) through {smtp_host}:{smtp_port}.")
    finally:
        engine.dispose()

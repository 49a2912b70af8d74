"""Community alerts: a warning in SMS length (at most 320 characters) and in email length.

An alert is due when a new report is at or above the policy's severity (``alerts.min_severity``)
or matches a known aggressor (a profile with more than one report). The text comes from the same
entry as the sheet, so the redaction policy applies unchanged. When the SMS would be too long,
the least urgent parts go first (the closing line, then the description, the vehicle …); the
place, the harm and the phone stay to the last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from analytics.publish.redaction import RedactionPolicy
from analytics.publish.sheet import SheetEntry, entry_for
from analytics.vocabulary import SEVERITY_LABELS

__all__ = ["SMS_LIMIT", "Alert", "alert_reasons", "build_alert", "sms_text"]

SMS_LIMIT = 320
ELLIPSIS = "…"


@dataclass(frozen=True)
class Alert:
    reasons: tuple[str, ...]
    sms: str
    subject: str
    email: str

    @property
    def due(self) -> bool:
        return bool(self.reasons)


def alert_reasons(entry: SheetEntry, profile_size: int, policy: RedactionPolicy) -> list[str]:
    """Why an alert is due (plain sentences), or an empty list when it is not."""
    reasons = []
    if entry.severity >= policy.alert_min_severity:
        reasons.append(f"High severity: {SEVERITY_LABELS[entry.severity]}.")
    if profile_size > 1:
        reasons.append(f"Matches a known aggressor ({entry.repeat}).")
    return reasons


def _few(items: tuple[str, ...], most: int = 3) -> str:
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def _sms_parts(entry: SheetEntry) -> list[tuple[int, str]]:
    """(priority, text) in reading order; a lower priority is dropped first."""
    place = f"{entry.when}, {entry.where}" if entry.where else entry.when
    return [
        (9, place + "."),
        (9, (entry.harms[:1].upper() + entry.harms[1:] + ".") if entry.harms else ""),
        (4, f"Known aggressor: {entry.repeat}." if entry.repeat else ""),
        (8, entry.identified_text + "." if entry.identified else ""),
        (7, ("Phone " + _few(entry.phones) + ".") if entry.phones else ""),
        (6, ("Plate " + _few(entry.plates) + ".") if entry.plates else ""),
        (5, "Vehicle: " + "; ".join(entry.vehicles) + "." if entry.vehicles else ""),
        (
            3,
            entry.description[:1].upper() + entry.description[1:] + "."
            if entry.description
            else "",
        ),
    ]


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def sms_text(entry: SheetEntry, policy: RedactionPolicy, limit: int = SMS_LIMIT) -> str:
    """The alert in at most ``limit`` characters."""
    head = f"{policy.alert_sender}:"
    parts = [(priority, text) for priority, text in _sms_parts(entry) if text]
    closing = policy.alert_closing

    def join(items: list[tuple[int, str]], tail: str) -> str:
        return " ".join([head, *(text for _, text in items), *([tail] if tail else [])])

    if len(join(parts, closing)) <= limit:
        return join(parts, closing)
    while parts:
        text = join(parts, "")
        if len(text) <= limit:
            return text
        lowest = min(range(len(parts)), key=lambda i: (parts[i][0], -i))
        priority, item = parts[lowest]
        if priority >= 9 or len(parts) == 1:
            return _fit(text, limit)
        room = limit - (len(text) - len(item))
        if priority == 3 and room > 20:
            parts[lowest] = (priority, _fit(item, room))
        else:
            parts.pop(lowest)
    return _fit(head, limit)


def _email(entry: SheetEntry, reasons: list[str], policy: RedactionPolicy) -> tuple[str, str]:
    where = f" in {entry.where}" if entry.where else ""
    subject = f"Bad date alert: {entry.harms or 'a report'}{where}"
    lines = [policy.alert_sender, "", "A new bad date report:", ""]
    lines += [f"{label}: {text}" for label, text in entry.lines]
    if entry.markers:
        lines += ["", *entry.markers]
    lines += [
        "",
        "Why this alert: " + " ".join(reasons),
        "",
        policy.alert_closing,
        "Please do not reply with anything about yourself or the person who reported.",
    ]
    return _fit(subject, 140), "\n".join(lines) + "\n"


def build_alert(
    report: pd.DataFrame,
    profile: pd.DataFrame,
    identified: bool,
    today: date,
    policy: RedactionPolicy,
) -> Alert:
    """The alert for one report (a one-row frame of features with ``aggressor_id``) given all
    reports of its aggressor (``profile``, including it)."""
    aggressor = str(report["aggressor_id"].iloc[0] or report["report_id"].iloc[0])
    entry = entry_for(report.assign(_aggressor=aggressor), profile, identified, today, policy)
    reasons = alert_reasons(entry, len(profile), policy)
    subject, body = _email(entry, reasons, policy)
    return Alert(tuple(reasons), sms_text(entry, policy), subject, body)

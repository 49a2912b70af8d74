"""What goes into a case file: one plain, sorted, JSON-ready dictionary built from the store.

Contents: the profile's score and reasons, each linked report (structured features and the
reporter's own words), each link with its evidence, a timeline (incidents, receipts, workflow
changes), the incident points for the map, and reporters' contact details **only** for reports
whose reporter consented to police contact (``consent_police``). Phone numbers and e-mail
addresses in the reporter's own words that are not the aggressor's are withheld, because a
reporter sometimes writes their own number into the narrative.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Engine, select

from analytics.extract.phones import canonical_phone, phone_digits
from analytics.features import harm_note, split_list
from analytics.priority import default_weights, harm_words, parse_day, score_queue
from analytics.vocabulary import SEVERITY_LABELS
from pipelines.errors import NotFoundError
from pipelines.ingest.mapping import canonical_fields
from pipelines.liaison import history, load_profile_reports, member_map, status_map
from pipelines.secrets import decrypt, load_cipher
from pipelines.settings import Settings
from pipelines.storage.tables import raw_reports, report_links, reporter_contacts

OWN_WORDS = ("location", "what_happened", "aggressor_description", "vehicle", "plate")
"""Intake fields quoted in the reporter's own words (never their contact column)."""

REPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("incident_date", "incident date"),
    ("incident_hour", "hour"),
    ("received_at", "received"),
    ("channel", "channel"),
    ("sector", "sector"),
    ("place", "place"),
    ("jurisdiction", "jurisdiction"),
    ("harms", "harm types"),
    ("severity", "severity"),
    ("phones", "aggressor phones"),
    ("phone_fragments", "partial phones"),
    ("plate", "plate"),
    ("vehicle", "vehicle"),
    ("description", "description"),
    ("names", "names used"),
    ("handles", "handles"),
    ("consent_police", "consents to police contact"),
    ("wants_statement", "wants to give a statement"),
    ("status", "status"),
)
"""Report fields in the order every format shows them, with their printed labels."""

_PHONE_LIKE = re.compile(r"\+?\(?\d[\d\s().\-]{6,}\d")
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
WITHHELD = "[withheld]"


def withhold_contacts(
    text: str,
    aggressor_phones: set[str],
    aggressor_handles: set[str],
    aggressor_fragments: Iterable[str] = (),
) -> str:
    """``text`` with every phone number and e-mail address that is not the aggressor's withheld.

    A number is the aggressor's when it is one of their full numbers, the end of one, or one of
    their partial numbers; anything else with 7 or more digits (other than a date) is withheld.
    """
    known = {phone_digits(p)[-10:] for p in aggressor_phones} | set(aggressor_fragments)

    def phone(match: re.Match[str]) -> str:
        found = match.group(0)
        digits = phone_digits(found)
        if len(digits) < 7 or _DATE_LIKE.fullmatch(found.strip()):
            return found
        if canonical_phone(found) in aggressor_phones or any(
            number.endswith(digits[-10:]) for number in known
        ):
            return found
        return WITHHELD

    def email(match: re.Match[str]) -> str:
        found = match.group(0)
        return found if found.lower() in aggressor_handles else WITHHELD

    return _PHONE_LIKE.sub(phone, _EMAIL.sub(email, text))


def _yes(value: object) -> str:
    return "yes" if str(value).strip().lower() == "yes" else "no"


def _vehicle(row: dict[str, Any]) -> str:
    return " ".join(
        str(row[c]).strip()
        for c in ("vehicle_colour", "vehicle_make", "vehicle_model", "vehicle_body")
        if str(row.get(c) or "").strip()
    )


def _description(row: dict[str, Any]) -> str:
    parts = []
    if row.get("aggressor_sex"):
        parts.append(str(row["aggressor_sex"]))
    low, high = str(row.get("age_low") or ""), str(row.get("age_high") or "")
    if low or high:
        parts.append(f"age {low}-{high}" if low and high and low != high else f"age {low or high}")
    low, high = str(row.get("height_cm_low") or ""), str(row.get("height_cm_high") or "")
    if low or high:
        parts.append(f"{low}-{high} cm" if low and high and low != high else f"{low or high} cm")
    for column in ("build", "skin_or_ethnicity", "hair", "facial_hair", "marks", "glasses"):
        value = str(row.get(column) or "").strip()
        if value:
            parts.append(value.replace(";", ", "))
    return "; ".join(parts)


def _profile(engine: Engine, case_id: str) -> tuple[str, list[str]]:
    members = member_map(engine)
    in_profile = sorted(r for r, a in members.items() if a == case_id)
    if in_profile:
        return "aggressor", in_profile
    if case_id in members:
        raise NotFoundError(
            f"{case_id!r} is a report of aggressor {members[case_id]}; export that aggressor's "
            f"case instead: bdars export case {members[case_id]}."
        )
    with engine.connect() as connection:
        known = connection.execute(
            select(raw_reports.c.report_id).where(raw_reports.c.report_id == case_id)
        ).first()
    if known:
        return "report", [case_id]
    raise NotFoundError(
        f"no aggressor or report with id {case_id!r}; the queue (`bdars queue`) lists the ids."
    )


def _own_words(engine: Engine, report_ids: list[str]) -> dict[str, dict[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(raw_reports.c.report_id, raw_reports.c.raw_json).where(
                raw_reports.c.report_id.in_(report_ids)
            )
        ).all()
    words = {}
    for report_id, raw in rows:
        stored = json.loads(raw)
        fields = canonical_fields(stored.get("cells", {}), stored.get("columns", {}))
        words[report_id] = {name: str(fields.get(name) or "").strip() for name in OWN_WORDS}
    return words


def _links(engine: Engine, report_ids: list[str]) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(report_links).where(
                report_links.c.report_id_a.in_(report_ids),
                report_links.c.report_id_b.in_(report_ids),
            )
        ).all()
    links = []
    for row in rows:
        a, b = sorted((row.report_id_a, row.report_id_b))
        try:
            parts = json.loads(row.evidence) if row.evidence else []
        except json.JSONDecodeError:
            parts = [{"comparison": "evidence", "label": row.evidence, "weight": 0}]
        evidence = sorted(
            (
                {
                    "comparison": str(part.get("comparison", "")),
                    "label": str(part.get("label", "")),
                    "weight": round(float(part.get("weight") or 0.0), 2),
                }
                for part in parts
                if isinstance(part, dict)
            ),
            key=lambda part: (
                -float(str(part["weight"])),
                str(part["comparison"]),
                str(part["label"]),
            ),
        )
        links.append(
            {
                "report_a": a,
                "report_b": b,
                "probability": round(float(row.probability), 3),
                "evidence": evidence,
            }
        )
    return sorted(links, key=lambda link: (link["report_a"], link["report_b"]))


def _contacts(engine: Engine, settings: Settings, report_ids: list[str]) -> list[dict[str, str]]:
    query = select(reporter_contacts).where(
        reporter_contacts.c.report_id.in_(report_ids),
        reporter_contacts.c.consent_police.is_(True),
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    if not rows:
        return []
    cipher = load_cipher(settings)
    return sorted(
        (
            {
                "report_id": row.report_id,
                "contact": decrypt(cipher, row.ciphertext),
                "wants_statement": "yes" if row.wants_statement else "no",
            }
            for row in rows
            if row.consent_police is True
        ),
        key=lambda contact: contact["report_id"],
    )


def _timeline(
    engine: Engine, kind: str, case_id: str, reports: list[dict[str, Any]]
) -> list[dict[str, str]]:
    events = []
    for report in reports:
        if report["incident_date"]:
            events.append(
                {
                    "when": report["incident_date"],
                    "report_id": report["report_id"],
                    "event": f"incident: {report['harms'] or 'harm not recorded'}",
                }
            )
        if report["received_at"]:
            events.append(
                {
                    "when": report["received_at"],
                    "report_id": report["report_id"],
                    "event": f"report received ({report['channel'] or 'channel not recorded'})",
                }
            )
    targets = [(kind, case_id)] + [("report", r["report_id"]) for r in reports if kind != "report"]
    for target_kind, target_id in targets:
        for row in history(engine, target_kind, target_id).to_dict("records"):
            note = f"; note: {row['note']}" if row["note"] else ""
            events.append(
                {
                    "when": row["at"].strftime("%Y-%m-%d %H:%M"),
                    "report_id": target_id if target_kind == "report" else "",
                    "event": f"status {row['status']} by {row['user_name']}{note}",
                }
            )
    return sorted(events, key=lambda e: (e["when"], e["report_id"], e["event"]))


def build_case(
    engine: Engine, settings: Settings, case_id: str, generated: str, today: date | None = None
) -> dict[str, Any]:
    """The case file of an aggressor (or of a lone report) as a sorted, JSON-ready dictionary."""
    kind, report_ids = _profile(engine, case_id)
    frame = load_profile_reports(engine, report_ids)
    frame = frame.assign(aggressor_id=case_id, received_at=frame["received"])
    statuses = status_map(engine)
    profile_status = statuses.get((kind, case_id), "new")
    as_of = today or parse_day(generated) or date.today()
    scored = score_queue(frame, default_weights(), as_of, {case_id: profile_status}).iloc[0]
    words = _own_words(engine, report_ids)
    reports = []
    for row in frame.to_dict("records"):
        report_id = row["report_id"]
        harms = split_list(row["incident_types"])
        note = harm_note(row)
        guessed = f" ({note})" if note else ""
        severity = int(row["severity"]) if str(row["severity"]).isdigit() else 0
        phones = set(split_list(row["phones"]))
        handles = {h.lower() for h in split_list(row["handles"])}
        fragments = {phone_digits(f) for f in split_list(row["phone_fragments"])}
        place = ", ".join(
            dict.fromkeys(str(row[c]).strip() for c in ("neighbourhood", "municipality") if row[c])
        )
        reports.append(
            {
                "report_id": report_id,
                "incident_date": str(row["incident_date"] or ""),
                "incident_hour": str(row["incident_hour"] or ""),
                "received_at": str(row["received_at"] or "")[:16].replace("T", " "),
                "channel": str(row["channel"] or ""),
                "sector": str(row["sector"] or ""),
                "place": place,
                "jurisdiction": str(row["jurisdiction"] or "unknown"),
                "harms": ", ".join(harm_words(h) for h in harms) + guessed,
                "severity": f"{severity} ({SEVERITY_LABELS[severity]})" if severity else "",
                "phones": ", ".join(sorted(phones)),
                "phone_fragments": ", ".join(split_list(row["phone_fragments"])),
                "plate": ", ".join(split_list(row["plate"])),
                "vehicle": _vehicle(row),
                "description": _description(row),
                "names": ", ".join(split_list(row["names"])),
                "handles": ", ".join(split_list(row["handles"])),
                "consent_police": _yes(row["consent_police"]),
                "wants_statement": _yes(row["wants_statement"]),
                "status": statuses.get(("report", report_id), "new"),
                "own_words": {
                    name: withhold_contacts(text, phones, handles, fragments)
                    for name, text in words.get(report_id, {}).items()
                },
                "lat": str(row["lat"] or ""),
                "lon": str(row["lon"] or ""),
            }
        )
    reports.sort(key=lambda r: (r["incident_date"] or r["received_at"] or "9999", r["report_id"]))
    return {
        "case_id": case_id,
        "kind": kind,
        "generated": generated,
        "status": profile_status,
        "jurisdiction": str(scored["jurisdiction"]),
        "score": float(scored["score"]),
        "reasons": list(scored["reasons"]),
        "reports": reports,
        "links": _links(engine, report_ids),
        "timeline": _timeline(engine, kind, case_id, reports),
        "contacts": _contacts(engine, settings, report_ids),
    }

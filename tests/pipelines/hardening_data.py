"""Small synthetic stores for the hardening tests: reports with and without reporter contacts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tests.pipelines.ingest.helpers import write_csv

HEADER = [
    "report_id", "received_at", "what_happened", "aggressor_phone", "vehicle", "plate",
    "sector", "incident_types", "consent_contact", "consent_police", "reporter_contact",
]

CONTACTS = {
    "HD-001": "250-555-0161",
    "HD-002": "river.tester@example.org",
    "HD-004": "778-555-0177",
}
"""Contacts stored (a consent is yes); HD-003's contact has no consent and is dropped."""

DROPPED_CONTACT = "604-555-0188"

ROWS = [
    ["HD-001", "2024-01-10T21:00", "choked me in a grey van near Rock Bay", "250-555-0134",
     "grey dodge caravan", "BV4 21K", "street", "strangulation", "yes", "no", CONTACTS["HD-001"]],
    ["HD-002", "2024-02-03", "wouldn't pay, drove off", "778-555-0112", "white honda civic", "",
     "outcall", "non_payment", "no", "yes", CONTACTS["HD-002"]],
    ["HD-003", "2026-05-02", "time waster, three no-shows", "236-555-0101", "", "", "online",
     "time waster", "no", "no", DROPPED_CONTACT],
    ["HD-004", "not a date at all", "threatened me with a knife on Pandora", "604-555-0190",
     "black f150", "KT8 ???", "street", "weapon; threats", "yes", "yes", CONTACTS["HD-004"]],
    ["HD-005", "2026-06-20T02:10", "took my phone and my money", "250-555-0134",
     "grey caravan", "", "street", "robbery", "", "", ""],
]


def write_reports(path: Path, rows: list[list[str]] = ROWS) -> Path:
    return write_csv(path, rows, header=HEADER)


def ingest_reports(store, tmp_path: Path, rows: list[list[str]] = ROWS) -> None:
    result = store.bdars("ingest", str(write_reports(tmp_path / "reports.csv", rows)))
    assert result.returncode == 0, result.stderr


def stored_tokens(store) -> dict[str, bytes]:
    from pipelines.storage.tables import reporter_contacts

    with store.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(reporter_contacts.c.report_id, reporter_contacts.c.ciphertext)
        ).all()
    return {report_id: bytes(token) for report_id, token in rows}

"""A small synthetic store for the liaison's tests: reports, features, one linked aggressor, links
with evidence and reporters' contacts, inserted straight into the tables the other stages fill.

Profiles (as of 2026-04-12):
* ``AGG-1``: three reports in VicPD's area escalating from non-payment to strangulation; r-02's
  reporter consents to police contact, r-03's wants to give a statement but did not consent to
  police contact, so only r-02's contact may appear in a case file.
* ``r-04``, ``r-05``: lone time-waster reports (r-05 in Saanich).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Engine, insert

from analytics.features import FEATURE_COLUMNS
from pipelines.secrets import encrypt, load_cipher
from pipelines.settings import Settings
from pipelines.storage.tables import (
    aggressor_members,
    aggressors,
    features,
    ingest_runs,
    raw_reports,
    report_links,
    reporter_contacts,
)

LOADED = datetime(2026, 4, 12, 9, 0, tzinfo=UTC)
AGGRESSOR = "AGG-1"
CONSENTING_CONTACT = "250-555-0199 (ask for Sam)"
WITHHELD_CONTACT = "778-555-0142"
HOSTILE_TEXT = '=HYPERLINK("http://example.invalid","x")'
OWN_WORDS: dict[str, dict[str, str]] = {
    "r-02": {
        "what_happened": "punched me and took the cash. his number 250-555-0134",
        "location": "Pandora & Blanshard",
    },
    "r-03": {
        "what_happened": f"choked me in the van. text me at {WITHHELD_CONTACT} or sam@example.org",
        "vehicle": "grey caravan",
    },
}

REPORTS: list[dict[str, str]] = [
    {
        "report_id": "r-01",
        "incident_date": "2026-03-01",
        "received_at": "2026-03-02T10:00:00+00:00",
        "incident_types": "non_payment",
        "severity": "2",
        "channel": "online",
        "jurisdiction": "VicPD",
        "municipality": "Victoria",
        "neighbourhood": "Burnside Gorge",
        "lat": "48.4385",
        "lon": "-123.3713",
        "vehicle_colour": "silver",
        "vehicle_make": "Dodge",
        "vehicle_model": "Grand Caravan",
        "plate": "BV4*",
    },
    {
        "report_id": "r-02",
        "incident_date": "2026-03-20",
        "received_at": "2026-03-21T18:30:00+00:00",
        "incident_types": "physical_assault;robbery",
        "severity": "4",
        "channel": "outreach van",
        "jurisdiction": "VicPD",
        "municipality": "Victoria",
        "neighbourhood": "Downtown",
        "lat": "48.4284",
        "lon": "-123.3656",
        "phones": "+12505550134",
        "marks": HOSTILE_TEXT,
    },
    {
        "report_id": "r-03",
        "incident_date": "2026-04-10",
        "received_at": "2026-04-10T23:00:00+00:00",
        "incident_types": "strangulation",
        "severity": "5",
        "channel": "in person",
        "jurisdiction": "VicPD",
        "municipality": "Esquimalt",
        "lat": "48.4300",
        "lon": "-123.4150",
        "plate": "BV421K",
        "vehicle_colour": "grey",
        "vehicle_make": "Dodge",
        "vehicle_model": "Caravan",
    },
    {
        "report_id": "r-04",
        "incident_date": "2026-04-05",
        "received_at": "2026-04-05T12:00:00+00:00",
        "incident_types": "time_waster",
        "severity": "1",
        "channel": "online",
        "jurisdiction": "VicPD",
    },
    {
        "report_id": "r-05",
        "incident_date": "2026-02-14",
        "received_at": "2026-02-15T12:00:00+00:00",
        "incident_types": "time_waster",
        "severity": "1",
        "channel": "phone",
        "jurisdiction": "Saanich PD",
        "municipality": "Saanich",
    },
]

LINKS = [
    (
        "r-01",
        "r-02",
        0.91,
        [
            {
                "comparison": "vehicle",
                "label": "silver Dodge Grand Caravan ≈ grey Caravan",
                "weight": 2.1,
            },
            {"comparison": "description", "label": HOSTILE_TEXT, "weight": 0.4},
        ],
    ),
    (
        "r-02",
        "r-03",
        0.97,
        [
            {"comparison": "phone", "label": "same phone +1 250-555-0134", "weight": 6.5},
        ],
    ),
    (
        "r-01",
        "r-03",
        0.88,
        [
            {"comparison": "plate", "label": "plate BV421K fits BV4*", "weight": 4.2},
        ],
    ),
]


def _raw(report_id: str) -> dict[str, object]:
    cells = {"report_id": report_id, **OWN_WORDS.get(report_id, {})}
    return {"cells": cells, "columns": {name: name for name in cells}}


def seed(engine: Engine, settings: Settings) -> None:
    """Fill a freshly initialised store (``bdars init`` has created the key)."""
    cipher = load_cipher(settings)
    with engine.begin() as connection:
        run_id = connection.execute(
            insert(ingest_runs).values(started_at=LOADED, files="seed.csv", user_name="seed")
        ).inserted_primary_key[0]
        for number, report in enumerate(REPORTS, start=1):
            connection.execute(
                insert(raw_reports).values(
                    report_id=report["report_id"],
                    content_hash=f"{number:064d}",
                    raw_json=json.dumps(_raw(report["report_id"])),
                    source_file="seed.csv",
                    source_row=number,
                    ingest_run_id=run_id,
                    ingested_at=LOADED,
                )
            )
            row = dict.fromkeys(FEATURE_COLUMNS, "") | report
            connection.execute(insert(features).values(**row, normaliser_version="test"))
        connection.execute(insert(aggressors).values(aggressor_id=AGGRESSOR, created_at=LOADED))
        for report_id in ("r-01", "r-02", "r-03"):
            connection.execute(
                insert(aggressor_members).values(
                    report_id=report_id, aggressor_id=AGGRESSOR, linked_at=LOADED
                )
            )
        for a, b, probability, evidence in LINKS:
            connection.execute(
                insert(report_links).values(
                    report_id_a=a,
                    report_id_b=b,
                    probability=probability,
                    evidence=json.dumps(evidence),
                    computed_at=LOADED,
                )
            )
        for report_id, contact, police, statement in (
            ("r-02", CONSENTING_CONTACT, True, False),
            ("r-03", WITHHELD_CONTACT, False, True),
        ):
            connection.execute(
                insert(reporter_contacts).values(
                    report_id=report_id,
                    ciphertext=encrypt(cipher, contact),
                    consent_contact=True,
                    consent_police=police,
                    wants_statement=statement,
                    stored_at=LOADED,
                )
            )

"""Fill a store for the publishing tests, straight into the tables the other stages fill.

The reports of ``tests/analytics/publish/sheet_data.py`` plus, when asked, a year of background
reports for the monthly report. Every report carries things that must never be published: a
narrative naming a street address and the reporter ("Jess"), and for some a reporter contact.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta

import pandas as pd
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
    reporter_contacts,
    status_changes,
)
from tests.analytics.publish.sheet_data import CHANGES, NARRATIVE, REPORTS

LOADED = datetime(2026, 5, 3, 9, 0, tzinfo=UTC)
REPORTER_CONTACT = "jess.reporter@example.org 250-555-0177"
REPORTER_NAME = "Jess Okafor"
ADDRESS = "1234 Hidden Lane"
SCRIPT_MARK = "tattoo:<script>alert(1)</script>:neck"


def background(seed: int = 7, count: int = 160) -> pd.DataFrame:
    """Lone reports from April 2025 to April 2026; Gonzales gets exactly 2 in March 2026 (a
    small count the report must hide) and 'two-spirit' 3 over the year."""
    rng = random.Random(seed)
    hoods = ["Downtown", "Burnside Gorge", "North Park", "Fernwood", "Victoria West"]
    harms = [
        "physical_assault",
        "robbery",
        "threats",
        "non_payment",
        "harassment",
        "time_waster",
        "strangulation",
    ]
    rows = []
    start = date(2025, 4, 1)
    for n in range(count):
        day = start + timedelta(days=rng.randrange(0, 395))
        harm = rng.choice(harms)
        rows.append(
            _row(
                f"bg-{n:03d}",
                day,
                harm,
                rng.choice(hoods),
                rng.randrange(0, 24),
                rng.choice(["street", "incall", "outcall", ""]),
                rng.choice(["woman", "woman", "trans woman", "man", ""]),
                rng.choice(["VicPD"] * 5 + ["Saanich PD", "West Shore RCMP"]),
            )
        )
    for n, gender in enumerate(["two-spirit"] * 3):
        rows.append(
            _row(
                f"ts-{n}",
                date(2025, 9, 10 + n),
                "threats",
                "Downtown",
                22,
                "street",
                gender,
                "VicPD",
            )
        )
    for n in range(2):
        rows.append(
            _row(
                f"gz-{n}",
                date(2026, 3, 5 + n),
                "robbery",
                "Gonzales",
                1,
                "street",
                "woman",
                "VicPD",
            )
        )
    return pd.DataFrame(rows)


def _row(
    report_id: str,
    day: date,
    harm: str,
    hood: str,
    hour: int,
    sector: str,
    gender: str,
    jurisdiction: str,
) -> dict[str, str]:
    from analytics.vocabulary import SEVERITY

    row = dict.fromkeys(FEATURE_COLUMNS, "")
    row.update(
        report_id=report_id,
        aggressor_id="",
        incident_date=day.isoformat(),
        incident_hour=str(hour),
        received_at=f"{day + timedelta(days=1)}T10:00:00+00:00",
        incident_types=harm,
        severity=str(SEVERITY[harm]),
        neighbourhood=hood,
        municipality="Victoria" if jurisdiction == "VicPD" else "Saanich",
        sector=sector,
        reporter_gender=gender,
        jurisdiction=jurisdiction,
        channel="online",
        lat="48.43",
        lon="-123.36",
    )
    return row


def sheet_reports() -> pd.DataFrame:
    reports = REPORTS.copy()
    reports.loc[reports["report_id"] == "r-3", "marks"] = SCRIPT_MARK
    return reports


def seed(
    engine: Engine, settings: Settings, reports: pd.DataFrame, changes: pd.DataFrame = CHANGES
) -> None:
    """Insert ``reports`` (feature rows with ``aggressor_id``) and the workflow ``changes``."""
    cipher = load_cipher(settings)
    with engine.begin() as connection:
        run_id = connection.execute(
            insert(ingest_runs).values(started_at=LOADED, files="seed.csv", user_name="seed")
        ).inserted_primary_key[0]
        profiles = sorted({a for a in reports["aggressor_id"] if a})
        for aggressor_id in profiles:
            connection.execute(
                insert(aggressors).values(aggressor_id=aggressor_id, created_at=LOADED)
            )
        for number, row in enumerate(reports.to_dict(orient="records"), start=1):
            report_id = row["report_id"]
            cells = {
                "report_id": report_id,
                "what_happened": f"{NARRATIVE}. {REPORTER_NAME} was there.",
                "location": ADDRESS,
                "reporter_contact": REPORTER_CONTACT,
            }
            connection.execute(
                insert(raw_reports).values(
                    report_id=report_id,
                    content_hash=f"{number:064d}",
                    raw_json=json.dumps({"cells": cells, "columns": {c: c for c in cells}}),
                    source_file="seed.csv",
                    source_row=number,
                    ingest_run_id=run_id,
                    ingested_at=LOADED,
                )
            )
            feature_row = {name: str(row.get(name, "") or "") for name in FEATURE_COLUMNS}
            connection.execute(insert(features).values(**feature_row, normaliser_version="t"))
            if row.get("aggressor_id"):
                connection.execute(
                    insert(aggressor_members).values(
                        report_id=report_id, aggressor_id=row["aggressor_id"], linked_at=LOADED
                    )
                )
            if number % 3 == 0:
                connection.execute(
                    insert(reporter_contacts).values(
                        report_id=report_id,
                        ciphertext=encrypt(cipher, REPORTER_CONTACT),
                        consent_contact=True,
                        consent_police=True,
                        wants_statement=False,
                        stored_at=LOADED,
                    )
                )
        for kind, target, status, at in changes.itertuples(index=False):
            connection.execute(
                insert(status_changes).values(
                    target_kind=kind,
                    target_id=target,
                    status=status,
                    user_name="liaison",
                    at=datetime.fromisoformat(at),
                    note="",
                )
            )

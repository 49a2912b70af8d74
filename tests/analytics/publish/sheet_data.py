"""Small synthetic reports for the publishing tests (fictional 555-01xx phones, made-up plates).

* ``AGG-7``: four reports since March 2026 (two received in the April sheet's period), a grey
  Dodge Caravan, plate BV421K, phone 250-555-0134; identified by police on 2026-04-20.
* ``r-solo``: a lone report received in April, in an incall (place shown as the town only).
* ``AGG-old``: two reports from 2025, identified by police during April: an update entry.
* ``r-may``: received after the period.
"""

from __future__ import annotations

import pandas as pd

from analytics.features import FEATURE_COLUMNS

NARRATIVE = "He grabbed my throat <script>alert(1)</script> at 1234 Hidden Lane"


def report(report_id: str, aggressor_id: str = "", **values: str) -> dict[str, str]:
    row = {name: "" for name in FEATURE_COLUMNS}
    row.update(report_id=report_id, aggressor_id=aggressor_id, **values)
    return row


REPORTS = pd.DataFrame(
    [
        report(
            "r-1",
            "AGG-7",
            incident_date="2026-03-02",
            received_at="2026-03-03T10:00",
            incident_types="non_payment",
            severity="2",
            neighbourhood="Downtown",
            municipality="Victoria",
            sector="street",
            plate="BV421K",
        ),
        report(
            "r-2",
            "AGG-7",
            incident_date="2026-03-20",
            received_at="2026-03-21T10:00",
            incident_types="threats",
            severity="3",
            neighbourhood="Downtown",
            municipality="Victoria",
            phones="+12505550134",
        ),
        report(
            "r-3",
            "AGG-7",
            incident_date="2026-04-03",
            incident_hour="23",
            received_at="2026-04-04T09:00",
            incident_types="strangulation;robbery",
            severity="5",
            neighbourhood="Burnside Gorge",
            municipality="Victoria",
            sector="street",
            phones="+12505550134",
            plate="BV421K",
            vehicle_colour="grey",
            vehicle_make="Dodge",
            vehicle_model="Caravan",
            aggressor_sex="male",
            age_low="40",
            age_high="49",
            facial_hair="grey goatee",
            marks="tattoo:snake:left forearm",
            names="mike",
        ),
        report(
            "r-4",
            "AGG-7",
            incident_date="2026-04-09",
            incident_hour="14",
            received_at="2026-04-10T09:00",
            incident_types="physical_assault",
            severity="4",
            neighbourhood="Downtown",
            municipality="Victoria",
            sector="street",
        ),
        report(
            "r-solo",
            "",
            incident_date="2026-04-12",
            incident_hour="8",
            received_at="2026-04-12T20:00",
            incident_types="stealthing",
            severity="4",
            neighbourhood="Fernwood",
            municipality="Victoria",
            sector="incall",
            phones="+17785550188",
            handles="@rosefan",
        ),
        report(
            "r-old1",
            "AGG-old",
            incident_date="2025-06-01",
            received_at="2025-06-02",
            incident_types="time_waster",
            severity="1",
            neighbourhood="James Bay",
            municipality="Victoria",
        ),
        report(
            "r-old2",
            "AGG-old",
            incident_date="2025-07-01",
            received_at="2025-07-02",
            incident_types="harassment",
            severity="2",
            neighbourhood="James Bay",
            municipality="Victoria",
            plate="KT8???",
        ),
        report(
            "r-may",
            "",
            incident_date="2026-05-02",
            received_at="2026-05-02",
            incident_types="weapon",
            severity="5",
            neighbourhood="Downtown",
            municipality="Victoria",
        ),
    ]
)

CHANGES = pd.DataFrame(
    [
        ("aggressor", "AGG-7", "forwarded_to_liaison", "2026-04-05T10:00:00+00:00"),
        ("aggressor", "AGG-7", "identified_by_police", "2026-04-20T10:00:00+00:00"),
        ("report", "r-old2", "identified_by_police", "2026-04-15T10:00:00+00:00"),
        ("report", "r-solo", "identified_by_police", "2026-05-20T10:00:00+00:00"),
    ],
    columns=["target_kind", "target_id", "status", "at"],
)

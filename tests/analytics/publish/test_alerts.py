from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from analytics.publish.alerts import SMS_LIMIT, build_alert
from analytics.publish.redaction import default_policy
from tests.analytics.publish.sheet_data import REPORTS, report

POLICY = default_policy()
TODAY = date(2026, 4, 20)
AGG7 = REPORTS[REPORTS["aggressor_id"] == "AGG-7"]


def one(report_id: str):
    return REPORTS[REPORTS["report_id"] == report_id]


GOLDEN_SMS = (
    "Peers Victoria bad date alert: Fri 3 April 2026, night, Burnside Gorge (street-based). "
    "Choking, robbery. Known aggressor: 4 reports since March. Identified by police. "
    "Phone 250-555-0134. Plate BV42**. Vehicle: grey Dodge Caravan. "
    "Man, 40s, grey goatee, snake tattoo on left forearm."
)
GOLDEN_EMAIL = """Peers Victoria bad date alert

A new bad date report:

When: Fri 3 April 2026, night
Where: Burnside Gorge (street-based)
What happened: choking, robbery
Description: man, 40s, grey goatee, snake tattoo on left forearm
Vehicle: grey Dodge Caravan
Plate: BV42**
Phone: 250-555-0134

4 reports since March
Identified by police

Why this alert: High severity: life-threatening or sexual violence. Matches a known aggressor \
(4 reports since March).

Stay safe. Report bad dates to Peers Victoria.
Please do not reply with anything about yourself or the person who reported.
"""


def test_golden_alert_for_a_known_aggressor() -> None:
    alert = build_alert(one("r-3"), AGG7, True, TODAY, POLICY)
    assert alert.due
    assert alert.sms == GOLDEN_SMS
    assert alert.subject == "Bad date alert: choking, robbery in Burnside Gorge (street-based)"
    assert alert.email == GOLDEN_EMAIL


def test_golden_alert_that_fits_keeps_its_closing_line() -> None:
    alert = build_alert(one("r-solo"), one("r-solo"), False, TODAY, POLICY)
    assert alert.reasons == ("High severity: serious violence.",)
    assert alert.sms == (
        "Peers Victoria bad date alert: Sun 12 April 2026, morning, Victoria (incall). "
        "Removed condom without consent. Phone 778-555-0188. "
        "Stay safe. Report bad dates to Peers Victoria."
    )


def test_low_severity_lone_report_is_not_due() -> None:
    alert = build_alert(one("r-old1"), one("r-old1"), False, TODAY, POLICY)
    assert not alert.due and alert.reasons == ()


def test_the_policy_threshold_decides() -> None:
    strict = replace(POLICY, alert_min_severity=5)
    assert not build_alert(one("r-solo"), one("r-solo"), False, TODAY, strict).due


LONG = "x" * 400
LONG_CASES = [
    {"marks": ";".join(f"tattoo:{w}:left forearm" for w in ["dragon", "skull", "rose"] * 9)},
    {"phones": ";".join(f"+1250555{n:04d}" for n in range(100, 140))},
    {
        "neighbourhood": LONG,
        "incident_types": ";".join(
            [
                "physical_assault",
                "strangulation",
                "weapon",
                "robbery",
                "threats",
                "stalking",
                "confinement",
                "drugging",
                "outing_extortion",
                "impersonating_police",
            ]
        ),
    },
    {"vehicle_make": LONG, "plate": ";".join(f"AB{n}CD" for n in range(100, 140))},
]


@pytest.mark.parametrize("extra", LONG_CASES)
def test_sms_never_passes_the_limit(extra: dict[str, str]) -> None:
    row = report(
        "r-long",
        "",
        incident_date="2026-04-03",
        incident_types="weapon",
        neighbourhood="Downtown",
        phones="+12505550134",
    )
    row.update(extra)
    frame = pd.DataFrame([row])
    alert = build_alert(frame, frame, True, TODAY, POLICY)
    assert len(alert.sms) <= SMS_LIMIT
    assert alert.sms.startswith("Peers Victoria bad date alert: Fri 3 April 2026")
    if "phones" in extra:
        assert "Phone 250-555-0100, 250-555-0101, 250-555-0102 and 37 more." in alert.sms


def test_when_space_is_short_the_place_harm_and_phone_stay() -> None:
    row = report(
        "r-long",
        "",
        incident_date="2026-04-03",
        incident_types="weapon",
        neighbourhood="Downtown",
        phones="+12505550134",
        marks=";".join(f"tattoo:rose{n}:left forearm" for n in range(24)),
        vehicle_make="Dodge",
        vehicle_model="Caravan",
    )
    frame = pd.DataFrame([row])
    sms = build_alert(frame, frame, False, TODAY, POLICY).sms
    assert len(sms) <= SMS_LIMIT
    for kept in ("Downtown", "Weapon used or shown", "250-555-0134", "Dodge Caravan"):
        assert kept in sms
    assert "Stay safe" not in sms

from __future__ import annotations

import pandas as pd

from analytics.routing import agency_summary, guidance_for, routing_table

REPORTS = pd.DataFrame(
    [
        # report_id, jurisdiction, municipality, incident_date, harms, plate, phones, consent
        ("v1", "VicPD", "Victoria", "2026-03-01", "robbery", "BV421K", "", "yes"),
        ("s1", "Saanich PD", "Saanich", "2026-03-02", "threats", "BV4*", "", ""),
        ("s2", "Saanich PD", "Saanich", "2026-03-09", "strangulation", "", "+12505550134", "yes"),
        ("w1", "West Shore RCMP", "Langford", "2026-02-01", "theft", "KT8123", "", ""),
        ("u1", "", "", "", "time_waster", "", "", ""),
    ],
    columns=[
        "report_id",
        "jurisdiction",
        "municipality",
        "incident_date",
        "incident_types",
        "plate",
        "phones",
        "consent_police",
    ],
)


def test_reports_outside_vicpd_are_listed_per_agency_and_none_are_dropped() -> None:
    before = REPORTS.copy()
    table = routing_table(REPORTS, {"s1": "referred_to_other_agency"})
    pd.testing.assert_frame_equal(REPORTS, before)
    assert table[["agency", "report_id"]].values.tolist() == [
        ["Saanich PD", "s2"],
        ["Saanich PD", "s1"],
        ["West Shore RCMP", "w1"],
        ["unknown", "u1"],
    ]
    row = table.set_index("report_id").loc["s2"]
    assert row["send"] == "date, place, harm types, full phone"
    assert row["consent_police"] and not row["referred"]
    assert table.set_index("report_id").loc["s1", "send"].endswith("partial plate")


def test_agency_summary_counts_and_guidance() -> None:
    summary = agency_summary(routing_table(REPORTS, {"s1": "referred_to_other_agency"}))
    saanich = summary.set_index("agency").loc["Saanich PD"]
    assert (saanich["reports"], saanich["not_referred"], saanich["consent_police"]) == (2, 1, 1)
    assert saanich["worst_severity"] == 5
    assert "ask the co-ordinator" in summary.set_index("agency").loc["unknown", "send"]
    assert "consented to police contact" in guidance_for("Oak Bay PD")


def test_another_home_agency_can_be_chosen() -> None:
    table = routing_table(REPORTS, home="Saanich PD")
    assert "v1" in set(table["report_id"]) and "s1" not in set(table["report_id"])


def test_empty_input_gives_empty_tables() -> None:
    table = routing_table(REPORTS.iloc[:1])
    assert table.empty and agency_summary(table).empty

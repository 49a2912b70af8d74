from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources

import pandas as pd
import pytest

from analytics.priority import (
    PriorityConfigError,
    ReportFacts,
    default_weights,
    facts_from_frame,
    score_profile,
    score_queue,
    weights_from_mapping,
)

TODAY = date(2026, 4, 12)
WEIGHTS = default_weights()


def _report(report_id: str, days_ago: int | None, *harms: str, **extra: object) -> ReportFacts:
    when = None if days_ago is None else TODAY - timedelta(days=days_ago)
    return ReportFacts(report_id, when, tuple(harms), **extra)  # type: ignore[arg-type]


def _escalating() -> list[ReportFacts]:
    return [
        _report("e1", 42, "non_payment", channel="online", jurisdiction="VicPD"),
        _report("e2", 20, "physical_assault", channel="online", jurisdiction="VicPD"),
        _report("e3", 2, "strangulation", channel="outreach van", jurisdiction="VicPD"),
    ]


def _time_waster() -> list[ReportFacts]:
    return [
        _report(f"t{i}", 5 + 7 * i, "time_waster", channel=channel, jurisdiction="VicPD")
        for i, channel in enumerate(["online", "phone", "email", "online"] * 3)
    ]


def test_escalating_aggressor_outranks_a_frequent_time_waster() -> None:
    escalating = score_profile(_escalating(), WEIGHTS, TODAY)
    waster = score_profile(_time_waster(), WEIGHTS, TODAY)
    assert escalating.score > waster.score
    assert escalating.parts[2].name == "escalation" and escalating.parts[2].points > 0


def test_actionable_case_outranks_an_equal_one_without_consent() -> None:
    base = [_report("a1", 10, "robbery", jurisdiction="VicPD", full_plate=True)]
    with_statement = [replace(base[0], wants_statement=True)]
    with_contact = [replace(base[0], consent_police=True)]
    plain = score_profile(base, WEIGHTS, TODAY)
    assert score_profile(with_statement, WEIGHTS, TODAY).score > plain.score
    assert score_profile(with_contact, WEIGHTS, TODAY).score > plain.score


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        (
            [
                _report("r1", 44, "theft", jurisdiction="VicPD"),
                _report("r2", 20, "robbery", jurisdiction="VicPD"),
                _report(
                    "r3",
                    2,
                    "strangulation",
                    jurisdiction="VicPD",
                    wants_statement=True,
                    full_plate=True,
                ),
            ],
            [
                "3 reports in 6 weeks, latest 2 days ago.",
                "Strangulation in the latest report.",
                "Harm escalating: from theft in the first report to strangulation in the latest.",
                "Reports per month rising: 3 in the last 3 months against 0 in the 3 before.",
                "One reporter willing to give a statement.",
                "Full plate known.",
            ],
        ),
        (
            [_report("r1", 0, "sexual_assault", "robbery", consent_police=True, full_phone=True)],
            [
                "1 report, today.",
                "Sexual assault.",
                "One reporter agrees to police contact.",
                "Full phone number known.",
                "Place unknown: check whether it is in VicPD's area.",
            ],
        ),
        (
            [
                _report("r1", 400, "time_waster", channel="online", jurisdiction="Saanich PD"),
                _report("r2", None, "time_waster", channel="phone", jurisdiction="Saanich PD"),
            ],
            [
                "2 reports, latest 13 months ago (one undated).",
                "Time wasting in all 2 reports.",
                "Reported through two channels (online and phone).",
                "In Saanich PD's area: route it there.",
            ],
        ),
        (
            [_report("r1", None)],
            [
                "1 report, date unknown.",
                "No harm type recorded.",
                "Place unknown: check whether it is in VicPD's area.",
            ],
        ),
    ],
)
def test_reasons_read_right(reports: list[ReportFacts], expected: list[str]) -> None:
    assert score_profile(reports, WEIGHTS, TODAY).reasons == expected


def test_a_worst_harm_only_guessed_says_so_and_one_read_report_is_enough() -> None:
    guessed = [
        _report("g1", 10, "non_payment", jurisdiction="VicPD"),
        _report("g2", 3, "strangulation", jurisdiction="VicPD", harms_guessed=True),
    ]
    reasons = score_profile(guessed, WEIGHTS, TODAY).reasons
    assert "Strangulation (guessed from the wording) in the latest report." in reasons
    read = [*guessed, _report("g3", 1, "strangulation", jurisdiction="VicPD")]
    reasons = score_profile(read, WEIGHTS, TODAY).reasons
    assert not any("guessed" in reason for reason in reasons)


def test_a_worst_harm_the_word_model_added_says_so() -> None:
    added = [
        _report("a1", 10, "non_payment", jurisdiction="VicPD"),
        _report("a2", 3, "harassment", "strangulation", jurisdiction="VicPD"),
    ]
    added[1] = replace(added[1], harms_added=("strangulation",))
    reasons = score_profile(added, WEIGHTS, TODAY).reasons
    assert "Strangulation (guessed from the wording) in the latest report." in reasons
    added[1] = replace(added[1], harms_added=("harassment",))
    reasons = score_profile(added, WEIGHTS, TODAY).reasons
    assert not any("guessed" in reason for reason in reasons)


def test_the_guessed_flag_is_read_from_the_feature_column() -> None:
    frame = pd.DataFrame(
        {
            "report_id": ["r1", "r2"],
            "aggressor_id": ["", ""],
            "incident_types": ["threats", "threats"],
            "incident_types_guessed": ["yes", ""],
            "incident_types_added": ["", "threats"],
        }
    )
    facts = facts_from_frame(frame)
    assert [facts["r1"][0].harms_guessed, facts["r2"][0].harms_guessed] == [True, False]
    assert [facts["r1"][0].harms_added, facts["r2"][0].harms_added] == [(), ("threats",)]


def test_summary_is_one_line_of_reasons() -> None:
    result = score_profile(_escalating(), WEIGHTS, TODAY)
    assert result.summary.startswith("3 reports in 6 weeks, latest 2 days ago; strangulation")
    assert "\n" not in result.summary


def test_reasons_never_show_identifiers() -> None:
    frame = pd.DataFrame(
        [
            {
                "report_id": "x",
                "aggressor_id": "",
                "plate": "BV421K",
                "phones": "+12505550134",
                "names": "Mike",
                "incident_types": "threats",
                "received_at": "2026-04-01",
            }
        ]
    )
    row = score_queue(frame, WEIGHTS, TODAY).iloc[0]
    text = " ".join(row["reasons"])
    assert "BV4" not in text and "0134" not in text and "Mike" not in text
    assert "Full plate and full phone number known." in row["reasons"]


def test_closed_status_sinks_with_a_reason() -> None:
    open_ = score_profile(_escalating(), WEIGHTS, TODAY)
    closed = score_profile(_escalating(), WEIGHTS, TODAY, status="closed")
    assert closed.score == pytest.approx(open_.score * 0.1, abs=0.1)
    assert closed.reasons[-1] == "Status closed: score ×0.1."


def test_profile_jurisdiction_is_the_majority_with_latest_breaking_ties() -> None:
    tie = [
        _report("a", 30, "threats", jurisdiction="Saanich PD"),
        _report("b", 3, "threats", jurisdiction="VicPD"),
    ]
    majority = [*tie, _report("c", 1, "threats", jurisdiction="Saanich PD")]
    assert score_profile(tie, WEIGHTS, TODAY).jurisdiction == "VicPD"
    assert score_profile(majority, WEIGHTS, TODAY).jurisdiction == "Saanich PD"


def _queue_frame() -> pd.DataFrame:
    rows = [
        ("r1", "A1", "2026-04-10", "strangulation", "VicPD", "yes", ""),
        ("r2", "A1", "2026-03-01", "non_payment", "VicPD", "", ""),
        ("r3", "", "2026-04-11", "time_waster", "VicPD", "", ""),
        ("r4", "", "2026-04-01", "robbery", "Oak Bay PD", "", "yes"),
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "report_id",
            "aggressor_id",
            "incident_date",
            "incident_types",
            "jurisdiction",
            "wants_statement",
            "consent_police",
        ],
    )


def test_queue_groups_profiles_and_treats_unlinked_reports_as_lone_profiles() -> None:
    frame = _queue_frame()
    before = frame.copy()
    queue = score_queue(frame, WEIGHTS, TODAY, {"r4": "referred_to_other_agency"})
    pd.testing.assert_frame_equal(frame, before)
    assert list(queue["aggressor_id"]) == ["A1", "r3", "r4"]
    assert queue["score"].is_monotonic_decreasing
    assert dict(zip(queue["aggressor_id"], queue["status"], strict=True))["r4"] == (
        "referred_to_other_agency"
    )
    assert set(facts_from_frame(frame)) == {"A1", "r3", "r4"}


def test_queue_ties_go_to_the_most_recent_then_the_id() -> None:
    frame = pd.DataFrame(
        [
            {"report_id": "b", "incident_types": "threats", "incident_date": "2026-01-01"},
            {"report_id": "a", "incident_types": "threats", "incident_date": "2026-01-01"},
            {"report_id": "c", "incident_types": "threats", "incident_date": ""},
        ]
    )
    weights = replace(WEIGHTS, recency_max=0.0)
    assert list(score_queue(frame, weights, TODAY)["aggressor_id"]) == ["a", "b", "c"]


def _shipped() -> dict[str, object]:
    text = resources.files("analytics").joinpath("priority_weights.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_weights_file_round_trips_and_every_problem_is_reported_at_once() -> None:
    assert weights_from_mapping(_shipped()) == WEIGHTS
    broken = _shipped()
    del broken["volume"]
    broken["recency"] = {"max_points": "lots", "half_life_days": 0, "typo": 1}  # type: ignore[index]
    with pytest.raises(PriorityConfigError) as caught:
        weights_from_mapping(broken, "mine.toml")
    message = str(caught.value)
    for part in (
        "mine.toml",
        "missing section [volume]",
        "recency.max_points must be a number, found 'lots'",
        "recency.half_life_days must be above 0",
        "unknown key recency.typo",
    ):
        assert part in message


def test_weights_reject_unknown_status_and_missing_severity_level() -> None:
    broken = _shipped()
    broken["status"] = {"factors": {"shelved": 0.5}}
    del broken["severity"]["points"]["5"]  # type: ignore[index]
    with pytest.raises(PriorityConfigError, match="missing \\['5'\\].*unknown status"):
        weights_from_mapping(broken)

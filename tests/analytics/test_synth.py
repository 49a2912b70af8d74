"""The synthetic report generator: shape, determinism, fiction-only numbers, truth, realism."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analytics.features import FEATURE_COLUMNS, split_list
from analytics.intake import INTAKE_COLUMNS
from analytics.synth import TRUTH_COLUMNS, generate, people
from analytics.synth.aggressors import build_population
from analytics.synth.places import JURISDICTION_OF
from analytics.vocabulary import (
    CHANNELS,
    CITY_OF_VICTORIA_NEIGHBOURHOODS,
    HARM_TYPES,
    JURISDICTIONS,
    REPORTER_GENDERS,
    SECTORS,
    SEVERITY,
    VEHICLE_COLOURS,
)

N = 4000


@pytest.fixture(scope="module")
def sample() -> tuple[pd.DataFrame, pd.DataFrame]:
    return generate(N, seed=7)


@pytest.fixture(scope="module")
def reports(sample: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    return sample[0]


@pytest.fixture(scope="module")
def truth(sample: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    return sample[1]


PHONE_LIKE = re.compile(
    r"(?<![\d.])(?:\+?1[\s.-]?)?(?:\(?\d{3}\)?[\s./-]?)?\d{3}[\s.-]?\d{2}\s?\d{2}(?!\d)"
)
"""What a reader takes for a phone number: a 3-digit exchange and a 4-digit line, maybe more."""


def phone_like(text: str) -> list[str]:
    """Digits of everything in ``text`` that reads as a phone number."""
    return [re.sub(r"\D", "", match) for match in PHONE_LIKE.findall(text)]


def e164(digits: str) -> str:
    return "+1" + digits[-10:]


def test_same_seed_same_rows_and_other_seed_other_rows() -> None:
    first, first_truth = generate(700, seed=3)
    again, again_truth = generate(700, seed=3)
    other, _ = generate(700, seed=4)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first_truth, again_truth)
    assert not first["what_happened"].equals(other["what_happened"])


def test_columns_are_exactly_the_intake_and_truth_contracts(
    reports: pd.DataFrame, truth: pd.DataFrame
) -> None:
    assert list(reports.columns) == list(INTAKE_COLUMNS)
    assert list(truth.columns) == list(TRUTH_COLUMNS)
    assert set(FEATURE_COLUMNS) <= set(truth.columns)
    assert {"row_number", "aggressor_id", "true_plate"} <= set(truth.columns)
    assert len(reports) == len(truth) == N


def test_every_truth_row_joins_one_report_row(reports: pd.DataFrame, truth: pd.DataFrame) -> None:
    assert truth["row_number"].tolist() == [str(i) for i in range(1, N + 1)]
    assert truth["report_id"].tolist() == reports["report_id"].tolist()
    ids = reports.loc[reports["report_id"] != "", "report_id"]
    assert ids.is_unique
    blank = (reports["report_id"] == "").mean()
    assert 0.02 < blank < 0.2, "some report ids are blank, as in sheets typed by staff"


def test_every_row_carries_evidence(reports: pd.DataFrame) -> None:
    evidence = reports[
        [
            "what_happened",
            "aggressor_description",
            "aggressor_phone",
            "vehicle",
            "plate",
            "aggressor_name",
        ]
    ]
    assert (evidence != "").any(axis=1).all()


def test_every_number_anywhere_is_fictional(reports: pd.DataFrame, truth: pd.DataFrame) -> None:
    numbers = [
        digits
        for column in ("what_happened", "aggressor_phone", "reporter_contact")
        for text in reports[column]
        for digits in phone_like(text)
    ]
    assert len(numbers) > N // 4
    assert all(len(digits) in (7, 10, 11) for digits in numbers)
    assert all(digits[-7:].startswith("55501") for digits in numbers), [
        d for d in numbers if not d[-7:].startswith("55501")
    ][:5]
    full = [p for cell in truth["phones"] for p in split_list(cell)]
    assert full and all(re.fullmatch(r"\+1[2-9]\d\d55501\d\d", p) for p in full)
    fragments = [f for cell in truth["phone_fragments"] for f in split_list(cell)]
    assert fragments and all(re.fullmatch(r"(555)?01\d\d", f) for f in fragments)


def test_truth_phones_never_hold_a_reporters_own_number(
    reports: pd.DataFrame, truth: pd.DataFrame
) -> None:
    aggressor_numbers = {p for cell in truth["phones"] for p in split_list(cell)}
    own_numbers = {e164(d) for text in reports["reporter_contact"] for d in phone_like(text)}
    in_narrative_not_aggressors = set()
    for text, phones in zip(reports["what_happened"], truth["phones"], strict=True):
        for digits in phone_like(text):
            if len(digits) >= 10 and e164(digits) not in split_list(phones):
                in_narrative_not_aggressors.add(e164(digits))
    assert own_numbers and in_narrative_not_aggressors, "reporters do give their own numbers"
    assert not own_numbers & aggressor_numbers
    assert not in_narrative_not_aggressors & aggressor_numbers


def test_reports_per_aggressor_are_heavy_tailed(truth: pd.DataFrame) -> None:
    per_aggressor = truth["aggressor_id"].value_counts()
    assert per_aggressor.median() == 1
    assert per_aggressor.max() >= 20
    assert (per_aggressor == 1).mean() > 0.5
    assert (per_aggressor >= 10).sum() >= 5


def test_decoys_share_common_traits(truth: pd.DataFrame) -> None:
    mikes = truth.loc[truth["names"].str.contains("mike"), "aggressor_id"].nunique()
    civics = truth.loc[
        (truth["vehicle_model"] == "Civic") & (truth["vehicle_colour"] == "white"), "aggressor_id"
    ].nunique()
    white_40s = truth.loc[
        (truth["skin_or_ethnicity"] == "white")
        & (truth["age_low"] == "40")
        & (truth["age_high"] == "49"),
        "aggressor_id",
    ].nunique()
    assert mikes >= 30 and civics >= 15 and white_40s >= 30


def test_some_aggressors_change_car_or_phone(truth: pd.DataFrame) -> None:
    plates = truth.loc[truth["true_plate"] != ""].groupby("aggressor_id")["true_plate"].nunique()
    phones = (
        truth.assign(phone=truth["phones"].map(split_list))
        .explode("phone")
        .dropna()
        .groupby("aggressor_id")["phone"]
        .nunique()
    )
    assert (plates > 1).sum() >= 3
    assert (phones > 1).sum() >= 3


def test_truth_uses_the_shared_vocabularies(truth: pd.DataFrame) -> None:
    def values(column: str) -> set[str]:
        return {v for cell in truth[column] for v in split_list(cell)}

    assert values("incident_types") <= set(HARM_TYPES)
    assert values("vehicle_colour") <= set(VEHICLE_COLOURS)
    assert values("neighbourhood") <= set(CITY_OF_VICTORIA_NEIGHBOURHOODS) | set(JURISDICTION_OF)
    assert values("jurisdiction") <= set(JURISDICTIONS)
    assert values("channel") <= set(CHANNELS)
    assert values("sector") <= set(SECTORS)
    assert values("reporter_gender") <= set(REPORTER_GENDERS)
    assert values("aggressor_sex") <= {"male", "female"}
    for codes, severity in zip(truth["incident_types"], truth["severity"], strict=True):
        assert int(severity) == max(SEVERITY[c] for c in split_list(codes))


def test_plates_are_canonical_and_mostly_fit_the_real_plate(truth: pd.DataFrame) -> None:
    rows = truth.loc[truth["plate"] != "", ["plate", "true_plate"]]
    assert len(rows) > 100
    fits = 0
    for cell, real in rows.itertuples(index=False):
        readings = split_list(cell)
        for reading in readings:
            assert re.fullmatch(r"\*?[A-Z0-9?]+\*?", reading), reading
        pattern = [re.escape(r).replace(r"\?", ".").replace(r"\*", ".*") for r in readings]
        fits += any(re.fullmatch(p, real) for p in pattern)
    assert 0.7 < fits / len(rows) < 0.99, "most readings fit; misreads stay misread"


def test_structured_columns_are_often_blank_with_the_facts_in_the_narrative(
    reports: pd.DataFrame, truth: pd.DataFrame
) -> None:
    for column, fact in (
        ("vehicle", "vehicle_make"),
        ("aggressor_phone", "phones"),
        ("plate", "plate"),
        ("location", "jurisdiction"),
    ):
        known = truth[fact] != ""
        only_in_text = (reports.loc[known, column] == "").mean()
        assert 0.3 < only_in_text < 0.9, column


def test_phones_come_in_many_formats(reports: pd.DataFrame) -> None:
    shapes = {re.sub(r"\d", "9", text) for text in reports["aggressor_phone"] if text}
    assert len(shapes) >= 15
    narrative = " ".join(reports["what_happened"])
    for cue in ("ends in", "blocked", "555-01", "(250)", "+1 "):
        assert cue in narrative or any(cue in t for t in reports["aggressor_phone"]), cue


def test_many_voices_and_habits(reports: pd.DataFrame) -> None:
    text = reports["what_happened"]
    assert text.str.len().describe()["std"] > 60, "short notes and long stories"
    assert text.str.contains("Rptr|Caller").sum() > 100
    assert text.str.contains("friend|roommate|One of the girls").sum() > 50
    assert (text.str.upper() == text).sum() > 50, "caps lock"
    assert text.str.contains("⚠️|😡|🚩").sum() > 20
    assert text.str.contains(" w/ | u | abt | b4 ").sum() > 20
    assert text.str.contains("BAD DATE|AGGRESSOR WARNING|Bad date alert").sum() > 20
    assert reports["received_at"].str.replace(r"\d", "9", regex=True).nunique() >= 6


def test_drop_off_is_the_place_when_both_are_named(
    reports: pd.DataFrame, truth: pd.DataFrame
) -> None:
    both = reports["location"].str.startswith("pickup ")
    assert both.sum() > 10
    for location, municipality in zip(
        reports.loc[both, "location"], truth.loc[both, "municipality"], strict=True
    ):
        drop_off = location.split(", dropoff ", 1)[1]
        assert drop_off, location
        assert municipality, location


def _squash(text: str) -> str:
    return re.sub(r"[^A-Z0-9?]", "", text.upper())


def test_what_the_truth_records_is_written_in_the_row(
    reports: pd.DataFrame, truth: pd.DataFrame
) -> None:
    text_columns = [c for c in INTAKE_COLUMNS if c not in ("reporter_contact", "received_at")]
    rows = reports[text_columns].agg(" ".join, axis=1)
    checked = 0
    for text, known in zip(rows, truth.itertuples(index=False), strict=True):
        lowered, digits, squashed = text.lower(), re.sub(r"\D", "", text), _squash(text)
        for name in split_list(known.names):
            assert name in lowered, (name, text)
        for handle in split_list(known.handles):
            assert handle in lowered, (handle, text)
        for phone in split_list(known.phones):
            assert phone[-4:] in digits, (phone, text)
        for fragment in split_list(known.phone_fragments):
            assert fragment in digits, (fragment, text)
        for plate in split_list(known.plate):
            assert plate.strip("*") in squashed, (plate, text)
        checked += 1
    assert checked == N


def test_a_few_aggressors_carry_rare_distinctive_traits() -> None:
    population = build_population(4000, seed=7)
    aggressors = population.aggressors
    snake = [a for a in aggressors if any("snake" in people.MARKS[m][1][0][1] for m in a.marks)]
    aztek = [
        a
        for a in aggressors
        if any(car.model.model == "Aztek" and car.colour == "purple" for _, car in a.vehicles)
    ]
    for carriers in (snake, aztek):
        assert 2 <= len(carriers) <= len(aggressors) // 100

"""Blocking keeps what exhaustive comparison finds, and its cost stays linear."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.features import FEATURE_COLUMNS
from analytics.link.blocking import BlockingSettings, Keys, candidate_pairs, windowed_pairs
from analytics.link.clustering import ClusterSettings
from analytics.link.comparisons import Prepared, default_comparisons
from analytics.link.evaluation import blocking_recall
from analytics.link.linker import compare_pairs, default_scorer
from analytics.link.prepare import prepare
from analytics.synth import generate


@pytest.fixture(scope="module")
def synthetic() -> tuple[Prepared, np.ndarray]:
    _, truth = generate(500, seed=3)
    return Prepared(prepare(truth[list(FEATURE_COLUMNS)])), truth["aggressor_id"].to_numpy()


def test_blocking_keeps_what_exhaustive_comparison_links(
    synthetic: tuple[Prepared, np.ndarray],
) -> None:
    prepared, truth = synthetic
    n = len(prepared)
    ia, ib = np.triu_indices(n, k=1)
    comparisons = default_comparisons()
    probability = default_scorer(comparisons).predict_proba(
        compare_pairs(prepared, comparisons, ia, ib)
    )
    ca, cb = candidate_pairs(prepared)
    blocked = np.isin(ia * n + ib, ca * n + cb)
    recall = blocking_recall(
        truth, ia, ib, probability, blocked, threshold=ClusterSettings().threshold
    )
    assert recall["clusters"] >= 0.99
    assert recall["pairs"] >= 0.99
    assert recall["blocked_share_of_all_pairs"] < 0.1


def test_big_keys_pair_only_neighbours() -> None:
    rows = np.arange(1000)
    keys = Keys(rows, np.zeros(1000, dtype=np.uint64))
    a, b = windowed_pairs(keys, rows, cap=40, window=5)
    assert len(a) == sum(min(5, 999 - i) for i in range(1000))
    small = Keys(np.arange(10), np.zeros(10, dtype=np.uint64))
    a, b = windowed_pairs(small, np.arange(10), cap=40, window=5)
    assert len(a) == 45


def _features(rows: list[dict[str, str]]) -> Prepared:
    frame = pd.DataFrame(rows).reindex(columns=list(FEATURE_COLUMNS), fill_value="")
    return Prepared(prepare(frame.assign(report_id=[f"r{i}" for i in range(len(rows))])))


def _paired(prepared: Prepared) -> set[tuple[int, int]]:
    ca, cb = candidate_pairs(prepared)
    return set(zip(ca.tolist(), cb.tolist(), strict=True))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"plate": "NGF???"}, {"plate": "NGF814"}),
        ({"plate": "81???E"}, {"plate": "815THE"}),
        ({"plate": "JE2???"}, {"plate": "JE262L"}),
        (
            {"incident_types": "robbery", "incident_date": "2025-03-02"},
            {"incident_types": "robbery", "incident_date": "2025-03-20"},
        ),
        (
            {"vehicle_make": "Dodge", "incident_types": "robbery"},
            {"vehicle_make": "Dodge", "vehicle_colour": "red", "incident_types": "robbery"},
        ),
        (
            {"vehicle_body": "suv", "incident_types": "robbery;stealthing"},
            {"vehicle_body": "suv", "vehicle_make": "Kia", "incident_types": "stealthing"},
        ),
        (
            {"names": "tony", "vehicle_make": "Acura", "incident_date": "2025-03-02"},
            {"names": "tony", "vehicle_make": "Kia", "incident_date": "2025-03-09"},
        ),
        ({"names": "brother alan"}, {"names": "jezebels;alan", "vehicle_make": "Kia"}),
        ({"names": "phil;sweetie"}, {"names": "philip", "vehicle_make": "Kia"}),
        ({"names": "gordie"}, {"handles": "gord.vic@example.com", "vehicle_make": "Kia"}),
        (
            {"marks": "tattoo:heron:right forearm;scar:back of the left hand"},
            {"marks": "scar:left hand", "vehicle_make": "Kia"},
        ),
        ({"names": "mike"}, {"names": "michael", "vehicle_make": "Kia"}),
        (
            {"neighbourhood": "Mill Bay", "incident_types": "confinement"},
            {"neighbourhood": "Mill Bay", "incident_types": "non_payment;physical_assault"},
        ),
        (
            {"vehicle_colour": "gold", "vehicle_body": "van", "incident_types": "stalking"},
            {"vehicle_colour": "gold", "vehicle_body": "minivan", "incident_types": "stalking"},
        ),
        (
            {"incident_types": "impersonating_police;threats", "incident_date": "2025-03-02"},
            {
                "incident_types": "impersonating_police;sexual_assault",
                "incident_date": "2025-04-20",
            },
        ),
    ],
)
def test_sparse_evidence_is_paired(first: dict[str, str], second: dict[str, str]) -> None:
    filler = [
        {
            "plate": f"ZZ{i:04d}",
            "vehicle_make": "Ford",
            "names": "tony",
            "incident_types": "robbery",
        }
        for i in range(50)
    ]
    assert (0, 1) in _paired(_features([first, second, *filler]))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"plate": "NGF???"}, {"plate": "NGX814"}),
        ({"plate": "NGF???"}, {"plate": "NGF8140"}),
        ({"incident_types": "robbery"}, {"incident_types": "stealthing"}),
    ],
)
def test_different_evidence_is_not_paired(first: dict[str, str], second: dict[str, str]) -> None:
    assert (0, 1) not in _paired(_features([first, second]))


def test_candidate_pairs_grow_linearly() -> None:
    def count(n: int) -> int:
        rows = [
            {
                "vehicle_colour": "white",
                "vehicle_make": "Honda",
                "vehicle_model": "Civic",
                "vehicle_body": "sedan",
                "names": "mike",
                "incident_types": "robbery",
                "incident_date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            }
            for i in range(n)
        ]
        prepared = _features(rows)
        return len(candidate_pairs(prepared, BlockingSettings())[0])

    small, large = count(2_000), count(8_000)
    assert large < 4.5 * small


def test_a_common_name_pairs_reports_weeks_apart() -> None:
    """Among 200 reports of "mike", one a day, two a month apart still become a candidate
    pair: shared names look further along the timeline than other big keys."""
    rows = [
        {
            "names": "mike",
            "incident_date": str(pd.Timestamp("2025-01-01") + pd.Timedelta(days=i))[:10],
            "age_low": str(20 + (i * 37) % 50),
        }
        for i in range(200)
    ]
    assert (100, 130) in _paired(_features(rows))


def _day(offset: int) -> str:
    return str(pd.Timestamp("2025-01-01") + pd.Timedelta(days=offset))[:10]


def test_a_common_name_and_a_kind_of_harm_pair_reports_months_apart() -> None:
    """Two "mike" robberies five months apart, among 200 "mike" reports of threats and 200
    robberies by other men, one a day: the name with the kind of harm pairs them."""
    mikes = [
        {"names": "mike", "incident_types": "threats", "incident_date": _day(i)} for i in range(200)
    ]
    robberies = [
        {"names": f"name{i:03d}", "incident_types": "robbery", "incident_date": _day(i)}
        for i in range(200)
    ]
    first = {"names": "mike", "incident_types": "robbery", "incident_date": _day(0)}
    second = {"names": "mike", "incident_types": "robbery", "incident_date": _day(150)}
    assert (0, 401) in _paired(_features([first, *mikes, *robberies, second]))


def test_a_vehicle_part_and_a_kind_of_harm_pair_reports_from_one_neighbourhood() -> None:
    """A grey car and a robbery in Burnside Gorge, then a grey wagon and a robbery there ten
    months later, among 100 grey-car robberies downtown and 60 robberies in Burnside Gorge
    with no car told: the vehicle part and harm, ordered by place, pair them."""
    first = {
        "vehicle_colour": "grey",
        "incident_types": "robbery",
        "neighbourhood": "Burnside Gorge",
        "incident_date": _day(0),
    }
    downtown = [
        {**first, "neighbourhood": "Downtown", "incident_date": _day(1 + i)} for i in range(100)
    ]
    no_car = [
        {"incident_types": "robbery", "neighbourhood": "Burnside Gorge", "incident_date": _day(i)}
        for i in range(60)
    ]
    second = {**first, "vehicle_body": "wagon", "incident_date": _day(300)}
    assert (0, 161) in _paired(_features([first, *downtown, *no_car, second]))

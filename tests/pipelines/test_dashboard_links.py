from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipelines.dashboard_links import (
    aggressor_list,
    aggressor_sizes,
    aggressor_status,
    identifiers,
    neighbours,
    profile,
)
from pipelines.liaison import set_status
from pipelines.link import merge_aggressors, run_link_stage
from tests.conftest import Store
from tests.pipelines.test_linkage_stage import REPORTS, _load, _members, _normalise


def test_identifiers_count_the_reports_that_mention_each_value() -> None:
    reports = pd.DataFrame(
        {
            "report_id": ["r1", "r2", "r3"],
            "phones": ["+12505550134", "+12505550134;+17785550101", ""],
            "plate": ["BV421K", "", "BV421K"],
            "names": ["mike", "", ""],
            "handles": ["", "", ""],
            "marks": ["snake tattoo left forearm", "", ""],
            "vehicle_colour": ["silver", "silver", ""],
            "vehicle_make": ["dodge", "dodge", ""],
            "vehicle_model": ["caravan", "caravan", ""],
            "vehicle_body": ["", "", ""],
        }
    )
    table = identifiers(reports)
    rows = set(zip(table["kind"], table["value"], table["reports"], strict=True))
    assert rows == {
        ("phones", "+12505550134", 2),
        ("phones", "+17785550101", 1),
        ("plate", "BV421K", 2),
        ("names", "mike", 1),
        ("marks", "snake tattoo left forearm", 1),
        ("vehicle", "silver dodge caravan", 2),
    }


@pytest.fixture
def linked(initialised_store: Store, tmp_path: Path) -> Store:
    _load(initialised_store, tmp_path, REPORTS)
    with initialised_store.engine() as engine:
        _normalise(initialised_store, engine)
        run_link_stage(engine, "test-user")
    return initialised_store


def test_profile_reads_answer_for_one_profile(linked: Store) -> None:
    with linked.engine() as engine:
        members = _members(engine)
        everyone = aggressor_list(engine)
        top = aggressor_list(engine, limit=2)
        rick, knife = members["T-1"], members["T-5"]
        sizes = aggressor_sizes(engine, [rick, members["T-4"], "AGG-999999"])
        assert aggressor_status(engine, rick) == "new"
        set_status(engine, "aggressor", rick, "forwarded_to_liaison", "cora")
        set_status(engine, "aggressor", rick, "on_sheet", "cora")
        assert aggressor_status(engine, rick) == "on_sheet"
        merge_aggressors(engine, rick, [members["T-3"]], "cora", "same van")
        after_merge = aggressor_list(engine)
        details = profile(engine, knife)
        near = neighbours(engine, ["T-1"])
    counts = pd.Series(members).value_counts()
    assert list(everyone["reports"]) == sorted(counts, reverse=True)
    assert set(everyone["aggressor_id"]) == set(counts.index)
    assert list(top["aggressor_id"]) == list(everyone["aggressor_id"].head(2))
    assert sizes == {rick: 2, members["T-4"]: 1}
    assert members["T-3"] not in set(after_merge["aggressor_id"])
    assert list(details["reports"]["report_id"]) == ["T-5", "T-6"]
    assert list(
        zip(details["links"]["report_id_a"], details["links"]["report_id_b"], strict=True)
    ) == [("T-5", "T-6")]
    assert near[0] == rick

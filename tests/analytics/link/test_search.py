"""Search on partial information: each kind of token finds what a co-ordinator would expect,
including a letters-only partial plate (``VMB``) that is also tried as a word."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.features import FEATURE_COLUMNS
from analytics.link.prepare import prepare
from analytics.link.search import _kind, search

ROWS = {
    "R-1": {"plate": "VMB42K", "vehicle_colour": "silver", "vehicle_make": "dodge"},
    "R-2": {"plate": "KVMB77", "phones": "+12505550134"},
    "R-3": {"marks": "snake tattoo on the neck", "vehicle_make": "honda"},
    "R-4": {"plate": "ZX977P", "appearance": "tall, grey van"},
}


@pytest.fixture(scope="module")
def prepared() -> pd.DataFrame:
    rows = [
        {**dict.fromkeys(FEATURE_COLUMNS, ""), "report_id": report_id, **facts}
        for report_id, facts in ROWS.items()
    ]
    return prepare(pd.DataFrame(rows))


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("0134", "phone"),
        ("BV4", "plate"),
        ("BV4?K", "plate"),
        ("VMB", "plate or word"),
        ("vmb", "plate or word"),
        ("snake", "plate or word"),
        ("at", "word"),
        ("tattoo-ish", "word"),
    ],
)
def test_tokens_are_read_as_the_right_kind(token: str, kind: str) -> None:
    assert _kind(token) == kind


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("VMB", ["R-1", "R-2"]),
        ("vmb", ["R-1", "R-2"]),
        ("VMB42", ["R-1"]),
        ("snake", ["R-3"]),
        ("honda", ["R-3"]),
        ("ZX9", ["R-4"]),
        ("0134", ["R-2"]),
        ("QQQ", []),
    ],
)
def test_search_finds_reports_best_first(
    prepared: pd.DataFrame, query: str, expected: list[str]
) -> None:
    reports, _ = search(prepared, {"R-1": "A-1", "R-2": "A-1"}, query)
    assert list(reports["report_id"]) == expected

"""Dates for linking are read one distinct value at a time, exactly as pandas reads them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.link.prepare import _days

CASES = [
    "2024-03-05", "2024-03", "2024", "", "1999-12-31", "2024-03-05T10:00:00", "2024-03-05 10:00",
    "2024-02-30", "2024-13-01", "2024-1-5", "2024-1-05", "2024-01-5x", "20240305", "abcd",
    "2024-3", " 2024", "2024 ", "2024-00", "2024-01-00", "+2024-03-0",
    "1500-01-01", "1677-09-21", "1677-09-22", "2262-04-11", "2262-04-12", "9999", "0001",
]  # fmt: skip


def _pandas_days(values: pd.Series) -> np.ndarray:
    text = values.str.slice(0, 10)
    parts = [
        text.where(text.str.len() == 10),
        text.str.slice(0, 7).where(text.str.len() == 7) + "-15",
        text.str.slice(0, 4).where(text.str.len() == 4) + "-07-01",
    ]
    when = [pd.to_datetime(part, errors="coerce", format="%Y-%m-%d") for part in parts]
    joined = when[0].fillna(when[1]).fillna(when[2])
    return ((joined - pd.Timestamp("1970-01-01")).dt.total_seconds() / 86400.0).to_numpy(float)


@pytest.mark.parametrize("text", CASES)
def test_a_date_reads_as_pandas_reads_it(text: str) -> None:
    values = pd.Series([text, "2024-03-05", text], dtype=object)
    np.testing.assert_array_equal(_days(values), _pandas_days(values))


def test_known_days() -> None:
    values = pd.Series(["1970-01-02", "1970-01", "1970", "soon"], dtype=object)
    np.testing.assert_array_equal(_days(values), [1.0, 14.0, 181.0, np.nan])

"""Golden file: a small messy sample normalised field by field, each value read and agreed by a
person against the report. A change to any extractor that alters one of these values fails here;
if the new value is better, re-read the report and regenerate with BDARS_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from analytics.extract import normalise_frame

HERE = Path(__file__).parent / "golden"
SAMPLE = HERE / "messy_sample.csv"
EXPECTED = HERE / "messy_sample.expected.csv"


def normalised() -> pd.DataFrame:
    reports = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    return normalise_frame(reports)


def test_messy_sample_matches_the_golden_file():
    found = normalised()
    if os.environ.get("BDARS_UPDATE_GOLDEN") == "1":
        found.to_csv(EXPECTED, index=False)
    expected = pd.read_csv(EXPECTED, dtype=str, keep_default_na=False)
    assert list(found.columns) == list(expected.columns)
    differences = [
        f"{row_id} {column}: expected {want!r}, got {got!r}"
        for (row_id, want_row), (_, got_row) in zip(
            expected.set_index("report_id").iterrows(),
            found.set_index("report_id").iterrows(),
            strict=True,
        )
        for column, want in want_row.items()
        if (got := got_row[column]) != want
    ]
    assert not differences, "\n".join(differences)


def test_a_partial_plate_without_the_word_plate():
    assert normalised().set_index("report_id").loc["G-04", "plate"] == "KT8*"

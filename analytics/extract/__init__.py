"""Extractors that turn free-text bad date reports into normalised features.

Each extractor module has ``extract(report) -> dict[str, str]``: ``report`` maps intake column
names to stripped text (never the reporter's contact), the result maps feature column names to
canonical text, plus an optional ``conflicts`` note when a structured column and the narrative
disagree. ``normalise_report`` runs them all; ``normalise_frame`` does a whole table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from analytics.extract import (
    description,
    harms,
    identities,
    phones,
    places,
    plates,
    reporter,
    vehicles,
    when,
)
from analytics.extract.corrections import with_typing_corrections
from analytics.extract.dictation import with_dictated_punctuation
from analytics.extract.episodes import with_bad_date_only
from analytics.features import FEATURE_COLUMNS, join_list, split_list
from analytics.intake import INTAKE_COLUMNS, SENSITIVE_COLUMNS

Extractor = Callable[[Mapping[str, str]], dict[str, str]]

EXTRACTORS: tuple[Extractor, ...] = (
    phones.extract,
    plates.extract,
    vehicles.extract,
    description.extract,
    identities.extract,
    harms.extract,
    when.extract,
    reporter.extract,
    places.extract,
)

_READ_COLUMNS = tuple(name for name in INTAKE_COLUMNS if name not in SENSITIVE_COLUMNS)


def clean_fields(fields: Mapping[str, object]) -> dict[str, str]:
    """Intake fields as stripped text, without the sensitive contact column. Text that is not
    plain ASCII is put in its compatibility form (NFKC): full-width digits, letters and
    punctuation become plain ("７０９－５５５－０１７２", "，"), and so do "…" ("...") and
    fractions ("½" → "1⁄2")."""
    cleaned = {}
    for name in _READ_COLUMNS:
        value = fields.get(name)
        text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text)
        cleaned[name] = text.strip()
    return cleaned


def prepared_report(fields: Mapping[str, object]) -> dict[str, str]:
    """Intake fields as the extractors read them: cleaned, dictated punctuation written out,
    other episodes than the bad date cut, starred typing corrections applied."""
    return with_typing_corrections(
        with_bad_date_only(with_dictated_punctuation(clean_fields(fields)))
    )


def normalise_report(fields: Mapping[str, object], report_id: str = "") -> dict[str, str]:
    """One report's features: every column of ``FEATURE_COLUMNS``, ``""`` when unknown."""
    report = prepared_report(fields)
    features = dict.fromkeys(FEATURE_COLUMNS, "")
    conflicts: list[str] = []
    for extractor in EXTRACTORS:
        for name, value in extractor(report).items():
            if name == "conflicts":
                conflicts.extend(split_list(value))
            elif name in features and value:
                features[name] = value
    features["report_id"] = report_id or report.get("report_id", "")
    features["conflicts"] = join_list(conflicts)
    return features


def normalise_records(
    records: Iterable[tuple[str, Mapping[str, object]]],
) -> list[dict[str, str]]:
    """Features for (report_id, intake fields) pairs, in order."""
    return [normalise_report(fields, report_id) for report_id, fields in records]


def normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Features for every row of an intake frame (its ``report_id`` column names the rows)."""
    records = frame.to_dict(orient="records")
    rows = [normalise_report(record, str(record.get("report_id") or "")) for record in records]
    return pd.DataFrame(rows, columns=list(FEATURE_COLUMNS))

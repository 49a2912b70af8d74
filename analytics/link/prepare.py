"""Turn the feature table into the typed columns that comparisons and blocking read.

Done once per run: every later step works on positions (row numbers) into this frame.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from analytics.features import FEATURE_COLUMNS
from analytics.link.plates import parse_plates
from analytics.vocabulary import HARM_TYPES

HARM_BITS: dict[str, int] = {harm: 1 << position for position, harm in enumerate(HARM_TYPES)}

USED_COLUMNS: tuple[str, ...] = tuple(
    column
    for column in FEATURE_COLUMNS
    if column
    not in (
        "severity",
        "incident_types_guessed",
        "incident_types_added",
        "incident_types_dropped",
        "incident_hour",
        "reporter_gender",
        "channel",
        "jurisdiction",
        "consent_contact",
        "consent_police",
        "wants_statement",
        "conflicts",
        "age_low",
        "age_high",
        "height_cm_low",
        "height_cm_high",
        "lat",
        "lon",
    )
)
"""Feature columns linking reads as text (numbers are read by ``_number``)."""

COLOUR_GROUPS: dict[str, str] = {"silver": "grey", "gold": "beige", "brown": "beige"}
"""Colours reporters confuse, grouped for blocking (grey ≈ silver)."""
BODY_GROUPS: dict[str, str] = {
    "minivan": "van",
    "wagon": "suv",
    "truck": "pickup",
    "hatchback": "sedan",
    "convertible": "coupe",
}
"""Bodies one reporter calls by the other's name (a Sienna is "a van", an Outback "an SUV")."""

APPEARANCE_COLUMNS: tuple[str, ...] = (
    "build",
    "skin_or_ethnicity",
    "hair",
    "facial_hair",
    "glasses",
)


def _text(features: pd.DataFrame, column: str) -> pd.Series:
    if column not in features.columns:
        return pd.Series("", index=features.index, dtype=object)
    raw = features[column].to_numpy(dtype=object)
    missing = pd.isna(raw)
    values = np.array(
        ["" if gone else str(value).strip() for value, gone in zip(raw, missing, strict=True)],
        dtype=object,
    )
    blank = (values == "nan") | (values == "NaN") | (values == "None")
    return pd.Series(np.where(blank, "", values), index=features.index, dtype=object)


def _number(features: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(_text(features, column), errors="coerce").to_numpy(dtype=float)


def _first(values: pd.Series) -> pd.Series:
    return values.str.split(";").str[0].fillna("").str.strip()


def _lower_list(values: pd.Series) -> pd.Series:
    return values.str.lower().str.replace(r"\s*;\s*", ";", regex=True).str.strip("; ")


def _harm_mask(values: pd.Series) -> np.ndarray:
    exploded = values.str.split(";").explode().str.strip()
    bits = exploded.map(HARM_BITS).fillna(0).astype(np.int64)
    return bits.groupby(level=0).sum().reindex(values.index, fill_value=0).to_numpy(np.int64)


_EPOCH = date(1970, 1, 1)
_FIRST_DAY, _LAST_DAY = date(1677, 9, 22), date(2262, 4, 11)
"""The days pandas timestamps can hold; dates outside count as unknown, as they do in pandas."""
_FILL = {10: "", 7: "-15", 4: "-07-01"}


def _day(text: str) -> float:
    """Days since 1970 for one ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), else nan."""
    text = text[:10]
    if len(text) not in _FILL:
        return np.nan
    try:
        when = datetime.strptime(text + _FILL[len(text)], "%Y-%m-%d").date()
    except ValueError:
        return np.nan
    if not _FIRST_DAY <= when <= _LAST_DAY:
        return np.nan
    return float((when - _EPOCH).days)


def _days(values: pd.Series) -> np.ndarray:
    """Days since 1970 for ISO dates; a month alone is placed mid-month, a year alone mid-year.

    Each distinct value is read once (a store holds a few thousand distinct dates)."""
    codes, distinct = pd.factorize(values.to_numpy(dtype=object))
    days = np.array([_day(value) if isinstance(value, str) else np.nan for value in distinct])
    return np.where(codes >= 0, days[np.maximum(codes, 0)] if len(days) else np.nan, np.nan)


def _report_days(incident: pd.Series, received: pd.Series) -> np.ndarray:
    """The incident's day, or the day the report came in where the report gives no date."""
    days = _days(incident)
    return np.where(np.isnan(days), _days(received), days)


def prepare(features: pd.DataFrame) -> pd.DataFrame:
    """Typed columns for linking, one row per report in the input's order (index 0..n-1)."""
    frame = features.reset_index(drop=True)
    text = {column: _text(frame, column) for column in USED_COLUMNS}
    plates = parse_plates(text["plate"])
    vehicle_key = (
        text["vehicle_make"].str.lower() + "|" + text["vehicle_model"].str.lower()
    ).where((text["vehicle_make"] != "") | (text["vehicle_model"] != ""), "")
    appearance = text["aggressor_sex"].str.lower()
    for column in APPEARANCE_COLUMNS:
        appearance = appearance + " " + text[column].str.lower()
    prepared = pd.DataFrame(
        {
            "report_id": text["report_id"],
            "phones": text["phones"].str.replace(" ", "", regex=False),
            "phone_fragments": text["phone_fragments"]
            .str.replace(r"\D+", ";", regex=True)
            .str.strip(";"),
            "plate": plates["plate"],
            "plate2": plates["plate2"],
            "plate_text": text["plate"],
            "colour": text["vehicle_colour"].str.lower(),
            "make": text["vehicle_make"].str.lower(),
            "model": text["vehicle_model"].str.lower(),
            "body": text["vehicle_body"].str.lower(),
            "colour_group": text["vehicle_colour"].str.lower().replace(COLOUR_GROUPS),
            "body_group": text["vehicle_body"].str.lower().replace(BODY_GROUPS),
            "vehicle_key": vehicle_key,
            "vehicle_key_colour": (vehicle_key + "|" + text["vehicle_colour"].str.lower()).where(
                vehicle_key != "", ""
            ),
            "vehicle_label": (
                text["vehicle_colour"]
                + " "
                + text["vehicle_make"]
                + " "
                + text["vehicle_model"]
                + " "
                + text["vehicle_body"]
            )
            .str.split()
            .str.join(" "),
            "sex": text["aggressor_sex"].str.lower(),
            "age_low": _number(frame, "age_low"),
            "age_high": _number(frame, "age_high"),
            "height_low": _number(frame, "height_cm_low"),
            "height_high": _number(frame, "height_cm_high"),
            "appearance": appearance.str.split().str.join(" "),
            "marks": text["marks"],
            "names": _lower_list(text["names"]),
            "name": _first(_lower_list(text["names"])),
            "handles": _lower_list(text["handles"]),
            "handle": _first(_lower_list(text["handles"])),
            "harms": _harm_mask(text["incident_types"]),
            "incident_types": text["incident_types"],
            "sector": text["sector"].str.lower(),
            "days": _days(text["incident_date"]),
            "report_days": _report_days(text["incident_date"], text["received_at"]),
            "neighbourhood": text["neighbourhood"],
            "municipality": text["municipality"],
            "lat": _number(frame, "lat"),
            "lon": _number(frame, "lon"),
        }
    )
    return prepared

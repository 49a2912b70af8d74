"""The normalised feature table: the contract between ``normalise`` and everything after it.

One row per report; every column is text (``""`` when unknown) so the table round-trips through
CSV and the database unchanged. Multi-valued columns are ``;``-joined. ``incident_types_guessed``
is ``yes`` when no phrase named a harm and the harm types are the harm model's guess
(:mod:`analytics.extract.harm_model`); ``incident_types_added`` and ``incident_types_dropped``
list the types the word model added to those the phrases read and those it dropped
(:mod:`analytics.extract.harm_revision`). They tell a reader which harm types to check against
the report.
"""

from __future__ import annotations

from collections.abc import Mapping

FEATURE_COLUMNS: tuple[str, ...] = (
    "report_id",
    "phones",
    "phone_fragments",
    "plate",
    "vehicle_colour",
    "vehicle_make",
    "vehicle_model",
    "vehicle_body",
    "aggressor_sex",
    "age_low",
    "age_high",
    "height_cm_low",
    "height_cm_high",
    "build",
    "skin_or_ethnicity",
    "hair",
    "facial_hair",
    "marks",
    "glasses",
    "names",
    "handles",
    "incident_types",
    "severity",
    "incident_types_guessed",
    "incident_types_added",
    "incident_types_dropped",
    "incident_date",
    "incident_hour",
    "sector",
    "reporter_gender",
    "channel",
    "neighbourhood",
    "municipality",
    "jurisdiction",
    "lat",
    "lon",
    "received_at",
    "consent_contact",
    "consent_police",
    "wants_statement",
    "conflicts",
)

LIST_SEPARATOR = ";"
GUESSED_HARMS_NOTE = "guessed from the wording"
"""Printed beside harm types that are a model's guess (``incident_types_guessed``, or all of
them in ``incident_types_added``)."""
DROPPED_HARMS_NOTE = "dropped as unlikely from the wording"
"""Printed beside the harm types a phrase named that the word model dropped."""


def split_list(value: object) -> list[str]:
    """Split a ``;``-joined feature cell into its items, dropping blanks."""
    if value is None:
        return []
    text = str(value)
    if not text or text == "nan":
        return []
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def join_list(items: object) -> str:
    """Join items into a ``;``-joined cell, dropping blanks and repeats but keeping order."""
    seen: dict[str, None] = {}
    for item in items:  # type: ignore[attr-defined]
        text = str(item).strip()
        if text:
            seen.setdefault(text, None)
    return LIST_SEPARATOR.join(seen)


def harm_note(row: Mapping[str, object]) -> str:
    """What to print beside a report's harm types when a model, not a phrase, read some of
    them: ``"guessed from the wording"`` for a guess, ``"threats guessed from the wording"``
    when the word model added threats, ``"theft dropped as unlikely from the wording"`` when it
    dropped theft; ``""`` when the phrases read them all."""
    if str(row.get("incident_types_guessed") or "").strip().lower() == "yes":
        return GUESSED_HARMS_NOTE
    notes = []
    added = split_list(row.get("incident_types_added"))
    if added:
        notes.append(f"{_in_words(added)} {GUESSED_HARMS_NOTE}")
    dropped = split_list(row.get("incident_types_dropped"))
    if dropped:
        notes.append(f"{_in_words(dropped)} {DROPPED_HARMS_NOTE}")
    return ", ".join(notes)


def _in_words(codes: list[str]) -> str:
    return " and ".join(code.replace("_", " ") for code in codes)

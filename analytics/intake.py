"""The intake format (v1): the contract between the reporting channels and the pipelines.

See ``shared/intake-format.md``. Every column is optional, but a row must carry at least one of
``EVIDENCE_COLUMNS``. ``reporter_contact`` is sensitive and never part of a stored raw report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

INTAKE_COLUMNS: tuple[str, ...] = (
    "report_id",
    "received_at",
    "incident_date",
    "incident_time",
    "channel",
    "sector",
    "location",
    "what_happened",
    "incident_types",
    "aggressor_description",
    "aggressor_name",
    "aggressor_phone",
    "aggressor_contact",
    "vehicle",
    "plate",
    "reporter_gender",
    "consent_contact",
    "consent_police",
    "wants_statement",
    "reporter_contact",
)

EVIDENCE_COLUMNS: tuple[str, ...] = (
    "what_happened",
    "aggressor_description",
    "aggressor_phone",
    "vehicle",
    "plate",
    "aggressor_name",
)

FREE_TEXT_COLUMNS: tuple[str, ...] = (
    "what_happened",
    "aggressor_description",
    "vehicle",
    "plate",
    "aggressor_phone",
    "aggressor_name",
    "aggressor_contact",
    "location",
    "incident_types",
    "incident_date",
    "incident_time",
)

CONSENT_COLUMNS: tuple[str, ...] = ("consent_contact", "consent_police", "wants_statement")
SENSITIVE_COLUMNS: tuple[str, ...] = ("reporter_contact",)

_YES = frozenset({"yes", "y", "true", "t", "1", "x", "✓", "✔", "oui"})
_NO = frozenset({"no", "n", "false", "f", "0", "", "non", "-"})


class YesNoError(ValueError):
    """A yes/no cell holds something that is neither."""


def shown_value(value: object) -> str:
    """A cell's value quoted for a message, unless it may hold contact details (a reporter
    sometimes types their phone or email into the wrong column): then it is not repeated."""
    text = str(value)
    if "@" in text or sum(character.isdigit() for character in text) >= 3:
        return "a value that is not shown here because it may hold contact details"
    return repr(text[:40])


def parse_yes_no(value: object) -> bool:
    """Read a yes/no cell; blank means no. Raises ``YesNoError`` for anything else."""
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise YesNoError(
        f"expected yes/no (yes, no, y, n, true, false, 1, 0, x, ✓), found {shown_value(value)}"
    )


def header_key(name: object) -> str:
    """Case- and space-insensitive header: ``' Aggressor Phone '`` → ``aggressor_phone``."""
    text = str(name).replace("\ufeff", "").strip().lower()
    return "_".join(text.replace("-", " ").replace("_", " ").split())


MAX_CELL_CHARACTERS = 50_000
"""A cell longer than this is a paste accident, not a report; its row is quarantined."""

FORMULA_PREFIXES = ("=", "+", "-", "@")


@dataclass(frozen=True)
class RowProblem:
    """Something wrong with one row: the column it is in and what to do about it."""

    column: str
    reason: str


def row_problems(fields: Mapping[str, str]) -> list[RowProblem]:
    """Every reason a row of canonical intake fields cannot be loaded (empty list: it can)."""
    problems = [
        RowProblem(
            name,
            f"cell has {len(value):,} characters, more than the {MAX_CELL_CHARACTERS:,} a report "
            "can hold; trim it and ingest the row again",
        )
        for name, value in fields.items()
        if len(value) > MAX_CELL_CHARACTERS
    ]
    if not any(fields.get(name, "").strip() for name in EVIDENCE_COLUMNS):
        problems.append(
            RowProblem(
                "(row)",
                "nothing to go on: what_happened, aggressor_description, aggressor_phone, "
                "vehicle, plate and aggressor_name are all blank",
            )
        )
    return problems


def row_warnings(fields: Mapping[str, str]) -> list[RowProblem]:
    """Things worth telling the co-ordinator about a row that still loads."""
    warnings = []
    for name, value in fields.items():
        text = value.lstrip()
        if len(text) > 1 and text[0] == "=" and not text[1:2].isspace():
            warnings.append(
                RowProblem(name, "starts with '=' like a spreadsheet formula; kept as plain text")
            )
    for name in CONSENT_COLUMNS:
        try:
            parse_yes_no(fields.get(name, ""))
        except YesNoError as error:
            warnings.append(RowProblem(name, f"{error}; read as no"))
    return warnings


def consent_flags(fields: Mapping[str, str]) -> dict[str, bool]:
    """The three consent answers; anything unreadable counts as no."""
    flags = {}
    for name in CONSENT_COLUMNS:
        try:
            flags[name] = parse_yes_no(fields.get(name, ""))
        except YesNoError:
            flags[name] = False
    return flags


def content_hash(fields: Mapping[str, str]) -> str:
    """A fingerprint of a report's content, blind to whitespace, case and the sensitive contact.

    Two copies of one report exported differently (CSV vs spreadsheet, re-typed spacing) hash the
    same; any change of substance gives a different hash.
    """
    canonical = {
        name: " ".join(value.split()).casefold()
        for name, value in sorted(fields.items())
        if name not in ("report_id", *SENSITIVE_COLUMNS) and value.strip()
    }
    payload = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def stable_report_id(fields: Mapping[str, str], digest: str) -> str:
    """The source's ``report_id`` when given, else an id derived from the content hash."""
    given = " ".join(fields.get("report_id", "").split())
    return given if given else f"h-{digest[:16]}"

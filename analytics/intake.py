"""The intake format (v1): the contract between the reporting channels and the pipelines.

See ``shared/intake-format.md``. Every column is optional, but a row must carry at least one of
``EVIDENCE_COLUMNS``. ``reporter_contact`` is sensitive and never part of a stored raw report.
"""

from __future__ import annotations

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


def parse_yes_no(value: object) -> bool:
    """Read a yes/no cell; blank means no. Raises ``YesNoError`` for anything else."""
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise YesNoError(f"expected yes/no (yes, no, y, n, true, false, 1, 0, x, ✓), found {value!r}")


def header_key(name: object) -> str:
    """Case- and space-insensitive form of a column header: ``' Aggressor Phone '`` → ``aggressor_phone``."""
    text = str(name).replace("\ufeff", "").strip().lower()
    return "_".join(text.replace("-", " ").replace("_", " ").split())

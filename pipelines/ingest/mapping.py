"""Which source column feeds which intake column: the header rules plus an optional mapping file.

A mapping file is TOML with one table, source header → intake column::

    [columns]
    "Description of incident" = "what_happened"
    "Bad date's phone #" = "aggressor_phone"

Headers match case- and space-insensitively, with or without a mapping file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from analytics.intake import INTAKE_COLUMNS, header_key
from pipelines.errors import ConfigError


@dataclass(frozen=True)
class ColumnMapping:
    """Source header key → intake column, from a mapping file (empty when none is given)."""

    overrides: dict[str, str]

    def resolve(self, headers: list[str]) -> dict[str, str]:
        """Intake column → the source header that feeds it (first match wins)."""
        resolved: dict[str, str] = {}
        for header in headers:
            key = header_key(header)
            target = self.overrides.get(key) or (key if key in INTAKE_COLUMNS else None)
            if target and target not in resolved:
                resolved[target] = header
        return resolved


NO_MAPPING = ColumnMapping({})


def canonical_fields(cells: dict[str, str], columns: dict[str, str]) -> dict[str, str]:
    """Intake column → text, from a row's cells and the header that feeds each column."""
    return {target: cells.get(header, "") for target, header in columns.items()}


def load_mapping(path: Path | None) -> ColumnMapping:
    if path is None:
        return NO_MAPPING
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"mapping file {path} does not exist.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"mapping file {path} is not valid TOML: {error}.") from None
    columns = document.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise ConfigError(
            f'mapping file {path} needs a [columns] table, e.g. "Description" = "what_happened".'
        )
    unknown = sorted(
        f"{source!r} → {target!r}"
        for source, target in columns.items()
        if target not in INTAKE_COLUMNS
    )
    if unknown:
        raise ConfigError(
            f"mapping file {path} maps to unknown intake column(s): {', '.join(unknown)}. "
            f"Intake columns are: {', '.join(INTAKE_COLUMNS)}."
        )
    return ColumnMapping({header_key(source): str(target) for source, target in columns.items()})

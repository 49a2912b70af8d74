"""Shipped reference data: word lists and gazetteers, each saying its source and approximation."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def given_names() -> frozenset[str]:
    """Men's given names and short forms, lower case (``given_names.csv``)."""
    text = resources.files(__name__).joinpath("given_names.csv").read_text("utf-8")
    lines = [line.strip().lower() for line in text.splitlines()]
    return frozenset(
        line for line in lines[1:] if line and not line.startswith("#") and line != "name"
    )

"""Shipped reference data: word lists and gazetteers, each saying its source and approximation."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _name_list(file: str) -> frozenset[str]:
    text = resources.files(__name__).joinpath(file).read_text("utf-8")
    lines = [line.strip().lower() for line in text.splitlines()]
    return frozenset(line for line in lines if line and not line.startswith("#") and line != "name")


@cache
def given_names() -> frozenset[str]:
    """Men's given names and short forms common here, lower case (``given_names.csv``)."""
    return _name_list("given_names.csv")


@cache
def census_given_names() -> frozenset[str]:
    """More men's given names, from a census list (``given_names_census.csv``): names only
    where the text says the word is him."""
    return _name_list("given_names_census.csv")

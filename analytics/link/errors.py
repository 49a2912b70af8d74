"""Errors of the linker. ``pipelines`` turns them into its own messages for users."""

from __future__ import annotations


class LinkError(ValueError):
    """Base of linker errors: the input or a setting cannot be linked as given."""


class NotFittedError(LinkError):
    """A model was used before ``fit``."""


class DecisionConflictError(LinkError):
    """Human decisions contradict each other (a rejected pair joined by confirmed links)."""

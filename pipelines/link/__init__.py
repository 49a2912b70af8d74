"""Linking inside the store: the ``bdars run`` link stage, and what the dashboard calls."""

from pipelines.link.decisions import (
    DecisionError,
    merge_aggressors,
    record_decision,
    split_aggressor,
)
from pipelines.link.lookup import candidate_matches, search
from pipelines.link.stage import run_link_stage

__all__ = [
    "DecisionError",
    "candidate_matches",
    "merge_aggressors",
    "record_decision",
    "run_link_stage",
    "search",
    "split_aggressor",
]

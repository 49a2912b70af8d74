"""Linking repeat aggressors: explainable fuzzy linkage that learns from human decisions.

``link`` runs the whole step on a feature table; the modules are its parts: ``comparisons``
(one small class per kind of evidence), ``blocking``, ``scoring``, ``clustering``,
``frequencies``, ``evaluation``.
"""

from analytics.link.evidence import explain_pairs
from analytics.link.linker import LinkResult, LinkSettings, link

__all__ = ["LinkResult", "LinkSettings", "explain_pairs", "link"]

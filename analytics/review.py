"""Which suggested links the co-ordinator should look at first: those where a decision changes most.

A pair the model is sure about changes little when a person confirms it; a pair near even odds
that would join (or keep apart) two profiles with many reports changes a lot.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def decision_impact(links: pd.DataFrame) -> pd.Series:
    """Impact of deciding each pair, from 0 to about 1 + log2 of the profiles' sizes.

    ``links`` has ``probability``, ``aggressor_a``, ``aggressor_b``, ``size_a`` and ``size_b``
    (``size`` = reports in that report's profile). Uncertainty is ``1 - |2p - 1|``; a pair across
    two profiles weighs by how many reports the decision would join or part.
    """
    probability = links["probability"].astype(float).clip(0.0, 1.0)
    uncertainty = 1.0 - (2.0 * probability - 1.0).abs()
    across = links["aggressor_a"].astype(str) != links["aggressor_b"].astype(str)
    reach = np.log2(1.0 + np.minimum(links["size_a"], links["size_b"]).astype(float))
    return (uncertainty * (1.0 + across.astype(float) * reach)).rename("impact")


def review_order(links: pd.DataFrame) -> pd.DataFrame:
    """``links`` with an ``impact`` column, highest first (ties: higher probability first)."""
    scored = links.assign(impact=decision_impact(links))
    return scored.sort_values(
        ["impact", "probability", "report_id_a", "report_id_b"],
        ascending=[False, False, True, True],
        kind="stable",
    ).reset_index(drop=True)

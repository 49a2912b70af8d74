"""Human decisions on pairs: the latest decision per pair holds; ``undone`` clears it."""

from __future__ import annotations

import pandas as pd

DECISIONS: tuple[str, ...] = ("confirmed", "rejected", "undone")


def ordered_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def current_decisions(decisions: pd.DataFrame | None) -> pd.DataFrame:
    """The decision in force per pair (``report_id_a < report_id_b``): confirmed or rejected.

    ``decisions`` is in the order they were made (later rows win).
    """
    columns = ["report_id_a", "report_id_b", "decision"]
    if decisions is None or decisions.empty:
        return pd.DataFrame(columns=columns)
    a = decisions["report_id_a"].astype(str)
    b = decisions["report_id_b"].astype(str)
    frame = pd.DataFrame(
        {
            "report_id_a": a.where(a <= b, b).to_numpy(),
            "report_id_b": b.where(a <= b, a).to_numpy(),
            "decision": decisions["decision"].astype(str).to_numpy(),
        }
    )
    latest = frame.drop_duplicates(["report_id_a", "report_id_b"], keep="last")
    return latest[latest["decision"] != "undone"].reset_index(drop=True)

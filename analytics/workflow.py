"""The case workflow and the liaison's responsiveness figures.

Every report and every aggressor moves through ``WORKFLOW_STATUSES``; each change is a row in an
append-only history, and the latest change holds. A change to an aggressor applies to each of its
reports too (reviewing a profile reviews its reports).

Responsiveness measures, per report, the days from receipt to three steps:

* **forwarded**: first change to ``forwarded_to_liaison`` or any later liaison step
  (``reviewed_by_liaison``, ``statement_taken``, ``identified_by_police``);
* **reviewed**: first change to ``reviewed_by_liaison``, ``statement_taken`` or
  ``identified_by_police``;
* **outcome**: first change to ``statement_taken``, ``identified_by_police``,
  ``referred_to_other_agency`` or ``closed``.

A report is *waiting* for a step when it has no outcome yet, has reached the step before (receipt
counts as the step before forwarding) and has not reached this one, for longer than N days.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analytics.vocabulary import WORKFLOW_STATUSES

__all__ = [
    "STAGES",
    "WorkflowError",
    "current_statuses",
    "report_changes",
    "responsiveness_by_month",
    "stage_times",
    "transition_problem",
    "waiting_counts",
]

STAGES: dict[str, frozenset[str]] = {
    "forwarded": frozenset(
        {"forwarded_to_liaison", "reviewed_by_liaison", "statement_taken", "identified_by_police"}
    ),
    "reviewed": frozenset({"reviewed_by_liaison", "statement_taken", "identified_by_police"}),
    "outcome": frozenset(
        {"statement_taken", "identified_by_police", "referred_to_other_agency", "closed"}
    ),
}
"""Each responsiveness step and the statuses that reach it."""

_PREVIOUS: dict[str, str | None] = {
    "forwarded": None,
    "reviewed": "forwarded",
    "outcome": "reviewed",
}
CHANGE_COLUMNS = ("target_kind", "target_id", "status", "at")


class WorkflowError(ValueError):
    """A status or a status change is not allowed."""


def transition_problem(current: str | None, new: str) -> str | None:
    """Why ``current`` → ``new`` is not allowed, or None when it is.

    Steps may be skipped or revisited (real cases are messy, and the history keeps every step),
    but a status must be known, must differ from the current one, and nothing returns to ``new``.
    """
    if new not in WORKFLOW_STATUSES:
        return f"unknown status {new!r}; statuses are {', '.join(WORKFLOW_STATUSES)}"
    if current == new:
        return f"the status is already {new}"
    if new == "new" and current not in (None, "new"):
        return f"a case cannot return to new (it is {current}); choose the step it is at now"
    return None


def _empty_changes() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="object") for name in CHANGE_COLUMNS})


def _ordered(changes: pd.DataFrame) -> pd.DataFrame:
    keys = ["at", "id"] if "id" in changes.columns else ["at"]
    return changes.sort_values(keys, kind="stable")


def current_statuses(changes: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The latest status of each (target_kind, target_id) in a history frame."""
    if changes.empty:
        return {}
    latest = _ordered(changes).groupby(["target_kind", "target_id"], sort=False).tail(1)
    return {
        (kind, target): status
        for kind, target, status in zip(
            latest["target_kind"], latest["target_id"], latest["status"], strict=True
        )
    }


def report_changes(changes: pd.DataFrame, members: Mapping[str, str]) -> pd.DataFrame:
    """Changes per report: the report's own plus those of its aggressor (``members``: report →
    aggressor). Columns ``report_id``, ``status``, ``at``."""
    if changes.empty:
        return pd.DataFrame({"report_id": [], "status": [], "at": []})
    own = changes[changes["target_kind"] == "report"]
    rows = [own.assign(report_id=own["target_id"])[["report_id", "status", "at"]]]
    by_aggressor: dict[str, list[str]] = {}
    for report_id, aggressor_id in members.items():
        by_aggressor.setdefault(aggressor_id, []).append(report_id)
    profile = changes[changes["target_kind"] == "aggressor"]
    spread = [
        (report_id, status, at)
        for target, status, at in zip(
            profile["target_id"], profile["status"], profile["at"], strict=True
        )
        for report_id in by_aggressor.get(target, [])
    ]
    rows.append(pd.DataFrame(spread, columns=["report_id", "status", "at"]))
    return pd.concat([frame for frame in rows if not frame.empty] or [rows[0]], ignore_index=True)


def _utc(values: pd.Series) -> pd.Series:
    return pd.to_datetime(
        pd.Series(values, dtype="object"), errors="coerce", utc=True, format="mixed"
    )


def stage_times(received: pd.DataFrame, changes: pd.DataFrame) -> pd.DataFrame:
    """Per report: ``received_at``, the first time it reached each step, and days to each.

    ``received`` has ``report_id`` and ``received_at``; ``changes`` has ``report_id``, ``status``
    and ``at`` (see :func:`report_changes`). A step dated before receipt is ignored (bad data).
    """
    times = pd.DataFrame(
        {
            "report_id": received["report_id"].astype(str),
            "received_at": _utc(received["received_at"]),
        }
    ).drop_duplicates("report_id")
    stamped = pd.DataFrame(
        {
            "report_id": changes["report_id"].astype(str).reset_index(drop=True),
            "status": changes["status"].astype(str).reset_index(drop=True),
            "at": _utc(changes["at"]).reset_index(drop=True),
        }
    ).merge(times, on="report_id", how="inner")
    stamped = stamped[stamped["at"] >= stamped["received_at"]]
    for stage, statuses in STAGES.items():
        reached = stamped[stamped["status"].isin(statuses)].groupby("report_id")["at"].min()
        times[f"{stage}_at"] = times["report_id"].map(reached)
        delta = times[f"{stage}_at"] - times["received_at"]
        times[f"days_to_{stage}"] = delta.dt.total_seconds() / 86400.0
    return times.reset_index(drop=True)


def responsiveness_by_month(times: pd.DataFrame) -> pd.DataFrame:
    """Per month of receipt: reports received, and for each step how many reached it, the median
    and the 90th percentile of days taken (linear interpolation; blank when none reached it)."""
    dated = times.dropna(subset=["received_at"])
    instants = dated["received_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    months = instants.dt.to_period("M").astype(str)
    rows = []
    for month, group in dated.groupby(months, sort=True):
        row: dict[str, object] = {"month": month, "received": len(group)}
        for stage in STAGES:
            days = group[f"days_to_{stage}"].dropna().to_numpy(dtype=float)
            row[f"{stage}_n"] = len(days)
            row[f"{stage}_median_days"] = float(np.median(days)) if len(days) else np.nan
            row[f"{stage}_p90_days"] = float(np.percentile(days, 90)) if len(days) else np.nan
        rows.append(row)
    columns = ["month", "received"] + [
        f"{stage}_{what}" for stage in STAGES for what in ("n", "median_days", "p90_days")
    ]
    return pd.DataFrame(rows, columns=columns)


def waiting_counts(times: pd.DataFrame, now: pd.Timestamp, days: float) -> dict[str, int]:
    """How many reports without an outcome have waited longer than ``days`` for each step."""
    if days < 0:
        raise WorkflowError(f"the waiting limit must be 0 days or more, found {days}")
    limit = pd.Timedelta(days=days)
    now = pd.Timestamp(now)
    now = now.tz_localize("UTC") if now.tzinfo is None else now.tz_convert("UTC")
    open_ = times[times["outcome_at"].isna()]
    counts = {}
    for stage, previous in _PREVIOUS.items():
        since = open_["received_at"] if previous is None else open_[f"{previous}_at"]
        pending = open_[f"{stage}_at"].isna() & since.notna() & (now - since > limit)
        counts[stage] = int(pending.sum())
    return counts

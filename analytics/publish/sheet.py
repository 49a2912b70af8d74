"""The bad date sheet: short plain-language entries, one per aggressor with new reports.

An entry is built from the normalised facts of the aggressor's reports received in the sheet's
period (never from the reporter's own words): when, where (an area), the kinds of harm, the
description, vehicle, plate and phone as the redaction policy allows. Entries carry a repeat marker
("4 reports since March") when the aggressor has more than one report, and an "identified by
police" marker when the liaison has set that status on the aggressor or one of its reports.
Aggressors identified by police during the period whose reports were on earlier sheets come back
as updates, so workers see that reports lead somewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from analytics.features import split_list
from analytics.publish.redaction import (
    RedactionPolicy,
    describe_aggressor,
    show_phones,
    show_place,
    show_plates,
    show_vehicle,
)
from analytics.publish.words import harm_name, harm_names, parse_partial_date, when_text
from analytics.vocabulary import SEVERITY

__all__ = [
    "IDENTIFIED",
    "Planned",
    "Sheet",
    "SheetEntry",
    "SheetOutline",
    "build_sheet",
    "entry_for",
    "identified_targets",
    "repeat_marker",
    "sheet_outline",
]

IDENTIFIED = "identified_by_police"
SECTOR_WORDS = {"street": "street-based", "outdoor": "outdoors", "online": "met online"}


@dataclass(frozen=True)
class SheetEntry:
    """One entry. ``report_ids`` and ``aggressor_id`` are for the audit log, never printed."""

    aggressor_id: str
    report_ids: tuple[str, ...]
    when: str
    where: str
    harms: str
    severity: int
    description: str
    vehicles: tuple[str, ...]
    plates: tuple[str, ...]
    phones: tuple[str, ...]
    repeat: str
    identified: bool
    latest: date | None
    headline: str = ""

    @property
    def lines(self) -> list[tuple[str, str]]:
        """(label, text) pairs in print order, blank ones left out."""
        pairs = [
            ("When", self.when),
            ("Where", self.where),
            ("What happened", self.harms),
            ("Description", self.description),
            ("Vehicle", "; ".join(self.vehicles)),
            ("Plate", ", ".join(self.plates)),
            ("Phone", ", ".join(self.phones)),
        ]
        return [(label, text) for label, text in pairs if text]

    @property
    def markers(self) -> list[str]:
        return [text for text in (self.repeat, self.identified_text) if text]

    @property
    def identified_text(self) -> str:
        return "Identified by police" if self.identified else ""


@dataclass(frozen=True)
class Sheet:
    since: date
    until: date
    entries: tuple[SheetEntry, ...]
    updates: tuple[SheetEntry, ...]

    @property
    def report_ids(self) -> list[str]:
        return [rid for entry in self.entries for rid in entry.report_ids]


def _day(value: object) -> date | None:
    day, _ = parse_partial_date(value)
    return day


def _incident_or_received(row: pd.Series) -> date | None:
    return _day(row.get("incident_date")) or _day(row.get("received_at"))


def repeat_marker(count: int, first: date | None, until: date) -> str:
    """``4 reports since March`` (the year is added when it is not ``until``'s year)."""
    if count < 2:
        return ""
    if first is None:
        return f"{count} reports"
    month = f"{first:%B}" if first.year == until.year else f"{first:%B %Y}"
    return f"{count} reports since {month}"


def identified_targets(changes: pd.DataFrame, until: date) -> dict[str, date]:
    """Target id → day of the change, for targets whose latest status by ``until`` is
    identified_by_police."""
    if changes.empty:
        return {}
    at = pd.to_datetime(changes["at"], utc=True, format="mixed")
    dated = changes.assign(_at=at)[at.dt.date <= until].sort_values("_at", kind="stable")
    latest = dated.groupby(["target_kind", "target_id"], sort=False).tail(1)
    latest = latest[latest["status"] == IDENTIFIED]
    return {str(t): a.date() for t, a in zip(latest["target_id"], latest["_at"], strict=True)}


def _headline(worst: str, kinds: int, area: str) -> str:
    """``Choking and other harm, Burnside Gorge``."""
    text = harm_name(worst) if worst else "Bad date"
    text = text[:1].upper() + text[1:] + (" and other harm" if kinds > 1 else "")
    return f"{text}, {area}" if area else text


def _span(days: list[date]) -> str:
    first, last = min(days), max(days)
    start = f"{first.day} {first:%B}" + ("" if first.year == last.year else f" {first:%Y}")
    return f"{start} to {last.day} {last:%B %Y}"


def _when(rows: list[pd.Series]) -> str:
    """Each report's when; with more than two, a count, the span and the latest."""
    texts = [
        when_text(r.get("incident_date"), r.get("incident_hour"), r.get("received_at"))
        for r in rows
    ]
    days = [r["_day"] for r in rows if r["_day"] is not None]
    if len(rows) <= 2 or len(days) < 2:
        return "; ".join(dict.fromkeys(texts))
    latest = texts[0][:1].lower() + texts[0][1:] if texts[0].startswith("R") else texts[0]
    return f"{len(rows)} new reports, {_span(days)}; latest {latest}"


def entry_for(
    group: pd.DataFrame,
    profile: pd.DataFrame,
    identified: bool,
    until: date,
    policy: RedactionPolicy,
) -> SheetEntry:
    """One entry for ``group`` (some reports of one aggressor, column ``_aggressor``);
    ``profile`` is all of that aggressor's reports (for the repeat marker)."""
    group = group.assign(_day=[_incident_or_received(row) for _, row in group.iterrows()])
    group = group.sort_values("_day", ascending=False, na_position="last", kind="stable")
    rows = [row for _, row in group.iterrows()]
    harms = [code for row in rows for code in split_list(row.get("incident_types"))]
    places = []
    for row in rows:
        place = show_place(
            row.get("neighbourhood"), row.get("municipality"), row.get("sector"), policy
        )
        sector = str(row.get("sector") or "").strip()
        sector_text = SECTOR_WORDS.get(sector, sector)
        if sector_text:
            places.append(f"{place or 'area not known'} ({sector_text})")
        elif place:
            places.append(place)
    descriptions = [describe_aggressor(row, policy) for row in rows]
    worst = max(dict.fromkeys(harms), key=lambda c: SEVERITY.get(c, 1), default="")
    areas = [
        show_place(r.get("neighbourhood"), r.get("municipality"), r.get("sector"), policy)
        for r in rows
    ]
    area = next((a for a in areas if a), "")
    first = min(
        (d for d in (_incident_or_received(r) for _, r in profile.iterrows()) if d), default=None
    )
    return SheetEntry(
        aggressor_id=str(rows[0]["_aggressor"]),
        report_ids=tuple(str(row["report_id"]) for row in rows),
        when=_when(rows),
        where="; ".join(dict.fromkeys(p for p in places if p)),
        harms=harm_names(harms),
        severity=max((SEVERITY.get(code, 1) for code in harms), default=0),
        description=max(descriptions, key=len),
        vehicles=tuple(dict.fromkeys(v for r in rows if (v := show_vehicle(r)))),
        plates=tuple(dict.fromkeys(p for r in rows for p in show_plates(r.get("plate"), policy))),
        phones=tuple(dict.fromkeys(p for r in rows for p in show_phones(r.get("phones"), policy))),
        repeat=repeat_marker(len(profile), first, until),
        identified=identified,
        latest=rows[0]["_day"],
        headline=_headline(worst, len(set(harms)), area),
    )


@dataclass(frozen=True)
class Planned:
    """An entry before it is written: its aggressor, its reports (latest first) and latest day."""

    aggressor_id: str
    report_ids: tuple[str, ...]
    latest: date | None


@dataclass(frozen=True)
class SheetOutline:
    """Which entries and updates a sheet has, in print order, without their text."""

    since: date
    until: date
    entries: tuple[Planned, ...]
    updates: tuple[Planned, ...]

    @property
    def report_ids(self) -> list[str]:
        """The entries' reports, then the updates' (as the audit log records them)."""
        return [rid for planned in (*self.entries, *self.updates) for rid in planned.report_ids]


def _order(planned: Planned) -> tuple[int, str]:
    return (-(planned.latest or date.min).toordinal(), planned.aggressor_id)


def _sheet_frame(reports: pd.DataFrame, until: date) -> pd.DataFrame:
    frame = reports.assign(
        _aggressor=[
            str(a) if str(a or "").strip() else str(r)
            for a, r in zip(reports["aggressor_id"], reports["report_id"], strict=True)
        ],
        _received=[_day(value) for value in reports["received_at"]],
    )
    keep = [d is None or d <= until for d in frame["_received"]]
    return frame.loc[pd.Series(keep, index=frame.index, dtype=bool)]


def _outline(
    frame: pd.DataFrame, identified: dict[str, date], since: date, until: date
) -> tuple[tuple[Planned, ...], tuple[Planned, ...]]:
    incidents = frame["incident_date"] if "incident_date" in frame else [None] * len(frame)
    days = [
        _day(incident) or _day(received)
        for incident, received in zip(incidents, frame["received_at"], strict=True)
    ]
    aggressors = [str(a) for a in frame["_aggressor"]]
    members: dict[str, list[int]] = {}
    for position, aggressor in enumerate(aggressors):
        members.setdefault(aggressor, []).append(position)
    report_ids = [str(rid) for rid in frame["report_id"]]

    def flagged(aggressor: str) -> date | None:
        targets = (aggressor, *(report_ids[p] for p in members[aggressor]))
        found = [identified[t] for t in targets if t in identified]
        return max(found) if found else None

    new: dict[str, list[int]] = {}
    for position, received in enumerate(frame["_received"]):
        if received is not None and since <= received <= until:
            new.setdefault(aggressors[position], []).append(position)
    entries = []
    for aggressor, positions in new.items():
        ordered = sorted(
            positions, key=lambda p: (days[p] is None, -(days[p] or date.min).toordinal())
        )
        entries.append(Planned(aggressor, tuple(report_ids[p] for p in ordered), days[ordered[0]]))
    updates = []
    candidates = {a for a in members if a in identified} | {
        aggressors[p] for p, rid in enumerate(report_ids) if rid in identified
    }
    for aggressor in candidates - set(new):
        day = flagged(aggressor)
        if day is None or not since <= day <= until:
            continue
        profile = frame.iloc[members[aggressor]]
        latest = profile.assign(_d=[days[p] for p in members[aggressor]])
        latest = latest.sort_values("_d", ascending=False, na_position="last").head(1)
        updates.append(Planned(aggressor, (str(latest["report_id"].iat[0]),), latest["_d"].iat[0]))
    return tuple(sorted(entries, key=_order)), tuple(sorted(updates, key=_order))


def sheet_outline(
    reports: pd.DataFrame, changes: pd.DataFrame, since: date, until: date
) -> SheetOutline:
    """The entries and updates :func:`build_sheet` writes, in its order, without writing them.

    Only the reports received in the period and every report of the aggressors identified by
    police in it are read, so ``reports`` may be just those."""
    if since > until:
        raise ValueError(f"the sheet's period starts ({since}) after it ends ({until})")
    frame = _sheet_frame(reports, until)
    entries, updates = _outline(frame, identified_targets(changes, until), since, until)
    return SheetOutline(since, until, entries, updates)


def build_sheet(
    reports: pd.DataFrame,
    changes: pd.DataFrame,
    since: date,
    until: date,
    policy: RedactionPolicy,
    limit: int | None = None,
) -> Sheet:
    """The sheet for reports received from ``since`` to ``until`` (both days included).

    ``reports`` holds feature rows of every report (earlier ones count toward repeat markers)
    plus ``aggressor_id`` (blank: the report is its own aggressor); ``changes`` is the workflow
    history (``target_kind``, ``target_id``, ``status``, ``at``). Reports received after
    ``until`` are ignored. With ``limit``, only the first ``limit`` entries and updates are
    written (see :func:`sheet_outline` for all of them).
    """
    if since > until:
        raise ValueError(f"the sheet's period starts ({since}) after it ends ({until})")
    frame = _sheet_frame(reports, until)
    identified = identified_targets(changes, until)
    entries, updates = _outline(frame, identified, since, until)
    positions: dict[str, list[int]] = {}
    for position, aggressor in enumerate(frame["_aggressor"]):
        positions.setdefault(aggressor, []).append(position)

    def written(planned: Planned, update: bool) -> SheetEntry:
        profile = frame.iloc[positions[planned.aggressor_id]]
        group = profile[profile["report_id"].astype(str).isin(set(planned.report_ids))]
        flagged = update or any(
            target in identified for target in (planned.aggressor_id, *profile["report_id"])
        )
        return entry_for(group, profile, flagged, until, policy)

    return Sheet(
        since,
        until,
        tuple(written(planned, False) for planned in entries[:limit]),
        tuple(written(planned, True) for planned in updates[:limit]),
    )

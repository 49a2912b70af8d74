"""Jurisdiction routing: reports outside the home agency's area, grouped by the agency to send to.

VicPD polices the City of Victoria and Esquimalt; an incident in Saanich, Oak Bay, the West Shore or
elsewhere belongs to another agency and must be sent there, not dropped. A report whose place is not
known is listed too (under ``unknown``) so someone finds out where it happened.

Each row says what can be sent: the items the report actually holds (date, place, harms, aggressor
identifiers) and whether the reporter's contact may go to police. Nothing here holds a contact.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analytics.features import split_list
from analytics.priority import harm_words, has_full_plate, is_yes, parse_day
from analytics.vocabulary import JURISDICTIONS, SEVERITY

__all__ = ["ROUTE_GUIDANCE", "agency_summary", "guidance_for", "routing_table"]

HOME_AGENCY = "VicPD"
REFERRED = "referred_to_other_agency"
ROUTING_COLUMNS: tuple[str, ...] = (
    "agency",
    "report_id",
    "aggressor_id",
    "date",
    "place",
    "harms",
    "severity",
    "send",
    "consent_police",
    "status",
    "referred",
)

ROUTE_GUIDANCE: dict[str, str] = {
    "outside Greater Victoria": (
        "Find the police agency for the place named, then send the date, place, harm types and "
        "aggressor identifiers; the reporter's contact only where they consented to police contact."
    ),
    "unknown": (
        "Where it happened is not known: ask the co-ordinator (or the reporter, where they agreed "
        "to be contacted) before routing it; until then it stays with the home agency's liaison."
    ),
}
_AGENCY_GUIDANCE = (
    "Send the date, place, harm types and aggressor identifiers (phone, plate, vehicle, "
    "description), and say which other reports are linked; the reporter's contact only where they "
    "consented to police contact."
)


def guidance_for(agency: str) -> str:
    """What to send an agency (plain language)."""
    return ROUTE_GUIDANCE.get(agency, _AGENCY_GUIDANCE)


def _agency(value: object) -> str:
    text = str(value or "").strip()
    return text if text else "unknown"


def _items(row: Mapping[str, object]) -> list[str]:
    items = []
    if split_list(row.get("phones")):
        items.append("full phone")
    elif split_list(row.get("phone_fragments")):
        items.append("partial phone")
    plates = row.get("plate")
    if has_full_plate(plates):
        items.append("full plate")
    elif split_list(plates):
        items.append("partial plate")
    if any(
        str(row.get(c) or "").strip() for c in ("vehicle_make", "vehicle_model", "vehicle_body")
    ):
        items.append("vehicle")
    described = ("aggressor_sex", "age_low", "build", "hair", "facial_hair", "marks")
    if any(str(row.get(c) or "").strip() for c in described):
        items.append("description")
    if split_list(row.get("names")) or split_list(row.get("handles")):
        items.append("name or handle")
    return items


def routing_table(
    reports: pd.DataFrame,
    statuses: Mapping[str, str] | None = None,
    home: str = HOME_AGENCY,
) -> pd.DataFrame:
    """Reports outside ``home``'s area, one row each, sorted by agency, then newest first.

    ``reports`` holds feature columns (``jurisdiction`` blank counts as ``unknown``) plus
    ``aggressor_id`` and ``consent_police``; ``statuses`` maps report id → current status.
    """
    statuses = statuses or {}
    rows = []
    for row in reports.to_dict(orient="records"):
        agency = _agency(row.get("jurisdiction"))
        if agency == home:
            continue
        report_id = str(row["report_id"])
        harms = split_list(row.get("incident_types"))
        day = parse_day(row.get("incident_date")) or parse_day(row.get("received_at"))
        place = ", ".join(
            dict.fromkeys(
                str(row.get(c) or "").strip()
                for c in ("neighbourhood", "municipality")
                if str(row.get(c) or "").strip()
            )
        )
        status = statuses.get(report_id, "new")
        rows.append(
            {
                "agency": agency,
                "report_id": report_id,
                "aggressor_id": str(row.get("aggressor_id") or ""),
                "date": day.isoformat() if day else "",
                "place": place,
                "harms": ", ".join(harm_words(h) for h in harms),
                "severity": max((SEVERITY.get(h, 1) for h in harms), default=0),
                "send": ", ".join(["date", "place", "harm types", *_items(row)]),
                "consent_police": is_yes(row.get("consent_police")),
                "status": status,
                "referred": status == REFERRED,
            }
        )
    frame = pd.DataFrame(rows, columns=list(ROUTING_COLUMNS))
    order = {name: index for index, name in enumerate(JURISDICTIONS)}
    return (
        frame.assign(_rank=frame["agency"].map(lambda a: order.get(a, len(order))))
        .sort_values(["_rank", "agency", "date", "report_id"], ascending=[True, True, False, True])
        .drop(columns="_rank")
        .reset_index(drop=True)
    )


def agency_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per agency: reports, how many are not yet referred, how many reporters consent to police
    contact, the worst severity, and what to send."""
    columns = ["agency", "reports", "not_referred", "consent_police", "worst_severity", "send"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    grouped = table.groupby("agency", sort=False)
    summary = pd.DataFrame(
        {
            "reports": grouped.size(),
            "not_referred": grouped["referred"].apply(lambda s: int((~s.astype(bool)).sum())),
            "consent_police": grouped["consent_police"].apply(lambda s: int(s.astype(bool).sum())),
            "worst_severity": grouped["severity"].max(),
        }
    ).reset_index()
    summary["send"] = summary["agency"].map(guidance_for)
    return summary[columns]

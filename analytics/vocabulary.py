"""Reference vocabularies shared by every stage (see ``shared/design.md``). Extend, don't rename."""

from __future__ import annotations

HARM_TYPES: tuple[str, ...] = (
    "physical_assault",
    "strangulation",
    "sexual_assault",
    "stealthing",
    "weapon",
    "robbery",
    "theft",
    "non_payment",
    "threats",
    "confinement",
    "drugging",
    "harassment",
    "stalking",
    "outing_extortion",
    "boundary_violation",
    "impersonating_police",
    "time_waster",
    "other",
)

SEVERITY: dict[str, int] = {
    "strangulation": 5,
    "sexual_assault": 5,
    "weapon": 5,
    "drugging": 4,
    "confinement": 4,
    "physical_assault": 4,
    "stealthing": 4,
    "robbery": 3,
    "threats": 3,
    "impersonating_police": 3,
    "stalking": 3,
    "outing_extortion": 3,
    "theft": 2,
    "harassment": 2,
    "boundary_violation": 2,
    "non_payment": 2,
    "other": 1,
    "time_waster": 1,
}
"""Severity ordinal, 1 (lowest) to 5 (highest); a report's severity is that of its worst harm."""

SEVERITY_LABELS: dict[int, str] = {
    5: "life-threatening or sexual violence",
    4: "serious violence",
    3: "threats, robbery or intimidation",
    2: "theft, harassment or boundary violation",
    1: "time waster or other",
}

VEHICLE_COLOURS: tuple[str, ...] = (
    "black",
    "white",
    "grey",
    "silver",
    "red",
    "blue",
    "green",
    "beige",
    "brown",
    "gold",
    "yellow",
    "orange",
    "purple",
)

CITY_OF_VICTORIA_NEIGHBOURHOODS: tuple[str, ...] = (
    "Burnside Gorge",
    "Downtown",
    "Fairfield",
    "Fernwood",
    "Gonzales",
    "Hillside-Quadra",
    "James Bay",
    "Jubilee",
    "North Park",
    "Oaklands",
    "Rockland",
    "Victoria West",
)

JURISDICTIONS: tuple[str, ...] = (
    "VicPD",
    "Saanich PD",
    "Oak Bay PD",
    "Central Saanich PD",
    "West Shore RCMP",
    "Sidney/North Saanich RCMP",
    "Sooke RCMP",
    "outside Greater Victoria",
    "unknown",
)

REPORTER_GENDERS: tuple[str, ...] = (
    "woman",
    "man",
    "trans woman",
    "trans man",
    "non-binary",
    "two-spirit",
    "other",
)

CHANNELS: tuple[str, ...] = ("online", "in person", "phone", "email", "outreach van", "third party")

SECTORS: tuple[str, ...] = (
    "street",
    "outdoor",
    "indoor",
    "incall",
    "outcall",
    "online",
    "agency",
    "massage",
)

WORKFLOW_STATUSES: tuple[str, ...] = (
    "new",
    "on_sheet",
    "forwarded_to_liaison",
    "reviewed_by_liaison",
    "statement_taken",
    "identified_by_police",
    "referred_to_other_agency",
    "closed",
)

ROLES: tuple[str, ...] = ("co-ordinator", "liaison", "stakeholder", "admin")

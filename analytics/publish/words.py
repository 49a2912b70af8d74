"""Plain words shared by the sheet, the alerts and the monthly report."""

from __future__ import annotations

import re
from datetime import date

from analytics.vocabulary import SEVERITY

__all__ = ["HARM_NAMES", "PARTS_OF_DAY", "harm_name", "harm_names", "part_of_day", "when_text"]

HARM_NAMES: dict[str, str] = {
    "physical_assault": "physical assault",
    "strangulation": "choking",
    "sexual_assault": "sexual assault",
    "stealthing": "removed condom without consent",
    "weapon": "weapon used or shown",
    "robbery": "robbery",
    "theft": "theft",
    "non_payment": "refused to pay",
    "threats": "threats",
    "confinement": "would not let the worker leave",
    "drugging": "drugging",
    "harassment": "harassment",
    "stalking": "stalking",
    "outing_extortion": "threatened to out the worker, or extortion",
    "boundary_violation": "pushed past agreed limits",
    "impersonating_police": "pretended to be police",
    "time_waster": "time waster",
    "other": "other harm",
}
"""Plain names for the harm codes, with no graphic detail."""

PARTS_OF_DAY: tuple[tuple[str, range], ...] = (
    ("night", range(0, 5)),
    ("morning", range(5, 12)),
    ("afternoon", range(12, 17)),
    ("evening", range(17, 21)),
    ("night", range(21, 24)),
)
PART_ORDER: tuple[str, ...] = ("morning", "afternoon", "evening", "night")
_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def harm_name(code: str) -> str:
    return HARM_NAMES.get(code, code.replace("_", " "))


def harm_names(codes: list[str]) -> str:
    """Harms worst first, as plain words: ``choking, robbery``."""
    ordered = sorted(dict.fromkeys(codes), key=lambda c: (-SEVERITY.get(c, 1), c))
    return ", ".join(harm_name(code) for code in ordered)


def part_of_day(hour: object) -> str:
    """``night`` (21:00-04:59), ``morning``, ``afternoon`` or ``evening``; ``""`` if unknown."""
    try:
        value = int(float(str(hour)))
    except ValueError:
        return ""
    return next((name for name, hours in PARTS_OF_DAY if value in hours), "")


def parse_partial_date(text: object) -> tuple[date | None, str]:
    """(the day, or the first of the month for a month-only date; its precision ``day`` /
    ``month`` / ``""``)."""
    match = _DAY.match(str(text or "").strip())
    if not match:
        return None, ""
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        return date(year, month, int(day) if day else 1), "day" if day else "month"
    except ValueError:
        return None, ""


def when_text(incident_date: object, hour: object, received_at: object) -> str:
    """``Tue 3 March 2026, night``; ``March 2026``; or ``Reported 4 March 2026`` when the
    incident date is unknown."""
    day, precision = parse_partial_date(incident_date)
    part = part_of_day(hour)
    if precision == "day" and day is not None:
        text = f"{day:%a} {day.day} {day:%B %Y}"
    elif precision == "month" and day is not None:
        text = f"{day:%B %Y}"
    else:
        received, exact = parse_partial_date(received_at)
        if received is None:
            return "date not known"
        text = "Reported " + (
            f"{received.day} {received:%B %Y}" if exact == "day" else f"{received:%B %Y}"
        )
    return f"{text}, {part}" if part else text

"""Dates and times as reporters and staff write them, with the ISO truth a perfect reader derives.

Relative dates ("last night", "last tuesday") are resolved against the day the report was received;
a date without a year takes the year that puts it on or before that day.
"""

from __future__ import annotations

import datetime as dt
import random

from analytics.synth.draw import Weighted, pick

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def write_incident_date(
    rng: random.Random, incident: dt.date, received: dt.date
) -> tuple[str, str]:
    """(text, ISO truth) for the incident date; the truth may be a month (``2026-03``) or blank."""
    lag = (received - incident).days
    iso = incident.isoformat()
    roll = rng.random()
    if lag == 0 and roll < 0.5:
        return pick(rng, ("today", "today", "earlier today", "just now")), iso
    if lag == 1 and roll < 0.5:
        return pick(rng, ("last night", "yesterday", "last nite", "yesterday night")), iso
    if 2 <= lag <= 6 and roll < 0.4:
        name = _WEEKDAYS[incident.weekday()]
        text = pick(
            rng,
            (f"last {name}", f"on {name}", f"{name} night", f"{name[:3]} night", name.capitalize()),
        )
        return text, iso
    month = _MONTHS[incident.month - 1]
    roll = rng.random()
    if roll < 0.35:
        return iso, iso
    if roll < 0.5:
        return pick(
            rng,
            (
                f"{month} {incident.day}",
                f"{month[:3]} {_ordinal(incident.day)}",
                f"{incident.day} {month[:3]}",
            ),
        ), iso
    if roll < 0.6:
        return f"{month} {incident.day}, {incident.year}", iso
    if roll < 0.68:
        return f"{incident.year}-{incident.month:02d}", f"{incident.year}-{incident.month:02d}"
    if roll < 0.74:
        part = "early" if incident.day <= 10 else "mid" if incident.day <= 20 else "end of"
        return f"{part} {month}", f"{incident.year}-{incident.month:02d}"
    if roll < 0.86 and incident.day > 12:
        return incident.strftime(pick(rng, ("%d/%m/%Y", "%m/%d/%Y", "%d/%m/%y", "%m/%d/%y"))), iso
    if roll < 0.92:
        return incident.strftime("%Y/%m/%d"), iso
    return pick(rng, ("a few weeks ago", "a while back", "recently", "not sure")), ""


_HOUR_WEIGHTS = (6, 5, 5, 4, 3, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 7, 7)


_HOUR_DRAW = Weighted(range(24), _HOUR_WEIGHTS)


def pick_hour(rng: random.Random) -> int:
    return _HOUR_DRAW(rng)


def write_time(rng: random.Random, hour: int, minute: int) -> tuple[str, str]:
    """(text, hour truth) for the incident time."""
    h12 = hour % 12 or 12
    ampm = "am" if hour < 12 else "pm"
    roll = rng.random()
    if roll < 0.2:
        return f"{hour:02d}:{minute:02d}", str(hour)
    if roll < 0.35:
        return f"{h12}:{minute:02d}{pick(rng, (ampm, ' ' + ampm, ampm.upper()))}", str(hour)
    if roll < 0.6:
        return pick(
            rng,
            (
                f"around {h12}{ampm}",
                f"{h12}{ampm}",
                f"{h12} {ampm}",
                f"~{h12}{ampm}",
                f"approx {h12}{ampm}",
            ),
        ), str(hour)
    if roll < 0.67:
        return f"{hour:02d}{minute:02d}", str(hour)
    if roll < 0.77 and (hour >= 20 or hour < 5) and hour != 0:
        when = "at night" if hour >= 20 or hour == 0 else "in the morning"
        return f"{h12} {when}", str(hour)
    if roll < 0.8 and hour == 0:
        return "midnight", "0"
    if roll < 0.8 and hour == 12:
        return "noon", "12"
    if hour >= 21 or hour < 4:
        return pick(
            rng, ("late night", "late", "after midnight" if hour < 4 else "late evening", "night")
        ), ""
    if hour < 12:
        return pick(rng, ("morning", "in the morning", "early am")), ""
    if hour < 17:
        return pick(rng, ("afternoon", "in the afternoon", "daytime")), ""
    return pick(rng, ("evening", "supper time", "early evening")), ""


def write_received(rng: random.Random, day: dt.date, minute: int) -> tuple[str, str]:
    """(text, ISO truth) for when the report was received, in one of several export formats."""
    hh, mm = divmod(minute, 60)
    stamp = f"{day.isoformat()}T{hh:02d}:{mm:02d}"
    roll = rng.random()
    if roll < 0.35:
        return stamp, stamp
    if roll < 0.55:
        return f"{day.isoformat()} {hh:02d}:{mm:02d}:{rng.randrange(60):02d}", stamp
    if roll < 0.7:
        return day.isoformat(), day.isoformat()
    if roll < 0.8 and day.day > 12:
        return day.strftime(pick(rng, ("%d/%m/%Y", "%m/%d/%Y"))), day.isoformat()
    if roll < 0.9:
        h12 = hh % 12 or 12
        text = f"{_MONTHS[day.month - 1][:3]} {day.day}, {day.year} {h12}:{mm:02d} "
        return text + ("AM" if hh < 12 else "PM"), stamp
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}", day.isoformat()

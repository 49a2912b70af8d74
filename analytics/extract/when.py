"""When: the incident's date and hour, and when the report was received.

Dates are ISO (``2026-03-04``) or partial (``2026-03``). Accepted forms: ``2026-03-04``,
``2026/03/04``, ``04/03/2026``, ``4/3/26``, ``March 4 2026``, ``4 Mar 26``, ``Mar 4``,
``the 4th of March``, ``March 2026``, and relative phrases ("yesterday", "last night", "last
friday", "two weeks ago") resolved against ``received_at``. A year or relative phrase that needs
``received_at`` gives a blank when ``received_at`` does not parse.

Day/month rule for all-numeric dates (``04/03/2026``): a number above 12 settles which is the
day; otherwise the first number is the day (day/month/year, as in the intake format's examples).
An hour is given only when one is stated ("23:40", "around 2am", "10 at night", "midnight");
"late night" or "evening" give a blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta

__all__ = ["canonical_date", "canonical_hour", "canonical_received", "extract"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a couple": 2, "couple": 2,
    "couple of": 2,
}  # fmt: skip

_ISO = re.compile(r"([12][0-9]{3})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])")
_ISO_MONTH = re.compile(r"(?<![0-9])([12][0-9]{3})[-/]([0-9]{1,2})(?![0-9/\-])")
_NUMERIC = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4}|[0-9]{2})(?![0-9/\-])")
_DAY_MONTH = re.compile(
    r"\b([0-9]{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r"(?:,?\s*('?[0-9]{4}|'?[0-9]{2}))?\b"
)
_MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s*(?:the\s+)?([0-9]{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:am|pm|a\.m|p\.m|:))"
    r"(?:,?\s*([0-9]{4}|'[0-9]{2}))?"
)
_MONTH_PART = re.compile(
    r"\b(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|in)\s*-?\s*"
    + _MONTH
    + r"(?!\s*[0-9]{1,2}(?![0-9]))\b"
)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s*([12][0-9]{3})\b")
_AGO = re.compile(
    r"\b([0-9]{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"(?:a\s+)?couple(?:\s+of)?)\s+(day|night|week)s?\s+ago\b"
)
_RELATIVE = re.compile(
    r"\b(?:(day\s+before\s+yesterday)|(yesterday|last\s+nite|last\s+night)|"
    r"(today|tonight|tonite|this\s+(?:morning|afternoon|evening)|just\s+now|right\s+now)|"
    r"(?:(last|this\s+past|past|on|this)\s+)?(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|"
    r"sun)(?:day)?\b(?!s)(?!\s+(?:nights|mornings|afternoons|evenings)\b)"
    r"(\s+(?:night|nite|morning|afternoon|evening)\b(?!s))?)"
)
_HABIT = re.compile(r"\b(?:every|always|usually|most|some|weekends?)\b[^.!?]{0,18}$")
_DATETIME = re.compile(
    r"^\s*(.+?)(?:[T ]\s*([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"(?:Z|[+-][0-9:]{2,5})?)?\s*$"
)

_AMPM = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?\s*(?:ish\s*)?(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])")
_RANGE_AMPM = re.compile(
    r"([0-9]{1,2})(?::[0-9]{2})?\s*(?:-|–|to|and|or)\s*[0-9]{1,2}(?::[0-9]{2})?\s*"
    r"(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
)
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3])(?::|h)([0-5][0-9])(?![0-9])")
_SPOKEN = re.compile(
    r"([0-9]{1,2})(?::[0-9]{2})?\s*(?:o'?clock\s+)?(?:ish\s+)?"
    r"(at\s+night|in\s+the\s+(?:morning|afternoon|evening|night)|tonight|this\s+morning)"
)
_MILITARY_COLUMN = re.compile(
    r"^\s*(?:around|about|approx\.?|~|at|@)?\s*([01][0-9]|2[0-3])([0-5][0-9])\s*(?:h|hrs?|hours)?\s*$"
)
_MILITARY = re.compile(
    r"(?:\b(?:at|around|about|approx\.?|it\s+was)\s+|[@~]\s*)([01][0-9]|2[0-3])([0-5][0-9])\b"
    r"(?![:/.\-][0-9])(?!\s+(?:[a-z]+\s+){0,2}(?:st|street|rd|road|ave|avenue|blvd|way|dr|drive|hwy|"
    r"highway|cres|pl|block)\b)"
    r"|(?<![0-9:/.\-])([01][0-9]|2[0-3])([0-5][0-9])\s*(?:h|hrs|hours)\b"
)
_NAMED_HOUR = re.compile(r"\b(noon|midday|midnight)\b")
_BARE_HOUR = re.compile(r"^\s*(?:around|about|approx\.?|~|at)?\s*([0-9]{1,2})(?:00|:00)?\s*h?\s*$")


def _first(pattern: re.Pattern[str], text: str, not_after: str) -> re.Match[str] | None:
    """First match of ``pattern`` not preceded by a character in ``not_after``.

    The check is done here rather than with a leading lookbehind, which would stop the regex
    engine from skipping quickly to the characters a match can start with.
    """
    for match in pattern.finditer(text):
        start = match.start()
        if start == 0 or text[start - 1] not in not_after:
            return match
    return None


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    return value + 2000 if value < 100 else value


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _infer_year(month: int, day: int, received: date | None) -> str:
    if received is None:
        return ""
    found = _iso(received.year, month, day)
    if found and date.fromisoformat(found) > received + timedelta(days=1):
        found = _iso(received.year - 1, month, day)
    return found


def _numeric(first: int, second: int, year: int) -> str:
    if first > 12:
        return _iso(year, second, first)
    if second > 12:
        return _iso(year, first, second)
    return _iso(year, second, first)


def _relative(lowered: str, received: date | None) -> str:
    if received is None:
        return ""
    ago = _AGO.search(lowered) if "ago" in lowered else None
    if ago:
        count_text = ago.group(1).strip()
        count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text, 0)
        unit = 7 if ago.group(2) == "week" else 1
        return (received - timedelta(days=count * unit)).isoformat() if count else ""
    match = _RELATIVE.search(lowered)
    if match is None:
        return ""
    if match.group(1):
        return (received - timedelta(days=2)).isoformat()
    if match.group(2):
        return (received - timedelta(days=1)).isoformat()
    if match.group(3):
        return received.isoformat()
    qualifier = (match.group(4) or "").strip()
    if not qualifier and (
        not (lowered.startswith("day", match.end(5)) or match.group(6))
        or _HABIT.search(lowered, max(0, match.start() - 30), match.start())
    ):
        return ""
    weekday = _WEEKDAYS[match.group(5)[:3]]
    back = (received.weekday() - weekday) % 7
    if qualifier == "last" and back == 0:
        back = 7
    return (received - timedelta(days=back)).isoformat()


def _month_date(lowered: str, received: date | None) -> str | None:
    if not _MONTH_WORD.search(lowered):
        return None
    match = _DAY_MONTH.search(lowered)
    if match:
        return _dated(match.group(3), _MONTHS[match.group(2)[:3]], int(match.group(1)), received)
    match = _MONTH_YEAR.search(lowered)
    if match and 1990 <= int(match.group(2)) <= (received.year if received else 9999):
        month = _MONTHS[match.group(1)[:3]]
        return f"{int(match.group(2)):04d}-{month:02d}"
    match = _MONTH_DAY.search(lowered)
    if match:
        return _dated(match.group(3), _MONTHS[match.group(1)[:3]], int(match.group(2)), received)
    match = _MONTH_PART.search(lowered)
    if match and received is not None:
        month = _MONTHS[match.group(1)[:3]]
        year = received.year if month <= received.month else received.year - 1
        return f"{year:04d}-{month:02d}"
    return None


def _dated(year_text: str | None, month: int, day: int, received: date | None) -> str:
    """A day and month with the year as written, or inferred when absent or implausible
    (after receipt, or more than five years before it)."""
    year = _year(year_text) if year_text else 0
    if year and _plausible_year(year, received):
        return _iso(year, month, day)
    return _infer_year(month, day, received)


def _plausible_year(year: int, received: date | None) -> bool:
    """Whether a year written after a day and month is believable: not after receipt, nor more
    than five years before it."""
    if received is None:
        return year >= 1990
    return received.year - 5 <= year <= received.year


_ANY_DIGIT = re.compile(r"[0-9]")
_DIGITS = "0123456789"
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_RECEIPT_TIME = re.compile(
    r"(?<![0-9:])([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?(?![0-9])"
)
_ISO_START = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RELATIVE_HINTS = (
    "ago", "yesterday", "night", "nite", "today", "tonight", "morning", "afternoon", "evening",
    "now",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
)  # fmt: skip
_PARTS_OF_DAY = ("night", "morning", "afternoon", "evening")


def canonical_date(text: str, received: date | None = None) -> str:
    """ISO date (or ``YYYY-MM``) named in ``text``; ``received`` resolves years and "yesterday"."""
    lowered = text.lower()
    if not lowered.strip() or len(lowered) > 5000:
        return ""
    digits = _ANY_DIGIT.search(lowered) is not None
    if digits:
        match = _first(_ISO, lowered, _DIGITS)
        if match:
            return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _first(_NUMERIC, lowered, _DIGITS + "/-.")
        if match:
            return _numeric(int(match.group(1)), int(match.group(2)), _year(match.group(3)))
    found = _month_date(lowered, received)
    if found is not None:
        return found
    if digits:
        match = _ISO_MONTH.search(lowered)
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{int(match.group(2)):02d}"
    if not any(hint in lowered for hint in _RELATIVE_HINTS):
        return ""
    return _relative(lowered, received)


def _ampm(hour: int, suffix: str) -> int:
    if hour > 12 or hour == 0:
        return hour if hour < 24 else -1
    if suffix.startswith("a"):
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def canonical_hour(text: str, *, bare_number: bool = True) -> str:
    """Hour 0-23 stated in ``text``, or ``""``; a lone number counts when ``bare_number``."""
    lowered = text.lower()
    if not lowered.strip() or len(lowered) > 5000:
        return ""
    candidates: list[tuple[int, int]] = []
    digits = _ANY_DIGIT.search(lowered) is not None
    meridiem = digits and ("m" in lowered)
    for pattern in (_RANGE_AMPM, _AMPM) if meridiem else ():
        match = _first(pattern, lowered, _DIGITS + ":")
        if match:
            suffix = match.group(match.lastindex or 1).replace(".", "").replace(" ", "")
            candidates.append((match.start(), _ampm(int(match.group(1)), suffix)))
            break
    match = _first(_CLOCK, lowered, _DIGITS + ":$.") if digits and not candidates else None
    if match:
        candidates.append((match.start(), int(match.group(1))))
    spoken = digits and any(part in lowered for part in _PARTS_OF_DAY)
    match = _first(_SPOKEN, lowered, _DIGITS + ":$") if spoken else None
    if match:
        hour, part = int(match.group(1)), match.group(2)
        if hour == 12:
            hour = 12 if "afternoon" in part else 0
        elif "morning" in part:
            pass
        elif hour < 12 and ("afternoon" in part or "evening" in part or hour >= 5):
            hour += 12
        candidates.append((match.start(), hour))
    match = _NAMED_HOUR.search(lowered) if ("noon" in lowered or "mid" in lowered) else None
    if match:
        candidates.append((match.start(), 0 if match.group(1) == "midnight" else 12))
    if not candidates and digits:
        match = (_MILITARY_COLUMN.match if bare_number else _MILITARY.search)(lowered)
        if match:
            hour_text = match.group(1) or match.group(3)
            candidates.append((match.start(), int(hour_text)))
    if not candidates and bare_number:
        stripped = lowered.strip()
        if stripped.isascii() and stripped.isdigit() and len(stripped) <= 2:
            candidates.append((0, int(stripped)))
        match = _BARE_HOUR.match(lowered)
        if match and 13 <= int(match.group(1)) <= 23:
            candidates.append((0, int(match.group(1))))
    valid = [(start, hour) for start, hour in candidates if 0 <= hour <= 23]
    return str(min(valid)[1]) if valid else ""


def _received(text: str) -> tuple[str, date | None]:
    if _ISO_START.match(text):
        try:
            stamp = datetime.fromisoformat(text.strip())
        except ValueError:
            pass
        else:
            parsed_day = stamp.date()
            if len(text.strip()) <= 10:
                return parsed_day.isoformat(), parsed_day
            return stamp.replace(tzinfo=None).isoformat(timespec="minutes"), parsed_day
    day = canonical_date(text)
    if len(day) != 10:
        return "", None
    parsed = date.fromisoformat(day)
    clock = _RECEIPT_TIME.search(text)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if clock.group(3):
            hour = _ampm(hour, clock.group(3).replace(".", "").replace(" ", "").lower())
        if 0 <= hour < 24 and minute < 60:
            stamp = datetime(parsed.year, parsed.month, parsed.day, hour, minute)
            return stamp.isoformat(timespec="minutes"), parsed
    return day, parsed


def canonical_received(text: str) -> str:
    """ISO datetime (``2026-03-04T22:15``) or date of ``received_at``; ``""`` if unreadable."""
    if len(text) > 200:
        return ""
    return _received(text)[0]


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """``incident_date``, ``incident_hour`` and ``received_at``."""
    received_text, received = _received(report.get("received_at", ""))
    incident = report.get("incident_date", "")
    narrative = report.get("what_happened", "")
    day = canonical_date(incident, received) if incident else ""
    if not day and narrative:
        day = canonical_date(narrative, received)
    hour = ""
    if report.get("incident_time"):
        hour = canonical_hour(report["incident_time"])
    if not hour and incident:
        clock = _DATETIME.match(incident)
        if clock and clock.group(2) and int(clock.group(2)) < 24:
            hour = str(int(clock.group(2)))
    if not hour and narrative:
        hour = canonical_hour(narrative, bare_number=False)
    return {"incident_date": day, "incident_hour": hour, "received_at": received_text}

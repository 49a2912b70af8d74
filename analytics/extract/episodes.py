"""Reports that tell of two dates, one fine and one bad: keep only the part about the bad one.

"2 dates last night, first guy was a regular in a white truck, sweet as always. second guy …
slapped me … little blue hatchback" is about the second man; his car is the blue hatchback, not
the white truck. The narrative is cut where the second date starts, and the part that names a
harm is kept, but only when the other part names none: when both (or neither) do, the whole
text is kept, so a report of two men in one car loses nothing.
"""

from __future__ import annotations

import re

from analytics.extract.harms import harm_types_in

_PERSON = r"(?:guy|one|date|client|john|man|gentleman|fella|fellow|call|booking|trick|regular)"
_FIRST = re.compile(
    r"\b(?:(?:two|2|couple\s+of|double)\s+(?:dates|clients|bookings|calls|date)"
    r"|(?:the\s+)?(?:first|1st)\s+" + _PERSON + r")\b"
)
_SECOND = re.compile(
    r"\b(?:the\s+)?(?:second|2nd|other|next)\s+" + _PERSON + r"\b"
    r"|(?:^|[.!?\n]\s*)the\s+second\b"
)


def bad_date_part(text: str) -> str:
    """``text``, or only the part about the bad date when it tells of a fine one too."""
    lowered = text.lower()
    seconds = [m.start() for m in _SECOND.finditer(lowered)]
    firsts = [m.end() for m in _FIRST.finditer(lowered) if any(s > m.end() for s in seconds)]
    if not firsts:
        return text
    cut = min(s for s in seconds if s > firsts[-1])
    before, after = text[:cut], text[cut:]
    harmed_before, harmed_after = bool(harm_types_in(before)), bool(harm_types_in(after))
    if harmed_after and not harmed_before:
        return after
    if harmed_before and not harmed_after:
        return before
    return text


def with_bad_date_only(report: dict[str, str]) -> dict[str, str]:
    """``report`` with ``what_happened`` cut to the bad date (see the module docstring)."""
    text = report.get("what_happened", "")
    if not text:
        return report
    part = bad_date_part(text)
    return report if part is text else {**report, "what_happened": part.strip()}

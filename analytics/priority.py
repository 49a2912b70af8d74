"""The liaison's investigation priority: a score per aggressor profile, in labelled parts.

A profile is an aggressor's reports (a lone report is its own profile). Each part of the score
(severity, escalation, volume, channels, recency, acceleration, actionability, investigability,
jurisdiction) gives points and, where it has something to say, a plain-language reason; the total
is multiplied by a factor for the profile's workflow status. The weights live in one documented
file, ``analytics/priority_weights.toml``; :func:`weights_from_mapping` validates an override.

Reasons never carry identifiers (no plates, phones or names), so they may leave the liaison's hands.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources

import pandas as pd

from analytics.features import GUESSED_HARMS_NOTE, split_list
from analytics.vocabulary import SEVERITY, WORKFLOW_STATUSES

__all__ = [
    "PriorityConfigError",
    "PriorityWeights",
    "ProfileScore",
    "ReportFacts",
    "ScorePart",
    "default_weights",
    "facts_from_frame",
    "score_profile",
    "score_queue",
    "weights_from_mapping",
]

WEIGHTS_FILE = "priority_weights.toml"
UNKNOWN_JURISDICTION = "unknown"
QUEUE_COLUMNS: tuple[str, ...] = (
    "aggressor_id",
    "score",
    "status",
    "jurisdiction",
    "reports",
    "latest",
    "worst_harm",
    "summary",
    "reasons",
    "parts",
)


class PriorityConfigError(ValueError):
    """The priority weights are incomplete or malformed."""


@dataclass(frozen=True)
class PriorityWeights:
    """Every number that orders the queue (see ``priority_weights.toml`` for their meaning)."""

    severity_points: Mapping[int, float]
    escalation_per_level: float
    escalation_max: float
    volume_per_doubling: float
    volume_max: float
    channel_points: float
    channel_max: float
    recency_max: float
    recency_half_life_days: float
    acceleration_window_days: int
    acceleration_min_recent: int
    acceleration_per_report: float
    acceleration_max: float
    actionable_first: float
    actionable_further: float
    actionable_max: float
    full_plate: float
    full_phone: float
    jurisdiction_points: Mapping[str, float]
    jurisdiction_other: float
    status_factors: Mapping[str, float]
    wait_days: int


_FIELDS: dict[str, dict[str, str]] = {
    "severity": {"points": "table"},
    "escalation": {"points_per_level": "number", "max_points": "number"},
    "volume": {"points_per_doubling": "number", "max_points": "number"},
    "channels": {"points_per_extra_channel": "number", "max_points": "number"},
    "recency": {"max_points": "number", "half_life_days": "positive"},
    "acceleration": {
        "window_days": "positive",
        "min_recent": "number",
        "points_per_extra_report": "number",
        "max_points": "number",
    },
    "actionability": {
        "first_report": "number",
        "each_further_report": "number",
        "max_points": "number",
    },
    "investigability": {"full_plate": "number", "full_phone": "number"},
    "jurisdiction": {"points": "table", "other": "number"},
    "status": {"factors": "table"},
    "responsiveness": {"wait_days": "positive"},
}


def _check_value(where: str, kind: str, value: object, problems: list[str]) -> None:
    if kind == "table":
        if not isinstance(value, Mapping):
            problems.append(f"{where} must be a table of numbers, found {value!r}")
            return
        for key, item in value.items():
            _check_value(f"{where}.{key}", "number", item, problems)
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{where} must be a number, found {value!r}")
    elif value < 0 or (kind == "positive" and value == 0):
        problems.append(
            f"{where} must be {'above' if kind == 'positive' else 'at least'} 0, found {value!r}"
        )


def _check_tables(values: Mapping[str, object], problems: list[str]) -> None:
    severity = values["severity"]["points"]  # type: ignore[index]
    levels = sorted({str(level) for level in SEVERITY.values()} | {"0"})
    missing = [level for level in levels if level not in severity]
    if missing:
        problems.append(f"severity.points needs levels {', '.join(levels)}; missing {missing}")
    unknown = [level for level in severity if level not in levels]
    if unknown:
        problems.append(f"severity.points has unknown level(s) {unknown}; levels are {levels}")
    factors = values["status"]["factors"]  # type: ignore[index]
    bad = [name for name in factors if name not in WORKFLOW_STATUSES]
    if bad:
        problems.append(
            f"status.factors names unknown status(es) {bad}; "
            f"statuses are {', '.join(WORKFLOW_STATUSES)}"
        )


def weights_from_mapping(values: Mapping[str, object], source: str = "weights") -> PriorityWeights:
    """Validate parsed TOML and build the weights; every problem is reported at once."""
    problems: list[str] = []
    for section, keys in _FIELDS.items():
        table = values.get(section)
        if not isinstance(table, Mapping):
            problems.append(f"missing section [{section}]")
            continue
        for key, kind in keys.items():
            if key not in table:
                problems.append(f"missing {section}.{key}")
            else:
                _check_value(f"{section}.{key}", kind, table[key], problems)
        problems.extend(f"unknown key {section}.{key}" for key in table if key not in keys)
    problems.extend(f"unknown section [{name}]" for name in values if name not in _FIELDS)
    if not problems:
        _check_tables(values, problems)
    if problems:
        raise PriorityConfigError(
            f"{source}: "
            + "; ".join(problems)
            + ". Start from analytics/priority_weights.toml, which lists every key."
        )
    v: dict[str, dict[str, object]] = {k: dict(t) for k, t in values.items()}  # type: ignore[call-overload]

    def num(section: str, key: str) -> float:
        return float(v[section][key])  # type: ignore[arg-type]

    return PriorityWeights(
        severity_points={int(k): float(x) for k, x in v["severity"]["points"].items()},  # type: ignore[attr-defined]
        escalation_per_level=num("escalation", "points_per_level"),
        escalation_max=num("escalation", "max_points"),
        volume_per_doubling=num("volume", "points_per_doubling"),
        volume_max=num("volume", "max_points"),
        channel_points=num("channels", "points_per_extra_channel"),
        channel_max=num("channels", "max_points"),
        recency_max=num("recency", "max_points"),
        recency_half_life_days=num("recency", "half_life_days"),
        acceleration_window_days=int(num("acceleration", "window_days")),
        acceleration_min_recent=int(num("acceleration", "min_recent")),
        acceleration_per_report=num("acceleration", "points_per_extra_report"),
        acceleration_max=num("acceleration", "max_points"),
        actionable_first=num("actionability", "first_report"),
        actionable_further=num("actionability", "each_further_report"),
        actionable_max=num("actionability", "max_points"),
        full_plate=num("investigability", "full_plate"),
        full_phone=num("investigability", "full_phone"),
        jurisdiction_points={str(k): float(x) for k, x in v["jurisdiction"]["points"].items()},  # type: ignore[attr-defined]
        jurisdiction_other=num("jurisdiction", "other"),
        status_factors={str(k): float(x) for k, x in v["status"]["factors"].items()},  # type: ignore[attr-defined]
        wait_days=int(num("responsiveness", "wait_days")),
    )


def default_weights() -> PriorityWeights:
    """The shipped weights, from the packaged ``analytics/priority_weights.toml``."""
    text = resources.files("analytics").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return weights_from_mapping(tomllib.loads(text), f"analytics/{WEIGHTS_FILE}")


@dataclass(frozen=True)
class ReportFacts:
    """What the score reads from one report."""

    report_id: str
    when: date | None
    harms: tuple[str, ...]
    harms_guessed: bool = False
    """The harm types are the harm model's guess (no harm phrase was found)."""
    harms_added: tuple[str, ...] = ()
    """Harm types the word model added to those the phrases read."""
    channel: str = ""
    jurisdiction: str = ""
    full_plate: bool = False
    full_phone: bool = False
    consent_police: bool = False
    wants_statement: bool = False

    @cached_property
    def severity(self) -> int:
        return max((SEVERITY.get(harm, 1) for harm in self.harms), default=0)


@dataclass(frozen=True)
class ScorePart:
    name: str
    points: float
    reason: str


@dataclass(frozen=True)
class ProfileScore:
    score: float
    parts: tuple[ScorePart, ...]
    status: str
    jurisdiction: str
    reports: int
    latest: date | None
    worst_harm: str

    @property
    def reasons(self) -> list[str]:
        """Each reason as a sentence, in the order the parts were computed."""
        return [_sentence(part.reason) for part in self.parts if part.reason]

    @property
    def summary(self) -> str:
        """The reasons on one line: "3 reports in 6 weeks, latest 2 days ago; strangulation …"."""
        return "; ".join(part.reason for part in self.parts if part.reason)


_HARM_WORDS: dict[str, str] = {
    "physical_assault": "physical assault",
    "sexual_assault": "sexual assault",
    "weapon": "a weapon",
    "non_payment": "non-payment",
    "outing_extortion": "outing or extortion",
    "boundary_violation": "boundary violation",
    "impersonating_police": "impersonating police",
    "time_waster": "time wasting",
    "other": "other harm",
}
_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_FULL_PLATE = re.compile(r"^[A-Z0-9]{5,8}$")
_YES = frozenset({"yes", "y", "true", "1", "x", "✓"})


def harm_words(harm: str) -> str:
    return _HARM_WORDS.get(harm, harm.replace("_", " "))


def _count(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def _plural(n: int, word: str) -> str:
    return f"{_count(n)} {word}{'' if n == 1 else 's'}"


def _sentence(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:] + ("" if phrase.endswith(".") else ".")


def _span(days: int) -> str:
    if days < 14:
        return _plural(max(days, 1), "day").replace("one day", "1 day")
    if days < 63:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{round(days / 365.25)} years"


def _ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago" if days < 63 else f"{_span(days)} ago"


def parse_day(text: object) -> date | None:
    """The date at the start of an ISO text (``2026-03-04``, ``2026-03-04T22:15``), else None."""
    match = _ISO_DATE.match(str(text or "").strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def is_yes(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in _YES


def has_full_plate(plates: object) -> bool:
    return any(_FULL_PLATE.match(plate) for plate in split_list(plates))


def _profile_jurisdiction(dated: Sequence[ReportFacts], reports: Sequence[ReportFacts]) -> str:
    if len(reports) == 1:
        only = reports[0].jurisdiction
        return only if only not in ("", "unknown") else UNKNOWN_JURISDICTION
    named = Counter(r.jurisdiction for r in reports if r.jurisdiction not in ("", "unknown"))
    if not named:
        return UNKNOWN_JURISDICTION
    top = max(named.values())
    leaders = {name for name, n in named.items() if n == top}
    for report in reversed(dated):
        if report.jurisdiction in leaders:
            return report.jurisdiction
    return sorted(leaders)[0]


def _harm_phrase(harms: Iterable[str], severity: int) -> str:
    worst = sorted(h for h in harms if SEVERITY.get(h, 1) == severity)
    return " and ".join(harm_words(h) for h in worst)


def _worst_guessed(report: ReportFacts, worst: int) -> bool:
    """Whether a model, not a phrase, read the report's worst harm types."""
    if report.harms_guessed:
        return True
    worst_harms = {h for h in report.harms if SEVERITY.get(h, 1) == worst}
    return worst_harms <= set(report.harms_added)


def _severity_part(
    reports: Sequence[ReportFacts], dated: Sequence[ReportFacts], w: PriorityWeights
) -> tuple[ScorePart, str]:
    worst = max((r.severity for r in reports), default=0)
    points = w.severity_points.get(worst, 0.0)
    if worst == 0:
        return ScorePart("severity", points, "no harm type recorded"), ""
    worst_harms = {h for r in reports for h in r.harms if SEVERITY.get(h, 1) == worst}
    phrase = _harm_phrase(worst_harms, worst)
    if all(_worst_guessed(r, worst) for r in reports if r.severity == worst):
        phrase += f" ({GUESSED_HARMS_NOTE})"
    first_worst = sorted(worst_harms)[0]
    if len(reports) == 1:
        return ScorePart("severity", points, phrase), first_worst
    with_worst = sum(1 for r in reports if r.severity == worst)
    latest = dated[-1] if dated else None
    if with_worst == len(reports):
        where = f"in all {with_worst} reports"
    elif latest is not None and latest.severity == worst:
        where = (
            "in the latest report"
            if with_worst == 1
            else (
                f"in {_count(with_worst)} of {_count(len(reports))} reports, including the latest"
            )
        )
    else:
        where = f"in {_count(with_worst)} of {_count(len(reports))} reports"
    return ScorePart("severity", points, f"{phrase} {where}"), first_worst


def _escalation_part(dated: Sequence[ReportFacts], w: PriorityWeights) -> ScorePart:
    if len(dated) < 2:
        return ScorePart("escalation", 0.0, "")
    first, latest = dated[0], dated[-1]
    rise = latest.severity - first.severity
    if rise <= 0 or first.severity == 0:
        return ScorePart("escalation", 0.0, "")
    points = min(w.escalation_per_level * rise, w.escalation_max)
    reason = (
        f"harm escalating: from {_harm_phrase(first.harms, first.severity)} in the first "
        f"report to {_harm_phrase(latest.harms, latest.severity)} in the latest"
    )
    return ScorePart("escalation", points, reason)


def _volume_part(
    reports: Sequence[ReportFacts], dated: Sequence[ReportFacts], w: PriorityWeights, today: date
) -> tuple[ScorePart, ScorePart]:
    n = len(reports)
    volume = min(w.volume_per_doubling * math.log2(n), w.volume_max) if n else 0.0
    if not dated:
        reason = f"{n} report{'' if n == 1 else 's'}, date{'' if n == 1 else 's'} unknown"
        return ScorePart("volume", volume, reason), ScorePart("recency", 0.0, "")
    age = (today - dated[-1].when).days  # type: ignore[operator]
    recency = w.recency_max * 0.5 ** (max(age, 0) / w.recency_half_life_days)
    if n == 1:
        reason = f"1 report, {_ago(age)}"
    else:
        span = (dated[-1].when - dated[0].when).days  # type: ignore[operator]
        undated = n - len(dated)
        if len(dated) == 1:
            span_text = ""
        else:
            span_text = " on the same day" if span == 0 else f" in {_span(span)}"
        reason = f"{n} reports{span_text}, latest {_ago(age)}"
        if undated:
            reason += f" ({_count(undated)} undated)"
    return ScorePart("volume", volume, reason), ScorePart("recency", recency, "")


def _channel_part(reports: Sequence[ReportFacts], w: PriorityWeights) -> ScorePart:
    channels = sorted({r.channel for r in reports if r.channel})
    if len(channels) < 2:
        return ScorePart("channels", 0.0, "")
    points = min(w.channel_points * (len(channels) - 1), w.channel_max)
    listed = ", ".join(channels[:-1]) + f" and {channels[-1]}"
    return ScorePart(
        "channels", points, f"reported through {_count(len(channels))} channels ({listed})"
    )


def _acceleration_part(dated: Sequence[ReportFacts], w: PriorityWeights, today: date) -> ScorePart:
    window = w.acceleration_window_days
    ages = [(today - r.when).days for r in dated]  # type: ignore[operator]
    recent = sum(1 for a in ages if 0 <= a < window)
    before = sum(1 for a in ages if window <= a < 2 * window)
    if recent < w.acceleration_min_recent or recent <= before:
        return ScorePart("acceleration", 0.0, "")
    points = min(w.acceleration_per_report * (recent - before), w.acceleration_max)
    months = round(window / 30.44)
    reason = (
        f"reports per month rising: {recent} in the last {months} months against "
        f"{before} in the {months} before"
    )
    return ScorePart("acceleration", points, reason)


def _actionability_part(reports: Sequence[ReportFacts], w: PriorityWeights) -> ScorePart:
    actionable = [r for r in reports if r.consent_police or r.wants_statement]
    if not actionable:
        return ScorePart("actionability", 0.0, "")
    points = min(
        w.actionable_first + w.actionable_further * (len(actionable) - 1), w.actionable_max
    )
    statement = sum(1 for r in actionable if r.wants_statement)
    contact_only = len(actionable) - statement
    phrases = []
    if statement:
        phrases.append(
            f"{_count(statement)} reporter{'s' if statement > 1 else ''} willing to "
            "give a statement"
        )
    if contact_only:
        phrases.append(
            f"{_count(contact_only)}{' other' if statement else ''} "
            f"reporter{'s' if contact_only > 1 else ''} "
            f"agree{'' if contact_only > 1 else 's'} to police contact"
        )
    return ScorePart("actionability", points, "; ".join(phrases))


def _investigability_part(reports: Sequence[ReportFacts], w: PriorityWeights) -> ScorePart:
    plate = any(r.full_plate for r in reports)
    phone = any(r.full_phone for r in reports)
    points = (w.full_plate if plate else 0.0) + (w.full_phone if phone else 0.0)
    known = [label for flag, label in ((plate, "full plate"), (phone, "full phone number")) if flag]
    return ScorePart("investigability", points, " and ".join(known) + " known" if known else "")


def _jurisdiction_part(jurisdiction: str, w: PriorityWeights) -> ScorePart:
    points = w.jurisdiction_points.get(jurisdiction, w.jurisdiction_other)
    if jurisdiction == "VicPD":
        reason = ""
    elif jurisdiction == UNKNOWN_JURISDICTION:
        reason = "place unknown: check whether it is in VicPD's area"
    elif jurisdiction == "outside Greater Victoria":
        reason = "outside Greater Victoria: route to the police there"
    else:
        reason = f"in {jurisdiction}'s area: route it there"
    return ScorePart("jurisdiction", points, reason)


def score_profile(
    reports: Sequence[ReportFacts],
    weights: PriorityWeights,
    today: date,
    status: str = "new",
) -> ProfileScore:
    """The score of one profile (its reports in any order) on ``today``, with its parts."""
    dated = sorted((r for r in reports if r.when is not None), key=lambda r: (r.when, r.report_id))
    severity, worst_harm = _severity_part(reports, dated, weights)
    volume, recency = _volume_part(reports, dated, weights, today)
    jurisdiction = _profile_jurisdiction(dated, reports)
    parts = [
        volume,
        severity,
        _escalation_part(dated, weights),
        _acceleration_part(dated, weights, today),
        _channel_part(reports, weights),
        _actionability_part(reports, weights),
        _investigability_part(reports, weights),
        _jurisdiction_part(jurisdiction, weights),
        recency,
    ]
    factor = weights.status_factors.get(status, 1.0)
    if factor != 1.0:
        parts.append(
            ScorePart("status", 0.0, f"status {status.replace('_', ' ')}: score ×{factor:g}")
        )
    total = sum(part.points for part in parts) * factor
    return ProfileScore(
        score=round(total, 1),
        parts=tuple(parts),
        status=status,
        jurisdiction=jurisdiction,
        reports=len(reports),
        latest=dated[-1].when if dated else None,
        worst_harm=worst_harm,
    )


def _facts(row: Mapping[str, object]) -> ReportFacts:
    return ReportFacts(
        report_id=str(row.get("report_id", "")),
        when=parse_day(row.get("incident_date")) or parse_day(row.get("received_at")),
        harms=tuple(split_list(row.get("incident_types"))),
        harms_guessed=is_yes(row.get("incident_types_guessed")),
        harms_added=tuple(split_list(row.get("incident_types_added"))),
        channel=str(row.get("channel") or "").strip(),
        jurisdiction=str(row.get("jurisdiction") or "").strip(),
        full_plate=has_full_plate(row.get("plate")),
        full_phone=bool(split_list(row.get("phones"))),
        consent_police=is_yes(row.get("consent_police")),
        wants_statement=is_yes(row.get("wants_statement")),
    )


_FACT_COLUMNS: tuple[str, ...] = (
    "report_id",
    "aggressor_id",
    "incident_date",
    "received_at",
    "incident_types",
    "incident_types_guessed",
    "incident_types_added",
    "channel",
    "jurisdiction",
    "plate",
    "phones",
    "consent_police",
    "wants_statement",
)


def facts_from_frame(reports: pd.DataFrame) -> dict[str, list[ReportFacts]]:
    """Facts per profile from a frame with ``aggressor_id`` and feature columns.

    A blank ``aggressor_id`` makes the report its own profile, named by its ``report_id``.
    """
    present = [c for c in _FACT_COLUMNS if c in reports.columns]
    columns = [reports[c].tolist() for c in present]
    profiles: dict[str, list[ReportFacts]] = {}
    for values in zip(*columns, strict=True):
        row = dict(zip(present, values, strict=True))
        facts = _facts(row)
        key = str(row.get("aggressor_id") or "").strip() or facts.report_id
        profiles.setdefault(key, []).append(facts)
    return profiles


def score_queue(
    reports: pd.DataFrame,
    weights: PriorityWeights,
    today: date,
    statuses: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The queue: one row per profile, highest score first (then latest report, then id).

    ``reports`` holds feature columns plus ``aggressor_id`` (blank for a lone report) and the
    consents ``consent_police`` / ``wants_statement``; ``statuses`` maps a profile id to its
    current workflow status (``new`` when absent).
    """
    statuses = statuses or {}
    scored = [
        (key, score_profile(facts, weights, today, statuses.get(key, "new")))
        for key, facts in facts_from_frame(reports).items()
    ]
    scored.sort(key=lambda item: (-item[1].score, _neg_day(item[1].latest), item[0]))
    rows = [
        {
            "aggressor_id": key,
            "score": result.score,
            "status": result.status,
            "jurisdiction": result.jurisdiction,
            "reports": result.reports,
            "latest": result.latest.isoformat() if result.latest else "",
            "worst_harm": result.worst_harm,
            "summary": result.summary,
            "reasons": result.reasons,
            "parts": {part.name: round(part.points, 1) for part in result.parts},
        }
        for key, result in scored
    ]
    return pd.DataFrame(rows, columns=list(QUEUE_COLUMNS))


def _neg_day(day: date | None) -> int:
    return -day.toordinal() if day else 0

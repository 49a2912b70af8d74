"""The redaction policy: what a sheet entry or an alert may show, and the functions that apply it.

The policy is one frozen object read from TOML text laid out like
``analytics/reference/redaction_policy.toml`` (the documented, conservative default). Reporter
details, narratives and exact locations are not settings: nothing here can show them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from analytics.features import split_list

__all__ = [
    "RedactionPolicy",
    "RedactionPolicyError",
    "default_policy",
    "describe_aggressor",
    "policy_from_toml",
    "show_phone",
    "show_phones",
    "show_place",
    "show_plate",
    "show_plates",
    "show_vehicle",
]

POLICY_FILE = "redaction_policy.toml"
PHONE_CHOICES = ("full", "last_digits", "none")
PLATE_CHOICES = ("full", "masked", "none")
PLACE_CHOICES = ("neighbourhood", "municipality", "none")
_WILDCARDS = "*?"


class RedactionPolicyError(ValueError):
    """The redaction policy file is incomplete or malformed."""


@dataclass(frozen=True)
class RedactionPolicy:
    """What may be shown on the sheet and in alerts (see ``redaction_policy.toml``)."""

    phone: str = "full"
    plate: str = "masked"
    plate_masked_characters: int = 2
    place: str = "neighbourhood"
    private_sectors: frozenset[str] = frozenset({"incall", "indoor", "massage", "agency"})
    aggressor_names: bool = False
    aggressor_handles: bool = False
    marks: bool = True
    alert_min_severity: int = 4
    alert_sender: str = "Peers Victoria bad date alert"
    alert_closing: str = "Stay safe. Report bad dates to Peers Victoria."


_SCHEMA: dict[str, dict[str, tuple[str, type]]] = {
    "phone": {"show": ("phone", str)},
    "plate": {"show": ("plate", str), "masked_characters": ("plate_masked_characters", int)},
    "place": {"level": ("place", str), "private_sectors": ("private_sectors", list)},
    "aggressor": {
        "names": ("aggressor_names", bool),
        "handles": ("aggressor_handles", bool),
        "marks": ("marks", bool),
    },
    "alerts": {
        "min_severity": ("alert_min_severity", int),
        "sender": ("alert_sender", str),
        "closing": ("alert_closing", str),
    },
}
_CHOICES = {"phone": PHONE_CHOICES, "plate": PLATE_CHOICES, "place": PLACE_CHOICES}


def _read_sections(values: Mapping[str, object], source: str, problems: list[str]) -> dict:
    found: dict[str, object] = {}
    for section in sorted(set(values) - set(_SCHEMA)):
        problems.append(f"unknown section [{section}]; sections are {', '.join(_SCHEMA)}")
    for section, keys in _SCHEMA.items():
        table = values.get(section)
        if table is None:
            problems.append(f"missing section [{section}]")
            continue
        if not isinstance(table, Mapping):
            problems.append(f"[{section}] must be a table, found {table!r}")
            continue
        for key in sorted(set(table) - set(keys)):
            problems.append(f"unknown key {section}.{key}; keys are {', '.join(keys)}")
        for key, (field, kind) in keys.items():
            if key not in table:
                problems.append(f"missing {section}.{key}")
            elif type(table[key]) is not kind:
                problems.append(f"{section}.{key} must be a {kind.__name__}, found {table[key]!r}")
            else:
                found[field] = table[key]
    return found


def policy_from_toml(text: str, source: str = "redaction policy") -> RedactionPolicy:
    """Read and validate a policy; every problem is reported at once."""
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RedactionPolicyError(f"{source} is not valid TOML: {error}.") from None
    problems: list[str] = []
    found = _read_sections(values, source, problems)
    for field, choices in _CHOICES.items():
        if field in found and found[field] not in choices:
            problems.append(f"{field} must be one of {', '.join(choices)}, found {found[field]!r}")
    masked = found.get("plate_masked_characters")
    if isinstance(masked, int) and not 1 <= masked <= 7:
        problems.append(f"plate.masked_characters must be 1 to 7, found {masked}")
    severity = found.get("alert_min_severity")
    if isinstance(severity, int) and not 1 <= severity <= 5:
        problems.append(f"alerts.min_severity must be 1 to 5, found {severity}")
    sectors = found.get("private_sectors")
    if isinstance(sectors, list) and not all(isinstance(s, str) for s in sectors):
        problems.append(f"place.private_sectors must be a list of words, found {sectors!r}")
    if problems:
        raise RedactionPolicyError(
            f"{source} has {len(problems)} problem(s): "
            + "; ".join(problems)
            + ". Compare it with analytics/reference/redaction_policy.toml."
        )
    found["private_sectors"] = frozenset(s.strip().lower() for s in found["private_sectors"])
    return RedactionPolicy(**found)


def default_policy() -> RedactionPolicy:
    """The shipped, documented policy."""
    text = resources.files("analytics.reference").joinpath(POLICY_FILE).read_text("utf-8")
    return policy_from_toml(text, POLICY_FILE)


def _nanp_digits(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) == 10 else None


def show_phone(phone: str, policy: RedactionPolicy) -> str:
    """One normalised phone (``+12505550134``) as the policy allows; ``""`` when hidden."""
    phone = phone.strip()
    if not phone or policy.phone == "none":
        return ""
    digits = _nanp_digits(phone)
    if policy.phone == "last_digits":
        tail = re.sub(r"\D", "", phone)[-4:]
        return f"ends in {tail}" if len(tail) == 4 else ""
    if digits is None:
        return phone
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def show_phones(cell: object, policy: RedactionPolicy) -> list[str]:
    return [shown for phone in split_list(cell) if (shown := show_phone(phone, policy))]


def show_plate(plate: str, policy: RedactionPolicy) -> str:
    """One plate as the policy allows. Masking replaces the last characters with ``*``
    (``BV421K`` → ``BV42**``); unknown characters (``?``) count as masked already, and a plate
    whose end is open (``BV4*``) is partial enough to show as it is."""
    plate = re.sub(r"[\s-]", "", plate.strip().upper())
    if not plate.strip(_WILDCARDS) or policy.plate == "none":
        return ""
    if policy.plate == "full" or "*" in plate:
        return plate
    chars = list(plate.replace("?", "*"))
    hidden = chars.count("*")
    for index in range(len(chars) - 1, -1, -1):
        if hidden >= policy.plate_masked_characters:
            break
        if chars[index] != "*":
            chars[index] = "*"
            hidden += 1
    shown = "".join(chars)
    return shown if shown.strip("*") else ""


def show_plates(cell: object, policy: RedactionPolicy) -> list[str]:
    return list(dict.fromkeys(s for plate in split_list(cell) if (s := show_plate(plate, policy))))


def show_place(
    neighbourhood: object, municipality: object, sector: object, policy: RedactionPolicy
) -> str:
    """The area of an incident: a neighbourhood or a town, never an address. Incidents in a
    private sector (incall, indoor …) show the municipality only."""
    hood = str(neighbourhood or "").strip()
    town = str(municipality or "").strip()
    if policy.place == "none":
        return ""
    private = str(sector or "").strip().lower() in policy.private_sectors
    if policy.place == "municipality" or private:
        return town
    return hood or town


def show_vehicle(row: Mapping[str, object]) -> str:
    """``silver Dodge Grand Caravan (minivan)`` from the vehicle feature columns."""
    words = [
        str(row.get(name) or "").strip()
        for name in ("vehicle_colour", "vehicle_make", "vehicle_model")
    ]
    body = str(row.get("vehicle_body") or "").strip()
    text = " ".join(word for word in words if word)
    if body and body.lower() not in text.lower():
        text = f"{text} ({body})" if text else body
    return text


_SEX_WORDS = {"male": "man", "female": "woman", "other": "person"}


def _age(low: object, high: object) -> str:
    try:
        lo, hi = int(float(str(low))), int(float(str(high or low)))
    except ValueError:
        return ""
    if lo == hi:
        return f"about {lo}"
    if lo % 10 == 0 and hi == lo + 9:
        return f"{lo}s"
    return f"{lo} to {hi}"


def _height(low: object, high: object) -> str:
    try:
        lo, hi = float(str(low)), float(str(high or low))
    except ValueError:
        return ""
    middle = (lo + hi) / 2
    feet, inches = divmod(round(middle / 2.54), 12)
    imperial = f"{feet} ft {inches} in" if inches else f"{feet} ft"
    return f"about {imperial} ({round(middle)} cm)"


def _mark(item: str) -> str:
    parts = [part.strip() for part in item.split(":")]
    kind, *rest = parts
    detail = rest[0] if len(rest) == 2 else ""
    where = rest[-1] if rest else ""
    words = " ".join(word for word in (detail, kind) if word)
    return f"{words} on {where}" if where else words


def describe_aggressor(row: Mapping[str, object], policy: RedactionPolicy) -> str:
    """A plain description from the normalised description columns (never the reporter's own
    words): ``man, 40s, about 6 ft 0 in (183 cm), heavy build, grey goatee, snake tattoo on left
    forearm``. Names and handles only as the policy allows."""
    items: list[str] = []
    skin = " ".join(split_list(row.get("skin_or_ethnicity")))
    sex = _SEX_WORDS.get(str(row.get("aggressor_sex") or "").strip(), "")
    who = " ".join(word for word in (skin, sex) if word)
    if who:
        items.append(who)
    for text in (
        _age(row.get("age_low"), row.get("age_high")) if row.get("age_low") else "",
        _height(row.get("height_cm_low"), row.get("height_cm_high"))
        if row.get("height_cm_low")
        else "",
    ):
        if text:
            items.append(text)
    if str(row.get("build") or "").strip():
        items.append(f"{str(row.get('build')).strip()} build")
    if str(row.get("hair") or "").strip():
        hair = str(row.get("hair")).strip()
        items.append(hair if hair == "bald" else f"{hair} hair")
    items.extend(split_list(row.get("facial_hair")))
    if str(row.get("glasses") or "").strip() == "yes":
        items.append("glasses")
    if policy.marks:
        items.extend(_mark(item) for item in split_list(row.get("marks")))
    if policy.aggressor_names and split_list(row.get("names")):
        names = ", ".join(name.title() for name in split_list(row.get("names")))
        items.append(f"calls himself {names}" if sex == "man" else f"uses the name {names}")
    if policy.aggressor_handles and split_list(row.get("handles")):
        items.append("online: " + ", ".join(split_list(row.get("handles"))))
    return ", ".join(dict.fromkeys(items))

"""Vehicle extractor: colour, make, model and body type of the aggressor's vehicle.

Reads the ``vehicle`` column first and then the free text (``what_happened``,
``aggressor_description``, ``location``). A word counts only where it describes a vehicle:

* colours must sit in a vehicle phrase ("grey Civic", "the car was silver"); "grey hair" and
  "white guy" are not vehicle colours. In the ``vehicle`` column any colour counts unless it
  describes a part (rims, canopy, stripe) or a person.
* models carry a *context* from ``reference/vehicles.csv``: ``any`` (distinctive names such as
  Corolla), ``vehicle`` (ordinary words such as Escape, Civic or Focus: only with a make, colour,
  year, driving verb, car word, or in the ``vehicle`` column) or ``make`` (numbers and short codes
  such as 300 or TT: only right after their make).
* misspellings are resolved with rapidfuzz (Damerau-Levenshtein: one edit for names of six to
  eight letters, two from nine) against the canonical spelling of distinctive names only; a word
  listed in the reference ``near_words`` column (an ordinary English word within reach, such as
  "infinity" for Infiniti) is never corrected. Shorter names rely on the listed misspellings.

When the ``vehicle`` column and the narrative name different makes, models or colours, the column's
value is kept and ``conflicts`` records both (``vehicle_model: vehicle=Civic, text=Corolla``),
unless the narrative corrects itself ("actually it was a silver Sienna"): then the narrative wins,
and the conflict is still recorded.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

__all__ = ["canonical_colour", "extract", "extract_vehicle"]


def _wordlist(text: str) -> list[str]:
    return text.split()


_TOKEN = re.compile(r"[a-z0-9]+(?:[-'&][a-z0-9]+)*")
_YEAR = re.compile(r"(?:19[6-9]\d|20[0-3]\d|'\d\d|\d\ds)$")
_FUZZY_MIN = 6
_CORRECTION = re.compile(
    r"\b(?:actually|correction|i meant|my mistake|sorry,? (?:it was|its|it's)|not (?:a |the )?"
    r"\w+,? (?:it was|its|it's)|wrong (?:colou?r|car|vehicle))\b",
    re.IGNORECASE,
)
_TEXT_FIELDS = ("what_happened", "aggressor_description", "location")

_VEHICLE_NOUNS = frozenset(
    _wordlist(
        "car cars truck trucks van vans suv suvs pickup minivan sedan coupe hatchback "
        "wagon convertible vehicle jeep ride 4x4 hatch crossover carro coche auto voiture "
        "camioneta camion"
    )
)
_BODY_WORDS: dict[tuple[str, ...], str] = {
    ("sedan",): "sedan",
    ("saloon",): "sedan",
    ("4-door",): "sedan~",
    ("4dr",): "sedan~",
    ("four", "door"): "sedan~",
    ("4", "door"): "sedan~",
    ("coupe",): "coupe",
    ("2-door",): "coupe~",
    ("two", "door"): "coupe~",
    ("2", "door"): "coupe~",
    ("hatchback",): "hatchback",
    ("hatch",): "hatchback",
    ("wagon",): "wagon",
    ("station", "wagon"): "wagon",
    ("convertible",): "convertible",
    ("suv",): "SUV",
    ("s", "u", "v"): "SUV",
    ("crossover",): "SUV",
    ("minivan",): "minivan",
    ("mini", "van"): "minivan",
    ("mini-van",): "minivan",
    ("van",): "van~",
    ("cargo", "van"): "van",
    ("work", "van"): "van",
    ("panel", "van"): "van",
    ("camper", "van"): "van",
    ("cube", "van"): "van",
    ("box", "van"): "van",
    ("box", "truck"): "truck",
    ("moving", "truck"): "truck",
    ("tow", "truck"): "truck",
    ("dump", "truck"): "truck",
    ("semi",): "truck",
    ("pickup",): "pickup",
    ("pick-up",): "pickup",
    ("pickup", "truck"): "pickup",
    ("pick", "up", "truck"): "pickup",
    ("truck",): "pickup~",
    ("camioneta",): "pickup~",
    ("motorcycle",): "motorcycle",
    ("motorbike",): "motorcycle",
}
_FILLERS = frozenset(
    _wordlist(
        "older newer old new small smaller big bigger little large lifted tinted rusty "
        "rusted beat up beaten dented dirty clean shiny dark light bright pale metallic "
        "matte two-tone tone and or a an his her their the 4x4 4wd awd lowered loud "
        "flashy nice fancy sporty sports boxy long short extended crew cab full size "
        "full-size mid midsize compact dk lt drk newish oldish"
    )
)
_DRIVE_VERBS = frozenset(["drove", "drives", "driving", "driven", "drive", "drivin"])
_DETERMINERS = frozenset(_wordlist("a an his her their the its la el un una le une sa son"))
_INDEFINITE = frozenset(_wordlist("a an his her their un una une sa son su"))
_NOT_A_MAKE_AFTER = frozenset(
    _wordlist("to i he she you we they could can would tried try cant couldnt didnt not just")
)
_NOT_VEHICLE_PART = frozenset(
    _wordlist(
        "hair haired beard bearded goatee guy guys man men male dude skin skinned shirt "
        "hoodie jacket hat cap eyes stripe stripes rims rim wheels canopy interior trim "
        "tint decal decals bumper door doors roof racks rack seats seat mask shoes pants "
        "jeans sweater coat top"
    )
)
_PLACE_AFTER = frozenset(
    _wordlist(
        "st street rd road ave avenue blvd pl place cres crescent centre "
        "center church building dealership dealer hotel mall plaza hall school"
    )
)
_CAR_WORDS = frozenset(_wordlist("car cars vehicle carro coche voiture auto"))
_PLATE_WORDS = frozenset(_wordlist("plate plates licence license lic lp tag tags"))
_NON_AGGRESSOR = frozenset(_wordlist("outreach peers police cop cops taxi cab"))


@dataclass(frozen=True)
class _ModelEntry:
    make: str
    model: str
    body: str
    context: str
    implies_make: bool


@dataclass
class _Reference:
    models: dict[str, list[_ModelEntry]] = field(default_factory=dict)
    makes: dict[str, tuple[str, str]] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)
    near_words: set[str] = field(default_factory=set)
    fuzzy_choices: dict[str, list[str]] = field(default_factory=dict)
    phrase_starts: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)
    max_ngram: int = 3


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("analytics.reference").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines)


def _key(text: str) -> str:
    return "".join(_TOKEN.findall(text.lower())).replace("-", "").replace("'", "")


def _add_fuzzy_choice(ref: _Reference, alias: str) -> None:
    if alias.isalpha() and len(alias) >= _FUZZY_MIN:
        ref.fuzzy_choices.setdefault(alias[0], []).append(alias)


def _fuzzy_limit(alias: str) -> int:
    return 1 if len(alias) < 9 else 2


@lru_cache(maxsize=1)
def _reference() -> _Reference:
    ref = _Reference()
    for row in _rows("vehicles.csv"):
        entry = _ModelEntry(
            row["make"], row["model"], row["body"], row["context"], row["implies_make"] == "yes"
        )
        ref.models.setdefault(_key(row["alias"]), []).append(entry)
        ref.near_words.update(w for w in row["near_words"].split(";") if w)
        if entry.context == "any" and row["alias"] == entry.model.lower():
            _add_fuzzy_choice(ref, row["alias"])
    for row in _rows("vehicle_makes.csv"):
        ref.makes[_key(row["alias"])] = (row["make"], row["context"])
        ref.near_words.update(w for w in row["near_words"].split(";") if w)
        if row["context"] == "any" and row["alias"] == row["make"].lower():
            _add_fuzzy_choice(ref, row["alias"])
    for row in _rows("colours.csv"):
        ref.colours[row["synonym"]] = row["colour"]
    aliases = [row["alias"] for row in _rows("vehicles.csv")]
    aliases += [row["alias"] for row in _rows("vehicle_makes.csv")]
    for alias in aliases:
        words = _TOKEN.findall(alias.lower())
        if len(words) > 1:
            ref.phrase_starts.add(_key(words[0]))
    ref.phrase_starts.update(_key(words[0]) for words in _BODY_WORDS if len(words) > 1)
    ref.known = set(ref.models) | set(ref.makes) | set(ref.colours) | ref.phrase_starts
    ref.known |= {_key(words[0]) for words in _BODY_WORDS} | set(_CAR_WORDS)
    ref.known |= {_key(colour) for colour in ref.colours}
    return ref


def canonical_colour(text: str) -> str:
    """The canonical colour named by ``text`` (``"gray"`` → ``"grey"``), or ``""``."""
    ref = _reference()
    words = _TOKEN.findall(text.lower())
    whole = " ".join(words)
    if whole in ref.colours:
        return ref.colours[whole]
    for word in words:
        if word in ref.colours:
            return ref.colours[word]
    return ""


@lru_cache(maxsize=65536)
def _fuzzy(token: str) -> str:
    """The alias a misspelt ``token`` stands for, or ``""``."""
    ref = _reference()
    if len(token) < _FUZZY_MIN or not token.isalpha() or token in ref.near_words:
        return ""
    choices = ref.fuzzy_choices.get(token[0], [])
    for alias, distance, _ in process.extract(
        token, choices, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=3
    ):
        if distance <= _fuzzy_limit(alias) and abs(len(alias) - len(token)) <= distance:
            return alias
    return ""


@dataclass
class _Mention:
    kind: str  # "model", "make", "colour", "body"
    value: str
    start: int
    end: int
    entries: tuple[_ModelEntry, ...] = ()
    context: str = "any"


def _scan(tokens: list[str]) -> list[_Mention]:
    ref = _reference()
    keys = [t.replace("-", "").replace("'", "") for t in tokens]
    known = ref.known
    found: list[_Mention] = []
    i = 0
    while i < len(tokens):
        if keys[i] not in known and (len(keys[i]) < _FUZZY_MIN or not keys[i].isalpha()):
            i += 1
            continue
        prev_make = bool(found) and found[-1].kind == "make" and found[-1].end >= i - 1
        hit = _match_at(tokens, keys, i, ref, prev_make)
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found


def _match_at(
    tokens: list[str], keys: list[str], i: int, ref: _Reference, prev_make: bool
) -> _Mention | None:
    longest = min(ref.max_ngram, len(tokens) - i) if keys[i] in ref.phrase_starts else 1
    for n in range(longest, 0, -1):
        window = tuple(tokens[i : i + n])
        if window in _BODY_WORDS:
            return _Mention("body", _BODY_WORDS[window], i, i + n)
        key = "".join(keys[i : i + n])
        if key in ref.models:
            strictest = _strictest(ref, key)
            if prev_make or strictest != "make" or (n == 1 and key not in ref.makes):
                return _Mention("model", key, i, i + n, tuple(ref.models[key]), strictest)
        if key in ref.makes:
            make, context = ref.makes[key]
            return _Mention("make", make, i, i + n, context=context)
        if n == 1 and window[0] in ref.colours:
            return _Mention("colour", ref.colours[window[0]], i, i + 1)
        if n == 1 and window[0] in _CAR_WORDS:
            return _Mention("body", "~", i, i + 1)
    guess = _fuzzy(tokens[i])
    if guess:
        key = _key(guess)
        if key in ref.models:
            return _Mention("model", key, i, i + 1, tuple(ref.models[key]), "vehicle")
        if key in ref.makes:
            return _Mention("make", ref.makes[key][0], i, i + 1, context="vehicle")
    return None


def _strictest(ref: _Reference, key: str) -> str:
    order = {"any": 0, "vehicle": 1, "make": 2}
    return max((e.context for e in ref.models[key]), key=order.__getitem__)


def _cue_before(tokens: list[str], mentions: list[_Mention], idx: int) -> bool:
    """A colour, year, make or driving verb leads into the mention at ``idx``."""
    start = mentions[idx].start
    j = start - 1
    while j >= 0 and tokens[j] in _FILLERS and tokens[j] not in _DETERMINERS:
        j -= 1
    if j >= 0 and (_YEAR.match(tokens[j]) or tokens[j] in _DRIVE_VERBS):
        return True
    if j >= 1 and tokens[j] in _DETERMINERS and tokens[j - 1] in _DRIVE_VERBS:
        return True
    return any(m.end > j >= m.start and m.kind in ("colour", "make") for m in mentions[:idx])


def _noun_after(tokens: list[str], end: int) -> bool:
    return end < len(tokens) and tokens[end] in _VEHICLE_NOUNS


def _make_before(tokens: list[str], mentions: list[_Mention], idx: int) -> str:
    start = mentions[idx].start
    for m in reversed(mentions[:idx]):
        gap = tokens[m.end : start]
        if m.kind == "make" and all(_YEAR.match(t) or t in _FILLERS for t in gap) and len(gap) <= 2:
            return m.value
        if m.kind not in ("colour",):
            break
    return ""


def _in_plate_context(tokens: list[str], start: int) -> bool:
    return any(t in _PLATE_WORDS for t in tokens[max(0, start - 3) : start])


@dataclass
class _Vehicle:
    colour: str = ""
    make: str = ""
    model: str = ""
    body: str = ""
    implied: bool = False

    def filled(self) -> bool:
        return bool(self.make or self.model or self.body)


def _resolve(tokens: list[str], mentions: list[_Mention], in_vehicle_column: bool) -> _Vehicle:
    accepted: list[_Mention] = []
    for idx, m in enumerate(mentions):
        if (
            m.kind == "model"
            and _accept_model(tokens, mentions, idx, in_vehicle_column)
            or m.kind == "make"
            and _accept_make(tokens, mentions, idx, in_vehicle_column)
            or m.kind == "body"
            and _accept_body(tokens, mentions, idx, in_vehicle_column)
            or m.kind == "colour"
        ):
            accepted.append(m)
    anchors = [m for m in accepted if m.kind != "colour"]
    if not anchors:
        return _Vehicle(colour=_colour_for(tokens, accepted, in_vehicle_column))
    first = anchors[0]
    vehicle = _Vehicle()
    for m in anchors:
        if m.start - first.end > 6 and vehicle.filled() and (vehicle.make or vehicle.model):
            break
        _fill(vehicle, m, tokens, mentions)
    vehicle.colour = _colour_for(tokens, accepted, in_vehicle_column)
    return vehicle


def _weak(body: str) -> bool:
    return body.endswith("~")


def _fill(vehicle: _Vehicle, m: _Mention, tokens: list[str], mentions: list[_Mention]) -> None:
    if m.kind == "make" and not vehicle.make:
        vehicle.make = m.value
    elif m.kind == "body" and (
        not vehicle.body or (not _weak(m.value) and (_weak(vehicle.body) or vehicle.implied))
    ):
        vehicle.body, vehicle.implied = m.value, False
    elif m.kind == "model" and not vehicle.model:
        entry = _choose_entry(m, vehicle.make)
        if entry is None:
            return
        vehicle.model = entry.model
        if not vehicle.make:
            vehicle.make = entry.make if entry.implies_make or len(m.entries) == 1 else ""
        if entry.body and (not vehicle.body or _weak(vehicle.body)):
            vehicle.body, vehicle.implied = entry.body, True


def _choose_entry(m: _Mention, make: str) -> _ModelEntry | None:
    if make:
        for entry in m.entries:
            if entry.make == make:
                return entry
        return None
    for entry in m.entries:
        if entry.implies_make:
            return entry
    return m.entries[0] if len({e.model for e in m.entries}) == 1 else None


def _accept_model(
    tokens: list[str], mentions: list[_Mention], idx: int, in_vehicle_column: bool
) -> bool:
    m = mentions[idx]
    if m.end < len(tokens) and tokens[m.end] in _PLACE_AFTER:
        return False
    make = _make_before(tokens, mentions, idx)
    if make:
        return any(e.make == make for e in m.entries)
    if any(c.isdigit() for c in m.value) and _in_plate_context(tokens, m.start):
        return False
    if m.context == "any":
        return True
    if m.context == "make":
        return False
    return (
        in_vehicle_column
        or _cue_before(tokens, mentions, idx)
        or _noun_after(tokens, m.end)
        or _restates_vehicle(tokens, mentions, idx)
    )


def _restates_vehicle(tokens: list[str], mentions: list[_Mention], idx: int) -> bool:
    """ "a black SUV, maybe a Tahoe": a body word just before, then a/an and the model."""
    start = mentions[idx].start
    if start == 0 or tokens[start - 1] not in ("a", "an"):
        return False
    return any(m.kind == "body" and 0 <= start - m.end <= 4 for m in mentions[:idx])


def _accept_make(
    tokens: list[str], mentions: list[_Mention], idx: int, in_vehicle_column: bool
) -> bool:
    m = mentions[idx]
    if m.end < len(tokens) and tokens[m.end] in _PLACE_AFTER:
        return False
    if m.context == "any" or in_vehicle_column:
        return True
    nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
    if nxt is not None and nxt.start == m.end and nxt.kind in ("model", "body"):
        return True
    if _noun_after(tokens, m.end) or _cue_before(tokens, mentions, idx):
        return True
    before = tokens[m.start - 1] if m.start > 0 else ""
    return before not in _NOT_A_MAKE_AFTER and any(
        other.kind in ("body", "model") for other in mentions if other is not m
    )


def _accept_body(
    tokens: list[str], mentions: list[_Mention], idx: int, in_vehicle_column: bool
) -> bool:
    m = mentions[idx]
    before = tokens[m.start - 1] if m.start > 0 else ""
    if before in _NON_AGGRESSOR:
        return False
    if in_vehicle_column or not _weak(m.value):
        return True
    after = tokens[m.end : m.end + 2]
    if after and after[0] in _reference().colours and after[-1] not in _NOT_VEHICLE_PART:
        return True
    j = m.start - 1
    while j >= 0 and tokens[j] in _FILLERS and tokens[j] not in _DETERMINERS:
        j -= 1
    if j < 0:
        return False
    if any(p.kind in ("make", "model") and p.end == j + 1 for p in mentions[:idx]):
        return True
    word = tokens[j]
    return (
        j < m.start - 1
        or word in _INDEFINITE
        or word in _DRIVE_VERBS
        or word in _reference().colours
        or bool(_YEAR.match(word))
    )


def _colour_for(tokens: list[str], accepted: list[_Mention], in_vehicle_column: bool) -> str:
    anchors = [m for m in accepted if m.kind != "colour"]
    for c in (m for m in accepted if m.kind == "colour"):
        nxt = tokens[c.end] if c.end < len(tokens) else ""
        if nxt in _NOT_VEHICLE_PART:
            continue
        if in_vehicle_column:
            return c.value
        for a in anchors:
            gap = tokens[c.end : a.start]
            if 0 <= a.start - c.end <= 3 and all(
                t in _FILLERS or _YEAR.match(t) or _is_mention_token(accepted, c.end + k)
                for k, t in enumerate(gap)
            ):
                return c.value
            after = tokens[a.end : c.start]
            if 0 <= c.start - a.end <= 3 and all(
                t in {"was", "is", "it's", "its", "in"} or t in _FILLERS for t in after
            ):
                return c.value
    return ""


def _is_mention_token(accepted: list[_Mention], pos: int) -> bool:
    return any(m.start <= pos < m.end for m in accepted)


def extract_vehicle(text: str, *, in_vehicle_column: bool = False) -> dict[str, str]:
    """Colour, make, model and body of the first vehicle described in ``text``."""
    tokens = _TOKEN.findall(text.lower())
    vehicle = _resolve(tokens, _scan(tokens), in_vehicle_column) if tokens else _Vehicle()
    if not in_vehicle_column and not vehicle.filled():
        vehicle.colour = ""
    return {
        "vehicle_colour": vehicle.colour,
        "vehicle_make": vehicle.make,
        "vehicle_model": vehicle.model,
        "vehicle_body": vehicle.body.rstrip("~"),
    }


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """Vehicle features of one report (see the module docstring)."""
    column = extract_vehicle(report.get("vehicle", "") or "", in_vehicle_column=True)
    narrative: dict[str, str] = dict.fromkeys(column, "")
    for name in _TEXT_FIELDS:
        text = report.get(name, "") or ""
        if text:
            found = extract_vehicle(text)
            for key, value in found.items():
                narrative[key] = narrative[key] or value
            if narrative["vehicle_make"] or narrative["vehicle_model"]:
                break
    corrected = False
    for name in _TEXT_FIELDS:
        cue = _CORRECTION.search(report.get(name, "") or "")
        if cue:
            after = extract_vehicle(report[name][cue.start() :])
            if after["vehicle_make"] or after["vehicle_model"] or after["vehicle_colour"]:
                corrected = True
                narrative = {key: after[key] or narrative[key] for key in narrative}
            break
    result: dict[str, str] = {}
    conflicts: list[str] = []
    for key, value in column.items():
        other = narrative[key]
        result[key] = (other if corrected else value) if value and other else value or other
        if value and other and value != other and key != "vehicle_body":
            conflicts.append(f"{key}: vehicle={value}, text={other}")
    if narrative["vehicle_model"] and not column["vehicle_model"] and narrative["vehicle_body"]:
        result["vehicle_body"] = narrative["vehicle_body"]
    if conflicts:
        result["conflicts"] = ";".join(conflicts)
    return result

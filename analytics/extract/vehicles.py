"""Vehicle extractor: colour, make, model and body type of the aggressor's vehicle.

Reads the ``vehicle`` column first and then the free text (``what_happened``,
``aggressor_description``, ``location``). A word counts only where it describes a vehicle:

* colours must sit in a vehicle phrase ("grey Civic", "the car was silver"); "grey hair" and
  "white guy" are not vehicle colours. In the ``vehicle`` column any colour counts unless it
  describes a part (rims, canopy, stripe) or a person.
* models carry a *context* from ``reference/vehicles.csv``: ``any`` (distinctive names such as
  Corolla), ``vehicle`` (ordinary words such as Escape, Civic or Focus: only with a make, colour,
  year, driving verb, car word, or in the ``vehicle`` column) or ``make`` (numbers and short codes
  such as 300 or TT: only right after their make; names that are also clothes, such as Blazer,
  also alone in the ``vehicle`` column).
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

import re
from collections.abc import Mapping
from dataclasses import dataclass

from analytics.extract import _vehicle_reference as R
from analytics.reference import given_names

__all__ = ["canonical_colour", "extract", "extract_vehicle"]


def canonical_colour(text: str) -> str:
    """The canonical colour named by ``text`` (``"gray"`` → ``"grey"``), or ``""``."""
    ref = R.reference()
    words = R.TOKEN.findall(text.lower())
    whole = " ".join(words)
    if whole in ref.colours:
        return ref.colours[whole]
    for word in words:
        if word in ref.colours:
            return ref.colours[word]
    return ""


@dataclass
class _Mention:
    kind: str  # "model", "make", "colour", "body"
    value: str
    start: int
    end: int
    entries: tuple[R.ModelEntry, ...] = ()
    context: str = "any"


def _scan(tokens: list[str]) -> list[_Mention]:
    ref = R.reference()
    keys = [t.replace("-", "").replace("'", "") for t in tokens]
    known = ref.known
    found: list[_Mention] = []
    i = 0
    while i < len(tokens):
        if (
            keys[i] not in known
            and (len(keys[i]) < R.FUZZY_MIN or not keys[i].isalpha())
            and "-" not in tokens[i]
            and not (found and found[-1].end == i and found[-1].kind == "make")
        ):
            i += 1
            continue
        hit = _match_at(tokens, keys, i, ref, _make_just_before(found, i))
        if hit is not None and hit.kind in ("model", "make") and _worn_after(tokens, hit.end):
            hit = None
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found


def _make_just_before(found: list[_Mention], i: int) -> str:
    """The make named right before token ``i``, or a few words before with only a body between
    ("black bmw suv, x5 i think", "white Audi SUV (Q5 I'm pretty sure)"); else ``""``."""
    k = len(found) - 1
    while k >= 0 and found[k].kind == "body":
        k -= 1
    if k < 0 or found[k].kind != "make":
        return ""
    if k == len(found) - 1:
        return found[k].value if found[k].end >= i - 1 else ""
    return found[k].value if i - found[k].end <= 3 and found[-1].end >= i - 1 else ""


def _worn_after(tokens: list[str], end: int) -> bool:
    """Clothing or sport after the word ("golf jacket"); "golf tan" is a golfer's tan."""
    if end >= len(tokens):
        return False
    return tokens[end] in R.WORN_OR_PLAYED or (tokens[end] == "tan" and tokens[end - 1] == "golf")


def _match_at(
    tokens: list[str], keys: list[str], i: int, ref: R.Reference, after_make: str
) -> _Mention | None:
    prev_make = bool(after_make)
    longest = min(ref.max_ngram, len(tokens) - i) if keys[i] in ref.phrase_starts else 1
    for n in range(longest, 0, -1):
        window = tuple(tokens[i : i + n])
        if window in R.BODY_WORDS:
            return _Mention("body", R.BODY_WORDS[window], i, i + n)
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
        if n == 1 and window[0] in R.CAR_WORDS:
            return _Mention("body", "~", i, i + 1)
        if n == 1 and "-" in window[0] and (colour := _hyphen_colour(window[0], ref)):
            return _Mention("colour", colour, i, i + 1)
    if prev_make and (base := R.MODEL_NUMBER.match(keys[i])) and base.group(1) in ref.models:
        key = base.group(1)
        return _Mention("model", key, i, i + 1, tuple(ref.models[key]), "make")
    if prev_make and (alias := R.fuzzy_model_of(after_make, keys[i])):
        key = R.key(alias)
        return _Mention("model", key, i, i + 1, tuple(ref.models[key]), "make")
    guess = R.fuzzy(tokens[i])
    if guess:
        key = R.key(guess)
        if key in ref.models:
            return _Mention("model", key, i, i + 1, tuple(ref.models[key]), "vehicle")
        if key in ref.makes:
            return _Mention("make", ref.makes[key][0], i, i + 1, context="vehicle")
    return None


def _hyphen_colour(token: str, ref: R.Reference) -> str:
    """ "blue-grey" → blue, "dark-blue" → blue: the first colour unless it is only a shade word."""
    parts = [p for p in token.split("-") if p not in R.FILLERS]
    return next((ref.colours[p] for p in parts if p in ref.colours), "")


def _strictest(ref: R.Reference, key: str) -> str:
    order = {"any": 0, "vehicle": 1, "make": 2}
    return max((e.context for e in ref.models[key]), key=order.__getitem__)


def _cue_before(tokens: list[str], mentions: list[_Mention], idx: int) -> bool:
    """A colour, year, make or driving verb leads into the mention at ``idx``."""
    start = mentions[idx].start
    j = start - 1
    while j >= 0 and tokens[j] in R.FILLERS and tokens[j] not in R.DETERMINERS:
        j -= 1
    if j >= 0 and (R.YEAR.match(tokens[j]) or tokens[j] in R.DRIVE_VERBS):
        return True
    if j >= 1 and tokens[j] in R.DETERMINERS and tokens[j - 1] in R.DRIVE_VERBS:
        return True
    if (
        j >= 1
        and tokens[j] in R.INDEFINITE
        and tokens[j - 1] in R.INTO_WORDS
        and not any(e.model.lower() in R.IDIOM_MODELS for e in mentions[idx].entries)
        and mentions[idx].kind == "model"
    ):
        return True
    return any(
        m.end > j >= m.start and m.kind in ("colour", "make", "body") for m in mentions[:idx]
    )


_COLOURS_AFTER_THE_NOUN = frozenset(
    R.wordlist(
        "gris grise noir noire negro negra blanc blanche blanco blanca rouge rojo roja bleu bleue "
        "azul vert verte verde argent argenté argentée plateado plateada brun brune marron jaune "
        "amarillo amarilla doré dorée dorado dorada"
    )
)
"""French and Spanish colour words, which follow the noun."""


def _colour_after(tokens: list[str], mentions: list[_Mention], idx: int) -> bool:
    """A French or Spanish colour straight after the model ("une Civic grise", "un Tacoma
    negro"); an English one there is more often something else ("new to town. Car: burgundy")."""
    if idx + 1 >= len(mentions):
        return False
    colour = mentions[idx + 1]
    return (
        colour.kind == "colour"
        and colour.start == mentions[idx].end
        and tokens[colour.start] in _COLOURS_AFTER_THE_NOUN
    )


def _noun_after(tokens: list[str], end: int) -> bool:
    return end < len(tokens) and tokens[end] in R.VEHICLE_NOUNS


def _make_before(tokens: list[str], mentions: list[_Mention], idx: int) -> str:
    """The make just before a model: next to it, or with only a body word between ("black bmw
    suv, x5 i think"). A model that is only a number must be next to it ("mazda 2", but not
    "mazda hatchback, 2 guys")."""
    start = mentions[idx].start
    past_body = False
    for m in reversed(mentions[:idx]):
        gap = tokens[m.end : start]
        if (
            m.kind == "make"
            and all(R.YEAR.match(t) or t in R.FILLERS for t in gap)
            and len(gap) <= 2
        ):
            return "" if past_body and mentions[idx].value.isdigit() else m.value
        if m.kind == "body" and not past_body and start - m.end <= 1:
            past_body, start = True, m.start
            continue
        if m.kind not in ("colour",):
            break
    return ""


def _in_plate_context(tokens: list[str], start: int) -> bool:
    return any(t in R.PLATE_WORDS for t in tokens[max(0, start - 3) : start])


@dataclass
class _Vehicle:
    colour: str = ""
    make: str = ""
    model: str = ""
    body: str = ""
    implied: bool = False

    def filled(self) -> bool:
        return bool(self.make or self.model or self.body)


def _resolve(
    tokens: list[str], mentions: list[_Mention], in_vehicle_column: bool, text: str
) -> _Vehicle:
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
    if not in_vehicle_column and not R.OWNER_WORDS.isdisjoint(tokens):
        accepted = _drop_reporters_vehicles(tokens, accepted, text)
    if not in_vehicle_column and not _NOT_OR_OTHER.isdisjoint(tokens):
        accepted = _drop_other_mens_vehicles(tokens, accepted)
    anchors = [m for m in accepted if m.kind != "colour"]
    if not anchors:
        return _Vehicle(colour=_colour_for(tokens, accepted, in_vehicle_column))
    first = anchors[0]
    vehicle = _Vehicle()
    for m in anchors:
        far = m.start - first.end > 6 and vehicle.filled() and (vehicle.make or vehicle.model)
        if far and not _refines(vehicle, m):
            break
        _fill(vehicle, m, tokens, mentions)
    if not vehicle.body and vehicle.make in R.MOTORCYCLE_MAKES:
        vehicle.body, vehicle.implied = "motorcycle", True
    if vehicle.make in R.TRACTOR_MAKES:
        vehicle.body = "semi"
    vehicle.colour = _colour_for(tokens, accepted, in_vehicle_column, text)
    return vehicle


def _refines(vehicle: _Vehicle, m: _Mention) -> bool:
    """A later mention of the same vehicle: its make again, or a model of that make ("a black
    jeep ... the jeep was a wrangler")."""
    if not vehicle.make or vehicle.model:
        return False
    if m.kind == "make":
        return m.value == vehicle.make
    return m.kind == "model" and any(e.make == vehicle.make for e in m.entries)


def _sentence_starts(text: str, breaks: re.Pattern[str] = R.SENTENCE_BREAK) -> set[int]:
    """Indexes of tokens that follow a full stop, question mark, semicolon or line break (or
    another of ``breaks``)."""
    starts: set[int] = set()
    last = 0
    for i, match in enumerate(R.TOKEN.finditer(text)):
        if i and breaks.search(text, last, match.start()):
            starts.add(i)
        last = match.end()
    return starts


def _drop_reporters_vehicles(
    tokens: list[str], accepted: list[_Mention], text: str
) -> list[_Mention]:
    """Drop phrases owned by the reporter or a friend: "my silver civic", "her friend's car"."""
    starts: set[int] | None = None
    dropped: set[int] = set()
    for m in accepted:
        if m.kind == "colour":
            continue
        j = m.start - 1
        while j >= 0 and (
            (tokens[j] in R.FILLERS and tokens[j] not in R.DETERMINERS)
            or R.YEAR.match(tokens[j])
            or any(p.start <= j < p.end for p in accepted)
        ):
            j -= 1
        if j < 0 or tokens[j] not in R.OWNER_WORDS:
            continue
        starts = _sentence_starts(text, R.PHRASE_BREAK) if starts is None else starts
        if any(k in starts for k in range(j + 1, m.start + 1)):
            continue
        dropped.update(id(p) for p in accepted if j < p.start and p.end <= m.end)
    return [m for m in accepted if id(m) not in dropped]


def _drop_other_mens_vehicles(tokens: list[str], accepted: list[_Mention]) -> list[_Mention]:
    """Drop a vehicle named to say whose it is not: "NOT the F-150 wala Jason", "not the silver
    Sienna guy" (another aggressor on the sheet); and one he has left: "he's not in the grey
    truck anymore", "no longer drives the Civic"."""
    spans = []
    for k, token in enumerate(tokens[:-1]):
        if token == "not" and tokens[k + 1] == "the":
            end = next(
                (j for j in range(k + 2, min(k + 9, len(tokens))) if tokens[j] in R.SOMEONE),
                None,
            )
            if end is not None:
                spans.append((k + 2, end))
    for k, token in enumerate(tokens[:-2]):
        if token in ("not", "no") and tokens[k + 1] in ("in", "longer") and tokens[k + 2] != "a":
            end = next(
                (j for j in range(k + 2, min(k + 10, len(tokens))) if tokens[j] == "anymore"),
                None,
            )
            if end is not None or tokens[k + 1] == "longer":
                spans.append((k + 2, end if end is not None else min(k + 8, len(tokens))))
    spans += _another_mans_description(tokens)
    spans += _compared_with_another(tokens)
    if not spans:
        return accepted
    return [m for m in accepted if not any(a <= m.start and m.end <= b for a, b in spans)]


_DIFFERENT = frozenset(R.wordlist("different other another"))
_NOT_OR_OTHER = _DIFFERENT | {"not", "no"}
_HAVING = frozenset(R.wordlist("with in w driving drives"))


def _another_mans_description(tokens: list[str]) -> list[tuple[int, int]]:
    """Where the report describes a man it is *not* about: "NOT the construction Kevin from
    Langford with the black truck", "a different guy from the older Rob in the silver van". The
    span runs from "with" / "in" to a few words after it."""
    spans = []
    for k in range(len(tokens) - 3):
        named = (
            tokens[k] == "not"
            and tokens[k + 1] == "the"
            and any(t in given_names() for t in tokens[k + 2 : k + 5])
        )
        other = (
            tokens[k] in _DIFFERENT
            and tokens[k + 1] in R.SOMEONE
            and tokens[k + 2] in ("from", "than", "to")
        )
        if not (named or other):
            continue
        having = next(
            (j for j in range(k + 3, min(k + 12, len(tokens))) if tokens[j] in _HAVING), None
        )
        ended = next(
            (j for j in range(k + 4, min(k + 9, len(tokens))) if tokens[j] in R.SOMEONE), None
        )
        if other and ended is not None and (having is None or ended < having):
            continue
        if having is not None:
            spans.append((having + 1, min(having + 6, len(tokens))))
    return spans


def _compared_with_another(tokens: list[str]) -> list[tuple[int, int]]:
    """The vehicle of the man he is told apart from: "DIFFERENT Mike than the caravan one",
    "another guy from the white civic guy", "not the same guy as the one in the red civic"."""
    spans = []
    for k in range(len(tokens) - 4):
        different = tokens[k] in _DIFFERENT and tokens[k + 2] in ("than", "from")
        not_same = (
            tokens[k] == "same" and "not" in tokens[max(k - 2, 0) : k] and tokens[k + 2] == "as"
        )
        if (
            (different or not_same)
            and (tokens[k + 1] in R.SOMEONE or tokens[k + 1] in given_names())
            and tokens[k + 3] == "the"
        ):
            end = next(
                (j for j in range(k + 4, min(k + 9, len(tokens))) if tokens[j] in R.SOMEONE),
                None,
            )
            if end == k + 4 and k + 5 < len(tokens) and tokens[k + 5] in _HAVING:
                spans.append((k + 6, min(k + 10, len(tokens))))
            elif end is not None:
                spans.append((k + 4, end))
    return spans


def _weak(body: str) -> bool:
    return body.endswith("~")


def _two_doors(told: str, usual: str) -> bool:
    """ "2 door" told of a model usually a sedan: the coupe ("maroon accord 2 door")."""
    return told == "coupe~" and usual == "sedan"


def _fill(vehicle: _Vehicle, m: _Mention, tokens: list[str], mentions: list[_Mention]) -> None:
    if m.kind == "make" and not vehicle.make:
        vehicle.make = m.value
    elif m.kind == "body" and (
        not vehicle.body
        or vehicle.body == "~"
        or (not _weak(m.value) and (_weak(vehicle.body) or vehicle.implied))
        or (vehicle.body == "pickup~" and m.value.startswith("semi"))
        or (_two_doors(m.value, vehicle.body) and vehicle.implied)
    ):
        vehicle.body, vehicle.implied = m.value, False
    elif m.kind == "model" and not vehicle.model:
        entry = _choose_entry(m, vehicle.make)
        if entry is None:
            return
        vehicle.model = entry.model
        if not vehicle.make:
            vehicle.make = entry.make if entry.implies_make or len(m.entries) == 1 else ""
        if (
            entry.body
            and (not vehicle.body or _weak(vehicle.body))
            and not _two_doors(vehicle.body, entry.body)
        ):
            vehicle.body, vehicle.implied = entry.body, True


def _choose_entry(m: _Mention, make: str) -> R.ModelEntry | None:
    """The model entry meant, given the make already read. A well-known model named after another
    make ("Toyota Odyssey", "Honda Sienna") is kept beside the make as written: the reporter
    mixed them up, and the model is what links the reports."""
    if make:
        for entry in m.entries:
            if entry.make == make:
                return entry
        if m.context not in ("any", "vehicle"):
            return None
    for entry in m.entries:
        if entry.implies_make:
            return entry
    return m.entries[0] if len({e.model for e in m.entries}) == 1 else None


def _accept_model(
    tokens: list[str], mentions: list[_Mention], idx: int, in_vehicle_column: bool
) -> bool:
    m = mentions[idx]
    if m.end < len(tokens) and tokens[m.end] in R.PLACE_AFTER:
        return False
    make = _make_before(tokens, mentions, idx)
    if make:
        return any(e.make == make for e in m.entries) or m.context in ("any", "vehicle")
    if any(c.isdigit() for c in m.value) and _in_plate_context(tokens, m.start):
        return False
    if m.context == "any":
        return True
    if m.context == "make":
        return in_vehicle_column and m.value in R.CLOTHING_MODELS
    return (
        _names_earlier_make(tokens, mentions, idx, in_vehicle_column)
        or in_vehicle_column
        or _cue_before(tokens, mentions, idx)
        or _noun_after(tokens, m.end)
        or _colour_after(tokens, mentions, idx)
        or _restates_vehicle(tokens, mentions, idx)
        or _known_by_his_vehicle(tokens, m)
    )


def _known_by_his_vehicle(tokens: list[str], m: _Mention) -> bool:
    """A model the man or his plate is known by: "the sienna guy", "(forester guy, Bram)", "the
    odyssey no show guy", "the explorer plate is DLK 7KZ"."""
    if m.end >= len(tokens):
        return False
    if tokens[m.end] in R.PLATE_WORDS:
        return m.value != "legend"
    if m.value in R.PERSON_MODELS:
        return False
    after_the = m.start > 0 and tokens[m.start - 1] in ("the", "that")
    if m.value in R.IDIOM_MODELS and not after_the:
        return False
    for k in range(m.end, min(m.end + (3 if after_the else 1), len(tokens))):
        if tokens[k] in R.KNOWN_BY_WORDS:
            return True
        if tokens[k] in R.GAP_STOPS:
            return False
    return False


def _names_earlier_make(
    tokens: list[str], mentions: list[_Mention], idx: int, in_vehicle_column: bool
) -> bool:
    """The text already named this model's make as a vehicle ("a black jeep ... it was a
    wrangler")."""
    if mentions[idx].value in R.IDIOM_MODELS:
        return False
    makes = {e.make for e in mentions[idx].entries}
    return any(
        m.kind == "make"
        and m.value in makes
        and _accept_make(tokens, mentions[:idx], j, in_vehicle_column)
        for j, m in enumerate(mentions[:idx])
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
    if m.end < len(tokens) and (
        tokens[m.end] in R.PLACE_AFTER or tokens[m.end] in R.BRANDED_THINGS
    ):
        return False
    if m.context == "any" or in_vehicle_column:
        return True
    nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
    if nxt is not None and nxt.start == m.end and nxt.kind in ("model", "body"):
        return True
    if _noun_after(tokens, m.end) or _cue_before(tokens, mentions, idx):
        return True
    before = tokens[m.start - 1] if m.start > 0 else ""
    return before not in R.NOT_A_MAKE_AFTER and any(
        other.kind in ("body", "model") for other in mentions if other is not m
    )


def _accept_body(
    tokens: list[str], mentions: list[_Mention], idx: int, in_vehicle_column: bool
) -> bool:
    m = mentions[idx]
    before = tokens[m.start - 1] if m.start > 0 else ""
    if before in R.NON_AGGRESSOR or _negated_body(tokens, m.start):
        return False
    if in_vehicle_column or not _weak(m.value):
        return True
    if _colour_follows(tokens, m.end):
        return True
    j = m.start - 1
    while j >= 0 and tokens[j] in R.FILLERS and tokens[j] not in R.DETERMINERS:
        j -= 1
    if j < 0:
        return False
    if any(
        p.kind in ("make", "model", "colour", "body") and p.end == j + 1 for p in mentions[:idx]
    ):
        return True
    word = tokens[j]
    return (
        j < m.start - 1
        or word in R.INDEFINITE
        or word in R.DRIVE_VERBS
        or word in R.reference().colours
        or bool(R.YEAR.match(word))
    )


def _negated_body(tokens: list[str], start: int) -> bool:
    """ "no pickup", "not a van", "wasn't a truck": the body word is denied."""
    j = start - 1
    if j >= 0 and tokens[j] in ("a", "an"):
        j -= 1
    return j >= 0 and tokens[j] in R.NEGATIONS


def _colour_follows(tokens: list[str], end: int) -> bool:
    """ "van gris", "the van was a dark grey": a colour follows, and not one of hair or a guy."""
    colours = R.reference().colours
    for k in range(end, min(end + 5, len(tokens))):
        if tokens[k] in colours:
            return k + 1 >= len(tokens) or tokens[k + 1] not in R.NOT_VEHICLE_PART
        if tokens[k] not in R.COLOUR_LINKS and tokens[k] not in R.FILLERS:
            return False
    return False


def _unsure_between_colours(tokens: list[str], colour: _Mention) -> bool:
    """ "navy or black", "grey or silver": the reporter could not tell, so neither is the
    colour. Two words for one colour ("dark red or maroon") still name it."""
    colours = R.reference().colours
    after = tokens[colour.end : colour.end + 3]
    before = tokens[max(0, colour.start - 3) : colour.start]
    for side in (after, before[::-1]):
        if side[:1] != ["or"]:
            continue
        other = next((t for t in side[1:] if t != "maybe"), "")
        if other in colours and colours[other] != colour.value:
            return True
    return False


_RECORD_BODY_CODES = frozenset(R.wordlist("pk pu vn 4d 2d 4dr 2dr"))
"""Body codes of police and ICBC records, written between the model and its colour ("CHEV
SILVERADO PK WHI", "HOND CIVIC 4D WHI")."""


def _colour_for(
    tokens: list[str], accepted: list[_Mention], in_vehicle_column: bool, text: str = ""
) -> str:
    """The vehicle's colour: one written just before a make, model or body with no sentence
    ending between ("at Harris Green. Vehicle: silvery f-150" is silver) and no other colour
    nearer, or one just after it ("the van was a dark grey")."""
    starts: set[int] | None = None
    anchors = [m for m in accepted if m.kind != "colour"]
    colours = [m for m in accepted if m.kind == "colour"]
    for k, c in enumerate(colours):
        nxt = tokens[c.end] if c.end < len(tokens) else ""
        if nxt in R.NOT_VEHICLE_PART or _unsure_between_colours(tokens, c):
            continue
        later = [o for o in colours[k + 1 :] if not _two_tone(tokens, c, o)]
        nearer = later[0].start if later else len(tokens)
        if in_vehicle_column:
            return c.value
        for a in anchors:
            gap = tokens[c.end : a.start]
            if (
                0 <= a.start - c.end <= 3
                and nearer >= a.start
                and all(
                    t in R.FILLERS or R.YEAR.match(t) or _is_mention_token(accepted, c.end + k)
                    for k, t in enumerate(gap)
                )
            ):
                if text and starts is None:
                    starts = _sentence_starts(text)
                if not starts or not any(c.end <= k <= a.start for k in starts):
                    return c.value
            after = tokens[a.end : c.start]
            if 0 <= c.start - a.end <= 4 and all(
                t in R.COLOUR_LINKS or t in R.FILLERS or t in _RECORD_BODY_CODES for t in after
            ):
                return c.value
    return ""


def _two_tone(tokens: list[str], first: _Mention, other: _Mention) -> bool:
    """ "red and white truck": two colours of one vehicle, the first named first ("teal/green"
    is one colour told two ways, and the nearer is taken)."""
    return other.start - first.end == 1 and tokens[first.end] in ("and", "n", "&")


def _is_mention_token(accepted: list[_Mention], pos: int) -> bool:
    return any(m.start <= pos < m.end for m in accepted)


_HANDLE_OR_EMAIL = re.compile(r"[\w.+-]*_[\w.]*|\S+@\S+")
"""A username or email: "otterpup_vw" names no Volkswagen."""


def extract_vehicle(text: str, *, in_vehicle_column: bool = False) -> dict[str, str]:
    """Colour, make, model and body of the first vehicle described in ``text``. A Ram alone is
    recorded as a Dodge Ram, as reporters and the labelling rules name it, so "white Ram" and
    "Dodge Ram" agree when linking."""
    lowered = text.lower()
    if "_" in lowered or "@" in lowered:
        lowered = _HANDLE_OR_EMAIL.sub(" ", lowered)
    tokens = R.TOKEN.findall(lowered)
    vehicle = _resolve(tokens, _scan(tokens), in_vehicle_column, lowered) if tokens else _Vehicle()
    if not in_vehicle_column and not vehicle.filled():
        vehicle.colour = ""
    if vehicle.make == "Ram" and not vehicle.model:
        vehicle.make, vehicle.model = "Dodge", "Ram"
        vehicle.body = vehicle.body or "pickup"
    return {
        "vehicle_colour": vehicle.colour,
        "vehicle_make": vehicle.make,
        "vehicle_model": vehicle.model,
        "vehicle_body": "" if vehicle.body.startswith("semi") else vehicle.body.rstrip("~"),
    }


_STOP_LABEL = re.compile(
    r"(?:^|(?<=[,;/(|\n\-–]))\s*(?:pick|drop)[\s\-]?(?:up|off)\b(?!\s*(?:truck|trk)\b)", re.I
)
"""A stop's label in the location column ("pickup Royal Athletic Park, dropoff Swans hotel",
"pick up: rock bay"): it names no pickup truck."""


def _without_stop_labels(location: str) -> str:
    lowered = location.lower()
    return _STOP_LABEL.sub(" ", location) if "ick" in lowered or "rop" in lowered else location


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """Vehicle features of one report (see the module docstring)."""
    written = report.get("vehicle", "") or ""
    column = extract_vehicle(written, in_vehicle_column=True)
    cue = R.CORRECTION.search(written) if written else None
    if cue is not None:
        put_right = extract_vehicle(written[cue.end() :], in_vehicle_column=True)
        column = {key: put_right[key] or value for key, value in column.items()}
    narrative: dict[str, str] = dict.fromkeys(column, "")
    for name in R.TEXT_FIELDS:
        text = report.get(name, "") or ""
        if text and name == "location":
            text = _without_stop_labels(text)
        if text:
            found = extract_vehicle(text)
            for key, value in found.items():
                narrative[key] = narrative[key] or value
            if narrative["vehicle_make"] or narrative["vehicle_model"]:
                break
    corrected = False
    for name in R.TEXT_FIELDS if any(narrative.values()) else ():
        cues = list(R.CORRECTION.finditer(report.get(name, "") or ""))
        for cue in reversed(cues):
            after = extract_vehicle(report[name][cue.end() :])
            if after["vehicle_make"] or after["vehicle_model"] or after["vehicle_colour"]:
                corrected = True
                narrative = {key: after[key] or narrative[key] for key in narrative}
                break
        if cues:
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

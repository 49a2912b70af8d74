"""Description extractor: what the aggressor looked like.

Reads ``aggressor_description`` first, then ``what_happened``. Every value is as described, never
inferred (no ethnicity from a name, no sex from a sector). Output formats:

* ``aggressor_sex``: ``male``, ``female`` or ``other`` (a trans or non-binary aggressor as
  described); pronouns ("he", "his") count only when no noun says otherwise.
* ``age_low``/``age_high``: "40s" → 40/49, "early 40s" → 40/43, "mid 30s" → 33/37, "late 20s" →
  27/29, "about 50" → 47/53, "45" or "45 years old" → 45/45, "45-50" → 45/50; "older guy" → blank.
* ``height_cm_low``/``height_cm_high``: a stated height *h* becomes floor(h - 2) / ceil(h + 2)
  ("6ft" → 180/185, "5'10" → 176/180, "180cm" → 178/182); a range spans both ends; "tall" → blank.
* ``build``: one of slim, average, athletic, muscular, stocky, heavy.
* ``skin_or_ethnicity``: lowercase words as described: white, black, brown, indigenous, asian,
  south asian, latino, middle eastern, mixed (``;``-joined if several).
* ``hair``: colour then length/style words, space-joined ("grey short", "bald", "blonde long
  ponytail").
* ``facial_hair``: ``;``-joined items, each an optional colour then the kind ("grey goatee",
  "stubble", "clean-shaven").
* ``marks``: ``;``-joined items ``type[:detail][:location]`` where type is tattoo, scar, piercing,
  birthmark or tooth; the location part always names a body part ("left forearm", "neck") and the
  detail never does: ``tattoo:snake:left forearm;scar:left cheek;piercing:nose``. Also what marks
  him besides: ``cane``, ``limp``, ``crutches``, ``wheelchair``, ``finger:missing``, ``eye patch``,
  ``glass eye``.
* ``glasses``: ``yes``, ``no`` (explicitly none) or blank.

The description wins over the narrative; when both state an age, a height or an ethnicity and they
disagree, ``conflicts`` records both (``age: description=40-49, text=52-58``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analytics.extract import _appearance as P

__all__ = ["extract", "extract_description", "height_range", "age_range"]


def _num(word: str) -> int:
    return P.SMALL_NUMBERS[word] if word in P.SMALL_NUMBERS else int(word)


def age_range(text: str, *, bare: bool = False) -> tuple[int, int] | None:
    """The age range ``text`` states, or ``None``.

    ``bare`` also reads a lone number between commas ("white, 45, 6ft"), as descriptions do.
    """
    t = text.lower()

    def hints(*parts: str) -> bool:
        return any(part in t for part in parts)

    if hints("early", "mid", "late") and (m := P.AGE_DECADE_RANGE.search(t)):
        low = _decade_part(int(m["d1"]) * 10, m["p1"])[0]
        return low, _decade_part(int(m["d2"]) * 10, m["p2"])[1]
    if hints("yr", "year", "y/o", "yo", "age") and (m := P.AGE_RANGE.search(t)):
        a, b = int(m["a"] or m["c"]), int(m["b"] or m["e"])
        return (min(a, b), max(a, b)) if min(a, b) >= 12 and max(a, b) <= 95 else None
    if hints("0s", "0's", "0 s", "ties") and (m := P.AGE_DECADE.search(t)):
        base = int(m["d"]) * 10 if m["d"] else P.NUMBER_WORDS[m["w"]]
        if (
            10 <= base <= 90
            and not (base == 90 and P.VEHICLE_BEFORE.search(t, max(0, m.start() - 30), m.start()))
            and not _money_or_time(t, m.end())
            and t[m.start() - 1 : m.start()] != "$"
        ):
            return _decade_part(base, m["part"])
    for m in P.AGE_ABOUT.finditer(t) if hints(*P.ABOUT_HINTS) else ():
        n = int(m["n"] or m["m"])
        if 14 <= n <= 90 and not P.OTHER_PERSON_BEFORE.search(t, max(0, m.start() - 20), m.start()):
            return n - 3, n + 3
    if hints("yr", "year", "y/o", "yo", "y.o", "age", "he") and (m := P.AGE_EXACT.search(t)):
        n = int(m["n"] or m["m"])
        return (n, n) if 12 <= n <= 95 else None
    if bare and (m := P.BARE_AGE.search(t)):
        n = int(m["n"])
        return (n, n) if 14 <= n <= 90 else None
    return None


def _money_or_time(text: str, end: int) -> bool:
    return bool(re.match(r"\s*(?:\$|dollars|bucks|minutes|mins|hours)", text[end:]))


def _decade_part(base: int, part: str | None) -> tuple[int, int]:
    if part == "early":
        return base, base + 3
    if part == "mid":
        return base + 3, base + 7
    if part == "late":
        return base + 7, base + 9
    return base, base + 9


def _height_cm(m: re.Match[str]) -> tuple[float, float]:
    feet = _num(m["ft"])
    inches = _num(m["in"]) if m["in"] else 0
    return (feet * 12 + inches) * 2.54, 2.0 if inches else 2.5


def height_range(text: str) -> tuple[int, int] | None:
    """The height range in cm that ``text`` states, or ``None`` ("tall" states none)."""
    t = text.lower()
    found: list[tuple[int, float, float]] = []
    for m in P.HEIGHT_FT.finditer(t):
        got = _height_cm(m)
        if 140 <= got[0] <= 220:
            found.append((m.start(), *got))
    for m in P.HEIGHT_CM.finditer(t):
        h = float(m["cm"]) if m["cm"] else float(f"{m['m']}.{m['mf']:0<2}") * 100
        if 140 <= h <= 220:
            found.append((m.start(), h, 2.0))
    if not found:
        return None
    found.sort()
    _, first, tol = found[0]
    low, high = first - tol, first + tol
    if len(found) > 1 and P.HEIGHT_RANGE_SEP.search(t[: found[1][0]]):
        _, second, tol2 = found[1]
        low, high = min(low, second - tol2), max(high, second + tol2)
    return round(low), round(high)


Gated = tuple[tuple[frozenset[str], re.Pattern[str], str], ...]


def _gated(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> Gated:
    """Each pattern with the words of its source: text holding none of them cannot match."""
    return tuple((frozenset(re.findall(r"[a-z0-9]+", p.pattern)), p, v) for p, v in patterns)


_BUILD_GATED = _gated(P.BUILD)
_ETHNICITY_GATED = _gated(P.ETHNICITY)


def _build(text: str, words: frozenset[str]) -> str:
    for trigger, pattern, value in _BUILD_GATED:
        if not words.isdisjoint(trigger) and pattern.search(text):
            return value
    return ""


def _ethnicity(text: str, words: frozenset[str], is_description: bool) -> list[str]:
    found = [
        value
        for trigger, pattern, value in _ETHNICITY_GATED
        if not words.isdisjoint(trigger) and pattern.search(text)
    ]
    m = P.LEAD_SKIN.match(text) if is_description else P.SENTENCE_SKIN.search(text)
    if m:
        found.insert(0, {"native": "indigenous"}.get(m["w"], m["w"]))
    if not words.isdisjoint(P.SHORTHAND_WORDS_SET) and (shorthand := P.SHORTHAND.search(text)):
        found.insert(0, P.SHORTHAND_WORDS[shorthand["w"]])
    return list(dict.fromkeys(found))


def _owned_by_reporter(text: str, start: int) -> bool:
    """``my``/``her``/``your`` just before: the reporter's own hair or tattoo."""
    return P.REPORTER_OWNER.search(text, max(0, start - 12), start) is not None


def _hair_phrase(text: str) -> re.Match[str] | None:
    for noun in P.HAIR_NOUN.finditer(text):
        before = P.HAIR_BEFORE.search(text, max(0, noun.start() - 45), noun.start())
        if before and _owned_by_reporter(text, before.start()):
            continue
        if before:
            return before
        after = P.HAIR_AFTER.match(text, noun.end(), noun.end() + 40)
        if after and after.group(1).strip():
            return after
    return None


def _hair(text: str, colour_nouns: bool = False) -> str:
    """Hair colour then length/style; ``colour_nouns`` also reads "blonde" alone (descriptions)."""
    m = _hair_phrase(text)
    words: list[str] = []
    if m:
        phrase = m.group(1)
        keys = P.HAIR_KEY.findall(phrase)
        colours = [P.HAIR_COLOURS[k] for k in keys if k in P.HAIR_COLOURS]
        styles = [P.HAIR_STYLES[k] for k in keys if k in P.HAIR_STYLES]
        if "salt and pepper" in colours:
            colours = ["salt and pepper"]
        words = list(dict.fromkeys(colours[:1] + styles))
    if P.BALD.search(text):
        words.append("bald" if not re.search(r"\bbalding\b", text) else "balding")
    if s := P.HAIR_STANDALONE.search(text):
        words.append(P.HAIR_STYLES.get(s.group(1), s.group(1)))
    if colour_nouns and not m and (c := P.HAIR_COLOUR_NOUN.search(text)):
        words.insert(
            0,
            {"redhead": "red", "ginger": "red", "brunette": "brown"}.get(
                c.group(1), "blonde" if c.group(1).startswith("blond") else c.group(1)
            ),
        )
    return " ".join(dict.fromkeys(words))


def _facial_hair(text: str) -> str:
    items: list[str] = []
    for m in P.FACIAL_KIND.finditer(text):
        kind = P.FACIAL_KINDS[m.group(0)]
        c = P.FACIAL_COLOUR.search(text, max(0, m.start() - 30), m.start())
        colour = P.FACIAL_COLOURS.get(c.group(1), "") if c else ""
        items.append(f"{colour} {kind}".strip() if kind != "clean-shaven" else kind)
    return ";".join(dict.fromkeys(items))


def _mark_type(kind: str) -> str:
    if kind.startswith(("tat", "ink", *P.TATTOO_MOTIFS)):
        return "tattoo"
    if kind.startswith("scar"):
        return "scar"
    if "tooth" in kind or "teeth" in kind:
        return "tooth"
    if kind.startswith("birth"):
        return "birthmark"
    return "piercing"


_ANOTHER_MANS = re.compile(r"\b(?:no|without)\s+(?:a\s+)?$|\bnot\s+(?:the|that|a)\b")
"""Before a trait: none ("no cane") or another man's ("not the Ray with the cane")."""


def _traits(text: str) -> list[str]:
    items = []
    for m in P.TRAIT.finditer(text):
        before = _same_phrase(text[max(0, m.start() - 60) : m.start()])
        if _owned_by_reporter(text, m.start()) or P.HER_CLAUSE.search(before):
            continue
        if P.MARK_NEGATION.search(before) or _ANOTHER_MANS.search(before):
            continue
        items.append(P.TRAIT_ITEMS[m.lastgroup or ""])
    return items


def _marks(text: str) -> list[str]:
    items: list[str] = _traits(text)
    for m in P.MARK_KIND.finditer(text):
        kind = _mark_type(m["kind"])
        before = text[max(0, m.start() - 40) : m.start()]
        if P.MARK_NEGATION.search(before) or _owned_by_reporter(text, m.start()):
            continue
        after = text[m.end() : m.end() + 50]
        after = re.split(r"[.;,]|\band\b|\bwith\b", after, maxsplit=1)[0]
        loc_m = P.LOCATION.search(after) or P.LOCATION.search(_same_phrase(before))
        if m["kind"] in ("nose ring", "lip ring", "eyebrow ring"):
            loc_m = P.LOCATION.search(m["kind"])
        if m["kind"].startswith("earring") or m["kind"] == "gauges":
            location = "ear"
        elif kind == "tooth":
            location = ""
        else:
            location = _clean_location(loc_m.group(1)) if loc_m else ""
        detail = _detail(kind, m["kind"], before, after)
        items.append(":".join(p for p in (kind, detail, location) if p))
    detailed = {(i.split(":")[0], i.split(":")[-1]) for i in items if i.count(":") == 2}
    return [i for i in dict.fromkeys(items) if tuple(i.split(":")) not in detailed]


def mark_parts(item: str) -> tuple[str, str, str]:
    """``(type, detail, location)`` of one ``marks`` item ("tattoo:hand" has a location and no
    detail, "tattoo:compass" the other way round)."""
    kind, _, rest = item.partition(":")
    detail, _, location = rest.rpartition(":")
    if not detail and location and not P.LOCATION.fullmatch(location):
        detail, location = location, ""
    return kind, detail, location


_PHRASE_BREAK = re.compile(r"[.,;:!?()\n]|\s-\s")


def _same_phrase(before: str) -> str:
    """The end of ``before`` that is in the same phrase as what follows it."""
    return _PHRASE_BREAK.split(before)[-1]


def _clean_location(text: str) -> str:
    text = re.sub(r"\b(?:lt|l)\b", "left", text)
    return re.sub(r"\b(?:rt|r)\b", "right", text).strip()


def _detail(kind: str, raw: str, before: str, after: str) -> str:
    if kind == "tooth":
        return "gold" if "gold" in raw else "missing"
    if kind != "tattoo":
        return ""
    if "sleeve" in raw:
        return "sleeve"
    if raw.startswith(P.TATTOO_MOTIFS):
        return raw.rstrip("s").replace(" ", "")
    of = re.match(
        r"\s*(?:of|that says|saying|reading)\s+(?:an?\s+|the\s+)?([a-z' ]+?)\s*(?:on|$)", after
    )
    if of:
        named = [w for w in of.group(1).split() if w not in P.DETAIL_STOP]
        if named and not P.LOCATION.fullmatch(" ".join(named)):
            return " ".join(named[:3])
    prev = P.WORD.findall(_same_phrase(before))
    words: list[str] = []
    for w in reversed(prev):
        if (
            w in P.DETAIL_STOP
            or P.LOCATION.fullmatch(w)
            or w in ("left", "right", "face", "neck")
            or any(ch.isdigit() for ch in w)
        ):
            break
        words.insert(0, w)
    return " ".join(words[-2:])


def _glasses(text: str) -> str:
    if P.GLASSES_NO.search(text):
        return "no"
    return "yes" if P.GLASSES_YES.search(text) else ""


def _sex(description: str, narrative: str, wd: frozenset[str], wn: frozenset[str]) -> str:
    """As described: the description's own words first, then the narrative's nouns and pronouns.

    A trans or non-binary word counts only in the description: in the narrative it is as likely
    to describe the reporter.
    """
    if description:
        if not wd.isdisjoint(P.OTHER_WORDS) and P.SEX_OTHER.search(description):
            return "other"
        male, female = not wd.isdisjoint(P.MALE_WORDS), not wd.isdisjoint(P.FEMALE_WORDS)
        if male != female:
            return "male" if male else "female"
    if not wn.isdisjoint(P.MALE_WORDS) or not wn.isdisjoint(P.HE_WORDS):
        return "male"
    if not wd.isdisjoint(P.HE_WORDS) and wd.isdisjoint(P.SHE_WORDS):
        return "male"
    return ""


_REPORTERS_AGE = re.compile(
    r"\b(?:pt|participant|sw|caller|complainant|worker|reporter|survivor|client:\s*sw)\b"
    r"(?:(?!\b(?:male|man|guy|he|him|his|date|john|client|aggressor|susp\w*)\b)[^.;\n]){0,25}?"
    r"\b(?:early\s+|mid\s+|late\s+)?[1-9]0'?s\b"
    r"|\b(?:i'?m|i\s+am|she'?s|she\s+is)\s+(?:only\s+|now\s+|just\s+)?[1-9]\d\b"
    r"(?!\s*(?:min|mins|minutes|km|dollars|bucks|\$|%))"
)
"""The reporter's own age ("Pt (SW, 30s)", "Caller, 50s", "I'm 56 now"), which is not the
aggressor's."""


def _without_reporters_age(narrative: str) -> str:
    return _REPORTERS_AGE.sub(" ", narrative) if _REPORTERS_AGE.search(narrative) else narrative


def _words(text: str) -> frozenset[str]:
    return frozenset(P.GATE_WORD.findall(text)) if text else frozenset()


def _may_state_age(text: str, words: frozenset[str]) -> bool:
    if not text:
        return False
    return not words.isdisjoint(P.TRIGGERS["numbers"]) or P.AGE_NUMBER.search(text) is not None


def _may_state_height(text: str, words: frozenset[str]) -> bool:
    if not text or not any(hint in text for hint in P.HEIGHT_HINTS):
        return False
    return P.HEIGHT_GATE.search(text) is not None


def extract_description(description: str, narrative: str = "") -> dict[str, str]:
    """Appearance features from an aggressor description and the narrative."""
    desc, narr = description.lower(), narrative.lower()
    wd, wn = _words(desc), _words(narr)

    def has(kind: str, words: frozenset[str]) -> bool:
        return not words.isdisjoint(P.TRIGGERS[kind])

    age_d = age_range(desc, bare=True) if _may_state_age(desc, wd) else None
    age_n = age_range(_without_reporters_age(narr)) if _may_state_age(narr, wn) else None
    height_d = height_range(desc) if _may_state_height(desc, wd) else None
    height_n = height_range(narr) if _may_state_height(narr, wn) else None
    age, height = age_d or age_n, height_d or height_n
    conflicts = [
        f"{name}: description={d[0]}-{d[1]}, text={n[0]}-{n[1]}"
        for name, d, n in (("age", age_d, age_n), ("height_cm", height_d, height_n))
        if d and n and (d[1] < n[0] or n[1] < d[0])
    ]
    marks = (_marks(desc) if has("marks", wd) else []) + (_marks(narr) if has("marks", wn) else [])
    ethnicity = _ethnicity(desc, wd, True) if has("ethnicity", wd) else []
    told = _ethnicity(narr, wn, False) if has("ethnicity", wn) else []
    if ethnicity and told and not set(ethnicity) & set(told):
        conflicts.append(
            f"skin_or_ethnicity: description={'/'.join(ethnicity)}, text={'/'.join(told)}"
        )
    ethnicity = ethnicity or told
    hair = _hair(desc, colour_nouns=True) if has("hair", wd) else ""
    facial = _facial_hair(desc) if has("facial", wd) else ""
    found = {
        "aggressor_sex": _sex(desc, narr, wd, wn),
        "age_low": str(age[0]) if age else "",
        "age_high": str(age[1]) if age else "",
        "height_cm_low": str(height[0]) if height else "",
        "height_cm_high": str(height[1]) if height else "",
        "build": (_build(desc, wd) if has("build", wd) else "")
        or (_build(narr, wn) if has("build", wn) else ""),
        "skin_or_ethnicity": ";".join(ethnicity),
        "hair": hair or (_hair(narr) if has("hair", wn) else ""),
        "facial_hair": facial or (_facial_hair(narr) if has("facial", wn) else ""),
        "marks": ";".join(dict.fromkeys(marks)),
        "glasses": _glasses(desc + "\n" + narr) if has("glasses", wd | wn) else "",
    }
    if conflicts:
        found["conflicts"] = ";".join(conflicts)
    return found


def extract(report: Mapping[str, str]) -> dict[str, str]:
    """Appearance features of one report (see the module docstring)."""
    return extract_description(
        report.get("aggressor_description", "") or "", report.get("what_happened", "") or ""
    )

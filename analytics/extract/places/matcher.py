"""Find gazetteer places in tokens: aliases indexed by first token, context rules, typo repair."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

from analytics.extract.places.reference import Entry
from analytics.extract.places.text import (
    CONNECTORS,
    DIRECTIONS,
    PREPOSITIONS,
    STREET_CONTEXT,
    STREET_TYPES,
    tokens,
    words,
)

PLAIN, CONTEXT, GROUP_ONLY, JOINED = 0, 1, 2, 3
"""How an alias counts: alone; with a place word beside it; only beside another place; only
joined to another street by "&", "and", "/" or "x" (the bare name of a street whose name is also
a common word: "Pandora & Store", "Moss and May")."""
STREET_PREPOSITIONS = words("on off along onto down up corner cnr")
STREET_JOINS = words("& / x")
FUZZY_PREPOSITIONS = words("on at off near in along onto corner cnr")
GENERIC = words("""
hotel motel park mall centre village plaza house lake beach point bay hill hills inn the city area
town square road terminal ferry island valley shopping suites pier cross lagoon harbour victoria
west north south east station green gardens
""")
COMMON_WORDS = words("""
about above after again against alley along already although always among another anyone
anything apartment around asked away back because been before behind being below beside between
block bottom bought building called came cannot car's cars cause child close corner could
couldn couple didnt doesnt doing done door downstairs during early either else enough entire even
evening every everything first floor found friday front getting given going gonna gotta guess
guys happened having heard hello himself house inside instead kept kicked kinda later least left
leave light little looked looking lying maybe means money monday month months morning mother
motel mouth never night nobody nothing number often other outside over parking party person phone
place please pretty probably pulled really right room rooms said saturday saying second seemed
seen since small smoke smoked smoking someone something sometimes started still stopped store
street sunday
taken tell than thank that their them then there these they thing things think third this those
though thought three through thursday today told tonight truck tuesday under until upstairs
usually very wanted wasnt water wednesday week weekend weeks went were what when where which while
white whole with without woman women would wouldnt yeah years yelled yesterday young
plate plates plated licence license section accent jersey
""")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text: tokens ``start:end`` name ``entries[entry]``."""

    start: int
    end: int
    entry: int
    corrected: bool = False
    """Read only after a misspelt word was corrected ("Willow" → "willows")."""


class PlaceMatcher:
    """Alias index over gazetteer entries, keyed by first token, longest alias first."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        table: dict[tuple[str, ...], dict[int, int]] = {}
        for index, entry in enumerate(self.entries):
            if entry.kind == "intersection":
                continue
            for alias, flags in _aliases(entry).items():
                table.setdefault(alias, {})[index] = flags
        grouped: dict[str, dict[int, dict[tuple[str, ...], dict[int, int]]]] = {}
        for alias, owners in table.items():
            grouped.setdefault(alias[0], {}).setdefault(len(alias), {})[alias] = owners
        self._by_first = {
            first: sorted(by_length.items(), reverse=True) for first, by_length in grouped.items()
        }
        known = {token for alias in table for token in alias}
        self._known = frozenset(known)
        vocab = sorted(t for t in known if len(t) >= 5 and t.isalpha() and t not in GENERIC)
        self._vocab_by_letter: dict[str, list[str]] = {}
        for word in vocab:
            self._vocab_by_letter.setdefault(word[0], []).append(word)
        self._corrections: dict[str, str] = {}

    def is_place_word(self, word: str) -> bool:
        """Whether the lower-case ``word`` alone names a place ("esquimalt", "colwood")."""
        return any(length == 1 for length, _ in self._by_first.get(word, ()))

    def correct(self, token: str) -> str:
        """The gazetteer word ``token`` is a typo of (one edit, two if long), or ``""``."""
        cached = self._corrections.get(token)
        if cached is not None:
            return cached
        choices = self._vocab_by_letter.get(token[0])
        fixed = ""
        if choices:
            limit = 1 if len(token) < 8 else 2
            found = extractOne(token, choices, scorer=OSA.distance, score_cutoff=limit)
            fixed = found[0] if found else ""
        if len(self._corrections) < 50_000:
            self._corrections[token] = fixed
        return fixed

    def _repair(self, toks: list[str], in_location: bool) -> list[str]:
        repaired = toks
        for i, token in enumerate(toks):
            if (
                len(token) < 5
                or token in self._known
                or token in COMMON_WORDS
                or not token.isalpha()
            ):
                continue
            before = toks[i - 1] if i else ""
            after = toks[i + 1] if i + 1 < len(toks) else ""
            if not (
                in_location
                or after in STREET_TYPES
                or (
                    len(token) >= 6
                    and (
                        before in FUZZY_PREPOSITIONS
                        or (before in self._known and before not in CONNECTORS)
                    )
                )
            ):
                continue
            fixed = self.correct(token)
            if fixed:
                if repaired is toks:
                    repaired = list(toks)
                repaired[i] = fixed
        return repaired

    def _match(self, toks: list[str], i: int) -> tuple[int, dict[int, int]] | None:
        """The longest alias starting at ``toks[i]``: (end, {entry: flags})."""
        for length, aliases in self._by_first.get(toks[i], ()):
            end = i + length
            if end <= len(toks):
                owners = aliases.get(tuple(toks[i:end]))
                if owners is not None:
                    return end, owners
        return None

    def find(self, text: str, *, in_location: bool = False) -> tuple[list[str], list[Mention]]:
        """Tokens of ``text`` and the places named in it, in reading order."""
        written = tokens(text)
        toks = self._repair(written, in_location)
        found: list[tuple[Mention, int]] = []
        i, n = 0, len(toks)
        while i < n:
            hit = self._match(toks, i)
            if hit is None:
                i += 1
                continue
            end, owners = hit
            if end - i > 1 and i + 1 < n:
                later = self._match(toks, i + 1)
                if later is not None and later[0] > end:
                    i += 1
                    continue
            entry, flags = self._choose(owners, toks, i, end)
            if self.entries[entry].kind == "street":
                while end < n and (toks[end] in STREET_TYPES or toks[end] in DIRECTIONS):
                    end += 1
            street = self.entries[entry].kind == "street"
            if flags == CONTEXT and (in_location or _has_context(toks, i, end, street)):
                flags = PLAIN
            if flags == JOINED and not (
                (i and toks[i - 1] in STREET_JOINS) or (end < n and toks[end] in STREET_JOINS)
            ):
                i = end
                continue
            corrected = toks is not written and toks[i:end] != written[i:end]
            found.append((Mention(i, end, entry, corrected), flags))
            i = end
        return toks, _settle(toks, found, self._is_street)

    def _is_street(self, mention: Mention) -> bool:
        return self.entries[mention.entry].kind == "street"

    def _choose(
        self, owners: dict[int, int], toks: list[str], start: int, end: int
    ) -> tuple[int, int]:
        if len(owners) == 1:
            return next(iter(owners.items()))
        before = toks[start - 1] if start else ""
        after = toks[end] if end < len(toks) else ""
        streety = (
            after in STREET_TYPES
            or before in STREET_PREPOSITIONS
            or (before in STREET_JOINS and start > 1 and toks[start - 2] in self._known)
            or (after in STREET_JOINS and end + 1 < len(toks) and toks[end + 1] in self._known)
        )

        def rank(item: tuple[int, int]) -> tuple[int, int]:
            is_street = self.entries[item[0]].kind == "street"
            return (0 if is_street == streety else 1, item[1])

        return min(owners.items(), key=rank)


def _has_context(toks: list[str], start: int, end: int, street: bool) -> bool:
    if end < len(toks) and toks[end] in STREET_TYPES:
        return True
    before = toks[start - 1] if start else ""
    return before in (STREET_CONTEXT if street else PREPOSITIONS)


def near(toks: list[str], left_end: int, right_start: int) -> bool:
    gap = toks[left_end:right_start]
    return len(gap) <= 3 and all(token in CONNECTORS for token in gap)


def _joined(toks: list[str], left_end: int, right_start: int) -> bool:
    if right_start == left_end:
        return left_end > 0 and toks[left_end - 1] in STREET_JOINS
    return right_start == left_end + 1 and toks[left_end] in STREET_JOINS


def _settle(
    toks: list[str], found: list[tuple[Mention, int]], is_street: Callable[[Mention], bool]
) -> list[Mention]:
    """Keep plain mentions, context-bound ones that stand next to a kept mention, a street's
    bare common-word name joined to a kept street, and two bare street names joined as a
    corner ("pandora & store", "fisgard/douglas")."""
    keep = [flags == PLAIN for _, flags in found]
    for k in range(len(found) - 1):
        (first, first_flags), (second, second_flags) = found[k], found[k + 1]
        if (
            CONTEXT in (first_flags, second_flags)
            and {first_flags, second_flags} <= {CONTEXT, JOINED}
            and is_street(first)
            and is_street(second)
            and _joined(toks, first.end, second.start)
        ):
            keep[k] = keep[k + 1] = True
    changed = True
    while changed:
        changed = False
        for k, (mention, flags) in enumerate(found):
            if keep[k]:
                continue
            beside = _joined if flags == JOINED else near
            left = (
                k > 0
                and keep[k - 1]
                and beside(toks, found[k - 1][0].end, mention.start)
                and (flags != JOINED or is_street(found[k - 1][0]))
            )
            right = (
                k + 1 < len(found)
                and keep[k + 1]
                and beside(toks, mention.end, found[k + 1][0].start)
                and (flags != JOINED or is_street(found[k + 1][0]))
            )
            if left or right:
                keep[k] = changed = True
    return [mention for k, (mention, _) in enumerate(found) if keep[k]]


def _aliases(entry: Entry) -> dict[tuple[str, ...], int]:
    out: dict[tuple[str, ...], int] = {}
    for alias in entry.aliases:
        if alias == "!":
            continue
        flags = PLAIN
        if alias[0] == "~":
            flags, alias = CONTEXT, alias[1:]
        elif alias[0] == "^":
            flags, alias = GROUP_ONLY, alias[1:]
        toks = tuple(tokens(alias))
        if toks:
            out[toks] = flags
    name = tuple(tokens(entry.name))
    out.setdefault(name, PLAIN)
    if entry.kind == "street" and "!" in entry.aliases and len(name) > 1:
        base = list(name)
        while len(base) > 1 and (base[-1] in STREET_TYPES or base[-1] in DIRECTIONS):
            base.pop()
        if tuple(base) != name:
            out.setdefault(tuple(base), JOINED)
    if entry.kind == "street" and "!" not in entry.aliases:
        for full in [name, *[a for a, flags in out.items() if flags == PLAIN]]:
            base = list(full)
            while len(base) > 1 and (base[-1] in STREET_TYPES or base[-1] in DIRECTIONS):
                base.pop()
            last = base[-1]
            if (
                tuple(base) != full
                and len(last) >= (3 if full == name else 4)
                and last.isalpha()
                and last not in CONNECTORS
                and last not in COMMON_WORDS
            ):
                out.setdefault(tuple(base), CONTEXT)
    return out

"""Blocking: which pairs of reports are worth comparing at all.

Each rule gives every report some keys (its phone numbers, subsets of its plate's characters,
its rarest mark words, …); reports sharing a key become candidate pairs. A key shared by more
than ``cap`` reports (a white Civic, "Mike", "tattoo") never produces all its pairs: its reports
are sorted by other details and each is paired only with its ``window`` nearest neighbours, so
the number of pairs grows linearly with the number of reports, whatever the data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import combinations

import numpy as np
import pandas as pd

from analytics.link import plates
from analytics.link.comparisons.base import Prepared, pair_codes, row_number_type
from analytics.link.comparisons.people import SHORT_FORMS
from analytics.link.threads import in_order
from analytics.vocabulary import HARM_TYPES


@dataclass(frozen=True)
class BlockingSettings:
    cap: int = 40
    """Keys shared by at most this many reports pair all of them."""
    window: int = 12
    """Reports of a larger key pair only with this many neighbours on each side."""
    partial_cap: int = 400
    """Partial plates and phone fragments are matched against at most this many full values."""


@dataclass(frozen=True)
class Keys:
    """Blocking keys of one rule: parallel arrays of report rows and hashed keys."""

    rows: np.ndarray
    keys: np.ndarray


def _hash(values: pd.Series | np.ndarray) -> np.ndarray:
    """A 64-bit hash of each value's text."""
    text = np.asarray(values, dtype=object)
    if pd.api.types.infer_dtype(text, skipna=False) not in ("string", "empty"):
        text = text.astype(str).astype(object)
    return pd.util.hash_array(text)


def _explode(prepared: Prepared, column: str) -> tuple[np.ndarray, np.ndarray]:
    items = pd.Series(prepared.column(column), dtype=object).str.split(";").explode()
    items = items[items.notna() & (items != "")]
    return items.index.to_numpy(dtype=np.int64), items.to_numpy(dtype=object)


def _column_keys(prepared: Prepared, *columns: str) -> Keys:
    """One key per report from the concatenated columns; reports blank in any get none."""
    filled = np.ones(len(prepared), dtype=bool)
    parts = []
    for column in columns:
        value = np.asarray(prepared.column(column)).astype(str)
        filled &= (value != "") & (value != "nan")
        parts.append(value)
    rows = np.flatnonzero(filled)
    text = np.full(len(rows), "", dtype=object)
    for value in parts:
        text = text + "|" + value[rows].astype(object)
    return Keys(rows, _hash(text))


def phone_keys(prepared: Prepared) -> Keys:
    rows, phones = _explode(prepared, "phones")
    return Keys(rows, _hash(phones))


def handle_keys(prepared: Prepared) -> Keys:
    rows, handles = _explode(prepared, "handles")
    return Keys(rows, _hash(handles))


def name_keys(prepared: Prepared) -> Keys:
    rows, names = _explode(prepared, "names")
    return Keys(rows, _hash(names))


_NAME_WORD = r"[a-z]{3,}"
_MARK_SIDES = ("left", "right")


def _name_words(prepared: Prepared) -> pd.Series:
    """Every word of every name, indexed by report row (a report repeats its row)."""
    words = pd.Series(prepared.column("names"), dtype=object).str.findall(_NAME_WORD).explode()
    return words[words.notna()]


def name_word_keys(prepared: Prepared) -> Keys:
    """Each word of each name ("brother alan" and "alan" share ``alan``)."""
    words = _name_words(prepared)
    rows = words.index.to_numpy(dtype=np.int64)
    return Keys(rows, _hash("w:" + words.to_numpy(dtype=object)))


_LEADING_LETTERS = r"^([a-z]{3,})"


def name_stem_keys(prepared: Prepared) -> Keys:
    """The first three letters of each name word, of its long form when it is a common short
    form ("mike" → "michael"), and of each handle's leading letters, so the forms of one name
    meet ("phil" / "philip", "mike" / "michael", "bill" / "william", "graham" /
    "grahamtravels@…")."""
    handles = pd.Series(prepared.column("handles"), dtype=object).str.split(";").explode()
    handles = handles.str.extract(_LEADING_LETTERS, expand=False)
    words = _name_words(prepared)
    long_forms = words.map(SHORT_FORMS)
    words = pd.concat([words, long_forms[long_forms.notna()], handles[handles.notna()]])
    stems = words.str[:3]
    rows = stems.index.to_numpy(dtype=np.int64)
    return Keys(rows, _hash("s:" + stems.to_numpy(dtype=object)))


def _harm_kinds(prepared: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """(report row, harm kind) for every kind of harm each report names."""
    harms = prepared.column("harms").astype(np.int64)
    rows, kinds = [], []
    for kind in range(len(HARM_TYPES)):
        holding = np.flatnonzero((harms >> kind) & 1)
        rows.append(holding)
        kinds.append(np.full(len(holding), kind, dtype=np.uint64))
    return np.concatenate(rows), np.concatenate(kinds)


def harm_kind_keys(prepared: Prepared) -> Keys:
    """Each kind of harm a report names, alone."""
    rows, kinds = _harm_kinds(prepared)
    return Keys(rows, (kinds + np.uint64(1)) * np.uint64(_TAG))


def mark_place_keys(prepared: Prepared) -> Keys:
    """Each mark by its kind, side and the last word of where it is ("scar:left hand" and
    "scar:back of the left hand" share ``scar left hand``)."""
    items = pd.Series(prepared.column("marks"), dtype=object).str.lower().str.split(";").explode()
    items = items[items.notna() & (items != "")]
    kind = items.str.split(":").str[0].str.strip()
    place = items.str.split(":").str[-1].str.findall(r"[a-z]+")
    last = place.str[-1].fillna("")
    side = place.map(lambda words: next((w for w in words if w in _MARK_SIDES), ""))
    usable = (items.str.count(":") >= 1) & (last.str.len() >= 3) & ~last.isin(_MARK_SIDES)
    key = "m:" + kind + " " + side + " " + last
    return Keys(items.index.to_numpy(dtype=np.int64)[usable.to_numpy()], _hash(key[usable]))


def _known_character_keys(prepared: Prepared, size: int) -> tuple[Keys, np.ndarray]:
    """Full plates keyed by every choice of ``size`` known characters (misreads folded), with
    length and positions; and each keyed row's count of known characters."""
    rows_out, keys_out, known_out = [], [], []
    for column in ("plate", "plate2"):
        codes = prepared.cached(
            f"plate-codes:{column}", partial(plates.encode, prepared.frame[column])
        )
        full = (codes["anchor"] == plates.FULL) & (codes["length"] >= 4)
        rows = np.flatnonzero(full)
        folded = plates.canonical_codes(codes["left"][rows]).astype(np.uint64)
        known = codes["left"][rows] > plates.UNKNOWN
        count = known.sum(axis=1)
        length = codes["length"][rows].astype(np.uint64)
        for chosen in combinations(range(plates.WIDTH), size):
            usable = known[:, list(chosen)].all(axis=1)
            if not usable.any():
                continue
            key = length * np.uint64(1 << 8)
            for position in chosen:
                key = key * np.uint64(1 << 7) + (folded[:, position] & np.uint64(127))
            key = key * np.uint64(1 << 8) + np.uint64(sum(1 << p for p in chosen))
            rows_out.append(rows[usable])
            keys_out.append(key[usable])
            known_out.append(count[usable])
    if not rows_out:
        return Keys(np.zeros(0, np.int64), np.zeros(0, np.uint64)), np.zeros(0, np.int64)
    return (
        Keys(np.concatenate(rows_out), np.concatenate(keys_out)),
        np.concatenate(known_out),
    )


def plate_keys(prepared: Prepared) -> Keys:
    """Full plates: every choice of four known characters (misreads folded), with positions.

    Two six-character plates that differ in at most two places (a misread, a swap, a ``?``)
    share at least one key.
    """
    return _known_character_keys(prepared, 4)[0]


def _sparse_plates(prepared: Prepared) -> tuple[Keys, Keys]:
    """(full plates with only three known characters, every full plate), keyed by three known
    characters in place: ``NGF???`` and ``81???E`` have no four-character key to share."""
    every, known = _known_character_keys(prepared, 3)
    sparse = known == 3
    return Keys(every.rows[sparse], every.keys[sparse]), every


def _plate_ends(prepared: Prepared) -> tuple[Keys, Keys]:
    """(partial plates keyed by their known end, every plate keyed by its start and its end)."""
    codes = prepared.cached("plate-codes:plate", lambda: plates.encode(prepared.frame["plate"]))
    text = pd.Series(prepared.column("plate"), dtype=object)
    core = text.str.replace("*", "", regex=False)
    folded = core.str.translate(str.maketrans(plates.MISREADS))
    start = "<" + folded.str.slice(0, 3)
    end = ">" + folded.str.slice(-3)
    length = codes["length"]
    anchor = codes["anchor"]
    clean = ~core.str.slice(0, 3).str.contains("?", regex=False).to_numpy()
    clean_end = ~core.str.slice(-3).str.contains("?", regex=False).to_numpy()
    prefix = np.flatnonzero((anchor == plates.PREFIX) & (length >= 3) & clean)
    suffix = np.flatnonzero((anchor == plates.SUFFIX) & (length >= 3) & clean_end)
    partial = Keys(
        np.concatenate([prefix, suffix]),
        _hash(np.concatenate([start.to_numpy()[prefix], end.to_numpy()[suffix]])),
    )
    starts = np.flatnonzero((length >= 3) & (anchor != plates.SUFFIX) & clean)
    ends = np.flatnonzero((length >= 3) & (anchor != plates.PREFIX) & clean_end)
    every = Keys(
        np.concatenate([starts, ends]),
        _hash(np.concatenate([start.to_numpy()[starts], end.to_numpy()[ends]])),
    )
    return partial, every


def _fragment_ends(prepared: Prepared) -> tuple[Keys, Keys]:
    """(fragments keyed by their last 4 digits, phones and fragments keyed the same way)."""
    frag_rows, fragments = _explode(prepared, "phone_fragments")
    phone_rows, phones = _explode(prepared, "phones")
    frag_tail = pd.Series(fragments, dtype=object).str.slice(-4)
    usable = (frag_tail.str.len() == 4).to_numpy()
    phone_tail = pd.Series(phones, dtype=object).str.slice(-4)
    partial = Keys(frag_rows[usable], _hash(frag_tail.to_numpy()[usable]))
    every = Keys(
        np.concatenate([frag_rows[usable], phone_rows]),
        _hash(np.concatenate([frag_tail.to_numpy()[usable], phone_tail.to_numpy()])),
    )
    return partial, every


def rare_mark_keys(prepared: Prepared) -> Keys:
    """Each report's two rarest words of its marks, alone and together."""
    words = pd.Series(prepared.column("marks"), dtype=object).str.lower().str.findall(r"[a-z]{3,}")
    exploded = words.explode().dropna()
    if exploded.empty:
        return Keys(np.zeros(0, np.int64), np.zeros(0, np.uint64))
    table = pd.DataFrame({"row": exploded.index.to_numpy(), "word": exploded.to_numpy()})
    table = table.drop_duplicates()
    table["df"] = table["word"].map(table["word"].value_counts())
    table = table.sort_values(["row", "df", "word"], kind="stable")
    rarest = table.groupby("row", sort=False).head(2)
    row, word = rarest["row"].to_numpy(), rarest["word"].to_numpy(dtype=object)
    second = np.flatnonzero(row[1:] == row[:-1]) + 1
    both = "2:" + pd.Series(word[second - 1], dtype=object) + " " + pd.Series(word[second])
    rows = np.concatenate([row, row[second]])
    keys = _hash(np.concatenate([word, both.to_numpy(dtype=object)]))
    return Keys(rows.astype(np.int64), keys)


def _tagged_keys(prepared: Prepared, *column_sets: tuple[str, ...]) -> Keys:
    """One key per report for each set of columns, tagged so equal text in two sets differs."""
    parts = [_column_keys(prepared, *columns) for columns in column_sets]
    return Keys(
        np.concatenate([part.rows for part in parts]),
        np.concatenate(
            [part.keys ^ np.uint64(tag * _TAG % 2**64) for tag, part in enumerate(parts)]
        ),
    )


_TAG = 0x9E3779B97F4A7C15


def vehicle_kind_keys(prepared: Prepared) -> Keys:
    """Colour group with body, and colour group with make ("grey minivan", "grey dodge")."""
    return _tagged_keys(prepared, ("colour_group", "body_group"), ("colour_group", "make"))


def harm_keys(prepared: Prepared) -> Keys:
    """The set of harm types of each report that names any."""
    harms = prepared.column("harms")
    rows = np.flatnonzero(harms != 0)
    return Keys(rows, harms[rows].astype(np.uint64))


def _harm_kind_with(
    harm_rows: np.ndarray,
    harm_kinds: np.ndarray,
    prepared: Prepared,
    columns: tuple[str, ...],
    lead: str,
) -> Keys:
    """Each (report, kind of harm) keyed with the report's values of ``columns`` when all are
    known, as ``kind|lead value|value…``."""
    text = np.char.add(harm_kinds.astype(str), "|" + lead)
    known = np.ones(len(harm_rows), dtype=bool)
    for position, column in enumerate(columns):
        values = np.asarray(prepared.column(column)).astype(str)[harm_rows]
        known &= (values != "") & (values != "nan")
        text = np.char.add(text, values if position == 0 else np.char.add("|", values))
    return Keys(harm_rows[known], _hash(text[known]))


def vehicle_part_harm_keys(prepared: Prepared) -> Keys:
    """Each kind of harm a report names, with its colour group, make or body ("robbery + dodge").

    Kinds one at a time, not the whole set: repeat reports of one aggressor often share a rarer
    kind of harm but not every kind."""
    harm_rows, harm_kinds = _harm_kinds(prepared)
    parts = [
        _harm_kind_with(harm_rows, harm_kinds, prepared, (column,), f"{tag}|")
        for tag, column in enumerate(("colour_group", "make", "body_group"))
    ]
    return Keys(
        np.concatenate([part.rows for part in parts]), np.concatenate([part.keys for part in parts])
    )


def vehicle_kind_harm_type_keys(prepared: Prepared) -> Keys:
    """Each kind of harm a report names, with its colour group and body together ("robbery +
    gold van"): the pairs a rare kind of vehicle and a rare kind of harm make likely, which the
    harm with one vehicle part alone leaves in blocks too large to search whole."""
    harm_rows, harm_kinds = _harm_kinds(prepared)
    return _harm_kind_with(harm_rows, harm_kinds, prepared, ("colour_group", "body_group"), "")


def name_word_harm_type_keys(prepared: Prepared) -> Keys:
    """Each word of each name with each kind of harm ("mike + robbery"): a common name is a key
    too large to search whole, and the kind of harm picks out the reports worth pairing."""
    words = _name_words(prepared)
    harm_rows, harm_kinds = _harm_kinds(prepared)
    joined = pd.DataFrame({"row": words.index.to_numpy(np.int64), "word": words.to_numpy(object)})
    joined = joined.merge(pd.DataFrame({"row": harm_rows, "kind": harm_kinds.astype(str)}))
    text = "nh:" + joined["word"] + "|" + joined["kind"]
    return Keys(joined["row"].to_numpy(np.int64), _hash(text.to_numpy(dtype=object)))


def _rank(prepared: Prepared, columns: tuple[str, ...]) -> np.ndarray:
    """A sort order of all reports by ``columns`` (blank last), as ranks."""
    frame = prepared.frame
    keys = []
    for column in reversed(columns):
        values = frame[column]
        if values.dtype == object:
            codes, _ = pd.factorize(values.astype(str), sort=True)
            keys.append(np.where(values.astype(str) == "", np.iinfo(np.int64).max, codes))
        else:
            keys.append(np.nan_to_num(values.to_numpy(dtype=float), nan=np.inf))
    order = np.lexsort(keys)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


def windowed_pairs(
    keys: Keys, rank: np.ndarray, cap: int, window: int
) -> tuple[np.ndarray, np.ndarray]:
    """All pairs within keys of at most ``cap`` reports; neighbours by ``rank`` in larger ones."""
    if len(keys.rows) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.lexsort((rank[keys.rows], keys.keys))
    rows, hashed = keys.rows[order], keys.keys[order]
    starts = np.r_[0, np.flatnonzero(hashed[1:] != hashed[:-1]) + 1]
    sizes = np.diff(np.r_[starts, len(hashed)])
    small = np.repeat(sizes <= cap, sizes)
    longest = int(min(sizes.max(), cap))
    out_a, out_b = [], []
    for d in range(1, max(longest, window + 1)):
        same = hashed[d:] == hashed[:-d]
        keep = same & (small[:-d] | (d <= window))
        if not keep.any():
            if d >= window:
                break
            continue
        out_a.append(rows[:-d][keep])
        out_b.append(rows[d:][keep])
    if not out_a:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_a), np.concatenate(out_b)


def one_sided_pairs(partial: Keys, every: Keys, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of a partial value with every value sharing its key (keys held by > limit skipped)."""
    if not len(partial.rows) or not len(every.rows):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    right = pd.DataFrame({"key": every.keys, "b": every.rows})
    sizes = right["key"].map(right["key"].value_counts())
    right = right[sizes.to_numpy() <= limit]
    left = pd.DataFrame({"key": partial.keys, "a": partial.rows})
    joined = left.merge(right, on="key")
    return joined["a"].to_numpy(np.int64), joined["b"].to_numpy(np.int64)


@dataclass(frozen=True)
class Rule:
    """A blocking rule: how keys are made and how big keys are ordered before windowing."""

    name: str
    keys: Callable[[Prepared], Keys]
    sort_by: tuple[str, ...]
    wider: int = 1
    """Reports of a large key pair with ``wider`` times the usual window of neighbours (0: a
    large key pairs none of its reports)."""
    window: int | None = None
    """A key of any size pairs each report with this many neighbours only (common keys)."""


RULES: tuple[Rule, ...] = (
    Rule("phone", phone_keys, ("days",)),
    Rule("handle", handle_keys, ("days",)),
    Rule("plate", plate_keys, ("days",)),
    Rule("name", name_keys, ("vehicle_key", "age_low", "height_low")),
    Rule("name+vehicle", lambda p: _column_keys(p, "name", "vehicle_key"), ("neighbourhood",)),
    Rule("marks", rare_mark_keys, ("sex", "age_low", "height_low")),
    Rule("vehicle kind", vehicle_kind_keys, ("harms", "appearance", "neighbourhood")),
    Rule(
        "vehicle kind+harm",
        lambda p: _column_keys(p, "colour_group", "body_group", "harms"),
        ("neighbourhood", "appearance"),
    ),
    Rule(
        "vehicle",
        lambda p: _column_keys(p, "vehicle_key_colour"),
        ("neighbourhood", "age_low", "height_low"),
    ),
    Rule(
        "vehicle+place",
        lambda p: _column_keys(p, "vehicle_key", "neighbourhood"),
        ("age_low", "height_low"),
    ),
    Rule(
        "appearance",
        lambda p: _column_keys(p, "appearance"),
        ("age_low", "height_low", "neighbourhood"),
    ),
    Rule(
        "place+harm", lambda p: _column_keys(p, "neighbourhood", "harms"), ("appearance", "age_low")
    ),
    Rule("harm+time", harm_keys, ("report_days",)),
    Rule("place", lambda p: _column_keys(p, "neighbourhood"), ("report_days",), wider=0),
    # A small place shared is worth showing at intake ("Mill Bay" twice); a big one is not.
    Rule("name+time", name_keys, ("report_days",), wider=4),
    Rule("marks+time", rare_mark_keys, ("report_days",)),
    Rule("name word+time", name_word_keys, ("report_days",)),
    Rule("harm kind+time", harm_kind_keys, ("report_days",), window=6),
    Rule("name stem+time", name_stem_keys, ("report_days",), window=6),
    Rule("mark place+time", mark_place_keys, ("report_days",)),
    Rule("vehicle part+harm type", vehicle_part_harm_keys, ("report_days",)),
    Rule("vehicle part+harm type+place", vehicle_part_harm_keys, ("neighbourhood", "report_days")),
    Rule("name word+harm type", name_word_harm_type_keys, ("report_days",)),
    Rule("vehicle kind+harm type", vehicle_kind_harm_type_keys, ("report_days",), wider=4),
    Rule(
        "vehicle part+harms",
        lambda p: _tagged_keys(
            p, ("harms", "colour_group"), ("harms", "make"), ("harms", "body_group")
        ),
        ("report_days",),
    ),
)


def _sorted_unique(codes: np.ndarray) -> np.ndarray:
    """``codes`` (sorted in place) without repeats."""
    codes.sort()
    return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


def candidate_pairs(
    prepared: Prepared, settings: BlockingSettings | None = None, workers: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Unique candidate pairs ``(ia, ib)`` with ``ia < ib``, in sorted order, as 32-bit row
    numbers (half the memory of the hundred million pairs a million reports make). Rules make
    their pairs on ``workers`` threads, one rule ahead each."""
    settings = settings or BlockingSettings()
    n = max(len(prepared), 1)

    def unique_codes(ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        keep = ia != ib
        if not keep.all():
            ia, ib = ia[keep], ib[keep]
        return _sorted_unique(pair_codes(ia, ib, n))

    made_twice = {
        id(rule.keys): f"blocking-keys:{number}"
        for number, rule in enumerate(RULES)
        if sum(other.keys is rule.keys for other in RULES) > 1
    }

    def rule_codes(rule: Rule) -> np.ndarray:
        shared = made_twice.get(id(rule.keys))
        make = partial(rule.keys, prepared)
        keys = prepared.cached(shared, make) if shared else make()
        cap = settings.cap if rule.window is None else rule.window
        window = settings.window * rule.wider if rule.window is None else rule.window
        return unique_codes(*windowed_pairs(keys, _rank(prepared, rule.sort_by), cap, window))

    codes = np.zeros(0, np.int64)
    try:
        for found in in_order(rule_codes, RULES, workers, ahead=1):
            codes = _with_new_codes(codes, found)
    finally:
        for key in made_twice.values():
            prepared.forget(key)
    for some, every in (
        _plate_ends(prepared),
        _fragment_ends(prepared),
        _sparse_plates(prepared),
    ):
        codes = _with_new_codes(
            codes, unique_codes(*one_sided_pairs(some, every, settings.partial_cap))
        )
    index = row_number_type(n)
    first, second = np.empty(len(codes), index), np.empty(len(codes), index)
    np.floor_divide(codes, n, out=first, casting="unsafe")
    np.remainder(codes, n, out=second, casting="unsafe")
    return first, second


def _with_new_codes(known: np.ndarray, more: np.ndarray) -> np.ndarray:
    """The sorted union of two sorted unique code arrays, holding at most one copy of the
    result beside them (a million reports make over a hundred million candidate pairs: every
    rule's codes kept until the end, then joined and sorted, needed three times the memory)."""
    if not len(known):
        return more
    at = np.searchsorted(known, more)
    seen = known[np.minimum(at, len(known) - 1)] == more
    union = np.concatenate((known, more[~seen]))
    union.sort(kind="stable")
    return union

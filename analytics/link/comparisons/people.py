"""Names and handles the aggressor used (often made up, so names weigh little unless rare)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import distance, process

from analytics.link.comparisons.base import (
    Comparison,
    Level,
    Prepared,
    by_level,
    list_overlap,
    lists_share,
)
from analytics.link.frequencies import lookup_frequencies


def _similarity(prepared: Prepared, column: str, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    values, codes = prepared.column(column), prepared.codes(column)[0]
    score = np.zeros(len(ia))
    rows = np.flatnonzero((codes[ia] >= 0) & (codes[ib] >= 0))
    if len(rows):
        score[rows] = process.cpdist(
            list(values[ia[rows]]),
            list(values[ib[rows]]),
            scorer=distance.JaroWinkler.normalized_similarity,
            workers=1,
        )
    return score


def _rows_where_alike(
    prepared: Prepared,
    column: str,
    alike: Callable[[str, str], bool],
    ia: np.ndarray,
    ib: np.ndarray,
    rows: np.ndarray,
) -> np.ndarray:
    """Those of ``rows`` whose two reports' ``column`` lists are ``alike``, each distinct pair of
    lists judged once."""
    if not len(rows):
        return rows
    codes, values = prepared.codes(column)
    pairs, where = np.unique(
        np.stack([codes[ia[rows]], codes[ib[rows]]], axis=1), axis=0, return_inverse=True
    )
    verdict = np.array([alike(values[a], values[b]) for a, b in pairs.tolist()])
    return rows[verdict.astype(bool)[where.ravel()]]


SHORT_FORMS = {
    "bill": "william", "billy": "william", "will": "william", "liam": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert", "bert": "robert",
    "mike": "michael", "mikey": "michael", "mick": "michael", "mickey": "michael",
    "jim": "james", "jimmy": "james", "jamie": "james", "dick": "richard", "rick": "richard",
    "ricky": "richard", "rich": "richard", "richie": "richard", "chuck": "charles",
    "charlie": "charles", "chas": "charles", "ted": "edward", "teddy": "edward", "ed": "edward",
    "eddie": "edward", "ned": "edward", "jack": "john", "johnny": "john", "jon": "john",
    "tony": "anthony", "steve": "stephen", "stevie": "stephen", "steven": "stephen",
    "larry": "lawrence", "harry": "henry", "hank": "henry", "peggy": "margaret",
    "pete": "peter", "andy": "andrew", "drew": "andrew", "joe": "joseph", "joey": "joseph",
    "jerry": "gerald", "gerry": "gerald", "frank": "francis", "tom": "thomas", "tommy": "thomas",
    "dave": "david", "davey": "david", "sandy": "alexander", "alex": "alexander",
    "al": "albert", "greg": "gregory", "matt": "matthew", "nick": "nicholas", "nicky": "nicholas",
    "ron": "ronald", "ronnie": "ronald", "don": "donald", "donny": "donald", "ray": "raymond",
    "ken": "kenneth", "kenny": "kenneth", "doug": "douglas", "len": "leonard", "lenny": "leonard",
    "sam": "samuel", "sammy": "samuel", "ben": "benjamin", "benny": "benjamin", "danny": "daniel",
    "dan": "daniel", "chris": "christopher", "kit": "christopher", "fred": "frederick",
    "freddie": "frederick", "gord": "gordon", "gordie": "gordon", "jeff": "jeffrey",
    "geoff": "geoffrey", "phil": "phillip", "vince": "vincent", "walt": "walter", "wally": "walter",
    "zach": "zachary", "zack": "zachary", "nate": "nathan", "josh": "joshua", "tim": "timothy",
    "timmy": "timothy", "terry": "terrence", "stu": "stuart", "marty": "martin", "manny": "manuel",
    "pat": "patrick", "paddy": "patrick", "jake": "jacob", "cal": "calvin", "rudy": "rudolph",
}  # fmt: skip
"""Common short forms of given names whose letters don't start the long form
("Bill" and "William"); a short form that does ("Ty", "Tyler") is found by its letters."""


def _long_form(name: str) -> str:
    return SHORT_FORMS.get(name, name)


@lru_cache(maxsize=65536)
def names_alike(a: str, b: str) -> bool:
    """Two name lists holding one name in a short and a long form: "ty" and "tyler", "wes" and
    "wesley", "bill" and "william", or a first name and the full name ("brendan halloway")."""
    firsts_a = {word.split()[0].strip(".") for word in a.split(";") if word.strip()}
    firsts_b = {word.split()[0].strip(".") for word in b.split(";") if word.strip()}
    for x in firsts_a:
        for y in firsts_b:
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if short == long or (len(short) >= 2 and long.startswith(short)):
                return True
            if _long_form(short) == _long_form(long):
                return True
    return False


class SameName(Comparison):
    name = "SameName"
    rarer_counts_more = True
    levels = (
        Level("null", "a name in only one report", 0.0),
        Level("same", "same name", 0.45, tf=True),
        Level("similar", "similar name", 0.15, at_most="same"),
        Level("different", "different names", 0.4, against=True),
    )
    fuzzy_cut = 0.9

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        shared = lists_share(prepared, "names", ia, ib)
        names = prepared.codes("names")[0]
        both = (names[ia] >= 0) & (names[ib] >= 0)
        level = np.zeros(len(ia), dtype=np.int8)
        level[both] = 3
        level[both & (_similarity(prepared, "name", ia, ib) >= self.fuzzy_cut)] = 2
        level[
            _rows_where_alike(prepared, "names", names_alike, ia, ib, np.flatnonzero(level == 3))
        ] = 2
        level[shared] = 1
        return level

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        tf = np.full(len(ia), np.nan)
        same = np.flatnonzero(levels == 1)
        _, shared = list_overlap(prepared, "names", ia[same], ib[same])
        tf[same] = lookup_frequencies(prepared.frequencies("name"), shared)
        return tf

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "names", ia, ib)
        names = prepared.column("names")
        a = pd.Series(names[ia], dtype=object).str.title()
        b = pd.Series(names[ib], dtype=object).str.title()
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same name " + pd.Series(shared, dtype=object).str.title(),
                2: "name " + a + " ≈ " + b,
                3: "different names: " + a + " vs " + b,
            },
        )


_FILLER_WORDS = (
    "yyj yvr yyc vic victoria van bc island isl the real official only just xo xx xxx "
    "daddy papa gent gents gentleman guy man men boy boys king mr sir top bttm fun time "
    "love lover hot big sugar vip new alt backup account acct main work private"
)
_HANDLE_FILLER = frozenset(_FILLER_WORDS.split())
"""Words so many handles hold that sharing one says nothing ("vic", "daddy", "real")."""
_HANDLE_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def handle_core(handles: str) -> tuple[frozenset[str], str]:
    """What a man keeps of his handles when he makes a new account: their words (letters only,
    the email domain dropped) and the letters of the first one run together.

    ``vic_buyer88`` and ``buyer88@example.com`` share ``buyer``; ``discreet_ob`` and
    ``ob_discreet2`` have the same words; ``stefan_travels`` and ``stef_an_yvr`` start alike.
    """
    words: set[str] = set()
    run = ""
    for handle in handles.split(";"):
        local = handle.split("@", 1)[0].lower()
        found = _HANDLE_WORD.findall(local)
        words.update(found)
        if not run:
            run = "".join(word for word in found if word not in _HANDLE_FILLER)
    return frozenset(words), run


def handles_alike(a: str, b: str) -> bool:
    """Two handle lists that share a distinctive word (four letters or more, not a filler like
    "vic"), hold the same words in another order, or start with the same six letters."""
    words_a, run_a = handle_core(a)
    words_b, run_b = handle_core(b)
    if not words_a or not words_b:
        return False
    if words_a == words_b and not words_a <= _HANDLE_FILLER:
        return True
    if any(len(word) >= 4 and word not in _HANDLE_FILLER for word in words_a & words_b):
        return True
    return len(run_a) >= 6 and len(run_b) >= 6 and run_a[:6] == run_b[:6]


class SameHandle(Comparison):
    name = "SameHandle"
    levels = (
        Level("null", "a handle or email in only one report", 0.0),
        Level("same", "same handle", 0.6),
        Level("similar", "similar handle", 0.15, at_most="same"),
        Level("different", "different handles", 0.25, against=True),
    )
    fuzzy_cut = 0.92

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        shared = lists_share(prepared, "handles", ia, ib)
        handles = prepared.codes("handles")[0]
        both = (handles[ia] >= 0) & (handles[ib] >= 0)
        level = np.zeros(len(ia), dtype=np.int8)
        level[both] = 3
        level[both & (_similarity(prepared, "handle", ia, ib) >= self.fuzzy_cut)] = 2
        level[
            _rows_where_alike(
                prepared, "handles", handles_alike, ia, ib, np.flatnonzero(level == 3)
            )
        ] = 2
        level[shared] = 1
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "handles", ia, ib)
        handles = prepared.column("handles")
        a, b = pd.Series(handles[ia], dtype=object), pd.Series(handles[ib], dtype=object)
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: "same handle " + pd.Series(shared, dtype=object),
                2: "handle " + a + " ≈ " + b,
                3: "different handles: " + a + " vs " + b,
            },
        )

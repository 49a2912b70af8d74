"""Phone evidence: the same number, or a fragment ("ends in 0134") that fits a number."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import (
    Comparison,
    Level,
    Prepared,
    by_level,
    list_overlap,
    lists_share,
)
from analytics.link.frequencies import lookup_frequencies


def display_phone(e164: str) -> str:
    """``+12505550134`` → ``+1 250-555-0134``."""
    digits = e164.lstrip("+")
    if len(digits) == 11 and digits.startswith("1"):
        return f"+1 {digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    return e164


def _fits(fragments: str, others: str) -> str:
    """The first fragment that is the end of one of ``others`` (phones or fragments), else ""."""
    other_digits = [value.lstrip("+") for value in others.split(";") if value]
    for fragment in fragments.split(";"):
        if len(fragment) < 4:
            continue
        for other in other_digits:
            if other.endswith(fragment) or fragment.endswith(other):
                return fragment
    return ""


def _single(phones: np.ndarray, fragments: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per report: first fragment, first phone's digits, and whether it lists several of either."""
    phone_series = pd.Series(phones, dtype=object)
    fragment_series = pd.Series(fragments, dtype=object)
    several = (
        phone_series.str.contains(";", regex=False) | fragment_series.str.contains(";", regex=False)
    ).to_numpy(bool)
    digits = phone_series.str.lstrip("+").to_numpy(dtype=str)
    return fragment_series.to_numpy(dtype=str), digits, several


def _ending_shares(reference: Prepared, length: int) -> pd.Series:
    """Share of the distinct known numbers whose last ``length`` digits are each value.

    Counted over distinct numbers, not reports, so a number reported many times by one
    aggressor does not make its own ending look common."""
    numbers = pd.Series(reference.column("phones"), dtype=object).str.split(";").explode()
    numbers = numbers.dropna().str.lstrip("+").drop_duplicates()
    numbers = numbers[numbers.str.len() >= length]
    return numbers.str.slice(-length).value_counts() / max(len(numbers), 1)


class SamePhone(Comparison):
    name = "SamePhone"
    levels = (
        Level("null", "a phone number in only one report", 0.0),
        Level("same", "same phone number", 0.6),
        Level("fragment", "phone fragment fits the number", 0.1, tf=True, at_most="same"),
        Level("different", "different phone numbers", 0.3, against=True),
    )

    def _fragment_fit(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The pairs in which a fragment fits the other report's number or fragment, and that
        fragment.

        Only pairs in which a report gives a fragment are looked at. Reports with one phone and
        one fragment (nearly all) are checked with vectorised string ends; reports listing
        several are checked one pair at a time.
        """
        phones, fragments = prepared.column("phones"), prepared.column("phone_fragments")
        frag, digits, several = prepared.cached("phone-single", lambda: _single(phones, fragments))
        given = prepared.cached("phone-fragment-given", lambda: frag != "")
        usable = prepared.cached("phone-fragment-usable", lambda: np.strings.str_len(frag) >= 4)
        some = np.flatnonzero(given[ia] | given[ib])
        ia, ib = ia[some], ib[some]
        found = np.full(len(ia), "", dtype=object)
        done = np.zeros(len(ia), dtype=bool)
        for x, y in ((ia, ib), (ib, ia)):
            rows = np.flatnonzero(usable[x] & ~done)
            f, other_phone, other_frag = frag[x[rows]], digits[y[rows]], frag[y[rows]]
            fits = (
                np.strings.endswith(other_phone, f)
                | np.strings.endswith(other_frag, f)
                | (usable[y[rows]] & np.strings.endswith(f, other_frag))
            )
            found[rows[fits]] = f[fits].astype(object)
            done[rows[fits]] = True
        for k in np.flatnonzero(several[ia] | several[ib]):
            a, b = ia[k], ib[k]
            fragment = ""
            if fragments[a]:
                fragment = _fits(fragments[a], phones[b] + ";" + fragments[b])
            if not fragment and fragments[b]:
                fragment = _fits(fragments[b], phones[a] + ";" + fragments[a])
            found[k] = fragment
        fitting = found != ""
        return some[fitting], found[fitting]

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        shared = lists_share(prepared, "phones", ia, ib)
        phones = prepared.codes("phones")[0]
        both = (phones[ia] >= 0) & (phones[ib] >= 0)
        fits = self._fragment_fit(prepared, ia, ib)[0]
        level = np.zeros(len(ia), dtype=np.int8)
        level[both] = 3
        level[fits] = 2
        level[shared] = 1
        return level

    def term_frequency(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        """For a fitting fragment: the share of known numbers ending so (a fragment that fits
        many numbers says less than one that fits a single number)."""
        tf = np.full(len(ia), np.nan)
        rows = np.flatnonzero(levels == 2)
        if not len(rows):
            return tf
        fitting, fragments = self._fragment_fit(prepared, ia[rows], ib[rows])
        rows = rows[fitting]
        lengths = np.fromiter(map(len, fragments), dtype=np.int64, count=len(fragments))
        for length in np.unique(lengths).tolist():
            mine = lengths == length
            table = prepared.reference.cached(
                f"phone-ends:{length}", partial(_ending_shares, prepared.reference, length)
            )
            tf[rows[mine]] = lookup_frequencies(table, fragments[mine])
        return tf

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "phones", ia, ib)
        fragment = np.full(len(ia), "", dtype=object)
        fitting, fragments = self._fragment_fit(prepared, ia, ib)
        fragment[fitting] = fragments
        phones = prepared.column("phones")
        return by_level(
            levels,
            {
                0: self.levels[0].description,
                1: pd.Series("same phone " + pd.Series(shared).map(display_phone)),
                2: pd.Series("phone fragment " + pd.Series(fragment) + " fits"),
                3: pd.Series(
                    "different phones: "
                    + pd.Series(phones[ia]).map(display_phone)
                    + " vs "
                    + pd.Series(phones[ib]).map(display_phone)
                ),
            },
        )

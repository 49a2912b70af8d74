"""Phone evidence: the same number, or a fragment ("ends in 0134") that fits a number."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.link.comparisons.base import Comparison, Level, Prepared, by_level, list_overlap


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


def _tails(phones: np.ndarray, fragments: np.ndarray) -> np.ndarray:
    """Per report: the last four digits of every phone and fragment, ``;``-joined."""
    both = pd.Series(phones, dtype=object) + ";" + pd.Series(fragments, dtype=object)
    tails = both.str.findall(r"(\d{4})(?:;|$)").str.join(";")
    return np.asarray(tails.fillna("").to_numpy(dtype=str))


def _first_tail(fragments: np.ndarray) -> np.ndarray:
    """Per report: the last four digits of its first fragment ("" if none)."""
    first = pd.Series(fragments, dtype=object).str.split(";").str[0].fillna("")
    tail = first.str.slice(-4).where(first.str.len() >= 4, "")
    return np.asarray(tail.to_numpy(dtype=str))


def _contains(haystack: np.ndarray, needle: np.ndarray) -> np.ndarray:
    return (needle != "") & (np.strings.find(haystack, needle) >= 0)


class SamePhone(Comparison):
    name = "SamePhone"
    levels = (
        Level("null", "a phone number in only one report", 0.0),
        Level("same", "same phone number", 0.6),
        Level("fragment", "phone fragment fits the number", 0.1),
        Level("different", "different phone numbers", 0.3),
    )

    def _fragment_fit(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        phones, fragments = prepared.column("phones"), prepared.column("phone_fragments")
        result = np.full(len(ia), "", dtype=object)
        frag_a, frag_b = fragments[ia], fragments[ib]
        tails = prepared.cached("phone-tails", lambda: _tails(phones, fragments))
        ends = prepared.cached("fragment-ends", lambda: _first_tail(fragments))
        maybe = _contains(tails[ib], ends[ia]) | _contains(tails[ia], ends[ib])
        todo = np.flatnonzero(((frag_a != "") | (frag_b != "")) & maybe)
        for k in todo:
            a, b = ia[k], ib[k]
            found = ""
            if frag_a[k]:
                found = _fits(frag_a[k], phones[b] + ";" + fragments[b])
            if not found and frag_b[k]:
                found = _fits(frag_b[k], phones[a] + ";" + fragments[a])
            result[k] = found
        return result

    def compare(self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        shared, _ = list_overlap(prepared, "phones", ia, ib)
        phones = prepared.column("phones")
        both = (phones[ia] != "") & (phones[ib] != "")
        fits = self._fragment_fit(prepared, ia, ib) != ""
        level = np.zeros(len(ia), dtype=np.int8)
        level[both] = 3
        level[fits] = 2
        level[shared] = 1
        return level

    def explain(
        self, prepared: Prepared, ia: np.ndarray, ib: np.ndarray, levels: np.ndarray
    ) -> np.ndarray:
        _, shared = list_overlap(prepared, "phones", ia, ib)
        fragment = self._fragment_fit(prepared, ia, ib)
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

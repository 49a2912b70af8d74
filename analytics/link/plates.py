"""Licence plates as fixed-width code arrays, compared for many pairs at once.

A canonical plate (see the normaliser) is uppercase letters and digits, ``?`` for an unknown
character, a trailing ``*`` when only the start is known and a leading ``*`` when only the end is.
Common misreads (O/0, B/8, I/1, S/5, Z/2, G/6) are folded into one class when comparing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

WIDTH = 8
UNKNOWN = 1
FULL, PREFIX, SUFFIX = 0, 1, 2
MISREADS: dict[str, str] = {"O": "0", "B": "8", "I": "1", "S": "5", "Z": "2", "G": "6"}

NULL, SAME, FITS, MISREAD, ONE_OFF, PARTIAL, DIFFER = range(7)
STRENGTH_ORDER = np.array([7, 1, 2, 3, 4, 5, 6])
"""Rank of each level, strongest first; ``NULL`` ranks last when picking the best of several."""

_CANON = np.arange(256, dtype=np.uint8)
for _seen, _as in MISREADS.items():
    _CANON[ord(_seen)] = ord(_as)


def canonical_codes(codes: np.ndarray) -> np.ndarray:
    """Fold misread-prone characters into one class (``B`` and ``8`` compare equal)."""
    return _CANON[codes]


def clean_plate(text: str) -> str:
    """One plate in canonical form: ``"bv4 21k"`` → ``"BV421K"``; keeps ``?`` and ``*``."""
    return "".join(ch for ch in text.upper() if ch.isalnum() or ch in "?*")


def parse_plates(values: pd.Series) -> pd.DataFrame:
    """First and second plate of each ``;``-joined cell, canonical."""
    parts = values.fillna("").astype(str).str.split(";")
    first = parts.str[0].fillna("").map(clean_plate)
    second = parts.str[1].fillna("").map(clean_plate)
    return pd.DataFrame({"plate": first, "plate2": second}, index=values.index)


def encode(plates: pd.Series) -> dict[str, np.ndarray]:
    """Left- and right-aligned code matrices, anchor and length of each plate (blank → length 0)."""
    text = plates.fillna("").astype(str).to_numpy(dtype=str)
    anchor = np.full(len(text), FULL, dtype=np.int8)
    anchor[np.char.endswith(text, "*")] = PREFIX
    anchor[np.char.startswith(text, "*")] = SUFFIX
    core = np.char.replace(text, "*", "")
    core = np.array([value[:WIDTH] for value in core], dtype=f"<U{WIDTH}")
    length = np.char.str_len(core).astype(np.int8)
    raw = core.astype(f"<U{WIDTH}").view(np.uint32).reshape(len(core), WIDTH)
    left = np.where(raw == ord("?"), UNKNOWN, np.minimum(raw, 255)).astype(np.uint8)
    right = np.zeros_like(left)
    columns = np.arange(WIDTH)
    shift = (WIDTH - length).astype(np.int64)
    rows = np.repeat(np.arange(len(core)), WIDTH)
    source = np.tile(columns, len(core))
    target = source + np.repeat(shift, WIDTH)
    keep = target < WIDTH
    right[rows[keep], target[keep]] = left[rows[keep], source[keep]]
    return {"left": left, "right": right, "anchor": anchor, "length": length}


def compare(codes: dict[str, np.ndarray], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """Plate level for each pair ``(ia[k], ib[k])``: one of ``NULL … DIFFER``."""
    level = np.full(len(ia), NULL, dtype=np.int8)
    both = np.flatnonzero((codes["length"][ia] > 0) & (codes["length"][ib] > 0))
    if len(both):
        level[both] = _compare_plates(codes, ia[both], ib[both])
    return level


def _compare_plates(codes: dict[str, np.ndarray], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """``compare`` for pairs that both give a plate."""
    anchor_a, anchor_b = codes["anchor"][ia], codes["anchor"][ib]
    len_a, len_b = codes["length"][ia], codes["length"][ib]
    right_aligned = ((anchor_a == SUFFIX) | (anchor_b == SUFFIX))[:, None]
    a = np.where(right_aligned, codes["right"][ia], codes["left"][ia])
    b = np.where(right_aligned, codes["right"][ib], codes["left"][ib])
    known = (a > UNKNOWN) & (b > UNKNOWN)
    same = a == b
    fold_a, fold_b = canonical_codes(a), canonical_codes(b)
    fold_same = fold_a == fold_b
    mismatches = (known & ~fold_same).sum(axis=1)
    misreads = (known & fold_same & ~same).sum(axis=1)
    overlap = known.sum(axis=1)
    swapped = np.zeros(len(ia), dtype=bool)
    for i in range(WIDTH - 1):
        swapped |= (
            known[:, i]
            & known[:, i + 1]
            & ~fold_same[:, i]
            & ~fold_same[:, i + 1]
            & (fold_a[:, i] == fold_b[:, i + 1])
            & (fold_a[:, i + 1] == fold_b[:, i])
        )
    swapped &= mismatches == 2
    both_full = (anchor_a == FULL) & (anchor_b == FULL)
    wild = ((a == UNKNOWN) | (b == UNKNOWN)).any(axis=1)
    length_clash = (
        (both_full & (len_a != len_b))
        | ((anchor_a == PREFIX) & (anchor_b == FULL) & (len_a > len_b))
        | ((anchor_b == PREFIX) & (anchor_a == FULL) & (len_b > len_a))
        | ((anchor_a == SUFFIX) & (anchor_b == FULL) & (len_a > len_b))
        | ((anchor_b == SUFFIX) & (anchor_a == FULL) & (len_b > len_a))
    )
    opposite = ((anchor_a == PREFIX) & (anchor_b == SUFFIX)) | (
        (anchor_a == SUFFIX) & (anchor_b == PREFIX)
    )
    level = np.full(len(ia), DIFFER, dtype=np.int8)
    clean = (mismatches == 0) & ~length_clash
    level[clean & (overlap < 3)] = NULL
    level[clean & (overlap >= 3)] = PARTIAL
    level[(mismatches == 1) & (overlap >= 5) & ~length_clash] = ONE_OFF
    level[((clean & (misreads > 0)) | (swapped & ~length_clash)) & (overlap >= 4)] = MISREAD
    level[clean & (misreads == 0) & (overlap >= 4)] = FITS
    level[clean & (misreads == 0) & both_full & ~wild & (overlap == len_a)] = SAME
    level[opposite | (len_a == 0) | (len_b == 0)] = NULL
    return level


def best_of(levels: list[np.ndarray]) -> np.ndarray:
    """The strongest level of several comparisons of the same pairs."""
    ranks = np.stack([STRENGTH_ORDER[level] for level in levels])
    best = ranks.argmin(axis=0)
    return np.stack(levels)[best, np.arange(ranks.shape[1])]


def display(plate: str) -> str:
    """``BV421K`` → ``BV4 21K``: the way plates are written on the sheet."""
    if len(plate) == 6 and "*" not in plate:
        return f"{plate[:3]} {plate[3:]}"
    return plate


def misread_note(plate_a: str, plate_b: str) -> str:
    """Which characters were probably misread: ``"B/8"``, or ``"two characters swapped"``."""
    notes = []
    for ch_a, ch_b in zip(plate_a.strip("*"), plate_b.strip("*"), strict=False):
        if ch_a != ch_b and MISREADS.get(ch_a, ch_a) == MISREADS.get(ch_b, ch_b):
            notes.append(f"{ch_a}/{ch_b}")
    return ", ".join(notes) if notes else "two characters swapped"

"""Search on partial information: a partial plate (``BV4``), a phone fragment (``0134``), a
vehicle, or words of a description, giving ranked reports and aggressors."""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analytics.link.plates import MISREADS

_FOLD = str.maketrans(MISREADS)
SEARCH_TEXT_COLUMNS: tuple[str, ...] = (
    "vehicle_label",
    "appearance",
    "marks",
    "names",
    "handles",
    "neighbourhood",
    "municipality",
    "incident_types",
)


def _kind(token: str) -> str:
    """``phone``, ``plate``, ``word``, or ``plate or word`` for three to eight letters
    (``VMB`` may be the start of a plate as well as a word)."""
    if token.isdigit() and len(token) >= 3:
        return "phone"
    if re.fullmatch(r"[A-Za-z0-9?]{2,8}", token) and any(ch.isdigit() for ch in token):
        return "plate"
    if re.fullmatch(r"[A-Za-z]{3,8}", token):
        return "plate or word"
    return "word"


def _plate_gain(plates: pd.Series, token: str) -> np.ndarray:
    folded = re.escape(token.upper().translate(_FOLD)).replace(r"\?", ".")
    starts = plates.str.contains(rf"(?:^|;)\*?{folded}", regex=True).to_numpy()
    hit = plates.str.contains(folded, regex=True).to_numpy()
    return np.where(starts, 3.0, np.where(hit, 2.0, 0.0))


def _word_gain(text: pd.Series, token: str) -> np.ndarray:
    word = re.escape(token.lower())
    hit = text.str.contains(rf"\b{word}", regex=True).to_numpy()
    share = max(hit.mean(), 1.0 / max(len(hit), 1))
    return np.where(hit, 1.0 + np.log(1.0 / share) / 5.0, 0.0)


def search_text(prepared: pd.DataFrame) -> pd.Series:
    """Lower-case text of every column a word search looks at, one string per report."""
    text = pd.Series("", index=prepared.index, dtype=object)
    for column in SEARCH_TEXT_COLUMNS:
        text = text + " " + prepared[column].astype(str).str.lower().str.replace("_", " ")
    return text


def search(
    prepared: pd.DataFrame,
    aggressor_of: Mapping[str, str],
    query: str,
    limit: int = 50,
    text: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reports (``report_id, aggressor_id, score, matched``) and aggressors (``aggressor_id,
    score, reports``) matching ``query``, best first. ``prepared`` is ``prepare(features)``."""
    tokens = [t for t in re.split(r"[\s,;]+", query.strip()) if t]
    score = np.zeros(len(prepared))
    matched = [[] for _ in range(len(prepared))]  # type: list[list[str]]
    text = text if text is not None else search_text(prepared)
    digits = (prepared["phones"] + ";" + prepared["phone_fragments"]).str.replace("+", "")
    plates = (prepared["plate"] + ";" + prepared["plate2"]).str.translate(_FOLD)
    for token in tokens:
        kind = _kind(token)
        if kind == "phone":
            ends = digits.str.contains(rf"{token}(?:;|$)", regex=True).to_numpy()
            hit = digits.str.contains(token, regex=False).to_numpy()
            gain = np.where(ends, 3.0, np.where(hit, 2.0, 0.0))
        elif kind == "plate":
            gain = _plate_gain(plates, token)
        elif kind == "plate or word":
            gain = np.maximum(_plate_gain(plates, token), _word_gain(text, token))
        else:
            gain = _word_gain(text, token)
        score += gain
        for row in np.flatnonzero(gain > 0):
            matched[row].append(token)
    found = np.flatnonzero(score > 0)
    ids = prepared["report_id"].to_numpy()[found]
    reports = pd.DataFrame(
        {
            "report_id": ids,
            "aggressor_id": [aggressor_of.get(i, "") for i in ids],
            "score": score[found],
            "matched": [" ".join(matched[row]) for row in found],
        }
    ).sort_values(["score", "report_id"], ascending=[False, True], kind="stable")
    aggressors = (
        reports[reports["aggressor_id"] != ""]
        .groupby("aggressor_id")
        .agg(score=("score", "max"), reports=("report_id", "size"))
        .reset_index()
        .sort_values(["score", "reports"], ascending=[False, False], kind="stable")
    )
    return reports.head(limit).reset_index(drop=True), aggressors.head(limit).reset_index(drop=True)

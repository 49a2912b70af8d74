"""Accuracy of the normaliser on a hand-written labelled set, against the targets of issue 3.

    .venv/bin/python benchmarks/normalise_accuracy.py --set eval      # the figures we report
    .venv/bin/python benchmarks/normalise_accuracy.py --set dev --show-errors plate

`dev` is for tuning rules; `eval` is never used for tuning (see benchmarks/handwritten/README.md).
For each field: accuracy where the truth states a value, exact accuracy over all reports, and the
false-positive rate where the truth is blank. Set-valued fields compare as sets. Phones are scored
as `bdars normalise` writes them: without the numbers in the reporter's own contact column.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from analytics.extract import normalise_frame
from analytics.extract.phones import without_reporter_numbers
from analytics.extract.plates import plates_compatible
from analytics.features import split_list

HERE = Path(__file__).parent / "handwritten"
SET_FIELDS = {"phones", "phone_fragments", "plate", "incident_types", "names", "handles"}
BLANK = {"", "unknown"}
TARGETS = {
    ("phones", "accuracy (stated)"): 0.99,
    ("plate", "accuracy (stated)"): 0.95,
    ("plate", "compatible (stated)"): 0.98,
    ("vehicle_make", "accuracy (stated)"): 0.95,
    ("vehicle_model", "accuracy (stated)"): 0.93,
    ("vehicle_colour", "accuracy (stated)"): 0.95,
    ("incident_types", "set F1 (stated)"): 0.90,
    ("neighbourhood", "accuracy (stated)"): 0.90,
    ("jurisdiction", "accuracy (stated)"): 0.95,
}
MAX_FALSE_POSITIVE_RATE = 0.02


def value_of(field: str, text: object) -> frozenset[str] | str:
    raw = "" if pd.isna(text) else str(text).strip()
    if field in SET_FIELDS:
        return frozenset(
            item.lower() if field in ("names", "handles") else item for item in split_list(raw)
        )
    return "" if raw in BLANK else raw.lower()


def set_f1(truth: frozenset[str], found: frozenset[str]) -> float:
    if not truth and not found:
        return 1.0
    overlap = len(truth & found)
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(found), overlap / len(truth)
    return 2 * precision * recall / (precision + recall)


def plates_fit(truth: frozenset[str], found: frozenset[str]) -> bool:
    if len(truth) != len(found):
        return False
    return all(any(plates_compatible(t, f) for f in found) for t in truth)


def score(truth: pd.DataFrame, found: pd.DataFrame) -> list[dict[str, object]]:
    fields = [c for c in truth.columns if c not in ("report_id", "aggressor_id") and c in found]
    merged = truth.merge(found, on="report_id", suffixes=("_truth", "_found"), how="left")
    rows = []
    for field in fields:
        pairs = [
            (value_of(field, t), value_of(field, f))
            for t, f in zip(merged[f"{field}_truth"], merged[f"{field}_found"], strict=True)
        ]
        stated = [(t, f) for t, f in pairs if t]
        blank = [(t, f) for t, f in pairs if not t]
        figures: dict[str, object] = {
            "field": field,
            "stated": len(stated),
            "accuracy (stated)": sum(t == f for t, f in stated) / len(stated) if stated else None,
            "exact (all)": sum(t == f for t, f in pairs) / len(pairs),
            "false positives (blank)": (
                sum(bool(f) for _, f in blank) / len(blank) if blank else None
            ),
        }
        if field in SET_FIELDS:
            figures["set F1 (stated)"] = (
                sum(set_f1(t, f) for t, f in stated) / len(stated) if stated else None
            )
        if field == "plate":
            figures["compatible (stated)"] = (
                sum(plates_fit(t, f) for t, f in stated) / len(stated) if stated else None
            )
        rows.append(figures)
    return rows


def verdicts(rows: list[dict[str, object]]) -> list[str]:
    lines = []
    by_field = {row["field"]: row for row in rows}
    for (field, measure), target in TARGETS.items():
        value = by_field.get(field, {}).get(measure)
        ok = value is not None and value >= target
        shown = "n/a" if value is None else f"{value:.3f}"
        lines.append(f"{'PASS' if ok else 'FAIL'}  {field} {measure}: {shown} (target ≥ {target})")
    for row in rows:
        rate = row["false positives (blank)"]
        if rate is not None and rate > MAX_FALSE_POSITIVE_RATE:
            lines.append(f"FAIL  {row['field']} false-positive rate {rate:.3f} (target ≤ 0.02)")
    return lines


def shown(value: frozenset[str] | str) -> str:
    return ";".join(sorted(value)) if isinstance(value, frozenset) else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=sorted(
            path.name.removesuffix("_reports.csv") for path in HERE.glob("*_reports.csv")
        ),
        default="eval",
    )
    parser.add_argument(
        "--show-errors", metavar="FIELD", help="list the reports this field gets wrong"
    )
    options = parser.parse_args()
    reports = pd.read_csv(HERE / f"{options.set}_reports.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(HERE / f"{options.set}_truth.csv", dtype=str, keep_default_na=False)
    found = normalise_frame(reports)
    found = found.assign(
        phones=[
            without_reporter_numbers(phones, own)
            for phones, own in zip(found["phones"], reports["reporter_contact"], strict=True)
        ]
    )
    rows = score(truth, found)
    table = pd.DataFrame(rows).set_index("field")
    print(f"Normaliser accuracy on the hand-written {options.set} set ({len(reports)} reports)")
    print(table.to_string(float_format=lambda value: f"{value:.3f}", na_rep="–"))
    print()
    print("\n".join(verdicts(rows)))
    if options.show_errors:
        field = options.show_errors
        merged = truth.merge(found, on="report_id", suffixes=("_truth", "_found"))
        text = reports.set_index("report_id")
        for _, row in merged.iterrows():
            expected = shown(value_of(field, row[f"{field}_truth"]))
            got = shown(value_of(field, row[f"{field}_found"]))
            if expected != got:
                narrative = " | ".join(v for v in text.loc[row["report_id"]].tolist() if v)[:400]
                print(f"\n{row['report_id']}: expected {expected!r} got {got!r}\n  {narrative}")


if __name__ == "__main__":
    main()

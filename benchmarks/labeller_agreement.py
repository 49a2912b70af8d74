"""How far two careful people labelling the same reports agree: the ceiling for issue 3's targets.

    .venv/bin/python benchmarks/labeller_agreement.py

A second labeller, given only the report texts and the "Labelling rules" section of
benchmarks/handwritten/README.md (not the writers' per-set labelling calls, not their truth
files), labelled four tuning sets again: `handwritten/second_labeller/SET_labels.csv`. This
prints, per set, the second labeller scored against the writer's truth exactly as the normaliser
is scored (benchmarks/normalise_accuracy.py), and the normaliser beside it.
"""

from __future__ import annotations

import pandas as pd
from normalise_accuracy import HERE, score

from analytics.extract import normalise_frame

SECOND = HERE / "second_labeller"
FIELDS = {
    "incident_types": "set F1 (stated)",
    "plate": "accuracy (stated)",
    "neighbourhood": "accuracy (stated)",
}


def figures(truth: pd.DataFrame, found: pd.DataFrame) -> dict[str, float]:
    by_field = {row["field"]: row for row in score(truth[["report_id", *FIELDS]], found)}
    return {field: by_field[field][measure] for field, measure in FIELDS.items()}


def exact_harm_sets(truth: pd.DataFrame, found: pd.DataFrame) -> float:
    merged = truth.merge(found, on="report_id", suffixes=("_truth", "_found"))
    same = [
        set(filter(None, t.split(";"))) == set(filter(None, f.split(";")))
        for t, f in zip(merged["incident_types_truth"], merged["incident_types_found"], strict=True)
    ]
    return sum(same) / len(same)


def main() -> None:
    rows = []
    for path in sorted(SECOND.glob("*_labels.csv")):
        name = path.name.removesuffix("_labels.csv")
        truth = pd.read_csv(HERE / f"{name}_truth.csv", dtype=str, keep_default_na=False)
        reports = pd.read_csv(HERE / f"{name}_reports.csv", dtype=str, keep_default_na=False)
        second = pd.read_csv(path, dtype=str, keep_default_na=False)
        normalised = normalise_frame(reports)
        for who, found in (("second labeller", second), ("normaliser", normalised)):
            rows.append(
                {
                    "set": name,
                    "against the writer": who,
                    **figures(truth, found),
                    "harm sets identical": exact_harm_sets(truth, found),
                }
            )
    table = pd.DataFrame(rows).set_index(["set", "against the writer"])
    print(table.to_string(float_format=lambda value: f"{value:.3f}"))


if __name__ == "__main__":
    main()

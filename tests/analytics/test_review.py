from __future__ import annotations

import pandas as pd
import pytest

from analytics.review import decision_impact, review_order


def _links(rows: list[tuple[str, str, float, str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=[
            "report_id_a",
            "report_id_b",
            "probability",
            "aggressor_a",
            "aggressor_b",
            "size_a",
            "size_b",
        ],
    )


@pytest.mark.parametrize(
    ("probability", "aggressor_b", "sizes", "impact"),
    [
        (0.5, "A", (3, 3), 1.0),
        (1.0, "B", (3, 3), 0.0),
        (0.0, "B", (3, 3), 0.0),
        (0.75, "A", (1, 1), 0.5),
        (0.5, "B", (1, 1), 2.0),
        (0.5, "B", (3, 7), 3.0),
    ],
)
def test_decision_impact(probability, aggressor_b, sizes, impact) -> None:
    links = _links([("r1", "r2", probability, "A", aggressor_b, *sizes)])
    assert decision_impact(links).iloc[0] == pytest.approx(impact)


def test_review_order_puts_uncertain_pairs_across_big_profiles_first() -> None:
    links = _links(
        [
            ("r1", "r2", 0.99, "A", "A", 5, 5),
            ("r3", "r4", 0.6, "A", "B", 5, 8),
            ("r5", "r6", 0.5, "C", "C", 2, 2),
        ]
    )
    ordered = review_order(links)
    assert list(ordered["report_id_a"]) == ["r3", "r5", "r1"]
    assert "impact" not in links.columns

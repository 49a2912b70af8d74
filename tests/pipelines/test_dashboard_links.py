from __future__ import annotations

import pandas as pd

from pipelines.dashboard_links import identifiers


def test_identifiers_count_the_reports_that_mention_each_value() -> None:
    reports = pd.DataFrame(
        {
            "report_id": ["r1", "r2", "r3"],
            "phones": ["+12505550134", "+12505550134;+17785550101", ""],
            "plate": ["BV421K", "", "BV421K"],
            "names": ["mike", "", ""],
            "handles": ["", "", ""],
            "marks": ["snake tattoo left forearm", "", ""],
            "vehicle_colour": ["silver", "silver", ""],
            "vehicle_make": ["dodge", "dodge", ""],
            "vehicle_model": ["caravan", "caravan", ""],
            "vehicle_body": ["", "", ""],
        }
    )
    table = identifiers(reports)
    rows = set(zip(table["kind"], table["value"], table["reports"], strict=True))
    assert rows == {
        ("phones", "+12505550134", 2),
        ("phones", "+17785550101", 1),
        ("plate", "BV421K", 2),
        ("names", "mike", 1),
        ("marks", "snake tattoo left forearm", 1),
        ("vehicle", "silver dodge caravan", 2),
    }

"""The case file as JSON (the dictionary itself) and as CSV (one long table: section, item,
field, value), both in a fixed order so two exports of the same case are identical."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pipelines.case_file.content import OWN_WORDS, REPORT_FIELDS
from pipelines.tabular import safe_csv

CSV_HEADER = ("section", "item", "field", "value")


def case_json(case: dict[str, Any]) -> str:
    return json.dumps(case, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _rows(case: dict[str, Any]) -> Iterator[tuple[str, str, str, object]]:
    for field in ("case_id", "kind", "generated", "status", "jurisdiction", "score"):
        yield ("case", case["case_id"], field, case[field])
    for number, reason in enumerate(case["reasons"], start=1):
        yield ("case", case["case_id"], f"reason {number}", reason)
    for number, report in enumerate(case["reports"], start=1):
        yield ("report", report["report_id"], "map number", number)
        for field, label in REPORT_FIELDS:
            yield ("report", report["report_id"], label, report[field])
        for name in OWN_WORDS:
            yield ("report", report["report_id"], f"own words: {name}", report["own_words"][name])
        yield ("report", report["report_id"], "lat", report["lat"])
        yield ("report", report["report_id"], "lon", report["lon"])
    for link in case["links"]:
        pair = f"{link['report_a']} & {link['report_b']}"
        yield ("link", pair, "probability", link["probability"])
        for part in link["evidence"]:
            yield (
                "link",
                pair,
                f"evidence: {part['comparison']}",
                f"{part['label']} (weight {part['weight']:+.2f})",
            )
    for event in case["timeline"]:
        yield ("timeline", event["when"], event["report_id"], event["event"])
    for contact in case["contacts"]:
        yield ("contact", contact["report_id"], "reporter contact", contact["contact"])
        yield (
            "contact",
            contact["report_id"],
            "wants to give a statement",
            contact["wants_statement"],
        )


def case_csv(case: dict[str, Any]) -> str:
    return safe_csv(CSV_HEADER, _rows(case))

"""Small intake files written the ways real exports are written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy import func, select

from pipelines.storage.tables import ingest_runs, quarantined_rows, raw_reports, report_conflicts

HEADER = [
    "report_id",
    "received_at",
    "what_happened",
    "aggressor_phone",
    "vehicle",
    "plate",
    "consent_contact",
    "consent_police",
    "reporter_contact",
    "staff_notes",
]

GOOD_ROWS = [
    [
        "BD-2026-0001",
        "2026-03-04T22:15",
        "picked me up on Bay St, choked me, took my money",
        "250-555-0134",
        "silver dodge caravan",
        "BV4 21K",
        "yes",
        "no",
        "778-555-0199",
        "van shift",
    ],
    [
        "BD-2026-0002",
        "04/03/2026",
        "wouldn't pay, threw me out near the Gorge — café",
        "",
        "blk F150 w/ canopy",
        "starts with KT8",
        "",
        "",
        "",
        "",
    ],
    [
        "BD-2026-0003",
        "March 5, 2026",
        "time waster, 3 no-shows",
        "(778) 555 01 12",
        "",
        "",
        "no",
        "no",
        "me@example.com",
        "called twice",
    ],
]


def write_csv(
    path: Path, rows: list[list[str]], header: list[str] = HEADER, encoding: str = "utf-8"
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_jsonl(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    lines = [json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def count(store, table) -> int:
    with store.engine() as engine, engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def stored_cells(store) -> dict[str, dict[str, str]]:
    with store.engine() as engine, engine.connect() as connection:
        rows = connection.execute(select(raw_reports.c.report_id, raw_reports.c.raw_json)).all()
    return {report_id: json.loads(raw)["cells"] for report_id, raw in rows}


__all__ = ["count", "ingest_runs", "quarantined_rows", "raw_reports", "report_conflicts"]

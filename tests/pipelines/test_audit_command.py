"""`bdars audit`: filters, three formats, hostile text kept inert, and reading is itself audited."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from pipelines import audit

START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
ENTRIES = [
    ("cora", "view.report", "BD-1", "from search"),
    ("lee", "export.case", "A-7", '=HYPERLINK("http://example.org/x","click")'),
    ("cora", "view.aggressor", "A-7", "note\x1b[31m red\nsecond line"),
    ("admin", "retention.purge", "reports received before 2024-03-04", "removed 3 reports"),
]


def seed(store) -> None:
    with store.engine() as engine:
        for hours, (user, action, target, detail) in enumerate(ENTRIES):
            audit.record(engine, user, action, target, detail, now=START + timedelta(hours=hours))


def entries(result) -> list[dict[str, str]]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_filters_and_json(initialised_store):
    seed(initialised_store)
    everything = entries(initialised_store.bdars("audit", "--format", "json"))
    assert [row["action"] for row in everything] == [entry[1] for entry in ENTRIES]
    assert everything[0] == {
        "at": "2026-03-01T09:30:00+00:00",
        "user_name": "cora",
        "action": "view.report",
        "target": "BD-1",
        "detail": "from search",
    }
    cases = [
        (("--since", "2026-03-01T10:30"), ["export.case", "view.aggressor", "retention.purge"]),
        (("--action", "view.*"), ["view.report", "view.aggressor"]),
        (("--action", "export.case"), ["export.case"]),
        (("--user", "admin"), ["retention.purge"]),
        (("--user", "cora", "--limit", "1"), ["view.aggressor"]),
    ]
    for options, expected in cases:
        result = initialised_store.bdars("audit", "--format", "json", *options)
        actions = [row["action"] for row in entries(result) if row["action"] != "view.audit"]
        assert actions == expected, options


def test_reading_leaves_exactly_one_entry_and_hostile_text_stays_inert(initialised_store):
    seed(initialised_store)
    table = initialised_store.bdars("audit")
    assert table.returncode == 0, table.stderr
    assert "\x1b" not in table.stdout
    assert "note\\x1b[31m red\\nsecond line" in table.stdout

    spreadsheet = initialised_store.bdars("audit", "--format", "csv", "--action", "export.case")
    assert spreadsheet.returncode == 0, spreadsheet.stderr
    rows = list(csv.reader(io.StringIO(spreadsheet.stdout)))
    assert rows[0] == ["at", "user_name", "action", "target", "detail"]
    assert rows[1][4] == "'" + ENTRIES[1][3]

    with initialised_store.engine() as engine:
        log = audit.read(engine)
    reads = log[log["action"] == "view.audit"]
    assert len(reads) == 2
    assert set(reads["user_name"]) == {"test-user"}
    assert "format=csv; entries=1" in " ".join(reads["detail"])


def test_a_bad_date_is_a_clear_message(initialised_store):
    result = initialised_store.bdars("audit", "--since", "last tuesday")
    assert result.returncode == 2
    assert "'last tuesday' is not a date; write it as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr

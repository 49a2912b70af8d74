"""Small synthetic stores for the hardening tests: reports with and without reporter contacts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tests.pipelines.ingest.helpers import write_csv

HEADER = [
    "report_id",
    "received_at",
    "what_happened",
    "aggressor_phone",
    "vehicle",
    "plate",
    "sector",
    "incident_types",
    "consent_contact",
    "consent_police",
    "reporter_contact",
]

CONTACTS = {
    "HD-001": "250-555-0161",
    "HD-002": "river.tester@example.org",
    "HD-004": "778-555-0177",
}
"""Contacts stored (a consent is yes); HD-003's contact has no consent and is dropped."""

DROPPED_CONTACT = "604-555-0188"

ROWS = [
    [
        "HD-001",
        "2024-01-10T21:00",
        "choked me in a grey van near Rock Bay",
        "250-555-0134",
        "grey dodge caravan",
        "BV4 21K",
        "street",
        "strangulation",
        "yes",
        "no",
        CONTACTS["HD-001"],
    ],
    [
        "HD-002",
        "2024-02-03",
        "wouldn't pay, drove off",
        "778-555-0112",
        "white honda civic",
        "",
        "outcall",
        "non_payment",
        "no",
        "yes",
        CONTACTS["HD-002"],
    ],
    [
        "HD-003",
        "2026-05-02",
        "time waster, three no-shows",
        "236-555-0101",
        "",
        "",
        "online",
        "time waster",
        "no",
        "no",
        DROPPED_CONTACT,
    ],
    [
        "HD-004",
        "not a date at all",
        "threatened me with a knife on Pandora",
        "604-555-0190",
        "black f150",
        "KT8 ???",
        "street",
        "weapon; threats",
        "yes",
        "yes",
        CONTACTS["HD-004"],
    ],
    [
        "HD-005",
        "2026-06-20T02:10",
        "took my phone and my money",
        "250-555-0134",
        "grey caravan",
        "",
        "street",
        "robbery",
        "",
        "",
        "",
    ],
]


def write_reports(path: Path, rows: list[list[str]] = ROWS) -> Path:
    return write_csv(path, rows, header=HEADER)


def ingest_reports(store, tmp_path: Path, rows: list[list[str]] = ROWS) -> None:
    result = store.bdars("ingest", str(write_reports(tmp_path / "reports.csv", rows)))
    assert result.returncode == 0, result.stderr


def stored_tokens(store) -> dict[str, bytes]:
    from pipelines.storage.tables import reporter_contacts

    with store.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(reporter_contacts.c.report_id, reporter_contacts.c.ciphertext)
        ).all()
    return {report_id: bytes(token) for report_id, token in rows}


BAD_ROW = ["HD-BAD", "2024-01-01", "", "", "", "", "", "", "", "", ""]
CONFLICT_ROW = ["HD-001", "2024-01-10T21:00", "a different story", "", "", "", "", "", "", "", ""]


def fill_store(store, tmp_path: Path) -> None:
    """Every table holds rows: real ingest (with a quarantined row and a conflict), normalise,
    link, a user; then one synthetic row in any table those leave empty."""
    from pipelines.ingest import ingest_files
    from pipelines.link import run_link_stage
    from pipelines.secrets import load_cipher
    from pipelines.stages.normalise import run_normalise_stage
    from pipelines.users import add_user

    first = write_reports(tmp_path / "first.csv", [*ROWS, BAD_ROW])
    second = write_reports(tmp_path / "second.csv", [CONFLICT_ROW])
    with store.engine() as engine:
        cipher = load_cipher(store.settings)
        ingest_files(engine, cipher, [first], user="cora")
        ingest_files(engine, cipher, [second], user="cora")
        run_normalise_stage(engine, cipher)
        run_link_stage(engine, "cora")
        add_user(engine, "lee", "liaison", "a long enough passphrase 42")
        _fill_empty_tables(engine)


def _fill_empty_tables(engine) -> None:
    import datetime as dt

    from sqlalchemy import Boolean, DateTime, Float, Integer, LargeBinary, func

    from pipelines.storage.tables import metadata

    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if connection.execute(select(func.count()).select_from(table)).scalar_one():
                continue
            row: dict[str, object] = {}
            for column in table.columns:
                if column.primary_key and isinstance(column.type, Integer):
                    continue
                if column.foreign_keys:
                    target = next(iter(column.foreign_keys)).column
                    row[column.name] = connection.execute(select(target).limit(1)).scalar_one()
                elif isinstance(column.type, DateTime):
                    row[column.name] = dt.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=dt.UTC)
                elif isinstance(column.type, Boolean):
                    row[column.name] = True
                elif isinstance(column.type, Float):
                    row[column.name] = 0.1 + 0.2
                elif isinstance(column.type, LargeBinary):
                    row[column.name] = bytes(range(256))
                elif isinstance(column.type, Integer):
                    row[column.name] = 7
                else:
                    value = f'{column.name} é ☂ "quoted"\nline'
                    row[column.name] = value[: column.type.length or 99]
            connection.execute(table.insert().values(row))


def table_contents(store) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in primary-key order, with bytes as bytes and times in UTC."""
    import datetime as dt

    from sqlalchemy import MetaData

    def plain(value: object) -> object:
        if isinstance(value, memoryview | bytearray):
            return bytes(value)
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    with store.engine() as engine, engine.connect() as connection:
        reflected = MetaData()
        reflected.reflect(bind=connection)
        contents = {}
        for table in reflected.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = connection.execute(select(table).order_by(*order)).all()
            contents[table.name] = [tuple(plain(value) for value in row) for row in rows]
    return contents

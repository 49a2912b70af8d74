"""Each audited action, done once, leaves exactly one audit entry with the right user, action
and time: every `bdars` command that shows or exports report-level data or changes the store, and
every save and view the dashboard pages make (through the functions the pages call)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select

from pipelines import dashboard_intake, dashboard_publish, dashboard_queries, liaison
from pipelines.link import merge_aggressors, record_decision, split_aggressor
from pipelines.link.stage import read_members
from pipelines.settings import Settings, load_settings
from pipelines.storage.tables import audit_log
from tests.conftest import Store, _base_environ

PASSWORD = "a long sweep password\na long sweep password\n"


@dataclass(frozen=True)
class Case:
    action: str
    user: str
    run: Callable[[Store, Engine, Path, dict[str, str]], object]
    also: tuple[str, ...] = ()
    """Other actions the same command records first (``bdars run``: one entry per stage)."""


def cli(*args: str, input_text: str | None = None) -> Callable[..., object]:
    def run(store: Store, engine: Engine, folder: Path, ids: dict[str, str]) -> object:
        filled = [a.format(folder=folder, **ids) for a in args]
        result = store.bdars(*filled, input_text=input_text)
        assert result.returncode == 0, (filled, result.stderr)
        return result

    return run


def call(function: Callable[[Engine, Settings, Path, dict[str, str]], object]):  # type: ignore[no-untyped-def]
    def run(store: Store, engine: Engine, folder: Path, ids: dict[str, str]) -> object:
        return function(engine, store.settings, folder, ids)

    return run


NEW_REPORT = {
    "channel": "phone",
    "consent_contact": "yes",
    "reporter_contact": "250-555-0142",
    "incident_date": "2026-03-02",
    "what_happened": "took my money and drove off in a grey van",
    "aggressor_phone": "778-555-0163",
    "plate": "BV4 21K",
}
UPLOAD = b"report_id,received_at,what_happened\nUP-1,2026-03-04,wouldn't pay\nUP-2,2026-03-05,\n"
"""One good row and one quarantined (no evidence), for the quarantine view."""

CLI_CASES = [
    Case("score.run", "test-user", cli("run"), also=("link.run",)),
    Case("queue.view", "test-user", cli("queue", "--format", "csv")),
    Case("routing.view", "test-user", cli("routing", "--format", "json")),
    Case("responsiveness.view", "test-user", cli("responsiveness")),
    Case("status.set", "test-user", cli("status", "{report}", "forwarded_to_liaison")),
    Case("status.view", "test-user", cli("status", "{report}")),
    Case(
        "export.case", "test-user", cli("export", "case", "{aggressor}", "--out", "{folder}/c.json")
    ),
    Case(
        "sheet.publish",
        "test-user",
        cli("sheet", "--since", "2020-01-01", "--out", "{folder}/s.html"),
    ),
    Case(
        "report.publish",
        "test-user",
        cli("report", "--month", "{month}", "--out", "{folder}/r.html"),
    ),
    Case("alert.write", "test-user", cli("alert", "{report}")),
    Case("view.audit", "test-user", cli("audit", "--limit", "5")),
    Case(
        "user.add", "test-user", cli("users", "add", "ada", "--role", "admin", input_text=PASSWORD)
    ),
    Case("user.disable", "test-user", cli("users", "disable", "ada")),
    Case("user.enable", "test-user", cli("users", "enable", "ada")),
    Case("store.backup", "test-user", cli("backup", "{folder}/store.zip")),
    Case("keys.rotate", "test-user", cli("keys", "rotate")),
]


def _pair(engine: Engine) -> tuple[str, str]:
    members = read_members(engine)
    sizes = members["aggressor_id"].value_counts()
    big = members[members["aggressor_id"] == sizes.index[0]]["report_id"].sort_values()
    return str(big.iloc[0]), str(big.iloc[1])


def _split_and_merge(engine: Engine, _settings: Settings, _folder: Path, ids: dict[str, str]):  # type: ignore[no-untyped-def]
    members = read_members(engine)
    mine = members[members["aggressor_id"] == ids["aggressor"]]["report_id"].sort_values()
    return split_aggressor(engine, ids["aggressor"], [str(mine.iloc[-1])], "cora")


PAGE_CASES = [
    Case(
        "report.add",
        "cora",
        call(lambda e, s, f, i: dashboard_intake.save_report(e, s, NEW_REPORT, "cora")),
    ),
    Case(
        "ingest.upload",
        "cora",
        call(lambda e, s, f, i: dashboard_queries.ingest_upload(e, s, "up.csv", UPLOAD, "cora")),
    ),
    Case(
        "view.quarantine",
        "ada",
        call(lambda e, s, f, i: dashboard_queries.quarantine_table(e, "ada", True)),
    ),
    Case(
        "view.reports",
        "lee",
        call(lambda e, s, f, i: dashboard_queries.report_texts(e, [i["report"]], "lee", "case")),
    ),
    Case(
        "view.reporter_contact",
        "cora",
        call(
            lambda e, s, f, i: dashboard_queries.reporter_contacts_for(
                e, s, [i["new"], i["report"]], "cora", "co-ordinator"
            )
        ),
    ),
    Case(
        "status.set",
        "lee",
        call(lambda e, s, f, i: liaison.set_status(e, None, i["aggressor"], "closed", "lee")),
    ),
    Case(
        "link_confirmed",
        "cora",
        call(lambda e, s, f, i: record_decision(e, *_pair(e), "confirmed", "cora")),
    ),
    Case(
        "link_undone",
        "cora",
        call(lambda e, s, f, i: record_decision(e, *_pair(e), "undone", "cora")),
    ),
    Case(
        "link_rejected",
        "cora",
        call(lambda e, s, f, i: record_decision(e, i["report"], i["lone"], "rejected", "cora")),
    ),
    Case("aggressor_split", "cora", call(_split_and_merge)),
    Case(
        "aggressor_merge",
        "cora",
        call(lambda e, s, f, i: merge_aggressors(e, i["aggressor"], [i["split"]], "cora")),
    ),
    Case(
        "sheet.publish",
        "cora",
        call(
            lambda e, s, f, i: dashboard_intake.publish_sheet_file(
                e, datetime(2020, 1, 1).date(), datetime.now(UTC).date(), ".html", "cora"
            )
        ),
    ),
    Case(
        "report.publish",
        "stella",
        call(
            lambda e, s, f, i: dashboard_publish.monthly_report_file(
                e, i["month"], ".html", "stella"
            )
        ),
    ),
    Case(
        "alert.write",
        "cora",
        call(lambda e, s, f, i: dashboard_publish.community_alert(e, i["report"], "cora")),
    ),
]

LAST_CASES = [
    Case("retention.purge", "test-user", cli("purge", "--older-than", "3650")),
]


def _newest_id(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(select(audit_log.c.id).order_by(audit_log.c.id.desc())).scalar() or 0
        )


def _entries_after(engine: Engine, last: int) -> list[dict[str, object]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(audit_log).where(audit_log.c.id > last).order_by(audit_log.c.id)
        )
        return [dict(row._mapping) for row in rows]


def _ids(engine: Engine) -> dict[str, str]:
    members = read_members(engine)
    sizes = members["aggressor_id"].value_counts()
    aggressor = str(sizes.index[0])
    reports = sorted(members[members["aggressor_id"] == aggressor]["report_id"])
    lone = members[members["aggressor_id"].isin(sizes[sizes == 1].index)]["report_id"]
    with engine.connect() as connection:
        first = connection.execute(select(audit_log.c.at).order_by(audit_log.c.id)).scalar()
    return {
        "aggressor": aggressor,
        "report": str(sorted(lone)[0]),
        "lone": str(sorted(lone)[1]),
        "other": reports[0],
        "month": (first or datetime.now(UTC)).strftime("%Y-%m"),
    }


def test_each_audited_action_leaves_exactly_one_entry(sqlite_store: Store, tmp_path: Path):
    store = sqlite_store
    assert store.bdars("init").returncode == 0
    made = store.bdars("synth", "--reports", "60", "--seed", "3", "--out", str(tmp_path / "s"))
    assert made.returncode == 0, made.stderr
    assert store.bdars("ingest", str(tmp_path / "s" / "reports.csv")).returncode == 0
    problems: list[str] = []
    done = 0
    with store.engine() as engine:
        ids: dict[str, str] = {}
        for case in [*CLI_CASES, *PAGE_CASES, *LAST_CASES]:
            last = _newest_id(engine)
            started = datetime.now(UTC) - timedelta(seconds=1)
            outcome = case.run(store, engine, tmp_path, ids)
            ended = datetime.now(UTC) + timedelta(seconds=1)
            if case.action == "score.run":
                ids = _ids(engine)
            if case.action == "aggressor_split":
                ids["split"] = str(outcome)
            if case.action == "report.add":
                ids["new"] = outcome.report_id  # type: ignore[attr-defined]
            entries = _entries_after(engine, last)
            found = [(e["user_name"], e["action"]) for e in entries]
            if found != [*((case.user, a) for a in case.also), (case.user, case.action)]:
                problems.append(f"{case.action}: expected one entry by {case.user}, found {found}")
                continue
            at = entries[0]["at"]
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            if not started <= at <= ended:
                problems.append(f"{case.action}: entry at {at}, not in {started}..{ended}")
            done += 1
    assert not problems, "\n".join(problems)
    assert done == len(CLI_CASES) + len(PAGE_CASES) + len(LAST_CASES)


def test_a_restore_adds_exactly_one_entry_to_the_restored_log(tmp_path: Path) -> None:
    stores = []
    for name in ("first", "second"):
        env = _base_environ(tmp_path / name)
        stores.append(Store("sqlite", load_settings(env), env))
    first, second = stores
    for store in stores:
        assert store.bdars("init").returncode == 0
    assert first.bdars("audit", "--limit", "1").returncode == 0
    archive = tmp_path / "store.zip"
    assert first.bdars("backup", str(archive)).returncode == 0
    with first.engine() as engine:
        before = [(e["user_name"], e["action"]) for e in _entries_after(engine, 0)]
    started = datetime.now(UTC) - timedelta(seconds=1)
    restored = second.bdars("restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    with second.engine() as engine:
        after = _entries_after(engine, 0)
    assert [(e["user_name"], e["action"]) for e in after[:-1]] == before[: len(after) - 1]
    assert [(e["user_name"], e["action"]) for e in after].count(("test-user", "store.restore")) == 1
    newest = after[-1]
    assert (newest["user_name"], newest["action"]) == ("test-user", "store.restore")
    at = newest["at"] if newest["at"].tzinfo else newest["at"].replace(tzinfo=UTC)
    assert started <= at <= datetime.now(UTC) + timedelta(seconds=1)

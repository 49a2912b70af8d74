"""`bdars backup` / `bdars restore`: every table round-trips exactly, ciphertext included."""

from __future__ import annotations

import json
import os
import stat
import zipfile

import pytest

from pipelines.storage.database import head_revision
from tests.conftest import Store, _base_environ, _postgres_database
from tests.pipelines.hardening_data import CONTACTS, fill_store, stored_tokens, table_contents


@pytest.fixture
def second_store(store, tmp_path):
    """Another fresh, initialised database of the same kind as ``store``."""
    env = _base_environ(tmp_path / "second-data")
    database = None
    if store.kind == "postgres":
        database = _postgres_database()
        env["BDARS_DATABASE_URL"] = next(database)
    from pipelines.settings import load_settings

    second = Store(store.kind, load_settings(env), env)
    assert second.bdars("init").returncode == 0
    yield second
    if database is not None:
        next(database, None)


def test_backup_then_restore_into_an_empty_database_is_exact(
    initialised_store, second_store, tmp_path
):
    fill_store(initialised_store, tmp_path)
    archive = tmp_path / "out" / "bdars-backup.zip"
    made = initialised_store.bdars("backup", str(archive))
    assert made.returncode == 0, made.stderr
    assert "The encryption key is not in the archive" in made.stdout
    assert stat.S_IMODE(os.stat(archive).st_mode) == 0o600
    before = table_contents(initialised_store)
    assert all(before.values()), [name for name, rows in before.items() if not rows]
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        names = set(opened.namelist())
    assert manifest["schema_revision"] == head_revision()
    assert manifest["key_included"] is False
    assert names == {"manifest.json"} | {f"tables/{name}.jsonl" for name in manifest["tables"]}
    assert before["audit_log"][-1][3] == "store.backup"
    assert [row[3] for row in before["audit_log"]].count("store.backup") == 1

    restored = second_store.bdars("restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    total = sum(len(rows) for name, rows in before.items() if name != "alembic_version")
    assert f"Restored {total} rows" in restored.stdout
    assert "cannot be decrypted with this key" in restored.stderr

    after = table_contents(second_store)
    restore_entry = after["audit_log"].pop()
    assert restore_entry[0] == before["audit_log"][-1][0] + 1
    assert restore_entry[2:4] == ("test-user", "store.restore")
    assert after == before
    assert stored_tokens(second_store).keys() == CONTACTS.keys()


def test_restore_refuses_a_database_with_data_unless_forced(initialised_store, tmp_path):
    fill_store(initialised_store, tmp_path)
    archive = tmp_path / "backup.zip"
    assert initialised_store.bdars("backup", str(archive)).returncode == 0
    before = table_contents(initialised_store)

    refused = initialised_store.bdars("restore", str(archive))
    assert refused.returncode == 2
    assert "the database is not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert table_contents(initialised_store) == before

    forced = initialised_store.bdars("restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    assert forced.stderr == ""
    after = table_contents(initialised_store)
    assert after["audit_log"].pop()[3] == "store.restore"
    assert after == before


def test_backup_never_overwrites_and_restore_rejects_what_is_not_a_backup(
    initialised_store, tmp_path
):
    existing = tmp_path / "existing.zip"
    existing.write_bytes(b"keep me")
    overwrite = initialised_store.bdars("backup", str(existing))
    assert overwrite.returncode == 2
    assert "already exists" in overwrite.stderr
    assert existing.read_bytes() == b"keep me"

    cases = {
        existing: "not a zip archive",
        tmp_path / "missing.zip": "no such file",
    }
    other_zip = tmp_path / "other.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    cases[other_zip] = "no readable manifest.json"
    for path, message in cases.items():
        result = initialised_store.bdars("restore", str(path))
        assert result.returncode == 2, path
        assert message in result.stderr
        assert "Traceback" not in result.stderr

"""Contacts at rest: no plaintext in the database file, and `bdars keys rotate`."""

from __future__ import annotations

import os
import stat

import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select

from pipelines.keys import staged_key_file
from pipelines.storage.tables import audit_log, reporter_contacts
from tests.pipelines.hardening_data import (
    CONTACTS,
    DROPPED_CONTACT,
    ingest_reports,
    stored_tokens,
)


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def audit_actions(store, action: str) -> list[tuple[str, str, str]]:
    with store.engine() as engine, engine.connect() as connection:
        return connection.execute(
            select(audit_log.c.user_name, audit_log.c.target, audit_log.c.detail).where(
                audit_log.c.action == action
            )
        ).all()


def test_sqlite_file_holds_no_plaintext_contact(sqlite_store, tmp_path):
    assert sqlite_store.bdars("init").returncode == 0
    ingest_reports(sqlite_store, tmp_path)
    database = sqlite_store.settings.data_dir / "bdars.sqlite3"
    files = [database, *database.parent.glob("bdars.sqlite3-*")]
    stored = b"".join(path.read_bytes() for path in files)
    assert b"Rock Bay" in stored, "the test must read the file that holds the reports"
    for contact in [*CONTACTS.values(), DROPPED_CONTACT]:
        for form in (contact.encode(), contact.encode("utf-16-le")):
            assert form not in stored, f"{contact!r} found in plaintext in the database file"
    assert len(stored_tokens(sqlite_store)) == len(CONTACTS)


def test_rotate_reencrypts_every_contact_and_keeps_the_old_key(initialised_store, tmp_path):
    ingest_reports(initialised_store, tmp_path)
    key_file = initialised_store.settings.key_file
    old_key = key_file.read_bytes().strip()
    before = stored_tokens(initialised_store)

    result = initialised_store.bdars("keys", "rotate")
    assert result.returncode == 0, result.stderr
    assert f"Re-encrypted {len(CONTACTS)} stored contacts" in result.stdout

    new_key = key_file.read_bytes().strip()
    assert new_key != old_key
    assert mode_of(key_file) == 0o600
    after = stored_tokens(initialised_store)
    assert after.keys() == before.keys() == CONTACTS.keys()
    new, old = Fernet(new_key), Fernet(old_key)
    for report_id, token in after.items():
        assert new.decrypt(token).decode() == CONTACTS[report_id]
        with pytest.raises(InvalidToken):
            old.decrypt(token)

    backups = list(key_file.parent.glob(f"{key_file.name}.*.old"))
    assert len(backups) == 1
    assert backups[0].read_bytes().strip() == old_key
    assert mode_of(backups[0]) == 0o600
    assert str(backups[0]) in result.stdout
    assert not staged_key_file(key_file).exists()

    entries = audit_actions(initialised_store, "keys.rotate")
    assert len(entries) == 1
    assert entries[0][0] == "test-user"
    assert f"{len(CONTACTS)} contacts re-encrypted" in entries[0][2]


def test_rotate_refuses_when_a_contact_does_not_match_the_key(initialised_store, tmp_path):
    ingest_reports(initialised_store, tmp_path)
    key_file = initialised_store.settings.key_file
    key_file.write_bytes(Fernet.generate_key())
    before = stored_tokens(initialised_store)

    result = initialised_store.bdars("keys", "rotate")
    assert result.returncode == 2
    assert "cannot be decrypted with the current key, so nothing was rotated" in result.stderr
    assert "Traceback" not in result.stderr
    assert stored_tokens(initialised_store) == before
    assert list(key_file.parent.glob("*.old")) == []
    assert not staged_key_file(key_file).exists()
    assert audit_actions(initialised_store, "keys.rotate") == []


def test_rotate_with_environment_key_needs_a_file_for_the_new_key(initialised_store, tmp_path):
    env_key = Fernet.generate_key().decode()
    store = type(initialised_store)(
        initialised_store.kind,
        initialised_store.settings,
        {**initialised_store.environ, "BDARS_SECRET_KEY": env_key},
    )
    ingest_reports(store, tmp_path)

    refused = store.bdars("keys", "rotate")
    assert refused.returncode == 2
    assert "--new-key-out FILE" in refused.stderr
    assert "Traceback" not in refused.stderr

    out = tmp_path / "new.key"
    result = store.bdars("keys", "rotate", "--new-key-out", str(out))
    assert result.returncode == 0, result.stderr
    new_key = out.read_bytes().strip()
    assert new_key.decode() not in result.stdout + result.stderr
    assert mode_of(out) == 0o600
    for report_id, token in stored_tokens(store).items():
        assert Fernet(new_key).decrypt(token).decode() == CONTACTS[report_id]
        with pytest.raises(InvalidToken):
            Fernet(env_key.encode()).decrypt(token)


def test_rotation_killed_after_commit_is_finished_by_the_next_run(initialised_store, tmp_path):
    """The state a kill between the database commit and the key file replace leaves behind."""
    ingest_reports(initialised_store, tmp_path)
    key_file = initialised_store.settings.key_file
    old = Fernet(key_file.read_bytes().strip())
    new_key = Fernet.generate_key()
    staged_key_file(key_file).write_bytes(new_key + b"\n")
    with initialised_store.engine() as engine, engine.begin() as connection:
        for report_id, token in stored_tokens(initialised_store).items():
            connection.execute(
                reporter_contacts.update()
                .where(reporter_contacts.c.report_id == report_id)
                .values(ciphertext=Fernet(new_key).encrypt(old.decrypt(token)))
            )

    result = initialised_store.bdars("keys", "rotate")
    assert result.returncode == 0, result.stderr
    assert "Finished an interrupted rotation" in result.stdout
    assert key_file.read_bytes().strip() == new_key
    assert not staged_key_file(key_file).exists()
    for report_id, token in stored_tokens(initialised_store).items():
        assert Fernet(new_key).decrypt(token).decode() == CONTACTS[report_id]

"""Rotating the key that encrypts reporters' contact details.

``rotate_key`` makes a new Fernet key, re-encrypts every stored contact with it in one transaction
(``MultiFernet.rotate``) and writes one audit entry in that same transaction. With a key file, the
old key is first copied to a dated, owner-only backup file next to it (kept until the operator
deletes it) and the new key is staged in ``<key file>.new``; the key file is replaced only after the
database commits. A run killed between the commit and the replace is finished by the next run.

With ``BDARS_SECRET_KEY`` bdars cannot change the environment, so the new key is written to an
owner-only file the operator names; it is never printed (terminals and CI logs keep what they show).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Connection, Engine, bindparam, select, update

from pipelines import audit
from pipelines.errors import SecretKeyError
from pipelines.secrets import load_cipher
from pipelines.settings import Settings
from pipelines.storage.tables import reporter_contacts

ROTATE_ACTION = "keys.rotate"
_BATCH = 2_000


@dataclass(frozen=True)
class Rotation:
    """What a rotation did: how many contacts, where the new key is, where the old one was kept."""

    contacts: int
    new_key: Path
    old_key_backup: Path | None
    finished_earlier_run: bool = False


def write_private(path: Path, data: bytes) -> None:
    """Create ``path`` owner-only (mode 600) with ``data``; refuses to overwrite a file."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise SecretKeyError(f"{path} already exists; move it away or name another file.") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def staged_key_file(key_file: Path) -> Path:
    return key_file.with_name(key_file.name + ".new")


def backup_name(key_file: Path, now: datetime) -> Path:
    """``bdars.key`` → ``bdars.key.2026-11-25T024500Z.old``."""
    return key_file.with_name(f"{key_file.name}.{now.strftime('%Y-%m-%dT%H%M%SZ')}.old")


def rotate_key(
    engine: Engine,
    settings: Settings,
    user: str,
    new_key_out: Path | None = None,
    now: datetime | None = None,
) -> Rotation:
    """Re-encrypt every stored contact under a new key; see the module docstring for the steps."""
    now = now or datetime.now(UTC)
    if settings.secret_key:
        if new_key_out is None:
            raise SecretKeyError(
                "the key comes from BDARS_SECRET_KEY, which bdars cannot change. Rerun with "
                "--new-key-out FILE: bdars re-encrypts the contacts and writes the new key to FILE "
                "(owner-only); then put it in BDARS_SECRET_KEY everywhere bdars runs and delete "
                "FILE. Keep the old value until every copy is switched."
            )
        return _rotate_environment_key(engine, settings, user, new_key_out, now)
    if new_key_out is not None:
        raise SecretKeyError(
            f"--new-key-out is for keys from BDARS_SECRET_KEY; this store uses the key file "
            f"{settings.key_file}, which bdars replaces itself. Rerun without --new-key-out."
        )
    return _rotate_key_file(engine, settings, user, now)


def _rotate_environment_key(
    engine: Engine, settings: Settings, user: str, out: Path, now: datetime
) -> Rotation:
    old = load_cipher(settings)
    new_key = Fernet.generate_key()
    write_private(out, new_key + b"\n")
    try:
        contacts = _reencrypt(engine, old, Fernet(new_key), user, f"new key written to {out}", now)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return Rotation(contacts, out, None)


def _rotate_key_file(engine: Engine, settings: Settings, user: str, now: datetime) -> Rotation:
    key_file = settings.key_file
    staged = staged_key_file(key_file)
    if staged.exists():
        finished = _finish_interrupted(engine, settings, staged)
        if finished is not None:
            return finished
    old = load_cipher(settings)
    backup = backup_name(key_file, now)
    write_private(backup, key_file.read_bytes())
    new_key = Fernet.generate_key()
    write_private(staged, new_key + b"\n")
    detail = f"key file {key_file}; old key kept at {backup}"
    try:
        contacts = _reencrypt(engine, old, Fernet(new_key), user, detail, now)
    except BaseException:
        staged.unlink(missing_ok=True)
        backup.unlink(missing_ok=True)
        raise
    os.replace(staged, key_file)
    return Rotation(contacts, key_file, backup)


def _finish_interrupted(engine: Engine, settings: Settings, staged: Path) -> Rotation | None:
    """A ``.new`` key left by a killed run: install it if the database already uses it."""
    try:
        candidate = Fernet(staged.read_bytes().strip())
    except ValueError:
        staged.unlink()
        return None
    with engine.connect() as connection:
        token = connection.execute(select(reporter_contacts.c.ciphertext).limit(1)).scalar()
    if token is None:
        staged.unlink()
        return None
    try:
        candidate.decrypt(token)
    except InvalidToken:
        staged.unlink()
        return None
    os.replace(staged, settings.key_file)
    return Rotation(_count(engine), settings.key_file, None, finished_earlier_run=True)


def _count(engine: Engine) -> int:
    with engine.connect() as connection:
        return len(connection.execute(select(reporter_contacts.c.report_id)).all())


def _reencrypt(
    engine: Engine, old: Fernet, new: Fernet, user: str, detail: str, now: datetime
) -> int:
    rotator = MultiFernet([new, old])
    with engine.begin() as connection:
        ids = (
            connection.execute(
                select(reporter_contacts.c.report_id).order_by(reporter_contacts.c.report_id)
            )
            .scalars()
            .all()
        )
        for start in range(0, len(ids), _BATCH):
            _reencrypt_batch(connection, rotator, ids[start : start + _BATCH])
        audit.record_in(
            connection,
            user,
            ROTATE_ACTION,
            "reporter_contacts",
            f"{len(ids)} contacts re-encrypted; {detail}",
            now,
        )
    return len(ids)


def _reencrypt_batch(connection: Connection, rotator: MultiFernet, ids: list[str]) -> None:
    rows = connection.execute(
        select(reporter_contacts.c.report_id, reporter_contacts.c.ciphertext).where(
            reporter_contacts.c.report_id.in_(ids)
        )
    ).all()
    updates = []
    for report_id, token in rows:
        try:
            updates.append({"rid": report_id, "token": rotator.rotate(bytes(token))})
        except InvalidToken:
            raise SecretKeyError(
                f"the contact of report {report_id} cannot be decrypted with the current key, so "
                "nothing was rotated. Restore the key that encrypted it (a *.old backup file?) "
                "and rerun."
            ) from None
    connection.execute(
        update(reporter_contacts)
        .where(reporter_contacts.c.report_id == bindparam("rid"))
        .values(ciphertext=bindparam("token")),
        updates,
    )

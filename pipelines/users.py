"""Dashboard users: argon2 password hashes, roles, disabling, and login with rate limiting.

A name that fails ``MAX_FAILED_LOGINS`` times in a row is locked for ``LOCK_MINUTES``; a correct
password resets the count. Unknown names, wrong passwords and disabled users all get the same
message, so the login form does not tell a stranger which names exist.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError

from analytics.vocabulary import ROLES
from pipelines.errors import BdarsError, ConfigError, NotFoundError
from pipelines.storage.tables import users

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 10
MAX_NAME_LENGTH = 100

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("bdars: a password no user has")


class LoginRefused(BdarsError):
    """The name and password do not open a session (wrong, unknown, disabled or locked)."""


class UserExists(BdarsError):
    """``users add`` named a user who already exists."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    disabled: bool
    failed_logins: int
    locked_until: datetime | None
    created_at: datetime

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything bdars stores is UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _from_row(row: object) -> User:
    mapping = row._mapping  # type: ignore[attr-defined]
    return User(
        name=mapping["name"],
        role=mapping["role"],
        disabled=bool(mapping["disabled"]),
        failed_logins=int(mapping["failed_logins"]),
        locked_until=_utc(mapping["locked_until"]),
        created_at=_utc(mapping["created_at"]),  # type: ignore[arg-type]
    )


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigError(
            f"the password has {len(password)} characters; use at least {MIN_PASSWORD_LENGTH} "
            "(a few unrelated words make a good one)."
        )
    return password


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_NAME_LENGTH or any(ch.isspace() for ch in cleaned):
        raise ConfigError(
            f"user name {name!r} is not usable: give 1 to {MAX_NAME_LENGTH} characters "
            "without spaces, such as 'sam' or 'liaison.jones'."
        )
    return cleaned


def add_user(
    engine: Engine, name: str, role: str, password: str, now: datetime | None = None
) -> User:
    """Create a user with an argon2id hash of ``password``."""
    name = _check_name(name)
    check_role(role)
    check_password(password)
    try:
        with engine.begin() as connection:
            connection.execute(
                users.insert().values(
                    name=name,
                    role=role,
                    password_hash=_HASHER.hash(password),
                    disabled=False,
                    failed_logins=0,
                    locked_until=None,
                    created_at=_now(now),
                )
            )
    except IntegrityError:
        raise UserExists(
            f"a user named {name!r} already exists; pick another name, or "
            f"`bdars users disable {name}` first if it is someone else."
        ) from None
    return get_user(engine, name)


def get_user(engine: Engine, name: str) -> User:
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFoundError(f"no user named {name!r}; `bdars users list` shows who exists.")
    return _from_row(row)


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as connection:
        rows = connection.execute(select(users).order_by(users.c.name)).all()
    return [_from_row(row) for row in rows]


def count_users(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(users)).scalar_one())


def set_disabled(engine: Engine, name: str, disabled: bool) -> User:
    """Disable (or enable again) a user; a disabled user cannot log in and loses open sessions."""
    with engine.begin() as connection:
        values: dict[str, object] = {"disabled": disabled}
        if not disabled:
            values.update(failed_logins=0, locked_until=None)
        result = connection.execute(update(users).where(users.c.name == name).values(**values))
    if result.rowcount == 0:
        raise NotFoundError(f"no user named {name!r}; `bdars users list` shows who exists.")
    return get_user(engine, name)


def active_user(engine: Engine, name: str) -> User | None:
    """The user if they exist and are not disabled: checked on every dashboard run."""
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        return None
    user = _from_row(row)
    return None if user.disabled else user


def authenticate(engine: Engine, name: str, password: str, now: datetime | None = None) -> User:
    """The user whose name and password match, else ``LoginRefused``; counts failures."""
    moment = _now(now)
    refused = LoginRefused("that name and password do not match an active user; try again.")
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.name == name.strip())).first()
    if row is None:
        _verify(_DUMMY_HASH, password)
        raise refused
    user = _from_row(row)
    stored_hash = row._mapping["password_hash"]
    if user.is_locked(moment):
        minutes = max(1, math.ceil((user.locked_until - moment).total_seconds() / 60))  # type: ignore[operator]
        raise LoginRefused(
            f"too many failed attempts for this name; try again in {minutes} minute(s), "
            "or ask an admin."
        )
    if not _verify(stored_hash, password) or user.disabled:
        _record_failure(engine, name=user.name, now=moment)
        raise refused
    with engine.begin() as connection:
        values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
        if _HASHER.check_needs_rehash(stored_hash):
            values["password_hash"] = _HASHER.hash(password)
        connection.execute(update(users).where(users.c.name == user.name).values(**values))
    return get_user(engine, user.name)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _record_failure(engine: Engine, name: str, now: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(users)
            .where(users.c.name == name)
            .values(failed_logins=users.c.failed_logins + 1)
        )
        failures = connection.execute(
            select(users.c.failed_logins).where(users.c.name == name)
        ).scalar_one()
        if failures >= MAX_FAILED_LOGINS:
            connection.execute(
                update(users)
                .where(users.c.name == name)
                .values(failed_logins=0, locked_until=now + timedelta(minutes=LOCK_MINUTES))
            )

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pipelines.errors import ConfigError, NotFoundError
from pipelines.storage.tables import users
from pipelines.users import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    LoginRefused,
    UserExists,
    add_user,
    authenticate,
    get_user,
    list_users,
    set_disabled,
)

PASSWORD = "a long test password"


@pytest.fixture
def engine(initialised_store):
    with initialised_store.engine() as engine:
        yield engine


def test_passwords_are_stored_as_argon2id_hashes(engine) -> None:
    add_user(engine, "cora", "co-ordinator", PASSWORD)
    with engine.connect() as connection:
        stored = connection.execute(users.select()).one()._mapping["password_hash"]
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_authenticate_returns_the_user_with_their_role(engine) -> None:
    add_user(engine, "lee", "liaison", PASSWORD)
    user = authenticate(engine, "lee", PASSWORD)
    assert (user.name, user.role, user.failed_logins) == ("lee", "liaison", 0)


@pytest.mark.parametrize(
    ("name", "password"),
    [("lee", "wrong password!"), ("nobody", PASSWORD), ("lee", ""), ("LEE", PASSWORD)],
)
def test_wrong_names_and_passwords_get_the_same_refusal(engine, name: str, password: str) -> None:
    add_user(engine, "lee", "liaison", PASSWORD)
    with pytest.raises(LoginRefused, match="do not match an active user"):
        authenticate(engine, name, password)


def test_a_disabled_user_cannot_log_in_and_can_be_enabled_again(engine) -> None:
    add_user(engine, "lee", "liaison", PASSWORD)
    set_disabled(engine, "lee", True)
    with pytest.raises(LoginRefused, match="do not match an active user"):
        authenticate(engine, "lee", PASSWORD)
    set_disabled(engine, "lee", False)
    assert authenticate(engine, "lee", PASSWORD).name == "lee"


def test_repeated_failures_lock_the_name_for_a_while(engine) -> None:
    add_user(engine, "lee", "liaison", PASSWORD)
    start = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(LoginRefused, match="do not match"):
            authenticate(engine, "lee", "wrong password!", now=start)
    with pytest.raises(LoginRefused, match=f"try again in {LOCK_MINUTES} minute"):
        authenticate(engine, "lee", PASSWORD, now=start)
    later = start + timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert authenticate(engine, "lee", PASSWORD, now=later).failed_logins == 0


def test_a_success_resets_the_failure_count(engine) -> None:
    add_user(engine, "lee", "liaison", PASSWORD)
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(LoginRefused):
            authenticate(engine, "lee", "wrong password!")
    assert get_user(engine, "lee").failed_logins == MAX_FAILED_LOGINS - 1
    authenticate(engine, "lee", PASSWORD)
    with pytest.raises(LoginRefused, match="do not match"):
        authenticate(engine, "lee", "wrong password!")
    assert get_user(engine, "lee").locked_until is None


@pytest.mark.parametrize(
    ("name", "role", "password", "error", "message"),
    [
        ("sam", "boss", PASSWORD, ConfigError, "unknown role 'boss'"),
        ("sam", "admin", "short", ConfigError, "has 5 characters; use at least 10"),
        ("two words", "admin", PASSWORD, ConfigError, "without spaces"),
        ("", "admin", PASSWORD, ConfigError, "not usable"),
    ],
)
def test_add_user_refuses_bad_input(engine, name, role, password, error, message) -> None:
    with pytest.raises(error, match=message):
        add_user(engine, name, role, password)
    assert list_users(engine) == []


def test_names_are_unique(engine) -> None:
    add_user(engine, "sam", "admin", PASSWORD)
    with pytest.raises(UserExists, match="'sam' already exists"):
        add_user(engine, "sam", "stakeholder", PASSWORD)


def test_disabling_an_unknown_user_says_how_to_list_users(engine) -> None:
    with pytest.raises(NotFoundError, match="bdars users list"):
        set_disabled(engine, "ghost", True)

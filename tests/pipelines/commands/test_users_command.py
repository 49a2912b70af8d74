from __future__ import annotations

import pytest

from pipelines import audit

PASSWORD = "a long test password"


def test_add_list_disable_enable(initialised_store) -> None:
    store = initialised_store
    added = store.bdars(
        "users",
        "add",
        "cora",
        "--role",
        "co-ordinator",
        "--password-stdin",
        input_text=PASSWORD + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout == "Added cora (co-ordinator).\n"
    assert store.bdars("users", "disable", "cora").stdout == "Disabled cora.\n"
    listed = store.bdars("users", "list")
    assert listed.stdout.split() == ["cora", "co-ordinator", "disabled"]
    assert store.bdars("users", "enable", "cora").stdout == "Enabled cora.\n"
    with store.engine() as engine:
        log = audit.read(engine)
    assert list(log["action"]) == ["user.enable", "user.disable", "user.add"]
    assert set(log["user_name"]) == {"test-user"}


def test_the_password_prompt_asks_twice(initialised_store) -> None:
    store = initialised_store
    mismatch = store.bdars(
        "users", "add", "ada", "--role", "admin", input_text=f"{PASSWORD}\nsomething else\n"
    )
    assert mismatch.returncode != 0
    assert "do not match" in mismatch.stderr.lower() + mismatch.stdout.lower()
    ok = store.bdars(
        "users", "add", "ada", "--role", "admin", input_text=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert ok.returncode == 0, ok.stderr
    assert "Added ada (admin)." in ok.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["add", "sam", "--role", "boss", "--password-stdin"], PASSWORD, "'boss' is not one of"),
        (["add", "sam", "--role", "admin", "--password-stdin"], "short", "at least 10"),
        (["disable", "ghost"], None, "no user named 'ghost'"),
    ],
)
def test_errors_are_one_clean_message(initialised_store, args, stdin, message) -> None:
    result = initialised_store.bdars("users", *args, input_text=stdin)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_list_on_an_empty_store_says_how_to_add_a_user(initialised_store) -> None:
    assert "bdars users add NAME --role admin" in initialised_store.bdars("users", "list").stdout

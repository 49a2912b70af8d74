"""SQL is never built from values: every ``text()``, ``exec_driver_sql()`` and
``literal_column()`` in pipelines/ and dashboard/ takes a constant string, never an f-string,
a concatenation, ``%`` or ``.format`` (values go in as bound parameters)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RAW_SQL = {"text", "exec_driver_sql", "literal_column"}
FILES = sorted(p for folder in ("pipelines", "dashboard") for p in (ROOT / folder).rglob("*.py"))
ALLOWED = {("pipelines/trend_queries.py", "literal_column")}
"""trend_queries passes a Python int (a substring length it computes) to literal_column."""


def _raw_sql_calls(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in RAW_SQL:
            continue
        if name == "text" and isinstance(node.func, ast.Attribute):
            continue  # st.text and friends draw text; sqlalchemy's text is imported by name
        argument = node.args[0]
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            found.append((node.lineno, name))
    return found


def test_the_check_finds_sql_built_from_values(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        'from sqlalchemy import text\nname = "x"\n'
        'text(f"SELECT * FROM t WHERE a = \'{name}\'")\ntext("SELECT :a")\n'
        'c.exec_driver_sql("DELETE FROM t WHERE id = " + name)\n',
        encoding="utf-8",
    )
    assert _raw_sql_calls(bad) == [(3, "text"), (5, "exec_driver_sql")]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_is_built_from_values(path: Path) -> None:
    relative = str(path.relative_to(ROOT))
    calls = [c for c in _raw_sql_calls(path) if (relative, c[1]) not in ALLOWED]
    assert calls == [], f"{relative}: raw SQL built from a value at {calls}"

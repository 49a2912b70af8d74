"""Page scripts run under Streamlit's "magic": a bare string or value statement is drawn on the
page. Only a module docstring is exempt, so nothing meant for developers reaches users."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dashboard

SCRIPTS = sorted((Path(dashboard.__file__).parent / "views").glob("*.py")) + [
    Path(dashboard.__file__).parent / "app.py"
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_bare_expression_would_be_drawn_on_the_page(script: Path):
    tree = ast.parse(script.read_text(encoding="utf-8"))
    body = tree.body[1:] if ast.get_docstring(tree) is not None else tree.body
    drawn = [
        node.lineno
        for node in ast.walk(ast.Module(body=body, type_ignores=[]))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.Name)
    ]
    assert not drawn, f"{script.name}: bare expressions at lines {drawn} would show on the page"

"""Report ids and words come from uploaded files; where a page shows them with st.markdown they
are escaped, so a crafted id cannot become a link, a remote image or HTML."""

from __future__ import annotations

import re

import pytest

from dashboard.widgets import escaped

CRAFTED = [
    "[click me](https://example.org/phish)",
    "![x](https://example.org/track.png)",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ `code` # heading",
    "BD-2026-0001",
]


@pytest.mark.parametrize("text", CRAFTED)
def test_every_markdown_special_is_escaped(text: str) -> None:
    out = escaped(text)
    assert out.replace("\\", "") == text
    for match in re.finditer(r"[\[\]()!<>*_`#]", out):
        assert out[match.start() - 1] == "\\", (out, match.start())

"""A small automated accessibility and self-containment check for generated HTML pages.

Checks: ``<html lang>``; a ``<title>``; exactly one ``h1``; headings never skip a level going
down; every table has header cells and a caption; every image has an ``alt``; no ``<script>``,
no event-handler attributes, no ``javascript:`` links; nothing loaded from another address
(``src``/``href`` must be a data URL or a fragment).
"""

from __future__ import annotations

from html.parser import HTMLParser

HEADINGS = {f"h{n}": n for n in range(1, 7)}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.lang = ""
        self.h1 = 0
        self.level = 0
        self.title = False
        self.tables: list[dict[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "title":
            self.title = True
        if tag == "script":
            self.problems.append("a <script> element")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"an event handler {name}= on <{tag}>")
            if name in ("src", "href", "action", "srcset") and not (
                value.startswith(("data:", "#")) or value == ""
            ):
                self.problems.append(f"an external resource {name}={value!r} on <{tag}>")
        if tag == "img" and not values.get("alt", "").strip():
            self.problems.append("an image without alt text")
        if tag in HEADINGS:
            level = HEADINGS[tag]
            if level == 1:
                self.h1 += 1
            if level > self.level + 1:
                self.problems.append(f"<{tag}> after h{self.level}: a heading level is skipped")
            self.level = level
        if tag == "table":
            self.tables.append({"th": False, "caption": False})
        if tag == "th" and self.tables:
            self.tables[-1]["th"] = True
            if "scope" not in values:
                self.problems.append("a <th> without scope")
        if tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        if tag == "link" and values.get("rel") == "stylesheet":
            self.problems.append("an external stylesheet")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            table = self.tables.pop()
            if not table["th"]:
                self.problems.append("a table without header cells")
            if not table["caption"]:
                self.problems.append("a table without a caption")


def accessibility_problems(document: str) -> list[str]:
    """Every problem found (an empty list when the page passes)."""
    checker = _Checker()
    checker.feed(document)
    checker.close()
    problems = list(checker.problems)
    if not checker.lang:
        problems.append("<html> has no lang attribute")
    if not checker.title:
        problems.append("no <title>")
    if checker.h1 != 1:
        problems.append(f"{checker.h1} h1 headings (want exactly one)")
    if "javascript:" in document.lower():
        problems.append("a javascript: URL")
    return problems

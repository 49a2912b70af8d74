"""Accessible, self-contained HTML pages: a ``lang``, one ``h1``, headings in order, table
headers with scope, alt text on images, no scripts and nothing fetched from elsewhere (images are
embedded as data URLs). Every piece of text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["esc", "page", "table"]

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       font-size: 1.05rem; line-height: 1.5; color: #000; background: #fff;
       max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #000; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .3rem; }
article { border: 1px solid #000; padding: .5rem 1rem; margin: 1rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.marker { display: inline-block; border: 2px solid #000; font-weight: bold;
          padding: .1rem .4rem; margin: .2rem .4rem .2rem 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #000; padding: .2rem .5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
img { max-width: 100%; height: auto; }
.note { font-size: .95rem; }
@media print { body { max-width: none; } article { break-inside: avoid; } }
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def page(title: str, body: str, lang: str = "en-CA") -> str:
    """A complete HTML document around ``body`` (which must already be escaped markup)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def table(
    caption: str, header: Sequence[str], rows: Sequence[Sequence[object]], row_headers: bool = True
) -> str:
    """A table with a caption, column headers and (by default) the first cell of each row as a
    row header."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in header)
    lines = []
    for row in rows:
        cells = [
            f'<th scope="row">{esc(cell)}</th>'
            if i == 0 and row_headers
            else f"<td>{esc(cell)}</td>"
            for i, cell in enumerate(row)
        ]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table>\n<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        "<tbody>\n" + "\n".join(lines) + "\n</tbody>\n</table>"
    )

from __future__ import annotations

import pytest

from tests.pipelines.publish.a11y import accessibility_problems

GOOD = (
    '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>A</h1><h2>B</h2>'
    '<h3>C</h3><h2>D</h2><table><caption>c</caption><tr><th scope="col">x</th></tr>'
    '<tr><td>1</td></tr></table><img src="data:image/png;base64,AA" alt="a map"></body></html>'
)


def test_a_good_page_passes() -> None:
    assert accessibility_problems(GOOD) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('lang="en"', ""), "no lang"),
        (("<h3>C</h3>", "<h4>C</h4>"), "skipped"),
        (("<h2>D</h2>", "<h1>D</h1>"), "2 h1"),
        (('<th scope="col">x</th>', "<td>x</td>"), "without header"),
        (("<caption>c</caption>", ""), "without a caption"),
        (('alt="a map"', ""), "without alt"),
        (("</body>", "<script>x()</script></body>"), "<script>"),
        (("data:image/png;base64,AA", "https://example.com/a.png"), "external resource"),
        (("<h1>A</h1>", '<h1 onclick="x()">A</h1>'), "event handler"),
    ],
)
def test_each_problem_is_caught(change: tuple[str, str], problem: str) -> None:
    found = accessibility_problems(GOOD.replace(*change))
    assert any(problem in text for text in found), found

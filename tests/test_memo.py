"""Loading again with a memo: only the files that changed are checked, and the answer is a fresh load's."""

from __future__ import annotations

import pytest

import edition.model.rawhtml
from conftest import replace_in
from edition.checked import checked_inputs
from edition.model.memo import Memo
from edition.problems import ProblemsFound

# One break of each kind of file whose checks a memo keeps: a source record, a stylesheet, a template, a page.
BREAKS = {
    "a record": ("sources/ap-2020-01-03.yml", "title: ", "title: <b>x</b> "),
    "a stylesheet": ("docs/stylesheets/edition.css", ":root", "@import 'https://evil.example/x.css';\n:root"),
    "a template": ("overrides/base.html", "</body>", '<img src="https://evil.example/x.png"></body>'),
    "a page": ("docs/about.md", "\n# ", '\n<img src="https://evil.example/x.png">\n\n# '),
}


def problems(root, memo=None) -> list[str]:
    """What the input checks find, the way edition.load runs them (it formats the citations of an edition they accept)."""
    try:
        checked_inputs(root, memo=memo)
    except ProblemsFound as refused:
        return [str(problem) for problem in refused.problems]
    return []


@pytest.mark.parametrize("kind", BREAKS)
def test_a_memo_answers_as_a_fresh_load_does_before_during_and_after_a_break(inputs, kind):
    path, old, new = BREAKS[kind]
    memo = Memo()
    assert problems(inputs, memo) == [] == problems(inputs)
    text = (inputs / path).read_text(encoding="utf-8")
    replace_in(inputs / path, old, new)
    broken = problems(inputs)
    assert broken and all(line.startswith(f"{path}:") for line in broken), broken
    assert problems(inputs, memo) == broken
    (inputs / path).write_text(text, encoding="utf-8")  # mended: the broken answer is not kept for the mended text
    assert problems(inputs, memo) == []


def test_a_memo_checks_again_only_the_page_that_changed(inputs, monkeypatch):
    read = []
    check = edition.model.rawhtml.raw_html_problems
    monkeypatch.setattr(edition.model.rawhtml, "raw_html_problems", lambda page, *rest: read.append(page.name) or check(page, *rest))
    memo = Memo()
    problems(inputs, memo)
    pages = len(read)
    assert pages > 10 and len(set(read)) == pages
    read.clear()
    replace_in(inputs / "docs/about.md", "\n# ", "\nA sentence added.\n\n# ")
    assert problems(inputs, memo) == []
    assert read == ["docs/about.md"]


"""The edition's own words are set as a book sets them: curly quotes and apostrophes, never typewriter ones."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from edition.model import load_inputs

PAGES = [page.path for page in load_inputs(ROOT).docs]
# What is not running text: code and its examples, scripts and the citation forms kept for them
# (BibTeX and RIS are plain ASCII by design), web addresses shown as themselves, and a source's own words
# quoted in a note or on the Sources page (.source-words), which keep the source's typography.
NOT_PROSE = "code, pre, kbd, script, noscript, a.bare-url, .source-words"


@pytest.mark.parametrize("path", PAGES)
def test_no_straight_quote_or_apostrophe_in_the_text_of_a_page(page, path):
    article = page(f"{path}index.html").select_one("article").__copy__()
    for element in article.select(NOT_PROSE):
        element.decompose()
    text = " ".join(article.get_text(" ").split())
    straight = [text[max(0, m.start() - 40):m.end() + 20] for m in re.finditer(r"[\"']", text)]
    assert not straight, f"/{path}: straight quotes where the edition’s style wants “ ” ‘ ’: {straight}"

"""The published essay pages hold the source of record's words, in order: checked on the output, at every build.

The input check (model.checks.check_text) compares the Markdown; this one reads what a reader
gets, so that nothing between the two (raw HTML, a comment, an extension) can show words the
source of record lacks or hide words it has.
"""

from __future__ import annotations

import copy
from pathlib import Path

from bs4 import BeautifulSoup

from ..model import Edition
from ..model.essay import RECORD, words
from ..problems import Problem

# The edition's own matter inside an essay page: notes, numbers, permalinks, byline, controls.
APPARATUS = (".footnote", "sup[id^='fnref']", ".para-num", ".headerlink", ".byline", ".first-published", ".page-tools",
             ".event-links", "script", "template")


def reader_words(soup: BeautifulSoup) -> list[str]:
    """The words a reader sees in a page's article, the edition's apparatus left aside."""
    article = soup.select_one("article")
    if article is None:
        return []
    article = copy.copy(article)  # the parsed page is kept for the other checks
    for selector in APPARATUS:
        for tag in article.select(selector):
            tag.decompose()
    for mention in article.select("abbr.term"):  # a glossary mark around the essay's own words
        mention.unwrap()
    article.smooth()
    return words(article.get_text(" "))


def check_fidelity(site: Path, edition: Edition, parsed: dict[Path, BeautifulSoup]) -> list[Problem]:
    """A problem for each essay page whose words differ from the source of record's, at the first difference."""
    problems = []
    for section in edition.essay.sections:
        file = "index.html" if section.slug == "index" else f"{section.slug}/index.html"
        soup = parsed.get((site / file).resolve())
        if soup is None:
            continue  # a missing page is the input check's and the link check's to report
        expected = words(section.heading or edition.essay.title)
        for paragraph in section.paragraphs:
            expected += words(paragraph.text)
        found = reader_words(soup)
        if found != expected:
            n = next((i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b), min(len(expected), len(found)))
            problems.append(Problem(f"site/{file}", 0,
                                    f"the published page differs from the source of record ({RECORD.as_posix()}) at word {n + 1}: "
                                    f"“{' '.join(expected[n:n + 4]) or '(end)'}” expected, “{' '.join(found[n:n + 4]) or '(end)'}” shown",
                                    f"find what in docs/{section.page} adds or hides words, and restore the original wording"))
    return problems

"""The published essay pages hold the source of record's words, in order: checked on the output, at every build.

The input check (model.checks.check_text) compares the Markdown; this one reads what a reader
gets, so that nothing between the two (raw HTML, a comment, an extension) can show words the
source of record lacks or hide words it has.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree
from lxml.html import HtmlElement

from .. import Edition
from ..model.addresses import EVENT_LINKS_CLASS, PARAGRAPH_NUMBER_CLASS
from ..model.essay import RECORD, words
from ..problems import Problem
from .postprocess import classes

# The edition's own matter inside an essay page: notes, numbers, permalinks, byline, controls.
APPARATUS_CLASSES = ("footnote", PARAGRAPH_NUMBER_CLASS, "headerlink", "byline", "first-published", "page-tools", EVENT_LINKS_CLASS)
APPARATUS_TAGS = ("script", "template")


def apparatus(element: HtmlElement) -> bool:
    if element.tag in APPARATUS_TAGS:
        return True
    if element.tag == "sup" and (element.get("id") or "").startswith("fnref"):
        return True
    return not set(APPARATUS_CLASSES).isdisjoint(classes(element))


def reader_words(page: HtmlElement) -> list[str]:
    """The words a reader sees in a page's article, the edition's apparatus left aside."""
    article = next(page.iter("article"), None)
    if article is None:
        return []
    article = copy.deepcopy(article)  # the parsed page is kept for the other checks
    for element in [e for e in article.iter(etree.Element) if e is not article and apparatus(e)]:
        element.drop_tree()  # its tail, the text after it, stays
    for mention in [e for e in article.iter("abbr") if "term" in classes(e)]:
        mention.drop_tag()  # a glossary mark around the essay's own words: "PMF</abbr>s" reads "PMFs"
    return words(" ".join(article.itertext()))


def check_fidelity(site: Path, edition: Edition, parsed: dict[Path, HtmlElement]) -> list[Problem]:
    """A problem for each essay page whose words differ from the source of record's, at the first difference."""
    problems = []
    for section in edition.essay.sections:
        file = "index.html" if section.slug == "index" else f"{section.slug}/index.html"
        page = parsed.get((site / file).resolve())
        if page is None:
            continue  # a missing page is the input check's and the link check's to report
        expected = words(section.heading or edition.essay.title)
        for paragraph in section.paragraphs:
            expected += words(paragraph.text)
        found = reader_words(page)
        if found != expected:
            n = next((i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b), min(len(expected), len(found)))
            problems.append(Problem(f"site/{file}", 0,
                                    f"the published page differs from the source of record ({RECORD.as_posix()}) at word {n + 1}: "
                                    f"“{' '.join(expected[n:n + 4]) or '(end)'}” expected, “{' '.join(found[n:n + 4]) or '(end)'}” shown",
                                    f"find what in docs/{section.page} adds or hides words, and restore the original wording"))
    return problems

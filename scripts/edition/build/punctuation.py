"""The edition's own words never double their punctuation: no `.”.`, no `,,`. Checked on the output.

Such marks arise where the edition's code or data puts its own full stop or comma after words that
already end with one: a quotation that ends with its own full stop (“… Iraq.”) followed by the
sentence's, a note's text after a citation that ends with a period. The essay's verbatim text and the
sources' own words (`source-words`, the quotations' table) are theirs, and left as they are; what
the edition adds around them is checked, so a doubled mark at their edge is still found.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from lxml.html import HtmlElement

from ..problems import Problem
from .fidelity import _apparatus
from .postprocess import classes, is_redirect

# A full stop after closing quotation marks that follow the words' own . ! ? or …; a full stop after
# a full stop (not an ellipsis); two commas.
DOUBLED = re.compile(r"[.!?…][”’\"»]+\.(?!\.)|(?<!\.)\.\.(?!\.)|,[ \u00a0]*,")
SKIPPED = {"script", "style", "template"}  # not read as text at all
# Not the edition's words: the sources' own, the essay's as quoted beside them, addresses and code.
NOT_OWN_CLASSES = {"source-words", "bare-url", "url"}
NOT_OWN_TAGS = {"code", "pre", "kbd", "samp"}


def _not_own(element: HtmlElement) -> bool:
    if element.tag in NOT_OWN_TAGS or not NOT_OWN_CLASSES.isdisjoint(classes(element)):
        return True
    if element.tag == "td":
        table = next(element.iterancestors("table"), None)
        return table is not None and "source-quotes" in classes(table)
    return False


def _runs(element: HtmlElement, own: bool, essay: bool, out: list[tuple[str, bool, int]]) -> None:
    """The text inside element, in reading order, as (text, whether it is the edition's own, line) runs."""
    if essay and _apparatus(element):
        own = True  # on an essay page, everything but the apparatus is the essay's verbatim text
    if _not_own(element):
        own = False
    line = element.sourceline or 0
    if element.tag not in SKIPPED:
        if element.text:
            out.append((element.text, own, line))
        for child in element:
            if isinstance(child.tag, str):
                _runs(child, own, essay, out)
            if child.tail:
                out.append((child.tail, own, child.sourceline or line))


def doubled_marks(article: HtmlElement, essay: bool) -> list[tuple[int, str]]:
    """Each doubled mark with a character of the edition's own: its line and the words around it."""
    runs: list[tuple[str, bool, int]] = []
    _runs(article, not essay, essay, runs)
    text = "".join(run for run, _, _ in runs)
    owner, lines = bytearray(), []
    for run, own, line in runs:
        owner.extend([own] * len(run))
        lines.extend([line] * len(run))
    found = []
    for match in DOUBLED.finditer(text):
        own = [i for i in range(match.start(), match.end()) if owner[i]]
        if own:
            context = " ".join(text[max(0, match.start() - 40):match.end() + 10].split())
            found.append((lines[own[0]], f"'{match.group()}' in “…{context}…”"))
    return found


def punctuation_problems(site: Path, parsed: dict[Path, HtmlElement]) -> list[Problem]:
    """A problem for each doubled punctuation mark in the edition's own words on a built page."""
    problems = []
    for page, tree in sorted(parsed.items()):
        if is_redirect(tree):
            continue
        article = next(tree.iter("article"), None)
        if article is None:
            continue
        # An essay page is one whose paragraphs carry the edition's ¶ numbers.
        essay = any("para-num" in classes(e) for e in article.iter(etree.Element))
        name = page.relative_to(site.resolve()).as_posix()
        for line, where in doubled_marks(article, essay):
            problems.append(Problem(f"site/{name}", line, f"doubled punctuation in the edition's own words: {where}",
                                    "drop the mark the edition adds after words that already end with one (the data "
                                    "in sources/ or the code of the listing or note that writes it)"))
    return problems

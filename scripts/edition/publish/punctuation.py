"""The edition's own words never double their punctuation: no `.”.`, no `,,`. Checked on the output.

Such marks arise where the edition's code or data puts its own full stop or comma after words that
already end with one: a quotation that ends with its own full stop (“… Iraq.”) followed by the
sentence's, a note's text after a citation that ends with a period. The essay's verbatim text and the
sources' own words (`source-words`, the quotations' table) are theirs, and left as they are; what
the edition adds around them is checked, so a doubled mark at their edge is still found.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from lxml.html import HtmlElement

from ..model.addresses import PARAGRAPH_NUMBER_CLASS
from ..model.values import DOUBLED
from ..problems import Problem
from .fidelity import apparatus
from .postprocess import classes, is_redirect

SKIPPED = {"script", "style", "template"}  # not read as text at all
# Not the edition's words: the sources' own, the essay's as quoted beside them; addresses and code (opaque, below).
NOT_OWN_CLASSES = {"source-words"}
NOT_OWN_TAGS = {"code", "pre", "kbd", "samp"}
OPAQUE_CLASSES = {"bare-url", "url"}


def _not_own(element: HtmlElement) -> bool:
    if not NOT_OWN_CLASSES.isdisjoint(classes(element)):
        return True
    if element.tag == "td":
        table = next(element.iterancestors("table"), None)
        return table is not None and "source-quotes" in classes(table)
    return False


# Code and addresses are not words at all: the check reads across them as across a picture, so that
# "`og:`," is no doubled mark.
OPAQUE = "\ufffc"


def _runs(element: HtmlElement, own: bool, essay: bool, out: list[tuple[str, bool, int, HtmlElement]]) -> None:
    """The text inside element, in reading order, as (text, whether it is the edition's own, line, element) runs."""
    if essay and apparatus(element):
        own = True  # on an essay page, everything but the apparatus is the essay's verbatim text
    if _not_own(element):
        own = False
    line = element.sourceline or 0
    if element.tag in NOT_OWN_TAGS or not OPAQUE_CLASSES.isdisjoint(classes(element)):
        out.append((OPAQUE, False, line, element))
    elif element.tag not in SKIPPED:
        if element.text:
            out.append((element.text, own, line, element))
        for child in element:
            if isinstance(child.tag, str):
                _runs(child, own, essay, out)
            if child.tail:
                out.append((child.tail, own, child.sourceline or line, element))


def _named_place(element: HtmlElement) -> str:
    """The note, record or entry a piece of text belongs to, by its id: what to look up in sources/."""
    for ancestor in (element, *element.iterancestors()):
        if "source-entry" in classes(ancestor):
            heading = next(ancestor.iter("h3"), None)
            if heading is not None and heading.get("id"):
                return f" (in #{heading.get('id')})"
        if ancestor.get("id") and ancestor.tag not in ("article", "body", "html"):
            return f" (in #{ancestor.get('id')})"
    return ""


def doubled_marks(article: HtmlElement, essay: bool) -> list[tuple[int, str, tuple[str, ...]]]:
    """Each doubled mark with a character of the edition's own: its line, the words around it, and the words up to it
    as a page may type them (Problem.typed)."""
    runs: list[tuple[str, bool, int, HtmlElement]] = []
    _runs(article, not essay, essay, runs)
    text = "".join(run[0] for run in runs)
    owner, places = bytearray(), []
    for run, own, line, element in runs:
        owner.extend([own] * len(run))
        places.extend([(line, element)] * len(run))
    found = []
    for match in DOUBLED.finditer(text):
        own = [i for i in range(match.start(), match.end()) if owner[i]]
        if own:
            context = " ".join(text[max(0, match.start() - 40):match.end() + 10].replace(OPAQUE, "…").split())
            line, element = places[own[0]]
            # The words before it as far back as one line of a page holds them (the check reads across paragraphs).
            before = " ".join(text[max(0, match.start() - 40):match.end()].replace(OPAQUE, "…").split())
            # And the word the mark ends, where the words before it are on another line: "言葉､､" (forty-second round, T7).
            word = before.split()[-1] if before.split() else ""
            typed = (*(before[-length:] for length in (20, 12, len(match.group()) + 4)),
                     *([word] if len(word) > len(match.group()) else []))
            found.append((line, f"'{match.group()}' in “…{context}…”{_named_place(element)}", typed))
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
        essay = any(PARAGRAPH_NUMBER_CLASS in classes(e) for e in article.iter(etree.Element))
        name = page.relative_to(site.resolve()).as_posix()
        for line, where, typed in doubled_marks(article, essay):
            problems.append(Problem(f"site/{name}", line, f"doubled punctuation in the edition's own words: {where}",
                                    "write the mark once where it comes from: the data in sources/ (the note or record "
                                    "named), or the code of the listing or note that adds one after words that already "
                                    "end with one", typed))
    return problems

"""Python-Markdown extension: the first mention on a page of a person, group or institution in the
glossary shows this edition's description of it on hover and focus.

The essay's words stay exactly as they are: the mention is wrapped in an <abbr> whose title holds
the description (Material shows it as a tooltip), reachable from the keyboard.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown

from ..model.addresses import ESSAY_PARAGRAPH_CLASS, PARAGRAPH_NUMBER_CLASS
from .base import EditionExtension, EditionTreeprocessor
from .html import element

SKIP = {"a", "abbr", "sup", "code"}  # links, notes and other marks keep their text as it is


class GlossaryTreeprocessor(EditionTreeprocessor):
    def run(self, root: etree.Element) -> None:
        glossary = self.extension.edition.glossary
        if not glossary:
            return
        by_words = {words: term for term in glossary for words in term.terms}
        # Whole words only: "Iran" is not a mention inside "Iranian".
        words = "|".join(re.escape(w) for w in sorted(by_words, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
        seen: set[str] = set()
        for paragraph in root.iter("p"):
            if ESSAY_PARAGRAPH_CLASS in paragraph.get("class", "").split():
                self.mark(paragraph, pattern, by_words, seen)

    def mark(self, parent: etree.Element, pattern: re.Pattern, by_words: dict, seen: set[str]) -> None:
        """Wrap the first mention of each entry, in the element's own text and in the tails of its children."""
        parent.text = self.wrap(parent, None, parent.text, pattern, by_words, seen)
        for child in list(parent):
            if child.tag not in SKIP and PARAGRAPH_NUMBER_CLASS not in child.get("class", "").split():
                self.mark(child, pattern, by_words, seen)
            child.tail = self.wrap(parent, child, child.tail, pattern, by_words, seen)

    def wrap(self, parent, after, text, pattern, by_words, seen) -> str | None:
        if not text:
            return text
        for match in pattern.finditer(text):
            term = by_words[match[0]]
            if term.id in seen:
                continue
            seen.add(term.id)
            abbr = element("abbr", None, class_="term", title=f"{term.name}: {term.what}", tabindex="0", data_term=term.id)
            abbr.text = match[0]  # the essay's own words, already text of the tree
            parent.insert(0 if after is None else list(parent).index(after) + 1, abbr)
            abbr.tail = self.wrap(parent, abbr, text[match.end():], pattern, by_words, seen)
            return text[:match.start()]
        return text


class GlossaryExtension(EditionExtension):
    def register(self, md: Markdown) -> None:
        # After the paragraphs are numbered (12), which finds them by their words; before toc (5).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "edition-glossary", 10)


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)

"""Python-Markdown extension: number the essay's paragraphs ¶1…¶N and give each a permanent id `pN`.

Numbers come from the source of record, so a page rendered alone, the whole site and the PDF all
agree on them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .context import load_edition


def paragraph_anchor(number: int) -> str:
    return f"p{number}"


def reader_text(element: etree.Element) -> str:
    """Text of an element as a reader sees it, without footnote markers or paragraph numbers."""
    parts = [element.text or ""]
    for child in element:
        skip = (child.tag == "sup" and child.get("id", "").startswith("fnref")) or "para-num" in child.get("class", "")
        if not skip:
            parts.append(reader_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class ParagraphTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, root: Path):
        super().__init__(md)
        self.root = root

    def run(self, root: etree.Element) -> None:
        essay = load_edition(self.root).essay
        for element in root:
            if element.tag != "p":
                continue
            number = essay.paragraph_number(reader_text(element))
            if number is None:
                continue
            anchor = paragraph_anchor(number)
            element.set("id", anchor)
            element.set("class", "essay-paragraph")
            link = etree.Element("a", {"class": "para-num", "href": f"#{anchor}",
                                       "aria-label": f"Paragraph {number}", "title": f"Link to paragraph {number}"})
            link.text = str(number)
            link.tail = element.text
            element.text = None
            element.insert(0, link)


class ParagraphExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"root": [".", "Project folder holding sources/"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20), so footnote markers can be told apart from the text.
        md.treeprocessors.register(ParagraphTreeprocessor(md, Path(self.getConfig("root"))), "edition-paragraphs", 12)


def makeExtension(**kwargs) -> ParagraphExtension:
    return ParagraphExtension(**kwargs)

"""Python-Markdown extension: links to other sites carry rel="noopener noreferrer".

The edition sends no referrer to the sites it cites and gives them no handle on its pages; the
notes and generated listings set this themselves, this covers links written in the Markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .base import EditionExtension

EXTERNAL_REL = ("noopener", "noreferrer")


class ExternalLinkTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if link.get("href", "").strip().lower().startswith(("http://", "https://", "//")):  # schemes ignore case
                rel = link.get("rel", "").split()
                link.set("rel", " ".join(rel + [r for r in EXTERNAL_REL if r not in rel]))


class ExternalLinkExtension(EditionExtension):
    def register(self, md: Markdown) -> None:
        # Last but one: after every edition extension (the Cite panel at 11, aliases at 4) has added its links.
        md.treeprocessors.register(ExternalLinkTreeprocessor(md), "edition-external-links", 2)


def makeExtension(**kwargs) -> ExternalLinkExtension:
    return ExternalLinkExtension(**kwargs)

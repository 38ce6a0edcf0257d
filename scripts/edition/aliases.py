"""Python-Markdown extension: an anchor renamed on purpose keeps working.

Each alias in anchors.lock (page, old id, new id) becomes an empty element carrying the old id
at the start of the element that now has the new one, so a link to the old #fragment lands there.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .anchors import ALIAS_CLASS, load_lock
from .markup import prepend
from .pages import register_page_finder


class AliasTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, root: Path):
        super().__init__(md)
        self.root = root

    def run(self, root: etree.Element) -> None:
        page = getattr(self.md, "edition_page", None)
        if page is None:
            return
        aliases = [a for a in load_lock(self.root, []).aliases if a.page == page.path]
        if not aliases:
            return
        by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
        for alias in aliases:
            target = by_id.get(alias.new)
            if target is None or alias.old in by_id:
                continue  # reported by the anchor check, which sees the built page
            prepend(target, etree.Element("span", {"id": alias.old, "class": ALIAS_CLASS}))


class AliasExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"root": [".", "Project folder holding anchors.lock"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        root = Path(self.getConfig("root"))
        register_page_finder(md, root)
        # After toc (5) has given every heading its id.
        md.treeprocessors.register(AliasTreeprocessor(md, root), "edition-aliases", 4)


def makeExtension(**kwargs) -> AliasExtension:
    return AliasExtension(**kwargs)

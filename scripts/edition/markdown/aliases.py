"""Python-Markdown extension: an anchor renamed on purpose keeps working.

Each alias in anchors.lock (page, old id, new id) becomes an empty element carrying the old id
at the start of the element that now has the new one, so a link to the old #fragment lands there.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown

from ..model.anchor_lock import ALIAS_CLASS
from .base import EditionExtension, EditionTreeprocessor
from .html import prepend


class AliasTreeprocessor(EditionTreeprocessor):
    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        if page is None:
            return
        aliases = [a for a in self.extension.edition.lock.aliases if a.page == page.path]
        if not aliases:
            return
        by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
        for alias in aliases:
            target = by_id.get(alias.new)
            if target is None or alias.old in by_id:
                continue  # reported by the anchor check, which sees the built page
            prepend(target, etree.Element("span", {"id": alias.old, "class": ALIAS_CLASS}))


class AliasExtension(EditionExtension):
    needs_page = True

    def register(self, md: Markdown) -> None:
        # After toc (5) has given every heading its id.
        md.treeprocessors.register(AliasTreeprocessor(md, self), "edition-aliases", 4)


def makeExtension(**kwargs) -> AliasExtension:
    return AliasExtension(**kwargs)

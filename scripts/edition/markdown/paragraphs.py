"""Python-Markdown extension: number the essay's paragraphs ¶1…¶N and give each a permanent id `pN`.

Numbers come from the source of record, so a page rendered alone, the whole site and the PDF all
agree on them.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree

from markdown import Markdown

from ..model.addresses import CHRONOLOGY_PAGE, event_anchor, paragraph_anchor
from .base import EditionExtension, EditionTreeprocessor
from .html import as_text, prepend


def reader_text(element: etree.Element) -> str:
    """Text of an element as a reader sees it, without footnote markers or paragraph numbers."""
    parts = [element.text or ""]
    for child in element:
        classes = child.get("class", "").split()
        skip = (child.tag == "sup" and child.get("id", "").startswith("fnref")) or {"para-num", "event-links"} & set(classes)
        if not skip:
            parts.append(reader_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class ParagraphTreeprocessor(EditionTreeprocessor):
    def run(self, root: etree.Element) -> None:
        edition = self.extension.edition_or_none()
        if edition is None:
            return
        essay = edition.essay
        events = {}
        for event in edition.events:
            for number in event.paragraphs:
                events.setdefault(number, []).append(event)
        for element in root:
            if element.tag != "p":
                continue
            number = essay.paragraph_number(reader_text(element))
            if number is None:
                continue
            anchor = paragraph_anchor(number)
            element.set("id", anchor)
            element.set("class", "essay-paragraph")
            # Out of the search index, where "6The U.S. drone strike…" would be the passage found.
            link = etree.Element("a", {"class": "para-num", "href": f"#{anchor}", "data-search-exclude": "",
                                       "aria-label": f"Paragraph {number}", "title": f"Link to paragraph {number}"})
            link.text = str(number)
            prepend(element, link)
            if number in events:
                self.event_links(element, events[number])

    def event_links(self, paragraph: etree.Element, events) -> None:
        """Links from a paragraph to the chronology's events it discusses (after its words and notes)."""
        holder = etree.SubElement(paragraph, "span", {"class": "event-links", "data-search-exclude": ""})
        holder.text = " "
        for event in events:
            day = dt.date.fromisoformat(event.date)
            link = etree.SubElement(holder, "a", {"class": "event-link", "href": f"{CHRONOLOGY_PAGE}#{event_anchor(event.id)}",
                                                  "title": as_text(f"In the chronology: {event.what}")})
            link.text = f"{day.day} {day:%b} {day.year}"
            link.tail = " "


class ParagraphExtension(EditionExtension):
    def register(self, md: Markdown) -> None:
        # After inline parsing (20), so footnote markers can be told apart from the text.
        md.treeprocessors.register(ParagraphTreeprocessor(md, self), "edition-paragraphs", 12)


def makeExtension(**kwargs) -> ParagraphExtension:
    return ParagraphExtension(**kwargs)

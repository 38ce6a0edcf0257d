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
from .html import as_text, element, prepend


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
        for block in root:
            if block.tag != "p":
                continue
            number = essay.paragraph_number(reader_text(block))
            if number is None:
                continue
            anchor = paragraph_anchor(number)
            block.set("id", anchor)
            block.set("class", "essay-paragraph")
            # Out of the search index, where "6The U.S. drone strike…" would be the passage found.
            link = etree.Element("a", {"class": "para-num", "href": f"#{anchor}", "data-search-exclude": "",
                                       "aria-label": f"Paragraph {number}", "title": f"Link to paragraph {number}"})
            link.text = str(number)
            prepend(block, link)
            # A space after the number: where the page is read as text (Reader View, a copy and paste)
            # "6 The U.S. drone…", not "6The U.S. drone…"; at the start of a line a browser shows none.
            link.tail = " " + (link.tail or "")
            if number in events:
                self.event_links(block, events[number])

    def event_links(self, paragraph: etree.Element, events) -> None:
        """After a paragraph's words and notes, the chronology's events it discusses, as one short
        labelled run: "Chronology: 3 Jan; 11, 12, 13, 14 Mar 2020". Days of one month share its name,
        a year is written where it changes; each link's name is the whole date."""
        holder = etree.SubElement(paragraph, "span", {"class": "event-links", "data-search-exclude": ""})
        holder.text = " "
        element("span", "Chronology:", holder, class_="event-links-label").tail = " "
        days = sorted(((event, dt.date.fromisoformat(event.date)) for event in events), key=lambda pair: pair[1])
        for index, (event, day) in enumerate(days):
            following = days[index + 1][1] if index + 1 < len(days) else None
            link = etree.SubElement(holder, "a", {"class": "event-link", "href": f"{CHRONOLOGY_PAGE}#{event_anchor(event.id)}",
                                                  "aria-label": f"{day.day} {day:%B} {day.year}",
                                                  "title": as_text(f"In the chronology: {event.what}")})
            same_month = following is not None and (following.year, following.month) == (day.year, day.month)
            if same_month:
                link.text, link.tail = str(day.day), ", "
            elif following is not None and following.year == day.year:
                link.text, link.tail = f"{day.day}\u00a0{day:%b}", "; "  # no line break inside a date
            else:
                link.text, link.tail = f"{day.day}\u00a0{day:%b}\u00a0{day.year}", "; " if following else ""


class ParagraphExtension(EditionExtension):
    def register(self, md: Markdown) -> None:
        # After inline parsing (20), so footnote markers can be told apart from the text.
        md.treeprocessors.register(ParagraphTreeprocessor(md, self), "edition-paragraphs", 12)


def makeExtension(**kwargs) -> ParagraphExtension:
    return ParagraphExtension(**kwargs)

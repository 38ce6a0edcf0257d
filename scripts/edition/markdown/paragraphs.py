"""Python-Markdown extension: number the essay's paragraphs ¶1…¶N and give each a permanent id `pN`.

Numbers come from the source of record, so a page rendered alone, the whole site and the PDF all
agree on them.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree

from markdown import Markdown

from ..model.addresses import (
    CHRONOLOGY_PAGE,
    ESSAY_PARAGRAPH_CLASS,
    EVENT_LINKS_CLASS,
    PARAGRAPH_NUMBER_CLASS,
    event_anchor,
    paragraph_anchor,
)
from .base import EditionExtension, EditionTreeprocessor
from .html import as_text, element, prepend


def reader_text(element: etree.Element) -> str:
    """Text of an element as a reader sees it, without footnote markers or paragraph numbers."""
    parts = [element.text or ""]
    for child in element:
        classes = child.get("class", "").split()
        note_call = child.tag == "sup" and child.get("id", "").startswith("fnref")
        skip = note_call or {PARAGRAPH_NUMBER_CLASS, EVENT_LINKS_CLASS} & set(classes)
        if not skip:
            parts.append(reader_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class ParagraphTreeprocessor(EditionTreeprocessor):
    def run(self, root: etree.Element) -> None:
        edition = self.extension.edition
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
            block.set("class", ESSAY_PARAGRAPH_CLASS)
            # Out of the search index, where "6The U.S. drone strike…" would be the passage found.
            link = etree.Element("a", {"class": PARAGRAPH_NUMBER_CLASS, "href": f"#{anchor}", "data-search-exclude": "",
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
        labelled run: "Chronology: 29 Dec, 31 Dec 2019; 3 Jan 2020". Each link's words are a day and
        its month, which are also its name (a link named otherwise than it reads fails WCAG 2.5.3);
        the year follows the last day of each year. Events of one day share one link."""
        # Small print, not a span: Material's search indexer tracks what it skips by tag name, so the label's
        # </span> inside an excluded span let the dates after it into the index ("…Airport. 29, 31 Dec 2019").
        holder = etree.SubElement(paragraph, "small", {"class": EVENT_LINKS_CLASS, "data-search-exclude": ""})
        holder.text = " "
        element("span", "Chronology:", holder, class_="event-links-label").tail = " "
        by_day: dict[dt.date, list] = {}
        for event in sorted(events, key=lambda event: event.date):
            by_day.setdefault(dt.date.fromisoformat(event.date), []).append(event)
        days = list(by_day.items())
        for index, (day, same_day) in enumerate(days):
            following = days[index + 1][0] if index + 1 < len(days) else None
            what = "; ".join(event.what for event in same_day)
            link = etree.SubElement(holder, "a", {"class": "event-link", "href": f"{CHRONOLOGY_PAGE}#{event_anchor(same_day[0].id)}",
                                                  "title": as_text(f"In the chronology: {what}")})
            link.text = f"{day.day}\u00a0{day:%b}"  # no line break inside a date
            if following is None or following.year != day.year:
                link.tail = f"\u00a0{day.year}" + ("; " if following else "")
            else:
                link.tail = ", "


class ParagraphExtension(EditionExtension):
    def register(self, md: Markdown) -> None:
        # After inline parsing (20), so footnote markers can be told apart from the text.
        md.treeprocessors.register(ParagraphTreeprocessor(md, self), "edition-paragraphs", 12)


def makeExtension(**kwargs) -> ParagraphExtension:
    return ParagraphExtension(**kwargs)

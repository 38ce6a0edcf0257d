"""The edition's public addresses: page URLs, #fragment ids and the files published beside the pages,
and the class names the parts of the build find each other's HTML by.

The addresses are promises to citers (see anchors.lock), and the class names a contract between the
extensions that write the HTML and the steps that read it (the PDF, the fidelity and punctuation
checks), so every part of the edition that writes or reads one takes it from here.
"""

from __future__ import annotations

import re
from html import escape

# Pages the generated content links to, as Markdown files under docs/.
SOURCES_PAGE = "sources.md"
CHRONOLOGY_PAGE = "chronology.md"
CHANGES_PAGE = "changes.md"

# Files the build writes beside the pages.
DOWNLOADS_DIR = "downloads"
DOWNLOADS = {"sources.json": "CSL-JSON", "sources.bib": "BibTeX"}  # file → what it is, in the Sources page's order
OFFLINE_COPY = "iraq-restraint-edition-offline.zip"  # the whole site, to open from disk

# Class names of the HTML the extensions write, read by later steps.
PARAGRAPH_NUMBER_CLASS = "para-num"  # the ¶ number link at the start of an essay paragraph
EVENT_LINKS_CLASS = "event-links"  # the chronology links after an essay paragraph
ESSAY_PARAGRAPH_CLASS = "essay-paragraph"


# The #fragment ids the edition writes into pages itself: a page's own id may take none of them (OWN_ID).
SOURCE_PREFIX, PARAGRAPH_PREFIX, EVENT_PREFIX, TERM_PREFIX, VERSION_PREFIX = "src-", "p", "ev-", "term-", "v"
EDITORIAL_PREFIX = "ed-"  # an editorial note's, as [^ed-…] calls it and the editorial notes' page lists it
CITE_PANEL_ID = "cite"
FOOTNOTE_PREFIXES = ("fn:", "fnref:")  # Python-Markdown's footnotes extension writes them
OWN_ID = re.compile(rf"{PARAGRAPH_PREFIX}\d+|{CITE_PANEL_ID}|{VERSION_PREFIX}\d+\.\d+\.\d+|(?:" + "|".join(
    re.escape(p) for p in (SOURCE_PREFIX, EVENT_PREFIX, TERM_PREFIX, EDITORIAL_PREFIX, *FOOTNOTE_PREFIXES)) + ").*")


def source_anchor(source_id: str) -> str:
    return f"{SOURCE_PREFIX}{source_id}"


def version_anchor(version: str) -> str:
    return f"{VERSION_PREFIX}{version}"


def paragraph_anchor(number: int) -> str:
    return f"{PARAGRAPH_PREFIX}{number}"


def event_anchor(event_id: str) -> str:
    return f"{EVENT_PREFIX}{event_id}"


def term_anchor(term_id: str) -> str:
    return f"{TERM_PREFIX}{term_id}"


def page_path(file: str) -> str:
    """The URL path of a docs/ page under the site root, as MkDocs' directory URLs give it."""
    stem = file.removesuffix(".md")
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


def site_root(path: str | None, offline: bool = False) -> str:
    """The relative way from a built page (by its URL path) up to the site's root folder.

    "../" for about/index.html; the offline copy has one file per page (about.html) beside
    index.html, so its way up is empty.
    """
    if path is None or offline:
        return ""
    return "../" * path.count("/")


def permanent_url(site_url: str, path: str, fragment: str | None = None) -> str:
    return site_url.rstrip("/") + "/" + path + (f"#{fragment}" if fragment else "")


def download_link(href: str, label: str) -> str:
    """A link to a file the build writes beside the pages; the build adds the file's size to it."""
    return f'<a class="download" href="{escape(href)}" download>{escape(label)}</a>'


# The text of a link that is itself an address.
URL_TEXT = re.compile(r"(?:https?://|www\.)\S+")

# Where an address may break across lines, as Chicago (6.80) has it: after a run of slashes ("https://"
# stays whole), and before a dot, question mark, number sign, percent sign (an Arabic title in an address
# is a long run of them), tilde, equals sign, ampersand, plus (a space in a query), hyphen or underscore, so that the mark
# begins the next line, where no reader takes it for a hyphen the break added; a run of such marks
# ("-%d9") breaks before its first. Nowhere else: never inside "https" or "2020".
_MARKS = ".?#%~=&+_-"
_ADDRESS_BREAK = re.compile(rf"(?<=/)(?=[^/])|(?<=[^/{re.escape(_MARKS)}])(?=[{re.escape(_MARKS)}])")


def address_parts(url: str) -> list[str]:
    """An address cut where a line may break (see _ADDRESS_BREAK); joined, the parts are the address."""
    return [part for part in _ADDRESS_BREAK.split(url) if part]


# A part longer than this has no natural break for a phone's line (a hash, a run of letters): it may
# break anywhere rather than push the page sideways. The address's own parts are all shorter.
LONG_PART = 34


def part_class(part: str) -> str:
    """The class of an address's part: unbreakable, unless it is too long for a line."""
    return "url-part url-long" if len(part) > LONG_PART else "url-part"

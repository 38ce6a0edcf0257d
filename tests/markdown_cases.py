"""Shared by the "Markdown in, HTML out" tests of the edition's Python-Markdown extensions.

Each extension is run by Python-Markdown alone, without building the site: on a short literal
input, or on the whole text of a real page of docs/ when the extension must know which page it
renders (markers, cite_panel, aliases identify the page by its text). The tests take the real
edition from conftest's session fixture `edition` (loaded once per test session).
"""

from __future__ import annotations

import logging

import markdown
from bs4 import BeautifulSoup
from markdown.extensions.toc import TocExtension

LOGGER = "mkdocs.edition"


def mkdocs_extensions() -> list:
    """Python-Markdown's own extensions as mkdocs.yml lists them before the edition's."""
    return [TocExtension(permalink="#", permalink_title="Link to this section"), "footnotes", "attr_list"]


def convert(text: str, *extensions, mkdocs: bool = True) -> str:
    """Text through Python-Markdown with the given extensions (after mkdocs.yml's own three, unless mkdocs=False)."""
    return markdown.Markdown(extensions=[*(mkdocs_extensions() if mkdocs else []), *extensions]).convert(text)


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def edition_warnings(caplog) -> list[str]:
    """The warnings the edition's extensions logged (MkDocs' strict mode fails a build on each)."""
    return [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno >= logging.WARNING]


def page_text(edition, file: str) -> str:
    """The whole Markdown of a real page of docs/, as MkDocs hands it to the extensions."""
    return edition.docs.get(file).text

"""The edition's pages: which Markdown file a text comes from, and the permanent URL it is published at.

MkDocs renders each page with a fresh Markdown instance that is not told which file it renders.
The edition's pages are few and all under docs/, so the page is found by its text; this works the
same for MkDocs, a successor generator and the PDF.
"""

from __future__ import annotations

import re
from html import escape
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .context import DOCS_DIR, Edition, load_edition

_H1 = re.compile(r"^# +(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Page:
    file: str  # Markdown file under docs/, e.g. "about.md"
    title: str  # its first-level heading

    @property
    def path(self) -> str:
        """The page's URL path under the site root, as MkDocs' directory URLs give it."""
        return page_path(self.file)


def page_path(file: str) -> str:
    stem = file.removesuffix(".md")
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


def site_root(page: Page | None, offline: bool = False) -> str:
    """The relative path from a built page up to the site's root folder ("../" for about/index.html).

    The offline copy has one file per page (about.html) beside index.html, so its way up is empty.
    """
    if page is None or offline:
        return ""
    return "../" * page.path.count("/")


def download_link(href: str, label: str) -> str:
    """A link to a file the build writes beside the pages; the build adds the file's size to it."""
    return f'<a class="download" href="{escape(href)}" download>{escape(label)}</a>'


def permanent_url(site_url: str, path: str, fragment: str | None = None) -> str:
    return site_url.rstrip("/") + "/" + path + (f"#{fragment}" if fragment else "")


def _comparable(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def docs_pages(edition: Edition) -> list[Page]:
    """Every Markdown page under docs/, in file-name order."""
    pages = []
    for path in sorted((edition.root / DOCS_DIR).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = next((m[1] for line in text.splitlines() if (m := _H1.match(line))), path.stem)
        pages.append(Page(path.relative_to(edition.root / DOCS_DIR).as_posix(), title))
    return pages


def identify_page(edition: Edition, lines: list[str]) -> Page | None:
    """The docs/ page whose Markdown is these lines, or None (a fragment rendered on its own)."""
    text = _comparable("\n".join(lines))
    for page in docs_pages(edition):
        if _comparable((edition.root / DOCS_DIR / page.file).read_text(encoding="utf-8")) == text:
            return page
    return None


class PagePreprocessor(Preprocessor):
    """Find out which page of docs/ is being rendered (md.edition_page), for treeprocessors that need it."""

    def __init__(self, md: Markdown, root: Path):
        super().__init__(md)
        self.root = root

    def run(self, lines: list[str]) -> list[str]:
        self.md.edition_page = identify_page(load_edition(self.root), lines)
        return lines


def register_page_finder(md: Markdown, root: Path) -> None:
    """Register the page finder once, whichever edition extension asks first."""
    # Before whitespace normalisation (30): the lines are still those of the file.
    md.preprocessors.register(PagePreprocessor(md, root), "edition-page", 35)

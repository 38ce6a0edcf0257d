"""The one pass over the built HTML: each page is parsed once, given what MkDocs cannot write, and written once.

In order: the page's metadata (metadata.head_tags) at the end of its <head>, and, when every script
is in place, the Content-Security-Policy <meta> (see csp) first in the <head>; then, once the PDF and
the offline copy exist, each download link's size, and the page is written. The parsed pages are kept
for the output checks (sitecheck, fidelity, anchors), which read the same trees instead of parsing
the files again.

Pages are parsed with lxml (htmltree): over the site's pages it takes milliseconds where
BeautifulSoup's html.parser took half a second.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from .. import Edition
from ..htmltree import UnreadablePage, classes, parse_html, serialize
from ..model.addresses import permanent_url
from ..problems import Problem
from .csp import script_problems, template_scripts
from .metadata import file_size, head_tags


def parse(path: Path) -> HtmlElement:
    return parse_html(path.read_text(encoding="utf-8"))


def parse_or_empty(path: Path) -> HtmlElement:
    """For the checks that only read: a page that cannot be read has nothing to link to (postprocess
    reports it)."""
    try:
        return parse(path)
    except UnreadablePage:
        return lxml.html.document_fromstring("<html></html>")


MAX_DEPTH = 200  # elements inside elements: what the browsers' parsers bear


def depth(page: HtmlElement) -> int:
    """How deep the page's elements nest, counted without recursion."""
    deepest, stack = 0, [(page, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def read_page(site_dir: Path, html: Path, label: str = "site") -> tuple[HtmlElement | None, list[Problem]]:
    """A built page, parsed (None if it cannot be), and the problem that it cannot be read or written
    back whole. A page nested too deep is still given, so the other checks can read it."""
    name = f"{label}/{html.relative_to(site_dir).as_posix()}"
    try:
        page = parse(html)
    except UnreadablePage as error:
        return None, [Problem(name, 0, f"the built page holds no HTML that can be read ({error})",
                              "find what in its Markdown or template empties the page")]
    if (levels := depth(page)) > MAX_DEPTH:
        return page, [Problem(name, 0, f"the built page nests its elements {levels} levels deep (at most {MAX_DEPTH})",
                              "nest fewer blockquotes or lists in its Markdown")]
    return page, []


def tags(page: HtmlElement, name: str | None = None):
    """The elements (of one name) inside an element, in document order, without comments."""
    return page.iterdescendants(name) if name else page.iterdescendants(etree.Element)


def head_of(page: HtmlElement) -> HtmlElement | None:
    return page.find("head")


def is_redirect(page: HtmlElement) -> bool:
    head = head_of(page)
    return any((meta.get("http-equiv") or "").lower() == "refresh" for meta in (head if head is not None else page).iterfind("meta"))


def page_url_path(site_dir: Path, html: Path) -> str:
    """The URL path of a built page: "" for the home page, "sources/" for sources/index.html."""
    relative = html.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def add_head_tags(head: HtmlElement, edition: Edition, page, pdf_url: str | None) -> None:
    for tag in head_tags(edition, page, pdf_url):
        element = etree.SubElement(head, tag.name, dict(tag.attrs))
        element.text = tag.text
        element.tail = "\n"


def add_download_sizes(page: HtmlElement, folder: Path) -> None:
    """"Download PDF (171 KB)": each link to a file the build wrote says how big it is."""
    for link in tags(page, "a"):
        if "download" not in classes(link) or not link.get("href") or len(link) or not link.text:
            continue
        target = folder / link.get("href")
        if target.is_file():
            link.text = f"{link.text} ({file_size(target.stat().st_size)})"


def postprocess(site_dir: Path, edition: Edition, pdf: Path | None) -> tuple[dict[Path, HtmlElement], list[Problem]]:
    """Give every built page its metadata and policy, in one parsed pass; return the parsed pages, by
    path, and what in them would run without being the edition's own (see csp). Nothing is written
    yet: write_pages does it once the files the pages link to, and their sizes, are final."""
    pdf_url = permanent_url(edition.site_url, pdf.relative_to(site_dir).as_posix()) if pdf else None
    scripts = template_scripts(edition)
    parsed, problems = {}, []
    for html in sorted(site_dir.rglob("*.html")):
        page, unreadable = read_page(site_dir, html)
        if page is not None:
            parsed[html.resolve()] = page
        if unreadable:  # the build fails: the page is not finished, nor written
            problems += unreadable
            continue
        head = head_of(page)
        if head is None:
            problems += script_problems(f"site/{html.relative_to(site_dir).as_posix()}", page, frozenset())
            continue
        described = None if is_redirect(page) else edition.docs.at_path(page_url_path(site_dir, html))
        if described is not None:
            add_head_tags(head, edition, described, pdf_url)
        problems += scripts.secure(site_dir, html, page)
    return parsed, problems


def write_pages(parsed: dict[Path, HtmlElement]) -> None:
    """Each page, with its download links' sizes, written once (a page without a <head>, or nested too
    deep, is left as MkDocs wrote it: script_problems or read_page named it, and the build fails)."""
    for html, page in parsed.items():
        if head_of(page) is None or depth(page) > MAX_DEPTH:
            continue
        add_download_sizes(page, html.parent)
        html.write_text(serialize(page), encoding="utf-8")

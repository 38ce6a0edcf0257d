"""The one pass over the built HTML: each page is parsed once, given what MkDocs cannot write, and written once.

In order: the page's metadata (metadata.head_tags) at the end of its <head>, each download link's
size, and last, when every script is in place, the Content-Security-Policy <meta> (see csp) first in
the <head>. The parsed pages are kept for the output checks (sitecheck, anchors), which read the
same trees instead of parsing the files again.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..model import Edition
from ..model.addresses import permanent_url
from ..problems import Problem
from .csp import script_problems, template_scripts
from .metadata import file_size, head_tags


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def tags(soup: BeautifulSoup, name: str | None = None):
    """The page's elements (of one name) in document order.

    A plain walk: BeautifulSoup's find_all() runs its general filter on each element, which over
    a site's pages costs seconds where this costs milliseconds.
    """
    return (node for node in soup.descendants if isinstance(node, Tag) and (name is None or node.name == name))


def page_url_path(site_dir: Path, html: Path) -> str:
    """The URL path of a built page: "" for the home page, "sources/" for sources/index.html."""
    relative = html.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def is_redirect(soup: BeautifulSoup) -> bool:
    head = soup.head or soup
    return any(meta.get("http-equiv") == "refresh" for meta in head.find_all("meta", recursive=False))


def add_head_tags(soup: BeautifulSoup, edition: Edition, page, pdf_url: str | None) -> None:
    head = soup.head
    for tag in head_tags(edition, page, pdf_url):
        element = soup.new_tag(tag.name, attrs=tag.attrs)
        if tag.text is not None:
            element.string = tag.text
        head.append(element)
        head.append("\n")


def add_download_sizes(soup: BeautifulSoup, folder: Path) -> None:
    """"Download PDF (171 KB)": each link to a file the build wrote says how big it is."""
    for link in list(tags(soup, "a")):  # a list: changing a link's text would end a walk of the tree
        if "download" not in link.get("class", []) or not link.get("href"):
            continue
        target = folder / link["href"]
        if target.is_file() and link.string:
            link.string = f"{link.string} ({file_size(target.stat().st_size)})"


def postprocess(site_dir: Path, edition: Edition, pdf: Path | None) -> tuple[dict[Path, BeautifulSoup], list[Problem]]:
    """Finish every built page in one parsed pass; return the parsed pages, by path, for the checks,
    and what in them would run without being the edition's own (see csp)."""
    pdf_url = permanent_url(edition.site_url, pdf.relative_to(site_dir).as_posix()) if pdf else None
    scripts = template_scripts(edition)
    parsed, problems = {}, []
    for html in sorted(site_dir.rglob("*.html")):
        soup = parse(html)
        parsed[html.resolve()] = soup
        if soup.head is None:
            problems += script_problems(f"site/{html.relative_to(site_dir).as_posix()}", soup, frozenset())
            continue
        page = None if is_redirect(soup) else edition.docs.at_path(page_url_path(site_dir, html))
        if page is not None:
            add_head_tags(soup, edition, page, pdf_url)
        add_download_sizes(soup, html.parent)
        problems += scripts.secure(site_dir, html, soup)
        html.write_text(str(soup), encoding="utf-8")
    return parsed, problems

"""The one pass over the built HTML: each page is parsed once, given what MkDocs cannot write, and written once.

In order: the page's metadata (metadata.head_tags) at the end of its <head>, and, when every script
is in place, the Content-Security-Policy <meta> (see csp) first in the <head>; then, once the PDF and
the offline copy exist, each download link's size, and the page is written. The parsed pages are kept
for the output checks (sitecheck, fidelity, anchors), which read the same trees instead of parsing
the files again.

Pages are parsed with lxml (libxml2's HTML parser, which reads comments and the like as browsers
do): over the site's pages it takes milliseconds where BeautifulSoup's html.parser took half a
second. serialize writes them back in the form BeautifulSoup gave them (see its docstring).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from .. import Edition
from ..model.addresses import permanent_url
from ..problems import Problem
from .csp import script_problems, template_scripts
from .metadata import file_size, head_tags


class UnreadablePage(ValueError):
    """A built page libxml2 finds no HTML in (empty, or nothing but a comment)."""


def parse_html(text: str) -> HtmlElement:
    """A page's <html> element. Read as UTF-8 bytes, so an XML declaration is only a declaration, and
    with libxml2's depth limit lifted (`huge_tree`): a page nested deeper than 255 levels would
    otherwise be cut short without a word (MAX_DEPTH below refuses such pages instead)."""
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", errors="surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnreadablePage(str(error)) from None


def parse(path: Path) -> HtmlElement:
    return parse_html(path.read_text(encoding="utf-8"))


def parse_or_empty(path: Path) -> HtmlElement:
    """For the checks that only read: a page that cannot be read has nothing to link to (postprocess
    reports it)."""
    try:
        return parse(path)
    except UnreadablePage:
        return lxml.html.document_fromstring("<html></html>")


MAX_DEPTH = 200  # elements inside elements: what the writer (one call a level) and the browsers' parsers bear


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


PREFORMATTED = frozenset({"pre", "textarea", "script", "style", "code"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                  "param", "keygen", "basefont", "bgsound", "frame"})
HTML_SPACE = " \t\n\f\r"  # HTML's white space: a no-break or other Unicode space is text
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;")


def _write(element: HtmlElement, out: list[str], inside: bool) -> None:
    """An element, its content and its tail; inside: within an element whose white space is kept."""
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction: lxml writes those as HTML has them
        out.append(lxml.html.tostring(element, encoding="unicode", with_tail=False))
    else:
        kept = inside or tag in PREFORMATTED
        out.append(f"<{tag}")
        for name, value in sorted(element.attrib.items()):  # as BeautifulSoup wrote them, for the same bytes
            out.append(f' {name}="{_attribute(value)}"')
        out.append("/>" if tag in VOID else ">")
        # libxml2 does not know every void element (wbr, source, track…) and may put what follows
        # one inside it: that is written after it, where a browser puts it.
        if element.text:
            out.append(element.text if tag in RAW_TEXT else _text(_indentation(element.text, kept)))
        for child in element:
            _write(child, out, kept)
        if tag not in VOID:
            out.append(f"</{tag}>")
    if element.tail:
        out.append(_text(_indentation(element.tail, inside)))


def _indentation(text: str, kept: bool) -> str:
    """A run of spaces and line breaks between elements becomes one line break, as a browser shows it
    anyway: Material's templates indent every line, which costs an essay page 4 KB (400 bytes gzipped).
    Nothing inside pre, textarea, script, style or code is touched."""
    return "\n" if not kept and "\n" in text and not text.strip(HTML_SPACE) else text


def serialize(page: HtmlElement) -> str:
    """The page as HTML, every attribute with its value (`hidden=""`) and every void element closed
    (`<meta …/>`), as an XML-minded reader expects. Written here because libxml2's writer leaves the
    value out of boolean attributes (`checked`) and writes `<input …>`: Firefox Reader View's
    JSDOMParser, which takes pages as its browser serializes them, reads neither."""
    # HTML's own doctype, whatever the page had: libxml2 gives a page without one HTML 4's.
    out = ["<!DOCTYPE html>\n"]
    for before in reversed(list(page.itersiblings(preceding=True))):
        _write(before, out, False)
    _write(page, out, False)
    for after in page.itersiblings():
        _write(after, out, False)
    return "".join(out) + "\n"


def tags(page: HtmlElement, name: str | None = None):
    """The elements (of one name) inside an element, in document order, without comments."""
    return page.iterdescendants(name) if name else page.iterdescendants(etree.Element)


def classes(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


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

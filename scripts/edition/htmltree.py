"""HTML as lxml trees: how the edition reads HTML and writes it back, outside Python-Markdown's own tree.

Pages, and pieces of HTML (Pandoc's notes, the Cite panel's forms, the PDF's print document), are
parsed by libxml2's HTML parser, through lxml, which reads comments and the like as browsers do;
searched with CSS selectors (cssselect, which lxml compiles to XPath); and written back by
`serialize` and `inner_html` in the form BeautifulSoup gave them (see serialize's docstring).
"""

from __future__ import annotations

from functools import cache

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement


class UnreadablePage(ValueError):
    """A built page libxml2 finds no HTML in (empty, or nothing but a comment)."""


def parse_html(text: str) -> HtmlElement:
    """A page's <html> element. Read as UTF-8 bytes, so an XML declaration is only a declaration, and
    with libxml2's depth limit lifted (`huge_tree`): a page nested deeper than 255 levels would
    otherwise be cut short without a word (postprocess.MAX_DEPTH refuses such pages instead)."""
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", errors="surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise UnreadablePage(str(error)) from None


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
    """An element, its content and its tail; inside: within an element whose white space is kept.
    Written without recursion, so that no depth of nesting runs out of Python's stack."""
    if not isinstance(element.tag, str):  # a comment or processing instruction: lxml writes those as HTML has them
        out.append(lxml.html.tostring(element, encoding="unicode", with_tail=False))
        if element.tail:
            out.append(_text(_indentation(element.tail, inside)))
        return
    kept = [inside]  # for each element open, and the one around them: is its white space kept?
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        tag = node.tag
        if event == "start":
            kept.append(kept[-1] or tag in PREFORMATTED)
            out.append(f"<{tag}")
            for name, value in sorted(node.attrib.items()):  # as BeautifulSoup wrote them, for the same bytes
                out.append(f' {name}="{_attribute(value)}"')
            out.append("/>" if tag in VOID else ">")
            # libxml2 does not know every void element (wbr, source, track…) and may put what follows
            # one inside it: that is written after it, where a browser puts it.
            if node.text:
                out.append(node.text if tag in RAW_TEXT else _text(_indentation(node.text, kept[-1])))
            continue
        if event == "end":
            kept.pop()
            if tag not in VOID:
                out.append(f"</{tag}>")
        else:
            out.append(lxml.html.tostring(node, encoding="unicode", with_tail=False))
        if node.tail:
            out.append(_text(_indentation(node.tail, kept[-1])))


def _indentation(text: str, kept: bool) -> str:
    """A run of spaces and line breaks between elements becomes one line break, as a browser shows it
    anyway: Material's templates indent every line, which costs an essay page 4 KB (400 bytes gzipped).
    Nothing inside pre, textarea, script, style or code is touched."""
    return "\n" if not kept and "\n" in text and not text.strip(HTML_SPACE) else text


def serialize(page: HtmlElement) -> str:
    """The page as HTML, every attribute with its value (`hidden=""`) and every void element closed
    (`<meta …/>`), as an XML-minded reader expects: Firefox Reader View's JSDOMParser, which takes
    pages as its browser serializes them, reads an attribute only as name="value".

    Written here because no writer at hand gives that (each was tried on the built site):
    lxml.html.tostring writes Material's `<input checked>` bare, JSDOMParser loses its place, and
    Reader View finds no article on any page; etree.tostring(method="xml"), and libxml2's XHTML
    mode, escape the inline scripts' `&&` and `<`, which breaks them and their policy's hashes;
    html5lib's serializer (its last release is of 2020) does not know that <wbr> is void and
    writes `<wbr></wbr>`, which the Nu HTML Checker refuses, and takes five to eight times as long."""
    # HTML's own doctype, whatever the page had: libxml2 gives a page without one HTML 4's.
    out = ["<!DOCTYPE html>\n"]
    for before in reversed(list(page.itersiblings(preceding=True))):
        _write(before, out, False)
    _write(page, out, False)
    for after in page.itersiblings():
        _write(after, out, False)
    return "".join(out) + "\n"


def fragment(html: str) -> HtmlElement:
    """A piece of HTML (Pandoc's output, a note, a form, a run of rendered pages) parsed as the content of a
    <body>, which is returned: its text and children are the piece. What libxml2 put inside a void element it
    does not know (`<wbr>`, `<source>`…) is moved after it, where a browser has it."""
    body = parse_html(f"<html><body>{html}").find("body")
    for void in list(body.iter(*VOID)):
        _emptied(void)
    return body


def _emptied(void: HtmlElement) -> None:
    """A void element's text and children put after it, its tail after them."""
    if void.text is None and not len(void):
        return
    tail, void.tail, void.text = void.tail, void.text, None
    last = void
    for child in list(void):
        last.addnext(child)
        last = child
    last.tail = (last.tail or "") + (tail or "") or None


def inner_html(element: HtmlElement) -> str:
    """What an element holds, as HTML, white space as it is (see serialize for the form)."""
    out = [(element.text if element.tag in RAW_TEXT else _text(element.text)) if element.text else ""]
    for child in element:
        _write(child, out, True)
    return "".join(out)


def outer_html(element: HtmlElement) -> str:
    """An element as HTML, and the text after it, white space as it is (see serialize for the form)."""
    out: list[str] = []
    _write(element, out, True)
    return "".join(out)


def replace_text(element: HtmlElement, slot: str, pieces: list) -> None:
    """Put pieces (strings and new elements, in order) where an element's text or tail (slot) was."""
    strings = []
    while pieces and isinstance(pieces[0], str):
        strings.append(pieces.pop(0))
    setattr(element, slot, "".join(strings) or None)
    last = None
    for piece in pieces:
        if isinstance(piece, str):
            last.tail = (last.tail or "") + piece or None
            continue
        piece.tail = None
        if last is not None:
            last.addnext(piece)
        elif slot == "text":
            element.insert(0, piece)
        else:
            element.addnext(piece)
        last = piece


def text_runs(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Every run of text inside root, in document order, as (element, "text" or "tail"): a comment's text is
    not among them, the text after it is."""
    found = []
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start" and element.text:
            found.append((element, "text"))
        elif event != "start" and element is not root and element.tail:
            found.append((element, "tail"))
    return found


@cache
def _selector(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


def select(root: HtmlElement, css: str) -> list[HtmlElement]:
    """The elements inside root (root itself apart) that a CSS selector matches, in document order."""
    return [element for element in _selector(css)(root) if element is not root]


def select_one(root: HtmlElement, css: str) -> HtmlElement | None:
    return next(iter(select(root, css)), None)


def classes(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def is_element(node) -> bool:
    """An element, not a comment, a processing instruction or a run of text."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)

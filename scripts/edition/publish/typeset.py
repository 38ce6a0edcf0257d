"""The print document written out as Typst markup: calls to the book template's functions.

The writer knows only the content's structure (a page of the site, a paragraph and its number, a
note, a link, an address in parts, a list, a table); the template (`print/book.typ`)
decides how each looks. Every text is escaped, so nothing in the edition's content can become Typst
code. Written by hand over the parsed tree because no library converts HTML to Typst; Pandoc does,
but it would drop the classes (a note's kind, an address's parts, a paragraph's number) the book is
laid out by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ..htmltree import classes, is_element, select, select_one
from ..model.addresses import PARAGRAPH_NUMBER_CLASS
from ..model.rawhtml import NESTING, NESTING_TAGS

TEMPLATE = "print/book.typ"  # from the project's root, which is Typst's root

# Typst's markup gives meaning to most ASCII punctuation (`#`, `*`, `_`, `[`, `//`, `$`, `<`, `@`, `~`,
# `'`, `"`, "-" and "." in "--" or "...", a list marker at a line's start); each is written escaped.
_PUNCTUATION = re.compile(r"""([\\#*_`$<>@=\-+/\[\]~'":.,;!?(){}%&|^])""")
# HTML's whitespace, and the separators Typst would read as a line's or a paragraph's end: one space each.
_SPACE = re.compile(r"[ \t\r\n\f\v\u0085\u2028\u2029]+")
# A label may hold letters, digits and "_-:."; an id with anything else, or one that could be taken for a
# made label ("x-…"), is written as "x-" and its bytes in hexadecimal, so no two ids share a label.
_LABEL = re.compile(r"(?!x-)[A-Za-z0-9_][A-Za-z0-9_\-:.]*")
# Words set in the margin, or only on the web: not in the book's text.
_DROPPED = {"script", "style", "select", "option", "label", "button", "input", "form", "noscript", "template", "wbr"}
_LIST_TAGS = {"ul", "ol"}
_BLOCK_TAGS = {"p", "div", "section", "nav", "article", "aside", "header", "footer", "details", "summary",
               "blockquote", "ul", "ol", "dl", "table", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
               "hr", "pre", "li", "dt", "dd", "main"}


def escape(text: str) -> str:
    """Text as Typst markup that sets exactly these characters (whitespace as one space, as HTML does)."""
    return _PUNCTUATION.sub(r"\\\1", _SPACE.sub(" ", text))


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _kind(tag: HtmlElement) -> str:
    return string(" ".join(classes(tag)))


def _nodes(element: HtmlElement):
    """What an element holds, in order: its runs of text, and its children (comments among them)."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


def _span(cell: HtmlElement, attribute: str) -> int:
    """How many columns or rows a cell spans: HTML's rule, a whole number from 1 (1000 columns, 65534 rows at most)."""
    value = cell.get(attribute, "1")
    digits = re.match(r"\s*([0-9]+)", value, re.ASCII) if isinstance(value, str) else None  # "2.5" is 2, "²" none
    return max(1, min(int(digits[1]) if digits else 1, 1000 if attribute == "colspan" else 65534))


def page_of(writer: Writer, line: int) -> str:
    """The marker id of the page of the site the source's line was written from ("" before the first)."""
    return max(((start, page) for start, page in writer.lines if start <= line), default=(0, ""))[1]


@dataclass
class Writer:
    """One print document's Typst markup; the files of the project it shows (images) are in `files`, and
    what it could not write, by the page of the site it was on, in `problems`."""

    ids: set[str]
    files: dict[PurePosixPath, str] = field(default_factory=dict)  # each picture, and the first page showing it
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (the page's marker id, what is wrong, the fix)
    labelled: set[str] = field(default_factory=set)
    page: str = ""  # the marker id of the page of the site being written
    lines: list[tuple[int, str]] = field(default_factory=list)  # the source's line where each page begins

    def label(self, id_: str) -> str:
        """A label for an element's id, the same for a link to it."""
        return id_ if _LABEL.fullmatch(id_) else "x-" + id_.encode().hex()

    def anchor(self, tag: HtmlElement) -> str:
        """Where links to an element land: an empty mark labelled with its id (once per id)."""
        id_ = tag.get("id")
        if not isinstance(id_, str) or not id_ or id_ in self.labelled:
            return ""
        self.labelled.add(id_)
        return f"#metadata(none)#label({string(self.label(id_))})"

    # Blocks ------------------------------------------------------------------------------------
    def blocks(self, nodes) -> str:
        """A run of nodes as blocks: loose inline content between block elements becomes a paragraph."""
        out, inline = [], []

        def flush() -> None:
            text = "".join(inline).strip()
            if text:
                out.append(f"#par[{text}]")
            inline.clear()

        for node in nodes:
            if is_element(node) and self._is_block(node):
                flush()
                written = self.block(node)
                if written:
                    out.append(written)
            else:
                inline.append(self.inline(node))
        flush()
        return "\n\n".join(out)

    def _is_block(self, tag: HtmlElement) -> bool:
        if "event-date" in classes(tag):  # set beside the event, not in its line
            return True
        return tag.tag in _BLOCK_TAGS or any(is_element(c) and self._is_block(c) for c in tag) \
            if tag.tag not in ("a", "span", "em", "strong") else False

    def block(self, tag: HtmlElement) -> str:
        if tag.get("hidden") is not None or tag.tag in _DROPPED:
            return ""
        depth = sum(1 for parent in tag.iterancestors() if parent.tag in NESTING_TAGS)
        if depth > NESTING:  # Typst's layout stops some way beyond; say so once, by the page
            problem = (self.page, f"nests lists, quotations or blocks more than {NESTING} deep, which the PDF cannot set",
                       "nest them less deeply")
            if problem not in self.problems:
                self.problems.append(problem)
            return ""
        name, anchor = tag.tag, self.anchor(tag)
        if re.fullmatch(r"h[1-6]", name):
            level = min(int(name[1]), 3)
            return f"#heading(level: {level})[{self.inlines(tag)}]{anchor}"
        if name == "p":
            number = select_one(tag, f"a.{PARAGRAPH_NUMBER_CLASS}")  # its words are left out of the line (see inline)
            if number is not None:
                text = number.text_content().strip()
                return f"#para(kind: {_kind(tag)}, number: {string(text)})[{anchor}{self.wrapped(tag, self.inlines(tag))}]"
            return f"#para(kind: {_kind(tag)})[{anchor}{self.wrapped(tag, self.inlines(tag))}]"
        if name == "nav" and "contents" in classes(tag):
            title = select_one(tag, ".contents-title")
            return f"#contents(title: [{self.inlines(title) if title is not None else 'Contents'}])"
        if name in _LIST_TAGS:
            entries = [f"[{self.anchor(li)}{self.blocks(_nodes(li))}]" for li in tag.iterchildren("li")]
            ordered = "true" if name == "ol" else "false"
            return f"#items(kind: {_kind(tag)}, ordered: {ordered}, {', '.join(entries)}){anchor}"
        if name == "dl":
            pairs = []
            for term in tag.iterchildren("dt"):
                description = next(term.itersiblings("dd", "dt"), None)
                text = self.blocks(_nodes(description)) if description is not None and description.tag == "dd" else ""
                pairs.append(f"([{self.anchor(term)}{self.inlines(term)}], [{text}])")
            return f"#definitions(kind: {_kind(tag)}, {', '.join(pairs)}){anchor}"
        if name == "table":
            return anchor + self.table(tag)
        if name == "hr":
            return "#line(length: 100%)"
        if name == "pre":
            return f"#raw(block: true, {string(tag.text_content())})"
        if name == "blockquote":
            return f"#quote(block: true)[{anchor}{self.blocks(_nodes(tag))}]"
        if name == "time" and "event-date" in classes(tag):
            return f"#event-date[{self.inlines(tag)}]"
        body = self.blocks(_nodes(tag))
        if not body and not anchor:
            return ""
        return f"#division(kind: {_kind(tag)})[{anchor}\n{self.wrapped(tag, body)}\n]"

    def table(self, tag: HtmlElement) -> str:
        """The table's own rows (not those of a table in one of its cells), each as wide as the widest, counting
        the cells that span columns and those that reach down from the rows above."""
        caption = tag.find(".//caption")
        own = [row for row in tag.iter("tr") if next(row.iterancestors("table"), None) is tag]
        spans = [[(_span(cell, "colspan"), _span(cell, "rowspan"), cell) for cell in row.iterchildren("th", "td")] for row in own]
        filled = [0] * len(own)  # per row: the columns taken by cells of rows above
        for number, cells in enumerate(spans):
            for columns, down, _ in cells:
                for below in range(number + 1, min(number + down, len(own))):
                    filled[below] += columns
        width = max([filled[n] + sum(c for c, _, _ in cells) for n, cells in enumerate(spans)], default=1) or 1
        header, rows = [], []
        for number, (row, cells) in enumerate(zip(own, spans, strict=True)):
            # A cell reaches down no further than the table's last row, as in a browser.
            written = [self.cell(cell, columns, min(down, len(own) - number)) for columns, down, cell in cells]
            written += ["[]"] * (width - filled[number] - sum(c for c, _, _ in cells))
            if row.getparent() is not None and row.getparent().tag == "thead" and not rows:
                header += written
            else:
                rows.append(written)
        caption_text = f"[{self.inlines(caption)}]" if caption is not None else "none"
        return (f"#data-table(kind: {_kind(tag)}, columns: {width}, caption: {caption_text}, "
                f"header: ({''.join(c + ', ' for c in header)}), "
                f"rows: ({''.join('(' + ''.join(c + ', ' for c in cells) + '), ' for cells in rows)}))")

    def cell(self, cell: HtmlElement, columns: int, rows: int) -> str:
        blocks = any(is_element(child) and self._is_block(child) for child in cell)
        body = f"[{self.anchor(cell)}{self.wrapped(cell, self.blocks(_nodes(cell)) if blocks else self.inlines(cell))}]"
        if columns == rows == 1:
            return body
        return f"table.cell(colspan: {columns}, rowspan: {rows}, {body})"

    # Inline content ----------------------------------------------------------------------------
    def inlines(self, tag: HtmlElement | None) -> str:
        if tag is None:
            return ""
        return "".join(self.inline(child) for child in _nodes(tag)).strip()

    def inline(self, node) -> str:
        if isinstance(node, str):
            return escape(node)
        if not is_element(node) or node.get("hidden") is not None or node.tag in _DROPPED:  # a comment, or not printed
            return ""
        if self._is_block(node):  # a block inside a line: its words, kept in the line
            return " " + self.inlines(node) + " "
        name, kinds, anchor = node.tag, classes(node), self.anchor(node)
        if name == "span" and "footnote" in kinds:
            after = "true" if "after-call" in kinds else "false"
            return f"#note(kind: {_kind(node)}, after-call: {after})[{self.inlines(node).strip()}]{anchor}"
        if name == "a" and PARAGRAPH_NUMBER_CLASS in kinds:  # the paragraph's number, which the template hangs in the margin
            return anchor
        if name == "a":
            return anchor + self.link(node)
        if name == "span" and "address" in kinds:
            return anchor + self.address([(node.text_content(), False)])
        if name == "span" and "editorial-label" in kinds:
            return f"#editorial-label[{self.inlines(node)}]"
        if name in ("em", "i", "cite", "dfn"):
            return f"{anchor}#emph[{self.inlines(node)}]"
        if name in ("strong", "b"):
            return f"{anchor}#strong[{self.inlines(node)}]"
        if name == "code":
            return f"{anchor}#raw({string(node.text_content())})"
        if name == "sup":
            return f"{anchor}#super[{self.inlines(node)}]"
        if name == "sub":
            return f"{anchor}#sub[{self.inlines(node)}]"
        if name == "br":
            return "#linebreak()"
        if name == "abbr":
            return f"{anchor}#name[{self.inlines(node)}]"
        if name == "img":
            return anchor + self.image(node)
        return anchor + self.wrapped(node, self.inlines(node))

    def wrapped(self, tag: HtmlElement, markup: str) -> str:
        """Markup in the language and direction the element declares, where it declares one."""
        lang, direction = tag.get("lang"), tag.get("dir")
        match = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}))?(?:-.*)?", lang) \
            if isinstance(lang, str) else None
        args = []
        if match is not None:
            args.append(f"lang: {string(match[1].lower())}")
            if match[3]:
                args.append(f"region: {string(match[3].upper())}")
        if direction in ("rtl", "ltr"):
            args.append(f"dir: {direction}")
        return f"#in-language({', '.join(args)})[{markup}]" if args else markup

    def link(self, tag: HtmlElement) -> str:
        parts = [(part.text_content(), "url-long" in classes(part)) for part in select(tag, "span.url-part")]
        body = self.address(parts) if parts else self.inlines(tag)
        href = tag.get("href")
        if not isinstance(href, str):
            return body
        if href.startswith("#"):
            target = unquote(href[1:])
            return f"#link(label({string(self.label(target))}))[{body}]" if target in self.ids else body
        if urlsplit(href).scheme in ("http", "https", "mailto"):
            return f"#link({string(href)})[{body}]"
        return body

    def address(self, parts: list[tuple[str, bool]]) -> str:
        return "#address(" + ", ".join(f"({string(text)}, {'true' if long else 'false'})" for text, long in parts) + ")"

    def image(self, tag: HtmlElement) -> str:
        """A picture of the project, by its path from the page as a browser reads it (decoded, without a query
        or fragment); PDF/UA wants words for it."""
        src, alt = tag.get("src"), tag.get("alt")
        if not isinstance(src, str) or not src.strip():
            self.problems.append((self.page, "shows a picture with no address (src)", "give the picture its file's path"))
            return ""
        address = urlsplit(src.strip())
        name = unquote(address.path)
        path = PurePosixPath("docs", name)
        if address.scheme or address.netloc or name.startswith("/") or ".." in path.parts or "\0" in name:
            self.problems.append((self.page, f"shows a picture from {src}: the PDF may show only files of the project",
                                  "show a file of the project, by its path from the page (as the site does)"))
            return ""
        if not isinstance(alt, str) or not alt.strip():
            self.problems.append((self.page, f"shows {name} with no words for it (alt), which a tagged PDF needs",
                                  "say in the alt text what the picture shows"))
            return ""
        self.files.setdefault(path, self.page)
        return f"#picture({string('/' + path.as_posix())}, alt: {string(alt)})"


def book(html: HtmlElement, paper: str) -> tuple[str, Writer]:
    """The print document (its parsed <html> element, which is not changed) as a Typst source that imports
    the template, and the writer's findings."""
    ids = {tag.get("id") for tag in html.iter() if is_element(tag) and tag.get("id") is not None}
    writer = Writer(ids)
    head, body = html.find("head"), html.find("body")

    def meta(name: str) -> list[str]:
        return [m.get("content", "") for m in (head.iter("meta") if head is not None else []) if m.get("name") == name]

    title = head.find(".//title") if head is not None else None
    title = title.text_content() if title is not None else ""
    lang = html.get("lang", "en")
    created = (meta("dcterms.created") or [""])[0]
    date = "auto"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", created):
        year, month, day = (int(x) for x in created.split("-"))
        date = f"datetime(year: {year}, month: {month}, day: {day})"
    keywords = [k.strip() for k in ",".join(meta("keywords")).split(",") if k.strip()]
    sections, current, kind = [], [], None
    for node in (_nodes(body) if body is not None else []):
        if is_element(node) and "pdf-page" in classes(node):
            if current or kind:
                sections.append((kind, current))
            kind, current = " ".join(c for c in classes(node) if c != "pdf-page"), [node]
        else:
            current.append(node)
    sections.append((kind, current))
    parts = [f"#import {string('/' + TEMPLATE)}: *",
             f"#show: book.with(title: {string(title)}, authors: ({''.join(string(a) + ', ' for a in meta('author'))}), "
             f"description: {string((meta('description') or [''])[0])}, keywords: ({''.join(string(k) + ', ' for k in keywords)}), "
             f"date: {date}, lang: {string(lang.split('-')[0].lower())}, paper: {string('us-letter' if paper == 'letter' else 'a4')})"]
    for kind, nodes in sections:
        writer.page = nodes[0].get("id", "") if kind else ""
        start = sum(part.count("\n") + 2 for part in parts) + 1  # the line the section begins on
        markup = writer.blocks(nodes)
        parts.append(f"#section(kind: {string(kind)})[\n{markup}\n]" if kind else markup)
        writer.lines.append((start, writer.page))
    return "\n\n".join(parts) + "\n", writer

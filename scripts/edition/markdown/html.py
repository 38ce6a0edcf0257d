"""Small helpers for building the HTML the edition's Markdown extensions add to a page."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as etree

from ..model.addresses import address_parts, part_class

# Inside <script>, "<!--" and "</script" change how HTML reads the rest of the page, whatever the
# script's type; JSON may write these characters as \u escapes instead, and then no text can do that.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(value, **options) -> str:
    """JSON to put inside a <script> element (data blocks, JSON-LD, a script's argument): markup-proof."""
    return json.dumps(value, ensure_ascii=False, **options).translate(_SCRIPT_SAFE)


def as_text(value: str | None) -> str | None:
    """Data as tree text: Python-Markdown's serializer writes "&amp;" or "&lt;" found in the tree as
    the entity it looks like (so that Markdown's own entities survive); data is text, so its "&" is
    handed over as "&amp;", and "&lt;" typed in a title reads "&lt;", not "<"."""
    return value.replace("&", "&amp;") if value else value


def element(tag: str, text: str | None = None, parent: etree.Element | None = None, **attrs) -> etree.Element:
    """A new element whose text and attributes are data: shown as the characters given (see as_text)."""
    attrs = {k.rstrip("_").replace("_", "-"): as_text(v) for k, v in attrs.items()}
    new = etree.Element(tag, attrs) if parent is None else etree.SubElement(parent, tag, attrs)
    new.text = as_text(text)
    return new


def address(parent: etree.Element, url: str, **attrs) -> etree.Element:
    """A link whose text is its address, breakable only where address_parts allows (each part an
    unbreakable span.url-part, a <wbr> between parts), as citeproc.pandoc.breakable_addresses makes
    the addresses in formatted notes."""
    link = element("a", None, parent, href=url, **attrs)
    link.set("class", " ".join(filter(None, [link.get("class"), "url"])))
    for index, part in enumerate(address_parts(url)):
        if index:
            etree.SubElement(link, "wbr")
        element("span", part, link, class_=part_class(part))
    return link


def prepend(parent: etree.Element, child: etree.Element) -> None:
    """Make child the first thing in parent, before its text."""
    child.tail = parent.text
    parent.text = None
    parent.insert(0, child)


def append_text(parent: etree.Element, text: str) -> None:
    text = as_text(text)
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def long_date(iso: str, month: str = "%B") -> str:
    """"14 September 2019", "March 2020" or "2020": a date as precise as it is known."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return dt.date(*parts).strftime(f"%-d {month} %Y")
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1).strftime(f"{month} %Y")
    return str(parts[0])


def short_date(iso: str) -> str:
    """"14 Sep 2019": a date for a column."""
    return long_date(iso, "%b")

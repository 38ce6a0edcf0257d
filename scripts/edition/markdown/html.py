"""Small helpers for building the HTML the edition's Markdown extensions add to a page."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree


def element(tag: str, text: str | None = None, parent: etree.Element | None = None, **attrs) -> etree.Element:
    attrs = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    new = etree.Element(tag, attrs) if parent is None else etree.SubElement(parent, tag, attrs)
    new.text = text
    return new


def prepend(parent: etree.Element, child: etree.Element) -> None:
    """Make child the first thing in parent, before its text."""
    child.tail = parent.text
    parent.text = None
    parent.insert(0, child)


def append_text(parent: etree.Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def long_date(iso: str) -> str:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return dt.date(*parts).strftime("%-d %B %Y")
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1).strftime("%B %Y")
    return str(parts[0])

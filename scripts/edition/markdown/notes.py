"""Python-Markdown extension: citation markers `[^source-id]` become footnotes formatted from the registry.

A source's first citation in a document gets the full Chicago note, later ones the short note.
Editorial notes `[^ed-…]` become footnotes marked as the editor's. Every footnote label is made
unique across the edition (`<id>.p<N>`), so pages can be merged into one document for print.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as etree
from html import escape

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ..model import Edition
from ..model.addresses import SOURCES_PAGE, source_anchor
from ..model.docs import DEFINITION, blocks, code_lines, replace_references
from .base import EditionExtension, EditionPreprocessor, log
from .html import prepend


class CitationPreprocessor(EditionPreprocessor):
    def run(self, lines: list[str]) -> list[str]:
        edition = self.extension.edition_or_none()
        if edition is None:
            return lines
        text = "\n".join(lines)
        own_definitions = {m[1] for line in lines if (m := DEFINITION.match(line))}
        line_paragraph: dict[int, str] = {}
        for block in blocks(text):
            number = edition.essay.paragraph_number(block.plain)
            base = f"p{number}" if number else "x" + hashlib.sha1(block.text.encode()).hexdigest()[:6]
            for offset in range(block.text.count("\n") + 1):
                line_paragraph[block.line - 1 + offset] = base

        seen: set[str] = set()
        labels: set[str] = set()
        definitions: list[str] = []

        def relabel(match, index: int) -> str:
            key = match[1]
            if key in own_definitions:
                return match[0]
            if key not in edition.registry and key not in edition.editorial:
                log.warning("unknown source id '%s' in a citation: add sources/%s.yml or fix the id", key, key)
                return match[0]
            base = f"{key}.{line_paragraph.get(index, 'x')}"
            label, k = base, 2
            while label in labels:
                label, k = f"{base}-{k}", k + 1
            labels.add(label)
            definitions.append(self.definition(edition, label, key, first=key not in seen))
            seen.add(key)
            return f"[^{label}]"

        code = code_lines(lines)
        out = []
        for index, line in enumerate(lines):
            if DEFINITION.match(line) or index in code:
                out.append(line)
            else:
                out.append(replace_references(line, lambda m, i=index: relabel(m, i)))
        return out + [""] + definitions

    def definition(self, edition: Edition, label: str, key: str, first: bool) -> str:
        if key in edition.editorial:
            # The note is data, so text: stashed escaped, never read as Markdown or HTML.
            note = escape(" ".join(edition.editorial[key].text.split()), quote=False)
            return f"[^{label}]: " + self.md.htmlStash.store(f'<span class="editorial-label">Editor’s note:</span> {note}')
        notes = edition.notes[key]
        source = edition.registry[key]
        note = self.md.htmlStash.store(
            f'<span class="citation" data-source="{key}">{notes.full if first else notes.short}</span>')
        status = "Source record" if source.verified else "Source record (partly confirmed)"
        return f"[^{label}]: {note} [{status}]({SOURCES_PAGE}#{source_anchor(key)})"


class FootnoteKindTreeprocessor(Treeprocessor):
    """Mark each footnote with its kind, so editorial notes look unlike source citations."""

    def run(self, root: etree.Element) -> None:
        for block in root.iter("div"):
            if "footnote" in block.get("class", "").split():
                # Out of the search index: every note is on the Sources page, which search finds.
                block.set("data-search-exclude", "")
        for item in root.iter("li"):
            note_id = item.get("id", "")
            if note_id.startswith("fn:"):
                kind = "editorial-note" if note_id[3:].startswith("ed-") else "citation-note"
                item.set("class", " ".join(filter(None, [item.get("class"), kind])))


class AdjacentCallsTreeprocessor(Treeprocessor):
    """Note calls: a comma between two that touch, so ¹⁰ ¹¹ never reads as ¹⁰¹¹; and none in the search
    index, where a number glued to the next word ("…on Jan. 31 was") would garble the passage found."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            previous = None
            for child in parent:
                is_call = child.tag == "sup" and child.get("id", "").startswith("fnref")
                if is_call:
                    child.set("data-search-exclude", "")
                if is_call and previous is not None and not (previous.tail or "").strip():
                    separator = etree.Element("span", {"class": "note-separator"})
                    separator.text = ","
                    prepend(child, separator)
                previous = child if is_call else None


class NotesExtension(EditionExtension):
    def register(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before raw HTML is stashed (20) and footnotes are read.
        md.preprocessors.register(CitationPreprocessor(md, self), "edition-notes", 25)
        # After the footnotes div is built (50) and inline content parsed (20).
        md.treeprocessors.register(FootnoteKindTreeprocessor(md), "edition-footnote-kind", 16)
        md.treeprocessors.register(AdjacentCallsTreeprocessor(md), "edition-adjacent-calls", 15)


def makeExtension(**kwargs) -> NotesExtension:
    return NotesExtension(**kwargs)

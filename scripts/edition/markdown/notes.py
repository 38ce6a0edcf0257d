"""Python-Markdown extension: citation markers `[^source-id]` become footnotes formatted from the registry.

A source's first citation in a document gets the full Chicago note, later ones the short note.
Sources cited side by side (`[^a][^b]`) share one note, as Chicago does.
Editorial notes `[^ed-…]` become footnotes marked as the editor's. Every footnote label is made
unique across the edition (`<id>.p<N>`), so pages can be merged into one document for print.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as etree
from html import escape

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .. import Edition
from ..htmltree import fragment, inner_html, text_runs
from ..model.addresses import EDITORIAL_PREFIX, SOURCES_PAGE, paragraph_anchor, source_anchor
from ..model.docs import DEFINITION, blocks, code_lines, references
from ..model.ledgers import Claim, ends_a_sentence
from ..model.sources import Source
from .base import EditionExtension, EditionPreprocessor, log
from .html import prepend

RECORDS_LABEL = "Source records: "  # before the links to the records of a note citing several


class CitationPreprocessor(EditionPreprocessor):
    def run(self, lines: list[str]) -> list[str]:
        edition = self.extension.edition
        text = "\n".join(lines)
        own_definitions = {m[1] for line in lines if (m := DEFINITION.match(line))}
        line_paragraph: dict[int, str] = {}
        line_number: dict[int, int | None] = {}
        for block in blocks(text):
            number = edition.essay.paragraph_number(block.plain)
            base = paragraph_anchor(number) if number else "x" + hashlib.sha1(block.text.encode()).hexdigest()[:6]
            for offset in range(block.text.count("\n") + 1):
                line_paragraph[block.line - 1 + offset] = base
                line_number[block.line - 1 + offset] = number

        seen: set[str] = set()
        labels: set[str] = set()
        definitions: list[str] = []
        markers: dict[tuple[int | None, str], int] = {}  # notes so far citing a source in a paragraph

        def relabel(run: list[str], index: int) -> str:
            base = f"{run[0]}.{line_paragraph.get(index, 'x')}"
            label, k = base, 2
            while label in labels:
                label, k = f"{base}-{k}", k + 1
            labels.add(label)
            paragraph = line_number.get(index)
            cited = []
            for key in dict.fromkeys(run):  # a source written twice side by side is cited once (the check says so)
                nth = markers[paragraph, key] = markers.get((paragraph, key), 0) + 1
                claims = edition.claims_of(paragraph, key)
                # The ledger has one entry a note, in the paragraph's order.
                cited.append((key, key not in seen, claims[nth - 1] if nth <= len(claims) else None))
            seen.update(run)
            definitions.append(self.definition(edition, label, cited))
            return f"[^{label}]"

        def known(key: str) -> bool:
            if key in edition.registry or key in edition.editorial:
                return True
            log.warning("unknown source id '%s' in a citation: add sources/%s.yml or fix the id", key, key)
            return False

        code = code_lines(lines)
        out = []
        for index, line in enumerate(lines):
            if DEFINITION.match(line) or index in code:
                out.append(line)
                continue
            pieces, last = [], 0
            for run in self.runs(edition, references(line), own_definitions):
                keys = [match[1] for match in run]
                pieces.append(line[last:run[0].start()])
                if keys[0] in own_definitions or not known(keys[0]):
                    pieces.append(run[0][0])
                else:
                    pieces.append(relabel(keys, index))
                last = run[-1].end()
            out.append("".join(pieces) + line[last:])
        return out + [""] + definitions

    @staticmethod
    def runs(edition: Edition, matches: list[re.Match], own: set[str]) -> list[list[re.Match]]:
        """The line's markers, with sources cited side by side ([^a][^b], or with only spaces between) taken
        together: Chicago gives them one note, its citations separated by semicolons. Editorial notes stay
        notes of their own."""
        runs: list[list[re.Match]] = []
        for match in matches:
            previous = runs[-1][-1] if runs else None
            if (previous is not None and not match.string[previous.end():match.start()].strip()
                    and all(m[1] in edition.registry and m[1] not in own for m in (previous, match))):
                runs[-1].append(match)
            else:
                runs.append([match])
        return runs

    def definition(self, edition: Edition, label: str, cited: list[tuple[str, bool, Claim | None]]) -> str:
        """The note: an editorial note, or the citations of one or more sources (full where first cited on
        the page, else short), each with the source's own words for the claim, and a link to each one's record."""
        key = cited[0][0]
        if key in edition.editorial:
            # The note is data, so text: stashed escaped, never read as Markdown or HTML.
            note = escape(" ".join(edition.editorial[key].text.split()), quote=False)
            return f"[^{label}]: " + self.md.htmlStash.store(f'<span class="editorial-label">Editor’s note:</span> {note}')
        parts = []
        for n, (key, first, claim) in enumerate(cited):
            text = edition.notes[key].full if first else edition.notes[key].short
            if n < len(cited) - 1:
                text = without_final_period(text) + ";"
            parts.append(f'<span class="citation" data-source="{key}">{text}</span>')
            if claim is not None:
                parts.append(evidence(edition.registry[key], claim))
        note = self.md.htmlStash.store(" ".join(parts))
        if len(cited) == 1:
            status = f"Source record ({edition.registry[key].level_words})"
            return f"[^{label}]: {note} [{status}]({SOURCES_PAGE}#{source_anchor(key)})"
        # Each record named by its issuer (the words the note starts with), so the links read in order.
        records = []
        for key, _, _ in cited:
            source = edition.registry[key]
            name = escape(f"{source.issuer or source.title} ({source.level_words})", quote=False)
            records.append(f"[{self.md.htmlStash.store(name)}]({SOURCES_PAGE}#{source_anchor(key)})")
        return f"[^{label}]: {note} {RECORDS_LABEL}" + ", ".join(records)


WHY_IN_A_NOTE = 160  # characters: a longer account of what the source does not support is on its record


def evidence(source: Source, claim: Claim) -> str:
    """The source's own words for a claim, and how far they support it, as HTML: what lets a reader check
    the note without leaving the page. What the words do not support is said here where it is short, and
    on the source's record (the Sources page) always, so that a margin note stays beside its call."""
    excerpt = source.excerpt_of(claim.excerpt) if claim.excerpt else None
    words = ""
    if claim.excerpt:
        language = excerpt.language if excerpt else (source.language or "en")
        words = f'“<span class="source-words" lang="{escape(language)}" dir="auto">{escape(claim.excerpt, quote=False)}</span>”'
        if excerpt and excerpt.translation and " ".join(excerpt.text.split()) == claim.excerpt:
            words += f" (“{escape(excerpt.translation, quote=False)}”)"
        # A full stop after the closing quote only where the words inside end without one (“… ‘pressure.’”).
        if not ends_a_sentence(claim.excerpt) or words.endswith(")"):
            words += "."
    why = escape(claim.why or "", quote=False)
    if len(claim.why or "") > WHY_IN_A_NOTE and claim.support != "none":
        why = "Its record on the Sources page says what it does not show."
    # Words known from a copy or a report of the document are that copy's or report's, and said to be.
    says = f"As given by {escape(excerpt.by, quote=False)}" if excerpt and excerpt.by else "The source says"
    said = {
        "full": f"{says}: {words}",
        "partial": f"{says}: {words} It supports only part of the claim. {why}",
        "context": f"For context: {words} {why}" if words else f"Context, not the claim itself: {why}",
        "none": f"This source does not support the claim “{escape(claim.claim, quote=False)}”: {why}",
    }[claim.support]
    return f'<span class="note-evidence" data-support="{claim.support}">{said}</span>'


def without_final_period(note: str) -> str:
    """A formatted note without the period that ends it, so another citation can follow after a
    semicolon: "…, March 2020." gives "…, March 2020"; "“A Title.”" gives "“A Title”"."""
    tree = fragment(note)
    last = next((run for run in reversed(text_runs(tree)) if getattr(*run).strip()), None)
    if last is None:
        return note
    text = getattr(*last).rstrip()
    closing = len(text) - len(text.rstrip("”’\"'"))
    body, quotes = text[:len(text) - closing], text[len(text) - closing:]
    if body.endswith("."):
        setattr(*last, body[:-1] + quotes)
    return inner_html(tree)


class FootnoteKindTreeprocessor(Treeprocessor):
    """Mark each footnote with its kind, so editorial notes look unlike source citations, and set its links
    to source records apart (span.note-records): a web page's way on, which print leaves out."""

    def run(self, root: etree.Element) -> None:
        for block in root.iter("div"):
            if "footnote" in block.get("class", "").split():
                # Out of the search index: every note is on the Sources page, which search finds.
                block.set("data-search-exclude", "")
        for item in root.iter("li"):
            note_id = item.get("id", "")
            if note_id.startswith("fn:"):
                kind = "editorial-note" if note_id[3:].startswith(EDITORIAL_PREFIX) else "citation-note"
                item.set("class", " ".join(filter(None, [item.get("class"), kind])))
                if kind == "citation-note" and len(item) and item[0].tag == "p":
                    self.records_apart(item[0])

    @staticmethod
    def records_apart(paragraph: etree.Element) -> None:
        links = [child for child in paragraph if child.tag == "a" and child.get("href", "").startswith(f"{SOURCES_PAGE}#")]
        if not links:
            return
        at = list(paragraph).index(links[0])
        before = paragraph[at - 1] if at else None
        lead = (before.tail if before is not None else paragraph.text) or ""
        kept, label = (lead[:lead.rindex(RECORDS_LABEL)], RECORDS_LABEL) if RECORDS_LABEL in lead else (lead, "")
        if before is not None:
            before.tail = kept
        else:
            paragraph.text = kept
        records = etree.Element("span", {"class": "note-records"})
        records.text = label
        for link in links:
            paragraph.remove(link)
            records.append(link)
        records.tail, links[-1].tail = links[-1].tail, None
        paragraph.insert(at, records)


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
                    previous.tail = None  # "¹,²", never "¹ ,²"
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

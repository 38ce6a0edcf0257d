"""Read citations and paragraphs straight from the Markdown under docs/, without rendering.

The essay's paragraph numbers come from the source of record, so any page read alone can tell
which paragraph a citation sits in; the Sources page's "cited in" links and the checks use this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .essay import Essay

REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:")
MARKER = re.compile(r"^\[\[edition:([a-z-]+)\]\]$")
CODE_SPAN = re.compile(r"(`+).+?\1")


def references(line: str) -> list[re.Match]:
    """Find citation markers in a line, leaving aside those shown as code (`[^id]`)."""
    code = [m.span() for m in CODE_SPAN.finditer(line)]
    return [m for m in REFERENCE.finditer(line) if not any(a <= m.start() < b for a, b in code)]


def replace_references(line: str, replace) -> str:
    """Replace each citation marker outside code spans with replace(match)."""
    out, last = [], 0
    for match in references(line):
        out += [line[last:match.start()], replace(match)]
        last = match.end()
    return "".join(out) + line[last:]


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: a paragraph, a heading, a marker or a footnote definition."""

    line: int  # 1-based line of its first line
    text: str

    @property
    def plain(self) -> str:
        """The text as a reader sees it: citation markers removed."""
        return REFERENCE.sub("", self.text)


def blocks(markdown: str) -> list[Block]:
    """Split Markdown into blank-line separated blocks, keeping their first line numbers."""
    result, current, start = [], [], 0
    for n, line in enumerate(markdown.splitlines(), start=1):
        if line.strip():
            if not current:
                start = n
            current.append(line)
        elif current:
            result.append(Block(start, "\n".join(current)))
            current = []
    if current:
        result.append(Block(start, "\n".join(current)))
    return result


@dataclass(frozen=True)
class Citation:
    page: str  # Markdown file under docs/
    line: int
    key: str  # source id or editorial note id
    paragraph: int | None  # ¶N, when the citation sits in an essay paragraph


def page_citations(page: str, markdown: str, essay: Essay) -> list[Citation]:
    """List every citation marker of a page, with the essay paragraph it sits in."""
    found = []
    for block in blocks(markdown):
        if DEFINITION.match(block.text):
            continue
        number = essay.paragraph_number(block.plain)
        for offset, line in enumerate(block.text.splitlines()):
            for match in references(line):
                found.append(Citation(page, block.line + offset, match[1], number))
    return found


def docs_citations(docs: Path, essay: Essay) -> list[Citation]:
    """List every citation in docs/, page by page in file-name order."""
    found = []
    for path in sorted(docs.glob("*.md")):
        found += page_citations(path.name, path.read_text(encoding="utf-8"), essay)
    return found

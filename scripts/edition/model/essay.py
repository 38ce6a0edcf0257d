"""The source of record: the essay as received, split into title, sections and numbered paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

ESSAY_DIR = Path("sources") / "essay"

# Whitespace the source of record uses inconsistently (no-break spaces after three headings).
_SPACE = re.compile(r"[\s\u00a0\u202f]+")


def normalize(text: str) -> str:
    """Fold every run of whitespace, no-break spaces included, into one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    """Split text into the words a reader sees, for comparing renderings with the original."""
    return normalize(text).split(" ") if normalize(text) else []


def heading_slug(heading: str) -> str:
    """Give a heading the slug that Python-Markdown's toc gives it (page names and anchors)."""
    return slugify(normalize(heading), "-")


@dataclass(frozen=True)
class Paragraph:
    number: int  # ¶N, counted through the whole essay
    text: str
    line: int  # line in original.txt


@dataclass(frozen=True)
class Section:
    heading: str | None  # None for the opening, which runs from the title to the first heading
    line: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def slug(self) -> str:
        return heading_slug(self.heading) if self.heading else "index"

    @property
    def page(self) -> str:
        """The Markdown file, under docs/, that holds this section."""
        return f"{self.slug}.md"


@dataclass(frozen=True)
class Essay:
    title: str
    sections: tuple[Section, ...]
    biographies: tuple[str, ...]
    image_credit: str
    image_filename: str

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    @cached_property
    def _by_text(self) -> dict[str, int]:
        return {normalize(p.text): p.number for p in self.paragraphs}

    def paragraph_number(self, text: str) -> int | None:
        """Return N when text is, whitespace aside, the N-th paragraph of the essay."""
        return self._by_text.get(normalize(text))

    def section_of(self, number: int) -> Section:
        return next(s for s in self.sections if any(p.number == number for p in s.paragraphs))


def load_essay(root: Path) -> Essay:
    """Read original.txt as laid out by layout.yml."""
    lines = (root / ESSAY_DIR / "original.txt").read_text(encoding="utf-8").splitlines()
    layout = yaml.safe_load((root / ESSAY_DIR / "layout.yml").read_text(encoding="utf-8"))

    def line(n: int) -> str:
        return normalize(lines[n - 1])

    first, last = layout["body"]
    headings = set(layout["headings"])
    sections: list[Section] = []
    heading, heading_line, paragraphs = None, layout["title"], []
    number = 0
    for n in range(first, last + 1):
        if not line(n):
            continue
        if n in headings:
            sections.append(Section(heading, heading_line, tuple(paragraphs)))
            heading, heading_line, paragraphs = line(n), n, []
        else:
            number += 1
            paragraphs.append(Paragraph(number, line(n), n))
    sections.append(Section(heading, heading_line, tuple(paragraphs)))
    return Essay(
        title=line(layout["title"]),
        sections=tuple(sections),
        biographies=tuple(line(n) for n in layout["biographies"]),
        image_credit=line(layout["image_credit"]),
        image_filename=line(layout["header_image_filename"]),
    )

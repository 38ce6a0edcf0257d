"""The source of record: the essay as received, split into title, sections and numbered paragraphs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markdown.extensions.toc import slugify

from ..problems import Problem, ProblemsFound
from .files import MAX_LEDGER_BYTES, key_lines, parse_yaml, read_text

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


RECORD = ESSAY_DIR / "original.txt"
LAYOUT = ESSAY_DIR / "layout.yml"
# Each field of layout.yml: a line of original.txt, or a list of them (body: the first and the last).
LINE_FIELDS = ("title", "header_image_filename", "image_credit")
LIST_FIELDS = ("body", "headings", "biographies")


def _layout_problems(layout: object, node, lines: int, digest: str) -> list[Problem]:
    """What is wrong with layout.yml, read against original.txt (its lines, and its bytes' digest)."""
    name = LAYOUT.as_posix()
    if not isinstance(layout, dict):
        return [Problem(name, 1, "must be a mapping (title:, body:, headings:, …)", "restore it from the repository")]
    at = key_lines(node)
    problems = []
    for key in (*LINE_FIELDS, *LIST_FIELDS, "sha256"):
        if key not in layout:
            problems.append(Problem(name, 0, f"'{key}' is missing", "restore it from the repository"))
            continue
        value = layout[key]
        numbers = value if key in LIST_FIELDS else [value]
        if key == "sha256":
            if value != digest:
                problems.append(Problem(name, at[key], f"{RECORD.as_posix()} is not the file whose digest is pinned here "
                                        f"(sha256 {digest}, pinned {value})",
                                        f"restore {RECORD.as_posix()} as received (`git checkout {RECORD.as_posix()}`); "
                                        "corrections belong in editorial notes"))
        elif (not isinstance(numbers, list) or not all(type(n) is int and 1 <= n <= lines for n in numbers)
              or (key == "body" and (len(numbers) != 2 or numbers[0] > numbers[1]))):
            shape = "[first, last]" if key == "body" else ("a list of line numbers" if key in LIST_FIELDS else "a line number")
            problems.append(Problem(name, at[key], f"'{key}' must be {shape} of {RECORD.as_posix()} (1 to {lines}), "
                                    f"got {value!r}", "give the lines as numbers"))
    return problems


def load_essay(root: Path, problems: list[Problem] | None = None) -> Essay | None:
    """Read original.txt as laid out by layout.yml.

    With problems, what is wrong is added there and None returned; without, it is raised.
    """
    found: list[Problem] = []
    raw = read_text(root / RECORD, RECORD.as_posix(), found, limit=MAX_LEDGER_BYTES)
    text = read_text(root / LAYOUT, LAYOUT.as_posix(), found)
    parsed = parse_yaml(text, LAYOUT.as_posix(), found) if text is not None else None
    if raw is not None and parsed is not None:
        found += _layout_problems(parsed[0], parsed[1], len(raw.splitlines()),
                                  hashlib.sha256(raw.encode("utf-8")).hexdigest())
    if found:
        if problems is None:
            raise ProblemsFound(found)
        problems += found
        return None
    lines = raw.splitlines()
    layout = parsed[0]

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

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
from .files import MAX_LEDGER_BYTES, line_at, parse_yaml, read_text
from .schema import Schema, described, validated

ESSAY_DIR = Path("sources") / "essay"

def normalize(text: str) -> str:
    """Fold every run of whitespace, no-break spaces included, into one space."""
    # str.split() splits at what str.isspace() calls space: every Unicode space, the no-break spaces the source of
    # record uses inconsistently (after three headings) among them. The regex it replaces took three times as long,
    # and the matcher folds every paragraph and quotation this way.
    return " ".join(unicodedata.normalize("NFC", text).split())


def words(text: str) -> list[str]:
    """Split text into the words a reader sees, for comparing renderings with the original."""
    return normalize(text).split()


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
RESTORE = "restore it from the repository"


class LayoutFields(Schema):
    """layout.yml: where the parts of original.txt are, by line number, and the digest that pins the file."""

    title: int = described("a line number of original.txt", RESTORE)
    header_image_filename: int = described("a line number of original.txt", RESTORE)
    image_credit: int = described("a line number of original.txt", RESTORE)
    body: list[int] = described("[first, last], line numbers of original.txt", RESTORE)
    headings: list[int] = described("a list of line numbers of original.txt", RESTORE)
    biographies: list[int] = described("a list of line numbers of original.txt", RESTORE)
    sha256: str = described("the SHA-256 digest of original.txt, as the repository has it", RESTORE)


def _layout_problems(layout: LayoutFields, node, record: list[str], digest: str) -> list[Problem]:
    """What is wrong with layout.yml's line numbers and digest, read against original.txt (its lines, its bytes' digest)."""
    lines = len(record)
    name = LAYOUT.as_posix()
    problems = []
    if not re.fullmatch(r"[0-9A-Fa-f]{64}", layout.sha256):  # sha256:…, or a digest cut short (twelfth round, case 98)
        problems.append(Problem(name, line_at(node, ["sha256"], of_key=True), f"`sha256` is {layout.sha256[:80]!r}, not "
                                "a SHA-256 digest", "write its 64 hexadecimal digits alone, as `sha256sum` prints them"))
    elif layout.sha256.lower() != digest:  # PowerShell and certutil print a digest in capitals
        problems.append(Problem(name, line_at(node, ["sha256"], of_key=True),
                                f"{RECORD.as_posix()} is not the file whose digest is pinned here "
                                f"(sha256 {digest}, pinned {layout.sha256})",
                                f"restore {RECORD.as_posix()} as received (`git checkout {RECORD.as_posix()}`); "
                                "corrections belong in editorial notes"))
    for key, value in layout.model_dump(exclude={"sha256"}).items():
        numbers = value if isinstance(value, list) else [value]
        if not all(1 <= n <= lines for n in numbers) or (key == "body" and (len(numbers) != 2 or numbers[0] > numbers[1])):
            shape = "[first, last]" if key == "body" else ("a list of line numbers" if isinstance(value, list) else "a line number")
            # The line of the number that is wrong, which a list written one entry a line puts below its key.
            wrong = next((index for index, n in enumerate(numbers) if not 1 <= n <= lines), None)
            where = line_at(node, [key] if wrong is None or not isinstance(value, list) else [key, wrong])
            problems.append(Problem(name, where, f"'{key}' must be {shape} of {RECORD.as_posix()} "
                                    f"(1 to {lines}), got {value!r}", "give the lines as numbers"))
            continue
        # A part of the essay on a blank line would be empty: a title that no heading matches, a heading never made.
        blank = next((index for index, n in enumerate(numbers) if not normalize(record[n - 1])), None)
        if key != "body" and blank is not None:
            where = line_at(node, [key, blank] if isinstance(value, list) else [key])
            problems.append(Problem(name, where, f"'{key}' names line {numbers[blank]} of {RECORD.as_posix()}, which is blank",
                                    "give the number of the line that holds it"))
    return problems or _overlap_problems(layout, node, record)


HEADING_WORDS = 20  # the essay's longest heading has 8
FILE_NAME = re.compile(r"[^\s:]+(?: \(\d+\))?")  # a file's name as the page gave it: one word, perhaps a copy's " (1)"


def _a_heading(line: str) -> bool:
    """Whether a line of the essay reads as a heading: short, and no sentence ends in it (a paragraph whose last
    sentence is followed by a parenthesis, "… Iraqis. (Reuters)", ends with no full stop)."""
    return not _a_paragraph(line) and not re.search(r"[.!?…][”’\"')\]]*\s", normalize(line))


def _a_paragraph(line: str) -> bool:
    """Whether a line of the essay reads as a paragraph: a heading is short and ends no sentence."""
    text = normalize(line)
    return len(text.split()) > HEADING_WORDS or text.rstrip("”’\"')").endswith((".", "…"))  # a heading may ask a question


def _overlap_problems(layout: LayoutFields, node, record: list[str]) -> list[Problem]:
    """The parts named apart from the essay's text stay apart from it, and from each other: an image credit on a line
    of the body printed the first paragraph again on the About page, numbered ¶1 (eighteenth hostile round, case 43);
    a heading outside the body was no heading of anything (case 16)."""
    first, last = layout.body
    named: dict[int, str] = {}
    problems = []
    for key in ("title", "header_image_filename", "headings", "biographies", "image_credit"):
        value = getattr(layout, key)
        for index, n in enumerate(value if isinstance(value, list) else [value]):
            where = line_at(node, [key, index] if isinstance(value, list) else [key])
            if (key == "headings") != (first <= n <= last):
                inside = "outside" if key == "headings" else "inside"
                problems.append(Problem(LAYOUT.as_posix(), where, f"'{key}' names line {n}, {inside} `body` (lines {first} "
                                        f"to {last}), where the essay's {'headings are' if key == 'headings' else 'text is'}",
                                        "give the number of the line that holds it"))
            elif n in named:
                problems.append(Problem(LAYOUT.as_posix(), where, f"'{key}' names line {n}, which '{named[n]}' names too",
                                        "give the number of the line that holds it"))
            elif key == "header_image_filename" and not FILE_NAME.fullmatch(normalize(record[n - 1])):
                # The credit named as the file's name, and the name as the credit: About printed each as the other
                # (twenty-fourth hostile round, T1).
                problems.append(Problem(LAYOUT.as_posix(), where, f"'header_image_filename' names line {n} (“"
                                        f"{normalize(record[n - 1])[:60]}”), which is no file's name", "give the number of "
                                        "the line that holds the image's file name (one word, perhaps with a copy's (1))"))
            elif key == "headings" and _a_paragraph(record[n - 1]):
                # The essay's first paragraph named a heading made every page's text and every ledger's paragraph numbers
                # wrong, in 240 messages none of which named layout.yml (a minor case of the nineteenth hostile round).
                problems.append(Problem(LAYOUT.as_posix(), where, f"'headings' names line {n} (“{normalize(record[n - 1])[:60]}…”), "
                                        "a paragraph of the essay, not a heading: it ends with a full stop or runs past "
                                        f"{HEADING_WORDS} words", "give the number of the heading's line"))
            named.setdefault(n, key)
    # And a heading left out is set as a paragraph, which moves every number after it: 21 to 213 messages about
    # the pages, none naming layout.yml (twenty-second hostile round, T5).
    for n in range(first, last + 1):
        if normalize(record[n - 1]) and n not in named and _a_heading(record[n - 1]):
            problems.append(Problem(LAYOUT.as_posix(), line_at(node, ["headings"], of_key=True), f"line {n} of "
                                    f"{RECORD.as_posix()} (“{normalize(record[n - 1])[:60]}”) reads as a heading, but "
                                    "'headings' does not name it: the edition would set it as a paragraph",
                                    f"add {n} to `headings`, or, if it is a paragraph, correct layout.yml's other numbers"))
    # And every line of the record is somewhere: `biographies: [103]` left a biography out of the edition, unseen
    # (nineteenth hostile round, case 2).
    for n, text in enumerate(record, 1):
        if normalize(text) and n not in named and not first <= n <= last:
            key = "title" if n < first else "biographies"
            problems.append(Problem(LAYOUT.as_posix(), line_at(node, [key], of_key=True), f"line {n} of {RECORD.as_posix()} "
                                    f"(“{normalize(text)[:60]}”) is named by no part of layout.yml: the edition would "
                                    "leave it out", "name it where it belongs (a biography, the image credit…)"))
    return problems


def load_essay(root: Path, problems: list[Problem] | None = None) -> Essay | None:
    """Read original.txt as laid out by layout.yml.

    With problems, what is wrong is added there and None returned; without, it is raised.
    """
    found: list[Problem] = []
    raw = read_text(root / RECORD, RECORD.as_posix(), found, limit=MAX_LEDGER_BYTES)
    text = read_text(root / LAYOUT, LAYOUT.as_posix(), found)
    parsed = parse_yaml(text, LAYOUT.as_posix(), found) if text is not None else None
    layout = validated(LayoutFields, parsed[0], parsed[1], LAYOUT.as_posix(), found) if parsed is not None else None
    if raw is not None and layout is not None:
        found += _layout_problems(layout, parsed[1], raw.splitlines(), hashlib.sha256(raw.encode("utf-8")).hexdigest())
    if found:
        if problems is None:
            raise ProblemsFound(found)
        problems += found
        return None
    lines = raw.splitlines()

    def line(n: int) -> str:
        return normalize(lines[n - 1])

    first, last = layout.body
    headings = set(layout.headings)
    sections: list[Section] = []
    heading, heading_line, paragraphs = None, layout.title, []
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
        title=line(layout.title),
        sections=tuple(sections),
        biographies=tuple(line(n) for n in layout.biographies),
        image_credit=line(layout.image_credit),
        image_filename=line(layout.header_image_filename),
    )

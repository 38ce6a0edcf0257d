"""The pages under docs/, read once per build: their text, blocks, titles and citation markers.

The essay's paragraph numbers come from the source of record, so any page read alone can tell
which paragraph a citation sits in; the Sources page's "cited in" links, the checks, the metadata
and the Markdown extensions all read the pages from this one index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

from ..problems import Problem
from .addresses import OWN_ID, page_path
from .essay import Essay
from .files import (
    CONTROL_REFERENCED,
    INVISIBLE_IN_PAGES,
    MAX_LEDGER_BYTES,
    NONCHARACTER,
    PRIVATE_USE,
    REFERENCE_FIX,
    REORDERING,
    REORDERING_FIX,
    REPLACEMENT,
    REPLACEMENT_FIX,
    REPLACEMENT_WHAT,
    UNASSIGNED,
    UNASSIGNED_FIX,
    line_at,
    parse_yaml,
    read_text,
    reference_problem,
    referenced,
    unassigned,
    unescape,
)
from .schema import Filled, Schema, described, validated
from .sources import BRACES, BRACES_FIX
from .values import DOUBLED

DOCS_DIR = Path("docs")

REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:")
# Any name and any case, so that a misspelt marker is reported rather than printed.
MARKER = re.compile(r"^\[\[(edition):([^\]]*)\]\]$", re.IGNORECASE)


def marker_name(match: re.Match) -> str | None:
    """The name of a well-written marker ([[edition:name]] with a known name), else None."""
    return match[2] if match[1] == "edition" and match[2] in MARKERS else None
# The markers a page may hold, each expanded by the markers extension from data.
MARKERS = ("byline", "biographies", "image-credit", "sources", "offline-copy", "editorial-notes", "chronology",
           "glossary", "changes", "rights")
# The markers that make a listing whose entries carry ids (src-…, ev-…, term-…, ed-…, v…): each is made
# once, on the page named after it, or its ids would be on two pages and a link to one of them ambiguous.
LISTINGS = ("sources", "editorial-notes", "chronology", "glossary", "changes")
# A code span as CommonMark reads one: a run of backticks closed by a run of the same length, neither
# touching another backtick. The one scanner of the edition: citations, markers and raw HTML inside it are text.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INDENTED = re.compile(r"^(?: {4}|\t)")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
_H1 = re.compile(r"^# +(.+?)\s*#*\s*$")
HEADING_ATTRIBUTES = AttrListTreeprocessor.HEADER_RE  # `# Words {#id .class}`, as attr_list reads it
# YAML front matter as MkDocs finds it (mkdocs.utils.meta.YAML_RE): `---` on the first line, up to a
# line of `---` or `...`. MkDocs gives the Markdown only what follows; Material reads `description:`.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
MAX_DESCRIPTION = 320  # characters: one or two sentences, as reference managers show an abstract
MIN_DESCRIPTION_WORDS = 5  # fewer is a label, not an abstract
# Material writes the description into the page's <head> as typed (MkDocs' templates do not escape),
# so the characters that would end the attribute or start markup there are refused.
_UNSAFE_IN_DESCRIPTION = re.compile(r'[<>"&\n]')


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


def lines_of(markdown: str) -> list[str]:
    """The lines as Python-Markdown sees them: split at "\n" only (not at U+2028 and the like)."""
    return markdown.replace("\r\n", "\n").split("\n")


def fences(lines: list[str]) -> list[tuple[int, int, re.Match]]:
    """Each code fence of a page's lines: the (0-based) lines of its opening and of its closing (the last line when it
    is never closed), and the match of its opening (FENCE). A fence closes at a line starting with the same fence."""
    found, opened = [], None
    for n, line in enumerate(lines):
        if opened is None:
            opened = (n, match) if (match := FENCE.match(line)) else None
        elif line.strip().startswith(opened[1][1]):
            found.append((opened[0], n, opened[1]))
            opened = None
    return found + ([(opened[0], len(lines) - 1, opened[1])] if opened is not None else [])


def code_lines(lines: list[str]) -> set[int]:
    """The (0-based) lines that Markdown shows as code: fenced blocks, and indented blocks not inside a list.

    A citation marker written there is an example, not a citation.
    """
    fenced = {n for opening, closing, _ in fences(lines) for n in range(opening, closing + 1)}
    code, previous_block, blank_before = set(fenced), "", True
    for n, line in enumerate(lines):
        if n in fenced:
            blank_before = False
            continue
        if line.strip() and INDENTED.match(line) and (blank_before or n - 1 in code) and not LIST_ITEM.match(previous_block):
            code.add(n)
        if line.strip():
            if blank_before and n not in code:
                previous_block = line
            blank_before = False
        else:
            blank_before = True
    return code


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: a paragraph, a heading, a marker, a footnote definition or code."""

    line: int  # 1-based line of its first line
    text: str
    code: bool = False  # shown as code: its markers are examples

    @property
    def plain(self) -> str:
        """The text as a reader sees it: citation markers removed."""
        return REFERENCE.sub("", self.text)


def blocks(markdown: str) -> list[Block]:
    """Split Markdown into blank-line separated blocks, keeping their first line numbers."""
    lines = lines_of(markdown)
    code = code_lines(lines)
    result, current, start = [], [], 0

    def close() -> None:
        result.append(Block(start, "\n".join(current), all(start - 1 + k in code for k in range(len(current)))))

    for n, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = n
            current.append(line)
        elif current:
            close()
            current = []
    if current:
        close()
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
        if DEFINITION.match(block.text) or block.code:
            continue
        number = essay.paragraph_number(block.plain)
        for offset, line in enumerate(block.text.split("\n")):
            for match in references(line):
                found.append(Citation(page, block.line + offset, match[1], number))
    return found


def comparable(text: str) -> str:
    """A page's Markdown with line endings and trailing spaces folded, as a generator may hand it over."""
    return "\n".join(line.rstrip() for line in lines_of(text)).strip()


@dataclass(frozen=True)
class Page:
    """One Markdown page under docs/, as read at the start of the build."""

    file: str  # path under docs/, e.g. "about.md"
    title: str  # its first-level heading
    text: str = field(repr=False)  # the Markdown, its front matter's lines left blank (line numbers hold)
    citations: tuple[Citation, ...] = field(default=(), repr=False)
    description: str | None = None  # `description:` of its front matter: the page's own abstract

    @property
    def path(self) -> str:
        """The page's URL path under the site root, as MkDocs' directory URLs give it."""
        return page_path(self.file)

    @property
    def name(self) -> str:
        """How an author names the file in a message."""
        return f"{DOCS_DIR.as_posix()}/{self.file}"

    @property
    def lines(self) -> list[str]:
        return lines_of(self.text)

    def line_holding(self, words: str) -> int:
        """The first line of the page (1-based) that holds the words as typed, or 0: where a problem found only
        once the page is rendered (a link MkDocs or the site check names) was written."""
        return next((n for n, text in enumerate(self.lines, 1) if words in text), 0)

    @property
    def blocks(self) -> list[Block]:
        return blocks(self.text)


@dataclass(frozen=True)
class DocsIndex:
    """Every page under docs/, in file-name order, with lookups by file, URL path and content."""

    pages: tuple[Page, ...]

    def __post_init__(self):
        # Lookups built once; the dataclass stays frozen for its users.
        object.__setattr__(self, "_by_file", {p.file: p for p in self.pages})
        object.__setattr__(self, "_by_path", {p.path: p for p in self.pages})
        object.__setattr__(self, "_by_text", {comparable(p.text): p for p in self.pages})

    def __iter__(self):
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)

    def get(self, file: str) -> Page | None:
        return self._by_file.get(file)

    def at_path(self, path: str) -> Page | None:
        """The page published at a URL path ("" for the home page, "about/")."""
        return self._by_path.get(path)

    def identify(self, text: str) -> Page | None:
        """The page whose Markdown this is, or None (a fragment, or the PDF's joined document).

        MkDocs and Zensical hand an extension the page's text but not its name, and the edition's
        pages are few and all under docs/, so the text itself identifies the page.
        """
        return self._by_text.get(comparable(text))

    @property
    def citations(self) -> list[Citation]:
        """Every citation in docs/, page by page in file-name order."""
        return [c for page in self.pages for c in page.citations]


def front_matter(text: str, name: str, problems: list[Problem]) -> tuple[str, str | None]:
    """The page's Markdown with its YAML front matter's lines left blank, and its `description:`.

    The description is the page's abstract for readers and reference managers (Material writes it as
    <meta name="description">, the build as citation_abstract, DC.description and og:description), so
    every page must have its own: without one, Material would give the site-wide description instead.
    Nothing else may be set there: Material would act on `template:`, `title:` or `hide:` unchecked.
    """
    missing = Problem(name, 1, "has no description in its front matter; reference managers would take the site's "
                      "description for this page's abstract",
                      "begin the page with three lines: `---`, `description: <one or two sentences of your own about "
                      "this page>`, `---`")
    normalized = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(normalized)
    if match is None:
        opening = normalized.split("\n", 2)
        if opening[0].rstrip() == "---" and len(opening) > 1 and opening[1].rstrip() in ("---", "..."):
            problems.append(missing)  # opened and closed with nothing between (eleventh round, case 37)
        elif opening[0].rstrip() == "---":
            problems.append(Problem(name, 1, "front matter opened with `---` is never closed",
                                    "end it with a line of `---` after `description: …`"))
        else:
            problems.append(missing)
        return text, None
    found: list[Problem] = []
    # Read with a blank line in place of the opening `---`, so every line YAML names is the file's.
    parsed = parse_yaml("\n" + match[1], name, found)
    problems += found
    blank = "\n" * normalized.count("\n", 0, match.end())
    body = blank + normalized[match.end():]
    if parsed is None:
        if not found:
            problems.append(missing)
        return body, None
    data, node = parsed
    if not isinstance(data, dict):
        problems.append(Problem(name, 2, "front matter must be a mapping such as `description: …`",
                                "write `description: <one or two sentences>` between the `---` lines"))
        return body, None
    fields = validated(FrontMatter, data, node, name, problems)
    if fields is None:
        return body, None
    if fields.description is None:
        problems.append(missing)
        return body, None
    where = line_at(node, ["description"], of_key=True)
    description = fields.description.strip()  # `>` folds to a trailing line break; `>-` to none
    if character := _UNSAFE_IN_DESCRIPTION.search(description):
        if character[0] == "\n":
            problems.append(Problem(name, where, "`description:` holds a line break", "write it on one line, or fold it with `>-`"))
        else:
            unsafe = " ".join(sorted({repr(c) for c in _UNSAFE_IN_DESCRIPTION.findall(description)} - {"'\\n'"}))
            problems.append(Problem(name, where, f"`description:` holds {unsafe}, which Material would write into the "
                                    "page's <head> unescaped", "write it as plain words (typographic quotes “ ” are fine)"))
        return body, None
    if len(description.split()) < MIN_DESCRIPTION_WORDS:
        problems.append(Problem(name, where, f"`description:` is {len(description.split())} word(s), too short to be the "
                                "page's abstract", "write one or two sentences of your own about this page"))
        return body, None
    if doubled := DOUBLED.search(description):  # the head's metadata, which the output's check of the text never reads
        problems.append(Problem(name, where, f"`description:` doubles its punctuation: {doubled[0]!r}", "write the mark once"))
    if len(description) > MAX_DESCRIPTION:
        problems.append(Problem(name, where, f"`description:` is {len(description)} characters, more than {MAX_DESCRIPTION}",
                                "keep it to one or two sentences"))
        return body, None
    return body, description


class FrontMatter(Schema):
    """A page's front matter: its description, the page's abstract for search engines and reference managers."""

    noun: ClassVar[str] = "front matter setting"
    description: Filled | None = described("text (one or two sentences about this page)", "write one or two sentences about this page",
                                           default=None)


# An attribute list as attr_list reads one ({#id}, {: #id .class }, {: id=x }).
ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)\}")


def attribute_list_ids(text: str) -> list[tuple[int, str]]:
    """The ids a page gives by attribute lists, with their lines (code aside), in the page's order."""
    lines = lines_of(text)
    code = code_lines(lines)
    found = []
    for n, line in enumerate(lines):
        if n in code:
            continue
        for match in ATTRIBUTE_LIST.finditer(CODE_SPAN.sub(lambda m: " " * len(m[0]), line)):
            attributes, _ = get_attrs_and_remainder(match[1])
            if ids := [value for key, value in attributes if key in ("#", "id") and value]:
                found.append((n + 1, ids[-1]))  # as attr_list sets them, the last one stands
    return found


def own_id_taken(given: str) -> str:
    """What is wrong with a page's id that is one of the edition's own (OWN_ID), typed in an attribute list or in HTML."""
    return (f"the id {given!r} is one the edition writes itself (p1, p2… for the essay's paragraphs, cite for the Cite "
            "panel, v0.2.0… for its versions, and ids starting src-, ev-, term-, ed-, fn: or fnref:), so two elements "
            "would share it")


def id_problems(name: str, text: str) -> list[Problem]:
    """An id an attribute list gives is named once on its page, and is none of the edition's own."""
    problems, first = [], {}
    for line, given in attribute_list_ids(text):
        if given in first:
            problems.append(Problem(name, line, f"the id {given!r} is given twice on the page (first on line {first[given]})",
                                    "give each element an id of its own"))
        elif OWN_ID.fullmatch(given):
            problems.append(Problem(name, line, own_id_taken(given), "choose another id"))
        first.setdefault(given, line)
    return problems


HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
# And the line and paragraph separators, which end the heading for Python's splitlines (its title in citations).
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u2028\u2029]")


SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")  # `Title` over `=====`: a heading too
# What holds a heading in a quote or a list item (`> ### …`, `- ### …`, `1. > ### …`): read past, to the heading.
CONTAINERS = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)*")
QUOTES = re.compile(r"^(?:[ \t]*>[ \t]?)*")  # an underline is read past quotes only: `- - -` is a rule, not `-`


def _zero_width_in_heading(text: str) -> tuple[int, str] | None:
    """The line and character of the first zero-width character in a heading (code aside), or None. The front matter is
    no heading: its closing `---` made its last line one (thirty-seventh hostile round, minor)."""
    normalized = text.replace("\r\n", "\n")
    if found := FRONT_MATTER.match(normalized):
        normalized = "\n" * found[0].count("\n") + normalized[found.end():]
    typed = lines_of(normalized)
    lines, underlines = [CONTAINERS.sub("", line, count=1) for line in typed], [QUOTES.sub("", line, count=1) for line in typed]
    code = code_lines(typed)
    return next(((n + 1, m[0]) for n, line in enumerate(lines)
                 if n not in code and (HEADING.match(line) or (n + 1 < len(lines) and line.strip()
                                                              and SETEXT_UNDERLINE.match(underlines[n + 1])))
                 and (m := ZERO_WIDTH.search(unescape(line)))), None)


# Python-Markdown reads a page in time that grows with the square of its unclosed brackets and of its tags
# left open on their line: 30,000 `[` take minutes, 2,000 spread `<a ` a minute, and the build reads each
# page five times. No page of the edition comes near a tenth of these limits.
MAX_BRACKETS = 1000
MAX_OPEN_TAGS = 100
MAX_BACKTICK_LENGTHS = 8
BACKTICKS = re.compile(r"(?<!\\)`+")
OPEN_BRACKET = re.compile(r"(?<!\\)\[")
OPEN_TAG = re.compile(r"<[A-Za-z/!?][^<>\n]*(?=<|$)", re.MULTILINE)


def crowded(text: str) -> tuple[int, str, str] | None:
    """(line, what, fix) of the first place where a page passes MAX_BRACKETS, MAX_OPEN_TAGS or MAX_BACKTICK_LENGTHS,
    or None."""
    for pattern, limit, what, fix in (
            (OPEN_BRACKET, MAX_BRACKETS, f"more than {MAX_BRACKETS:,} [", "write a bracket that opens no link as \\[, or "
             "split the page"),
            (OPEN_TAG, MAX_OPEN_TAGS, f"more than {MAX_OPEN_TAGS} tags left open on their line (`<a` with no `>`)",
             "close each tag on the line it opens, write a < that opens no tag as &lt;, or split the page")):
        past = next((match for count, match in enumerate(pattern.finditer(text), 1) if count > limit), None)
        if past is not None:
            return (text.count("\n", 0, past.start()) + 1, f"holds {what}, which Markdown reads in time growing with the "
                    "square of their number (the build would hang)", fix)
    # A run of backticks closes only a run as long: runs of many lengths (1, 2, … 399) leave each unclosed, and each
    # is looked for to the end of the page.
    lengths: set[int] = set()
    for run in BACKTICKS.finditer(text):
        lengths.add(len(run[0]))
        if len(lengths) > MAX_BACKTICK_LENGTHS:
            return (text.count("\n", 0, run.start()) + 1, f"holds runs of backticks of more than {MAX_BACKTICK_LENGTHS} "
                    "lengths, which Markdown reads in time growing with the square of their number (the build would hang)",
                    "write code between single backticks (or fences of three), and a backtick that opens no code as \\`")
    return None


def heading_words(heading: str) -> str:
    """A heading's words as readers see them, the page's title in its citation: without the attribute list
    that sets its id ({#about}), and with character references decoded (Q&amp;A is Q&A; citeproc and the
    page's metadata escape it once more themselves)."""
    return unescape(HEADING_ATTRIBUTES.sub("", heading))


def _character_problems(name: str, text: str) -> list[Problem]:
    """Each line of a page holding a character no page may, named by the first kind it holds; every such line at once
    (thirtieth hostile round, M5; thirty-first, M3). A page with one is left out, so that no later reading meets it."""
    return [problem for number, line in enumerate(lines_of(text), 1)
            if ("&" in line or not line.isascii()) and (problem := _character_problem(name, number, line))]


def _character_problem(name: str, number: int, line: str) -> Problem | None:
    # Python-Markdown's HTML reader stops with a traceback on a reference of thousands of digits in an attribute, and
    # browsers show U+FFFD for any past Unicode's range (thirty-fourth hostile round).
    if what := reference_problem(line):
        return Problem(name, number, f"holds {what}", REFERENCE_FIX)
    # As typed or as a reference: the PDF stopped on it with Typst's words, and the site showed a box (twelfth round, 11).
    if c := unassigned(decoded := unescape(line)):
        return Problem(name, number, f"holds U+{ord(c):04X}, {UNASSIGNED}", UNASSIGNED_FIX)
    # A private-use character, which each reader's fonts draw differently or not at all: the PDF stopped on it with
    # Typst's words and no line (thirty-first hostile round, T5), as a record's value is refused.
    # A noncharacter as a reference (&#xFDD0;) too: typed, it is named as unassigned above (thirty-second round, T3).
    if m := (PRIVATE_USE.search(decoded) or NONCHARACTER.search(decoded) or NONCHARACTER.search(made := referenced(line))
             or CONTROL_REFERENCED.search(made)):
        return Problem(name, number, f"holds U+{ord(m[0]):04X}, " + (
            "a private-use character, which each reader's fonts draw differently or not at all" if PRIVATE_USE.match(m[0])
            else "a noncharacter, which is never text" if NONCHARACTER.match(m[0])
            else "a control character, written as a reference (typed, it is refused as well)"),
            "remove the reference" if CONTROL_REFERENCED.match(m[0]) else "write the character Unicode has for it")
    if REPLACEMENT.search(decoded):  # typed, or a reference to no character (&#xD800;), which browsers show as it
        return Problem(name, number, f"holds {REPLACEMENT_WHAT}", REPLACEMENT_FIX)
    # As typed, or as a character reference (&#xE0041;), which the browser decodes to the same character (a
    # reordering one so written is named by the raw-HTML check, as the reference it is). A right-to-left override
    # published as it is reverses what a reader sees of the words around it; a tag character or a filler hides words
    # that a search, a copy or a screen reader still finds.
    if m := REORDERING.search(line) or INVISIBLE_IN_PAGES.search(decoded):
        return Problem(name, number, f"holds U+{ord(m[0]):04X}, an invisible character that breaks or reorders the text "
                       "around it", REORDERING_FIX if REORDERING.match(m[0]) else "remove it (write plain text)")
    return None


def read_docs(root: Path, essay: Essay, problems: list[Problem], irregular: tuple[str, ...] = ()) -> DocsIndex:
    """Read every Markdown page under docs/ once; a page that cannot be read is a problem, and left out.

    irregular: paths (from the project root) of links and special files already named (model.allowed_files),
    which are never opened, nor anything behind them.
    """
    pages: list[Page] = []
    by_text: dict[str, Page] = {}
    described_at: dict[str, int] = {}  # the line of each page's `description:`
    for path in sorted((root / DOCS_DIR).rglob("*.md")):
        where = path.relative_to(root).as_posix()
        if any(where == name or where.startswith(name + "/") for name in irregular):
            continue
        file = path.relative_to(root / DOCS_DIR).as_posix()
        text = read_text(path, f"{DOCS_DIR.as_posix()}/{file}", problems, limit=MAX_LEDGER_BYTES, empty_ok=True)
        if text is None:
            continue
        if refused := _character_problems(f"{DOCS_DIR.as_posix()}/{file}", text):
            problems += refused
            continue
        if crowd := crowded(text):
            problems.append(Problem(f"{DOCS_DIR.as_posix()}/{file}", *crowd))
            continue
        if hidden := _zero_width_in_heading(text):
            # The heading's anchor and the search index would hold the character, and links typed without it miss.
            problems.append(Problem(f"{DOCS_DIR.as_posix()}/{file}", hidden[0], f"a heading holds U+{ord(hidden[1]):04X}, an invisible "
                                    "character that makes its anchor and its search entry differ from the words shown",
                                    "remove it: retype the heading"))
            continue
        described_at[file] = next((n for n, line in enumerate(lines_of(text), 1) if line.startswith("description:")), 1)
        text, description = front_matter(text, f"{DOCS_DIR.as_posix()}/{file}", problems)
        problems += id_problems(f"{DOCS_DIR.as_posix()}/{file}", text)  # named, and the page read on: nothing else hangs on it
        title = heading_words(next((m[1] for line in text.splitlines() if (m := _H1.match(line))), path.stem))
        if brace := BRACES.search(title):  # the page's title is its Cite panel entry's title, in BibTeX too
            problems.append(Problem(f"{DOCS_DIR.as_posix()}/{file}", next((n for n, line in enumerate(lines_of(text), 1)
                                                                          if _H1.match(line)), 1),
                                    f"the page's heading holds {brace[0]!r}, which BibTeX reads as a group: its citation "
                                    "would break", BRACES_FIX))
            continue
        twin = by_text.get(comparable(text))
        if twin is not None:
            # A page is known by its text (see DocsIndex.identify): two alike would take each other's address.
            problems.append(Problem(f"{DOCS_DIR.as_posix()}/{file}", 1, f"has the same text as {twin.name}",
                                    "remove the copy, or make the two pages differ"))
            continue
        if same_address := next((page for page in pages if page.path == page_path(file)), None):
            # MkDocs would publish one over the other: links to either would reach a page nobody chose.
            problems.append(Problem(f"{DOCS_DIR.as_posix()}/{file}", 1, f"has the same address, /{page_path(file)}, as "
                                    f"{same_address.name}", "keep one of the two, or rename one"))
            continue
        pages.append(Page(file, title, text, tuple(page_citations(file, text, essay)), description))
        by_text[comparable(text)] = pages[-1]
    abstracts: dict[str, Page] = {}
    for page in pages:  # each page its own abstract: a reference manager would file two pages as one work
        if page.description is None:
            continue
        if (same := abstracts.get(page.description)) is not None:
            problems.append(Problem(page.name, described_at[page.file], f"has the same description as {same.name}",
                                    "give each page an abstract of its own"))
        abstracts.setdefault(page.description, page)
    return DocsIndex(tuple(pages))

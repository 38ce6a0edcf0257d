"""The pages under docs/, read once per build: their text, blocks, titles and citation markers.

The essay's paragraph numbers come from the source of record, so any page read alone can tell
which paragraph a citation sits in; the Sources page's "cited in" links, the checks, the metadata
and the Markdown extensions all read the pages from this one index.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..problems import Problem
from .addresses import page_path
from .essay import Essay
from .files import MAX_LEDGER_BYTES, read_text

DOCS_DIR = Path("docs")

REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:")
# Any name and any case, so that a misspelt marker is reported rather than printed.
MARKER = re.compile(r"^\[\[(edition):([^\]]*)\]\]$", re.IGNORECASE)


def marker_name(match: re.Match) -> str | None:
    """The name of a well-written marker ([[edition:name]] with a known name), else None."""
    return match[2] if match[1] == "edition" and match[2] in MARKERS else None
# The markers a page may hold, each expanded by the listings extension from data.
MARKERS = ("byline", "biographies", "image-credit", "sources", "offline-copy", "editorial-notes", "chronology",
           "glossary", "changes")
CODE_SPAN = re.compile(r"(`+).+?\1")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INDENTED = re.compile(r"^(?: {4}|\t)")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
_H1 = re.compile(r"^# +(.+?)\s*#*\s*$")


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


def code_lines(lines: list[str]) -> set[int]:
    """The (0-based) lines that Markdown shows as code: fenced blocks, and indented blocks not inside a list.

    A citation marker written there is an example, not a citation.
    """
    code, fence, previous_block, blank_before = set(), None, "", True
    for n, line in enumerate(lines):
        if fence is not None:
            code.add(n)
            if line.strip().startswith(fence):
                fence = None
            continue
        if match := FENCE.match(line):
            fence = match[1]
            code.add(n)
        elif line.strip() and INDENTED.match(line) and (blank_before or n - 1 in code) and not LIST_ITEM.match(previous_block):
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
    text: str = field(repr=False)
    citations: tuple[Citation, ...] = field(default=(), repr=False)

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


# Everything in them reaches the site (pages, assets, templates) or the build (records, ledgers).
PUBLISHED_DIRS = (DOCS_DIR, Path("overrides"), Path("sources"))
# The files docs/ may hold besides pages: a stylesheet, a script the configuration loads, images and
# fonts. Not HTML or XML: opened directly they are documents of the site's own origin, with scripts
# of their own and no policy to stop them; an SVG is allowed when it holds nothing that runs or fetches.
ASSET_TYPES = {".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff2", ".woff"}
PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")


def irregular_files(root: Path) -> list[Problem]:
    """Links, and anything but files and folders, in the folders whose files are published.

    A link would publish whatever it points to (a file outside the project, another's secrets), and
    a FIFO or device would hang or flood the build; so each is named, never followed or opened.
    """
    problems = []
    for folder in PUBLISHED_DIRS:
        if (root / folder).is_symlink():
            problems.append(Problem(folder.as_posix(), 0, "is a symbolic link: its target would be read and published",
                                    "make it a folder of the project"))
            continue
        for current, dirs, files in os.walk(root / folder, followlinks=False):
            for name in sorted(dirs + files):
                path = Path(current) / name
                mode = path.lstat().st_mode
                where = path.relative_to(root).as_posix()
                if stat.S_ISLNK(mode):
                    problems.append(Problem(where, 0, "is a symbolic link: its target would be published",
                                            "copy the file itself into the project, or remove the link"))
                elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                    problems.append(Problem(where, 0, "is not a regular file (a FIFO, socket or device)", "remove it"))
            dirs[:] = [d for d in dirs if not (Path(current) / d).is_symlink()]
    return problems


SVG = "{http://www.w3.org/2000/svg}"
# What an SVG image of the site may be made of: shapes, text, paint and their grouping. Nothing that
# runs (script, handlers, animation that sets attributes), loads (links, <image>, <style>, url() to
# elsewhere) or embeds another document (foreignObject).
SVG_ELEMENTS = {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title",
                "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask", "symbol", "use"}
SVG_ATTRIBUTES = {"viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
                  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
                  "stroke-opacity", "opacity", "transform", "font-size", "font-family", "font-weight", "text-anchor",
                  "dominant-baseline", "offset", "stop-color", "stop-opacity", "gradientunits", "gradienttransform",
                  "clip-path", "clip-rule", "mask", "id", "class", "version", "preserveaspectratio", "href"}


def _svg_problem(data: bytes) -> str | None:
    """What in an SVG would run or fetch when the file is opened on its own (it is then a document of the
    site's origin, with no policy); read as XML, as a browser reads it, against the allow-list above."""
    text = data.decode("utf-8", errors="replace")
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper() or re.search(r"<\?(?!xml\s)", text):
        return "holds a DOCTYPE, entities or a processing instruction"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return f"is not well-formed XML ({error})"
    for element in root.iter():
        tag = element.tag.removeprefix(SVG) if isinstance(element.tag, str) else "?"
        if not isinstance(element.tag, str) or not element.tag.startswith(SVG) or tag.lower() not in SVG_ELEMENTS:
            return f"holds <{tag}>, which is not a plain shape, text or paint element"
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local not in SVG_ATTRIBUTES:
                return f"has the attribute {local}="
            if local == "href" and not value.startswith("#"):
                return f"links to {value[:60]!r}"
            if "url(" in value.replace(" ", "").lower() and not re.fullmatch(r"\s*url\(\s*#[^)]*\)\s*", value):
                return f"loads {value[:60]!r}"
    return None


def asset_problems(root: Path, scripts: set[str] | None) -> list[Problem]:
    """Files under docs/ that are neither pages nor assets of a kind the site may serve (see ASSET_TYPES);
    scripts: the docs/-relative paths of the scripts mkdocs.yml loads, the only ones a page may run."""
    problems = []
    for path in sorted((root / DOCS_DIR).rglob("*")):
        if path.is_symlink() or not path.is_file() or path.name.startswith("."):
            continue  # links are irregular_files'; MkDocs leaves dotfiles out
        file = path.relative_to(root / DOCS_DIR).as_posix()
        where = f"{DOCS_DIR.as_posix()}/{file}"
        if path.suffix == ".md":
            if not PAGE_NAME.match(path.name):
                slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "page"
                problems.append(Problem(where, 0, "a page's file name must be lowercase letters, digits and hyphens (its URL)",
                                        f"rename it, for example to {slug}.md"))
        elif path.suffix.lower() not in ASSET_TYPES:
            problems.append(Problem(where, 0, f"a {path.suffix or 'extensionless'} file would be published as a document of the site",
                                    f"keep under docs/ only pages and {', '.join(sorted(ASSET_TYPES))} files"))
        elif path.suffix.lower() == ".svg" and (what := _svg_problem(path.read_bytes())):
            problems.append(Problem(where, 0, f"an SVG image that {what}", "save it without scripts, links or embedded documents"))
        elif path.suffix.lower() == ".js" and scripts is not None and file not in scripts:
            problems.append(Problem(where, 0, "a script that mkdocs.yml does not load: pages carry no scripts of their own",
                                    "remove it, or add it to `extra_javascript` in mkdocs.yml if the edition needs it"))
    return problems


def read_docs(root: Path, essay: Essay, problems: list[Problem]) -> DocsIndex:
    """Read every Markdown page under docs/ once; a page that cannot be read is a problem, and left out."""
    irregular = irregular_files(root)
    problems += irregular
    pages = []
    for path in sorted((root / DOCS_DIR).rglob("*.md")):
        where = path.relative_to(root).as_posix()
        if any(where == problem.path or where.startswith(problem.path + "/") for problem in irregular):
            continue  # named once, above (or behind a linked folder)
        file = path.relative_to(root / DOCS_DIR).as_posix()
        text = read_text(path, f"{DOCS_DIR.as_posix()}/{file}", problems, limit=MAX_LEDGER_BYTES, empty_ok=True)
        if text is None:
            continue
        title = next((m[1] for line in text.splitlines() if (m := _H1.match(line))), path.stem)
        twin = next((page for page in pages if comparable(page.text) == comparable(text)), None)
        if twin is not None:
            # A page is known by its text (see DocsIndex.identify): two alike would take each other's address.
            problems.append(Problem(f"{DOCS_DIR.as_posix()}/{file}", 1, f"has the same text as {twin.name}",
                                    "remove the copy, or make the two pages differ"))
            continue
        pages.append(Page(file, title, text, tuple(page_citations(file, text, essay))))
    return DocsIndex(tuple(pages))

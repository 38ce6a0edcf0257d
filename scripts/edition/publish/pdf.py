"""`make pdf`: the whole edition as one PDF, from the same Markdown and extensions as the site.

Each page of the essay and its appendices is rendered as the site renders it, so the notes carry the
same numbers and the same words as on the site: numbered from 1 on each page, a source's first note
on a page in full, later ones short, as a book's notes are by chapter. That print document is written
out as Typst markup (`typeset`) and laid out by Typst with the book's template
(`print/book.typ`): page footnotes, optimal line breaking, PDF/UA-1 tags. Typst reads only
the project's files and the fonts' folders, and every date comes from the commit, so the same commit
gives the same bytes.
"""

from __future__ import annotations

from ..interrupt import ready, until_ready

until_ready(__name__, "make pdf")  # before the imports below, which take half a second

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import signal
import sys
import tempfile
import unicodedata
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markdown
from lxml import etree
from lxml.html import HtmlElement

from .. import Edition, load
from ..cache import PDF_CACHE, keep, keep_json, read_bytes, read_json, write_atomic
from ..citeproc.forms import Accessed
from ..citeproc.pandoc import breakable_addresses
from ..htmltree import classes, fragment, is_element, outer_html, parse_html, replace_text, select, text_runs
from ..markdown.html import long_date
from ..model import Inputs
from ..model.addresses import (
    ESSAY_PARAGRAPH_CLASS,
    EVENT_LINKS_CLASS,
    PARAGRAPH_NUMBER_CLASS,
    SOURCES_PAGE,
    URL_TEXT,
    page_path,
    source_anchor,
)
from ..model.allowed_files import HARD_LINK, HARD_LINK_FIX
from ..model.docs import DOCS_DIR
from ..model.edition import PROJECT_FILES, PdfSettings, not_a_project
from ..model.files import read_text
from ..outputs import commit_epoch, epoch_before_release, epoch_day, epoch_problems, output_link_problem
from ..problems import Problem, ProblemsFound
from . import typeset
from .render import load_mkdocs_config

TEMPLATE = typeset.TEMPLATE  # the book's design, from the project's root
# The essay is in American English (War on the Rocks' spelling: "defense", "polarizes"); the editors'
# pages are in the edition's language. The PDF hyphenates each by its own language's patterns.
ESSAY_LANGUAGE = "en-US"
PAPERS = ("a4", "letter")  # `make pdf PAPER=letter`; the template names letter "us-letter", as Typst does


def pdf_settings(edition: Edition) -> PdfSettings:
    """The PDF's file name in the site, and the docs/ pages after the essay, in order (edition.yml's `pdf:`)."""
    return edition.meta.pdf


def build_date(edition: Inputs) -> str:
    """The day (in UTC) the PDF is dated: SOURCE_DATE_EPOCH, else the last commit's, else the version's.

    Never before the version's release: a version entered in changes.yml and built before it is committed is
    made on its release day at the earliest, not on the previous commit's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or commit_epoch(edition.root)
    if epoch:  # the commit's time read as SOURCE_DATE_EPOCH is: the same day whichever way it comes
        return max(epoch_day(int(epoch)), edition.released)
    return edition.released


def _page_marker(file: str) -> str:
    return "page-" + file.removesuffix(".md").replace("/", "-")


def _pdf_pages(edition: Edition, settings: PdfSettings) -> list[str]:
    return [section.page for section in edition.essay.sections] + list(settings.appendices)


def render_body(edition: Edition, settings: PdfSettings) -> tuple[str, str]:
    """The essay and appendices as one HTML document body, and the site's address.

    Each page is converted on its own, as the site converts it, so a page's notes are numbered from 1
    and a source's first note on it is given in full: "n. 5" of a section is the same note in the PDF
    as on the site. Footnote labels are unique across the edition, so the pages join without clashes.
    """
    config = load_mkdocs_config(edition)
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    parts = []
    for file in _pdf_pages(edition, settings):
        text = edition.docs.get(file).text
        kind = "appendix" if file not in edition.essay_pages else "essay opening" if not parts else "essay"
        # A raw HTML marker before each page, so links to the page can land on it.
        parts.append(md.reset().convert(f'<div class="pdf-page {kind}" id="{_page_marker(file)}" '
                                        f'data-file="{escape(DOCS_DIR.as_posix() + "/" + file)}"></div>\n\n{text}'))
    return "\n".join(parts), edition.site_url


def print_document(edition: Edition, settings: PdfSettings, date: str) -> str:
    """The full HTML the PDF is printed from: cover, contents, essay with page footnotes, appendices."""
    return _html(print_tree(edition, settings, date))


def _html(document: HtmlElement) -> str:
    return f"<!DOCTYPE html>\n{outer_html(document)}\n"


def print_tree(edition: Edition, settings: PdfSettings, date: str) -> HtmlElement:
    """The print document, parsed (its <html> element): what the Typst writer reads."""
    body, site_url = render_body(edition, settings)
    pages = fragment(body)
    _footnotes_in_place(pages)
    _short_evidence_only(pages)
    _essay_in_its_language(pages)
    _web_only_apparatus_removed(pages)
    _links_for_print(pages, site_url, {_page_marker(f) for f in _pdf_pages(edition, settings)})
    _calls_kept_with_their_words(pages)
    _addresses_marked(pages)
    for link in select(pages, "a.headerlink"):
        link.drop_tree()
    headings = list(pages.iter("h1"))
    for heading in headings:  # a running head for each section, and a page break before it
        heading.set("class", " ".join([*classes(heading), "section-title"]))
    contents = "\n".join(f'<li><a href="#{h.get("id")}">{escape(h.text_content().strip())}</a></li>'
                         for h in headings if h.get("id"))
    authors = [f"{a.given} {a.family}" for a in edition.meta.authors]
    original = edition.original
    pdf_url = urljoin(site_url, settings.file)
    description = (f"An annotated edition, version {edition.version}, of the essay by {' and '.join(authors)} "
                   f"first published in {original.container_title}, {long_date(original.issued)}.")
    document = parse_html(f"""<!DOCTYPE html>
<html lang="{edition.meta.language}">
<head>
<meta charset="utf-8">
<title>{escape(edition.full_title)}</title>
{''.join(f'<meta name="author" content="{escape(a)}">' for a in authors)}
<meta name="description" content="{escape(description)}">
<meta name="keywords" content="Iraq, United States, Iran, foreign policy, annotated edition">
<meta name="generator" content="edition.pdf (Typst)">
<meta name="dcterms.created" content="{date}">
<meta name="dcterms.modified" content="{date}">
</head>
<body>
<section class="cover">
<p class="cover-kind">An annotated edition · version {escape(edition.version)}</p>
<p class="cover-title">{escape(edition.meta.title)}</p>
<p class="cover-authors">{escape(' and '.join(authors))}</p>
<p class="cover-original">First published in <em>{escape(original.container_title)}</em>, {escape(long_date(original.issued))}<br>
<a href="{escape(original.url)}">{escape(original.url)}</a></p>
<p class="cover-edition">This edition reproduces the essay verbatim, with notes tracing its claims to primary sources.
Version {escape(edition.version)} of {escape(long_date(edition.released))}; this copy made {escape(long_date(date))}.<br>
Online, with every paragraph citable: <a href="{escape(site_url)}">{escape(site_url)}</a><br>
This PDF: <a href="{escape(pdf_url)}">{escape(pdf_url)}</a></p>
<p class="cover-citation">To cite this edition: {edition.cite_forms.of(edition.essay.sections[0].page)["chicago-bibliography"]}
A paragraph is cited by its number (¶), printed in the margin and the same online.</p>
</section>
<nav class="contents" aria-label="Contents">
<p class="contents-title">Contents</p>
<ol>
{contents}
</ol>
</nav>
<div id="pdf-body"></div>
</body>
</html>
""")
    # The body's own tree goes in, rather than its text parsed a second time: that took a third of the time.
    _replace_with_content(document.get_element_by_id("pdf-body"), pages)
    breakable_addresses(document)  # the cover's addresses too
    for accessed in select(document, "time.accessed"):  # the copy's day, not the day it was built
        accessed.set("datetime", date)
        _clear(accessed)
        accessed.text = Accessed(date).long
    return document


def _clear(element: HtmlElement) -> None:
    """Empty an element, keeping its attributes and the text after it."""
    element.text = None
    for child in list(element):
        element.remove(child)


def _replace_with_content(old: HtmlElement, holder: HtmlElement) -> None:
    """Put what holder holds (its text and children) where old is, before the text that followed old."""
    parent, last = old.getparent(), old.getprevious()
    _add_text(parent, last, holder.text)
    for child in list(holder):
        old.addprevious(child)  # with the text after it
        last = child
    tail, old.tail = old.tail, None
    parent.remove(old)
    _add_text(parent, last, tail)


def _add_text(parent: HtmlElement, after: HtmlElement | None, text: str | None) -> None:
    """Add text to parent after one of its children (None: at its start, before the first)."""
    if not text:
        return
    if after is not None:
        after.tail = (after.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _footnotes_in_place(root: HtmlElement) -> None:
    """Move each note from the end of the document to where it is cited, where Typst sets it as a page footnote."""
    by_id: dict[str, HtmlElement] = {}
    for element in root.iter(etree.Element):  # once: a search of the whole document per note is quadratic
        if element.get("id") is not None:
            by_id.setdefault(element.get("id"), element)
    for reference in [sup for sup in root.iter("sup") if (sup.get("id") or "").startswith("fnref")]:
        link = next((a for a in reference.iter("a") if a.get("href") is not None), None)
        note = by_id.get(link.get("href").lstrip("#")) if link is not None else None
        if note is None:
            continue
        for back in select(note, "a.footnote-backref"):
            back.drop_tree()
        # A call that directly follows another is printed after a comma (see the book's template).
        after_call = ["after-call"] if select(reference, ".note-separator") else []
        footnote = root.makeelement("span", {"class": " ".join(["footnote", *classes(note), *after_call]), "id": note.get("id")})
        for paragraph in list(note.iter("p")):
            if footnote.text or len(footnote):
                _add_text(footnote, footnote[-1] if len(footnote) else None, " ")
            _add_text(footnote, footnote[-1] if len(footnote) else None, paragraph.text)
            for child in list(paragraph):
                footnote.append(child)  # with the text after it
            paragraph.text = None
        _replace_with(reference, footnote)
        by_id[note.get("id")] = footnote  # now the first element with the id, as the note's call comes before it
    for block in select(root, "div.footnote"):
        block.drop_tree()


def _replace_with(old: HtmlElement, new: HtmlElement) -> None:
    """Put new where old is, before the text that followed old."""
    new.tail, old.tail = old.tail, None
    old.addnext(new)
    old.getparent().remove(old)


EVIDENCE_IN_PRINT = 240  # characters: a footnote that would crowd the page's text keeps its citation only


def _short_evidence_only(root: HtmlElement) -> None:
    """The source's words under a citation print where they are short; longer ones are on the site."""
    for evidence in select(root, "span.footnote span.note-evidence"):
        if len(evidence.text_content()) > EVIDENCE_IN_PRINT:
            _remove_with_space_before(evidence)


def _links_for_print(root: HtmlElement, site_url: str, included: set[str]) -> None:
    """Links to pages in the PDF stay inside it; links to other pages and files point at the site."""
    for link in root.iter("a"):
        href = link.get("href")
        if href is None:
            continue
        parts = urlsplit(href)
        if parts.scheme or href.startswith("#"):
            continue
        if parts.path.endswith(".md") and _page_marker(parts.path) in included:
            link.set("href", "#" + (parts.fragment or _page_marker(parts.path)))
        elif parts.path.endswith(".md"):
            link.set("href", urljoin(site_url, page_path(parts.path)) + (f"#{parts.fragment}" if parts.fragment else ""))
        else:
            link.set("href", urljoin(site_url, href))


def _essay_in_its_language(root: HtmlElement) -> None:
    """The essay's pages (from an essay page's marker to the next marker) carry the essay's language."""
    for marker in select(root, "div.pdf-page.essay"):
        for block in marker.itersiblings(etree.Element):
            if "pdf-page" in classes(block):
                break
            if block.get("lang") is None:
                block.set("lang", ESSAY_LANGUAGE)


def _web_only_apparatus_removed(root: HtmlElement) -> None:
    """Leave out what only a web page needs: each note's link to its source record (the Sources
    appendix lists every source) and the chronology dates after a paragraph (the Chronology appendix
    lists the paragraphs of each event), what a page marks `web-only` (the About page's pointer to the Cite
    panel: the cover gives the citation instead), and a folded record's label for its fold ("1 note's
    evidence; how it was checked": in print the record is open). The ¶ numbers, the notes' texts and
    editorial notes stay."""
    for element in select(root, "p.web-only") + select(root, "div.web-only"):
        element.drop_tree()
    for status in select(root, "summary.source-status"):
        level = status.find(".//strong")
        _clear(status)
        if level is not None:
            level.tail = None
            status.append(level)
    for run in select(root, f"p.{ESSAY_PARAGRAPH_CLASS} small.{EVENT_LINKS_CLASS}"):
        _remove_with_space_before(run)
    for records in select(root, "span.footnote span.note-records"):
        _remove_with_space_before(records)
    for note in select(root, "span.footnote"):
        records = {"#" + source_anchor(c.get("data-source")) for c in select(note, "span.citation") if c.get("data-source") is not None}
        records |= {f"{SOURCES_PAGE}#{anchor[1:]}" for anchor in records}  # before _links_for_print
        for link in [a for a in note.iter("a") if a.get("href") is not None]:
            if link.get("href") in records and not any("citation" in classes(p) for p in link.iterancestors()):
                _remove_with_space_before(link)
        last = note[-1] if len(note) else None
        if last is not None and last.tail:
            last.tail = last.tail.rstrip()
        elif last is None and note.text:
            note.text = note.text.rstrip()


def _remove_with_space_before(element: HtmlElement) -> None:
    """Remove an element and the space that led to it."""
    before = element.getprevious()
    if before is not None and before.tail:
        before.tail = before.tail.rstrip()
    elif before is None and element.getparent().text:
        element.getparent().text = element.getparent().text.rstrip()
    element.drop_tree()


BREAKABLE_SPACE = re.compile(r"[ \t\r\n]+(?=[^ \t\r\n]*$)")  # the last space a line may break at
# A domain name written in the text ("Military.com", "thenews.com.pk"): never hyphenated.
ADDRESS = re.compile(r"\b(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:com|org|net|gov|mil|edu|int|info|news|[a-z]{2})\b")


def _calls_kept_with_their_words(root: HtmlElement) -> None:
    """No line break between a word and the note calls after it, so "attacks.²³" never leaves "²³"
    alone at the start of a line: the word's last characters and the calls go into one unbreakable
    span (`.with-call`; the notes inside wrap as usual)."""
    for note in select(root, "span.footnote"):
        if any("with-call" in classes(parent) for parent in note.iterancestors()):  # a later call of a run already kept
            continue
        run = [note]
        while not run[-1].tail and is_element(following := run[-1].getnext()) and "footnote" in classes(following):
            run.append(following)
        # Back from the call, what joins it: text up to its last space, and elements without a space.
        parent, word, cursor = note.getparent(), [], note
        while True:
            before = cursor.getprevious()
            text = (before.tail if before is not None else parent.text) or ""
            space = BREAKABLE_SPACE.search(text)
            if space is not None or before is None or not _joins_a_word(before):
                start = space.end() if space is not None else 0
                lead = text[start:]
                if before is not None:
                    before.tail = text[:start] or None
                else:
                    parent.text = text[:start] or None
                break
            word.insert(0, before)  # with the text after it
            cursor = before
        keep = root.makeelement("span", {"class": "with-call"})
        note.addprevious(keep)
        keep.text = lead or None
        tail, run[-1].tail = run[-1].tail, None
        for piece in word + run:
            keep.append(piece)
        keep.tail = tail


def _joins_a_word(element: HtmlElement) -> bool:
    """Not a ¶ number or a note; not words or an address, which must be free to break (a call after a
    name of two words stays with it anyway: no line breaks between a letter and a figure)."""
    text = element.text_content() if is_element(element) else " "
    return not ({PARAGRAPH_NUMBER_CLASS, "footnote"} & set(classes(element)) or any(ch.isspace() for ch in text)
                or URL_TEXT.fullmatch(text))


def _addresses_marked(root: HtmlElement) -> None:
    """Domain names in running text go into `span.address`, which the book sets whole and unhyphenated."""
    for element, slot in text_runs(root):
        text = getattr(element, slot)
        holders = [element] if slot == "text" else []  # the elements the text is in
        if not ADDRESS.search(text) or any(e.tag in ("a", "code", "pre") for e in [*holders, *element.iterancestors()]):
            continue
        pieces, last = [], 0
        for match in ADDRESS.finditer(text):
            pieces.append(text[last:match.start()])
            address = root.makeelement("span", {"class": "address"})
            address.text = match.group()
            pieces.append(address)
            last = match.end()
        pieces.append(text[last:])
        replace_text(element, slot, pieces)


# The folders Typst takes faces from (where fontconfig looks by default): the system's and the user's own.
# expanduser, not Path.home(): with no home to be found it leaves "~" as it is, where Path.home() would stop.
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path(os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "fonts"),
             Path(os.path.expanduser("~/.fonts")))


def _layout_inputs(paper: str, root: Path) -> list[str]:
    """What the PDF's bytes depend on beside the printed document: the template, the paper, the fonts
    Typst can choose from, and the versions of the programs that lay it out and pack it."""
    from importlib.metadata import version

    fonts = sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                   for folder in FONT_DIRS if folder.is_dir() for p in folder.rglob("*") if p.is_file())
    return [(root / TEMPLATE).read_text(encoding="utf-8"), paper, repr(fonts),
            *(version(name) for name in ("typst", "pikepdf"))]


def _cache_key(document: str, layout: list[str]) -> str:
    """Everything the PDF's bytes depend on: the printed document and the layout's inputs."""
    return hashlib.sha256("\0".join([document, *layout]).encode()).hexdigest()[:32]


def _inputs_fingerprint(edition: Edition, date: str, layout: list[str]) -> str | None:
    """What the printed document is made from, hashed without making it (which takes half a second of a
    warm build): the pages as the edition read them, the project's other input files, the edition's code,
    the Python packages installed, the date. Broad on purpose: a file hashed that the document does not
    need costs at most a layout."""
    root = edition.root
    digest = hashlib.sha256()
    for page in edition.docs:  # read once, at loading: not opened again here
        digest.update(f"{page.file}\0{page.description}\0{page.text}\0".encode())
    # The notes as formatted: they depend on Pandoc, which is found on the PATH, not among the packages.
    digest.update(repr(sorted((source, repr(notes)) for source, notes in edition.notes.items())).encode())
    tops = [root / name for name in PROJECT_FILES] + [Path(__file__).resolve().parents[1]]  # the edition package
    try:
        for top in tops:
            for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
                name = path.relative_to(top.parent)  # from the top: a copy of the project hashes alike
                if path.is_file() and "__pycache__" not in path.parts and not (top.name == DOCS_DIR.name and path.suffix == ".md"):
                    with path.open("rb") as file:  # in pieces: a large scan among the sources is not held in memory
                        digest.update(f"{name}\0{hashlib.file_digest(file, 'sha256').hexdigest()}\0".encode())
    except OSError:
        return None  # a file that cannot be read: no shortcut, the document is made and compared instead
    packages = sorted(entry.name for folder in sys.path if os.path.isdir(folder)
                      for entry in os.scandir(folder) if entry.name.endswith(".dist-info"))  # name and version each
    digest.update("\0".join([sys.version, date, *packages, *layout]).encode())
    return digest.hexdigest()[:32]


def render_pdf(edition: Edition, target: Path, paper: str = "a4", cache: bool = False) -> list[Problem]:
    """Write the PDF to target (atomically); return problems instead of writing a broken one.

    With cache, a PDF made before from exactly the same inputs (see _cache_key) is reused: Typst's output for
    the same inputs is the same bytes.
    """
    root = edition.root
    # The book's template is read like every input: missing, a link, or not UTF-8 is named, not a traceback.
    unreadable: list[Problem] = []
    if read_text(root / TEMPLATE, TEMPLATE, unreadable) is None:
        return unreadable
    # Before the cache, which hashes regular files only: a FIFO or a link added since is refused as a cold run does.
    _template_folder(root, unreadable)
    unreadable += epoch_before_release(edition)
    if unreadable:
        return unreadable
    settings = pdf_settings(edition)
    date = build_date(edition)
    layout = _layout_inputs(paper, root) if cache else []
    fingerprint = _inputs_fingerprint(edition, date, layout) if cache else None
    # Inputs seen before name the document they gave, and its PDF is reused without making the document again.
    if fingerprint is not None and (data := _cached(root, _known_key(root / PDF_CACHE, fingerprint))) is not None:
        write_atomic(target, data)
        return []
    tree = print_tree(edition, settings, date)
    key = _cache_key(_html(tree), layout) if cache else None
    if key is not None and (data := _cached(root, key)) is not None:
        write_atomic(target, data)
        _remember(root / PDF_CACHE, fingerprint, key)
        return []
    problems, fetched = _print(tree, date, root, settings, paper, target)
    if key is not None and not problems:
        _keep(root, key, target.read_bytes(), fetched)
        _remember(root / PDF_CACHE, fingerprint, key)
    return problems


INPUTS_SEEN = "inputs.json"  # in the PDF cache: the document key the last inputs gave


def _known_key(folder: Path, fingerprint: str) -> str | None:
    seen = read_json(folder / INPUTS_SEEN, limit=1024)  # a note this build wrote is a hundred bytes; a huge one is none of its
    if isinstance(seen, dict) and seen.get("inputs") == fingerprint and re.fullmatch(r"[A-Za-z0-9_-]{1,128}", str(seen.get("key"))):
        return seen["key"]
    return None


def _remember(folder: Path, fingerprint: str | None, key: str) -> None:
    """Note which document these inputs gave (a note that cannot be written only costs making it again)."""
    if fingerprint is not None:
        keep_json(folder / INPUTS_SEEN, {"inputs": fingerprint, "key": key})


def _digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _cached(root: Path, key: str | None) -> bytes | None:
    """The PDF kept for these inputs, if its bytes are still the ones kept (the name carries their hash) and
    every file it loaded (the template's folder and the pictures; listed beside it with their hashes, by their paths in the
    project, so that a copy of the project checks its own files) is as it was."""
    if key is None:
        return None
    for path in (root / PDF_CACHE).glob(f"{key}-*.pdf"):
        loaded = read_json(path.with_suffix(".json"))
        data = read_bytes(path)
        if not isinstance(loaded, dict) or data is None:
            continue
        if path.stem.removeprefix(f"{key}-") != hashlib.sha256(data).hexdigest()[:32]:
            continue
        if all(_in_project(root, file) and _digest(root / file) == digest for file, digest in loaded.items()):
            return data
    return None


def _in_project(root: Path, file: object) -> bool:
    """A path the cache lists is one of the project's, written from its root ("docs/assets/map.svg")."""
    return isinstance(file, str) and not Path(file).is_absolute() and ".." not in Path(file).parts


def _keep(root: Path, key: str, data: bytes, fetched: set[Path]) -> None:
    """Keep one PDF (the cache is a copy, not an archive); a cache that cannot be written is only not kept."""
    folder = root / PDF_CACHE
    with contextlib.suppress(OSError):
        for old in [*folder.glob("*.pdf"), *folder.glob("*.json")]:
            old.unlink(missing_ok=True)
    name = folder / f"{key}-{hashlib.sha256(data).hexdigest()[:32]}"
    project = root.resolve()  # the fetcher resolves what it serves, so its paths are under the resolved root
    keep_json(name.with_suffix(".json"), {p.relative_to(project).as_posix(): _digest(p) for p in sorted(fetched)})
    keep(name.with_suffix(".pdf"), data)


def _print(tree: HtmlElement, date: str, root: Path, settings: PdfSettings, paper: str,
           target: Path) -> tuple[list[Problem], set[Path]]:
    """Lay the print document out with Typst and write the PDF to target; return the problems and the files it
    loaded."""
    import pikepdf
    import typst

    source, writer = typeset.book(tree, paper)
    pages = _marker_pages(tree)
    problems = [Problem(pages.get(page, "the print document"), 0, what, fix) for page, what, fix in writer.problems]
    with tempfile.TemporaryDirectory(prefix="edition-typst-") as sandbox:
        fetched = _sandbox(root, Path(sandbox), {file: pages.get(page, "") for file, page in writer.files.items()}, problems)
        if problems:
            return problems, fetched
        with tempfile.TemporaryDirectory(prefix="edition-typst-packages-") as packages, _offline():
            try:
                pdf, warnings = typst.compile_with_warnings(
                    source.encode(), root=sandbox, font_paths=[str(d) for d in FONT_DIRS if d.is_dir()],
                    ignore_system_fonts=True, pdf_standards=["ua-1"], timestamp=_timestamp(date),
                    package_path=packages, package_cache_path=packages)
            except typst.TypstError as error:
                return (_picture_problems(writer, Path(sandbox), pages)
                        or _where_written(_typst_problems(error, Path(sandbox), writer, pages), root)), fetched
        # A warning is a book printed wrong (a face not found, a label missing): refused like an error.
        if warnings:
            return [p for warning in warnings for p in _typst_problems(warning, Path(sandbox), writer, pages)], fetched
    # Typst writes each object on its own; packed into compressed object streams the file is half the size.
    with pikepdf.open(io.BytesIO(pdf)) as packed, io.BytesIO() as out:
        if lost := _set_as_nothing(packed):
            return _where_written([Problem("the print document", 0, f'the PDF cannot set it: the text `"{character}"` could '
                                           "not be displayed", _content_fix("could not be displayed")) for character in lost],
                                  root), fetched
        packed.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                    deterministic_id=True)
        write_atomic(target, out.getvalue())
    return [], fetched


def _set_as_nothing(pdf) -> list[str]:
    """The clusters the PDF shows nothing of. Typst says nothing of a cluster set in a face that has its mark but not
    the character it is set on (U+1B000 with an acute; an Arabic beh with U+1AB0, which no one face has: thirty-fifth
    hostile round, T11; thirty-sixth, T2): the face's glyphs for it are the mark's alone, of no width. So a character
    that starts the text of a glyph of no width, in a face none of whose glyphs with width starts with it, was not set;
    the cluster (the character and its marks) is given, which only the input that typed it holds.
    Read from each face's ToUnicode map and widths; pikepdf reads neither, and their grammars are small (below)."""
    import pikepdf

    lost: set[str] = set()
    widths: dict[tuple[int, int], dict[int, float]] = {}  # each face's, by its object
    for font in pdf.objects:
        if not (isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == "/Type0" and "/ToUnicode" in font):
            continue
        widths[font.objgen] = face = _widths(font.DescendantFonts[0])
        texts = _to_unicode(font.ToUnicode.read_bytes().decode("latin-1"))
        drawn = {text[0] for code, text in texts.items() if text and face.get(code, 0) > 0}
        lost |= {text for code, text in texts.items() if text and text[0] not in drawn and face.get(code, 0) == 0
                 and _takes_room(text[0])}
    # A glyph's map gives the text it was first set for; where it is set again for another, Typst says so in a span's
    # ActualText: a span whose glyphs all have no width, for text that takes room, was set as nothing too.
    for page in pdf.pages:
        fonts, font, spans = page.get("/Resources", {}).get("/Font", {}), None, []
        for operands, operator in pikepdf.parse_content_stream(page):
            if (name := str(operator)) == "Tf":
                font = fonts.get(operands[0])
            elif name in ("BDC", "BMC"):
                given = operands[1] if len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary) else {}
                spans.append((str(given.get("/ActualText", "")), []))
            elif name == "EMC" and spans:
                text, shown = spans.pop()
                if text and shown and not any(shown) and _takes_room(text[0]):
                    lost.add(text)
            elif name in ("Tj", "TJ") and spans and font is not None and font.objgen in widths:
                strings = [part for part in (operands[0] if name == "TJ" else operands) if isinstance(part, pikepdf.String)]
                spans[-1][1].extend(widths[font.objgen].get(int.from_bytes(code[n:n + 2]), 0) > 0
                                    for code in map(bytes, strings) for n in range(0, len(code), 2))
    return sorted(lost)


def _takes_room(character: str) -> bool:
    return unicodedata.category(character)[0] not in "MCZ"  # marks, format characters and spaces take no room


CMAP_HEX = re.compile(r"<([0-9A-Fa-f]+)>")


def _to_unicode(cmap: str) -> dict[int, str]:
    """A ToUnicode CMap's codes and the text each stands for (bfchar pairs, and bfrange runs)."""
    found = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        pairs = CMAP_HEX.findall(block)
        found |= {int(code, 16): bytes.fromhex(text).decode("utf-16-be", "replace")
                  for code, text in zip(pairs[::2], pairs[1::2], strict=False)}
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for low, high, target in re.findall(r"<(\w+)>\s*<(\w+)>\s*(\[[^\]]*\]|<\w+>)", block):
            first, texts = int(low, 16), CMAP_HEX.findall(target)
            if target.startswith("["):
                found |= {first + n: bytes.fromhex(text).decode("utf-16-be", "replace") for n, text in enumerate(texts)}
            else:  # a run: the target's last byte counts up
                start = bytes.fromhex(texts[0])
                found |= {first + n: (start[:-1] + bytes([(start[-1] + n) % 256])).decode("utf-16-be", "replace")
                          for n in range(int(high, 16) - first + 1)}
    return found


def _widths(font) -> dict[int, float]:
    """A CID font's /W array: `first [w1 w2 …]` and `first last w` entries (Typst's fonts give no other /DW than 0)."""
    import pikepdf

    entries, widths, n = list(font.get("/W", [])), {}, 0
    while n < len(entries):
        first = int(entries[n])
        if isinstance(entries[n + 1], pikepdf.Array):
            widths |= {first + k: float(width) for k, width in enumerate(entries[n + 1])}
            n += 2
        else:
            widths |= dict.fromkeys(range(first, int(entries[n + 1]) + 1), float(entries[n + 2]))
            n += 3
    return widths


def _picture_problems(writer: typeset.Writer, sandbox: Path, pages: dict[str, str]) -> list[Problem]:
    """Each picture Typst cannot read, named by the page that shows it: Typst's own report of a damaged picture
    points only at the template's line that sets pictures. Each is tried alone (a few hundredths of a second)."""
    import typst

    problems = []
    for picture, page in writer.files.items():
        try:
            typst.compile(f'#set document(title: "picture")\n#image("/{picture.as_posix()}", alt: "picture")'.encode(),
                          root=str(sandbox), ignore_system_fonts=True, font_paths=[])
        except typst.TypstError as error:
            problems.append(Problem(pages.get(page, "the print document"), 0,
                                    f"shows {picture.relative_to(DOCS_DIR).as_posix()}, which the PDF cannot show: {error.message}",
                                    "save it again as PNG, JPEG, GIF, WebP or SVG, whole"))
    return problems


def _marker_pages(tree: HtmlElement) -> dict[str, str]:
    """Each page's marker id in the print document, and the docs/ file it was made from."""
    return {marker.get("id"): marker.get("data-file", "") for marker in select(tree, "div.pdf-page") if marker.get("id")}


MAX_PRINT_FILE_BYTES = 32 * 2**20  # a font family is a few MB
MAX_PRINT_BYTES = 64 * 2**20


def _template_folder(root: Path, problems: list[Problem]) -> list[Path]:
    """The files of the template's folder (`print/`) that Typst may read; a link, a FIFO or another special file
    there is a problem, and left out."""
    project = root.resolve()
    files, total = [], 0
    for path in sorted((root / TEMPLATE).parent.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue  # its files are listed too
        name = path.relative_to(root).as_posix()
        if path.is_symlink() or not path.is_file() or not path.resolve().is_relative_to(project):
            problems.append(Problem(name, 0, "is a link or not a regular file, not a file the PDF may read",
                                    "make it a regular file of the project"))
            continue
        status = path.stat()
        if status.st_nlink > 1:
            problems.append(Problem(name, 0, HARD_LINK, HARD_LINK_FIX))
        elif status.st_size > MAX_PRINT_FILE_BYTES:  # copied for Typst at every run (fourteenth round, 71)
            problems.append(Problem(name, 0, f"is {status.st_size / 2**20:,.0f} MB, more than the "
                                    f"{MAX_PRINT_FILE_BYTES // 2**20} MB any template, font or figure of the book needs",
                                    "remove it from print/, or make it smaller"))
        else:
            files.append(path)
            total += status.st_size
    # And all of them together: eight files just under the limit each were 248 MB a run (fifteenth round, P3).
    if total > MAX_PRINT_BYTES:
        problems.append(Problem(Path(TEMPLATE).parent.as_posix() + "/", 0, f"holds {total / 2**20:,.0f} MB, more than the "
                                f"{MAX_PRINT_BYTES // 2**20} MB the book's template, fonts and figures need together",
                                "remove from print/ what the book does not use"))
    return files


def _sandbox(root: Path, sandbox: Path, pictures: dict, problems: list[Problem]) -> set[Path]:
    """Copy into the folder Typst may read what it needs: the template's folder (`print/`) and the pictures the
    pages show, each a regular file of the project, never through a link. Typst reads nothing else, so the
    files it read are these, and the cache checks them all. Returns the project's files copied."""
    copied: set[Path] = set()

    def copy(path: Path) -> None:
        name = path.relative_to(root)
        (sandbox / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, sandbox / name)
        copied.add(path.resolve())

    for path in _template_folder(root, problems):
        copy(path)
    for picture, page in pictures.items():  # named by the page that shows it
        path = root / picture
        if any(p.is_symlink() for p in [path, *path.parents][:len(picture.parts)]) or not path.is_file():
            problems.append(Problem(page, 0, f"shows {picture.relative_to(DOCS_DIR).as_posix()}, which is not a file of "
                                    "the project (a folder, a link or missing)", "show a picture file of the project"))
            continue
        copy(path)
    template = (root / TEMPLATE).read_text(encoding="utf-8")
    for match in PACKAGE.finditer(template):
        problems.append(Problem(TEMPLATE, template.count("\n", 0, match.start()) + 1,
                                f"imports the Typst package {match[1]}; the build has no packages and downloads none",
                                "copy what the book needs into print/"))
    return copied


# Where Typst's diagnostic points: "┌─ path:line:column", under each "error:" or "warning:" of the report.
DIAGNOSTIC_PLACE = re.compile(r"┌─ (.+?):(\d+):\d+")
DIAGNOSTIC_START = re.compile(r"^(?:error|warning): ", re.M)
# Typst names the source the build hands it (not a file) thus.
GENERATED = "__typst_py_bytes__.typ"


def _typst_problems(report, sandbox: Path, writer: typeset.Writer, pages: dict[str, str]) -> list[Problem]:
    """Every error (or the warning) of a Typst report, each named by where it points: a line of the template
    or of another file of print/, or else the page of the site whose content Typst could not set."""
    diagnostic = getattr(report, "diagnostic", "") or ""
    blocks = [b for b in DIAGNOSTIC_START.split(diagnostic) if b.strip()] or [report.message]
    hints = "; ".join(getattr(report, "hints", None) or [])
    problems = []
    for block in blocks:
        # Typst names the scratch folder it reads from; the reader knows the project's paths.
        message = block.strip().splitlines()[0].replace(str(sandbox.resolve()) + "/", "").replace(str(sandbox) + "/", "")
        places = [(file, int(line)) for file, line in DIAGNOSTIC_PLACE.findall(block)]
        in_print = [(f, n) for f, n in places if not f.endswith(GENERATED)]
        # The content of a page (Typst's trace passes through the lines written from it): name the page, and
        # the template's line if Typst gave one. A trace through the import alone is the template's own.
        from_page = [page for f, n in places if f.endswith(GENERATED) and (page := typeset.page_of(writer, n))]
        if from_page:
            page = pages.get(from_page[0], "the print document")
            where = f" (at {_in_sandbox(in_print[0][0], sandbox)}:{in_print[0][1]})" if in_print else ""
            problems.append(Problem(page, 0, f"the PDF cannot set this page's content: Typst: {message}{where}",
                                    _content_fix(message)))
        elif in_print:
            fix = "the template may read only files in print/ and the pictures the pages show" \
                if "file not found" in message else hints or "fix the book's template"
            problems.append(Problem(_in_sandbox(in_print[0][0], sandbox), in_print[0][1], f"Typst: {message}", fix))
        else:
            problems.append(Problem(TEMPLATE, 0, f"Typst: {message}", hints or "fix the book's template"))
    return list(dict.fromkeys(problems))  # one line for a problem Typst reports at several places


def _in_sandbox(file: str, sandbox: Path) -> str:
    """A file Typst names, as the project's path it was copied from."""
    path = (Path.cwd() / file).resolve()
    return path.relative_to(sandbox.resolve()).as_posix() if path.is_relative_to(sandbox.resolve()) else file


UNSET_TEXT = re.compile(r'the text `"(.+?)"` could not be displayed')
TYPST_ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]{1,6})\}|(.))")
TYPST_ESCAPED = {"n": "\n", "r": "\r", "t": "\t"}


def _typst_character(escape: re.Match) -> str:
    """The character a Typst string's escape stands for: a code point's (u{200b}), a quotation mark's, a line break's."""
    return chr(int(escape[1], 16)) if escape[1] else TYPST_ESCAPED.get(escape[2], escape[2])


def _where_written(problems: list[Problem], root: Path) -> list[Problem]:
    """A character no face has, named where an author wrote it (a record's title, a ledger, a page) rather than at
    each page that shows it (tenth hostile round, case 102: four pages named, never the record); as they were when
    no input file holds it as typed."""
    # As Typst writes it: \u{200b} for a character that draws nothing, \" for a quotation mark. Every face has the
    # characters of ASCII: one named beside a character no face has (a space, the letter an enclosing circle marks) is
    # no one's fault but that character's; looked for as typed, it named the first page holding it (thirty-second
    # hostile round, T6 and T7; thirty-third, T2 to T5).
    unset = {text for problem in problems if (found := UNSET_TEXT.search(problem.what))
             if not (text := TYPST_ESCAPE.sub(_typst_character, found[1])).isascii()}
    if not unset:
        return problems
    lines = [(path.relative_to(root).as_posix(), number, line)
             for path in sorted([*(root / "sources").rglob("*.yml"), *(root / DOCS_DIR).rglob("*.md")])
             if path.is_file() and not path.is_symlink()  # the inputs' checks named any other
             for number, line in enumerate((read_text(path, "", []) or "").splitlines(), 1)]
    # Nor is a character a mark was set on, whatever its script: Typst names the cluster's base with the mark, and a
    # curly quote or an é looked for as typed named the first page holding one (thirty-fourth hostile round, T4).
    marks = {text for text in unset if all(unicodedata.category(character)[0] == "M" for character in text)}
    unset = {text for text in unset if text in marks or not any(_marked(text, line, marks) for *_, line in lines)}
    written = []
    for text in sorted(unset):
        if (place := next(((name, number) for name, number, line in lines if text in line), None)) is None:
            return problems
        written.append(Problem(*place, f"holds {text!r}, which no face the PDF uses has (Noto Serif, Sans, Naskh Arabic): "
                               "the PDF cannot set it", "write it otherwise"))
    return written + [problem for problem in problems if not UNSET_TEXT.search(problem.what)]


def _marked(text: str, line: str, marks: set[str]) -> bool:
    """Whether line holds text with one of marks set on it, after any other marks (’́⃝)."""
    for found in re.finditer(re.escape(text), line):
        after = found.end()
        while after < len(line) and unicodedata.category(line[after])[0] == "M":
            if line[after] in marks:
                return True
            after += 1
    return False


def _content_fix(message: str) -> str:
    if "could not be displayed" in message:
        return "no face the PDF uses (Noto Serif, Sans, Naskh Arabic) has that character: write it otherwise"
    if "image" in message:
        return "show a picture in a format Typst reads (PNG, JPEG, GIF, SVG, WebP), whole"
    return f"change the page, or the book's template ({TEMPLATE}) so that it sets such content"


# A package import (`#import "@preview/…"`): a name Typst would look up among packages, and download.
PACKAGE = re.compile(r"[\"'](@[A-Za-z0-9_-]+/[^\"']*)")


PROXIES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


@contextlib.contextmanager
def _offline():
    """Should anything still ask Typst for a package (a name built at run time, which the check above cannot
    see), its download goes through a proxy at a closed port of this machine, and fails there."""
    saved = {name: os.environ.get(name) for name in (*PROXIES, "NO_PROXY", "no_proxy")}
    os.environ.update(dict.fromkeys(PROXIES, "http://127.0.0.1:9"))
    for name in ("NO_PROXY", "no_proxy"):
        os.environ.pop(name, None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _timestamp(date: str) -> int:
    """The PDF's creation time: SOURCE_DATE_EPOCH, else midnight (UTC) of the day the PDF is dated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return int(epoch)
    return int(dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC).timestamp())


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False


def _output_problems(output: Path, root: Path) -> list[Problem]:
    """The PDF goes to a file (new, or one to replace) in a folder that is, or can be made, and replaces none of
    the project's own files (only what a build wrote, under site/)."""
    inside = output.relative_to(root.resolve()) if output.is_relative_to(root.resolve()) else None
    if inside is not None and inside.parts[0] != "site":
        # A new file too: zensical.toml, or any name the build refuses on sight, broke every later build (nineteenth
        # hostile round, case 1); the project holds its inputs, and what a build writes goes to site/.
        return [Problem(str(output), 0, "is a file or folder of the project, which the PDF may not replace or add",
                        "write the PDF into site/ or outside the project")]
    if output.exists() and not output.is_file():
        return [Problem(str(output), 0, "is a folder or another kind of file, not a PDF to replace",
                        "give --output the path of a file, such as site/edition.pdf")]
    if output.is_file() and not _is_pdf(output):  # site/index.html, the built home page (eighteenth round, case 6)
        return [Problem(str(output), 0, "is a file that is not a PDF, which the PDF may not replace",
                        "give --output a new file, or the PDF to replace, such as site/edition.pdf")]
    folder = next((p for p in output.parents if p.exists()), None)
    if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        return [Problem(str(output), 0, f"cannot be written: {folder} is not a folder you can write to",
                        "give --output a file in a folder you can write to")]
    return []


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C: the PDF is written whole then renamed, so an interrupted one is never there
        print("pdf interrupted; nothing written", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--output", type=Path, help="where to write the PDF (default: ROOT/site/<file>)")
    parser.add_argument("--paper", choices=PAPERS, default="a4", help="page size (default: a4)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if elsewhere := not_a_project(root, "make pdf"):  # one line, not every input missing
            raise ProblemsFound([elsewhere])
        edition = load(root)
    except ProblemsFound as error:
        problems = error.problems
    else:
        problems = epoch_problems(root)
    if not problems:
        written = Path(os.path.abspath(args.output or root / "site" / pdf_settings(edition).file))
        # A folder of the project on the way that is a link (site/ made a link elsewhere) would put the PDF outside
        # it, as `make build` refuses too; a link the caller's own --output passes through outside the project is theirs.
        linked = next((folder for folder in written.parents
                       if folder != root and folder.is_relative_to(root) and folder.is_symlink()), None)
        output = written.resolve()
        problems = [output_link_problem(linked, root)] if linked else _output_problems(output, root)
    if not problems:
        try:
            problems = render_pdf(edition, output, args.paper)
        except OSError as error:  # the folder became unwritable, or the disk is full
            problems = [Problem(str(output), 0, f"cannot be written: {error.strerror}",
                                "give --output a file in a folder you can write to")]
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"pdf failed: {len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    print(f"wrote {output} ({output.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    ready()
    # Stopped (by `kill`, or a CI timeout), end as on Ctrl-C, so the scratch folders are removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())


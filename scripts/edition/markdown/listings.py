"""Python-Markdown extension: expand `[[edition:<name>]]` markers into content generated from data.

The Sources page, the byline, the biographies and the list of editorial notes are made here from
`sources/`, never written back into `docs/`. An unknown marker stays visible and is reported.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter, defaultdict

from markdown import Markdown

from ..model import Edition
from ..model.addresses import (
    DOWNLOADS,
    DOWNLOADS_DIR,
    OFFLINE_COPY,
    SOURCES_PAGE,
    download_link,
    event_anchor,
    paragraph_anchor,
    site_root,
    source_anchor,
    term_anchor,
)
from ..model.docs import MARKER, MARKERS, marker_name
from ..model.ledgers import SUPPORT
from .base import EditionExtension, EditionTreeprocessor, log
from .html import address, append_text, as_text, element, long_date, short_date

# No referrer leaks to the sites of the sources; the address is the link's text, so print need not repeat it.
EXTERNAL = {"rel": "noopener noreferrer", "class_": "bare-url"}


def _cited_in(edition: Edition) -> dict[str, list[tuple[str, int]]]:
    """Map each source or editorial note id to the (page, ¶N) places that cite it, in page order."""
    places = defaultdict(list)
    for citation in edition.docs.citations:
        place = (citation.page, citation.paragraph)
        if citation.paragraph and place not in places[citation.key]:
            places[citation.key].append(place)
    return places


def _paragraph_href(edition: Edition, number: int) -> str:
    return f"{edition.essay.section_of(number).page}#{paragraph_anchor(number)}"


def _paragraph_links(parent: etree.Element, places: list[tuple[str, int]]) -> None:
    for n, (page, number) in enumerate(places):
        if n:
            append_text(parent, ", ")
        element("a", f"¶{number}", parent, href=f"{page}#{paragraph_anchor(number)}")


class ListingTreeprocessor(EditionTreeprocessor):
    @property
    def offline(self) -> bool:
        return self.extension.offline

    @property
    def page_path(self) -> str | None:
        return self.extension.page.path if self.extension.page else None

    def stash(self, html: str) -> str:
        return self.md.htmlStash.store(html)

    def run(self, root: etree.Element) -> None:
        # Last marker first, so inserting one listing does not move the places of the others.
        for index, node in reversed(list(enumerate(root))):
            match = MARKER.match((node.text or "").strip()) if node.tag == "p" and not len(node) else None
            if not match:
                continue
            name = marker_name(match)
            if name is None:
                log.warning("unknown marker [[%s:%s]]: write [[edition:<name>]] with one of: %s",
                            match[1], match[2], ", ".join(MARKERS))
                continue
            build = getattr(self, "build_" + name.replace("-", "_"))
            edition = self.extension.edition_or_none()
            if edition is None:
                return
            root.remove(node)
            for offset, new in enumerate(build(edition)):
                root.insert(index + offset, new)

    def build_rights(self, edition: Edition) -> list[etree.Element]:
        """The edition's one rights statement, as its pages' metadata carry it: the page says what the tags say."""
        return [element("p", " ".join(edition.meta["rights"].split()), class_="rights")]

    # The opening page: who wrote the essay and where it first appeared.
    def build_byline(self, edition: Edition) -> list[etree.Element]:
        original = edition.original
        names = [f"{a['given']} {a['family']}" for a in edition.meta["authors"]]
        byline = element("p", "By " + " and ".join(names), class_="byline")
        published = element("p", "First published in ", class_="first-published")
        element("em", original.container_title, published).tail = f", {long_date(original.issued)}: "
        link = address(published, original.url, **EXTERNAL)
        link.tail = as_text(f". This annotated edition, version {edition.version}, reproduces the text verbatim.")
        return [byline, published]

    def build_biographies(self, edition: Edition) -> list[etree.Element]:
        return [element("p", bio, class_="biography") for bio in edition.essay.biographies]

    def build_image_credit(self, edition: Edition) -> list[etree.Element]:
        credit = element("p", edition.essay.image_credit, class_="image-credit")
        filename = element("p", "File name of the image on the original page: ", class_="image-file")
        element("code", edition.essay.image_filename, filename)
        return [credit, filename]

    def build_sources(self, edition: Edition) -> list[etree.Element]:
        cited_in = _cited_in(edition)
        levels = Counter(s.level for s in edition.registry)
        archived = sum(bool(s.archive_url) for s in edition.registry)
        count = len(edition.registry)
        summary = element("p", f"{count} source{'' if count == 1 else 's'}: the document itself seen for {levels['document']}, "
                                f"{levels['reported']} confirmed through contemporaneous reports, {levels['unverified']} not "
                                f"confirmed; {archived} with an archived copy.", class_="sources-summary")
        titles = Counter(source.title for source in edition.registry)
        repeated = {title for title, times in titles.items() if times > 1}
        index = element("h2", "Index", id="index")
        records = element("h2", "Records", id="records")
        return ([summary, self.downloads(), index, self.sources_index(edition, cited_in), records]
                + [self.source_entry(edition, source, cited_in[source.id], source.title in repeated) for source in edition.registry])

    def sources_index(self, edition: Edition, cited_in) -> etree.Element:
        """One line a source, to scan before reading: date, issuer, title, how far it was confirmed, where cited."""
        # Out of the search index, like the claims below: the records hold the same titles, and every page
        # loads the index on its first visit (the Sources page was two thirds of it).
        listing = element("ol", None, class_="sources-index", data_search_exclude="")
        for source in edition.registry:
            item = element("li", None, listing)
            # Spaces between the parts, for whatever reads the page as text (search, Reader View).
            element("span", short_date(source.issued), item, class_="source-date").tail = " "
            if by := source.issuer:
                element("span", by, item, class_="source-issuer").tail = " "
            element("a", source.title, item, href=f"#{source_anchor(source.id)}", class_="source-title").tail = " "
            element("span", source.level_words, item, class_=f"source-mark level-{source.level}").tail = " "
            cited = element("span", None, item, class_="source-cited")
            _paragraph_links(cited, cited_in[source.id])
        return listing

    def downloads(self) -> etree.Element:
        """Links to the registry files the build writes beside the pages."""
        up = site_root(self.page_path, self.offline)
        links = ", ".join(download_link(f"{up}{DOWNLOADS_DIR}/{name}", kind) for name, kind in DOWNLOADS.items())
        # Raw HTML: the files are made by the build, not pages MkDocs would recognise as links.
        return element("p", self.stash(f"Download every record for a reference manager: {links}."), class_="downloads")

    def build_offline_copy(self, edition: Edition) -> list[etree.Element]:
        """The About page's link to the whole site as a zip, or, inside that copy, a word that it is one."""
        if self.offline:
            return [element("p", "You are reading the offline copy: it works from your disk, search included. "
                                 "Its links to other sites need a connection.", class_="offline-copy")]
        up = site_root(self.page_path)
        link = download_link(f"{up}{DOWNLOADS_DIR}/{OFFLINE_COPY}", "Download the offline copy")
        return [element("p", self.stash(f"{link} (a zip file): unpack it and open <code>index.html</code> in a "
                                        "browser; it works without a connection, search included."), class_="offline-copy")]

    def source_words(self, edition: Edition, source, entry: etree.Element) -> None:
        """What the essay's notes take from the source: each claim, how far the source supports it, and its words."""
        claims = [c for c in edition.claims if c.source == source.id]
        if not claims:
            return
        listing = element("ul", None, entry, class_="source-claims", data_search_exclude="")  # the notes say it (see sources_index)
        for claim in claims:
            item = element("li", None, listing, class_="source-claim", data_support=claim.support)
            element("a", f"¶{claim.paragraph}", item, href=_paragraph_href(edition, claim.paragraph)).tail = as_text(
                f" {claim.claim}: this source {SUPPORT[claim.support]}.")
            if claim.excerpt:
                append_text(item, " It says: “")
                excerpt = source.excerpt_of(claim.excerpt)
                language = excerpt.language if excerpt else (source.language or "en")
                element("span", claim.excerpt, item, lang=language, dir="auto", class_="source-words").tail = "”"
                if excerpt and excerpt.by:
                    append_text(item, f" (as given by {excerpt.by})")
                append_text(item, ".")
            if claim.why:
                append_text(item, f" {claim.why}")

    def source_entry(self, edition: Edition, source, cited_in, repeated_title: bool = False) -> etree.Element:
        entry = element("div", class_=f"source-entry level-{source.level}")
        heading = element("h3", source.title, entry, id=source_anchor(source.id))
        if repeated_title:  # two documents of one title are told apart by who issued them and when
            detail = ", ".join(filter(None, (source.issuer, long_date(source.issued))))
            element("span", f" ({detail})", heading, class_="source-heading-detail")
        notes = edition.notes[source.id]
        element("p", self.stash(notes.bibliography or notes.full), entry, class_="source-citation")

        status = element("p", None, entry, class_="source-status")
        element("strong", f"{source.level_words.capitalize()}.", status).tail = as_text(LEVEL_EXPLAINED[source.level])
        if source.reports:
            reports = element("ul", None, entry, class_="source-reports")
            for report in source.reports:
                # The outlet as the link's words: a report's address can be longer than a line, and says less.
                item = element("li", "Reported by ", reports)
                element("a", report.outlet, item, href=report.url, rel=EXTERNAL["rel"]).tail = as_text(
                    f", {long_date(report.date)}")
        self.source_words(edition, source, entry)
        if source.verification:
            how = element("details", None, entry, class_="source-verification")
            element("summary", "How this record was checked", how)
            element("p", source.verification, how)

        links = element("ul", None, entry, class_="source-links")
        if source.url:
            item = element("li", "Original: ", links)
            element("a", source.url, item, href=source.url, **EXTERNAL)
            if source.url_status and source.url_status != "live":
                append_text(item, f" (link {source.url_status})")
        else:
            element("li", "No web address of the document itself could be confirmed.", links)
        if source.archive_url:
            item = element("li", f"Archived copy ({long_date(source.archive_date)}): ", links)
            element("a", source.archive_url, item, href=source.archive_url, **EXTERNAL)
        else:
            element("li", "No archived copy recorded.", links)

        if source.quotes:
            has_original = any(q.original for q in source.quotes)
            table = element("table", None, entry, class_="source-quotes")
            head = element("tr", None, element("thead", None, table))
            element("th", "The essay prints", head, scope="col")
            if has_original:
                element("th", "The source’s own words", head, scope="col")
            body = element("tbody", None, table)
            for quote in source.quotes:
                row = element("tr", None, body)
                element("td", f"“{quote.text}”", row)
                if has_original:
                    if quote.original:
                        element("td", quote.original, row, lang=quote.original_language, dir="rtl"
                                 if quote.original_language in ("ar", "fa", "he", "ur") else "ltr")
                    else:
                        element("td", "—", row)

        cited = element("p", "Cited in: " if cited_in else "Not cited in the essay’s paragraphs.", entry, class_="cited-in")
        _paragraph_links(cited, cited_in)
        return entry

    def build_editorial_notes(self, edition: Edition) -> list[etree.Element]:
        where = _cited_in(edition)
        listing = element("ol", None, class_="editorial-notes")
        for note in edition.editorial.values():
            item = element("li", None, listing, id=note.id)
            element("p", " ".join(note.text.split()), element("div", None, item))  # data: text, not Markdown
            places = element("p", "On " if where[note.id] else "Not attached to a paragraph.", item, class_="cited-in")
            _paragraph_links(places, where[note.id])
        return [listing]


    def build_chronology(self, edition: Edition) -> list[etree.Element]:
        """The dated events the essay refers to, as an ordered list styled as a timeline."""
        timeline = element("ol", None, class_="timeline")
        for event in edition.events:
            item = element("li", None, timeline, id=event_anchor(event.id))
            element("time", long_date(event.date), item, datetime=event.date, class_="event-date")
            element("p", event.what, item, class_="event-what")
            if event.date_note:
                element("p", event.date_note, item, class_="event-date-note")
            sources = element("p", "Sources: ", item, class_="event-sources")
            _source_links(sources, edition, event.sources)
            if event.paragraphs:
                places = element("p", "In the essay: ", item, class_="cited-in")
                _paragraph_links(places, [(edition.essay.section_of(n).page, n) for n in event.paragraphs])
        return [timeline]

    def build_glossary(self, edition: Edition) -> list[etree.Element]:
        """People, groups and institutions the essay names, in this edition's words."""
        listing = element("dl", None, class_="glossary")
        # People by family name (`sort:`), groups and institutions by name, as an index files them.
        for term in sorted(edition.glossary, key=lambda t: (t.sort or t.name).casefold()):
            element("dt", term.name, listing, id=term_anchor(term.id))
            entry = element("dd", None, listing)
            element("p", term.what, entry)
            sources = element("p", "Sources: ", entry, class_="term-sources")
            _source_links(sources, edition, term.sources)
        return [listing]

    def build_changes(self, edition: Edition) -> list[etree.Element]:
        """Every released version, newest first, with what changed."""
        out = []
        for release in edition.releases:
            heading = element("h2", f"Version {release.version}", id=f"v{release.version}")
            element("time", f" — {long_date(release.date)}", heading, datetime=release.date, class_="release-date")
            out.append(heading)
            changes = element("ul", None, class_="release-changes")
            for change in release.changes:
                item = element("li", None, changes, class_=f"change-{change.kind}")
                element("span", CHANGE_LABELS[change.kind], item, class_="change-kind").tail = as_text(" " + change.what)
            out.append(changes)
        return out


LEVEL_EXPLAINED = {
    "document": " The document itself was read at the address below.",
    "reported": " The document itself was not seen; the contemporaneous reports listed here confirm it.",
    "unverified": " Neither the document nor reports of it confirm every detail of this record; how it was checked, below, "
                  "says what is missing.",
}


def _source_links(parent: etree.Element, edition: Edition, sources) -> None:
    for n, source_id in enumerate(sources):
        if n:
            append_text(parent, "; ")
        source = edition.registry[source_id]
        element("a", source.title_short or source.title, parent, href=f"{SOURCES_PAGE}#{source_anchor(source_id)}")
        if not source.confirmed:
            append_text(parent, f" ({source.level_words})")


CHANGE_LABELS = {"text": "Text correction:", "annotation": "Annotations:", "source": "Sources:", "edition": "Edition:"}


class ListingExtension(EditionExtension):
    needs_page = True

    def register(self, md: Markdown) -> None:
        # After inline parsing (20), so generated text is not read as Markdown; before toc (5).
        md.treeprocessors.register(ListingTreeprocessor(md, self), "edition-listings", 14)


def makeExtension(**kwargs) -> ListingExtension:
    return ListingExtension(**kwargs)

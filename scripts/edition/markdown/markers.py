"""Python-Markdown extension: expand `[[edition:<name>]]` markers into content generated from data.

The Sources page, the byline, the biographies and the list of editorial notes are made here from
`sources/`, never written back into `docs/`. An unknown marker stays visible and is reported.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter, defaultdict
from html import escape

from markdown import Markdown

from .. import Edition
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
    version_anchor,
)
from ..model.docs import MARKER, MARKERS, marker_name
from ..model.ledgers import SUPPORT, ends_a_sentence
from ..model.sources import LEVELS
from .base import EditionExtension, EditionTreeprocessor, log
from .html import address, append_text, as_text, element, long_date, short_date

# No referrer leaks to the sites of the sources; the address is the link's text, so print need not repeat it.
EXTERNAL = {"rel": "noopener noreferrer", "class_": "bare-url"}


def _cited_in(edition: Edition) -> dict[str, list[tuple[str, int]]]:
    """Map each source or editorial note id to the (page, ¶N) places that cite it, in ¶ order (the pages come
    in file-name order, which is not the essay's)."""
    places = defaultdict(list)
    for citation in edition.docs.citations:
        place = (citation.page, citation.paragraph)
        if citation.paragraph and place not in places[citation.key]:
            places[citation.key].append(place)
    for cited in places.values():
        cited.sort(key=lambda place: place[1])
    return places


def _paragraph_href(edition: Edition, number: int) -> str:
    return f"{edition.essay.section_of(number).page}#{paragraph_anchor(number)}"


def _paragraph_links(parent: etree.Element, places: list[tuple[str, int]]) -> None:
    for n, (page, number) in enumerate(places):
        if n:
            append_text(parent, ", ")
        element("a", f"¶{number}", parent, href=f"{page}#{paragraph_anchor(number)}")


class MarkerTreeprocessor(EditionTreeprocessor):
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
            root.remove(node)
            for offset, new in enumerate(build(self.extension.edition)):
                root.insert(index + offset, new)

    def build_rights(self, edition: Edition) -> list[etree.Element]:
        """The edition's one rights statement, as its pages' metadata carry it: the page says what the tags say."""
        return [element("p", " ".join(edition.meta.rights.split()), class_="rights")]

    # The opening page: who wrote the essay and where it first appeared.
    def build_byline(self, edition: Edition) -> list[etree.Element]:
        original = edition.original
        names = [f"{a.given} {a.family}" for a in edition.meta.authors]
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
        summary = element("p", f"{count} source{'' if count == 1 else 's'}, {archived} with an archived copy. "
                               "How far each was confirmed:", class_="sources-summary")
        titles = Counter(source.title for source in edition.registry)
        repeated = {title for title, times in titles.items() if times > 1}
        index = element("h2", "Index", id="index")
        records = element("h2", "Records", id="records")
        table = element("div", None, class_="sources-index")  # the table's own width decides its layout
        table.extend([self.sources_filters(edition), self.sources_index(edition, cited_in)])
        entries = element("div", None, class_="source-records")  # one column, or two where each keeps its measure
        # A list, not a generator: ElementTree's extend turns any error raised inside a generator (Ctrl-C too)
        # into "TypeError: expected sequence".
        entries.extend([self.source_entry(edition, source, source.title in repeated) for source in edition.registry])
        return [summary, self.sources_levels(levels), self.downloads(), index, table, records, entries]

    def sources_levels(self, levels: Counter) -> etree.Element:
        """What each level of confirmation means and how many records have it, said once for every record
        (a record and its row in the index give the level in words)."""
        legend = element("dl", None, class_="sources-levels")
        for level, explained in LEVEL_EXPLAINED.items():
            element("dt", f"{LEVELS[level].capitalize()} ({levels[level]})", legend, class_=f"level-{level}")
            element("dd", explained, legend)
        return legend

    def sources_filters(self, edition: Edition) -> etree.Element:
        """The index's filters: hidden, since only the script makes them work (it shows them); the table reads
        in full without them."""
        tools = element("div", None, class_="sources-filters", hidden="", data_search_exclude="")
        level = element("label", "Confirmation ", tools)
        choice = element("select", None, level, data_filter="level")
        element("option", "any", choice, value="")
        for key, words in LEVELS.items():
            element("option", words, choice, value=key)
        section = element("label", "Cited in ", tools)
        choice = element("select", None, section, data_filter="section")
        element("option", "any section", choice, value="")
        for part in edition.essay.sections:
            if part.paragraphs:
                first, last = part.paragraphs[0].number, part.paragraphs[-1].number
                element("option", f"{part.heading or 'Opening'} (¶{first}–{last})", choice, value=part.slug)
        element("p", None, tools, class_="sources-shown", role="status")
        return tools

    def sources_index(self, edition: Edition, cited_in) -> etree.Element:
        """A row a source, to scan before reading: date, issuer, title, how far it was confirmed, where cited,
        an archived copy (a column only when a record has one: the summary above says how many do). The data-*
        values are what the script sorts and filters by; it adds the controls."""
        # Out of the search index, like the claims below: the records hold the same titles, and every page
        # loads the index on its first visit (the Sources page was two thirds of it).
        table = element("table", None, class_="sources-table", data_search_exclude="")
        archives = any(source.archive_url for source in edition.registry)
        in_date_order = all(a.issued <= b.issued for a, b in zip(edition.registry, list(edition.registry)[1:], strict=False))
        # No count: filtered, the table shows fewer rows (the status above it says how many), and the caption stays true.
        caption = element("caption", "Index of the sources", table)
        if in_date_order:  # the script hides these words once the rows are in another order
            element("span", ", oldest first", caption, class_="sources-order")
        append_text(caption, ": each title leads to its record.")
        head = element("tr", None, element("thead", None, table))
        for key, label in SOURCE_COLUMNS:
            cell = element("th", label, head, scope="col", data_sort=key, class_=f"sources-{key}")
            if key == "date" and in_date_order:
                cell.set("aria-sort", "ascending")
        if archives:
            element("th", "Archived copy", head, scope="col", class_="sources-archive")
        body = element("tbody", None, table)
        for source in edition.registry:
            places = cited_in[source.id]
            sections = dict.fromkeys(page.removesuffix(".md") for page, _ in places)
            row = element("tr", None, body, class_=f"level-{source.level}", data_level=source.level,
                          data_sections=" ".join(sections))
            date = element("td", None, row, class_="sources-date", data_value=source.issued)
            element("time", short_date(source.issued), date, datetime=source.issued)
            element("td", source.issuer or "", row, class_="sources-issuer")
            title = element("th", None, row, scope="row", class_="sources-title")
            element("a", source.title, title, href=f"#{source_anchor(source.id)}")
            element("td", source.level_words, row, class_="sources-level", data_value=str(list(LEVELS).index(source.level)))
            cited = element("td", None, row, class_="sources-cited",
                            data_value=str(places[0][1]) if places else "")
            _paragraph_links(cited, places)
            if not places:
                cited.text = "—"
            if not archives:
                continue
            archive = element("td", None, row, class_="sources-archive")
            if source.archive_url:
                element("a", short_date(source.archive_date) if source.archive_date else "archived", archive,
                        href=source.archive_url, rel=EXTERNAL["rel"])
            else:
                archive.text = "—"  # as a row cited nowhere; on a phone the empty cell is not shown
        return table

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

    def source_words(self, edition: Edition, source, claims, parent: etree.Element) -> None:
        """What the essay's notes take from the source: each claim, how far the source supports it, and its words."""
        listing = element("ul", None, parent, class_="source-claims", data_search_exclude="")  # the notes say it (see sources_index)
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
                    append_text(item, f" (as given by {excerpt.by}).")
                elif not ends_a_sentence(claim.excerpt):  # a full stop inside the quotation marks is the sentence's
                    append_text(item, ".")
            if claim.why:
                append_text(item, f" {claim.why}")

    def source_entry(self, edition: Edition, source, repeated_title: bool = False) -> etree.Element:
        """A record, compact: its title, its full citation (which gives the address), what only it can say (a dead
        link, an archived copy, the reports that confirm it, the quotations), and, folded, its evidence and checks.
        Its date, level, places and archive status are also in the index, where they can be compared."""
        entry = element("div", class_=f"source-entry level-{source.level}")
        heading = element("h3", source.title, entry, id=source_anchor(source.id))
        if repeated_title:  # two documents of one title are told apart by who issued them and when
            detail = ", ".join(filter(None, (source.issuer, long_date(source.issued))))
            element("span", f" ({detail})", heading, class_="source-heading-detail")
        notes = edition.notes[source.id]
        citation = notes.bibliography or notes.full
        element("p", self.stash(citation), entry, class_="source-citation")

        # The citation gives the address; what it cannot say is said here: a dead link, an archived copy.
        dead = source.url_status not in (None, "live")
        shown = source.url and not _links_to(citation, source.url)
        if shown or (source.url and dead) or source.archive_url:
            links = element("p", None, entry, class_="source-links")
            if shown:
                append_text(links, "Original: ")
                address(links, source.url, **EXTERNAL)
                append_text(links, f" (link {source.url_status})" if dead else "")
            elif source.url and dead:
                append_text(links, f"The link to the original is {source.url_status}")
            if source.archive_url:
                when = f" ({long_date(source.archive_date)})" if source.archive_date else ""
                append_text(links, f"{'; a' if shown or dead else 'A'}rchived copy{when}: ")
                address(links, source.archive_url, **EXTERNAL)
            append_text(links, ".")
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

        self.source_checks(edition, source, entry)
        return entry

    def source_checks(self, edition: Edition, source, entry: etree.Element) -> None:
        """The record's level in words, then, folded, what the notes take from it and how it was checked:
        the reports that confirm it and the editors' account."""
        claims = sorted((c for c in edition.claims if c.source == source.id), key=lambda c: c.paragraph)  # in ¶ order
        if not (claims or source.reports or source.verification):
            element("strong", f"{source.level_words.capitalize()}.", element("p", None, entry, class_="source-status"))
            return
        how = element("details", None, entry, class_="source-verification")
        status = element("summary", None, how, class_="source-status")
        element("strong", f"{source.level_words.capitalize()}.", status)
        what = [f"{len(claims)} note{'’s' if len(claims) == 1 else 's’'} evidence"] if claims else []
        what += ["how it was checked"] if source.verification or source.reports else []
        what = "; ".join(what)
        append_text(status, f" {what[0].upper()}{what[1:]}")
        if claims:
            self.source_words(edition, source, claims, how)
        if source.reports:
            # The outlet as the link's words: a report's address can be longer than a line, and says less.
            reports = element("p", "Reported by ", how, class_="source-reports")
            for n, report in enumerate(source.reports):
                if n:
                    append_text(reports, "; ")
                element("a", report.outlet, reports, href=report.url, rel=EXTERNAL["rel"]).tail = as_text(
                    f", {long_date(report.date)}")
            append_text(reports, ".")
        if source.verification:
            element("p", source.verification, how)

    def build_editorial_notes(self, edition: Edition) -> list[etree.Element]:
        where = _cited_in(edition)
        listing = element("ol", None, class_="editorial-notes")
        for note in edition.editorial.values():
            item = element("li", None, listing, id=note.id)
            element("p", " ".join(note.text.split()), element("div", None, item))  # data: text, not Markdown
            places = element("p", "On " if where[note.id] else "Not attached to a paragraph.", item, class_="cited-in",
                             data_search_exclude="")  # search finds titles and words, not ¶ numbers
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
            sources = element("p", "Sources: ", item, class_="event-sources", data_search_exclude="")
            _source_links(sources, edition, event.sources)
            if event.paragraphs:
                places = element("p", "In the essay: ", item, class_="cited-in", data_search_exclude="")
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
            sources = element("p", "Sources: ", entry, class_="term-sources", data_search_exclude="")
            _source_links(sources, edition, term.sources)
        return [listing]

    def build_changes(self, edition: Edition) -> list[etree.Element]:
        """Every released version, newest first, with what changed."""
        out = []
        for release in edition.releases:
            heading = element("h2", f"Version {release.version}", id=version_anchor(release.version))
            element("time", f" — {long_date(release.date)}", heading, datetime=release.date, class_="release-date")
            out.append(heading)
            changes = element("ul", None, class_="release-changes")
            for change in release.changes:
                item = element("li", None, changes, class_=f"change-{change.kind}")
                element("span", CHANGE_LABELS[change.kind], item, class_="change-kind").tail = as_text(" " + change.what)
            out.append(changes)
        return out


LEVEL_EXPLAINED = {
    "document": "The document itself was read, at the address its citation gives.",
    "reported": "The document itself was not seen; the contemporaneous reports its record lists confirm it.",
    "unverified": "Neither the document nor reports of it confirm every detail of the record; how it was checked "
                  "says what is missing.",
}

# The index's columns the script can sort by (data-sort says how), and their headings.
SOURCE_COLUMNS = (("date", "Date"), ("issuer", "Issuer"), ("title", "Title"), ("level", "Confirmation"), ("cited", "Cited in"))




def _links_to(html: str, url: str) -> bool:
    """Whether formatted HTML (a citation) already links to the address."""
    return f'href="{escape(url)}"' in html or f'href="{url}"' in html


def _source_links(parent: etree.Element, edition: Edition, sources) -> None:
    for n, source_id in enumerate(sources):
        if n:
            append_text(parent, "; ")
        source = edition.registry[source_id]
        element("a", source.title_short or source.title, parent, href=f"{SOURCES_PAGE}#{source_anchor(source_id)}")
        if not source.confirmed:
            append_text(parent, f" ({source.level_words})")


CHANGE_LABELS = {"text": "Text correction:", "annotation": "Annotations:", "source": "Sources:", "edition": "Edition:"}


class MarkerExtension(EditionExtension):
    needs_page = True

    def register(self, md: Markdown) -> None:
        # After inline parsing (20), so generated text is not read as Markdown; before toc (5).
        md.treeprocessors.register(MarkerTreeprocessor(md, self), "edition-markers", 14)


def makeExtension(**kwargs) -> MarkerExtension:
    return MarkerExtension(**kwargs)

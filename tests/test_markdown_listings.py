"""The listings extension: `[[edition:<name>]]` markers become content generated from sources/.

Markers in a fragment are expanded from a made-up edition (the real one with one ledger replaced),
so the whole expected HTML can be written out; what depends on the page (the way up to the
downloads) is rendered on the real pages of docs/.
"""

from __future__ import annotations

import dataclasses

import pytest

from edition.citeproc.pandoc import Notes
from edition.markdown.listings import ListingExtension
from edition.model.ledgers import Change, EditorialNote, Event, Release, Term
from edition.model.sources import Quote, Registry, Source
from markdown_cases import convert, edition_warnings, page_text, parse


def listing(edition, text: str, offline: bool = False, mkdocs: bool = False) -> str:
    return convert(text, ListingExtension(edition=edition, offline=offline), mkdocs=mkdocs)


def made_up_source(**fields) -> Source:
    return Source(**{"id": "made-up", "type": "webpage", "title": "A made-up page", "issued": "2020-03-01",
                     "level": "document", "path": "sources/made-up.yml", "line": 1} | fields)


def with_sources(edition, *sources: Source):
    notes = {source.id: Notes(full="<em>Full</em> note.", short="Short.", bibliography="<em>Bibliography</em> entry.")
             for source in sources}
    return dataclasses.replace(edition, registry=Registry({s.id: s for s in sources}), notes=edition.notes | notes)


# The byline, the biographies and the image credit: the opening and About pages.

def test_the_byline_marker_becomes_the_authors_and_the_first_publication(edition):
    original = edition.original
    assert listing(edition, "[[edition:byline]]") == (
        '<p class="byline">By Maria Fantappie and Sam Heller</p>\n'
        f'<p class="first-published">First published in <em>{original.container_title}</em>, March 2020: '
        f'<a class="bare-url" href="{original.url}" rel="noopener noreferrer">{original.url}</a>. '
        f"This annotated edition, version {edition.version}, reproduces the text verbatim.</p>"
    )


def test_the_biographies_marker_becomes_one_paragraph_per_biography_verbatim(edition):
    assert listing(edition, "[[edition:biographies]]") == "\n".join(
        f'<p class="biography">{bio}</p>' for bio in edition.essay.biographies)


def test_the_image_credit_marker_gives_the_credit_and_the_file_name_as_code(edition):
    essay = edition.essay
    assert listing(edition, "[[edition:image-credit]]") == (
        f'<p class="image-credit">{essay.image_credit}</p>\n'
        f'<p class="image-file">File name of the image on the original page: <code>{essay.image_filename}</code></p>'
    )


def test_a_marker_replaces_only_its_own_paragraph(edition):
    html = listing(edition, "Before.\n\n[[edition:biographies]]\n\nAfter.")
    paragraphs = [(p.get("class"), p.get_text()) for p in parse(html).find_all("p")]
    assert paragraphs == [(None, "Before."), *((["biography"], bio) for bio in edition.essay.biographies), (None, "After.")]


def test_several_markers_on_a_page_each_expand_in_place(edition):
    html = listing(edition, "[[edition:image-credit]]\n\nBetween.\n\n[[edition:biographies]]")
    classes = [p.get("class", ["-"])[0] for p in parse(html).find_all("p")]
    assert classes == ["image-credit", "image-file", "-", *["biography"] * len(edition.essay.biographies)]


# The downloads: relative to the page online, beside it in the offline copy.

def test_the_offline_setting_changes_the_download_links(edition):
    about = page_text(edition, "about.md")
    online = parse(listing(edition, about, mkdocs=True)).select_one("p.offline-copy")
    offline = parse(listing(edition, about, offline=True, mkdocs=True)).select_one("p.offline-copy")
    assert str(online) == (
        '<p class="offline-copy"><a class="download" download="" href="../downloads/iraq-restraint-edition-offline.zip">'
        "Download the offline copy</a> (a zip file): unpack it and open <code>index.html</code> in a browser; "
        "it works without a connection, search included.</p>")
    assert str(offline) == (
        '<p class="offline-copy">You are reading the offline copy: it works from your disk, search included. '
        "Its links to other sites need a connection.</p>")


def test_the_registry_downloads_lead_up_from_the_sources_page_and_sit_beside_it_offline(edition):
    sources = page_text(edition, "sources.md")
    online = parse(listing(edition, sources, mkdocs=True)).select_one("p.downloads")
    offline = parse(listing(edition, sources, offline=True, mkdocs=True)).select_one("p.downloads")
    assert [(a["href"], a.get_text()) for a in online.find_all("a")] == [
        ("../downloads/sources.json", "CSL-JSON"), ("../downloads/sources.bib", "BibTeX")]
    assert [a["href"] for a in offline.find_all("a")] == ["downloads/sources.json", "downloads/sources.bib"]


def test_in_a_fragment_the_downloads_are_linked_from_where_the_fragment_is(edition):
    html = listing(edition, "[[edition:offline-copy]]")
    assert parse(html).a["href"] == "downloads/iraq-restraint-edition-offline.zip"


# The Sources page.

def test_the_sources_marker_gives_a_summary_then_one_entry_per_source(edition):
    soup = parse(listing(edition, page_text(edition, "sources.md"), mkdocs=True))
    seen = sum(source.level == "document" for source in edition.registry)
    reported = sum(source.level == "reported" for source in edition.registry)
    assert soup.select_one("p.sources-summary").get_text() == (
        f"{len(edition.registry)} sources: the document itself seen for {seen}, {reported} confirmed through "
        f"contemporaneous reports, {len(edition.registry) - seen - reported} not confirmed; 0 with an archived copy.")
    assert [h2.get_text().removesuffix("#") for h2 in soup.select("h2")] == ["Index", "Records"]  # the side contents: two entries
    assert [h3["id"] for h3 in soup.select("div.source-entry > h3")] == [f"src-{s.id}" for s in edition.registry]
    # The index: a line a source, in the records' order, each leading to its record.
    assert [a["href"] for a in soup.select("ol.sources-index > li > a.source-title")] == [f"#src-{s.id}" for s in edition.registry]
    assert len(soup.select("div.source-entry.level-reported")) == reported


def test_a_source_entry_gives_its_citation_status_links_and_places(edition):
    source = made_up_source(url="https://example.org/page?a=1&b=2", verification="Checked against the page.")
    assert listing(with_sources(edition, source), "[[edition:sources]]").split("\n", 2)[2] == (
        '<h2 id="index">Index</h2>\n'
        '<ol class="sources-index" data-search-exclude="">\n'
        '<li><span class="source-date">1 Mar 2020</span> <a class="source-title" href="#src-made-up">A made-up page</a> '
        '<span class="source-mark level-document">document seen</span> <span class="source-cited"></span></li>\n'
        '</ol>\n'
        '<h2 id="records">Records</h2>\n'
        '<div class="source-entry level-document">\n'
        '<h3 id="src-made-up">A made-up page</h3>\n'
        '<p class="source-citation"><em>Bibliography</em> entry.</p>\n'
        '<p class="source-status"><strong>Document seen.</strong> The document itself was read at the address below.</p>\n'
        '<details class="source-verification">\n'
        '<summary>How this record was checked</summary>\n'
        '<p>Checked against the page.</p>\n'
        '</details>\n'
        '<ul class="source-links">\n'
        '<li>Original: <a class="bare-url" href="https://example.org/page?a=1&amp;b=2" rel="noopener noreferrer">'
        "https://example.org/page?a=1&amp;b=2</a></li>\n"
        "<li>No archived copy recorded.</li>\n"
        "</ul>\n"
        '<p class="cited-in">Not cited in the essay’s paragraphs.</p>\n'
        "</div>"
    )


def test_an_unverified_source_without_address_says_so(edition):
    source = made_up_source(level="unverified")
    soup = parse(listing(with_sources(edition, source), "[[edition:sources]]"))
    assert soup.select_one("div.source-entry")["class"] == ["source-entry", "level-unverified"]
    assert str(soup.select_one("p.source-status")) == (
        '<p class="source-status"><strong>Not confirmed.</strong> Neither the document nor reports of it confirm every '
        'detail of this record; how it was checked, below, says what is missing.</p>')
    assert soup.select_one("details.source-verification") is None  # nothing said of how: nothing to unfold
    assert soup.select_one(".sources-index .source-mark")["class"] == ["source-mark", "level-unverified"]
    assert [li.get_text() for li in soup.select("ul.source-links li")] == [
        "No web address of the document itself could be confirmed.", "No archived copy recorded."]


def test_an_archived_copy_and_a_dead_link_are_shown_beside_the_original(edition):
    source = made_up_source(url="https://example.org/gone", url_status="dead",
                            archive_url="https://web.archive.org/web/2020/https://example.org/gone",
                            archive_date="2020-04-01")
    items = parse(listing(with_sources(edition, source), "[[edition:sources]]")).select("ul.source-links li")
    assert [li.get_text() for li in items] == [
        "Original: https://example.org/gone (link dead)",
        "Archived copy (1 April 2020): https://web.archive.org/web/2020/https://example.org/gone"]


def test_the_quotations_of_a_source_stand_beside_its_own_words_with_their_language_and_direction(edition):
    quotes = (Quote("We do not seek war.", "لا نسعى إلى الحرب", "ar"), Quote("Untranslated."))
    source = made_up_source(quotes=quotes)
    table = parse(listing(with_sources(edition, source), "[[edition:sources]]")).select_one("table.source-quotes")
    assert [th.get_text() for th in table.select("thead th")] == ["The essay prints", "The source’s own words"]
    assert [str(td) for td in table.select("tbody td")] == [
        "<td>“We do not seek war.”</td>", '<td dir="rtl" lang="ar">لا نسعى إلى الحرب</td>',
        "<td>“Untranslated.”</td>", "<td>—</td>"]


def test_two_sources_of_one_title_are_told_apart_by_issuer_and_date(edition):
    first = made_up_source(id="first", container_title="U.S. Department of Defense", issued="2020-01-02")
    second = made_up_source(id="second", container_title="U.S. Department of Defense", issued="2020-03-12")
    other = made_up_source(id="other", title="Another page")
    soup = parse(listing(with_sources(edition, first, second, other), "[[edition:sources]]"))
    assert [h3.get_text() for h3 in soup.select("div.source-entry > h3")] == [
        "A made-up page (U.S. Department of Defense, 2 January 2020)", "Another page",
        "A made-up page (U.S. Department of Defense, 12 March 2020)"]


def test_a_source_cited_in_the_essay_links_back_to_each_paragraph(edition):
    soup = parse(listing(edition, page_text(edition, "sources.md"), mkdocs=True))
    cited_in = soup.find(id="src-nyt-2020-03-27").find_parent("div").select_one("p.cited-in")
    assert str(cited_in) == '<p class="cited-in">Cited in: <a href="index.md#p2">¶2</a></p>'


def test_markup_in_a_source_record_stays_text(edition):
    source = made_up_source(title='<script>alert("x")</script> & co', verification="<b>not bold</b>")
    html = listing(with_sources(edition, source), "[[edition:sources]]")
    assert '<h3 id="src-made-up">&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</h3>' in html
    assert "<p>&lt;b&gt;not bold&lt;/b&gt;</p>" in html
    assert "<script>" not in html


# The ledgers: editorial notes, chronology, glossary, changes.

def test_the_editorial_notes_marker_lists_each_note_as_text_with_where_it_is_attached(edition):
    # A note is data: its words are shown as typed, never read as Markdown or HTML.
    note = EditorialNote("ed-made-up", "The essay says *so* & <b>so</b>.", (), "sources/essay/editorial-notes.yml", 1)
    made_up = dataclasses.replace(edition, editorial={note.id: note})
    assert listing(made_up, "[[edition:editorial-notes]]") == (
        '<ol class="editorial-notes">\n'
        '<li id="ed-made-up">\n'
        "<div>\n<p>The essay says *so* &amp; &lt;b&gt;so&lt;/b&gt;.</p>\n</div>\n"
        '<p class="cited-in">Not attached to a paragraph.</p>\n'
        "</li>\n"
        "</ol>"
    )


def test_an_editorial_note_cited_in_the_essay_links_to_its_paragraph(edition):
    html = listing(edition, "[[edition:editorial-notes]]")
    assert str(parse(html).find(id="ed-zarif").select_one("p.cited-in")) == (
        '<p class="cited-in">On <a href="irans-asymmetric-retaliation.md#p12">¶12</a></p>')


def test_the_chronology_marker_gives_each_event_with_its_date_sources_and_paragraphs(edition):
    shortened = made_up_source(id="long", title="A long title: with a subtitle", title_short="A long title")
    unverified = made_up_source(id="doubtful", title="A doubtful page", level="unverified")
    event = Event("made-up", "2019-09-14", "Something happens.", ("long", "doubtful"), (5, 6),
                  "The date is the one the essay gives.")
    made_up = dataclasses.replace(with_sources(edition, shortened, unverified), events=(event,))
    assert listing(made_up, "[[edition:chronology]]") == (
        '<ol class="timeline">\n'
        '<li id="ev-made-up"><time class="event-date" datetime="2019-09-14">14 September 2019</time>'
        '<p class="event-what">Something happens.</p>\n'
        '<p class="event-date-note">The date is the one the essay gives.</p>\n'
        '<p class="event-sources">Sources: <a href="sources.md#src-long">A long title</a>; '
        '<a href="sources.md#src-doubtful">A doubtful page</a> (not confirmed)</p>\n'
        '<p class="cited-in">In the essay: '
        '<a href="index.md#p5">¶5</a>, <a href="a-slow-burning-conflict.md#p6">¶6</a></p>\n'
        "</li>\n"
        "</ol>"
    )


def test_markup_in_an_event_stays_text(edition):
    event = Event("made-up", "2020-01", "Rockets <hit> a base & more.", (), (), None)
    html = listing(dataclasses.replace(edition, events=(event,)), "[[edition:chronology]]")
    assert '<time class="event-date" datetime="2020-01">January 2020</time>' in html
    assert '<p class="event-what">Rockets &lt;hit&gt; a base &amp; more.</p>' in html


def test_the_glossary_marker_lists_the_entries_by_name_whatever_their_case(edition):
    terms = (Term("zeta", "zeta group", ("zeta",), "Last <in> the alphabet & more.", ("made-up",)),
             Term("alpha", "Alpha Council", ("Alpha",), "First.", ()))
    made_up = dataclasses.replace(with_sources(edition, made_up_source()), glossary=terms)
    assert listing(made_up, "[[edition:glossary]]") == (
        '<dl class="glossary">\n'
        '<dt id="term-alpha">Alpha Council</dt>\n'
        "<dd>\n"
        "<p>First.</p>\n"
        '<p class="term-sources">Sources: </p>\n'
        "</dd>\n"
        '<dt id="term-zeta">zeta group</dt>\n'
        "<dd>\n"
        "<p>Last &lt;in&gt; the alphabet &amp; more.</p>\n"
        '<p class="term-sources">Sources: <a href="sources.md#src-made-up">A made-up page</a></p>\n'
        "</dd>\n"
        "</dl>"
    )


def test_a_person_is_filed_by_family_name_and_a_group_by_its_name(edition):
    terms = (Term("zarif", "Mohammad Javad Zarif", ("Zarif",), "A minister.", (), 0, "Zarif, Mohammad Javad"),
             Term("quds", "Quds Force", ("Quds Force",), "A force.", ()),
             Term("muhandis", "Abu Mahdi al-Muhandis", ("Muhandis",), "A commander.", (), 0, "Muhandis, Abu Mahdi al-"))
    html = listing(dataclasses.replace(edition, glossary=terms), "[[edition:glossary]]")
    assert [dt.get_text() for dt in parse(html).select("dt")] == ["Abu Mahdi al-Muhandis", "Quds Force", "Mohammad Javad Zarif"]


def test_the_changes_marker_gives_each_release_with_its_date_and_labelled_changes(edition):
    releases = (Release("9.1.0", "2030-01-02", (Change("text", "Fixed <b>a</b> typo."), Change("edition", "A PDF."))),)
    assert listing(dataclasses.replace(edition, releases=releases), "[[edition:changes]]") == (
        '<h2 id="v9.1.0">Version 9.1.0<time class="release-date" datetime="2030-01-02"> — 2 January 2030</time></h2>\n'
        '<ul class="release-changes">\n'
        '<li class="change-text"><span class="change-kind">Text correction:</span> Fixed &lt;b&gt;a&lt;/b&gt; typo.</li>\n'
        '<li class="change-edition"><span class="change-kind">Edition:</span> A PDF.</li>\n'
        "</ul>"
    )


# What must be left alone.

def test_an_unknown_marker_stays_visible_and_is_warned(edition, caplog):
    assert listing(edition, "[[edition:no-such-listing]]") == "<p>[[edition:no-such-listing]]</p>"
    assert edition_warnings(caplog) == [
        "unknown marker [[edition:no-such-listing]]: write [[edition:<name>]] with one of: byline, biographies, "
        "image-credit, sources, offline-copy, editorial-notes, chronology, glossary, changes, rights"]


@pytest.mark.parametrize("markdown", [
    "See [[edition:byline]] here.",
    "`[[edition:byline]]`",
    "Text on the line before\n[[edition:byline]]",
    "> [[edition:byline]]",
    "* [[edition:byline]]",
    "## [[edition:byline]]",
], ids=["in a sentence", "in a code span", "inside a paragraph", "in a quotation", "in a list", "as a heading"])
def test_a_marker_not_alone_in_its_paragraph_is_left_alone(edition, caplog, markdown):
    assert listing(edition, markdown) == convert(markdown, mkdocs=False)
    assert edition_warnings(caplog) == []


def test_an_empty_document_gives_an_empty_page(edition, caplog):
    assert listing(edition, "") == ""
    assert edition_warnings(caplog) == []


@pytest.mark.parametrize("marker", ["[[edition:image_credit]]", "[[edition:Sources]]", "[[edition:chronology2]]",
                                    "[[Edition:sources]]", "[[EDITION:byline]]"])
def test_a_misspelt_marker_stays_visible_and_is_warned(edition, caplog, marker):
    assert listing(edition, marker) == f"<p>{marker}</p>"
    assert len(edition_warnings(caplog)) == 1

"""The markers extension: `[[edition:<name>]]` markers become content generated from sources/.

Markers in a fragment are expanded from a made-up edition (the real one with one ledger replaced),
so the whole expected HTML can be written out; what depends on the page (the way up to the
downloads) is rendered on the real pages of docs/.
"""

from __future__ import annotations

import dataclasses

import pytest

from edition.citeproc.pandoc import SourceNotes
from edition.markdown.markers import MarkerExtension
from edition.model.ledgers import Change, Claim, EditorialNote, Event, Release, Term
from edition.model.sources import Excerpt, Quote, Registry, Report, Source
from markdown_cases import convert, edition_warnings, page_text, parse


def listing(edition, text: str, offline: bool = False, mkdocs: bool = False) -> str:
    return convert(text, MarkerExtension(edition=edition, offline=offline), mkdocs=mkdocs)


def made_up_source(**fields) -> Source:
    return Source(**{"id": "made-up", "type": "webpage", "title": "A made-up page", "issued": "2020-03-01",
                     "level": "document", "path": "sources/made-up.yml", "line": 1} | fields)


def with_sources(edition, *sources: Source):
    notes = {source.id: SourceNotes(full="<em>Full</em> note.", short="Short.", bibliography="<em>Bibliography</em> entry.")
             for source in sources}
    return dataclasses.replace(edition, registry=Registry({s.id: s for s in sources}), notes=edition.notes | notes)


# The byline, the biographies and the image credit: the opening and About pages.

def test_the_byline_marker_becomes_the_authors_and_the_first_publication(edition):
    original = edition.original
    assert original.url == "https://warontherocks.com/2020/03/in-iraq-restraint-is-americas-best-option/"
    # The address breaks only between its parts (after a slash, before a dot or a hyphen).
    assert listing(edition, "[[edition:byline]]") == (
        '<p class="byline">By Maria Fantappie and Sam Heller</p>\n'
        f'<p class="first-published">First published in <em>{original.container_title}</em>, March 2020: '
        f'<a class="bare-url url" href="{original.url}" rel="noopener noreferrer">'
        '<span class="url-part">https://</span><wbr /><span class="url-part">warontherocks</span>'
        '<wbr /><span class="url-part">.com/</span><wbr /><span class="url-part">2020/</span>'
        '<wbr /><span class="url-part">03/</span><wbr /><span class="url-part">in</span>'
        '<wbr /><span class="url-part">-iraq</span><wbr /><span class="url-part">-restraint</span>'
        '<wbr /><span class="url-part">-is</span><wbr /><span class="url-part">-americas</span>'
        '<wbr /><span class="url-part">-best</span><wbr /><span class="url-part">-option/</span></a>. '
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

def test_the_sources_marker_gives_a_summary_an_index_then_one_record_per_source(edition):
    soup = parse(listing(edition, page_text(edition, "sources.md"), mkdocs=True))
    seen = sum(source.level == "document" for source in edition.registry)
    reported = sum(source.level == "reported" for source in edition.registry)
    count = len(edition.registry)
    assert soup.select_one("p.sources-summary").get_text() == f"{count} sources, 0 with an archived copy. How far each was confirmed:"
    # The levels are explained once, with how many records have each, not once a record.
    assert [dt.get_text() for dt in soup.select("dl.sources-levels dt")] == [
        f"Document seen ({seen})", f"Confirmed through reports ({reported})", f"Not confirmed ({count - seen - reported})"]
    assert [h2.get_text().removesuffix("#") for h2 in soup.select("h2")] == ["Index", "Records"]  # the side contents: two entries
    assert [h3["id"] for h3 in soup.select("div.source-records > div.source-entry > h3")] == [f"src-{s.id}" for s in edition.registry]
    # The index: a row a source, in the records' order, each leading to its record.
    rows = soup.select("table.sources-table > tbody > tr")
    assert [row.select_one("th[scope=row] > a")["href"] for row in rows] == [f"#src-{s.id}" for s in edition.registry]
    assert [row["data-level"] for row in rows] == [s.level for s in edition.registry]
    assert len(soup.select("div.source-entry.level-reported")) == reported
    # Boilerplate is said once: no record has an archived copy, as the summary says, so no record or row says so again
    # (an index column only when a record has one).
    assert "No archived copy recorded" not in soup.get_text()
    assert not any(source.archive_url for source in edition.registry)
    assert soup.select(".sources-archive") == []
    assert "none" not in soup.select_one("table.sources-table").get_text()


def test_the_index_is_a_table_that_reads_without_the_script(edition):
    source = made_up_source(container_title="Made-up Ministry")
    html = listing(with_sources(edition, source), "[[edition:sources]]")
    table = html[html.index('<table class="sources-table"'):html.index("</table>") + len("</table>")]
    assert table == (
        # The caption says nothing the filters could make untrue (how many rows are shown is the status's to say).
        '<table class="sources-table" data-search-exclude="">'
        '<caption>Index of the sources<span class="sources-order">, oldest first</span>: each title leads to its record.</caption>'
        "<thead>\n"
        "<tr>\n"
        '<th aria-sort="ascending" class="sources-date" data-sort="date" scope="col">Date</th>\n'
        '<th class="sources-issuer" data-sort="issuer" scope="col">Issuer</th>\n'
        '<th class="sources-title" data-sort="title" scope="col">Title</th>\n'
        '<th class="sources-level" data-sort="level" scope="col">Confirmation</th>\n'
        '<th class="sources-cited" data-sort="cited" scope="col">Cited in</th>\n'
        "</tr>\n"
        "</thead>\n"
        "<tbody>\n"
        '<tr class="level-document" data-level="document" data-sections="">\n'
        '<td class="sources-date" data-value="2020-03-01"><time datetime="2020-03-01">1 Mar 2020</time></td>\n'
        '<td class="sources-issuer">Made-up Ministry</td>\n'
        '<th class="sources-title" scope="row"><a href="#src-made-up">A made-up page</a></th>\n'
        '<td class="sources-level" data-value="0">document seen</td>\n'
        '<td class="sources-cited" data-value="">—</td>\n'
        "</tr>\n"
        "</tbody>\n"
        "</table>")
    # The filters work only with the script, which shows them: written hidden, one choice a level and a section.
    filters = parse(html).select_one("div.sources-filters")
    assert filters.has_attr("hidden") and filters.has_attr("data-search-exclude")
    assert [o["value"] for o in filters.select("select[data-filter=level] option")] == ["", "document", "reported", "unverified"]
    assert [o["value"] for o in filters.select("select[data-filter=section] option")] == ["", *(s.slug for s in edition.essay.sections)]


def test_a_row_gives_the_places_and_sections_that_cite_its_source(edition):
    soup = parse(listing(edition, page_text(edition, "sources.md"), mkdocs=True))
    row = soup.find("a", href="#src-nyt-2020-03-27").find_parent("tr")
    assert row["data-sections"] == "index"
    assert str(row.select_one("td.sources-cited")) == '<td class="sources-cited" data-value="2"><a href="index.md#p2">¶2</a></td>'


def test_the_places_that_cite_a_source_are_in_paragraph_order_not_page_file_order(edition):
    # Cited on three pages whose file names sort the other way round (recapturing…, tensions…, the-anti-american…).
    soup = parse(listing(edition, page_text(edition, "sources.md"), mkdocs=True))
    row = soup.find("a", href="#src-state-2020-01-10").find_parent("tr")
    assert str(row.select_one("td.sources-cited")) == (
        '<td class="sources-cited" data-value="17"><a href="the-anti-american-turn-in-iraqi-politics.md#p17">¶17</a>, '
        '<a href="tensions-benefit-the-islamic-state.md#p28">¶28</a>, '
        '<a href="recapturing-the-strategic-initiative.md#p35">¶35</a></td>')
    assert row["data-sections"].split() == [
        "the-anti-american-turn-in-iraqi-politics", "tensions-benefit-the-islamic-state", "recapturing-the-strategic-initiative"]


def test_the_archive_column_is_there_when_a_record_has_an_archived_copy(edition):
    archived = made_up_source(id="archived", title="An archived page", archive_url="https://web.archive.org/web/2020/https://example.org/a",
                              archive_date="2020-04-01")
    undated = made_up_source(id="undated", title="An undated archive", issued="2020-03-02",
                             archive_url="https://web.archive.org/web/2020/https://example.org/b")
    plain = made_up_source(id="plain", title="A page never archived", issued="2020-03-03")
    html = listing(with_sources(edition, archived, undated, plain), "[[edition:sources]]")
    assert html[html.index("<thead>"):html.index("</table>") + len("</table>")] == (
        "<thead>\n"
        "<tr>\n"
        '<th aria-sort="ascending" class="sources-date" data-sort="date" scope="col">Date</th>\n'
        '<th class="sources-issuer" data-sort="issuer" scope="col">Issuer</th>\n'
        '<th class="sources-title" data-sort="title" scope="col">Title</th>\n'
        '<th class="sources-level" data-sort="level" scope="col">Confirmation</th>\n'
        '<th class="sources-cited" data-sort="cited" scope="col">Cited in</th>\n'
        '<th class="sources-archive" scope="col">Archived copy</th>\n'
        "</tr>\n"
        "</thead>\n"
        "<tbody>\n"
        '<tr class="level-document" data-level="document" data-sections="">\n'
        '<td class="sources-date" data-value="2020-03-01"><time datetime="2020-03-01">1 Mar 2020</time></td>\n'
        '<td class="sources-issuer"></td>\n'
        '<th class="sources-title" scope="row"><a href="#src-archived">An archived page</a></th>\n'
        '<td class="sources-level" data-value="0">document seen</td>\n'
        '<td class="sources-cited" data-value="">—</td>\n'
        '<td class="sources-archive">'
        '<a href="https://web.archive.org/web/2020/https://example.org/a" rel="noopener noreferrer">1 Apr 2020</a></td>\n'
        "</tr>\n"
        '<tr class="level-document" data-level="document" data-sections="">\n'
        '<td class="sources-date" data-value="2020-03-02"><time datetime="2020-03-02">2 Mar 2020</time></td>\n'
        '<td class="sources-issuer"></td>\n'
        '<th class="sources-title" scope="row"><a href="#src-undated">An undated archive</a></th>\n'
        '<td class="sources-level" data-value="0">document seen</td>\n'
        '<td class="sources-cited" data-value="">—</td>\n'
        '<td class="sources-archive">'
        '<a href="https://web.archive.org/web/2020/https://example.org/b" rel="noopener noreferrer">archived</a></td>\n'
        "</tr>\n"
        '<tr class="level-document" data-level="document" data-sections="">\n'
        '<td class="sources-date" data-value="2020-03-03"><time datetime="2020-03-03">3 Mar 2020</time></td>\n'
        '<td class="sources-issuer"></td>\n'
        '<th class="sources-title" scope="row"><a href="#src-plain">A page never archived</a></th>\n'
        '<td class="sources-level" data-value="0">document seen</td>\n'
        '<td class="sources-cited" data-value="">—</td>\n'
        '<td class="sources-archive">—</td>\n'
        "</tr>\n"
        "</tbody>\n"
        "</table>")
    assert parse(html).select_one("p.sources-summary").get_text().startswith("3 sources, 2 with an archived copy.")


def test_a_record_gives_its_citation_and_folds_its_checks(edition):
    source = made_up_source(url="https://example.org/page?a=1&b=2", verification="Checked against the page.")
    html = listing(with_sources(edition, source), "[[edition:sources]]")
    assert html[html.index('<h2 id="records">'):] == (
        '<h2 id="records">Records</h2>\n'
        '<div class="source-records">\n'
        '<div class="source-entry level-document">\n'
        '<h3 id="src-made-up">A made-up page</h3>\n'
        '<p class="source-citation"><em>Bibliography</em> entry.</p>\n'
        # The made-up citation lacks the address that a real one gives: the record gives it.
        '<p class="source-links">Original: <a class="bare-url url" href="https://example.org/page?a=1&amp;b=2" rel="noopener noreferrer">'
        '<span class="url-part">https://</span><wbr /><span class="url-part">example</span><wbr /><span class="url-part">.org/</span>'
        '<wbr /><span class="url-part">page</span><wbr /><span class="url-part">?a</span><wbr /><span class="url-part">=1</span>'
        '<wbr /><span class="url-part">&amp;b</span><wbr /><span class="url-part">=2</span></a>.</p>\n'
        '<details class="source-verification">\n'
        '<summary class="source-status"><strong>Document seen.</strong> How it was checked</summary>\n'
        "<p>Checked against the page.</p>\n"
        "</details>\n"
        "</div>\n"
        "</div>"
    )


def test_an_address_the_citation_gives_is_not_given_again(edition):
    source = made_up_source(url="https://example.org/page")
    made_up = with_sources(edition, source)
    notes = made_up.notes | {"made-up": SourceNotes(full="Full.", short="Short.", bibliography=(
        'Entry. <a href="https://example.org/page">https://example.org/page</a>.'))}
    soup = parse(listing(dataclasses.replace(made_up, notes=notes), "[[edition:sources]]"))
    assert soup.select_one("p.source-links") is None
    assert len(soup.select(".source-entry a[href='https://example.org/page']")) == 1


def test_an_unverified_source_without_address_or_checks_says_its_level_only(edition):
    source = made_up_source(level="unverified")
    soup = parse(listing(with_sources(edition, source), "[[edition:sources]]"))
    assert soup.select_one("div.source-entry")["class"] == ["source-entry", "level-unverified"]
    assert str(soup.select_one("p.source-status")) == '<p class="source-status"><strong>Not confirmed.</strong></p>'
    assert soup.select_one("details.source-verification") is None  # nothing said of how: nothing to unfold
    assert soup.select_one("p.source-links") is None  # no address: the citation has none, and the index says so
    assert soup.select_one(".sources-table tbody tr")["class"] == ["level-unverified"]


def test_an_archived_copy_and_a_dead_link_are_shown_beside_the_original(edition):
    source = made_up_source(url="https://example.org/gone", url_status="dead",
                            archive_url="https://web.archive.org/web/2020/https://example.org/gone",
                            archive_date="2020-04-01")
    soup = parse(listing(with_sources(edition, source), "[[edition:sources]]"))
    assert soup.select_one("p.source-links").get_text() == (
        "Original: https://example.org/gone (link dead); archived copy (1 April 2020): "
        "https://web.archive.org/web/2020/https://example.org/gone.")
    assert str(soup.select_one("td.sources-archive")) == (
        '<td class="sources-archive"><a href="https://web.archive.org/web/2020/https://example.org/gone" '
        'rel="noopener noreferrer">1 Apr 2020</a></td>')


def test_the_reports_and_the_notes_evidence_are_folded_with_the_checks(edition):
    source = made_up_source(level="reported", verification="Known from two reports.", reports=(
        Report("Wire", "2020-03-02", "https://example.org/wire"), Report("Daily", "2020-03-03", "https://example.org/daily")))
    claim = Claim(2, "made-up", "A claim", "full", None, None, None, "sources/essay/claims.yml", 1)
    soup = parse(listing(dataclasses.replace(with_sources(edition, source), claims=(claim,)), "[[edition:sources]]"))
    how = soup.select_one("details.source-verification")
    assert how.summary.get_text() == "Confirmed through reports. 1 note’s evidence; how it was checked"
    assert str(how.select_one("p.source-reports")) == (
        '<p class="source-reports">Reported by <a href="https://example.org/wire" rel="noopener noreferrer">Wire</a>, 2 March 2020; '
        '<a href="https://example.org/daily" rel="noopener noreferrer">Daily</a>, 3 March 2020.</p>')
    assert [li.get_text() for li in how.select("ul.source-claims li")] == ["¶2 A claim: this source supports the claim."]


def test_a_records_claims_are_in_paragraph_order_whatever_the_ledgers_order(edition):
    source = made_up_source(verification="Read.")
    claims = tuple(Claim(n, "made-up", f"Claim {n}", "full", None, None, None, "sources/essay/claims.yml", line)
                   for line, n in enumerate((35, 3, 17), 1))
    soup = parse(listing(dataclasses.replace(with_sources(edition, source), claims=claims), "[[edition:sources]]"))
    assert [li.a.get_text() for li in soup.select("ul.source-claims li")] == ["¶3", "¶17", "¶35"]


@pytest.mark.parametrize("excerpt,by,shown", [
    ("He left.", None, "It says: “He left.”"),                           # its own full stop ends the sentence
    ("Did he leave?", None, "It says: “Did he leave?”"),
    ("he left", None, "It says: “he left”."),
    ("He left.", "Wire", "It says: “He left.” (as given by Wire)."),
])
def test_a_notes_excerpt_ends_with_one_full_stop(edition, excerpt, by, shown):
    source = made_up_source(excerpts=(Excerpt(excerpt, "en", None, "https://example.org", by),))
    claim = Claim(2, "made-up", "A claim", "full", excerpt, None, None, "sources/essay/claims.yml", 1)
    soup = parse(listing(dataclasses.replace(with_sources(edition, source), claims=(claim,)), "[[edition:sources]]"))
    text = soup.select_one("li.source-claim").get_text()
    assert text == f"¶2 A claim: this source supports the claim. {shown}"
    assert ".”." not in text


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
    # The registry keeps its records in date order, and the index says so.
    caption = soup.select_one("table.sources-table caption").get_text()
    assert caption == "Index of the sources, oldest first: each title leads to its record."
    assert [th["data-sort"] for th in soup.select("table.sources-table th[aria-sort=ascending]")] == ["date"]


def test_markup_in_a_source_record_stays_text(edition):
    source = made_up_source(title='<script>alert("x")</script> & co', verification="<b>not bold</b>")
    html = listing(with_sources(edition, source), "[[edition:sources]]")
    assert '<h3 id="src-made-up">&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</h3>' in html
    assert '<a href="#src-made-up">&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</a>' in html
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
        '<p class="cited-in" data-search-exclude="">Not attached to a paragraph.</p>\n'
        "</li>\n"
        "</ol>"
    )


def test_an_editorial_note_cited_in_the_essay_links_to_its_paragraph(edition):
    html = listing(edition, "[[edition:editorial-notes]]")
    assert str(parse(html).find(id="ed-zarif").select_one("p.cited-in")) == (
        '<p class="cited-in" data-search-exclude="">On <a href="irans-asymmetric-retaliation.md#p12">¶12</a></p>')


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
        '<p class="event-sources" data-search-exclude="">Sources: <a href="sources.md#src-long">A long title</a>; '
        '<a href="sources.md#src-doubtful">A doubtful page</a> (not confirmed)</p>\n'
        '<p class="cited-in" data-search-exclude="">In the essay: '
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
        '<p class="term-sources" data-search-exclude="">Sources: </p>\n'
        "</dd>\n"
        '<dt id="term-zeta">zeta group</dt>\n'
        "<dd>\n"
        "<p>Last &lt;in&gt; the alphabet &amp; more.</p>\n"
        '<p class="term-sources" data-search-exclude="">Sources: <a href="sources.md#src-made-up">A made-up page</a></p>\n'
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
    releases = (Release(version="9.1.0", date="2030-01-02", changes=[Change(kind="text", what="Fixed <b>a</b> typo."),
                                                                     Change(kind="edition", what="A PDF.")]),)
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

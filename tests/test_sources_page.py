"""The Sources page: an index to scan (a table a row a source), then every record with its anchor, citation,
level, quotations and, folded, what the notes take from it and how it was checked."""

from __future__ import annotations

import pytest

from conftest import ROOT
from edition.model.sources import source_files

SOURCE_IDS = [p.stem for p in source_files(ROOT)]


@pytest.fixture(scope="module")
def sources_page(page):
    return page("sources/index.html")


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_every_source_has_an_entry_with_anchor_and_citation(source_id, sources_page, edition):
    heading = sources_page.select_one(f"h3#src-{source_id}")
    assert heading is not None
    entry = heading.parent
    source = edition.registry[source_id]
    heading = heading.__copy__()  # the parsed page is shared: take the detail from a copy
    detail = heading.select_one(".source-heading-detail")
    if detail:  # a title two records share is followed by who issued it and when
        detail.extract()
    assert heading.get_text(" ", strip=True).removesuffix("#").strip() == source.title
    assert entry.select_one(".source-citation").get_text(strip=True)
    status = entry.select_one(".source-status strong").get_text()
    assert status == f"{source.level_words.capitalize()}."
    # How it was checked is there for whoever wants it, folded, its level in words on the fold.
    how = entry.select_one("details.source-verification")
    claims = [c for c in edition.claims if c.source == source_id]
    assert (how is not None) is bool(source.verification or source.reports or claims)
    assert how is None or (not how.has_attr("open") and how.summary.select_one(".source-status, strong"))
    assert f"level-{source.level}" in entry["class"]
    if source.url:  # the address, once: the citation's, or the record's own line where the citation lacks it
        links = entry.select(f"a[href='{source.url}']")
        assert len(links) == 1 and links[0]["rel"] == ["noopener", "noreferrer"]
    for report in source.reports:
        assert how.select_one(f".source-reports a[href='{report.url}']").get_text() == report.outlet


def test_every_source_has_one_row_in_the_index_with_its_level_and_date(sources_page, edition):
    rows = sources_page.select("table.sources-table > tbody > tr")
    assert len(rows) == len(edition.registry)
    for row, source in zip(rows, edition.registry, strict=True):
        assert row.select_one("th[scope=row] a")["href"] == f"#src-{source.id}"
        assert row["data-level"] == source.level
        assert row.select_one("td.sources-level").get_text() == source.level_words
        assert row.select_one("td.sources-date")["data-value"] == source.issued
        # An archive column only when a record has an archived copy (the summary says how many have one).
        archive = row.select_one("td.sources-archive")
        if not any(s.archive_url for s in edition.registry):
            assert archive is None
        else:
            assert archive.get_text() == "—" if not source.archive_url else archive.a["href"] == source.archive_url
    assert sources_page.select_one("table.sources-table caption") is not None
    columns = 5 + any(s.archive_url for s in edition.registry)
    assert [th["scope"] for th in sources_page.select("table.sources-table thead th")] == ["col"] * columns


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_cited_in_links_lead_to_paragraphs_that_cite_the_source(source_id, sources_page, page):
    row = sources_page.select_one(f"table.sources-table th a[href='#src-{source_id}']").find_parent("tr")
    links = row.select("td.sources-cited a")
    sections = set()
    for link in links:
        path, fragment = link["href"].split("#")
        sections.add(path.removeprefix("../").removesuffix("/") or "index")
        target = page(path.removeprefix("../") + "index.html" if path != "../" else "index.html")
        paragraph = target.select_one(f"p#{fragment}")
        notes = [target.find(id=call["href"][1:]) for call in paragraph.select("sup a.footnote-ref")]
        assert any(n.select(f"span.citation[data-source='{source_id}']") for n in notes), (source_id, link["href"])
    # What the filter by section reads: the sections of the places the row lists.
    assert set(row["data-sections"].split()) == sections
    # In the essay's order, as its record lists what the notes take from it.
    numbers = [int(link.get_text().removeprefix("¶")) for link in links]
    assert numbers == sorted(numbers), (source_id, numbers)
    entry = sources_page.select_one(f"h3#src-{source_id}").parent
    claims = [int(li.a.get_text().removeprefix("¶")) for li in entry.select("ul.source-claims > li")]
    assert claims == sorted(claims), (source_id, claims)


def test_arabic_originals_are_marked_with_language_and_direction(sources_page, edition):
    cells = sources_page.select("td[lang='ar']")
    expected = [q.original for s in edition.registry for q in s.quotes if q.original_language == "ar"]
    assert expected and [c.get_text() for c in cells] == expected
    assert all(c["dir"] == "rtl" for c in cells)


def test_quoted_excerpts_are_shown_as_the_essay_prints_them(sources_page, edition):
    entry = sources_page.select_one("h3#src-dod-2020-03-12").parent
    assert entry.select_one(".source-quotes td").get_text() == f"“{edition.registry['dod-2020-03-12'].quotes[0].text}”"


def test_the_page_says_its_boilerplate_once_and_never_doubles_a_full_stop(sources_page):
    text = sources_page.select_one("article").get_text()
    assert "No archived copy recorded" not in text
    # The archive status is the summary's count, not a word in every row: a column only when a record has a copy.
    cells = sources_page.select("td.sources-archive")
    assert not cells or any(td.a for td in cells)
    assert text.count("The document itself was read") == 1
    assert ".”." not in text and ",," not in text

"""The Sources page lists every record with its anchor, citation, links, quotations and back-links."""

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
    # How it was checked is there for whoever wants it, folded.
    how = entry.select_one("details.source-verification")
    assert (how is not None) is bool(source.verification) and (how is None or not how.has_attr("open"))
    assert f"level-{source.level}" in entry["class"]
    if source.url:
        assert entry.select_one(f".source-links a[href='{source.url}']")["rel"] == ["noopener", "noreferrer"]


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_cited_in_links_lead_to_paragraphs_that_cite_the_source(source_id, sources_page, page):
    entry = sources_page.select_one(f"h3#src-{source_id}").parent
    links = entry.select(".cited-in a")
    for link in links:
        path, fragment = link["href"].split("#")
        target = page(path.removeprefix("../") + "index.html" if path != "../" else "index.html")
        paragraph = target.select_one(f"p#{fragment}")
        notes = [target.find(id=call["href"][1:]) for call in paragraph.select("sup a.footnote-ref")]
        assert any(n.select(f"span.citation[data-source='{source_id}']") for n in notes), (source_id, link["href"])


def test_arabic_originals_are_marked_with_language_and_direction(sources_page, edition):
    cells = sources_page.select("td[lang='ar']")
    expected = [q.original for s in edition.registry for q in s.quotes if q.original_language == "ar"]
    assert expected and [c.get_text() for c in cells] == expected
    assert all(c["dir"] == "rtl" for c in cells)


def test_quoted_excerpts_are_shown_as_the_essay_prints_them(sources_page, edition):
    entry = sources_page.select_one("h3#src-dod-2020-03-12").parent
    assert entry.select_one(".source-quotes td").get_text() == f"“{edition.registry['dod-2020-03-12'].quotes[0].text}”"

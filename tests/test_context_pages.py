"""The chronology and the guide to actors and terms: sourced, ordered, linked both ways, shown in the essay."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import essay_page_path
from edition.model.addresses import event_anchor, term_anchor


@pytest.fixture(scope="module")
def chronology(page):
    return page("chronology/index.html")


def test_every_event_and_entry_has_sources_that_exist(edition):
    assert edition.events and edition.glossary
    for item in list(edition.events) + list(edition.glossary):
        assert item.sources and all(s in edition.registry for s in item.sources), item.id


def test_the_chronology_is_an_ordered_list_in_date_order(chronology, edition):
    items = chronology.select("ol.timeline > li")
    assert [li["id"] for li in items] == [event_anchor(e.id) for e in edition.events]
    dates = [li.select_one("time")["datetime"] for li in items]
    assert dates == sorted(dates) == [e.date for e in edition.events]


def test_each_event_links_to_its_sources_and_paragraphs_and_they_link_back(chronology, page, edition):
    for event in edition.events:
        item = chronology.find(id=event_anchor(event.id))
        sources = [a["href"].split("#")[1] for a in item.select(".event-sources a")]
        assert sources == [f"src-{s}" for s in event.sources]
        for number, link in zip(event.paragraphs, item.select(".cited-in a"), strict=True):
            section = edition.essay.section_of(number)
            assert link["href"] == f"../{section.slug}/#p{number}".replace("../index/", "../")
            paragraph = page(essay_page_path(section)).find(id=f"p{number}")
            back = [a["href"] for a in paragraph.select(".event-links a.event-link")]
            assert f"../chronology/#{event_anchor(event.id)}" in back or f"chronology/#{event_anchor(event.id)}" in back


def test_the_glossary_lists_every_entry_with_its_sources(page, edition):
    glossary = page("glossary/index.html")
    for term in edition.glossary:
        entry = glossary.find(id=term_anchor(term.id))
        assert entry.get_text() == term.name
        assert term.what in entry.find_next("dd").get_text()
        assert len(entry.find_next("dd").select(".term-sources a")) == len(term.sources)


def test_the_first_mention_on_a_page_carries_the_description_without_changing_the_words(page, edition, essay):
    by_id = {t.id: t for t in edition.glossary}
    marked = 0
    for section in essay.sections:
        article = page(essay_page_path(section)).select_one("article")
        mentions = article.select("abbr.term")
        assert all(count == 1 for count in Counter(a["data-term"] for a in mentions).values())
        for abbr in mentions:
            term = by_id[abbr["data-term"]]
            assert abbr.get_text() in term.terms and abbr["title"] == f"{term.name}: {term.what}"
            assert abbr["tabindex"] == "0"
            own = abbr.find_parent("p")
            earlier = "".join(p.get_text() for p in own.find_all_previous("p", class_="essay-paragraph") if p is not own)
            before = ""
            for text in own.find_all(string=True):
                if text.parent is abbr:
                    break
                before += text
            assert not any(words in earlier + before for words in term.terms), f"{term.id} is not first on its page"
            marked += 1
    assert marked >= len(edition.glossary)


def test_a_description_shows_on_hover_and_on_focus(browser_page, site_server):
    browser_page.goto(f"{site_server}/a-slow-burning-conflict/")
    # Material moves the title into its tooltip, so read the descriptions first.
    descriptions = browser_page.eval_on_selector_all("abbr.term", "marks => marks.map(m => m.title)")
    tip = browser_page.locator(".md-tooltip2--active .md-tooltip2__inner >> visible=true")
    browser_page.locator("abbr.term").first.hover()
    tip.wait_for()
    assert tip.inner_text().startswith(descriptions[0][:40])
    browser_page.mouse.move(1, 1)
    browser_page.locator("abbr.term").nth(1).focus()
    tip.first.wait_for()
    assert descriptions[1][:40] in tip.first.inner_text()

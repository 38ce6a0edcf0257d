"""The search index holds the essay's words as a reader searches them (no ¶ numbers, note numbers or runs of
dates), the Sources page's records by title and issuer, and ranks the essay first for a name it discusses."""

from __future__ import annotations

import json
import re
import time
from html import escape

import pytest
from bs4 import BeautifulSoup

from conftest import essay_page_path
from edition.model.essay import normalize


def index_docs(site) -> list[dict]:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def section_location(section) -> str:
    return "" if section.slug == "index" else f"{section.slug}/"


def indexed_text(site, section) -> str:
    texts = [doc["text"] for doc in index_docs(site) if doc["location"].split("#")[0] == section_location(section)]
    return normalize(" ".join(BeautifulSoup(text, "html.parser").get_text(" ") for text in texts))


def test_each_paragraph_is_indexed_as_its_own_words(site, essay):
    for section in essay.sections:
        text = indexed_text(site, section)
        for paragraph in section.paragraphs:
            first_words = " ".join(paragraph.text.split()[:6])
            # The paragraph's opening, not "6The U.S. drone strike…": no number is glued to it.
            assert re.search(rf"(?<!\d){re.escape(normalize(first_words))}", text), (paragraph.number, first_words)


def test_an_essay_page_is_indexed_as_its_paragraphs_and_nothing_else(site, essay):
    """Every section, every paragraph: the text search shows as a snippet is the source of record's words,
    so no chronology run ("…Airport. 29, 31 Dec 2019; 3 Jan 2020"), note number or ¶ number is in it.
    Only the opening page has words before them: its byline and where the essay was first published."""
    for section in essay.sections:
        text = indexed_text(site, section)
        words = normalize(" ".join(paragraph.text for paragraph in section.paragraphs))
        assert text.endswith(words), section.slug
        before = text[:len(text) - len(words)]
        if section.slug != "index":
            assert not before.strip(), (section.slug, before)
        assert "¶" not in before and "Chronology" not in before, before


def test_no_note_number_or_date_run_is_indexed(site, essay, page):
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<sup" not in index
    for section in essay.sections:
        text = indexed_text(site, section)
        built = page(essay_page_path(section))
        runs = built.select(".event-links")
        for run in runs:
            dates = [normalize(link.get_text()) for link in run.select("a")]
            assert normalize(" ".join(run.get_text().split())) not in text, run.get_text()
            assert not re.search(r"\.\s*" + r"\W+".join(map(re.escape, dates)), text), dates
        assert "Chronology:" not in text


def test_no_excluded_element_holds_one_of_its_own_tag(site):
    """Material's indexer tracks what it skips by tag name: an excluded element's first descendant of the same
    tag ends the exclusion when it closes, and lets the rest into the index (how the chronology runs got in)."""
    from lxml import html

    for path in site.rglob("*.html"):
        for excluded in html.parse(str(path)).getroot().xpath("//*[@data-search-exclude]"):
            assert not excluded.xpath(f".//{excluded.tag}"), (str(path.relative_to(site)), excluded.tag, excluded.get("class"))


def test_every_source_record_is_indexed_by_title_and_issuer_only(site, edition):
    """Every page loads the index on its first visit: a record gives search its title (the heading) and who
    issued it, not its citation, reports, quotations or how it was checked, which the page shows."""
    docs = {doc["location"]: doc for doc in index_docs(site) if doc["location"].startswith("sources/")}
    for source in edition.registry:
        doc = docs.get(f"sources/#src-{source.id}")
        assert doc is not None, source.id
        assert normalize(BeautifulSoup(doc["title"], "html.parser").get_text()).startswith(normalize(source.title)), source.id
        assert doc["text"] == escape(source.issuer or "", quote=False), (source.id, doc["text"][:200])
    text = " ".join(normalize(BeautifulSoup(doc["text"], "html.parser").get_text(" ")).lower() for doc in docs.values())
    for claim in edition.claims:
        assert normalize(claim.claim).lower() not in text, claim.claim


def test_the_essay_pages_carry_the_boost_and_nothing_else_does(site, essay):
    boosted = {doc["location"].split("#")[0] for doc in index_docs(site) if doc.get("boost")}
    assert boosted == {section_location(section) for section in essay.sections}


def test_the_offline_copy_has_the_same_index(site):
    import zipfile

    from edition.model.addresses import DOWNLOADS_DIR, OFFLINE_COPY

    with zipfile.ZipFile(site / DOWNLOADS_DIR / OFFLINE_COPY) as copy:
        name = next(n for n in copy.namelist() if n.endswith("search/search_index.js"))
        offline = json.loads(copy.read(name).decode("utf-8").removeprefix("var __index = "))["docs"]
    online = index_docs(site)
    assert [doc.get("boost") for doc in offline] == [doc.get("boost") for doc in online]
    records = [(doc["location"].split("#")[1], doc["text"]) for doc in online if "#src-" in doc["location"]]
    assert records == [(doc["location"].split("#")[1], doc["text"]) for doc in offline if "#src-" in doc["location"]]
    essay = [doc["text"] for doc in online if doc.get("boost")]
    assert essay == [doc["text"] for doc in offline if doc.get("boost")]


NAMES = ["Soleimani", "Muhandis", "Kataib Hizbullah", "Abdul-Mahdi", "Popular Mobilization", "Quds Force"]


@pytest.fixture(scope="module")
def search_tab(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(f"{site_server}/about/")
    yield tab
    context.close()


def search_results(tab, query: str) -> list[str]:
    """Type into Material's own search box and read its results in order: each item's page address."""
    box = "input.md-search__input"
    tab.click(box)
    tab.fill(box, query)
    tab.press(box, "End")  # Material reads the query on keyup
    # Until the first result marks a word of this query (Material marks "Mahdi" for "Abdul-Mahdi", "forces"
    # for "Quds Force"): then the results are this query's, not the last one's.
    words = [word.lower() for word in re.split(r"[\s-]+", query) if word]
    deadline = time.monotonic() + 15
    script = """words => [...document.querySelectorAll('.md-search-result__item:first-child mark')]
                          .some(mark => words.some(word => mark.textContent.toLowerCase().startsWith(word)))"""
    while not tab.evaluate(script, words) and time.monotonic() < deadline:
        tab.wait_for_timeout(50)
    tab.wait_for_timeout(200)
    return tab.evaluate("""[...document.querySelectorAll('.md-search-result__item > a')]
                           .map(a => new URL(a.href).pathname)""")


@pytest.mark.parametrize("name", NAMES)
def test_a_name_finds_the_essay_first(search_tab, essay, name):
    essay_pages = {"/" + section_location(section) for section in essay.sections}
    results = search_results(search_tab, name)
    assert results, f"no result for {name}"
    assert results[0] in essay_pages, (name, results)
    assert "/sources/" in results or name == "Quds Force", (name, results)  # the records are still found

"""Every page and paragraph can be cited: this edition and the original, in each style, ready to copy."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urljoin

import bibtexparser
import pytest
import rispy

from conftest import SITE_URL, essay_page_path
from edition.citeproc.forms import FORMS

FORM_LABELS = [label for _, label in FORMS]


def built_path(page) -> str:
    return f"{page.path}index.html"


def panel_forms(work) -> dict[str, str]:
    return {text["data-form"]: " ".join(text.get_text().split()) for text in work.select(".cite-text")}


def cite_data(soup) -> dict:
    return json.loads(soup.select_one("script.cite-data").string)


@pytest.fixture(scope="module")
def section_page(essay, page):
    section = essay.sections[1]
    return section, page(essay_page_path(section))


def test_every_page_says_its_version_and_links_the_changes(page, edition):
    for docs_page in edition.docs:
        soup = page(built_path(docs_page))
        version = soup.select_one(".page-tools .edition-version")
        assert version.a.get_text() == edition.version, docs_page.file
        assert urljoin(SITE_URL + docs_page.path, version.a["href"]) == SITE_URL + "changes/"


def test_changes_page_lists_every_release_with_its_date(page, edition):
    soup = page("changes/index.html")
    for release in edition.releases:
        heading = soup.find(id=f"v{release.version}")
        assert heading.select_one("time")["datetime"] == release.date
        assert len(heading.find_next("ul").find_all("li")) == len(release.changes)


def test_every_page_has_a_panel_with_both_works_in_every_form(page, edition):
    for docs_page in edition.docs:
        panel = page(built_path(docs_page)).select_one("details.cite-panel")
        assert panel.summary.get_text() == "Cite this page"
        works = panel.select(".cite-work")
        assert [w["data-work"] for w in works] == ["edition", "original"]
        for work in works:
            assert [dt_.get_text() for dt_ in work.select("dt")] == FORM_LABELS
            assert all(panel_forms(work).values()), docs_page.file
        edition_url = works[0].select_one(".cite-url")["href"]
        assert edition_url == SITE_URL + docs_page.path
        assert works[1].select_one(".cite-url")["href"] == edition.original.url


def test_the_two_works_are_told_apart(section_page, edition):
    _, soup = section_page
    titles = [t.get_text() for t in soup.select(".cite-work-title strong")]
    assert titles == [f"This annotated edition, version {edition.version}",
                      "The essay as first published (War on the Rocks, 2020)"]
    forms = panel_forms(soup.select_one('[data-work="edition"]'))
    assert f"version {edition.version}" in forms["chicago-note"]
    assert "(Original work published 2020)" in forms["apa"]
    original = panel_forms(soup.select_one('[data-work="original"]'))
    assert "War on the Rocks" in original["chicago-note"] and "Annotated" not in original["chicago-note"]


def test_the_original_is_cited_by_the_same_processor_and_data_as_the_notes(page, edition):
    # The Sources page's entry comes from the notes' Chicago style; the panel's from its access-date variant.
    sources = page("sources/index.html").find(id=f"src-{edition.original.id}").parent
    entry = " ".join(sources.select_one(".source-citation").get_text().split())
    original = panel_forms(page("index.html").select_one('[data-work="original"]'))["chicago-bibliography"]
    assert re.sub(r" Accessed [A-Z][a-z]+ \d{1,2}, \d{4}\.", "", original) == entry


def test_access_dates_are_marked_for_the_readers_day(section_page):
    _, soup = section_page
    today = dt.date.today().isoformat()
    times = soup.select(".cite-panel time.accessed")
    assert {t["datetime"] for t in times} == {today}
    assert len(times) == 4  # Chicago note and bibliography, for each work


def test_each_paragraph_has_its_own_citation_with_its_permanent_link(section_page):
    section, soup = section_page
    data = cite_data(soup)
    assert list(data["paragraphs"]) == [f"p{p.number}" for p in section.paragraphs]
    for paragraph in section.paragraphs:
        entry = data["paragraphs"][f"p{paragraph.number}"]
        url = f"{SITE_URL}{section.slug}/#p{paragraph.number}"
        assert entry["url"] == url
        forms = entry["forms"]
        assert set(forms) == {name for name, _ in FORMS}
        assert f"para. {paragraph.number}," in forms["chicago-note"] and url in forms["chicago-note"]
        assert forms["apa-in-text"] == f"(Fantappie &amp; Heller, 2020/2026, para. {paragraph.number})"
        assert url in forms["mla"] and url in forms["apa"]


def test_bibtex_parses_with_url_and_access_date(section_page):
    section, soup = section_page
    forms = cite_data(soup)["paragraphs"][f"p{section.paragraphs[0].number}"]["forms"]
    library = bibtexparser.parse_string(forms["bibtex"])
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "inbook"
    fields = entry.fields_dict
    assert fields["author"].value == "Fantappie, Maria and Heller, Sam"
    assert fields["url"].value == f"{SITE_URL}{section.slug}/#p{section.paragraphs[0].number}"
    assert fields["urldate"].value == dt.date.today().isoformat()
    assert "Annotated" in fields["booktitle"].value


def test_ris_parses_with_url_and_access_date(section_page, edition):
    section, soup = section_page
    (record,) = rispy.loads(soup.select_one('[data-work="edition"] pre[data-form="ris"]').get_text())
    assert record["type_of_reference"] == "CHAP"
    assert record["authors"] == ["Fantappie, Maria", "Heller, Sam"]
    assert record["urls"] == [f"{SITE_URL}{section.slug}/"]
    assert record["access_date"] == dt.date.today().strftime("%Y/%m/%d")
    assert record["edition"] == f"Version {edition.version}"
    (original,) = rispy.loads(soup.select_one('[data-work="original"] pre[data-form="ris"]').get_text())
    assert original["type_of_reference"] == "MGZN" and original["secondary_title"] == "War on the Rocks"


def test_apparatus_pages_are_not_attributed_to_the_essays_authors(page):
    forms = panel_forms(page("about/index.html").select_one('[data-work="edition"]'))
    assert "Fantappie" not in forms["chicago-note"]
    assert forms["chicago-note"].startswith("“About This Edition,” in")

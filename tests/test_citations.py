"""Citations are footnotes generated from the registry: full note first on a page, short after, no ibid."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, essay_page_path
from edition.model.essay import load_essay

GOLDEN = ROOT / "tests" / "golden" / "notes.json"
SECTIONS = load_essay(ROOT).sections


def note_text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def footnotes(soup):
    """(source id, citation or editorial note element, reference element) for each source a page's notes cite."""
    for ref in soup.select("sup[id^='fnref:'] a.footnote-ref"):
        note = soup.select_one(f"li[id='{ref['href'][1:]}']")
        label = ref["href"][len("#fn:"):].split(".")[0]
        if note is None or label.startswith("ed-"):
            yield label, note, ref
            continue
        for citation in note.select("span.citation"):
            yield citation["data-source"], citation, ref


def as_in_note(expected: str, last: bool) -> str:
    """A source's formatted note as a note citing several shows it: all but the last end in ";", not "."."""
    text = note_text(expected)
    if last:
        return text
    quotes = len(text) - len(text.rstrip("”’"))
    body = text[:len(text) - quotes]
    return body.removesuffix(".") + text[len(text) - quotes:] + ";"


def all_pages(site):
    return sorted(site.rglob("*.html"))


def test_notes_match_the_golden_file(edition):
    """Pin the exact text Pandoc's citeproc gives every source (update deliberately, never blindly)."""
    rendered = {k: {"full": note_text(v.full), "short": note_text(v.short), "bibliography": note_text(v.bibliography)}
                for k, v in sorted(edition.notes.items())}
    assert rendered == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", SECTIONS, ids=[s.slug for s in SECTIONS])
def test_every_footnote_resolves_to_its_source(section, page, edition):
    soup = page(essay_page_path(section))
    for key, note, ref in footnotes(soup):
        assert note is not None, ref["href"]
        if key.startswith("ed-"):
            assert "editorial-note" in note["class"]
            continue
        assert note["data-source"] == key
        assert note.find_parent("li").select_one(f"a[href$='sources/#src-{key}']") is not None


@pytest.mark.parametrize("section", SECTIONS, ids=[s.slug for s in SECTIONS])
def test_first_note_on_a_page_is_full_and_later_ones_short(section, page, edition):
    seen = set()
    for key, note, _ in footnotes(page(essay_page_path(section))):
        if key.startswith("ed-"):
            continue
        expected = edition.notes[key].short if key in seen else edition.notes[key].full
        last = note.find_next_sibling("span", class_="citation") is None
        assert note_text(str(note)) == as_in_note(expected, last)
        assert "ibid" not in note.find_parent("li").get_text().lower()
        seen.add(key)


def test_footnote_ids_are_unique_across_the_edition(site):
    ids = Counter()
    for path in all_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids.update(tag["id"] for tag in soup.select("[id^='fn:'], [id^='fnref:']"))
    assert ids and all(count == 1 for count in ids.values()), [i for i, c in ids.items() if c > 1]


def test_every_citation_in_the_markdown_is_rendered(edition, site):
    citations = edition.docs.citations
    rendered = 0
    for path in all_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        # Sources cited side by side share a note: count what the notes cite, not the calls.
        rendered += len(soup.select("div.footnote span.citation[data-source], div.footnote li.editorial-note"))
    assert rendered == len(citations)


def test_notes_link_out_without_leaking_the_referrer(page):
    for link in page("a-slow-burning-conflict/index.html").select(".footnote span.citation a[href^='http']"):
        assert link["rel"] == ["noopener", "noreferrer"]

"""The search index holds the essay's words as a reader searches them: no ¶ numbers, note numbers or runs of dates."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from conftest import essay_page_path
from edition.model.essay import normalize


def indexed_text(site, section) -> str:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    location = "" if section.slug == "index" else f"{section.slug}/"
    texts = [doc["text"] for doc in index["docs"] if doc["location"].split("#")[0] == location]
    return normalize(" ".join(BeautifulSoup(text, "html.parser").get_text(" ") for text in texts))


def test_each_paragraph_is_indexed_as_its_own_words(site, essay):
    for section in essay.sections:
        text = indexed_text(site, section)
        for paragraph in section.paragraphs:
            first_words = " ".join(paragraph.text.split()[:6])
            # The paragraph's opening, not "6The U.S. drone strike…": no number is glued to it.
            assert re.search(rf"(?<!\d){re.escape(normalize(first_words))}", text), (paragraph.number, first_words)


def test_no_note_number_or_date_run_is_indexed(site, essay, page):
    for section in essay.sections:
        index = (site / "search/search_index.json").read_text(encoding="utf-8")
        assert "<sup" not in index
        text = indexed_text(site, section)
        built = page(essay_page_path(section))
        for run in built.select(".event-links"):
            assert " ".join(run.get_text().split()) not in text, run.get_text()
        assert "Chronology:" not in text


def test_the_sources_page_is_indexed_by_its_records_not_twice_over(site, edition):
    """Every page loads the index on its first visit: the Sources page gives each record once, without
    the index of titles above them or the claims, which the essay's notes show where they are made."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: normalize(BeautifulSoup(doc["text"], "html.parser").get_text(" ")).lower()
            for doc in index["docs"] if doc["location"].startswith("sources/")}
    text = " ".join(docs.values())
    titles_listed = docs.get("sources/#index", "")
    for source in edition.registry:
        assert f"sources/#src-{source.id}" in docs, source.id
        assert docs[f"sources/#src-{source.id}"], source.id
        opening = " ".join(normalize(source.title).lower().split()[:4])  # before any quotation Chicago restyles
        assert opening not in titles_listed, source.title
    for claim in edition.claims:
        assert normalize(claim.claim).lower() not in text, claim.claim

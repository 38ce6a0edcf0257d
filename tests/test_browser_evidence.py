"""In a real browser: a note's popup and its margin copy show the source's own words under the citation,
and the Sources page gives each record's level in words and what the notes take from it."""

from __future__ import annotations

from conftest import settle

SECTION = "a-slow-burning-conflict/"


def evidence_in_page(page, note_id: str) -> str:
    return " ".join(page(f"{SECTION}index.html").find(id=note_id).select_one(".note-evidence").get_text().split())


def test_the_popup_shows_the_sources_words(browser_page, site_server, page):
    browser_page.set_viewport_size({"width": 900, "height": 800})  # notes show in popups here
    browser_page.goto(f"{site_server}/{SECTION}")
    call = browser_page.locator("#p7 a.footnote-ref").first
    call.hover()
    tip = browser_page.locator(".md-tooltip2--active .md-tooltip2__inner >> visible=true")
    tip.wait_for()
    words = evidence_in_page(page, call.get_attribute("href")[1:])
    assert words and words in " ".join(tip.inner_text().split())


def test_the_margin_note_shows_the_sources_words(browser_page, site_server, page):
    browser_page.set_viewport_size({"width": 1920, "height": 1000})
    browser_page.goto(f"{site_server}/{SECTION}")
    assert settle(browser_page, "document.querySelectorAll('.sidenote').length > 0")
    note_id = browser_page.locator("#p7 a.footnote-ref").first.get_attribute("href")[1:]
    margin = browser_page.locator(f".sidenote[data-note='{note_id}'] .note-evidence")
    assert margin.is_visible()
    assert " ".join(margin.inner_text().split()) == evidence_in_page(page, note_id)


def test_the_sources_page_gives_the_level_in_words_and_the_words_the_notes_take(browser_page, site_server, edition):
    browser_page.goto(f"{site_server}/sources/")
    claim = next(c for c in edition.claims if c.excerpt)
    source = edition.registry[claim.source]
    entry = browser_page.locator(f".source-entry:has(> #src-{claim.source})")
    assert entry.locator(".source-status strong").inner_text() == f"{source.level_words.capitalize()}."
    entry.locator("summary").click()  # the notes' evidence is folded under the record's level
    claims = " ".join(entry.locator(".source-claims").inner_text().split())
    assert claim.excerpt in claims and f"¶{claim.paragraph}" in claims

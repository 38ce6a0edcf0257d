"""In a real browser: a note's popup and its margin copy show the source's own words under the citation,
and the Sources page gives each record's level in words and what the notes take from it."""

from __future__ import annotations

from conftest import settle

SECTION = "a-slow-burning-conflict/"


def evidence_in_page(page, note_id: str) -> list[str]:
    """Each source's words in the note, as the notes list gives them."""
    note = page(f"{SECTION}index.html").find(id=note_id)
    return [" ".join(words.get_text().split()) for words in note.select(".note-evidence")]


def test_the_popup_shows_the_sources_words(browser_page, site_server, page):
    browser_page.set_viewport_size({"width": 900, "height": 800})  # notes show in popups here
    browser_page.goto(f"{site_server}/{SECTION}")
    call = browser_page.locator("#p7 a.footnote-ref").first
    call.hover()
    tip = browser_page.locator(".md-tooltip2--active .md-tooltip2__inner >> visible=true")
    tip.wait_for()
    shown = " ".join(tip.inner_text().split())
    evidence = evidence_in_page(page, call.get_attribute("href")[1:])
    assert evidence and all(words in shown for words in evidence)


def test_every_margin_note_shows_its_sources_words(browser_page, site_server, page, essay):
    browser_page.set_viewport_size({"width": 1920, "height": 1000})
    for section in essay.sections:
        location = "" if section.slug == "index" else f"{section.slug}/"
        listed = {note["id"]: [" ".join(words.get_text().split()) for words in note.select(".note-evidence")]
                  for note in page(f"{location}index.html").select(".footnote li[id]")}
        browser_page.goto(f"{site_server}/{location}")
        assert settle(browser_page, "document.querySelectorAll('.sidenote').length > 0"), location
        # Each margin note, every evidence span of it in order, as the notes list gives it.
        shown = browser_page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.sidenote')].map(side =>
            [side.dataset.note, [...side.querySelectorAll('.note-evidence')].filter(span => span.getClientRects().length)
                                .map(span => span.innerText.split(/\\s+/).join(' ').trim())]))""")
        assert {note: words for note, words in listed.items() if words} == {
            note: words for note, words in shown.items() if listed.get(note)}, location


def test_the_sources_page_gives_the_level_in_words_and_the_words_the_notes_take(browser_page, site_server, edition):
    browser_page.goto(f"{site_server}/sources/")
    claim = next(c for c in edition.claims if c.excerpt)
    source = edition.registry[claim.source]
    entry = browser_page.locator(f".source-entry:has(> #src-{claim.source})")
    assert entry.locator(".source-status strong").inner_text() == f"{source.level_words.capitalize()}."
    entry.locator("summary").click()  # the notes' evidence is folded under the record's level
    claims = " ".join(entry.locator(".source-claims").inner_text().split())
    assert claim.excerpt in claims and f"¶{claim.paragraph}" in claims

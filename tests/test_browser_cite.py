"""In a real browser: permanent links land in view, and copy-link and cite put the right text on the clipboard."""

from __future__ import annotations

import datetime as dt

from conftest import SITE_URL

SECTION = "a-slow-burning-conflict/"


def clipboard(tab) -> str:
    return tab.evaluate("navigator.clipboard.readText()")


def header_bottom(tab) -> float:
    return tab.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def top_of(tab, selector: str) -> float:
    return tab.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")


def test_a_paragraph_link_brings_the_paragraph_into_view_below_the_header(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}#p7")
    browser_page.wait_for_function("() => window.scrollY > 0")
    top = top_of(browser_page, "#p7")
    assert header_bottom(browser_page) <= top < browser_page.viewport_size["height"] / 2


def test_an_old_anchor_kept_as_an_alias_lands_on_the_renamed_heading(browser_page, site_server):
    browser_page.goto(f"{site_server}/about/#rights")
    browser_page.wait_for_function("() => window.scrollY > 0")
    assert header_bottom(browser_page) <= top_of(browser_page, "#reuse") < browser_page.viewport_size["height"] / 2


def test_copy_link_puts_the_permanent_paragraph_url_on_the_clipboard(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    button = browser_page.locator("#p7 .copy-link")
    assert button.get_attribute("aria-label") == "Copy link to paragraph 7"
    button.click()
    assert clipboard(browser_page) == f"{SITE_URL}{SECTION}#p7"
    assert browser_page.locator(".edition-status").text_content() == "Link to paragraph 7 copied"


def test_copy_link_works_from_the_keyboard_on_headings_too(browser_page, site_server):
    browser_page.goto(f"{site_server}/about/")
    button = browser_page.locator("#the-essay .copy-link")
    button.focus()
    # Visible once focused (after a short fade).
    browser_page.wait_for_function("() => getComputedStyle(document.querySelector('#the-essay .anchor-tools')).opacity === '1'")
    browser_page.keyboard.press("Enter")
    assert clipboard(browser_page) == f"{SITE_URL}about/#the-essay"
    assert browser_page.locator(".edition-status").text_content() == "Link to section “The essay” copied"


def test_copy_link_on_the_title_gives_the_page_address(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}#p8")
    browser_page.locator("h1 .copy-link").click()
    assert clipboard(browser_page) == f"{SITE_URL}{SECTION}"


def test_cite_a_paragraph_copies_its_citation_with_todays_access_date(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    opener = browser_page.locator("#p7 .cite-paragraph")
    opener.click()
    dialog = browser_page.locator("dialog.cite-dialog")
    assert dialog.evaluate("d => d.open")
    assert dialog.locator("h2").text_content() == "Cite paragraph ¶7"
    assert dialog.locator('[data-work="edition"] .cite-url').get_attribute("href") == f"{SITE_URL}{SECTION}#p7"

    dialog.locator('[data-work="edition"] [data-form="chicago-note"] + .cite-copy').click()
    note = clipboard(browser_page)
    today = dt.date.today()
    assert note.startswith("Maria Fantappie and Sam Heller, “A Slow-Burning Conflict,” in In Iraq")
    assert f", para. 7, accessed {today:%B} {today.day}, {today.year}, {SITE_URL}{SECTION}#p7." in note

    dialog.locator('[data-work="edition"] [data-form="bibtex"] + .cite-copy').click()
    assert f"urldate = {{{today.isoformat()}}}" in clipboard(browser_page)

    browser_page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert opener.evaluate("b => b === document.activeElement")  # focus returns to where the reader was


def test_the_page_panel_copies_the_original_essays_citation(browser_page, site_server, edition):
    browser_page.goto(f"{site_server}/")
    browser_page.locator(".cite-panel > summary").click()
    browser_page.locator('[data-work="original"] [data-form="apa"] + .cite-copy').click()
    assert clipboard(browser_page) == ("Fantappie, M., & Heller, S. (2020, March). In Iraq, Restraint Is America’s Best "
                                       f"Option. War on the Rocks. {edition.original.url}")


def test_the_browsers_own_print_shows_the_text_without_navigation(browser_page, site_server):
    browser_page.goto(f"{site_server}/about/")
    browser_page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".page-tools", "#the-essay .anchor-tools"]:
        assert browser_page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    # A link whose text is not its address prints the address after it; a bare address is not repeated.
    after = "e => getComputedStyle(e, '::after').content"
    search = browser_page.locator("a[href^='https://commons.wikimedia.org']")
    assert search.evaluate(after) == f'" ({search.get_attribute("href")})"'
    assert browser_page.locator("a.bare-url").first.evaluate(after) in ("none", "normal")


def test_paragraph_numbers_always_show_in_print(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    browser_page.emulate_media(media="print")
    assert browser_page.locator("#p7 .para-num").evaluate("e => getComputedStyle(e).opacity") == "1"

"""In a real browser: permanent links land in view, and copy-link and cite put the right text on the clipboard."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SITE_URL, settle

SECTION = "a-slow-burning-conflict/"


def clipboard(tab) -> str:
    return tab.evaluate("navigator.clipboard.readText()")


def header_bottom(tab) -> float:
    return tab.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def top_of(tab, selector: str) -> float:
    return tab.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")


def test_a_paragraph_link_brings_the_paragraph_into_view_below_the_header(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}#p7")
    assert settle(browser_page, "window.scrollY > 0")
    top = top_of(browser_page, "#p7")
    assert header_bottom(browser_page) <= top < browser_page.viewport_size["height"] / 2


def test_an_old_anchor_kept_as_an_alias_lands_on_the_renamed_heading(browser_page, site_server):
    browser_page.goto(f"{site_server}/about/#rights")
    assert settle(browser_page, "window.scrollY > 0")
    assert header_bottom(browser_page) <= top_of(browser_page, "#reuse") < browser_page.viewport_size["height"] / 2


def open_menu(tab, paragraph: str):
    """Open a paragraph's menu from its ¶ number; return the number (the menu's opener)."""
    opener = tab.locator(f"#{paragraph} button.para-num")
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    return opener


def test_copy_link_puts_the_permanent_paragraph_url_on_the_clipboard(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    opener = open_menu(browser_page, "p7")
    assert opener.get_attribute("aria-label") == "Paragraph 7: copy link or cite"
    button = browser_page.locator(".para-menu .copy-link")
    assert button.get_attribute("aria-label") == "Copy link to paragraph 7"
    assert button.evaluate("b => b === document.activeElement")  # the menu takes focus at its first action
    button.click()
    assert clipboard(browser_page) == f"{SITE_URL}{SECTION}#p7"
    assert browser_page.locator(".edition-status").text_content() == "Link to paragraph 7 copied"


def test_the_paragraph_menu_works_from_the_keyboard_and_escape_closes_it(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    browser_page.locator("#p8 button.para-num").focus()
    browser_page.keyboard.press("Enter")
    menu = browser_page.locator(".para-menu")
    assert menu.is_visible() and menu.get_attribute("aria-label") == "Paragraph 8"
    browser_page.keyboard.press("Enter")  # on "Copy link", which has focus
    assert clipboard(browser_page) == f"{SITE_URL}{SECTION}#p8"
    browser_page.keyboard.press("Escape")
    assert not menu.is_visible()
    opener = browser_page.locator("#p8 button.para-num")
    assert opener.evaluate("b => b === document.activeElement") and opener.get_attribute("aria-expanded") == "false"


def test_the_paragraph_menu_continues_the_tab_order_from_its_number_and_closes_on_resize(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    open_menu(browser_page, "p7")
    browser_page.keyboard.press("Shift+Tab")   # from "Copy link" back to the menu's own link, then the number
    browser_page.keyboard.press("Shift+Tab")
    assert browser_page.evaluate("document.activeElement.closest('#p7') !== null")
    browser_page.set_viewport_size({"width": 900, "height": 800})   # a phone turned, a window resized
    settle(browser_page, "document.querySelector('.para-menu').hidden")
    assert not browser_page.locator(".para-menu").is_visible()


def test_cite_works_after_the_page_panel_was_opened_and_closed(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    browser_page.locator(".cite-panel > summary").click()
    browser_page.locator(".cite-panel > summary").click()
    open_menu(browser_page, "p7")
    browser_page.locator(".para-menu .cite-paragraph").click()
    assert browser_page.locator("dialog.cite-dialog").evaluate("d => d.open")


def test_the_paragraph_menu_takes_no_room_in_the_text(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    before = browser_page.evaluate("[...document.querySelectorAll('p.essay-paragraph')].map(p => p.getBoundingClientRect().height)")
    open_menu(browser_page, "p7")
    after = browser_page.evaluate("[...document.querySelectorAll('p.essay-paragraph')].map(p => p.getBoundingClientRect().height)")
    assert before == after
    # Headings keep their permanent "#" link; no control of the script's is added to them.
    assert browser_page.locator("article h1 button, article h2 button").count() == 0


def test_without_the_script_the_number_is_a_link_to_the_paragraph(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_server}/{SECTION}")
    assert tab.locator("#p7 a.para-num").get_attribute("href") == "#p7"
    # The page's citation forms show in its panel, as they are.
    tab.locator(".cite-panel > summary").click()
    assert tab.locator('.cite-panel [data-work="edition"] [data-form="chicago-note"]').is_visible()
    context.close()


def test_cite_a_paragraph_copies_its_citation_with_todays_access_date(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    opener = open_menu(browser_page, "p7")
    browser_page.locator(".para-menu .cite-paragraph").click()
    dialog = browser_page.locator("dialog.cite-dialog")
    assert dialog.evaluate("d => d.open")
    assert not browser_page.locator(".para-menu").is_visible()
    assert dialog.locator("h2").text_content() == "Cite paragraph 7"
    assert dialog.locator('[data-work="edition"] .cite-url').get_attribute("href") == f"{SITE_URL}{SECTION}#p7"

    assert dialog.locator("select").input_value() == "chicago-note"  # the default style
    dialog.locator('[data-work="edition"] [data-form="chicago-note"] + .cite-copy').click()
    note = clipboard(browser_page)
    today = dt.date.today()
    assert note.startswith("Maria Fantappie and Sam Heller, “A Slow-Burning Conflict,” in In Iraq")
    assert f", para. 7, accessed {today:%B} {today.day}, {today.year}, {SITE_URL}{SECTION}#p7." in note

    dialog.locator("select").select_option(label="BibTeX")
    dialog.locator('[data-work="edition"] [data-form="bibtex"] + .cite-copy').click()
    assert f"urldate = {{{today.isoformat()}}}" in clipboard(browser_page)

    browser_page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    # Focus returns to where the reader was, on the dialog's close event, which comes a task later.
    settle(browser_page, "document.activeElement === document.querySelector('#p7 button.para-num')")
    assert opener.evaluate("b => b === document.activeElement")


def test_the_page_panel_copies_the_original_essays_citation(browser_page, site_server, edition):
    browser_page.goto(f"{site_server}/")
    browser_page.locator(".cite-panel > summary").click()
    browser_page.locator(".cite-panel select").select_option("apa")
    browser_page.locator('[data-work="original"] [data-form="apa"] + .cite-copy').click()
    assert clipboard(browser_page) == ("Fantappie, M., & Heller, S. (2020, March). In Iraq, Restraint Is America’s Best "
                                       f"Option. War on the Rocks. {edition.original.url}")


def test_the_browsers_own_print_shows_the_text_without_navigation(browser_page, site_server):
    browser_page.goto(f"{site_server}/about/")
    browser_page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".page-tools"]:
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


def shown_forms(scope) -> list[tuple[str, str]]:
    """(work, form) of each citation form a reader can see in the panel or dialog."""
    return scope.evaluate("""s => [...s.querySelectorAll('.cite-text')].filter(t => t.checkVisibility())
        .map(t => [t.closest('.cite-work').dataset.work, t.dataset.form])""")


def test_the_page_panel_shows_one_style_at_a_time_and_remembers_the_choice(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    panel = browser_page.locator(".cite-panel")
    panel.locator("summary").click()
    picker = panel.locator("select")
    assert picker.evaluate("s => s.labels[0].textContent.trim()") == "Citation style"
    assert [o for o in picker.evaluate("s => [...s.options].map(o => o.textContent)")][:2] == [
        "Chicago (note)", "Chicago (bibliography)"]
    assert shown_forms(panel) == [["edition", "chicago-note"], ["original", "chicago-note"]]
    picker.select_option("mla")
    assert shown_forms(panel) == [["edition", "mla"], ["original", "mla"]]
    # Another page, and the paragraph dialog there, open on the reader's style.
    browser_page.goto(f"{site_server}/irans-asymmetric-retaliation/")
    browser_page.locator(".cite-panel > summary").click()
    assert browser_page.locator(".cite-panel select").input_value() == "mla"
    assert shown_forms(browser_page.locator(".cite-panel")) == [["edition", "mla"], ["original", "mla"]]
    open_menu(browser_page, "p9")
    browser_page.locator(".para-menu .cite-paragraph").click()
    dialog = browser_page.locator("dialog.cite-dialog")
    assert dialog.locator("select").input_value() == "mla"
    assert shown_forms(dialog) == [["edition", "mla"], ["original", "mla"]]
    # The one form shown is the one copied.
    dialog.locator('[data-work="edition"] .cite-copy:visible').click()
    shown = dialog.locator('[data-work="edition"] [data-form="mla"]').text_content().strip()
    assert clipboard(browser_page) == shown and "#p9" in shown


@pytest.mark.parametrize("width, height, screens", [(1280, 800, 1), (375, 740, 1.25)])
def test_the_dialog_fits_a_screen_on_a_desktop_and_little_more_on_a_phone(browser_page, site_server, width, height, screens):
    """It was three screens tall with every style at once."""
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(f"{site_server}/{SECTION}")
    open_menu(browser_page, "p7")
    browser_page.locator(".para-menu .cite-paragraph").click()
    dialog = browser_page.locator("dialog.cite-dialog")
    assert dialog.evaluate("d => d.scrollHeight") <= height * screens
    assert dialog.evaluate("d => d.scrollWidth <= d.clientWidth")

"""Reading in a real browser: pages load clean and private, notes show and lead, search works, phones fit."""

from __future__ import annotations

import zipfile

import pytest

from conftest import ROOT, resize, settle
from edition.model import load_inputs
from edition.model.addresses import DOWNLOADS_DIR, OFFLINE_COPY
from edition.publish.offline import FOLDER

PAGES = [page.path for page in load_inputs(ROOT).docs]
SECTION = "a-slow-burning-conflict/"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_clean_and_asks_nothing_of_other_hosts(browser, site_server, path):
    context = browser.new_context()
    tab = context.new_page()
    requests, failures, console = [], [], []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("requestfailed", lambda request: failures.append(request.url))
    tab.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: console.append(str(error)))
    response = tab.goto(f"{site_server}/{path}", wait_until="networkidle")
    context.close()
    assert response.status == 200
    assert not console, console
    assert not failures, failures
    assert requests and all(url.startswith(site_server + "/") for url in requests), \
        [url for url in requests if not url.startswith(site_server)]


def tooltip(tab):
    return tab.locator(".md-tooltip2--active .md-tooltip2__inner >> visible=true")


def note_of(reference, edition) -> str:
    """The first citation of the note a reference calls, as the page's list of notes has it, as text."""
    note = reference.get_attribute("href")[1:]
    text = reference.page.evaluate(f"document.getElementById({note!r}).querySelector('.citation').textContent")
    return " ".join(text.split())


def test_a_note_shows_its_citation_on_hover_and_on_focus_and_esc_dismisses_it(browser_page, site_server, edition):
    browser_page.set_viewport_size({"width": 900, "height": 800})  # too narrow for notes in the margin
    browser_page.goto(f"{site_server}/{SECTION}")
    reference = browser_page.locator("#p7 a.footnote-ref").first
    reference.hover()
    tooltip(browser_page).wait_for()
    assert note_of(reference, edition) in " ".join(tooltip(browser_page).inner_text().split())
    # The pointer can move onto the note without losing it (WCAG 1.4.13, hoverable).
    box = tooltip(browser_page).bounding_box()
    browser_page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    browser_page.wait_for_timeout(300)
    assert tooltip(browser_page).is_visible()
    browser_page.keyboard.press("Escape")
    assert not tooltip(browser_page).is_visible()

    browser_page.mouse.move(5, 5)
    focused = browser_page.locator("#p8 a.footnote-ref").first
    focused.focus()
    tooltip(browser_page).wait_for()
    assert note_of(focused, edition) in " ".join(tooltip(browser_page).inner_text().split())


def in_view_below_header(tab, element_id: str) -> bool:
    return tab.evaluate("""id => {
        const top = document.getElementById(id).getBoundingClientRect().top;
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        return top >= header - 1 && top < innerHeight;
    }""", element_id)


def test_a_note_reference_leads_to_the_note_and_back(browser_page, site_server):
    browser_page.goto(f"{site_server}/{SECTION}")
    reference = browser_page.locator("#p7 a.footnote-ref").first
    note_id = reference.get_attribute("href")[1:]
    reference.focus()
    browser_page.keyboard.press("Enter")  # beside the margin a pointer's click holds the margin note instead
    assert settle(browser_page, f"location.hash === {('#' + note_id)!r}")
    assert in_view_below_header(browser_page, note_id)
    browser_page.locator(f"li[id='{note_id}'] a.footnote-backref").click()
    assert settle(browser_page, "location.hash.startsWith('#fnref')")
    back = browser_page.evaluate("location.hash.slice(1)")
    assert in_view_below_header(browser_page, back)
    assert browser_page.evaluate(f"document.getElementById({back!r}).closest('p').id") == "p7"


def search(tab, words: str, expected: str) -> list[str]:
    """Type a query; wait until a result links to the expected page; return every result's link."""
    tab.locator("input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(words, delay=20)
    # Results are redrawn as each letter arrives: wait for the one expected, then read them all at once.
    tab.locator(f".md-search-result__item > a[href*='{expected}']").first.wait_for(timeout=10_000)
    return tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")


def test_search_finds_a_passage_of_the_essay_and_a_source(browser_page, site_server):
    browser_page.goto(f"{site_server}/")
    found = search(browser_page, "hail of rockets", SECTION)
    assert any(SECTION in href for href in found), found
    browser_page.goto(f"{site_server}/")
    found = search(browser_page, "Coalition Casualties in Iraq", "sources/")
    assert any("sources/" in href for href in found), found


SIDEWAYS = [(320, True), (375, True), (375, False), (768, False), (1024, False), (1280, False), (1920, False)]


@pytest.fixture(scope="module")
def drawn_widths(browser, site_server) -> dict[tuple[int, bool], dict[str, int]]:
    """How wide every page is drawn at each window of SIDEWAYS: one tab of each kind (a phone's, by touch, and a
    mouse's) loads each page once at its narrowest width and is then widened to the others; a page is laid out
    again on a resize as on a load (checked: the same widths as fresh loads). {(width, touch): {path: width}}"""
    found: dict[tuple[int, bool], dict[str, int]] = {}
    for touch in (True, False):
        widths = [width for width, by_touch in SIDEWAYS if by_touch is touch]
        context = browser.new_context(viewport={"width": widths[0], "height": 800}, is_mobile=touch, has_touch=touch)
        tab = context.new_page()
        for path in PAGES:
            tab.set_viewport_size({"width": widths[0], "height": 800})
            tab.goto(f"{site_server}/{path}")
            for width in widths:
                if width != widths[0]:
                    resize(tab, width, 800)
                found.setdefault((width, touch), {})[path] = tab.evaluate("document.documentElement.scrollWidth")
        context.close()
    return found


@pytest.mark.parametrize("width,touch", SIDEWAYS, ids=["320 touch", "375 touch", "375 mouse", "768", "1024", "1280", "1920"])
def test_no_page_scrolls_sideways(drawn_widths, width, touch):
    wide = {f"/{path}": scroll for path, scroll in drawn_widths[(width, touch)].items() if scroll > width}
    assert len(drawn_widths[(width, touch)]) == len(PAGES)
    assert not wide, f"wider than the {width} px window: {wide}"


def test_the_scheme_follows_the_system_and_the_toggle_switches_it(browser, site_server):
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.goto(f"{site_server}/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert tab.evaluate(scheme) == "slate"
    tab.locator("label.md-header__button[for^='__palette']:visible").click()
    assert tab.evaluate(scheme) == "default"
    context.close()


def test_long_pages_show_reading_progress(browser_page, site_server):
    browser_page.goto(f"{site_server}/sources/")
    progress = "getComputedStyle(document.querySelector('.md-header'), '::after')"
    assert browser_page.evaluate(f"{progress}.animationName") == "edition-progress"
    start = browser_page.evaluate(f"{progress}.transform")
    browser_page.evaluate("scrollTo(0, document.body.scrollHeight / 2)")
    settle(browser_page, f"{progress}.transform !== {start!r}")
    assert browser_page.evaluate(f"{progress}.transform") != start


@pytest.fixture(scope="module")
def offline_copy(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / DOWNLOADS_DIR / OFFLINE_COPY) as archive:
        archive.extractall(folder)
    return folder / FOLDER


def test_the_offline_copy_reads_and_searches_from_disk(browser, offline_copy, page):
    link = page("about/index.html").select_one(".offline-copy a.download")
    assert link["href"] == f"../{DOWNLOADS_DIR}/{OFFLINE_COPY}"
    context = browser.new_context()
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto((offline_copy / "index.html").as_uri())
    assert "Maximum pressure" in tab.locator("#p1").inner_text()
    found = search(tab, "hail of rockets", "a-slow-burning-conflict.html")
    assert any("a-slow-burning-conflict.html" in href for href in found), found
    tab.locator(".md-search-result__item > a[href*='a-slow-burning-conflict.html']").first.click()
    tab.wait_for_url("**/a-slow-burning-conflict.html*")
    assert tab.locator("#p7").is_visible()
    context.close()
    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]


CSP_WATCH = "window.__csp = []; addEventListener('securitypolicyviolation', e => __csp.push(e.violatedDirective + ' ' + e.blockedURI));"


def test_the_content_security_policy_allows_only_the_sites_own_and_nothing_is_refused(browser, site_server, page):
    policy = page(f"{SECTION}index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "unsafe-inline" not in policy and "script-src 'self' 'sha256-" in policy and "object-src 'none'" in policy
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server)
    context.add_init_script(CSP_WATCH)
    tab = context.new_page()
    tab.goto(f"{site_server}/{SECTION}")
    # Everything the page's scripts do: a margin note opened, the cite dialog, a copy, search, the scheme
    # toggle; then, in a narrower window, a note's popup and its sheet.
    tab.locator("#p7 a.footnote-ref").first.hover()
    assert settle(tab, "document.querySelector('.sidenote--open') !== null")
    tab.locator("#p7 .para-num").click()
    tab.locator(".para-menu .cite-paragraph").click()
    tab.locator("dialog.cite-dialog .cite-copy").first.click()
    tab.keyboard.press("Escape")
    search(tab, "Camp Taji", SECTION)
    tab.keyboard.press("Escape")
    tab.locator("label.md-header__button[for^='__palette']:visible").click()
    tab.set_viewport_size({"width": 800, "height": 800})
    assert settle(tab, "!document.documentElement.classList.contains('edition-sidenotes')")
    tab.locator("#p8 a.footnote-ref").first.hover()
    tooltip(tab).wait_for()
    tab.locator("#p8 a.footnote-ref").first.click()
    assert settle(tab, "document.querySelector('dialog.note-sheet')?.open === true")
    tab.keyboard.press("Escape")
    violations = tab.evaluate("window.__csp")
    context.close()
    assert violations == []


def test_an_injected_inline_script_is_refused(browser, site_server):
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    tab = context.new_page()
    tab.goto(f"{site_server}/{SECTION}")
    tab.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                            document.body.append(s); }""")
    ran, violations = tab.evaluate("[window.__ran === true, window.__csp]")
    context.close()
    assert not ran and violations and violations[0].startswith("script-src")


def test_no_button_floats_over_the_text(page):
    """Material's "Back to top" sat over the body text as soon as a reader scrolled up; it is off."""
    for path in PAGES:
        assert page(f"{path}index.html").select_one(".md-top") is None, path

"""Notes that stay beside their words at every width: level with their calls in the margin (1024 px and
up), whole on demand, in a sheet on a phone, and never cut off; addresses in them break only where an
address may. Every note of every essay page is measured, in both colour schemes."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as etree

import pytest

from conftest import FRAMES, ROOT, WAIT_FOR, resize, settle
from edition.markdown.html import address
from edition.model import load_inputs

EDITION = load_inputs(ROOT)
# The pages with notes and no contents list (whose column would leave the notes too little room).
SECTIONS = [page.path for page in EDITION.docs if page.citations and not any(line.startswith("## ") for line in page.lines)]
SECTION = "a-slow-burning-conflict/"
REACH = 150  # px: the farthest a margin note may start below its call
ABOVE = 50   # px: and above it, so that it stays beside its own paragraph
SCHEMES = ["light", "dark"]


# The notes are placed: in the margin where the window is wide enough, else not at all.
PLACED = "document.documentElement.classList.contains('edition-sidenotes') || innerWidth < 1024"


def open_page(browser, site_server, width: int, path: str = SECTION, scheme: str = "light", placed: str = PLACED, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, **options)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    go_to(tab, site_server, path, placed)
    tab.errors = errors
    return context, tab


def go_to(tab, site_server, path: str, placed: str = PLACED) -> None:
    """Load a page in a tab already open, as a reader follows a link: the notes are placed as on a first load."""
    tab.goto(f"{site_server}/{path}")
    tab.evaluate("document.fonts.ready")
    settle(tab, placed)


def widen(tab, width: int) -> None:
    """Make the window this wide and wait until the page has placed its notes again (it does on every resize)."""
    resize(tab, width, 900)
    settle(tab, PLACED)


MARGIN = """() => {
    const last = document.querySelector('article > .footnote')?.previousElementSibling;  // the end of the text
    const end = (last || document.querySelector('article')).getBoundingClientRect().bottom + scrollY;
    return [...document.querySelectorAll('.sidenote')].map(side => {
        const call = [...document.querySelectorAll('article sup[id^="fnref"] > a.footnote-ref')]
          .find(a => decodeURIComponent(a.getAttribute('href').slice(1)) === side.dataset.note);
        const box = side.getBoundingClientRect(), callBox = call.getBoundingClientRect();
        const text = call.closest('p, li').getBoundingClientRect();
        return {note: side.dataset.note, top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right,
                callTop: callBox.top + scrollY, textRight: text.right, end,
                number: side.querySelector('.sidenote-number').textContent, callNumber: call.textContent,
                visible: box.width > 0 && getComputedStyle(side).display !== 'none'};
    });
}"""


WIDE = [1024, 1280, 1920]  # the margin holds the notes from 1024 px up


@pytest.fixture(scope="module")
def margins(browser, site_server):
    """Every margin note of every essay page, measured at every wide width: for each scheme, one tab loads
    each page once at the narrowest width, then is widened and measured again (the page places its notes
    again on each resize, as on a load). {scheme: {width: [(path, notes, window width, calls)]}}."""
    measured: dict[str, dict[int, list]] = {}

    def of(scheme: str) -> dict[int, list]:
        if scheme not in measured:
            context = browser.new_context(viewport={"width": WIDE[0], "height": 900}, color_scheme=scheme)
            tab = context.new_page()
            found: dict[int, list] = {width: [] for width in WIDE}
            for path in SECTIONS:
                tab.set_viewport_size({"width": WIDE[0], "height": 900})
                go_to(tab, site_server, path)
                for width in WIDE:
                    if width != WIDE[0]:
                        widen(tab, width)
                    found[width].append((path, *tab.evaluate(f"""[({MARGIN})(), document.documentElement.clientWidth,
                        document.querySelectorAll("article sup[id^='fnref'] a.footnote-ref").length]""")))
            context.close()
            measured[scheme] = found
        return measured[scheme]

    return of


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDE)
def test_every_margin_note_starts_level_with_its_call_and_ends_before_the_list(margins, width, scheme):
    """At most 150 px below its call and 50 px above it, no two overlapping, none past the end of the text."""
    measured = []
    for path, notes, window, calls in margins(scheme)[width]:
        assert notes and all(note["visible"] for note in notes), path
        assert len(notes) == calls, path  # every call has its note in the margin
        for before, after in itertools.pairwise(notes):
            assert after["top"] >= before["bottom"], f"{path}: notes {before['number']} and {after['number']} overlap"
        for note in notes:
            assert note["number"] == note["callNumber"], (path, note)   # the numbers of the text and the list
            assert note["left"] > note["textRight"] and note["right"] <= window, (path, note)  # in the margin, inside the window
            offset = note["top"] - note["callTop"]
            assert -ABOVE <= offset <= REACH, f"{path}: note {note['number']} starts {offset:.0f} px from its call"
            assert note["bottom"] <= note["end"] + 1, f"{path}: note {note['number']} runs past the end of the text"
        measured += notes
    assert len(measured) > 50


OPEN_NOTE = """id => {
    const side = document.querySelector(`.sidenote[data-note="${id}"]`);
    const box = side.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return {open: side.classList.contains('sidenote--open'), top: box.top, bottom: box.bottom, header, height: innerHeight,
            whole: side.scrollHeight <= side.clientHeight + 1, scrolls: getComputedStyle(side).overflowY === 'auto',
            evidence: [...side.querySelectorAll('.note-evidence')].every(e => getComputedStyle(e).whiteSpace !== 'nowrap'),
            covered: document.elementFromPoint(box.left + box.width / 2, box.top + 4)?.closest('.sidenote') === side};
}"""
CALLS = "article sup[id^='fnref'] > a.footnote-ref"
# Every call of the page, in order: its link and its number.
CALL_LIST = f"[...document.querySelectorAll({CALLS!r})].map(a => [a.getAttribute('href'), a.textContent])"


def waited(condition: str) -> str:
    """JavaScript that waits up to ten seconds for the condition (as `settle` does) and yields whether it held: the
    wait, the look and what follows in one round trip, where a hundred notes' round trips made most of a test's time."""
    return f"await ({WAIT_FOR.replace('CONDITION', condition)})(10000)"


# Call number `index` brought into view as a reader's finger or pointer finds it (Playwright's actions do the same:
# scrolled to if out of view, centred if the header covers it) and the middle of its box, after letting go of
# whatever the last call's turn left focused. `hit`: the call is what a tap there lands on.
BRING_INTO_VIEW = f"""index => {{
    document.activeElement?.blur();
    const call = document.querySelectorAll({CALLS!r})[index];
    const middle = () => (b => [b.left + b.width / 2, b.top + b.height / 2])(call.getClientRects()[0]);
    call.scrollIntoViewIfNeeded(true);
    let [x, y] = middle();
    if (!call.contains(document.elementFromPoint(x, y))) {{ call.scrollIntoView({{block: 'center'}}); [x, y] = middle(); }}
    return {{x, y, hit: call.contains(document.elementFromPoint(x, y))}};
}}"""
FOCUS = f"index => {{ document.activeElement?.blur(); document.querySelectorAll({CALLS!r})[index].focus(); }}"


@pytest.mark.parametrize("width,scheme", [(1280, "light"), (1920, "dark")])
def test_pointing_at_or_focusing_any_call_shows_its_whole_note_on_screen(browser, site_server, width, scheme):
    """The popup is off while the margin is on, so the margin note itself opens whole, over the others,
    inside the window (scrolling there if it is taller than the window)."""
    checked = 0
    context, tab = open_page(browser, site_server, width, SECTIONS[0], scheme)
    for path in SECTIONS:
        if path != SECTIONS[0]:
            go_to(tab, site_server, path)
        for index, (href, _) in enumerate(tab.evaluate(CALL_LIST)):
            note = href[1:]
            if index % 2:
                spot = tab.evaluate(BRING_INTO_VIEW, index)  # as a reader's pointer would
                assert spot["hit"], (path, note)
                tab.mouse.move(spot["x"], spot["y"])
            else:
                tab.evaluate(FOCUS, index)  # focus brings it into view
            state = tab.evaluate(f"""async note => ({{
                opened: {waited("document.querySelector(`.sidenote[data-note='${note}']`).classList.contains('sidenote--open')")},
                ...({OPEN_NOTE})(note), popups: [...document.querySelectorAll('.md-tooltip2--active')]
                    .filter(popup => popup.getClientRects().length && getComputedStyle(popup).visibility !== 'hidden').length}})""",
                                 note)
            assert state["opened"], (path, note)
            assert state["top"] >= state["header"] - 1 and state["bottom"] <= state["height"] + 1, (path, note, state)
            assert state["whole"] or state["scrolls"], (path, note, state)
            assert state["evidence"] and state["covered"], (path, note, state)
            assert state["popups"] == 0  # the popup would repeat it
            tab.mouse.move(1, state["height"] - 1)  # and the focus is let go of as the next call is brought into view
            checked += 1
    assert not tab.errors, tab.errors
    context.close()
    assert checked > 50


def test_a_margin_note_opens_and_closes_on_a_click_and_escape_closes_it(browser, site_server):
    context, tab = open_page(browser, site_server, 1280)
    side = tab.locator(".sidenote").nth(1)
    side.scroll_into_view_if_needed()
    side.click(position={"x": 5, "y": 5})
    assert "sidenote--open" in side.get_attribute("class")
    side.click(position={"x": 5, "y": 5})
    assert "sidenote--open" not in side.get_attribute("class")
    side.click(position={"x": 5, "y": 5})
    tab.keyboard.press("Escape")
    assert "sidenote--open" not in side.get_attribute("class")
    context.close()


def test_a_closed_margin_note_is_short_and_holds_the_first_line_of_the_sources_words(browser, site_server, page):
    context, tab = open_page(browser, site_server, 1920)
    notes = tab.evaluate("""() => [...document.querySelectorAll('.sidenote')].map(side => ({
        note: side.dataset.note, height: side.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(side).lineHeight),
        evidence: [...side.querySelectorAll('.note-evidence')].map(e => ({shown: e.getClientRects().length > 0,
            lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)), text: e.textContent})),
        records: [...side.querySelectorAll('.note-records')].some(r => r.getClientRects().length > 0)}))""")
    context.close()
    built = page(f"{SECTION}index.html")
    for note in notes:
        assert not note["records"], note["note"]   # the open note has the link to the record
        assert note["height"] <= 8 * note["lineHeight"], note   # a short note, not 200–750 px of evidence
        for evidence in note["evidence"]:
            if evidence["shown"]:
                assert evidence["lines"] == 1, note
        listed = " ".join(built.find(id=note["note"]).get_text().split())
        assert all(" ".join(e["text"].split()) in listed for e in note["evidence"])


def test_a_sidenote_repeats_its_note_for_the_eye_only(browser, site_server, page):
    context, tab = open_page(browser, site_server, 1280)
    column = tab.locator(".sidenotes")
    assert column.get_attribute("aria-hidden") == "true"
    assert tab.locator(".sidenotes a:not([tabindex='-1'])").count() == 0   # out of the tab order
    assert tab.locator(".sidenotes [id]").count() == 0                     # no second copy of an anchor
    # Pointing at a call marks its note; the popup that narrow screens get is not shown beside it.
    call = tab.locator("#p7 a.footnote-ref").first
    call.hover()
    note_id = call.get_attribute("href")[1:]
    settle(tab, f"document.querySelector(\".sidenote[data-note='{note_id}']\").classList.contains('sidenote--active')")
    assert "sidenote--active" in tab.locator(f".sidenote[data-note='{note_id}']").get_attribute("class")
    assert tab.locator(".md-tooltip2--active >> visible=true").count() == 0
    built = page(f"{SECTION}index.html").find(id=note_id).select_one(".citation").get_text()
    text = tab.locator(f".sidenote[data-note='{note_id}']").text_content()
    context.close()
    assert built.split(", http")[0] in text  # the citation, its address shown as the site's name


def test_a_page_with_a_contents_list_keeps_it_and_its_notes_go_where_there_is_room(browser, site_server):
    # The contents list leaves the margin no room here: wait for the notes to be placed, not for the margin.
    context, tab = open_page(browser, site_server, 1280, "about/", placed="document.querySelector('.sidenotes') !== null")
    tab.evaluate(FRAMES)
    contents = tab.locator(".md-sidebar--secondary").is_visible()
    notes = tab.evaluate("[...document.querySelectorAll('.sidenote')].map(s => s.getBoundingClientRect()).filter(r => r.width)")
    window = tab.evaluate("document.documentElement.clientWidth")
    context.close()
    assert contents
    assert all(note["right"] <= window and note["width"] >= 160 for note in notes)


def test_with_a_larger_root_font_notes_fall_back_to_the_sheet_and_nothing_overflows(browser, site_server):
    context, tab = open_page(browser, site_server, 1280)
    tab.evaluate("document.documentElement.style.fontSize = '200%'")
    # The notes are laid out again on the next frame after the article resizes: on a busy machine that
    # is seconds, not milliseconds (CI saw the old layout after 400 ms), so wait for it, then look.
    settle(tab, "!document.documentElement.classList.contains('edition-sidenotes')")
    state = tab.evaluate("""() => ({wide: document.documentElement.scrollWidth > innerWidth,
        margin: document.documentElement.classList.contains('edition-sidenotes'),
        shown: [...document.querySelectorAll('.sidenote')].some(s => s.getBoundingClientRect().width > 0)})""")
    context.close()
    assert state == {"wide": False, "margin": False, "shown": False}


@pytest.mark.parametrize("width", [320, 375, 768])
def test_on_a_narrow_screen_notes_stay_out_of_the_margin(browser, site_server, width):
    context, tab = open_page(browser, site_server, width)
    shown = tab.evaluate("[...document.querySelectorAll('.sidenote')].some(s => s.getBoundingClientRect().width > 0)")
    context.close()
    assert not shown


SHEET = """href => {
    const sheet = document.querySelector('dialog.note-sheet');
    const body = sheet.querySelector('.note-sheet-body');
    const box = sheet.getBoundingClientRect();
    body.scrollTop = body.scrollHeight;   // scrolled to its end, the note's last words are inside the sheet
    const last = [...body.querySelectorAll('p, .note-sheet-list')].at(-1).getBoundingClientRect();
    const inner = body.getBoundingClientRect();
    const result = {open: sheet.open, top: box.top, bottom: box.bottom, left: box.left, right: box.right,
        width: document.documentElement.clientWidth, height: innerHeight,
        reachable: last.bottom <= inner.bottom + 1 && last.top >= inner.top - 1,
        // The call, and so the words it annotates, stays in view between the header and the sheet.
        callAbove: [...document.querySelectorAll('article a.footnote-ref')].some(a => a.getAttribute('href') === href &&
            a.getBoundingClientRect().bottom <= box.top &&
            a.getBoundingClientRect().top >= document.querySelector('.md-header').getBoundingClientRect().bottom),
        scrolls: body.scrollHeight <= body.clientHeight + 1 || getComputedStyle(body).overflowY === 'auto',
        title: sheet.querySelector('h2').textContent, focused: document.activeElement.className,
        text: body.textContent, hash: location.hash,
        close: (b => [b.left + b.width / 2, b.top + b.height / 2])(sheet.querySelector('.note-sheet-close').getBoundingClientRect())};
    body.scrollTop = 0;
    return result;
}"""


@pytest.mark.parametrize("width,scheme", [(320, "dark"), (375, "light"), (768, "light")])
def test_on_a_narrow_screen_a_tap_opens_the_whole_note_in_a_sheet_that_closes(browser, site_server, page, width, scheme):
    """Every note of every essay page, by touch on a phone and by keyboard at 768 px: the sheet is inside
    the window, its end can be scrolled to, it is titled with the note's number and closes with its
    button, giving the focus back to the call."""
    touch = width < 768
    checked = 0
    context, tab = open_page(browser, site_server, width, SECTIONS[0], scheme, has_touch=touch, is_mobile=touch)
    for path in SECTIONS:
        if path != SECTIONS[0]:
            go_to(tab, site_server, path)
        built = page(f"{path}index.html")
        for index, (href, number) in enumerate(tab.evaluate(CALL_LIST)):
            if touch:
                spot = tab.evaluate(BRING_INTO_VIEW, index)  # as a finger finds it
                assert spot["hit"], (path, index)
                tab.touchscreen.tap(spot["x"], spot["y"])
            else:  # a keyboard reader's way in (a pointer's click is the CSP test's); focus brings it into view
                tab.evaluate(FOCUS, index)
                tab.keyboard.press("Enter")
            state = tab.evaluate(f"""async href => {waited("document.querySelector('dialog.note-sheet')?.open === true")}
                ? ({SHEET})(href) : {{open: false}}""", href)
            assert state["open"], (path, index)
            assert state["hash"] == ""   # the page stays where the reader is
            assert state["top"] >= 0 and state["bottom"] <= state["height"] + 1, (path, index, state)
            assert state["left"] >= 0 and state["right"] <= state["width"], (path, index, state)
            assert state["reachable"] and state["scrolls"] and state["callAbove"], (path, index, state)
            assert state["title"] == f"Note {number}" and "note-sheet-close" in state["focused"]
            note = built.find(id=href[1:])
            listed = " ".join(note.select_one(".citation, .editorial-label").parent.get_text().split())
            shown = " ".join(state["text"].split())
            assert listed[:120] in shown, (path, index)
            tab.mouse.click(*state["close"])  # the close button, where the sheet draws it
            # The focus is given back to the call on the sheet's close event, a task after it closes.
            closed = tab.evaluate(f"""async href => ({{closed: {waited("!document.querySelector('dialog.note-sheet').open")},
                back: {waited("document.activeElement.getAttribute('href') === href")}}})""", href)
            assert closed == {"closed": True, "back": True}, (path, index)
            # Focus on a call brings its hover popup (Material's) once the pointer moves: moved on, as a reader would,
            # and the focus let go of as the next call is brought into view.
            tab.mouse.move(1, 1)
            checked += 1
    assert not tab.errors, tab.errors
    context.close()
    assert checked > 50


def test_the_sheet_closes_with_escape_and_its_link_leads_to_the_list(browser, site_server):
    context, tab = open_page(browser, site_server, 375, has_touch=True, is_mobile=True)
    call = tab.locator("#p7 a.footnote-ref").first
    call.tap()
    assert settle(tab, "document.querySelector('dialog.note-sheet')?.open === true")
    tab.keyboard.press("Escape")
    assert settle(tab, "!document.querySelector('dialog.note-sheet').open")
    call.tap()
    assert settle(tab, "document.querySelector('dialog.note-sheet')?.open === true")
    tab.locator("dialog.note-sheet .note-sheet-list").click()
    assert settle(tab, f"location.hash === {call.get_attribute('href')!r}")
    note = call.get_attribute("href")[1:]
    assert settle(tab, f"(r => r.top >= 0 && r.top < innerHeight)(document.getElementById({note!r}).getBoundingClientRect())"), \
        "the note in the list is not in view"
    assert not tab.evaluate("document.querySelector('dialog.note-sheet').open")
    context.close()


# Every part of every address (span.url-part) on one line: a part drawn on two lines was broken inside a word.
BROKEN_PARTS = """scope => [...document.querySelectorAll(scope)].flatMap(holder => [...holder.querySelectorAll('a.url')])
    .filter(a => a.getClientRects().length)
    .flatMap(a => [...a.querySelectorAll('.url-part')].filter(part => {
        const lines = new Set([...part.getClientRects()].filter(r => r.width).map(r => Math.round(r.top)));
        return lines.size > 1;
    }).map(part => a.href + ' at ' + part.textContent)).concat(
    [...document.querySelectorAll(scope)].flatMap(holder => [...holder.querySelectorAll('a.url')]).length ? [] : ['no address'])"""


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_addresses_break_only_between_their_parts_in_notes_forms_and_byline(browser, site_server, width):
    context, tab = open_page(browser, site_server, width, "")
    tab.evaluate("document.querySelector('details.cite-panel').open = true")
    settle(tab, "document.querySelector('.cite-body .cite-text') !== null")
    broken = {scope: tab.evaluate(BROKEN_PARTS, scope) for scope in [".footnote", ".cite-body", ".first-published"]}
    tab.goto(f"{site_server}/{SECTION}")
    tab.locator("#p7 .para-num").click()
    tab.locator(".para-menu .cite-paragraph").click()
    broken["dialog"] = tab.evaluate(BROKEN_PARTS, "dialog.cite-dialog")
    url = tab.evaluate("document.querySelector('dialog.cite-dialog .cite-url').textContent")
    wide = tab.evaluate("document.documentElement.scrollWidth > innerWidth")
    context.close()
    assert url.endswith(f"/{SECTION}#p7")
    assert not any(broken.values()), broken
    assert not wide


def test_a_note_opened_by_pointing_stays_open_while_the_pointer_goes_to_it(browser, site_server):
    """WCAG 1.4.13 (hoverable): the pointer can cross the text to the open note, rest on it and use its
    link to the record; leaving the note closes it."""
    context, tab = open_page(browser, site_server, 1280)
    call = tab.locator("#p7 a.footnote-ref").first
    note = call.get_attribute("href")[1:]
    side = tab.locator(f".sidenote[data-note='{note}']")
    call.scroll_into_view_if_needed()
    call.hover()
    assert settle(tab, f"document.querySelector('.sidenote[data-note=\"{note}\"]').classList.contains('sidenote--open')")
    box = side.bounding_box()
    tab.mouse.move(box["x"] + 20, box["y"] + 10, steps=25)   # slowly, across the text
    assert "sidenote--open" in side.get_attribute("class")
    tab.wait_for_timeout(1500)                               # resting on it
    assert "sidenote--open" in side.get_attribute("class")
    assert side.locator(".note-records a").first.is_visible()
    tab.mouse.move(5, 400, steps=5)
    assert settle(tab, f"!document.querySelector('.sidenote[data-note=\"{note}\"]').classList.contains('sidenote--open')")
    context.close()


def test_beside_the_margin_a_click_on_a_call_holds_its_note_and_enter_follows_the_link(browser, site_server):
    context, tab = open_page(browser, site_server, 1280)
    call = tab.locator("#p7 a.footnote-ref").first
    note = call.get_attribute("href")[1:]
    call.click()
    assert "sidenote--pinned" in tab.locator(f".sidenote[data-note='{note}']").get_attribute("class")
    assert tab.evaluate("location.hash") == ""       # the reader's place in the text is kept
    call.click()
    assert "sidenote--open" not in tab.locator(f".sidenote[data-note='{note}']").get_attribute("class")
    call.focus()
    tab.keyboard.press("Enter")                        # a keyboard, a screen reader: the margin is hidden to it
    assert settle(tab, f"location.hash === {('#' + note)!r}")
    context.close()


def test_an_address_with_no_natural_break_wraps_rather_than_widen_the_page(browser, site_server):
    """A record's address may be a long run with no slash, dot or hyphen (a hash, a hostile 400 letters):
    a part too long for a line breaks anywhere, the others stay whole."""
    holder = etree.Element("p")
    address(holder, "https://example.org/" + "a" * 400 + "/x-y", class_="bare-url")
    link = etree.tostring(holder, encoding="unicode", method="html")
    context, tab = open_page(browser, site_server, 375, has_touch=True, is_mobile=True)
    wide = tab.evaluate("""html => { const p = document.querySelector('#p7');
        p.insertAdjacentHTML('beforeend', html);
        return [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                p.querySelectorAll('.url-part.url-long').length]; }""", link)
    context.close()
    assert wide[2] == 1 and wide[0] <= wide[1], wide


def test_an_open_note_stays_below_the_header_as_the_page_scrolls_and_closes_once_its_call_is_gone(browser, site_server):
    context, tab = open_page(browser, site_server, 1280)
    call = tab.locator("#p7 a.footnote-ref").first
    note = call.get_attribute("href")[1:]
    call.focus()
    assert settle(tab, f"document.querySelector('.sidenote[data-note=\"{note}\"]').classList.contains('sidenote--open')")
    below_header = f"""(s => s.getBoundingClientRect().top >= document.querySelector('.md-header').getBoundingClientRect().bottom)
        (document.querySelector('.sidenote[data-note="{note}"]'))"""
    tab.mouse.wheel(0, 250)
    assert settle(tab, below_header)
    tab.mouse.wheel(0, 3000)
    assert settle(tab, f"!document.querySelector('.sidenote[data-note=\"{note}\"]').classList.contains('sidenote--open')")
    context.close()


def test_on_a_tablet_a_tap_on_a_call_opens_its_margin_note_in_place(browser, site_server):
    context, tab = open_page(browser, site_server, 1024, has_touch=True, is_mobile=True)
    assert tab.evaluate("document.documentElement.classList.contains('edition-sidenotes')")
    call = tab.locator("#p7 a.footnote-ref").first
    note = call.get_attribute("href")[1:]
    call.tap()
    assert settle(tab, f"document.querySelector('.sidenote[data-note=\"{note}\"]').classList.contains('sidenote--open')")
    assert tab.evaluate("location.hash") == ""
    context.close()


def test_an_open_note_does_not_push_the_others_when_the_page_is_laid_out_again(browser, site_server):
    """The notes are placed by their closed heights: a note held open over the others, then a resize,
    leaves every other note where it was."""
    context, tab = open_page(browser, site_server, 1280, "irans-asymmetric-retaliation/")
    tops = "JSON.stringify([...document.querySelectorAll('.sidenote')].map(s => s.style.top))"
    before = tab.evaluate(tops)
    tab.locator(".sidenote").nth(1).click(position={"x": 5, "y": 5})
    tab.set_viewport_size({"width": 1100, "height": 900})   # another measure: the notes move
    assert settle(tab, f"{tops} !== {before!r}")
    tab.set_viewport_size({"width": 1280, "height": 900})
    back = settle(tab, f"{tops} === {before!r}")
    still_open = "sidenote--open" in tab.locator(".sidenote").nth(1).get_attribute("class")
    context.close()
    assert back and still_open

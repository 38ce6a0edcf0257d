"""Reading in Chromium as a reader would: a serif that really applies, with lining figures, a measure of
65–72 characters, a column centred where nothing stands beside it, a title in full ink, notes large
enough to read, ¶ numbers and note calls that keep to their words, and hyphenation on a phone."""

from __future__ import annotations

import statistics

import pytest

from conftest import ROOT, resize
from edition.model import load_inputs

EDITION = load_inputs(ROOT)
PAGES = [page.path for page in EDITION.docs]
ESSAY = [page.path for page in EDITION.docs if page.citations and page.path in {
    "" if s.slug == "index" else f"{s.slug}/" for s in EDITION.essay.sections}]
SECTION = "a-slow-burning-conflict/"

# Characters of running text on each full line of the essay's paragraphs (the last line of each is short).
LINE_LENGTHS = """() => {
  const lengths = [];
  for (const paragraph of document.querySelectorAll('p.essay-paragraph')) {
    const lines = new Map();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      if (node.parentElement.closest('.para-num, sup, .event-links')) continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (box) lines.set(Math.round(box.top / 4), (lines.get(Math.round(box.top / 4)) || 0) + 1);
      }
    }
    lengths.push(...[...lines.values()].slice(0, -1));
  }
  return lengths;
}"""


def open_page(browser, site_server, width: int, path: str = SECTION, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{site_server}/{path}")
    tab.evaluate("document.fonts.ready")
    return context, tab


def test_the_essay_is_set_in_a_serif_the_system_really_has(browser, site_server):
    context, tab = open_page(browser, site_server, 1280)
    session = context.new_cdp_session(tab)
    session.send("DOM.enable")
    session.send("CSS.enable")
    node = session.send("DOM.querySelector", {"nodeId": session.send("DOM.getDocument")["root"]["nodeId"], "selector": "#p7"})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    context.close()
    used = max(fonts, key=lambda font: font["glyphCount"])["familyName"]
    assert "Serif" in used or used in ("Charter", "Georgia", "Cambria"), f"the essay is drawn in {used}"


@pytest.mark.parametrize("width", [768, 1280, 1920])
def test_a_line_holds_about_65_to_72_characters(browser, site_server, width):
    context, tab = open_page(browser, site_server, width)
    lengths = tab.evaluate(LINE_LENGTHS)
    context.close()
    assert len(lengths) > 20
    assert 65 <= statistics.median(lengths) <= 72, statistics.median(lengths)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_title_is_in_full_ink_and_real_weight_and_notes_are_readable(browser, site_server, scheme):
    context, tab = open_page(browser, site_server, 1280, scheme=scheme)
    title, text, note = tab.evaluate("""() => [document.querySelector('article h1'), document.querySelector('#p7'),
        document.querySelector('.footnote li')].map(e => { const s = getComputedStyle(e);
        return {weight: +s.fontWeight, color: s.color, size: parseFloat(s.fontSize)}; })""")
    context.close()
    assert title["weight"] >= 600 and title["color"] == text["color"]
    assert 14 <= note["size"] <= 15.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_figure_on_every_page_is_a_lining_figure(browser, site_server, scheme):
    """Old-style figures made "60 sources" read "6o sources": no element asks for them, and the text asks for lining ones."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    found = {}
    for path in PAGES:
        tab.goto(f"{site_server}/{path}")
        found[path] = tab.evaluate("""() => {
            const article = document.querySelector('article');
            const oldstyle = [...document.querySelectorAll('body *')]
                .filter(e => getComputedStyle(e).fontVariantNumeric.includes('oldstyle'));
            return {text: getComputedStyle(article).fontVariantNumeric, oldstyle: oldstyle.map(e => e.className || e.tagName)};
        }""")
    context.close()
    for path, figures in found.items():
        assert "lining-nums" in figures["text"] and not figures["oldstyle"], (path, figures)


def test_no_serif_of_the_stack_draws_old_style_figures_by_default():
    """Georgia's figures are old-style only (no lining set to ask for): it is not in the stack."""
    stylesheet = (ROOT / "docs/stylesheets/edition.css").read_text(encoding="utf-8")
    stack = next(line for line in stylesheet.splitlines() if line.strip().startswith("--edition-serif:"))
    assert "Georgia" not in stack and stack.rstrip(";").endswith("serif")


@pytest.mark.parametrize("width", [768, 900, 1000])
def test_between_tablet_and_laptop_widths_the_column_is_centred(browser, site_server, width):
    context, tab = open_page(browser, site_server, width)
    left, right = tab.evaluate("""() => { const r = document.querySelector('#p7').getBoundingClientRect();
        return [r.left, document.documentElement.clientWidth - r.right]; }""")
    context.close()
    assert abs(left - right) <= 40, (left, right)


@pytest.mark.parametrize("width,hyphens", [(320, "auto"), (375, "auto"), (1280, "manual")])
def test_on_a_phone_the_text_is_hyphenated_by_its_language_and_addresses_never(browser, site_server, width, hyphens):
    context, tab = open_page(browser, site_server, width)
    state = tab.evaluate("""() => ({lang: document.documentElement.lang,
        text: [...document.querySelectorAll('p.essay-paragraph')].map(p => getComputedStyle(p).hyphens),
        urls: [...document.querySelectorAll('a.url')].map(a => getComputedStyle(a).hyphens)})""")
    context.close()
    assert state["lang"].startswith("en")
    assert set(state["text"]) == {hyphens}
    assert state["urls"] and set(state["urls"]) == {"manual"}


PARAGRAPH_NUMBER_GAPS = """() => [...document.querySelectorAll('p.essay-paragraph')].map(p => {
    const number = p.querySelector('.para-num').getBoundingClientRect();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.parentElement.closest('.para-num') || !n.textContent.trim() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const text = walker.nextNode();
    const range = document.createRange();
    const start = text.textContent.search(/\\S/);
    range.setStart(text, start); range.setEnd(text, start + 1);
    return [p.id, range.getBoundingClientRect().left - number.right];
})"""


GAP_WIDTHS = [320, 375, 768]


@pytest.mark.parametrize("width", GAP_WIDTHS)
def test_the_gap_after_a_paragraph_number_is_the_same_for_every_number(essay_measured, width):
    gaps = {}
    for _, measured in essay_measured["gaps", width]:
        gaps.update(dict(measured))
    assert len(gaps) == len(EDITION.essay.paragraphs)
    assert max(gaps.values()) - min(gaps.values()) <= 1, gaps


CALL_TARGET = """index => {
    const call = document.querySelectorAll('article sup[id^="fnref"] > a.footnote-ref')[index];
    call.scrollIntoView({block: 'center'});
    const box = call.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const at = (dx, dy) => document.elementFromPoint(x + dx, y + dy)?.closest('a.footnote-ref') === call;
    const hit = [[-11, -11], [11, -11], [-11, 11], [11, 11]].every(([dx, dy]) => at(dx, dy));
    const own = at(0, 0) && at(0, -11) && at(0, 11);
    const sup = call.parentElement, next = sup.nextSibling;
    const alone = !sup.querySelector('.note-separator') && !(next?.matches?.('sup') && next.querySelector('.note-separator'));
    const before = sup.previousSibling;
    let gap = null;
    if (before && before.nodeType === 3 && /[.,;:]$/.test(before.textContent)) {
        const range = document.createRange();
        range.setStart(before, before.length - 1); range.setEnd(before, before.length);
        gap = box.left - range.getBoundingClientRect().right;
    }
    return {note: call.getAttribute('href'), hit, own, alone, gap};
}"""
# Every call of the page, each brought to the middle of the window and measured in turn.
CALL_TARGETS = f"""() => [...document.querySelectorAll('article sup[id^="fnref"] > a.footnote-ref')]
    .map((_, index) => ({CALL_TARGET})(index))"""
TARGET_WIDTHS = [375, 1280]


@pytest.fixture(scope="module")
def essay_measured(browser, site_server) -> dict[tuple[str, int], list]:
    """The gap after every paragraph number and the target around every note call, on every page of the essay,
    at each width the tests ask for: one tab loads each page once at the narrowest width and is widened to the
    others (a page is laid out again on a resize as on a load). {("gaps" or "calls", width): [(path, found)]}"""
    found: dict[tuple[str, int], list] = {}
    widths = sorted({*GAP_WIDTHS, *TARGET_WIDTHS})
    context, tab = open_page(browser, site_server, widths[0], ESSAY[0])
    for path in ESSAY:
        for width in widths:
            if width == widths[0]:
                if path != ESSAY[0]:
                    tab.set_viewport_size({"width": width, "height": 900})
                    tab.goto(f"{site_server}/{path}")
                    tab.evaluate("document.fonts.ready")
            else:
                resize(tab, width, 900)
            if width in GAP_WIDTHS:
                found.setdefault(("gaps", width), []).append((path, tab.evaluate(PARAGRAPH_NUMBER_GAPS)))
            if width in TARGET_WIDTHS:
                found.setdefault(("calls", width), []).extend((path, call) for call in tab.evaluate(CALL_TARGETS))
    context.close()
    return found


@pytest.mark.parametrize("width", TARGET_WIDTHS)
def test_every_note_call_takes_a_24_px_target_and_keeps_to_its_punctuation(essay_measured, page, width):
    """WCAG 2.5.8: 24 by 24 CSS px around each call answers to it (calls side by side share that room, and
    each still answers over its own figure and 24 px high),
    and no padding parts a call from the comma or full stop before it ("Baghdad, ³")."""
    calls = essay_measured["calls", width]
    built = sum(len(page(f"{path}index.html").select("article sup[id^='fnref'] > a.footnote-ref")) for path in ESSAY)
    assert built > 50 and len(calls) == built
    for path, call in calls:
        assert call["own"] and (call["hit"] or not call["alone"]), (path, call)
        assert call["gap"] is None or abs(call["gap"]) <= 1.5, (path, call)


def test_the_target_around_a_call_moves_no_line(browser, site_server):
    context = browser.new_context(viewport={"width": 375, "height": 900}, bypass_csp=True)  # to add a style
    tab = context.new_page()
    tab.goto(f"{site_server}/{SECTION}")
    heights = "[...document.querySelectorAll('p.essay-paragraph')].map(p => p.getBoundingClientRect().height)"
    with_targets = tab.evaluate(heights)
    tab.add_style_tag(content="a.footnote-ref::after { display: none !important; }")
    without = tab.evaluate(heights)
    context.close()
    assert with_targets == without

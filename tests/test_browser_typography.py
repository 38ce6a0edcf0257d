"""Reading in Chromium as a reader would: a serif that really applies, a measure of 65–72 characters,
a title in full ink, notes large enough to read."""

from __future__ import annotations

import statistics

import pytest

from conftest import ROOT
from edition import load as load_edition

EDITION = load_edition(ROOT, formatted=False)
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

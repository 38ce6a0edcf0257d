"""A page printed from the browser (Chromium, A4) reads as a clean section: every ¶ number whole in the
margin, nothing underlined that only a screen needs, no controls, and the notes after the text."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT, essay_page_path
from edition.model import load_inputs

ESSAY = load_inputs(ROOT).essay
SECTIONS = [section for section in ESSAY.sections if section.paragraphs]


@pytest.fixture(scope="module")
def printed(browser, site_server, tmp_path_factory):
    """Each essay page as Chromium prints it to A4, as text laid out (pdftotext -layout), and the print
    styles as the page computes them."""
    folder = tmp_path_factory.mktemp("printed")
    context = browser.new_context()
    tab = context.new_page()
    pages = {}
    for section in SECTIONS:
        tab.goto(f"{site_server}/{essay_page_path(section).removesuffix('index.html')}")
        pdf = folder / f"{section.slug}.pdf"
        tab.pdf(path=str(pdf), format="A4")
        tab.emulate_media(media="print")
        styles = tab.evaluate("""() => ({
            numbers: [...document.querySelectorAll('p.essay-paragraph > .para-num')].map(n => {
                const box = n.getBoundingClientRect(); return {left: box.left, right: box.right, text: n.textContent}; }),
            underlined: [...document.querySelectorAll('article abbr, article .para-num')]
                .filter(e => getComputedStyle(e).textDecorationLine !== 'none' || parseFloat(getComputedStyle(e).borderBottomWidth) > 0)
                .map(e => e.textContent),
            shown: [...document.querySelectorAll('.page-tools, .para-menu, .sidenotes, .event-links, .md-header, .md-sidebar, .md-footer')]
                .filter(e => e.getClientRects().length).map(e => e.className)})""")
        tab.emulate_media(media="null")  # no emulation left over for the next page.pdf()
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        pages[section.slug] = (text, styles)
    context.close()
    return pages


def test_every_paragraph_number_prints_whole_in_the_margin(printed):
    for section in SECTIONS:
        text, styles = printed[section.slug]
        for paragraph in section.paragraphs:
            first = paragraph.text.split()[0]
            assert re.search(rf"^\s*¶{paragraph.number}\s+{re.escape(first)}", text, re.M), (section.slug, paragraph.number)
        assert all(number["left"] >= 0 for number in styles["numbers"]), (section.slug, styles["numbers"])


def test_nothing_only_a_screen_needs_is_printed(printed):
    for section in SECTIONS:
        text, styles = printed[section.slug]
        assert styles["underlined"] == [], (section.slug, styles["underlined"])
        assert styles["shown"] == [], (section.slug, styles["shown"])
        assert "Chronology:" not in text and "Cite this page" not in text and "↩" not in text


def test_the_notes_follow_the_text(printed, page):
    for section in SECTIONS:
        text, _ = printed[section.slug]
        built = page(essay_page_path(section))
        notes = built.select(".footnote li")
        if not notes:
            continue
        last_words = " ".join(section.paragraphs[-1].text.split()[-3:])
        first_note = " ".join(notes[0].select_one(".citation, .editorial-label").get_text().split()[:3])
        flat = " ".join(text.split())
        assert flat.index(last_words) < flat.index(first_note), section.slug


def test_the_sources_page_prints_its_table_without_the_screens_controls(browser, site_server, tmp_path):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site_server}/sources/")
    tab.pdf(path=str(tmp_path / "sources.pdf"), format="A4")
    context.close()
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "sources.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Index of the sources" in text
    for control in ("Sort by", "sources shown", "any section", "↕", "↑"):
        assert control not in text, control

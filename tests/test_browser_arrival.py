"""Arriving by a permanent link marks what it names: a paragraph, a note or a source record, in both schemes."""

from __future__ import annotations

import pytest

MARKED = "(id) => { const s = getComputedStyle(document.getElementById(id)); return [s.animationName, s.backgroundColor]; }"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("address, target", [
    ("a-slow-burning-conflict/#p7", "p7"),
    ("sources/#src-dodnews-2020-03", "src-dodnews-2020-03"),
], ids=["a paragraph", "a source record"])
def test_the_target_of_a_permanent_link_is_marked_on_arrival(browser, site_server, scheme, address, target):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{site_server}/{address}")
    animation, _ = tab.evaluate(MARKED, target)
    # The same element reached without its #fragment is not marked.
    tab.goto(f"{site_server}/{address.split('#')[0]}")
    plain = tab.evaluate(MARKED, target)
    context.close()
    assert animation == "edition-arrival" and plain[0] == "none"


def test_a_source_record_is_marked_whole_on_arrival(browser, site_server):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site_server}/sources/#src-dodnews-2020-03")
    animation = tab.evaluate("getComputedStyle(document.getElementById('src-dodnews-2020-03').closest('.source-entry')).animationName")
    context.close()
    assert animation == "edition-arrival"


def test_with_reduced_motion_the_target_is_marked_without_movement(browser, site_server):
    context = browser.new_context(reduced_motion="reduce")
    tab = context.new_page()
    tab.goto(f"{site_server}/a-slow-burning-conflict/#p7")
    animation, background = tab.evaluate(MARKED, "p7")
    context.close()
    assert animation == "none" and background != "rgba(0, 0, 0, 0)"


def test_a_note_is_marked_when_its_number_is_followed(browser, site_server):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site_server}/a-slow-burning-conflict/")
    reference = tab.locator("#p7 a.footnote-ref").first
    note = reference.get_attribute("href").lstrip("#")
    reference.focus()
    tab.keyboard.press("Enter")  # beside the margin a pointer's click holds the margin note instead
    animation = tab.evaluate("(id) => getComputedStyle(document.getElementById(id)).animationName", note)
    context.close()
    assert animation == "edition-arrival"

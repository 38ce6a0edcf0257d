"""Reader View and read-later tools take the essay as the article, not the edition's apparatus.

Firefox Reader View runs Mozilla's Readability on the page as JSDOMParser reads it (its worker does
exactly this); read-later services use the same library or its heuristics. tests/reader_view.js
runs both, from the npm package `make test` installs, on each built page.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, SITE_URL
from edition.model import load_inputs

EDITION = load_inputs(ROOT)
READER = ROOT / "tests" / "reader_view.js"


def reader_view(html_file, url: str) -> dict:
    node = shutil.which("node")
    assert node and (ROOT / "node_modules" / "@mozilla" / "readability").is_dir(), \
        "run `make test`: it installs Node's Readability (package.json)"
    result = subprocess.run([node, str(READER), str(html_file), url], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", [page.path for page in EDITION.docs])
def test_reader_view_takes_the_pages_text_not_its_citations(site, page, path):
    built = page(f"{path}index.html")
    article = reader_view(site / path / "index.html", f"{SITE_URL}{path}")
    assert article is not None, f"Reader View finds no article in /{path}"
    text = words(article["text"])
    # None of the forms citing this page (they are in the page, for readers without scripts). The
    # original essay's forms are left out: a page may cite the essay in its own notes.
    forms = [words(form.get_text()) for form in built.select('.cite-panel [data-work="edition"] .cite-text')]
    assert forms
    for form in forms:
        assert form[:60] not in text, f"/{path}: Reader View shows the Cite panel ({form[:60]!r})"
    assert "@inbook{" not in text and "TY  - " not in article["text"]
    assert article["title"].startswith(built.h1.get_text().removesuffix("#").strip())
    # Every numbered paragraph of the essay on the page is in the article, whole, its number apart.
    for paragraph in built.select("p.essay-paragraph"):
        number = paragraph.select_one(".para-num").get_text()
        assert f"{number} {words(reader_text_of(paragraph))}" in text, f"/{path}: ¶{number} is not whole in Reader View"


def reader_text_of(paragraph) -> str:
    """A built paragraph's words as Reader View shows them: with its note numbers, without the ¶ number."""
    copy = paragraph.__copy__()
    copy.select_one(".para-num").decompose()
    return copy.get_text()


def test_reader_view_of_the_live_page_after_the_cite_panel_was_opened_and_closed(browser, site_server, tmp_path):
    """Firefox serialises the page as it stands (scripts' changes included) for Reader View."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{site_server}/a-slow-burning-conflict/")
    tab.locator(".cite-panel > summary").click()
    tab.locator(".cite-panel > summary").click()
    live = tmp_path / "live.html"
    live.write_text(tab.evaluate("new XMLSerializer().serializeToString(document)"), encoding="utf-8")
    context.close()
    article = reader_view(live, f"{SITE_URL}a-slow-burning-conflict/")
    assert "The latest flare-up came on March 11" in article["text"] and "@inbook{" not in article["text"]

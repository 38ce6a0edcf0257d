"""Every page passes axe-core at WCAG 2.2 AA in both colour schemes and the W3C Nu HTML Checker without errors."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from edition.model import load_inputs

PAGES = [page.path for page in load_inputs(ROOT).docs]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL = Path(__import__("material").__file__).parent / "templates"


@pytest.fixture(scope="module")
def axe():
    return Axe()


# The dark scheme changes colours, not the page: its document is the light scheme's, so only the
# rules about colour are run again there (color-contrast is most of axe's time on a page).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
RULES = {"light": {"type": "tag", "values": WCAG_22_AA}, "dark": {"type": "rule", "values": COLOUR_RULES}}


@pytest.fixture(scope="module")
def tab_in(browser):
    """A tab for each colour scheme, which every page is loaded in, one after another, as a reader goes."""
    contexts = {}

    def tab(scheme: str):
        if scheme not in contexts:
            contexts[scheme] = browser.new_context(color_scheme=scheme)
            contexts[scheme].new_page()
        return contexts[scheme].pages[0]

    yield tab
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(tab_in, site_server, axe, path, scheme):
    tab = tab_in(scheme)
    tab.goto(f"{site_server}/{path}")
    expected = "slate" if scheme == "dark" else "default"
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    result = axe.run(tab, options={"runOnly": RULES[scheme], "resultTypes": ["violations"]})
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]]
    assert violations == []


def test_the_nu_html_checker_finds_no_error(site):
    java = shutil.which("java")
    assert java and VNU.is_file(), "run `make test`: it installs Debian's Java and the npm package vnu-jar"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "text", str(site)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = len(list(site.rglob("*.html")))
    assert checked > len(PAGES)  # the pages, the 404 page and any redirect pages


@pytest.mark.parametrize("template,changed", [
    ("base.html", ['    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
                   '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">']),
    ("partials/search.html", ['<div class="md-search" data-md-component="search" role="dialog" '
                              'aria-label="Search this edition">']),
])
def test_material_overrides_differ_from_material_only_where_they_mean_to(template, changed):
    """A Material upgrade that changes a copied template makes this fail: refresh the copy, then re-apply."""
    ours = (ROOT / "overrides" / template).read_text(encoding="utf-8").splitlines()
    upstream = (MATERIAL / template).read_text(encoding="utf-8").splitlines()
    ours = ours[next(n for n, line in enumerate(ours) if line.strip() == "-#}") + 1:]  # our header comment
    added = [line[1:] for line in difflib.unified_diff(upstream, ours, lineterm="", n=0)
             if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in difflib.unified_diff(upstream, ours, lineterm="", n=0)
               if line.startswith("-") and not line.startswith("---")]
    assert added == changed
    assert len(removed) == len(changed) + (3 if template.startswith("partials") else 0)

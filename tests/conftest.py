"""Build the real edition once per test session, and give tests parsed pages of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from edition.browsing import CHROMIUM, CHROMIUM_FLAGS, serve
from edition.build import build
from edition.context import load_edition
from edition.essay import load_essay

ROOT = Path(__file__).resolve().parents[1]
# What a copy of the project needs to build on its own.
PROJECT_FILES = ["mkdocs.yml", "docs", "sources", "overrides", "anchors.lock", "CITATION.cff"]


@pytest.fixture(scope="session")
def edition():
    return load_edition(ROOT)


@pytest.fixture(scope="session")
def essay():
    return load_essay(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real edition, built once into a temporary folder."""
    output = tmp_path_factory.mktemp("build") / "site"
    errors, _ = build(ROOT, output)
    assert not errors, "\n".join(map(str, errors))
    return output


@pytest.fixture(scope="session")
def page(site):
    """Parse a built page by its path in the site, e.g. page('sources/index.html')."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(path: str) -> BeautifulSoup:
        if path not in cache:
            cache[path] = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        return cache[path]

    return parse


def copy_project(destination: Path) -> Path:
    """Copy the project's inputs, so a test can break them without touching the real ones.

    The citation cache comes along when there is one: it is keyed by its inputs, so a copy whose
    inputs differ formats afresh, and one whose inputs are the same is spared Pandoc's runs.
    """
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", destination / ".cache")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]


@pytest.fixture(scope="session")
def site_server(site):
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, site_server):
    """A fresh tab that may read and write the clipboard, as a reader's browser lets a site do on a click."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # A Content-Security-Policy violation is reported as a console error.
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield tab
    context.close()
    assert not errors, f"errors on the page: {errors}"


def essay_page_path(section) -> str:
    return "index.html" if section.slug == "index" else f"{section.slug}/index.html"

"""In Chromium, only the edition's own scripts run: a script or handler that reached a page anyway is refused,
on the site and in the offline copy opened from disk, while the edition's own scripts keep working."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from bs4 import BeautifulSoup

from edition.model.addresses import DOWNLOADS_DIR, OFFLINE_COPY
from edition.publish.offline import FOLDER
from edition.tools.local_site import serve

SECTION = "a-slow-burning-conflict"
# What a hostile contributor would have liked to publish, written into the built page after the build:
# the policy, not the build's checks, is what this tests.
INJECTED = ('<script>window.__pwned = "inline script"</script>'
            '<img src="data:," onerror="window.__pwned = \'handler\'" alt="">'
            '<a id="injected-link" href="javascript:window.__pwned = \'javascript: link\'">injected</a>')
WATCH = "window.__csp = []; addEventListener('securitypolicyviolation', e => __csp.push(e.violatedDirective));"


def inject(page) -> None:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    soup.select_one("article").append(BeautifulSoup(INJECTED, "html.parser"))
    page.write_text(str(soup), encoding="utf-8")


@pytest.fixture(scope="module")
def injected_site(site, tmp_path_factory):
    copy = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(site, copy)
    inject(copy / SECTION / "index.html")
    return copy


@pytest.fixture(scope="module")
def injected_offline_copy(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("injected-offline")
    with zipfile.ZipFile(site / DOWNLOADS_DIR / OFFLINE_COPY) as archive:
        archive.extractall(folder)
    inject(folder / FOLDER / f"{SECTION}.html")
    return folder / FOLDER


def visit(browser, url: str) -> dict:
    context = browser.new_context()
    context.add_init_script(WATCH)
    tab = context.new_page()
    tab.goto(url)
    tab.locator("#injected-link").click()
    tab.wait_for_timeout(200)
    seen = tab.evaluate("""() => ({
        pwned: window.__pwned ?? null,
        violations: window.__csp,
        templates: typeof __md_get === "function",              // Material's inline script, allowed by its hash
        edition: !!document.querySelector("#p7 button.para-num"),  // edition.js, a file of the site
    })""")
    context.close()
    return seen


def test_an_injected_script_never_runs_on_the_site(browser, injected_site):
    with serve(injected_site) as base:
        seen = visit(browser, f"{base}/{SECTION}/")
    assert seen["pwned"] is None
    assert sorted(set(seen["violations"])) == ["script-src-attr", "script-src-elem"], seen["violations"]
    assert seen["templates"] and seen["edition"]


def test_an_injected_script_never_runs_in_the_offline_copy(browser, injected_offline_copy):
    seen = visit(browser, (injected_offline_copy / f"{SECTION}.html").as_uri())
    assert seen["pwned"] is None
    assert "script-src-elem" in seen["violations"] and "script-src-attr" in seen["violations"], seen["violations"]
    assert seen["templates"] and seen["edition"]


def directives(policy: str) -> list[str]:
    return [d.split()[0] for d in policy.split(";")]


def test_the_offline_copy_carries_the_sites_policy(site, page):
    with zipfile.ZipFile(site / DOWNLOADS_DIR / OFFLINE_COPY) as archive:
        copy = BeautifulSoup(archive.read(f"{FOLDER}/{SECTION}.html").decode("utf-8"), "html.parser")
    offline = copy.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    online = page(f"{SECTION}/index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert directives(offline) == directives(online)
    assert "'unsafe-inline'" not in offline and "script-src 'self' 'sha256-" in offline

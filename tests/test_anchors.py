"""Anchors are a public interface: the lock lists them, the build keeps them, renames and moves keep working."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, essay_page_path, run_build, serve
from edition.markdown.paragraphs import ParagraphTreeprocessor
from edition.model.anchor_lock import LOCK_FILE, load_lock
from edition.publish.anchors import published_anchors, write_lock


@pytest.fixture(scope="module")
def lock():
    problems = []
    found = load_lock(ROOT, problems)
    assert not problems
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_paragraphs_are_numbered_through_the_essay_with_ids_on_their_pages(essay, page):
    numbers = []
    for section in essay.sections:
        soup = page(essay_page_path(section))
        found = [int(p["id"][1:]) for p in soup.select("p.essay-paragraph")]
        assert found == [p.number for p in section.paragraphs]
        for p in soup.select("p.essay-paragraph"):
            number = p.select_one("a.para-num")
            assert number["href"] == f"#{p['id']}" and number.get_text() == p["id"][1:]
        numbers += found
    assert numbers == list(range(1, len(essay.paragraphs) + 1))


def test_the_lock_lists_exactly_what_the_site_publishes(site, lock):
    public, _ = published_anchors(site)
    assert public == lock.pages, f"anchors changed: run `make anchors` and commit {LOCK_FILE}"


LOCK_TEXT = (ROOT / LOCK_FILE).read_text(encoding="utf-8")
PAGES = LOCK_TEXT[LOCK_TEXT.index("\npages:\n") + 1:LOCK_TEXT.index("\naliases:") + 1]
HAND_KEPT = LOCK_TEXT.replace("redirects: {}", '# a comment the editors keep\nredirects: {"old-about/": "about/"}  # moved in 0.2')


@pytest.mark.parametrize("written", [HAND_KEPT.replace("  - p6\n", ""), HAND_KEPT.replace(PAGES, "pages:\n"),
                                     HAND_KEPT.replace(PAGES, "pages: {}\n# kept too\n"),
                                     HAND_KEPT.replace("  - p6\n", "").replace("\n", "\r\n")],
                         ids=["an anchor missing", "pages empty", "pages an empty mapping", "CRLF line ends"])
def test_make_anchors_rewrites_the_pages_and_keeps_the_rest_as_the_editors_wrote_it(site, lock, tmp_path, written):
    """Fourteenth hostile round, case 58: `make anchors` dropped the comments of the part kept by hand; fifteenth, A2:
    it rewrote a lock kept with CRLF line ends in LF, every line of it."""
    (tmp_path / LOCK_FILE).write_bytes(written.encode("utf-8"))
    assert write_lock(site, lock, tmp_path) == []
    expected = HAND_KEPT if "# kept too" not in written else HAND_KEPT.replace(PAGES, PAGES + "# kept too\n")
    expected = expected.replace("\n", "\r\n") if "\r\n" in written else expected
    assert (tmp_path / LOCK_FILE).read_bytes().decode("utf-8") == expected


def test_the_lock_holds_headings_paragraphs_and_sources(lock, essay, edition):
    assert {f"p{p.number}" for p in essay.paragraphs} <= {i for ids in lock.pages.values() for i in ids}
    assert {f"src-{s.id}" for s in edition.registry} <= set(lock.pages["sources/"])
    assert "a-slow-burning-conflict" in lock.pages["a-slow-burning-conflict/"]


def test_a_renamed_heading_keeps_its_old_anchor(page, lock):
    # The About page's "Rights" section became "Reuse"; the lock records the rename.
    assert any(a.page == "about/" and a.old == "rights" and a.new == "reuse" for a in lock.aliases)
    old = page("about/index.html").find(id="rights")
    assert old is not None and old.parent["id"] == "reuse"
    assert "rights" not in lock.pages["about/"]


@pytest.fixture
def project(tmp_path, site) -> Path:  # after `site`, so the citation cache is warm for the copy
    return copy_project(tmp_path)


def test_removing_a_heading_id_fails_the_build_naming_it(project, lock):
    edit(project / "docs/conventions.md", "## Paragraph numbers", "## Paragraph numbers {#numbers}")
    result = run_build(project)
    line = lock.lines[("conventions/", "paragraph-numbers")]
    assert result.returncode == 1
    assert (f"error: anchors.lock:{line}: anchor /conventions/#paragraph-numbers is no longer published; restore it, "
            'or record a rename: aliases: - {page: "conventions/", old: "paragraph-numbers", new: "<new-id>"}') in result.stderr

    # Recorded as a rename, the old anchor lands on the renamed heading.
    edit(project / LOCK_FILE, "aliases:\n", "aliases:\n- {page: conventions/, old: paragraph-numbers, new: numbers}\n")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((project / "site/conventions/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find(id="paragraph-numbers").parent["id"] == "numbers"


def test_losing_paragraph_ids_fails_the_build_naming_each(project, lock, essay, monkeypatch):
    # A change of the code that numbers no paragraph (mkdocs.yml may no longer leave the extension out).
    monkeypatch.setattr(ParagraphTreeprocessor, "run", lambda self, root: None)
    # MkDocs would stop first, at the links to paragraphs; let the build's own checks have their say.
    edit(project / "mkdocs.yml", "  anchors: warn", "  anchors: info")
    result = run_build(project)
    assert result.returncode == 1
    for paragraph in essay.paragraphs:
        page = essay_page_path(essay.section_of(paragraph.number)).removesuffix("index.html")
        line = lock.lines[(page, f"p{paragraph.number}")]
        assert f"error: anchors.lock:{line}: anchor /{page}#p{paragraph.number} is no longer published" in result.stderr


def test_a_moved_page_redirects_from_its_old_url(project, lock, browser):
    (project / "docs/conventions.md").rename(project / "docs/reading-conventions.md")
    edit(project / "mkdocs.yml", "Conventions: conventions.md", "Conventions: reading-conventions.md")
    for path in (project / "docs").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("(conventions.md", "(reading-conventions.md"), encoding="utf-8")

    result = run_build(project)
    assert result.returncode == 1
    line = lock.lines[("conventions/", None)]
    assert (f"error: anchors.lock:{line}: page /conventions/ is no longer published; restore it, or record where it "
            'went: redirects: {"conventions/": "<new-page>/"}') in result.stderr

    edit(project / LOCK_FILE, "redirects: {}", 'redirects: {"conventions/": "reading-conventions/"}')
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    stub = BeautifulSoup((project / "site/conventions/index.html").read_text(encoding="utf-8"), "html.parser")
    assert stub.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../reading-conventions/"
    assert stub.find("link", rel="canonical")["href"].endswith("/reading-conventions/")
    assert "location.hash" in stub.script.string
    # The moved page's anchors are checked where it now lives.
    assert "conventions/" in yaml.safe_load((project / LOCK_FILE).read_text(encoding="utf-8"))["pages"]

    # In a browser, the old address with its #fragment lands on the same anchor at the new address.
    with serve(project / "site") as base:
        tab = browser.new_page()
        tab.goto(f"{base}/conventions/#paragraph-numbers")
        tab.wait_for_url(f"{base}/reading-conventions/#paragraph-numbers")
        assert tab.locator("#paragraph-numbers").is_visible()
        tab.close()

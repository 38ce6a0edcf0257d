"""The essay is a multi-page site: an opening page and one page per section, in the essay's order."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, copy_project, essay_page_path


def nav_pages() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)

    def flatten(items):
        for item in items:
            for value in item.values():
                yield from flatten(value) if isinstance(value, list) else [value]

    return list(flatten(config["nav"]))


class _Lenient(yaml.SafeLoader):
    """Read mkdocs.yml leniently: any MkDocs-only tag (`!ENV`, `!relative`) a maintainer adds is not what is tested here."""


_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_section_pages_follow_the_essay_order(essay):
    assert nav_pages()[: len(essay.sections)] == [s.page for s in essay.sections]


def test_slugs_are_made_from_the_headings(essay):
    assert [s.slug for s in essay.sections] == [
        "index", "a-slow-burning-conflict", "irans-asymmetric-retaliation",
        "the-anti-american-turn-in-iraqi-politics", "disastrous-impacts-for-iraq-and-us-iraqi-ties",
        "tensions-benefit-the-islamic-state", "recapturing-the-strategic-initiative",
    ]


def test_each_section_page_has_its_heading_as_anchor(essay, page):
    for section in essay.sections[1:]:
        heading = page(essay_page_path(section)).select_one("article h1")
        assert heading["id"] == section.slug
        assert heading.get_text(" ", strip=True).removesuffix("#").strip() == section.heading


def test_opening_page_has_title_authors_and_original_publication(page, edition):
    soup = page("index.html")
    assert soup.select_one("article h1").get_text(strip=True).removesuffix("#") == edition.essay.title
    assert soup.select_one(".byline").get_text() == "By Maria Fantappie and Sam Heller"
    published = soup.select_one(".first-published")
    assert "War on the Rocks" in published.get_text()
    assert published.a["href"] == "https://warontherocks.com/2020/03/in-iraq-restraint-is-americas-best-option/"


def test_about_page_states_reuse_terms_and_what_the_build_verifies(page):
    soup = page("about/index.html")
    rights = soup.find(id="reuse").find_next("p", class_="rights").get_text(" ")
    assert "belongs to Maria Fantappie and Sam Heller and to War on the Rocks" in " ".join(rights.split())
    assert "CC BY 4.0" in rights and "MIT" in soup.find(id="reuse").find_next("ul").get_text(" ")
    text = " ".join(soup.select_one("article").get_text(" ").split())
    for claim in ["word for word", "every quotation in the essay is accounted for", "every citation resolves",
                  "anchors.lock"]:
        assert claim in text


def test_every_nav_page_is_built(site):
    for source in nav_pages():
        built = "index.html" if source == "index.md" else source.removesuffix(".md") + "/index.html"
        assert (site / built).is_file(), built


@pytest.mark.build  # runs a whole build on a copy of the project
def test_mkdocs_builds_the_project_from_any_folder(tmp_path):
    """`mkdocs build -f …/mkdocs.yml` started elsewhere renders that project, not the folder it was started in."""
    project = copy_project(tmp_path / "project")
    record = project / "sources/france24-2020-03-19.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("pulls trainers", "pulls trainers (edited)"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(tmp_path / "out")], cwd=elsewhere, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert "pulls trainers (edited)" in (tmp_path / "out/sources/index.html").read_text(encoding="utf-8")

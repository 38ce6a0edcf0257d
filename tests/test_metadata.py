"""Pages carry the metadata reference managers and search engines read, and the registry downloads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser
import extruct
import pytest
import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from conftest import ROOT, SITE_URL
from edition.citeproc.pandoc import style_path


@pytest.fixture(scope="module")
def metadata(site, edition):
    """extruct's reading of every page: JSON-LD, Open Graph and Dublin Core."""
    found = {}
    for docs_page in edition.docs:
        html = (site / f"{docs_page.path}index.html").read_text(encoding="utf-8")
        found[docs_page.file] = extruct.extract(html, base_url=SITE_URL + docs_page.path,
                                                syntaxes=["json-ld", "opengraph"], uniform=True)
        found[docs_page.file]["dublincore"] = extruct.extract(html, syntaxes=["dublincore"])["dublincore"]
    return found


def highwire(soup, name: str) -> list[str]:
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]


def test_highwire_tags_name_title_authors_date_and_url(page, edition):
    for docs_page in edition.docs:
        soup = page(f"{docs_page.path}index.html")
        url = SITE_URL + docs_page.path
        assert highwire(soup, "citation_public_url") == [url]
        assert soup.find("link", rel="canonical")["href"] == url
        assert highwire(soup, "citation_publication_date") == [edition.released.replace("-", "/")]
        assert highwire(soup, "citation_publisher") == [edition.meta["publisher"]]
        assert len(highwire(soup, "citation_title")) == 1
    opening = page("index.html")
    assert highwire(opening, "citation_title") == [edition.full_title]
    assert highwire(opening, "citation_author") == ["Fantappie, Maria", "Heller, Sam"]
    section = page("a-slow-burning-conflict/index.html")
    assert highwire(section, "citation_title") == ["A Slow-Burning Conflict"]
    assert highwire(section, "citation_inbook_title") == [edition.full_title]
    assert highwire(page("about/index.html"), "citation_author") == []


def test_json_ld_describes_an_article_based_on_the_original(metadata, edition):
    for file, found in metadata.items():
        (article,) = [item for item in found["json-ld"] if item.get("@type") == "Article"]
        assert article["version"] == edition.version, file
        assert article["isBasedOn"]["url"] == edition.original.url
        assert article["dateModified"] == edition.released
    opening = metadata["index.md"]["json-ld"][0]
    assert [a["name"] for a in opening["author"]] == ["Maria Fantappie", "Sam Heller"]


def test_json_ld_cites_the_sources_the_page_cites(metadata, edition):
    for file in ["a-slow-burning-conflict.md", "the-anti-american-turn-in-iraqi-politics.md",
                 "recapturing-the-strategic-initiative.md"]:  # the last cites nothing
        keys = [c.key for c in edition.docs.get(file).citations if c.key in edition.registry]
        expected = [edition.registry[key] for key in dict.fromkeys(keys)]
        assert bool(expected) is (file != "recapturing-the-strategic-initiative.md")
        article = metadata[file]["json-ld"][0]
        assert [(c["name"], c.get("url")) for c in article.get("citation", [])] == [(s.title, s.url) for s in expected]


def test_open_graph_and_dublin_core_are_read_back(metadata, edition):
    section = metadata["a-slow-burning-conflict.md"]
    (graph,) = section["opengraph"]
    assert graph["og:title"] == "A Slow-Burning Conflict"
    assert graph["og:url"] == SITE_URL + "a-slow-burning-conflict/"
    assert graph["@type"] == "article"
    (dublin,) = section["dublincore"]
    elements: dict[str, list[str]] = {}
    for element in dublin["elements"] + dublin["terms"]:
        elements.setdefault(element["URI"].rsplit("/", 1)[1], []).append(element["content"])
    assert elements["title"] == ["A Slow-Burning Conflict"]
    assert elements["creator"] == ["Maria Fantappie", "Sam Heller"]
    assert elements["source"] == [edition.original.url]
    assert elements["hasVersion"] == [edition.version]


def test_citation_cff_is_valid_and_names_the_current_version_and_the_original(edition):
    cffconvert = Path(sys.executable).with_name("cffconvert")
    result = subprocess.run([str(cffconvert if cffconvert.exists() else shutil.which("cffconvert")),
                             "--validate", "--infile", str(ROOT / "CITATION.cff")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == edition.version
    assert str(cff["date-released"]) == edition.released
    (original,) = cff["references"]
    assert original["url"] == edition.original.url


def test_registry_downloads_as_csl_json_that_another_processor_renders(site, edition, page):
    sources_page = page("sources/index.html")
    links = {a.get_text(): a["href"] for a in sources_page.select(".downloads a")}
    sizes = {name: round((site / "downloads" / name).stat().st_size / 1024) for name in ("sources.json", "sources.bib")}
    assert links == {f"CSL-JSON ({sizes['sources.json']} KB)": "../downloads/sources.json",
                     f"BibTeX ({sizes['sources.bib']} KB)": "../downloads/sources.bib"}
    items = json.loads((site / "downloads/sources.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [s.id for s in edition.registry]
    # citeproc-py, not Pandoc: the file must stand on its own.
    source = CiteProcJSON(items)
    style = CitationStylesStyle(str(style_path("apa")), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    nyt = edition.registry["nyt-2020-03-27"]
    assert any(nyt.title in entry for entry in rendered)
    for item in items:
        verified = edition.registry[item["id"]].verified
        assert ("NOT fully verified" in item["note"]) is (not verified)
        assert item["note"].endswith(f"{SITE_URL}sources/#src-{item['id']}")


def test_registry_downloads_as_bibtex(site, edition):
    library = bibtexparser.parse_string((site / "downloads/sources.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert sorted(entry.key for entry in library.entries) == sorted(s.id for s in edition.registry)


def test_sitemap_and_canonical_links_use_the_one_site_url(site, page, edition):
    urls = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(urls) == sorted(SITE_URL + p.path for p in edition.docs)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["url"] == SITE_URL

"""Pages carry the metadata reference managers and search engines read, and the registry downloads."""

from __future__ import annotations

import dataclasses
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
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from conftest import ROOT, SITE_URL
from edition.citeproc.forms import edition_item, targets
from edition.citeproc.pandoc import style_path, to_bibtex
from edition.model.checks import check_citation_file
from edition.model.docs import front_matter
from edition.publish.downloads import registry_items
from edition.publish.metadata import APPARATUS, BOOK, SECTION, head_tags, page_kind

CFF_LINES = (ROOT / "CITATION.cff").read_text(encoding="utf-8").splitlines()


def extracted(html: str, base_url: str | None = None) -> dict:
    """extruct's reading of a page: JSON-LD, Open Graph and Dublin Core."""
    found = extruct.extract(html, base_url=base_url, syntaxes=["json-ld", "opengraph"], uniform=True)
    found["dublincore"] = extruct.extract(html, syntaxes=["dublincore"])["dublincore"]
    return found


@pytest.fixture(scope="module")
def metadata(site, edition):
    """extruct's reading of every page, by its file under docs/."""
    return {docs_page.file: extracted((site / f"{docs_page.path}index.html").read_text(encoding="utf-8"),
                                      SITE_URL + docs_page.path)
            for docs_page in edition.docs}


def highwire(soup, name: str) -> list[str]:
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]


def dublin_core(found: dict) -> dict[str, list[str]]:
    """extruct's Dublin Core of a page as {term: [values]}, from the DC./DCTERMS. tags only.

    (extruct also counts a plain <meta name="description"> as DC's description; the translator does not.)
    """
    elements: dict[str, list[str]] = {}
    (dublin,) = found["dublincore"]
    for element in dublin["elements"] + dublin["terms"]:
        if element["name"].lower().startswith(("dc.", "dcterms.")):
            elements.setdefault(element["URI"].rsplit("/", 1)[1], []).append(element["content"])
    return elements


# What Zotero's web translator makes of a page, as a small model of its source (zotero/translators):
# "Embedded Metadata.js" (lastUpdated 2024-06-13), which reads the citation_* tags itself and hands the
# tags with a known prefix (DC., DCTERMS., prism., og:, z.) to "RDF.js" (lastUpdated 2019-09-08).
# Only what an edition page can hold is modelled; anything else the model leaves out.

# Embedded Metadata.js, init(): the citation_* tags that name an item type (hwType), which wins over
# every other clue (addHighwireMetadata() swaps it in last).
HIGHWIRE_TYPES = {"citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
                  "citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
                  "citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
                  "citation_dissertation_institution": "thesis"}
# RDF.js, detectType(): og:type and DC.type values that name a type (t.og, t.dc). Their mere guesses
# ("article", "Text": journalArticle) come after defaultUnknownType, which is never empty here, so they
# never decide. DC.type: Zotero's own type names and a few eprints words (a subset).
OG_TYPES = {"video.movie": "videoRecording", "video.episode": "videoRecording", "video.tv_show": "videoRecording",
            "video.other": "videoRecording", "book": "book", "music.song": "audioRecording",
            "music.album": "audioRecording", "website": "webpage"}
DC_TYPES = {"book": "book", "booksection": "bookSection", "bookitem": "bookSection", "bookchapter": "bookSection",
            "journalarticle": "journalArticle", "article": "journalArticle", "report": "report", "thesis": "thesis",
            "webpage": "webpage", "electronicbook": "book"}


def zotero_item_type(names: list[str], og_type: str | None, dc_type: str | None) -> str:
    """The item type the translator gives a page whose <meta> names are `names`, in document order."""
    hw_type = guess = None
    for name in names:
        short = name[name.rfind("citation_"):] if "citation_" in name else ""
        if short in HIGHWIRE_TYPES:
            hw_type = HIGHWIRE_TYPES[short]
        elif short in ("citation_title", "citation_series_title"):  # "fall back to journalArticle"
            guess = guess or "journalArticle"
        elif short == "citation_isbn":
            guess = "book"
    if hw_type:
        return hw_type
    # itemType = t.zotero || t.bib || t.prism || t.eprints || t.og || t.dc || t.so || defaultUnknownType || guesses,
    # where defaultUnknownType = hwTypeGuess || generatorType || "webpage".
    return (OG_TYPES.get(og_type or "") or DC_TYPES.get((dc_type or "").lower().replace(" ", ""))
            or guess or "webpage")


def clean_author(name: str) -> tuple[str, str]:
    """ZU.cleanAuthor: "Family, Given" at its comma, else the last word is the family name."""
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return family, given
    given, _, family = name.strip().rpartition(" ")
    return family, given


def zotero_item(soup, found: dict) -> dict:
    """The item the translator makes of a page, from BeautifulSoup's <meta> tags and extruct's DC and OG."""
    names = [tag.get("name") or tag.get("property") for tag in soup.head.find_all("meta")
             if (tag.get("name") or tag.get("property")) and tag.get("content")]
    dc = dublin_core(found)
    (graph,) = found["opengraph"] or [{}]
    first = {name: values[0] for name in dict.fromkeys(names) if (values := highwire(soup, name))}
    # processHighwireCreators(): each citation_author, else (RDF.js) each DC.creator, else
    # (addLowQualityMetadata()) each <meta name="author"> whole, else article:author, else a byline.
    authors = highwire(soup, "citation_author") or highwire(soup, "citation_authors")
    if len(authors) == 1 and ";" not in authors[0] and len(parts := authors[0].split(",")) > 1 \
            and all(" " in part.strip() for part in parts[:2]):
        authors = parts  # one tag naming several people, "A B, C D"
    authors = [a for value in authors for a in value.split(";")] or dc.get("creator", []) \
        or [tag["content"] for tag in soup.find_all("meta", attrs={"name": re.compile("^author$", re.I)})] \
        or [tag["content"] for tag in soup.find_all("meta", attrs={"property": "article:author"})] \
        or [element.get_text(" ", strip=True) for element in soup.select(".byline, .bylines, .vcard, .article-byline")]
    pdf = highwire(soup, "citation_pdf_url")
    return {
        "itemType": zotero_item_type(names, graph.get("@type"), (dc.get("type") or [None])[0]),
        "title": first.get("citation_title") or (dc.get("title") or [None])[0],
        "creators": [clean_author(a) for a in authors],
        # HIGHWIRE_MAPPINGS' publicationTitle (citation_inbook_title is a bookSection's book title), else RDF.js's DC.source
        "publicationTitle": first.get("citation_inbook_title") or first.get("citation_journal_title")
        or (dc.get("source") or [None])[0],
        "publisher": first.get("citation_publisher") or (dc.get("publisher") or [None])[0],
        "date": first.get("citation_publication_date") or first.get("citation_date") or (dc.get("date") or [None])[0],
        "edition": first.get("prism.edition"),  # RDF.js importItem(): prism/bibo edition, also versionNumber
        "rights": first.get("prism.copyright") or (dc.get("rights") or [None])[0],
        "abstractNote": first.get("citation_abstract") or graph.get("og:description")
        or (dc.get("abstract") or dc.get("description") or [None])[0] or first.get("description"),
        "extra": first.get("z.extra"),  # RDF.js importItem(), "OTHER FIELDS": any z:<field>
        "url": first.get("citation_public_url"),
        "language": first.get("citation_language"),
        "attachments": [{"title": "Full Text PDF", "url": pdf[0]}] if pdf else [{"title": "Snapshot"}],
    }


def read_html(html: str) -> tuple:
    return BeautifulSoup(html, "html.parser"), extracted(html)


def test_the_model_of_the_translator_reads_the_old_pages_as_the_issue_found_them():
    """The model gives what the issue saw with the tags the pages used to carry (edition 0.2.0 as first built)."""
    old = """<html><head><meta name="author" content="Maria Fantappie and Sam Heller (essay); the edition’s editors (annotations)">
    <meta name="citation_title" content="{title}">{authors}<meta name="citation_publication_date" content="2026/11/25">
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"><meta name="DC.title" content="{title}">
    <meta name="DC.type" content="Text"><meta name="DC.source" content="https://warontherocks.com/2020/03/x/">
    <meta property="og:type" content="article"></head><body></body></html>"""
    home = zotero_item(*read_html(old.format(title="The Edition", authors='<meta name="citation_author" content="Heller, Sam">')))
    assert (home["itemType"], home["publicationTitle"]) == ("journalArticle", "https://warontherocks.com/2020/03/x/")
    assert home["creators"] == [("Heller", "Sam")]
    sources = zotero_item(*read_html(old.format(title="Sources", authors="")))
    assert sources["creators"] == [("(annotations)", "Maria Fantappie and Sam Heller (essay); the edition’s editors")]
    assert zotero_item_type(["citation_title", "citation_isbn"], None, None) == "book"
    assert zotero_item_type(["citation_title"], "website", None) == "webpage"


def expected_item(edition, docs_page, pdf_url: str) -> dict:
    """The item each kind of page should become: the edition as a book, its pages as its sections."""
    kind = page_kind(edition, docs_page)
    people = [(a.family, a.given) for a in edition.meta.authors]
    return {
        "itemType": "book" if kind == BOOK else "bookSection",
        "title": edition.full_title if kind == BOOK else docs_page.title,
        "creators": [] if kind == APPARATUS else people,
        "publicationTitle": None if kind == BOOK else edition.full_title,
        "publisher": edition.meta.publisher,
        "date": edition.released.replace("-", "/"),
        "edition": edition.version,
        "rights": edition.meta.rights,
        "abstractNote": docs_page.description,
        "extra": None if kind == APPARATUS else f"original-date: {edition.original.issued}",
        "url": SITE_URL + docs_page.path,
        "language": "en",
        "attachments": [{"title": "Full Text PDF", "url": pdf_url}],
    }


def test_each_kind_of_page_becomes_the_item_it_should_in_a_reference_manager(page, metadata, edition):
    pdf_url = SITE_URL + edition.meta.pdf.file
    kinds = set()
    for docs_page in edition.docs:
        kinds.add(page_kind(edition, docs_page))
        item = zotero_item(page(f"{docs_page.path}index.html"), metadata[docs_page.file])
        assert item == expected_item(edition, docs_page, pdf_url), docs_page.file
    assert kinds == {BOOK, SECTION, APPARATUS}


def test_the_items_agree_with_the_cite_panel(page, metadata, edition):
    """The head metadata and the Cite panel's CSL items call each page the same thing."""
    csl_types = {"book": "book", "chapter": "bookSection"}
    for target in targets(edition):
        if target.key:
            continue
        csl = edition_item(edition, target, edition.released)
        item = zotero_item(page(f"{target.page.path}index.html"), metadata[target.page.file])
        assert item["itemType"] == csl_types[csl["type"]], target.page.file
        assert item["title"] == csl["title"]
        assert item["creators"] == [(a["family"], a["given"]) for a in csl.get("author", [])]
        assert item["publicationTitle"] == csl.get("container-title")
        assert item["edition"] == csl["version"] and item["publisher"] == csl["publisher"]
        original = csl.get("original-date")
        assert item["extra"] == (f"original-date: {'-'.join(f'{n:02d}' for n in original['date-parts'][0])}"
                                 if original else None)


def test_every_page_has_its_own_abstract_in_every_vocabulary(page, metadata, edition):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    seen = set()
    for docs_page in edition.docs:
        soup = page(f"{docs_page.path}index.html")
        abstract = docs_page.description
        assert abstract and abstract not in seen and abstract != " ".join(config["site_description"].split())
        seen.add(abstract)
        found = metadata[docs_page.file]
        (graph,) = found["opengraph"]
        (work,) = found["json-ld"]
        assert highwire(soup, "description") == [abstract]  # Material's, from the page's front matter
        assert highwire(soup, "citation_abstract") == [abstract]
        assert dublin_core(found)["description"] == [abstract]
        assert graph["og:description"] == abstract
        assert work["description"] == abstract


def test_no_page_names_an_author_that_is_not_a_person_and_apparatus_pages_name_none(page, metadata, edition):
    authors = ["Fantappie, Maria", "Heller, Sam"]
    for docs_page in edition.docs:
        soup = page(f"{docs_page.path}index.html")
        found = metadata[docs_page.file]
        (work,) = found["json-ld"]
        assert not soup.find("meta", attrs={"name": re.compile("^author$", re.I)}), docs_page.file
        apparatus = page_kind(edition, docs_page) == APPARATUS
        assert highwire(soup, "citation_author") == ([] if apparatus else authors), docs_page.file
        assert dublin_core(found).get("creator", []) == ([] if apparatus else ["Maria Fantappie", "Sam Heller"])
        assert ("author" in work) is not apparatus
        if apparatus:
            for name in ("citation_authors", "citation_editor", "DCTERMS.creator", "DC.contributor"):
                assert not highwire(soup, name), (docs_page.file, name)
            assert not soup.find("meta", attrs={"property": "article:author"})
            assert not soup.select(".byline, .bylines, .vcard, .article-byline"), docs_page.file


def test_highwire_tags_name_title_authors_date_and_url(page, edition):
    for docs_page in edition.docs:
        soup = page(f"{docs_page.path}index.html")
        url = SITE_URL + docs_page.path
        assert highwire(soup, "citation_public_url") == [url]
        assert soup.find("link", rel="canonical")["href"] == url
        assert highwire(soup, "citation_publication_date") == [edition.released.replace("-", "/")]
        assert highwire(soup, "citation_publisher") == [edition.meta.publisher]
        assert highwire(soup, "citation_pdf_url") == [SITE_URL + edition.meta.pdf.file]
        assert highwire(soup, "prism.edition") == [edition.version]
        assert len(highwire(soup, "citation_title")) == 1
    opening = page("index.html")
    assert highwire(opening, "citation_title") == [edition.full_title]
    assert highwire(opening, "citation_author") == ["Fantappie, Maria", "Heller, Sam"]
    assert highwire(opening, "citation_inbook_title") == []
    section = page("a-slow-burning-conflict/index.html")
    assert highwire(section, "citation_title") == ["A Slow-Burning Conflict"]
    assert highwire(section, "citation_inbook_title") == [edition.full_title]
    assert highwire(section, "z.extra") == ["original-date: 2020-03"]
    assert highwire(page("about/index.html"), "citation_author") == []


def test_json_ld_names_the_book_its_chapters_and_the_original(metadata, edition):
    for docs_page in edition.docs:
        (work,) = metadata[docs_page.file]["json-ld"]
        kind = page_kind(edition, docs_page)
        assert work["@type"] == ("Book" if kind == BOOK else "Chapter"), docs_page.file
        assert work["version"] == edition.version
        assert work["dateModified"] == edition.released
        assert work["copyrightNotice"] == edition.meta.rights
        if kind == BOOK:
            assert work["bookEdition"] == edition.version and "isPartOf" not in work
        else:
            assert work["isPartOf"] == {"@type": "Book", "name": edition.full_title, "url": SITE_URL,
                                        "bookEdition": edition.version}
        if kind == APPARATUS:
            assert "isBasedOn" not in work
        else:
            original = work["isBasedOn"]
            assert (original["url"], original["datePublished"]) == (edition.original.url, edition.original.issued)
            assert original["publisher"]["name"] == "War on the Rocks"
    opening = metadata["index.md"]["json-ld"][0]
    assert [a["name"] for a in opening["author"]] == ["Maria Fantappie", "Sam Heller"]


def test_json_ld_cites_the_sources_the_page_cites(metadata, edition):
    for file in ["a-slow-burning-conflict.md", "the-anti-american-turn-in-iraqi-politics.md",
                 "changes.md"]:  # the last cites nothing
        keys = [c.key for c in edition.docs.get(file).citations if c.key in edition.registry]
        expected = [edition.registry[key] for key in dict.fromkeys(keys)]
        assert bool(expected) is (file != "changes.md")
        work = metadata[file]["json-ld"][0]
        assert [(c["name"], c.get("url")) for c in work.get("citation", [])] == [(s.title, s.url) for s in expected]


def test_open_graph_and_dublin_core_are_read_back(metadata, edition):
    opening = metadata["index.md"]
    (graph,) = opening["opengraph"]
    assert graph["@type"] == "book" and graph["book:release_date"] == edition.released
    assert dublin_core(opening)["isVersionOf"] == [edition.original.url]
    assert "isPartOf" not in dublin_core(opening)
    section = metadata["a-slow-burning-conflict.md"]
    (graph,) = section["opengraph"]
    assert graph["og:title"] == "A Slow-Burning Conflict"
    assert graph["og:url"] == SITE_URL + "a-slow-burning-conflict/"
    assert graph["@type"] == "article"
    elements = dublin_core(section)
    assert elements["title"] == ["A Slow-Burning Conflict"]
    assert elements["creator"] == ["Maria Fantappie", "Sam Heller"]
    assert elements["isVersionOf"] == [edition.original.url]
    assert elements["isPartOf"] == [SITE_URL]
    assert elements["rights"] == [edition.meta.rights]
    assert "isVersionOf" not in dublin_core(metadata["sources.md"])
    for file, found in metadata.items():
        # RDF.js reads DC.source as the publication's title: the original's address is not one.
        assert "source" not in dublin_core(found), file


def test_the_rights_statement_is_one_and_agrees_with_the_about_page_and_citation_cff(page, edition):
    rights = edition.meta.rights
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["license"] == "CC-BY-4.0" and "(CC BY 4.0)" in rights
    # The About page prints the statement itself, so the two cannot drift apart.
    printed = page("about/index.html").find(id="reuse").find_next("p", class_="rights").get_text()
    assert printed == " ".join(rights.split())
    for words in ("CC BY 4.0", "War on the Rocks", "Maria Fantappie and Sam Heller"):
        assert words in rights, words
    assert {tuple(highwire(page(f"{p.path}index.html"), "DC.rights")) for p in edition.docs} == {(rights,)}


def test_a_page_description_is_checked_as_typed(edition):
    def read(text: str) -> tuple[str, str | None, list[str]]:
        problems = []
        body, description = front_matter(text, "docs/x.md", problems)
        return body, description, [str(p) for p in problems]

    body, description, problems = read("---\ndescription: >-\n  One line\n  of a few words.\n---\n\n# X\n")
    assert (description, problems) == ("One line of a few words.", [])
    assert body.split("\n")[:6] == ["", "", "", "", "", ""] and body.split("\n")[6] == "# X"  # line numbers hold
    assert read("---\r\ndescription: A page of a few words.\r\n---\r\n# X\r\n")[1] == "A page of a few words."
    assert read("---\ndescription: >\n  A page of a few words.\n---\n# X\n")[1:] == ("A page of a few words.", [])
    assert read("---\ndescription: Short\n---\n# X\n")[2] == [
        "docs/x.md:2: `description:` is 1 word(s), too short to be the page's abstract; "
        "write one or two sentences of your own about this page"]
    assert read("---\ndescription: A page of a few words.\n")[2] == [
        "docs/x.md:1: front matter opened with `---` is never closed; end it with a line of `---` after `description: …`"]
    assert read("---\ndescription: A page of a few words.\ndescription: Again, a page of words.\n---\n# X\n")[2][0].startswith(
        "docs/x.md:3: key 'description' appears twice in the same mapping (first on line 2)")
    assert read('---\ndescription: A "quoted" <b>bold</b> & more words.\n---\n# X\n')[2] == [
        "docs/x.md:2: `description:` holds '\"' '&' '<' '>', which Material would write into the page's <head> "
        "unescaped; write it as plain words (typographic quotes “ ” are fine)"]
    assert read("# X\n")[2] == [
        "docs/x.md:1: has no description in its front matter; reference managers would take the site's description "
        "for this page's abstract; begin the page with three lines: `---`, `description: <one or two sentences of your "
        "own about this page>`, `---`"]
    assert read('---\ndescription: A "quoted" word.\n---\n# X\n')[2] == [
        "docs/x.md:2: `description:` holds '\"', which Material would write into the page's <head> unescaped; "
        "write it as plain words (typographic quotes “ ” are fine)"]
    assert read("---\ndescription: A page of a few words.\ntemplate: other.html\n---\n# X\n")[2] == [
        "docs/x.md:3: unknown front matter setting 'template'; remove it, or use one of: description"]
    assert read("---\ndescription: [a, b]\n---\n# X\n")[2][0].startswith("docs/x.md:2: 'description' must be text")
    assert read("---\ndescription: " + "word " * 80 + "\n---\n# X\n")[2][0].startswith(
        "docs/x.md:2: `description:` is 399 characters, more than 320")
    assert read("---\ndescription: &a x\nother: *a\n---\n# X\n")[2][0].startswith("docs/x.md:2: ")


def test_the_rights_statement_must_name_citation_cff_s_licence(edition):
    assert check_citation_file(edition) == []
    changed = dataclasses.replace(edition, meta=edition.meta.model_copy(update={"rights": "All rights reserved."}))
    assert [str(p) for p in check_citation_file(changed)] == [
        f"CITATION.cff:{CFF_LINES.index('license: CC-BY-4.0') + 1}: `license` is 'CC-BY-4.0', which the rights "
        "statement of sources/essay/edition.yml does not name (as 'CC BY 4.0'); make the two say the same: the pages' "
        "metadata carry the rights statement"]


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
        source = edition.registry[item["id"]]
        assert item["note"].startswith(f"Source record ({source.level_words}): ")
        assert item["note"].endswith(f"{SITE_URL}sources/#src-{item['id']}")


def test_registry_downloads_as_bibtex(site, edition):
    library = bibtexparser.parse_string((site / "downloads/sources.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert sorted(entry.key for entry in library.entries) == sorted(s.id for s in edition.registry)


def test_bibtex_of_titles_holding_entry_starts_parses_whole(edition):
    """Tenth hostile round, cases 155-158: Pandoc wrapped a long title so that `@misc(x,` began a line, which BibTeX
    readers take for a new entry: the record was lost from sources.bib, and the Cite panel's build stopped."""
    start = " ".join(["and @misc(x, title = y) @article(pwn, title = x)"] * 6)
    items = [item | {"title": f"{item.get('title', '')} {start}", "container-title": f"The Outlet {start}"}
             for item in registry_items(edition)]
    library = bibtexparser.parse_string(to_bibtex(items))
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == [item["id"] for item in items]
    assert all(start.lower() in entry.fields_dict["title"].value.lower() for entry in library.entries)  # Pandoc title-cases


def test_sitemap_and_canonical_links_use_the_one_site_url(site, page, edition):
    urls = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(urls) == sorted(SITE_URL + p.path for p in edition.docs)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["url"] == SITE_URL


def test_the_essay_as_first_published_is_named_whatever_form_its_authors_take(edition):
    """A record's author may be a family name alone or an institution's literal name, and the essay's own record
    is a record like any other: the page's JSON-LD names each as written (it once stopped the build with a KeyError)."""
    original = dataclasses.replace(edition.original, authors=({"family": "Fantappie"}, {"literal": "War on the Rocks staff"}))
    changed = dataclasses.replace(edition, registry=dataclasses.replace(
        edition.registry, sources=edition.registry.sources | {original.id: original}))
    page = changed.docs.get("index.md")
    script = next(tag for tag in head_tags(changed, page) if tag.name == "script")
    based_on = json.loads(script.text)["isBasedOn"]
    assert based_on["author"] == [{"@type": "Person", "name": "Fantappie"},
                                  {"@type": "Organization", "name": "War on the Rocks staff"}]

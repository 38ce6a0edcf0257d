"""The cite_panel extension: the edition's version, the PDF link and the "Cite this page" panel under a page's title.

The panel needs to know the page: it is given on the real pages of docs/, and must stay away from
any other text.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT, copy_edition_project, replace_in
from edition.markdown.cite_panel import CitePanelExtension
from edition.markdown.markers import MarkerExtension
from edition.model import load_inputs
from edition.model.checks import check_all
from markdown_cases import convert, edition_warnings, page_text, parse

FORM_LABELS = ["Chicago (note)", "Chicago (bibliography)", "APA 7 (reference list)", "APA 7 (in text)",
               "MLA 9 (works cited)", "MLA 9 (in text)", "BibTeX", "RIS"]
PDF = "in-iraq-restraint-annotated-edition.pdf"


def panel_of(edition, text: str, offline: bool = False, *others) -> str:
    return convert(text, *others, CitePanelExtension(edition=edition, offline=offline))


@pytest.fixture(scope="module")
def about(edition):
    """The About page, rendered with mkdocs.yml's extensions and the panel."""
    return parse(panel_of(edition, page_text(edition, "about.md")))


def long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def test_a_page_gets_its_version_and_cite_panel_right_under_its_title(about, edition):
    first, second = [child.name for child in about.find_all(recursive=False)][:2]
    assert (first, second) == ("h1", "aside")
    tools = about.find("aside")
    assert tools.attrs == {"aria-label": "Version and citation", "class": ["page-tools"],
                           "data-page-url": edition.site_url + "about/", "data-search-exclude": ""}
    assert [child.name for child in tools.find_all(recursive=False)] == ["p", "details", "script"]


def test_the_version_line_links_the_changes_and_the_pdf(about, edition):
    assert str(about.select_one("p.edition-version")) == (
        f'<p class="edition-version">Version <a href="changes.md" title="Changes and corrections">{edition.version}</a>'
        f" of this edition, {long_date(edition.released)} · "
        f'<span class="pdf-download"><a class="download" download="" href="../{PDF}">Download PDF</a></span></p>')


def test_the_offline_setting_changes_the_pdf_link(edition):
    offline = parse(panel_of(edition, page_text(edition, "about.md"), True))
    assert offline.select_one(".pdf-download a")["href"] == PDF


def test_on_the_home_page_the_pdf_is_beside_the_page(edition):
    home = parse(panel_of(edition, page_text(edition, "index.md")))
    assert home.select_one(".pdf-download a")["href"] == PDF


def test_on_the_opening_page_the_panel_comes_after_the_byline(edition):
    html = panel_of(edition, page_text(edition, "index.md"), False, MarkerExtension(edition=edition))
    order = [(child.name, child.get("class")) for child in parse(html).find_all(recursive=False)][:4]
    assert order == [("h1", None), ("p", ["byline"]), ("p", ["first-published"]), ("aside", ["page-tools"])]


def test_the_panel_is_closed_details_named_cite_this_page(about):
    details = about.select_one("aside > details")
    assert details.attrs == {"class": ["cite-panel"], "id": "cite"}
    assert str(details.summary) == "<summary>Cite this page</summary>"


def test_the_panel_cites_the_edition_page_and_the_original_essay(about, edition):
    works = about.select("section.cite-work")
    assert [work["data-work"] for work in works] == ["edition", "original"]
    # Each address is cut where a line may break: after a slash, before a dot or a hyphen.
    assert edition.site_url == "https://iraq-restraint-edition.github.io/"
    assert edition.original.url == "https://warontherocks.com/2020/03/in-iraq-restraint-is-americas-best-option/"
    part = '<wbr/><span class="url-part">{}</span>'.format
    about_url = '<span class="url-part">https://</span>' + "".join(map(part, [
        "iraq", "-restraint", "-edition", ".github", ".io/", "about/"]))
    original_url = '<span class="url-part">https://</span>' + "".join(map(part, [
        "warontherocks", ".com/", "2020/", "03/", "in", "-iraq", "-restraint", "-is", "-americas", "-best", "-option/"]))
    assert [str(work.select_one("p.cite-work-title")) for work in works] == [
        f'<p class="cite-work-title"><strong>This annotated edition, version {edition.version}</strong>: '
        f'<a class="cite-url bare-url url" href="{edition.site_url}about/">{about_url}</a></p>',
        f'<p class="cite-work-title"><strong>The essay as first published ({edition.original.container_title}, 2020)'
        f'</strong>: <a class="cite-url bare-url url" href="{edition.original.url}">{original_url}</a></p>',
    ]


def test_each_work_is_given_in_every_form_with_bibtex_and_ris_as_plain_text(about):
    for work in about.select("section.cite-work"):
        assert [dt_.get_text() for dt_ in work.select("dl.cite-forms > dt")] == FORM_LABELS
        kinds = [(text.name, text["data-form"]) for text in work.select("dl.cite-forms > dd > .cite-text")]
        assert kinds == [("div", "chicago-note"), ("div", "chicago-bibliography"), ("div", "apa"),
                         ("div", "apa-in-text"), ("div", "mla"), ("div", "mla-in-text"),
                         ("pre", "bibtex"), ("pre", "ris")]


def test_the_forms_are_those_of_the_page(about, edition):
    forms = edition.cite_forms.of("about.md")
    edition_work = about.select_one('section[data-work="edition"]')
    assert edition_work.select_one('pre[data-form="ris"]').get_text() == forms["ris"]
    assert edition_work.select_one('pre[data-form="bibtex"]').get_text() == forms["bibtex"]


def test_the_paragraph_forms_travel_as_json_keyed_by_paragraph(edition):
    section = edition.essay.sections[1]
    soup = parse(panel_of(edition, page_text(edition, section.page)))
    data = json.loads(soup.select_one("aside > script.cite-data").string)
    assert soup.select_one("script.cite-data")["type"] == "application/json"
    assert list(data["paragraphs"]) == [f"p{p.number}" for p in section.paragraphs]
    first = section.paragraphs[0].number
    assert data["paragraphs"][f"p{first}"]["url"] == f"{edition.site_url}{section.slug}/#p{first}"
    assert list(data["paragraphs"][f"p{first}"]["forms"]) == list(edition.cite_forms.of(section.page))
    assert data["accessed"] == edition.cite_forms.accessed.iso


def test_a_page_of_the_apparatus_has_no_paragraph_forms(about):
    assert json.loads(about.select_one("script.cite-data").string)["paragraphs"] == {}


def test_no_note_in_the_json_can_close_the_script_early(edition):
    section = edition.essay.sections[1]
    html = panel_of(edition, page_text(edition, section.page))
    script = html.split('<script class="cite-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script  # written as \u003c and \u003e, so no text can open a comment or close the script
    assert "\\u003c/span\\u003e" in script
    forms = json.loads(script)["paragraphs"][f"p{section.paragraphs[0].number}"]["forms"]
    assert "</span>" in forms["chicago-note"]


def test_a_page_with_windows_line_endings_is_still_recognised(edition):
    text = page_text(edition, "about.md").replace("\n", "\r\n")
    assert parse(panel_of(edition, text)).select_one("aside.page-tools") is not None


def test_a_fragment_with_a_title_gets_no_panel(edition, caplog):
    assert panel_of(edition, "# A title\n\nSome text.") == (
        '<h1 id="a-title">A title<a class="headerlink" href="#a-title" title="Link to this section">#</a></h1>\n'
        "<p>Some text.</p>")
    assert edition_warnings(caplog) == []


def test_a_page_changed_by_one_word_is_not_recognised_and_gets_no_panel(edition):
    text = page_text(edition, "about.md").replace("About this edition", "About that edition", 1)
    html = panel_of(edition, text)
    assert "page-tools" not in html
    assert html == convert(text)


def test_a_page_without_a_title_gets_no_panel(edition):
    assert panel_of(edition, "Just text, no title.") == "<p>Just text, no title.</p>"


def test_an_empty_document_gives_an_empty_page(edition, caplog):
    assert panel_of(edition, "") == ""
    assert edition_warnings(caplog) == []


def test_a_heading_is_cited_by_its_words_not_its_references_or_its_id(tmp_path):
    """`&amp;` in a heading is "&" in its citation, escaped once by whoever writes it, and the attribute list
    that gives the heading its id is no part of the title, nor a brace BibTeX would read (issue 27)."""
    root = copy_edition_project(ROOT, tmp_path / "project", cache=False)
    replace_in(root / "docs/about.md", "# About this edition", "# About &lt;this&gt; edition: Q&amp;A {#about-this-edition}")
    inputs = load_inputs(root)
    assert check_all(inputs)[0] == []
    assert inputs.docs.get("about.md").title == "About <this> edition: Q&A"

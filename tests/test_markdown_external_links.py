"""The external_links extension: links to other sites carry rel="noopener noreferrer"."""

from __future__ import annotations

import pytest

from edition.markdown.cite_panel import CitePanelExtension
from edition.markdown.external_links import ExternalLinkExtension
from edition.markdown.markers import MarkerExtension
from edition.markdown.notes import NotesExtension
from markdown_cases import convert, edition_warnings, page_text, parse

REL = 'rel="noopener noreferrer"'


def render(edition, text: str, *others) -> str:
    """Markdown → HTML with mkdocs.yml's extensions (attr_list can set a rel), others, and the external links."""
    return convert(text, *others, ExternalLinkExtension(edition=edition))


def test_an_external_link_gets_noopener_noreferrer_but_an_internal_one_does_not(edition):
    assert render(edition, "See [the original](https://warontherocks.com/) and [the sources](sources.md).") == (
        f'<p>See <a href="https://warontherocks.com/" {REL}>the original</a> '
        'and <a href="sources.md">the sources</a>.</p>')


@pytest.mark.parametrize("markdown, href", [
    ("[plain http](http://example.org/)", "http://example.org/"),
    ("<https://example.org/autolink>", "https://example.org/autolink"),
    ("[same scheme](//example.org/path)", "//example.org/path"),
    ("[by reference][ref]\n\n[ref]: https://example.org/ref", "https://example.org/ref"),
], ids=["http", "autolink", "protocol-relative", "reference link"])
def test_every_way_of_writing_a_link_to_another_site_gets_the_rel(edition, markdown, href):
    link = parse(render(edition, markdown)).a
    assert (link["href"], link["rel"]) == (href, ["noopener", "noreferrer"])


@pytest.mark.parametrize("markdown", [
    "[a page](about.md)", "[a section](about.md#reuse)", "[a paragraph](#p5)", "[up](../index.md)",
    "[mail](mailto:editors@example.org)", "[a query](?q=https://example.org/)",
    "[a file](downloads/https-notes.txt)",
], ids=["page", "section", "fragment", "parent", "mailto", "query naming a site", "path starting with https"])
def test_a_link_within_the_site_or_not_to_a_web_address_is_left_alone(edition, markdown):
    assert render(edition, markdown) == convert(markdown)


def test_a_rel_written_in_the_markdown_is_kept_and_completed(edition):
    html = render(edition, '[x](https://example.org/){rel="nofollow"}')
    assert html == '<p><a href="https://example.org/" rel="nofollow noopener noreferrer">x</a></p>'


def test_a_rel_value_already_there_is_not_repeated(edition):
    html = render(edition, '[x](https://example.org/){rel="noreferrer noopener"}')
    assert html == '<p><a href="https://example.org/" rel="noreferrer noopener">x</a></p>'


def test_an_image_to_another_site_is_not_a_link_and_is_left_alone(edition):
    markdown = "![a map](https://example.org/map.png)"
    assert render(edition, markdown) == convert(markdown)


def test_a_link_in_a_footnote_gets_the_rel_too(edition):
    html = render(edition, "A claim.[^1]\n\n[^1]: See [the report](https://example.org/report).")
    assert f'<a href="https://example.org/report" {REL}>the report</a>' in html
    assert [a["href"] for a in parse(html).select("a[rel]")] == ["https://example.org/report"]


def test_the_links_the_edition_generates_get_the_rel_too(edition):
    """The Cite panel's address of the original and the notes' record links come from other extensions."""
    about = page_text(edition, "about.md")
    html = render(edition, about, NotesExtension(edition=edition), MarkerExtension(edition=edition),
                  CitePanelExtension(edition=edition))
    soup = parse(html)
    assert soup.select_one('.cite-work[data-work="original"] a.cite-url')["rel"] == ["noopener", "noreferrer"]
    external = [a for a in soup.find_all("a") if a.get("href", "").startswith(("http://", "https://"))]
    assert external
    assert [a["href"] for a in external if a.get("rel") != ["noopener", "noreferrer"]] == []
    assert [a["href"] for a in soup.find_all("a", rel=True) if not a["href"].startswith("http")] == []


def test_markup_characters_in_an_address_stay_in_the_attribute(edition):
    html = render(edition, '[x](https://example.org/?a=1&b="2"<3)')
    link = parse(html).a
    assert link["href"] == 'https://example.org/?a=1&b="2"<3'
    assert link["rel"] == ["noopener", "noreferrer"]


def test_a_link_in_a_code_span_is_left_as_code(edition):
    assert render(edition, "`[x](https://example.org/)`") == "<p><code>[x](https://example.org/)</code></p>"


def test_an_empty_document_gives_an_empty_page(edition, caplog):
    assert render(edition, "") == ""
    assert edition_warnings(caplog) == []


def test_a_web_address_in_capitals_is_still_a_link_to_another_site(edition):
    link = parse(render(edition, "[x](HTTPS://Example.org/)")).a
    assert link.get("rel") == ["noopener", "noreferrer"]

"""The aliases extension: an anchor renamed on purpose (anchors.lock's `aliases`) keeps working.

Each test hands the extension the real edition with its own made-up list of aliases, so that what is
tested does not change when anchors.lock does; the page is a real one of docs/, as the extension
must know which page it renders.
"""

from __future__ import annotations

import dataclasses

from edition.markdown.aliases import AliasExtension
from edition.markdown.notes import NotesExtension
from edition.markdown.paragraphs import ParagraphExtension
from edition.model.anchor_lock import Alias, Lock
from markdown_cases import convert, edition_warnings, page_text, parse

REUSE = '<h2 id="reuse">{}Reuse<a class="headerlink" href="#reuse" title="Link to this section">#</a></h2>'


def with_aliases(edition, *aliases: tuple[str, str, str]):
    """The edition, with anchors.lock listing these (page, old id, new id) aliases."""
    lock = Lock(aliases=[Alias(page, old, new, line) for line, (page, old, new) in enumerate(aliases, start=1)])
    return dataclasses.replace(edition, lock=lock)


def render(edition, text: str, *others) -> str:
    """Markdown → HTML with mkdocs.yml's extensions (toc gives the headings their ids) and the aliases."""
    return convert(text, *others, AliasExtension(edition=edition))


def test_a_renamed_anchor_keeps_working_at_its_new_place(edition):
    html = render(with_aliases(edition, ("about/", "rights", "reuse")), page_text(edition, "about.md"))
    assert REUSE.format('<span class="anchor-alias" id="rights"></span>') in html.split("\n")


def test_the_alias_changes_nothing_else_on_the_page(edition):
    about = page_text(edition, "about.md")
    html = render(with_aliases(edition, ("about/", "rights", "reuse")), about)
    assert html.replace('<span class="anchor-alias" id="rights"></span>', "") == convert(about)


def test_several_old_ids_can_lead_to_one_anchor(edition):
    made_up = with_aliases(edition, ("about/", "rights", "reuse"), ("about/", "licence", "reuse"))
    heading = parse(render(made_up, page_text(edition, "about.md"))).find(id="reuse")
    assert sorted(span["id"] for span in heading.select("span.anchor-alias")) == ["licence", "rights"]


def test_an_alias_can_lead_to_a_numbered_paragraph(edition):
    made_up = with_aliases(edition, ("", "opening", "p1"))
    # With the notes extension: the opening's paragraphs carry note markers, which it turns into notes.
    html = render(made_up, page_text(edition, "index.md"), NotesExtension(edition=edition), ParagraphExtension(edition=edition))
    paragraph = parse(html).find(id="p1")
    assert [(child.name, child.get("id")) for child in paragraph.find_all(recursive=False)][:2] == [
        ("span", "opening"), ("a", None)]


def test_an_alias_of_another_page_is_left_to_that_page(edition):
    about = page_text(edition, "about.md")
    assert render(with_aliases(edition, ("changes/", "rights", "reuse")), about) == convert(about)


def test_an_alias_whose_old_id_is_still_on_the_page_is_left_alone(edition, caplog):
    about = page_text(edition, "about.md")
    assert render(with_aliases(edition, ("about/", "the-essay", "reuse")), about) == convert(about)
    assert edition_warnings(caplog) == []  # the anchor check of the build reports it, with the built page


def test_an_alias_to_an_id_the_page_does_not_have_is_left_alone(edition, caplog):
    about = page_text(edition, "about.md")
    assert render(with_aliases(edition, ("about/", "rights", "no-such-heading")), about) == convert(about)
    assert edition_warnings(caplog) == []


def test_a_fragment_gets_no_aliases(edition):
    made_up = with_aliases(edition, ("about/", "rights", "reuse"))
    assert render(made_up, "## Reuse") == REUSE.format("")


def test_markup_in_an_old_id_stays_an_attribute_value(edition):
    made_up = with_aliases(edition, ("about/", 'x" onclick="alert(1)', "reuse"))
    html = render(made_up, page_text(edition, "about.md"))
    assert REUSE.format('<span class="anchor-alias" id="x&quot; onclick=&quot;alert(1)"></span>') in html.split("\n")
    assert "onclick=" not in html.replace("&quot; onclick=&quot;", "")


def test_an_edition_without_aliases_changes_nothing(edition):
    about = page_text(edition, "about.md")
    assert render(with_aliases(edition), about) == convert(about)


def test_an_empty_document_gives_an_empty_page(edition):
    assert render(with_aliases(edition, ("", "opening", "p1")), "") == ""

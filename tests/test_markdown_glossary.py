"""The glossary extension: the first mention on a page of an actor of the glossary shows its description.

Only the essay's own paragraphs are marked, so the paragraphs extension (which finds them) runs too.
Most tests hand the extension a made-up glossary, so that the expected HTML can be written out.
"""

from __future__ import annotations

import dataclasses

import pytest

from edition.markdown.glossary import GlossaryExtension
from edition.markdown.notes import NotesExtension
from edition.markdown.paragraphs import ParagraphExtension
from edition.model.ledgers import Term
from markdown_cases import convert, edition_warnings, parse

IRAQ = Term("iraq", "Iraq", ("Iraq",), "A country.", ())


def render(edition, text: str, *glossary: Term, notes: bool = False) -> str:
    """Markdown → HTML with the paragraphs and the glossary (made up when terms are given)."""
    if glossary:
        edition = dataclasses.replace(edition, glossary=glossary)
    extensions = [ParagraphExtension(edition=edition), GlossaryExtension(edition=edition)]
    if notes:
        extensions.insert(0, NotesExtension(edition=edition))
    return convert(text, *extensions, mkdocs=notes)


@pytest.fixture(scope="module")
def paragraph(edition):
    """¶N of the essay, word for word as the source of record has it."""
    return lambda number: edition.essay.paragraphs[number - 1].text


def numbered(number: int, html: str) -> str:
    return (f'<p class="essay-paragraph" id="p{number}"><a aria-label="Paragraph {number}" class="para-num" '
            f'data-search-exclude="" href="#p{number}" title="Link to paragraph {number}">{number}</a> {html}</p>')


def abbr(term: Term, words: str) -> str:
    return f'<abbr class="term" data-term="{term.id}" tabindex="0" title="{term.name}: {term.what}">{words}</abbr>'


def marked(html: str) -> list[tuple[str, str]]:
    return [(a["data-term"], a.get_text()) for a in parse(html).select("abbr.term")]


def test_the_first_mention_gets_the_glossary_description(edition, paragraph):
    text = paragraph(5)
    assert render(edition, text, IRAQ) == numbered(5, text.replace("Iraq", abbr(IRAQ, "Iraq")))


def test_the_first_mention_only_gets_the_glossary_description(edition, paragraph):
    assert paragraph(1).count("Iran") == 3
    html = render(edition, paragraph(1), Term("iran", "Iran", ("Iran",), "A country.", ()))
    assert marked(html) == [("iran", "Iran")]
    assert html.index("<abbr") < html.index(" is working")


def test_a_mention_in_a_later_paragraph_of_the_page_is_not_marked_again(edition, paragraph):
    html = render(edition, f"{paragraph(1)}\n\n{paragraph(5)}", IRAQ)
    paragraphs = parse(html).select("p.essay-paragraph")
    assert [len(p.select("abbr.term")) for p in paragraphs] == [1, 0]


def test_each_entry_is_marked_once_whichever_of_its_words_comes_first(edition, paragraph):
    soleimani = next(term for term in edition.glossary if "Soleimani" in term.terms)
    html = render(edition, f"{paragraph(6)}\n\n{paragraph(11)}")
    assert [words for term_id, words in marked(html) if term_id == soleimani.id] == ["Qassem Soleimani"]


def test_the_longest_words_of_an_entry_win_over_a_shorter_term_inside_them(edition, paragraph):
    qassem = Term("soleimani", "Qassem Soleimani", ("Soleimani", "Qassem Soleimani"), "A general.", ())
    assert marked(render(edition, paragraph(6), qassem)) == [("soleimani", "Qassem Soleimani")]


def test_the_real_glossary_marks_the_actors_of_a_paragraph_in_reading_order(edition, paragraph):
    assert [words for _, words in marked(render(edition, paragraph(6)))] == [
        "Quds Force", "Qassem Soleimani", "Abu Mahdi al-Muhandis"]


def test_the_essays_words_stay_exactly_as_they_are(edition, paragraph):
    html = render(edition, paragraph(6))
    words = parse(html).p
    words.select_one("a.para-num").decompose()
    words.select_one("small.event-links").decompose()
    assert words.get_text() == " " + paragraph(6)  # the space that follows the ¶ number


def test_markup_in_a_description_stays_text(edition, paragraph):
    hostile = Term("iraq", 'Iraq <b>"state"</b>', ("Iraq",), "Says <script>alert('x')</script> & more.", ())
    html = render(edition, paragraph(5), hostile)
    assert ('<abbr class="term" data-term="iraq" tabindex="0" title="Iraq &lt;b&gt;&quot;state&quot;&lt;/b&gt;: '
            "Says &lt;script&gt;alert('x')&lt;/script&gt; &amp; more.\">Iraq</abbr>") in html
    assert "<script>" not in html


def test_a_term_with_regular_expression_characters_is_matched_literally(edition, paragraph):
    dotted = Term("us", "The United States", ("U.S.",), "A country.", ())
    assert marked(render(edition, paragraph(1), dotted)) == [("us", "U.S.")]
    assert marked(render(edition, paragraph(5), Term("any", "Any", (".*",), "Anything.", ()))) == []


def test_a_mention_in_a_link_or_code_span_is_skipped_for_the_next_one(edition, paragraph):
    text = paragraph(1).replace("on Iran is", "on [Iran](https://example.org/) is", 1)
    text = text.replace("constrain Iran", "constrain `Iran`", 1)
    html = render(edition, text, Term("iran", "Iran", ("Iran",), "A country.", ()))
    assert parse(html).p["id"] == "p1"
    assert marked(html) == [("iran", "Iran")]
    assert "<code>Iran</code> and its allies" in html
    assert f'{abbr(Term("iran", "Iran", ("Iran",), "A country.", ()), "Iran")} and its Iraqi allies.' in html


def test_a_mention_right_after_a_note_call_is_found(edition, paragraph):
    cited = paragraph(5).replace("safely in Iraq", "safely in[^nyt-2020-03-27] Iraq")
    html = render(edition, cited, IRAQ, notes=True)
    soup = parse(html)
    assert soup.p["id"] == "p5"
    assert [child.name for child in soup.p.find_all(recursive=False)] == ["a", "sup", "abbr"]
    assert abbr(IRAQ, "Iraq") + " is to hold its fire" in html


@pytest.mark.parametrize("text", [
    "Iraq, in a paragraph the editors wrote.",
    "## Iraq",
    "> {p5}",
    "{p5_changed}",
], ids=["made-up paragraph", "heading", "quotation of the essay", "essay paragraph changed by one word"])
def test_text_outside_the_essays_paragraphs_is_not_marked(edition, paragraph, text):
    text = text.format(p5=paragraph(5), p5_changed=paragraph(5).replace("embarrassing", "glorious"))
    assert render(edition, text, IRAQ) == convert(text, mkdocs=False)


def test_an_empty_glossary_changes_nothing(edition, paragraph):
    no_glossary = dataclasses.replace(edition, glossary=())
    assert render(no_glossary, paragraph(6)) == convert(paragraph(6), ParagraphExtension(edition=edition), mkdocs=False)


def test_an_empty_document_gives_an_empty_page(edition, caplog):
    assert render(edition, "") == ""
    assert edition_warnings(caplog) == []


def test_a_term_inside_a_longer_word_is_not_a_mention(edition, paragraph):
    # ¶6: "the top Iranian Quds Force general, ... between the United States, Iran, and Iran’s Iraqi allies."
    html = render(edition, paragraph(6), Term("iran", "Iran", ("Iran",), "A country.", ()))
    assert "top Iranian Quds" in parse(html).p.get_text()
    assert "<abbr" not in html.split("Quds")[0]

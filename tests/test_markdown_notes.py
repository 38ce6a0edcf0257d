"""The notes extension: `[^source-id]` markers become footnotes formatted from the source registry."""

from __future__ import annotations

import dataclasses
import re

import pytest

from edition.markdown.notes import NotesExtension
from edition.markdown.paragraphs import ParagraphExtension
from edition.model.ledgers import Claim
from edition.model.sources import Excerpt
from markdown_cases import convert, edition_warnings, parse

CITED = "nyt-2020-03-27"  # any source of the registry would do; this one is cited on the opening page
OTHER = "zarif-2020-01-08"


@pytest.fixture(scope="module")
def render(edition):
    """Markdown → HTML with mkdocs.yml's toc, footnotes and attr_list, and the notes extension."""
    return lambda text: convert(text, NotesExtension(edition=edition))


@pytest.fixture(scope="module")
def p5(edition) -> str:
    """¶5 of the essay, the shortest paragraph, word for word as the source of record has it."""
    return edition.essay.paragraphs[4].text


def source_with(edition, level: str) -> str:
    """The id of a source of the registry checked to this level (document, reported)."""
    return next(source.id for source in edition.registry if source.level == level)


def test_a_citation_in_an_essay_paragraph_becomes_a_footnote_labelled_by_source_and_paragraph(render, edition, p5):
    key = source_with(edition, "reported")
    label = f"{key}.p5"
    assert render(f"{p5}[^{key}]") == (
        f'<p>{p5}<sup data-search-exclude="" id="fnref:{label}"><a class="footnote-ref" href="#fn:{label}">1</a></sup></p>\n'
        '<div class="footnote" data-search-exclude="">\n'
        "<hr />\n"
        "<ol>\n"
        f'<li class="citation-note" id="fn:{label}">\n'
        f'<p><span class="citation" data-source="{key}">{edition.notes[key].full}</span> '
        f'<span class="note-records"><a href="sources.md#src-{key}">Source record (confirmed through reports)</a></span>&#160;'
        f'<a class="footnote-backref" href="#fnref:{label}" title="Jump back to footnote 1 in the text">&#8617;</a></p>\n'
        "</li>\n"
        "</ol>\n"
        "</div>"
    )


def test_the_first_citation_of_a_source_gets_the_full_note(render, edition):
    html = render(f"A claim.[^{CITED}]")
    assert f'<span class="citation" data-source="{CITED}">{edition.notes[CITED].full}</span>' in html


def test_a_second_citation_of_a_source_on_a_page_gets_the_short_note(render, edition):
    html = render(f"A claim.[^{CITED}]\n\nThe same source again.[^{CITED}]")
    full = f'<span class="citation" data-source="{CITED}">{edition.notes[CITED].full}</span>'
    short = f'<span class="citation" data-source="{CITED}">{edition.notes[CITED].short}</span>'
    assert html.count(full) == 1
    assert html.count(short) == 1
    assert html.index(full) < html.index(short)


def test_another_source_cited_after_a_first_one_still_gets_its_full_note(render, edition):
    html = render(f"One.[^{CITED}]\n\nTwo.[^{OTHER}]")
    assert edition.notes[OTHER].full in html


def test_a_second_citation_in_the_same_essay_paragraph_gets_the_suffix_2(render, p5):
    words = p5.split(" ")
    cited_twice = " ".join(words[:4]) + f"[^{CITED}] " + " ".join(words[4:]) + f"[^{CITED}]"
    ids = [sup["id"] for sup in parse(render(cited_twice)).select("sup")]
    assert ids == [f"fnref:{CITED}.p5", f"fnref:{CITED}.p5-2"]


def test_a_citation_outside_the_essay_is_labelled_by_a_digest_of_its_paragraph(render):
    first = parse(render(f"A claim of the editors.[^{CITED}]")).sup["id"]
    again = parse(render(f"A claim of the editors.[^{CITED}]")).sup["id"]
    other = parse(render(f"Another claim of the editors.[^{CITED}]")).sup["id"]
    assert re.fullmatch(rf"fnref:{CITED}\.x[0-9a-f]{{6}}", first)
    assert first == again
    assert other != first


def test_a_paragraph_that_differs_from_the_essay_by_one_word_is_not_labelled_as_the_essays(render, p5):
    changed = p5.replace("embarrassing", "glorious")
    assert changed != p5
    label = parse(render(f"{changed}[^{CITED}]")).sup["id"]
    assert not label.endswith(".p5")
    assert re.fullmatch(rf"fnref:{CITED}\.x[0-9a-f]{{6}}", label)


def test_a_citation_links_the_source_record_and_says_how_far_it_was_checked(render, edition):
    verified, unverified = source_with(edition, "document"), source_with(edition, "reported")
    soup = parse(render(f"One.[^{verified}] Two.[^{unverified}]"))
    links = [(a["href"], a.get_text()) for a in soup.select("li > p > span.note-records > a")]
    assert links == [(f"sources.md#src-{verified}", "Source record (document seen)"),
                     (f"sources.md#src-{unverified}", "Source record (confirmed through reports)")]


def test_an_editorial_note_is_marked_as_the_editors_and_not_as_a_citation(render, edition):
    note = edition.editorial["ed-zarif"]
    html = render("Jayad Zarif[^ed-zarif] said so.")
    label = parse(html).sup["id"].removeprefix("fnref:")
    assert html.startswith(
        f'<p>Jayad Zarif<sup data-search-exclude="" id="fnref:{label}"><a class="footnote-ref" href="#fn:{label}">1</a></sup> said so.</p>')
    item = parse(html).select_one("li")
    assert item["class"] == ["editorial-note"]
    assert str(item.p).startswith('<p><span class="editorial-label">Editor’s note:</span> ')
    assert item.p.get_text().removesuffix("\xa0↩") == "Editor’s note: " + " ".join(note.text.split())
    assert item.select(".citation") == []


def test_sources_cited_side_by_side_share_one_note_as_chicago_does(render, edition):
    verified, unverified = source_with(edition, "document"), source_with(edition, "reported")
    soup = parse(render(f"A claim.[^{verified}][^{unverified}]"))
    assert [sup["id"] for sup in soup.select("sup")] == [f"fnref:{verified}.x{soup.sup['id'][-6:]}"]
    (note,) = soup.select("div.footnote li")
    assert [span["data-source"] for span in note.select("span.citation")] == [verified, unverified]
    first, second = (edition.notes[k].full for k in (verified, unverified))
    assert first.endswith(".") and second.endswith(".")
    # A semicolon in place of the first note's final period; the last note keeps its period.
    assert str(note.p).startswith(
        f'<p><span class="citation" data-source="{verified}">{first[:-1]};</span> '
        f'<span class="citation" data-source="{unverified}">{second}</span> <span class="note-records">Source records: ')
    links = [(a["href"], a.get_text()) for a in note.select("a:not(.footnote-backref):not(.bare-url)")
             if a["href"].startswith("sources.md")]
    assert links == [(f"sources.md#src-{verified}", f"{edition.registry[verified].issuer} (document seen)"),
                     (f"sources.md#src-{unverified}", f"{edition.registry[unverified].issuer} (confirmed through reports)")]


def test_a_short_note_ending_in_a_quoted_title_gives_up_its_period_inside_the_quotes(render, edition):
    soup = parse(render(f"One.[^{CITED}]\n\nTwo.[^{CITED}][^{OTHER}]"))
    second = soup.select("div.footnote li")[1]
    short = second.select_one(f"span.citation[data-source='{CITED}']").get_text()
    assert edition.notes[CITED].short.endswith(".”</span>")
    assert short.endswith("”;") and not short.endswith(".”;")


def test_three_sources_side_by_side_are_one_call_and_one_note(render, edition):
    third = next(s.id for s in edition.registry if s.id not in (CITED, OTHER))
    soup = parse(render(f"A claim.[^{CITED}][^{OTHER}][^{third}]"))
    assert len(soup.select("sup")) == 1
    assert len(soup.select("div.footnote li span.citation")) == 3
    assert "note-separator" not in str(soup)


def test_an_editorial_note_beside_a_citation_keeps_its_own_call_after_a_comma(render):
    html = render(f"A claim.[^{CITED}][^ed-zarif]")
    label_a, label_b = (sup["id"].removeprefix("fnref:") for sup in parse(html).select("sup"))
    assert html.split("\n")[0] == (
        f'<p>A claim.<sup data-search-exclude="" id="fnref:{label_a}"><a class="footnote-ref" href="#fn:{label_a}">1</a></sup>'
        f'<sup data-search-exclude="" id="fnref:{label_b}"><span class="note-separator">,</span>'
        f'<a class="footnote-ref" href="#fn:{label_b}">2</a></sup></p>'
    )


def test_an_editorial_note_between_two_citations_keeps_three_calls(render):
    soup = parse(render(f"A claim.[^{CITED}][^ed-zarif][^{OTHER}]"))
    assert [bool(sup.select(".note-separator")) for sup in soup.select("sup")] == [False, True, True]


def test_note_calls_with_words_between_them_get_no_comma(render):
    html = render(f"A claim.[^{CITED}] Another claim.[^{OTHER}]")
    assert "note-separator" not in html


def test_a_marker_in_a_code_span_is_left_alone_and_not_warned(render, caplog):
    html = render(f"Cite with `[^{CITED}]`; an unknown one looks like `[^no-such-source]`.")
    assert html == (f"<p>Cite with <code>[^{CITED}]</code>; "
                    "an unknown one looks like <code>[^no-such-source]</code>.</p>")
    assert edition_warnings(caplog) == []


def test_an_unknown_source_id_is_left_visible_and_warned(render, caplog):
    assert render("A claim.[^no-such-source]") == "<p>A claim.[^no-such-source]</p>"
    assert edition_warnings(caplog) == [
        "unknown source id 'no-such-source' in a citation: add sources/no-such-source.yml or fix the id"]


def test_a_footnote_the_page_defines_itself_is_neither_renamed_nor_warned(render, caplog):
    soup = parse(render("A remark.[^1]\n\n[^1]: The editors' own aside."))
    assert str(soup.p) == '<p>A remark.<sup data-search-exclude="" id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
    notes = [(li["id"], li.p.get_text()) for li in soup.select("div.footnote li")]
    assert notes == [("fn:1", "The editors' own aside.\xa0↩")]
    assert soup.select(".citation") == []
    assert edition_warnings(caplog) == []


def test_text_with_markup_characters_and_no_markers_is_left_as_python_markdown_renders_it(render):
    text = 'Fish & chips < 5 "quoted" [^ not a marker] and [^] too.'
    assert render(text) == convert(text)


def test_an_empty_document_gives_an_empty_page(render, caplog):
    assert render("") == ""
    assert edition_warnings(caplog) == []


def test_the_note_call_does_not_stop_the_paragraph_being_numbered(edition, p5):
    html = convert(f"{p5}[^{CITED}]", NotesExtension(edition=edition), ParagraphExtension(edition=edition))
    paragraph = parse(html).p
    assert paragraph["id"] == "p5"
    assert paragraph.sup["id"] == f"fnref:{CITED}.p5"


# Bugs found while writing these tests: the tests say what should happen, and pass once it does.

def test_a_marker_in_an_indented_code_block_is_left_alone(render):
    html = render(f"Example:\n\n    A claim.[^{CITED}]")
    assert html == f"<p>Example:</p>\n<pre><code>A claim.[^{CITED}]\n</code></pre>"


def test_a_line_separator_character_earlier_on_the_page_does_not_change_a_label(render, p5):
    html = render(f"An aside\u2028on two lines.\n\n{p5}[^{CITED}]")
    assert parse(html).sup["id"] == f"fnref:{CITED}.p5"


# The source's own words under the citation (the claims ledger).

def with_claim(edition, key: str, paragraph: int, **fields):
    """The edition with one made-up claim, and the record holding the words it quotes."""
    words = fields.pop("words", None)
    claim = Claim(paragraph, key, "Something happened", fields.pop("support", "full"), fields.pop("excerpt", None),
                  fields.pop("why", None), None, "sources/essay/claims.yml", 1)
    source = edition.registry[key]
    if words is not None:
        source = dataclasses.replace(source, excerpts=(words,))
    registry = dataclasses.replace(edition.registry, sources=edition.registry.sources | {key: source})
    return dataclasses.replace(edition, claims=(claim,), registry=registry)


def evidence_of(edition, text: str) -> str:
    return str(parse(convert(text, NotesExtension(edition=edition))).select_one("li .note-evidence"))


def test_a_note_shows_the_words_of_its_source_that_support_the_claim(edition, p5):
    made_up = with_claim(edition, CITED, 5, excerpt="a campaign to destroy",
                         words=Excerpt("They prepare a campaign to destroy a militia.", "en", None, edition.registry[CITED].url or "https://example.org/"))
    assert evidence_of(made_up, f"{p5}[^{CITED}]") == (
        '<span class="note-evidence" data-support="full">The source says: '
        '“<span class="source-words" dir="auto" lang="en">a campaign to destroy</span>”.</span>')


def test_words_read_in_a_report_are_given_as_the_reports_and_translated(edition, p5):
    made_up = with_claim(edition, CITED, 5, support="partial", excerpt="عدوان سافر", why="It names the strikes, not the dead.",
                         words=Excerpt("عدوان سافر", "ar", "a naked aggression", "https://example.org/report", by="Anadolu Agency"))
    assert evidence_of(made_up, f"{p5}[^{CITED}]") == (
        '<span class="note-evidence" data-support="partial">As given by Anadolu Agency: '
        '“<span class="source-words" dir="auto" lang="ar">عدوان سافر</span>” (“a naked aggression”). '
        "It supports only part of the claim. It names the strikes, not the dead.</span>")


def test_a_claim_its_source_does_not_support_says_so_and_why(edition, p5):
    made_up = with_claim(edition, CITED, 5, support="none", why="It reports a different meeting.")
    assert evidence_of(made_up, f"{p5}[^{CITED}]") == (
        '<span class="note-evidence" data-support="none">This source does not support the claim “Something happened”: '
        "It reports a different meeting.</span>")


def test_a_long_account_of_what_a_source_does_not_show_is_left_to_its_record(edition, p5):
    made_up = with_claim(edition, CITED, 5, support="partial", excerpt="a campaign", why="It does not say so. " * 20,
                         words=Excerpt("a campaign", "en", None, "https://example.org/", by="X"))
    assert evidence_of(made_up, f"{p5}[^{CITED}]").endswith(
        "It supports only part of the claim. Its record on the Sources page says what it does not show.</span>")


def test_the_words_are_text_never_markup(edition, p5):
    hostile = '<img src=x onerror=alert(1)> & "quoted"'
    made_up = with_claim(edition, CITED, 5, excerpt=hostile, words=Excerpt(hostile, "en", None, "https://example.org/", by="<b>x</b>"))
    html = evidence_of(made_up, f"{p5}[^{CITED}]")
    assert "<img" not in html and "<b>" not in html and "&lt;img src=x onerror=alert(1)&gt; &amp; " in html


def test_a_note_outside_the_essays_paragraphs_shows_no_words(edition):
    made_up = with_claim(edition, CITED, 5, excerpt="a campaign", words=Excerpt("a campaign", "en", None, "https://example.org/", by="X"))
    assert evidence_of(made_up, f"An editor's aside.[^{CITED}]") == "None"


def test_sources_cited_with_only_a_space_between_still_share_one_note(render):
    soup = parse(render(f"A claim.[^{CITED}]  [^{OTHER}]"))
    assert len(soup.select("sup")) == 1 and str(soup.p).startswith("<p>A claim.<sup")
    assert [s["data-source"] for s in soup.select("div.footnote span.citation")] == [CITED, OTHER]


def test_an_editorial_note_after_a_space_gets_its_comma_without_the_space(render):
    html = render(f"A claim.[^{CITED}] [^ed-zarif]").split("\n")[0]
    assert "</sup><sup" in html and '<span class="note-separator">,</span>' in html

"""The paragraphs extension: the essay's paragraphs get their number ¶N and the permanent id pN."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree
from types import SimpleNamespace

import pytest

from edition.markdown.notes import NotesExtension
from edition.markdown.paragraphs import ParagraphExtension, ParagraphTreeprocessor
from markdown_cases import convert, edition_warnings, parse


@pytest.fixture(scope="module")
def render(edition):
    return lambda text: convert(text, ParagraphExtension(edition=edition), mkdocs=False)


@pytest.fixture(scope="module")
def paragraph(edition):
    """¶N of the essay, word for word as the source of record has it."""
    return lambda number: edition.essay.paragraphs[number - 1].text


def numbered(number: int, text: str) -> str:
    return (f'<p class="essay-paragraph" id="p{number}"><a aria-label="Paragraph {number}" class="para-num" '
            f'data-search-exclude="" href="#p{number}" title="Link to paragraph {number}">{number}</a> {text}</p>')


def test_a_paragraph_of_the_essay_gets_its_number_and_permanent_id(render, paragraph):
    assert render(paragraph(5)) == numbered(5, paragraph(5))


def test_the_number_comes_from_the_essay_not_from_the_place_on_the_page(render, paragraph):
    assert render(f"{paragraph(5)}\n\n{paragraph(1)}") == f"{numbered(5, paragraph(5))}\n{numbered(1, paragraph(1))}"


def test_a_made_up_paragraph_stays_unnumbered(render):
    assert render("A paragraph the editors wrote.") == "<p>A paragraph the editors wrote.</p>"


def test_a_paragraph_that_differs_from_the_essay_by_one_word_stays_unnumbered(render, paragraph):
    changed = paragraph(5).replace("embarrassing", "glorious")
    assert render(changed) == f"<p>{changed}</p>"


def test_a_paragraph_missing_its_last_word_stays_unnumbered(render, paragraph):
    shortened = paragraph(5).removesuffix(" defeat.") + "."
    assert render(shortened) == f"<p>{shortened}</p>"


def test_line_breaks_inside_a_paragraph_do_not_change_its_number(render, paragraph):
    wrapped = paragraph(5).replace(" ", "\n", 3)
    assert render(wrapped) == numbered(5, wrapped)


def test_emphasis_inside_a_paragraph_does_not_change_its_number(render, paragraph):
    html = render(paragraph(5).replace("best hope", "*best hope*"))
    assert html == numbered(5, paragraph(5).replace("best hope", "<em>best hope</em>"))


@pytest.mark.parametrize("markdown", ["> {}", "* {}", "## {}", "    {}"],
                         ids=["blockquote", "list item", "heading", "code block"])
def test_the_essays_words_outside_a_paragraph_of_the_page_stay_unnumbered(render, paragraph, markdown):
    html = render(markdown.format(paragraph(5)))
    assert "essay-paragraph" not in html
    assert "para-num" not in html
    assert 'id="p5"' not in html


def test_note_calls_do_not_stop_a_paragraph_being_numbered(edition, paragraph):
    words = paragraph(5).split(" ")
    cited = " ".join(words[:3]) + "[^nyt-2020-03-27] " + " ".join(words[3:]) + "[^zarif-2020-01-08]"
    html = convert(cited, NotesExtension(edition=edition), ParagraphExtension(edition=edition))
    soup = parse(html)
    assert soup.p["id"] == "p5"
    assert [child.name for child in soup.p.find_all(recursive=False)] == ["a", "sup", "sup"]
    assert soup.p.a["class"] == ["para-num"]


def test_a_paragraph_links_the_chronology_events_it_discusses_after_its_words(edition, render, paragraph):
    events = sorted((event for event in edition.events if 11 in event.paragraphs), key=lambda event: event.date)
    assert len(events) >= 2, "¶11 is about several events of the chronology"
    soup = parse(render(paragraph(11)))
    holder = soup.p.contents[-1]
    assert holder["class"] == ["event-links"] and holder.has_attr("data-search-exclude")
    assert holder.select_one(".event-links-label").get_text() == "Chronology:"
    links = [(a["class"], a["href"], a["title"], a.get_text(), a.get("aria-label")) for a in holder.find_all("a")]

    def day(event):
        date = dt.date.fromisoformat(event.date)
        return f"{date.day}\u00a0{date:%b}"

    # Each link is named by the words it shows (no aria-label to differ from them: WCAG 2.5.3).
    assert links == [(["event-link"], f"chronology.md#ev-{event.id}", f"In the chronology: {event.what}", day(event), None)
                     for event in events]


@pytest.mark.parametrize("dates,shown", [
    (["2019-09-14"], "Chronology: 14 Sep 2019"),
    (["2020-03-11", "2020-03-12", "2020-03-14"], "Chronology: 11 Mar, 12 Mar, 14 Mar 2020"),
    (["2020-01-03", "2020-03-11", "2020-03-12"], "Chronology: 3 Jan, 11 Mar, 12 Mar 2020"),
    (["2019-12-29", "2019-12-31", "2020-01-03"], "Chronology: 29 Dec, 31 Dec 2019; 3 Jan 2020"),
    (["2020-03-12", "2019-12-29"], "Chronology: 29 Dec 2019; 12 Mar 2020"),   # in date order, whatever the ledger's
    (["2020-03-28", "2020-03-28"], "Chronology: 28 Mar 2020"),                # one day once, not "28, 28 Mar"
], ids=["one day", "days of one month", "two months of a year", "two years", "out of order", "two events of a day"])
def test_a_run_of_dates_names_each_day_with_its_month_and_each_year_once(edition, dates, shown):
    events = [SimpleNamespace(id=f"e{n}", date=date, what=f"Event {n}") for n, date in enumerate(dates)]
    paragraph = etree.Element("p")
    ParagraphTreeprocessor(None, None).event_links(paragraph, events)
    assert " ".join("".join(paragraph.itertext()).replace("\u00a0", " ").split()) == shown


def test_events_of_one_day_share_a_link_that_names_both():
    events = [SimpleNamespace(id="a", date="2020-03-28", what="First"), SimpleNamespace(id="b", date="2020-03-28", what="Second")]
    paragraph = etree.Element("p")
    ParagraphTreeprocessor(None, None).event_links(paragraph, events)
    (link,) = paragraph.iter("a")
    assert link.get("href").endswith("#ev-a") and link.get("title") == "In the chronology: First; Second"


def test_a_paragraph_without_events_gets_no_event_links(edition, render, paragraph):
    quiet = next(p.number for p in edition.essay.paragraphs if not any(p.number in e.paragraphs for e in edition.events))
    assert "event-links" not in render(paragraph(quiet))


def test_an_empty_document_gives_an_empty_page(render, caplog):
    assert render("") == ""
    assert edition_warnings(caplog) == []


def test_markup_characters_in_a_made_up_paragraph_stay_text(render):
    assert render("Fish & chips <3 ¶5") == "<p>Fish &amp; chips &lt;3 ¶5</p>"

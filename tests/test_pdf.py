"""The PDF of the whole edition: outline and contents, page footnotes, ¶ numbers, the text, metadata, fonts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, SITE_URL, copy_project
from edition import load as load_edition
from edition.build.pdf import main as pdf_main
from edition.build.pdf import pdf_settings, print_document, render_pdf
from edition.model.essay import load_essay, normalize, words

FOOTNOTE_CALL_MAX_SIZE = 6.5  # pt: the print stylesheet sets calls at 6pt, all other text larger


@pytest.fixture(scope="module")
def pdf_path(site, edition) -> Path:
    return site / pdf_settings(edition).file


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def plumbed(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        yield pdf


def is_call(char: dict) -> bool:
    return char["fontname"].endswith("Noto-Sans") and char["size"] < FOOTNOTE_CALL_MAX_SIZE


def is_event_link(char: dict) -> bool:
    return "Italic" in char["fontname"] and char["size"] < 8  # the print stylesheet's 7.5pt chronology links


def is_marker(char: dict) -> bool:
    return char["fontname"].endswith("Noto-Sans-Bold")


def numbers(chars: list[dict]) -> list[int]:
    """Group digit characters that touch on one line into numbers."""
    found, run, last = [], "", None
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        touching = last and round(char["top"]) == round(last["top"]) and char["x0"] - last["x1"] < 1.5
        if char["text"].isdigit() and (touching or not run):
            run += char["text"]
        else:
            if run:
                found.append(int(run))
            run = char["text"] if char["text"].isdigit() else ""
        last = char
    if run:
        found.append(int(run))
    return found


def test_outline_holds_the_sections_in_order(reader, essay, edition):
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    headings = [essay.title] + [s.heading for s in essay.sections if s.heading]
    assert [normalize(t) for t in titles[:len(headings)]] == headings
    assert titles[len(headings):] == ["Chronology", "Actors and terms", "Sources", "Editorial notes", "About this edition"]


def test_contents_page_numbers_are_where_sections_start(reader):
    contents = reader.pages[1].extract_text()
    listed = {normalize(m[1]).rstrip(" ."): int(m[2]) for m in re.finditer(r"^(.+?)[ .]*?(\d+)$", contents, re.M)}
    outline = {normalize(item.title): reader.get_destination_page_number(item) + 1
               for item in reader.outline if not isinstance(item, list)}
    assert listed == outline


def test_every_note_is_on_the_page_that_calls_it(plumbed, reader, edition, page):
    calls_seen = []
    for number, pdf_page in enumerate(plumbed.pages, start=1):
        calls = numbers([c for c in pdf_page.chars if is_call(c)])
        notes = numbers([c for c in pdf_page.chars if is_marker(c)])
        assert calls == notes, f"page {number}: calls {calls}, notes {notes}"
        calls_seen += calls
    # Numbered from 1 on each page of the site, as the site numbers them (one call for sources cited together).
    files = [s.page for s in edition.essay.sections] + list(pdf_settings(edition).appendices)
    expected = []
    for file in files:
        calls = page(f"{edition.docs.get(file).path}index.html").select("sup[id^='fnref:']")
        expected += list(range(1, len(calls) + 1))
    assert calls_seen == expected


def essay_pages(reader) -> list:
    """The pages from the essay's title to the page before the first appendix."""
    starts = [reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)]
    sections = len(load_essay(ROOT).sections)
    return reader.pages[starts[0]:starts[sections]]


def test_every_paragraph_number_appears_in_order(reader, essay):
    text = "".join(page.extract_text() for page in essay_pages(reader))
    assert [int(n) for n in re.findall(r"¶(\d+)", text)] == [p.number for p in essay.paragraphs]


def is_small_print(char: dict) -> bool:
    """The page's footnotes and running heads: a word hyphenated at the foot of a page would run into them."""
    return char["size"] < 9


def test_the_text_holds_every_word_of_the_essay_in_order(plumbed, essay):
    text = "\n".join(page.filter(lambda o: not (o.get("object_type") == "char"
                                                 and (is_call(o) or is_event_link(o) or is_small_print(o))))
                     .extract_text()
                     for page in plumbed.pages)
    found = words(re.sub(r"-\n", "-", text))
    expected = words(essay.title)
    for section in essay.sections:
        expected += words(section.heading or "")
        for paragraph in section.paragraphs:
            expected += words(paragraph.text)
    position = 0
    for word in expected:  # a subsequence: notes, numbers and running heads come in between
        while position < len(found) and found[position] != word:
            position += 1
        assert position < len(found), f"“{word}” missing after {found[max(0, position - 8):position]}"
        position += 1


def test_document_metadata_and_language(reader, edition):
    info = reader.metadata
    assert info.title == edition.full_title
    assert info.author == "Maria Fantappie, Sam Heller"
    assert edition.version in info.subject and "War on the Rocks" in info.subject
    assert "Iraq" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_fonts_are_embedded_and_subset(reader):
    fonts = {}
    for page in reader.pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in fonts), "subset fonts carry a six-letter tag"
    assert any("Naskh-Arabic" in name for name in fonts), "the Arabic originals need a face with Arabic glyphs"


def test_tagged_for_accessibility_and_checked(pdf_path, reader):
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    checker = Path(sys.executable).with_name("pdfua")
    result = subprocess.run([str(checker), "check", str(pdf_path)], capture_output=True, text=True)
    assert "errors=0" in result.stdout, result.stdout
    assert result.returncode in (0, 1, 2), result.stdout  # 3 would be an ERROR finding


def test_links_are_clickable_inside_and_out(reader):
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if annotation.get_object().get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
            elif action and str(action.get("/URI", "")).startswith("http"):
                external += 1
    assert internal > 40 and external > 30  # contents, ¶ and "source record" links; the sources' addresses


def test_the_same_input_gives_the_same_bytes(pdf_path, tmp_path, edition):
    again = tmp_path / "again.pdf"
    assert render_pdf(edition, again) == []  # no cache: WeasyPrint lays it out again
    assert again.read_bytes() == pdf_path.read_bytes()


def test_a4_by_default_and_us_letter_on_request(reader, tmp_path):
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]
    letter = tmp_path / "letter.pdf"
    assert pdf_main(["--root", str(ROOT), "--paper", "letter", "--output", str(letter)]) == 0  # `make pdf PAPER=letter`
    assert [round(float(x)) for x in PdfReader(letter).pages[0].mediabox[2:]] == [612, 792]


def test_anything_but_a_local_file_is_refused(tmp_path, site):
    project = copy_project(tmp_path / "project")
    stylesheet = project / "docs/stylesheets/pdf.css"
    stylesheet.write_text('@import url("https://fonts.example.com/serif.css");\n' + stylesheet.read_text(), encoding="utf-8")
    target = tmp_path / "out.pdf"
    problems = render_pdf(load_edition(project), target)
    assert [p.what for p in problems] == ["the PDF may load only files of the project, not https://fonts.example.com/serif.css"]
    assert not target.exists()


def test_every_page_of_the_site_offers_the_pdf_with_its_size(page, edition, pdf_path):
    size = round(pdf_path.stat().st_size / 1024)
    for docs_page in edition.docs:
        soup = page(f"{docs_page.path}index.html")
        link = soup.select_one(".pdf-download a.download")
        assert link.get_text() == f"Download PDF ({size} KB)", docs_page.file
        assert link["href"].endswith(pdf_path.name)
        assert soup.find("meta", attrs={"name": "citation_pdf_url"})["content"] == SITE_URL + pdf_path.name


def test_notes_are_full_first_and_short_after_on_each_page(edition):
    document = BeautifulSoup(print_document(edition, pdf_settings(edition), edition.released), "html.parser")
    seen, repeated = set(), set()
    for citation in document.select(".pdf-page, span.footnote span.citation[data-source]"):
        if "pdf-page" in citation.get("class", []):
            seen = set()  # a new page of the site: its first note of a source is given in full again
            continue
        source = citation["data-source"]
        notes = edition.notes[source]
        expected = BeautifulSoup(notes.short if source in seen else notes.full, "html.parser").get_text()
        # A citation followed by another in the same note ends in ";" rather than ".".
        got = " ".join(citation.get_text().split())
        if citation.find_next_sibling("span", class_="citation") is not None:
            assert got.endswith(";"), got
            got = got[:-1]
            expected = expected.removesuffix(".") if not expected.endswith(".”") else expected[:-2] + "”"
        assert got == " ".join(expected.split())
        repeated |= seen & {source}
        seen.add(source)
    assert repeated, "some source is cited more than once on a page, so short notes are exercised"


def test_a_reused_pdf_is_laid_out_again_when_a_file_it_shows_changes(tmp_path):
    """The build keeps the last PDF and reuses it for the same inputs, the files the PDF loads among them."""
    project = copy_project(tmp_path / "project")
    figure = project / "docs/assets/figure.svg"
    figure.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
                      '<rect width="40" height="20" fill="red"/></svg>', encoding="utf-8")
    about = project / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n![A figure](assets/figure.svg)\n", encoding="utf-8")
    red, blue, fresh = (tmp_path / f"{name}.pdf" for name in ("red", "blue", "fresh"))
    edition = load_edition(project)
    assert render_pdf(edition, red, cache=True) == []
    figure.write_text(figure.read_text(encoding="utf-8").replace("red", "blue"), encoding="utf-8")
    assert render_pdf(edition, blue, cache=True) == []
    assert render_pdf(edition, fresh) == []
    assert blue.read_bytes() == fresh.read_bytes() != red.read_bytes()

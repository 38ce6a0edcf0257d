"""The PDF of the whole edition: outline and contents, page footnotes, ¶ numbers, the text, metadata, fonts."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pyphen
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import StreamObject

from conftest import ROOT, SITE_URL, copy_project, replace_in
from edition import formatted
from edition import load as load_edition
from edition.model import load_inputs
from edition.model.essay import load_essay, normalize, words
from edition.publish import pdf as pdf_module
from edition.publish.pdf import ESSAY_LANGUAGE, build_date, pdf_settings, print_document, render_pdf

pytestmark = pytest.mark.pdf  # every test here reads or lays out a PDF

# Sizes in the print stylesheet (pt): the text, the notes at the foot of the page, the note calls in the
# text (all other text is larger), the paragraph numbers in the margin.
TEXT_SIZE, NOTE_SIZE, CALL_MAX_SIZE, PARAGRAPH_NUMBER_SIZE = 10.5, 8.3, 7, 7.5
TOP_MARGIN = 20 / 25.4 * 72  # pt: the running head is printed above this (the text starts 24 mm down)
BOTTOM_MARGIN = 26 / 25.4 * 72  # pt: the notes end above this
HANGING = 0.6 * TEXT_SIZE  # pt: how far punctuation at a line's end may hang into the margin


@pytest.fixture(scope="module")
def pdf_path(site, edition) -> Path:
    return site / pdf_settings(edition).file


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def plumbed(pdf_path, read_pdf):
    return read_pdf(pdf_path)


@pytest.fixture(scope="module")
def letter_path(letter_pdf) -> Path:
    return letter_pdf  # `make pdf PAPER=letter`


@pytest.fixture(scope="module")
def printed(edition) -> BeautifulSoup:
    """The HTML document the PDF is printed from."""
    return BeautifulSoup(print_document(edition, pdf_settings(edition), build_date(edition)), "html.parser")


@pytest.fixture(scope="module")
def pdftotext(pdf_path) -> str:
    """The PDF's text as poppler's pdftotext (Debian's poppler-utils) gives it, as most readers copy it."""
    assert shutil.which("pdftotext"), "pdftotext is missing: `make system-deps` installs poppler-utils"
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout


def is_call(char: dict) -> bool:
    return char["size"] < CALL_MAX_SIZE


def is_text(char: dict) -> bool:
    return abs(char["size"] - TEXT_SIZE) < 0.05 and "Serif" in char["fontname"]


def is_note(char: dict) -> bool:
    return abs(char["size"] - NOTE_SIZE) < 0.05


def is_paragraph_number(char: dict) -> bool:
    return abs(char["size"] - PARAGRAPH_NUMBER_SIZE) < 0.05 and "Sans" in char["fontname"]


def note_markers(page) -> list[dict]:
    """The figures that number the notes at the foot of a page: they hang left of the notes' text."""
    notes = [c for c in page.chars if is_note(c)]
    text_edge = min((c["x0"] for c in notes if not (c["text"].isdigit() or c["text"] == ".")), default=0)
    return [c for c in notes if c["text"].isdigit() and c["x1"] <= text_edge + 0.5]


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


def section_starts(reader) -> list[int]:
    """The index of the page where each section of the PDF (the essay's and the appendices') opens."""
    return [reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)]


def essay_page_range(reader) -> range:
    """The indexes of the pages from the essay's title to the page before the first appendix."""
    starts = section_starts(reader)
    return range(starts[0], starts[len(load_essay(ROOT).sections)])


def essay_pages(reader) -> list:
    return [reader.pages[i] for i in essay_page_range(reader)]


def test_every_note_begins_on_the_page_that_calls_it(plumbed, reader, printed):
    """As in a book: a note begins on the page of its call. Where a page's notes fill its foot and run over,
    a last note called in the page's last line may follow them overleaf, first among the next page's notes."""
    calls_seen, carried = [], []
    for index, page in enumerate(plumbed.pages):
        calls = numbers([c for c in page.chars if is_call(c)])
        notes = numbers(note_markers(page))
        assert notes[:len(carried)] == carried, f"page {index + 1}: notes {notes} do not begin with {carried} carried over"
        notes = notes[len(carried):]
        carried = calls[len(notes):]
        assert calls[:len(notes)] == notes and len(carried) <= 1, f"page {index + 1}: calls {calls}, notes {notes}"
        if carried:
            foot = max(c["bottom"] for c in page.chars if is_note(c))
            last_call = max(c["bottom"] for c in page.chars if is_call(c))
            last_line = max(line["bottom"] for line in text_lines(page))
            assert foot > page.height - BOTTOM_MARGIN - NOTE_SIZE * 1.5 and last_call > last_line - TEXT_SIZE, \
                f"page {index + 1}: note {carried} is not on the page of its call, though there was room"
        calls_seen += calls
    # Each section's notes are numbered from 1, as on its page of the site: the calls run 1, 2, … and start again.
    runs: list[list[int]] = []
    for number in calls_seen:
        if number == 1:
            runs.append([])
        runs[-1].append(number)
    assert all(run == list(range(1, len(run) + 1)) for run in runs), runs
    assert len(runs) >= 8 and len(calls_seen) == len(printed.select("span.footnote")) > 20


def test_note_numbers_are_in_the_text_face(plumbed):
    calls = [c for page in plumbed.pages for c in page.chars if is_call(c)]
    markers = [c for page in plumbed.pages for c in note_markers(page)]
    assert len(calls) > 20 and len(markers) > 20
    assert {c["fontname"].split("+")[-1] for c in calls + markers} == {"NotoSerif-Regular"}, "the text's serif, not the sans"
    assert {c["fontname"].split("+")[-1] for page in plumbed.pages for c in page.chars if is_text(c)} >= {"NotoSerif-Regular"}


def test_no_line_is_made_only_of_note_numbers(plumbed):
    for number, page in enumerate(plumbed.pages, start=1):
        for line in page.extract_text_lines(return_chars=True):
            assert not all(is_call(c) for c in line["chars"]), f"page {number}: a line of note calls: {line['text']!r}"


def text_lines(page) -> list[dict]:
    """The lines of the text on a page (note calls included, notes and margins left out), each marked
    `opens` when a paragraph number stands beside it."""
    text = page.filter(lambda o: o.get("object_type") != "char" or is_text(o) or is_call(o))
    lines = [line for line in text.extract_text_lines(return_chars=True) if any(is_text(c) for c in line["chars"])]
    marks = [c for c in page.chars if is_paragraph_number(c)]
    for line in lines:
        line["opens"] = any(line["top"] - 1 <= c["top"] <= line["bottom"] for c in marks)
    return lines


def full_lines(pdf, pages: range) -> list[dict]:
    """The essay's lines that are not the last of their paragraph (the next line on the page does not
    open a paragraph)."""
    return [line for i in pages for line, following in pairwise(text_lines(pdf.pages[i])) if not following["opens"]]


def test_a_line_holds_about_seventy_characters_on_either_paper(pdf_path, letter_path, read_pdf):
    for path in (pdf_path, letter_path):
        lengths = sorted(len(line["text"]) for line in full_lines(read_pdf(path), essay_page_range(PdfReader(path))))
        assert len(lengths) > 200
        median, low, high = statistics.median(lengths), lengths[len(lengths) // 10], lengths[len(lengths) * 9 // 10]
        assert 63 <= median <= 75 and low >= 58 and high <= 78, (path.name, median, low, high)


def test_the_text_is_justified(plumbed, reader):
    """Every line but a paragraph's last ends at the text block's edge; punctuation may hang a little
    beyond it (optical margin alignment), a letter may not."""
    lines = full_lines(plumbed, essay_page_range(reader))
    edge = statistics.mode(round(line["x1"], 1) for line in lines if line["text"][-1].isalpha())
    assert sum(abs(line["x1"] - edge) < 0.2 for line in lines if line["text"][-1].isalpha()) > len(lines) // 2
    for line in lines:
        overhang = HANGING if not line["text"][-1].isalnum() else 0.2
        assert -1 < line["x1"] - edge < overhang, f"a line off the right edge by {line['x1'] - edge:.1f} pt: {line['text']!r}"


def test_nothing_runs_into_the_right_margin(plumbed, reader):
    """No line is wider than the text block (as an address that cannot break would be)."""
    starts = section_starts(reader)
    edge = max(line["x1"] for line in text_lines(plumbed.pages[starts[0]]) if line["text"][-1].isalpha())
    for index in range(starts[0], len(plumbed.pages)):
        for line in plumbed.pages[index].extract_text_lines():
            beyond = HANGING if not line["text"][-1].isalnum() else 0.5  # punctuation hangs a little
            assert line["x1"] < edge + beyond, f"page {index + 1}: {line['text']!r} runs beyond the text block"


def hyphenations(pdf_path: Path) -> list[tuple[str, str]]:
    """Each word hyphenated at a line's end, as (head, tail): Typst marks the hyphen it adds as a soft
    hyphen for copying, which pdftotext gives."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.findall(r"(\w+)\u00ad\n(\w+)", text)


def test_hyphenated_by_the_patterns_of_the_text_s_language(pdf_path):
    # Typst's English patterns are TeX's; the dictionaries pyphen carries differ from them on a few words
    # ("para-militaries": British usage breaks by parts, Webster's by syllables), so either English is allowed.
    patterns = [pyphen.Pyphen(lang=lang, left=2, right=3) for lang in ("en_US", "en_GB")]  # Typst: 2 before, 3 after
    breaks = hyphenations(pdf_path)
    assert breaks, "hyphenation is on"
    wrong = [f"{head}-{tail}" for head, tail in breaks
             if not any(len(head) in language.positions(head + tail) for language in patterns)]
    assert not wrong, f"not where {ESSAY_LANGUAGE} hyphenates: {wrong}"


def test_no_paragraph_leaves_one_line_alone_at_a_page_break(plumbed, reader):
    """Neither a paragraph's first line alone at a page's foot nor its last alone at the next page's head.
    One exception, Typst's: a last line whose note would not fit under the page goes overleaf with the note,
    where a typesetter would take the line before it too. It is allowed once, where the page's notes fill
    its foot."""
    starts = set(section_starts(reader))
    pages = list(essay_page_range(reader))
    checked, moved_with_notes = 0, []
    for before, after in pairwise(pages):
        lines, next_lines = text_lines(plumbed.pages[before]), text_lines(plumbed.pages[after])
        if after in starts or not next_lines or next_lines[0]["opens"]:
            continue  # no paragraph runs on from one page to the next
        opening = max((i for i, line in enumerate(lines) if line["opens"]), default=0)
        closing = next((i for i, line in enumerate(next_lines) if line["opens"]), len(next_lines))
        assert len(lines) - opening >= 2, f"page {before + 1} ends with a paragraph's first line alone"
        if closing < 2:
            page = plumbed.pages[before]
            foot = max(c["bottom"] for c in page.chars if is_note(c))
            assert any(is_call(c) for c in next_lines[0]["chars"]) and foot > page.height - BOTTOM_MARGIN - NOTE_SIZE * 1.5, \
                f"page {after + 1} begins with a paragraph's last line alone"
            moved_with_notes.append(after + 1)
        checked += 1
    assert checked >= 3 and len(moved_with_notes) <= 1, moved_with_notes


def running_head(page) -> str:
    return normalize(page.crop((0, 0, page.width, TOP_MARGIN)).extract_text())


def test_no_running_head_where_a_section_opens(plumbed, reader):
    """A page where a section's title comes first has no running head; every other page is headed by the
    section it begins in. The essay's later sections run on, so some begin lower on a page."""
    starts = section_starts(reader)
    titles = [normalize(item.title) for item in reader.outline if not isinstance(item, list)]
    opened = others = 0
    for index in range(starts[0], len(plumbed.pages)):
        page = plumbed.pages[index]
        head = running_head(page)
        below = page.crop((0, TOP_MARGIN, page.width, page.height)).extract_text_lines()
        first = normalize(below[0]["text"]) if below else ""
        opening = [t for t, start in zip(titles, starts, strict=True) if start == index and t.startswith(first)]
        if opening:
            assert head == "", f"page {index + 1} opens with {opening[0]!r} under a running head {head!r}"
            opened += 1
        else:
            assert head == titles[max(i for i, start in enumerate(starts) if start < index)], f"page {index + 1}"
            others += 1
    assert opened >= 6 and others >= 5  # the essay and the five appendices open pages


def test_addresses_break_only_at_their_natural_points(pdftotext, printed):
    """After a slash, or before a dot, question mark, number sign, percent sign, tilde, equals sign,
    ampersand, plus, hyphen or underscore (Chicago 6.80); never inside "https" or a number, and never with a
    hyphen added."""
    addresses = {a.get_text() for a in printed.find_all("a") if re.fullmatch(r"https?://\S+", a.get_text())}
    assert len(addresses) > 10
    # A soft hyphen only where Typst hyphenated a word at a line's end.
    assert not re.search(r"[\u200b\u2060\ufeff]|\u00ad(?!\n)", pdftotext), "invisible characters in the text"
    assert not re.search(r"\bh\s+ttps?:|https?:/\s+/|https?:\s+//", pdftotext)
    for address in addresses:
        found = re.findall("\n?".join(map(re.escape, address)), pdftotext)  # a line may break anywhere in it
        assert found, f"{address} is not printed whole"
        for printed_address in found:
            position = 0
            for line in printed_address.split("\n")[:-1]:
                position += len(line)  # a line breaks before address[position]
                marks = ".?#%~=&+_-"  # a run of them ("-%d9") breaks before its first
                assert address[position - 1] == "/" or (address[position] in marks and address[position - 1] not in marks), \
                    f"{address} broken after {address[:position]!r}"


def test_web_only_apparatus_is_left_out(plumbed, reader, pdftotext):
    notes = "\n".join(page.filter(lambda o: o.get("object_type") != "char" or is_note(o)).extract_text()
                      for page in plumbed.pages)
    assert "Source record" not in notes and "Editor’s note" in notes.replace("EDITOR’S NOTE", "Editor’s note")
    essay = "\n".join(page.extract_text() for page in essay_pages(reader))
    assert "Chronology:" not in essay and "Chronology: " not in pdftotext


def test_every_paragraph_number_appears_in_order(reader, essay):
    text = "".join(page.extract_text() for page in essay_pages(reader))
    assert [int(n) for n in re.findall(r"¶(\d+)", text)] == [p.number for p in essay.paragraphs]


def test_the_text_holds_every_word_of_the_essay_in_order(plumbed, essay, pdf_path):
    # The text and titles only: a word hyphenated at the foot of a page goes on after the notes.
    text = "\n".join(page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= TEXT_SIZE - 0.05)
                     .extract_text()
                     for page in plumbed.pages)
    for head, tail in hyphenations(pdf_path):  # a word Typst hyphenated is one word again
        text = text.replace(f"{head}-\n{tail}", head + tail)
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
    assert any("NaskhArabic" in name for name in fonts), "the Arabic originals need a face with Arabic glyphs"


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
    assert internal > 40 and external > 30  # contents and ¶ links; the sources' addresses


def test_the_same_input_gives_the_same_bytes(pdf_path, tmp_path, edition):
    again = tmp_path / "again.pdf"
    assert render_pdf(edition, again) == []  # no cache: Typst lays it out again
    assert again.read_bytes() == pdf_path.read_bytes()


def test_a4_by_default_and_us_letter_on_request(reader, letter_path):
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]
    assert [round(float(x)) for x in PdfReader(letter_path).pages[0].mediabox[2:]] == [612, 792]


def test_anything_but_a_local_file_is_refused(tmp_path, site):
    """A package for the template would be downloaded, and a picture from another site fetched: both are refused,
    before Typst runs, and no PDF is written."""
    project = copy_project(tmp_path / "project")
    template = project / pdf_module.TEMPLATE
    template.write_text('#import "@preview/example:0.1.0": *\n' + template.read_text(encoding="utf-8"), encoding="utf-8")
    about = project / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n![A map](https://maps.example.com/iraq.png)\n", encoding="utf-8")
    target = tmp_path / "out.pdf"
    problems = render_pdf(formatted(load_inputs(project)), target)  # past the input checks, which refuse both too
    assert [(p.path, p.line, p.what) for p in problems] == [
        ("docs/about.md", 0, "shows a picture from https://maps.example.com/iraq.png: the PDF may show only files of the project"),
        (pdf_module.TEMPLATE, 1, "imports the Typst package @preview/example:0.1.0; the build has no packages and downloads none")]
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


def test_a_reused_pdf_is_laid_out_again_when_a_file_it_shows_changes(tmp_path, monkeypatch):
    """The build keeps the last PDF and reuses it for the same inputs, the files the PDF loads among them."""
    project = copy_project(tmp_path / "project")
    # The essay and one appendix: the cache's rules are the same for a shorter PDF, laid out in less time.
    replace_in(project / "sources/essay/edition.yml", "appendices: [chronology.md, glossary.md, sources.md, editorial-notes.md, about.md]",
               "appendices: [about.md]")
    figure = project / "docs/assets/figure.svg"
    figure.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
                      '<rect width="40" height="20" fill="red"/></svg>', encoding="utf-8")
    about = project / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n![A figure](assets/figure.svg)\n", encoding="utf-8")
    red, again, blue = (tmp_path / f"{name}.pdf" for name in ("red", "again", "blue"))
    edition = load_edition(project)
    assert render_pdf(edition, red, cache=True) == []
    # The same inputs: reused, without even making the document it is printed from again.
    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "print_tree", lambda *args: pytest.fail("the document was made again"))
        assert render_pdf(edition, again, cache=True) == []
    assert again.read_bytes() == red.read_bytes()
    figure.write_text(figure.read_text(encoding="utf-8").replace("red", "blue"), encoding="utf-8")
    assert render_pdf(edition, blue, cache=True) == []  # the figure changed: laid out again, not the red one reused
    assert blue.read_bytes() != red.read_bytes()
    assert b"0 0 1 scn" in _content_streams(blue) and b"0 0 1 scn" not in _content_streams(red)

    # A copy of the project, cache and all, checks its own figure, not the one of the project it was copied from.
    copy = shutil.copytree(project, tmp_path / "copy")
    key = next((project / ".cache/pdf").glob("*.pdf")).stem.split("-")[0]
    assert pdf_module._cached(copy, key) == blue.read_bytes()
    (copy / "docs/assets/figure.svg").write_text(figure.read_text(encoding="utf-8").replace("blue", "green"), encoding="utf-8")
    assert pdf_module._cached(copy, key) is None
    assert pdf_module._cached(project, key) == blue.read_bytes()


def _content_streams(pdf: Path) -> bytes:
    """Every stream of a PDF decoded, the one Typst draws an SVG into among them."""
    reader = PdfReader(pdf)
    objects = (reader.get_object(number) for number in range(1, reader.trailer["/Size"]))
    return b"".join(obj.get_data() for obj in objects if isinstance(obj, StreamObject))


@pytest.mark.parametrize("note", ["a FIFO", "a folder", "wrong types", "not JSON", "a list", "another fingerprint", "too large",
                                  "a key that globs"])
def test_a_damaged_note_of_inputs_names_no_pdf(tmp_path, note):
    """The note of which document the last inputs gave is the build's own; damaged, it is only not used."""
    path = tmp_path / pdf_module.INPUTS_SEEN
    written = {"wrong types": '{"inputs": ["f"], "key": 7}', "not JSON": "{inputs", "a list": '["f", "k"]',
               "another fingerprint": '{"inputs": "g", "key": "k"}', "too large": '{"inputs": "f", "key": "k"}' + " " * 5000,
               "a key that globs": '{"inputs": "f", "key": "a**"}'}  # found by a reviewer: the glob of the kept PDFs raised
    if note == "a FIFO":
        os.mkfifo(path)  # reading it would wait for ever
    elif note == "a folder":
        path.mkdir()
    else:
        path.write_text(written[note], encoding="utf-8")
    assert pdf_module._known_key(tmp_path, "f") is None
    path.unlink() if not path.is_dir() else path.rmdir()
    path.write_text('{"inputs": "f", "key": "k"}', encoding="utf-8")
    assert pdf_module._known_key(tmp_path, "f") == "k"  # the same note, whole: it names its key


def test_dated_by_the_last_commit_in_utc_else_by_the_version(monkeypatch, tmp_path):
    """The same commit dates its PDF alike whether SOURCE_DATE_EPOCH is set from it or left to the build; a copy
    without git history (an exported archive) is dated by the version's release."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    committed = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True,
                               check=True).stdout.strip()
    checkout = load_edition(ROOT)
    day = build_date(checkout)
    assert day == dt.datetime.fromtimestamp(int(committed), dt.UTC).date().isoformat()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", committed)
    assert build_date(checkout) == day
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    exported = load_edition(copy_project(tmp_path / "exported"))
    assert build_date(exported) == exported.released


def test_a_version_committed_after_its_release_date_is_dated_by_the_release(monkeypatch):
    """A version entered in changes.yml and built before it is committed: the last commit is older than the release,
    and the PDF's cover would say the copy was made before its version existed."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    checkout = load_edition(ROOT)
    released = dt.datetime.fromisoformat(checkout.released).replace(tzinfo=dt.UTC)
    monkeypatch.setattr(pdf_module, "commit_epoch", lambda root: int((released - dt.timedelta(days=3)).timestamp()))
    assert build_date(checkout) == checkout.released


def test_a_source_date_epoch_before_the_release_is_refused_and_no_pdf_is_written(monkeypatch, tmp_path):
    """Fourteenth hostile round, case 26: SOURCE_DATE_EPOCH=1580000000 printed "Version 0.2.0 of 25 November 2026;
    this copy made 26 January 2020". A date set by hand is not moved: it is named."""
    checkout = load_edition(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1580000000")
    assert [str(p) for p in render_pdf(checkout, tmp_path / "edition.pdf")] == [
        f"SOURCE_DATE_EPOCH: dates this copy 2020-01-26, before version {checkout.version} was released "
        f"({checkout.released} in sources/essay/changes.yml); set it to a time on or after the release, or unset it"]
    assert not (tmp_path / "edition.pdf").exists()


@pytest.mark.parametrize("listed", [{"/dev/zero": "x"}, {"../outside.svg": "x"}, {"docs": "x"}, {"a": "x"}],
                         ids=["a device", "a path out of the project", "a folder", "a missing file"])
def test_a_kept_pdf_listing_files_it_cannot_check_is_not_reused(tmp_path, listed):
    """The files a kept PDF loaded are checked by their paths in the project; any other path voids it (never read)."""
    (tmp_path / "docs").mkdir()
    folder = tmp_path / pdf_module.PDF_CACHE
    folder.mkdir(parents=True)
    data = b"%PDF-1.7 kept"
    name = folder / f"k-{hashlib.sha256(data).hexdigest()[:32]}"
    name.with_suffix(".pdf").write_bytes(data)
    name.with_suffix(".json").write_text(json.dumps({}), encoding="utf-8")
    assert pdf_module._cached(tmp_path, "k") == data  # whole and listing nothing: reused
    name.with_suffix(".json").write_text(json.dumps(listed), encoding="utf-8")
    assert pdf_module._cached(tmp_path, "k") is None

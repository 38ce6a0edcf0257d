"""One note numbering: a page's notes carry the same numbers and the same words on the site, in the
offline copy and in the PDF, so "n. 5" of a section means one note wherever it is read."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from edition.model.addresses import DOWNLOADS_DIR, OFFLINE_COPY
from edition.publish.offline import FOLDER
from edition.publish.pdf import pdf_settings


def notes_of(soup: BeautifulSoup) -> list[tuple[str, list[str]]]:
    """(number, words) of each note a page shows: the number on its call, then the words of each citation
    with the source's words that follow it, or of the editor's note.

    The links to source records and back to the text are the web page's apparatus, not the note.
    """
    found = []
    for call in soup.select("sup[id^='fnref:'] a.footnote-ref"):
        note = soup.find(id=call["href"][1:])
        citations = note.select("span.citation, span.note-evidence")
        if citations:
            words = [c.get_text() for c in citations]
        else:
            for back in note.select("a.footnote-backref"):
                back.extract()
            words = [note.get_text()]
        found.append((call.get_text(), [" ".join(w.split()) for w in words]))
    return found


def pdf_files(edition) -> list[str]:
    return [s.page for s in edition.essay.sections] + list(pdf_settings(edition).appendices)


@pytest.fixture(scope="module")
def site_notes(page, edition) -> dict[str, list[tuple[str, str]]]:
    return {file: notes_of(page(f"{edition.docs.get(file).path}index.html")) for file in pdf_files(edition)}


def test_every_page_numbers_its_notes_from_one(site_notes):
    assert any(len(notes) > 1 for notes in site_notes.values())
    for file, notes in site_notes.items():
        assert [int(n) for n, _ in notes] == list(range(1, len(notes) + 1)), file


def test_the_offline_copy_has_the_sites_notes(site, edition, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline-notes")
    with zipfile.ZipFile(site / DOWNLOADS_DIR / OFFLINE_COPY) as archive:
        archive.extractall(folder)
    for docs_page in edition.docs:
        online = BeautifulSoup((site / docs_page.path / "index.html").read_text(encoding="utf-8"), "html.parser")
        # The offline copy names its pages "about.html", as a browser opening files needs.
        offline_file = folder / FOLDER / (docs_page.path.rstrip("/") + ".html" if docs_page.path else "index.html")
        offline = BeautifulSoup(offline_file.read_text(encoding="utf-8"), "html.parser")
        assert notes_of(offline) == notes_of(online), docs_page.file


def comparable(text: str) -> str:
    """Letters, digits and full stops only: the PDF's text layer has hyphens and line ends where the
    line broke, and may space or join words its own way."""
    return re.sub(r"[^0-9a-z.]", "", text.lower())


class Printed:
    """Pages' text in comparable form, knowing where its lines start (a printed note starts a line)."""

    def __init__(self, texts: list[str]):
        self.text, self.line_starts = "", set()
        for text in texts:
            for line in text.split("\n"):
                self.line_starts.add(len(self.text))
                self.text += comparable(line)

    def note(self, number: str, parts: list[str], after: int) -> int:
        """Where, after `after`, a line starts with the number and the note's first words and the rest follow
        in order (a long note may run on to the next page, within its first words too); -1 if nowhere.

        The PDF leaves out the source's words where they are long, so those may be missing."""
        first, rest = comparable(parts[0]), parts[1:]
        for at in sorted(s for s in self.line_starts if s >= after):
            for printed in (f"{number}.{first}", f"{number}{first}"):
                end = self.match_at(printed, at)
                if end != -1 and self.follow(end, rest):
                    return at
        return -1

    def match_at(self, words: str, at: int) -> int:
        """Where the words end if they start at `at`, whole or broken once at a line's end where the note runs
        over to the next page (the page's own text comes between); -1 if they do not start there."""
        if self.text.startswith(words, at):
            return at + len(words)
        same = 0  # how many of the words' first characters are printed from `at` on
        while same < len(words) - 1 and at + same < len(self.text) and self.text[at + same] == words[same]:
            same += 1
        for cut in range(same, 0, -1):
            if at + cut in self.line_starts and (tail := self.text.find(words[cut:], at + cut)) != -1:
                return tail + len(words) - cut
        return -1

    def follow(self, at: int, parts: list[str]) -> bool:
        for part in parts:
            end = self.find(comparable(part), at)
            if end == -1 and not part.startswith(EVIDENCE):
                return False
            at = end if end != -1 else at
        return True

    def find(self, words: str, at: int) -> int:
        """Where the words end, found after `at` whole, or broken once where the note runs over to the next
        page (the page's own text comes between); -1 if not."""
        found = self.text.find(words, at)
        if found != -1:
            return found + len(words)
        for cut in range(len(words) - 1, 0, -1):  # the break is at the end of a line: the page's last
            head = self.text.find(words[:cut], at)
            if head != -1 and head + cut in self.line_starts and (tail := self.text.find(words[cut:], head + cut)) != -1:
                return tail + len(words) - cut
        return -1


EVIDENCE = ("The source says", "As given by", "For context", "Context, not", "This source does not")


def test_the_pdf_prints_each_pages_notes_with_the_sites_numbers_and_words(site, edition, site_notes):
    pdf = site / pdf_settings(edition).file
    reader = PdfReader(pdf)
    starts = [reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)]
    files = pdf_files(edition)
    # The outline's first entry is the essay's title, where its opening section starts.
    assert len(starts) == len(files)
    # The essay's sections run on: a section's last notes may sit at the foot of the page where the next begins.
    ends = [start + 1 for start in starts[1:]] + [len(reader.pages)]
    # poppler's pdftotext, as most readers copy the text: a form feed ends each page.
    texts = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    checked = 0
    for file, start, end in zip(files, starts, ends, strict=True):
        section = Printed(texts[start:end])
        where = 0
        for number, words in site_notes[file]:
            where = section.note(number, words, where)
            assert where != -1, f"{file}: note {number} is not printed as on the site: {words[0][:80]}"
            checked += 1
    assert checked == sum(len(notes) for notes in site_notes.values()) > 10

"""The rendered essay holds exactly the source of record's words, in order."""

from __future__ import annotations

import copy
import hashlib

from conftest import ROOT, essay_page_path
from edition.model.essay import normalize, words


def rendered_words(soup) -> list[str]:
    """Words of a page's essay text: article minus notes, numbers, permalinks and edition matter."""
    article = copy.copy(soup.select_one("article"))  # the parsed page is shared between tests
    for selector in [".footnote", "sup[id^='fnref']", ".para-num", ".headerlink", ".byline", ".first-published", ".page-tools",
                     ".event-links"]:
        for tag in article.select(selector):
            tag.decompose()
    for mention in article.select("abbr.term"):  # a glossary mark around the essay's own words
        mention.unwrap()
    article.smooth()  # join the text the marks held with the text around it
    return words(article.get_text(" "))


# Unicode's White_Space characters (PropList.txt), and the four separators Python's str also reads as space (file,
# group, record and unit): the spaces words are compared across.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
SEPARATORS = "\x1c\x1d\x1e\x1f"


def test_words_are_compared_across_any_run_of_spaces_and_nothing_else():
    """The fidelity checks and the quotation matcher compare words with every run of spaces folded into one, the
    no-break spaces the source of record holds after three headings included; a character that draws nothing but
    is no space (a zero-width space, a word joiner) stays, and so does a composed letter, composed."""
    for space in WHITE_SPACE + SEPARATORS:
        assert normalize(f"{space}a{space}{space} b{space}") == "a b", f"U+{ord(space):04X}"
    for kept in "\u200b\u2060\ufeff\u180e\u00ad":
        assert normalize(f"a{kept}b") == f"a{kept}b", f"U+{ord(kept):04X}"
    assert normalize("Kata\u0301ib  Hizbullah") == "Kat\u00e1ib Hizbullah"


def test_source_of_record_is_the_original_as_received():
    digest = hashlib.sha256((ROOT / "sources/essay/original.txt").read_bytes()).hexdigest()
    assert digest == "dfca0eb3c6871475a6578cd943b5ca92db2926e3675f6569129594df5ed3f560"


def test_rendered_essay_is_the_original_word_for_word(essay, page):
    rendered = []
    for section in essay.sections:
        rendered += rendered_words(page(essay_page_path(section)))
    expected = words(essay.title)
    for section in essay.sections:
        if section.heading:
            expected += words(section.heading)
        for paragraph in section.paragraphs:
            expected += words(paragraph.text)
    assert rendered == expected


def test_every_paragraph_is_numbered_once_in_reading_order(essay, page):
    numbers = []
    for section in essay.sections:
        for paragraph in page(essay_page_path(section)).select("p.essay-paragraph"):
            assert paragraph["id"] == f"p{paragraph.select_one('.para-num').get_text()}"
            numbers.append(int(paragraph["id"][1:]))
    assert numbers == list(range(1, 42))


def test_biographies_and_image_credit_are_verbatim_on_the_about_page(essay, page):
    about = page("about/index.html")
    bios = [words(p.get_text()) for p in about.select("p.biography")]
    assert bios == [words(b) for b in essay.biographies]
    assert words(about.select_one("p.image-credit").get_text()) == words("Image: Mehr News Agency")


def test_zarif_slip_stays_in_the_text_with_an_editorial_note(page):
    soup = page("irans-asymmetric-retaliation/index.html")
    paragraph = soup.select_one("#p12")
    assert "Jayad Zarif" in paragraph.get_text()
    ref = paragraph.select_one("sup[id^='fnref:ed-zarif'] a")
    note = soup.find(id=ref["href"][1:])
    assert "editorial-note" in note["class"]
    assert note.select_one(".editorial-label").get_text() == "Editor’s note:"
    assert "Mohammad Javad Zarif" in note.get_text()

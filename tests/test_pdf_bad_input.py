"""The PDF path refuses what it cannot print well, naming the page or the template's line, and prints what the
site accepts: hostile content stays text, odd but valid HTML is set right, and nothing outside is read."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest

from conftest import ROOT, copy_project, line_of, replace_in
from edition import formatted
from edition.model import load_inputs
from edition.outputs import epoch_problems
from edition.publish import pdf as pdf_module
from edition.publish.pdf import render_pdf

pytestmark = pytest.mark.pdf  # the cases lay out the PDF of a broken copy

ABOUT = "docs/about.md"
ABOUT_ADDED = len((ROOT / ABOUT).read_text(encoding="utf-8").splitlines()) + 2  # the line add_to_about writes
EDITORIAL_NOTES = "docs/editorial-notes.md"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the project whose PDF is kept in its cache: each case's copy holds it too, so a refusal must not
    depend on the cache being cold."""
    project = copy_project(tmp_path_factory.mktemp("pdf-bad-input") / "project")
    assert render_pdf(formatted(load_inputs(project)), project / "warm.pdf", cache=True) == []
    (project / "warm.pdf").unlink()
    return project


@pytest.fixture
def project(pristine, tmp_path) -> Path:
    return Path(shutil.copytree(pristine, tmp_path / "project", symlinks=True))


def add_to_about(project: Path, markdown: str) -> None:
    about = project / ABOUT
    about.write_text(about.read_text(encoding="utf-8") + "\n" + markdown + "\n", encoding="utf-8")


def SVG(path: Path) -> None:
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" '
                    'fill="red"/></svg>', encoding="utf-8")


LINE_ADDED = next(n for n, line in enumerate((Path(__file__).resolve().parents[1] / "print/book.typ")
                                             .read_text(encoding="utf-8").splitlines(), start=1) if line.startswith("#let serif"))


def in_template(project: Path, before: str, text: str) -> None:
    replace_in(project / pdf_module.TEMPLATE, before, text + before)


def printed(project: Path) -> tuple[list[str], Path]:
    target = project / "out.pdf"
    # The inputs unchecked: the PDF's own defences are what is tested (the input checks refuse some of these too).
    return [str(p) for p in render_pdf(formatted(load_inputs(project)), target, cache=True)], target


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


REFUSED = {
    "a link in print/ to a file outside the project": (
        lambda p: (os.symlink("/etc/passwd", p / "print/passwd.txt"),
                   in_template(p, "#let serif", '#let leak = read("passwd.txt")\n')),
        ["print/passwd.txt: is a link or not a regular file, not a file the PDF may read; "
         "make it a regular file of the project"]),
    "a hard link in print/ to a file outside the project": (  # sixteenth hostile round: it printed /etc/shadow
        lambda p: ((p.parent / "secret.txt").write_text("x\n", encoding="utf-8"),
                   os.link(p.parent / "secret.txt", p / "print/secret.txt")),
        ["print/secret.txt: is a hard link: its contents are also another file's, which may lie outside the project; "
         "copy the file itself into the project (cp, not ln)"]),
    "a FIFO in print/, the PDF kept from before": (
        lambda p: os.mkfifo(p / "print/pipe"),
        ["print/pipe: is a link or not a regular file, not a file the PDF may read; make it a regular file of the project"]),
    # Fourteenth hostile round, case 71: a file of 1 GB nothing used was copied for Typst at every run (sparse here).
    "a file in print/ bigger than any book needs": (
        lambda p: ((p / "print/big.bin").write_bytes(b""), os.truncate(p / "print/big.bin", 33 * 2**20)),
        ["print/big.bin: is 33 MB, more than the 32 MB any template, font or figure of the book needs; remove it from "
         "print/, or make it smaller"]),
    "files in print/ bigger together than any book needs": (  # fifteenth round, P3: each just under the limit
        lambda p: [((p / f"print/f{n}.bin").write_bytes(b""), os.truncate(p / f"print/f{n}.bin", 31 * 2**20)) for n in range(3)],
        ["print/: holds 93 MB, more than the 64 MB the book's template, fonts and figures need together; remove from "
         "print/ what the book does not use"]),
    # Named where it is written (tenth hostile round, case 102: a record's was named at every page that shows it).
    "a character no face has": (
        lambda p: add_to_about(p, "A character: 中."),
        [f"docs/about.md:{ABOUT_ADDED}: holds '中', which no face the PDF uses has (Noto Serif, Sans, Naskh Arabic): the "
         "PDF cannot set it; write it otherwise"]),
    "a character no face has, in a record's title": (
        lambda p: replace_in(p / "sources/ap-2020-01-03.yml", "airstrike at Baghdad", "airstrike \u4e2d at Baghdad"),
        [f"sources/ap-2020-01-03.yml:{line_of('sources/ap-2020-01-03.yml', 'airstrike at Baghdad')}: holds "
         "'中', which no face the PDF uses has (Noto Serif, Sans, Naskh Arabic): the PDF cannot set it; write it otherwise"]),
    "a damaged picture": (  # a PNG's first bytes and nothing of a picture after them (one without is refused as input)
        lambda p: ((p / "docs/assets/fake.png").write_bytes(b"\x89PNG\r\n\x1a\nnot a png"),
                   add_to_about(p, "![Fake](assets/fake.png)")),
        ["docs/about.md: shows assets/fake.png, which the PDF cannot show: failed to decode image (Format error decoding "
         "Png: ChunkType { type: a pn, critical: false, private: true, reserved: true, safecopy: true } chunk appeared "
         "before IHDR chunk); save it again as PNG, JPEG, GIF, WebP or SVG, whole"]),
    "a picture from outside the project": (
        lambda p: add_to_about(p, '<p><img src="/etc/passwd" alt="x"></p>'),
        ["docs/about.md: shows a picture from /etc/passwd: the PDF may show only files of the project; "
         "show a file of the project, by its path from the page (as the site does)"]),
    # A second reviewer's cases.
    "a picture whose address hides a slash as %2F": (
        lambda p: add_to_about(p, "![enc](%2Fetc%2Fpasswd)"),
        ["docs/about.md: shows a picture from %2Fetc%2Fpasswd: the PDF may show only files of the project; "
         "show a file of the project, by its path from the page (as the site does)"]),
    "a picture with no words for it": (
        lambda p: (SVG(p / "docs/assets/p.svg"), add_to_about(p, '<p><img src="assets/p.svg"></p>')),
        ["docs/about.md: shows assets/p.svg with no words for it (alt), which a tagged PDF needs; "
         "say in the alt text what the picture shows"]),
    "a folder as a picture": (
        lambda p: add_to_about(p, '<p><img src="assets" alt="x"></p>'),
        ["docs/about.md: shows assets, which is not a file of the project (a folder, a link or missing); "
         "show a picture file of the project"]),
    "lists nested six hundred deep": (
        lambda p: add_to_about(p, "<ul><li>" * 600 + "deep" + "</li></ul>" * 600),
        ["docs/about.md: nests lists, quotations or blocks more than 25 deep, which the PDF cannot set; "
         "nest them less deeply"]),
    "the template reading a file outside print/": (
        lambda p: in_template(p, "#let serif", '#let leak = read("../sources/essay/edition.yml")\n'),
        None),
    "two syntax errors in the template": (
        lambda p: (in_template(p, "#let serif", "#let a = )\n"),
                   (p / pdf_module.TEMPLATE).write_text((p / pdf_module.TEMPLATE).read_text(encoding="utf-8")
                                                        + "\n#let b = ]\n", encoding="utf-8")),
        None),  # checked below: each error with its own line
    "a package import, even a local one": (
        lambda p: in_template(p, "#let serif", '#import "@local/foo:0.1.0": *\n'),
        None),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_refused_with_the_page_or_line_and_nothing_written(project, case):
    change, expected = REFUSED[case]
    change(project)
    problems, target = printed(project)
    assert not target.exists() and not list(project.glob(".out.pdf.*"))
    if expected is not None:
        assert problems == expected
    elif case.startswith("the template reading"):
        assert problems == [f"print/book.typ:{LINE_ADDED}: Typst: file not found (searched at sources/essay/edition.yml); "
                            "the template may read only files in print/ and the pictures the pages show"]
    elif case.startswith("two syntax errors"):
        lines = {p.split(":")[1] for p in problems}
        assert len(problems) >= 2 and len(lines) == 2 and all(p.startswith("print/book.typ:") for p in problems), problems
    else:
        template = (project / pdf_module.TEMPLATE).read_text(encoding="utf-8").splitlines()
        line = next(n for n, text in enumerate(template, start=1) if "@local" in text)
        assert problems == [f"print/book.typ:{line}: imports the Typst package @local/foo:0.1.0; the build has no "
                            "packages and downloads none; copy what the book needs into print/"]


PRINTED = {
    "a title with a link (the running head and contents may hold none)": (
        lambda p: replace_in(p / ABOUT, "# About this edition", "# About [this](https://example.org/) edition"),
        ["About this edition"]),
    "line and paragraph separators in the text": (
        lambda p: add_to_about(p, "Line one\u2028line two\u2029and three."),
        ["Line one line two and three."]),
    "Typst's markup in the text": (
        lambda p: add_to_about(p, r"Text #panic() $x$ *b* _i_ <l> @r // c /* d */ \u{41} ] } -- ... ~ = 1. x"),
        [r"#panic() $x$ b i @r // c /* d */ \u{41} ] } -- ... ~ = 1. x"]),  # Markdown took *b*, _i_ and <l>
    "ids that a made label could copy": (
        lambda p: add_to_about(p, '<p id="odd id &quot;x&quot; é">A1</p>\n\n'
                                  '<p id="x-6f6464">B2 <a href="#x-6f6464">to B2</a> <a href="#odd id &quot;x&quot; é">to A1</a></p>'),
        ["A1", "B2 to B2 to A1"]),
    "a table with spans and a table in a cell": (
        lambda p: add_to_about(p, "<table><tr><td>OUTER1</td><td><table><tr><td>INNERX</td><td>INNERY</td></tr></table>"
                                  "</td></tr><tr><td colspan=\"2\">WIDE</td></tr><tr><td rowspan=\"2\">TALL</td><td>R1</td>"
                                  "</tr><tr><td>R2</td></tr></table>"),
        ["WIDE", "TALL", "R2"]),
    "a word of 800 letters (it may break anywhere)": (
        lambda p: add_to_about(p, "A " + "x" * 800 + " word."),
        ["x" * 40]),
    "a cell spanning '²' columns and 65534 rows": (
        lambda p: add_to_about(p, '<table><tr><td colspan="²">SUP</td><td rowspan="65534">HUGE</td></tr></table>'),
        ["SUP", "HUGE"]),
    "a picture's address with a fragment and a query": (
        lambda p: (SVG(p / "docs/assets/p.svg"), add_to_about(p, "![one](assets/p.svg#x) ![two](assets/p.svg?v=1)")),
        []),
    "a title with a note (the contents hold its words only)": (  # on another page than the title with a link
        lambda p: replace_in(p / EDITORIAL_NOTES, "# Editorial notes", "# Editorial notes[^warontherocks-2020-03]"),
        ["Editorial notes"]),
    "a right-to-left paragraph without a language": (
        lambda p: add_to_about(p, '<p dir="rtl">abc def</p>'),
        ["abc def"]),
}


@pytest.fixture(scope="module")
def printed_together(pristine, tmp_path_factory) -> SimpleNamespace:
    """One copy with every case of PRINTED in it, printed once and read once: its problems, its text, its pages,
    the characters that reach past the page's edge, and the contents page's text. Each case changes words of
    its own, so each is found as it would be alone; what holds for all of them together (no problem, nothing
    off the page, under 60 pages) holds for each. Reading every character of the book is most of a case's time."""
    project = Path(shutil.copytree(pristine, tmp_path_factory.mktemp("printed") / "project", symlinks=True))
    for change, _ in PRINTED.values():
        change(project)
    problems, target = printed(project)
    if problems:
        return SimpleNamespace(problems=problems)
    with pdfplumber.open(target) as pdf:
        width = pdf.pages[0].width
        return SimpleNamespace(problems=problems, text=" ".join(text_of(target).split()), pages=len(pdf.pages),
                               beyond=[c["text"] for page in pdf.pages for c in page.chars if c["x1"] >= width],
                               contents=pdf.pages[1].extract_text())


@pytest.mark.parametrize("case", PRINTED, ids=list(PRINTED))
def test_printed_as_text(printed_together, case):
    _, words = PRINTED[case]
    assert printed_together.problems == []
    text = printed_together.text
    for word in words:
        assert word in text
    if case.startswith("a table"):
        assert text.count("INNERX") == 1, "the inner table's row once, in its cell"
    assert printed_together.pages < 60, "no page run on for an endless cell"
    assert not printed_together.beyond, "something runs off the page"
    if case.startswith("a title with a note"):
        assert "Fantappie" not in printed_together.contents, "the title's note printed under the contents"


def test_a_folder_an_unwritable_place_or_an_input_as_output_is_named(project, tmp_path, capsys):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    template = project / pdf_module.TEMPLATE
    kept = template.read_bytes()
    (project / "site").mkdir(exist_ok=True)
    (project / "site/index.html").write_text("<!DOCTYPE html>\n<p>The home page.</p>\n", encoding="utf-8")
    for output, what in [(tmp_path / "folder", "is a folder or another kind of file, not a PDF to replace"),
                         (tmp_path / "file" / "x.pdf", f"cannot be written: {tmp_path / 'file'} is not a folder you can write to"),
                         (template, "is a file or folder of the project, which the PDF may not replace or add"),
                         (project / "docs/new.pdf", "is a file or folder of the project, which the PDF may not replace or add"),
                         # Nineteenth hostile round, case 1: a new file the build refuses on sight broke every later build.
                         (project / "zensical.toml", "is a file or folder of the project, which the PDF may not replace or add"),
                         # Eighteenth hostile round, case 6: the built home page was replaced by the PDF.
                         (project / "site/index.html", "is a file that is not a PDF, which the PDF may not replace")]:
        assert pdf_module.main(["--root", str(project), "--output", str(output)]) == 1
        assert f"error: {output}: {what}" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder", "project"], "no half-written file left"
    assert template.read_bytes() == kept and not (project / "docs/new.pdf").exists() and not (project / "zensical.toml").exists()
    assert (project / "site/index.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_site_folder_that_is_a_link_gets_no_pdf_through_it(project, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(project / "site", ignore_errors=True)
    (project / "site").symlink_to(outside)
    assert pdf_module.main(["--root", str(project)]) == 1
    assert (f"error: site: is a link to {outside}; the build writes only into a folder of its own; remove the link: "
            "the build makes the folder") in capsys.readouterr().err
    assert list(outside.iterdir()) == [], "nothing written outside the project"


@pytest.mark.parametrize(("date", "epoch"), [("1975-01-01", 157766400), ("2098-05-05", 4050086400)],
                         ids=["before 1980", "in 2098, after today (fifteenth hostile round, S13)"])
def test_a_commit_dated_before_1980_or_after_today_is_named_before_anything_is_built(tmp_path, monkeypatch, date, epoch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = os.environ | {"GIT_COMMITTER_DATE": f"{date}T00:00:00Z", "GIT_AUTHOR_DATE": f"{date}T00:00:00Z"}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q",
                    "--allow-empty", "-m", "old"], check=True, env=env)
    assert [str(p) for p in epoch_problems(tmp_path)] == [
        f"git log -1: dates the last commit {epoch}, not a time the build can date its files by; commit again with a "
        "date from 1980 to today, or set SOURCE_DATE_EPOCH to one"]

"""The built site's links all land, and nothing is fetched from another host."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from edition.model.rawhtml import link_written
from edition.publish.sitecheck import check_site


def test_sitecheck_finds_a_missing_page_a_missing_anchor_and_an_offsite_script(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="p1">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#p1">ok</a><a href="a/#p9">bad anchor</a><a href="b/">no page</a>'
        '<script src="https://cdn.example.com/x.js"></script><a href="https://example.com/">fine</a>',
        encoding="utf-8")
    found = [str(p) for p in check_site(tmp_path)]
    assert found == [
        "site/index.html: <script> loads 'https://cdn.example.com/x.js' from another host; serve the file from the site itself",
        "site/index.html: link to 'a/#p9' names a missing anchor '#p9'; fix the anchor, or restore the heading or paragraph it pointed to",
        "site/index.html: link to 'b/' leads to no page of the site; fix the link where it is written (the page, or a template "
        "of overrides/), or the page it names",
    ]


def test_no_page_loads_web_fonts_or_analytics(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "googletagmanager" not in html, path


def test_every_link_to_another_site_sends_no_referrer_and_no_opener(site):
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[href^='http']"):
            assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (html.name, link["href"])


@pytest.mark.parametrize("markdown, line", [
    ("[permanent link](\nabout.md#nope) is it.", 3),
    ("A [permanent link](   about.md#nope   ) here.", 3),
    ("[permanent link][pl]\n\n[pl]:    about.md#nope", 5),
    ("[permanent link][pl]\n\n[pl]:\tabout.md#nope", 5),
    ("[permanent link][pl]\n\n[pl]:\n    about.md#nope", 5),
    ("- an item [a](\n  about.md#nope)", 3),
    ("> [pl]: about.md#nope", 3),
    ('[a](<about.md#nope> "title")', 3),
], ids=["address on the next line", "spaces inside the brackets", "spaces after a definition's colon",
        "a tab after a definition's colon", "a definition's address on the next line", "in a list item", "in a quote",
        "in angle brackets with a title"])
def test_a_link_mkdocs_names_is_placed_where_it_is_written_not_at_an_example(markdown, line):
    """Forty-first hostile round, T1 to T3: MkDocs' warning about a link to a missing anchor was named at a code span
    showing the same address, above the link written with odd spacing."""
    lines = ["Never write `about.md#nope`.", "", *markdown.split("\n")]
    assert link_written(lines, "about.md#nope") == line


def test_a_link_written_again_is_found_as_itself_not_as_a_longer_address_or_escaped_text():
    """Forty-second hostile round, T1 and T2: after the first, a line holding only a good link to `#citing` was named for
    one to `#cit`, and `\\[x\\](#cit)`, which Markdown shows as text."""
    lines = ["Use [b](#cit) and later [a](#citing).", "", "Then [c](#citing) and \\[x\\](#cit).", "", "[r]: #citing",
             "", "Again [d](#cit)."]
    assert link_written(lines, "#cit") == 1
    assert link_written(lines, "#cit", after=1, strict=True) == 7


def test_a_load_from_the_site_is_checked_as_a_browser_and_a_server_read_it(tmp_path):
    """Forty-second hostile round, T10: an image from a file the site does not have was published; forty-third, T5
    minor, T10 and T11: `..` past the root stays at the root, a file's name with a slash after it is no file, and a
    NUL stopped the build with a ValueError's traceback."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.png").write_bytes(b"\x89PNG")
    (tmp_path / "a" / "index.html").write_text(
        '<img src="p.png"><img src="../../../a/p.png"><img src="p.png/"><img src="p.png%00"><img src="nope.png">'
        '<img src="data:image/png;base64,AA=="><a href="p.png%00">x</a>', encoding="utf-8")
    found = [str(p) for p in check_site(tmp_path)]
    assert [line.split(",")[0] for line in found] == [
        "site/a/index.html: <img> loads 'p.png/'", "site/a/index.html: <img> loads 'p.png%00'",
        "site/a/index.html: <img> loads 'nope.png'", "site/a/index.html: link to 'p.png%00' leads to no page of the site; fix "
        "the link where it is written (the page"], found


def test_every_way_a_page_loads_a_file_is_checked(tmp_path):
    """Forty-third hostile round, T3: a poster, an image input, an SVG image, a srcset, a table's background and a
    stylesheet linked with rel in capitals were published from missing files."""
    (tmp_path / "p.png").write_bytes(b"\x89PNG")
    (tmp_path / "index.html").write_text(
        '<link rel="STYLESHEET" href="s.css"><video poster="v.png"></video><input type="image" src="i.png">'
        '<svg><image href="g.png"/><use href="u.svg#a"/><use href="#local"/></svg><img src="p.png" srcset="p.png 1x, x2.png 2x">'
        '<table background="t.png"></table>', encoding="utf-8")
    assert [str(p).split("'")[1] for p in check_site(tmp_path)] == ["s.css", "v.png", "i.png", "g.png", "u.svg", "x2.png",
                                                                     "t.png"]

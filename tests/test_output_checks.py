"""The checks of the built output: what would run without being the edition's own, and the essay's words as published."""

from __future__ import annotations

import copy

import pytest
from bs4 import BeautifulSoup

from edition.build.csp import digest, script_problems
from edition.build.fidelity import check_fidelity

KNOWN = frozenset({digest("__md_scope=1")})


def problems_in(html: str) -> list[str]:
    return [p.what for p in script_problems("site/x.html", BeautifulSoup(html, "html.parser"), KNOWN)]


@pytest.mark.parametrize("html, expected", [
    ("<script>__md_scope=1</script>", []),
    ('<script type="application/json">{"a": 1}</script><script type="application/ld+json">{}</script>', []),
    ('<script src="assets/x.js"></script>', []),
    ('<img src="data:image/png;base64,AAAA" alt="">', []),
    ("<script>alert(1)</script>", ["an inline script the edition's templates do not write: 'alert(1)'"]),
    ('<script type="module">alert(1)</script>', ["an inline script the edition's templates do not write: 'alert(1)'"]),
    ("<script>__md_scope=2</script>", ["an inline script the edition's templates do not write: '__md_scope=2'"]),
    ('<img src="x.png" onerror="alert(1)">', ["event handler onerror= on <img>"]),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', ["a javascript: address in href= on <a>"]),
    ('<a href="data:text/html,x">x</a>', ["a data: address in href= on <a>"]),
    ('<form><button formaction="javascript:alert(1)">x</button></form>', ["a javascript: address in formaction= on <button>"]),
    ('<head><meta http-equiv="set-cookie" content="a=b"></head>', ['<meta http-equiv="set-cookie" content="a=b">']),
    ('<head><meta http-equiv="refresh" content="0; url=../"></head>', []),
    ('<head><meta http-equiv="refresh" content="0;url=https://evil.example/"></head>',
     ['<meta http-equiv="refresh" content="0;url=https://evil.example/">']),
    ('<body><p><meta http-equiv="refresh" content="0; url=../"></p></body>', ['<meta http-equiv="refresh" content="0; url=../">']),
    ('<head><meta http-equiv="Refresh" content="0; URL=\'//evil.example/\'"></head>',
     ['<meta http-equiv="Refresh" content="0; URL=\'//evil.example/\'">']),
    ("<p><!-->x--></p>", ["an HTML comment that browsers would end early (it starts with > or ->, or holds <!-- or --!>)"]),
    ("<p><!-- a plain comment --></p>", []),
    ('<article><script src="../assets/x.js"></script></article>', ["a script in the page's text: '../assets/x.js'"]),
    ('<body><script src="assets/javascripts/bundle.js"></script></body>', []),
], ids=lambda value: value if isinstance(value, str) else None)
def test_script_problems(html, expected):
    assert problems_in(html) == expected


@pytest.fixture
def built(site, page, edition):
    def check(soup_of_section):
        parsed = {(site / path).resolve(): page(path) for path in ("index.html",)}
        parsed[(site / "a-slow-burning-conflict/index.html").resolve()] = soup_of_section
        return check_fidelity(site, edition, parsed)
    return check


def test_the_published_essay_holds_the_records_words(built, page):
    assert built(page("a-slow-burning-conflict/index.html")) == []


def test_a_word_the_record_lacks_is_found_in_the_published_page(built, page):
    soup = copy.copy(page("a-slow-burning-conflict/index.html"))
    paragraph = soup.select_one("#p7")
    paragraph.append(soup.new_string(" Not in the original."))
    found = built(soup)
    assert len(found) == 1 and found[0].path == "site/a-slow-burning-conflict/index.html"
    assert "“Not in the original.” shown" in found[0].what


def test_a_word_hidden_from_the_reader_is_found(built, page):
    soup = copy.copy(page("a-slow-burning-conflict/index.html"))
    soup.select_one("#p7").decompose()
    found = built(soup)
    assert len(found) == 1 and "expected" in found[0].what

"""The checks of the built output: what would run without being the edition's own, and the essay's words as published."""

from __future__ import annotations

import pytest

from edition.publish.csp import digest, script_problems
from edition.publish.fidelity import check_fidelity
from edition.publish.postprocess import UnreadablePage, depth, parse, parse_html, serialize

KNOWN = frozenset({digest("__md_scope=1")})
NO_JSON = ("a data block (<script type=\"application/json\"> or \"application/ld+json\") that is no JSON, which readers of "
           "the page's metadata read as they please")


def problems_in(html: str) -> list[str]:
    return [p.what for p in script_problems("site/x.html", parse_html(html), KNOWN)]


@pytest.mark.parametrize("html, expected", [
    ("<script>__md_scope=1</script>", []),
    ('<script type="application/json">{"a": 1}</script><script type="application/ld+json">{}</script>', []),
    ('<script type="application/json">{"a": NaN}</script>', [NO_JSON]),
    # Fortieth hostile round, minor: JSON-LD's words doubling a stop; a settings block's relative path is no words.
    ('<script type="application/ld+json">{"name": "Word..", "url": "../x/"}</script><script type="application/json">'
     '{"base": ".."}</script>', ["a data block's words double their punctuation: '..' in 'Word..'"]),
    ('<script type="application/ld+json">{"a": {"b": 1, "b": 2}}</script>',
     ["a data block that gives the key 'b' twice in one object, which readers of the page's metadata take differently "
      "(the first or the last)"]),
    ('<script src="assets/x.js"></script>', []),
    ('<img src="data:image/png;base64,AAAA" alt="">', []),
    ("<script>alert(1)</script>", ["an inline script the edition's templates do not write: 'alert(1)'"]),
    ('<script type="module">alert(1)</script>', ["an inline script the edition's templates do not write: 'alert(1)'"]),
    ("<script>__md_scope=2</script>", ["an inline script the edition's templates do not write: '__md_scope=2'"]),
    ('<script type="text/plain">Iraq</script>', ["a <script type='text/plain'>, neither a script the policy lets run nor a "
                                                 "data block (JSON, JSON-LD): 'Iraq'"]),
    ('<script language="vbscript">Echo</script>', ["a <script type='text/vbscript'>, neither a script the policy lets run "
                                                   "nor a data block (JSON, JSON-LD): 'Echo'"]),
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
    # The page is read as a browser reads it (libxml2 2.14 follows HTML's comment rules): a comment that
    # ends early hides nothing from the check, which sees what follows it as the browser does.
    ("<p><!--><script>alert(1)</script>--></p>", ["an inline script the edition's templates do not write: 'alert(1)'"]),
    ("<p><!-- a --!><img src=x onerror=alert(1)> --></p>", ["event handler onerror= on <img>"]),
    ("<p><!-- a <!-- b --></p>", ["an HTML comment that browsers would end early (it starts with > or ->, or holds <!-- or --!>)"]),
    ("<p><!-- a plain comment --></p>", []),
    ('<article><script src="../assets/x.js"></script></article>', ["a script in the page's text: '../assets/x.js'"]),
    ('<body><script src="assets/javascripts/bundle.js"></script></body>', []),
], ids=lambda value: value if isinstance(value, str) else None)
def test_script_problems(html, expected):
    assert problems_in(html) == expected


def test_a_data_block_is_json_however_long_its_numbers():
    """Python's int stops at 4,300 digits, JSON at none: valid JSON was called no JSON (thirty-ninth hostile round)."""
    assert problems_in(f'<script type="application/json">{{"a": {"1" * 5000}, "b": -{"9" * 5000}.5e-9999}}</script>') == []


@pytest.mark.parametrize("html, expected", [
    # libxml2 puts what follows a <wbr> or <source> inside it: written after it, where a browser has it.
    ("<p>example.org/<wbr>records/<wbr>march, read whole.</p>", "<p>example.org/<wbr/>records/<wbr/>march, read whole.</p>"),
    ("<video><source src=a.mp4>after</video>", '<video><source src="a.mp4"/>after</video>'),
    # Indentation between elements becomes one line break; a no-break space is text, and is kept.
    ("<div>\n    <p>a</p>\n    </div>", "<div>\n<p>a</p>\n</div>"),
    ("<p><em>one</em>\u00a0\n<em>two</em></p>", "<p><em>one</em>\u00a0\n<em>two</em></p>"),
    ("<pre>  a\n    b\n</pre>", "<pre>  a\n    b\n</pre>"),
    # Every attribute with its value, sorted, escaped; void elements closed (JSDOMParser reads nothing else).
    ('<p title=\'say "hi" & <go>\' hidden id=x>t &amp; &lt;u&gt;</p>',
     '<p hidden="" id="x" title="say &quot;hi&quot; &amp; &lt;go&gt;">t &amp; &lt;u&gt;</p>'),
    ("<p>a<br>b<input checked></p>", '<p>a<br/>b<input checked="checked"/></p>'),
    ("<script>if (a < b && c) x = '</p>'</script>", "<script>if (a < b && c) x = '</p>'</script>"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_pages_are_written_back_as_read(html, expected):
    written = serialize(parse_html(f"<!doctype html><html><head></head><body>{html}</body></html>"))
    assert written == f"<!DOCTYPE html>\n<html><head></head><body>{expected}</body></html>\n"


def test_an_xml_declaration_is_a_comment_to_the_reader_and_the_script_after_it_is_found():
    page = parse_html('<?xml version="1.0" encoding="utf-8"?><html><head><script>alert(1)</script></head></html>')
    assert problems_in(serialize(page)) == ["an inline script the edition's templates do not write: 'alert(1)'"]


@pytest.mark.parametrize("html", ["", "   ", "<!-- nothing but a comment -->"])
def test_a_page_with_no_html_is_unreadable_not_an_empty_page_passed_unchecked(html):
    with pytest.raises(UnreadablePage):
        parse_html(html)


def test_a_page_nested_past_libxml2s_limit_is_read_whole_and_measured():
    page = parse_html("<body>" + "<blockquote>" * 300 + "deep" + "</blockquote>" * 300 + "<p>after</p></body>")
    assert depth(page) == 302 and "after" in page.text_content()


@pytest.fixture
def built(site, edition):
    """The fidelity check of the built site, with the first essay section's page as given."""
    def check(section_page):
        parsed = {(site / "index.html").resolve(): parse(site / "index.html"),
                  (site / "a-slow-burning-conflict/index.html").resolve(): section_page}
        return check_fidelity(site, edition, parsed)
    return check


def section(site):
    return parse(site / "a-slow-burning-conflict/index.html")


def test_the_published_essay_holds_the_records_words(built, site):
    assert built(section(site)) == []


def test_a_word_the_record_lacks_is_found_in_the_published_page(built, site):
    page = section(site)
    paragraph = page.get_element_by_id("p7")
    paragraph[-1].tail = (paragraph[-1].tail or "") + " Not in the original."
    found = built(page)
    assert len(found) == 1 and found[0].path == "site/a-slow-burning-conflict/index.html"
    assert "“Not in the original.” shown" in found[0].what


def test_a_word_hidden_from_the_reader_is_found(built, site):
    page = section(site)
    page.get_element_by_id("p7").drop_tree()
    found = built(page)
    assert len(found) == 1 and "expected" in found[0].what


def test_a_glossary_mark_inside_a_word_keeps_the_word_whole(built, site):
    page = section(site)
    mark = next(e for e in page.iter("abbr") if "term" in (e.get("class") or "").split())
    # "Soleiman</abbr>i" is the same word to a reader, not two.
    mark.text, mark.tail = mark.text[:-1], mark.text[-1] + (mark.tail or "")
    assert built(page) == []

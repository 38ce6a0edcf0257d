"""What HTML a docs/ page may hold: a short allow-list of harmless elements, nothing that runs or fetches.

Python-Markdown passes raw HTML through as it is (it has had no safe mode since 3.0), and so do
MkDocs and Zensical. The build therefore reads each page's own HTML, and its link and image
addresses, before anything is rendered, and names what the policy refuses by line:

- elements outside ALLOWED (script, style, iframe, object, form, meta, base, svg…);
- attributes outside ATTRIBUTES (every `on…` handler, `style`, `srcset`, `poster`, `formaction`…);
- a `javascript:`, `vbscript:` or `data:` address anywhere, and a `src` that is not on the site;
- in the essay's own pages, any HTML or comment at all: the essay's text is plain words, and
  markup or a comment there could show or hide text that the source of record does not have.

The parser is the standard library's HTMLParser: it tokenizes as a browser does (entities decoded,
`<ScRiPt>` folded), which a pattern over the text would not. Code (fenced, indented, in backticks)
and autolinks are blanked first, since Markdown shows them as text.

It stays where the rest of the build reads HTML with lxml (htmltree): this check reads what the
author typed, tag by tag, and libxml2 builds a tree instead, which gives a tag's line as that of
its `>`, cannot tell an end tag typed from one implied (a <div> never closed goes unseen), and has
no place for a doctype, a processing instruction (read as a comment), a repeated attribute or a
second `<body onload=…>`, which it drops where a browser adds the handler to the page's <body>.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import markdown

from ..problems import Problem, shown
from .addresses import OWN_ID
from .docs import CODE_SPAN, ZERO_WIDTH, Page, attribute_list_ids, code_lines, fences, lines_of, own_id_taken
from .files import REORDERING, REORDERING_FIX, defused, unescape
from .memo import Memo, checked
from .web_addresses import MAIL_FIX, SAME_SITE, address_problem, host_problem, mail_problem

ALLOWED = frozenset({
    "a", "abbr", "b", "bdi", "blockquote", "br", "cite", "code", "dd", "del", "details", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "q",
    "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var", "wbr",
})
ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "href", "src", "alt", "width", "height", "colspan",
                        "rowspan", "scope", "open", "datetime", "cite", "start", "reversed"})
# <bdo> is left out: it overrides the direction of the words inside, as U+202E does (files.REORDERING), so
# "gnp.exe" reads "exe.png"; <bdi> and dir= set a direction without reversing anything.
# What Markdown itself writes (headings, code blocks), allowed in a page's rendering but not typed as HTML.
MARKDOWN_ELEMENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "pre"})
URL_ATTRIBUTES = ("href", "src", "cite")
# Elements that hold the rest of a page when their end tag is missing (a <p> or <li> ends by itself).
CONTAINERS = frozenset({"a", "abbr", "blockquote", "details", "div", "dl", "figure", "ol", "span", "table", "ul"})
REFUSED_SCHEMES = ("javascript", "vbscript", "data", "file")
MAX_NESTING = 100  # elements inside elements: no page needs a tenth of it; the checks of built pages recurse once each
# Blocks one inside another as the PDF sets them (publish/typeset.py): Typst's layout stops at about 50 lists.
NESTING_TAGS = frozenset({"ul", "ol", "dl", "blockquote", "div", "section", "details", "table", "figure", "article", "aside"})
NESTING = 25
TOO_DEEP = (f"HTML elements nested more than {MAX_NESTING} deep: the build's checks of the page could not read it "
            "(Python's recursion limit)", "flatten the structure: a few levels are enough")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Material's own ids in every page (__search, __drawer, __toc, __palette_0…) start so; a page's may not.
MATERIAL_ID_PREFIX = "__"

AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
# [text](address "title"), ![alt](address) and [label]: address, as Markdown writes links and images.
INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def scheme(url: str) -> str:
    """The scheme a browser would see: entities already decoded; spaces, tabs and controls removed. Read as URL
    parsers read it, from the start alone: urlsplit also checks a bracketed host, and raises for http://[zz]/."""
    return found[1].lower() if (found := SCHEME.match(_CONTROL.sub("", url))) else ""


# What a link may lead to: a page of the web, or a mail. Any other scheme hands the address to another program of the
# reader's (a file share, a remote shell, an office suite: smb://, ssh://, ms-word:…), which no check of the edition
# reads, and to which a host on the reader's own network is as near as the public web (thirty-second hostile round, T1).
LINK_SCHEMES = ("http", "https", "mailto")
HANDED_ELSEWHERE_FIX = "link to an https:// or a mailto: address, or to a page of the site"


def handed_elsewhere(url: str) -> str | None:
    """The scheme of a link that leaves the browser for another program (LINK_SCHEMES), or None; a script's or a
    document's own (REFUSED_SCHEMES) is named as such elsewhere."""
    found = scheme(url)
    return found if found and found not in LINK_SCHEMES and found not in REFUSED_SCHEMES else None


def handed_elsewhere_problem(value: str, found: str) -> str:
    return f"a link to {value[:60]!r} with the scheme {found}:, which a browser hands to another program of the reader's"


MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation, which Markdown drops
SCHEME_RELATIVE = ("//", "\\\\", "/\\", "\\/")  # //host/…, and the forms with backslashes browsers read alike


def followed(url: str) -> str:
    """The address a browser follows a link to: a scheme-relative one (//host/…, or /\\host/…, which browsers read
    alike) on an https page is https."""
    cleaned = _CONTROL.sub("", url)
    return f"https://{cleaned[2:]}" if cleaned.startswith(SCHEME_RELATIVE) else url


def where_linked(value: str) -> tuple[str, ...]:
    """What to look for in a page's text to find the line of a link to value, most particular first: its Markdown and
    HTML forms (link_forms), then the address alone, then its host. A code span or block showing the same address as
    text comes before the link itself in a page (twenty-third hostile round, T4)."""
    # The host after the scheme and whatever slashes or backslashes browsers skip (http:\\host: twenty-fourth round, T2).
    after = value[found.end():] if (found := SCHEME.match(value)) else value
    return (*link_forms(value), value, re.split(r"[/\\?#]", after.lstrip("/\\"), maxsplit=1)[0])


def link_forms(address: str) -> tuple[str, ...]:
    """The ways a page writes a link to address, as Markdown or as HTML, most particular first."""
    # Closed first: a link to mailto:a@localhost was named at an earlier good one to mailto:a@localhostmail.com, whose
    # open form holds it (twenty-eighth hostile round, T4). A line is read with a line break after it (line_written).
    closed = (f"]({address})", f"]({address} ", f'href="{address}"', f"href='{address}'", f"]: {address}\n", f"]: {address} ",
              f"href={address}>", f"href={address} ")
    return (*closed, f"]({address}", f"<{address}>", f'href="{address}', f"href='{address}", f"]: {address}", f"href={address}")


COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# How a page's line is read when looking for a link in it: as typed (first: MAILTO:a@localhost was named at an earlier
# mailto:a@loc&#97;lhost, twenty-eighth hostile round, T4), with its entities decoded (https&colon;// is https:// to the
# browser), with Markdown's escapes dropped (\\_ is _: twenty-fourth round, T4); then each in any case (a scheme's, a host's).
_UNESCAPED = (str, unescape, lambda text: MARKDOWN_ESCAPE.sub(r"\1", text))
_READINGS = (*_UNESCAPED, *(lambda text, read=read: read(text).lower() for read in _UNESCAPED))
CONTINUED = re.compile(r"^[ >]*")  # what a quote's or a list item's next line starts with that Markdown takes away
TAB_LENGTH = 4  # Python-Markdown's, which MkDocs keeps: the rendered page has each tab so expanded


def line_written(lines: list[str], names: tuple[str, ...], after: int = 0) -> int:
    """The line (1-based) of a page's lines where it writes what names find (where_linked, link_forms), most particular
    first, or 0. Markdown's own text first, code and comments left out: a code span, a block or an HTML comment may show
    the same address as an example (twenty-third hostile round, T4; twenty-ninth, T3); then the whole page.
    Each name in every reading of _READINGS. A name holding a line break (an address typed over lines, which browsers
    read without it) is found where it opens (thirty-third round, T1; thirty-fourth, T3 and T6), and a tab as Markdown
    expands it (thirty-fourth round, T2). after: a line before which nothing is looked for."""
    expanded, prose = _prose(lines)
    return next((n for text in (prose, expanded) for name in names if name for read in _READINGS
                 for n in range(after + 1, len(text) + 1) if _opens_at(text, n, read(name), read)), 0)


def _prose(lines: list[str]) -> tuple[list[str], list[str]]:
    """A page's lines with tabs expanded as Markdown does, and those lines with code and comments left out."""
    expanded = [line.expandtabs(TAB_LENGTH) for line in lines]
    code = code_lines(expanded)
    prose = "\n".join("" if index in code else CODE_SPAN.sub("", text) for index, text in enumerate(expanded))
    # Found once code is left out, where <!-- is shown, not written (thirtieth round, T1).
    return expanded, COMMENT.sub(lambda found: "\n" * found[0].count("\n"), prose).split("\n")


def link_written(lines: list[str], address: str, after: int = 0, strict: bool = False) -> int:
    """The line (1-based) where a page's Markdown writes a link or a reference definition to address however it is
    spaced, code and comments left out: `](  a  )`, `](` and the address on the next line, `[r]:`, a tab or a line
    break, then the address (forty-first hostile round, T1 to T3: named at a code span showing it); else where
    line_written finds one of its link_forms, or 0. after: a line before which nothing is looked for; strict: the
    pattern alone, whose address ends where the link's does (link_forms' open forms take `#citing` for `#cit`, and a
    later line holding only a good link was named: forty-second round, T1). An escaped bracket is no link's (T2)."""
    prose = _prose(lines)[1]
    text = "\n".join(prose)
    written = re.compile(rf"(?<!\\)\]\([ \t]*\n?[ >\t]*<?{re.escape(address)}>?(?=[\s)])"
                         rf"|^[ >\t]*\[[^\]\n]+\]:[ \t]*\n?[ >\t]*<?{re.escape(address)}>?(?=\s|$)", re.MULTILINE)
    found = written.search(text, sum(len(line) + 1 for line in prose[:after]))
    return (text.count("\n", 0, found.start()) + 1 if found else 0 if strict
            else line_written(lines, link_forms(address), after))


def _opens_at(lines: list[str], n: int, name: str, read) -> bool:
    """Whether name (as read) is written from line n (1-based) on, each line read with its line break after it; the
    lines after the first also as Markdown passes them on inside a quote or a list, without their > and indent."""
    first = read(f"{lines[n - 1]}\n")
    if "\n" not in name:
        return name in first
    after = lines[n:n + name.count("\n")]
    return any(0 <= read("".join(f"{line}\n" for line in [lines[n - 1], *rest])).find(name) < len(first)
               for rest in (after, [CONTINUED.sub("", line) for line in after]))


def off_site(url: str) -> bool:
    cleaned = _CONTROL.sub("", url)
    return bool(scheme(cleaned)) or cleaned.startswith(SCHEME_RELATIVE)


def remote(url: str) -> bool:
    """An address the browser would fetch from another host: a web scheme, or a path that starts
    like one without it (//host, and the /\\host and \\\\host browsers read the same way)."""
    return scheme(url) in ("http", "https", "ftp", "ws", "wss") or (off_site(url) and not scheme(url))


def css_tokens(tokens):
    """Every token of a piece of CSS parsed by tinycss2, at any depth (rules, at-rules, functions, declarations). A
    token's value has CSS escapes decoded; its source_line says where it is written."""
    for token in tokens:
        yield token
        for part in ("prelude", "content", "arguments", "value"):
            if isinstance(getattr(token, part, None), list):
                yield from css_tokens(getattr(token, part))


def css_url_tokens(tokens):
    """Every token of a piece of CSS that holds an address it may fetch: each url() and each quoted string, since
    @import "…" and image-set("…") fetch a plain string."""
    return (token for token in css_tokens(tokens) if token.type in ("url", "string"))


def css_urls(tokens):
    """Every address a piece of CSS parsed by tinycss2 may fetch (see css_url_tokens)."""
    return (token.value for token in css_url_tokens(tokens))


# A link's address in angle brackets, as Markdown reads one: `](<a b.md>` or a definition's `[r]: <c.md>`.
ANGLED = re.compile(r"(?<=\]\()[ \t]*<[^<>\n]*>|(?<=\]:)[ \t]*<[^<>\n]*>")


def _blank(text: str) -> list[str]:
    """The page's lines with code, autolinks and a link's address in angle brackets blanked (same lengths), as Markdown
    would not read them as HTML: `[x](<about.md>)` was refused as an element <about.md> (forty-first hostile round)."""
    lines = lines_of(text)
    code = code_lines(lines)
    def blanked(found: re.Match) -> str:
        return " " * len(found[0])
    return ["" if n in code else ANGLED.sub(blanked, AUTOLINK.sub(blanked, CODE_SPAN.sub(blanked, line)))
            for n, line in enumerate(lines)]


def comment_problem(text: str) -> str | None:
    """What makes a comment one that browsers end elsewhere than this parser does (HTML's rules for comment text)."""
    if text.startswith((">", "->")) or "--!>" in text or "<!--" in text or text.endswith("<!-"):
        return "an HTML comment that browsers would end early (it starts with > or ->, or holds <!-- or --!>)"
    return None


class _Reader(HTMLParser):
    """Collect every element, attribute, comment and declaration of a page's HTML, with its line.

    rendered: what is read is the page as Markdown renders it (attr_list's attributes, raw HTML
    wherever Markdown let it through), whose lines are not the page's: each problem is placed at
    the first line of the page that names the element or attribute.
    """

    def __init__(self, page: Page, essay: bool, rendered: bool = False):
        super().__init__(convert_charrefs=True)
        self.page, self.essay, self.rendered, self.problems = page, essay, rendered, []
        self.open: list[tuple[str, int]] = []  # containers typed and not yet closed, with their lines
        self.depth = self.deepest = 0  # blocks one inside another, as rendered
        self.elements = self.deepest_elements = 0  # and elements of any kind (<em> in <em>…: the PDF's reader recurses)
        self.headings = 0  # headings open, as rendered
        self.ids: set[str] = set()  # as rendered: heading ids, attribute lists' and HTML's
        self.named_twice: set[str] = set()  # ids attribute lists give twice, which docs.id_problems names at their lines
        self.placed: dict[tuple, int] = {}  # the line each problem was last placed at, rendered

    def feed(self, data: str) -> None:
        super().feed(defused(data))  # HTMLParser decodes references with html.unescape, which a long one stops

    def handle_endtag(self, tag: str) -> None:
        self.headings -= tag in HEADINGS and self.headings > 0
        self.depth -= tag in NESTING_TAGS
        self.elements -= tag not in VOID
        if tag in CONTAINERS and any(name == tag for name, _ in self.open):
            while self.open and self.open.pop()[0] != tag:
                pass

    def close(self) -> None:
        super().close()
        if not self.rendered:
            for tag, line in self.open:
                self.problems.append(Problem(self.page.name, line, f"<{tag}> is opened here and never closed: "
                                             "the rest of the page would fall inside it", f"add </{tag}> where it should end"))

    def _problem(self, what: str, fix: str, *names: str) -> None:
        # The names most particular first, each through the whole page: a bad link was named at an earlier good link
        # to the same host (twenty-second hostile round, T3).
        # The same problem again (a bad link on two lines) after the line it was last named at, else there: named once,
        # the second was found only once the first was fixed (twenty-ninth hostile round, M1).
        if self.rendered:
            earlier = self.placed.get((what, names), 0)
            line = self.placed[(what, names)] = line_written(self.page.lines, names, after=earlier) or earlier
        else:
            line = self.getpos()[0]
        self.problems.append(Problem(self.page.name, line, what, fix))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.headings += tag in HEADINGS
        self.depth += tag in NESTING_TAGS
        self.deepest = max(self.deepest, self.depth)
        self.elements += tag not in VOID
        self.deepest_elements = max(self.deepest_elements, self.elements)
        if self.essay and not self.rendered:
            self._problem(f"HTML <{tag}> in the essay's text",
                          "write the essay's words as plain Markdown; the edition adds its own markup")
            return
        if tag in CONTAINERS and not self.rendered:
            self.open.append((tag, self.getpos()[0]))
            if len(self.open) == MAX_NESTING + 1:  # named once, where the depth is passed
                self._problem(*TOO_DEEP)
        if tag not in ALLOWED and not (self.rendered and tag in MARKDOWN_ELEMENTS):
            self._problem(f"HTML element <{tag}> is not allowed in a page",
                          f"use Markdown, or one of: {', '.join(sorted(ALLOWED))}", f"<{tag}")
            return
        for name, given in attrs:
            value = given or ""
            again = name == "id" and self.rendered and value in self.ids and value not in self.named_twice
            self.ids.update((value,) if name == "id" and self.rendered else ())
            if name.startswith("on"):
                self._problem(f"event handler {name}= on <{tag}>: pages carry no scripts", "remove the attribute", name)
            elif name not in ATTRIBUTES:
                self._problem(f"attribute {name}= on <{tag}> is not allowed",
                              f"remove it; allowed attributes: {', '.join(sorted(ATTRIBUTES))}", name)
            elif name in URL_ATTRIBUTES and scheme(value) in REFUSED_SCHEMES:
                self._problem(f"a {scheme(value)}: address in {name}= on <{tag}>", "link to a web address or a page of the site",
                              f"{scheme(value)}:", f"{scheme(value)}&")
            elif name == "href" and self.rendered and (found := handed_elsewhere(value)):
                self._problem(handed_elsewhere_problem(value, found), HANDED_ELSEWHERE_FIX, *where_linked(value))
            elif name == "href" and self.rendered and (found := host_problem(followed(value))):
                # Read once, as rendered: Markdown's links, autolinks and typed <a> alike; //host/… as https.
                self._problem(f"a link to {value!r}: {found.removesuffix(': ' + SAME_SITE)}", SAME_SITE, *where_linked(value))
            elif name == "href" and self.rendered and scheme(followed(value)) in ("http", "https") and (
                    fix := address_problem(followed(value))):
                # What a record's address may not hold, a page's may not either: a right-to-left mark, a tab, an ideographic
                # space (twenty-first hostile round, cases 37 and 38), a user part.
                self._problem(f"a link to {value!r} is not an address a reader's browser follows as written", fix,
                              *where_linked(value))
            elif name == "href" and self.rendered and (found := mail_problem(value)):
                # A page's mail links, held to the rules of extra.social's (twenty-seventh hostile round, T2 and T3).
                self._problem(f"a link to {value!r}: {found}", MAIL_FIX, *where_linked(value))
            elif name == "src" and off_site(value):
                self._problem(f"<{tag} src> loads '{value}' from another host: the site makes no request elsewhere",
                              "put the file under docs/ and give its path", value.lower())
            elif name == "id" and not self.rendered and OWN_ID.fullmatch(value):
                # An attribute list's are named by docs.id_problems; HTML's here, before a note's link lands on it
                # (fourteenth hostile round, cases 51 to 53).
                self._problem(own_id_taken(value), "choose another id")
            elif again:
                # A heading's id and one typed in HTML: toc makes heading ids unique among the elements Markdown
                # builds, never against raw HTML (case 54); every link to the id lands on the first.
                self._problem(f"the id {value!r} is given twice on the page", "give each element an id of its own",
                              f'id="{value.lower()}"', f"id='{value.lower()}'", f"id={value.lower()}", f"#{value.lower()}")
            elif name == "id" and value.startswith(MATERIAL_ID_PREFIX):
                # Typed as HTML, given by an attribute list or made from a heading's words (## __search): the
                # rendering shows each; the line is the one that names it, plain or with Markdown's \_ escapes.
                self._problem(f"the id {value!r} starts with __, as the ids Material writes into every page do (__search, "
                              "__drawer, __toc…), so two elements could share it", "choose another id",
                              value.lower(), value.lower().replace("_", "\\_"))

    def handle_data(self, data: str) -> None:
        if self.rendered and (found := REORDERING.search(data)):
            # Typed as a character reference (&#x202E;): the page's own lines, checked as typed, hold none.
            self._problem(_reordering(found[0]), REORDERING_FIX, "&#")
        elif self.rendered and self.headings and (found := ZERO_WIDTH.search(data)):
            # A heading wherever Markdown makes one (in a list item's indented lines, eleventh hostile round, case 70),
            # where the typed reading (docs.py) finds those that start their line.
            self._problem(f"a heading holds U+{ord(found[0]):04X}, an invisible character that makes its anchor and its "
                          "search entry differ from the words shown", "remove it: retype the heading", data.strip().lower())

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_comment(self, data: str) -> None:
        if self.essay:
            self._problem("an HTML comment in the essay's text: it would hide words from readers but not from the check",
                          "remove the comment; notes belong in sources/essay/editorial-notes.yml", "<!--")
        elif what := comment_problem(data):
            self._problem(what, "write a plain comment, <!-- like this -->, or remove it", "<!--")

    def handle_decl(self, decl: str) -> None:
        self._problem(f"declaration <!{decl[:40]}> in a page", "remove it; MkDocs writes the page's own")

    def unknown_decl(self, data: str) -> None:
        self._problem(f"declaration <![{data[:40]}> in a page", "remove it")

    def handle_pi(self, data: str) -> None:
        self._problem(f"processing instruction <?{data[:40]}> in a page", "remove it")


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _reordering(character: str) -> str:
    return f"a character reference makes U+{ord(character):04X}, an invisible character that reorders the text around it"


def _address_problems(page: Page, lines: list[str]) -> list[Problem]:
    """Markdown's own links and images: no script addresses, and images from the site only; and the
    characters that reorder text, typed as references (files.REORDERING refuses them typed as they are)."""
    problems = []
    for number, line in enumerate(lines, start=1):
        if found := REORDERING.search(unescape(line)):
            problems.append(Problem(page.name, number, _reordering(found[0]), REORDERING_FIX))
        # Markdown passes an address's character references to the browser, which decodes them.
        found = [(m[1] == "!", unescape(m[2])) for m in INLINE_LINK.finditer(line)]
        if match := REFERENCE_DEFINITION.match(line):
            found.append((False, unescape(match[1])))
        # Worded as the rendering's reader words the <a> and <img> Markdown makes of them, so each is named once.
        for image, url in found:
            if scheme(url) in REFUSED_SCHEMES:
                problems.append(Problem(page.name, number, f"a {scheme(url)}: address in {'src= on <img>' if image else 'href= on <a>'}",
                                        "link to a web address or a page of the site"))
            elif image and off_site(url):
                problems.append(Problem(page.name, number, f"<img src> loads '{url}' from another host: "
                                        "the site makes no request elsewhere", "put the file under docs/ and give its path"))
    return problems


_LIST_MARKER = re.compile(r"(?:^|\s)(?:[-*+]|\d{1,9}[.)])(?=\s)")


def _deepest_line(lines: list[str]) -> int:
    """The line of a page that is indented, quoted, emphasized or listed deepest (1-based): where a nesting too
    deep shows (`1. 1. 1. …` on one line nests a list in a list at each marker)."""
    depth = [max(len(line) - len(line.lstrip(" \t>")), line.count("*") + line.count("_"), len(_LIST_MARKER.findall(line)),
                 line.count("<")) for line in lines]
    return depth.index(max(depth)) + 1 if depth else 1


# What may follow a fence's backticks or tildes: a language (```python), or an attribute list of classes, ids and
# key=value pairs. Python-Markdown writes anything else onto <code> as attributes of its own making: `{: .python }`
# gave <code :=":">, hl_lines= an attribute (thirty-first hostile round, T7 and M5).
FENCE_INFO = re.compile(r"""[ \t]*(?:\.?[\w#.+-]*|\{(?:\s*(?:[.#][\w-]+|[A-Za-z][\w-]*=(?:"[^"]*"|'[^']*'|[^\s"'}]+)))*\s*\})[ \t]*""")


def _fence_problems(page: Page) -> list[Problem]:
    """Each code fence that gives more than a language or an attribute list (FENCE_INFO), at its line."""
    lines = page.lines
    return [Problem(page.name, opening + 1, f"a code fence followed by {shown(info.strip())}, which Markdown writes into the "
                    "page as attributes of the code", "give the code's language alone (```python) or nothing, or an "
                    "attribute list of classes and ids ({ .python })")
            for opening, _, match in fences(lines) if not FENCE_INFO.fullmatch(info := lines[opening][match.end():])]


def raw_html_problems(page: Page, essay: bool, markdown_extensions: tuple = ()) -> list[Problem]:
    """What a page's HTML and addresses break of the policy above; essay: the page holds the essay's text.

    The page is read twice: as typed, which gives each problem its line, and as Python-Markdown
    renders it with the site's own Markdown extensions (markdown_extensions: (name, config) pairs),
    which is the authority: an unclosed fence, a comment or an attribute list that the first reading
    takes for something else cannot hide HTML from the second.
    """
    lines = _blank(page.text)
    reader = _Reader(page, essay)
    reader.feed("\n".join(lines))
    reader.close()
    fences = _fence_problems(page)
    found = reader.problems + _address_problems(page, lines) + fences
    try:
        md = markdown.Markdown(extensions=[name for name, _ in markdown_extensions],
                               extension_configs={name: config for name, config in markdown_extensions if config})
    except (ImportError, AttributeError, TypeError, KeyError, ValueError):
        return found  # an extension that does not load: MkDocs names it when it renders
    try:
        html_text = md.convert(page.text)
    except RecursionError:  # Python-Markdown's block parser recurses once per level of nesting
        return [*found, Problem(page.name, _deepest_line(page.lines), "lists, quotes or emphasis nested so deep that Markdown "
                                "cannot read the page (Python's recursion limit)", "flatten the structure: a few levels are enough")]
    rendered = _Reader(page, essay, rendered=True)
    rendered.named_twice = {given for given, n in Counter(given for _, given in attribute_list_ids(page.text)).items() if n > 1}
    rendered.feed(html_text)
    rendered.close()
    if rendered.deepest > NESTING:  # found here, at its line, not by the PDF's typesetter or the built pages' check
        found.append(Problem(page.name, _deepest_line(page.lines), f"lists, quotes or blocks nested more than {NESTING} deep, "
                             "which the PDF cannot set", "nest them less deeply"))
    elif rendered.deepest_elements > MAX_NESTING and TOO_DEEP[0] not in (problem.what for problem in found):
        found.append(Problem(page.name, _deepest_line(page.lines), *TOO_DEEP))  # inline elements, which the typed reading counts not
    typed = Counter(problem.what for problem in found)  # the rendering finds these again: each is named once
    extra = []
    for problem in rendered.problems:
        if typed[problem.what]:
            typed[problem.what] -= 1
        elif not (fences and problem.what.startswith("attribute ") and problem.what.endswith(" on <code> is not allowed")):
            extra.append(problem)  # (a fence's odd attributes are named above, at the fence, in the words of a fence)
    return found + extra


def markup_problems(pages, essay_pages: set[str], markdown_extensions: tuple, memo: Memo | None = None) -> list[Problem]:
    """Every page's own HTML and addresses (raw_html_problems), each page's answer kept in memo (model.memo)."""
    extensions = repr(markdown_extensions)  # (name, options) pairs, options a mapping: its text is its key
    problems: list[Problem] = []
    for page in pages:
        essay = page.file in essay_pages
        checked(memo, ("page markup", page.name, page.text, essay, extensions), problems,
                lambda found, page=page, essay=essay: found.extend(raw_html_problems(page, essay, markdown_extensions)))
    return problems

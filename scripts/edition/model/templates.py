"""What the theme's templates in overrides/ may write into every page, read before anything is rendered.

The templates are the build's code, as scripts/ is: their inline scripts run (csp.py puts each one's
hash into every page's policy) and their markup is not held to the allow-list of docs/ pages. That
trust stops at the site's promises, which no template can break: nothing is fetched from another
host (a src, a stylesheet link, a url() in a <style> or a style attribute), nothing typed is sent to
another host (a <form> or formaction), no <base> moves every relative link of a page elsewhere, no
<iframe srcdoc> brings in a page of its own that no check reads, and no address is a javascript:, vbscript:,
data: or file: one (a script run on a click, a document no check reads). Each is named by template and line.

lxml reads the templates as a browser would read their HTML (every attribute that holds an address,
srcset, poster and SVG's href among them); the Jinja expressions in them are text to it, so an address
built by one is refused unless it is a form the shipped templates use for the site's own addresses
(SAFE_EXPRESSIONS); a template Jinja cannot parse is named by line rather than failing the build.
A template copied from Material is Material's code where its lines are Material's (its Google Fonts
link is written only when `theme.font` is set, which mkdocs.yml's checks refuse): only the lines the edition changed or
added are read, and a template of the edition's own is read whole.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import traceback
from pathlib import Path

import jinja2
import lxml.html
import tinycss2
from lxml import etree

from ..problems import Problem, relative
from .files import (
    CONTROL_REFERENCED,
    MAX_LEDGER_BYTES,
    NONCHARACTER,
    PRIVATE_USE,
    REFERENCE_FIX,
    REORDERED_OR_HIDDEN,
    REORDERING,
    REORDERING_FIX,
    REPLACEMENT,
    REPLACEMENT_FIX,
    REPLACEMENT_WHAT,
    UNASSIGNED,
    UNASSIGNED_FIX,
    read_text,
    reference_problem,
    referenced,
    unassigned,
    unescape,
)
from .memo import Memo, checked
from .rawhtml import REFUSED_SCHEMES, css_urls, followed, handed_elsewhere, handed_elsewhere_problem, remote, scheme
from .values import DOUBLED
from .web_addresses import address_problem, mail_problem

TEMPLATES_DIR = Path("overrides")
# Every attribute that holds an address. Those the browser fetches by itself (or, for ping, on a click, to a
# host of the template's choosing) may not name another host; in any of them, an address built by Jinja
# is one no check can read before every page carries it, so only the forms of the shipped templates pass.
ADDRESS_ATTRIBUTES = ("src", "srcset", "imagesrcset", "href", "xlink:href", "poster", "data", "action", "formaction",
                      "background", "cite", "longdesc", "ping", "attributionsrc", "manifest")
LOADED = {"src", "srcset", "imagesrcset", "poster", "data", "background", "ping", "attributionsrc", "manifest", "href",
          "xlink:href"}
LINKS = {"a", "area", "link", "base"}  # their href is followed by readers, loaded by rel (link), or named apart (base)
# Links the browser follows by itself: fetched, or (preconnect, dns-prefetch) a connection or a lookup made.
FETCHED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon", "preconnect",
                 "dns-prefetch", "prerender", "compression-dictionary", "dictionary", "expect", "search", "mask-icon",
                 "apple-touch-icon-precomposed", "apple-touch-startup-image", "fluid-icon", "shortcut"}
# The Jinja expressions the shipped templates (Material's base.html) write into addresses, each the site's
# own: a page's or heading's URL, site_url with the page's path, and mkdocs.yml values whose checks keep
# them on the site (theme.favicon, extra_css, extra.alternate). Material's lines are read beside a changed one.
SAFE_EXPRESSIONS = {"page.canonical_url", "page.previous_page.url | url", "page.next_page.url | url", "skip.url | url",
                    "config.theme.favicon | url", "path | url", "alt.link | url"}
SAFE_IN_TAG = {"hidden"}  # Material's `{{ hidden }}` on its sidebars: the word hidden, or nothing
EXPRESSION = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.DOTALL)
SITE_FILE = re.compile(r"""(['"])([^'"{}]*)\1\s*\|\s*url""")  # {{ 'assets/x.css' | url }}: a file of the site
# A refresh's target: `0; url=…`, or as browsers also read it, `0; …` with no `url=` (twelfth hostile round, case 6).
REFRESH = re.compile(r"^\s*[0-9.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"\s;,]+)", re.IGNORECASE)
FIX = "remove it, or serve what it needs from the site itself (docs/): templates may not break the site's promises"
DATA_SCRIPTS = ("application/json", "application/ld+json")  # data blocks, not scripts, to a browser and a CSP
SCRIPT_TYPES = ("", "text/javascript", "module", "application/javascript")  # what runs, if the policy lets it
# Read out or shown as words: a button's value too (<input type=button>), an option's label, a header cell's abbr, and
# ARIA's words (forty-first hostile round, T4).
SHOWN_ATTRIBUTES = {"title", "alt", "placeholder", "content", "label", "abbr", "aria-label", "aria-description",
                    "aria-roledescription", "aria-valuetext", "aria-placeholder", "aria-braillelabel",
                    "aria-brailleroledescription"}
BUTTONS = {"button", "submit", "reset"}  # the inputs whose value is their caption
JINJA_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
LETTER = re.compile(r"[^\W\d_]")
# What follows a doubled mark in a string that is no words: a selector's "::before", a path's "../x" or "..a". A capital,
# or a CJK character after its stop, is words: "Done..Next", "言葉。。次へ" (forty-fourth hostile round, T7).
NOT_WORDS_AFTER = re.compile(r"[a-z0-9]")
EXPRESSION_FIX = ("write the address itself, or as {{ 'a/path/of/the/site' | url }}: an address an expression builds "
                  "is read by no check before every page carries it")
MKDOCS_FILTERS = ("url", "script_tag")  # added by mkdocs.theme.Theme.get_env


def script_type(type_: str | None, language: str | None) -> str:
    """A <script>'s type as browsers take it: with no type, the obsolete language= names one, text/<language>
    (<script language="vbscript"> is text/vbscript, which never runs: forty-second hostile round, T6)."""
    if type_ is None and language:
        return f"text/{language.strip().lower()}"
    return (type_ or "").strip().lower()


JINJA = jinja2.Environment(extensions=["jinja2.ext.i18n"])  # as MkDocs reads a theme (mkdocs.localization adds i18n)


def _jinja(text: str) -> bool:
    return "{{" in text or "{%" in text


def _safe_expression(value: str) -> bool:
    """Whether an attribute's value is one Jinja expression of a form the shipped templates use for the site's own addresses."""
    whole = EXPRESSION.fullmatch(value.strip())
    if not whole:
        return False
    expression = " ".join(whole[1].split())
    site_file = SITE_FILE.fullmatch(expression)
    return expression in SAFE_EXPRESSIONS or bool(site_file and not remote(site_file[2]) and not scheme(site_file[2]))


def _addresses(attribute: str, value: str) -> list[str]:
    """The addresses an attribute's value names: for a srcset, each candidate's (its first word)."""
    if attribute not in ("srcset", "imagesrcset"):
        return [value]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _element_problems(element) -> list[tuple[str, str]]:
    """What the element would do that breaks the site's promises, each with how to fix it."""
    tag = element.tag if isinstance(element.tag, str) else ""
    # Names and values together: lxml's get() fails on a name holding a brace, which Jinja puts there.
    attributes = list(zip(element.keys(), element.values(), strict=True))
    named = dict(attributes)
    problems, built = [], []
    if tag == "base":
        problems.append("a <base> element, which moves every relative link of the page elsewhere")
    if tag == "script" and (named.get("type") or "").strip().lower() == "speculationrules":
        # Rules, not a script: no policy stops them, and Chromium fetches (or renders) what they list, any host's pages.
        problems.append("a <script type=speculationrules>, which has browsers fetch or prerender the pages it lists")
    if tag == "iframe" and named.get("srcdoc") is not None:
        problems.append("an <iframe srcdoc>, a page of its own that no check of the edition reads")
    kind = script_type(named.get("type"), named.get("language"))
    if tag == "script" and kind not in (*SCRIPT_TYPES, *DATA_SCRIPTS, "speculationrules") and not _jinja(kind):
        # Named here, at its line, not only at the built pages (forty-first hostile round, T6).
        problems.append(f"a <script type={kind!r}>, neither a script the policy lets run nor a data block (JSON, JSON-LD)")
    if tag in ("set", "animate") and (named.get("attributename") or "").strip().lower() in ("href", "xlink:href"):
        # SVG animation sets its parent link's address as the page is shown (thirty-second hostile round, T5).
        problems.append(f"an SVG <{tag}> that changes a link's address as the page is shown, which no check reads")
    # Jinja among the attributes (<img {{ "src" }}="…">): lxml splits it into names, and which attribute a
    # value belongs to is Jinja's to say, so every value there is read as an address the element loads.
    in_tag = [" ".join(found.split()) for found in re.findall(r"\{\{(.*?)\}\}", " ".join(named), re.DOTALL)]
    if unsafe := [found for found in in_tag if found not in SAFE_IN_TAG]:
        built.append(f"a <{tag}> whose attributes a Jinja expression writes, {'{{ ' + unsafe[0] + ' }}'!r}")
    unknown = any("{" in name or "}" in name for name in named)
    for attribute, value in attributes:
        if attribute not in ADDRESS_ATTRIBUTES and not unknown:
            continue
        if _jinja(value):
            if not _safe_expression(value):
                built.append(f"an address in <{tag} {attribute}> built by a Jinja expression, {value!r}")
        elif bad := next((url for url in _addresses(attribute, value) if scheme(url) in REFUSED_SCHEMES), None):
            # A script run by a click or a load, or a document of its own (data:), outside every check of the pages.
            problems.append(f"a {scheme(bad)}: address in <{tag} {attribute}>, {bad[:60]!r}")
        elif (tag in ("a", "area") or (tag == "link" and not FETCHED_LINKS & set((named.get("rel") or "").lower().split()))) and (
                attribute in ("href", "xlink:href") and scheme(address := followed(value)) in ("http", "https")
                and (wrong := address_problem(address))):
            # A link on every page, held to the rules of every address a page holds (twenty-second hostile round, 58), an
            # SVG's, a feed's or a scheme-relative one too (twenty-third round, T3).
            problems.append(f"a link to {value[:60]!r} that no reader should be sent to ({wrong})")
        elif tag in ("a", "area", "link") and attribute in ("href", "xlink:href") and (found := handed_elsewhere(value)):
            problems.append(handed_elsewhere_problem(value, found))
        elif tag in ("a", "area") and attribute in ("href", "xlink:href") and (wrong := mail_problem(value)):
            problems.append(f"a mail link, {value[:60]!r}, that no reader should be sent to ({wrong})")
        elif attribute in ("action", "formaction"):
            if remote(value):
                problems.append(f"a <{tag} {attribute}> that sends what readers type to {value!r}")
        elif unknown or (attribute in LOADED and not (attribute in ("href", "xlink:href") and tag in LINKS)) or (
                tag == "link" and attribute == "href" and FETCHED_LINKS & set((named.get("rel") or "").lower().split())):
            where = f"<{tag}>" if attribute == "src" or tag == "link" else f"<{tag} {attribute}>"
            problems += [f"a {where} that loads {url!r} from another host" for url in _addresses(attribute, value) if remote(url)]
    for attribute in ("ping", "attributionsrc"):  # reported, as the built pages' check says, whatever host it names
        if (value := named.get(attribute)) is not None and not _jinja(value) and not remote(value):
            problems.append(f"a <{tag} {attribute}> that tells {value[:60]!r} of what readers do")
    if tag == "meta" and (named.get("http-equiv") or "").lower() == "refresh" and (
            (target := REFRESH.search(named.get("content") or "")) and (remote(target[1]) or handed_elsewhere(target[1]))):
        # smb:// too, which the browser hands to another program (thirty-second hostile round, M4)
        problems.append(f"a <meta http-equiv=refresh> that sends readers to {target[1]!r}")
    styles = tinycss2.parse_declaration_list(named["style"]) if named.get("style") else []
    if tag == "style":
        styles += tinycss2.parse_stylesheet(element.text_content())
    problems += [f"a style that loads {url!r} from another host" for url in css_urls(styles) if remote(url)]
    return [(what, FIX) for what in problems] + [(what, EXPRESSION_FIX) for what in built] + _doubled(element, attributes)


def _doubled(element, attributes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The template's own words every page shows, held to the rule of the edition's (thirty-eighth hostile round,
    minors 20 and 22: a dialog's aria-label and a paragraph ending '..'); Jinja left out, as what it writes is in the
    built pages, which the output's check reads."""
    if element.tag in ("script", "style") or not isinstance(element.tag, str):
        return []
    shown = SHOWN_ATTRIBUTES | ({"value"} if element.tag == "input" and (element.get("type") or "").lower() in BUTTONS else set())
    words = [element.text or "", element.tail or "", *(value for name, value in attributes if name in shown)]
    doubled = next(filter(None, (DOUBLED.search(unescape(JINJA_SPAN.sub(" ", text))) for text in words)), None)
    return [(f"doubled punctuation in the template's own words: {doubled[0]!r}", "write the mark once")] if doubled else []


def template_problems(root: Path, irregular: tuple[str, ...] = (), memo: Memo | None = None) -> list[Problem]:
    """Each thing a template in overrides/ would do that breaks the site's promises, by file and line.

    irregular: paths already named as links or special files (model.allowed_files), never opened; memo: see model.memo."""
    problems: list[Problem] = []
    theme = _theme_templates()
    for path in sorted((root / TEMPLATES_DIR).rglob("*.html")):
        name = relative(path, root)
        if any(name == other or name.startswith(other + "/") for other in irregular):
            continue
        own = path.relative_to(root / TEMPLATES_DIR).as_posix()
        if theme and not (theme / own).is_file() and (material := _same_but_case(theme, own)):
            # On a case-sensitive file system (Linux, the CI) it overrides nothing: the change it holds is silently lost.
            problems.append(Problem(name, 1, f"overrides nothing: Material's template is {material}, whose name differs "
                                    "in case", f"rename it to {TEMPLATES_DIR.as_posix()}/{material}"))
            continue
        text = read_text(path, name, problems, limit=MAX_LEDGER_BYTES)
        if not text or not text.strip():
            continue
        original = theme / own if theme else None
        checked(memo, ("template", name, text), problems,
                lambda found, name=name, text=text, original=original: found.extend(_text_problems(name, text, original)))
    return problems


def _text_problems(name: str, text: str, original: Path | None) -> list[Problem]:
    """What one template's text would do (see template_problems); original: Material's template it overrides, if any."""
    problems: list[Problem] = []
    try:  # as MkDocs will read it: what Jinja cannot parse would stop the build with a traceback
        parsed = JINJA.parse(text)
    except jinja2.TemplateSyntaxError as error:
        problems.append(Problem(name, error.lineno, f"Jinja syntax error: {' '.join(error.message.split())}", "fix the template"))
        return problems
    changed = _changed_lines(text, original)
    problems += [Problem(name, line, what, fix) for line, what, fix in
                 [*_unknown_names(parsed), *_mutations(parsed), *_markup_in_strings(parsed), *_doubled_in_strings(parsed),
                  *_reordering(text, parsed),
                  *_comments_around_jinja(text)]
                 if changed is None or line in changed]
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return problems  # no HTML in it at all: nothing it could write
    typed = text.split("\n")
    elements = [(element, _opened_at(typed, element)) for element in tree.iter() if element.sourceline]
    for (element, line), following in zip(elements, [*elements[1:], (None, None)], strict=True):
        # An element's own lines: from its start tag up to the next element's.
        lines = range(line, following[0].sourceline + 1 if following[0] is not None else element.sourceline + 50)
        if changed is None or any(number in changed for number in lines):
            problems += [Problem(name, line, f"every page would carry {what}", fix) for what, fix in _element_problems(element)]
    return problems


def _opened_at(lines: list[str], element) -> int:
    """The line where an element's start tag opens: libxml2 gives the line where it ends, and a tag typed over lines was
    named at its last (thirty-fourth hostile round, minor)."""
    opening = re.compile(rf"<{re.escape(str(element.tag))}(?![\w:-])", re.IGNORECASE)
    return next((number for number in range(element.sourceline, 0, -1) if opening.search(lines[number - 1])),
                element.sourceline) if element.sourceline <= len(lines) else element.sourceline


def _markup_in_strings(parsed: jinja2.nodes.Template) -> list[tuple[int, str, str]]:
    """Jinja strings that hold markup, each at its line: lxml reads a template with its expressions as text, so
    `{{ "<!--" if false }}<img src=…>{{ "-->" if false }}` (or a <textarea>, or a `</script>`) hides from the check
    markup that every page carries once Jinja has written nothing there. No template of the edition needs one."""
    return [(node.lineno, f"every page would carry markup that a Jinja string writes, {node.value[:40]!r}, which the "
             "template check reads as text", "write the markup in the template itself, outside {{ }} and {% %}")
            for node in parsed.find_all(jinja2.nodes.Const) if isinstance(node.value, str) and ("<" in node.value or ">" in node.value)]


def _doubled_in_strings(parsed: jinja2.nodes.Template) -> list[tuple[int, str, str]]:
    """Jinja strings that double their punctuation, each at its line: `{{ "Read the notes.." }}` is the template's own
    words, which the check of its text reads as Jinja (forty-first hostile round, T7). Words: a string with a letter,
    whose doubled mark no lowercase ASCII letter or digit follows (NOT_WORDS_AFTER); `".." in page.url` and
    `"p::before"` are a path and a selector (forty-second round, minor), and "Done.." and "言葉；；" words without a
    space (forty-third round, T6)."""
    return [(node.lineno, f"every page would carry doubled punctuation a Jinja string writes: {found[0]!r}",
             "write the mark once") for node in parsed.find_all(jinja2.nodes.Const)
            if isinstance(node.value, str) and LETTER.search(node.value) and (found := DOUBLED.search(node.value))
            and not NOT_WORDS_AFTER.match(node.value, found.end())]


# An HTML comment as lxml reads one in a template's text, up to its end or the end of the text.
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
JINJA_SYNTAX = re.compile(r"\{[{%#]|[}%#]\}")


def _comments_around_jinja(text: str) -> list[tuple[int, str, str]]:
    """HTML comments that hold Jinja, or that Jinja opens or closes, each at the line of its <!--: lxml reads the
    template's text, where `{# <!-- #}<a href=…>{# --> #}` is one comment hiding the link, but Jinja writes no comment
    there and every page carries the link (thirtieth hostile round, T2). Material's templates hold no HTML comment."""
    return [(text.count("\n", 0, found.start()) + 1, "an HTML comment holds Jinja ({{ }}, {% %} or {# #}) or is opened "
             "or closed by it: Jinja decides what of it every page carries, which the template check cannot read",
             "write the comment as a Jinja comment, {# like this #}, or remove it")
            for found in HTML_COMMENT.finditer(text) if JINJA_SYNTAX.search(found[0])]


def _reordering(text: str, parsed: jinja2.nodes.Template) -> list[tuple[int, str, str]]:
    """Characters that reorder or hide the text around them, as docs/ pages refuse them, each at its line: typed, as
    references (&#x202E;) or in a Jinja string ({{ "\\u202e" }}). Every page would carry them."""
    strings = [(node.lineno, node.value) for node in parsed.find_all(jinja2.nodes.Const) if isinstance(node.value, str)]
    lines = list(enumerate(text.split("\n"), 1))
    typed = [(number, unescape(line)) for number, line in lines]
    hidden = [(number, f"every page would carry U+{ord(found[0]):04X}, an invisible character that reorders or hides the "
               "text around it", REORDERING_FIX if REORDERING.match(found[0]) else "remove it (write plain text)")
              for number, line in [*typed, *strings] if (found := REORDERED_OR_HIDDEN.search(line))]
    # A code point Unicode has not assigned, which no font draws (thirteenth hostile round, case 34).
    unknown = [(number, f"every page would carry U+{ord(found):04X}, {UNASSIGNED}", UNASSIGNED_FIX)
               for number, line in [*typed, *strings] if (found := unassigned(line))]
    # A private-use character, which each reader's fonts draw differently or not at all (thirty-second round, M5).
    private = [(number, f"every page would carry U+{ord(found[0]):04X}, a private-use character, which each reader's fonts "
                "draw differently or not at all", "write the character Unicode has for it")
               for number, line in [*typed, *strings] if (found := PRIVATE_USE.search(line))]
    # A noncharacter or a control character written as a reference, which html.unescape drops but browsers keep
    # (thirty-third hostile round, minor): a page so written is refused as well.
    past = [(number, f"every page would carry {what}", REFERENCE_FIX) for number, line in lines if (what := reference_problem(line))]
    # A reference past Unicode decodes to U+FFFD, one to U+0085 is '…' to browsers: named once, as the reference.
    named = {number for number, *_ in past}
    made = [(number, f"every page would carry U+{ord(found[0]):04X}, " + (
                "a noncharacter, which is never text" if NONCHARACTER.match(found[0]) else "a control character"),
             "remove the reference")
            for number, line in lines if "&#" in line and number not in named
            and (found := NONCHARACTER.search(chars := referenced(line)) or CONTROL_REFERENCED.search(chars))]
    lost = [(number, f"every page would carry {REPLACEMENT_WHAT}", REPLACEMENT_FIX)
            for number, line in [*typed, *strings] if REPLACEMENT.search(line) and number not in named]
    # A control character a Jinja string's escape makes ({{ "a\u0001b" }}: thirty-fifth hostile round, T4); typed, the
    # file is refused whole (read_text).
    controls = [(number, f"every page would carry U+{ord(found[0]):04X}, a control character", "remove the escape")
                for number, value in strings if (found := CONTROL_REFERENCED.search(value))]
    return hidden + unknown + private + made + past + lost + controls


def _same_but_case(theme: Path, name: str) -> str | None:
    """The theme's template whose name differs from name only in case, if any."""
    return next((found for file in theme.rglob("*.html") if (found := file.relative_to(theme).as_posix()).lower() == name.lower()),
                None)


def _unknown_names(parsed: jinja2.nodes.Template) -> list[tuple[int, str, str]]:
    """The filters and tests a template names that neither Jinja nor MkDocs defines, each at its line with its
    fix: Jinja finds them only when MkDocs compiles the template, and stops the build there with a traceback."""
    found = []
    for node in parsed.find_all((jinja2.nodes.Filter, jinja2.nodes.Test)):
        if isinstance(node, jinja2.nodes.Filter) and node.name not in {*JINJA.filters, *MKDOCS_FILTERS}:
            found.append((node.lineno, f"the template names the Jinja filter {node.name!r}, which no one defines",
                          f"use one of Jinja's filters or MkDocs' ({', '.join(MKDOCS_FILTERS)})"))
        elif isinstance(node, jinja2.nodes.Test) and node.name not in JINJA.tests:
            found.append((node.lineno, f"the template names the Jinja test {node.name!r}, which no one defines",
                          "use one of Jinja's tests (defined, none, sameas…)"))
    return found


def _mutations(parsed: jinja2.nodes.Template) -> list[tuple[int, str, str]]:
    """Names of methods that change what they belong to (config.extra_javascript.append), or of Python's own
    (__iadd__, __init__), each at its line, however reached: `.name`, `['name']` or `|attr('name')`. Material's own
    lines, which no check reads as changed, would then write what was added (rounds 12 and 13, cases 140 and 10-13)."""
    named = [(node.lineno, node.attr) for node in parsed.find_all(jinja2.nodes.Getattr)]
    named += [(node.lineno, node.arg.value) for node in parsed.find_all(jinja2.nodes.Getitem)
              if isinstance(node.arg, jinja2.nodes.Const) and isinstance(node.arg.value, str)]
    named += [(node.lineno, node.args[0].value) for node in parsed.find_all(jinja2.nodes.Filter)
              if node.name == "attr" and node.args and isinstance(node.args[0], jinja2.nodes.Const)
              and isinstance(node.args[0].value, str)]
    return [(line, f"the template reaches .{name}, which changes the settings or data every later line of the theme "
             "reads", "write what the page needs where it is written, without changing the theme's data")
            for line, name in named if name in MUTATING or name.startswith("__")]


MUTATING = {"append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault", "popitem", "add", "discard",
            "sort", "reverse", "__setitem__", "__delitem__", "__setattr__"}


def template_failure(error: BaseException, root: Path, settings: str) -> Problem | None:
    """Where and why rendering a page stopped in a template, from the error Jinja raised (its traceback names
    each template's file and line); None when no template took part, and the error is not a template's.
    settings: the file named when the failing line is the theme's own (mkdocs.yml, whose settings it reads)."""
    overrides = (root / TEMPLATES_DIR).resolve()
    frames = [(Path(frame.filename), frame.lineno) for frame in traceback.extract_tb(error.__traceback__)
              if frame.filename.endswith(".html")]
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        frames.append((Path(error.filename), error.lineno))
    if not frames:
        return None
    if isinstance(error, jinja2.TemplateNotFound):
        what = f"asks for the template {error.name!r}, which neither overrides/ nor the theme holds"
    else:
        message = error.message if isinstance(error, jinja2.TemplateError) and error.message else str(error)
        what = f"stops with {type(error).__name__}: {' '.join(message.split())[:200]}"
    own = [(file, line) for file, line in frames if file.resolve().is_relative_to(overrides)]
    # The innermost template of the edition's own, where the failing line is; else the theme's own.
    return rendering_failure(root, *(own or frames)[-1], what, settings)


def rendering_failure(root: Path, file: Path, line: int, what: str, settings: str) -> Problem:
    """A template's failure while a page renders (what: "stops with …"), under MkDocs or Zensical: at the template's
    file and line when it is the edition's own (overrides/), else against the settings the theme's template reads."""
    if file.resolve().is_relative_to((root / TEMPLATES_DIR).resolve()):
        return Problem(relative(file.resolve(), root), line, f"rendering a page, the template {what}", "fix the template")
    theme = _theme_templates()  # named by its path among the theme's templates (partials/nav.html), as Zensical names it
    shown = file.relative_to(theme) if theme and file.is_absolute() and file.is_relative_to(theme) else file
    return Problem(settings, 0, f"rendering a page, the theme's template {shown.as_posix()} (line {line}) {what}",
                   "check the settings of mkdocs.yml that the theme reads (theme:, extra:)")


def _changed_lines(text: str, original: Path | None) -> set[int] | None:
    """The lines of a copied template that are not Material's (1-based), or None to read it whole."""
    if original is None or not original.is_file():
        return None
    # Lines as an editor and every other check count them, by line feeds: splitlines() ends one at U+2028 too, and a
    # template's lines after one were matched a line off, left out as Material's (thirty-ninth hostile round, T2).
    ours, theirs = (lines.replace("\r\n", "\n").split("\n") for lines in (text, original.read_text(encoding="utf-8")))
    matcher = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
    return {line + 1 for kind, _, _, start, end in matcher.get_opcodes() if kind != "equal" for line in range(start, end)}


def _theme_templates() -> Path | None:
    """Material's own templates, as installed; None where it is not (Zensical alone): then every line is read."""
    spec = importlib.util.find_spec("material")
    return Path(spec.origin).parent / "templates" if spec and spec.origin else None


def theme_languages(root: Path) -> frozenset[str] | None:
    """The languages `theme.language` may name: Material's (a partials/languages/<code>.html each) and any the
    edition adds in overrides/; None where Material is not installed, and nothing can be said."""
    theme = _theme_templates()
    if theme is None:
        return None
    return frozenset(file.stem for folder in (theme, root / "overrides") for file in (folder / "partials" / "languages").glob("*.html"))


def template_found(root: Path, name: str) -> bool:
    """Whether a template name (as `theme.static_templates` gives one) is a file of overrides/ or of the theme's
    templates, and not a way out of both (../, an absolute path)."""
    if name.startswith("/") or ".." in Path(name).parts:
        return False
    theme = _theme_templates()
    return any((folder / name).is_file() for folder in (root / TEMPLATES_DIR, *([theme] if theme else [])))

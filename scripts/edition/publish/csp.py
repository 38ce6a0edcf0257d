"""The Content-Security-Policy: the only scripts that run are the edition's own, on the site and in the offline copy.

A script the browser may run is either a file the site ships ('self') or one of the few inline
scripts the theme's templates write into every page (Material's: its storage helpers, the colour
scheme, the tab state) or the build writes into a redirect page. Their SHA-256 hashes are computed
at build time from those templates, never from what a page happens to hold: an inline script or
handler that reached a page any other way is not in the policy, so a browser refuses it, and the
build reports it (script_problems) before anything is published.

It is a <meta> tag, which any static host serves (GitHub Pages sets no headers); `frame-ancestors`
needs a header and is documented in the README for hosts that can send one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Template, TemplateError
from lxml import etree
from lxml.html import HtmlElement

from .. import Edition
from ..htmltree import fragment
from ..markdown.html import script_json
from ..model.files import NEVER_IN_PAGES, character_kind, never_in_pages, unassigned
from ..model.rawhtml import (
    HANDED_ELSEWHERE_FIX,
    REFUSED_SCHEMES,
    comment_problem,
    followed,
    handed_elsewhere,
    handed_elsewhere_problem,
    off_site,
    remote,
    scheme,
)
from ..model.templates import DATA_SCRIPTS, REFRESH, SCRIPT_TYPES, script_type
from ..model.values import DOUBLED
from ..model.web_addresses import SAME_SITE, host_problem, mail_problem
from ..problems import Problem
from .render import load_mkdocs_config

POLICY = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")
# Templates a build never includes: Material's analytics snippets (the edition has no trackers), and
# the page of its redirects plugin (the edition writes its own redirect pages, see anchors).
UNUSED_TEMPLATES = ("partials/integrations/", "redirect.html")


def digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def redirect_script(target: str) -> str:
    """The one line of a redirect page: go to the page's new address, #fragment included (a refresh drops it)."""
    return f"location.replace({script_json(target)} + location.hash)"


def inline_scripts(source: str) -> list[str]:
    """The bodies of the inline, runnable <script> elements of a template's source."""
    return [script.text or "" for script in fragment(source).iter("script")
            if script.get("src") is None and (script.get("type") or "").lower() in SCRIPT_TYPES]


@dataclass(frozen=True)
class TemplateScripts:
    """The inline scripts the theme's templates write, as hashes: those that read the same on every
    page, and those that hold Jinja (Material's `__md_scope` names the site's root relative to the page)."""

    plain: frozenset[str]
    templated: tuple[Template, ...]
    config: object = field(repr=False, hash=False, compare=False)
    site_root: str = "/"  # the root as the 404 page names it: an absolute path, served at any depth

    def for_page(self, site: Path, page: Path) -> frozenset[str]:
        """The hashes of the scripts a page of site may hold."""
        relative = page.relative_to(site).as_posix()
        root = self.site_root if relative == "404.html" else posixpath.relpath(".", posixpath.dirname(relative) or ".")
        return self.plain | self._rendered(root)

    def secure(self, site: Path, path: Path, page: HtmlElement) -> list[Problem]:
        """Check a parsed page of site for scripts that are not the edition's own, and give it the policy."""
        known = self.for_page(site, path)
        problems = script_problems(f"site/{path.relative_to(site).as_posix()}", page, known)
        add_policy(page, known)
        return problems

    @cache  # noqa: B019 - one object per build; a few roots at most
    def _rendered(self, root: str) -> frozenset[str]:
        return frozenset(digest(template.render(config=self.config, base_url=root)) for template in self.templated)


def template_scripts(edition: Edition, offline: bool = False) -> TemplateScripts:
    """Every inline script the theme's templates (and the build's redirect pages) can write into a page."""
    config = load_mkdocs_config(edition, offline)
    env = config.theme.get_env()
    plain, templated = set(), []
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html") and not n.startswith(UNUSED_TEMPLATES)):
        for body in inline_scripts(env.loader.get_source(env, name)[0]):
            if "{{" in body or "{%" in body:
                try:
                    template = env.from_string(body)
                    template.render(config=config, base_url=".")
                except TemplateError:  # needs a page to render: if a page has it, script_problems names it
                    continue
                templated.append(template)
            else:
                plain.add(digest(body))
    plain.update(digest(redirect_script(posixpath.relpath(new or ".", old or ".") + "/"))
                 for old, new in edition.lock.redirects.items())
    return TemplateScripts(frozenset(plain), tuple(templated), config, urlsplit(edition.site_url).path or "/")


def policy(known: frozenset[str]) -> str:
    return POLICY.format(hashes="".join(" " + h for h in sorted(known)))


def add_policy(page: HtmlElement, known: frozenset[str]) -> None:
    """The policy first in the <head>, right after the charset, before any script it governs."""
    head = page.find("head")
    if head is None:
        return
    tag = etree.Element("meta", {"http-equiv": "Content-Security-Policy", "content": policy(known)})
    charset = next((meta for meta in head.iterfind("meta") if meta.get("charset")), None)
    if charset is not None:
        tag.tail, charset.tail = charset.tail, "\n"
        charset.addnext(tag)
    else:
        tag.tail, head.text = head.text, None
        head.insert(0, tag)


def _comments(page: HtmlElement):
    """Every comment of the page, those before and after its <html> element included."""
    yield from page.itersiblings(etree.Comment, preceding=True)
    yield from page.iter(etree.Comment)
    yield from page.itersiblings(etree.Comment)


# SVG's animation elements, which set an attribute of their parent as the page is shown: on a link, its address
# (<a><set attributeName="href" to="…"/>, thirty-second hostile round, T5), which the page's markup does not hold.
ANIMATIONS = ("set", "animate")


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is no JSON")


class _KeyTwice(ValueError):
    pass


def _once(pairs: list[tuple[str, object]]) -> dict:
    # JSON allows a key twice in one object, but readers differ on which value wins (RFC 8259, 4): JSON.parse and
    # Python keep the last, others the first, so the page's metadata would say two things (thirty-eighth round, minor 19).
    keys = [key for key, _ in pairs]
    if len(set(keys)) < len(keys):
        raise _KeyTwice(next(key for key in keys if keys.count(key) > 1))
    return dict(pairs)


def _json_strings(text: str) -> list[str] | str | None:
    """Every string of a JSON text, keys included, escapes decoded; None for a text that is no JSON, and the key for
    one that names a key twice in an object."""
    try:  # NaN and Infinity, which Python takes and JSON.parse refuses, are no JSON (thirty-eighth hostile round, T1)
        # A whole number is read as a float: Python's int stops at 4,300 digits, JSON at none (thirty-ninth round, minor).
        found = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_once, parse_int=float)
    except _KeyTwice as twice:
        return str(twice)
    except (ValueError, RecursionError):
        return None
    strings, waiting = [], [found]
    while waiting:
        value = waiting.pop()
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            strings += list(value)
            waiting += list(value.values())
        elif isinstance(value, list):
            waiting += value
    return strings


def script_problems(name: str, page: HtmlElement, known: frozenset[str]) -> list[Problem]:
    """What in a built page would run, or change the policy, without being the edition's own."""
    problems = [Problem(name, 0, what, "remove the comment from the page it came from")
                for comment in _comments(page) if (what := comment_problem(comment.text or ""))]
    strings, data_problems = _data_blocks(name, page)
    problems += data_problems + _characters(name, page, strings)
    for tag in page.iter(etree.Element):
        problems += _tag_problems(name, tag, known)
    return problems


def _data_blocks(name: str, page: HtmlElement) -> tuple[list[str], list[Problem]]:
    """The strings of a page's data blocks (JSON, JSON-LD), and what is wrong with the blocks."""
    typed = [((tag.get("type") or "").lower(), tag.text or "") for tag in page.iter("script")]
    blocks = [(kind, _json_strings(text)) for kind, text in typed if kind in DATA_SCRIPTS]
    data = [strings for _, strings in blocks]
    # One that is no JSON is broken metadata, which lenient readers decode as they please (thirty-seventh round, T1).
    problems = [Problem(name, 0, "a data block (<script type=\"application/json\"> or \"application/ld+json\") that is no "
                        "JSON, which readers of the page's metadata read as they please", "write it as JSON, or remove it")
                for strings in data if strings is None][:1]
    problems += [Problem(name, 0, f"a data block that gives the key {twice[:60]!r} twice in one object, which readers of the "
                         "page's metadata take differently (the first or the last)", "give each key once")
                 for twice in dict.fromkeys(strings for strings in data if isinstance(strings, str))]
    # JSON-LD's words, which reference managers and search engines show as the edition's, held to the rule of its own
    # words (fortieth hostile round, minor: "name": "Word.." published); Material's settings block holds paths ("..").
    linked = [s for kind, strings in blocks if kind == "application/ld+json" and isinstance(strings, list) for s in strings]
    problems += [Problem(name, 0, f"a data block's words double their punctuation: {doubled[0]!r} in {words[:60]!r}",
                         "write the mark once where it comes from: the template, or the data in sources/")
                 for words in dict.fromkeys(linked) if (doubled := DOUBLED.search(words))]
    return [s for strings in data if isinstance(strings, list) for s in strings], problems


def _characters(name: str, page: HtmlElement, strings: list[str]) -> list[Problem]:
    """Each character no page of the edition holds, in its text, its attributes or its data blocks' strings, however it
    got there: a template's `{{ "%c" | format(8238) }}`, `{{ "&#x" ~ "FDD0;" }}` or `&#{# #}1;` (thirty-fifth hostile
    round, T3 to T5), a data block's "\u202e", which what reads the page's metadata decodes (thirty-sixth round, T5)."""
    texts = (page.text_content(), *(v for e in page.iter(etree.Element) for v in e.attrib.values()), *strings)
    # Each such character once, not the first alone (thirty-sixth round, minor: a U+FFFD beside a U+202E went unnamed).
    found = dict.fromkeys(character for text in texts if never_in_pages(text)
                          for character in [*NEVER_IN_PAGES.findall(text), *filter(None, [unassigned(text)])])
    return [Problem(name, 0, f"holds {character_kind(character)}", "remove it from the template, the page or the data "
                    "that wrote it") for character in found]


def _tag_problems(name: str, tag: HtmlElement, known: frozenset[str]) -> list[Problem]:
    """What one element of a built page would run, load or send elsewhere."""
    problems = []
    fix = "remove it from the page or the data it came from: pages and data carry no scripts"
    runnable = tag.tag == "script" and (tag.get("type") or "").lower() not in DATA_SCRIPTS
    if runnable and not tag.get("src"):
        body = tag.text or ""
        # No page holds a <script>, so a template wrote it: not placed at a page's line holding its words (forty-first
        # hostile round, T6: <script type="text/plain">Iraq</script> was named at each page's first "Iraq").
        if (kind := script_type(tag.get("type"), tag.get("language"))) not in SCRIPT_TYPES:
            problems.append(Problem(name, 0, f"a <script type={kind!r}>, neither a script the policy lets run nor a data "
                                    f"block (JSON, JSON-LD): {body.strip()[:60]!r}", fix))
        elif digest(body) not in known:
            problems.append(Problem(name, 0, f"an inline script the edition's templates do not write: {body.strip()[:60]!r}",
                                    fix))
    elif runnable and next(tag.iterancestors("article"), None) is not None:  # the templates load scripts outside the text
        problems.append(Problem(name, 0, f"a script in the page's text: {tag.get('src')!r}", fix, (tag.get("src"),)))
    if tag.tag == "meta" and tag.get("http-equiv"):
        equiv, content = tag.get("http-equiv").lower(), tag.get("content", "")
        target = found[1] if (found := REFRESH.search(content)) else ""  # with `url=` or without it, as browsers read it
        parent = tag.getparent()
        in_head = parent is not None and parent.tag == "head"
        if equiv not in ("refresh", "content-security-policy") or not in_head or (equiv == "refresh" and off_site(target)):
            problems.append(Problem(name, 0, f"<meta http-equiv=\"{tag.get('http-equiv')}\" content=\"{content[:60]}\">", fix))
    # What the templates' check refuses by line, found here however it got into the page (markup a Jinja
    # expression computes, such as `{{ "%c"|format(60) }}base href=…>`): the page's base, a form to another host,
    # a page of its own.
    if tag.tag == "base":
        problems.append(Problem(name, 0, "a <base> element, which moves every relative link of the page elsewhere", fix))
    if tag.tag in ANIMATIONS and (tag.get("attributename") or "").strip().lower() in ("href", "xlink:href"):
        problems.append(Problem(name, 0, f"an SVG <{tag.tag}> that changes a link's address as the page is shown, "
                                "which no check reads", fix))
    if tag.tag == "iframe" and tag.get("srcdoc") is not None:
        problems.append(Problem(name, 0, "an <iframe srcdoc>, a page of its own that no check of the edition reads", fix))
    for attribute in ("action", "formaction"):
        if (target := tag.get(attribute)) is not None and remote(target):  # a script address is named below
            problems.append(Problem(name, 0, f"a <{tag.tag} {attribute}> that sends what readers type to {target!r}", fix,
                                    (target,)))
    for attribute in ("ping", "attributionsrc"):  # a click or a load reported to a host of the page's choosing
        if (target := tag.get(attribute)) is not None:
            problems.append(Problem(name, 0, f"a <{tag.tag} {attribute}> that tells {target[:60]!r} of what readers do",
                                    fix, (target,)))
    for attribute, value in tag.attrib.items():
        if attribute.lower().startswith("on"):
            problems.append(Problem(name, 0, f"event handler {attribute}= on <{tag.tag}>", fix))
        elif attribute in ("href", "src", "action", "formaction", "data", "poster", "xlink:href") \
                and scheme(value) in REFUSED_SCHEMES and not (tag.tag == "img" and scheme(value) == "data"):
            problems.append(Problem(name, 0, f"a {scheme(value)}: address in {attribute}= on <{tag.tag}>", fix, (value,)))
        elif attribute in ("href", "xlink:href") and (found := handed_elsewhere(value)):
            problems.append(Problem(name, 0, handed_elsewhere_problem(value, found), "remove it from the page or the "
                                    "template it came from: " + HANDED_ELSEWHERE_FIX, (value,)))
        elif attribute == "href" and (found := host_problem(followed(value)) or mail_problem(value)):
            # A link to the reader's own machine or a mail link no reader should follow, however it got into the page:
            # a template can hide one from its check's reading of the text, inside markup Jinja never writes
            # (`{% if false %}<script>{% endif %}`: thirty-first hostile round, T2 to T4).
            problems.append(Problem(name, 0, f"a link to {value!r}: {found.removesuffix(': ' + SAME_SITE)}",
                                    "remove it from the page or the template it came from", (value,)))
    return problems

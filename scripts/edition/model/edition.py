"""Everything the pages are made from, read and validated: the edition's inputs.

`load_inputs` reads every input (the essay, the source registry, the ledgers, docs/, anchors.lock,
mkdocs.yml's site_url) into one frozen `Inputs`; `edition.load` checks them against each other and
formats the citations, which makes the `edition.Edition` every step is handed.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, ClassVar
from urllib.parse import urlsplit

import markdown
from pydantic import AfterValidator, Field

from ..problems import Problem, ProblemsFound, relative, shown
from .allowed_files import asset_problems, irregular_files
from .anchor_lock import LOCK_FILE, Lock, load_lock
from .docs import DocsIndex, read_docs
from .essay import ESSAY_DIR, LAYOUT, RECORD, Essay, load_essay, normalize
from .files import (
    MAX_LEDGER_BYTES,
    REFERENCE_FIX,
    STRAY_FORMAT,
    character_kind,
    key_lines,
    line_at,
    parse_yaml,
    read_text,
    reference_problem,
    referenced,
    refused_in_values,
    unescape,
)
from .ledgers import (
    Claim,
    EditorialNote,
    Event,
    QuotationEntry,
    Release,
    Term,
    load_claims,
    load_editorial,
    load_events,
    load_glossary,
    load_quotations,
    load_releases,
)
from .memo import Memo
from .rawhtml import HANDED_ELSEWHERE_FIX, REFUSED_SCHEMES, handed_elsewhere, markup_problems, off_site, remote, scheme
from .schema import LanguageTag, Schema, matching, validated, wrong
from .sources import (
    BRACES,
    BRACES_FIX,
    MARKUP,
    NAME_SEPARATOR,
    Registry,
    Source,
    load_sources,
    source_files,
)
from .templates import template_found, template_problems, theme_languages
from .values import DOUBLED
from .web_addresses import MAIL_FIX, SAME_SITE, address_problem, host_problem, mail_problem, web_address

CONFIG_FILE = "mkdocs.yml"
ZENSICAL_FILE = "zensical.toml"  # Zensical's own settings, which it reads first
EXTENSIONS = "edition.markdown."  # the edition's own Markdown extensions, as mkdocs.yml names them
# Everything of the project a build reads (beside its code): what a copy for a test carries, what the PDF cache hashes.
PROJECT_FOLDERS = ("docs", "sources", "overrides", "print")
CITATION_FILE = "CITATION.cff"
PROJECT_FILES = (CONFIG_FILE, *PROJECT_FOLDERS, LOCK_FILE, CITATION_FILE)


@dataclass(frozen=True)
class Inputs:
    root: Path
    meta: EditionSettings  # sources/essay/edition.yml
    essay: Essay
    registry: Registry
    docs: DocsIndex
    lock: Lock
    site_url: str  # mkdocs.yml's site_url: the one home of the published address
    editorial: dict[str, EditorialNote]
    quotations: tuple[QuotationEntry, ...]
    releases: tuple[Release, ...]  # newest first
    events: tuple[Event, ...] = ()  # the chronology, in date order
    glossary: tuple[Term, ...] = ()
    claims: tuple[Claim, ...] = ()  # what each note supports, with the source's words
    # mkdocs.yml's Python-Markdown extensions other than the edition's, as (name, config) pairs: what
    # the raw-HTML check renders a page with, to see it as the site will.
    markdown_extensions: tuple = ()

    @property
    def version(self) -> str:
        return self.releases[0].version

    @property
    def released(self) -> str:
        """The date of the current version."""
        return self.releases[0].date

    @property
    def full_title(self) -> str:
        return f"{self.meta.title}: {self.meta.subtitle}"

    @property
    def original(self):
        """The source record of the essay as first published."""
        return self.registry[self.meta.original]

    def claims_of(self, paragraph: int | None, source: str) -> list[Claim]:
        """The claims a note citing source in ¶paragraph supports (none outside the essay's paragraphs)."""
        return [c for c in self.claims if c.paragraph == paragraph and c.source == source]

    @property
    def essay_pages(self) -> set[str]:
        """The docs/ files that hold the essay's sections (the rest is the edition's apparatus)."""
        return {section.page for section in self.essay.sections}


def not_a_project(root: Path, action: str = "the build") -> Problem | None:
    """A folder with no mkdocs.yml, named before any work: a tool given the wrong --root would otherwise find nothing
    wrong (make archives: "0 of 0 sources at risk") or every file missing."""
    if (root / CONFIG_FILE).exists() or (root / CONFIG_FILE).is_symlink():  # a link there is named by the input checks
        return None
    return Problem(CONFIG_FILE, 0, f"{root} is not the edition's project folder (it has no {CONFIG_FILE})",
                   f"run {action} in the project folder, or name it with --root")


def configured_site_url(root: Path, problems: list[Problem] | None = None) -> str:
    """`site_url` in mkdocs.yml (see read_config)."""
    return read_config(root, [] if problems is None else problems).get("site_url") or ""


# What mkdocs.yml may not say, since MkDocs would act on it outside the edition's checks: read
# pages or templates from elsewhere, or make the pages ask other hosts for something.
FIXED_FOLDERS = {"docs_dir": "docs", "site_dir": "site"}
# The settings MkDocs 1.6 knows (its config schema, less the two it fills in itself; a test compares them). MkDocs
# refuses any other in strict mode, but names no line: a misspelt `site_nmae` is named here, at its line.
MKDOCS_SETTINGS = frozenset({
    "copyright", "dev_addr", "docs_dir", "draft_docs", "edit_uri", "edit_uri_template", "exclude_docs", "extra", "extra_css",
    "extra_javascript", "extra_templates", "google_analytics", "hooks", "markdown_extensions", "nav", "not_in_nav", "pages",
    "plugins", "remote_branch", "remote_name", "repo_name", "repo_url", "site_author", "site_description", "site_dir",
    "site_name", "site_url", "strict", "theme", "use_directory_urls", "validation", "watch", "INHERIT"})
# Plugins and Markdown extensions reviewed for the edition: none reads a file outside docs/ or the
# network into a page (pymdownx.snippets, for one, would: `--8<-- "/etc/passwd"`).
PLUGINS = {"search", "edition"}  # and `offline`, which the build adds for the offline copy alone (render.py)
# What the pages are written in and the edition's output is made by: without attr_list a page prints
# `{ .web-only }` as text (and the PDF takes the web's paragraph), without footnotes or toc there are no
# notes or anchors, and each of the edition's own makes a part of every page.
REQUIRED_EXTENSIONS = ("toc", "footnotes", "attr_list", *(EXTENSIONS + name for name in (
    "notes", "paragraphs", "markers", "cite_panel", "aliases", "glossary", "external_links")))
MARKDOWN_EXTENSIONS = {"abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "sane_lists", "smarty",
                       "tables", "toc"}


def entries(config: dict, key: str) -> list:
    """A list setting of mkdocs.yml as a list: MkDocs also takes a mapping (its keys) or one value."""
    value = config.get(key) or []
    return value if isinstance(value, list) else list(value) if isinstance(value, dict) else [value]


def _nav(items: object, path: list):
    """Each entry of mkdocs.yml's `nav`, however deep: (its path in the YAML, its title or None, its page or None)."""
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, str):
            yield [*path, index], None, item
        elif isinstance(item, dict):
            for title, value in item.items():
                at = [*path, index, title]
                if isinstance(value, list):
                    yield at, str(title), None
                    yield from _nav(value, at)
                else:
                    yield at, str(title), value if isinstance(value, str) else None


def _extension_options(config: dict):
    """Every string of every extension's options in mkdocs.yml, with its path in the YAML (markdown_extensions, the
    extension's index, its name, then the option's keys)."""
    for index, entry in enumerate(entries(config, "markdown_extensions")):
        name, options = next(iter(entry.items()), (None, None)) if isinstance(entry, dict) else (None, None)
        yield from _strings_at(options, ["markdown_extensions", index, name])


def _strings_at(value: object, path: list):
    """Every string in an option's value, however nested, with its path in the YAML."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings_at(inner, [*path, key])
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings_at(inner, [*path, index])


# Settings Material writes into attributes of every page as they are, unescaped (data-md-color-primary, the
# palette toggle's title, <meta name="description">, <link href>…): a `"` there ends the attribute and starts
# markup of its own, a `<` or `>` an element, a backtick an attribute in old browsers' reading. `extra:` is
# whatever templates make of it, so it is held to the same.
# site_name too: Material's header writes it into the logo's aria-label as it is (twenty-seventh hostile round, T4).
UNESCAPED_SETTINGS = ("site_name", "site_description", "site_author", "theme", "extra_css", "extra_javascript", "extra")
ATTRIBUTE_BREAKER = re.compile(r'["<>`]')
ADDRESS_KEYS = {"homepage", "link", "url", "href", "src", "logo", "favicon", "icon", "path"}


# A character reference as a browser reads one in text: `&#12644 ` and `&copy` are decoded without their semicolon.
REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")


def written_as_html(words: str) -> str | None:
    """What in words, written into a page unescaped (as Material writes mkdocs.yml's), a browser reads as HTML:
    a tag, or a character reference it decodes."""
    if markup := MARKUP.search(words):
        return markup[0]
    return next((found[0] for found in REFERENCE.finditer(words) if unescape(found[0]) != found[0]), None)


def _check_unescaped(config: dict, problem) -> None:
    """No value Material writes unescaped into a page holds what could end its attribute or start an element,
    nor an address that runs a script or is a document of its own (extra.homepage, extra.alternate's links)."""
    for key in UNESCAPED_SETTINGS:
        if key in ("site_name", "site_description") and written_as_html(str(config.get(key))):
            continue  # named already, as markup (_check_words_and_nav)
        for path, words in _strings_at(config.get(key), [key]):
            if path[:2] == ["extra", "social"] and path[-1] == "link":
                continue  # a social link is named once, by the rules for it, mail addresses included (_check_social)
            name = ".".join(str(step) for step in path if not isinstance(step, int))
            # javascript: and vbscript: are never words; data: and file: are refused where an address is written.
            # Read as the browser reads the attribute the value lands in: `&#106;avascript:` is javascript:.
            read = scheme(unescape(words))
            if read in ("javascript", "vbscript") or (read in REFUSED_SCHEMES and str(path[-1]).lower() in ADDRESS_KEYS):
                # The logo and the favicon are loaded, and only from the site (thirty-second hostile round, M6).
                problem(key, f"`{name}` is a {read}: address, which Material writes into every page as a link or "
                        "a load", "name a file under docs/ by its path from there, such as assets/favicon.svg"
                        if path in (["theme", "logo"], ["theme", "favicon"]) else "give a page of the site or an https:// "
                        "address", path)
            elif path in (["theme", "logo"], ["theme", "favicon"]) and handed_elsewhere(unescape(words)):
                continue  # named once, as no file of the site, whose fix fits what is loaded (thirty-third round, minor)
            elif str(path[-1]).lower() in ADDRESS_KEYS and (found := handed_elsewhere(unescape(words))):
                # extra.homepage, extra.alternate's links: the logo and the language menu of every page (thirty-second
                # hostile round, T4).
                problem(key, f"`{name}` is {shown(words)}, an address with the scheme {found}:, which a browser hands to "
                        "another program of the reader's", HANDED_ELSEWHERE_FIX, path)
            elif path in (["theme", "logo"], ["theme", "favicon"]) and remote(unescape(words)):
                continue  # named once, as loaded from another host, with the fix that applies (_check_words_and_nav)
            elif str(path[-1]).lower() in ADDRESS_KEYS and (unescape(words) != words or (off_site(words) and not read)):
                # Material writes the address as it is: a browser decodes `&#x2F;&#x2F;host` to //host, and MkDocs makes
                # a //host address relative to each page, a link to no page of the site.
                problem(key, f"`{name}` is written {words!r}, which a browser reads as {unescape(words)!r}"
                        if unescape(words) != words else f"`{name}` is {words!r}, an address without its scheme",
                        "write a page of the site (sources/) or a whole https:// address, without character references", path)
            elif str(path[-1]).lower() in ADDRESS_KEYS and read in ("http", "https") and (fix := address_problem(words)):
                # extra.homepage and extra.alternate's links: the header's logo and the language menu on every page, held
                # to the rules of every other address (twenty-first hostile round, T4: 169.254.169.254, a U+200F).
                problem(key, f"`{name}` is {words!r}, not an address a reader's browser follows as written", fix, path)
            # As a browser reads the words: references decoded, those html.unescape drops (&#x1B;, &#xFFFF;) kept, and
            # held to the rules of a value typed. `.&shy;.` showed '..' on every page with exit 0, and &#x1B; was named
            # only at the built pages (thirty-ninth hostile round, T4 and T5).
            elif what := reference_problem(words):  # past Unicode, or a code browsers show as another character
                problem(key, f"`{name}` holds {what}", REFERENCE_FIX, path)
            elif character := refused_in_values(unescape(words) + referenced(words)):
                problem(key, f"`{name}` holds {character_kind(character)} (the theme writes it into every page)",
                        "remove it (write plain text)", path)
            elif found := ATTRIBUTE_BREAKER.search(words):
                problem(key, f"`{name}` holds {found[0]!r}, which the theme writes into the HTML of every page as it is "
                        "(unescaped): it could end an attribute or start an element", 'write it without ", <, > or backticks',
                        path)


def _check_social(socials: object, problem, root: Path) -> None:
    """extra.social: a list of entries, each an icon Material has and a link a reader may follow (or a mail address)."""
    if socials is not None and not isinstance(socials, list):  # Material draws each entry: a text or a mapping is none
        kind = "a text" if isinstance(socials, str) else "a mapping" if isinstance(socials, dict) else shown(socials)
        problem("extra", f"`extra.social` is {kind}, not a list of links",
                "write each link as an entry of its own: `- icon: material/github` with `link: https://…` below it",
                ["extra", "social"])
    for index, social in enumerate(socials if isinstance(socials, list) else []):
        # Material draws an entry by its icon's template and links it: one without either is a page that does not
        # build, named at the theme's template (twenty-seventh hostile round, T1).
        if not isinstance(social, dict) or "icon" not in social or social.get("link") is None:
            what = ("is not a mapping of `icon:` and `link:`" if not isinstance(social, dict)
                    else "has no `icon:`, which Material draws the link with" if "icon" not in social else "has no `link:`")
            problem("extra", f"an entry of `extra.social` {what}", "give each entry an `icon:` (such as material/github) "
                    "and a `link:`, or remove it", ["extra", "social", index])
            continue
        if not _icon_drawn(root, social["icon"]):
            _icon_problem(problem, "extra", "extra.social.icon", social["icon"], ["extra", "social", index, "icon"])
        if "name" in social and not isinstance(social["name"], str):  # the link's tooltip: Python's repr of a list or mapping
            problem("extra", f"`extra.social.name` is {shown(social['name'])}, not text", "write the words of the link's "
                    "tooltip, such as `name: The edition on GitHub`, or remove it", ["extra", "social", index, "name"])
        link = social["link"]
        if isinstance(link, str) and (found := host_problem(link)):
            problem("extra", f"`extra.social` links to {link!r}: {found.removesuffix(': ' + SAME_SITE)}", SAME_SITE,
                    ["extra", "social", index])
        elif isinstance(link, str) and scheme(link) in ("http", "https") and (fix := address_problem(link)):
            # An https address all the same, but for what it holds (twenty-first hostile round, case 36: a U+200F).
            problem("extra", f"`extra.social` links to {link!r}, not an address a reader's browser follows as written", fix,
                    ["extra", "social", index])
        elif isinstance(link, str) and MAIL_ADDRESS.match(link) and (fix := mail_problem(link)):
            problem("extra", f"`extra.social` links to {link!r}: {fix}", MAIL_FIX, ["extra", "social", index])
        elif not (isinstance(link, str) and (web_address(link) or (MAIL_ADDRESS.match(link) and unescape(link) == link))):
            problem("extra", f"`extra.social` links to {link!r}", "link to an https:// or a mailto: address, or remove the "
                    "entry", ["extra", "social", index])


def _outside_docs(page: str) -> bool:
    """A nav path that leaves docs/: absolute, or up past it (a backslash read as the / browsers make of it)."""
    path = page.replace("\\", "/")
    return path.startswith("/") or posixpath.normpath(path).split("/")[0] == ".."


# A mail address, with a subject or body if any: it loads and runs nothing.
MAIL_ADDRESS = re.compile(r"^mailto:[^\s@<>\"'`&?]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\?[^\s<>\"'`]*)?\Z")
# An icon of Material's, by its set and name (material/github, fontawesome/brands/x-twitter): the theme includes
# the file of that name from its icons folder, so a path (../../partials/footer) would include another template.
ICON = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+\Z")


def _icon_drawn(root: Path, icon: object) -> bool:
    """Whether an icon's name is one Material draws: of its form, and an SVG of the theme's or overrides/'s .icons
    folder. A name of another's form or no file stops the build at the theme's template, named there (an icon that does
    not exist: twenty-eighth hostile round, T7)."""
    if not (isinstance(icon, str) and ICON.match(icon)):
        return False
    try:
        theme = files("material") / "templates" / ".icons"
    except ModuleNotFoundError:  # no Material (Zensical carries its own): the form alone is known
        return True
    return (root / "overrides" / ".icons" / f"{icon}.svg").is_file() or (theme / f"{icon}.svg").is_file()


def _icon_problem(problem, key: str, name: str, value: object, path: list) -> None:
    problem(key, f"`{name}` is {shown(value)}, which is not the name of one of Material's icons",
            "name an icon as Material's icon search gives it, such as material/github", path)


def _posing_as(address: str, site_url: object) -> str | None:
    """An address on a host named as the edition's own with more after it (iraq-restraint-edition.github.io.evil.example)."""
    try:
        own = urlsplit(site_url).hostname if isinstance(site_url, str) else None
        host = urlsplit(address).hostname or ""
    except ValueError:  # an address no URL parser reads: named by host_problem, or site_url's own check
        return None
    return (f"its host {host} starts with the edition's own, {own}, and is another" if own and host.startswith(own + ".")
            else None)


def _docs_file(root: Path, address: str) -> bool:
    """Whether an address mkdocs.yml gives for every page to load (a script, a stylesheet, the logo) is a file under docs/."""
    try:
        path = urlsplit(address).path
    except ValueError:  # http://[x/a.css: no file of docs/, and no address a browser reads
        return False
    return bool(path) and not _outside_docs(path) and (root / FIXED_FOLDERS["docs_dir"] / path).is_file()


def _check_shown_words(config: dict, problem) -> None:
    """The words of mkdocs.yml every page shows (its title, header, footer, sidebar, the toc's and the palette's labels),
    held to the rules of the edition's own words, which the output's check never meets in the head, the header or the
    nav: no doubled punctuation (thirty-seventh hostile round, T2 to T5, T9, T10), and no joiner or mark among letters
    that need none (fortieth round, T3 and T4: a zero-width joiner in toc's permalink, named at every page's headings
    and blamed on them, and in its permalink_title, published)."""
    shown = [([key], config[key]) for key in ("site_name", "site_description", "site_author", "copyright")
             if isinstance(config.get(key), str)]
    shown += [(path, title) for path, title, _ in _nav(config.get("nav"), ["nav"]) if title is not None]
    shown += [(path, words) for key in ("theme", "extra") for path, words in _strings_at(config.get(key), [key])
              if str(path[-1]).lower() not in ADDRESS_KEYS]
    # Labels only: other options are patterns. toc's permalink is the mark after every heading (thirty-ninth round, T1).
    shown += [(path, words) for path, words in _extension_options(config)
              if any(label in str(path[-1]).lower() for label in ("title", "text", "permalink"))]
    for path, words in shown:  # as the browser reads them: Material writes them unescaped (thirty-eighth round, T2)
        name = ".".join(str(step) for step in path if not isinstance(step, int))
        if doubled := DOUBLED.search(unescape(words)):
            problem(str(path[0]), f"`{name}` doubles its punctuation: {doubled[0]!r}", "write the mark once", path)
        if stray := STRAY_FORMAT.search(unescape(words)):
            problem(str(path[0]), f"`{name}` holds U+{ord(stray[0]):04X}, an invisible character that joins or orders "
                    "nothing among the letters beside it, which every page would show unseen", "remove it (write plain text)",
                    path)


def _check_words_and_nav(config: dict, node, problem, root: Path) -> None:
    """What of mkdocs.yml Material writes into every page: words that must stay words, and a nav whose
    Previous and Next links lead somewhere else."""
    if isinstance(config.get("site_name"), str) and not config["site_name"].strip():  # twenty-eighth hostile round, T6
        problem("site_name", "`site_name` is empty: every page's title would end in nothing and the logo's link would have "
                "no name", "write the edition's name")
    for key in ("site_name", "site_description", "copyright"):
        if isinstance(config.get(key), str) and (markup := written_as_html(config[key])):
            problem(key, f"`{key}` holds {markup!r}, which Material writes into every page as HTML",
                    "write it as plain text: the theme sets the words")
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    if "analytics" in extra:
        problem("extra", "`extra.analytics` would load a tracker from another host on every page",
                "remove it: the site has no trackers", ["extra", "analytics"])
    _check_social(extra.get("social"), problem, root)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    for key in ("logo", "favicon"):
        if theme.get(key) is not None and not isinstance(theme[key], str):  # published as Python's repr (thirtieth round, T6)
            problem("theme", f"`theme.{key}` is {shown(theme[key])}, not the path of a file", "name a file under docs/ by its "
                    "path from there, such as assets/favicon.svg, or remove the setting", ["theme", key])
        elif isinstance(theme.get(key), str) and remote(unescape(theme[key])):
            problem("theme", f"`theme.{key}` loads {theme[key]!r} from another host", "put the file under docs/ and name its path",
                    ["theme", key])
        elif isinstance(theme.get(key), str) and scheme(unescape(theme[key])) in REFUSED_SCHEMES:
            continue  # named once, as the kind of address it is (_check_unescaped; thirty-fifth hostile round, minor)
        elif isinstance(theme.get(key), str) and (not _docs_file(root, theme[key]) or handed_elsewhere(unescape(theme[key]))):
            problem("theme", f"`theme.{key}` names {theme[key]!r}, which is not a file under docs/: every page would show "
                    "nothing there", "name a file under docs/ by its path from there, or remove the setting", ["theme", key])
    # Named at the option's own line, not the extension's (thirty-fifth hostile round, minor); once per extension.
    named: set[int] = set()
    for path, words in _extension_options(config):
        if path[1] not in named and (markup := written_as_html(words)):  # footnotes' BACKLINK_TEXT, smarty's substitutions
            problem("markdown_extensions", f"an option of `markdown_extensions` holds {markup!r}, which the extension "
                    "writes into the pages as HTML", "write the option as plain text", path)
            named.add(path[1])
    listed: dict[str, int] = {}
    for path, title, page in _nav(config.get("nav"), ["nav"]):
        if title is not None and (markup := written_as_html(title)):
            problem("nav", f"a `nav` title holds {markup!r}, which Material writes into every page as HTML",
                    "write the title as plain text", path)
        if page is None:
            continue
        if urlsplit(page.strip()).scheme not in ("", "http", "https") or page != page.strip():
            problem("nav", f"`nav` links to {page!r}", "name a page under docs/, or link to an https:// address", path)
        elif any(unescape(found[0]) != found[0] for found in REFERENCE.finditer(page) if found[0][1] == "#" or found[0][-1] == ";"):
            # MkDocs reads a reference as it is, its # as the start of a part of a page: 'smb&#58;//…' was told to be
            # written 'smb&' (thirty-third hostile round, minor). A query's &copy=1 is no reference written.
            problem("nav", f"`nav` lists {page!r}, written with a character reference, which MkDocs does not decode",
                    "write the page's path from docs/ (such as about.md), or the https:// address, as it is", path)
        elif found := host_problem(page) or _posing_as(page, config.get("site_url")):
            problem("nav", f"`nav` links to {page!r}: {found.removesuffix(': ' + SAME_SITE)}", SAME_SITE, path)
        elif not urlsplit(page).scheme and _outside_docs(page):
            problem("nav", f"`nav` leads to {page!r}, outside docs/",
                    "name a page under docs/ by its path from there (such as about.md), or link to an https:// address", path)
        elif not urlsplit(page).scheme and (plain := posixpath.normpath(urlsplit(page).path)) != page:
            # MkDocs reads ./about.md as about.md, but not a/../about.md; the checks here read either as a page of its
            # own, and a page listed twice that way was found only on the built page (twentieth hostile round, T3).
            # Nor does it take about.md#part or ?query: MkDocs' own message had no line (twenty-first round, 64).
            docs = root / FIXED_FOLDERS["docs_dir"]
            if not (docs / plain).is_file():  # about/, the page's address (65), or ABOUT.md#x (twenty-second round, 41)
                plain = next((file for file in sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
                              if file.lower() in (plain.lower(), f"{plain.lower()}.md")), plain)
            whole = ": `nav` names whole pages, never a part of one" if "#" in page or "?" in page else ""
            problem("nav", f"`nav` lists {page!r}, a path not written as docs/ names the page", f"write it as {plain!r}{whole}",
                    path)
        elif not urlsplit(page).scheme and not (root / FIXED_FOLDERS["docs_dir"] / urlsplit(page).path).is_file():
            # MkDocs would only warn, as of a setting and not of the line: strict mode fails the build there.
            problem("nav", f"`nav` lists {page!r}, which is no page under docs/",
                    "name a page by its path from docs/ (such as about.md), or remove the entry", path)
        elif page in listed:  # its Previous and Next links would lead to itself
            problem("nav", f"`nav` lists {page} twice (first on line {listed[page]})", "list each page once", path)
        listed.setdefault(page, line_at(node, path))


def _unlisted_pages(config: dict, root: Path) -> list[Problem]:
    """The pages of docs/ that a `nav` leaves out: MkDocs warns of them all in one message against mkdocs.yml, with
    no line, and strict mode fails the build on it; each is named here as the file it is."""
    listed = {posixpath.normpath(urlsplit(page).path) for _, _, page in _nav(config.get("nav"), ["nav"]) if page}
    if not listed:
        return []  # no nav: MkDocs lists every page itself
    docs = root / FIXED_FOLDERS["docs_dir"]
    return [Problem(f"{FIXED_FOLDERS['docs_dir']}/{file}", 1, "is not in `nav` of mkdocs.yml: no menu or Previous/Next link "
                    "would reach it", "add it to `nav:` in mkdocs.yml, or remove the page")
            for file in sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md") if path.is_file() and not path.is_symlink())
            if file not in listed]


def _entry_name(entry: object) -> str:
    """The name of a plugin or extension as mkdocs.yml lists it: `- name` or `- name: {options}`."""
    return entry if isinstance(entry, str) else next(iter(entry), "") if isinstance(entry, dict) else ""


def _check_settings(config: dict, problem) -> None:
    """Settings MkDocs knows that the edition's pages, permanent links and checks cannot work with, and any it does
    not know."""
    for key, folder in FIXED_FOLDERS.items():
        if key in config and config[key] != folder:
            problem(key, f"`{key}` is {config[key]!r}; the edition's checks read {folder}/ only", f"remove it, or set `{key}: {folder}`")
    for key in config:
        if key not in MKDOCS_SETTINGS:
            problem(str(key), f"`{key}` is not a setting MkDocs knows", "correct its name, or remove it")
    if "use_directory_urls" in config and config["use_directory_urls"] is not True:
        # The permanent links, anchors.lock, the PDF's links and the checks of every link are made for page/ addresses.
        problem("use_directory_urls", f"`use_directory_urls` is {config['use_directory_urls']!r}; every permanent link "
                "of the edition is a folder address (page/)", "remove it (the offline copy, which needs it off, is made "
                "by `make build`)")
    for key in ("exclude_docs", "draft_docs"):
        if key in config:
            problem(key, f"`{key}` would leave pages of docs/ out of the site while the edition's checks, notes and links "
                    "read them", "remove it; move a page that is not to be published out of docs/")
    if "hooks" in config:
        problem("hooks", "`hooks` would run Python files of the project at every build, outside the edition's checks",
                "remove it: the edition's code lives in scripts/edition/")
    if "extra_templates" in config:
        # A file of docs/ rendered by Jinja: `{{ "\x3cscript…" }}` in an SVG the SVG check reads as text becomes a script.
        problem("extra_templates", "`extra_templates` would render files of docs/ as Jinja templates, which no check of "
                "the templates reads", "remove it: templates belong in overrides/ (see the README)")
    if "INHERIT" in config:
        # MkDocs reads the parent file with its full YAML loader, where a tag runs code, and nothing checks it.
        problem("INHERIT", "`INHERIT` would take settings from another file, which MkDocs reads unchecked (its YAML "
                "tags can run code) and the PDF's cache does not see", "remove it, and write those settings into mkdocs.yml")


def _defaults_of(name: str) -> list[tuple[str, object]]:
    """The options a reviewed Python-Markdown extension takes, with their defaults, as it says itself."""
    return sorted(markdown.Markdown().build_extension(name, {}).getConfigs().items())


def _options_of(name: str) -> list[str]:
    return [option for option, _ in _defaults_of(name)]


# A little of everything the reviewed extensions read, for them to use their options on: headings, a note, a table, an
# abbreviation, a definition, an admonition, emphasis and quotes.
TRIAL_PAGE = ("# A\n\n## B\n\n*C* \"D\" -- E[^1] HTML\n\n[^1]: F\n\n| G | H |\n|---|---|\n| I | J |\n\n"
              "*[HTML]: K\n\nL\n:   M\n\n!!! note\n    N\n\n<div markdown=\"1\">O</div>\n")


def _unusable_options(name: str, options: object) -> tuple[str, str] | None:
    """(what, fix) when a reviewed extension cannot take its options from mkdocs.yml: not a mapping, an option it has
    not, or a value it cannot use (toc_depth: {a: b}), tried on a page of two headings as MkDocs would; or None."""
    if options is None:
        return None
    if not isinstance(options, dict):
        return f"the options of `{name}` are {options!r}, not a mapping", f"write them as `- {name}: {{option: value}}`"
    if unknown := sorted(set(options) - set(known := _options_of(name)), key=str):
        # attr_list has none: "use one of: " and nothing after it (thirty-ninth hostile round, minor).
        return ((f"`{name}` has no option {unknown[0]!r}", f"use one of: {', '.join(known)}") if known else
                (f"`{name}` takes no options, got {unknown[0]!r}", f"write `- {name}` alone"))
    try:
        markdown.Markdown(extensions=[name], extension_configs={name: options}).convert(TRIAL_PAGE)
    except Exception as error:  # an extension may raise anything for a value it cannot use
        return (f"`{name}` cannot use the options {options!r} ({type(error).__name__}: {error})",
                "give each option a value of the kind its documentation says")
    return None


def _words_added(name: str, options: object) -> tuple[str, str] | None:
    """(what, fix) when an extension's options would add words of the editors' to the essay's on every page, where
    no page's text shows them and the published page's check is `make build`'s alone: abbr's glossary (a description
    on every mention of a word), or smarty's substitutions made words rather than the marks they stand for."""
    options = options if isinstance(options, dict) else {}
    if name == "abbr" and options.get("glossary"):
        return ("`abbr`'s `glossary` would add the editors' descriptions to words of the essay on every page, with no "
                "source", "describe people and groups in sources/essay/glossary.yml, where each description cites its "
                "sources; or define an abbreviation on the page that uses it (*[UN]: United Nations)")
    substitutions = options.get("substitutions") if name == "smarty" else None
    if isinstance(substitutions, dict) and (wordy := next((value for value in substitutions.values() if not (
            isinstance(value, str) and 0 < len(value) <= 2 and all(unicodedata.category(c)[0] in "PZ" for c in value))), None)):
        return (f"`smarty`'s `substitutions` would write {wordy!r} into the essay's words in place of a dash or a quotation "
                "mark", "give each a mark of one or two characters (such as \u2013 or \u00ab), or leave the defaults")
    return None


# The options of toc and footnotes a project may set: the rest shape the headings' levels, the ids, the classes and
# the notes' order and calls that the edition's anchors, stylesheet, scripts and PDF are made for (fourteenth and
# fifteenth hostile rounds: baselevel, separator and permalink_class failed only at built pages or lost anchors).
SETTABLE_OPTIONS = {"toc": {"permalink", "permalink_title", "title", "toc_depth"},
                    "footnotes": {"BACKLINK_TEXT", "BACKLINK_TITLE"}}
FORMATTED_OPTIONS = {("footnotes", "BACKLINK_TITLE")}  # footnotes fills in the note's number with str.format


def _fixed_option_changed(name: str, options: object) -> tuple[str, str, str] | None:
    """(option, what, fix) when an option of toc or footnotes the edition is built on is set other than its default."""
    if name not in SETTABLE_OPTIONS or not isinstance(options, dict):
        return None
    defaults = dict(_defaults_of(name))
    for option, value in options.items():
        default = defaults.get(option)
        if option not in defaults:
            continue  # no option of the extension's: _unusable_options names it
        if option not in SETTABLE_OPTIONS[name] and value != default and str(value) != str(default):
            return (option, f"`{name}`'s `{option}` is {value!r}; the edition's headings, anchors, styles and PDF are made for "
                    f"its default, {default!r}", f"remove `{option}`")
        if (name, option) in FORMATTED_OPTIONS and re.search(r"[{}]", re.sub(r"\{0?\}|%d", "", str(value))):
            # str.format's own fields: 'Back {0:>50000000}' made each note's title 50 MB, and the build 8 GB
            # (sixteenth hostile round, T2).
            return (option, f"`{name}`'s `{option}` holds a format field other than {{}}, the note's number",
                    "write the title with {} where the number goes, and no other brace")
    return None


def _check_plugins_and_extensions(config: dict, problem) -> None:
    """Plugins and Markdown extensions: only those reviewed, the edition's own without options, and every one the
    pages and the build need."""
    for key, allowed in (("plugins", PLUGINS), ("markdown_extensions", MARKDOWN_EXTENSIONS)):
        for index, entry in enumerate(entries(config, key)):
            name = _entry_name(entry)
            if key == "plugins" and name == "offline":
                problem(key, "`plugins` names 'offline', which is the offline copy's: on the site it would load search from "
                        "another host and give every page a file address", "remove it: `make build` makes the offline "
                        "copy with it", [key, index])
            elif not (isinstance(name, str) and (name in allowed or name.startswith(EXTENSIONS))):
                problem(key, f"`{key}` names {name!r}, which the edition has not checked (it could read files from the "
                        "machine or the network into the pages)",
                        f"use one of: {', '.join(sorted(allowed))}; or review it and add it to this list in "
                        "scripts/edition/model/edition.py", [key, index])
            elif key == "markdown_extensions" and isinstance(entry, dict) and (
                    fixed := _fixed_option_changed(name, entry[name])):
                # Before the options are tried on a page: a format field asking for 50 MB is not tried (T2).
                problem(key, fixed[1], fixed[2], [key, index, name, fixed[0]])
            elif key == "markdown_extensions" and isinstance(entry, dict) and not name.startswith(EXTENSIONS) and (
                    unusable := _unusable_options(name, entry[name])):
                # Python-Markdown raises for it, out of MkDocs' configuration or a page's rendering, as a traceback.
                problem(key, unusable[0], unusable[1], [key, index, name])
            elif key == "markdown_extensions" and isinstance(entry, dict) and (added := _words_added(name, entry[name])):
                problem(key, *added, [key, index, name])
            elif name.startswith(EXTENSIONS) and isinstance(entry, dict) and entry[name] not in (None, {}):
                # Their only settings (the project, the loaded edition) are handed to them by the build and the plugin.
                problem(key, f"`{name}` takes no options in mkdocs.yml, got {entry[name]!r}", f"write `- {name}` alone",
                        [key, index])
    plugins = [_entry_name(entry) for entry in entries(config, "plugins")]
    named = {_entry_name(entry) for entry in entries(config, "markdown_extensions")}
    for name in REQUIRED_EXTENSIONS:
        if name not in named:
            problem("markdown_extensions", f"`markdown_extensions` does not name `{name}`, which the edition's pages are "
                    "written with", f"add `- {name}` under `markdown_extensions:`")
    if "edition" not in plugins:
        problem("plugins", "`plugins` does not name `edition`, which loads and checks the edition under `mkdocs build` "
                "and `mkdocs serve` (without it they would render nothing of the edition's)", "add `- edition` under `plugins:`")


# The colours Material's palette stylesheet has (its [data-md-color-primary=…] and [data-md-color-accent=…] rules),
# and `custom`, which the edition's own stylesheet would define.
PRIMARY_COLOURS = frozenset({"red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green",
                             "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey",
                             "black", "white", "custom"})
ACCENT_COLOURS = PRIMARY_COLOURS - {"brown", "grey", "blue-grey", "black", "white"}
ICON_KIND = re.compile(r"[A-Za-z0-9_-]+")


def _check_theme(config: dict, problem, root: Path) -> None:
    """The theme as the edition's templates and promises need it: Material, with overrides/, no Google Fonts,
    a language, icons and static templates that exist."""
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    palette = theme.get("palette", {})
    schemes = [palette] if isinstance(palette, dict) else palette if isinstance(palette, list) else None
    # Material's template iterates the schemes and reads each toggle's icon and name: anything else stops every page's
    # rendering, named at the template's line.
    if schemes is None or not all(isinstance(each, dict) for each in schemes):
        problem("theme", f"`theme.palette` is {shown(palette)}, not a scheme or a list of schemes",
                "write each scheme as a mapping (`- scheme: default`, `primary:`, `toggle:`)", ["theme", "palette"])
    for index, colours in enumerate(schemes or []):
        for role, names in (("primary", PRIMARY_COLOURS), ("accent", ACCENT_COLOURS)):
            # Written into every page's data-md-color-* as given: a name Material has no colour for, a list's repr, is
            # no colour at all (thirtieth hostile round, T7).
            colour = colours.get(role) if isinstance(colours, dict) else None
            if colour is not None and not (isinstance(colour, str) and colour.lower().replace(" ", "-") in names):
                problem("theme", f"`theme.palette.{role}` is {shown(colour)}, not one of Material's colours", f"name one of: "
                        f"{', '.join(sorted(name.replace('-', ' ') for name in names))}",
                        ["theme", "palette", *([index] if isinstance(palette, list) else []), role])
        toggle = colours.get("toggle") if isinstance(colours, dict) else None
        at = ["theme", "palette", *([index] if isinstance(palette, list) else []), "toggle"]
        fix = "write it as `toggle: {icon: material/weather-night, name: Switch to dark mode}`"
        if toggle is not None and not isinstance(toggle, dict):
            problem("theme", f"`theme.palette` toggle is {shown(toggle)}, not an icon and a name", fix, at)
        elif wrong := next((key for key in ("icon", "name") if isinstance(toggle, dict) and not isinstance(toggle.get(key), str)),
                           None):
            # The part that is wrong, at its line, not the whole mapping in Python's spelling (twenty-ninth round, M9).
            problem("theme", f"`theme.palette.toggle.{wrong}` is {shown(toggle.get(wrong))}, not text", fix,
                    at + ([wrong] if wrong in toggle else []))
    icons = theme.get("icon")
    # theme.icon: a mapping of names to icons (admonition's and tag's, of names to icons too). Anything else there is no
    # icon's name, and stopped the build at the theme's template, named there (twenty-ninth hostile round, T5).
    if icons is not None and not isinstance(icons, dict):
        problem("theme", f"`theme.icon` is {shown(icons)}, not a mapping of icons", "write each icon under it by its "
                "use, such as `repo: fontawesome/brands/github`", ["theme", "icon"])
    for use, value in icons.items() if isinstance(icons, dict) else ():
        if use in ("admonition", "tag") and not isinstance(value, dict):
            problem("theme", f"`theme.icon.{use}` is {shown(value)}, not a mapping of names to icons", "write each icon "
                    f"under it by its name, such as `{'note' if use == 'admonition' else 'default'}: material/pencil`",
                    ["theme", "icon", use])
            continue
        for kind in value if isinstance(value, dict) and use in ("admonition", "tag") else ():
            # Each name lands in every page's <style> as a CSS custom property's (--md-admonition-icon--note): one that
            # is no word ends the rule or the element (thirtieth hostile round, T5).
            if not (isinstance(kind, str) and ICON_KIND.fullmatch(kind)):
                problem("theme", f"`theme.icon.{use}` names an icon by {shown(kind)}, which is not a word: Material writes the "
                        "name into every page's stylesheet", f"name it by a word of letters, digits and hyphens, such as "
                        f"`{'note' if use == 'admonition' else 'default'}`", ["theme", "icon", use, kind])
        for path, icon in ([(["theme", "icon", use, kind], each) for kind, each in value.items()]
                           if isinstance(value, dict) and use in ("admonition", "tag") else [(["theme", "icon", use], value)]):
            if not isinstance(icon, str):
                problem("theme", f"`{'.'.join(map(str, path))}` is {shown(icon)}, not an icon's name", "name an icon as "
                        "Material's icon search gives it, such as material/github", path)
    for path, value in _strings_at(theme, ["theme"]):  # theme.icon's, and each palette toggle's
        if path[:2] == ["theme", "icon"] and any(isinstance(step, int) for step in path):
            continue  # in a list under theme.icon: named above, as no icon's name
        if "icon" in path and not _icon_drawn(root, value):
            _icon_problem(problem, "theme", ".".join(str(step) for step in path if not isinstance(step, int)), value, path)
    if theme.get("custom_dir", "overrides") != "overrides":
        problem("theme", f"`theme.custom_dir` is {theme['custom_dir']!r}; templates are the edition's code, in overrides/",
                "set `custom_dir: overrides`", ["theme", "custom_dir"])
    if theme.get("name", "material") != "material":
        # The templates of overrides/ extend Material's: under another theme they fail on blocks it lacks.
        problem("theme", f"`theme.name` is {theme['name']!r}; the edition's templates (overrides/) extend Material's",
                "set `name: material`", ["theme", "name"])
    statics = theme.get("static_templates", [])
    for index, name in enumerate(statics if isinstance(statics, list) else [statics]):
        if not (isinstance(name, str) and template_found(root, name)):
            problem("theme", f"`theme.static_templates` names {name!r}, which is no template of overrides/ or the theme",
                    "name a template file of overrides/ by its path from there, or remove the entry",
                    ["theme", "static_templates", index] if isinstance(statics, list) else ["theme", "static_templates"])
    if theme.get("font") is not False:
        problem("theme", "`theme.font` is not false: Material would load the fonts from Google",
                "set `font: false` (the stylesheet names the fonts)", ["theme", "font"] if "font" in theme else ["theme"])
    # MkDocs would stop on a missing partials/languages/<code>.html as if the output folder had failed.
    known = theme_languages(root)
    if known is not None and str(theme.get("language", "en")) not in known:
        problem("theme", f"`theme.language` is {theme['language']!r}, which is not a language Material has",
                "use one of its languages, the names (without .html) of the files in partials/languages/ of its templates "
                "(`pip show -f mkdocs-material` lists them), such as en, de or fr", ["theme", "language"])


def read_config(root: Path, problems: list[Problem]) -> dict:
    """mkdocs.yml, read like every input before MkDocs reads it, and held to what the edition promises.

    MkDocs loads it with PyYAML's full loader, so a `!!python/object/apply` tag there would run when
    MkDocs starts: here it is plain YAML (no tags, aliases or duplicate keys), as Zensical reads it too.
    """
    text = read_text(root / CONFIG_FILE, CONFIG_FILE, problems, limit=MAX_LEDGER_BYTES)
    parsed = parse_yaml(text, CONFIG_FILE, problems) if text is not None else None
    if parsed is None:
        return {}
    config, node = parsed
    if not isinstance(config, dict):
        problems.append(Problem(CONFIG_FILE, 1, "must be a mapping of settings", "restore it from the repository"))
        return {}
    if (root / ZENSICAL_FILE).exists() or (root / ZENSICAL_FILE).is_symlink():
        # Zensical prefers it to mkdocs.yml: with it there, `zensical build` would run none of the edition's code.
        problems.append(Problem(ZENSICAL_FILE, 1, "Zensical reads this file in place of mkdocs.yml, and none of the "
                                "edition's checks read it", "remove it: the edition's settings are mkdocs.yml's"))
    lines = key_lines(node)

    def problem(key: str, what: str, fix: str, path: list | None = None) -> None:
        problems.append(Problem(CONFIG_FILE, line_at(node, path) if path else lines.get(key, 1), what, fix))

    if not isinstance(config.get("site_url"), str) or not web_address(config["site_url"]):
        problem("site_url", "no `site_url`" if not config.get("site_url")
                else f"`site_url` must be a web address, got {config['site_url']!r}",
                "set `site_url:` to the edition's published address: permanent links, citations and metadata are made from it")
    elif (parts := urlsplit(config["site_url"])).query or parts.fragment or config["site_url"].endswith(("?", "#")):
        # Every page's address is the site's with the page's path added: after a ?query or a #fragment, the path
        # is no path (sixteenth hostile round, T6: …/?q=1#f/about/ in every page's citation metadata).
        problem("site_url", f"`site_url` {config['site_url']!r} holds a ?query or a #fragment, after which no page's "
                "path can be added", "set `site_url:` to the address of the edition's home page alone, such as "
                "https://example.org/edition/")
    _check_settings(config, problem)
    _check_plugins_and_extensions(config, problem)
    if "repo_url" in config:
        problem("repo_url", "`repo_url` makes every page ask api.github.com for the repository's stars",
                "remove it: the site makes no request to another host")
    for key in ("edit_uri", "edit_uri_template"):
        # Whole, it is every page's "Edit this page" link (twenty-first hostile round, T4 and 131): held to the rules of
        # every address, and named here rather than in MkDocs' words at each page.
        value = config.get(key)
        # The template's fields ({path}, {path_noext}, {path!q}) are MkDocs' to fill: read as a path's words (case 19).
        address = re.sub(r"\{path(?:_noext)?(?:!q)?\}", "page", value) if key == "edit_uri_template" and isinstance(value, str) else value
        if not (isinstance(address, str) and (read := scheme(address))):
            continue  # relative to repo_url, which the edition has not: MkDocs writes no link
        if fix := address_problem(address) if read in ("http", "https") else "give a whole https:// address, or remove it":
            problem(key, f"`{key}` is {value!r}, not an address a reader's browser follows as written", fix)
    _check_theme(config, problem, root)
    _check_words_and_nav(config, node, problem, root)
    _check_shown_words(config, problem)
    problems += _unlisted_pages(config, root)
    _check_unescaped(config, problem)
    for key in ("extra_javascript", "extra_css"):
        if not isinstance(config.get(key, []), list):
            problem(key, f"`{key}` must be a list of files under docs/, got {config[key]!r}", f"write `{key}:` as a list")
            continue
        for index, entry in enumerate(entries(config, key)):
            address = str(entry.get("path", "")) if isinstance(entry, dict) else str(entry)
            if off_site(address) or address != address.strip():  # /\host and \\host too: browsers read \ as /
                problem(key, f"`{key}` loads {address!r} from another host", "put the file under docs/ and name its path",
                        [key, index])
            elif "\\" in address:
                problem(key, f"`{key}` names {address!r}, with a backslash, which browsers read as / and MkDocs as a Windows "
                        "separator", "write the path with /", [key, index])
            elif unescape(address) != address:  # written into the page as it is, and decoded there
                problem(key, f"`{key}` names {address!r}, which a browser reads as {unescape(address)!r}",
                        "write the path of a file under docs/ as it is, without character references", [key, index])
            elif not _docs_file(root, address):
                problem(key, f"`{key}` names {address!r}, which is not a file under docs/: every page would load "
                        "nothing there", "name a file under docs/ by its path from there, or remove the entry", [key, index])
    # Material writes each of extra.polyfills into a <script src> of every page, as extra_javascript.
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    polyfills = extra.get("polyfills") if isinstance(extra.get("polyfills"), list) else []
    for index, entry in enumerate(polyfills):
        if off_site(str(entry)):
            problem("extra", f"`extra.polyfills` loads {str(entry)!r} from another host", "put the file under docs/ and name "
                    "its path", ["extra", "polyfills", index])
    return config


def pdf_file(root: Path) -> str | None:
    """The name edition.yml gives the PDF (`pdf: file:`), or None when edition.yml cannot say (named by its checks)."""
    meta, _ = _meta(root, [])
    return meta.pdf.file if meta else None


def _meta(root: Path, problems: list[Problem]) -> tuple[EditionSettings | None, object]:
    """sources/essay/edition.yml: the edition's title, authors, publisher, original and PDF settings, with its
    parsed node (for the line of a setting)."""
    name = (ESSAY_DIR / "edition.yml").as_posix()
    text = read_text(root / name, name, problems)
    parsed = parse_yaml(text, name, problems) if text is not None else None
    if parsed is None:
        return None, None
    if not isinstance(parsed[0], dict):
        problems.append(Problem(name, 1, "must be a mapping of settings", "write `title: ...`, `authors: ...` and so on"))
        return None, None
    return validated(EditionSettings, parsed[0], parsed[1], name, problems), parsed[1]


def _text(value: str) -> str:
    """Non-empty text with nothing the citation formatter would read as markup, nor BibTeX as a group (the Cite
    panel's forms are made from it)."""
    if BRACES.search(value):
        raise wrong("holds a brace", "write it without braces: BibTeX reads a brace as the start or end of a group, so the "
                    f"edition's citations would break; {BRACES_FIX}")
    if not any(unicodedata.category(c)[0] not in "ZC" for c in value) or MARKUP.search(value):
        raise ValueError("not text")  # only spaces or U+200B, or markup
    return value


Text = Annotated[str, AfterValidator(_text)]
PDF_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.pdf\Z")  # a name any file system takes


def _open_ended(value: str) -> str:
    """A title or subtitle the pages and citations close themselves: one ending in . , ; or : is printed doubled
    (',.' in the Cite panel's forms; eleventh hostile round, case 68), and one ending in ? or ! is followed by the
    styles' comma ('?,', which the edition's typography refuses as doubled; twelfth round, cases 3 and 17)."""
    # As its plain form: a fullwidth ？ or an ellipsis … is printed doubled the same way (thirteenth round, 38 and 39).
    if unicodedata.normalize("NFKC", value.rstrip()[-1:]).strip()[-1:] in (".", ",", ";", ":", "?", "!"):
        raise wrong(f"ends in {value.rstrip()[-1]!r}, after which the Cite panel's forms print the citation styles' own "
                    "mark (',.', '?,'), refused as doubled punctuation", "end it with its last word: the citation styles "
                    "add the marks (a question or exclamation belongs in the title's words, not at its end)", said=True)
    return value


def _one_line(value: str) -> str:
    if "\n" in value.strip() or len(value) > 600:
        raise ValueError("not one statement")
    return value


def _one_name(value: str) -> str:
    """A name part Pandoc writes into BibTeX unbraced: `and` there starts another person (Sam and Jo → two)."""
    if found := NAME_SEPARATOR.search(value):
        raise wrong(f"holds {found[0]!r}", "give each person an entry of their own and a name without commas: BibTeX reads "
                    "'and' as the start of another name, and a comma as a part of the name")
    return value


NamePart = Annotated[Text, AfterValidator(_one_name)]


class Person(Schema):
    given: NamePart
    family: NamePart


class PdfSettings(Schema):
    file: Annotated[str, matching(PDF_NAME, "a file name ending .pdf")]
    appendices: list[str]  # each a page of docs/: checked against docs/ itself (load_inputs), every entry at once


class EditionSettings(Schema):
    """sources/essay/edition.yml. Each description says how to write the setting (the messages quote it)."""

    noun: ClassVar[str] = "setting"

    title: Annotated[Text, AfterValidator(_open_ended)] = Field(description="the edition's title, as text (no markup)")
    subtitle: Annotated[Text, AfterValidator(_open_ended)] = Field(description="a subtitle, as text (no markup)")
    authors: Annotated[list[Person], Field(min_length=1)] = Field(description="a list of `{given: …, family: …}`")
    original: Text = Field(description="the id of the essay's source record")
    publisher: Text = Field(description="who issues the edition, as text (no markup)")
    language: LanguageTag = Field("en", description="a language tag such as en")
    pdf: PdfSettings = Field(description="`file:` a plain file name ending .pdf (no folder), and `appendices:` a list of docs/ pages")
    rights: Annotated[Text, AfterValidator(_one_line)] = Field(
        description="one statement of who holds the rights in what, and under which licence, as text on one line "
                    "(no markup, at most 600 characters)")


def load_inputs(root: Path, today: dt.date | None = None, memo: Memo | None = None) -> Inputs:
    """Read and validate every input of the edition, or raise ProblemsFound listing every problem.

    Each input is checked on its own here; `edition.load` checks them against each other
    (model.checks) and formats the citations. memo: see model.memo.
    """
    problems: list[Problem] = []
    try:
        registry = load_sources(root, today, memo)
    except ProblemsFound as error:
        problems += error.problems
        registry = Registry()
    # Ledgers are checked against every record on disk, so one broken record is reported once,
    # not again by each ledger entry that names it.
    known = set(registry.sources) | {path.stem for path in source_files(root)}
    meta, meta_node = _meta(root, problems)
    config = read_config(root, problems)
    site_url = config.get("site_url") or ""
    scripts = ({str(entry.get("path", "")) if isinstance(entry, dict) else str(entry) for entry in entries(config, "extra_javascript")}
               if config and isinstance(config.get("extra_javascript", []), list) else None)  # named above if not
    irregular = irregular_files(root)
    problems += (irregular + asset_problems(root, scripts, memo)
                 + template_problems(root, tuple(problem.path for problem in irregular), memo))
    editorial = load_editorial(root, known, problems, memo)
    quotations = load_quotations(root, known, problems, memo)
    claims = load_claims(root, known, problems, memo)
    original = registry[meta.original] if meta and meta.original in registry else None
    releases = load_releases(root, today or dt.date.today(), original.issued if original else None, problems, memo)
    essay = load_essay(root, problems)
    if essay is None:  # every later check reads the essay: report what is known so far
        raise ProblemsFound(problems)
    events = load_events(root, known, len(essay.paragraphs), problems, memo)
    glossary = load_glossary(root, known, problems, memo)
    lock = load_lock(root, problems)
    if meta and meta.original not in known:  # an unreadable edition.yml is reported once, above
        problems.append(Problem(relative(root / ESSAY_DIR / "edition.yml", root), key_lines(meta_node).get("original", 1),
                                f"'original' names an unknown source '{meta.original}'",
                                "name the source record of the essay as first published"))
    elif meta and meta.original in registry and (swapped := _swapped_parts(registry[meta.original], essay)):
        # The record is the essay's, and layout.yml names its title, or an author's biography, as another part
        # (twenty-third hostile round, T1 and T2): named there, not as a wrong record in edition.yml.
        problems += [Problem(LAYOUT.as_posix(), _layout_lines(root).get(key, 1), what, fix) for key, what, fix in swapped]
    elif meta and meta.original in registry and not _same_title(registry[meta.original].title, essay.title):
        # Any record would do for the byline, the Cite panel and the metadata: only the essay's own title, as the
        # source of record has it, says the record is the essay's.
        problems.append(Problem(relative(root / ESSAY_DIR / "edition.yml", root), key_lines(meta_node).get("original", 1),
                                f"'original' names '{meta.original}', whose title “{registry[meta.original].title}” is not "
                                f"the essay's (“{essay.title}”, {RECORD.as_posix()}:{essay.sections[0].line})",
                                "name the source record of the essay as first published"))
    elif meta and meta.original in registry and not (registry[meta.original].url and registry[meta.original].container_title):
        original = registry[meta.original]  # the byline, the Cite panel, the metadata and the PDF link to it, by name
        problems.append(Problem(original.path, original.line, f"'{original.id}' is the essay's own record (edition.yml "
                                "`original:`), which needs `url:` and `container-title:`: every page and the PDF name and "
                                "link the essay as first published", "give the record the essay's address and its publication"))
    docs = read_docs(root, essay, problems, tuple(problem.path for problem in irregular))
    extensions = standard_extensions(config)
    listed: set[str] = set()
    for index, appendix in enumerate(meta.pdf.appendices if meta else []):
        where = (ESSAY_DIR / "edition.yml").as_posix(), line_at(meta_node, ["pdf", "appendices", index])
        if docs.get(appendix) is None and not any(p.path == f"docs/{appendix}" for p in problems):  # unreadable: named already
            problems.append(Problem(*where, f"PDF appendix '{appendix}' is not a page in docs/",
                                    "name a page under docs/, such as about.md"))
        elif appendix in listed or appendix in {section.page for section in essay.sections}:  # twice in the PDF, ids clashing
            problems.append(Problem(*where, f"PDF appendix '{appendix}' is already in the PDF"
                                    + (" (a section of the essay)" if appendix not in listed else ""),
                                    "name each page once; the essay's sections come first by themselves"))
        listed.add(appendix)
    if problems:  # with the pages' own HTML, which check_all reads once the rest is valid: every problem at once
        # Read with mkdocs.yml's extensions only when nothing there is refused: an option named wrong would fail here.
        usable = (tuple((name, {}) for name in MKDOCS_BUILTINS) if any(problem.path == CONFIG_FILE for problem in problems)
                  else extensions)
        raise ProblemsFound(problems + markup_problems(docs, {section.page for section in essay.sections}, usable, memo))
    return Inputs(root=root, meta=meta, essay=essay, registry=registry, docs=docs, lock=lock,
                  site_url=site_url, editorial=editorial, quotations=quotations,
                  releases=releases, events=events, glossary=glossary, claims=claims,
                  markdown_extensions=extensions)


def _swapped_parts(original: Source, essay: Essay) -> list[tuple[str, str, str]]:
    """What layout.yml names as the wrong part, read against the essay's own record: its title as a header image's
    name, a biography or the credit, and a line naming no author as a biography (each (key, what, fix))."""
    parts = {"header_image_filename": [essay.image_filename], "image_credit": [essay.image_credit],
             "biographies": list(essay.biographies)}
    swapped = [("title", f"'title' names a line that is not the essay's title (“{essay.title[:60]}”): the title of its record "
                f"'{original.id}' is the line '{key}' names", f"swap the numbers of 'title' and '{key}'")
               for key, texts in parts.items() if not _same_title(original.title, essay.title)
               and any(_same_title(original.title, text) for text in texts)]
    families = [author["family"] for author in original.authors if author.get("family")]
    if families:
        swapped += [("biographies", f"'biographies' names a line that names no author of the essay ({', '.join(families)}): "
                     f"“{normalize(text)[:60]}”", "give the numbers of the lines of the authors' biographies")
                    for text in essay.biographies if not any(family in text for family in families)]
        named = [next((family for family in families if family in text), None) for text in essay.biographies]
        if not swapped and len(named) == len(families) and named != families:  # About prints them in the byline's order
            swapped.append(("biographies", f"'biographies' names the authors' biographies in another order ({', '.join(named)}) "
                            f"than the essay's byline ({', '.join(families)})", "list the lines in the byline's order"))
    return swapped


def _layout_lines(root: Path) -> dict[str, int]:
    """The line of each key of layout.yml, read again for a message about one (it was read whole to load the essay)."""
    parsed = parse_yaml((root / LAYOUT).read_text(encoding="utf-8"), LAYOUT.as_posix(), [])
    return key_lines(parsed[1]) if parsed and parsed[1] is not None else {}


def _same_title(title: str, essay_title: str) -> bool:
    """Whether a record's title is the essay's, however its spaces, case or apostrophes are typed."""
    def folded(text: str) -> str:
        return normalize(text).replace("’", "'").casefold()
    return folded(title) == folded(essay_title)


# What MkDocs adds to every site's extensions, first (MkDocsConfig.markdown_extensions.builtins; Zensical does as
# MkDocs does): a page is checked as it is rendered, ``` a fence (thirtieth hostile round, T1).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def standard_extensions(config: dict) -> tuple:
    """The Python-Markdown extensions a page is rendered with: MkDocs' own (MKDOCS_BUILTINS), then the reviewed ones
    mkdocs.yml names (MARKDOWN_EXTENSIONS), as (name, config) pairs, each once, as MkDocs lists them."""
    settings_of: dict[str, dict] = {}
    for entry in entries(config, "markdown_extensions"):
        name, settings = ((entry, {}) if isinstance(entry, str) else next(iter(entry.items()), ("", {})) if isinstance(entry, dict)
                          else ("", {}))
        if isinstance(name, str) and name in MARKDOWN_EXTENSIONS:  # one not reviewed is refused, and never run
            settings_of.setdefault(name, settings if isinstance(settings, dict) else {})
    return tuple((name, settings_of.get(name, {})) for name in dict.fromkeys([*MKDOCS_BUILTINS, *settings_of]))

"""What the folders the build reads and publishes may hold: no links or special files, pages with
names that are URLs, and assets of kinds a static site can serve without running anything.

docs/ is published as it is (MkDocs copies every file), so a file there is a document of the site's
own origin: an HTML, XML or scripted SVG file opened directly would run with no policy to stop it.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

import tinycss2
from lxml import etree

from ..problems import Problem
from .docs import DOCS_DIR
from .files import REORDERING_FIX, character_kind, never_in_pages
from .memo import Memo, checked
from .rawhtml import css_tokens, remote
from .values import DOUBLED

# Everything in them reaches the site (pages, assets, templates) or the build (records, ledgers).
PUBLISHED_DIRS = (DOCS_DIR, Path("overrides"), Path("sources"))
# The files docs/ may hold besides pages: a stylesheet, a script the configuration loads, images and
# fonts. Not HTML or XML: opened directly they are documents of the site's own origin, with scripts
# of their own and no policy to stop them; an SVG is allowed when it holds nothing that runs or fetches.
ASSET_TYPES = {".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff2", ".woff"}
PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")


# A second name for a file's contents, which may be a file outside the project (sixteenth hostile round: print/'s
# printed /etc/shadow). Git never makes one in a checkout.
HARD_LINK = "is a hard link: its contents are also another file's, which may lie outside the project"
HARD_LINK_FIX = "copy the file itself into the project (cp, not ln)"


def irregular_files(root: Path) -> list[Problem]:
    """Links, and anything but files and folders, in the folders whose files are published.

    A link would publish whatever it points to (a file outside the project, another's secrets), and
    a FIFO or device would hang or flood the build; so each is named, never followed or opened.
    """
    problems = []
    for folder in PUBLISHED_DIRS:
        if (root / folder).is_symlink():
            problems.append(Problem(folder.as_posix(), 0, "is a symbolic link: its target would be read and published",
                                    "make it a folder of the project"))
            continue
        for current, dirs, files in os.walk(root / folder, followlinks=False):
            for name in sorted(dirs + files):
                path = Path(current) / name
                status = path.lstat()
                mode = status.st_mode
                where = path.relative_to(root).as_posix()
                if stat.S_ISLNK(mode):
                    problems.append(Problem(where, 0, "is a symbolic link: its target would be published",
                                            "copy the file itself into the project, or remove the link"))
                elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                    problems.append(Problem(where, 0, "is not a regular file (a FIFO, socket or device)", "remove it"))
                elif stat.S_ISREG(mode) and status.st_nlink > 1:
                    problems.append(Problem(where, 0, HARD_LINK, HARD_LINK_FIX))
            dirs[:] = [d for d in dirs if not (Path(current) / d).is_symlink()]
    return problems


SVG = "{http://www.w3.org/2000/svg}"
# What an SVG image of the site may be made of: shapes, text, paint and their grouping. Nothing that
# runs (script, handlers, animation that sets attributes), loads (links, <image>, <style>, url() to
# elsewhere) or embeds another document (foreignObject).
SVG_ELEMENTS = {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title",
                "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask", "symbol", "use"}
SVG_ATTRIBUTES = {"viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
                  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
                  "stroke-opacity", "opacity", "transform", "font-size", "font-family", "font-weight", "text-anchor",
                  "dominant-baseline", "offset", "stop-color", "stop-opacity", "gradientunits", "gradienttransform",
                  "clip-path", "clip-rule", "mask", "id", "class", "version", "preserveaspectratio", "href"}

SVG_WORDS = {"text", "title", "desc"}  # the elements whose text is words: a <tspan>'s are its <text>'s

SVG_FIX = "save it without scripts, links or embedded documents"


def _svg_problems(data: bytes) -> list[tuple[int, str, str]]:
    """What in an SVG would run or fetch when the file is opened on its own (it is then a document of the
    site's origin, with no policy), each with its line: read as XML, as a browser reads it (lxml, with no
    entities resolved and nothing fetched), against the allow-list above; each with its line and its fix."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:  # UTF-16 was refused in an XML parser's words, with advice about scripts (round 38)
        return [(data.count(b"\n", 0, error.start) + 1, f"is not UTF-8 text (byte {error.start + 1} is no UTF-8)",
                 "save it as UTF-8")]
    if declared := re.search(r"<!DOCTYPE|<!ENTITY|<\?(?!xml\s)", text, re.IGNORECASE):
        return [(text.count("\n", 0, declared.start()) + 1, "holds a DOCTYPE, entities or a processing instruction", SVG_FIX)]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        return [(error.lineno or 0, f"is not well-formed XML ({error.msg})", SVG_FIX)]
    if root.tag != f"{SVG}svg":  # <svg onload=…> without SVG's namespace was named as "<svg>, not a plain shape" (round 29, M7)
        local = etree.QName(root).localname
        return [(root.sourceline or 1, f"has the root element <{local}>, not SVG's <svg xmlns=\"{SVG[1:-1]}\">, and is no "
                 "image to a browser", f"save it as an SVG image, whose root is <svg xmlns=\"{SVG[1:-1]}\">")]
    found = []
    for element in root.iter():
        line = element.sourceline or 0
        if not isinstance(element.tag, str):  # a comment: its own text no one sees, but the text after it is shown
            if character := next(filter(None, map(never_in_pages, (element.text or "", element.tail or ""))), None):
                found.append((line, f"holds, in a comment or the text after one, {character_kind(character)}",
                              "write it without it"))
            continue
        tag = etree.QName(element).localname  # <div>, not <{http://www.w3.org/1999/xhtml}div> (forty-second round, minor)
        if not element.tag.startswith(SVG) or tag.lower() not in SVG_ELEMENTS:
            found.append((line, f"holds <{tag}>, which is not a plain shape, text or paint element", SVG_FIX))
            continue
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local not in SVG_ATTRIBUTES:
                found.append((line, f"has the attribute {local}= on <{tag}>", SVG_FIX))
            elif local == "href" and not value.startswith("#"):
                found.append((line, f"links to {value[:60]!r}", SVG_FIX))
            elif "url(" in value.replace(" ", "").lower() and not re.fullmatch(r"\s*url\(\s*#[^)]*\)\s*", value):
                found.append((line, f"loads {value[:60]!r}", SVG_FIX))
        # Its text, which a page shows as a picture and a reader's browser as words (thirty-seventh round, T6).
        if character := next(filter(None, map(never_in_pages, (element.text or "", element.tail or ""))), None):
            found.append((line, f"shows {character_kind(character)}", "write its text without it"))
        # Words, as the edition's own are held to (thirty-eighth round, minor 28): a <text>'s whole, its <tspan>s and
        # what follows its comments read together as a reader sees them.
        if tag.lower() in SVG_WORDS and (doubled := DOUBLED.search("".join(element.itertext(with_tail=False)))):
            found.append((line, f"shows doubled punctuation: {doubled[0]!r}", "write the mark once"))
    return found


def stylesheet_problems(where: str, data: bytes) -> list[Problem]:
    """What a stylesheet of docs/ fetches from another host (fonts, images, imports), at the line where it is written:
    read as a browser reads it (tinycss2), so an escape (\\68ttps:) or a plain string (@import "…") is seen too. The
    built site's stylesheets are checked again after the build, but there only the built copy can be named."""
    tokens = list(css_tokens(tinycss2.parse_stylesheet(data.decode("utf-8", errors="replace"), skip_comments=True)))
    # What a rule may show as text, which no page may hold: a string (content: "\202E": thirty-fifth hostile round,
    # T10), or a name (@counter-style's symbols: \202E, prefix, additive-symbols: thirty-sixth round, T1).
    shown = [Problem(where, token.source_line, f"a rule may show {character_kind(found)}", "write the text without it")
             for token in tokens
             if isinstance(getattr(token, "value", None), str) and (found := never_in_pages(token.value))]
    # unicode-bidi's overrides reverse the words a reader sees as U+202E does, with no character (thirty-sixth round, minor).
    shown += [Problem(where, token.source_line, f"a rule sets unicode-bidi: {token.lower_value}, which reorders the words "
                      "a reader sees as a right-to-left override does", REORDERING_FIX)
              for token in tokens if token.type == "ident" and token.lower_value in ("bidi-override", "isolate-override")]
    return shown + [Problem(where, token.source_line, f"{token.value!r} is fetched from another host",
                            "serve the file from the site itself") for token in tokens
                    if token.type in ("url", "string") and remote(token.value)]


def asset_problems(root: Path, scripts: set[str] | None, memo: Memo | None = None) -> list[Problem]:
    """Files under docs/ that are neither pages nor assets of a kind the site may serve (see ASSET_TYPES);
    scripts: the docs/-relative paths of the scripts mkdocs.yml loads, the only ones a page may run; memo: see model.memo."""
    problems: list[Problem] = []
    if (root / DOCS_DIR).is_symlink():
        return problems  # named by irregular_files, never followed
    for path in sorted((root / DOCS_DIR).rglob("*")):
        if path.is_symlink() or not path.is_file() or path.name.startswith("."):
            continue  # links are irregular_files'; MkDocs leaves dotfiles out
        file = path.relative_to(root / DOCS_DIR).as_posix()
        where = f"{DOCS_DIR.as_posix()}/{file}"
        if path.suffix == ".md":
            if file == "404.md":  # MkDocs publishes it as 404.html, in place of the theme's (eleventh round, case 169)
                problems.append(Problem(where, 0, "would replace the site's page for addresses it does not have (404.html), "
                                        "which the theme writes", "rename the page"))
            elif not PAGE_NAME.match(path.name):
                # café → cafe: the letters without their accents, then hyphens for the rest
                plain = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
                slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "page"
                problems.append(Problem(where, 0, "a page's file name must be lowercase letters, digits and hyphens (its URL)",
                                        f"rename it, for example to {slug}.md"))
        elif path.suffix.lower() not in ASSET_TYPES:
            kind = f"a {path.suffix}" if path.suffix else "an extensionless"
            problems.append(Problem(where, 0, f"{kind} file would be published as a document of the site",
                                    f"keep under docs/ only pages and {', '.join(sorted(ASSET_TYPES))} files"))
        elif path.suffix.lower() in (".svg", ".css", *SIGNATURES):
            problems += _content_problems(path, where, memo)
        elif path.suffix.lower() == ".js" and scripts is not None and file not in scripts:
            problems.append(Problem(where, 0, "a script that mkdocs.yml does not load: pages carry no scripts of their own",
                                    "remove it, or add it to `extra_javascript` in mkdocs.yml if the edition needs it"))
    return problems + _theme_file_problems(root, memo)


OVERRIDES = Path("overrides")


def _theme_file_problems(root: Path, memo: Memo | None) -> list[Problem]:
    """overrides/ beside its templates (.html, read by model.templates): Material's assets and icons, which every page
    loads or inlines (a stylesheet in place of Material's, an icon of .icons/), held to the rules of docs/'s; and no
    other kind of file, which a template could include unread by any check (twelfth hostile round, cases 78-82)."""
    problems: list[Problem] = []
    if (root / OVERRIDES).is_symlink():
        return problems  # named by irregular_files, never followed
    for path in sorted((root / OVERRIDES).rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix.lower() == ".html":
            continue  # links are irregular_files'; templates are model.templates'
        where = path.relative_to(root).as_posix()
        if path.suffix.lower() == ".js":  # in place of Material's bundle, or beside it: code no check can read
            problems.append(Problem(where, 0, "a script in overrides/, which would replace Material's or run beside it, "
                                    "read by no check", "remove it: the edition's own script is docs/javascripts/edition.js, "
                                    "loaded by `extra_javascript`"))
        elif path.suffix.lower() not in ASSET_TYPES:
            kind = f"a {path.suffix}" if path.suffix else "an extensionless"
            # MkDocs publishes every file of overrides/ but the templates (a .xhtml runs its scripts on the site's own
            # address, twelfth round case 114), and a template may include any of them.
            problems.append(Problem(where, 0, f"{kind} file in overrides/, which MkDocs would publish as a document of the "
                                    "site and a template could include, unread by the checks",
                                    f"write templates as .html files; keep only {', '.join(sorted(ASSET_TYPES - {'.js'}))} "
                                    "files beside them"))
        elif path.suffix.lower() in (".svg", ".css", *SIGNATURES):
            problems += _content_problems(path, where, memo)
    return problems


# How each image and font the site may serve begins: a file named so that begins otherwise may be a page with a
# script that a browser sniffs as one (eighteenth hostile round, case 25: a .png holding HTML was published).
SIGNATURES = {".png": ("PNG image", (rb"\x89PNG\r\n\x1a\n",)), ".jpg": ("JPEG image", (rb"\xff\xd8\xff",)),
              ".jpeg": ("JPEG image", (rb"\xff\xd8\xff",)), ".gif": ("GIF image", (rb"GIF87a", rb"GIF89a")),
              ".webp": ("WebP image", (rb"RIFF....WEBP",)), ".avif": ("AVIF image", (rb"....ftypavi[fs]",)),
              ".ico": ("icon", (rb"\x00\x00\x01\x00",)), ".woff": ("WOFF font", (rb"wOFF",)), ".woff2": ("WOFF2 font", (rb"wOF2",))}


def _starts_as(path: Path, patterns: tuple[bytes, ...]) -> bool:
    with path.open("rb") as file:
        head = file.read(16)
    return any(re.match(pattern, head, re.DOTALL) for pattern in patterns)


def _content_problems(path: Path, where: str, memo: Memo | None) -> list[Problem]:
    """What an asset of docs/ or of overrides/ holds that its kind may not: an SVG image or a stylesheet that would run
    or fetch, at its lines; an image or font whose first bytes are another kind of file's."""
    if kind := SIGNATURES.get(path.suffix.lower()):
        return [] if _starts_as(path, kind[1]) else [Problem(
            where, 0, f"is not the {kind[0]} its name says (its first bytes are another kind of file's), and a browser "
            "reads it by what it holds", f"save it as a {kind[0]}, or remove it")]
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        return [Problem(where, line, f"an SVG image that {what}", fix) for line, what, fix in _svg_problems(data)]
    problems: list[Problem] = []
    checked(memo, ("stylesheet", where, data), problems, lambda found: found.extend(stylesheet_problems(where, data)))
    return problems

"""Check the built site itself: every internal link and #fragment lands, nothing loads from elsewhere,
and the edition's own words never double their punctuation (punctuation.py).

MkDocs' own anchor validation misses links in generated HTML and misreads some footnote ids, so
this check of the output is the authority.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import tinycss2
from lxml.html import HtmlElement

from ..cache import keep_json, read_json
from ..model.addresses import page_path
from ..model.rawhtml import css_urls, line_written, link_forms, off_site, remote
from ..problems import Problem
from .postprocess import is_redirect, parse_or_empty, tags
from .punctuation import punctuation_problems

# Attributes through which a page makes the browser fetch something (as opposed to links a reader follows).
RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
                       "video": "src", "embed": "src", "object": "data"}
LINK_RELS_FETCHED = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon",
                     "preconnect", "dns-prefetch", "prerender", "mask-icon"}


def parse_site(site: Path) -> dict[Path, HtmlElement]:
    """Every page of a built site, parsed, by resolved path."""
    return {path.resolve(): parse_or_empty(path) for path in sorted(site.rglob("*.html"))}


def _ids(page: HtmlElement) -> frozenset[str]:
    found = set()
    for tag in tags(page):
        if (id_ := tag.get("id")) is not None:
            found.add(id_)
        if tag.tag == "a" and (name := tag.get("name")) is not None:
            found.add(name)
    return frozenset(found)


def _ids_of(target: Path, parsed: dict[Path, HtmlElement], known: dict[Path, frozenset[str]]) -> frozenset[str]:
    if target not in known:
        known[target] = _ids(parsed[target] if target in parsed else parse_or_empty(target))
    return known[target]


def _target(site: Path, page: Path, path: str) -> Path | None:
    """Resolve a link's path, relative to the page, to a file of the site, as a browser and a server do (forty-third
    hostile round): `..` past the root stays at the root (T5 minor), a file's name with a slash after it is no file
    (T11), and a NUL, which no file's name holds, stopped the build with a ValueError (T10)."""
    site = site.resolve()
    if not path:
        return page
    decoded = unquote(path)
    if "\0" in decoded:
        return None
    start = "" if decoded.startswith("/") else page.parent.relative_to(site).as_posix()
    parts = []
    for part in posixpath.join("/", start, decoded.lstrip("/")).split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    target = site.joinpath(*parts)
    if target.is_dir():
        target = target / "index.html"
    elif decoded.endswith("/"):
        return None
    try:
        target.resolve().relative_to(site)  # a link inside the site to a file elsewhere
    except (ValueError, OSError):
        return None
    return target.resolve() if target.is_file() else None


def _stylesheet_urls(data: bytes) -> list[str]:
    return list(css_urls(tinycss2.parse_stylesheet(data.decode("utf-8", errors="replace"), skip_comments=True)))


def _cached_urls(cache: Path | None) -> dict[str, list[str]]:
    """The addresses read before from stylesheets of these exact bytes: Material's 140 KB stylesheet
    takes tinycss2 a tenth of a second in every build, and it changes only with Material."""
    known = read_json(cache) if cache else None
    if not isinstance(known, dict):
        return {}
    return {key: urls for key, urls in known.items() if isinstance(urls, list) and all(isinstance(u, str) for u in urls)}


def _loads(tag: HtmlElement) -> list[str]:
    """The addresses an element has the browser fetch as the page is shown: its src or data, a stylesheet's or an icon's
    href (rel read in any case), a video's poster, an image input's src, an SVG image's, filter image's or use's file, a
    table's background, and each candidate of a srcset (forty-third hostile round, T3: each published from a missing
    file; case-insensitive rel, mask-icon)."""
    name = tag.tag if isinstance(tag.tag, str) else ""
    attributes = [RESOURCE_ATTRIBUTES[name]] if name in RESOURCE_ATTRIBUTES else []
    if name == "link" and LINK_RELS_FETCHED & set((tag.get("rel") or "").lower().split()):
        attributes.append("href")
    attributes += {"video": ["poster"], "input": ["src"] if (tag.get("type") or "").lower() == "image" else [],
                   "image": ["href", "xlink:href"], "feimage": ["href", "xlink:href"], "use": ["href", "xlink:href"],
                   "table": ["background"], "td": ["background"], "th": ["background"], "body": ["background"]}.get(name, [])
    urls = [value.strip() for attribute in attributes if (value := tag.get(attribute))]
    for attribute in ("srcset", "imagesrcset"):
        urls += [candidate.split()[0] for candidate in (tag.get(attribute) or "").split(",") if candidate.split()]
    return [url.split("#")[0] if name == "use" else url for url in urls if url and not (name == "use" and url.startswith("#"))]


def _failed(page: Path, path: str, failed: set[Path]) -> bool:
    """Whether a path a page names is a file whose making failed and was named (a NUL is no file's name)."""
    return bool(path) and "\0" not in unquote(path) and (page.parent / unquote(path)).resolve() in failed


def _loaded(site: Path, page: Path, url: str, failed: set[Path]) -> Path | None:
    """The file of the site an address a page loads names, or None; a failed file, named already, counts as there."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    if _failed(page, path, failed):
        return page
    return _target(site, page, path) if path else page


def stylesheet_problems(site: Path, cache: Path | None = None) -> list[Problem]:
    """A stylesheet of the site that fetches from another host (fonts, images, imports): tinycss2 parses it."""
    known, seen, problems = _cached_urls(cache), {}, []
    for css in sorted(site.rglob("*.css")):
        data = css.read_bytes()
        key = hashlib.sha256(data).hexdigest()
        seen[key] = urls = known[key] if key in known else _stylesheet_urls(data)
        for url in urls:
            if remote(url):
                problems.append(Problem(f"site/{css.relative_to(site).as_posix()}", 0, f"{url!r} is fetched from another host",
                                        "serve the file from the site itself"))
    if cache and seen != known:
        keep_json(cache, seen)  # whole, then renamed: the site's check and the copy's may write at once
    return problems


def check_site(site: Path, parsed: dict[Path, HtmlElement] | None = None, failed: frozenset[str] = frozenset(),
               cache: Path | None = None) -> list[Problem]:
    """Return a problem for each broken internal link or fragment and each off-site resource.

    parsed: the site's pages already parsed (by the post-processing pass), by resolved path.
    failed: files of the site (paths under it) whose making failed and was reported: links to them
    are not reported again, once per page.
    cache: where stylesheet_problems keeps what it read of each stylesheet (none: read them all).
    """
    site = site.resolve()
    failed_paths = {(site / name).resolve() for name in failed}
    parsed = parsed if parsed is not None else parse_site(site)
    ids: dict[Path, frozenset[str]] = {}
    problems = []
    for page, tree in sorted(parsed.items()):
        name = page.relative_to(site).as_posix()
        if name == "404.html":
            continue  # served for any missing path, so its links are written from the site root
        if is_redirect(tree):
            continue  # a redirect page's target is checked against anchors.lock, with the lock's line (anchors)
        elements = list(tags(tree))
        given = Counter(tag.get("id") for tag in elements if tag.get("id"))
        # Whatever gave them (a page's HTML or attribute list, a heading a marker's listing writes, a template), two
        # elements with one id send every link to it to the first (sixteenth hostile round: Sources' `records`).
        # Named where the page gives it (HTML or an attribute list), not at the first line the word is on.
        problems += [Problem(f"site/{name}", 0, f"{ID_TWICE}'{given_id}' is given to {count} elements of the page, so every "
                             "link to it lands on the first", "give the element the page adds an id of its own",
                             (f'id="{given_id}"', f"id='{given_id}'", f"id={given_id}", f"#{given_id}"))
                     for given_id, count in given.items() if count > 1]
        for tag, url in ((element, url) for element in elements for url in _loads(element)):
            if remote(url):
                problems.append(Problem(f"site/{name}", 0, f"<{tag.tag}> loads '{url}' from another host",
                                        "serve the file from the site itself", (url,)))
            elif not off_site(url) and not url.startswith("#") and _loaded(site, page, url, failed_paths) is None:
                # An image, a script or a stylesheet that is no file of the site: a broken picture, or a page without
                # its styles, on every reader's screen (forty-second hostile round, T10).
                # Named where typed as a whole attribute's value, as a browser reads it: a prefix of another's named the
                # other's line, and `&#46;&#46;/` no line (forty-third hostile round, T1 and T2).
                problems.append(Problem(f"site/{name}", 0, f"<{tag.tag}> loads '{url}', which is no file of the site",
                                        "fix the address where it is written (in a page, as Markdown, ![…](assets/x.png), "
                                        "which MkDocs writes for the site and its offline copy alike; or in a template of "
                                        "overrides/), or add the file under docs/",
                                        (f'"{url}"', f"'{url}'", f"={url} ", f"={url}>")))
        for link in (tag for tag in elements if tag.tag == "a" and tag.get("href") is not None):
            href = link.get("href")
            try:
                parts = urlsplit(href)
            except ValueError:  # http://[zz]/ from a template or a setting: a link no browser follows
                problems.append(Problem(f"site/{name}", 0, f"link to '{href}', which is no address a browser reads",
                                        "write the address whole, or remove the link", (href,)))
                continue
            if parts.scheme or href.startswith("//"):
                continue  # another site's address (script addresses are csp.script_problems')
            if _failed(page, parts.path, failed_paths):
                continue
            target = _target(site, page, parts.path)
            if target is None:
                problems.append(Problem(f"site/{name}", 0, f"link to '{href}' leads to no page of the site",
                                        "fix the link where it is written (the page, or a template of overrides/), or the "
                                        "page it names", (href,)))
            elif parts.fragment and unquote(parts.fragment) not in _ids_of(target, parsed, ids):
                problems.append(Problem(f"site/{name}", 0, f"link to '{href}' names a missing anchor '#{parts.fragment}'",
                                        "fix the anchor, or restore the heading or paragraph it pointed to", (href,)))
    return problems + punctuation_problems(site, parsed) + stylesheet_problems(site, cache)


LINK_TO = "link to '"
DOUBLED_PUNCTUATION = "doubled punctuation "
ID_TWICE = "the id "


def placed_in_docs(problems: list[Problem], edition, site: Path, parsed: dict[Path, HtmlElement]) -> list[Problem]:
    """The problems of built pages, each named where its author wrote it where that can be found: the docs/ page
    the built page is made from, at the first line holding what the problem says was typed (Problem.typed).
    The rest keep the built page's name: their words were made by the edition, not typed.
    site, parsed: the built site and its pages as check_site read them."""
    by_output = {f"site/{page_path(page.file)}index.html": page for page in edition.docs}
    return [_placed(problem, page, site, parsed) if (page := by_output.get(problem.path)) else problem for problem in problems]


def _placed(problem: Problem, page, site: Path, parsed: dict[Path, HtmlElement]) -> Problem:
    """One problem of a built page, at the line of its docs/ page that wrote it, or as it was."""
    if problem.what.startswith(DOUBLED_PUNCTUATION) and problem.typed:
        # The page's own words, where it types them with the mark (thirty-fifth hostile round, T6: named at the built
        # page and told to fix the data or the code); a mark the edition adds stays at the built page.
        line = line_written(page.lines, problem.typed)
        return Problem(page.name, line, problem.what, "write the mark once") if line else problem
    if problem.line or not problem.typed:
        return problem
    if problem.what.startswith(LINK_TO):
        # A link: only one the page's own text carries, where it is written as one ([…](x), href="x"). A template's
        # <a href="x"> was named at a line holding an x of every page (thirty-third hostile round, T9), then at a
        # page showing the same link as an example, in code, a comment or escaped (thirty-fourth round, T5).
        tree = parsed.get((site / problem.path.removeprefix("site/")).resolve())
        article = next(tags(tree, "article"), None) if tree is not None else None
        href = problem.typed[0]
        carried = article is not None and any(link.get("href") == href for link in tags(article, "a"))
        line = line_written(page.lines, link_forms(href)) if carried else 0
    else:  # as typed or as a browser reads it (references decoded), prose before code and comments
        line = line_written(page.lines, problem.typed)
    return Problem(page.name, line, problem.what, problem.fix) if line else problem

"""Check the built site itself: every internal link and #fragment lands, nothing loads from elsewhere.

MkDocs' own anchor validation misses links in generated HTML and misreads some footnote ids, so
this check of the output is the authority.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import tinycss2
from bs4 import BeautifulSoup

from ..model.rawhtml import off_site, scheme
from ..problems import Problem
from .postprocess import is_redirect, parse, tags

# Attributes through which a page makes the browser fetch something (as opposed to links a reader follows).
RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
                       "video": "src", "embed": "src", "object": "data"}
LINK_RELS_FETCHED = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}


def parse_site(site: Path) -> dict[Path, BeautifulSoup]:
    """Every page of a built site, parsed, by resolved path."""
    return {path.resolve(): parse(path) for path in sorted(site.rglob("*.html"))}


def _ids(soup: BeautifulSoup) -> frozenset[str]:
    found = set()
    for tag in tags(soup):
        if "id" in tag.attrs:
            found.add(tag["id"])
        if tag.name == "a" and "name" in tag.attrs:
            found.add(tag["name"])
    return frozenset(found)


def _ids_of(target: Path, parsed: dict[Path, BeautifulSoup], known: dict[Path, frozenset[str]]) -> frozenset[str]:
    if target not in known:
        known[target] = _ids(parsed[target] if target in parsed else parse(target))
    return known[target]


def _target(site: Path, page: Path, path: str) -> Path | None:
    """Resolve a link's path, relative to the page, to a file of the site."""
    base = page.parent if path and not path.startswith("/") else site
    target = (base / unquote(path.lstrip("/"))).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return None
    return target if target.is_file() else None


def remote(url: str) -> bool:
    """An address the browser would fetch from another host: a web scheme, or a path that starts
    like one without it (//host, and the /\\host and \\\\host browsers read the same way)."""
    return scheme(url) in ("http", "https", "ftp", "ws", "wss") or (off_site(url) and not scheme(url))


def _css_urls(tokens):
    """Every address a parsed stylesheet may fetch, at any depth (rules, at-rules, functions): each url()
    and each quoted string, since @import "…" and image-set("…") fetch a plain string."""
    for token in tokens:
        if token.type in ("url", "string"):
            yield token.value
        for part in ("prelude", "content", "arguments"):
            if isinstance(getattr(token, part, None), list):
                yield from _css_urls(getattr(token, part))


def stylesheet_problems(site: Path) -> list[Problem]:
    """A stylesheet of the site that fetches from another host (fonts, images, imports): tinycss2 parses it."""
    problems = []
    for css in sorted(site.rglob("*.css")):
        rules = tinycss2.parse_stylesheet(css.read_text(encoding="utf-8", errors="replace"), skip_comments=True)
        for url in _css_urls(rules):
            if remote(url):
                problems.append(Problem(f"site/{css.relative_to(site).as_posix()}", 0, f"{url!r} is fetched from another host",
                                        "serve the file from the site itself"))
    return problems


def check_site(site: Path, parsed: dict[Path, BeautifulSoup] | None = None, failed: frozenset[str] = frozenset()
               ) -> list[Problem]:
    """Return a problem for each broken internal link or fragment and each off-site resource.

    parsed: the site's pages already parsed (by the post-processing pass), by resolved path.
    failed: files of the site (paths under it) whose making failed and was reported: links to them
    are not reported again, once per page.
    """
    site = site.resolve()
    failed_paths = {(site / name).resolve() for name in failed}
    parsed = parsed if parsed is not None else parse_site(site)
    ids: dict[Path, frozenset[str]] = {}
    problems = []
    for page, soup in sorted(parsed.items()):
        name = page.relative_to(site).as_posix()
        if name == "404.html":
            continue  # served for any missing path, so its links are written from the site root
        if is_redirect(soup):
            continue  # a redirect page's target is checked against anchors.lock, with the lock's line (anchors)
        elements = list(tags(soup))
        for tag in elements:
            attr = RESOURCE_ATTRIBUTES.get(tag.name)
            if tag.name == "link" and LINK_RELS_FETCHED & set(tag.get("rel", [])):
                attr = "href"
            url = tag.get(attr, "") if attr else ""
            if url and remote(url):
                problems.append(Problem(f"site/{name}", 0, f"<{tag.name}> loads '{url}' from another host",
                                        "serve the file from the site itself"))
        for link in (tag for tag in elements if tag.name == "a" and "href" in tag.attrs):
            href = link["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # another site's address (script addresses are csp.script_problems')
            if parts.path and (page.parent / unquote(parts.path)).resolve() in failed_paths:
                continue
            target = _target(site, page, parts.path)
            if target is None:
                problems.append(Problem(f"site/{name}", 0, f"link to '{href}' leads to no page of the site",
                                        "fix the link in the Markdown, or the page it names"))
            elif parts.fragment and unquote(parts.fragment) not in _ids_of(target, parsed, ids):
                problems.append(Problem(f"site/{name}", 0, f"link to '{href}' names a missing anchor '#{parts.fragment}'",
                                        "fix the anchor, or restore the heading or paragraph it pointed to"))
    return problems + stylesheet_problems(site)

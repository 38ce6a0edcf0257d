"""Anchors are a public interface: every page URL and #fragment the site publishes is locked.

`anchors.lock` (YAML, committed) has three parts:
  pages:      written by `make anchors`: each page's URL path and the fragment ids on it
  aliases:    kept by hand: an id renamed on purpose; links to the old id land on the new one
  redirects:  kept by hand: a page moved on purpose; its old URL forwards to the new one

The build fails when a locked page or id is no longer published and no alias or redirect
accounts for it, naming each one; ids not yet locked are only reported.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .problems import Problem
from .registry import parse_yaml
from .sitecheck import parse_page

LOCK_FILE = "anchors.lock"
ALIAS_CLASS = "anchor-alias"

# Ids that are no promise: footnote labels follow the citations, Material's own are its internals.
_PRIVATE_PREFIXES = ("fn:", "fnref:", "__")

LOCK_HEADER = """\
# Every page URL and #fragment id this edition publishes: a public interface, checked by each build.
# `pages` is written by `make anchors`; keep `aliases` and `redirects` by hand:
#   aliases:   - {page: "section/", old: "old-id", new: "new-id"}   # a renamed id keeps working
#   redirects: {"old-page/": "new-page/"}                            # a moved page keeps working
"""


@dataclass(frozen=True)
class Alias:
    page: str
    old: str
    new: str
    line: int


@dataclass
class Lock:
    pages: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[tuple[str, str | None], int] = field(default_factory=dict)  # (page, id or None) → line
    aliases: list[Alias] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    redirect_lines: dict[str, int] = field(default_factory=dict)


def load_lock(root: Path, problems: list[Problem]) -> Lock:
    """Read anchors.lock, keeping the line of every page and id for error messages."""
    path = root / LOCK_FILE
    lock = Lock()
    if not path.is_file():
        return lock
    parsed = parse_yaml(path.read_text(encoding="utf-8"), LOCK_FILE, problems)
    if parsed is None:
        return lock
    data, node = parsed
    if not isinstance(data, dict):
        problems.append(Problem(LOCK_FILE, 1, "must be a mapping with pages, aliases and redirects",
                                "run `make anchors` to rewrite it"))
        return lock
    parts = {key.value: value for key, value in node.value}
    for page_key, ids_node in parts["pages"].value if "pages" in parts else []:
        page = page_key.value
        lock.lines[(page, None)] = page_key.start_mark.line + 1
        lock.pages[page] = []
        for id_node in ids_node.value:
            lock.pages[page].append(id_node.value)
            lock.lines[(page, id_node.value)] = id_node.start_mark.line + 1
    for item, item_node in zip(data.get("aliases") or [], parts["aliases"].value if "aliases" in parts else [], strict=False):
        line = item_node.start_mark.line + 1
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("page", "old", "new"))):
            problems.append(Problem(LOCK_FILE, line, "an alias needs `page`, `old` and `new`",
                                    'write - {page: "section/", old: "old-id", new: "new-id"}'))
            continue
        lock.aliases.append(Alias(item["page"], item["old"], item["new"], line))
    for key_node, value_node in parts["redirects"].value if "redirects" in parts and parts["redirects"].value else []:
        lock.redirects[key_node.value] = value_node.value
        lock.redirect_lines[key_node.value] = key_node.start_mark.line + 1
    return lock


def page_url_path(site_dir: Path, html: Path) -> str:
    """The URL path of a built page: "" for the home page, "sources/" for sources/index.html."""
    relative = html.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def _is_redirect(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"http-equiv": "refresh"}) is not None


def published_anchors(site_dir: Path) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Each built page's public ids in document order, and every id on it (aliases included)."""
    public: dict[str, list[str]] = {}
    every: dict[str, set[str]] = {}
    for html in sorted(site_dir.rglob("*.html")):
        if html.name == "404.html":
            continue
        soup = parse_page(html.resolve())
        if _is_redirect(soup):
            continue
        path = page_url_path(site_dir, html)
        article = soup.select_one("article") or soup
        every[path] = {tag["id"] for tag in article.find_all(id=True)}
        public[path] = [tag["id"] for tag in article.find_all(id=True)
                        if not tag["id"].startswith(_PRIVATE_PREFIXES) and ALIAS_CLASS not in tag.get("class", [])]
    return public, every


def check_anchors(site_dir: Path, root: Path) -> tuple[list[Problem], list[Problem]]:
    """Compare a built site with anchors.lock: (errors, warnings)."""
    problems: list[Problem] = []
    lock = load_lock(root, problems)
    if problems:
        return problems, []
    if not (root / LOCK_FILE).is_file():
        return [], [Problem(LOCK_FILE, 0, "no anchor lock yet", "run `make anchors` to write it, then commit it")]
    public, every = published_anchors(site_dir)
    errors, warnings = [], []

    for alias in lock.aliases:
        ids = every.get(alias.page, set())
        if alias.new not in ids or alias.old not in ids:
            errors.append(Problem(LOCK_FILE, alias.line, f"alias {alias.page}#{alias.old} → #{alias.new} does not resolve "
                                  f"on the built page", "name a page and an id that the site publishes as `new`"))
    for old, new in lock.redirects.items():
        line = lock.redirect_lines[old]
        if new not in public:
            errors.append(Problem(LOCK_FILE, line, f"redirect {old} → {new} leads to no page", "name a published page"))
        if old in public:
            errors.append(Problem(LOCK_FILE, line, f"redirect from {old} would hide a published page",
                                  "remove the redirect, or move the page"))

    for page, ids in lock.pages.items():
        here = lock.redirects.get(page, page)
        if here not in every:
            errors.append(Problem(LOCK_FILE, lock.lines[(page, None)], f"page /{page} is no longer published",
                                  f'restore it, or record where it went: redirects: {{"{page}": "<new-page>/"}}'))
            continue
        for anchor in ids:
            if anchor not in every[here]:
                errors.append(Problem(LOCK_FILE, lock.lines[(page, anchor)], f"anchor /{page}#{anchor} is no longer published",
                                      f'restore it, or record a rename: aliases: - {{page: "{here}", old: "{anchor}", new: "<new-id>"}}'))
    for page, ids in public.items():
        locked = set(lock.pages.get(page, []))
        new = [anchor for anchor in ids if anchor not in locked]
        if page not in lock.pages or new:
            what = f"page /{page}" if page not in lock.pages else f"{len(new)} anchor(s) on /{page} ({', '.join(new[:5])}{'…' if len(new) > 5 else ''})"
            warnings.append(Problem(LOCK_FILE, 0, f"{what} not in the lock yet", "run `make anchors` and commit anchors.lock"))
    return errors, warnings


def write_lock(site_dir: Path, root: Path) -> None:
    """Record the built site's anchors in anchors.lock, keeping its aliases and redirects."""
    problems: list[Problem] = []
    lock = load_lock(root, problems)
    public, _ = published_anchors(site_dir)
    body = yaml.safe_dump({"pages": public}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    aliases = [{"page": a.page, "old": a.old, "new": a.new} for a in lock.aliases]
    extra = yaml.safe_dump({"aliases": aliases, "redirects": lock.redirects}, allow_unicode=True, sort_keys=False,
                           default_flow_style=None, width=100)
    (root / LOCK_FILE).write_text(LOCK_HEADER + body + extra, encoding="utf-8")


def write_redirects(site_dir: Path, root: Path, site_url: str) -> list[Problem]:
    """A page for each moved URL that forwards, #fragment included, to where the page is now."""
    problems: list[Problem] = []
    lock = load_lock(root, problems)
    for old, new in lock.redirects.items():
        target = posixpath.relpath(new or ".", old or ".") + "/"
        canonical = site_url.rstrip("/") + "/" + new
        stub = site_dir / old / "index.html"
        if stub.exists():
            continue  # a published page wins; check_anchors names the clash
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Moved to {escape(new)}</title>\n<link rel=\"canonical\" href=\"{escape(canonical)}\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={escape(target)}\">\n"
            # The script keeps the #fragment, which a refresh drops.
            f"<script>location.replace({json.dumps(target)} + location.hash)</script>\n"
            f"</head>\n<body>\n<p>This page has moved to <a href=\"{escape(target)}\">{escape(canonical)}</a>.</p>\n"
            "</body>\n</html>\n", encoding="utf-8")
    return problems

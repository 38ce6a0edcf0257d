"""Anchors are a public interface: every page URL and #fragment the site publishes is locked.

The lock is read with the rest of the input (model.anchor_lock). The build fails when a locked page
or id is no longer published and no alias or redirect accounts for it, naming each one; ids not yet
locked are only reported.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

import yaml
from lxml.html import HtmlElement

from .. import Edition
from ..cache import write_atomic
from ..model.anchor_lock import ALIAS_CLASS, LOCK_FILE, Lock
from ..problems import Problem
from .csp import redirect_script
from .postprocess import classes, is_redirect, page_url_path, tags
from .sitecheck import parse_site

# Ids that are no promise: footnote labels follow the citations, Material's own are its internals.
_PRIVATE_PREFIXES = ("fn:", "fnref:", "__")

LOCK_HEADER = """\
# Every page URL and #fragment id this edition publishes: a public interface, checked by each build.
# `pages` is written by `make anchors`; keep `aliases` and `redirects` by hand:
#   aliases:   - {page: "section/", old: "old-id", new: "new-id"}   # a renamed id keeps working
#   redirects: {"old-page/": "new-page/"}                            # a moved page keeps working
"""


def published_anchors(site_dir: Path, parsed: dict[Path, HtmlElement] | None = None
                      ) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Each built page's public ids in document order, and every id on it (aliases included)."""
    site_dir = site_dir.resolve()
    parsed = parsed if parsed is not None else parse_site(site_dir)
    public: dict[str, list[str]] = {}
    every: dict[str, set[str]] = {}
    for html, page in sorted(parsed.items()):
        if html.name == "404.html" or is_redirect(page):
            continue
        path = page_url_path(site_dir, html)
        article = next(tags(page, "article"), page)
        with_id = [tag for tag in tags(article) if tag.get("id") is not None]
        every[path] = {tag.get("id") for tag in with_id}
        public[path] = [tag.get("id") for tag in with_id
                        if not tag.get("id").startswith(_PRIVATE_PREFIXES) and ALIAS_CLASS not in classes(tag)]
    return public, every


def check_anchors(site_dir: Path, edition: Edition, parsed: dict[Path, HtmlElement] | None = None
                  ) -> tuple[list[Problem], list[Problem]]:
    """Compare a built site with anchors.lock: (errors, warnings)."""
    lock = edition.lock
    if not (edition.root / LOCK_FILE).is_file():
        return [], [Problem(LOCK_FILE, 0, "no anchor lock yet", "run `make anchors` to write it, then commit it")]
    public, every = published_anchors(site_dir, parsed)
    errors, warnings = [], []

    for alias in lock.aliases:
        ids = every.get(alias.page, set())
        if alias.old in public.get(alias.page, ()) and alias.new in ids:
            # The page still gives the old id to an element of its own: links to it land there, never on `new`.
            errors.append(Problem(LOCK_FILE, alias.line, f"alias {alias.page}#{alias.old} → #{alias.new} is never used: "
                                  f"the page still has an element with the id {alias.old!r}",
                                  "remove the alias, or rename that element's id first"))
        elif alias.new not in ids or alias.old not in ids:
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
        # A page still published is read where it is: a redirect from it is named above, and its anchors are not lost.
        here = page if page in public else lock.redirects.get(page, page)
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
            listed = ", ".join(new[:5]) + ("…" if len(new) > 5 else "")
            what = f"page /{page}" if page not in lock.pages else f"{len(new)} anchor(s) on /{page} ({listed})"
            warnings.append(Problem(LOCK_FILE, 0, f"{what} not in the lock yet", "run `make anchors` and commit anchors.lock"))
    return errors, warnings


def write_lock(site_dir: Path, lock: Lock, root: Path, parsed: dict[Path, HtmlElement] | None = None) -> list[Problem]:
    """Record the built site's anchors in anchors.lock, keeping its aliases and redirects: written whole or not at
    all (a full disk or a read-only file leaves the old lock as it was, named)."""
    public, _ = published_anchors(site_dir, parsed)
    body = yaml.safe_dump({"pages": public}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    if kept := _around_pages(root / LOCK_FILE):
        # In the line ends the editors' part has: a lock kept with CRLF keeps them (fifteenth hostile round, A2).
        text = kept[0] + (body.replace("\n", "\r\n") if "\r\n" in kept[0] + kept[1] else body) + kept[1]
    else:  # the first lock, or one without `pages`
        aliases = [{"page": a.page, "old": a.old, "new": a.new} for a in lock.aliases]
        text = LOCK_HEADER + body + yaml.safe_dump({"aliases": aliases, "redirects": lock.redirects}, allow_unicode=True,
                                                   sort_keys=False, default_flow_style=None, width=100)
    try:
        write_atomic(root / LOCK_FILE, text.encode("utf-8"))
    except OSError as error:
        return [Problem(LOCK_FILE, 0, f"cannot be written: {error.strerror or error}; the lock is left as it was",
                        "make anchors.lock and the project folder writable, then run `make anchors` again")]
    return []


def _around_pages(path: Path) -> tuple[str, str] | None:
    """The lock's text before and after its `pages` (the key to the end of the line of its last anchor), or None.

    What the editors keep by hand, the aliases and redirects with their comments, is kept as they wrote it: a dump
    of the parsed values dropped every comment (fourteenth hostile round, case 58). The lock was read and checked
    before the build, so parsing it again is safe; the pure-Python parser, whose marks count characters.
    """
    try:
        text = path.read_bytes().decode("utf-8")  # as written: read_text would make every \r\n a \n
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeError, yaml.YAMLError):
        return None
    pair = next(((key, value) for key, value in node.value if key.value == "pages"), None) if isinstance(
        node, yaml.MappingNode) else None
    if pair is None or pair[0].start_mark.column != 0:
        return None
    last = pair[1]
    while isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and last.value and last.flow_style is not True:
        last = last.value[-1][1] if isinstance(last, yaml.MappingNode) else last.value[-1]
    # `pages:` with nothing after it: the empty value's marks are those of whatever follows, which is the editors'.
    empty = isinstance(last, yaml.ScalarNode) and not last.value
    end = text.find("\n", (pair[0] if empty else last).end_mark.index)
    return text[:pair[0].start_mark.index], text[end + 1:] if end >= 0 else ""


def write_redirects(site_dir: Path, edition: Edition, to_come: frozenset[str] = frozenset()) -> list[Problem]:
    """A page for each moved URL that forwards, #fragment included, to where the page is now.

    to_come: the files the build publishes after the redirects (the PDF, the offline copy), by path in the
    site: a redirect from one made it a folder, and the file was lost or written inside it (twentieth
    hostile round, T2 and T4)."""
    problems: list[Problem] = []
    lock, site_url = edition.lock, edition.site_url
    for old, new in lock.redirects.items():
        target = posixpath.relpath(new or ".", old or ".") + "/"
        canonical = site_url.rstrip("/") + "/" + new
        stub = site_dir / old / "index.html"
        if not stub.resolve().is_relative_to(site_dir.resolve()):  # load_lock refuses such paths; never write outside
            problems.append(Problem(LOCK_FILE, lock.redirect_lines.get(old, 0), f"redirect {old!r} would be written outside the site",
                                    'write "old-page/": "new-page/"'))
            continue
        if stub.exists():
            continue  # a published page wins; check_anchors names the clash
        if taken := next((folder for folder in [stub.parent, *stub.parent.parents] if folder.is_relative_to(site_dir)
                          and (folder.is_file() or folder.is_symlink()
                               or folder.relative_to(site_dir).as_posix() in to_come)), None):
            problems.append(Problem(LOCK_FILE, lock.redirect_lines.get(old, 0), f"redirect {old!r} would be written inside "
                                    f"{taken.relative_to(site_dir).as_posix()}, a file the site publishes",
                                    "redirect from the moved page's own old path, such as \"old-page/\""))
            continue
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Moved to {escape(new)}</title>\n<link rel=\"canonical\" href=\"{escape(canonical)}\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={escape(target)}\">\n"
            f"<script>{redirect_script(target)}</script>\n"
            f"</head>\n<body>\n<p>This page has moved to <a href=\"{escape(target)}\">{escape(canonical)}</a>.</p>\n"
            "</body>\n</html>\n", encoding="utf-8")
    return problems

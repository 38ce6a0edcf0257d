"""anchors.lock, read: the page URLs and #fragment ids the edition has promised, and its aliases and redirects.

`anchors.lock` (YAML, committed) has three parts:
  pages:      written by `make anchors`: each page's URL path and the fragment ids on it
  aliases:    kept by hand: an id renamed on purpose; links to the old id land on the new one
  redirects:  kept by hand: a page moved on purpose; its old URL forwards to the new one
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ..problems import Problem
from .files import MAX_LEDGER_BYTES, line_at, parse_yaml, read_text
from .schema import Schema, described, validated

LOCK_FILE = "anchors.lock"
ALIAS_CLASS = "anchor-alias"


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


# A page's URL path as the site publishes it: "" for the home page, "about/", "section/sub/"; never
# "..", an absolute path or another host, so that a redirect page is written inside the site.
SITE_PATH = re.compile(r"^(?:[a-z0-9][a-z0-9._-]*/)*\Z")


MAX_SEGMENT = 255  # bytes of one name a file system holds (ext4, APFS, NTFS): a longer one stopped the build late (T6)
MAX_PATH = 1024  # of a whole path under the site: far above any page's, below what file systems and servers refuse


def _site_path(value) -> bool:
    return (isinstance(value, str) and bool(SITE_PATH.match(value)) and ".." not in value.split("/") and len(value) <= MAX_PATH
            and all(len(segment.encode()) <= MAX_SEGMENT for segment in value.split("/")))


REWRITE = "run `make anchors` to rewrite it"
ALIAS_FIX = 'write - {page: "section/", old: "old-id", new: "new-id"}'
REDIRECT_FIX = 'write "old-page/": "new-page/"'


class AliasFields(Schema):
    page: str
    old: str
    new: str


class LockFields(Schema):
    """anchors.lock. pages: is written by `make anchors`; aliases: and redirects: by hand."""

    noun: ClassVar[str] = "part"
    pages: dict[str, list[str]] | None = described("a mapping of each page's URL path to a list of ids", REWRITE, default=None)
    aliases: list[AliasFields] | None = described('a list of `- {page: "section/", old: "old-id", new: "new-id"}`', ALIAS_FIX,
                                                  default=None)
    redirects: dict[str, str] | None = described("a mapping of old URL paths to new ones", REDIRECT_FIX, default=None)


# A fragment id as the site writes them (p7, src-dod-2020-03-12, v0.2.0): nothing a link or an id
# attribute would need to escape, so the alias's element and the links to it agree.
FRAGMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*\Z")


def _alias_problem(item: AliasFields, lock: Lock) -> tuple[str, str] | None:
    """What is wrong with an alias, read against the aliases before it: (what, fix), or None. An alias whose old
    id the lock still lists is the rename `make build` asks for (the lock keeps the id until `make anchors`);
    one whose old id the page still has is left out where the page is written, so no id is doubled."""
    if not all(FRAGMENT_ID.match(value) for value in (item.old, item.new)):
        bad = item.old if not FRAGMENT_ID.match(item.old) else item.new
        return f"{bad!r} is not an id", "write the id as the page has it: letters, digits, '-', '_', '.' or ':'"
    if first := next((alias for alias in lock.aliases if (alias.page, alias.old) == (item.page, item.old)), None):
        return f"'{item.old}' is already an alias (line {first.line})", "list each alias once"
    return None


def load_lock(root: Path, problems: list[Problem]) -> Lock:
    """Read anchors.lock, keeping the line of every page and id for error messages."""
    path = root / LOCK_FILE
    lock = Lock()
    if not path.exists() and not path.is_symlink():
        return lock  # no lock yet: `make anchors` writes the first
    text = read_text(path, LOCK_FILE, problems, limit=MAX_LEDGER_BYTES)
    parsed = parse_yaml(text, LOCK_FILE, problems) if text is not None else None
    if parsed is None:
        return lock
    data, node = parsed
    fields = validated(LockFields, data, node, LOCK_FILE, problems)
    if fields is None:
        return lock
    pages, redirects = fields.pages or {}, fields.redirects or {}
    if not all(_site_path(page) for page in pages):
        problems.append(Problem(LOCK_FILE, line_at(node, ["pages"], of_key=True),
                                "`pages` must map each page's URL path to a list of ids", REWRITE))
        pages = {}
    for page, ids in pages.items():
        lock.lines[(page, None)] = line_at(node, ["pages", page], of_key=True)
        lock.pages[page] = list(ids)
        for index, anchor in enumerate(ids):
            lock.lines[(page, anchor)] = line_at(node, ["pages", page, index])
    for index, item in enumerate(fields.aliases or ()):
        line = line_at(node, ["aliases", index])
        if problem := _alias_problem(item, lock):
            problems.append(Problem(LOCK_FILE, line, f"alias {item.old!r} → {item.new!r} on {item.page or 'the home page'}: "
                                    f"{problem[0]}", problem[1]))
            continue
        lock.aliases.append(Alias(item.page, item.old, item.new, line))
    for old, new in redirects.items():
        line = line_at(node, ["redirects", old], of_key=True)
        if isinstance(new, str) and _site_path(old) and _site_path(new.partition("#")[0]) and "#" in new:
            # A redirect page sends readers to a page; a section of one is an alias's to keep (tenth round, case 36).
            problems.append(Problem(LOCK_FILE, line, f"redirect {old!r} → {new!r}: a redirect leads to a page, not to a "
                                    "section of one (#…)", f'redirect to the page ("{new.partition("#")[0]}"), and keep the '
                                    "section's old anchor with an alias"))
            continue
        if not (_site_path(old) and _site_path(new)):
            problems.append(Problem(LOCK_FILE, line, f"redirect {old!r} → {new!r}: both must be URL paths of the site, "
                                    "such as \"old-page/\" (no \"..\", no leading \"/\", no other host, no name of more than 255 bytes)",
                                    REDIRECT_FIX))
            continue
        lock.redirects[old] = new
        lock.redirect_lines[old] = line
    return lock

"""anchors.lock, read: the page URLs and #fragment ids the edition has promised, and its aliases and redirects.

`anchors.lock` (YAML, committed) has three parts:
  pages:      written by `make anchors`: each page's URL path and the fragment ids on it
  aliases:    kept by hand: an id renamed on purpose; links to the old id land on the new one
  redirects:  kept by hand: a page moved on purpose; its old URL forwards to the new one
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .files import MAX_LEDGER_BYTES, parse_yaml, read_text

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


def load_lock(root: Path, problems: list[Problem]) -> Lock:
    """Read anchors.lock, keeping the line of every page and id for error messages."""
    path = root / LOCK_FILE
    lock = Lock()
    if not path.is_file():
        return lock
    text = read_text(path, LOCK_FILE, problems, limit=MAX_LEDGER_BYTES)
    parsed = parse_yaml(text, LOCK_FILE, problems) if text is not None else None
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

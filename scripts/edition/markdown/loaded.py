"""The loaded edition, for extensions that MkDocs or Zensical construct by themselves from mkdocs.yml.

`edition.publish` and the tests hand the edition to each extension (`edition=` in its settings).
A generator run on its own (`mkdocs serve`, `zensical build`) reads only names and YAML settings,
and makes a fresh set of extensions for every page; this registry, keyed by the project folder,
loads the edition for the first page and serves it to the rest. The `edition` MkDocs plugin
(`edition/mkdocs_plugin.py`) clears it at the start of each MkDocs build, so `mkdocs serve` sees
every edit; nothing else touches it.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Edition
from ..problems import ProblemsFound

_editions: dict[Path, Edition | ProblemsFound] = {}  # a failed load is kept too: its problems are reported once


def edition_for(root: Path) -> Edition:
    """The edition at root, loaded (and its citations formatted) on first use.

    Raises edition.problems.ProblemsFound when the input is wrong: the same one for every page, its
    `reported` set once the first page has reported it.
    """
    root = root.resolve()
    if root not in _editions:
        from .. import load

        try:
            _editions[root] = load(root)
        except ProblemsFound as error:
            _editions[root] = error
    found = _editions[root]
    if isinstance(found, ProblemsFound):
        raise found
    return found


def clear() -> None:
    """Forget every loaded edition: a new build starts from the files."""
    _editions.clear()

"""The `edition` MkDocs plugin: each MkDocs build (every rebuild of `mkdocs serve`) starts from the files as they are.

MkDocs-only glue, kept this small on purpose: Zensical ignores MkDocs plugins, and `edition.build`
hands the loaded edition to the extensions itself. A plugin, not a hook file, because a plugin is
found by name from the installed package wherever the project is copied.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin

from .markdown import loaded


class ReloadEdition(BasePlugin):
    def on_pre_build(self, *, config) -> None:
        loaded.clear()

"""The `edition` MkDocs plugin: MkDocs-only glue, kept this small on purpose.

- The edition's extensions are told the project folder (the folder of mkdocs.yml), so
  `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
- Each MkDocs build (every rebuild of `mkdocs serve`) starts from the files as they are: the
  loaded edition that the extensions share is cleared (`edition.publish` hands them its own).
- Material's templates are compiled once, not at every build: Jinja keeps their bytecode in
  .cache/jinja (keyed by each template's source), which saves about a third of a MkDocs build.
- Search finds the essay first: its pages get a document boost, and each source record is indexed by
  its title and issuer (`edition/publish/search.py` says why).

Zensical ignores MkDocs plugins and needs neither. A plugin, not a hook file, because a plugin is
found by name in the installed package wherever the project is copied.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import BasePlugin, event_priority

from .markdown import loaded
from .model import Edition
from .problems import ProblemsFound
from .publish import search

TEMPLATE_CACHE = Path(".cache") / "jinja"
EXTENSIONS = "edition.markdown."  # the edition's extensions, as mkdocs.yml names them


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, except that one that cannot be written (a read-only folder) is only not kept."""

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


class EditionPlugin(BasePlugin):
    def on_config(self, config):
        # The project is where mkdocs.yml is, whatever folder MkDocs was started from (`mkdocs build -f …`).
        root = str(Path(config.config_file_path).parent)
        for name in config.markdown_extensions:
            if isinstance(name, str) and name.startswith(EXTENSIONS):
                config.mdx_configs.setdefault(name, {}).setdefault("root", root)
        return config

    def on_pre_build(self, *, config) -> None:
        loaded.clear()

    def edition(self, config) -> Edition | None:
        """The edition the extensions render (handed over by `edition.publish`, else loaded); None when its
        input is wrong, which the extensions report."""
        for name, settings in config.mdx_configs.items():
            if name.startswith(EXTENSIONS) and isinstance(settings.get("edition"), Edition):
                return settings["edition"]
        try:
            return loaded.edition_for(Path(config.config_file_path).parent)
        except ProblemsFound:
            return None

    def on_page_markdown(self, markdown, *, page, config, files):
        edition = self.edition(config)
        if edition is not None and page.file.src_uri in search.essay_pages(edition):
            page.meta["search"] = {**(page.meta.get("search") or {}), "boost": search.ESSAY_BOOST}
        return markdown

    @event_priority(-50)  # after Material's search plugin writes the index, before its offline plugin inlines it
    def on_post_build(self, *, config) -> None:
        edition = self.edition(config)
        if edition is not None:
            search.records_by_title_and_issuer(Path(config.site_dir), edition)

    def on_env(self, env, *, config, files):
        folder = Path(config.config_file_path).parent / TEMPLATE_CACHE
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env  # no cache: the templates are compiled, as MkDocs does by default
        env.bytecode_cache = _TemplateCache(str(folder))
        return env

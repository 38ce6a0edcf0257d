"""Run MkDocs into a folder with the loaded edition handed to the edition's extensions; its warnings become problems."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from .. import Edition
from ..markdown.base import hand_over
from ..model.edition import CONFIG_FILE
from ..model.rawhtml import link_written
from ..problems import Problem

# From disk, search runs its worker in an iframe through this shim (iframe-worker 1.0.4, MIT, by
# Material's author). Material's offline plugin would load it from unpkg.com; the copy carries its own.
WORKER_SHIM = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
WORKER_SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
WORKER_SCOPE = WORKER_SHIM.with_name("iframe-worker-scope.js")  # the shim loads it from beside itself


class _Collect(logging.Handler):
    """Keep MkDocs' warnings so they are reported with the edition's own problems."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_mkdocs_config(edition: Edition, offline: bool = False, **overrides):
    """mkdocs.yml as MkDocs reads it, with the edition handed to each of the edition's extensions.

    offline: the copy read from disk, with one file per page, search bundled (Material's offline
    plugin) and the extensions told so.
    """
    from mkdocs.config import load_config

    if offline:
        overrides |= {"plugins": ["search", "offline", "edition"], "use_directory_urls": False}
    config = load_config(config_file=str(edition.root / CONFIG_FILE), **overrides)
    hand_over(config.markdown_extensions, config.mdx_configs, edition=edition, offline=offline)
    if offline:
        config.extra["polyfills"] = [WORKER_SHIM_PATH]  # the plugin adds unpkg's only when none is named
    return config


def render_site(edition: Edition, site_dir: Path, offline: bool = False) -> list[Problem]:
    """Run MkDocs (strict, as mkdocs.yml says) into site_dir; return its warnings as problems."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    from ..mkdocs_plugin import TemplateFailed

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_mkdocs_config(edition, offline, site_dir=str(site_dir))
        mkdocs_build(config)
        if offline:
            (site_dir / WORKER_SHIM_PATH).write_bytes(WORKER_SHIM.read_bytes())
            (site_dir / WORKER_SHIM_PATH).with_name(WORKER_SCOPE.name).write_bytes(WORKER_SCOPE.read_bytes())
    except (Abort, MkDocsException) as error:
        if isinstance(error.__context__, TemplateFailed):  # named by its template and line: MkDocs' words add nothing
            return [error.__context__.problem]
        if not handler.messages:
            handler.messages.append(str(error))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [problem for message in handler.messages for problem in _placed(message, edition)]


# MkDocs' link validation names the page and the link, not the line: "Doc file 'about.md' contains a link 'x.md#y', …".
DOC_LINK = re.compile(r"Doc file '([^']+)' contains (?:a|an [a-z ]+) link '([^']+)'")


def _placed(message: str, edition: Edition) -> list[Problem]:
    """A message of MkDocs as problems, at each line of the page where the link it names is typed, where it names one:
    MkDocs warns once for a page's link however often the page writes it, and a second was named only once the first was
    fixed (forty-first hostile round, minor)."""
    found = DOC_LINK.search(message)
    page = edition.docs.get(found[1]) if found else None
    # Where it is written as a link, code and comments left out, not the first line holding its words: a code span showing
    # the same link as an example was named (fortieth hostile round, T1 and T2).
    lines, line = [], (link_written(page.lines, found[2]) or page.line_holding(found[2])) if page else 0
    while line:
        lines.append(line)
        line = link_written(page.lines, found[2], after=line, strict=True)
    what = f"MkDocs: {' '.join(message.split()).rstrip('.')}"
    return ([Problem(page.name, line, what, "fix the link, or the page or heading it names") for line in lines] if lines
            else [Problem(CONFIG_FILE, 0, f"MkDocs: {message}", "fix what MkDocs names")])

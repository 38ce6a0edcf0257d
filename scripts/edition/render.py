"""Run MkDocs into a folder, with its warnings collected as the edition's problems."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from .problems import Problem

# The edition's extensions that write links to files beside the pages, and so must know the layout.
OFFLINE_AWARE = ("edition.citethis", "edition.listings")
# From disk, search runs its worker in an iframe through this shim (iframe-worker 1.0.4, MIT, by
# Material's author). Material's offline plugin would load it from unpkg.com; the copy carries its own.
WORKER_SHIM = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
WORKER_SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"


class _Collect(logging.Handler):
    """Keep MkDocs' warnings so they are reported with the edition's own problems."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_site(root: Path, site_dir: Path, offline: bool = False) -> tuple[list[Problem], str]:
    """Run MkDocs (strict, as mkdocs.yml says) into site_dir; return its warnings as problems, and site_url.

    offline renders the copy read from disk: one file per page, search bundled (Material's offline
    plugin), and the edition's extensions told so.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is known
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.WARNING)
    site_url = ""
    try:
        overrides = {"plugins": ["search", "offline"], "use_directory_urls": False} if offline else {}
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), **overrides)
        site_url = config.site_url or ""
        if offline:
            for name in OFFLINE_AWARE:
                config.mdx_configs[name]["offline"] = True
            config.extra["polyfills"] = [WORKER_SHIM_PATH]  # the plugin adds unpkg's only when none is named
        mkdocs_build(config)
        if offline:
            (site_dir / WORKER_SHIM_PATH).write_bytes(WORKER_SHIM.read_bytes())
    except (Abort, MkDocsException) as error:
        if not handler.messages:
            handler.messages.append(str(error))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [Problem("mkdocs.yml", 0, f"MkDocs: {message}", "fix what MkDocs names") for message in handler.messages], site_url

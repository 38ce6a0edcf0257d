"""The edition under `zensical build`: Zensical-only glue, kept this small on purpose.

Zensical (Material's successor) runs the Python-Markdown extensions that mkdocs.yml names but no
MkDocs plugin, so nothing hands the extensions the edition. The first extension that asks loads it
from Zensical's project folder and writes it into Zensical's own extension settings, which Zensical
passes to the extensions of every later page: one load per build, and no state of the edition's own.

Input the edition refuses ends the build at once with the problems and exit status 1: Zensical
reports a Python extension's warnings but still ends "No issues found" with status 0 (even with
--strict), and an exception comes out as a traceback. By then Zensical has copied only the theme's assets.

Zensical renders the templates in Rust, after every page's Markdown: a template of overrides/ that fails
there (an undefined value, a missing include) reaches Python only as a RuntimeError out of its command,
which would print a traceback. The glue names it by file and line instead, in the process's last words
(sys.excepthook): this process is Zensical's build, and ends there whatever the hook does.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from . import Edition, load
from .model.edition import CONFIG_FILE
from .model.templates import TEMPLATES_DIR, rendering_failure
from .problems import Problem, ProblemsFound

# How Zensical's renderer ends a template's error: "undefined value (in base.html:264)".
TEMPLATE_ERROR = re.compile(r"(?P<what>.*) \(in (?P<name>[^()]+?\.html):(?P<line>\d+)\)", re.DOTALL)


def running() -> bool:
    """Whether this process is a Zensical build (its renderer is what calls the extensions)."""
    return "zensical.markdown.render" in sys.modules


def edition() -> Edition:
    from zensical.config import get_config

    from .markdown.base import hand_over, handed_over  # here: the extensions' base imports this module

    config = get_config()
    if (given := handed_over(config["mdx_configs"])) is not None:  # the other extensions of the first page ask too
        return given
    try:
        loaded = load(Path(config["root_dir"]))
    except ProblemsFound as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"build refused: {len(error.problems)} problem(s) in the edition's input", file=sys.stderr, flush=True)
        os._exit(1)  # SystemExit would reach Zensical's runtime and come out as a traceback
    for warning in loaded.warnings:  # worth saying, not wrong, as `make build` says it
        print(f"warning: {warning}", file=sys.stderr)
    hand_over(config["markdown_extensions"], config["mdx_configs"], edition=loaded)
    sys.excepthook = _naming_template_failures(loaded.root, sys.excepthook)
    return loaded


def template_failure(message: str, root: Path) -> Problem | None:
    """The problem a Zensical template error names, by the template's file and line; None for any other error."""
    found = TEMPLATE_ERROR.fullmatch(message.strip())
    if found is None:
        return None
    # Zensical names the template by its path from the template folders: the edition's, if overrides/ holds it.
    own = root / TEMPLATES_DIR / found["name"]
    return rendering_failure(root, own if own.is_file() else Path(found["name"]), int(found["line"]),
                             f"stops with: {' '.join(found['what'].split())[:200]}", CONFIG_FILE)


def _naming_template_failures(root: Path, previous):
    def hook(kind, error, trace):
        problem = template_failure(str(error), root) if isinstance(error, RuntimeError) else None
        if problem is None:
            return previous(kind, error, trace)
        print(f"error: {problem}", file=sys.stderr)
        print("build failed: 1 problem(s)", file=sys.stderr, flush=True)
    return hook

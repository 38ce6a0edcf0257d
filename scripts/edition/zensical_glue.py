"""The edition under `zensical build`: Zensical-only glue, kept this small on purpose.

Zensical (Material's successor) runs the Python-Markdown extensions that mkdocs.yml names but no
MkDocs plugin, so nothing hands the extensions the edition. The first extension that asks loads it
from Zensical's project folder and writes it into Zensical's own extension settings, which Zensical
passes to the extensions of every later page: one load per build, and no state of the edition's own.

Input the edition refuses ends the build at once with the problems and exit status 1: Zensical
reports a Python extension's warnings but still ends "No issues found" with status 0 (even with
--strict), and an exception comes out as a traceback. By then Zensical has copied only the theme's assets.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import Edition, load
from .problems import ProblemsFound


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
    return loaded

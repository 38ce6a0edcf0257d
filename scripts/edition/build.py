"""`make build`: validate the input, render the site into a temporary folder, check it, then publish it.

The published folder is replaced only when every step succeeded, so a failed build leaves the
previous site (and PDF) exactly as they were.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .checks import check_all
from .context import load_edition
from .problems import Problem, ProblemsFound
from .sitecheck import check_site


class _Collect(logging.Handler):
    """Keep MkDocs' warnings so they are reported with the edition's own problems."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_site(root: Path, site_dir: Path) -> list[Problem]:
    """Run MkDocs (strict, as mkdocs.yml says) into site_dir; return its warnings as problems."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is known
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
        mkdocs_build(config)
    except (Abort, MkDocsException) as error:
        if not handler.messages:
            handler.messages.append(str(error))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [Problem("mkdocs.yml", 0, f"MkDocs: {message}", "fix what MkDocs names") for message in handler.messages]


def publish(staging: Path, output: Path) -> None:
    """Put the new build in place of the old one, with the old one kept until the new one is there."""
    previous = output.with_name(f".{output.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    if previous.exists():
        shutil.rmtree(previous)


def build(root: Path, output: Path) -> tuple[list[Problem], list[Problem]]:
    """Build the edition into output; return (errors, warnings). Output changes only without errors."""
    try:
        edition = load_edition(root)
    except ProblemsFound as error:
        return error.problems, []
    errors, warnings = check_all(edition)
    if errors:
        return errors, warnings
    output.parent.mkdir(parents=True, exist_ok=True)
    # Stage beside the output, on the same file system, so publishing is a rename.
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    try:
        errors = render_site(root, staging)
        if not errors:
            errors = check_site(staging)
        if errors:
            return errors, warnings
        publish(staging, output)
        return [], warnings
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--output", type=Path, help="where to publish the site (default: ROOT/site)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    output = (args.output or root / "site").resolve()
    errors, warnings = build(root, output)
    for problem in warnings:
        print(f"warning: {problem}", file=sys.stderr)
    for problem in errors:
        print(f"error: {problem}", file=sys.stderr)
    if errors:
        print(f"build failed: {len(errors)} problem(s); {output} left as it was", file=sys.stderr)
        return 1
    print(f"built {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

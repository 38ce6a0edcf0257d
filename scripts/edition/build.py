"""`make build`: validate the input, render the site and the PDF into a temporary folder, check them, publish.

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

from .anchors import LOCK_FILE, check_anchors, write_lock, write_redirects
from .checks import check_all
from .downloads import write_downloads
from .metadata import stamp_site
from .pdf import pdf_settings, render_pdf
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


def render_site(root: Path, site_dir: Path) -> tuple[list[Problem], str]:
    """Run MkDocs (strict, as mkdocs.yml says) into site_dir; return its warnings as problems, and site_url."""
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
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
        site_url = config.site_url or ""
        mkdocs_build(config)
    except (Abort, MkDocsException) as error:
        if not handler.messages:
            handler.messages.append(str(error))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [Problem("mkdocs.yml", 0, f"MkDocs: {message}", "fix what MkDocs names") for message in handler.messages], site_url


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


def build(root: Path, output: Path, update_anchors: bool = False) -> tuple[list[Problem], list[Problem]]:
    """Build the edition into output; return (errors, warnings). Output changes only without errors.

    With update_anchors, the built site's anchors are written to anchors.lock instead of checked
    against it: a deliberate change of the public anchors, to be reviewed in the diff.
    """
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
        errors, site_url = render_site(root, staging)
        if errors:  # no site to add to or check
            return errors, warnings
        # From here on every step runs, so one build reports all that is wrong with its output.
        pdf = staging / pdf_settings(edition).file
        errors = render_pdf(root, pdf, edition=edition)
        write_downloads(staging, edition, site_url)
        stamp_site(staging, edition, site_url, pdf if pdf.exists() else None)
        errors += write_redirects(staging, root, site_url)
        errors += check_site(staging)
        if not update_anchors:
            anchor_errors, anchor_warnings = check_anchors(staging, root)
            errors, warnings = errors + anchor_errors, warnings + anchor_warnings
        if errors:
            return errors, warnings
        if update_anchors:
            write_lock(staging, root)
        publish(staging, output)
        return [], warnings
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--output", type=Path, help="where to publish the site (default: ROOT/site)")
    parser.add_argument("--update-anchors", action="store_true",
                        help=f"record the built site's anchors in {LOCK_FILE} (after a deliberate change)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    output = (args.output or root / "site").resolve()
    errors, warnings = build(root, output, update_anchors=args.update_anchors)
    for problem in warnings:
        print(f"warning: {problem}", file=sys.stderr)
    for problem in errors:
        print(f"error: {problem}", file=sys.stderr)
    if errors:
        print(f"build failed: {len(errors)} problem(s); {output} left as it was", file=sys.stderr)
        return 1
    print(f"built {output}" + (f"; anchors recorded in {root / LOCK_FILE}" if args.update_anchors else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

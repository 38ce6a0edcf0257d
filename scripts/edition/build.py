"""`make build`: validate the input, render the site and the PDF into a temporary folder, check them, publish.

The published folder is replaced only when every step succeeded, so a failed build leaves the
previous site (and PDF) exactly as they were.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .anchors import LOCK_FILE, check_anchors, write_lock, write_redirects
from .checks import check_all
from .csp import apply_csp
from .offline import render_offline_copy
from .render import render_site
from .downloads import write_downloads
from .metadata import stamp_site
from .pdf import build_date, pdf_settings, render_pdf
from .context import load_edition
from .problems import Problem, ProblemsFound
from .sitecheck import check_site


# What a copy of the project needs to build on its own.
PROJECT_FILES = ["mkdocs.yml", "docs", "sources", "overrides", "anchors.lock", "CITATION.cff"]


def copy_project(root: Path, target: Path, cache: bool = True) -> Path:
    """Copy the project's inputs, for a build that must not touch the real ones (tests, benchmark).

    With cache, the citation cache comes along: it is keyed by its inputs, so a copy whose inputs
    differ formats afresh, and one whose inputs are the same is spared Pandoc's runs.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES + ([".cache"] if cache and (root / ".cache").is_dir() else []):
        if (root / name).is_dir():
            shutil.copytree(root / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(root / name, target / name)
    return target


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
    # A build killed mid-way leaves its staging folder behind, never a half-written output: clear it.
    for stale in output.parent.glob(f".{output.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    # Stage beside the output, on the same file system, so publishing is a rename.
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published site is world-readable
    try:
        errors, site_url = render_site(root, staging)
        if errors:  # no site to add to or check
            return errors, warnings
        # From here on every step runs, so one build reports all that is wrong with its output.
        pdf = staging / pdf_settings(edition).file
        errors = render_pdf(root, pdf, edition=edition)
        write_downloads(staging, edition, site_url)
        errors += render_offline_copy(root, staging, pdf.name, build_date(root, edition))
        stamp_site(staging, edition, site_url, pdf if pdf.exists() else None)
        errors += write_redirects(staging, root, site_url)
        apply_csp(staging)
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
    registry = load_edition(root).registry
    online = [s for s in registry if s.url]
    print(f"archived copies: {sum(bool(s.archive_url) for s in online)} of {len(online)} sources with a web address "
          "(`make linkcheck` lists those at risk)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m edition.publish --profile`: the same build, in one process, with the counts the architecture promises."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT, copy_project


def test_profile_builds_the_whole_edition_and_counts_one_load(tmp_path, site):
    root = copy_project(tmp_path / "project")  # after `site`: the PDF cache it takes along is warm
    docs_pages = len(list((root / "docs").rglob("*.md")))
    # A process of its own: the profiler's audit hook cannot be removed from the process it is added to.
    run = subprocess.run([sys.executable, "-m", "edition.publish", "--root", str(root), "--profile"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    counts = re.search(r"edition loaded (\d+) time\(s\); docs/\*\.md files opened by the edition's code (\d+) time\(s\)",
                       run.stderr)
    assert counts, run.stderr[-3000:]
    assert (int(counts[1]), int(counts[2])) == (1, docs_pages)
    # The steps a build runs in children ran here, and their output was published with the site.
    site = root / "site"
    assert (site / "in-iraq-restraint-annotated-edition.pdf").read_bytes().startswith(b"%PDF-")
    assert (site / "downloads" / "iraq-restraint-edition-offline.zip").is_file()

"""Bad input fails the build with every problem named by file and line, and leaves the last site as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "edition.build", "--root", str(root)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    """A copy of the project with a good build in site/, the 'previous output' each case must keep."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def project(built_copy, tmp_path) -> Path:
    root = tmp_path / "project"
    subprocess.run(["cp", "-a", str(built_copy), str(root)], check=True)
    return root


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


CASES = {
    "unknown source id": (
        lambda r: replace_in(r / "docs/a-slow-burning-conflict.md", "[^oir-2020-03-14]", "[^oir-2020-03-15]"),
        "docs/a-slow-burning-conflict.md:5: citation of unknown source id 'oir-2020-03-15'; "
        "add sources/oir-2020-03-15.yml or use an existing id (see the Sources page)"),
    "malformed YAML": (
        lambda r: replace_in(r / "sources/nyt-2020-03-27.yml", "title: ", "title: [unclosed "),
        "sources/nyt-2020-03-27.yml:5: invalid YAML: while parsing a flow sequence expected ',' or ']', but got ':'; "
        "fix the YAML syntax (indentation, quoting, colons)"),
    "duplicate id": (
        lambda r: write(r / "sources/nyt-2020-03-27-copy.yml",
                        (r / "sources/nyt-2020-03-27.yml").read_text(encoding="utf-8")),
        "sources/nyt-2020-03-27.yml:2: duplicate id 'nyt-2020-03-27', also used in sources/nyt-2020-03-27-copy.yml:2; "
        "give each source its own id, and name its file after it"),
    "bad date": (
        lambda r: replace_in(r / "sources/zarif-2020-01-08.yml", "issued: 2020-01-08", "issued: 8 January 2020"),
        "sources/zarif-2020-01-08.yml:9: 'issued' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got '8 January 2020'; "
        "write it as YYYY-MM-DD, YYYY-MM or YYYY"),
    "javascript URL": (
        lambda r: replace_in(r / "sources/salih-2020-03-13.yml", "url: https://presidency.iq/EN/Details.aspx?id=1841",
                             "url: javascript:alert(1)"),
        "sources/salih-2020-03-13.yml:9: 'url' must be an http(s) URL, got 'javascript:alert(1)'; "
        "link to the document's web address (https://...)"),
    "unaccounted quotation": (
        lambda r: replace_in(r / "sources/essay/quotations.yml",
                             "- {paragraph: 28, quote: held, kind: term, why: the military sense of holding ground after clearing it}\n", ""),
        "docs/tensions-benefit-the-islamic-state.md: quotation “held” in ¶28 is not accounted for; "
        "add it to sources/essay/quotations.yml with `source:` or `kind:` and `why:`"),
    "quote missing from the attributed source": (
        lambda r: replace_in(r / "sources/salih-2020-03-13.yml",
                             '  - text: "foreign bombing"\n    original: "القصف الأجنبي"\n    original_language: ar\n', ""),
        "sources/essay/quotations.yml:29: “foreign bombing” is attributed to 'salih-2020-03-13', whose `quotes:` lack these words; "
        "add them to `quotes:` in sources/salih-2020-03-13.yml, or correct the attribution"),
    "citation attached to words its source lacks": (
        lambda r: replace_in(r / "docs/index.md", "“destroy”[^nyt-2020-03-27]", "“destroy”[^dod-2020-03-12]"),
        "docs/index.md:7: citation of 'dod-2020-03-12' is attached to “destroy”, but its `quotes:` lack these words; "
        "add the words to `quotes:` in sources/dod-2020-03-12.yml, or cite the source that has them"),
    "CITATION.cff behind the current version": (
        lambda r: replace_in(r / "CITATION.cff", "version: 0.2.0", "version: 0.1.0"),
        "CITATION.cff:18: `version` is '0.1.0', but changes.yml says 0.2.0; set `version: 0.2.0` when releasing a version"),
    "versions out of order": (
        lambda r: replace_in(r / "sources/essay/changes.yml", "- version: 0.1.0", "- version: 0.3.0"),
        "sources/essay/changes.yml:23: version 0.3.0 is listed after a newer one; "
        "list versions newest first, each with a higher number than the one below"),
    "anchor lock names a page the site lacks": (
        lambda r: replace_in(r / "anchors.lock", "pages:\n", "pages:\n  withdrawn/:\n  - withdrawn\n"),
        'anchors.lock:6: page /withdrawn/ is no longer published; restore it, or record where it went: '
        'redirects: {"withdrawn/": "<new-page>/"}'),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_fails_with_a_clear_error_and_keeps_the_previous_site(case, project):
    before = tree_digest(project / "site")
    breaks, expected = CASES[case]
    breaks(project)
    result = run_build(project)
    assert result.returncode == 1
    assert f"error: {expected}" in result.stderr.splitlines(), result.stderr
    assert result.stderr.splitlines()[-1].startswith("build failed:")
    assert tree_digest(project / "site") == before


def test_all_problems_of_a_run_are_listed_at_once(project):
    broken = ("malformed YAML", "bad date", "javascript URL")
    for case in broken:
        CASES[case][0](project)
    result = run_build(project)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == sorted(f"error: {CASES[case][1]}" for case in broken)
    assert result.stderr.splitlines()[-1].startswith("build failed: 3 problem(s)")


def test_changed_essay_text_is_refused_with_the_first_difference(project):
    replace_in(project / "docs/index.md", "tit-for-tat cycle of violence", "tit-for-tat spiral of violence")
    result = run_build(project)
    assert result.returncode == 1
    assert ("error: docs/index.md:7: ¶2 differs from the source of record (sources/essay/original.txt line 7): "
            "word 28 should be “cycle of violence with”, found “spiral of violence with”; "
            "restore the original wording; corrections belong in an editorial note") in result.stderr.splitlines()

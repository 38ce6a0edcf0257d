"""Every way of building refuses the same bad input with the same problem, by file and line, and exit status 1.

`make build` (the program `python -m edition.publish`), `mkdocs build` (the `edition` plugin) and
`zensical build` (the extensions, through `edition.zensical_glue`) all take the edition from
`edition.load`: one bad claims entry, one bad source record and one bad page, each run through all three.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, line_of, replace_in
from edition import load
from edition.problems import ProblemsFound

pytestmark = pytest.mark.build  # each case runs a whole build program

BIN = Path(sys.executable).parent
PATHS = {
    "make build": [sys.executable, "-m", "edition.publish"],
    "mkdocs build": [str(BIN / "mkdocs"), "build"],
    "zensical build": [str(BIN / "zensical"), "build"],
}

CLAIMS = "sources/essay/claims.yml"
RECORD = "sources/dod-2020-03-12.yml"
PAGE = "docs/a-slow-burning-conflict.md"
BAD_INPUTS = {
    # (file, what is written in place of what, the words the message must hold)
    "claims entry": (CLAIMS, "  support: full\n", "  support: sweeping\n", "'sweeping'"),
    "source record": (RECORD, "issued: 2020-03-12", "issued: 2020-03-32", "not in the calendar"),
    "page": (PAGE, "[^oir-2020-03-12]", "[^no-such-source]", "no-such-source"),
}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("paths"))


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("bad", BAD_INPUTS)
def test_every_build_path_refuses_the_same_input_naming_file_and_line(clean, tmp_path, path, bad):
    file, old, new, words = BAD_INPUTS[bad]
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    line = line_of(file, old.strip())
    replace_in(project / file, old, new)
    result = subprocess.run(PATHS[path], cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    with pytest.raises(ProblemsFound) as refused:  # the problem as edition.load words it, in this process
        load(project)
    problems = [str(problem) for problem in refused.value.problems]
    assert any(problem.startswith(f"{file}:{line}:") and words in problem for problem in problems), problems
    assert all(problem in output for problem in problems), output
    assert "Traceback" not in output
    assert not (project / "site" / "index.html").exists()  # no page published


@pytest.mark.parametrize("path", PATHS)
def test_every_build_path_builds_good_input(clean, tmp_path, path):
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    result = subprocess.run(PATHS[path], cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'id="p1"' in (project / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [*PATHS, "make anchors"])
def test_every_build_path_builds_a_project_with_no_anchor_lock_yet(clean, tmp_path, path):
    """Sixteenth hostile round, T5: with anchors.lock gone, every path stopped on MkDocs' `watch` setting, naming
    mkdocs.yml with no line, and `make anchors` could not write the lock it exists to write."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    (project / "anchors.lock").unlink()
    command = [*PATHS["make build"], "--update-anchors"] if path == "make anchors" else PATHS[path]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    if path == "make build":
        assert "warning: anchors.lock: no anchor lock yet; run `make anchors` to write it, then commit it" in result.stderr
    assert (project / "anchors.lock").is_file() == (path == "make anchors")


@pytest.mark.parametrize("present", [True, False], ids=["both there", "neither yet"])
def test_mkdocs_serve_watches_the_anchor_lock_and_citation_file_that_exist(tmp_path, present):
    """They left mkdocs.yml's `watch:`, where a missing one stops MkDocs (T5): the plugin watches what there is."""
    from types import SimpleNamespace

    from edition.mkdocs_plugin import EditionPlugin
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    if present:
        for name in ("anchors.lock", "CITATION.cff"):
            (tmp_path / name).write_text("x\n", encoding="utf-8")
    watched = []
    server = SimpleNamespace(watch=watched.append)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    assert EditionPlugin().on_serve(server, config=config, builder=None) is server
    assert watched == ([str(tmp_path / "anchors.lock"), str(tmp_path / "CITATION.cff")] if present else [])


@pytest.mark.parametrize("path", PATHS)
def test_every_build_path_says_a_warning_and_still_builds(clean, tmp_path, path):
    """An uncited source is worth saying, not wrong: no path fails on it (MkDocs' strict mode did)."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    record = (project / RECORD).read_text(encoding="utf-8").replace("id: dod-2020-03-12", "id: dod-2020-03-13-uncited")
    (project / "sources/dod-2020-03-13-uncited.yml").write_text(record, encoding="utf-8")
    result = subprocess.run(PATHS[path], cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dod-2020-03-13-uncited" in result.stdout + result.stderr


def test_mkdocs_build_never_writes_through_an_output_folder_that_is_a_link(clean, tmp_path):
    """Found by a hostile review (issue 27): with site/ a link to a folder elsewhere, MkDocs emptied that folder."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("precious", encoding="utf-8")
    subprocess.run(["rm", "-rf", str(project / "site")], check=True)
    (project / "site").symlink_to(elsewhere)
    result = subprocess.run(PATHS["mkdocs build"], cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1 and "is a link to" in result.stdout + result.stderr
    assert [path.name for path in elsewhere.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("path", PATHS)
def test_every_build_path_names_a_template_that_fails_while_rendering(clean, tmp_path, path):
    """An undefined value in overrides/ stops each renderer at the template's line, with no traceback (issue 27).
    Zensical renders the templates in Rust: the glue names what its error says, once the extensions have run
    (a build of unchanged pages from Zensical's cache runs none of the edition's code; the clean copy has none)."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    line = line_of("overrides/base.html", "  </body>")
    replace_in(project / "overrides/base.html", "  </body>", "{{ config.nope.deeper }}\n  </body>")
    result = subprocess.run(PATHS[path], cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"overrides/base.html:{line}: rendering a page, the template stops with" in output
    assert "undefined" in output.lower() or "UndefinedError" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("options,named", [
    (["-t", "mkdocs"], "the theme is 'mkdocs' (given by -t)"),
    (["--no-directory-urls"], "--no-directory-urls turns every permanent link"),
    (["-f", "alt.yml"], "alt.yml: MkDocs was given this file (-f), but the edition's checks read mkdocs.yml"),
])
def test_mkdocs_options_that_change_the_checked_settings_are_refused(clean, tmp_path, options, named):
    """Found by a hostile review (issue 27): `-t mkdocs` loaded every page's scripts from cdnjs, and `-f alt.yml`
    built settings the checks never read, each with exit status 0. Refused before a page is written."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    (project / "alt.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([*PATHS["mkdocs build"], *options, "--site-dir", str(tmp_path / "out")], cwd=project,
                            capture_output=True, text=True, timeout=300, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1 and named in result.stderr + result.stdout, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


DATES = {"4070908800": "SOURCE_DATE_EPOCH: is '4070908800', not a time the build can date its files by; set it to whole "
                       "seconds since 1970, from 1980 to today",
         "1763942400": "SOURCE_DATE_EPOCH: dates this copy 2025-11-24, before version "}


@pytest.mark.parametrize("path", ["make build", "mkdocs build"])  # Zensical reads no SOURCE_DATE_EPOCH
@pytest.mark.parametrize("epoch", DATES, ids=["after today", "before the release"])
def test_a_source_date_epoch_the_edition_cannot_be_dated_by_is_refused_on_every_path_that_reads_it(clean, path, epoch):
    """Sixteenth hostile round, T3, and seventeenth, case 1: `mkdocs build` wrote 2099, or a day before the version's
    release, into every <lastmod> of the sitemap, where `make build` refused both."""
    result = subprocess.run(PATHS[path], cwd=clean, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"SOURCE_DATE_EPOCH": epoch, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert DATES[epoch] in result.stderr


def test_mkdocs_build_on_a_read_only_mount_says_so_in_one_line(clean, tmp_path):
    """Tenth hostile round, case 106: a checkout on a read-only volume ended `mkdocs build` in MkDocs' traceback
    (OSError from copy_file). In a mount namespace of its own (unshare -m): as root, permissions would not stop it."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    script = f'mount --bind -o ro "$0" "$0" && cd "$0" && exec "{PATHS["mkdocs build"][0]}" build'
    result = subprocess.run(["unshare", "-m", "sh", "-c", script, str(project)], capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")})
    if "mount" in result.stderr and result.returncode != 1:
        pytest.skip(f"no read-only mount here: {result.stderr.strip()}")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"--site-dir: {project / 'site'}: the build cannot write its files here: Read-only file system; build into a "
            "folder you can write, or make this one writable") in result.stderr


def test_mkdocs_build_waits_for_no_one_but_never_writes_under_make_builds_lock(clean, tmp_path):
    """Tenth hostile round, case 161: `mkdocs build` emptied and rewrote site/ while `make build` held its lock."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    (project / "site").mkdir()
    for name in ("index.html", "404.html", "sitemap.xml"):
        (project / "site" / name).write_text("the site make build is publishing", encoding="utf-8")
    with (project / ".site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a build in progress holds it
        result = subprocess.run(PATHS["mkdocs build"], cwd=project, capture_output=True, text=True, timeout=300,
                                env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{project / 'site'}: another build of this folder is running; wait for it to finish" in result.stderr
    assert sorted(path.name for path in (project / "site").iterdir()) == ["404.html", "index.html", "sitemap.xml"]
    released = subprocess.run(PATHS["mkdocs build"], cwd=project, capture_output=True, text=True, timeout=300,
                              env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert released.returncode == 0, released.stderr  # the lock of its own is let go: the next build takes it


def test_mkdocs_build_into_a_folder_of_folders_not_made_yet_makes_them(clean, tmp_path):
    """The lock is kept beside the site folder: its parent is made first, as MkDocs makes the folder itself."""
    result = subprocess.run([*PATHS["mkdocs build"], "-d", str(tmp_path / "new" / "deep" / "site")], cwd=clean,
                            capture_output=True, text=True, timeout=300, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "deep" / "site" / "index.html").is_file()


def test_mkdocs_build_refuses_before_another_plugin_configures(clean, tmp_path):
    """Twelfth hostile round, case 162: with `material/info` listed before `edition`, its on_config asked github.com and
    printed three tracebacks before the edition's refusal. Run with no network but loopback (unshare -n)."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    replace_in(project / "mkdocs.yml", "plugins:\n", "plugins:\n  - material/info\n")
    result = subprocess.run(["unshare", "-n", *PATHS["mkdocs build"]], cwd=project, capture_output=True, text=True,
                            timeout=300, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    if "Operation not permitted" in result.stderr:
        pytest.skip("unshare -n needs root")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "`plugins` names 'material/info', which the edition has not checked" in result.stderr


@pytest.mark.parametrize("folder", ["sources", "overrides", "print/x", "scripts", "../notes"])  # MkDocs refuses docs/, the project
def test_mkdocs_never_empties_a_folder_of_the_project_given_as_its_site_dir(clean, tmp_path, folder):
    """Found by a hostile review (issue 27, eighth round, cases 116, 117, 129): `mkdocs build -d sources` emptied
    sources/ (every record, the ledgers, the source of record) and wrote the site there, with exit status 0."""
    project = tmp_path / "project"
    subprocess.run(["cp", "-a", str(clean), str(project)], check=True)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "notes.txt").write_text("precious", encoding="utf-8")  # ninth round, case 24: it was emptied
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*") if ".cache" not in path.parts)
    result = subprocess.run([*PATHS["mkdocs build"], "-d", folder], cwd=project, capture_output=True, text=True, timeout=300,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    named = ("holds files that are not a site this build made" if folder.startswith("..")
             else f"is inside the project's {folder.split('/')[0]}/")
    assert result.returncode == 1 and f"--site-dir: {(project / folder).resolve()} {named}" in result.stderr, result.stderr
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*") if ".cache" not in path.parts) == before

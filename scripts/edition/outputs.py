"""Where a build may write (a folder of its own, never the project, anything it reads, or a link), and the day
it may date what it writes by (SOURCE_DATE_EPOCH or the last commit, between 1980 and today, not before the
version's release).

Shared by `make build` (its --output), the PDF (its --output), the link checker (its --json) and the MkDocs
plugin (`mkdocs build -d`, which empties the folder before it writes: `-d sources` would delete every record),
which must not import the pipeline.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .model.edition import PROJECT_FOLDERS, Inputs, pdf_file
from .problems import Problem, relative

# The folders an output may not be or be inside: those the build reads, and the project's own.
INPUTS = (*PROJECT_FOLDERS, "scripts", "tests", "benchmarks", ".git", ".github", ".ci", "node_modules", ".venv", ".cache")
SITE_SIGNATURE = ("index.html", "404.html", "sitemap.xml")  # what every build publishes
# What else a build publishes at the top of its folder: Material's files, the downloads, the PDF, and the
# folders of docs/ (a page's folder holds its index.html, and may be one an earlier version had).
SITE_FILES = (*SITE_SIGNATURE, "sitemap.xml.gz")
SITE_FOLDERS = ("assets", "search", "downloads")


def output_problems(root: Path, output: Path, option: str = "--output") -> list[Problem]:
    """The output folder is replaced whole: it may not hold, or be, anything of the project's own, nor anything but
    an earlier build (`mkdocs build -d ../notes` emptied a folder of notes)."""
    if problems := place_problems(root, output, option):
        return problems
    output = output.resolve()
    if output.exists() and not output.is_dir():
        return [Problem(option, 0, f"{output} is a file", "name a folder: the build replaces it with the site")]
    if blocked := next((parent for parent in output.parents if parent.exists() and not parent.is_dir()), None):
        return [Problem(option, 0, f"{blocked} is a file, not a folder", "publish into a folder of its own, such as site/")]
    if output.is_dir() and any(output.iterdir()) and (stranger := _not_published(root, output)):
        return [Problem(option, 0, f"{output} holds files that are not a site this build made ({stranger} among them), and "
                        "would be replaced whole", "publish into a new or empty folder, or into the site/ of an earlier build")]
    return []


def _not_published(root: Path, output: Path) -> str | None:
    """The name of something in output that no build of the edition publishes there, or None: index.html, 404.html and
    sitemap.xml alone, which any static site has, do not make a folder of notes an earlier build."""
    entries = list(output.iterdir())
    if len(entries) == 1 and entries[0].is_file() and not entries[0].is_symlink() and entries[0].name == pdf_file(root):
        return None  # what `make pdf` writes into site/ on a clone with no site yet (eleventh round, case 63)
    if missing := next((name for name in SITE_SIGNATURE if not (output / name).is_file()), None):
        return f"no {missing}"
    for entry in sorted(entries):
        if entry.is_symlink():
            return entry.name
        if entry.is_file() and not (entry.name in SITE_FILES or entry.suffix == ".pdf"):
            return entry.name
        if entry.is_dir() and not (entry.name in SITE_FOLDERS or (entry / "index.html").is_file()
                                   or (root / "docs" / entry.name).is_dir()):
            return f"{entry.name}/"
    return None


def place_problems(root: Path, output: Path, option: str) -> list[Problem]:
    """An output (given by option) that is a link, the project, or one of its inputs or its own folders."""
    if link := output_link_problem(output, root):  # before resolving, which would follow it
        return [link]
    root, output = root.resolve(), output.resolve()
    if output == root or root.is_relative_to(output):
        return [Problem(option, 0, f"{output} holds the project itself", "publish into a folder of its own, such as site/")]
    for name in INPUTS:
        if output == root / name or output.is_relative_to(root / name):
            return [Problem(option, 0, f"{output} is inside the project's {name}/", "publish into a folder of its own, such as site/")]
    return []


def output_link_problem(output: Path, root: Path) -> Problem | None:
    """An output folder that is a symbolic link: a build empties the folder it leads to and writes the site there,
    outside the project."""
    if not output.is_symlink():
        return None
    return Problem(relative(output, root), 0, f"is a link to {os.path.realpath(output)}; the build writes only into a folder "
                   "of its own", "remove the link: the build makes the folder")


def unwritable(output: Path, option: str) -> Problem | None:
    """The output folder's file system or permissions refuse a new file (a read-only mount): said in one line
    before MkDocs, which would stop with a traceback, starts to write."""
    folder = next((path for path in (output, *output.parents) if path.is_dir()), None)
    try:
        with tempfile.TemporaryFile(dir=folder):
            return None
    except OSError as error:
        return Problem(option, 0, f"{output}: the build cannot write its files here: {error.strerror or error}",
                       "build into a folder you can write, or make this one writable")


@contextmanager
def one_build_at_a_time(output: Path) -> Iterator[Problem | None]:
    """Hold the lock of building output (`.site.lock` beside site/) for the block, which is given None; or give it
    the problem when another build holds it, or it cannot be taken. `make build` and `mkdocs build` take the same
    lock: a second build would clear the first's staging folder, or MkDocs would empty the site it publishes."""
    # The lock file is opened, never followed: a link in its place (to a file someone cares about) would be emptied.
    lock_path = output.parent / f".{output.name}.lock"
    try:
        descriptor = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise OSError(0, "not a regular file")
    except OSError as error:
        if error.errno == errno.EROFS or (error.errno in (errno.EACCES, errno.EPERM, errno.ENOSPC)
                                          and not os.path.lexists(lock_path)):
            # The folder refuses a new file: there is nothing in the way to remove.
            yield Problem(str(output.parent), 0, f"the build cannot write its files here: {error.strerror}",
                          "build into a folder you can write (`--output`), or make this one writable")
        else:
            yield Problem(str(lock_path), 0, f"cannot be the build's lock file: {error.strerror or error}",
                          "remove it: the build makes its own (a link or special file there is never followed)")
        return
    with os.fdopen(descriptor, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield Problem(str(output), 0, "another build of this folder is running", "wait for it to finish, then build again")
            return
        yield None


EPOCH_RANGE = (315_532_800, 4_102_444_800)  # 1980 (the first time a zip can hold) to 2100 (before gzip's last)


def epoch_problems(root: Path | None = None) -> list[Problem]:
    """SOURCE_DATE_EPOCH, when set, else the last commit's time, dates the PDF, the offline copy's zip and
    MkDocs' sitemap: it must be a time all three can write, or the build would stop on it half-way, and not
    after today (tomorrow, for a clock a few hours ahead), where the PDF would say it was made and its sources
    read in years to come (fifteenth hostile round, S12 and S13)."""
    latest = min(EPOCH_RANGE[1], int(time.time()) + 86_400)
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        commit = commit_epoch(root) if root is not None else None
        if commit is None or EPOCH_RANGE[0] <= commit < latest:
            return []
        return [Problem("git log -1", 0, f"dates the last commit {commit}, not a time the build can date its files by",
                        "commit again with a date from 1980 to today, or set SOURCE_DATE_EPOCH to one")]
    if value.isascii() and value.isdigit() and EPOCH_RANGE[0] <= int(value) < latest:
        return []
    return [Problem("SOURCE_DATE_EPOCH", 0, f"is {value!r}, not a time the build can date its files by",
                    "set it to whole seconds since 1970, from 1980 to today (as `git log -1 --format=%ct` gives), or unset it")]


def commit_epoch(root: Path) -> int | None:
    """The last commit's time, or None outside a git checkout."""
    try:
        epoch = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                               capture_output=True, text=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(epoch) if epoch.lstrip("-").isdigit() else None


def epoch_day(epoch: int) -> str:
    """The day (in UTC) of a time in seconds since 1970."""
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()


def epoch_before_release(edition: Inputs) -> list[Problem]:
    """SOURCE_DATE_EPOCH set to a day before the version's release: the PDF's cover would say the copy was made
    before its version existed (fourteenth hostile round, case 26). A date chosen so is a mistake, never moved."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value.isascii() and value.isdigit() and (day := epoch_day(int(value))) < edition.released:
        return [Problem("SOURCE_DATE_EPOCH", 0, f"dates this copy {day}, before version {edition.version} was released "
                        f"({edition.released} in sources/essay/changes.yml)", "set it to a time on or after the release, "
                        "or unset it")]
    return []

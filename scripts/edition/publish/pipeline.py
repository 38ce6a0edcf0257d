"""`make build`: validate the input, render the site, the PDF and the offline copy into a staging folder, check them, publish.

The flow, with the edition loaded once and handed to every step:

    load (edition.load) → input checks (model.checks)
      → in parallel: the site (render) | the PDF (pdf, a child process) | the offline copy (offline, a
        child: rendered, checked and packed)
      → downloads and redirect pages → one parsed pass over the site's HTML (postprocess: metadata, CSP)
        and the essay's words checked (fidelity), while the children finish
      → the PDF and downloads added to the copy's zip → download sizes, pages written (write_pages)
      → output checks (links, anchors) → publish

The published folder is replaced only when every step succeeded, so a failed build leaves the
previous site (and PDF) exactly as they were.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .. import Edition, load
from ..cache import NOTES_CACHE, PDF_CACHE, STYLESHEET_CACHE, TEMPLATE_CACHE
from ..model.addresses import DOWNLOADS_DIR, OFFLINE_COPY
from ..model.anchor_lock import LOCK_FILE
from ..model.edition import PROJECT_FILES, not_a_project
from ..outputs import epoch_problems, one_build_at_a_time, output_problems
from ..problems import Problem, ProblemsFound
from .anchors import check_anchors, write_lock, write_redirects
from .downloads import write_downloads
from .fidelity import check_fidelity
from .offline import FOLDER, complete_offline_copy, make_offline_copy
from .pdf import pdf_settings, render_pdf
from .postprocess import postprocess, write_pages
from .render import render_site
from .sitecheck import check_site, placed_in_docs

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process receives when its parent ends

# What a copy of the project needs to build on its own.
BUILD_CACHES = [NOTES_CACHE, PDF_CACHE, TEMPLATE_CACHE]  # what a build reuses (not the benchmark's Lighthouse)


def copy_project(root: Path, target: Path, cache: bool = True) -> Path:
    """Copy the project's inputs, for a build that must not touch the real ones (tests, benchmark).

    With cache, the build's caches come along (citations, PDF, templates): each is keyed by its
    inputs, so a copy whose inputs differ works afresh, and one whose inputs are the same is spared
    Pandoc's and WeasyPrint's runs.
    """
    target.mkdir(parents=True, exist_ok=True)
    caches = [cache_dir.as_posix() for cache_dir in BUILD_CACHES if (root / cache_dir).is_dir()] if cache else []
    for name in [*PROJECT_FILES, *caches]:
        if (root / name).is_dir():
            # A cache is written beside its copy while another build runs: a file that vanishes between the listing
            # and the copy (an atomic write's temporary one) is no loss, since the copy's build makes its own.
            copy = _copy_if_still_there if name in caches else shutil.copy2
            shutil.copytree(root / name, target / name, ignore=shutil.ignore_patterns("__pycache__"), copy_function=copy)
        else:
            shutil.copy2(root / name, target / name)
    return target


def _copy_if_still_there(source: str, destination: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        shutil.copy2(source, destination)


def _discard(path: Path) -> None:
    """Remove a site the build kept, its read-only folders too (made writable first: the build wrote them);
    OSError when the file system still refuses (an immutable file, a read-only mount)."""
    def writable_then_again(function, name, _):
        os.chmod(os.path.dirname(name), stat.S_IRWXU)  # a real folder of the tree: rmtree never follows a link
        function(name)

    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, onerror=writable_then_again)


def publish(staging: Path, output: Path) -> list[Problem]:
    """Put the new build in place of the old one, with the old one kept until the new one is there.

    Removing the old one is tidying: when the file system refuses it, the new site is published all the
    same, the old one is set aside under a name of its own, and a warning says where."""
    previous = output.with_name(f".{output.name}.previous")
    warnings = []
    try:
        _discard(previous)
    except OSError:  # left by an earlier build that could not remove it: out of the way, so this one can publish
        aside = previous.with_name(f"{previous.name}-{time.time_ns()}")
        previous.rename(aside)
        warnings.append(Problem(str(aside), 0, "an earlier site the build could not remove is left here",
                                "remove it by hand (it may hold read-only or immutable files)"))
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    try:
        _discard(previous)
    except OSError as error:
        warnings.append(Problem(str(previous), 0, f"the site this build replaced could not be removed: {error.strerror or error}",
                                "remove it by hand; the new site is published"))
    return warnings


def _die_with_parent(build: int) -> None:
    """In a child: end when the build ends, however it ends (a killed build leaves no worker behind). The
    child's parent is the fork server, which ends when the build does. Ctrl-C reaches the whole process
    group: the build answers it, once; a child ignores it and ends with the build."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the children still end with the pool, as usual
        pass
    try:
        os.kill(build, 0)  # the build died before the request above was made
    except ProcessLookupError:
        os._exit(1)


class _Later:
    """A job run in this process when its result is asked for, as a child's would be awaited."""

    def __init__(self, job, args, kwargs):
        self.job, self.args, self.kwargs = job, args, kwargs

    def result(self):
        return self.job(*self.args, **self.kwargs)


class _InThisProcess:
    """The children's jobs run one after the other in this process (`--profile`, which must see them)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def submit(self, job, *args, **kwargs) -> _Later:
        return _Later(job, args, kwargs)


def _children(serial: bool = False):
    if serial:
        return _InThisProcess()
    # Forked, so each child starts with the modules already imported; the edition is handed to it. Only a process
    # of one thread is forked: one that has run Typst (a test, a second build) holds its threads, which a fork
    # does not copy, and a forked child calling Typst would wait for them for ever. Such a process starts its
    # children from a fork server instead, a second slower.
    if _threads() == 1:
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["edition.publish.pdf", "edition.publish.offline"])
    return ProcessPoolExecutor(max_workers=2, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),))


def _threads() -> int:
    """This process's threads, Python's and others' (Typst's), as Linux counts them; 0 where it does not say.

    A Python thread that was just joined (the one edition.load formats citations in) can stay listed for
    a few milliseconds: the count is taken again for up to a fifth of a second before more than one is believed.
    """
    deadline = time.monotonic() + 0.2
    while True:
        try:
            count = len(os.listdir("/proc/self/task"))
        except OSError:
            return 0
        if count <= threading.active_count() == 1 or time.monotonic() > deadline:
            return count
        time.sleep(0.005)


def _awaited(job, what: str, both: bool = False):
    """A child's result; a child that died (killed, out of memory) is a problem named in words, not a traceback."""
    try:
        return job.result()
    except BrokenProcessPool:
        died = [Problem(what, 0, "the process making it ended abruptly (it was killed, or ran out of memory)",
                        "build again; if it happens again, check the machine's free memory")]
        return (died, []) if both else died


def render_all(edition: Edition, staging: Path, serial: bool = False) -> tuple[list[Problem], dict]:
    """Render everything into staging and check it; return the problems and the parsed pages."""
    pdf = staging / pdf_settings(edition).file
    # Named like the staging folder, so that the next build clears it if this one is killed.
    side = tempfile.TemporaryDirectory(prefix=f"{staging.name}-offline-", dir=staging.parent)
    with side as tmp, _children(serial) as children:
        copy = Path(tmp) / FOLDER
        # The PDF is made beside staging, not in it: MkDocs empties its site folder when it starts.
        printed = Path(tmp) / pdf.name
        pdf_job = children.submit(render_pdf, edition, printed, cache=True)
        offline_job = children.submit(make_offline_copy, edition, copy)
        errors = render_site(edition, staging)
        if errors:  # no site to add to or check
            return errors, {}
        # From here on every step runs, so one build reports all that is wrong with its output.
        write_downloads(staging, edition)
        errors += write_redirects(staging, edition, to_come=frozenset({pdf.name, f"{DOWNLOADS_DIR}/{OFFLINE_COPY}"}))
        # What needs only the site's pages is done while the children work.
        parsed, script_errors = postprocess(staging, edition, pdf)
        site_errors = script_errors + check_fidelity(staging, edition, parsed)
        pdf_errors = _awaited(pdf_job, "the PDF")
        errors += pdf_errors
        if printed.exists():
            printed.replace(pdf)
        failed = frozenset({pdf.name} if pdf_errors else ())  # its problems are named: not again at each link to it
        # Checked while the copy is finished in its child; its zip, put in place after, is the one link left out.
        site_errors += check_site(staging, parsed, failed | {f"{DOWNLOADS_DIR}/{OFFLINE_COPY}"},
                                  cache=edition.root / STYLESHEET_CACHE)
        offline_errors, copy_errors = _awaited(offline_job, "the offline copy", both=True)
        if not offline_errors:
            copy_errors += complete_offline_copy(edition, copy, staging, failed)  # puts the zip in place, or fails
        write_pages(parsed)  # with the sizes of the PDF and of the copy's zip, now final
        # The copy is a second rendering of the same pages: what is wrong with the site's is not reported
        # again, differently worded, for the copy's.
        errors += offline_errors + placed_in_docs(site_errors, edition, staging, parsed) + ([] if site_errors else copy_errors)
    return errors, parsed


@dataclass
class Outcome:
    """What a build found: errors (nothing published), warnings, and lines of summary for the maintainer."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def archive_summary(edition: Edition) -> str:
    online = [s for s in edition.registry if s.url]
    return (f"archived copies: {sum(bool(s.archive_url) for s in online)} of {len(online)} sources with a web address "
            "(`make linkcheck` lists those at risk)")


def build(root: Path, output: Path, update_anchors: bool = False, serial: bool = False) -> Outcome:
    """Build the edition into output. The output changes only when there are no errors.

    With update_anchors, the built site's anchors are written to anchors.lock instead of checked
    against it: a deliberate change of the public anchors, to be reviewed in the diff. serial runs
    the PDF and the offline copy in this process, one after the other (for --profile).
    """
    if elsewhere := not_a_project(root):  # before anything is written
        return Outcome([elsewhere])
    if problems := output_problems(root, output) + epoch_problems(root):
        return Outcome(problems)
    output.parent.mkdir(parents=True, exist_ok=True)
    with one_build_at_a_time(output) as refused:
        if refused:
            return Outcome([refused])
        previous = output.with_name(f".{output.name}.previous")
        try:
            if previous.is_symlink() or previous.is_file():
                previous.unlink()  # not a site a build kept: a link or file in its place is never followed
            elif previous.is_dir() and not output.exists():
                previous.rename(output)  # a publish stopped between its two renames: the last site comes back first
            return _build(root, output, update_anchors, serial)
        except OSError as error:  # the file system refused a step of publishing (permissions, a full disk)
            return Outcome([Problem(str(output), 0, f"the build stopped on a file system error: {error}",
                                    "check the output folder's permissions and free space, then build again")])


def _build(root: Path, output: Path, update_anchors: bool, serial: bool) -> Outcome:
    try:
        edition = load(root)
    except ProblemsFound as error:
        return Outcome(error.problems, error.warnings)
    warnings = list(edition.warnings)
    # A build killed mid-way leaves its staging folder behind, never a half-written output: clear it.
    for stale in output.parent.glob(f".{output.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    # Stage beside the output, on the same file system, so publishing is a rename.
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published site is world-readable
    try:
        errors, parsed = render_all(edition, staging, serial)
        if parsed and not update_anchors:  # the site rendered: its anchors are checked whatever else failed
            anchor_errors, anchor_warnings = check_anchors(staging, edition, parsed)
            errors, warnings = errors + anchor_errors, warnings + anchor_warnings
        if errors:
            return Outcome(errors, warnings)
        if update_anchors and (errors := write_lock(staging, edition.lock, root, parsed)):
            return Outcome(errors, warnings)
        warnings += publish(staging, output)
        return Outcome([], warnings, [archive_summary(edition)])
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--output", type=Path, help="where to publish the site (default: ROOT/site)")
    parser.add_argument("--update-anchors", action="store_true",
                        help=f"record the built site's anchors in {LOCK_FILE} (after a deliberate change)")
    parser.add_argument("--profile", action="store_true",
                        help="also print how often the edition was loaded and docs/ read, and where the time went")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    # Absolute, but a link is not followed: output_problems refuses an output folder that is one.
    output = Path(os.path.abspath(args.output or root / "site"))
    if args.profile:
        from .profile import profiled

        outcome, report = profiled(root, lambda: build(root, output, update_anchors=args.update_anchors, serial=True))
    else:
        try:
            outcome = build(root, output, update_anchors=args.update_anchors)
        except KeyboardInterrupt:  # the staging folder is removed on the way out; a half-published site comes back next time
            print(f"build interrupted; {output} left as it was", file=sys.stderr)
            return 130
    try:
        return _report(outcome, output, root, args.update_anchors, report if args.profile else None)
    except KeyboardInterrupt:  # the build has ended: say what it left, not that nothing happened
        state = "left as it was" if outcome.errors else "holds the site the build published"
        print(f"build interrupted while reporting; {output} {state}", file=sys.stderr)
        return 130


def _report(outcome: Outcome, output: Path, root: Path, update_anchors: bool, report: str | None) -> int:
    """Say what the build found and did; the exit status."""
    for problem in dict.fromkeys(map(str, outcome.warnings)):  # each once, in the order found
        print(f"warning: {problem}", file=sys.stderr)
    for problem in dict.fromkeys(map(str, outcome.errors)):
        print(f"error: {problem}", file=sys.stderr)
    if report is not None:
        print(report, file=sys.stderr)
    if outcome.errors:
        # No site there (a first build, or a --root that is a file): nothing was, and nothing is written.
        state = f"{output} left as it was" if output.is_dir() else "nothing written"
        print(f"build failed: {len(set(map(str, outcome.errors)))} problem(s); {state}", file=sys.stderr)
        return 1
    print(f"built {output}" + (f"; anchors recorded in {root / LOCK_FILE}" if update_anchors else ""))
    for line in outcome.summary:
        print(line)
    return 0

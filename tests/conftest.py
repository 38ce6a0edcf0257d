"""Build the real edition once per test session, and give tests parsed pages of it."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import io
import os
import shutil
import stat
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

from edition import load as load_edition
from edition.checked import checked_inputs
from edition.model import load_inputs
from edition.model.edition import configured_site_url
from edition.model.essay import load_essay
from edition.model.memo import Memo
from edition.problems import ProblemsFound
from edition.publish.pdf import build_date
from edition.publish.pdf import main as pdf_main
from edition.publish.pipeline import build, main
from edition.publish.pipeline import copy_project as copy_edition_project
from edition.tools.local_site import CHROMIUM, CHROMIUM_FLAGS, serve

ROOT = Path(__file__).resolve().parents[1]

# `make test-fast` searches each property with fewer random examples (`--hypothesis-profile=fast`), so the
# loop stays short; `make test` (CI) uses Hypothesis's default of 100, scaled per test in test_properties.
settings.register_profile("fast", max_examples=15)


def pytest_configure(config) -> None:
    """Date every build of the session as `make build` here dates it (the last commit's day).

    The copies of the project the tests build have no .git, so they would be dated by the version
    instead: a PDF dated otherwise misses the PDF cache and is laid out again, 15 s each time.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # as `python -m edition.publish` sets it: Material's banner is known
    if "SOURCE_DATE_EPOCH" not in os.environ:
        day = dt.date.fromisoformat(build_date(load_inputs(ROOT)))
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))


# Test tiers, read from the fixtures a test uses (directly or through other fixtures): `make test-fast`
# runs the tests that use none of these. A test that builds, prints or browses by other means is marked
# itself (`@pytest.mark.build`) or by its module's `pytestmark`: test_pdf.py, test_pdf_typesetting.py and
# test_pdf_bad_input.py lay out their PDFs in fixtures of their own, and test_build_paths.py builds by
# each command line.
TIERS = {
    "site": "build", "built_copy": "build",  # the built site, or a copy of the project with it
    "project": "build",  # a copy of the project that the test builds (here, and in test_anchors and test_pdf_bad_input)
    "letter_pdf": "pdf",  # the PDF on US Letter
    "browser": "browser",  # Chromium
}


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        for fixture, tier in TIERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(tier)
    items.sort(key=turn)


def turn(item) -> int:
    """When a test's turn comes (pytest-xdist hands the work out in this order, Together keeping it): first the
    first group of TOGETHER, whose worker builds the site on the way (it needs it); meanwhile the other worker
    takes the tests that need no build, PDF or browser, rather than wait for that build; then the other groups,
    each long, then the rest one by one. Within each, the order of collection."""
    group = group_of(item.nodeid)
    if group is not None:
        return 0 if group == next(iter(TOGETHER.values())) else 2
    return 1 if not any(item.get_closest_marker(tier) for tier in set(TIERS.values()) | {"pdf"}) else 3


# Tests that share a costly module-scoped fixture (every note measured at every width, a PDF parsed, a site
# built by Zensical) run on one worker, so that it is made once, not once on each: the start of their node
# ids, and the group's name. Every other test is a unit of its own.
# (pytest-xdist's `xdist_group` mark would say this in the tests, but under pytest 9 its loadgroup does not group.)
TOGETHER = {
    "tests/test_pdf.py::": "the PDFs read", "tests/test_pdf_typesetting.py::": "the PDFs read",
    "tests/test_browser_notes.py::test_every_margin_note_": "margin notes",
    "tests/test_pdf_bad_input.py::test_printed_as_text": "odd content printed",
    "tests/test_browser_reading.py::test_no_page_scrolls_sideways": "pages drawn at every width",
    "tests/test_browser_typography.py::test_the_gap_after_": "essay measured at every width",
    "tests/test_browser_typography.py::test_every_note_call_takes_": "essay measured at every width",
    "tests/test_browser_sources.py::test_the_page_is_short_": "sources page at every width",
    "tests/test_browser_sources.py::test_the_cite_panels_summary_": "sources page at every width",
    "tests/test_zensical.py::": "the site Zensical builds", "tests/test_browser_print.py::": "pages Chromium prints",
    "tests/test_metadata.py::": "metadata read back",
}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "load":  # another way of handing out the tests, asked for by name: xdist's own
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Together(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid) or nodeid

    return Together(config, log)


def group_of(nodeid: str) -> str | None:
    return next((group for start, group in TOGETHER.items() if nodeid.startswith(start)), None)


@pytest.fixture(scope="session")
def edition():
    return load_edition(ROOT)


@pytest.fixture(scope="session")
def essay():
    return load_essay(ROOT)


def session_folder(tmp_path_factory, worker_id: str) -> Path:
    """The temporary folder of the whole session, which pytest-xdist's workers share (each has its own below it)."""
    shared = tmp_path_factory.getbasetemp()
    return shared if worker_id == "master" else shared.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id) -> Path:
    """The real edition, built once into a temporary folder, which every test reads and none changes.

    With pytest-xdist the workers share one build: the first to take the lock builds, the others wait.
    """
    shared = session_folder(tmp_path_factory, worker_id)
    output = shared / "edition" / "site"
    output.parent.mkdir(exist_ok=True)
    with (shared / "edition.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (output / "index.html").is_file():
            errors = build(ROOT, output).errors
            assert not errors, "\n".join(map(str, errors))
    return output


@pytest.fixture(scope="session")
def page(site):
    """Parse a built page by its path in the site, e.g. page('sources/index.html')."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(path: str) -> BeautifulSoup:
        if path not in cache:
            cache[path] = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        return cache[path]

    return parse


@pytest.fixture(scope="session")
def letter_pdf(tmp_path_factory) -> Path:
    """The edition's PDF on US Letter, as `make pdf PAPER=letter` makes it: laid out once for the tests that read it."""
    letter = tmp_path_factory.mktemp("letter") / "letter.pdf"
    assert pdf_main(["--root", str(ROOT), "--paper", "letter", "--output", str(letter)]) == 0
    return letter


@pytest.fixture(scope="session")
def read_pdf():
    """pdfplumber's reading of a PDF, made once per file for the session: it reads every character of every
    page (a few seconds for the book), and keeps them for every test that measures them."""
    import pdfplumber

    opened: dict[Path, pdfplumber.PDF] = {}

    def read(path: Path) -> pdfplumber.PDF:
        if path not in opened:
            opened[path] = pdfplumber.open(path)
        return opened[path]

    yield read
    for pdf in opened.values():
        pdf.close()


def tree_digest(folder: Path, leave_out: tuple[str, ...] = ()) -> str:
    """One hash of a folder's names, links and file contents; links are not followed, FIFOs not opened."""
    digest = hashlib.sha256()
    for current, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if Path(current, d).relative_to(folder).as_posix() not in leave_out)
        for name in sorted(dirs + files):
            path = Path(current) / name
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            if path.is_symlink():
                digest.update(b"link:" + os.readlink(path).encode())
            elif stat.S_ISREG(path.lstat().st_mode):
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory, worker_id, site) -> Path:
    """A copy of the project with a good build in site/, the 'previous output' each case must keep.

    After `site`, so the copy takes a warm PDF cache along. Built once for all workers, as `site` is, and
    changed by none: each case works on its own copy of it (`project`)."""
    shared = session_folder(tmp_path_factory, worker_id)
    root, built = shared / "built-copy", shared / "built-copy.built"  # the second, once the first is whole
    with (shared / "built-copy.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            shutil.rmtree(root, ignore_errors=True)
            result = run_build(copy_project(root))
            assert result.returncode == 0, result.stderr
            built.touch()
    return root


@pytest.fixture
def project(built_copy, tmp_path) -> Path:
    root = tmp_path / "project"
    subprocess.run(["cp", "-a", str(built_copy), str(root)], check=True)
    return root


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A copy of the project's inputs alone (no site, no caches): what `edition.load` reads, for a test to break."""
    return copy_edition_project(ROOT, tmp_path / "project", cache=False)


@pytest.fixture(scope="session")
def refusal():
    """What `edition.load` refuses the inputs at a root for, each problem worded as `make build` prints it;
    [] when it accepts them. The in-process form of a bad-input case: a build would stop at the same place.

    It runs what `edition.load` runs to refuse (edition.checked.checked_inputs), not the formatting of the
    citations that follows, which refuses nothing. One memo for the session (model.memo): a case breaks one
    file, and the checks of every other file, whose text the earlier cases read already, answer from it."""
    memo = Memo()

    def refused(root: Path) -> list[str]:
        try:
            checked_inputs(root, memo=memo)
        except ProblemsFound as refused:
            return [str(problem) for problem in refused.problems]
        return []

    return refused


def replace_in(path: Path, old: str, new: str) -> None:
    """Break an input on purpose: its first `old` becomes `new` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: str, needle: str) -> int:
    """The 1-based line of the project's file `path` (from the root) that first holds `needle`."""
    return next(n for n, line in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def copy_project(destination: Path) -> Path:
    """Copy the project's inputs, so a test can break them without touching the real ones."""
    return copy_edition_project(ROOT, destination)


SITE_URL = configured_site_url(ROOT)


@pytest.fixture(scope="session")
def site_server(site):
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def settle(tab, condition: str, timeout: float = 10_000) -> bool:
    """Wait until the page's JavaScript `condition` holds, or give up quietly after `timeout` ms; say which.

    The page reacts on its next frames (a resize observer, a scroll): on a loaded machine that can take
    seconds. Giving up quietly lets the test's own assertion say what the page showed instead. Polled
    with `evaluate`, which the page's Content-Security-Policy does not govern: `wait_for_function`
    compiles the condition inside the page, and the policy (rightly) refuses that once the condition
    does not hold at the first look."""
    return tab.evaluate(WAIT_FOR.replace("CONDITION", condition), timeout)


# The condition looked at in the page every 10 ms, in one round trip (a poll from here costs one per look,
# and a look that just missed the change costs the poll's interval again); an error in it is the test's.
WAIT_FOR = """until => new Promise((done, failed) => {
    const end = performance.now() + until;
    const look = () => {
        let held;
        try { held = Boolean(CONDITION); } catch (error) { return failed(error); }
        if (held || performance.now() > end) done(held); else setTimeout(look, 10);
    };
    look();
})"""


# Three frames: the one that sees a new window size (a resize observer asks for another), the one in which
# the page's script lays itself out again, and one after it.
FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))"


def resize(tab, width: int, height: int) -> None:
    """Make the window this size and wait until the page has laid itself out at it, as it does on every resize:
    measured then, a page shows what a page loaded at that size shows."""
    tab.set_viewport_size({"width": width, "height": height})
    settle(tab, f"innerWidth === {width}")
    tab.evaluate(FRAMES)


@pytest.fixture
def browser_page(browser, site_server):
    """A fresh tab that may read and write the clipboard, as a reader's browser lets a site do on a click."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # A Content-Security-Policy violation is reported as a console error.
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield tab
    context.close()
    assert not errors, f"errors on the page: {errors}"


def essay_page_path(section) -> str:
    return "index.html" if section.slug == "index" else f"{section.slug}/index.html"


def run_build(root: Path, *options: str) -> SimpleNamespace:
    """`python -m edition.publish --root ROOT` run in this process (no interpreter start-up): its exit status and output."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["--root", str(root), *options])
    return SimpleNamespace(returncode=status, stdout=out.getvalue(), stderr=err.getvalue())

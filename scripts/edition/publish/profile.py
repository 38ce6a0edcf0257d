"""`python -m edition.publish --profile`: how often one build loads the edition and reads docs/, and where its time goes.

The counts are measured, not declared: cProfile counts the calls of `load_inputs`, and a
Python audit hook counts every opening of a docs/*.md file (by any path), told apart by whether the
edition's code or the generator (MkDocs) opened it. So that nothing escapes them, the PDF and the
offline copy, which a build renders in child processes, run in this process, one after the other.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

from ..model import edition as model_edition
from ..model.docs import DOCS_DIR

PACKAGE = str(Path(__file__).resolve().parents[1])  # scripts/edition


def _opener(frame) -> str:
    """'edition' when the nearest caller outside the standard library is the edition's code."""
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(PACKAGE):
            return "edition"
        if "site-packages" in filename:
            return "generator"
        frame = frame.f_back
    return "other"


def profiled(root: Path, run):
    """Run a build under the profiler; return its outcome and the report."""
    docs = str((root / DOCS_DIR).resolve()) + "/"
    opened: Counter[str] = Counter()

    def audit(event: str, args) -> None:
        if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
            return
        path = os.path.abspath(os.fsdecode(args[0]))
        if path.startswith(docs) and path.endswith(".md"):
            opened[_opener(sys._getframe(1))] += 1

    sys.addaudithook(audit)  # an audit hook cannot be removed; `--profile` runs one build per process
    profiler = cProfile.Profile()
    start = time.perf_counter()
    outcome = profiler.runcall(run)
    seconds = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    loads = sum(calls for (file, _, name), (calls, *_rest) in stats.stats.items()
                if name == model_edition.load_inputs.__name__ and Path(file) == Path(model_edition.__file__))
    pages = len(list((root / DOCS_DIR).rglob("*.md")))
    top = io.StringIO()
    pstats.Stats(profiler, stream=top).sort_stats("cumulative").print_stats(15)
    report = "\n".join([
        f"profile: edition loaded {loads} time(s); docs/*.md files opened by the edition's code {opened['edition']} "
        f"time(s) ({pages} pages), by MkDocs {opened['generator']} time(s) (the site and the offline copy render them)",
        f"profile: {seconds:.2f} s under the profiler (slower than without); the 15 costliest calls:",
        top.getvalue().strip(),
    ])
    return outcome, report

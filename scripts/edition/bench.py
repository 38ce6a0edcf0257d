"""`make bench`: print how long the PDF takes to make and how large it is, against the edition's targets.

Figures, not pass/fail tests: timings depend on the machine. Citations are formatted (and cached)
once before timing, so the figure is the PDF's own cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .context import load_edition
from .pdf import render_pdf

PDF_SECONDS_TARGET = 5.0
PDF_KB_TARGET = 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--runs", type=int, default=3, help="PDF renderings to time (default: 3)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    edition = load_edition(root)
    seconds = []
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "edition.pdf"
        for _ in range(args.runs):
            start = time.perf_counter()
            problems = render_pdf(root, target, edition=edition)
            seconds.append(time.perf_counter() - start)
            if problems:
                print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
                return 1
        size_kb = target.stat().st_size / 1024
    median = statistics.median(seconds)
    print(f"pdf time   median {median:.2f} s over {args.runs} runs (min {min(seconds):.2f}, max {max(seconds):.2f}); "
          f"target under {PDF_SECONDS_TARGET:.0f} s: {'met' if median < PDF_SECONDS_TARGET else 'NOT met'}")
    print(f"pdf size   {size_kb:.0f} KB; target under {PDF_KB_TARGET} KB: {'met' if size_kb < PDF_KB_TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

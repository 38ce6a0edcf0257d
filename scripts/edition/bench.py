"""`make bench`: print the edition's speed and size figures against their targets.

Figures, not pass/fail tests: timings depend on the machine. For the PDF, the time to make it and
its size. For every page of the built site, served on 127.0.0.1 with gzip as a static host would:
bytes transferred on a first load (compressed, everything included), requests, requests to other
hosts, largest contentful paint and cumulative layout shift in Debian's Chromium, and, when
Lighthouse is installed (`make bench` installs it with npm), its four category scores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .browsing import CHROMIUM, CHROMIUM_FLAGS, serve
from .context import load_edition
from .pages import docs_pages
from .pdf import render_pdf

PDF_SECONDS_TARGET = 5.0
PDF_KB_TARGET = 500
PAGE_KB_TARGET = 100  # an essay page, compressed, first load, everything included
LCP_TARGET_MS = 1000
CLS_TARGET = 0.05
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

LIGHTHOUSE = Path(".cache") / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"

# Collect paint and layout-shift entries from the very start of the page.
PERFORMANCE_OBSERVER = """
window.__edition = {lcp: 0, cls: 0};
new PerformanceObserver(list => { for (const e of list.getEntries()) __edition.lcp = e.startTime; })
  .observe({type: "largest-contentful-paint", buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) __edition.cls += e.value; })
  .observe({type: "layout-shift", buffered: true});
"""

def pdf_figures(root: Path, runs: int) -> list[str]:
    edition = load_edition(root)
    seconds = []
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "edition.pdf"
        for _ in range(runs):
            start = time.perf_counter()
            problems = render_pdf(root, target, edition=edition)
            seconds.append(time.perf_counter() - start)
            if problems:
                raise SystemExit("\n".join(f"error: {p}" for p in problems))
        size_kb = target.stat().st_size / 1024
    median = statistics.median(seconds)
    return [
        f"pdf   time {median:.2f} s median of {runs} (min {min(seconds):.2f}, max {max(seconds):.2f}); "
        f"target under {PDF_SECONDS_TARGET:.0f} s: {'met' if median < PDF_SECONDS_TARGET else 'NOT met'}",
        f"pdf   size {size_kb:.0f} KB; target under {PDF_KB_TARGET} KB: {'met' if size_kb < PDF_KB_TARGET else 'NOT met'}",
    ]


def page_figures(base: str, paths: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for path in paths:
            context = browser.new_context()  # empty cache: a first visit
            tab = context.new_page()
            tab.add_init_script(PERFORMANCE_OBSERVER)
            requests = []
            tab.on("requestfinished", lambda request, found=requests: found.append(request))
            tab.goto(f"{base}/{path}", wait_until="networkidle")
            tab.wait_for_timeout(300)
            measured = tab.evaluate("window.__edition")
            transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests)
            figures.append({"path": "/" + path, "kb": transferred / 1024, "requests": len(requests),
                            "offsite": sum(not r.url.startswith(base) for r in requests),
                            "lcp": measured["lcp"], "cls": measured["cls"]})
            context.close()
        browser.close()
    return figures


def lighthouse_scores(base: str, path: str) -> dict[str, int] | None:
    node = shutil.which("node")
    if not (node and LIGHTHOUSE.is_file()):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([node, str(LIGHTHOUSE), f"{base}/{path}", "--quiet", "--output=json", f"--output-path={report}",
                        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
                        "--only-categories=performance,accessibility,best-practices,seo"],
                       env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, timeout=300, check=False)
        if not report.is_file():
            return None
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--site", type=Path, help="the built site (default: ROOT/site; run `make build` first)")
    parser.add_argument("--runs", type=int, default=3, help="PDF renderings to time (default: 3)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    site = (args.site or root / "site").resolve()
    if not (site / "index.html").is_file():
        print(f"error: no built site in {site}; run `make build` first", file=sys.stderr)
        return 1
    for line in pdf_figures(root, args.runs):
        print(line)

    edition = load_edition(root)
    essay_pages = {"/" + section.page.removesuffix(".md").replace("index", "") + ("/" if section.heading else "")
                   for section in edition.essay.sections}
    paths = [page.path for page in docs_pages(edition)]
    with serve(site, compress=True) as base:
        figures = page_figures(base, paths)
        print(f"\n{'page':52} {'KB gz':>7} {'req':>4} {'off':>4} {'LCP ms':>7} {'CLS':>6}")
        for f in figures:
            print(f"{f['path']:52} {f['kb']:7.1f} {f['requests']:4d} {f['offsite']:4d} {f['lcp']:7.0f} {f['cls']:6.3f}")
        essay = [f for f in figures if f["path"] in essay_pages]
        heaviest = max(essay, key=lambda f: f["kb"])
        print(f"\nessay page, heaviest first load {heaviest['kb']:.1f} KB ({heaviest['path']}); "
              f"target under {PAGE_KB_TARGET} KB: {'met' if heaviest['kb'] < PAGE_KB_TARGET else 'NOT met'}")
        offsite = sum(f["offsite"] for f in figures)
        print(f"requests to other hosts, all pages: {offsite}; target 0: {'met' if offsite == 0 else 'NOT met'}")
        worst_lcp, worst_cls = max(f["lcp"] for f in figures), max(f["cls"] for f in figures)
        print(f"largest contentful paint, worst page {worst_lcp:.0f} ms; target under {LCP_TARGET_MS} ms: "
              f"{'met' if worst_lcp < LCP_TARGET_MS else 'NOT met'}")
        print(f"cumulative layout shift, worst page {worst_cls:.3f}; target under {CLS_TARGET}: "
              f"{'met' if worst_cls < CLS_TARGET else 'NOT met'}")
        scores = lighthouse_scores(base, heaviest["path"].lstrip("/"))
        if scores is None:
            print("lighthouse: not installed (`make bench` installs it into .cache/lighthouse with npm)")
        else:
            verdicts = ", ".join(f"{name} {score} (target {LIGHTHOUSE_TARGETS[name]}: "
                                 f"{'met' if score >= LIGHTHOUSE_TARGETS[name] else 'NOT met'})"
                                 for name, score in scores.items())
            print(f"lighthouse on {heaviest['path']}, mobile defaults: {verdicts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: print the edition's speed and size figures against their targets.

Figures, not pass/fail tests: timings depend on the machine, so each is a median of several runs.
The build: the full build cold (empty citation cache) and warm, and its peak memory; the site alone
against a stock `mkdocs build` of the same pages with plain footnotes; the rebuild after an edit
under `mkdocs serve`; the PDF alone; validation of synthetic corpora of 1, 10 and 100 essays. The
pages, served on 127.0.0.1 with gzip as a static host would: bytes of a first load (compressed,
everything included), requests, requests to other hosts, largest contentful paint and cumulative
layout shift in Debian's Chromium, and, when Lighthouse is installed (`make bench` installs it with
npm), its four category scores. `--record` also writes the figures, with the machine's description,
to benchmarks/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import yaml

from ..model import load_inputs
from ..model.addresses import SOURCES_PAGE
from ..model.checks import check_all
from ..publish.pipeline import copy_project
from .local_site import CHROMIUM, CHROMIUM_FLAGS, serve
from .synthetic import make_corpus

WARM_SECONDS_TARGET = 2.0  # the full build: site, PDF, offline copy, every check
COLD_SECONDS_TARGET = 4.0  # the same with every cache empty (citations, PDF, templates)
WARM_OVER_STOCK_TARGET = 5.0  # the warm full build against a stock `mkdocs build` of the same pages, side by side
SITE_OVERHEAD_TARGET = 1.5  # our site render alone against a stock MkDocs build of the same pages
SERVE_REBUILD_TARGET = 0.5
VALIDATION_100_TARGET = 2.0
MEMORY_MB_TARGET = 300
PDF_COLD_OVER_STOCK_TARGET = 5.0  # `make pdf` with every cache empty, against a stock MkDocs build of the pages
PDF_LAYOUT_OVER_STOCK_TARGET = 1.0  # Typst's part alone (markup, layout, packing), in a fresh process
PDF_KB_TARGET = 400  # on A4
PAGE_KB_TARGET = 100  # an essay page, compressed, first load, everything included; the edition's other pages too
SOURCES_KB_TARGET = 130  # the Sources page, which holds every record
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

# Typst's part of `make pdf` (writing the markup, laying it out, packing the file), timed in a fresh process:
# Typst memoizes layouts within a process, so a second run in the same one would flatter it.
LAYOUT = """
import sys, time
from pathlib import Path
from edition import load
from edition.publish import pdf
root = Path(sys.argv[1])
edition = load(root)
settings = pdf.pdf_settings(edition)
date = pdf.build_date(edition)
tree = pdf.print_tree(edition, settings, date)
start = time.perf_counter()
problems, _ = pdf._print(tree, date, root, settings, "a4", Path(sys.argv[2]))
print(time.perf_counter() - start)
sys.exit(bool(problems))
"""


def pdf_figures(root: Path, runs: int) -> list[str]:
    """`make pdf` with every cache empty, and Typst's part of it, each beside a stock MkDocs build of the same
    pages in the same run; the file's size on A4."""
    cold, layout, stock = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(root, Path(tmp) / "project", cache=False)
        plain = stock_project(root, Path(tmp) / "stock")
        target = Path(tmp) / "edition.pdf"
        for n in range(runs):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            cold.append(timed_run([sys.executable, "-m", "edition.publish.pdf", "--root", str(project),
                                   "--output", str(target)])[0])
            measured = subprocess.run([sys.executable, "-c", LAYOUT, str(project), str(target)], capture_output=True,
                                      text=True, check=False)
            if measured.returncode:
                raise SystemExit(f"the PDF's layout failed:\n{measured.stderr}")
            layout.append(float(measured.stdout.split()[-1]))
            stock.append(timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain / "mkdocs.yml"),
                                    "-d", f"{tmp}/stock-{n}"])[0])
        size_kb = target.stat().st_size / 1024
    median_stock = statistics.median(stock)
    cold_ratio, layout_ratio = statistics.median(cold) / median_stock, statistics.median(layout) / median_stock
    return [
        f"pdf   make pdf, every cache empty, {statistics.median(cold):.2f} s median of {runs}: {cold_ratio:.1f} times "
        f"stock MkDocs of the same pages in the same runs ({median_stock:.2f} s); target under "
        f"{PDF_COLD_OVER_STOCK_TARGET:.0f}: {verdict(cold_ratio <= PDF_COLD_OVER_STOCK_TARGET)}",
        f"pdf   Typst's part (markup, layout, packing) {statistics.median(layout):.2f} s: {layout_ratio:.2f} times stock; "
        f"target under {PDF_LAYOUT_OVER_STOCK_TARGET:.0f}: {verdict(layout_ratio < PDF_LAYOUT_OVER_STOCK_TARGET)}",
        f"pdf   size {size_kb:.0f} KB on A4; target under {PDF_KB_TARGET} KB: {verdict(size_kb < PDF_KB_TARGET)}",
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
            transferred = sum(transferred_bytes(r) for r in requests)
            figures.append({"path": "/" + path, "kb": transferred / 1024, "requests": len(requests),
                            "offsite": sum(not r.url.startswith(base) for r in requests),
                            "lcp": measured["lcp"], "cls": measured["cls"]})
            context.close()
        browser.close()
    return figures


def transferred_bytes(request) -> int:
    """A response's bytes on the wire: its headers and compressed body. Chromium reports no body size for
    what a worker fetches (Material's search worker, 12 KB compressed), so its Content-Length counts."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if not body and (response := request.response()) is not None:
        body = int(response.headers.get("content-length") or 0)
    return body + sizes["responseHeadersSize"]


def page_target(path: str) -> int:
    """The first-load target of a page, in KB: the Sources page's, else the essay's, which the edition's
    other pages (chronology, glossary, notes, about…) are held to as well."""
    return SOURCES_KB_TARGET if path == "/" + SOURCES_PAGE.removesuffix(".md") + "/" else PAGE_KB_TARGET


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


def timed_run(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run a command; return its seconds and the peak memory (MB) of its largest process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def build_figures(root: Path, runs: int) -> list[str]:
    """The full build cold and warm, each run beside a stock MkDocs build of the same pages."""
    cold, warm, stock, memory = [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            project = copy_project(root, Path(tmp) / "project", cache=False)
            plain = stock_project(root, Path(tmp) / "stock")
            for series in (cold, warm):  # the first run fills the caches, the second finds them
                seconds, mb = timed_run([sys.executable, "-m", "edition.publish", "--root", str(project)])
                series.append(seconds)
                memory.append(mb)
            stock.append(timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain / "mkdocs.yml"),
                                    "-d", f"{tmp}/stock-site"])[0])
    median_cold, median_warm, median_stock = statistics.median(cold), statistics.median(warm), statistics.median(stock)
    ratio = median_warm / median_stock
    return [
        f"build cold (every cache empty) {median_cold:.2f} s, warm {median_warm:.2f} s, medians of {runs} "
        f"(site, PDF, offline copy, all checks); targets under {COLD_SECONDS_TARGET} s cold: "
        f"{verdict(median_cold <= COLD_SECONDS_TARGET)}, under {WARM_SECONDS_TARGET} s warm: "
        f"{verdict(median_warm <= WARM_SECONDS_TARGET)}",
        f"build warm against stock MkDocs of the same pages in the same runs ({median_stock:.2f} s): {ratio:.1f} times; "
        f"target under {WARM_OVER_STOCK_TARGET:.0f}: {verdict(ratio <= WARM_OVER_STOCK_TARGET)}",
        f"build peak memory {max(memory):.0f} MB (largest process); target under {MEMORY_MB_TARGET} MB: "
        f"{verdict(max(memory) <= MEMORY_MB_TARGET)}",
    ]


def stock_project(root: Path, target: Path) -> Path:
    """The same pages for a stock MkDocs: plain footnotes (the source's title), no edition extensions."""
    registry = load_inputs(root).registry
    (target / "docs").mkdir(parents=True)
    for page in (root / "docs").glob("*.md"):
        lines, notes = [], []
        for line in page.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\[\[edition:", line):
                continue

            def plain(match: re.Match, notes: list[str] = notes) -> str:
                notes.append(registry[match[1]].title if match[1] in registry else "An editorial note.")
                return f"[^{len(notes)}]"

            lines.append(re.sub(r"\[\^([^\]]+)\](?!:)", plain, line))
        lines += [""] + [f"[^{n}]: {title}" for n, title in enumerate(notes, start=1)]
        (target / "docs" / page.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for folder in ("stylesheets", "javascripts", "assets"):  # the same look, scripts and icon
        shutil.copytree(root / "docs" / folder, target / "docs" / folder)
    # mkdocs.yml is plain YAML (the build refuses tags): read, changed and written back as data.
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("watch", None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search"]
    config["markdown_extensions"] = ["toc", "footnotes", "attr_list"]
    config["strict"] = False
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def site_figures(root: Path, runs: int) -> list[str]:
    ours, stock = [], []
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(root, Path(tmp) / "project", cache=True)
        plain = stock_project(root, Path(tmp) / "stock")
        render = ("import sys; from pathlib import Path; from edition import load; "
                  "from edition.publish.render import render_site; "
                  "sys.exit(bool(render_site(load(Path(sys.argv[1])), Path(sys.argv[2]))))")
        for n in range(runs):
            ours.append(timed_run([sys.executable, "-c", render, str(project), f"{tmp}/ours-{n}"])[0])
            stock.append(timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain / "mkdocs.yml"),
                                    "-d", f"{tmp}/stock-{n}"])[0])
    ratio = statistics.median(ours) / statistics.median(stock)
    return [f"site alone {statistics.median(ours):.2f} s against stock MkDocs {statistics.median(stock):.2f} s "
            f"(same theme and pages, plain footnotes): {ratio:.2f} times; target under {SITE_OVERHEAD_TARGET}: "
            f"{verdict(ratio < SITE_OVERHEAD_TARGET)}"]


def serve_rebuild_seconds(config: Path, page: str, edits: int) -> list[float]:
    """Seconds from saving a page to `mkdocs serve` serving it anew, for each of several edits."""
    seconds = []
    with socket_port() as port:
        pass
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q", "-a", f"127.0.0.1:{port}", "-f", str(config)],
                              cwd=config.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/{page.removesuffix('.md')}/"
    try:
        wait_for(url, lambda body: "Slow-Burning" in body, 120)
        section = config.parent / "docs" / page
        for n in range(edits):
            # MkDocs looks for changes every 0.5 s: an edit made just after the last rebuild would always fall at
            # the same point of that cycle. A pause of varying length samples the cycle as a person's saves do.
            time.sleep(0.5 + 0.5 * n / max(edits - 1, 1))
            start = time.perf_counter()
            section.write_text(section.read_text(encoding="utf-8") + f"\n<!-- bench edit {n} -->\n", encoding="utf-8")
            wait_for(url, lambda body, n=n: f"bench edit {n}" in body, 60)
            seconds.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait()
    return seconds


def serve_figures(root: Path, edits: int) -> list[str]:
    """The rebuild after saving a section under `mkdocs serve`, ours beside a stock MkDocs of the same pages."""
    page = "a-slow-burning-conflict.md"
    with tempfile.TemporaryDirectory() as tmp:
        ours = serve_rebuild_seconds(copy_project(root, Path(tmp) / "project", cache=True) / "mkdocs.yml", page, edits)
        stock = serve_rebuild_seconds(stock_project(root, Path(tmp) / "stock") / "mkdocs.yml", page, edits)
    median, median_stock = statistics.median(ours), statistics.median(stock)
    return [f"serve rebuild, save to new page {median:.2f} s median of {edits} edits (stock MkDocs of the same pages "
            f"{median_stock:.2f} s); target under {SERVE_REBUILD_TARGET} s: {verdict(median <= SERVE_REBUILD_TARGET)}"]


@contextmanager
def socket_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        yield probe.getsockname()[1]


def wait_for(url: str, ready, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show the change within {limit:.0f} s")


def validation_figures(root: Path, runs: int) -> list[str]:
    lines, per_essay = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, 10, 100):
            project = make_corpus(root, Path(tmp) / f"corpus-{n}", n)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                edition = load_inputs(project)
                errors, _ = check_all(edition)
                times.append(time.perf_counter() - start)
                if errors:
                    raise SystemExit(f"the synthetic corpus of {n} is invalid: {errors[0]}")
            words = sum(len(p.text.split()) for p in edition.essay.paragraphs)
            median = statistics.median(times)
            if n == 100:
                floor = statistics.median(yaml_alone_seconds(project) for _ in range(runs))
            per_essay.append(median / n)
            lines.append(f"validation, {n:3d} essays ({words:,} words, {len(edition.registry):,} sources): {median:.2f} s"
                         + (f"; target under {VALIDATION_100_TARGET:.0f} s: {verdict(median < VALIDATION_100_TARGET)}"
                            if n == 100 else ""))
    lines.append("validation per essay: " + ", ".join(f"{t * 1000:.0f} ms" for t in per_essay)
                 + " at 1, 10, 100 essays (flat means linear growth)")
    lines.append(f"validation, 100 essays: libyaml alone reads their YAML in {floor:.2f} s (PyYAML's C loader, no "
                 "checks, no line numbers): the floor of any validation that reads it with PyYAML")
    return lines


def yaml_alone_seconds(project: Path) -> float:
    """Seconds for PyYAML's C loader to read every YAML file of a project, checking nothing."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(project.rglob("*.yml")) if ".cache" not in path.parts]
    start = time.perf_counter()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0") if Path("/proc/meminfo").exists() else "0"
    return (f"{os.cpu_count()} cores ({cpu}), {int(memory) // 1048576} GiB, {platform.platform()}, "
            f"Python {platform.python_version()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--site", type=Path, help="the built site (default: ROOT/site; run `make build` first)")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (default: 3)")
    parser.add_argument("--record", action="store_true", help="also write the figures to ROOT/benchmarks/")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    site = (args.site or root / "site").resolve()
    if not (site / "index.html").is_file():
        print(f"error: no built site in {site}; run `make build` first", file=sys.stderr)
        return 1
    out: list[str] = []

    def say(lines: list[str]) -> None:
        for line in lines:
            print(line, flush=True)
        out.extend(lines)

    say([f"machine: {machine()}", f"date: {dt.date.today().isoformat()}", ""])
    say(build_figures(root, args.runs))
    say(site_figures(root, args.runs))
    say(serve_figures(root, args.runs))
    say(pdf_figures(root, args.runs))
    say(validation_figures(root, args.runs))

    edition = load_inputs(root)
    essay_pages = {"/" + section.page.removesuffix(".md").replace("index", "") + ("/" if section.heading else "")
                   for section in edition.essay.sections}
    paths = [page.path for page in edition.docs]
    with serve(site, compress=True) as base:
        figures = page_figures(base, paths)
        lines = ["", f"{'page':52} {'KB gz':>7} {'target':>7} {'':7} {'req':>4} {'off':>4} {'LCP ms':>7} {'CLS':>6}"]
        for f in figures:
            target = page_target(f["path"])
            lines.append(f"{f['path']:52} {f['kb']:7.1f} {target:7d} {verdict(f['kb'] <= target):7} {f['requests']:4d} "
                         f"{f['offsite']:4d} {f['lcp']:7.0f} {f['cls']:6.3f}")
        essay = [f for f in figures if f["path"] in essay_pages]
        heaviest = max(essay, key=lambda f: f["kb"])
        over = [f["path"] for f in figures if f["kb"] > page_target(f["path"])]
        offsite = sum(f["offsite"] for f in figures)
        worst_lcp, worst_cls = max(f["lcp"] for f in figures), max(f["cls"] for f in figures)
        lines += ["",
                  f"first load of every page, compressed, everything included (the search worker too): at most "
                  f"{PAGE_KB_TARGET} KB for the essay's pages and the edition's others, {SOURCES_KB_TARGET} KB for "
                  f"the Sources page: {verdict(not over)}" + (f" ({len(over)} over: {', '.join(over)})" if over else ""),
                  f"essay page, heaviest first load {heaviest['kb']:.1f} KB ({heaviest['path']}); "
                  f"target at most {PAGE_KB_TARGET} KB: {verdict(heaviest['kb'] <= PAGE_KB_TARGET)}",
                  f"requests to other hosts, all pages: {offsite}; target 0: {verdict(offsite == 0)}",
                  f"largest contentful paint, worst page {worst_lcp:.0f} ms; target under {LCP_TARGET_MS} ms: "
                  f"{verdict(worst_lcp < LCP_TARGET_MS)}",
                  f"cumulative layout shift, worst page {worst_cls:.3f}; target under {CLS_TARGET}: "
                  f"{verdict(worst_cls < CLS_TARGET)}"]
        say(lines)
        scores = lighthouse_scores(base, heaviest["path"].lstrip("/"))
        if scores is None:
            say(["lighthouse: not installed (`make bench` installs it into .cache/lighthouse with npm)"])
        else:
            say([f"lighthouse on {heaviest['path']}, mobile defaults: " + ", ".join(
                f"{name} {score} (target {LIGHTHOUSE_TARGETS[name]}: {verdict(score >= LIGHTHOUSE_TARGETS[name])})"
                for name, score in scores.items())])
    if args.record:
        target = root / "benchmarks" / f"{dt.date.today().isoformat()}.txt"
        target.parent.mkdir(exist_ok=True)
        target.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"recorded in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The offline copy: the whole site as a zip that works when opened from disk, search included.

The published site keeps its directory URLs (`about/`), which are its permanent links; the copy is a
second rendering with one file per page and Material's offline plugin, which bundles the search
index so that it works from `file://`. It carries the PDF and the registry downloads too, and is
checked like the site. It is rendered, checked and packed in a child process beside the site's
render; the build then appends the PDF and the downloads, once they exist, to the zip.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from .. import Edition
from ..cache import STYLESHEET_CACHE
from ..htmltree import serialize
from ..model.addresses import DOWNLOADS, DOWNLOADS_DIR, OFFLINE_COPY
from ..problems import Problem
from .csp import template_scripts
from .pdf import build_date, pdf_settings
from .postprocess import read_page
from .render import render_site
from .sitecheck import check_site

FOLDER = "iraq-restraint-edition"  # the folder the zip unpacks into


def render_offline_copy(edition: Edition, copy: Path) -> list[Problem]:
    """Render the offline copy's pages into copy/; return MkDocs' problems."""
    return [Problem(p.path, p.line, f"offline copy: {p.what}", p.fix) for p in render_site(edition, copy, offline=True)]


def carried(edition: Edition) -> list[str]:
    """The files of the site the copy carries: the PDF and the downloads, which the site's build writes."""
    return [pdf_settings(edition).file] + [f"{DOWNLOADS_DIR}/{d}" for d in DOWNLOADS]


def make_offline_copy(edition: Edition, copy: Path) -> tuple[list[Problem], list[Problem]]:
    """Render the copy, give its pages the site's Content-Security-Policy, check it and pack it into a
    zip beside copy/, all without the files it carries from the site (which are made at the same time,
    and added by complete_offline_copy). Returns (MkDocs' problems, the copy's)."""
    rendered = render_offline_copy(edition, copy)
    if rendered:
        return rendered, []
    scripts = template_scripts(edition, offline=True)
    parsed, problems = {}, []
    for html in sorted(copy.rglob("*.html")):
        page, unreadable = read_page(copy, html)
        if page is not None:
            parsed[html.resolve()] = page
        if unreadable:  # named, and the build fails: the page is not written back
            problems += unreadable
            continue
        problems += scripts.secure(copy, html, page)
        html.write_text(serialize(page), encoding="utf-8")
    # Links to the carried files are checked by complete_offline_copy, which adds them.
    problems += check_site(copy, parsed, frozenset(carried(edition)), cache=edition.root / STYLESHEET_CACHE)
    pack(copy, copy.parent / OFFLINE_COPY, build_date(edition))
    return [], [Problem(p.path.replace("site/", "site (offline copy)/", 1), p.line, p.what, p.fix) for p in problems]


def complete_offline_copy(edition: Edition, copy: Path, staging: Path, failed: frozenset[str] = frozenset()) -> list[Problem]:
    """Add the files the copy carries from the staged site to its zip, and put the zip in the site.

    failed: carried files whose making failed and was reported; any other one missing is a problem."""
    problems = []
    zipped = copy.parent / OFFLINE_COPY
    with zipfile.ZipFile(zipped, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in carried(edition):
            if (staging / name).is_file():
                _add(archive, f"{FOLDER}/{name}", (staging / name).read_bytes(), build_date(edition))
            elif name not in failed:
                problems.append(Problem(f"site (offline copy)/{name}", 0, "the copy links to a file the site's build did not write",
                                        "build again; if it persists, report it: the site's build and the copy disagree"))
    target = staging / DOWNLOADS_DIR / OFFLINE_COPY
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(zipped, target)
    return problems


def _add(archive: zipfile.ZipFile, name: str, data: bytes, date: str) -> None:
    """One file, with a fixed date and mode, so the same site gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=tuple(int(part) for part in date.split("-")) + (0, 0, 0))
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def pack(folder: Path, target: Path, date: str) -> None:
    """Zip a folder in a fixed order (complete_offline_copy appends the carried files after it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                _add(archive, f"{FOLDER}/{path.relative_to(folder).as_posix()}", path.read_bytes(), date)

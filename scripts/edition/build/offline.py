"""The offline copy: the whole site as a zip that works when opened from disk, search included.

The published site keeps its directory URLs (`about/`), which are its permanent links; the copy is a
second rendering with one file per page and Material's offline plugin, which bundles the search
index so that it works from `file://`. It carries the PDF and the registry downloads too, and is
checked like the site before it is packed.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from ..model import Edition
from ..model.addresses import DOWNLOADS, DOWNLOADS_DIR, OFFLINE_COPY
from ..problems import Problem
from .csp import template_scripts
from .pdf import build_date
from .postprocess import parse
from .render import render_site
from .sitecheck import check_site

FOLDER = "iraq-restraint-edition"  # the folder the zip unpacks into


def render_offline_copy(edition: Edition, copy: Path) -> list[Problem]:
    """Render the offline copy's pages into copy/; return MkDocs' problems."""
    return [Problem(p.path, p.line, f"offline copy: {p.what}", p.fix) for p in render_site(edition, copy, offline=True)]


def finish_offline_copy(edition: Edition, copy: Path, staging: Path, pdf_file: str,
                        failed: frozenset[str] = frozenset()) -> list[Problem]:
    """Add the PDF and downloads from the staged site to the rendered copy, give its pages the site's
    Content-Security-Policy, check it, and pack it into staging."""
    for name in [pdf_file] + [f"{DOWNLOADS_DIR}/{d}" for d in DOWNLOADS]:
        if (staging / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(staging / name, copy / name)
    scripts = template_scripts(edition, offline=True)
    parsed, problems = {}, []
    for html in sorted(copy.rglob("*.html")):
        soup = parse(html)
        problems += scripts.secure(copy, html, soup)
        html.write_text(str(soup), encoding="utf-8")
        parsed[html.resolve()] = soup
    problems += check_site(copy, parsed, failed)
    # Packed even when wrong, so that the site's link to it holds and its problems are named, not a missing zip's.
    pack(copy, staging / DOWNLOADS_DIR / OFFLINE_COPY, build_date(edition))
    return [Problem(p.path.replace("site/", "site (offline copy)/", 1), p.line, p.what, p.fix) for p in problems]


def pack(folder: Path, target: Path, date: str) -> None:
    """Zip a folder with fixed dates and a fixed order, so the same site gives the same bytes."""
    stamp = tuple(int(part) for part in date.split("-")) + (0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", date_time=stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())

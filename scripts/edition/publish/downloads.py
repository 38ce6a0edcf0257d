"""The source registry as files a reference manager imports: CSL-JSON and BibTeX, made from sources/."""

from __future__ import annotations

import json
from pathlib import Path

from .. import Edition
from ..citeproc.pandoc import to_bibtex
from ..model.addresses import DOWNLOADS_DIR, permanent_url, source_anchor


def registry_items(edition: Edition) -> list[dict]:
    """Every source as CSL-JSON, with a note saying how far the record was checked and where it is."""
    items = []
    for source in edition.registry:
        record = permanent_url(edition.site_url, "sources/", source_anchor(source.id))
        items.append(source.csl() | {"note": f"Source record ({source.level_words}): {record}"})
    return items


def write_downloads(site_dir: Path, edition: Edition) -> None:
    folder = site_dir / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    items = registry_items(edition)
    (folder / "sources.json").write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "sources.bib").write_text(to_bibtex(items, edition.root), encoding="utf-8")

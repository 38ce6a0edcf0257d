"""The source registry as files a reference manager imports: CSL-JSON and BibTeX, made from sources/."""

from __future__ import annotations

import json
from pathlib import Path

from .citations import source_anchor
from .context import Edition
from .notes import to_bibtex
from .pages import permanent_url

DOWNLOADS_DIR = "downloads"
# File name → what it is, in the order the Sources page lists them.
DOWNLOADS = {"sources.json": "CSL-JSON", "sources.bib": "BibTeX"}
OFFLINE_COPY = "iraq-restraint-edition-offline.zip"  # the whole site, to open from disk


def registry_items(edition: Edition, site_url: str) -> list[dict]:
    """Every source as CSL-JSON, with a note saying whether the record was verified and where it is."""
    items = []
    for source in edition.registry:
        record = permanent_url(site_url, "sources/", source_anchor(source.id))
        status = "verified against a published reference" if source.verified else "NOT fully verified"
        items.append(source.csl() | {"note": f"Source record {status}: {record}"})
    return items


def write_downloads(site_dir: Path, edition: Edition, site_url: str) -> None:
    folder = site_dir / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    items = registry_items(edition, site_url)
    (folder / "sources.json").write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "sources.bib").write_text(to_bibtex(items), encoding="utf-8")

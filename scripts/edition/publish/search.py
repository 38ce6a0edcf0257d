"""What Material's search index holds, and how it ranks: the essay first, the apparatus by its titles.

Material's search plugin writes `search/search_index.json`, one document per section of each page, and
every page loads it on its first visit. Two things are the edition's to decide, and MkDocs' `edition`
plugin applies them (`edition/mkdocs_plugin.py`), so the site, `mkdocs serve` and the offline copy (whose
`search_index.js` Material's offline plugin makes from this file afterwards) behave alike:

- The essay's pages carry a document boost (Material's per-page `search: boost:`), so that a name the
  essay discusses finds the essay's paragraphs before the apparatus that names it in a title (Material
  weighs a title 1000 times a word of text).
- A source record is indexed by its title (its heading) and its issuer, not by its citation, reports,
  quotations and how it was checked: those are the Sources page's, where search leads, and they were
  most of the index.

What a section's text leaves out (¶ numbers, note calls, the chronology's dates after a paragraph, the
notes themselves) is marked in the Markdown with `data-search-exclude`, which Zensical reads too.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from .. import Edition
from ..model.addresses import SOURCES_PAGE, source_anchor

# Material weighs a word of a title 1000 times a word of text (its default); a word of the essay's text weighs
# ten times a word of an apparatus title, so its sections, far longer than a record, still come first.
ESSAY_BOOST = 1e4

INDEX = Path("search") / "search_index.json"


def essay_pages(edition: Edition) -> set[str]:
    """The essay's Markdown files under docs/ (MkDocs' `src_uri`)."""
    return {section.page for section in edition.essay.sections}


def _record_location(stem: str) -> re.Pattern:
    # "sources/#src-…" on the site, "sources.html#src-…" in the offline copy.
    return re.compile(rf"^(?:.*/)?{re.escape(stem)}(?:/|\.html)#{re.escape(source_anchor(''))}(?P<id>.+)$")


def records_by_title_and_issuer(site_dir: Path, edition: Edition) -> None:
    """Rewrite the built index so that each source record's text is its issuer (its title is the heading)."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    location = _record_location(SOURCES_PAGE.removesuffix(".md"))
    sources = {source.id: source for source in edition.registry}
    for doc in index.get("docs", []):
        found = location.match(doc.get("location", ""))
        if found and found["id"] in sources:
            doc["text"] = escape(sources[found["id"]].issuer or "", quote=False)
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")  # as Material writes it

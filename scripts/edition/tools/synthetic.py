"""A synthetic edition of n essays the size of this one, for measuring how validation scales.

Copy k of the essay gets its own headings ("… (k)"), paragraphs marked "(copy k)", its own source
records (ids suffixed "-k"), quotation ledger entries and editorial notes, and about a hundred
citations, as the issue's scale (400,000 words and 10,000 citations at 100 essays) asks.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import yaml

from ..model.essay import ESSAY_DIR, heading_slug, load_essay
from ..model.sources import source_files

CITATIONS_PER_ESSAY = 100


def _suffix(name: str, k: int) -> str:
    return name if k == 1 else f"{name}-k{k}"


def make_corpus(root: Path, target: Path, n: int) -> Path:
    """Write a project of n copies of the essay into target; return target."""
    essay = load_essay(root)
    layout = yaml.safe_load((root / ESSAY_DIR / "layout.yml").read_text(encoding="utf-8"))
    original = (root / ESSAY_DIR / "original.txt").read_text(encoding="utf-8").splitlines()
    first, last = layout["body"]
    # What the pages load and mkdocs.yml names (stylesheet, script, icon, templates), as they are.
    shutil.copytree(root / "docs", target / "docs", ignore=lambda folder, names: [n for n in names if n.endswith(".md")])
    if (root / "overrides").is_dir():
        shutil.copytree(root / "overrides", target / "overrides")
    (target / ESSAY_DIR).mkdir(parents=True)
    for name in ("changes.yml", "events.yml", "glossary.yml"):
        shutil.copy2(root / ESSAY_DIR / name, target / ESSAY_DIR / name)
    # The corpus has the essay's pages only: its PDF has no appendices.
    meta = yaml.safe_load((root / ESSAY_DIR / "edition.yml").read_text(encoding="utf-8"))
    meta["pdf"]["appendices"] = []
    (target / ESSAY_DIR / "edition.yml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copy2(root / "CITATION.cff", target / "CITATION.cff")
    # No nav: it names the apparatus pages, which the corpus has not, and not the copies' pages.
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # The source of record: the title, then the body n times, then the closing lines.
    lines = original[:first - 1]
    headings: list[int] = []
    for k in range(1, n + 1):
        for number in range(first, last + 1):
            text = original[number - 1]
            if number in layout["headings"]:
                headings.append(len(lines) + 1)
                lines.append(text.strip() + ("" if k == 1 else f" ({k})"))
            else:
                lines.append(text + (f" (copy {k})" if text.strip() and k > 1 else ""))
    body_last = len(lines)
    tail_start = len(lines) + 1 - last
    lines += original[last:]
    record = ("\n".join(lines) + "\n").encode("utf-8")
    (target / ESSAY_DIR / "original.txt").write_bytes(record)
    (target / ESSAY_DIR / "layout.yml").write_text(yaml.safe_dump(layout | {
        "sha256": hashlib.sha256(record).hexdigest(), "body": [first, body_last], "headings": headings,
        "biographies": [b + tail_start - 1 for b in layout["biographies"]],
        "image_credit": layout["image_credit"] + tail_start - 1}), encoding="utf-8")

    ids = [path.stem for path in source_files(root) if path.parent == root / "sources"]
    claims = yaml.safe_load((root / ESSAY_DIR / "claims.yml").read_text(encoding="utf-8"))
    ledger = yaml.safe_load((root / ESSAY_DIR / "quotations.yml").read_text(encoding="utf-8"))
    notes = yaml.safe_load((root / ESSAY_DIR / "editorial-notes.yml").read_text(encoding="utf-8"))
    per_copy = len(essay.paragraphs)
    quotations, editorial = [], []
    for k in range(1, n + 1):
        for source_id in ids:
            text = (root / "sources" / f"{source_id}.yml").read_text(encoding="utf-8")
            text = re.sub(r"^id: .*$", f"id: {_suffix(source_id, k)}", text, count=1, flags=re.M)
            (target / "sources" / f"{_suffix(source_id, k)}.yml").write_text(text, encoding="utf-8")
        for entry in ledger:
            quotations.append(entry | {"paragraph": entry["paragraph"] + (k - 1) * per_copy}
                              | ({"source": _suffix(entry["source"], k)} if entry.get("source") else {}))
        for note in notes:
            editorial.append(note | {"id": _suffix(note["id"], k), "sources": [_suffix(s, k) for s in note.get("sources", [])]})
    (target / ESSAY_DIR / "quotations.yml").write_text(yaml.safe_dump(quotations, allow_unicode=True), encoding="utf-8")
    (target / ESSAY_DIR / "editorial-notes.yml").write_text(yaml.safe_dump(editorial, allow_unicode=True), encoding="utf-8")

    # The pages: the real pages' citations where they are, topped up to about a hundred per copy.
    cited = {}
    for page in (root / "docs").glob("*.md"):
        for block in page.read_text(encoding="utf-8").split("\n\n"):
            plain = re.sub(r"\[\^[^\]]+\]", "", block)
            number = essay.paragraph_number(plain)
            if number:
                cited[number] = block
    synthetic = load_essay(target)
    entries = []  # the claims ledger: the real entries of each copy, then one for each added citation
    by_paragraph: dict[int, list[dict]] = {}
    for claim in claims:
        by_paragraph.setdefault(claim["paragraph"], []).append(claim)
    for section in synthetic.sections:
        blocks = [f"# {section.heading or synthetic.title}"]
        for paragraph in section.paragraphs:
            k, number = divmod(paragraph.number - 1, per_copy)
            k, number = k + 1, number + 1
            block = cited.get(number, paragraph.text)
            if k > 1:
                block = re.sub(r"\[\^([^\]]+)\]", lambda m, k=k: f"[^{_suffix(m[1], k)}]", block)
                if number in cited:  # the copy's own words end "(copy k)", after the real citations
                    block = block.rstrip() + f" (copy {k})"
            entries += [claim | {"paragraph": paragraph.number, "source": _suffix(claim["source"], k)}
                        for claim in by_paragraph.get(number, [])]
            # Added citations name sources the paragraph does not cite: one cited twice side by side is refused.
            free = [i for i in ids if f"[^{_suffix(i, k)}]" not in block]
            added = [_suffix(free[(number + j) % len(free)], k) for j in range(CITATIONS_PER_ESSAY // per_copy)]
            block += "".join(f"[^{source}]" for source in added)
            entries += [{"paragraph": paragraph.number, "source": source, "claim": "A citation added to measure the build",
                         "support": "context", "why": "The synthetic corpus cites it only to reach a realistic number of notes."}
                        for source in added]
            blocks.append(block)
        name = section.page if section.heading else "index.md"
        # Every page has its own abstract: the build refuses two pages with the same one.
        front = f"---\ndescription: Section {name.removesuffix('.md')} of a synthetic corpus, for measuring the build.\n---\n\n"
        (target / "docs" / name).write_text(front + "\n\n".join(blocks) + "\n", encoding="utf-8")
    (target / ESSAY_DIR / "claims.yml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert all(heading_slug(s.heading) for s in synthetic.sections if s.heading)
    return target

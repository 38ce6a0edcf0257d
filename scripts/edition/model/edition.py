"""Everything the pages are made from, loaded and validated once per build.

`load_edition` reads every input (the essay, the source registry, the ledgers, docs/, anchors.lock,
mkdocs.yml's site_url) and formats the citations; the build hands the result to each step.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..problems import Problem, ProblemsFound, relative
from .anchor_lock import Lock, load_lock
from .docs import DocsIndex, read_docs
from .essay import ESSAY_DIR, Essay, load_essay
from .files import key_lines, parse_yaml, read_text
from .ledgers import (
    EditorialNote,
    Event,
    QuotationEntry,
    Release,
    Term,
    load_editorial,
    load_events,
    load_glossary,
    load_quotations,
    load_releases,
)
from .sources import Registry, load_sources, source_files

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Edition:
    root: Path
    meta: dict
    essay: Essay
    registry: Registry
    docs: DocsIndex
    lock: Lock
    site_url: str  # mkdocs.yml's site_url: the one home of the published address
    editorial: dict[str, EditorialNote]
    quotations: tuple[QuotationEntry, ...]
    releases: tuple[Release, ...]  # newest first
    events: tuple[Event, ...] = ()  # the chronology, in date order
    glossary: tuple[Term, ...] = ()
    notes: dict | None = None  # source id → citeproc.pandoc.Notes; None until formatted
    forms: object | None = None  # citeproc.forms.Citations, the Cite panels' forms; None until formatted

    @property
    def version(self) -> str:
        return self.releases[0].version

    @property
    def released(self) -> str:
        """The date of the current version."""
        return self.releases[0].date

    @property
    def full_title(self) -> str:
        return f"{self.meta['title']}: {self.meta['subtitle']}"

    @property
    def original(self):
        """The source record of the essay as first published."""
        return self.registry[self.meta["original"]]

    @property
    def essay_pages(self) -> set[str]:
        """The docs/ files that hold the essay's sections (the rest is the edition's apparatus)."""
        return {section.page for section in self.essay.sections}


def configured_site_url(root: Path, problems: list[Problem] | None = None) -> str:
    """`site_url` in mkdocs.yml, read without MkDocs (its YAML tags are read as plain strings)."""
    try:
        config = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        what = " ".join(filter(None, [getattr(error, "context", None), getattr(error, "problem", None)])) or str(error)
        if problems is not None:
            problems.append(Problem(CONFIG_FILE, mark.line + 1 if mark else 1, f"cannot be read: {what}",
                                    "fix mkdocs.yml (UTF-8, valid YAML)"))
        return ""
    url = (config.get("site_url", "") if isinstance(config, dict) else "") or ""
    if not url and problems is not None:
        problems.append(Problem(CONFIG_FILE, 0, "no `site_url`", "set `site_url:` to the edition's published address: "
                                "permanent links, citations and metadata are made from it"))
    return url


def _meta(root: Path, problems: list[Problem]) -> dict:
    """sources/essay/edition.yml: the edition's title, authors, publisher, original and PDF settings."""
    name = (ESSAY_DIR / "edition.yml").as_posix()
    text = read_text(root / name, name, problems)
    parsed = parse_yaml(text, name, problems) if text is not None else None
    if parsed is None:
        return {}
    if not isinstance(parsed[0], dict):
        problems.append(Problem(name, 1, "must be a mapping of settings", "write `title: ...`, `authors: ...` and so on"))
        return {}
    found = _meta_problems(parsed[0], key_lines(parsed[1]), name)
    if found:
        problems += found
        return {}
    return parsed[0]


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


PDF_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
# Each setting of edition.yml: whether it must be there, the test its value must pass, and how to write it.
META_FIELDS = {
    "title": (True, _text, "the edition's title, as text"),
    "subtitle": (True, _text, "a subtitle, as text"),
    "authors": (True, lambda v: isinstance(v, list) and bool(v) and all(
        isinstance(a, dict) and set(a) == {"given", "family"} and all(map(_text, a.values())) for a in v),
        "a list of `{given: …, family: …}`"),
    "original": (True, _text, "the id of the essay's source record"),
    "publisher": (True, _text, "who issues the edition, as text"),
    "language": (False, lambda v: isinstance(v, str) and bool(LANGUAGE.match(v)), "a language tag such as en"),
    "pdf": (True, lambda v: isinstance(v, dict) and set(v) == {"file", "appendices"}
            and isinstance(v["file"], str) and bool(PDF_NAME.match(v["file"]))
            and isinstance(v["appendices"], list) and all(isinstance(a, str) and a.endswith(".md") for a in v["appendices"]),
            "`file:` a plain file name ending .pdf (no folder), and `appendices:` a list of docs/ pages"),
}


def _meta_problems(meta: dict, lines: dict[str, int], name: str) -> list[Problem]:
    problems = []
    for key, (required, valid, shape) in META_FIELDS.items():
        if key not in meta:
            if required:
                problems.append(Problem(name, 0, f"'{key}' is missing", f"add it: {shape}"))
        elif not valid(meta[key]):
            problems.append(Problem(name, lines.get(key, 1), f"'{key}' must be {shape}, got {meta[key]!r}"[:300], "correct it"))
    for key in meta:
        if key not in META_FIELDS:
            problems.append(Problem(name, lines.get(str(key), 1), f"unknown setting {key!r}",
                                    f"remove it, or use one of: {', '.join(META_FIELDS)}"))
    return problems


def load_edition(root: Path, today: dt.date | None = None) -> Edition:
    """Load and validate all data of the edition, or raise ProblemsFound listing every problem.

    The citations are left unformatted (no Pandoc run), which is enough for the input checks;
    `edition.load` formats them too.
    """
    problems: list[Problem] = []
    try:
        registry = load_sources(root, today)
    except ProblemsFound as error:
        problems += error.problems
        registry = Registry()
    # Ledgers are checked against every record on disk, so one broken record is reported once,
    # not again by each ledger entry that names it.
    known = set(registry.sources) | {path.stem for path in source_files(root)}
    meta = _meta(root, problems)
    site_url = configured_site_url(root, problems)
    editorial = load_editorial(root, known, problems)
    quotations = load_quotations(root, known, problems)
    releases = load_releases(root, problems)
    essay = load_essay(root, problems)
    if essay is None:  # every later check reads the essay: report what is known so far
        raise ProblemsFound(problems)
    events = load_events(root, known, len(essay.paragraphs), problems)
    glossary = load_glossary(root, known, problems)
    lock = load_lock(root, problems)
    if meta and meta.get("original") not in known:  # an unreadable edition.yml is reported once, above
        problems.append(Problem(relative(root / ESSAY_DIR / "edition.yml", root), 1,
                                f"'original' names an unknown source '{meta.get('original')}'",
                                "name the source record of the essay as first published"))
    docs = read_docs(root, essay, problems)
    for appendix in meta.get("pdf", {}).get("appendices", []) if meta else []:
        if docs.get(appendix) is None:
            problems.append(Problem((ESSAY_DIR / "edition.yml").as_posix(), 0,
                                    f"PDF appendix '{appendix}' is not a page in docs/", "name a page under docs/, such as about.md"))
    if problems:
        raise ProblemsFound(problems)
    edition = Edition(root=root, meta=meta, essay=essay, registry=registry, docs=docs, lock=lock,
                      site_url=site_url, editorial=editorial, quotations=quotations,
                      releases=releases, events=events, glossary=glossary)
    return edition

"""The ledgers under sources/essay/: editorial notes, quotations, claims, releases, the chronology and the glossary.

Each loader validates every entry, appending a Problem (file, line, what, fix) for each one wrong,
and returns the entries that are right.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from ..problems import Problem, lookalikes, relative
from .essay import ESSAY_DIR
from .files import MAX_LEDGER_BYTES, key_lines, parse_yaml, read_text
from .schema import IsoDay, Schema, matching, validated
from .values import ID


@dataclass(frozen=True)
class EditorialNote:
    id: str
    text: str  # Markdown, this edition's own words
    sources: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True)
class QuotationEntry:
    paragraph: int
    quote: str
    source: str | None  # the source quoted, or None for a term or scare quote
    kind: str  # "source", "term" or "scare"
    why: str | None
    path: str
    line: int


@dataclass(frozen=True)
class Claim:
    """What one note supports: the claim it is attached to and the source's own words for it."""

    paragraph: int
    source: str
    claim: str  # who, what, when: this edition's few words
    support: str  # a key of SUPPORT
    excerpt: str | None  # the source's words, found in one of its record's excerpts or quotes
    why: str | None  # what the source does not support, or why it is cited all the same
    editorial: str | None  # the editorial note that explains a claim the source does not support
    path: str
    line: int


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # ISO
    what: str  # this edition's one line
    sources: tuple[str, ...]
    paragraphs: tuple[int, ...]
    date_note: str | None
    line: int = 0  # in events.yml


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    terms: tuple[str, ...]  # the essay's own words for it
    what: str
    sources: tuple[str, ...]
    line: int = 0  # in glossary.yml
    sort: str = ""  # where the entry goes in the listing ("Soleimani, Qassem"); its name when empty


CHANGE_KINDS = ("text", "annotation", "source", "edition")
_VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+\Z")


def _words(value: str) -> str:
    """Text on one line however the YAML wraps it (the pages and the PDF set it as a sentence)."""
    if not value.strip():
        raise ValueError("empty")
    return " ".join(value.split())


class Change(Schema):
    kind: Literal["text", "annotation", "source", "edition"] = Field(description=f"one of {', '.join(CHANGE_KINDS)}")
    what: Annotated[str, AfterValidator(_words)] = Field(description="the change, in a sentence")


class Release(Schema):
    """An entry of changes.yml, newest first."""

    version: Annotated[str, matching(_VERSION, "MAJOR.MINOR.PATCH")] = Field(description="MAJOR.MINOR.PATCH, e.g. 0.3.0")
    date: IsoDay = Field(description="the release date as YYYY-MM-DD")
    changes: Annotated[list[Change], Field(min_length=1)] = Field(
        description="a list of `{kind: …, what: …}`, at least one, each kind one of " + ", ".join(CHANGE_KINDS))


def _load_list(path: Path, root: Path, problems: list[Problem]):
    """Yield (item, line-of-each-key) for a YAML file holding a list of mappings."""
    name = relative(path, root)
    text = read_text(path, name, problems, limit=MAX_LEDGER_BYTES)
    parsed = parse_yaml(text, name, problems) if text is not None else None
    if parsed is None:
        return
    data, node = parsed
    if not isinstance(data, list):
        problems.append(Problem(name, 1, "must be a list of entries", "start each entry with `- `"))
        return
    for item, item_node in zip(data, node.value, strict=True):
        lines = key_lines(item_node)
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(Problem(name, line, "each entry must be a mapping of fields", "write `- key: value` entries"))
            continue
        yield name, item, line, lines


def load_editorial(root: Path, known: set[str], problems: list[Problem]) -> dict[str, EditorialNote]:
    notes: dict[str, EditorialNote] = {}
    for name, item, line, lines in _load_list(root / ESSAY_DIR / "editorial-notes.yml", root, problems):
        note_id, text, sources = item.get("id"), item.get("text"), item.get("sources", [])
        if not (isinstance(note_id, str) and note_id.startswith("ed-")):
            problems.append(Problem(name, line, f"editorial note id {note_id!r} must start with 'ed-'", "name it ed-<topic>"))
            continue
        if note_id in notes or note_id in known:
            problems.append(Problem(name, line, f"duplicate id '{note_id}'", "give each note its own id"))
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(name, line, f"editorial note '{note_id}' has no text", "write the note in `text:`"))
            continue
        if not (isinstance(sources, list) and all(isinstance(source_id, str) for source_id in sources)):
            problems.append(Problem(name, lines.get("sources", line), f"editorial note '{note_id}': `sources:` must be a "
                                    f"list of source ids, got {sources!r}"[:200], "write `sources: [id, id]`"))
            continue
        for source_id in sources:
            if source_id not in known:
                problems.append(Problem(name, lines.get("sources", line), f"editorial note '{note_id}' names unknown source '{source_id}'"
                                        f"{lookalikes(source_id)}",
                                        "use the id of a record in sources/"))
        notes[note_id] = EditorialNote(note_id, text.strip(), tuple(sources), name, line)
    return notes


QUOTATION_KINDS = ("source", "term", "scare", "unconfirmed")


def load_quotations(root: Path, known: set[str], problems: list[Problem]) -> tuple[QuotationEntry, ...]:
    entries = []
    for name, item, line, lines in _load_list(root / ESSAY_DIR / "quotations.yml", root, problems):
        paragraph, quote, source, why = item.get("paragraph"), item.get("quote"), item.get("source"), item.get("why")
        kind = item.get("kind", "source" if source else None)
        if not isinstance(paragraph, int) or not isinstance(quote, str):
            problems.append(Problem(name, line, "a quotation entry needs `paragraph:` (a number) and `quote:` (the words)",
                                    "copy the quoted words and the paragraph number ¶N"))
            continue
        if kind not in QUOTATION_KINDS:
            problems.append(Problem(name, lines.get("kind", line), f"kind must be one of {', '.join(QUOTATION_KINDS)}, got {kind!r}",
                                    "say `source: <id>` for a quotation, or `kind: term`/`kind: scare` with `why:`"))
            continue
        if kind == "source" and source not in known:
            problems.append(Problem(name, lines.get("source", line), f"quotation “{quote}” names unknown source {source!r}"
                                    f"{lookalikes(str(source))}",
                                    "use the id of a record in sources/"))
            continue
        if kind != "source" and not (isinstance(why, str) and why.strip()):
            problems.append(Problem(name, line, f"quotation “{quote}” is a {kind} but says not why", "add a few words in `why:`"))
            continue
        entries.append(QuotationEntry(paragraph, quote.strip(), source if kind == "source" else None, kind, why, name, line))
    return tuple(entries)


# How far a note's source supports the claim it is attached to, in the words readers are shown.
SUPPORT = {
    "full": "supports the claim",
    "partial": "supports part of the claim",
    "context": "gives context for the claim, not the claim itself",
    "none": "does not support the claim",
}
def ends_a_sentence(words: str) -> bool:
    """Whether quoted words end with their own full stop (or ? ! …), inside any closing marks, so that
    the note or the record puts none after the closing quotation mark."""
    return words.rstrip().rstrip("”’\"'»)]").endswith((".", "!", "?", "…"))


CLAIM_FIELDS = ("paragraph", "source", "claim", "support", "excerpt", "why", "editorial")


def load_claims(root: Path, known: set[str], problems: list[Problem]) -> tuple[Claim, ...]:
    """The claims ledger, each entry checked on its own; checks.check_claims matches it to the notes."""
    found = (_claim(name, item, line, lines, known, problems)
             for name, item, line, lines in _load_list(root / ESSAY_DIR / "claims.yml", root, problems))
    return tuple(claim for claim in found if claim is not None)


def _claim(name: str, item: dict, line: int, lines: dict, known: set[str], problems: list[Problem]) -> Claim | None:
    def problem(key: str | None, what: str, fix: str) -> None:
        problems.append(Problem(name, lines.get(key, line) if key else line, what, fix))

    # An unknown field is reported beside what else is wrong with the entry, not instead of it.
    if unknown := [str(k) for k in item if k not in CLAIM_FIELDS]:
        problem(None, f"unknown field(s) {', '.join(unknown)}", f"use {', '.join(CLAIM_FIELDS)}")
    paragraph, source, support = item.get("paragraph"), item.get("source"), item.get("support")
    texts = {key: item.get(key) for key in ("claim", "excerpt", "why", "editorial")}
    if bad := [k for k, v in texts.items() if v is not None and not (isinstance(v, str) and v.strip())]:
        return problem(bad[0], f"`{bad[0]}:` must be text", f"write `{bad[0]}:` as words"
                       + ("" if bad[0] == "claim" else ", or leave it out"))
    if unknown:
        return None
    if not isinstance(paragraph, int) or isinstance(paragraph, bool):
        return problem("paragraph", f"`paragraph:` must be the number of an essay paragraph, got {paragraph!r}"[:200],
                       "write the paragraph's number N of ¶N")
    if source not in known:
        return problem("source", f"claim in ¶{paragraph} names unknown source {source!r}{lookalikes(str(source))}"[:300],
                       "use the id of a record in sources/, as the note's marker names it")
    if not texts["claim"]:
        return problem(None, f"the claim of ¶{paragraph} citing '{source}' has no `claim:`", "say in a few words who did what, when")
    if support not in SUPPORT:
        return problem("support", f"`support:` must be one of {', '.join(SUPPORT)}, got {support!r}"[:200],
                       "full, partial, context or none: how far the source's words support the claim")
    if support != "full" and not texts["why"]:
        return problem("support", f"`support: {support}` for '{source}' in ¶{paragraph} needs `why:`",
                       "say what the source does not support, or why it is cited all the same")
    if support in ("full", "partial") and not texts["excerpt"]:
        return problem("support", f"`support: {support}` for '{source}' in ¶{paragraph} needs the `excerpt:` that supports it",
                       "copy the source's own words from one of its record's `excerpts:`")
    if texts["excerpt"] and (mark := texts["excerpt"].rstrip().rstrip("”’\"'»)]")[-1:]) in (",", ";", ":"):
        return problem("excerpt", f"the excerpt for '{source}' in ¶{paragraph} ends with {mark!r}, after which the note "
                                  "would set its own full stop (“…,”.)",
                       f"end the excerpt at the word before its last {mark!r}: it is still the source's words")
    words = {key: " ".join(value.split()) if value else None for key, value in texts.items()}
    return Claim(paragraph, source, words["claim"], support, words["excerpt"], words["why"], words["editorial"], name, line)


def load_releases(root: Path, problems: list[Problem]) -> tuple[Release, ...]:
    releases: list[Release] = []
    for name, item, line, lines in _load_list(root / ESSAY_DIR / "changes.yml", root, problems):
        what = f"version {item['version']}: " if isinstance(item.get("version"), str) else ""
        release = validated(Release, item, lines, name, problems, line, what)
        if release is None:
            continue
        if releases and (release.date > releases[-1].date or _numbers(release.version) >= _numbers(releases[-1].version)):
            problems.append(Problem(name, line, f"version {release.version} is listed after a newer one",
                                    "list versions newest first, each with a higher number than the one below"))
        releases.append(release)
    if not releases and not any(p.path.endswith("changes.yml") for p in problems):
        problems.append(Problem(relative(root / ESSAY_DIR / "changes.yml", root), 1, "no released version",
                                "list at least the current version"))
    return tuple(releases)


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(map(int, version.split(".")))


def _known_sources(name: str, line: int, what: str, sources, known: set[str], problems: list[Problem]) -> tuple[str, ...]:
    if not (isinstance(sources, list) and sources):
        problems.append(Problem(name, line, f"{what} has no `sources:`", "name the source records that establish it"))
        return ()
    for source_id in sources:
        if source_id not in known:
            problems.append(Problem(name, line, f"{what} names unknown source {source_id!r}{lookalikes(str(source_id))}",
                                    "use the id of a record in sources/"))
    return tuple(sources)


def load_events(root: Path, known: set[str], paragraphs: int, problems: list[Problem]) -> tuple[Event, ...]:
    events: list[Event] = []
    for name, item, line, lines in _load_list(root / ESSAY_DIR / "events.yml", root, problems):
        event_id, date, what = item.get("id"), item.get("date"), item.get("what")
        if not (isinstance(event_id, str) and ID.match(event_id)) or any(e.id == event_id for e in events):
            problems.append(Problem(name, line, f"event id {event_id!r} is missing, not a slug or used twice"
                                    f"{lookalikes(event_id) if isinstance(event_id, str) else ''}",
                                    "give each event its own id, like camp-taji-attack"))
            continue
        if not isinstance(date, dt.date):
            problems.append(Problem(name, lines.get("date", line), f"event '{event_id}' needs an ISO `date:`, got {date!r}",
                                    "write the date as YYYY-MM-DD"))
            continue
        if not (isinstance(what, str) and what.strip()):
            problems.append(Problem(name, line, f"event '{event_id}' has no `what:`", "describe it in one line"))
            continue
        sources = _known_sources(name, lines.get("sources", line), f"event '{event_id}'", item.get("sources"), known, problems)
        numbers = item.get("paragraphs", [])
        if not (isinstance(numbers, list) and all(isinstance(n, int) and 1 <= n <= paragraphs for n in numbers)):
            problems.append(Problem(name, lines.get("paragraphs", line), f"event '{event_id}' names paragraphs {numbers!r}, "
                                    f"not among ¶1–¶{paragraphs}", "list the numbers of the paragraphs that discuss it"))
            numbers = []
        if events and date.isoformat() < events[-1].date:
            problems.append(Problem(name, lines.get("date", line), f"event '{event_id}' ({date}) comes before the one above it",
                                    "keep the chronology in date order"))
        date_note = item.get("date_note")
        if date_note is not None and not (isinstance(date_note, str) and date_note.strip()):
            problems.append(Problem(name, lines.get("date_note", line), f"event '{event_id}': `date_note:` must be text, "
                                    f"got {date_note!r}"[:200], "say in words what is uncertain about the date, or remove it"))
            continue
        events.append(Event(event_id, date.isoformat(), " ".join(what.split()), sources, tuple(numbers), date_note, line))
    return tuple(events)


def load_glossary(root: Path, known: set[str], problems: list[Problem]) -> tuple[Term, ...]:
    terms: list[Term] = []
    for name, item, line, lines in _load_list(root / ESSAY_DIR / "glossary.yml", root, problems):
        term_id, title, words, what = item.get("id"), item.get("name"), item.get("terms"), item.get("what")
        if not (isinstance(term_id, str) and ID.match(term_id)) or any(t.id == term_id for t in terms):
            problems.append(Problem(name, line, f"glossary id {term_id!r} is missing, not a slug or used twice"
                                    f"{lookalikes(term_id) if isinstance(term_id, str) else ''}",
                                    "give each entry its own id, like kataib-hizbullah"))
            continue
        if not (isinstance(title, str) and isinstance(what, str) and what.strip()
                and isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)):
            problems.append(Problem(name, line, f"glossary entry '{term_id}' needs `name:`, `terms:` (the essay's words) and `what:`",
                                    "fill in the three fields"))
            continue
        sort = item.get("sort", "")
        if not isinstance(sort, str):
            problems.append(Problem(name, lines.get("sort", line), f"glossary entry '{term_id}': `sort:` must be text, got {sort!r}"[:200],
                                    "write the words it is filed under, family name first: `sort: Soleimani, Qassem`"))
            continue
        sources = _known_sources(name, lines.get("sources", line), f"glossary entry '{term_id}'", item.get("sources"), known, problems)
        terms.append(Term(term_id, title, tuple(words), " ".join(what.split()), sources, line, sort.strip()))
    return tuple(terms)

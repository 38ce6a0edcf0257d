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

from pydantic import Field

from ..problems import Problem, lookalikes, relative
from .addresses import EDITORIAL_PREFIX
from .essay import ESSAY_DIR
from .files import MAX_LEDGER_BYTES, line_at, parse_yaml, read_text
from .memo import Memo, checked
from .schema import Filled, IsoDay, Schema, Words, described, matching, validated
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
    excerpts: tuple[tuple[str, int], ...] = ()  # words of its sources that say what `what` says, each with its line


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    terms: tuple[str, ...]  # the essay's own words for it
    what: str
    sources: tuple[str, ...]
    line: int = 0  # in glossary.yml
    sort: str = ""  # where the entry goes in the listing ("Soleimani, Qassem"); its name when empty
    excerpts: tuple[tuple[str, int], ...] = ()  # words of its sources that say what `what` says, each with its line
    term_lines: tuple[int, ...] = ()  # the line of each of `terms`, where a problem with one of them is named

    def line_of_term(self, index: int) -> int:
        return self.term_lines[index] if index < len(self.term_lines) else self.line


CHANGE_KINDS = ("text", "annotation", "source", "edition")
_VERSION = re.compile(r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\Z")  # SemVer's: no leading zero


class Change(Schema):
    kind: Literal["text", "annotation", "source", "edition"] = Field(description=f"one of {', '.join(CHANGE_KINDS)}")
    what: Words = Field(description="the change, in a sentence")


class Release(Schema):
    """An entry of changes.yml, newest first."""

    version: Annotated[str, matching(_VERSION, "MAJOR.MINOR.PATCH")] = Field(description="MAJOR.MINOR.PATCH, e.g. 0.3.0")
    date: IsoDay = Field(description="the release date as YYYY-MM-DD")
    changes: Annotated[list[Change], Field(min_length=1)] = Field(
        description="a list of `{kind: …, what: …}`, at least one, each kind one of " + ", ".join(CHANGE_KINDS))


class EditorialFields(Schema):
    """An entry of editorial-notes.yml: a note in this edition's own words."""

    id: str = described("ed-<topic>, a slug")
    text: Filled = described("the note, as Markdown", "write the note in `text:`")
    sources: list[str] = described("a list of source ids", "write `sources: [id, id]`", default=[])


QUOTATION_KINDS = ("source", "term", "scare", "unconfirmed")


class QuotationFields(Schema):
    """An entry of quotations.yml: who said the words the essay quotes, or why they are in quotation marks."""

    paragraph: int = described("the number of an essay paragraph", "write the paragraph's number N of ¶N")
    quote: Filled = described("the quoted words, as the essay prints them", "copy the quoted words")
    source: str | None = described("the id of a record in sources/", "use the id of the record whose `quotes:` hold the words",
                                   default=None)
    kind: Literal["source", "term", "scare", "unconfirmed"] | None = described(
        f"one of {', '.join(QUOTATION_KINDS)}", "say `source: <id>` for a quotation, or `kind: term`/`kind: scare` with `why:`",
        default=None)
    why: Words | None = described("text (why the words are in quotation marks)", "add a few words in `why:`", default=None)


# How far a note's source supports the claim it is attached to, in the words readers are shown.
SUPPORT = {
    "full": "supports the claim",
    "partial": "supports part of the claim",
    "context": "gives context for the claim, not the claim itself",
    "none": "does not support the claim",
}


class ClaimFields(Schema):
    """An entry of claims.yml: what one note supports, and the source's own words for it."""

    paragraph: int = described("the number of an essay paragraph", "write the paragraph's number N of ¶N")
    source: str = described("the id of a record in sources/", "use the id of a record in sources/, as the note's marker names it")
    claim: Words = described("text (who did what, when)", "say in a few words who did what, when")
    support: Literal["full", "partial", "context", "none"] = described(
        f"one of {', '.join(SUPPORT)}", "full, partial, context or none: how far the source's words support the claim")
    excerpt: Words | None = described("text (the source's own words)", "write `excerpt:` as words, or leave it out", default=None)
    why: Words | None = described("text (what the source does not support)", "write `why:` as words, or leave it out", default=None)
    editorial: Words | None = described("text (the id of an editorial note)", "write `editorial:` as words, or leave it out",
                                        default=None)


class EventFields(Schema):
    """An entry of events.yml, the chronology."""

    id: str = described("a slug, like camp-taji-attack")
    date: IsoDay = described("the day as YYYY-MM-DD", "write the date as YYYY-MM-DD")
    what: Words = described("text (the event in one line)", "describe it in one line")
    sources: Annotated[list[str], Field(min_length=1)] = described(
        "a list of the ids of the source records that establish it", "write `sources: [id, id]`")
    # At least one: the chronology holds the events the essay refers to (fourteenth hostile round, case 67).
    paragraphs: Annotated[list[int], Field(min_length=1)] = described(
        "a list of the numbers of the paragraphs that discuss it, at least one", "write `paragraphs: [N, N]`")
    date_note: Words | None = described("text (what is uncertain about the date)",
                                        "say in words what is uncertain about the date, or remove it", default=None)
    excerpts: Annotated[list[Words], Field(min_length=1)] = described(
        "a list of its sources' own words that say what `what:` says",
        "write `excerpts: [words, words]`, each copied from one of its sources' `excerpts:`")


class TermFields(Schema):
    """An entry of glossary.yml."""

    id: str = described("a slug, like kataib-hizbullah")
    name: Words = described("text (the entry's name)", "write the name the listing shows")
    terms: Annotated[list[Filled], Field(min_length=1)] = described(
        "a list of the essay's own words for it", "write `terms: [words, words]`, each as the essay prints it")
    what: Words = described("text (what it is, in a sentence or two)", "describe it in `what:`")
    sources: Annotated[list[str], Field(min_length=1)] = described(
        "a list of the ids of the source records that establish it", "write `sources: [id, id]`")
    sort: Words | None = described("text (the words it is filed under)", "write them family name first: `sort: Soleimani, Qassem`",
                                   default=None)
    excerpts: Annotated[list[Words], Field(min_length=1)] = described(
        "a list of its sources' own words that say what `what:` says",
        "write `excerpts: [words, words]`, each copied from one of its sources' `excerpts:`")


def _load_list(path: Path, root: Path, problems: list[Problem], memo: Memo | None = None):
    """Yield (file name, item, its line, its node) for a YAML file holding a list of mappings. The parse is kept in
    memo by the file's text: the items are read, never changed, by whoever takes them."""
    name = relative(path, root)
    text = read_text(path, name, problems, limit=MAX_LEDGER_BYTES)
    parsed = checked(memo, ("ledger", name, text), problems, lambda found: parse_yaml(text, name, found)) if text is not None else None
    if parsed is None:
        return
    data, node = parsed
    if not isinstance(data, list):
        problems.append(Problem(name, 1, "must be a list of entries", "start each entry with `- `"))
        return
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(Problem(name, line, "each entry must be a mapping of fields", "write `- key: value` entries"))
            continue
        yield name, item, line, item_node


def _named(kind: str, item: dict) -> str:
    """The start of a message about an entry: its kind and id, when it has a usable one."""
    return f"{kind} {item['id']!r}: " if isinstance(item.get("id"), str) else ""


def _unknown_sources(name: str, line: int, what: str, sources, known: set[str], problems: list[Problem]) -> None:
    for source_id in sources:
        if source_id not in known:
            problems.append(Problem(name, line, f"{what} names unknown source '{source_id}'{lookalikes(source_id)}",
                                    "use the id of a record in sources/"))


def load_editorial(root: Path, known: set[str], problems: list[Problem], memo: Memo | None = None) -> dict[str, EditorialNote]:
    notes: dict[str, EditorialNote] = {}
    for name, item, line, node in _load_list(root / ESSAY_DIR / "editorial-notes.yml", root, problems, memo):
        entry = validated(EditorialFields, item, node, name, problems, _named("editorial note", item))
        if entry is None:
            continue
        if not (entry.id.startswith(EDITORIAL_PREFIX) and ID.match(entry.id)):
            problems.append(Problem(name, line, f"editorial note id {entry.id!r} must be a slug starting with '{EDITORIAL_PREFIX}'"
                                    f"{lookalikes(entry.id)}", "name it ed-<topic>, in lowercase letters, digits and hyphens"))
            continue
        if entry.id in notes:  # no record's (a record's id may not start ed-: named at the record)
            problems.append(Problem(name, line, f"duplicate id '{entry.id}'", "give each note its own id"))
            continue
        _unknown_sources(name, line_at(node, ["sources"]), f"editorial note '{entry.id}'", entry.sources, known, problems)
        notes[entry.id] = EditorialNote(entry.id, entry.text.strip(), tuple(entry.sources), name, line)
    return notes


def load_quotations(root: Path, known: set[str], problems: list[Problem], memo: Memo | None = None) -> tuple[QuotationEntry, ...]:
    entries = []
    for name, item, line, node in _load_list(root / ESSAY_DIR / "quotations.yml", root, problems, memo):
        entry = validated(QuotationFields, item, node, name, problems)
        if entry is None:
            continue
        kind = entry.kind or ("source" if entry.source else None)
        if entry.source and kind != "source":  # one of them was dropped unseen (sixteenth hostile round, case 147)
            problems.append(Problem(name, line_at(node, ["kind"]), f"quotation “{entry.quote}” names a source and is a "
                                    f"{kind} too", f"keep `source:` if they are the source's words, or `kind: {kind}` "
                                    "with `why:` if they are not"))
            continue
        if kind is None:
            problems.append(Problem(name, line, f"quotation “{entry.quote}” says neither whose words they are nor why they are quoted",
                                    "say `source: <id>` for a quotation, or `kind: term`/`kind: scare` with `why:`"))
            continue
        if kind == "source" and entry.source not in known:
            problems.append(Problem(name, line_at(node, ["source"]), f"quotation “{entry.quote}” names unknown source "
                                    f"{entry.source!r}{lookalikes(str(entry.source))}", "use the id of a record in sources/"))
            continue
        if kind != "source" and not entry.why:
            problems.append(Problem(name, line, f"quotation “{entry.quote}” is a {kind} but says not why", "add a few words in `why:`"))
            continue
        entries.append(QuotationEntry(entry.paragraph, entry.quote.strip(), entry.source if kind == "source" else None, kind,
                                      entry.why, name, line))
    return tuple(entries)


def ends_a_sentence(words: str) -> bool:
    """Whether quoted words end with their own full stop (or ? ! …), inside any closing marks, so that
    the note or the record puts none after the closing quotation mark."""
    return words.rstrip().rstrip("”’\"'»)]").endswith((".", "!", "?", "…"))


def load_claims(root: Path, known: set[str], problems: list[Problem], memo: Memo | None = None) -> tuple[Claim, ...]:
    """The claims ledger, each entry checked on its own; checks.check_claims matches it to the notes."""
    found = (_claim(name, item, line, node, known, problems)
             for name, item, line, node in _load_list(root / ESSAY_DIR / "claims.yml", root, problems, memo))
    return tuple(claim for claim in found if claim is not None)


def _claim(name: str, item: dict, line: int, node, known: set[str], problems: list[Problem]) -> Claim | None:
    entry = validated(ClaimFields, item, node, name, problems)
    if entry is None:
        return None

    def problem(key: str, what: str, fix: str) -> None:
        problems.append(Problem(name, line_at(node, [key]), what, fix))

    paragraph, source, support = entry.paragraph, entry.source, entry.support
    if source not in known:
        return problem("source", f"claim in ¶{paragraph} names unknown source {source!r}{lookalikes(source)}"[:300],
                       "use the id of a record in sources/, as the note's marker names it")
    if support != "full" and not entry.why:
        return problem("support", f"`support: {support}` for '{source}' in ¶{paragraph} needs `why:`",
                       "say what the source does not support, or why it is cited all the same")
    if support in ("full", "partial") and not entry.excerpt:
        return problem("support", f"`support: {support}` for '{source}' in ¶{paragraph} needs the `excerpt:` that supports it",
                       "copy the source's own words from one of its record's `excerpts:`")
    if entry.excerpt and (mark := entry.excerpt.rstrip().rstrip("”’\"'»)]")[-1:]) in (",", ";", ":"):
        return problem("excerpt", f"the excerpt for '{source}' in ¶{paragraph} ends with {mark!r}, after which the note "
                                  "would set its own full stop (“…,”.)",
                       f"end the excerpt at the word before its last {mark!r}: it is still the source's words")
    return Claim(paragraph, source, entry.claim, support, entry.excerpt, entry.why, entry.editorial, name, line)


def load_releases(root: Path, today: dt.date, essay_issued: str | None, problems: list[Problem],
                  memo: Memo | None = None) -> tuple[Release, ...]:
    """changes.yml's versions, newest first, each released between the essay it reproduces (essay_issued, as its
    record has it) and today."""
    releases: list[Release] = []
    lines: dict[str, int] = {}
    for name, item, line, node in _load_list(root / ESSAY_DIR / "changes.yml", root, problems, memo):
        what = f"version {item['version']}: " if isinstance(item.get("version"), str) else ""
        release = validated(Release, item, node, name, problems, what)
        if release is None:
            continue
        above = releases[-1] if releases else None
        # Each told apart: the numbers, the dates and a version entered twice (fourteenth hostile round, 60 and 61).
        if release.version in lines:
            problems.append(Problem(name, line, f"version {release.version} is listed twice (first on line "
                                    f"{lines[release.version]})", "keep one entry per version: add the changes to it"))
        elif above and _numbers(release.version) >= _numbers(above.version):
            problems.append(Problem(name, line, f"version {release.version} is listed below {above.version}, whose number "
                                    "is not higher", "list versions newest first, each with a higher number than the one below"))
        elif above and release.date > above.date:
            problems.append(Problem(name, line_at(node, ["date"]), f"version {release.version} is dated {release.date}, "
                                    f"after {above.version} above it ({above.date})", "correct the dates: each version is "
                                    "released on or after the one below it"))
        if release.date > today.isoformat():  # pages and the PDF would carry a release that has not happened
            problems.append(Problem(name, line_at(node, ["date"]), f"version {release.version} is dated {release.date}, "
                                    "in the future", "date a version on the day it is released"))
        elif essay_issued and release.date[:len(essay_issued)] < essay_issued:  # fifteenth hostile round, C10 and C11
            problems.append(Problem(name, line_at(node, ["date"]), f"version {release.version} is dated {release.date}, "
                                    f"before the essay it reproduces was published ({essay_issued})",
                                    "date a version on the day it is released"))
        lines.setdefault(release.version, line)
        releases.append(release)
    if not releases and not any(p.path.endswith("changes.yml") for p in problems):
        problems.append(Problem(relative(root / ESSAY_DIR / "changes.yml", root), 1, "no released version",
                                "list at least the current version"))
    return tuple(releases)


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(map(int, version.split(".")))


def _with_lines(excerpts: list[str], node, line: int) -> tuple[tuple[str, int], ...]:
    """Each excerpt with the line it is written on, so a check can name that line."""
    return tuple((words, line_at(node, ["excerpts", index]) or line) for index, words in enumerate(excerpts))


def load_events(root: Path, known: set[str], paragraphs: int, problems: list[Problem], memo: Memo | None = None) -> tuple[Event, ...]:
    events: list[Event] = []
    for name, item, line, node in _load_list(root / ESSAY_DIR / "events.yml", root, problems, memo):
        entry = validated(EventFields, item, node, name, problems, _named("event", item))
        if entry is None:
            continue
        if not ID.match(entry.id) or any(e.id == entry.id for e in events):
            problems.append(Problem(name, line, f"event id {entry.id!r} is not a slug or used twice{lookalikes(entry.id)}",
                                    "give each event its own id, like camp-taji-attack"))
            continue
        _unknown_sources(name, line_at(node, ["sources"]), f"event '{entry.id}'", entry.sources, known, problems)
        numbers = entry.paragraphs
        if len(set(numbers)) != len(numbers):  # each listed once: a repeat repeats the event in the paragraph's link
            problems.append(Problem(name, line_at(node, ["paragraphs"]), f"event '{entry.id}' lists a paragraph more than once",
                                    "list each paragraph's number once"))
            numbers = []
        elif not all(1 <= n <= paragraphs for n in numbers):
            problems.append(Problem(name, line_at(node, ["paragraphs"]), f"event '{entry.id}' names paragraphs {numbers!r}, "
                                    f"not among ¶1–¶{paragraphs}", "list the numbers of the paragraphs that discuss it"))
            numbers = []
        if events and entry.date < events[-1].date:
            problems.append(Problem(name, line_at(node, ["date"]), f"event '{entry.id}' ({entry.date}) comes before the one above it",
                                    "keep the chronology in date order"))
        events.append(Event(entry.id, entry.date, entry.what, tuple(entry.sources), tuple(numbers), entry.date_note, line,
                            _with_lines(entry.excerpts, node, line)))
    return tuple(events)


# English words too common to be a glossary term: the glossary marks a term's first use on each page,
# so "the" or "of" would open an entry's description at the first "the" of every page. ("us" is left
# out: "US" is a term.)
COMMON_WORDS = frozenset("""
    a an the and or but nor so yet if as at by for from in into of off on onto out over to up with without
    about after before between through under than that this these those it its is are was were be been
    he she they them his her their we our you your i me my not no
""".split())


def load_glossary(root: Path, known: set[str], problems: list[Problem], memo: Memo | None = None) -> tuple[Term, ...]:
    terms: list[Term] = []
    for name, item, line, node in _load_list(root / ESSAY_DIR / "glossary.yml", root, problems, memo):
        entry = validated(TermFields, item, node, name, problems, _named("glossary entry", item))
        if entry is None:
            continue
        if not ID.match(entry.id) or any(t.id == entry.id for t in terms):
            problems.append(Problem(name, line, f"glossary id {entry.id!r} is not a slug or used twice{lookalikes(entry.id)}",
                                    "give each entry its own id, like kataib-hizbullah"))
            continue
        _unknown_sources(name, line_at(node, ["sources"]), f"glossary entry '{entry.id}'", entry.sources, known, problems)
        for index, words in enumerate(entry.terms):  # one entry a term: the essay's words would open the other's description
            if " ".join(words.split()) != words:
                # 'Soleimani ' was a term of its own beside another entry's 'Soleimani', and took some of its mentions
                # (twentieth hostile round, T5); the essay's words never start or end with a space, nor hold two.
                problems.append(Problem(name, line_at(node, ["terms", index]), f"glossary entry '{entry.id}': the term "
                                        f"{words!r} has spaces at an end, or more than one between two words",
                                        f"write the words as the essay prints them: {' '.join(words.split())!r}"))
            elif sum(c.isalnum() for c in words) < 2:  # the glossary's marks stop only at letters: "s" is in "Iran’s"
                problems.append(Problem(name, line_at(node, ["terms", index]), f"glossary entry '{entry.id}': the term "
                                        f"“{words}” is a single character, which would be marked inside other words (the "
                                        "“s” of “Iran’s”)", "list the name or term the essay uses for it"))
            elif all(word in COMMON_WORDS for word in words.casefold().split()):
                problems.append(Problem(name, line_at(node, ["terms", index]), f"glossary entry '{entry.id}': the term "
                                        f"“{words}” is a common word, whose first use on every page would open this "
                                        "entry's description", "list the name or term the essay uses for it"))
            elif owner := next((t for t in terms if any(w.casefold() == words.casefold() for w in t.terms)), None):
                problems.append(Problem(name, line_at(node, ["terms", index]), f"glossary entry '{entry.id}': the term "
                                        f"“{words}” is also listed by '{owner.id}' (line {owner.line})",
                                        "list each of the essay's words under one entry"))
        terms.append(Term(entry.id, entry.name, tuple(entry.terms), entry.what, tuple(entry.sources), line, entry.sort or "",
                          _with_lines(entry.excerpts, node, line),
                          tuple(line_at(node, ["terms", index]) for index in range(len(entry.terms)))))
    return tuple(terms)

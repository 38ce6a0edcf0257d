"""Load and validate the primary-source registry (`sources/*.yml`) into frozen records.

Every field keeps the line it was written on, so each problem names file and line; all problems
of a run are collected and raised together.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from ..problems import Problem, ProblemsFound, lookalikes, relative, shown
from .addresses import EDITORIAL_PREFIX
from .essay import ESSAY_DIR
from .files import line_at, parse_yaml, read_text
from .memo import Memo, checked
from .schema import LanguageTag, Schema, Words, described, validated, wrong
from .values import DOUBLED, ID, iso_date, real_date
from .web_addresses import address_problem

SOURCES_DIR = Path("sources")

# What Pandoc's citeproc reads as markup in a CSL field (rich text: <i>, <b>, <sc>…; entities), so
# that the words typed would not be the words shown. Records are text: such characters are refused.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
MARKUP_FIX = "write the words only: records are text (a title's italics come from the citation style)"
# Braces group words in BibTeX: Pandoc writes one it cannot pair as \}, which BibTeX readers reject, and
# the Sources download and every Cite panel entry carry the record's words.
BRACES = re.compile(r"[{}]")
BRACES_FIX = "use round or square brackets instead"

# The item types of CSL 1.0.2, the vocabulary Pandoc's citeproc formats.
CSL_TYPES = frozenset("""
    article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
    pamphlet paper-conference patent performance periodical personal_communication post
    post-weblog regulation report review review-book software song speech standard thesis
    treaty webpage
""".split())
URL_STATUSES = ("live", "dead", "unfit", "usurped")  # as in Wikipedia's citation templates

# How far a record was checked, and how a reader is told it. A yes/no flag hid the difference between
# having read the document and knowing it only from reports of it.
LEVELS = {
    "document": "document seen",  # the document itself was read, at the record's address
    "reported": "confirmed through reports",  # known from named contemporaneous reports (`reports:`)
    "unverified": "not confirmed",  # `verification:` says what is missing
}


@dataclass(frozen=True)
class Quote:
    text: str  # as the essay prints it
    original: str | None = None  # the source's own wording, when not English
    original_language: str | None = None


@dataclass(frozen=True)
class Report:
    """A contemporaneous report through which a document not seen itself is known."""

    outlet: str
    date: str
    url: str


@dataclass(frozen=True)
class Excerpt:
    """The source's own words, as read in a stored copy: what a note shows as its evidence."""

    text: str  # exactly as the source has them
    language: str
    translation: str | None  # this edition's English, where the words are not English
    where: str  # the address the words were read at
    by: str | None = None  # the outlet whose report gives the words, when the document itself was not seen


def _joins(char: str) -> bool:
    """Whether a character is part of a word: a letter, digit or combining mark (an Arabic vowel sign too)."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def whole_words_in(words: str, text: str) -> bool:
    """Whether text holds the words as whole words: not the tail of a word (“دماً” of “قُدماً”), of an
    abbreviation (“S. military” of “U.S. military”) or of a word with an apostrophe or hyphen (“s” of
    “Iran’s”, “backed” of “Iran-backed”), nor the head of one."""
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        before, after = text[max(start - 2, 0):start], text[end:end + 2]
        cut_before = bool(before) and (_joins(before[-1]) or (len(before) == 2 and before[-1] in ".'’‐-" and _joins(before[0])))
        cut_after = bool(after) and (_joins(after[0]) or (len(after) == 2 and after[0] in "'’‐-" and _joins(after[1])))
        if not (cut_before or cut_after):
            return True
        start = text.find(words, start + 1)
    return False


@dataclass(frozen=True)
class Source:
    id: str
    type: str
    title: str
    issued: str
    level: str  # a key of LEVELS
    path: str
    line: int
    title_short: str | None = None
    original_title: str | None = None
    authors: tuple[dict, ...] = ()
    container_title: str | None = None
    publisher: str | None = None
    medium: str | None = None
    url: str | None = None
    accessed: str | None = None
    language: str | None = None
    archive_url: str | None = None
    archive_date: str | None = None
    url_status: str | None = None
    quotes: tuple[Quote, ...] = ()
    verification: str | None = None
    evidence: tuple[str, ...] = ()
    reports: tuple[Report, ...] = ()
    excerpts: tuple[Excerpt, ...] = ()

    @property
    def confirmed(self) -> bool:
        """Whether the document was read or is known from reports, rather than left unconfirmed."""
        return self.level != "unverified"

    @property
    def level_words(self) -> str:
        return LEVELS[self.level]

    def holding(self, words: str) -> Excerpt | Quote | None:
        """What of the record holds the words, whole words, verbatim: the excerpt or quotation that is those
        words, else the first that contains them; None if none does."""
        words = " ".join(words.split())
        texts = [(item, " ".join(item.text.split())) for item in [*self.excerpts, *self.quotes]]
        texts += [(quote, " ".join(quote.original.split())) for quote in self.quotes if quote.original]
        return next((item for item, text in texts if text == words), None) or next(
            (item for item, text in texts if whole_words_in(words, text)), None)

    def excerpt_of(self, words: str) -> Excerpt | None:
        """The recorded excerpt that holds the words, if they are an excerpt's rather than a quotation's."""
        held = self.holding(words)
        return held if isinstance(held, Excerpt) else None

    @property
    def issuer(self) -> str:
        """Who put the document out, in a few words: its publication or publisher, else its first author."""
        if self.container_title or self.publisher:
            return self.container_title or self.publisher
        return name_of(self.authors[0]) if self.authors else ""

    def csl(self) -> dict:
        """Return the record as CSL-JSON, the input of every citation style."""
        item: dict = {"id": self.id, "type": self.type, "title": self.title}
        optional = {
            "title-short": self.title_short,
            "original-title": self.original_title,
            "container-title": self.container_title,
            "publisher": self.publisher,
            "medium": self.medium,
            "URL": self.url,
            "language": self.language,
        }
        item.update({k: v for k, v in optional.items() if v})
        if self.authors:
            item["author"] = [dict(a) for a in self.authors]
        item["issued"] = _date_parts(self.issued)
        if self.accessed and self.url:
            item["accessed"] = _date_parts(self.accessed)
        return item


def name_of(author: dict) -> str:
    """A CSL name as a reader sees it: "Maria Fantappie", a family name alone, or an institution's literal name."""
    return author.get("literal") or " ".join(filter(None, (author.get("given"), author.get("family"))))


@dataclass(frozen=True)
class Registry:
    sources: dict[str, Source] = field(default_factory=dict)

    def __contains__(self, source_id: str) -> bool:
        return source_id in self.sources

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __iter__(self):
        return iter(sorted(self.sources.values(), key=lambda s: (s.issued, s.id)))

    def __len__(self) -> int:
        return len(self.sources)


def _date_parts(value: str) -> dict:
    return {"date-parts": [[int(part) for part in value.split("-")]]}


def source_files(root: Path) -> list[Path]:
    """List the source records: every `*.yml` directly under sources/."""
    return sorted((root / SOURCES_DIR).glob("*.yml"))


def unread_files(root: Path) -> list[Problem]:
    """Files under sources/ that look like records but that source_files() passes over: a `.yaml` file, or a
    file in a subfolder (sources/essay/ aside, which holds the ledgers). Left unread, a record would silently
    be missing from the Sources page and its citations refused as unknown, with nothing saying why."""
    problems = []
    folder = root / SOURCES_DIR
    if folder.is_symlink() or not folder.is_dir():
        return problems  # named by allowed_files.irregular_files
    for path in sorted(folder.rglob("*")):
        inside = path.relative_to(folder)
        if (path.suffix == ".yml" and len(inside.parts) == 1) or (
                path.is_symlink() or not path.is_file() or any(part.startswith(".") for part in inside.parts)
                or Path(SOURCES_DIR, inside.parts[0]) == ESSAY_DIR):
            continue  # records; links and special files are irregular_files'; dotfiles are no one's records
        where = relative(path, root)
        if len(inside.parts) > 1:
            problems.append(Problem(where, 0, "is in a subfolder of sources/, where the build reads no record",
                                    f"move it up, to sources/{path.stem}.yml (only sources/essay/ has folders of its own)"))
        elif path.suffix != ".yml" and path.suffix.lower() in (".yml", ".yaml"):
            problems.append(Problem(where, 0, f"ends in {path.suffix}, and the build reads only records ending in .yml",
                                    f"rename it to {path.stem}.yml"))
    return problems


def load_sources(root: Path, today: dt.date | None = None, memo: Memo | None = None) -> Registry:
    """Load every record under sources/, or raise ProblemsFound listing all that is wrong (memo: see model.memo)."""
    today = today or dt.date.today()
    problems: list[Problem] = unread_files(root)
    sources: dict[str, Source] = {}
    seen: dict[str, str] = {}  # declared id -> where, so a copied file is named as a duplicate
    folder = relative(root / SOURCES_DIR, root)  # once: every record is a file of this folder
    for path in source_files(root):
        name = f"{folder}/{path.name}"
        text = read_text(path, name, problems)
        if text is None:
            continue
        source, declared = checked(memo, ("record", name, today, text), problems,
                                   lambda found, text=text, name=name, stem=path.stem: _load_record(text, name, stem, today, found))
        if declared is not None:
            declared_id, line = declared
            if declared_id in seen:
                problems.append(Problem(name, line, f"duplicate id '{declared_id}', also used in {seen[declared_id]}",
                                        "give each source its own id, and name its file after it"))
                continue
            seen[declared_id] = f"{name}:{line}"
        if source is not None:
            sources[source.id] = source
    if problems:
        raise ProblemsFound(problems)
    return Registry(sources)


def _load_record(text: str, name: str, stem: str, today: dt.date, problems: list[Problem]) -> tuple[Source | None, tuple | None]:
    """Return the record if valid, and the id it declares with its line (for duplicate detection); stem: its file's name."""
    parsed = parse_yaml(text, name, problems)
    if parsed is None:
        return None, None
    data, node = parsed
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        problems.append(Problem(name, 1, f"a source record must be a mapping of fields, not {kind}",
                                "write `id: ...`, `title: ...` and the other fields at the top level"))
        return None, None
    declared = (data["id"], line_at(node, ["id"], of_key=True)) if isinstance(data.get("id"), str) else None
    found: list[Problem] = []
    if "verified" in data:  # the old yes/no flag, told apart from an unknown field
        found.append(Problem(name, line_at(node, ["verified"], of_key=True),
                             "'verified: true/false' is replaced by 'verification_level'",
                             "write `verification_level: document` (the document itself was read at `url`), `reported` "
                             "(known from the `reports:` listed) or `unverified` (say what is missing in `verification:`)"))
        data = {key: value for key, value in data.items() if key != "verified"}
    fields = validated(RecordFields, data, node, name, found)
    if "verified" in (parsed[0]):  # the flag says what was meant instead of a level: no second message for the missing level
        found = [p for p in found if not p.what.startswith("'verification_level' is missing")]
    source = _record(fields, name, node, stem, today, found) if fields is not None else None
    problems.extend(found)
    return (source if not found else None), declared


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("empty")
    if doubled := DOUBLED.search(value):  # every note, the bibliography and the exports would print it
        raise wrong(f"holds {doubled[0]!r}, punctuation doubled, which every note and export of it would print",
                    "write the mark once", said=True)
    return value.strip()


def _address(value: str) -> str:
    if fix := address_problem(value):
        raise wrong("not an http(s) URL", fix)
    return value


def _date(full: bool):
    form = "YYYY-MM-DD" if full else "YYYY-MM-DD, YYYY-MM or YYYY"

    def check(value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool) and not full:  # YAML reads an unquoted 2019 as a number
            value = str(value)
        if (day := iso_date(value, full)) is None:
            raise wrong("not an ISO date", f"write it as {form}")
        return day

    return BeforeValidator(check)


# Kinds of value a record holds: text (no markup: checked on the whole record, below), web addresses, dates.
RecordText = Annotated[str, AfterValidator(_text)]
# What BibTeX reads in a person's name parts as the start of another name, 'others' (et al.), or a part of the name
# (a comma: "Haynes, A, B" is too many commas for any reader).
NAME_SEPARATOR = re.compile(r"\band\b|^\s*others\s*$|,", re.IGNORECASE)
Address = Annotated[str, AfterValidator(_address)]
PartialDate = Annotated[str, _date(full=False)]
FullDate = Annotated[str, _date(full=True)]
NAME_FIX = "write `- {family: ..., given: ...}` or `- literal: ...`"
ADDRESS_FIX = "link to the document's web address (https://...)"


def _text_field(key: str):
    return described("non-empty text", f"write `{key}:` as text", default=None, alias=key)


class AuthorFields(Schema):
    family: RecordText | None = described("text (the family name)", default=None)
    given: RecordText | None = described("text (the given names)", default=None)
    literal: RecordText | None = described("text (an institution's or a one-part name)", default=None)

    @model_validator(mode="after")
    def _named(self):
        if self.literal is None and self.family is None:
            raise wrong("not a name", NAME_FIX)
        return self


class QuoteFields(Schema):
    text: RecordText = described("text (the words as the essay quotes them)")
    original: RecordText | None = described("text (the words in the source's own language)", default=None)
    original_language: LanguageTag | None = described("a language tag such as ar", default=None)

    @model_validator(mode="after")
    def _language(self):
        if self.original is not None and self.original_language is None:
            raise wrong("an 'original' wording needs an 'original_language' tag", "add `original_language: ar` (or the right tag)")
        return self


class ReportFields(Schema):
    outlet: Words = described("text (the outlet's name)")
    date: PartialDate = described("an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    url: Address = described("the report's web address (https://...)")


class ExcerptFields(Schema):
    text: Words = described("text (the source's own words)")
    language: LanguageTag | None = described("a language tag such as ar", default=None)
    translation: Words | None = described("text (the words in English)", default=None)
    where: Address = described("the web address the words were read at (https://...)")
    by: Words | None = described("text (the outlet whose copy was read)", default=None)


class RecordFields(Schema):
    """A source record, sources/<id>.yml. Each description says how to write the field (the messages quote it)."""

    id: str = described("a slug such as dod-2020-03-12, the file's own name")
    type: str = described("a CSL type such as webpage or article-newspaper")
    title: RecordText = described("non-empty text", "write `title:` as text")
    issued: PartialDate = described("an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)", "write it as YYYY-MM-DD, YYYY-MM or YYYY")
    verification_level: Literal["document", "reported", "unverified"] = described(
        f"one of {', '.join(LEVELS)}", "document: the document was read; reported: known from reports; unverified: neither")
    title_short: RecordText | None = _text_field("title-short")
    original_title: RecordText | None = _text_field("original-title")
    author: Annotated[list[AuthorFields], Field(min_length=1)] | None = described("a list of names", NAME_FIX, default=None)
    container_title: RecordText | None = _text_field("container-title")
    publisher: RecordText | None = _text_field("publisher")
    medium: RecordText | None = _text_field("medium")
    url: Address | None = described("an http(s) URL", ADDRESS_FIX, default=None)
    accessed: FullDate | None = described("an ISO date (YYYY-MM-DD)", "write it as YYYY-MM-DD", default=None)
    language: LanguageTag | None = described("a language tag like en or ar", "use a BCP 47 tag", default=None)
    archive_url: Address | None = described("an http(s) URL", ADDRESS_FIX, default=None)
    archive_date: FullDate | None = described("an ISO date (YYYY-MM-DD)", "write it as YYYY-MM-DD", default=None)
    url_status: Literal["live", "dead", "unfit", "usurped"] | None = described(
        f"one of {', '.join(URL_STATUSES)}", "use live, dead, unfit or usurped", default=None)
    quotes: list[QuoteFields] | None = described("a list of `- text: the words as the essay prints them`", default=None)
    verification: RecordText | None = _text_field("verification")
    evidence: list[Address] | None = described("a list of addresses, each `- https://...`", default=None)
    reports: list[ReportFields] | None = described("a list of `- {outlet: AP, date: 2020-01-10, url: https://...}`", default=None)
    excerpts: list[ExcerptFields] | None = described("a list of `- {text: the source's words, where: https://...}`",
                                                     default=None)


RECORD_KEYS = tuple(info.alias or field for field, info in RecordFields.model_fields.items())  # as the YAML names them
TEXT_FIELDS = ("title", "title-short", "original-title", "container-title", "publisher", "medium")


# How the records say an address was not seen: the address (or its host) and then how, in one clause; or
# "no web address", "url left out". A record that says so must not publish it (issue 26).
_UNSEEN_WAYS = r"never seen|not seen|unseen|unconfirmed|not confirmed|seen only in others|known only from others"


def _calls_unseen(verification: str, url: str) -> str | None:
    """The clause of verification that calls an address unseen or unconfirmed, if any."""
    host = re.escape((urlsplit(url).hostname or "").removeprefix("www."))
    ways = [rf"\b(address|url|{host})\b[^.;:]{{0,60}}?\b({_UNSEEN_WAYS})", r"\b(no|unconfirmed|unseen) (web )?(address|url)\b",
            r"\burl (is )?left out\b"]
    return next((clause.strip() for clause in re.split(r"(?<=[.;:])\s+", verification)
                 if any(re.search(way, clause, re.IGNORECASE) for way in ways)), None)


def _check_addresses(fields: RecordFields, problem) -> None:
    """The record's addresses against each other: one published only if seen, a snapshot with its date,
    a status only for an address there is."""
    if fields.url and fields.url not in {*(fields.evidence or ()), *(e.where for e in fields.excerpts or ())}:
        problem(["url"], f"'url' {fields.url} is not among the addresses the record shows were seen (its `evidence:` "
                "or an excerpt's `where:`)", "publish only an address that was read: list it in `evidence:` once the page "
                "was seen there, or give it as words in `verification:`, saying where it was found")
    if fields.url and fields.verification and (sentence := _calls_unseen(fields.verification, fields.url)):
        problem(["url"], f"'url' {fields.url} is published, but the record's `verification:` says an address was not "
                f"seen: “{sentence}”", "remove `url:` (an address known only from others' notes stays words in "
                "`verification:`), or say in `verification:` where the page itself was read")
    _check_archive(fields, problem)
    if fields.url_status and not fields.url:
        problem(["url_status"], f"'url_status: {fields.url_status}' describes an address, but the record has no `url:`",
                "add the document's `url:`, or remove `url_status:`")


def _check_authors(fields: RecordFields, problem) -> None:
    """Each author's name parts: no markup, no brace, no word BibTeX reads as the start of another name."""
    for index, author in enumerate(fields.author or ()):
        named = {k: v for k, v in author.model_dump().items() if v is not None}
        if markup := next((m for v in named.values() if (m := MARKUP.search(v))), None):
            problem(["author", index], f"author {shown(named)} holds {markup[0]!r}, which the citation formatter would read as markup",
                    MARKUP_FIX)
        elif brace := next((m for v in named.values() if (m := BRACES.search(v))), None):
            problem(["author", index], f"author {shown(named)} holds {brace[0]!r}, which BibTeX reads as a group: the entry "
                    "would break", BRACES_FIX)
        elif joined := next((m for k, v in named.items() if k != "literal" and (m := NAME_SEPARATOR.search(v))), None):
            # Pandoc writes a person's name parts unbraced: BibTeX reads `and` as the start of the next name, `others` as et al.
            problem(["author", index], f"author {shown(named)} holds {joined[0]!r}, which BibTeX reads as another name's "
                    "start, 'and others', or a part of the name", "give each person an entry of their own and a name without "
                    "commas, or write an institution's name as `literal:`")


def _record(fields: RecordFields, name: str, node: yaml.Node, stem: str, today: dt.date, problems: list[Problem]) -> Source | None:
    """The record's fields checked against each other, against its file name and against today, as a Source."""
    def problem(path: list, what: str, fix: str) -> None:
        problems.append(Problem(name, line_at(node, path, of_key=len(path) == 1), what, fix))

    source_id, level = fields.id, fields.verification_level
    if not ID.match(source_id):
        problem(["id"], f"id '{source_id}' is not a slug{lookalikes(source_id)}",
                "use lowercase letters, digits and single hyphens, e.g. dod-2020-03-12")
    elif source_id.startswith(EDITORIAL_PREFIX):  # [^ed-…] calls an editorial note: a record so named would take its calls
        problem(["id"], f"id '{source_id}' starts with '{EDITORIAL_PREFIX}', as the editorial notes' ids do "
                "(sources/essay/editorial-notes.yml)", "name the record after its publisher and date, e.g. dod-2020-03-12")
    elif source_id != stem:
        problem(["id"], f"id '{source_id}' does not match the file name '{stem}.yml'",
                f"rename the file to {source_id}.yml or change the id")
    if fields.type not in CSL_TYPES:
        problem(["type"], f"unknown CSL type '{fields.type}'",
                "use a CSL type such as webpage, article-newspaper, post, legislation, document")
    for key in TEXT_FIELDS:
        if (value := getattr(fields, key.replace("-", "_"))) and (markup := MARKUP.search(value)):
            problem([key], f"'{key}' holds {markup[0]!r}, which the citation formatter would read as markup", MARKUP_FIX)
        elif value and (brace := BRACES.search(value)):
            problem([key], f"'{key}' holds {brace[0]!r}, which BibTeX reads as a group: the entry would break", BRACES_FIX)
    _check_authors(fields, problem)
    for key in ("issued", "accessed", "archive_date"):
        if (value := getattr(fields, key)) and value > today.isoformat()[: len(value)]:
            problem([key], f"'{key}' {value} is in the future", "check the date: a cited document already exists")
    if fields.accessed and dated_before(fields.accessed, fields.issued):  # citations would say it was read before it existed
        problem(["accessed"], f"'accessed' {fields.accessed} comes before the document was issued ({fields.issued})",
                "give the date the page was read, or correct `issued:`")
    if not (fields.author or fields.container_title or fields.publisher):
        problem(["title"], "a source needs an author, a publisher or a container-title", "add `author:` or `publisher:`")
    _check_addresses(fields, problem)
    if level == "unverified" and not fields.verification:
        problem(["verification_level"], "an unverified source needs a 'verification' note",
                "say in `verification:` what could not be confirmed")
    if level == "document" and not fields.url:
        problem(["verification_level"], "'verification_level: document' needs the document's `url:`",
                "give the address the document was read at, or use `reported` with the reports that confirm it")
    if level == "reported" and not fields.reports:
        problem(["verification_level"], "'verification_level: reported' needs `reports:`",
                "list the contemporaneous reports: `- {outlet: ..., date: YYYY-MM-DD, url: https://...}`")
    reports = []
    for index, report in enumerate(fields.reports or ()):
        if report.date > today.isoformat()[:len(report.date)]:
            problem(["reports", index], f"a report dated {report.date} is in the future", "check the report's date")
        elif dated_before(report.date, fields.issued):
            problem(["reports", index], f"a report dated {report.date} comes before the document it reports ({fields.issued})",
                    "check the report's date, or the record's `issued:`")
        else:
            reports.append(Report(report.outlet, report.date, report.url))
    excerpts = []
    own = {fields.url, fields.archive_url} - {None}
    for index, excerpt in enumerate(fields.excerpts or ()):
        language = excerpt.language or fields.language or "en"
        if language.split("-")[0] != "en" and excerpt.translation is None:
            problem(["excerpts", index], f"an excerpt in '{language}' needs a `translation:` into English",
                    "add the edition's own translation")
        elif excerpt.where not in own and excerpt.by is None:
            problem(["excerpts", index], f"an excerpt read at {excerpt.where}, not at the record's `url:`, needs `by:`",
                    "name whose copy or report gives the words, e.g. `by: Associated Press`")
        else:
            excerpts.append(Excerpt(excerpt.text, language, excerpt.translation, excerpt.where, excerpt.by))
    return Source(
        id=source_id, type=fields.type, title=fields.title, issued=fields.issued, level=level,
        path=name, line=line_at(node, ["id"], of_key=True),
        title_short=fields.title_short, original_title=fields.original_title,
        authors=tuple({k: v for k, v in a.model_dump().items() if v is not None} for a in fields.author or ()),
        container_title=fields.container_title, publisher=fields.publisher, medium=fields.medium,
        url=fields.url, accessed=fields.accessed, language=fields.language, archive_url=fields.archive_url,
        archive_date=fields.archive_date, url_status=fields.url_status,
        quotes=tuple(Quote(q.text, q.original, q.original_language) for q in fields.quotes or ()),
        verification=fields.verification, evidence=tuple(fields.evidence or ()), reports=tuple(reports), excerpts=tuple(excerpts),
    )


# The web archives an archived copy may be on: the Wayback Machine, archive.today under its names, Perma.cc.
ARCHIVES = {"web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn",
            "archive.fo", "archive.md", "perma.cc"}
# A Wayback snapshot's address names its moment: /web/YYYYMMDDhhmmss/ (the day is what archive_date records).
# The whole moment, as `make archives` records it: /web/20200107/ leads to whichever capture is nearest, maybe of
# another day than archive_date says (twenty-second hostile round, case 38).
WAYBACK_DAY = re.compile(r"^https?://web\.archive\.org/web/(\d{4})(\d{2})(\d{2})(\d{6})[a-z_]*/", re.IGNORECASE)
# archive.today's two addresses of one capture (under any of its names): the short one, and the long one that names
# its moment and the page. Its others (/newest/…, /2020/…, its home page) lead to whatever it holds.
ARCHIVE_TODAY = {"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.fo", "archive.md"}
# (/20200320120000/… is its timegate: the capture nearest that moment, not one of it: twenty-third round, 41.)
ARCHIVE_TODAY_CAPTURE = re.compile(r"/(?:[A-Za-z0-9]{4,10}|(?P<moment>\d{4}\.\d{2}\.\d{2}-\d{6})/(?P<page>https?://.+))")
PERMA_CAPTURE = re.compile(r"/[A-Z0-9]{4}-[A-Z0-9]{4}")  # Perma.cc's address of one record


def real_time(hhmmss: str) -> bool:
    """Whether a capture's time of day is one (…999999, hour 99, is none: eighth hostile round, case 41)."""
    try:
        dt.time(int(hhmmss[:2]), int(hhmmss[2:4]), int(hhmmss[4:6]))
    except ValueError:
        return False
    return True


def made_before_the_day_of(stamp: str, issued: str) -> bool:
    """Whether a capture (its UTC time, YYYYMMDDhhmmss) came before the day a document was issued began anywhere:
    a record's dates allow one day's difference, for time zones, and a capture's own time says more (seventeenth
    hostile round, case 4: midnight UTC on the 20th, for a document of the 21st). The earliest zone is UTC+14."""
    if len(issued) != 10 or len(stamp) != 14:
        return False  # a month or a year, or no time: dated_before has said all there is
    captured = dt.datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    return captured < dt.datetime.fromisoformat(issued).replace(tzinfo=dt.UTC) - dt.timedelta(hours=14)


def _check_archive(fields: RecordFields, problem) -> None:
    """The archived copy: dated, on the archive it claims to be on, and no older than the document."""
    if fields.archive_url and not fields.archive_date:
        problem(["archive_url"], "'archive_url' needs an 'archive_date'", "add `archive_date:` (YYYY-MM-DD) of the snapshot")
    if fields.archive_date and not fields.archive_url:
        problem(["archive_date"], "'archive_date' dates an archived copy that no 'archive_url' gives",
                "add `archive_url:` (the snapshot's address), or remove `archive_date:`")
        return
    host = (urlsplit(fields.archive_url).hostname or "").lower().rstrip(".") if fields.archive_url else ""
    stamp = WAYBACK_DAY.match(fields.archive_url) if fields.archive_url else None
    if host and _imitates_wayback(host):
        problem(["archive_url"], f"'archive_url' is on {host}, which only looks like the Wayback Machine's web.archive.org",
                "give the snapshot's address as the archive gives it (https://web.archive.org/web/…), or remove it")
    elif host and host not in ARCHIVES:  # readers take an "Archived copy" link on trust: only an archive's own
        problem(["archive_url"], f"'archive_url' is on {host}, which is not a web archive (the Wayback Machine, archive.today "
                "or Perma.cc)", "give the snapshot's address on one of them, as `make archives` records it, or remove it")
    elif host == "web.archive.org" and not stamp:
        # The calendar of captures (/web/2020*/…), the latest capture whatever it holds (/web/2/…), another port: each was
        # published as "Archived copy (date)" with a date the address does not hold (twenty-first hostile round, T3).
        problem(["archive_url"], "'archive_url' is on the Wayback Machine but is no address of one capture of a day",
                WAYBACK_FIX)
    elif host == "archive.org":
        # An Internet Archive item (/details/…) or the Wayback Machine under another name: no capture of the record's url
        # that the build can read (twenty-second hostile round, T4).
        problem(["archive_url"], f"'archive_url' is on {host}, not on the Wayback Machine's web.archive.org, whose "
                "captures are what an archived copy gives", WAYBACK_FIX)
    elif (other := _other_archive_problem(host, fields)) is not None:
        problem([other[0]], *other[1:])
    elif stamp and fields.url and not same_address(fields.archive_url[stamp.end():], fields.url):
        problem(["archive_url"], f"'archive_url' is a copy of {fields.archive_url[stamp.end():][:100]!r}, not of the record's "
                "`url`", "give the snapshot of the record's own address, as `make archives` records it, or remove it")
    elif stamp and not (real_date(f"{stamp[1]}-{stamp[2]}-{stamp[3]}") and real_time(stamp[4])):
        # Hour 25, day 99: no moment, whatever day archive_date gives (nineteenth hostile round, case 4).
        problem(["archive_url"], f"'archive_url' names the moment {''.join(stamp.groups())}, which no calendar or clock has",
                "give the snapshot's address as the archive gives it, or remove it")
    elif stamp and fields.issued and made_before_the_day_of("".join(stamp.groups()), fields.issued):
        # As `make archives` refuses it (nineteenth hostile round, case 3): made before the document could exist.
        problem(["archive_url"], f"'archive_url' is a capture made at {''.join(stamp.groups())} (UTC), before "
                f"{fields.issued} began anywhere", "give a snapshot made once the document existed, or correct `issued:`")
    elif fields.archive_date and stamp and (day := f"{stamp[1]}-{stamp[2]}-{stamp[3]}") != str(fields.archive_date):
        problem(["archive_date"], f"'archive_date' {fields.archive_date} is not the day of the snapshot its address names "
                f"({day})", f"write `archive_date: {day}`, the day in the Wayback address")
    if fields.archive_date and dated_before(fields.archive_date, fields.issued):
        problem(["archive_date"], f"'archive_date' {fields.archive_date} comes before the document was issued ({fields.issued}): "
                "no copy of it was made then", "give the date of the snapshot, as its address has it, or correct `issued:`")


WAYBACK_FIX = ("give it as https://web.archive.org/web/YYYYMMDDhhmmss/ followed by the record's `url`, as `make archives` "
               "records it, or remove it")


def _other_archive_problem(host: str, fields: RecordFields) -> tuple[str, str, str] | None:
    """What keeps an archive_url on archive.today or Perma.cc from being the address of one capture of the record's
    url (its home page, /newest/…, a capture of another page: twenty-second hostile round, T4), as (the field named,
    what, the fix); or None."""
    if host not in ARCHIVE_TODAY and host != "perma.cc":
        return None
    parts = urlsplit(fields.archive_url)
    address = parts.path + (f"?{parts.query}" if parts.query else "")
    if host in ARCHIVE_TODAY:
        if not (capture := ARCHIVE_TODAY_CAPTURE.fullmatch(address)) or parts.port is not None:
            return ("archive_url", f"'archive_url' is on {host} but is no address of one capture",
                    f"give the capture's own address, such as https://{host}/AbCdE, or remove it")
        if capture["page"] and fields.url and not same_address(capture["page"], fields.url):
            return ("archive_url", f"'archive_url' is a copy of {capture['page'][:100]!r}, not of the record's `url`",
                    "give the capture of the record's own address, or remove it")
        moment = re.sub(r"\D", "", capture["moment"] or "")
        if moment and fields.archive_date and f"{moment[:4]}-{moment[4:6]}-{moment[6:8]}" != str(fields.archive_date):
            return ("archive_date", f"'archive_date' {fields.archive_date} is not the day of the capture its address names "
                    f"({moment[:4]}-{moment[4:6]}-{moment[6:8]})", "write the day the address names in `archive_date:`")
    if host == "perma.cc" and (not PERMA_CAPTURE.fullmatch(address) or parts.port is not None):
        return ("archive_url", f"'archive_url' is on {host} but is no address of one record", "give the record's own address, such as "
                "https://perma.cc/ABCD-1234, or remove it")
    return None


def same_address(archived: str, url: str) -> bool:
    """Whether the address a snapshot was taken of is the record's: the Wayback Machine gives it with either
    scheme, a default port or a trailing slash of its own, and the host in any case."""
    def plain(address: str) -> tuple | None:
        try:  # a port out of range raises
            parts = urlsplit(address.strip())
            port = parts.port
        except ValueError:
            return None
        host = (parts.hostname or "").lower().removeprefix("www.")
        return host, port if port not in (80, 443) else None, parts.path.rstrip("/"), parts.query
    return plain(archived) is not None and plain(archived) == plain(url)


def _imitates_wayback(host: str) -> bool:
    """Whether a host only looks like the Wayback Machine's: archive.org inside another domain
    (web.archive.org.evil.example), or web.archive.org with its dots changed (web-archive.org).
    Readers trust an archived copy they would never check; other archives' hosts pass."""
    host = host.lower().rstrip(".")
    if host == "archive.org" or host.endswith(".archive.org"):
        return False
    labels = host.split(".")
    squashed = re.sub(r"[^a-z0-9]", "", host)
    return (any(labels[n:n + 2] == ["archive", "org"] for n in range(len(labels) - 1))
            or squashed in ("webarchiveorg", "wwwwebarchiveorg", "archiveorg", "wwwarchiveorg"))


def dated_before(report: str, issued: str) -> bool:
    """Whether a report's date comes before its document's, by more than the day time zones can make
    (a statement issued in Paris in the evening is reported the next day in Singapore, and the other way)."""
    if len(report) == len(issued) == 10 and real_date(issued):
        return dt.date.fromisoformat(report) < dt.date.fromisoformat(issued) - dt.timedelta(days=1)
    return report < issued[:len(report)]



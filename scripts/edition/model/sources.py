"""Load and validate the primary-source registry (`sources/*.yml`) into frozen records.

Every field keeps the line it was written on, so each problem names file and line; all problems
of a run are collected and raised together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..problems import Problem, ProblemsFound, lookalikes, relative, shown
from .files import key_lines, parse_yaml, read_text
from .values import ID, LANGUAGE_TAG, iso_date, real_date

SOURCES_DIR = Path("sources")

# What Pandoc's citeproc reads as markup in a CSL field (rich text: <i>, <b>, <sc>…; entities), so
# that the words typed would not be the words shown. Records are text: such characters are refused.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
MARKUP_FIX = "write the words only: records are text (a title's italics come from the citation style)"

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

REQUIRED = ("id", "type", "title", "issued", "verification_level")
OPTIONAL = (
    "title-short", "original-title", "author", "container-title", "publisher", "url", "accessed", "language",
    "archive_url", "archive_date", "url_status", "quotes", "verification", "evidence", "medium", "reports", "excerpts",
)
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
        within = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
        return next((item for item, text in texts if text == words), None) or next(
            (item for item, text in texts if within.search(text)), None)

    def excerpt_of(self, words: str) -> Excerpt | None:
        """The recorded excerpt that holds the words, if they are an excerpt's rather than a quotation's."""
        held = self.holding(words)
        return held if isinstance(held, Excerpt) else None

    @property
    def issuer(self) -> str:
        """Who put the document out, in a few words: its publication or publisher, else its first author."""
        if self.container_title or self.publisher:
            return self.container_title or self.publisher
        author = self.authors[0] if self.authors else {}
        return author.get("literal") or " ".join(filter(None, (author.get("given"), author.get("family"))))

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


def load_sources(root: Path, today: dt.date | None = None) -> Registry:
    """Load every record under sources/, or raise ProblemsFound listing all that is wrong."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    seen: dict[str, str] = {}  # declared id -> where, so a copied file is named as a duplicate
    for path in source_files(root):
        name = relative(path, root)
        source, declared = _load_record(path, name, today, problems)
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


def _load_record(path: Path, name: str, today: dt.date, problems: list[Problem]) -> tuple[Source | None, tuple | None]:
    """Return the record if valid, and the id it declares with its line (for duplicate detection)."""
    text = read_text(path, name, problems)
    if text is None:
        return None, None
    parsed = parse_yaml(text, name, problems)
    if parsed is None:
        return None, None
    data, node = parsed
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        problems.append(Problem(name, 1, f"a source record must be a mapping of fields, not {kind}",
                                "write `id: ...`, `title: ...` and the other fields at the top level"))
        return None, None
    lines = key_lines(node)
    declared = (data["id"], lines["id"]) if isinstance(data.get("id"), str) else None
    check = _RecordCheck(name, data, lines, today, problems)
    source = check.run(path.stem, node)
    return (source if check.ok else None), declared


class _RecordCheck:
    """Validate one record's fields, appending a Problem for each one wrong."""

    def __init__(self, name, data, lines, today, problems):
        self.name, self.data, self.lines, self.today = name, data, lines, today
        self.problems = problems
        self.count = len(problems)

    @property
    def ok(self) -> bool:
        return len(self.problems) == self.count

    def problem(self, key: str | None, what: str, fix: str) -> None:
        # Inside a list of entries (reports, excerpts), the line of the entry at hand.
        line = self.entry_line.get(key) or (self.lines.get(key, 1) if key else 1)
        self.problems.append(Problem(self.name, line, what, fix))

    def string(self, key: str, required: bool = False, markup_checked: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(None, f"missing required field '{key}'", f"add `{key}:` to the record")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"'{key}' must be non-empty text, got {shown(value)}", f"write `{key}:` as text")
            return None
        if markup_checked and (markup := MARKUP.search(value)):
            self.problem(key, f"'{key}' holds {markup[0]!r}, which the citation formatter would read as markup", MARKUP_FIX)
            return None
        return value.strip()

    def date(self, key: str, required: bool = False, full: bool = False) -> str | None:
        value = self.data.get(key)
        if isinstance(value, dt.date):  # YAML reads an unquoted 2020-03-12 as a date
            value = value.isoformat()
        if value is None:
            if required:
                self.problem(None, f"missing required field '{key}'", f"add `{key}:` as an ISO date (YYYY-MM-DD)")
            return None
        text = str(value)
        if iso_date(text, full) is None:
            form = "YYYY-MM-DD" if full else "YYYY-MM-DD, YYYY-MM or YYYY"
            self.problem(key, f"'{key}' must be an ISO date ({form}), got {shown(value)}", f"write it as {form}")
            return None
        if text > self.today.isoformat()[: len(text)]:
            self.problem(key, f"'{key}' {text} is in the future", "check the date: a cited document already exists")
            return None
        return text

    def url(self, key: str) -> str | None:
        value = self.string(key, markup_checked=False)  # an address: checked as one below
        if value is None:
            return None
        if not _web_address(value):
            self.problem(key, f"'{key}' must be an http(s) URL, got {shown(value)}", _address_fix(value))
            return None
        return value

    def run(self, stem: str, node: yaml.Node) -> Source | None:
        self.node, self.entry_line = node, {}
        data = self.data
        for key in data:
            if key not in REQUIRED and key not in OPTIONAL and key != "verified":  # the old flag: told apart in level()
                self.problem(str(key), f"unknown field '{key}'", f"use one of: {', '.join(REQUIRED + OPTIONAL)}")
        source_id = self.string("id", required=True)
        if source_id is not None:
            if not ID.match(source_id):
                self.problem("id", f"id '{source_id}' is not a slug{lookalikes(str(source_id))}",
                             "use lowercase letters, digits and single hyphens, e.g. dod-2020-03-12")
            elif source_id != stem:
                self.problem("id", f"id '{source_id}' does not match the file name '{stem}.yml'",
                             f"rename the file to {source_id}.yml or change the id")
        csl_type = self.string("type", required=True)
        if csl_type is not None and csl_type not in CSL_TYPES:
            self.problem("type", f"unknown CSL type '{csl_type}'",
                         "use a CSL type such as webpage, article-newspaper, post, legislation, document")
        title = self.string("title", required=True)
        issued = self.date("issued", required=True)
        level, verification, reports = self.level()
        excerpts = self.excerpts()
        authors = self.authors()
        container = self.string("container-title")
        publisher = self.string("publisher")
        if not (authors or container or publisher) and "author" not in data:
            self.problem("title", "a source needs an author, a publisher or a container-title", "add `author:` or `publisher:`")
        url, archive_url = self.url("url"), self.url("archive_url")
        accessed = self.date("accessed", full=True)
        archive_date = self.date("archive_date", full=True)
        if archive_url and not archive_date:
            self.problem("archive_url", "'archive_url' needs an 'archive_date'", "add `archive_date:` (YYYY-MM-DD) of the snapshot")
        status = data.get("url_status")
        if status is not None and status not in URL_STATUSES:
            self.problem("url_status", f"'url_status' must be one of {', '.join(URL_STATUSES)}, got {shown(status)}",
                         "use live, dead, unfit or usurped")
        elif status is not None and "url" not in data:
            self.problem("url_status", f"'url_status: {status}' describes an address, but the record has no `url:`",
                         "add the document's `url:`, or remove `url_status:`")
        language = self.string("language")
        if language is not None and not LANGUAGE_TAG.match(language):
            self.problem("language", f"'language' must be a language tag like en or ar, got {shown(language)}", "use a BCP 47 tag")
        quotes = self.quotes(node)
        evidence = self.evidence()
        if not self.ok:
            return None
        return Source(
            id=source_id, type=csl_type, title=title, issued=issued, level=level,
            path=self.name, line=self.lines.get("id", 1),
            title_short=self.string("title-short"), original_title=self.string("original-title"),
            authors=authors, container_title=container, publisher=publisher, medium=self.string("medium"),
            url=url, accessed=accessed, language=language, archive_url=archive_url,
            archive_date=archive_date, url_status=status, quotes=quotes,
            verification=verification, evidence=evidence, reports=reports, excerpts=excerpts,
        )

    def level(self) -> tuple[str | None, str | None, tuple[Report, ...]]:
        """How far the record was checked, its `verification:` note and its `reports:`, each as the level needs."""
        data = self.data
        if "verified" in data:
            self.problem("verified", "'verified: true/false' is replaced by 'verification_level'",
                         "write `verification_level: document` (the document itself was read at `url`), `reported` "
                         "(known from the `reports:` listed) or `unverified` (say what is missing in `verification:`)")
        level = data.get("verification_level")
        if level is None:
            if "verified" not in data:
                self.problem(None, "missing required field 'verification_level'",
                             f"add `verification_level:` with one of {', '.join(LEVELS)}")
        elif not isinstance(level, str) or level not in LEVELS:
            self.problem("verification_level", f"'verification_level' must be one of {', '.join(LEVELS)}, got {shown(level)}",
                         "document: the document was read; reported: known from reports; unverified: neither")
        verification = self.string("verification")
        if level == "unverified" and verification is None:
            self.problem("verification_level", "an unverified source needs a 'verification' note",
                         "say in `verification:` what could not be confirmed")
        if level == "document" and not data.get("url"):
            self.problem("verification_level", "'verification_level: document' needs the document's `url:`",
                         "give the address the document was read at, or use `reported` with the reports that confirm it")
        reports = self.reports()
        if level == "reported" and not reports and "reports" not in data:
            self.problem("verification_level", "'verification_level: reported' needs `reports:`",
                         "list the contemporaneous reports: `- {outlet: ..., date: YYYY-MM-DD, url: https://...}`")
        return level, verification, reports

    def authors(self) -> tuple[dict, ...]:
        value = self.data.get("author")
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            self.problem("author", "'author' must be a list of names", "write `- {family: ..., given: ...}` or `- literal: ...`")
            return ()
        names = []
        for item in value:
            ok = isinstance(item, dict) and set(item) <= {"family", "given", "literal"} and (
                isinstance(item.get("literal"), str) or isinstance(item.get("family"), str))
            if not ok or not all(isinstance(v, str) and v.strip() for v in item.values()):
                self.problem("author", f"author {shown(item)} is not a name", "write `- {family: ..., given: ...}` or `- literal: ...`")
                continue
            if markup := next((m for v in item.values() if (m := MARKUP.search(v))), None):
                self.problem("author", f"author {shown(item)} holds {markup[0]!r}, which the citation formatter would read as markup",
                             MARKUP_FIX)
                continue
            names.append({k: v.strip() for k, v in item.items()})
        return tuple(names)

    def quotes(self, node: yaml.Node) -> tuple[Quote, ...]:
        value = self.data.get("quotes")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem("quotes", "'quotes' must be a list", "write each quotation as `- text: ...`")
            return ()
        result = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
                self.problem("quotes", f"quotation {shown(item)} has no 'text'", "write `- text: the words as the essay prints them`")
                continue
            unknown = set(item) - {"text", "original", "original_language"}
            if unknown:
                self.problem("quotes", f"unknown quotation field(s) {', '.join(sorted(unknown))}",
                             "use text, original and original_language")
                continue
            original, lang = item.get("original"), item.get("original_language")
            if original is not None and not (isinstance(original, str) and isinstance(lang, str) and LANGUAGE_TAG.match(lang)):
                self.problem("quotes", "an 'original' wording needs an 'original_language' tag",
                             "add `original_language: ar` (or the right tag)")
                continue
            result.append(Quote(item["text"].strip(), original.strip() if original else None, lang))
        return tuple(result)

    def evidence(self) -> tuple[str, ...]:
        value = self.data.get("evidence")
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem("evidence", "'evidence' must be a list of addresses", "write each as `- https://...`")
            return ()
        for item in value:
            if not _web_address(item):
                self.problem("evidence", f"evidence {shown(item)} is not an http(s) URL", _address_fix(item))
        return tuple(value)

    def _list_of_mappings(self, key: str, fields: str, example: str):
        """Each entry of a list of mappings, with problems meanwhile reported at the entry's own line."""
        value = self.data.get(key)
        if value is None:
            return
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(key, f"'{key}' must be a list of entries with {fields}", f"write each as `{example}`")
            return
        entries = next((v for k, v in self.node.value if k.value == key), None) if isinstance(self.node, yaml.MappingNode) else None
        lines = [n.start_mark.line + 1 for n in entries.value] if isinstance(entries, yaml.SequenceNode) else []
        for item, line in zip(value, lines + [None] * (len(value) - len(lines)), strict=True):
            self.entry_line[key] = line
            yield item
        self.entry_line.pop(key, None)

    def _text_field(self, key: str, item: dict, name: str) -> str | None:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"an entry of '{key}' needs `{name}:` as text, got {shown(value)}", f"write `{name}:`")
            return None
        return " ".join(value.split())

    def _address(self, key: str, value) -> str | None:
        if not _web_address(value):
            self.problem(key, f"an entry of '{key}' needs an http(s) address, got {shown(value)}", _address_fix(value))
            return None
        return value

    def reports(self) -> tuple[Report, ...]:
        found = []
        for item in self._list_of_mappings("reports", "outlet, date and url", "- {outlet: AP, date: 2020-01-10, url: https://...}"):
            unknown = set(item) - {"outlet", "date", "url"}
            if unknown:
                self.problem("reports", f"unknown report field(s) {', '.join(sorted(map(str, unknown)))}", "use outlet, date and url")
                continue
            outlet = self._text_field("reports", item, "outlet")
            date = iso_date(item.get("date"))
            if date is None:
                self.problem("reports", f"a report needs `date:` as an ISO date, got {shown(item.get('date'))}", "write YYYY-MM-DD")
            elif date > self.today.isoformat()[:len(date)]:
                self.problem("reports", f"a report dated {date} is in the future", "check the report's date")
                date = None
            elif (issued := iso_date(self.data.get("issued"))) and _before(date, issued):  # a bad `issued:` is named once, itself
                self.problem("reports", f"a report dated {date} comes before the document it reports ({issued})",
                             "check the report's date, or the record's `issued:`")
                date = None
            url = self._address("reports", item.get("url"))
            if outlet and date and url:
                found.append(Report(outlet, date, url))
        return tuple(found)

    def excerpts(self) -> tuple[Excerpt, ...]:
        found = []
        record_language = self.data.get("language") if isinstance(self.data.get("language"), str) else "en"
        for item in self._list_of_mappings("excerpts", "text and where", "- {text: the source's words, where: https://...}"):
            unknown = set(item) - {"text", "language", "translation", "where", "by"}
            if unknown:
                self.problem("excerpts", f"unknown excerpt field(s) {', '.join(sorted(map(str, unknown)))}",
                             "use text, language, translation, where and by")
                continue
            by = self._text_field("excerpts", item, "by") if "by" in item else None
            text = self._text_field("excerpts", item, "text")
            language = item.get("language", record_language)
            if not (isinstance(language, str) and LANGUAGE_TAG.match(language)):
                self.problem("excerpts", f"an excerpt's `language:` must be a tag like en or ar, got {shown(language)}",
                             "use a BCP 47 tag")
                continue
            translation = item.get("translation")
            if language.split("-")[0] != "en" and translation is None:
                self.problem("excerpts", f"an excerpt in '{language}' needs a `translation:` into English",
                             "add the edition's own translation")
                continue
            if translation is not None:
                translation = self._text_field("excerpts", item, "translation")
            where = self._address("excerpts", item.get("where"))
            own = {self.data.get("url"), self.data.get("archive_url")} - {None}
            # Only against addresses that are addresses: a broken `url:` is reported once, as itself.
            addresses = all(_web_address(a) for a in own)
            if where and addresses and where not in own and by is None:
                self.problem("excerpts", f"an excerpt read at {where}, not at the record's `url:`, needs `by:`",
                             "name whose copy or report gives the words, e.g. `by: Associated Press`")
                continue
            if text and where and (translation or language.split("-")[0] == "en"):
                found.append(Excerpt(text, language, translation, where, by))
        return tuple(found)


# Characters an address cannot hold as they are (RFC 3986): a space, quotation marks, angle and curly
# brackets, a backslash and the like. Written into a page or a BibTeX entry, they break the link or more.
NOT_IN_ADDRESSES = re.compile(r'[\s"<>{}|\\^`]')


def _web_address(value) -> bool:
    """Whether a value is an http(s) address with a host, and nothing an address cannot hold."""
    parts = urlsplit(value) if isinstance(value, str) else None
    return (parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
            and not NOT_IN_ADDRESSES.search(value))


def _address_fix(value) -> str:
    """How to mend a value that is not a web address: its scheme, or a character it cannot hold."""
    parts = urlsplit(value) if isinstance(value, str) else None
    web = parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
    if web and (found := NOT_IN_ADDRESSES.search(value)):  # a web address, but for what it holds
        return f"an address cannot hold {shown(found[0])}: percent-encode it (a space is %20, \" is %22) or remove it"
    return "link to the document's web address (https://...)"


def _before(report: str, issued: str) -> bool:
    """Whether a report's date comes before its document's, by more than the day time zones can make
    (a statement issued in Paris in the evening is reported the next day in Singapore, and the other way)."""
    if len(report) == len(issued) == 10 and real_date(issued):
        return dt.date.fromisoformat(report) < dt.date.fromisoformat(issued) - dt.timedelta(days=1)
    return report < issued[:len(report)]



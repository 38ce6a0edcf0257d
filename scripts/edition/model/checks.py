"""Checks of the input before anything is rendered: text fidelity, citations, quotations, markers."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from importlib.resources import files

import jsonschema
import markdown

from ..problems import Problem, lookalikes, shown
from .docs import CODE_SPAN, DEFINITION, LISTINGS, MARKER, MARKERS, blocks, code_lines, marker_name, references
from .edition import CITATION_FILE, Inputs
from .essay import ESSAY_DIR, normalize, words
from .files import key_lines, line_at, parse_yaml, read_text
from .memo import Memo
from .rawhtml import markup_problems
from .sources import BRACES, NAME_SEPARATOR, Excerpt

QUOTED = re.compile(r"“([^”]*)”")
ATTACHED = re.compile(r"“([^”]*)”\[\^([^\]\s]+)\]")  # a citation right after the closing quote


def quote_key(text: str) -> str:
    """Compare quoted words without the punctuation the essay puts inside the closing quote."""
    return normalize(text).rstrip(".,;: ")  # spaces too, so a key is its own key


def holds(source, span: str) -> bool:
    """Whether a source's recorded `quotes:` contain the quoted words."""
    return any(span in quote_key(q.text) for q in source.quotes)


def check_all(edition: Inputs, memo: Memo | None = None) -> tuple[list[Problem], list[Problem]]:
    """Run every input check; return (errors, warnings). memo: see model.memo."""
    errors = (check_text(edition) + check_markup(edition, memo) + check_citations(edition) + check_quotations(edition)
              + check_claims(edition) + check_event_dates(edition) + check_citation_file(edition)
              + check_glossary_terms(edition) + check_listings(edition) + check_web_only_notes(edition))
    return errors + check_apparatus_excerpts(edition), uncited_sources(edition)


def check_apparatus_excerpts(edition: Inputs) -> list[Problem]:
    """The chronology and the glossary are held to the notes' rule: each of an entry's `excerpts:` (the schema
    asks for at least one) is words one of its own sources holds, read where that source's level says."""
    errors = []
    for kind, name, entries in (("event", "events.yml", edition.events), ("glossary entry", "glossary.yml", edition.glossary)):
        where = (ESSAY_DIR / name).as_posix()
        for entry in entries:
            cited = [edition.registry[source] for source in entry.sources if source in edition.registry]
            for index, (held, line) in enumerate(entry.excerpts, 1):
                wrongs = [(source, excerpt_problem(source, held, "`what:`", shown=False)) for source in cited]
                if any(wrong is None for _, wrong in wrongs):
                    continue
                if found := next(((source, wrong) for source, wrong in wrongs if source.holding(held) is not None), None):
                    source, (what, fix) = found
                    errors.append(Problem(where, line, f"excerpt {index} of {kind} '{entry.id}', from '{source.id}', {what}", fix))
                else:  # held by none of its sources: say which records do, the likely slip
                    elsewhere = [source.id for source in edition.registry
                                 if source.id not in entry.sources and source.holding(held) is not None][:3]
                    errors.append(Problem(where, line, f"excerpt {index} of {kind} '{entry.id}' is in none of its sources' "
                                          "`excerpts:`" + (f" (it is in {', '.join(elsewhere)}, which the entry does not cite)"
                                                           if elsewhere else ""),
                                          "copy the words exactly (whole words) from one of "
                                          f"{', '.join(entry.sources)}, or add them to that record as the source has them"))
    return errors


def check_glossary_terms(edition: Inputs) -> list[Problem]:
    """Each glossary entry's `terms` are words the essay uses: one that is not would silently mark nothing."""
    text = " ".join(normalize(p.text) for p in edition.essay.paragraphs)
    name = (ESSAY_DIR / "glossary.yml").as_posix()
    return [Problem(name, term.line_of_term(index), f"glossary entry '{term.id}': “{words_}” does not occur in the essay",
                    "copy the words exactly as the essay writes them, or remove them from `terms`")
            for term in edition.glossary for index, words_ in enumerate(term.terms)
            if not re.search(rf"(?<!\w){re.escape(normalize(words_))}(?!\w)", text)]


def check_markup(edition: Inputs, memo: Memo | None = None) -> list[Problem]:
    """Every page's own HTML and addresses keep to the policy of model.rawhtml."""
    return markup_problems(edition.docs, {section.page for section in edition.essay.sections}, edition.markdown_extensions, memo)


def check_citation_file(edition: Inputs) -> list[Problem]:
    """CITATION.cff names the current version and its date, as changes.yml gives them."""
    path = edition.root / CITATION_FILE
    if not path.exists() and not path.is_symlink():
        return [Problem(CITATION_FILE, 0, "missing", "describe the edition in CITATION.cff (see the README)")]
    problems: list[Problem] = []
    text = read_text(path, CITATION_FILE, problems)
    parsed = parse_yaml(text, CITATION_FILE, problems) if text is not None else None
    if parsed is None:
        return problems
    data, node = parsed
    problems += _cff_schema_problems(data, node)
    lines = key_lines(node)
    # The title too (tenth hostile round, case 75: one ending in an unpaired brace, not the edition's, was published).
    expected = {"version": edition.version, "date-released": edition.released, "url": edition.site_url,
                "title": edition.full_title}
    for key, value in expected.items():
        found = data.get(key) if isinstance(data, dict) else None
        if str(found) != value:
            said_by = {"url": "mkdocs.yml's site_url", "title": "sources/essay/edition.yml (title: subtitle)"}.get(key, "changes.yml")
            problems.append(Problem(CITATION_FILE, lines.get(key, 1), f"`{key}` is {found!r}, but {said_by} says {value}",
                                    f"set `{key}: {value}`" + (" when releasing a version" if key in ("version", "date-released")
                                                               else "")))
    problems += _cff_author_problems(edition, data, node)
    problems += _cff_unchecked_problems(data, node) + _cff_original_problems(edition, data, node)
    licences = data.get("license") if isinstance(data, dict) else None
    rights = edition.meta.rights
    for licence in licences if isinstance(licences, list) else [licences]:
        if isinstance(licence, str) and licence.replace("-", " ") not in rights:  # SPDX "CC-BY-4.0" reads "CC BY 4.0"
            problems.append(Problem(CITATION_FILE, lines.get("license", 1),
                                    f"`license` is {licence!r}, which the rights statement of sources/essay/edition.yml "
                                    f"does not name (as {licence.replace('-', ' ')!r})",
                                    "make the two say the same: the pages' metadata carry the rights statement"))
    return problems


# CITATION.cff's fields the build holds to the edition's inputs, or that say nothing a citation is made of.
CFF_FIELDS = {"cff-version", "message", "type", "title", "abstract", "authors", "version", "date-released", "url", "license",
              "keywords", "references"}
# The Citation File Format's reference types for the CSL types an essay's record may have.
CFF_TYPES = {"article-magazine": "magazine-article", "article-newspaper": "newspaper-article", "article-journal": "article",
             "post-weblog": "blog", "webpage": "website", "report": "report", "book": "book"}


def _cff_unchecked_problems(data, node) -> list[Problem]:
    """What of CITATION.cff no input of the edition says, and GitHub's "Cite this repository" and Zenodo would publish
    all the same: a `preferred-citation`, which they cite in the edition's place (fifteenth hostile round, F1); a DOI,
    identifiers or a repository (sixteenth, T4); authors' fields beyond their names, and references after the essay's
    (seventeenth, cases 2 and 3)."""
    if not isinstance(data, dict):
        return []  # named by the schema
    problems = []
    lines = key_lines(node)
    if "preferred-citation" in data:
        problems.append(Problem(CITATION_FILE, lines.get("preferred-citation", 1), "`preferred-citation` would "
                                "have GitHub and Zenodo cite it in place of the edition this file describes",
                                "remove it: the edition is cited as the file's own fields say"))
    problems += [Problem(CITATION_FILE, lines.get(key, 1), f"`{key}` is a field no input of the edition holds, so the build "
                         "cannot check what GitHub and Zenodo would cite the edition by", f"remove `{key}`")
                 for key in data if key not in CFF_FIELDS and key != "preferred-citation"]
    people = data.get("authors") if isinstance(data.get("authors"), list) else []
    problems += [Problem(CITATION_FILE, line_at(node, ["authors", index, key], of_key=True), f"`{key}` of an author is a "
                         "field no input of the edition holds (edition.yml names its authors' given and family names)",
                         f"remove `{key}`")
                 for index, person in enumerate(people) if isinstance(person, dict)
                 for key in person if key not in ("family-names", "given-names")]
    references = data.get("references") if isinstance(data.get("references"), list) else []
    return problems + [Problem(CITATION_FILE, line_at(node, ["references", index]), "a reference after the first, the "
                               "original essay: the build has no record to check it against", "remove it: the works the "
                               "edition cites are its sources, in sources/") for index in range(1, len(references))]


def _cff_original_problems(edition: Inputs, data, node) -> list[Problem]:
    """CITATION.cff's one reference is the essay this edition reproduces, as its record says, field for field and with
    no field its record has not (fourteenth hostile round, case 77; fifteenth, F3 to F15: a DOI, a second date, a
    publisher, an abstract)."""
    references = data.get("references") if isinstance(data, dict) else None
    if not (isinstance(references, list) and references and isinstance(references[0], dict)):
        return []  # none, or named by the schema
    problems = []
    original, reference = edition.original, references[0]
    year, _, month = original.issued.partition("-")
    people = [{"family-names": person["family"], "given-names": person["given"]} if "family" in person and "given" in person
              else {"family-names": person["family"]} if "family" in person else {"name": person.get("literal")}
              for person in original.authors]
    expected = {"type": CFF_TYPES.get(original.type, reference.get("type")), "title": original.title, "authors": people,
                "journal": original.container_title, "year": int(year), "month": int(month[:2]) if month else None,
                "url": original.url}
    name = f"sources/{original.id}.yml"
    problems += [Problem(CITATION_FILE, line_at(node, ["references", 0, key], of_key=True), f"the first of `references`, "
                         f"the original essay, gives `{key}`, which {name} has no field for", f"remove `{key}`")
                 for key in reference if key not in expected]
    problems += [Problem(CITATION_FILE, line_at(node, ["references", 0, *([key] if key in reference else [])], of_key=True),
                         f"the first of `references`, the original essay, gives `{key}` as {_shown(reference.get(key))}, "
                         f"but {name} says {_shown(value)}", f"write what {name} says" if value is not None else f"remove `{key}`")
                 for key, value in expected.items() if not _same(key, reference.get(key), value)]
    return problems


def _same(key: str, given: object, expected: object) -> bool:
    """Whether CITATION.cff gives what the record says: a year or month as a number or as its digits (CFF takes
    month: "3", sixteenth hostile round, case 55), never as another kind of value that Python calls equal (2020.0, or
    true for 1: eighteenth, case 36)."""
    if key in ("year", "month"):
        return isinstance(given, int | str) and not isinstance(given, bool) and str(given) == str(expected)
    return type(given) is type(expected) and given == expected


def _shown(value: object) -> str:
    """A value of CITATION.cff as a reader writes it: a list of people as their names, anything else as written."""
    if isinstance(value, list) and all(isinstance(person, dict) for person in value) and all(
            set(person) <= {"family-names", "given-names", "name"} for person in value):  # else what differs is a field
        return "; ".join(", ".join(str(person[key]) for key in ("family-names", "given-names", "name") if key in person)
                         or repr(person) for person in value)
    return shown(value, limit=300)


def _cff_author_problems(edition: Inputs, data, node) -> list[Problem]:
    """GitHub's "Cite this repository" and Zenodo make their BibTeX and records from CITATION.cff's authors: each
    name is held to the rule of a record's (no 'and', comma or brace, which BibTeX reads as another name, a part,
    a group), and the edition's own authors are those edition.yml names, in its order."""
    if not isinstance(data, dict):
        return []  # named by the schema
    references = data.get("references") if isinstance(data.get("references"), list) else []
    lists = [(["authors"], data.get("authors")), *((["references", index, "authors"], reference.get("authors"))
                                                  for index, reference in enumerate(references) if isinstance(reference, dict))]
    problems = []
    for path, people in lists:
        for index, person in enumerate(people if isinstance(people, list) else []):
            for key, value in person.items() if isinstance(person, dict) else []:
                # An entity's `name` is one name, as a record's `literal:` is: only braces break it.
                separator = NAME_SEPARATOR.search(value) if key != "name" and isinstance(value, str) else None
                if key in CFF_NAME_PARTS and isinstance(value, str) and (found := separator or BRACES.search(value)):
                    reads = "a group" if found[0] in "{}" else "another name or a part of one"
                    problems.append(Problem(CITATION_FILE, line_at(node, [*path, index, key]),
                                            f"`{key}` {value!r} holds {found[0]!r}, which BibTeX reads as {reads}",
                                            "give each person an entry of their own, with one name part in each field"))
    people = data.get("authors") if isinstance(data.get("authors"), list) else []
    written = [(person.get("given-names"), person.get("family-names")) if isinstance(person, dict) else person for person in people]
    named = [(person.given, person.family) for person in edition.meta.authors]
    if written != named:
        problems.append(Problem(CITATION_FILE, key_lines(node).get("authors", 1), "`authors` are not the edition's authors as "
                                f"sources/essay/edition.yml names them ({'; '.join(f'{given} {family}' for given, family in named)})",
                                "list the same people in the same order, each as `- family-names: …` with `given-names: …`"))
    return problems


CFF_NAME_PARTS = ("family-names", "given-names", "name", "name-particle", "name-suffix")


def _json_ready(value):
    """YAML's values as JSON has them (dates as ISO text), which is what the CFF schema describes."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _cff_schema_problems(data, node) -> list[Problem]:
    """CITATION.cff against the Citation File Format 1.2.0 schema, as GitHub and Zenodo read it.

    The schema is the one cffconvert (the format's own tool) ships; each problem is named at the
    line of the value it concerns.
    """
    schema = json.loads(files("cffconvert").joinpath("schemas/1.2.0/schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    # An author is one of two schemas (a person, an entity): the error of the one it comes closest to, at its field,
    # not "{'family-names': …} is not valid under any of the given schemas" (thirty-second hostile round, M7). A value
    # that is itself wrong (a licence no SPDX id names) keeps the one line, not the list of every id.
    errors = [deeper if error.context and len((deeper := jsonschema.exceptions.best_match([error])).absolute_path)
              > len(error.absolute_path) else error for error in validator.iter_errors(_json_ready(data))]
    for error in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):  # name the line of the stray key
            path += [next(k for k in error.instance if k not in error.schema.get("properties", {}))]
        where = "/".join(map(str, error.absolute_path)) or "the file"
        problems.append(Problem(CITATION_FILE, line_at(node, path), f"{where}: {error.message}"[:300],
                                "follow the Citation File Format 1.2.0 (citation-file-format.github.io)"))
    return problems


def check_text(edition: Inputs) -> list[Problem]:
    """The essay pages hold exactly the source of record's words, section by section, in order."""
    problems = []
    record = (ESSAY_DIR / "original.txt").as_posix()
    for section in edition.essay.sections:
        page = edition.docs.get(section.page)
        name = f"docs/{section.page}"
        heading = section.heading or edition.essay.title
        if page is None:
            problems.append(Problem(name, 0, f"missing page for the section “{heading}”",
                                    f"create it with the heading and paragraphs of {record} line {section.line}"))
            continue
        expected = list(section.paragraphs)
        found_heading = False
        for block in page.blocks:
            text = block.text.strip()
            if MARKER.match(text) or text.startswith("<") or DEFINITION.match(text):
                continue
            if text.startswith("#"):
                title = text.lstrip("#").strip()
                level = len(text) - len(text.lstrip("#"))
                if not found_heading and normalize(title) != normalize(heading):
                    problems.append(Problem(name, block.line, f"heading “{title}” differs from the source of record’s “{heading}”",
                                            f"restore the heading as in {record} line {section.line}"))
                elif not found_heading and level != 1:
                    problems.append(Problem(name, block.line, f"the heading “{title}” is level {level} ({'#' * level}); "
                                            "a section's heading is its page's title, level 1",
                                            f"write it as `# {title}`"))
                found_heading = True
                continue
            if not expected:
                problems.append(Problem(name, block.line, "paragraph not in the source of record for this section",
                                        "remove it: the edition’s own words belong in notes, not in the essay’s text"))
                continue
            paragraph = expected.pop(0)
            if normalize(block.plain) != normalize(paragraph.text):
                problems.append(Problem(name, block.line,
                                        f"¶{paragraph.number} differs from the source of record ({record} line {paragraph.line}): "
                                        f"{_first_difference(paragraph.text, block.plain)}",
                                        "restore the original wording; corrections belong in an editorial note"))
        for paragraph in expected:
            problems.append(Problem(name, 0, f"¶{paragraph.number} is missing ({record} line {paragraph.line})",
                                    "copy the paragraph from the source of record"))
    return problems


def _first_difference(expected: str, found: str) -> str:
    a, b = words(expected), words(found)
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return (f"word {n + 1} should be “{' '.join(a[n:n + 4]) or '(end)'}”, "
            f"found “{' '.join(b[n:n + 4]) or '(end)'}”")


# An image's alt text (brackets nested one deep, as [^id] is) and an HTML tag: Python-Markdown makes no
# note of a call there, and MkDocs would report the note as never referenced, naming mkdocs.yml. A link's
# text too: the note's own link would sit inside the link, which HTML does not allow.
_WITHIN = re.compile(r"!?\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\](?=[(\[])|!\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]|<[A-Za-z][^<>]*>")
# A marker written anywhere but alone on its line, or spaced or cased otherwise, is published as the text typed.
_MARKER_LIKE = re.compile(r"\[\[\s*edition\s*:", re.IGNORECASE)


def check_citations(edition: Inputs) -> list[Problem]:
    """Every citation names a known source or editorial note; footnotes are defined once; markers are known."""
    problems = []
    bare = markdown.Markdown()  # Python-Markdown's own reading of HTML blocks, made once for every page
    for page in edition.docs:
        name = page.name
        lines = page.lines
        defined: dict[str, int] = {}
        for n, line in enumerate(lines, start=1):
            if match := DEFINITION.match(line):
                if match[1] in defined:
                    problems.append(Problem(name, n, f"footnote [^{match[1]}] is defined twice (first on line {defined[match[1]]})",
                                            "keep one definition"))
                elif match[1] in edition.registry or match[1] in edition.editorial:
                    problems.append(Problem(name, n, f"footnote [^{match[1]}] is written by hand but names a source",
                                            "remove the definition: the note is generated from the registry"))
                defined.setdefault(match[1], n)
            if (marker := MARKER.match(line.strip())) and marker_name(marker) is None:
                problems.append(Problem(name, n, f"unknown marker [[{marker[1]}:{marker[2]}]]",
                                        f"write [[edition:<name>]] with one of: {', '.join(sorted(MARKERS))}"))
        code = code_lines(lines)
        for n, line in enumerate(lines, start=1):
            if n - 1 not in code and not MARKER.match(line.strip()) and _MARKER_LIKE.search(CODE_SPAN.sub("", line)):
                problems.append(Problem(name, n, "a marker that is not alone on its line as [[edition:<name>]]: it would be "
                                        "published as the text typed", "write it on a line of its own, as [[edition:name]], "
                                        "with no spaces inside the brackets"))
        problems += _calls_in_html_blocks(page, bare)
        for n, line in enumerate(lines, start=1):
            if DEFINITION.match(line) or n - 1 in code:
                continue
            previous = None
            inside = [span.span() for span in _WITHIN.finditer(line)]
            for match in references(line):
                key = match[1]
                if any(start < match.start() < end for start, end in inside):
                    problems.append(Problem(name, n, f"[^{key}] is inside a link's text, an image's alt text or an HTML "
                                            "tag, where it would be no note", "move it after the link, the image or the element"))
                    continue
                if previous is not None and previous[1] == key and not line[previous.end():match.start()].strip():
                    problems.append(Problem(name, n, f"[^{key}] is written twice side by side",
                                            "remove one: a note cites each source once"))
                previous = match
                if key not in edition.registry and key not in edition.editorial and key not in defined:
                    problems.append(Problem(name, n, f"citation of unknown source id '{key}'{lookalikes(key)}",
                                            f"add sources/{key}.yml or use an existing id (see the Sources page)"))
    return problems


def _calls_in_html_blocks(page, md: markdown.Markdown) -> list[Problem]:
    """Note calls inside a block of raw HTML (<table>, <div>…), which Python-Markdown passes through unread: no
    note is made, and MkDocs would name the note never referenced against mkdocs.yml. The blocks are found by
    Python-Markdown's own preprocessors (of md, a Markdown with no extensions), as the page will be read."""
    if "<" not in page.text or "[^" not in page.text:  # no block of HTML, or no call to find in one
        return []
    md.reset()
    text = page.lines
    for preprocessor in md.preprocessors:
        text = preprocessor.run(text)
    problems = []
    for block in md.htmlStash.rawHtmlBlocks:
        for match in references(str(block)):
            line = next((n for n, typed in enumerate(page.lines, 1) if match[0] in typed and typed.strip() in block), 0)
            problems.append(Problem(page.name, line, f"[^{match[1]}] is inside a block of HTML, which Markdown publishes "
                                    "unread: it would be no note", "move it out of the HTML, after the element"))
    return problems


# A paragraph's attribute list marking it for the site alone: the PDF leaves it out.
# As `.web-only` or in `class="… web-only …"`, quoted or not (twenty-fifth hostile round, T1).
WEB_ONLY = re.compile(r"""\{:?[^{}]*(?:(?<![\w-])\.web-only|\bclass\s*=\s*["']?[^"'{}]*?(?<![\w-])web-only)(?![\w-])[^{}]*\}""")


def check_web_only_notes(edition: Inputs) -> list[Problem]:
    """No note is called in a paragraph marked { .web-only }: the PDF leaves the paragraph out, and with it the note,
    so every later note of the page was numbered otherwise in the PDF, and a source's first, full note was lost there
    (twenty-fourth hostile round, T3)."""
    return [Problem(page.name, block.line + offset, f"a note ([^{match[1]}]) is called in a paragraph marked "
                    "{ .web-only }, which the PDF leaves out: its notes would be numbered otherwise than the site's",
                    "move the note to a paragraph the PDF keeps, or remove the mark")
            for page in edition.docs if WEB_ONLY.search(page.text)  # a page without the mark is not split into blocks
            for block in blocks(page.text) if not block.code and WEB_ONLY.search(block.text)
            and not DEFINITION.match(block.text)
            for offset, line in enumerate(block.text.split("\n")) for match in references(line)]


def check_listings(edition: Inputs) -> list[Problem]:
    """Each listing marker is written once: on the page named after it, where there is one, else on the first page
    (by file name) that holds it; every other use is named at its line."""
    uses = defaultdict(list)  # marker name -> (page's file under docs/, its name, line) of each use outside code
    for page in edition.docs:
        code = code_lines(page.lines)
        for n, line in enumerate(page.lines, start=1):
            if n - 1 not in code and (marker := MARKER.match(line.strip())) and marker_name(marker) in LISTINGS:
                uses[marker[2]].append((page.file, page.name, n))
    problems = []
    for name, places in uses.items():
        home = next((place for place in places if place[0] == f"{name}.md"), places[0])
        problems += [Problem(where, n, f"[[edition:{name}]] is already on {home[1]} (line {home[2]}): the listing would be "
                             "made twice, each of its ids on two pages", "remove it, and link to that page instead")
                     for where, n in ((place[1], place[2]) for place in places if place != home)]
    return problems


def check_quotations(edition: Inputs) -> list[Problem]:
    """Every quoted span is in the ledger, and every quotation traced to a source is really in it."""
    problems = []
    ledger_name = (ESSAY_DIR / "quotations.yml").as_posix()
    spans = [(p.number, quote_key(m[1])) for p in edition.essay.paragraphs for m in QUOTED.finditer(p.text)]
    remaining = list(edition.quotations)
    matched = []  # the entries a quotation of the essay took, for an entry left over that repeats one
    cited = defaultdict(set)
    for citation in edition.docs.citations:
        cited[citation.paragraph].add(citation.key)
    for number, span in spans:
        entry = next((e for e in remaining if e.paragraph == number and quote_key(e.quote) == span), None)
        if entry is None:
            section = edition.essay.section_of(number)
            problems.append(Problem(f"docs/{section.page}", 0, f"quotation “{span}” in ¶{number} is not accounted for",
                                    f"add it to {ledger_name} with `source:` or `kind:` and `why:`"))
            continue
        remaining.remove(entry)
        matched.append(entry)
        if entry.source:
            source = edition.registry[entry.source]
            if not holds(source, span):
                problems.append(Problem(entry.path, entry.line,
                                        f"“{span}” is attributed to '{source.id}', whose `quotes:` lack these words",
                                        f"add them to `quotes:` in {source.path}, or correct the attribution"))
            if source.id not in cited[number]:
                problems.append(Problem(entry.path, entry.line, f"“{span}” quotes '{source.id}' but ¶{number} does not cite it",
                                        f"add [^{source.id}] after the quotation in ¶{number}"))
    for entry in remaining:
        if first := next((e for e in matched if e.paragraph == entry.paragraph and quote_key(e.quote) == quote_key(entry.quote)),
                         None):
            problems.append(Problem(entry.path, entry.line, f"“{entry.quote}” in ¶{entry.paragraph} is listed twice, on lines "
                                    f"{first.line} and {entry.line}", "remove one: each quotation of the essay is listed once"))
            continue
        problems.append(Problem(entry.path, entry.line, f"no quotation “{entry.quote}” in ¶{entry.paragraph}",
                                "correct the paragraph number or the words, or remove the entry"))
    for page in edition.docs:
        for n, line in enumerate(page.lines, start=1):
            for match in ATTACHED.finditer(line):
                key, span = match[2], quote_key(match[1])
                if key in edition.registry and not holds(edition.registry[key], span):
                    source = edition.registry[key]
                    problems.append(Problem(page.name, n,
                                            f"citation of '{key}' is attached to “{span}”, but its `quotes:` lack these words",
                                            f"add the words to `quotes:` in {source.path}, or cite the source that has them"))
    return problems


def _words(text: str) -> str:
    return " ".join(text.split())


def excerpt_problem(source, words: str, subject: str = "the claim", shown: bool = True) -> tuple[str, str] | None:
    """What is wrong with words a note, an event or a glossary entry takes from a source, as (what, how to fix),
    or None: the words must be one of its recorded `excerpts:` or whole words of one, and read where its level
    says (Conventions: verification levels). Words shown to readers (a note's) beside a translation must be the whole
    passage the translation is of; words only checked (an event's, a glossary entry's) may be part of it."""
    held = source.holding(words)
    if held is None:
        return ("is not in the record's `excerpts:` or `quotes:`",
                f"copy the words exactly (whole words) from {source.path}, or add them there as the source has them")
    if not isinstance(held, Excerpt):  # a quotation's words say nothing of where they were read
        return ("is in the record's `quotes:` only, which do not say where the words were read",
                f"record them under `excerpts:` in {source.path}, with the `where:` (and `by:`) they were read at")
    if len(words.split()) < 2 and _words(held.text) != _words(words):
        return ("is one word taken out of a longer passage", f"quote enough of the source's words to show what it says of {subject}")
    if shown and held.translation and _words(held.text) != _words(words):
        return (f"is part of a passage in '{held.language}', whose translation is of the whole",
                f"quote the whole passage, or record these words in {source.path} as an excerpt of their own with "
                "their translation")
    if source.level == "document" and (held.by or held.where != source.url):  # the level says where the words were read
        copy = f"{held.by}'s copy" if held.by else "a copy other than the record's own address"
        return (f"was read in {copy} ({held.where}), but {source.path} says `verification_level: document`",
                "grade the record `reported`, with the report that confirms it, or cite words read at its own `url:` "
                "(Conventions: verification levels)")
    return None


def check_claims(edition: Inputs) -> list[Problem]:
    """Every note in the essay has its claim in the ledger, with words its source really holds."""
    problems = []
    ledger = (ESSAY_DIR / "claims.yml").as_posix()
    markers: dict[tuple[int, str], list[tuple[str, int]]] = defaultdict(list)  # where each note is written
    for citation in edition.docs.citations:
        if citation.paragraph is not None and citation.key in edition.registry:
            markers[citation.paragraph, citation.key].append((f"docs/{citation.page}", citation.line))
    entries = defaultdict(list)
    for claim in edition.claims:
        entries[claim.paragraph, claim.source].append(claim)
    for (paragraph, key), places in markers.items():
        for n, (page, line) in enumerate(places[len(entries[paragraph, key]):], start=len(entries[paragraph, key]) + 1):
            problems.append(Problem(page, line, f"note {n} citing '{key}' in ¶{paragraph} has no entry in {ledger}",
                                    f"add `- {{paragraph: {paragraph}, source: {key}, claim: ..., support: ..., excerpt: ...}}` "
                                    "(one entry a note, in the paragraph's order)"))
    last = len(edition.essay.paragraphs)
    placed = {number for page in edition.docs for block in page.blocks
              if (number := edition.essay.paragraph_number(block.plain)) is not None}
    for claim in edition.claims:
        where = f"'{claim.source}' in ¶{claim.paragraph}"
        if not 1 <= claim.paragraph <= last:
            problems.append(Problem(claim.path, claim.line, f"there is no ¶{claim.paragraph}: the essay's paragraphs are ¶1–¶{last}",
                                    "write the number of the paragraph whose note this is"))
            continue
        if claim.paragraph not in placed:
            continue  # its paragraph differs from the source of record, or is missing: named there (check_markup)
        same = entries[claim.paragraph, claim.source]
        if len(same) > len(markers.get((claim.paragraph, claim.source), [])) and claim is same[-1]:
            problems.append(Problem(claim.path, claim.line, f"more entries than notes for {where}",
                                    "correct the paragraph or source, or remove the entry: one entry a note"))
            continue
        source = edition.registry[claim.source]
        if claim.excerpt and (wrong := excerpt_problem(source, claim.excerpt)):
            what, fix = wrong
            problems.append(Problem(claim.path, claim.line, f"the excerpt for {where} {what}", fix))
        if claim.support == "none":
            note = edition.editorial.get(claim.editorial or "")
            notes_here = {c.key for c in edition.docs.citations if c.paragraph == claim.paragraph}
            if claim.editorial and note is None:
                problems.append(Problem(claim.path, claim.line, f"`editorial: {claim.editorial}` names no editorial note",
                                        "use the id of a note in sources/essay/editorial-notes.yml"))
            elif note is None or note.id not in notes_here:
                problems.append(Problem(claim.path, claim.line, f"{where} is marked `support: none` with no editorial note in "
                                        f"¶{claim.paragraph} to say so", "name in `editorial:` an editorial note cited in "
                                        "the same paragraph that tells readers what the source does and does not show"))
    return problems


def date_forms(iso: str) -> list[str]:
    """How a source may write a day: "January 3", "Jan. 3", "3 January", "2020-01-03"."""
    day = dt.date.fromisoformat(iso)
    month, short = f"{day:%B}", f"{day:%b}"
    return [iso, f"{month} {day.day}", f"{day.day} {month}", f"{short}. {day.day}", f"{short} {day.day}", f"{day.day} {short}"]


def check_event_dates(edition: Inputs) -> list[Problem]:
    """An event's date is one that a source it cites gives: its own date, or a day its words name."""
    problems = []
    ledger = (ESSAY_DIR / "events.yml").as_posix()
    for event in edition.events:
        sources = [edition.registry[key] for key in event.sources if key in edition.registry]
        said = " ".join(_words(t) for s in sources for e in s.excerpts for t in (e.text, e.translation or ""))
        named = any(re.search(rf"(?<![\w]){re.escape(form)}(?!\d)", said) for form in date_forms(event.date))
        if any(s.issued == event.date for s in sources) or named:
            continue
        problems.append(Problem(ledger, event.line, f"event '{event.id}' is dated {event.date}, a date none of its "
                                f"sources gives ({', '.join(s.id for s in sources)})",
                                "correct the date, or cite a source whose date or recorded excerpt gives it"))
    return problems


def uncited_sources(edition: Inputs) -> list[Problem]:
    """Warn about records no page cites: likely a forgotten citation or a stale record."""
    cited = {c.key for c in edition.docs.citations}
    return [Problem(s.path, s.line, f"source '{s.id}' is not cited on any page", "cite it where it supports a claim, or remove it")
            for s in edition.registry if s.id not in cited]


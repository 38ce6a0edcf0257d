"""The registry loader accepts well-formed records and names file, line, fault and fix for the rest."""

from __future__ import annotations

import datetime as dt

import pytest

from edition.model.sources import load_sources
from edition.problems import ProblemsFound

GOOD = """\
id: dod-2020-03-12
type: webpage
title: Statement by the Department of Defense
author:
  - literal: U.S. Department of Defense
issued: 2020-03-12
verification_level: unverified
verification: The web address was not confirmed.
"""
TODAY = dt.date(2026, 11, 25)


def load(tmp_path, text: str | bytes, name: str = "dod-2020-03-12.yml"):
    (tmp_path / "sources").mkdir(exist_ok=True)
    path = tmp_path / "sources" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_sources(tmp_path, today=TODAY)


def problems_of(tmp_path, text, name="dod-2020-03-12.yml") -> list[str]:
    with pytest.raises(ProblemsFound) as caught:
        load(tmp_path, text, name)
    return [str(p) for p in caught.value.problems]


def test_a_good_record_loads_as_csl(tmp_path):
    source = load(tmp_path, GOOD)["dod-2020-03-12"]
    assert source.csl() == {"id": "dod-2020-03-12", "type": "webpage", "title": "Statement by the Department of Defense",
                            "author": [{"literal": "U.S. Department of Defense"}], "issued": {"date-parts": [[2020, 3, 12]]}}


CASES = [
    ("unknown level", GOOD.replace("verification_level: unverified", "verification_level: confirmed"),
     "sources/dod-2020-03-12.yml:7: 'verification_level' must be one of document, reported, unverified, got 'confirmed'; "
     "document: the document was read; reported: known from reports; unverified: neither"),
    ("document without its address", GOOD.replace("verification_level: unverified", "verification_level: document"),
     "sources/dod-2020-03-12.yml:7: 'verification_level: document' needs the document's `url:`; "
     "give the address the document was read at, or use `reported` with the reports that confirm it"),
    ("reported without reports", GOOD.replace("verification_level: unverified", "verification_level: reported"),
     "sources/dod-2020-03-12.yml:7: 'verification_level: reported' needs `reports:`; "
     "list the contemporaneous reports: `- {outlet: ..., date: YYYY-MM-DD, url: https://...}`"),
    ("report without a date", GOOD + "reports:\n  - {outlet: AP, url: 'https://example.org/a'}\n",
     "sources/dod-2020-03-12.yml:10: 'reports' entry 1 `date:`: missing, got {'outlet': 'AP', 'url': 'https://example.org/a'}; "
     "add `date:` (an ISO date (YYYY-MM-DD, YYYY-MM or YYYY))"),
    ("excerpts each wrong in their own way", GOOD + "excerpts:\n  - {text: One., where: 'ftp://x'}\n"
     "  - {text: Two., wher: 'https://example.org/a'}\n  - {text: Three., where: 'https://example.org/a', by: ''}\n",
     ["sources/dod-2020-03-12.yml:10: 'excerpts' entry 1 `where:`: not an http(s) URL, got 'ftp://x'; link to the "
      "document's web address (https://...)",
      "sources/dod-2020-03-12.yml:11: 'excerpts' entry 2 `wher:`: not a field there is, got 'https://example.org/a'; "
      "remove it, or use one of: text, language, translation, where, by",
      "sources/dod-2020-03-12.yml:11: 'excerpts' entry 2 `where:`: missing, got {'text': 'Two.', 'wher': "
      "'https://example.org/a'}; add `where:` (the web address the words were read at (https://...))",
      "sources/dod-2020-03-12.yml:12: 'excerpts' entry 3 `by:`: empty, got ''; write it as text (the outlet whose copy "
      "was read)"]),
    ("excerpt read elsewhere, no one named", GOOD + "excerpts:\n  - {text: Some words., where: 'https://example.org/a'}\n",
     "sources/dod-2020-03-12.yml:10: an excerpt read at https://example.org/a, not at the record's `url:`, needs `by:`; "
     "name whose copy or report gives the words, e.g. `by: Associated Press`"),
    ("excerpt in Arabic, untranslated", GOOD + "excerpts:\n  - {text: عدوان سافر, language: ar, where: 'https://example.org/a', by: X}\n",
     "sources/dod-2020-03-12.yml:10: an excerpt in 'ar' needs a `translation:` into English; add the edition's own translation"),
    ("a report from the future, at its own line", GOOD + "reports:\n  - {outlet: AP, date: 2020-03-12, url: 'https://example.org/a'}\n"
     "  - {outlet: AP, date: 2099-03-12, url: 'https://example.org/b'}\n",
     "sources/dod-2020-03-12.yml:11: a report dated 2099-03-12 is in the future; check the report's date"),
    ("a report older than its document", GOOD + "reports:\n  - {outlet: AP, date: 2019-03-12, url: 'https://example.org/a'}\n",
     "sources/dod-2020-03-12.yml:10: a report dated 2019-03-12 comes before the document it reports (2020-03-12); "
     "check the report's date, or the record's `issued:`"),
    ("url_status without a url", GOOD + "url_status: live\n",
     "sources/dod-2020-03-12.yml:9: 'url_status: live' describes an address, but the record has no `url:`; "
     "add the document's `url:`, or remove `url_status:`"),
    ("the old yes/no flag", GOOD.replace("verification_level: unverified", "verified: false"),
     "sources/dod-2020-03-12.yml:7: 'verified: true/false' is replaced by 'verification_level'; write `verification_level: "
     "document` (the document itself was read at `url`), `reported` (known from the `reports:` listed) or `unverified` "
     "(say what is missing in `verification:`)"),
    ("list instead of mapping", "- id: x\n",
     "sources/dod-2020-03-12.yml:1: a source record must be a mapping of fields, not a list; "
     "write `id: ...`, `title: ...` and the other fields at the top level"),
    ("python tag", GOOD + "extra: !!python/object/apply:os.system ['true']\n",
     "sources/dod-2020-03-12.yml:9: invalid YAML: unsupported YAML tag (could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object/apply:os.system'); use plain YAML values: tags such as !!python/object are refused"),
    ("missing title", GOOD.replace("title: Statement by the Department of Defense\n", ""),
     "sources/dod-2020-03-12.yml:1: 'title' is missing; add `title:` (non-empty text)"),
    ("future date", GOOD.replace("issued: 2020-03-12", "issued: 2027-01-01"),
     "sources/dod-2020-03-12.yml:6: 'issued' 2027-01-01 is in the future; check the date: a cited document already exists"),
    ("unknown CSL type", GOOD.replace("type: webpage", "type: web-page"),
     "sources/dod-2020-03-12.yml:2: unknown CSL type 'web-page'; "
     "use a CSL type such as webpage, article-newspaper, post, legislation, document"),
    ("wrong type of value", GOOD.replace("title: Statement by the Department of Defense", "title: [a, list]"),
     "sources/dod-2020-03-12.yml:3: 'title' must be non-empty text, got ['a', 'list']; write `title:` as text"),
    ("id not a slug", GOOD.replace("id: dod-2020-03-12", "id: DoD_2020"),
     "sources/dod-2020-03-12.yml:1: id 'DoD_2020' is not a slug; use lowercase letters, digits and single hyphens, e.g. dod-2020-03-12"),
    ("an address never seen", GOOD.replace("The web address was", "The text was") + "url: https://example.org/a\n",
     "sources/dod-2020-03-12.yml:9: 'url' https://example.org/a is not among the addresses the record shows were seen (its "
     "`evidence:` or an excerpt's `where:`); publish only an address that was read: list it in `evidence:` once the page was "
     "seen there, or give it as words in `verification:`, saying where it was found"),
    ("an address the record calls unconfirmed", GOOD + "url: https://example.org/a\nevidence: [https://example.org/a]\n",
     "sources/dod-2020-03-12.yml:9: 'url' https://example.org/a is published, but the record's `verification:` says an "
     "address was not seen: “The web address was not confirmed.”; remove `url:` (an address known only from others' notes "
     "stays words in `verification:`), or say in `verification:` where the page itself was read"),
    ("data URL", GOOD + "url: data:text/html,<script>alert(1)</script>\n",
     "sources/dod-2020-03-12.yml:9: 'url' must be an http(s) URL, got 'data:text/html,<script>alert(1)</script>'; "
     "link to the document's web address (https://...)"),
    ("YAML alias", GOOD.replace("author:\n", "author: &who\n") + "evidence: *who\n",
     "sources/dod-2020-03-12.yml:4: YAML anchors and aliases (&name, *name) are not allowed; write each value out where it is used"),
    ("billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
     "sources/dod-2020-03-12.yml:1: YAML anchors and aliases (&name, *name) are not allowed; write each value out where it is used"),
    ("duplicate key", GOOD + "title: Another title\n",
     "sources/dod-2020-03-12.yml:9: key 'title' appears twice in the same mapping (first on line 3); keep one of them"),
    ("date not in the calendar", GOOD.replace("issued: 2020-03-12", "issued: 2020-02-30"),
     "sources/dod-2020-03-12.yml:6: invalid YAML: a date that is not in the calendar; write a real date as YYYY-MM-DD"),
    ("BOM", b"\xef\xbb\xbf" + GOOD.encode(),
     "sources/dod-2020-03-12.yml:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"),
    ("not UTF-8", GOOD.encode().replace(b"Statement", b"St\xe4tement"),
     "sources/dod-2020-03-12.yml:3: not valid UTF-8 (byte 0xe4); save the file as UTF-8"),
    ("empty file", "", "sources/dod-2020-03-12.yml:1: file is empty; fill in the record or delete the file"),
    ("enormous file", GOOD + "#" * 300_000 + "\n",
     f"sources/dod-2020-03-12.yml:1: file is {len(GOOD) + 300_001:,} bytes, more than the 262,144 a data file may have; "
     "split it or remove what does not belong"),
]


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in CASES], ids=[c[0] for c in CASES])
def test_bad_record_is_refused_with_file_line_and_fix(tmp_path, text, expected):
    assert problems_of(tmp_path, text) == (expected if isinstance(expected, list) else [expected])


def test_unverified_record_needs_a_note(tmp_path):
    assert problems_of(tmp_path, GOOD.replace("verification: The web address was not confirmed.\n", "")) == [
        "sources/dod-2020-03-12.yml:7: an unverified source needs a 'verification' note; "
        "say in `verification:` what could not be confirmed"]

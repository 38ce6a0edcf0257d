"""Every note shows its evidence: the claims ledger names each note's claim and the source's own words,
and the build refuses a note without its entry, words its record does not hold, and unsupported claims
that no editorial note explains."""

from __future__ import annotations

import dataclasses
import json

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from edition.model.checks import check_claims, check_event_dates
from edition.model.ledgers import load_claims
from edition.problems import relative

GOLDEN = ROOT / "tests" / "golden" / "claims.json"
LEDGER = "sources/essay/claims.yml"


def essay_notes(site, edition) -> dict[str, list[dict]]:
    """Each essay page's notes as a reader sees them: number, the sources cited, and what each note says of its evidence."""
    found = {}
    for section in edition.essay.sections:
        path = edition.docs.get(section.page).path
        soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        notes = []
        for call in soup.select("sup[id^='fnref:'] a.footnote-ref"):
            note = soup.find(id=call["href"][1:])
            notes.append({"note": call.get_text(),
                          "sources": [c["data-source"] for c in note.select("span.citation")],
                          "evidence": [" ".join(e.get_text().split()) for e in note.select("span.note-evidence")]})
        found[section.page] = notes
    return found


def test_every_note_with_its_claim_and_words_matches_the_golden_file(site, edition):
    """Pin what each note says of its evidence (update deliberately: python tests/test_claims.py)."""
    assert essay_notes(site, edition) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_every_source_a_note_cites_in_the_essay_shows_its_evidence(site, edition):
    for page, notes in essay_notes(site, edition).items():
        for note in notes:
            assert len(note["evidence"]) == len(note["sources"]), (page, note)


def test_the_ledger_as_it_stands_passes_its_checks(edition):
    assert edition.claims and check_claims(edition) == [] and check_event_dates(edition) == []


def with_claims(edition, claims):
    return dataclasses.replace(edition, claims=tuple(claims))


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_a_note_without_its_entry_is_refused_where_the_note_is(edition):
    dropped = edition.claims[0]
    problems = messages(check_claims(with_claims(edition, edition.claims[1:])))
    citation = next(c for c in edition.docs.citations if (c.paragraph, c.key) == (dropped.paragraph, dropped.source))
    assert problems == [
        f"docs/{citation.page}:{citation.line}: note 1 citing '{dropped.source}' in ¶{dropped.paragraph} has no entry in "
        f"{LEDGER}; add `- {{paragraph: {dropped.paragraph}, source: {dropped.source}, claim: ..., support: ..., excerpt: ...}}` "
        "(one entry a note, in the paragraph's order)"]


def test_an_entry_for_a_note_that_is_not_there_is_refused(edition):
    stray = dataclasses.replace(edition.claims[0], paragraph=40, line=999)
    assert messages(check_claims(with_claims(edition, [*edition.claims, stray]))) == [
        f"{LEDGER}:999: more entries than notes for '{stray.source}' in ¶40; "
        "correct the paragraph or source, or remove the entry: one entry a note"]


def test_words_the_record_does_not_hold_are_refused(edition):
    claim = next(c for c in edition.claims if c.excerpt)
    changed = dataclasses.replace(claim, excerpt=claim.excerpt + " and more besides")
    source = edition.registry[claim.source]
    claims = [changed if c is claim else c for c in edition.claims]
    assert messages(check_claims(with_claims(edition, claims))) == [
        f"{LEDGER}:{claim.line}: the excerpt for '{claim.source}' in ¶{claim.paragraph} is not in the record's `excerpts:` "
        f"or `quotes:`; copy the words exactly (whole words) from {source.path}, or add them there as the source has them"]


def test_a_claim_its_source_does_not_support_needs_an_editorial_note_in_the_paragraph(edition):
    claim = edition.claims[0]
    unsupported = dataclasses.replace(claim, support="none", why="It says something else.", editorial="ed-zarif")
    claims = [unsupported if c is claim else c for c in edition.claims]
    zarif_here = any(c.key == "ed-zarif" and c.paragraph == claim.paragraph for c in edition.docs.citations)
    assert not zarif_here  # the editorial note named is cited elsewhere, so it cannot explain this claim
    assert messages(check_claims(with_claims(edition, claims))) == [
        f"{LEDGER}:{claim.line}: '{claim.source}' in ¶{claim.paragraph} is marked `support: none` with no editorial note "
        f"in ¶{claim.paragraph} to say so; name in `editorial:` an editorial note cited in the same paragraph that tells "
        "readers what the source does and does not show"]


def test_an_event_dated_by_none_of_its_sources_is_refused(edition):
    event = edition.events[0]
    moved = dataclasses.replace(event, date="2019-09-13")
    problems = messages(check_event_dates(dataclasses.replace(edition, events=(moved, *edition.events[1:]))))
    assert problems == [
        f"sources/essay/events.yml:{event.line}: event '{event.id}' is dated 2019-09-13, a date none of its sources gives "
        f"({', '.join(event.sources)}); correct the date, or cite a source whose date or recorded excerpt gives it"]


def test_one_word_out_of_a_passage_is_not_evidence(edition):
    claim = next(c for c in edition.claims if c.excerpt and len(c.excerpt.split()) > 3)
    word = claim.excerpt.split()[1]
    claims = [dataclasses.replace(claim, excerpt=word) if c is claim else c for c in edition.claims]
    assert messages(check_claims(with_claims(edition, claims))) == [
        f"{LEDGER}:{claim.line}: the excerpt for '{claim.source}' in ¶{claim.paragraph} is one word taken out of a "
        "longer passage; quote enough of the source's words to show what it says of the claim"]


def test_a_fragment_cut_inside_words_is_not_in_the_record(edition):
    claim = next(c for c in edition.claims if c.excerpt and len(c.excerpt) > 20)
    claims = [dataclasses.replace(claim, excerpt=claim.excerpt[1:-1]) if c is claim else c for c in edition.claims]
    problems = messages(check_claims(with_claims(edition, claims)))
    assert problems and "is not in the record's `excerpts:` or `quotes:`" in problems[0]


def test_part_of_a_translated_passage_is_refused_as_its_translation_is_of_the_whole(edition):
    held = next((c, e) for c in edition.claims for e in edition.registry[c.source].excerpts
                if e.translation and c.excerpt and " ".join(e.text.split()) == c.excerpt and len(c.excerpt.split()) > 3)
    claim, excerpt = held
    part = " ".join(claim.excerpt.split()[:3])
    claims = [dataclasses.replace(claim, excerpt=part) if c is claim else c for c in edition.claims]
    assert messages(check_claims(with_claims(edition, claims))) == [
        f"{LEDGER}:{claim.line}: the excerpt for '{claim.source}' in ¶{claim.paragraph} is part of a passage in "
        f"'{excerpt.language}', whose translation is of the whole; quote the whole passage, or record these words in "
        f"{edition.registry[claim.source].path} as an excerpt of their own with their translation"]


def test_a_paragraph_the_essay_does_not_have_is_named_as_such(edition):
    stray = dataclasses.replace(edition.claims[0], paragraph=42, line=999)
    assert messages(check_claims(with_claims(edition, [*edition.claims, stray]))) == [
        f"{LEDGER}:999: there is no ¶42: the essay's paragraphs are ¶1–¶41; write the number of the paragraph whose note this is"]


def test_a_date_that_begins_a_date_its_source_gives_is_not_that_date(edition):
    """1 March is not 11 March, though "March 1" begins "March 11"."""
    event = next(e for e in edition.events if e.date.endswith("-11") and not any(
        edition.registry[s].issued == e.date for s in e.sources))
    moved = dataclasses.replace(event, date=event.date[:-2] + "01")
    problems = messages(check_event_dates(dataclasses.replace(edition, events=(moved,))))
    assert len(problems) == 1 and f"event '{event.id}' is dated {moved.date}" in problems[0]


BAD_ENTRIES = {
    "unknown support": ("- {paragraph: 8, source: abqaiq-2019-09-14, claim: Attacks, support: strong}\n",
                        "sources/essay/claims.yml:1: 'support' must be one of full, partial, context, none, got 'strong'; "
                        "full, partial, context or none: how far the source's words support the claim"),
    "partial without why": ("- {paragraph: 8, source: abqaiq-2019-09-14, claim: Attacks, support: partial, excerpt: x}\n",
                            "sources/essay/claims.yml:1: `support: partial` for 'abqaiq-2019-09-14' in ¶8 needs `why:`; "
                            "say what the source does not support, or why it is cited all the same"),
    "full without words": ("- {paragraph: 8, source: abqaiq-2019-09-14, claim: Attacks, support: full}\n",
                           "sources/essay/claims.yml:1: `support: full` for 'abqaiq-2019-09-14' in ¶8 needs the `excerpt:` "
                           "that supports it; copy the source's own words from one of its record's `excerpts:`"),
    "unknown source": ("- {paragraph: 8, source: abqaiq-2019-09-15, claim: Attacks, support: full, excerpt: x}\n",
                       "sources/essay/claims.yml:1: claim in ¶8 names unknown source 'abqaiq-2019-09-15'; "
                       "use the id of a record in sources/, as the note's marker names it"),
    "paragraph not a number": ("- {paragraph: '8', source: abqaiq-2019-09-14, claim: A, support: full, excerpt: x}\n",
                               "sources/essay/claims.yml:1: 'paragraph' must be the number of an essay paragraph, got '8'; "
                               "write the paragraph's number N of ¶N"),
    "unknown field": ("- {paragraph: 8, source: abqaiq-2019-09-14, claim: A, support: full, excerpt: x, quote: y}\n",
                      "sources/essay/claims.yml:1: unknown field 'quote'; remove it, or use one of: paragraph, source, claim, support, "
                      "excerpt, why, editorial"),
    "markup-like words are only words": ("- {paragraph: 8, source: abqaiq-2019-09-14, claim: '<b>A</b>', support: full, excerpt: []}\n",
                                         "sources/essay/claims.yml:1: 'excerpt' must be text (the source's own words), got []; "
                                         "write `excerpt:` as words, or leave it out"),
}


@pytest.mark.parametrize("case", BAD_ENTRIES, ids=list(BAD_ENTRIES))
def test_a_bad_entry_is_refused_with_its_line_and_a_fix(tmp_path, case):
    text, expected = BAD_ENTRIES[case]
    (tmp_path / "sources" / "essay").mkdir(parents=True)
    (tmp_path / "sources" / "essay" / "claims.yml").write_text("# a ledger\n" + text, encoding="utf-8")
    problems = []
    assert load_claims(tmp_path, {"abqaiq-2019-09-14"}, problems) == ()
    assert [str(p) for p in problems] == [expected.replace("claims.yml:1:", "claims.yml:2:")]
    assert relative(tmp_path / "sources/essay/claims.yml", tmp_path) == LEDGER


if __name__ == "__main__":  # write the golden file from a fresh build of this checkout
    import tempfile
    from pathlib import Path

    from edition import load
    from edition.publish.pipeline import build

    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "site"
        build(ROOT, output)
        notes = essay_notes(output, load(ROOT))
    GOLDEN.write_text(json.dumps(notes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


def test_a_document_level_rests_on_words_read_at_the_records_own_address(edition):
    """The level says where the words were read (Conventions): a claim's excerpt read in someone else's copy (`by:`)
    cannot stand on a record graded `document`."""
    claim = next(c for c in edition.claims if c.excerpt and getattr(edition.registry[c.source].excerpt_of(c.excerpt), "by", None))
    held = edition.registry[claim.source].excerpt_of(claim.excerpt)
    source = dataclasses.replace(edition.registry[claim.source], level="document")
    changed = dataclasses.replace(edition, registry=dataclasses.replace(
        edition.registry, sources=edition.registry.sources | {source.id: source}))
    found = [str(p) for p in check_claims(changed) if "verification_level: document" in p.what]
    assert all(f"but {source.path} says" in problem for problem in found)  # each claim on that record's copied words
    assert found[:1] == [
        f"{claim.path}:{claim.line}: the excerpt for '{claim.source}' in ¶{claim.paragraph} was read in {held.by}'s copy "
        f"({held.where}), but {source.path} says `verification_level: document`; grade the record `reported`, with the "
        "report that confirms it, or cite words read at its own `url:` (Conventions: verification levels)"]
    assert not [p for p in check_claims(edition) if "verification_level: document" in p.what]

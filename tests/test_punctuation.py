"""The build's check of doubled punctuation in the edition's own words: literal HTML in, findings out."""

from __future__ import annotations

import pytest
from lxml import html

from edition.model.ledgers import ends_a_sentence
from edition.publish.punctuation import doubled_marks


def found(fragment: str, essay: bool = False) -> list[str]:
    article = html.fromstring(f"<article>{fragment}</article>")
    return [where for _, where, _ in doubled_marks(article, essay)]


@pytest.mark.parametrize("fragment", [
    "<p>It said: “We will act.”.</p>",
    "<p>“Oil revenues, the government’s main source of income,”.</p>",
    "<p>Why did it happen?.</p>",
    "<p>“Why?”, she asked.</p>",
    "<p>What a day!.</p>",
    "<p>See the note,, below.</p>",
    "<p>First;; second.</p>",
    "<p>A list:: one.</p>",
    "<p>The end..</p>",
    "<p>“A word,”, then more.</p>",
    "<p>The end。。</p>", "<p>The end．．</p>", "<p>The end.。</p>", "<p>One，，two、、three</p>",
    "<p>言葉｡｡</p>", "<p>End﹒﹒</p>", "<p>End︒︒</p>", "<p>One﹐﹐two</p>",
    "<p>言葉；；</p>", "<p>何？。</p>", "<p>言葉、。</p>", "<p>The end.\u200b.</p>", "<p>The end.\u00ad.</p>",
    "<p>The end.\u200d.</p>", "<p>One,\u200b, two</p>", "<p>One;\u200b; two</p>", "<p>End。\u2060。</p>",
    "<p>End\u2024\u2024</p>", "<p>\u054e\u0589\u0589</p>", "<p>\u0628\u06d4\u06d4</p>",
    "<p>The end.\u061c. Next</p>", "<p>word\u1362\u1362 next</p>",
], ids=["full stop after a quoted one", "full stop after a comma", "full stop after a question mark",
        "comma after a question mark", "full stop after an exclamation", "two commas", "two semicolons",
        "two colons", "two full stops", "two commas about a quotation",
        "two ideographic full stops", "two fullwidth full stops", "a Latin and an ideographic full stop",
        "fullwidth and ideographic commas", "halfwidth ideographic full stops", "small full stops",
        "vertical ideographic full stops", "small commas", "fullwidth semicolons", "a fullwidth question mark and a stop",
        "an ideographic comma and a stop", "two stops around a zero-width space", "two stops around a soft hyphen",
        "two stops around a joiner", "two commas around a zero-width space", "two semicolons around a zero-width space",
        "two ideographic stops around a word joiner", "two one-dot leaders", "two Armenian full stops",
        "two Arabic full stops", "two stops around an Arabic letter mark", "two Ethiopic full stops"])
def test_a_doubled_mark_in_the_editions_words_is_found(fragment):
    assert found(fragment), fragment


@pytest.mark.parametrize("fragment", [
    "<p>The U.S. embassy, and the U.S.</p>",
    "<p>He paused... and went on.</p>",
    "<p>He paused … and went on.</p>",
    "<p>At 10:51 a.m., Iraq time.</p>",
    "<p>The prefixes (<code>DC.</code>, <code>og:</code>, <code>z.</code>) are read.</p>",
    '<p>Read at <a class="bare-url url" href="https://x.org/?a=1.">https://x.org/?a=1.</a>.</p>',
    "<p>He left (did he?).</p>",
    "<p>“Why?” she asked.</p>",
    "<p>一文。二文．三文、四文，終わり。</p>", "<p>待って．．．そして</p>", "<p>Wait\u2024\u2024\u2024 then</p>",
], ids=["abbreviations", "ellipsis", "spaced ellipsis", "a time", "code spans", "an address", "a parenthetical question",
        "a question before its speaker",
        "one ideographic or fullwidth mark each", "a fullwidth ellipsis", "an ellipsis of one-dot leaders"])
def test_what_is_right_is_not_found(fragment):
    assert found(fragment) == [], fragment


def test_the_sources_own_words_are_theirs_but_a_mark_at_their_edge_is_the_editions():
    assert found('<p>It says: “<span class="source-words">We act.. now</span>”</p>') == []
    assert found('<p>It says: “<span class="source-words">We act.</span>”.</p>')


def test_the_essays_own_text_is_left_alone_and_its_apparatus_is_checked():
    assert found('<p class="essay-paragraph">The authors wrote this,, verbatim.</p>', essay=True) == []


def test_a_finding_names_the_note_or_record_to_mend():
    where, = found('<ol><li id="fn:nyt-2020-03-29.p3"><p>It says: “income,”.</p></li></ol>')
    assert where.endswith("(in #fn:nyt-2020-03-29.p3)")
    where, = found('<div class="source-entry"><h3 id="src-made-up">A page</h3><p>It said: “Go.”.</p></div>')
    assert where.endswith("(in #src-made-up)")


@pytest.mark.parametrize("words,ends", [
    ("He called it ‘maximum pressure.’", True), ("We will act.", True), ("Why?", True), ("the government’s income", False),
    ("(as it said.)", True), ("income,", False)])
def test_notes_and_records_read_an_excerpts_own_full_stop_alike(words, ends):
    """Both put no full stop after words that end with one inside their closing marks (notes.evidence and
    the Sources page's claims ask the same function)."""
    assert ends_a_sentence(words) is ends


def test_a_doubled_mark_is_looked_for_in_the_page_with_the_word_it_ends():
    """Forty-second hostile round, T7: "言葉､､" after a paragraph was named at the built page, and blamed on sources/ or
    the code: every form looked for held the words before it, which the page types on another line."""
    article = html.fromstring("<article><p>The paragraph before.</p>\n<p>言葉､､</p></article>")
    (_, _, typed), = doubled_marks(article, False)
    assert "言葉､､" in typed

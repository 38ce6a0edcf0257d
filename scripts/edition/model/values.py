"""The kinds of value the inputs share, each defined once: ids, language tags and dates.

Every loader (source records, ledgers, edition.yml) takes them from here, so that an id or a date
one file accepts, another cannot refuse.
"""

from __future__ import annotations

import datetime as dt
import re

# (\Z, not $: a pattern ending in $ also takes a value ending in a line break; [0-9], not \d, which
# also takes other scripts' digits.)
# A lowercase slug: source ids, event ids, glossary ids, editorial note names.
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# A BCP 47 tag as the inputs use them: a language, then subtags (a region, a script, a variant, or a
# one-letter extension such as x- for a private use).
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
# An ISO 8601 calendar date, or a month or a year where that is all a source gives.
PARTIAL_DATE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")
FULL_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


# Punctuation doubled, in the edition's own words (checked on the pages) and in the records' text that
# they print: a full stop after closing quotation marks that follow the words' own . ! ? or …; a full stop after
# a full stop (not an ellipsis, nor a path's ../ or a range's 1..9 or a..z: thirty-fifth hostile round, T6, though
# before a capital, "2020..Then", a space is missing: thirty-sixth, T3); two commas;
# a comma, semicolon or colon followed (through closing marks) by another of those or a full stop ("income,”.");
# a full stop or comma after ? or ! and their closing quotation marks ("Why?”," — a parenthesis may close first:
# "(did he?)."); and the ideographic and fullwidth full stops and commas so doubled, or beside a Latin one (thirty-seventh
# round, T7 and T8: "。。" in a description), their halfwidth, small and vertical forms too (forty-first round, T8),
# a run of three stops left as an ellipsis; their semicolons and colons, and their question and exclamation marks, before
# a stop or a comma as the Latin ones are (forty-second round, T8: "；；", "？。", "、。"); the one-dot leader, the
# Armenian and the Arabic full stops as stops (forty-third round, T5: "․․", "։։", "۔۔"). Between any two marks, an
# invisible character a page may hold (a soft hyphen, a zero-width space, a joiner, a word joiner), which a reader
# never sees: "word." U+200B ".", "a," U+200D "," (forty-second round, T8; forty-third, T5).
_INVISIBLE = "[\u00ad\u200b-\u200f\u061c\u2060\ufeff]*"  # and the direction marks (forty-fourth round, T4)
_STOPS, _COMMAS, _ASKING = "。．｡﹒︒․։۔።", "，、､﹐﹑︐︑；：﹔﹕︔︓", "？！﹖﹗︖︕"  # and Ethiopic's (forty-fourth, T5)
DOUBLED = re.compile(
    rf"[.!?…][”’\"»]+{_INVISIBLE}\.(?!\.)|(?<![./])\.{_INVISIBLE}\.(?![./a-z0-9])|,[ \u00a0\u00ad\u200b-\u200d\u2060\ufeff]*,"
    rf"|[,;:][”’\"»)\u00ad\u200b-\u200d\u2060\ufeff]*[.,;:]|[?!][”’\"»\u00ad\u200b-\u200d\u2060\ufeff]*[.,]"
    rf"|(?<![.{_STOPS}])(?:[{_STOPS}]{_INVISIBLE}[.{_STOPS}]|\.{_INVISIBLE}[{_STOPS}])(?![.{_STOPS}])"
    rf"|[,{_COMMAS}]{_INVISIBLE}[{_COMMAS}{_STOPS}]|[{_COMMAS}]{_INVISIBLE},|[{_ASKING}]{_INVISIBLE}[{_STOPS}{_COMMAS}]")


def real_date(text: str) -> bool:
    """Whether a date written as YYYY, YYYY-MM or YYYY-MM-DD is one the calendar has (2020-02-30 is not)."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(*parts[:3])
    except (ValueError, OverflowError):
        return False
    return True


def iso_date(value, full: bool = False) -> str | None:
    """A date field's value (text, or a date YAML read from an unquoted 2020-03-12) as an ISO date, or None
    when it is not one; full: the day is required."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    shape = FULL_DATE if full else PARTIAL_DATE
    return text if isinstance(text, str) and shape.match(text) and real_date(text) else None

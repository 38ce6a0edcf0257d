"""Reading the edition's input files: UTF-8 text within a size limit, and YAML parsed safely with line numbers."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..problems import Problem, shown
from .values import real_date

MAX_FILE_BYTES = 256 * 1024  # a source record is a few hundred bytes; anything this big is a mistake
MAX_LEDGER_BYTES = 8 * 1024 * 1024  # a ledger grows with the text: a hundred essays' take a few hundred KB
MAX_NODES = 1_000_000  # values in one YAML file: far above any ledger, far below what exhausts memory


def read_text(path: Path, name: str, problems: list[Problem], limit: int = MAX_FILE_BYTES, empty_ok: bool = False
              ) -> str | None:
    """Read a data file as UTF-8 text, reporting what makes it unreadable."""
    if path.is_symlink() or not path.is_file():
        what = ("is a link" if path.is_symlink() else "is a folder" if path.is_dir()
                else "is not a regular file (a FIFO, socket or device)" if path.exists() else "is missing")
        problems.append(Problem(name, 0, what, "make it a regular file of the project (see the README for what it holds)"))
        return None
    with path.open("rb") as file:
        raw = file.read(limit + 1)  # no more than that: an enormous file is refused, not loaded
    if len(raw) > limit:
        problems.append(Problem(name, 1, f"file is {path.stat().st_size:,} bytes, more than the {limit:,} a data file may have",
                                "split it or remove what does not belong"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, "file starts with a UTF-8 byte-order mark", "save it as UTF-8 without BOM"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(name, line, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", "save the file as UTF-8"))
        return None
    if not text.strip() and not empty_ok:
        problems.append(Problem(name, 1, "file is empty", "fill in the record or delete the file"))
        return None
    if match := _UNREADABLE.search(text):
        character = match[0]
        what = ("a carriage return without a line feed (old Mac line endings)" if character == "\r"
                else f"the control character U+{ord(character):04X}")
        problems.append(Problem(name, text.count("\n", 0, match.start()) + 1, f"holds {what}",
                                "save it as plain UTF-8 text with Unix or Windows line endings"))
        return None
    return text


# What no text file of the edition holds: C0 controls other than tab, line feed and (before a line
# feed) carriage return, DEL and the C1 controls. A NUL would reach the pages raw; a lone CR makes
# Python-Markdown and the checks see different lines.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
# In a page or a YAML value: the bidirectional embeddings, overrides and isolates, which reorder the
# text around them on the page (U+200E/U+200F marks stay allowed).
_REORDERING = "\u202a-\u202e\u2066-\u2069"
REORDERING = re.compile(f"[{_REORDERING}]")
# In a YAML value also the line and paragraph separators, which a value on one line cannot hold (a page
# may: the site shows them as spaces, the PDF sets them as spaces), and every format character that breaks,
# joins or hides words unseen: a zero-width space, a word joiner, a byte-order mark, a soft hyphen, the
# invisible operators, the deprecated shaping controls, the interlinear annotation marks, the musical and
# shorthand formatting controls, the tag characters (which spell hidden text after any character). Each
# makes words that look alike differ (an outlet's name, an excerpt no longer matching its source). The format
# characters a script needs stay (FORMAT_CHARACTERS_KEPT). So do these letters, which draw nothing: the
# combining grapheme joiner, the Hangul fillers, the Khmer inherent vowels, the Braille blank, and the
# supplementary variation selectors (U+E0100–E01EF: 240 of them, a way to hide bytes after any letter; the
# sixteen standard selectors, which emoji and CJK text need, stay after a character with variants: _STRAY_SELECTORS).
FORMAT_CHARACTERS_KEPT = frozenset(
    "\u200c\u200d"  # the zero-width non-joiner and joiner: Persian and Arabic text needs them
    "\u200e\u200f\u061c"  # the left-to-right, right-to-left and Arabic letter marks: they order, never reorder
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")  # signs drawn over numbers
# One of those where no script needs it: among ASCII characters (or at an end), where it joins, orders or signs nothing.
STRAY_FORMAT = re.compile(f"(?<![^\\x00-\\x7f])[{''.join(sorted(FORMAT_CHARACTERS_KEPT))}](?![^\\x00-\\x7f])")
# What hides words wherever it is, in a page as in a value: format characters and letters and selectors that draw
# nothing. A value refuses besides what typesetting uses in a page (a soft hyphen, a zero-width space, a word
# joiner, a byte-order mark, the line and paragraph separators) and, like a page, the reordering ones.
# Unicode's default-ignorable code points not yet assigned are held as those assigned: U+2065, U+FFF0–FFF8 and the
# whole of U+E0000–E0FFF (tags, supplementary selectors and what Unicode may add there), which browsers draw as nothing.
_HIDDEN = ("\u180e\u2061-\u2065\u206a-\u206f\ufff0-\ufffb"
           "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"  # format characters
           "\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")  # letters that draw nothing
# Mongolian's free variation selectors choose a letter's form: after a Mongolian letter they are the script's own;
# after any other character they draw nothing.
# (The selector first, its look behind after: a pattern whose every branch starts with a set of characters is one
# the regex engine skips through by those characters, a few times faster over the corpus's values.)
# The sixteen standard selectors choose the form of a character that has variants: an emoji or a symbol that may be
# drawn as one (© ‼ ™ arrows, shapes, dingbats), a CJK character or punctuation mark, a fullwidth form, a Myanmar or
# Phags-pa letter, a mathematical operator, and a digit, # or * in a keycap (1 U+FE0F U+20E3). After any other
# character they draw nothing (forty-first round, T5; forty-second, T4 and T9; forty-third, T4: after ’, é, «, ɐ, §, €,
# a no-break space, ², Ⅰ, a keycap's mark or another selector, each found in turn as a list of those without variants
# grew; the list is now of those with them).
_VARIANTS = ("\u00a9\u00ae\u1000-\u109f\u203c\u2049\u2122\u2139\u2190-\u21ff\u2200-\u23ff\u2460-\u24ff"
             "\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff\u3000-\u303f\u3297\u3299\u3400-\u9fff\ua840-\ua87f"
             "\uf900-\ufaff\uff00-\uffef\U00010ac0-\U00010aff\U0001f000-\U0001faff\U00020000-\U0003134f")
_STRAY_SELECTORS = ("[\u180b-\u180d\u180f](?<![\u1800-\u18af][\u180b-\u180d\u180f])"
                    f"|[\ufe00-\ufe0f](?<![{_VARIANTS}][\ufe00-\ufe0f])(?:(?<![0-9#*]\ufe0f)|(?!\u20e3))")
_TYPESETTING = "\u00ad\u200b\u2060\ufeff\u2028\u2029"
INVISIBLE_IN_PAGES = re.compile(f"[{_HIDDEN}]|{_STRAY_SELECTORS}")
# Every character above that draws nothing, those a script needs and the variation selectors included: an address
# holding one differs from the address a reader sees (twentieth and twenty-second hostile rounds, 13 and T2).
UNSEEN_IN_ADDRESSES = f"{_TYPESETTING}{_REORDERING}{_HIDDEN}{''.join(sorted(FORMAT_CHARACTERS_KEPT))}\u180b-\u180f\ufe00-\ufe0f"
REORDERED_OR_HIDDEN = re.compile(f"[{_REORDERING}{_HIDDEN}]|{_STRAY_SELECTORS}")  # what a template or a setting writes into every page
INVISIBLE_IN_VALUES = re.compile(f"[{_TYPESETTING}{_REORDERING}{_HIDDEN}]|{_STRAY_SELECTORS}")
# What a double-quoted value's escapes ("\0", "\x07", "\ud800") can make, though the file holds none:
# control characters (tab and line feed are text) and half of a surrogate pair, which no page or
# PDF can encode.
_CONTROL_IN_VALUES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Unicode's noncharacters (U+FDD0–U+FDEF and the last two of every plane): never text; XML, and so the
# pages' metadata, may not hold U+FFFE or U+FFFF.
NONCHARACTER = re.compile("[\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                                       for plane in range(17)) + "]")
# Private use: a character whose look each reader's fonts decide (on some systems U+F8FF is a logo), or none.
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# The replacement character, which stands for one lost on the way (a byte no encoding reads, a reference to no
# character such as &#xD800;): never what an author means (thirty-second hostile round, M3; thirty-fifth, T3).
REPLACEMENT = re.compile("\ufffd")
REPLACEMENT_WHAT = "U+FFFD, the replacement character, which stands for a character lost on the way"
REPLACEMENT_FIX = "write the character meant"
SURROGATE = re.compile("[\ud800-\udfff]")  # half of a pair, which only an escape (JSON's \ud800) makes
# The control characters a reference may make, which a page and the PDF would carry (&#x01;: thirty-third hostile
# round, T7); typed, read_text refuses them.
CONTROL_REFERENCED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A numeric character reference, as a browser reads one: any number of digits (&#x0000000004; is U+0004: thirty-fourth
# hostile round, minor), its semicolon may be left out.
NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")
# What to do about a character that reorders the words around it.
REORDERING_FIX = "remove it: right-to-left words are set by their language, as `dir=\"rtl\"` does"
# The five at once: one search of each of a corpus's hundreds of thousands of values, and the five
# told apart only for a value that holds one of them.
_REFUSED_IN_VALUES = re.compile("|".join(p.pattern for p in (INVISIBLE_IN_VALUES, _CONTROL_IN_VALUES, NONCHARACTER,
                                                              PRIVATE_USE, REPLACEMENT)))
MAX_DEPTH = 32  # nesting of lists and mappings: ledgers need four levels


# The tag of a plain value, by its first character: PyYAML's own table (the safe loader's), read once. PyYAML's
# resolver builds each value's list of candidates anew and looks for path resolvers, which the safe loader has
# none of: for a hundred essays' 700,000 values that was a second.
_IMPLICIT = {first: tuple(candidates) for first, candidates in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}


def _resolve(self, kind, value, implicit) -> str:
    """The tag of a node that names none: PyYAML's Resolver.resolve, for the safe loader's table alone."""
    if kind is yaml.ScalarNode:
        if implicit[0]:  # plain, not quoted
            for tag, pattern in _IMPLICIT.get(value[:1], ()):  # '' for an empty value, whose table is null's
                if pattern.match(value):
                    return tag
        return _STR
    return _SEQ if kind is yaml.SequenceNode else _MAP


# libyaml's parser, where PyYAML was built with it, is many times faster than the pure-Python one.
FAST_LOADER = type("_FastLoader", (yaml.CSafeLoader,), {"resolve": _resolve}) if hasattr(yaml, "CSafeLoader") else None


LINE_SEPARATORS = re.compile("[\u2028\u2029]")


def parse_yaml(text: str, name: str, problems: list[Problem]) -> tuple[object, yaml.Node] | None:
    """Parse YAML safely (no Python tags), returning the data and its node tree for line numbers.

    Well-formed files go through libyaml; a file it refuses is parsed again by the pure-Python
    parser, whose messages say more precisely what is wrong. Anchors and aliases (`&a`, `*a`) are
    refused before anything is built from them, as are duplicate keys and impossible dates.
    """
    # PyYAML reads U+2028 and U+2029 as line breaks (YAML 1.1), editors and reviews as characters of one line:
    # `# checked<U+2028>publisher: X` was a comment to a reviewer and a field to the build, published with exit 0,
    # and every line named after one was one past the editor's (thirty-ninth hostile round, T3; tenth, case 67).
    if separator := LINE_SEPARATORS.search(text):
        problems.append(Problem(name, text.count("\n", 0, separator.start()) + 1, f"holds U+{ord(separator[0]):04X}, an "
                                "invisible line separator, which YAML reads as a line break where an editor shows none",
                                "remove it (write plain text)"))
        return None
    known = len(problems)
    node = _compose(text, name, problems)
    if len(problems) > known:
        return None
    if node is None:  # an empty document
        return None, None
    unusual: list[yaml.Node] = []
    scan = _scan(text)
    try:
        data = _construct(node, name, 1, set(), yaml.constructor.SafeConstructor(), unusual, scan)
    except _Refused as refused:
        problems.extend([*scan.refused, refused.problem])
        return None
    if scan.refused:
        problems.extend(scan.refused)
        return None
    if not unusual:
        return data, node
    # A tag or a merge key (the tree is checked, so building it is safe): PyYAML's own
    # constructor says what is wrong, or builds what plain YAML allows.
    try:
        loader = yaml.SafeLoader("")
        try:
            return loader.construct_document(node), node
        finally:
            loader.dispose()
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        problems.append(Problem(name, mark.line + 1 if mark else 1, f"invalid YAML: unsupported YAML tag ({error.problem})",
                                "use plain YAML values: tags such as !!python/object are refused"))
    except (ValueError, OverflowError):  # a date YAML reads as one, but no calendar has (2020-02-30)
        line = next((n.start_mark.line + 1 for n in _nodes(node) if isinstance(n, yaml.ScalarNode)
                     and n.tag == "tag:yaml.org,2002:timestamp" and not real_date(n.value[:10])), 1)
        problems.append(Problem(name, line, "invalid YAML: a date that is not in the calendar",
                                "write a real date as YYYY-MM-DD"))
    return None


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


@dataclass
class _Scan:
    """What each value of a file must still be looked through for (told once from the file's text), and what the walk
    of its values found refused (not frozen: _construct adds to refused)."""
    values: bool  # characters refused in values, and code points Unicode has not assigned
    marks: bool  # a combining mark at the start
    # What values hold that they may not, each value's: every one of a file is named at once, not the first alone
    # (thirty-first hostile round, M4).
    refused: list[Problem] = field(default_factory=list)


def _scan(text: str) -> _Scan:
    """What the values of a file's text may hold, told from the characters of the whole.

    A value's characters are the file's own, or an escape's (a backslash in a double-quoted value). A file with no
    escape and no refused character anywhere (a comment's included) holds no value to look through one by one, and
    one without a combining mark none that starts with one. Most files are such: looking through every value of a
    hundred essays took half a second; the few characters past ASCII a file holds are looked up once each.
    """
    past_ascii = " ".join(set(_NOT_ASCII.findall(text)))  # apart: a Mongolian selector's look behind sees a space
    values = "\\" in text or bool(_CONTROL_IN_VALUES.search(text) or _REFUSED_IN_VALUES.search(past_ascii)
                                   or unassigned(past_ascii))
    return _Scan(values=values, marks=values or any(unicodedata.category(c)[0] == "M" for c in past_ascii))


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"
_NUMBERS = (_INT, "tag:yaml.org,2002:float")
# The numbers YAML 1.1 reads otherwise than their digits say: octal (010), hex (0x0a), binary (0b1), base sixty (1:30).
_NOT_DECIMAL = re.compile(r"[-+]?0[0-9a-zA-Z]|[^:]*:")
_SCALARS = {tag: make for tag, make in yaml.constructor.SafeConstructor.yaml_constructors.items()
            if tag and tag.rsplit(":", 1)[-1] in ("null", "bool", "int", "float", "timestamp")}
_KINDS = {"tag:yaml.org,2002:null": "null (no value)", "tag:yaml.org,2002:bool": "true or false", _INT: "a whole number",
          "tag:yaml.org,2002:float": "a number with a point or an exponent", "tag:yaml.org,2002:timestamp": "a date or a time"}


# A code point Unicode has not assigned: no font draws it, and the PDF stops on it. Refused in values, pages and templates.
UNASSIGNED = (f"which Unicode (version {unicodedata.unidata_version}, as the build reads it) assigns to no character, so no "
              "font draws it")
UNASSIGNED_FIX = "write the character meant, or remove it"


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def defused(text: str) -> str:
    """text with each numeric reference of more than eight digits written short: past Unicode's range as the U+FFFD
    browsers make of it, else without its leading zeros. html.unescape turns a reference's digits into an int, which
    Python refuses past 4,300 decimal digits, leading zeros included, with a ValueError's traceback (thirty-fourth
    hostile round; thirty-fifth, T1 and T2)."""
    return NUMERIC_REFERENCE.sub(_short, text) if "&#" in text else text


def _short(reference: re.Match) -> str:
    digits = reference[1] or reference[2]
    if len(digits) <= 8:
        return reference[0]
    significant = digits.lstrip("0") or "0"
    return "\ufffd" if len(significant) > 8 else f"&#x{significant};" if reference[1] else f"&#{significant};"


# What no page of the edition holds, however it got there (a template, a stylesheet's content): a character that
# reorders or hides text, a control character, a noncharacter, a private-use one or U+FFFD; and, told apart below,
# one Unicode has not assigned.
NEVER_IN_PAGES = re.compile("|".join(pattern.pattern for pattern in (REORDERED_OR_HIDDEN, CONTROL_REFERENCED, NONCHARACTER,
                                                                    PRIVATE_USE, REPLACEMENT, SURROGATE)))


def never_in_pages(text: str) -> str | None:
    """The first character of text that NEVER_IN_PAGES finds, or that Unicode has not assigned, or None."""
    return found[0] if (found := NEVER_IN_PAGES.search(text)) else unassigned(text)


def refused_in_values(text: str) -> str | None:
    """The first character of text that no value may hold, as _refuse_characters refuses them typed, or None: what
    no page holds, and the invisible characters a page may typeset with (a soft hyphen, a word joiner)."""
    return found[0] if (found := INVISIBLE_IN_VALUES.search(text)) else never_in_pages(text)


def character_kind(character: str) -> str:
    """A character never_in_pages or refused_in_values finds, as a message names it."""
    code = f"U+{ord(character):04X}"
    return (f"{code}, an invisible character that reorders the text around it" if REORDERING.match(character)
            else f"{code}, an invisible character that hides or breaks the text around it" if REORDERED_OR_HIDDEN.match(character)
            else f"{code}, an invisible character that breaks or joins the words around it" if INVISIBLE_IN_VALUES.match(character)
            else f"{code}, a control character" if CONTROL_REFERENCED.match(character)
            else f"{code}, a noncharacter, which is never text" if NONCHARACTER.match(character)
            else f"{code}, a private-use character, which each reader's fonts draw differently or not at all"
            if PRIVATE_USE.match(character) else REPLACEMENT_WHAT if REPLACEMENT.match(character)
            else f"{code}, half of a surrogate pair, which is no character (a JSON escape such as \\ud800 makes one)"
            if SURROGATE.match(character) else f"{code}, {UNASSIGNED}")


def unescape(text: str) -> str:
    """text with its character references decoded, as html.unescape decodes them, without its traceback (defused)."""
    return html.unescape(defused(text))


def _code_points(text: str) -> list[int | None]:
    """The code point each numeric reference of text names, None for one past Unicode's last (U+10FFFF): past eight
    significant digits a number is never turned into an int, which Python refuses past 4,300 decimal digits."""
    return [number if len(digits := (hexadecimal or decimal).lstrip("0")) <= 8
            and (number := int(digits or "0", 16 if hexadecimal else 10)) <= 0x10FFFF else None
            for hexadecimal, decimal in NUMERIC_REFERENCE.findall(text)]


def referenced(text: str) -> str:
    """The characters text's numeric references make, as browsers and the PDF's reader make them: Python's
    html.unescape drops a noncharacter's (&#xFDD0;) and a control character's (&#x01;), which they keep."""
    return "".join(chr(number) for number in _code_points(text) if number is not None)


MAX_REFERENCE_DIGITS = 32  # far more than any character needs, far fewer than the 4,300 Python stops at
REFERENCE_FIX = "write the character itself, or a reference up to &#x10FFFF; with its digits alone"


def reference_problem(text: str) -> str | None:
    """What makes a numeric reference of text one no page may hold, or None: past U+10FFFF, which names no character
    and browsers show as U+FFFD (thirty-fourth hostile round), or written with so many digits, leading zeros included,
    that Python-Markdown's reader stops on it with a traceback (thirty-fifth round, T1)."""
    if "&#" not in text:
        return None
    if None in _code_points(text):
        return ("a character reference past U+10FFFF, Unicode's last code point, which names no character: browsers show "
                "U+FFFD there")
    longest = max((len(hexadecimal or decimal) for hexadecimal, decimal in NUMERIC_REFERENCE.findall(text)), default=0)
    if longest > MAX_REFERENCE_DIGITS:
        return (f"a character reference written with {longest:,} digits, more than any character needs (Python reads no "
                "number past 4,300)")
    # &#x85; is a control character to Unicode and '…' to browsers, which read U+0080 to U+009F as Windows-1252 does: a
    # message naming the control named a character no reader sees (fortieth hostile round, minor).
    return next((f"a character reference to U+{number:04X}, a control character, which browsers show as {shown!r} "
                 f"(Windows-1252's character for that code; Unicode's reference to it is &#x{ord(shown):X};)"
                 for number in _code_points(text)
                 if number is not None and 0x80 <= number <= 0x9F and (shown := html.unescape(f"&#{number};")) != chr(number)),
                None)


def unassigned(text: str) -> str | None:
    """The first code point of text that Unicode, as the build's Python reads it, assigns to no character, or None."""
    # Only the characters past ASCII are looked up, found by the regex engine: a curly quote in a long excerpt
    # made every character of it a lookup, and a hundred essays' values took two seconds.
    return None if text.isascii() else next((m[0] for m in _NOT_ASCII.finditer(text) if unicodedata.category(m[0]) == "Cn"),
                                            None)


def _refuse_characters(value: str, name: str, line: int) -> None:
    """Raise the refusal of a value that holds a character no value may (_REFUSED_IN_VALUES found one)."""
    if match := INVISIBLE_IN_VALUES.search(value):
        raise _Refused(Problem(name, line, f"a value holds U+{ord(match[0]):04X}, an invisible character "
                               "that breaks or reorders the text around it", "remove it (write plain text)"))
    if match := _CONTROL_IN_VALUES.search(value):
        raise _Refused(Problem(name, line, f"a value holds U+{ord(match[0]):04X}, a control character "
                               "or half of a surrogate pair (written as an escape such as \\0 or \\ud800)",
                               "remove the escape (write plain text)"))
    if match := NONCHARACTER.search(value):
        raise _Refused(Problem(name, line, f"a value holds U+{ord(match[0]):04X}, a noncharacter, which is never text",
                               "remove it (write plain text)"))
    if match := PRIVATE_USE.search(value):
        raise _Refused(Problem(name, line, f"a value holds U+{ord(match[0]):04X}, a private-use character, which each "
                               "reader's fonts draw differently or not at all", "write the character Unicode has for it"))
    if REPLACEMENT.search(value):
        raise _Refused(Problem(name, line, f"a value holds {REPLACEMENT_WHAT}", REPLACEMENT_FIX))


def _read_as(node: yaml.ScalarNode, constructor) -> str:
    """The number YAML 1.1 reads a value in octal, hex, binary or base sixty as, for a message; a number past the 4,300
    digits Python reads or writes (`0x` and 4,000 f's: twenty-seventh hostile round, T5) is told by its length."""
    try:
        number = shown(_SCALARS[node.tag](constructor, node))
    except (ValueError, OverflowError):  # a float in base sixty of 180 parts is past any float (twenty-eighth round, T5)
        return "a number of more than 4,300 digits" if node.tag == _INT else "a number too large for a float"
    return f"the number {number}" if not number.endswith("...") else "a number of more than 60 digits"


def _construct(node: yaml.Node, name: str, depth: int, seen: set[int], constructor, unusual: list, scan: _Scan) -> object:
    """The data of a node tree, checked in the same walk: nesting too deep, aliases (one node reached
    twice: the way to a 'billion laughs'), size, duplicate keys, and characters that would reorder or
    break the text of a value. What plain YAML values never hold is noted in unusual (and built by PyYAML).

    One walk instead of PyYAML's generic constructor and a second walk for the checks: reading the
    registry of a hundred essays (6,000 records) took most of validation's time in those two.
    """
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise _Refused(Problem(name, line, f"lists and mappings nested more than {MAX_DEPTH} deep",
                               "flatten the structure: no record of the edition needs more than a few levels"))
    if id(node) in seen:
        raise _Refused(Problem(name, line, "YAML anchors and aliases (&name, *name) are not allowed",
                               "write each value out where it is used"))
    if len(seen) > MAX_NODES:
        raise _Refused(Problem(name, 1, f"more than {MAX_NODES:,} values", "split the file or remove what does not belong"))
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if scan.values:
            try:
                if (_CONTROL_IN_VALUES if node.value.isascii() else _REFUSED_IN_VALUES).search(node.value):  # the rest is not ASCII
                    _refuse_characters(node.value, name, line)
                if found := unassigned(node.value):  # the PDF stopped on it, named at a page (eleventh hostile round, case 166)
                    raise _Refused(Problem(name, line, f"a value holds U+{ord(found):04X}, {UNASSIGNED}", UNASSIGNED_FIX))
            except _Refused as refused:
                scan.refused.append(refused.problem)
        if scan.marks and node.value and unicodedata.category(node.value[0])[0] == "M":
            # A combining mark with nothing of its own to mark joins whatever a page sets before the value: a
            # quotation mark, a space, the last letter of a label.
            raise _Refused(Problem(name, line, f"a value starts with U+{ord(node.value[0]):04X}, a combining mark "
                                   f"({unicodedata.name(node.value[0], 'unnamed')}), which joins the character before it",
                                   "start the value with the letter the mark belongs to, or remove the mark"))
        if node.tag == _STR:
            return node.value
        if "_" in node.value and node.tag in _NUMBERS:  # YAML 1.1 reads 0_2 as 2: no editor means that (twelfth round, 93)
            raise _Refused(Problem(name, line, f"{shown(node.value)} is read as a number by YAML 1.1, which drops its '_'",
                                   "write the number's digits alone, or quote the value if it is text"))
        if node.tag in _NUMBERS and _NOT_DECIMAL.match(node.value):
            # YAML 1.1 reads 010 as octal 8, 0x0a as hex, 1:30 as base sixty: a paragraph's number 010 linked an event
            # to ¶8 (fifteenth hostile round, E16). No editor means those; all of them are refused, named as read.
            raise _Refused(Problem(name, line, f"{shown(node.value)} is read by YAML 1.1 as {_read_as(node, constructor)}, not "
                                   "as its digits say", "write the number in plain decimal digits, without a leading 0, or "
                                   "quote the value if it is text"))
        if node.tag in _SCALARS and ("\n" in node.value or _resolve(None, yaml.ScalarNode, node.value, (True, False)) != node.tag):
            # A tag (`!!bool`, or `!` on a quoted value) has YAML read a value as a kind its text is not: PyYAML stops
            # with a KeyError on `! "yes\n"` (twenty-sixth hostile round, T1), and makes null of `!!null "a title"`.
            raise _Refused(Problem(name, line, f"{shown(node.value)} is tagged to be read as {_KINDS[node.tag]}, "
                                   "which it is not written as", "remove the tag (such as ! or !!bool) and write the value "
                                   "as it is meant: quoted for text, or plain for a number, a date, true or false"))
        if node.tag not in _SCALARS:
            unusual.append(node)
            return None
        try:
            return _SCALARS[node.tag](constructor, node)
        except (ValueError, OverflowError):
            if node.tag == _INT:  # Python reads no more than 4,300 digits
                raise _Refused(Problem(name, line, f"a number of {len(node.value):,} digits, more than can be read",
                                       "write the number meant, or quote the value if it is text")) from None
            # A date YAML reads as one, but no calendar has (2020-02-30).
            raise _Refused(Problem(name, line, "invalid YAML: a date that is not in the calendar",
                                   "write a real date as YYYY-MM-DD")) from None
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_construct(child, name, depth + 1, seen, constructor, unusual, scan) for child in node.value]
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        data: dict = {}
        keys: dict[str, int] = {}
        for key, value_node in node.value:
            if not isinstance(key, yaml.ScalarNode):  # `? [a, b]`: no field of the edition is named so
                raise _Refused(Problem(name, key.start_mark.line + 1, "a key is a list or a mapping, not plain text",
                                       "write each key as plain text, such as `title:`"))
            if key.tag == _MERGE:  # `<<: {…}` adds fields unseen beside those written, and hides a field written twice
                raise _Refused(Problem(name, key.start_mark.line + 1, "a merge key (<<) is not allowed",
                                       "write each field out in the mapping itself"))
            if key.value in keys:
                raise _Refused(Problem(name, key.start_mark.line + 1, f"key '{key.value}' appears twice in the same "
                                       f"mapping (first on line {keys[key.value]})", "keep one of them"))
            keys[key.value] = key.start_mark.line + 1
            made = _construct(key, name, depth + 1, seen, constructor, unusual, scan)  # a scalar: text, a number, a date or null
            data[made] = _construct(value_node, name, depth + 1, seen, constructor, unusual, scan)
        return data
    unusual.append(node)
    for child in (node.value if isinstance(node, yaml.SequenceNode) else
                  [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else []):
        _construct(child, name, depth + 1, seen, constructor, unusual, scan)  # checked all the same
    return None


def _compose(text: str, name: str, problems: list[Problem]) -> yaml.Node | None:
    """The node tree of the one document in text, or None (with the problem recorded when it is malformed)."""
    if FAST_LOADER is not None:
        loader = FAST_LOADER(text)
        try:
            return loader.get_single_node()
        except (yaml.YAMLError, RecursionError):
            pass
        finally:
            loader.dispose()
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # the reader refuses control characters before parsing starts
        line = text.count("\n", 0, error.position) + 1
        problems.append(Problem(name, line, f"invalid YAML: character {error.character:#06x} is not allowed",
                                "remove the control character (the file may not be text)"))
        return None
    try:
        return loader.get_single_node()
    except RecursionError:  # the parser recurses once per level of nesting
        problems.append(Problem(name, _too_deep_at(text), f"lists and mappings nested more than {MAX_DEPTH} deep",
                                "flatten the structure: no record of the edition needs more than a few levels"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(filter(None, [error.context, error.problem]))
        problems.append(Problem(name, mark.line + 1 if mark else 1, f"invalid YAML: {what}",
                                "fix the YAML syntax (indentation, quoting, colons)"))
    except yaml.YAMLError as error:
        problems.append(Problem(name, 1, f"invalid YAML: {error}", "fix the YAML syntax"))
    finally:
        loader.dispose()
    return None


_OPENS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _too_deep_at(text: str) -> int:
    """The line where lists and mappings first nest more than MAX_DEPTH deep, found by YAML's scanner,
    which reads tokens one after another where the parser recursed too deep to say where."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            depth += isinstance(token, _OPENS) - isinstance(token, _CLOSES)
            if depth > MAX_DEPTH:
                return token.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return 1


def _nodes(node: yaml.Node):
    """Every node of the tree, depth first; a node reached by an alias is yielded again each time it is reached."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in reversed(current.value) for part in reversed(pair))


def odd_keys(node: yaml.Node) -> list[yaml.ScalarNode]:
    """The keys of a node tree that YAML reads as other than text (5, true, 2020-01-01, null), in the file's order."""
    return sorted((key for current in _nodes(node) if isinstance(current, yaml.MappingNode) for key, _ in current.value
                   if isinstance(key, yaml.ScalarNode) and key.tag != _STR), key=lambda key: key.start_mark.index)


def key_lines(node: yaml.Node) -> dict[str, int]:
    """Map each key of a YAML mapping node to its 1-based line."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def line_at(node: yaml.Node, path: list, of_key: bool = False) -> int:
    """The 1-based line of the value a path of keys and indexes leads to in a YAML node tree (or of its
    nearest parent); of_key: the line of the last key itself, where the value may start below it. An empty document
    (only comments) has no tree: its problems are at line 1."""
    if node is None:
        return 1
    for n, step in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            pair = next(((key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == str(step)),
                        None)
            if pair is not None and of_key and n == len(path) - 1:
                return pair[0].start_mark.line + 1
            found = pair[1] if pair else None
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            break
        node = found
    return node.start_mark.line + 1

"""Problems an author can fix, reported all at once as `path:line: what is wrong; how to fix it`."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


def visible(text: str) -> str:
    """Text with what a terminal would not show written out: U+200B for a zero-width space, and so on.

    Format and control characters, line and paragraph separators, and every space but the plain
    one: a message quoting 'id\u200b' must not look like one quoting 'id'.
    """
    return "".join(f"U+{ord(c):04X}" if c != " " and (unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp", "Zs")) else c
                   for c in text)


def lookalikes(text: str) -> str:
    """', where 'о' is U+043E CYRILLIC SMALL LETTER O, not a Latin letter' for the letters of an id that only look Latin."""
    foreign = [c for c in dict.fromkeys(text) if c.isalpha() and not c.isascii()]
    return "".join(f", where '{c}' is U+{ord(c):04X} {unicodedata.name(c, 'an unnamed character')}, not a Latin letter"
                   for c in foreign)


def shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: its repr, cut short; a date or time YAML read as written (2026-11-25T23:59:59-12:00),
    null, true and false as YAML writes them (twenty-ninth hostile round, M4), and bytes (!!binary) as their text, not
    as Python's repr of them (fifteenth and sixteenth hostile rounds, C7, 73 and 103)."""
    text = (value.isoformat() if isinstance(value, dt.date | dt.time) else "null" if value is None
            else "true" if value is True else "false" if value is False
            else repr(value.decode("utf-8", "replace")) if isinstance(value, bytes) else repr(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the input, with where it is and how to fix it."""

    path: str
    line: int
    what: str
    fix: str = ""
    # What the author typed, in the forms they may have typed it, for a problem found where no line is known (a built
    # page): the first line holding one names where. Kept apart from `what`, whose words quote more than was typed
    # (a data block's key, thirty-ninth hostile round: placed at a page's line holding the same word).
    typed: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return visible(f"{where}: {self.what}" + (f"; {self.fix}" if self.fix else ""))


class ProblemsFound(Exception):
    """Raised with every problem of a run, so none hides behind the first."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] = ()):
        self.problems = sorted(set(problems))
        self.warnings = list(warnings)  # found on the same run, reported beside the problems
        super().__init__("\n".join(str(p) for p in self.problems))


def relative(path: Path, root: Path) -> str:
    """Name a file the way an author sees it: relative to the project, with forward slashes."""
    # The path as written, not resolved: a link is named where it lies, not by what it points to. Resolved
    # only when that fails (a project reached through a link), since resolving asks the file system.
    for absolute in (os.path.abspath, os.path.realpath):
        inside, project = absolute(path), absolute(root)
        if inside == project or inside.startswith(project.rstrip("/") + "/"):
            return Path(inside).relative_to(project).as_posix()
    return path.as_posix()

"""What the checks of one file found, kept by what they read, for an edition loaded again and again.

The tests load the edition hundreds of times, each time with one file broken: every other file's
checks (a source record, a page's HTML, a template, a stylesheet) read the same text as before, and
their answer cannot differ. A Memo is handed to `edition.load` explicitly by whoever loads more than
once; a single build passes none and checks every file afresh. Only steps whose answer depends on
nothing but their key are kept: the key holds the text read and every other value the step uses.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from ..problems import Problem

T = TypeVar("T")


class Memo:
    """Answers of pure per-file checks (a value, and the problems found on the way), by key."""

    LIMIT = 50_000  # entries: a hundred essays' records and pages fit; beyond, start again rather than grow

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[object, tuple[Problem, ...]]] = {}

    def found(self, key: Hashable, problems: list[Problem], make: Callable[[list[Problem]], T]) -> T:
        """make's value for key, made once: make adds what it finds to the list it is given, and those
        problems are added to problems each time the key is asked for."""
        if key not in self._kept:
            if len(self._kept) >= self.LIMIT:
                self._kept.clear()
            found: list[Problem] = []
            self._kept[key] = (make(found), tuple(found))
        value, found_before = self._kept[key]
        problems.extend(found_before)
        return value  # type: ignore[return-value]


def checked(memo: Memo | None, key: Hashable, problems: list[Problem], make: Callable[[list[Problem]], T]) -> T:
    """make(problems), or its kept answer when a memo is given."""
    return make(problems) if memo is None else memo.found(key, problems, make)

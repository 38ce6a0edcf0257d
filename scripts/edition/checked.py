"""The edition, read, checked and formatted: `load` and what it returns (re-exported by the package)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Inputs
from .model.memo import Memo
from .problems import Problem, ProblemsFound

if TYPE_CHECKING:
    from .citeproc.forms import CiteForms
    from .citeproc.pandoc import SourceNotes


@dataclass(frozen=True, kw_only=True)
class Edition(Inputs):
    """The inputs, checked against each other, with their citations formatted: what every step renders."""

    notes: dict[str, SourceNotes]  # source id → its full and short note and bibliography entry
    cite_forms: CiteForms  # every page's and paragraph's forms for the Cite panel
    warnings: tuple[Problem, ...] = ()  # what the checks found worth saying but not wrong (an uncited source)


def load(root: Path, today: dt.date | None = None, memo: Memo | None = None) -> Edition:
    """The edition at root, read, checked and formatted.

    Raises ProblemsFound with every problem of the input (and, as `warnings`, what is only worth saying).
    memo: what earlier loads found in files that have not changed (model.memo), for a caller that loads
    again and again; without one, every file is checked afresh.
    """
    inputs, warnings = checked_inputs(root, today, memo)
    return formatted(inputs, warnings, today)


def checked_inputs(root: Path, today: dt.date | None = None, memo: Memo | None = None) -> tuple[Inputs, list[Problem]]:
    """What `load` refuses or accepts, without the formatting of citations that follows (which refuses nothing):
    the inputs, read and checked against each other, and the warnings; or ProblemsFound."""
    from .model import load_inputs
    from .model.checks import check_all

    inputs = load_inputs(root, today, memo)
    errors, warnings = check_all(inputs, memo)
    if errors:
        raise ProblemsFound(errors, warnings)
    return inputs, warnings


def formatted(inputs: Inputs, warnings: list[Problem] = (), today: dt.date | None = None) -> Edition:
    """The inputs with their citations formatted. Only `load` calls it on inputs it has checked; the tests of
    a later step's own defences call it on inputs the checks would refuse."""
    from .citeproc import format_citations

    notes, cite_forms = format_citations(inputs, today)
    fields = {name: getattr(inputs, name) for name in Inputs.__dataclass_fields__}
    return Edition(**fields, notes=notes, cite_forms=cite_forms, warnings=tuple(warnings))

"""Citations formatted by Pandoc's citeproc: the notes of every source and the Cite panels' forms."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from ..model import Inputs
from .forms import CiteForms
from .pandoc import SourceNotes, render_citations


def format_citations(inputs: Inputs, today: dt.date | None = None) -> tuple[dict[str, SourceNotes], CiteForms]:
    """Every source's notes and the Cite panels' forms (cached by what they are made from)."""
    accessed = (today or dt.date.today()).isoformat()
    # Pandoc runs as a separate process: the notes' run goes on beside the forms' runs.
    with ThreadPoolExecutor(max_workers=1) as pool:
        notes = pool.submit(render_citations, [s.csl() for s in inputs.registry], inputs.root)
        forms = CiteForms(inputs, accessed)
        return notes.result(), forms

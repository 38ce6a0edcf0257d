"""Citations formatted by Pandoc's citeproc: the notes of every source and the Cite panels' forms."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from ..model import Edition
from .forms import Citations
from .pandoc import render_citations


def format_citations(edition: Edition, today: dt.date | None = None) -> Edition:
    """The edition with its notes and Cite panel forms formatted (cached by their inputs)."""
    accessed = (today or dt.date.today()).isoformat()
    # Pandoc runs as a separate process: the notes' run goes on beside the forms' runs.
    with ThreadPoolExecutor(max_workers=1) as pool:
        notes = pool.submit(render_citations, [s.csl() for s in edition.registry], edition.root)
        forms = Citations(edition, accessed)
        return replace(edition, notes=notes.result(), forms=forms)

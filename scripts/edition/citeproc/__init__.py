"""Citations formatted by Pandoc's citeproc: the notes of every source and the Cite panels' forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..model import Edition
from .forms import Citations
from .pandoc import render_citations


def format_citations(edition: Edition, today: dt.date | None = None) -> Edition:
    """The edition with its notes and Cite panel forms formatted (cached by their inputs)."""
    notes = render_citations([s.csl() for s in edition.registry], edition.root)
    accessed = (today or dt.date.today()).isoformat()
    return replace(edition, notes=notes, forms=Citations(edition, accessed))

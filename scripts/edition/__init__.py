"""The annotated edition: its data (model), Markdown extensions (markdown), citation formatting
(citeproc), the build and its output checks (publish), and the tools around them (tools)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def load(root: Path, formatted: bool = True, today: dt.date | None = None):
    """Load and validate the edition at root, with its citations formatted unless formatted=False.

    Raises edition.problems.ProblemsFound listing every problem of the input.
    """
    from .model import load_edition

    edition = load_edition(root, today)
    if not formatted:
        return edition
    from .citeproc import format_citations

    return format_citations(edition, today)

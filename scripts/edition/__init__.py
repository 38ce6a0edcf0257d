"""The annotated edition: its data (model), Markdown extensions (markdown), citation formatting
(citeproc), the build and its output checks (publish), and the tools around them (tools).

`load` is the one way in: every path that renders the edition (`make build`, the PDF, `mkdocs
build` and `serve` through the `edition` plugin, `zensical build` through the extensions) takes the
edition from it, so each refuses the same input with the same problems.

The package itself loads nothing at import: its names are those of `checked`, loaded when first asked
for, so a command (`python -m edition.publish`) can set up its Ctrl-C handling (edition.interrupt)
before the modules it needs, which take a while, load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .checked import Edition, formatted, load

__all__ = ["Edition", "formatted", "load"]


def __getattr__(name: str):
    if name in __all__:
        from . import checked

        return getattr(checked, name)
    raise AttributeError(f"module 'edition' has no attribute {name!r}")

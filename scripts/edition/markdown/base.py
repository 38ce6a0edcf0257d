"""The base of the edition's Markdown extensions: where the edition comes from, and which page is rendered.

Every extension takes the same settings: `edition` (the loaded edition, handed over by `make
build`, the PDF, the `edition` MkDocs plugin and the tests; under Zensical, loaded by
`edition.zensical_glue`) and `offline` (rendering the copy read from disk).
"""

from __future__ import annotations

import logging

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .. import Edition, zensical_glue
from ..model.docs import Page
from ..model.edition import EXTENSIONS

# Under "mkdocs", so that MkDocs' strict mode counts the warnings as failures.
log = logging.getLogger("mkdocs.edition")


def hand_over(extensions: list, settings: dict, **values) -> None:
    """Put values (the edition, offline) into the settings of each of the edition's extensions a generator
    builds from mkdocs.yml's names (MkDocs' mdx_configs, Zensical's the same)."""
    for name in extensions:
        if isinstance(name, str) and name.startswith(EXTENSIONS):
            settings.setdefault(name, {}).update(values)


def handed_over(settings: dict) -> Edition | None:
    """The edition already in the extensions' settings, if one was handed over."""
    return next((given["edition"] for name, given in settings.items()
                 if name.startswith(EXTENSIONS) and isinstance(given.get("edition"), Edition)), None)


class EditionExtension(Extension):
    """An extension of the edition: settings, the edition, and the page being rendered."""

    needs_page = False  # whether the processors ask which docs/ page they render

    def __init__(self, **kwargs):
        self.config = {
            # "" rather than None: Python-Markdown reads a None default as a yes/no setting.
            "edition": ["", "The loaded edition (edition.Edition, from edition.load)"],
            "offline": [False, "Rendering the offline copy: one file per page, opened from disk"],
        }
        super().__init__(**kwargs)
        self.page: Page | None = None

    @property
    def edition(self) -> Edition:
        given = self.getConfig("edition")
        if isinstance(given, Edition):
            return given
        if zensical_glue.running():
            return zensical_glue.edition()
        raise TypeError(f"{type(self).__name__} needs the loaded edition: pass edition=edition.load(root) in its "
                        "settings, or run it through `make build`, MkDocs (with the `edition` plugin) or Zensical")

    @property
    def offline(self) -> bool:
        return bool(self.getConfig("offline"))

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)  # so that md.reset() forgets the page
        if self.needs_page:
            # Before whitespace normalisation (30): the lines are still those of the file.
            md.preprocessors.register(_PageFinder(md, self), f"edition-page-{type(self).__name__}", 35)
        self.register(md)

    def register(self, md: Markdown) -> None:
        """Register the extension's processors."""
        raise NotImplementedError

    def reset(self) -> None:
        self.page = None


class EditionPreprocessor(Preprocessor):
    """A preprocessor of an edition extension: it reads the edition and the page through its extension."""

    def __init__(self, md: Markdown, extension: EditionExtension):
        super().__init__(md)
        self.extension = extension


class EditionTreeprocessor(Treeprocessor):
    """A treeprocessor of an edition extension: it reads the edition and the page through its extension."""

    def __init__(self, md: Markdown, extension: EditionExtension):
        super().__init__(md)
        self.extension = extension


class _PageFinder(EditionPreprocessor):
    """Tell the extension which page of docs/ it renders (None for a fragment or the PDF's whole document)."""

    def run(self, lines: list[str]) -> list[str]:
        self.extension.page = self.extension.edition.docs.identify("\n".join(lines))
        return lines

"""The base of the edition's Markdown extensions: where the edition comes from, and which page is rendered.

Every extension takes the same settings: `edition` (the loaded edition, handed over by
`edition.publish`, the PDF and the tests), `root` (the project folder, used to load the edition when
none is handed over; by default the nearest folder at or above the working folder that holds
mkdocs.yml) and `offline` (rendering the copy read from disk).
"""

from __future__ import annotations

import logging
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..model import Edition
from ..model.docs import Page
from ..model.edition import CONFIG_FILE
from ..problems import ProblemsFound
from . import loaded

# Under "mkdocs", so that MkDocs' strict mode counts the warnings as failures.
log = logging.getLogger("mkdocs.edition")


def find_root(start: Path) -> Path:
    """The nearest folder at or above start that holds mkdocs.yml (start itself if none does)."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if (folder / CONFIG_FILE).is_file()), start)


class EditionExtension(Extension):
    """An extension of the edition: settings, the edition, and the page being rendered."""

    needs_page = False  # whether the processors ask which docs/ page they render

    def __init__(self, **kwargs):
        self.config = {
            # "" rather than None: Python-Markdown reads a None default as a yes/no setting.
            "edition": ["", "The loaded edition (edition.model.Edition); loaded from `root` when not given"],
            "root": ["", "Project folder; default: the nearest folder at or above the working one with mkdocs.yml"],
            "offline": [False, "Rendering the offline copy: one file per page, opened from disk"],
        }
        super().__init__(**kwargs)
        self.page: Page | None = None

    @property
    def edition(self) -> Edition:
        given = self.getConfig("edition")
        if isinstance(given, Edition):
            return given
        root = Path(self.getConfig("root")) if self.getConfig("root") else find_root(Path.cwd())
        return loaded.edition_for(root)

    def edition_or_none(self) -> Edition | None:
        """The edition, or None with its input problems reported as warnings (MkDocs' strict mode fails on them)."""
        try:
            return self.edition
        except ProblemsFound as error:
            if not getattr(error, "reported", False):  # once per build, not once per page and extension
                error.reported = True
                for problem in error.problems:
                    log.warning("%s", problem)
            return None

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
        edition = self.extension.edition_or_none()
        self.extension.page = edition.docs.identify("\n".join(lines)) if edition else None
        return lines

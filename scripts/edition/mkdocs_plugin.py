"""The `edition` MkDocs plugin: MkDocs-only glue, kept this small on purpose.

- The edition is loaded (read, checked, formatted) when MkDocs reads its configuration, at every
  build and every rebuild of `mkdocs serve`, and handed to the edition's extensions; input it
  refuses stops MkDocs with the same problems `make build` names, before a page is written.
  `edition.publish` hands the plugin its own loaded edition, so a build loads it once.
- Material's templates are compiled once, not at every build: Jinja keeps their bytecode in
  .cache/jinja (keyed by each template's source), which saves about a third of a MkDocs build.
- A template of overrides/ that fails while a page is rendered (an undefined value, a missing include)
  stops the build with its file, line and cause (`model.templates.template_failure`), not a traceback.
- Search finds the essay first: its pages get a document boost, and each source record is indexed by
  its title and issuer (`edition/publish/search.py` says why).

Zensical ignores MkDocs plugins: `edition.zensical_glue` does the loading there. A plugin, not a hook
file, because a plugin is found by name in the installed package wherever the project is copied.
"""

from __future__ import annotations

import io
from contextlib import ExitStack
from pathlib import Path

from jinja2 import FileSystemBytecodeCache, Template
from mkdocs.exceptions import Abort, BuildError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import Edition, load
from .cache import TEMPLATE_CACHE, keep, read_bytes, through_a_link
from .markdown.base import hand_over, handed_over
from .model.anchor_lock import LOCK_FILE
from .model.edition import CITATION_FILE, CONFIG_FILE
from .model.templates import template_failure
from .outputs import epoch_before_release, epoch_problems, one_build_at_a_time, output_problems, unwritable
from .problems import Problem, ProblemsFound
from .publish import search

log = get_plugin_logger(__name__)


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, read and written as every cache of the edition is (edition.cache): a damaged or
    irregular file (a FIFO would hang Jinja's reader) is compiled afresh, and one that cannot be written is
    only not kept."""

    def load_bytecode(self, bucket) -> None:
        data = read_bytes(Path(self._get_cache_filename(bucket)))
        if data is None:
            return
        try:
            bucket.load_bytecode(io.BytesIO(data))
        except Exception:  # a damaged pickle can raise anything: the template is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        data = io.BytesIO()
        bucket.write_bytecode(data)
        keep(Path(self._get_cache_filename(bucket)), data.getvalue())


class TemplateFailed(BuildError):
    """A page's rendering stopped in a template: MkDocs ends a BuildError with its message alone."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _naming_failures(root: Path) -> type[Template]:
    """Jinja's template class, whose rendering turns a template's failure into a TemplateFailed naming its line."""

    class Named(Template):
        def render(self, *args, **kwargs):
            try:
                return super().render(*args, **kwargs)
            except (TemplateFailed, KeyboardInterrupt):
                raise
            except Exception as error:
                if (problem := template_failure(error, root, CONFIG_FILE)) is None:
                    raise
                raise TemplateFailed(problem) from None

    return Named


def _command_line_problems(config) -> list[str]:
    """What MkDocs' options change of the checked mkdocs.yml (`-f`, `-t`, `--no-directory-urls`): the edition's checks
    read the project's mkdocs.yml, which these would leave behind unseen."""
    problems = []
    given = Path(config.config_file_path)
    if given.resolve() != (given.parent / CONFIG_FILE).resolve():
        problems.append(f"{given.name}: MkDocs was given this file (-f), but the edition's checks read {CONFIG_FILE}, whose "
                        f"settings this file would replace unseen; build with {CONFIG_FILE} (leave out -f), and put "
                        f"settings there")
    if config.theme.name != "material":
        problems.append(f"{CONFIG_FILE}: the theme is {config.theme.name!r} (given by -t), but the edition's templates "
                        "(overrides/) extend Material's and its checks read Material's; leave out -t")
    if not config.use_directory_urls:
        problems.append(f"{CONFIG_FILE}: --no-directory-urls turns every permanent link of the edition (page/) into a file "
                        "address; leave it out (`make build` makes the offline copy, which needs it)")
    return problems


class EditionPlugin(BasePlugin):
    edition: Edition | None = None
    building: ExitStack = ExitStack()  # the site folder's lock while a `mkdocs build` of the plugin's own writes it

    @event_priority(1000)  # first: another plugin's (material/info runs at 100 and asks github.com) after the refusal
    def on_config(self, config):
        self.edition = handed_over(config.mdx_configs)  # by `make build`, which loaded it
        if self.edition is None:
            if refused := _command_line_problems(config):
                for line in refused:
                    log.error("%s", line)
                raise Abort(f"build refused: {len(refused)} problem(s) in the command line")
            # The project is where mkdocs.yml is, whatever folder MkDocs was started from (`mkdocs build -f …`).
            try:
                self.edition = load(Path(config.config_file_path).parent)
            except ProblemsFound as error:
                for problem in error.problems:
                    log.error("%s", problem)
                raise Abort(f"build refused: {len(error.problems)} problem(s) in the edition's input") from None
            for warning in self.edition.warnings:  # worth saying, not wrong: as `make build` says it, without failing strict mode
                log.info("warning: %s", warning)
            # MkDocs empties its site folder before it writes: one that is a link (to a folder elsewhere), that
            # `-d sources` names, or that holds anything but an earlier build would lose what it holds.
            if misplaced := output_problems(Path(config.config_file_path).parent, Path(config.site_dir), "--site-dir"):
                log.error("%s", misplaced[0])
                raise Abort("build refused: the output folder is not one of its own")
            # The sitemap's dates, as `make build` has them (sixteenth hostile round, T3: 2099 in every <lastmod>;
            # seventeenth, case 1: a day before the release).
            if dated := epoch_problems(Path(config.config_file_path).parent) + epoch_before_release(self.edition):
                log.error("%s", dated[0])
                raise Abort("build refused: the build cannot date its files by SOURCE_DATE_EPOCH or the last commit")
            if refused := unwritable(Path(config.site_dir), "--site-dir"):
                log.error("%s", refused)
                raise Abort("build refused: the output folder cannot be written")
            # `make build`'s lock, for as long as MkDocs writes: it empties the folder that build publishes into.
            self.building = ExitStack()
            Path(config.site_dir).parent.mkdir(parents=True, exist_ok=True)  # as MkDocs would: the lock is kept beside it
            if refused := self.building.enter_context(one_build_at_a_time(Path(config.site_dir))):
                self.building.close()
                log.error("%s", refused)
                raise Abort("build refused: the site folder's lock cannot be taken")
        hand_over(config.markdown_extensions, config.mdx_configs, edition=self.edition)
        return config

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds when the anchor lock or CITATION.cff changes too (see `watch:` in mkdocs.yml)."""
        for name in (LOCK_FILE, CITATION_FILE):
            if (path := Path(config.config_file_path).parent / name).is_file():
                server.watch(str(path))
        return server

    def on_page_markdown(self, markdown, *, page, config, files):
        if page.file.src_uri in search.essay_pages(self.edition):
            page.meta["search"] = {**(page.meta.get("search") or {}), "boost": search.ESSAY_BOOST}
        return markdown

    @event_priority(-50)  # after Material's search plugin writes the index, before its offline plugin inlines it
    def on_post_build(self, *, config) -> None:
        search.records_by_title_and_issuer(Path(config.site_dir), self.edition)
        self.building.close()  # `mkdocs serve` builds again under a plugin of its own, which takes the lock again

    def on_build_error(self, *, error) -> None:
        self.building.close()

    def on_env(self, env, *, config, files):
        env.template_class = _naming_failures(Path(config.config_file_path).parent)
        folder = Path(config.config_file_path).parent / TEMPLATE_CACHE
        if through_a_link(folder / "any"):
            return env  # a cache folder that leads elsewhere is not written: the templates are compiled
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env  # no cache: the templates are compiled, as MkDocs does by default
        env.bytecode_cache = _TemplateCache(str(folder))
        return env

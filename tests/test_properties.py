"""Arbitrary input never crashes the loaders, the input checks or the quotation matcher: a clear problem, or success."""

from __future__ import annotations

import datetime as dt
import resource
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from edition.model.checks import check_all, holds, quote_key
from edition.model.edition import load_inputs
from edition.model.files import FAST_LOADER
from edition.model.ledgers import load_quotations
from edition.model.memo import Memo
from edition.model.sources import RECORD_KEYS, Quote, load_sources
from edition.problems import Problem, ProblemsFound
from edition.publish.pipeline import copy_project as copy_edition_project

# Derandomized, so CI is reproducible; raise max_examples locally to search harder. The counts scale with the
# profile loaded (conftest.py): 150 and 12 under the default, fewer in `make test-fast`.
EXAMPLES = settings().max_examples
SETTINGS = settings(max_examples=EXAMPLES * 3 // 2, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
                    st.dates(min_value=dt.date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                             max_size=3), max_leaves=8)
records = st.dictionaries(st.sampled_from(RECORD_KEYS) | st.text(max_size=12), values, max_size=10)


def assert_clear(problems: list[Problem], name: str) -> None:
    assert problems
    for problem in problems:
        assert problem.path == name and isinstance(problem.line, int) and problem.line >= 0
        assert problem.what.strip() and problem.fix.strip(), problem


def load_text(raw: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "sources").mkdir()
        (Path(tmp) / "sources" / "some-source.yml").write_bytes(raw)
        try:
            return load_sources(Path(tmp), today=dt.date(2026, 11, 25)), None
        except ProblemsFound as error:
            return None, error.problems


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_a_registry_or_clear_problems(raw):
    _, problems = load_text(raw)
    if problems is not None:
        assert_clear(problems, "sources/some-source.yml")


@SETTINGS
@given(records)
def test_any_yaml_mapping_gives_a_registry_or_clear_problems(record):
    registry, problems = load_text(yaml.safe_dump(record, allow_unicode=True).encode("utf-8"))
    if problems is not None:
        assert_clear(problems, "sources/some-source.yml")
    else:
        assert list(registry.sources) == ["some-source"] or not registry.sources


def composed_tags(text: str, loader) -> list[str] | str:
    """The tag of every node of a document, in order, or the kind of error the loader raised."""
    try:
        stack, tags = [yaml.compose(text, Loader=loader)], []
    except yaml.YAMLError as error:
        return type(error).__name__
    while stack:
        node = stack.pop()
        tags.append(node.tag)
        stack.extend(reversed(node.value) if isinstance(node, yaml.SequenceNode) else [])
    return tags


@SETTINGS
@given(st.lists(st.text(alphabet="0123456789.-+:_eExXbBoOnNuUlLtTrRfFaAsSyY~<=!&*'\" ", max_size=12), min_size=1,
                max_size=4))
def test_every_value_is_given_the_tag_pyyaml_gives_it(words):
    """The loader resolves tags from PyYAML's own table read once (files._resolve): whatever a value is, plain or
    quoted, empty or a near-number, it is read as PyYAML's safe loader reads it, or refused by both."""
    text = "".join(f"- {word}\n" for word in words)
    assert composed_tags(text, FAST_LOADER) == composed_tags(text, yaml.CSafeLoader)


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(["paragraph", "quote", "source", "kind", "why"]) | st.text(max_size=6),
                                values, max_size=5), max_size=5) | values)
def test_any_quotation_ledger_gives_entries_or_clear_problems(ledger):
    with tempfile.TemporaryDirectory() as tmp:
        essay = Path(tmp) / "sources" / "essay"
        essay.mkdir(parents=True)
        (essay / "quotations.yml").write_text(yaml.safe_dump(ledger, allow_unicode=True), encoding="utf-8")
        problems: list[Problem] = []
        entries = load_quotations(Path(tmp), {"known-source"}, problems)
    if problems:
        assert_clear(problems, "sources/essay/quotations.yml")
    for entry in entries:
        assert isinstance(entry.paragraph, int) and entry.quote


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_characters="§"), max_size=60), st.text(max_size=20))
def test_the_quotation_matcher_never_fails_and_finds_what_a_source_holds(recorded, span):
    source = type("Source", (), {"quotes": (Quote(recorded, None, None),)})()
    key = quote_key(span)
    assert quote_key(key) == key
    assert holds(source, quote_key(recorded))
    assert not holds(source, quote_key(recorded) + "§")  # a word the source lacks (§ never occurs in what is recorded)


# Every input file the build reads, each fed random bytes and random YAML: the whole loader and the
# input checks answer with problems that name a project file (and a line), or succeed; never anything else.
INPUT_FILES = ["sources/zarif-2020-01-08.yml", "sources/essay/editorial-notes.yml", "sources/essay/events.yml",
               "sources/essay/glossary.yml", "sources/essay/quotations.yml", "sources/essay/changes.yml",
               "sources/essay/edition.yml", "sources/essay/layout.yml", "sources/essay/original.txt", "anchors.lock",
               "CITATION.cff", "mkdocs.yml", "docs/about.md", "docs/a-slow-burning-conflict.md"]
INPUT_SETTINGS = settings(max_examples=max(2, EXAMPLES * 12 // 100), deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROJECT_FILES = ("docs/", "sources/", "anchors.lock", "CITATION.cff", "mkdocs.yml")


@pytest.fixture(scope="module")
def inputs_project(tmp_path_factory) -> Path:
    return copy_edition_project(ROOT, tmp_path_factory.mktemp("inputs") / "project", cache=False)


@pytest.fixture(scope="module")
def memo() -> Memo:
    """The files an example leaves as they are answer from it (model.memo): each example checks what it wrote."""
    return Memo()


def load_and_check(root: Path, file: str, raw: bytes, memo: Memo) -> None:
    """Write raw in place of file, run the loader and the input checks, and restore the file."""
    path = root / file
    original = path.read_bytes()
    path.write_bytes(raw)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    try:
        try:
            check_all(load_inputs(root, today=dt.date(2026, 11, 25), memo=memo), memo)
        except ProblemsFound as error:
            assert error.problems
            for problem in error.problems:
                assert problem.path.startswith(PROJECT_FILES), problem
                assert isinstance(problem.line, int) and problem.line >= 0 and problem.what.strip() and problem.fix.strip(), problem
                assert "Traceback" not in str(problem)
    finally:
        path.write_bytes(original)
    assert time.monotonic() - start < 10, f"{file}: {time.monotonic() - start:.1f} s"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000, f"{file}: memory grew by more than 200 MB"


@pytest.mark.parametrize("file", INPUT_FILES)
@INPUT_SETTINGS
@given(raw=st.binary(max_size=600))
def test_any_bytes_in_any_input_file_give_clear_problems(inputs_project, memo, file, raw):
    load_and_check(inputs_project, file, raw, memo)


@pytest.mark.parametrize("file", INPUT_FILES)
@INPUT_SETTINGS
@given(data=values | st.lists(st.dictionaries(st.text(max_size=12), values, max_size=6), max_size=4))
def test_any_yaml_in_any_input_file_gives_clear_problems(inputs_project, memo, file, data):
    load_and_check(inputs_project, file, yaml.safe_dump(data, allow_unicode=True).encode("utf-8"), memo)

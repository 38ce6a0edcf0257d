"""Arbitrary input never crashes the registry loader or the quotation matcher: a clear problem, or success."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.model.checks import holds, quote_key
from edition.model.ledgers import load_quotations
from edition.model.sources import OPTIONAL, REQUIRED, Quote, load_sources
from edition.problems import Problem, ProblemsFound

# Derandomized, so CI is reproducible; raise max_examples locally to search harder.
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
                    st.dates(min_value=dt.date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                             max_size=3), max_leaves=8)
records = st.dictionaries(st.sampled_from(REQUIRED + OPTIONAL) | st.text(max_size=12), values, max_size=10)


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

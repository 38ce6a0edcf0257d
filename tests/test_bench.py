"""`make bench` measures what it says: its synthetic corpus is an edition the checks accept."""

from __future__ import annotations

from conftest import ROOT
from edition.model import load_inputs
from edition.model.checks import check_all
from edition.tools.synthetic import make_corpus


def test_the_synthetic_corpus_of_two_essays_is_accepted_whole(tmp_path):
    """A corpus the checks refused stopped `make bench` before any figure of validation."""
    corpus = load_inputs(make_corpus(ROOT, tmp_path / "corpus", 2))
    errors, _ = check_all(corpus)
    assert errors == []
    assert len(corpus.essay.paragraphs) == 2 * len(load_inputs(ROOT).essay.paragraphs)

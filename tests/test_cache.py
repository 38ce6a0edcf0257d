"""The one cache module: a damaged, irregular or unwritable cache only costs time, and a write is whole or absent."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from edition import cache
from edition.cache import keep_json, read_json, write_atomic
from edition.tools.linkcheck import check_links


def within_seconds(seconds: float, work) -> object:
    """work() run in a thread; fails (rather than hangs the suite) when it is not done in time."""
    done: list = []
    worker = threading.Thread(target=lambda: done.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert done, f"still running after {seconds} s"
    return done[0]


@pytest.mark.parametrize("damage", [b'{"a": [1, 2', b"[1, 2, 3]", b"\xff\xfe not UTF-8", b"[" * 100_000, b""])
def test_a_damaged_cache_reads_as_absent(tmp_path, damage):
    path = tmp_path / "kept.json"
    path.write_bytes(damage)
    assert read_json(path, lambda data: dict(data.items())) is None


@pytest.mark.parametrize("kind", ["fifo", "folder", "link to /dev/zero", "link to a good file"])
def test_an_irregular_cache_file_reads_as_absent_without_hanging(tmp_path, kind):
    path = tmp_path / "kept.json"
    good = tmp_path / "good.json"
    good.write_text('{"a": 1}', encoding="utf-8")
    {"fifo": lambda: os.mkfifo(path), "folder": path.mkdir, "link to /dev/zero": lambda: path.symlink_to("/dev/zero"),
     "link to a good file": lambda: path.symlink_to(good)}[kind]()
    assert within_seconds(5, lambda: read_json(path)) is None


def test_a_write_replaces_a_fifo_or_link_in_its_place_without_opening_it(tmp_path):
    fifo, link, elsewhere = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "elsewhere.json"
    os.mkfifo(fifo)
    elsewhere.write_text("untouched", encoding="utf-8")
    link.symlink_to(elsewhere)
    within_seconds(5, lambda: (keep_json(fifo, {"a": 1}), keep_json(link, {"b": 2})))
    assert read_json(fifo) == {"a": 1} and read_json(link) == {"b": 2}
    assert not link.is_symlink() and elsewhere.read_text(encoding="utf-8") == "untouched"


def test_an_unwritable_cache_is_only_not_kept(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        keep_json(folder / "kept.json", {"a": 1})  # no error
        assert list(folder.iterdir()) == [] or os.geteuid() == 0  # root writes anyway
    finally:
        folder.chmod(0o755)


def test_a_failed_write_leaves_the_old_file_and_nothing_beside_it(tmp_path, monkeypatch):
    path = tmp_path / "site.pdf"
    path.write_bytes(b"old")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "chmod", full_disk)  # the last step before the rename fails
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["site.pdf"]


@pytest.mark.parametrize("damage", [b'{"https://example.org/": {"url": ', b"[]", b'{"x": {"url": "x", "outcome": 3}}',
                                    b'{"https://a.example/": {"url": "https://b.example/", "outcome": "ok", "status": 200, '
                                    b'"final_url": "", "redirects": [], "detail": "", "checked_at": 1e30}}'])
def test_the_link_checker_treats_a_damaged_cache_as_absent_and_writes_a_good_one(tmp_path, damage):
    cache = tmp_path / ".cache" / "linkcheck.json"
    cache.parent.mkdir()
    cache.write_bytes(damage)
    assert check_links([], cache=cache) == []
    assert isinstance(json.loads(cache.read_text(encoding="utf-8")), dict)


def test_the_link_checker_does_not_hang_on_a_fifo_in_place_of_its_cache(tmp_path):
    cache = tmp_path / "linkcheck.json"
    os.mkfifo(cache)
    assert within_seconds(10, lambda: check_links([], cache=cache)) == []
    assert Path(cache).is_file()


# Cases a reviewer who did not write the cache module found: damage of the right outer shape, and links.

def test_kept_notes_of_the_wrong_kind_or_incomplete_are_made_afresh(tmp_path):
    from edition.citeproc.pandoc import SourceNotes, cache_file, render_citations

    items = [{"id": "a-2020", "type": "webpage", "title": "A title", "issued": {"date-parts": [[2020]]}}]
    made = render_citations(items, tmp_path)
    path = cache_file(tmp_path, "chicago-notes-bibliography", [items, style_text()])
    for damage in ({"a-2020": {"full": 1, "short": 2, "bibliography": 3}}, {}, {"a-2020": {"full": "x"}}):
        path.write_text(json.dumps(damage), encoding="utf-8")
        assert render_citations(items, tmp_path) == made
        assert all(isinstance(note, SourceNotes) for note in made.values())


def style_text() -> str:
    from edition.citeproc.pandoc import NOTE_STYLE, style_path

    return style_path(NOTE_STYLE).read_text(encoding="utf-8")


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes").mkdir()
    (elsewhere / "notes" / "kept.json").write_text('{"a": 1}', encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / ".cache").symlink_to(elsewhere)
    assert read_json(project / ".cache" / "notes" / "kept.json") is None
    keep_json(project / ".cache" / "notes" / "new.json", {"b": 2})
    keep_json(project / ".cache" / "stylesheets.json", {"c": 3})
    assert sorted(p.name for p in elsewhere.rglob("*")) == ["kept.json", "notes"]


@pytest.mark.parametrize("damage", [b'{"https://a.example/": {"url": "https://a.example/", "outcome": 5, "status": "x", '
                                    b'"final_url": 1, "redirects": [], "detail": "", "checked_at": 1}}',
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "fine", "status": 200, '
                                    b'"final_url": "", "redirects": [], "detail": "", "checked_at": 1}}',
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "ok", "status": 200, '
                                    b'"final_url": "", "redirects": [], "detail": "", "checked_at": 1e300}}',
                                    # twenty-fourth hostile round, 18: a status no server sends, reported "ok 99999…"
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "ok", "status": '
                                    b'100000000000000000000000, "final_url": "https://a.example/", "redirects": [], '
                                    b'"detail": "", "checked_at": 1}}',
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "ok", "status": 200, '
                                    b'"final_url": "javascript:alert(1)", "redirects": [], "detail": "", "checked_at": 1}}',
                                    # twenty-fifth round, 22 to 24 and 28: outcomes their status or redirects belie, and an
                                    # escape sequence that cleared the terminal
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "ok", "status": 404, '
                                    b'"final_url": "https://a.example/", "redirects": [], "detail": "", "checked_at": 1}}',
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "broken", "status": 200, '
                                    b'"final_url": "https://a.example/", "redirects": [], "detail": "", "checked_at": 1}}',
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "redirected", "status": '
                                    b'200, "final_url": "https://a.example/", "redirects": [], "detail": "", "checked_at": 1}}',
                                    b'{"https://a.example/": {"url": "https://a.example/", "outcome": "broken", "status": 404, '
                                    b'"final_url": "https://a.example/", "redirects": [], "detail": "\\u001b[2J", '
                                    b'"checked_at": 1}}'])
def test_a_kept_link_answer_of_the_wrong_kind_is_not_reused(tmp_path, damage):
    from edition.tools.linkcheck import _cached_results

    cache_path = tmp_path / "linkcheck.json"
    cache_path.write_bytes(damage)
    assert _cached_results(cache_path) == {}


def test_a_damaged_or_fifo_template_cache_is_compiled_afresh(tmp_path):
    import jinja2

    from edition.mkdocs_plugin import _TemplateCache

    folder = tmp_path / ".cache" / "jinja"
    folder.mkdir(parents=True)
    templates = jinja2.DictLoader({"page.html": "Hello {{ name }}"})
    first = jinja2.Environment(loader=templates, bytecode_cache=_TemplateCache(str(folder)))
    assert first.get_template("page.html").render(name="A") == "Hello A"
    [kept] = list(folder.iterdir())
    kept.write_bytes(kept.read_bytes()[:20])  # cut short
    again = jinja2.Environment(loader=templates, bytecode_cache=_TemplateCache(str(folder)))
    assert again.get_template("page.html").render(name="B") == "Hello B"
    kept.unlink()
    os.mkfifo(kept)  # a reader would wait for ever, and so would a writer
    fifo = jinja2.Environment(loader=templates, bytecode_cache=_TemplateCache(str(folder)))
    assert within_seconds(5, lambda: fifo.get_template("page.html").render(name="C")) == "Hello C"


def test_a_cache_file_that_vanishes_while_the_project_is_copied_is_no_failure(tmp_path, monkeypatch):
    """A test's copy of the project took a template cache's temporary file that another worker's build had just
    renamed away: shutil.Error, and a red CI run. A cache's file may vanish between the listing and the copy."""
    import contextlib

    from edition.model.edition import PROJECT_FILES, PROJECT_FOLDERS
    from edition.publish import pipeline
    root = tmp_path / "project"
    for name in PROJECT_FILES:
        (root / name).mkdir(parents=True) if name in PROJECT_FOLDERS else (root / name).parent.mkdir(parents=True, exist_ok=True)
        if name not in PROJECT_FOLDERS:
            (root / name).write_text("x\n", encoding="utf-8")
    jinja = root / ".cache" / "jinja"
    jinja.mkdir(parents=True)
    (jinja / "kept").write_text("x", encoding="utf-8")
    (jinja / ".__jinja2_x.cache.tmp").write_text("x", encoding="utf-8")
    listed = os.scandir

    def listed_then_gone(path="."):
        entries = list(listed(path))
        if Path(path) == jinja:  # renamed away by the other build, just after the listing
            (jinja / ".__jinja2_x.cache.tmp").unlink()
        return contextlib.nullcontext(entries)

    monkeypatch.setattr(os, "scandir", listed_then_gone)
    copy = pipeline.copy_project(root, tmp_path / "copy")
    assert (copy / ".cache" / "jinja" / "kept").is_file() and (copy / "mkdocs.yml").is_file()

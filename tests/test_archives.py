"""`make archives`: an archived copy found by the Wayback Machine's availability API is written into its record,
and only one the API reports; asked here of a stand-in on this machine with the API's answer shapes."""

from __future__ import annotations

import http.server
import json
import threading
import time
import typing
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import copy_project
from edition.model.sources import load_sources
from edition.tools.archives import main

FRANCE24 = "https://www.france24.com/en/20200319-us-led-coalition-pulls-trainers-from-iraq-over-virus"


class Availability(http.server.BaseHTTPRequestHandler):
    asked: typing.ClassVar[list[dict]] = []
    paths: typing.ClassVar[list[str]] = []  # every path asked, the API's or not

    hostile: typing.ClassVar[bytes | None] = None  # an answer for every address, as a broken or hostile API gives it

    def do_GET(self):
        query = {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}
        Availability.asked.append(query)
        Availability.paths.append(urlsplit(self.path).path)
        if Availability.hostile is not None:
            return self.hostile_answer(query["url"])
        if query["url"] == FRANCE24:
            closest = {"available": True, "status": "200", "timestamp": "20200320101010",
                       "url": f"http://web.archive.org/web/20200320101010/{FRANCE24}"}
            answer = {"archived_snapshots": {"closest": closest}}
        elif "salih" in query["url"] or "presidency" in query["url"]:  # a snapshot of an error page is no copy
            answer = {"archived_snapshots": {"closest": {"available": True, "status": "404", "timestamp": "20200314000000",
                                                         "url": "http://web.archive.org/web/20200314000000/x"}}}
        else:
            answer = {"archived_snapshots": {}}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def hostile_answer(self, url: str) -> None:
        if Availability.hostile == b"redirect":  # to a page of its own that reports a capture: were it followed, one is written
            if self.path.startswith("/elsewhere"):
                return self.send_body(snapshot_of(url))
            self.send_response(302)
            self.send_header("Location", "/elsewhere?" + urlsplit(self.path).query)
            self.send_header("Content-Length", "0")
            return self.end_headers()
        body = Availability.hostile.replace(b"{url}", url.encode())
        status = 500 if body == b"500" else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if body == b"trickle":  # a byte a second, forever: only a deadline ends it
            self.end_headers()
            for _ in range(30):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(1)
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_body(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def api():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Availability)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/wayback/available"
    finally:
        server.shutdown()
        server.server_close()


def test_a_reported_snapshot_is_written_into_its_record_and_no_other(tmp_path, api, capsys):
    root = copy_project(tmp_path / "project")
    before = {s.id: s for s in load_sources(root)}
    assert main(["--root", str(root), "--api", api, "--write"]) == 0
    after = {s.id: s for s in load_sources(root)}  # the records still load: what was written is valid
    france = after["france24-2020-03-19"]
    assert (france.archive_url, france.archive_date) == (f"https://web.archive.org/web/20200320101010/{FRANCE24}", "2020-03-20")
    assert {i for i in after if after[i] != before[i]} == {"france24-2020-03-19"}
    asked = {query["url"]: query["timestamp"] for query in Availability.asked}
    assert set(asked) == {s.url for s in before.values() if s.url and not s.archive_url}  # every one at risk, each once
    assert asked[FRANCE24] == "20200319"  # the snapshot closest to the day the record was issued
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("1 of ") and "still at risk:" in out


@pytest.mark.parametrize("written", ["HTTP://WEB.ARCHIVE.ORG/web/", "http://web.archive.org./web/", "#evil"],
                         ids=["in capitals", "with DNS's trailing dot", "with a fragment after it"])
def test_the_archives_address_of_a_capture_is_written_as_it_is_whatever_its_form(tmp_path, api, monkeypatch, written):
    """Fifteenth hostile round, H13, H14 and H17: the archive's own address in capitals or with a trailing dot was
    dropped as "no copy", and a #fragment after it was written into the record."""
    answer = (snapshot_of("{url}").replace(b'{url}"', b'{url}#evil"') if written == "#evil"
              else snapshot_of("{url}").replace(b"http://web.archive.org/web/", written.encode()))
    monkeypatch.setattr(Availability, "hostile", answer)
    root = copy_project(tmp_path / "project")
    assert main(["--root", str(root), "--api", api, "--write"]) == 0
    france = next(s for s in load_sources(root) if s.id == "france24-2020-03-19")
    assert (france.archive_url, france.archive_date) == (f"https://web.archive.org/web/20200320101010/{FRANCE24}", "2020-03-20")


@pytest.mark.parametrize(("stamp", "written"), [("20200318095959", False), ("20200318100000", True)],
                         ids=["before the 19th began anywhere", "as the 19th begins at UTC+14"])
def test_a_capture_made_before_its_documents_day_began_anywhere_is_no_copy(tmp_path, api, monkeypatch, stamp, written):
    """Seventeenth hostile round, case 4: a capture of the day before a record's day was written (the record's one
    day of allowance, for time zones); the capture's own time says whether the document could have existed."""
    monkeypatch.setattr(Availability, "hostile", snapshot_of("{url}", stamp))
    root = copy_project(tmp_path / "project")
    main(["--root", str(root), "--api", api, "--write"])
    france = next(s for s in load_sources(root) if s.id == "france24-2020-03-19")  # issued 2020-03-19
    assert (france.archive_date == "2020-03-18") is written


def test_a_record_with_windows_line_endings_keeps_them_and_every_line_above(tmp_path, api):
    root = copy_project(tmp_path / "project")
    record = root / "sources/france24-2020-03-19.yml"
    crlf = record.read_bytes().replace(b"\n", b"\r\n")
    record.write_bytes(crlf)
    assert main(["--root", str(root), "--api", api, "--write"]) == 0
    written = record.read_bytes()
    assert written.startswith(crlf)  # nothing above the new lines rewritten
    assert written[len(crlf):] == (f"archive_url: https://web.archive.org/web/20200320101010/{FRANCE24}\r\n"
                                   "archive_date: 2020-03-20\r\n").encode()


def test_a_record_that_cannot_be_written_is_named_and_the_run_fails_without_a_traceback(tmp_path, api, capsys, monkeypatch):
    """As on a read-only mount (the tests run as root, whom file permissions do not stop)."""
    root = copy_project(tmp_path / "project")
    record = root / "sources/france24-2020-03-19.yml"
    before = record.read_bytes()
    opened = type(record).open

    def refuse(path, mode="r", *args, **kwargs):
        if path == record and "a" in mode:
            raise OSError(30, "Read-only file system")
        return opened(path, mode, *args, **kwargs)

    monkeypatch.setattr(type(record), "open", refuse)
    assert main(["--root", str(root), "--api", api, "--write"]) == 1
    assert record.read_bytes() == before
    err = capsys.readouterr().err
    assert ("error: sources/france24-2020-03-19.yml: could not add the snapshot (Read-only file system); check the file's "
            "permissions and run this again, or add the two lines above by hand") in err



def snapshot_of(address: str, stamp: str = "20200320101010") -> bytes:
    closest = {"available": True, "status": "200", "timestamp": stamp, "url": f"http://web.archive.org/web/{stamp}/{address}"}
    return json.dumps({"archived_snapshots": {"closest": closest}}).encode()


# What a broken or hostile API may answer (sixth hostile round, issue 27): nothing of it reaches a record.
HOSTILE_ANSWERS = {
    # Answers not in the API's form are no answer, not "no copy exists" (fourteenth hostile round, case 23).
    "closest is a list": (b'{"archived_snapshots": {"closest": ["x"]}}', 1),
    "an empty list": (b"[]", 1),
    "a closest capture with no address": (b'{"archived_snapshots": {"closest": {"url": 5, "timestamp": null}}}', 1),
    # Fifteenth round, H1 and H2: no capture's address, so no answer (not "no copy: save all 33").
    "a capture on another host": (snapshot_of("{url}").replace(b"web.archive.org/", b"web.archive.org.evil.example/"), 1),
    "a capture behind a user part": (snapshot_of("{url}").replace(b"web.archive.org/", b"web.archive.org@evil.example/"), 1),
    "JSON nested past the parser's depth": (b"[" * 100000 + b"]" * 100000, 1),
    "a server error": (b"500", 1),
    "not JSON": (b"<html>down for maintenance</html>", 1),
    "a snapshot address holding reordering and control characters": (snapshot_of("{url}\u202e\u0000"), 0),
    "a snapshot of another address": (snapshot_of("https://evil.example/"), 0),
    "a snapshot older than the document": (snapshot_of("{url}", "19990101000000"), 0),
    "an answer a byte a second": (b"trickle", 1),
    # Captures on days the build refuses (seventh hostile round, cases 122, 185, 129): no such day, a day 99 of a
    # record issued in that month (which a comparison of text let through), a day after today.
    "a capture on 30 February": (snapshot_of("{url}", "20190230000000"), 0),
    "a capture on day 99 of a month": (snapshot_of("{url}", "20150399000000"), 0),
    "a capture in the future": (snapshot_of("{url}", "20991231000000"), 0),
    "a capture at hour 99 of a real day": (snapshot_of("{url}", "20190915999999"), 0),  # eighth round, case 41
    # The API may lead the tool nowhere (seventh hostile round, case 126): its redirect to a cloud's metadata
    # service was followed 33 times. Here it leads to another page of the stand-in, never asked.
    "a redirect": (b"redirect", 1),
}


REASONS = {"JSON nested past the parser's depth": "an answer nested too deep to read", "not JSON": "an answer that is not JSON",
           "a capture on another host": "a closest capture whose address is not a capture's on web.archive.org"}


@pytest.mark.parametrize("answer", HOSTILE_ANSWERS)
def test_no_answer_a_broken_or_hostile_api_gives_is_written(tmp_path, api, capsys, monkeypatch, answer):
    body, status = HOSTILE_ANSWERS[answer]
    monkeypatch.setattr(Availability, "hostile", body)
    monkeypatch.setattr(Availability, "paths", [])
    monkeypatch.setattr("edition.tools.archives.DEADLINE", 2)
    root = copy_project(tmp_path / "project")
    before = {path.name: path.read_bytes() for path in (root / "sources").glob("*.yml")}
    source = next(s for s in load_sources(root) if s.url and not s.archive_url)
    if answer == "an answer a byte a second":  # one record is enough to show the deadline
        for path in (root / "sources").glob("*.yml"):
            if path.name != f"{source.id}.yml" and "url:" in path.read_text(encoding="utf-8"):
                path.unlink()
        before = {path.name: path.read_bytes() for path in (root / "sources").glob("*.yml")}
    assert main(["--root", str(root), "--api", api, "--write"]) == status
    assert {path.name: path.read_bytes() for path in (root / "sources").glob("*.yml")} == before
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    # None found, whether the API answered or not (seventh hostile round, case 128: an API that never answered was
    # counted "33 of 33 sources … have one on the Wayback Machine").
    assert out.splitlines()[-1].startswith("0 of "), out
    if not status:  # every source named still at risk: the run went on to the last
        assert source.id in out.splitlines()[-1]
    if status:  # an outage is not "no copy exists"
        assert "the archive's API gave no answer for" in err and "run this again later" in err
    if answer in REASONS:  # in words, not Python's names (sixteenth hostile round, cases 82 and 87)
        assert f"{source.id} ({REASONS[answer]})" in err, err
    if answer == "a redirect":
        assert f"{source.id} (HTTP 302, a redirect, not followed)" in err
        assert set(Availability.paths) == {"/wayback/available"}  # and the page it leads to was never asked


def test_a_record_that_ends_its_yaml_document_is_named_not_written_past_its_end(tmp_path, api, capsys):
    root = copy_project(tmp_path / "project")
    record = root / "sources/france24-2020-03-19.yml"
    record.write_bytes(record.read_bytes() + b"...\n")
    before = record.read_bytes()
    assert main(["--root", str(root), "--api", api, "--write"]) == 1
    assert record.read_bytes() == before
    assert "error: sources/france24-2020-03-19.yml: could not add the snapshot (it holds a line `...`, which ends its YAML " \
           "document)" in capsys.readouterr().err


def indented(text: str) -> str:
    return "".join("  " + line if line.strip() else line for line in text.splitlines(keepends=True))


@pytest.mark.parametrize("change", ["an archive_url: null", "a mapping indented two spaces"])
def test_a_record_the_two_lines_would_break_is_named_and_kept(tmp_path, api, capsys, change):
    """Found by a reviewer (seventh hostile round, cases 123 and 124): on a record holding `archive_url: null`, --write
    added a second `archive_url:` (a duplicate key); on one indented two spaces, lines at column 0 (no YAML at all).
    The next build refused both. The record as it would be written is parsed first, and kept as it was if it fails."""
    root = copy_project(tmp_path / "project")
    record = root / "sources/france24-2020-03-19.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "archive_url: null\n" if change.startswith("an") else indented(text), encoding="utf-8")
    before = record.read_bytes()
    assert load_sources(root)["france24-2020-03-19"].archive_url is None  # the build takes the record as it is
    assert main(["--root", str(root), "--api", api, "--write"]) == 1
    assert record.read_bytes() == before
    assert load_sources(root)["france24-2020-03-19"].archive_url is None
    out, err = capsys.readouterr()
    assert f"archive_url: https://web.archive.org/web/20200320101010/{FRANCE24}\n  archive_date: 2020-03-20" in out
    assert "error: sources/france24-2020-03-19.yml: could not add the snapshot (the record would not be read: " in err
    assert err.split("(the record would not be read: ", 1)[1].split("\n")[0].endswith(
        "); add the two lines above by hand, where they belong in the record")


@pytest.mark.parametrize("address", ["", "wayback/available", "ftp://127.0.0.1/wayback", "file:///etc/passwd", "http:///x",
                                     "https://", "http://a b/", "http://127.0.0.1:99999/", "http://%zz/"])
def test_an_api_address_that_is_not_a_web_address_is_refused_in_one_line(tmp_path, capsys, address):
    """Found by a reviewer (seventh hostile round, case 128): --api '' asked nothing, for every source, and said so
    only after a count of copies found that was false."""
    with pytest.raises(SystemExit) as stop:
        main(["--root", str(tmp_path), "--api", address])  # an empty folder: were the address taken, the run would end at once
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"archives: error: argument --api: {address!r} is not "), err


def test_a_folder_that_is_not_the_project_is_refused_not_reported_as_safe(tmp_path, capsys):
    """Found by a reviewer (seventh hostile round, case 209): `--root` an empty folder said "0 of 0 sources without a
    recorded copy have one" and exited 0, as if every source were safe."""
    assert main(["--root", str(tmp_path), "--api", "http://127.0.0.1:9/wayback/available"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == (f"error: mkdocs.yml: {tmp_path} is not the edition's project folder (it has no "
                                 "mkdocs.yml); run this in the project folder, or name it with --root\n")

"""`make linkcheck` classifies every kind of answer a real server gives, in bounded time, and reports who is at risk."""

from __future__ import annotations

import http.server
import itertools
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import typing
from collections import Counter

import pytest

from conftest import ROOT, copy_project
from edition.tools.linkcheck import Settings, check_links, collect_links, main

REDIRECT_TO_OK = b"HTTP/1.1 302 Found\r\nLocation: /ok\r\n\r\n"  # and no length: the body lasts until the connection ends


def one_by_one(data: bytes) -> typing.Iterator[bytes]:
    return (bytes([byte]) for byte in data)


class Behaviours(http.server.BaseHTTPRequestHandler):
    """Each path answers as some server on the web does."""

    hits: typing.ClassVar[Counter] = Counter()
    stopping: typing.ClassVar[threading.Event] = threading.Event()  # set at teardown: every trickle ends
    TRICKLE_FOR = 10.0  # "forever", capped so that a checker with no deadline fails a test instead of hanging it

    def trickle(self, pieces: typing.Iterable[bytes], every: float) -> None:
        """Write the pieces of an endless answer one by one, `every` seconds apart."""
        self.close_connection = True
        stop = time.monotonic() + self.TRICKLE_FOR
        try:
            for piece in pieces:
                if time.monotonic() > stop or self.stopping.is_set():
                    break
                self.wfile.write(piece)
                self.stopping.wait(every)
        except OSError:  # the checker hung up, as it should
            pass

    def log_message(self, *args) -> None:
        pass

    def answer(self, status: int, headers: dict[str, str] | list[tuple[str, str]] | None = None) -> None:
        self.send_response(status)
        for name, value in headers.items() if isinstance(headers, dict) else headers or []:
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.hits[self.path] += 1
        if self.path in ("/no-head", "/trickle-body", "/trickle-redirect", "/flood-redirect"):
            return self.answer(405)  # so that the checker asks with GET, whose answer has a body
        self.do_GET(counted=True)

    def do_GET(self, counted: bool = False) -> None:
        if not counted:
            self.hits[self.path] += 1
        path = self.path
        if path in ("/ok", "/no-head"):
            self.answer(200)
        elif path == "/moved":
            self.answer(301, {"Location": "/moved-again"})
        elif path == "/moved-again":
            self.answer(301, {"Location": "/ok"})
        elif path == "/to-script":  # a redirect to no web address (sixth hostile round, issue 27)
            self.answer(302, {"Location": "javascript:alert(1)"})
        elif path == "/no-location":  # twenty-first hostile round, cases 85 to 87: redirects no browser follows
            self.answer(302)
        elif path == "/two-locations":
            self.answer(302, [("Location", "/ok"), ("Location", "http://169.254.169.254/")])
        elif path == "/loop":
            self.answer(302, {"Location": "/loop"})
        elif path == "/same-location-twice":  # twenty-second round, 46: what browsers follow, as they do
            self.answer(302, [("Location", "/ok"), ("Location", "/ok")])
        elif path.startswith("/chain-"):  # fifteen redirects, which browsers follow (they stop at twenty)
            left = int(path.removeprefix("/chain-"))
            self.answer(302, {"Location": f"/chain-{left - 1}" if left > 1 else "/ok"})
        elif path in ("/gone-404", "/gone-410"):
            self.answer(int(path[-3:]))
        elif path == "/busy":  # too many requests once, then fine
            self.answer(429, {"Retry-After": "0"}) if self.hits[path] == 1 else self.answer(200)
        elif path == "/busy-odd":  # a Retry-After no one can read: "²" passes str.isdigit but not float()
            self.answer(429, {"Retry-After": "²"}) if self.hits[path] == 1 else self.answer(200)
        elif path == "/failing":
            self.answer(500)
        elif path == "/slow":
            time.sleep(3)
            self.answer(200)
        elif path == "/reset":  # the connection is torn down without an answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif path == "/trickle-head":  # the status line and headers, a byte every 0.5 s, forever
            self.trickle(itertools.chain(one_by_one(b"HTTP/1.1 200 OK\r\nX-Filler: "), itertools.repeat(b"a")), 0.5)
        elif path == "/moved-to-trickle":
            self.answer(302, {"Location": "/trickle-head"})
        elif path == "/trickle-body":  # the headers at once, then the body a byte every 0.5 s, forever
            self.trickle(itertools.chain([b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"], itertools.repeat(b"a")), 0.5)
        elif path == "/trickle-redirect":  # a redirect, whose body trickles forever
            self.trickle(itertools.chain([REDIRECT_TO_OK], itertools.repeat(b"a")), 0.5)
        elif path == "/flood-redirect":  # a redirect, whose body never ends and comes as fast as it can
            self.trickle(itertools.chain([REDIRECT_TO_OK], itertools.repeat(b"a" * 65536)), 0)
        else:
            self.answer(404)


@pytest.fixture(scope="module")
def server():
    Behaviours.hits = Counter()
    Behaviours.stopping = threading.Event()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Behaviours)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        Behaviours.stopping.set()
        httpd.shutdown()
        httpd.server_close()


# The tests' server is on this machine: the addresses listed may be (private_ok); their redirects still may not.
FAST = Settings(timeout=0.5, retries=2, backoff=0.05, per_host=4, concurrency=8, private_ok=True)
EXPECTED = {
    "/ok": ("ok", 200), "/moved": ("redirected", 200), "/gone-404": ("broken", 404), "/gone-410": ("broken", 410),
    "/busy": ("ok", 200), "/busy-odd": ("ok", 200), "/failing": ("broken", 500), "/slow": ("unreachable", None),
    "/reset": ("unreachable", None), "/no-head": ("ok", 200), "/to-script": ("broken", 302),
    "/no-location": ("broken", 302), "/two-locations": ("broken", 302), "/loop": ("broken", None),
    "/same-location-twice": ("redirected", 200), "/chain-15": ("redirected", 200),
}


def test_each_answer_is_classified_within_the_time_bound(server, tmp_path):
    urls = [server + path for path in EXPECTED]
    start = time.monotonic()
    results = {r.url[len(server):]: r for r in check_links(urls, FAST, cache=tmp_path / "cache.json")}
    elapsed = time.monotonic() - start
    assert {path: (r.outcome, r.status) for path, r in results.items()} == EXPECTED
    assert results["/moved"].redirects == [server + "/moved", server + "/moved-again"]
    assert results["/moved"].final_url == server + "/ok"
    assert Behaviours.hits["/failing"] == 3  # tried, then retried twice with backoff
    assert results["/no-head"].detail == "HEAD refused; checked with GET"
    assert "0.5 s" in results["/slow"].detail
    assert results["/to-script"].detail == "redirects to 'javascript:alert(1)', which is not a web address"
    assert results["/no-location"].detail == "HTTP 302 without a Location header: a redirect to nowhere"
    assert results["/two-locations"].detail.endswith("in more than one Location header, which browsers refuse")
    assert results["/loop"].detail == "redirects in a loop, or more than 20 times"
    assert elapsed < 4, f"took {elapsed:.1f} s"  # the slow answer is cut at the timeout, not waited for


# Every read arrives well within the timeout; only the deadline can end the wait.
TRICKLED = Settings(timeout=2, deadline=2, retries=2, backoff=0.05, per_host=4, concurrency=8, private_ok=True)


def test_an_answer_that_trickles_in_is_cut_at_the_deadline(server, tmp_path):
    urls = [server + "/trickle-head", server + "/moved-to-trickle"]
    start = time.monotonic()
    results = check_links(urls, TRICKLED, cache=tmp_path / "cache.json")
    elapsed = time.monotonic() - start
    for result in results:
        assert (result.outcome, result.status) == ("unreachable", None), result
        assert result.detail == "no complete answer within 2 s (deadline exceeded)"
    assert Behaviours.hits["/trickle-head"] == 2  # once from each address: a deadline is not retried
    assert elapsed < 4, f"took {elapsed:.1f} s"  # both at once, each cut at 2 s
    assert not json.loads((tmp_path / "cache.json").read_text(encoding="utf-8"))  # and not remembered


def test_a_body_is_never_read_so_an_endless_one_costs_nothing(server, tmp_path):
    paths = {"/trickle-body": ("ok", 200, []), "/trickle-redirect": ("redirected", 200, ["/trickle-redirect"]),
             "/flood-redirect": ("redirected", 200, ["/flood-redirect"])}
    start = time.monotonic()
    results = check_links([server + path for path in paths], TRICKLED, cache=tmp_path / "cache.json")
    elapsed = time.monotonic() - start
    assert {r.url[len(server):]: (r.outcome, r.status, [u[len(server):] for u in r.redirects]) for r in results} == paths
    assert all(r.detail == "HEAD refused; checked with GET" for r in results)
    assert elapsed < 1.5, f"took {elapsed:.1f} s"  # well inside the deadline: answered by the headers alone


def test_a_second_run_within_the_age_is_answered_from_the_cache(server, tmp_path):
    cache = tmp_path / "cache.json"
    check_links([server + "/ok", server + "/gone-404"], FAST, cache=cache)
    hits = sum(Behaviours.hits.values())
    start = time.monotonic()
    again = check_links([server + "/ok", server + "/gone-404"], FAST, cache=cache)
    assert time.monotonic() - start < 0.2
    assert sum(Behaviours.hits.values()) == hits
    assert [r.outcome for r in again] == ["ok", "broken"]
    check_links([server + "/ok"], FAST, cache=cache, max_age=0)  # too old: asked again
    assert sum(Behaviours.hits.values()) > hits


def test_the_report_names_users_points_dead_sources_to_archives_and_lists_those_at_risk(server, tmp_path, capsys,
                                                                                        monkeypatch):
    from edition.model import sources

    # A record may not link to this machine, so the records name the server by a name of their own, looked up here.
    looked_up = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: looked_up(
        "127.0.0.1" if host in ("sources.example.org", b"sources.example.org") else host, *args, **kwargs))
    server = server.replace("127.0.0.1", "sources.example.org")
    monkeypatch.setattr(sources, "ARCHIVES", sources.ARCHIVES | {"sources.example.org"})  # the archive stands in on this machine
    root = copy_project(tmp_path / "project")
    for path in (root / "sources").glob("*.yml"):  # every source points at the test server
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("url: "):  # and the words read there (an excerpt's `where:`) with it
                text = text.replace(line.removeprefix("url: "), f"{server}/ok")
        path.write_text(text, encoding="utf-8")
    for page in (root / "docs").glob("*.md"):  # and no page names an outside address
        page.write_text(page.read_text(encoding="utf-8").replace("https://", "https-removed://"), encoding="utf-8")
    france = root / "sources/france24-2020-03-19.yml"
    france.write_text(france.read_text(encoding="utf-8").replace(f"{server}/ok", f"{server}/gone-410")
                      + f"archive_url: {server}/ok?archived\narchive_date: 2020-03-20\n", encoding="utf-8")
    salih = root / "sources/salih-2020-03-13.yml"
    salih.write_text(salih.read_text(encoding="utf-8").replace(f"{server}/ok", f"{server}/gone-404"),
                     encoding="utf-8")

    status = main(["--root", str(root), "--timeout", "1", "--deadline", "5", "--retries", "0", "--private-ok",
                   "--json", str(tmp_path / "report.json")])
    out = capsys.readouterr().out
    assert status == 1
    assert f"france24-2020-03-19: original dead; archived copy: {server}/ok?archived" in out
    assert "salih-2020-03-13: original dead and NO archived copy (at risk)" in out
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    gone = next(r for r in report["results"] if r["url"] == f"{server}/gone-410")
    assert gone["outcome"] == "broken" and gone["status"] == 410 and gone["sources"] == ["france24-2020-03-19"]
    shared = next(r for r in report["results"] if r["url"] == f"{server}/ok")
    assert len(shared["sources"]) > 5
    assert "france24-2020-03-19" not in report["without_archive"] and "salih-2020-03-13" in report["without_archive"]


# Run in a network namespace of its own with loopback only (unshare -n): were the guard to fail, the
# checker's request to 169.254.169.254 or 10.0.0.1 would fail on this machine, never leave it.
REDIRECTING_SERVER = """
import http.server, json, threading
from edition.tools.linkcheck import Settings, check_links
TARGETS = {"/to-metadata": "http://169.254.169.254/latest/meta-data/iam/", "/to-private": "http://10.0.0.1/admin",
           "/to-mapped": "http://[::ffff:169.254.169.254]/", "/to-other-loopback": "http://127.0.0.2:{port}/ok",
           "/to-name": "http://localhost:{port}/ok", "/here": "/ok",
           "/to-nat64": "http://[64:ff9b::a9fe:a9fe]/", "/to-6to4": "http://[2002:a9fe:a9fe::1]/",
           # Tenth round, cases 139 and 140: the deprecated IPv4-compatible form, and SIIT's IPv4-translated one.
           "/to-compatible": "http://[::a9fe:a9fe]/latest/meta-data/iam/", "/to-translated": "http://[::ffff:0:a9fe:a9fe]/",
           # Case 172: a host of octal numbers, which httpx builds no request for: that link's result, not the run's end.
           "/to-octal": "http://0251.0376.0251.0376/latest/meta-data/iam/",
           # Addresses no one can build a request for (seventh hostile round, cases 111 and 184): httpx refuses the
           # first (backslashes, which a browser reads as slashes), urlsplit the second (an unclosed IPv6 bracket).
           "/to-backslashes": "http:" + chr(92) * 2 + "169.254.169.254" + chr(92) + "x", "/to-open-bracket": "http://[::1/x",
           # Names no look-up takes (eighth round, case 150b): an empty label, and one longer than DNS allows.
           "/to-empty-label": "http://a..b/", "/to-long-label": "http://" + "a" * 70 + ".com/",
           # Fourteenth round: an address with DNS's trailing dot (43), a path a browser reads as another host (44).
           "/to-trailing-dot": "http://127.0.0.1.:{port}/ok", "/to-slash-backslash": "/" + chr(92) + "127.0.0.2:{port}/ok",
           "/to-one-slash": "http:/ok",  # fifteenth round, L17: this host, and its port
           # Twenty-third round, 20: names kept for local or special use, refused by name, never looked up.
           "/to-printer": "http://printer.local/", "/to-arpa": "http://ipv4only.arpa/"}
class Redirects(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        target = TARGETS.get(self.path)
        self.send_response(302 if target else 200)
        if target:
            self.send_header("Location", target.format(port=self.server.server_port))
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirects)
threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
base = f"http://127.0.0.1:{httpd.server_port}"
listed = check_links([base + path for path in TARGETS], Settings(timeout=2, deadline=5, retries=0, private_ok=True))
direct = check_links(["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:9/", "http://0251.0376.0251.0376/",
                      "https://xn--/", "https://xn--i-7iq.ws/"], Settings(timeout=2, retries=0))
print(json.dumps({r.url.removeprefix(base): [r.outcome, r.detail] for r in listed + direct}))
httpd.shutdown()
"""


def in_a_namespace(script: str) -> dict:
    """What script prints (JSON), run by this Python in a network namespace with loopback only."""
    try:
        result = subprocess.run(["unshare", "-n", "sh", "-c", f'ip link set lo up && exec "{sys.executable}" -c "$0"',
                                 script], capture_output=True, text=True, timeout=120,
                                env=os.environ | {"PYTHONPATH": str(ROOT / "scripts")})
    except FileNotFoundError:
        pytest.skip("unshare is not installed")
    if "Operation not permitted" in result.stderr:
        pytest.skip("unshare -n needs root")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_redirect_off_its_host_to_a_private_address_is_never_followed():
    outcomes = in_a_namespace(REDIRECTING_SERVER)
    for path in ("/to-metadata", "/to-private", "/to-mapped", "/to-other-loopback", "/to-name", "/to-nat64", "/to-6to4",
                 "/to-compatible", "/to-translated", "http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:9/",
                 "/to-trailing-dot", "/to-printer", "/to-arpa"):
        outcome, detail = outcomes[path]
        assert outcome == "broken" and "not a public address" in detail, (path, outcomes[path])
    for path in ("/to-printer", "/to-arpa"):
        assert "is a name kept for local or special use" in outcomes[path][1], (path, outcomes[path])
    for path in ("/to-nat64", "/to-6to4", "/to-compatible", "/to-translated"):  # named by the address they carry
        assert "is on 169.254.169.254," in outcomes[path][1], (path, outcomes[path])
    for path in ("/here", "/to-one-slash"):  # a redirect that stays on its own host is followed
        assert outcomes[path][0] == "redirected", (path, outcomes[path])
    for path in ("/to-backslashes", "/to-open-bracket", "/to-octal", "/to-slash-backslash"):  # its result; the run goes on
        outcome, detail = outcomes[path]
        assert outcome == "broken" and detail.endswith("which is not a web address"), (path, outcomes[path])
    for listed in ("http://0251.0376.0251.0376/", "https://xn--/", "https://xn--i-7iq.ws/"):  # listed itself: the run goes on
        outcome, detail = outcomes[listed]
        assert outcome == "broken" and detail.startswith("not asked: no request can be made for it"), (listed, detail)
    for path in ("/to-empty-label", "/to-long-label"):
        outcome, detail = outcomes[path]
        assert outcome == "broken" and detail.endswith("is not a host name"), (path, outcomes[path])


# DNS rebinding (twentieth hostile round, T1): a name whose answer turns from a public address to this machine's
# between two look-ups. Its look-ups answer in turn a public address and 127.0.0.1; inside the namespace
# a connection to the public one fails on the machine itself.
REBINDING = """
import http.server, json, socket, threading
from edition.tools.linkcheck import Settings, check_links
asked = []
class Logged(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
    do_GET = do_HEAD
    def log_message(self, *args):
        pass
httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Logged)
threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
looked_up = socket.getaddrinfo  # the system's resolver, which every look-up of Python's goes through
turns = []
def rebinding(host, port, *args, **kwargs):
    if host not in ("flip.example.net", b"flip.example.net"):
        return looked_up(host, port, *args, **kwargs)
    turns.append(host)
    address = "93.184.216.34" if len(turns) % 2 else "127.0.0.1"
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))]
socket.getaddrinfo = rebinding
urls = [f"http://flip.example.net:{httpd.server_port}/{n}" for n in range(6)]
results = check_links(urls, Settings(timeout=2, deadline=5, retries=0, per_host=1))
print(json.dumps({"asked": asked, "outcomes": [[r.outcome, r.detail] for r in results], "looked_up": len(turns)}))
httpd.shutdown()
"""


def test_a_name_that_turns_private_between_look_ups_is_never_connected_to():
    result = in_a_namespace(REBINDING)
    assert result["looked_up"] >= 6, result  # every link was asked for
    assert result["asked"] == [], result  # the loopback server heard nothing
    assert all(outcome != "ok" for outcome, _ in result["outcomes"]), result


@pytest.mark.parametrize("odd", ["fifo", "device", "latin-1"])
def test_a_page_that_is_a_fifo_a_device_or_not_utf8_is_refused_not_read(tmp_path, odd):
    """The checker reads the inputs as the build does: it names the file and stops, it never hangs or crashes."""
    root = copy_project(tmp_path / "project")
    page = root / "docs/pipe.md"
    if odd == "fifo":
        os.mkfifo(page)
    elif odd == "device":
        page.symlink_to("/dev/zero")
    else:
        page.write_bytes("# Caf\xe9\n".encode("latin-1"))
    result = subprocess.run([sys.executable, "-m", "edition.tools.linkcheck", "--root", str(root)], capture_output=True,
                            text=True, timeout=60, env=os.environ | {"PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert any(line.startswith("error: docs/pipe.md") for line in result.stderr.splitlines()), result.stderr


def test_a_link_to_a_host_in_brackets_is_listed_to_be_checked(tmp_path):
    """Tenth hostile round, case 136: a page's link to an IPv6 host ([::a9fe:a9fe], 169.254.169.254) was never listed,
    so never held to the public-address rule."""
    root = copy_project(tmp_path / "project")
    page = root / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [this](http://[::a9fe:a9fe]/latest/meta-data/) and "
                    "<http://[2001:db8::1]:8080/x>.\n", encoding="utf-8")
    links, _ = collect_links(root)
    assert {"http://[::a9fe:a9fe]/latest/meta-data/", "http://[2001:db8::1]:8080/x"} <= set(links)


def test_a_folder_that_is_not_the_project_is_named_in_one_line(tmp_path, capsys):
    """Ninth hostile round, case 82: --root docs named every input missing, eight lines, where one says what is wrong."""
    assert main(["--root", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (f"error: mkdocs.yml: {tmp_path} is not the edition's project folder (it has no "
                                       "mkdocs.yml); run this in the project folder, or name it with --root\n")


def test_ctrl_c_ends_the_link_check_in_one_line(tmp_path, monkeypatch, capsys):
    from edition.tools import linkcheck

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    root = copy_project(tmp_path / "project")
    monkeypatch.setattr(linkcheck, "check_links", interrupted)
    assert main(["--root", str(root)]) == 130
    assert capsys.readouterr().err == "linkcheck interrupted; no report written, the cache as it was\n"
    assert not (root / ".cache/linkcheck-report.json").exists()


@pytest.mark.parametrize(("tool", "reads", "said"), [
    ("linkcheck", "load_inputs", "linkcheck interrupted; the cache and the report are each as they were, or whole and new"),
    ("archives", "load_sources", "archives interrupted; the records written so far keep their snapshot")])
@pytest.mark.filterwarnings("ignore:'edition.tools:RuntimeWarning")  # runpy, for a module this file imported already
def test_ctrl_c_while_the_inputs_are_read_ends_in_one_line(tool, reads, said, tmp_path, monkeypatch, capsys):
    """Twenty-fourth round, T5: a Ctrl-C while the tool read the records printed a traceback. Run as the program is."""
    import runpy

    from edition.model import edition, sources

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(edition if reads == "load_inputs" else sources, reads, interrupted)
    monkeypatch.setattr(sys, "argv", [tool, "--root", str(copy_project(tmp_path / "project"))])
    with pytest.raises(SystemExit) as ended:
        runpy.run_module(f"edition.tools.{tool}", run_name="__main__")
    assert ended.value.code == 130
    assert capsys.readouterr().err == said + "\n"


@pytest.mark.parametrize("target", ["sources/essay/claims.yml", "docs"])
def test_the_report_never_replaces_an_input_or_a_folder(tmp_path, target):
    """Found by a reviewer: --json sources/essay/claims.yml overwrote the claims ledger with the report."""
    root = copy_project(tmp_path / "project")
    before = (root / "sources/essay/claims.yml").read_bytes()
    assert main(["--root", str(root), "--json", str(root / target)]) == 1
    assert (root / "sources/essay/claims.yml").read_bytes() == before and (root / "docs").is_dir()


def test_a_cache_folder_that_is_a_link_gets_no_report(tmp_path, monkeypatch, capsys):
    """Found by a reviewer: a .cache linked elsewhere had the report written outside the project."""
    from edition.tools import linkcheck

    root = copy_project(tmp_path / "project")
    (tmp_path / "elsewhere").mkdir()
    shutil.rmtree(root / ".cache", ignore_errors=True)
    (root / ".cache").symlink_to(tmp_path / "elsewhere")
    monkeypatch.setattr(linkcheck, "check_links", lambda urls, *args, **kwargs: [])
    monkeypatch.setattr(linkcheck, "report", lambda *args: ("", {}))
    assert main(["--root", str(root)]) == 1
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert capsys.readouterr().err == ("error: .cache/linkcheck-report.json is in a .cache folder that is a link to "
                                       "elsewhere; nothing was checked; remove the link (the caches are made again), or "
                                       "name another file with --json\n")


@pytest.mark.parametrize("when", ["before the run", "during the run"])
def test_a_report_that_cannot_be_written_is_an_error_not_a_claim(tmp_path, monkeypatch, capsys, when):
    """Found by a reviewer (issue 27): with .cache/linkcheck-report.json a folder, the checker ended with
    "report: …/linkcheck-report.json" and nothing had been written."""
    from edition.tools import linkcheck

    root = copy_project(tmp_path / "project")
    folder = root / ".cache/linkcheck-report.json"
    if when == "before the run":
        folder.mkdir(parents=True)
    monkeypatch.setattr(linkcheck, "check_links", lambda urls, *args, **kwargs: folder.mkdir(parents=True, exist_ok=True) or [])
    monkeypatch.setattr(linkcheck, "report", lambda *args: ("", {}))
    assert main(["--root", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "report:" not in out
    done = "nothing was checked" if when == "before the run" else "the links were checked, but no report was written"
    assert err == f"error: .cache/linkcheck-report.json is a folder; {done}; remove it, or name another file with --json\n"
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.parametrize("option", [["--per-host", "0"], ["--per-host", "-1"], ["--retries", "-3"], ["--timeout", "nan"],
                                    ["--timeout", "-1"], ["--timeout", "0"], ["--deadline", "nan"], ["--deadline", "inf"],
                                    ["--max-age", "nan"], ["--max-age", "-1"], ["--per-host", "two"],
                                    ["--retries", "99999999999999999999999"], ["--retries", "11"], ["--per-host", "65"]])
def test_an_option_out_of_its_range_is_refused_in_one_line(tmp_path, capsys, option):
    """Found by a reviewer (seventh hostile round, cases 112-115): --per-host 0 hung for ever, --per-host -1 and a
    `nan` deadline or timeout ended in a traceback, and --timeout -1 or --retries -3 reported every address broken;
    (eighth round, case 12) --retries 10**23, doubling its wait each time, never ended."""
    with pytest.raises(SystemExit) as stop:
        main(["--root", str(tmp_path), *option])  # an empty folder: were the option taken, the run would end at once
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"linkcheck: error: argument {option[0]}: {option[1]!r} "), err
    assert "Traceback" not in err


def test_the_options_edges_are_taken(tmp_path, monkeypatch):
    from edition.tools import linkcheck

    taken = []
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")  # a project folder, as the checker asks
    monkeypatch.setattr(linkcheck, "collect_links", lambda root: ({}, {}))
    monkeypatch.setattr(linkcheck, "check_links", lambda urls, settings, **kwargs: taken.append((settings, kwargs)) or [])
    assert main(["--root", str(tmp_path), "--per-host", "1", "--retries", "0", "--max-age", "0", "--timeout", "0.5",
                 "--deadline", "1e3", "--json", str(tmp_path / "report.json")]) == 0
    assert main(["--root", str(tmp_path), "--per-host", "64", "--retries", "10", "--json", str(tmp_path / "most.json")]) == 0
    (settings, kwargs), (most, _) = taken
    assert (settings.per_host, settings.retries, settings.timeout, settings.deadline, kwargs["max_age"]) == (1, 0, 0.5, 1000, 0)
    assert (most.per_host, most.retries) == (64, 10)


@pytest.mark.parametrize("target", ["sources/zz-new.yml", "docs/report.md", "overrides/report.json", "print/report.json",
                                    "mkdocs.yml", "zensical.toml", "scripts/report.json", ".git/report.json"])
def test_the_report_is_never_written_among_the_inputs_a_build_reads(tmp_path, monkeypatch, capsys, target):
    """Found by a reviewer (seventh hostile round, case 116): --json sources/zz-new.yml wrote the report as a new
    file among the records, which the next build read as one; (eighth, case 132) --json zensical.toml became the
    settings every later `zensical build` read first."""
    from edition.tools import linkcheck

    root = copy_project(tmp_path / "project")
    before = sorted(root.rglob("*"))
    monkeypatch.setattr(linkcheck, "check_links", lambda urls, *args, **kwargs: [])  # never reached: nothing is asked
    monkeypatch.setattr(linkcheck, "collect_links", lambda root: ({}, {}))
    assert main(["--root", str(root), "--json", str(root / target)]) == 1
    assert sorted(root.rglob("*")) == before
    top = target.split("/")[0] + ("/" if "/" in target else "")
    why = (f"is among the project's inputs ({top}), which the next build would read; name a file outside them"
           if target.endswith(".json") else "does not end in .json, and a build may read a file of another kind as its own; "
           "name a file ending in .json")
    assert capsys.readouterr().err == f"error: --json {root / target}: {why}, such as one in .cache/\n"

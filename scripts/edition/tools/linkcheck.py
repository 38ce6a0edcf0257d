"""`make linkcheck`: check every external address of the sources and the pages, online.

Kept apart from the build, which never touches the network. Requests run concurrently, a few per
host; each has a timeout for connecting and for every read, and a deadline for the whole answer
(--deadline, redirects included), so a server that trickles a byte at a time cannot hold the run:
past it the address is unreachable, "no complete answer within N s". 429 and 5xx answers are
retried with backoff (honouring Retry-After), each attempt with a deadline of its own; redirects are
followed and reported; HEAD is tried first, then GET where a server refuses HEAD. Only the status
line and headers are read, never a body (of a redirect either), so a huge or endless one costs nothing.
Results are cached, so a second run within --max-age is instant. The report (a table, and JSON)
gives each address's status, final address, and the sources and pages that use it; a source whose
address is dead is pointed to its archived copy, or listed as at risk when it has none. The exit
status is 1 when any address is broken or unreachable.
"""

from __future__ import annotations

from ..interrupt import run_until_interrupted, until_ready

until_ready(__name__, "make linkcheck")  # before the imports below, which take half a second

import argparse
import asyncio
import contextlib
import datetime as dt
import ipaddress
import json
import math
import re
import socket
import sys
import time
import typing
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpcore
import httpx

from ..cache import CACHE_DIR, LINKCHECK_CACHE, keep_json, read_json, through_a_link, write_atomic
from ..model.edition import PROJECT_FILES, load_inputs, not_a_project
from ..model.web_addresses import not_public, read_as_ip, special_use_problem, web_address
from ..outputs import INPUTS
from ..problems import ProblemsFound

CACHE_FILE = LINKCHECK_CACHE
REPORT_FILE = CACHE_DIR / "linkcheck-report.json"
# An address in a page's text; its host may be an IPv6 address in brackets (tenth hostile round, case 136: such a link
# was never listed, so never checked against the private ranges).
_URL_IN_TEXT = re.compile(r"https?://(?:\[[0-9A-Fa-f:.]+\](?::[0-9]+)?(?=[/?#\s)\]>\"'`]|$)[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?]?"
                          r"|[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?])")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
RETRY_STATUSES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {400, 403, 405, 406, 501}  # servers that answer HEAD badly but GET well
MAX_REDIRECTS = 20  # as browsers follow them (Chromium and Firefox stop at 20): a longer chain is broken to a reader
USER_AGENT = "iraq-restraint-edition-linkcheck/1 (+https://iraq-restraint-edition.github.io/)"


@dataclass
class Link:
    url: str
    sources: list[str] = field(default_factory=list)  # source ids whose `url` or `archive_url` it is
    pages: list[str] = field(default_factory=list)  # docs/ pages that name it


OUTCOMES = ("ok", "redirected", "broken", "unreachable")


@dataclass
class Result:
    url: str
    outcome: str  # one of OUTCOMES
    status: int | None
    final_url: str
    redirects: list[str]
    detail: str
    checked_at: float

    @property
    def failed(self) -> bool:
        return self.outcome in ("broken", "unreachable")


@dataclass(frozen=True)
class Settings:
    timeout: float = 15.0  # seconds to connect, and between two reads
    deadline: float = 30.0  # seconds for a whole attempt, redirects included: a trickling server is cut off
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    per_host: int = 2
    concurrency: int = 8
    # The addresses listed may be on this machine or its network (the tests' own server); a redirect never
    # may, unless it stays on the host it came from: a cited site cannot send the checker to a cloud's
    # metadata service (169.254.169.254), a router or another service of this machine.
    private_ok: bool = False


class NotPublic(httpx.HTTPError):
    """An address the checker will not ask: its host is not on the public internet."""


class NotWeb(Exception):
    """A redirect to no web address (javascript:, mailto:…), which httpx cannot even build a request for; or one
    no browser follows (why)."""

    def __init__(self, location: str, status: int, why: str = "which is not a web address"):
        super().__init__(f"redirects to {location[:100]!r}, {why}")
        self.status = status


async def _refuse_redirects_off_the_web(response: httpx.Response) -> None:
    """Run on each answer before httpx reads its Location: one that is no web address is a broken link, named so."""
    location = response.headers.get("location")
    if not response.is_redirect or location is None:
        return
    if len(set(locations := response.headers.get_list("location"))) > 1:
        # httpx joins them with a comma and follows that, an address no browser reaches: Chromium refuses the answer
        # (twenty-first hostile round, case 86). The same one twice, browsers follow (twenty-second round, 46).
        raise NotWeb(location, response.status_code, "in more than one Location header, which browsers refuse")
    response.headers["location"] = location = locations[0]
    try:
        # A backslash: browsers read `/\\host/x` as `//host/x`, another host, where httpx reads a path of this one
        # (fourteenth hostile round, case 44): whichever is followed, the report would not say where a reader goes.
        if urlsplit(location.strip()).scheme.lower() not in ("", "http", "https") or "\\" in location:
            raise NotWeb(location, response.status_code)
        target = _redirect_target(response.request.url, location)
        if httpx.URL(location).scheme and not httpx.URL(location).host:
            # "http:/path": a browser goes to this host and port; httpx drops the port (fifteenth round, L17), so
            # it is given the address a browser goes to.
            response.headers["location"] = str(target)
    except (ValueError, httpx.InvalidURL):
        # An address no request can be built for (seventh hostile round, cases 111 and 184: `http:\\host\x`, an
        # unclosed `[` of an IPv6 host) raised out of httpx or urlsplit and lost the whole run: it is this link's
        # result instead. (httpx.InvalidURL is neither a ValueError nor an httpx.HTTPError.)
        raise NotWeb(location, response.status_code) from None


def _redirect_target(origin: httpx.URL, location: str) -> httpx.URL:
    """The address a Location header leads to, raising where httpx would (httpx.Client._redirect_url)."""
    url = httpx.URL(location)
    if url.scheme and not url.host:  # "http:/path": the host of the request, and its port, as a browser reads it
        url = url.copy_with(host=origin.host, port=origin.port)
    return origin.join(url) if url.is_relative_url else url


def collect_links(root: Path) -> tuple[dict[str, Link], dict]:
    """Every external address in sources/ and docs/, with who uses it; and the registry.

    The inputs are read as the build reads them (model.load_inputs): a page that is a FIFO, a link to a
    device or not UTF-8 is refused by file and line, never opened raw, and the checker stops there."""
    inputs = load_inputs(root)
    links: dict[str, Link] = {}
    for source in inputs.registry:
        for url in filter(None, [source.url, source.archive_url]):
            links.setdefault(url, Link(url)).sources.append(source.id)
    for page in inputs.docs:
        for url in dict.fromkeys(_URL_IN_TEXT.findall(page.text)):
            links.setdefault(url, Link(url)).pages.append(f"docs/{page.file}")
    return links, inputs.registry


async def check_url(client: httpx.AsyncClient, url: str, settings: Settings) -> Result:
    """Check one address: HEAD, then GET if HEAD is refused; retry 429 and 5xx with backoff.

    Each attempt (HEAD, the GET after it, and every redirect of both) must end within the deadline."""
    detail, status, final, redirects = "", None, url, []
    for attempt in range(settings.retries + 1):
        try:
            async with asyncio.timeout(settings.deadline):
                response, redirects = await _ask(client, "HEAD", url)
                if response.status_code in HEAD_REFUSED:
                    response, redirects = await _ask(client, "GET", url)
                    detail = "HEAD refused; checked with GET"
            status, final = response.status_code, str(response.url)
            if status in RETRY_STATUSES and attempt < settings.retries:
                await asyncio.sleep(_retry_after(response, min(settings.backoff * 2 ** attempt, MAX_WAIT)))
                continue
            break
        except TimeoutError:  # the deadline (httpx's own timeouts are not TimeoutError)
            return Result(url, "unreachable", None, url, [], f"no complete answer within {settings.deadline:g} s (deadline exceeded)",
                          time.time())
        except httpx.TimeoutException:
            return Result(url, "unreachable", None, url, [], f"no answer within {settings.timeout:g} s", time.time())
        except NotPublic as error:  # not a network failure: asking again would not change it
            return Result(url, "broken", None, url, [], str(error), time.time())
        except NotWeb as error:  # nor this: the site sends readers to no web address
            return Result(url, "broken", error.status, url, [], str(error), time.time())
        except (httpx.InvalidURL, UnicodeError) as error:
            # An address httpx builds no request for (a host of octal numbers; xn--, or i❤.ws, which IDNA 2008 refuses:
            # eleventh hostile round, cases 135 and 141): this link's result, not the run's end.
            return Result(url, "broken", None, url, [], f"not asked: no request can be made for it ({error})", time.time())
        except httpx.TooManyRedirects:  # the site's own answer, a loop or an endless chain (case 87): asking again changes nothing
            return Result(url, "broken", None, url, [], f"redirects in a loop, or more than {MAX_REDIRECTS} times", time.time())
        except httpx.HTTPError as error:
            detail = f"{type(error).__name__}: {error}".strip(": ")
            if attempt < settings.retries:
                await asyncio.sleep(min(settings.backoff * 2 ** attempt, MAX_WAIT))
                continue
            return Result(url, "unreachable", None, url, [], detail, time.time())
    if status is not None and 300 <= status < 400 and status != 304:
        # A redirect that says not where to: a reader is shown an empty page (twenty-first hostile round, case 85).
        outcome, detail = "broken", f"HTTP {status} without a Location header: a redirect to nowhere"
    elif status is not None and status < 400:
        outcome = "redirected" if redirects else "ok"
    else:
        outcome = "broken"
        detail = detail or f"HTTP {status}"
    return Result(url, outcome, status, final, redirects, detail, time.time())


async def _ask(client: httpx.AsyncClient, method: str, url: str) -> tuple[httpx.Response, list[str]]:
    """The last answer to `method url`, redirects followed, and the addresses that redirected.

    Every answer is closed once its status line and headers are in: no body is read, a redirect's
    included (httpx would read those whole), so a huge or endless body is never downloaded. Each
    connection goes only to a public address (_PublicOnly), a redirect's too."""
    request, redirects = client.build_request(method, url), []
    while True:
        response = await client.send(request, stream=True, follow_redirects=False)
        await response.aclose()
        if response.next_request is None:
            return response, redirects
        if len(redirects) >= client.max_redirects:
            raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
        redirects.append(str(response.url))
        request = response.next_request


async def _public_addresses(host: str, port: int) -> list[str]:
    """The addresses of host, raising NotPublic unless every one is a global one (not private, loopback,
    link-local, shared, reserved or multicast)."""
    if special_use_problem(host):  # printer.local, ipv4only.arpa: never asked of DNS
        raise NotPublic(f"not asked: {host} is a name kept for local or special use, not a public address")
    try:
        # An address as browsers read it, 127.0.0.1. or 0x7f.1 too, is never a name to ask DNS for (case 43).
        found = ([(None, None, None, None, (literal, port))] if (literal := read_as_ip(host)) else
                 await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM))
    except OSError as error:
        raise httpcore.ConnectError(f"{host} has no address: {error}") from None
    except ValueError:  # UnicodeError: a label empty or longer than DNS allows (a..b, 70 letters): no name to look up
        raise NotPublic(f"not asked: {host!r} is not a host name") from None
    addresses = []
    for *_, address in found:
        if (ip := not_public(ipaddress.ip_address(address[0].split("%")[0]))) is not None:
            raise NotPublic(f"not asked: {host}{f':{port}' if port not in (80, 443) else ''} is on {ip}, "
                            "not a public address")
        addresses.append(address[0])
    return addresses


class _PublicOnly(httpcore.AsyncNetworkBackend):
    """Connections to public addresses only, each made to the very address that was looked up and checked.

    Checked in a look-up of its own before httpx connected, a name whose answer changed in between (DNS
    rebinding: public, then 127.0.0.1) led the checker to this machine (twentieth hostile round, T1); a
    name is now looked up once per connection, here. The hosts and ports in `local` (the addresses listed,
    with --private-ok) are connected to as they are."""

    def __init__(self, local: frozenset[tuple[str, int]]):
        self._local = local
        self._network = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: typing.Iterable | None = None) -> httpcore.AsyncNetworkStream:
        addresses = [host] if (host, port) in self._local else await _public_addresses(host, port)
        failed: Exception | None = None
        for address in addresses:  # TLS is still started with the host's name (httpcore's SNI and certificate check)
            try:
                return await self._network.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failed = error
        raise failed or httpcore.ConnectError(f"{host} has no address")

    async def sleep(self, seconds: float) -> None:
        await self._network.sleep(seconds)


class _Transport(httpx.AsyncHTTPTransport):
    """httpx's transport over connections to public addresses only. httpx takes no network backend, its pool
    (httpcore's) does: the pool is made again with one. It never goes through a proxy named in the
    environment either, which would look names up where no check of the checker's can see."""

    def __init__(self, local: frozenset[tuple[str, int]]):
        super().__init__()
        limits = httpx.Limits()
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=_PublicOnly(local))


def _origin(url: str) -> tuple[str, int] | None:
    """A listed address's host and port as httpcore connects to them, or None for one no request can be made for."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return None
    return parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80)


MAX_WAIT = 60.0  # seconds between two attempts at most, whatever the backoff or the server asks


def _retry_after(response: httpx.Response, default: float) -> float:
    """The seconds a 429 or 503 asks to wait (at most 60), or the default for anything else (an HTTP date,
    "²", which str.isdigit takes for a digit, or nonsense)."""
    value = response.headers.get("Retry-After", "").strip()
    return min(float(value), MAX_WAIT) if re.fullmatch(r"[0-9]{1,6}(?:\.[0-9]{1,6})?", value) else default


async def _check_all(urls: list[str], settings: Settings) -> list[Result]:
    hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))
    overall = asyncio.Semaphore(settings.concurrency)
    timeout = httpx.Timeout(settings.timeout)
    local = frozenset(filter(None, map(_origin, urls))) if settings.private_ok else frozenset()
    async with httpx.AsyncClient(transport=_Transport(local), follow_redirects=True, timeout=timeout,
                                 headers={"User-Agent": USER_AGENT},
                                 max_redirects=MAX_REDIRECTS, event_hooks={"response": [_refuse_redirects_off_the_web]}) as client:
        async def one(url: str) -> Result:
            async with overall, hosts[urlsplit(url).netloc]:
                return await check_url(client, url, settings)

        return list(await asyncio.gather(*(one(url) for url in urls)))


def check_links(urls: list[str], settings: Settings = Settings(), cache: Path | None = None,
                max_age: float = 86400.0) -> list[Result]:
    """Check addresses, reusing cached results younger than max_age seconds; update the cache."""
    cached = _cached_results(cache) if cache else {}
    now = time.time()
    fresh = {url: cached[url] for url in urls if url in cached and now - cached[url].checked_at < max_age}
    pending = [u for u in urls if u not in fresh]
    checked = []
    if pending:
        # In a thread of its own, so that a caller with an event loop of its own (Playwright's) is no obstacle.
        with ThreadPoolExecutor(max_workers=1) as worker:
            checked = worker.submit(asyncio.run, _check_all(pending, settings)).result()
    results = {**fresh, **{r.url: r for r in checked}}
    if cache:
        # An unreachable address is not kept: the network, not the address, may be what failed.
        cached.update({r.url: r for r in checked if r.outcome != "unreachable"})
        keep_json(cache, {url: asdict(result) for url, result in cached.items()})
    return [results[url] for url in urls]


def _cached_results(cache: Path) -> dict[str, Result]:
    """The results kept from earlier runs; a damaged entry (or file) is checked again, never an error."""
    kept = read_json(cache)
    if not isinstance(kept, dict):
        return {}
    results = {}
    now = time.time()
    for url, fields in kept.items():
        with contextlib.suppress(TypeError):
            result = Result(**fields) if isinstance(fields, dict) else None
            if result is not None and _well_formed(result, url, now):
                results[url] = result
    return results


def _well_formed(result: Result, url: str, now: float) -> bool:
    """A kept answer of the kind this checker writes: for its address, of a known outcome, checked in the past."""
    return (result.url == url and result.outcome in OUTCOMES and isinstance(result.final_url, str)
            and web_address(result.final_url, local_ok=True)  # a status of 10²³, a final address of no form: damaged (round 24, 18)
            and isinstance(result.detail, str) and (result.status is None or (type(result.status) is int and 100 <= result.status <= 599))
            and isinstance(result.redirects, list) and all(isinstance(r, str) for r in result.redirects)
            # An outcome its status and redirects agree with, and no control character to print (an escape sequence
            # cleared the terminal: twenty-fifth hostile round, 22 to 24 and 28).
            and {"ok": result.status is not None and result.status < 400 and not result.redirects,
                 "redirected": result.status is not None and result.status < 400 and bool(result.redirects),
                 "broken": result.status is None or result.status >= 300,
                 "unreachable": result.status is None}[result.outcome]
            and not any(CONTROL.search(text) for text in [result.detail, result.final_url, *result.redirects])
            and type(result.checked_at) in (int, float) and 0 <= result.checked_at <= now)


def report(links: dict[str, Link], results: list[Result], registry) -> tuple[str, dict]:
    """The terminal table and the JSON report."""
    rows, entries = [], []
    for result in results:
        link = links[result.url]
        used_by = ", ".join(link.sources + link.pages)
        rows.append(f"{result.outcome:11} {result.status or '-':>4}  {result.url}\n{'':17}used by {used_by}"
                    + (f"\n{'':17}now at {result.final_url}" if result.redirects else "")
                    + (f"\n{'':17}{result.detail}" if result.detail else ""))
        entries.append(asdict(result) | {"sources": link.sources, "pages": link.pages})
    dead = {source: r.outcome for r in results if r.failed for source in links[r.url].sources
            if registry[source].url == r.url}
    rescue = []
    for source_id, outcome in sorted(dead.items()):
        source = registry[source_id]
        state = "dead" if outcome == "broken" else "unreachable"
        rescue.append(f"{source_id}: original {state}; archived copy: {source.archive_url}" if source.archive_url
                      else f"{source_id}: original {state} and NO archived copy (at risk)")
    at_risk = sorted(s.id for s in registry if s.url and not s.archive_url)
    failed = sum(r.failed for r in results)
    summary = (f"{len(results)} addresses: {sum(r.outcome == 'ok' for r in results)} ok, "
               f"{sum(r.outcome == 'redirected' for r in results)} redirected, {failed} broken or unreachable")
    text = "\n".join(rows + [""] + rescue + [f"sources with no archived copy (at risk if their address dies): "
                                              f"{len(at_risk)} of {sum(1 for s in registry if s.url)}"] + [summary])
    data = {"checked": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "summary": summary,
            "results": entries, "dead_sources": rescue, "without_archive": at_risk}
    return text, data


def _unfit_report_path(target: Path, root: Path) -> str | None:
    """Why the report may not be written at target (an input of the project, a folder, a link), or None."""
    if target.is_symlink():
        return "is a link"
    if target.is_dir():
        return "is a folder"
    if target.exists() and not target.is_file():
        return "is a special file (a FIFO, socket or device)"
    if through_a_link(target):  # as every cache: never through a .cache that is a link elsewhere
        return "is in a .cache folder that is a link to elsewhere"
    # A JSON file, and nowhere a build reads, even as a new file: --json sources/zz-new.yml was read by the next build
    # as a record (seventh hostile round, case 116), --json zensical.toml by every later `zensical build` as its
    # settings (eighth, case 132).
    if target.suffix != ".json":
        return "does not end in .json, and a build may read a file of another kind as its own"
    read = (*PROJECT_FILES, *(name for name in INPUTS if name != CACHE_DIR.name))  # .cache/ is where the report goes
    if top := next((name for name in read if target.resolve().is_relative_to(root / name)), None):
        return f"is among the project's inputs ({top}{'/' if top in INPUTS else ''}), which the next build would read"
    inside = target.resolve().is_relative_to(root) and not target.resolve().is_relative_to(root / CACHE_DIR)
    if inside and target.exists():
        return "is a file of the project, which the report would replace"
    return None


def _report_fix(reason: str) -> str:
    """How to make room for the report, by what is in its way."""
    if "link" in reason:
        return "remove the link (the caches are made again), or name another file with --json"
    if reason.startswith("is "):
        return "remove it, or name another file with --json"
    return "check the folder's permissions and free space, or name another file with --json"


class OneLineParser(argparse.ArgumentParser):
    """An option error in one line (argparse prints its usage first, several lines of it): what is wrong, how to see
    what is right. Exit 2, as argparse."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: error: {message}; see {self.prog} --help\n")


def whole(least: int, most: int) -> typing.Callable[[str], int]:
    """An option's type: a whole number from `least` to `most` (a retry count of 10**20 waited for days)."""
    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = least - 1
        if not least <= value <= most:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {least} to {most}; give one")
        return value
    return read


def finite(zero_ok: bool) -> typing.Callable[[str], float]:
    """An option's type: a finite number above 0 (or from 0, with zero_ok). `nan` passes every comparison float()
    makes, and then asyncio.timeout(nan) raised; a negative timeout made every address look broken."""
    def read(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number {'of 0 or more' if zero_ok else 'above 0'}; "
                                             f"give one such as {'0 or 24' if zero_ok else '15'}")
        return value
    return read


def main(argv: list[str] | None = None) -> int:
    # Every option is checked as it is read (seventh hostile round, cases 112-115): --per-host 0 waited for ever on a
    # semaphore of 0, a `nan` deadline raised, a negative timeout or retry count reported every address broken.
    parser = OneLineParser(prog="linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--json", type=Path, help=f"where to write the JSON report (default: ROOT/{REPORT_FILE})")
    parser.add_argument("--max-age", type=finite(zero_ok=True), default=24.0,
                        help="reuse results younger than this many hours (default 24)")
    parser.add_argument("--timeout", type=finite(zero_ok=False), default=Settings.timeout,
                        help="seconds to connect, and between two reads (default 15)")
    parser.add_argument("--deadline", type=finite(zero_ok=False), default=Settings.deadline,
                        help="seconds for a whole request, redirects included (default 30); a slower answer is unreachable")
    parser.add_argument("--retries", type=whole(0, 10), default=Settings.retries, help="retries after 429, 5xx or a dropped connection")
    parser.add_argument("--per-host", type=whole(1, 64), default=Settings.per_host, help="requests at once to one host (default 2)")
    parser.add_argument("--private-ok", action="store_true",
                        help="ask the listed addresses even on this machine or its network (to test against a local server); "
                             "a redirect off its host never may")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if elsewhere := not_a_project(root, "this"):  # one line, not every input named missing
        print(f"error: {elsewhere}", file=sys.stderr)
        return 1
    target = (args.json or root / REPORT_FILE).absolute()
    # Where the report goes is checked before the links are (an hour's work, offline or slow), and again once it
    # is written: "report: …" is printed only for a report that is there.
    if args.json is not None and (reason := _unfit_report_path(target, root)):
        fix = ("name a file outside them, such as one in .cache/" if "inputs" in reason else
               "name a file ending in .json, such as one in .cache/" if ".json" in reason else
               "name a new file, or one outside the project's inputs")
        print(f"error: --json {args.json}: {reason}; {fix}", file=sys.stderr)
        return 1
    if reason := _unfit_report_path(target, root):
        print(f"error: {REPORT_FILE.as_posix()} {reason}; nothing was checked; {_report_fix(reason)}", file=sys.stderr)
        return 1
    try:
        links, registry = collect_links(root)
    except ProblemsFound as error:
        print("\n".join(f"error: {p}" for p in error.problems), file=sys.stderr)
        return 1
    settings = Settings(timeout=args.timeout, deadline=args.deadline, retries=args.retries, per_host=args.per_host,
                        private_ok=args.private_ok)
    try:
        results = check_links(list(links), settings, cache=root / CACHE_FILE, max_age=args.max_age * 3600)
    except KeyboardInterrupt:  # Ctrl-C: the cache is written whole or not at all, so the last one stands
        print("linkcheck interrupted; no report written, the cache as it was", file=sys.stderr)
        return 130
    text, data = report(links, results, registry)
    print(text)
    report_data = json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")
    reason = _unfit_report_path(target, root)  # made so while the links were checked
    if reason is None:
        try:
            write_atomic(target, report_data)
        except OSError as error:  # a read-only folder, a full disk
            reason = f"could not be written ({error.strerror or error})"
    if reason:
        print(f"error: {args.json or REPORT_FILE.as_posix()} {reason}; the links were checked, but no report was written; "
              f"{_report_fix(reason)}", file=sys.stderr)
        return 1
    print(f"report: {target}")
    return 1 if any(r.failed for r in results) else 0


if __name__ == "__main__":
    sys.exit(run_until_interrupted(main, "linkcheck interrupted; the cache and the report are each as they were, or whole and new"))

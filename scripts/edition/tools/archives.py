"""`make archives`: find an archived copy of every source that has a web address and none recorded.

Online, like `make linkcheck`, and apart from the build. For each record with a `url:` and no
`archive_url:`, the Wayback Machine's availability API (https://archive.org/help/wayback_api.php) is
asked for the snapshot closest to the day the record was issued; one it reports, with status 200, is
printed as the two lines to add (`archive_url:`, `archive_date:`), and with --write added to the
record itself. Nothing is invented: a record the API knows no snapshot of is listed as still at risk,
and saving a new snapshot is left to a person (https://web.archive.org/save), who then runs this again.
"""

from __future__ import annotations

from ..interrupt import run_until_interrupted, until_ready

until_ready(__name__, "make archives")  # before the imports below, which take half a second

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

import httpx

from ..model.edition import not_a_project
from ..model.files import parse_yaml
from ..model.sources import dated_before, load_sources, made_before_the_day_of, real_time, same_address
from ..model.values import real_date
from ..model.web_addresses import web_address
from ..problems import ProblemsFound
from .linkcheck import OneLineParser

API = "https://archive.org/wayback/available"
USER_AGENT = "iraq-restraint-edition-archives/1 (+https://iraq-restraint-edition.github.io/)"
# The archive's address of a capture: its scheme and host in any case, with DNS's trailing dot or without (fifteenth hostile round,
# H13 and H14), the capture's time, and the address captured (its #fragment is no part of the capture's: H17).
SNAPSHOT = re.compile(r"^(?i:https?://web\.archive\.org\.?)/web/([0-9]{14})/([^\s#]+)(?:#\S*)?\Z")


MAX_ANSWER = 1_000_000  # bytes: the API's answer is a few hundred
DEADLINE = 60  # seconds for one answer, however slowly it comes


class NoAnswer(Exception):
    """The API gave no answer this tool can read: an outage is not "no capture exists"."""


def _answer(client: httpx.Client, api: str, params: dict) -> object:
    """The API's JSON answer, read within the deadline and the size cap, or NoAnswer."""
    start = time.monotonic()
    try:
        with client.stream("GET", api, params=params) as response:
            if response.is_redirect:  # see main: the API leads the tool nowhere
                raise NoAnswer(f"HTTP {response.status_code}, a redirect, not followed")
            if response.status_code != 200:
                raise NoAnswer(f"HTTP {response.status_code}")
            body = b""
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_ANSWER or time.monotonic() - start > DEADLINE:
                    raise NoAnswer("an answer too long or too slow")
        return json.loads(body)
    except RecursionError:  # said in words, not as Python's name for it (sixteenth hostile round, case 87)
        raise NoAnswer("an answer nested too deep to read") from None
    except ValueError:
        raise NoAnswer("an answer that is not JSON") from None
    except httpx.HTTPError as error:
        raise NoAnswer(type(error).__name__) from None


def closest_snapshot(client: httpx.Client, api: str, source) -> tuple[str, str] | None:
    """The archived copy of a record's url that the API reports closest to its issue date, as the build would
    accept it in the record: (its https address, its day), or None. NoAnswer when the API gives none."""
    answer = _answer(client, api, {"url": source.url, "timestamp": source.issued.replace("-", "")})
    # An answer not in the API's form is no answer, not "no capture": the editor would be told to save pages that
    # may well be saved (fourteenth hostile round, case 23). The API says "none" as `"archived_snapshots": {}`.
    snapshots = answer.get("archived_snapshots") if isinstance(answer, dict) else None
    if not isinstance(snapshots, dict):
        raise NoAnswer("an answer without the API's archived_snapshots")
    closest = snapshots.get("closest")
    if closest is None:
        return None
    if not (isinstance(closest, dict) and isinstance(closest.get("url"), str)):
        raise NoAnswer("a closest capture without its address")
    if not (match := SNAPSHOT.match(closest["url"])):  # another host, user@host, a line break: no capture's address (H1–H4)
        raise NoAnswer("a closest capture whose address is not a capture's on web.archive.org")
    if not (closest.get("available") is True and str(closest.get("status")) == "200"):
        return None
    stamp = match[1]
    address = f"https://web.archive.org/web/{stamp}/{match[2]}"
    day = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
    # What the build would refuse is never written: a day the calendar has not (20190230…, 20150399…: the first
    # raised in dated_before, the second passed its comparison of text) or one after today, as the build's own
    # check of dates has it (seventh hostile round, cases 122, 185, 129); a copy of another address, a day before
    # the document, an address no record may hold (control or reordering characters, a look-alike host).
    if not real_date(day) or day > dt.date.today().isoformat() or not real_time(stamp[8:]):
        return None
    if not (web_address(address) and same_address(match[2], source.url) and not dated_before(day, source.issued)):
        return None
    if made_before_the_day_of(stamp, source.issued):
        return None
    return address, day


def api_address(text: str) -> str:
    """The --api option's type: an absolute http(s) address. Any other (seventh hostile round, case 128: `--api ''`)
    was asked for every source, and each answered nothing."""
    # As a record's url: a host that is one, a port in range, no space (eighth round, 15-17); but on this machine too.
    if not web_address(text, local_ok=True):
        raise argparse.ArgumentTypeError(f"{text!r} is not an absolute http(s) address; give the API's, such as {API}")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(prog="archives", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--write", action="store_true", help="add each snapshot found to its record")
    parser.add_argument("--api", type=api_address, default=API, help="the availability API to ask (default: the Wayback Machine's)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if elsewhere := not_a_project(root, "this"):  # a folder with no records would read as "0 of 0 at risk", a success
        print(f"error: {elsewhere}", file=sys.stderr)
        return 1
    try:
        registry = load_sources(root)
    except ProblemsFound as error:
        print("\n".join(f"error: {p}" for p in error.problems), file=sys.stderr)
        return 1
    missing = [source for source in registry if source.url and not source.archive_url]
    at_risk: list[str] = []
    unwritten: list[str] = []  # records a snapshot was found for but could not be added to
    unanswered: list[str] = []  # records the API said nothing readable of
    found_for = 0  # records a usable capture was found for; neither those at risk nor those unanswered (case 128)
    try:
        # Redirects are not followed (seventh hostile round, case 126): an API answering with one to a cloud's
        # metadata service (169.254.169.254) had this tool connect there once for every source. The Wayback
        # Machine's API answers in place; a redirect is no answer.
        with httpx.Client(timeout=30, headers={"User-Agent": USER_AGENT}, follow_redirects=False) as client:
            for source in missing:
                try:
                    found = closest_snapshot(client, args.api, source)
                except NoAnswer as error:
                    unanswered.append(f"{source.id} ({error})")
                    continue
                if found is None:
                    at_risk.append(source.id)
                    continue
                found_for += 1
                lines = f"archive_url: {found[0]}\narchive_date: {found[1]}\n"
                print(f"{source.path}:\n  " + lines.replace("\n", "\n  ").rstrip())
                if args.write and (failed := append(root / source.path, lines, str(source.path))):
                    unwritten.append(f"error: {source.path}: could not add the snapshot ({failed[0]}); {failed[1]}")
    except KeyboardInterrupt:
        print("archives interrupted; the records written so far keep their snapshot", file=sys.stderr)
        return 130
    print(f"{found_for} of {len(missing)} sources without a recorded copy have one on the Wayback Machine"
          + (f"; still at risk: {', '.join(at_risk)} (save them at https://web.archive.org/save, then run this again)"
             if at_risk else ""))
    if unanswered:
        unwritten.append(f"error: the archive's API gave no answer for {len(unanswered)} source(s): {', '.join(unanswered)}; "
                         "run this again later: they may have a copy")
    print("\n".join(unwritten), file=sys.stderr)
    return 1 if unwritten else 0


BY_HAND = "add the two lines above by hand, where they belong in the record"


def append(path: Path, lines: str, name: str) -> tuple[str, str] | None:
    """Add the lines at the end of a record, in its own line endings, touching nothing above them (a round trip
    through a YAML library would reflow the file); what went wrong and how to go on, or None."""
    try:
        data = path.read_bytes()
        newline = "\r\n" if b"\r\n" in data else "\n"
        if re.search(rb"^\.\.\.[ \t]*\r?$", data, re.MULTILINE):  # after a document's end, YAML reads no more
            return "it holds a line `...`, which ends its YAML document", BY_HAND
        addition = ("" if not data or data.endswith(b"\n") else newline) + lines.replace("\n", newline)
        if unread := _unread(name, data + addition.encode("utf-8"), lines):
            return f"the record would not be read: {unread}", BY_HAND
        with path.open("ab") as file:
            file.write(addition.encode("utf-8"))
    except OSError as error:
        return error.strerror or str(error), "check the file's permissions and run this again, or " + BY_HAND
    return None


def _unread(name: str, written: bytes, lines: str) -> str | None:
    """Why the record as it would be written is not one the build reads with the lines' two values, or None.

    Lines added at the end are right only for a record that is a mapping at column 0 and holds neither key yet:
    after `archive_url: null` they made a duplicate key (seventh hostile round, case 123), after a mapping
    indented two spaces no YAML at all (case 124). The build's own parse says which, before the file is touched."""
    problems: list = []
    try:
        parsed = parse_yaml(written.decode("utf-8"), name, problems)
    except UnicodeDecodeError:
        return "it is not UTF-8 text"
    if problems or parsed is None:
        # where and what, without the fix for an author's mistake: the mistake would be this tool's
        return f"{problems[0].path}:{problems[0].line}: {problems[0].what}" if problems else "its YAML does not parse"
    data, expected = parsed[0], dict(line.split(": ", 1) for line in lines.splitlines())
    if not isinstance(data, dict) or any(str(data.get(key)) != value for key, value in expected.items()):
        return "the two lines would not be read as its archive_url and archive_date"
    return None


if __name__ == "__main__":
    sys.exit(run_until_interrupted(main, "archives interrupted; the records written so far keep their snapshot"))

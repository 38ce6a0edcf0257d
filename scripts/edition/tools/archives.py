"""`make archives`: find an archived copy of every source that has a web address and none recorded.

Online, like `make linkcheck`, and apart from the build. For each record with a `url:` and no
`archive_url:`, the Wayback Machine's availability API (https://archive.org/help/wayback_api.php) is
asked for the snapshot closest to the day the record was issued; one it reports, with status 200, is
printed as the two lines to add (`archive_url:`, `archive_date:`), and with --write added to the
record itself. Nothing is invented: a record the API knows no snapshot of is listed as still at risk,
and saving a new snapshot is left to a person (https://web.archive.org/save), who then runs this again.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import httpx

from ..model.sources import load_sources
from ..problems import ProblemsFound

API = "https://archive.org/wayback/available"
USER_AGENT = "iraq-restraint-edition-archives/1 (+https://iraq-restraint-edition.github.io/)"
SNAPSHOT = re.compile(r"^https?://web\.archive\.org/web/([0-9]{14})/\S+\Z")


def closest_snapshot(client: httpx.Client, api: str, url: str, issued: str) -> tuple[str, str] | None:
    """The archived copy of url the API reports closest to the issue date: (its https address, its day), or None."""
    try:
        answer = client.get(api, params={"url": url, "timestamp": issued.replace("-", "")}).json()
        closest = answer["archived_snapshots"]["closest"]
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        return None
    address = closest.get("url") if isinstance(closest, dict) else None
    if not (closest.get("available") is True and str(closest.get("status")) == "200" and isinstance(address, str)
            and (match := SNAPSHOT.match(address))):
        return None
    stamp = match[1]
    return "https://" + address.split("://", 1)[1], f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="archives", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--write", action="store_true", help="add each snapshot found to its record")
    parser.add_argument("--api", default=API, help="the availability API to ask (default: the Wayback Machine's)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        registry = load_sources(root)
    except ProblemsFound as error:
        print("\n".join(f"error: {p}" for p in error.problems), file=sys.stderr)
        return 1
    missing = [source for source in registry if source.url and not source.archive_url]
    at_risk: list[str] = []
    unwritten: list[str] = []  # records a snapshot was found for but could not be added to
    try:
        with httpx.Client(timeout=30, headers={"User-Agent": USER_AGENT}, follow_redirects=True) as client:
            for source in missing:
                found = closest_snapshot(client, args.api, source.url, source.issued)
                if found is None:
                    at_risk.append(source.id)
                    continue
                lines = f"archive_url: {found[0]}\narchive_date: {found[1]}\n"
                print(f"{source.path}:\n  " + lines.replace("\n", "\n  ").rstrip())
                if args.write and (failed := append(root / source.path, lines)):
                    unwritten.append(f"error: {source.path}: could not add the snapshot ({failed}); check the file's "
                                     "permissions and run this again, or add the two lines above by hand")
    except KeyboardInterrupt:
        print("archives interrupted; the records written so far keep their snapshot", file=sys.stderr)
        return 130
    print(f"{len(missing) - len(at_risk)} of {len(missing)} sources without a recorded copy have one on the Wayback Machine"
          + (f"; still at risk: {', '.join(at_risk)} (save them at https://web.archive.org/save, then run this again)"
             if at_risk else ""))
    print("\n".join(unwritten), file=sys.stderr)
    return 1 if unwritten else 0


def append(path: Path, lines: str) -> str | None:
    """Add the lines at the end of a record, in its own line endings, touching nothing above them (a round trip
    through a YAML library would reflow the file); what went wrong, or None."""
    try:
        data = path.read_bytes()
        newline = "\r\n" if b"\r\n" in data else "\n"
        addition = ("" if not data or data.endswith(b"\n") else newline) + lines.replace("\n", newline)
        with path.open("ab") as file:
            file.write(addition.encode("utf-8"))
    except OSError as error:
        return error.strerror or str(error)
    return None


if __name__ == "__main__":
    sys.exit(main())

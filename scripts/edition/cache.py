"""The build's caches under .cache/ (notes, Cite forms, stylesheets, the PDF, the link checker), and atomic writes.

A cache only saves time: a missing, damaged, oversized or irregular file (a FIFO, a device, a folder)
reads as absent and the work is done afresh, never an error; a cache that cannot be written (a
read-only folder, a full disk) is only not kept. Every file is written whole beside its place and
renamed into it, so a reader (a second build, a killed one) never sees half a file, and a FIFO or
link in its place is replaced, never opened or followed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

CACHE_DIR = Path(".cache")  # under the project folder
# Each cache, by what it keeps.
NOTES_CACHE = CACHE_DIR / "notes"  # every source's notes and the Cite forms, as Pandoc's citeproc made them
PDF_CACHE = CACHE_DIR / "pdf"  # the last PDF, with the files it read
TEMPLATE_CACHE = CACHE_DIR / "jinja"  # Material's compiled templates (Jinja's own cache, see mkdocs_plugin)
STYLESHEET_CACHE = CACHE_DIR / "stylesheets.json"  # the addresses each stylesheet of the site loads, by its hash
LINKCHECK_CACHE = CACHE_DIR / "linkcheck.json"  # the answers of `make linkcheck`, by address
MAX_BYTES = 64 * 1024 * 1024  # larger than any cache the build writes; reading one bigger is not worth the memory


def key(inputs) -> str:
    """A short hash of JSON-able inputs: the name of what was made from them."""
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]


def through_a_link(path: Path) -> bool:
    """Whether the way to path, from the .cache folder down, passes a link (a cache led outside the project)."""
    parts = path.parts
    if CACHE_DIR.name not in parts[:-1]:
        return False  # not under a .cache folder (the published PDF, a test's file): nothing of the caches' to check
    top = len(parts) - 1 - parts[-2::-1].index(CACHE_DIR.name) - 1
    return any(Path(*parts[:n + 1]).is_symlink() for n in range(top, len(parts) - 1))


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """A regular file's bytes, or None (absent, unreadable, too large, not a regular file, or reached through a link)."""
    if through_a_link(path):
        return None
    try:
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK | os.O_NOFOLLOW)) as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # opened without blocking, so a FIFO never hangs
                return None
            data = file.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def read_json(path: Path, parse=lambda data: data, limit: int = MAX_BYTES):
    """parse(the JSON kept at path), or None when there is none or it is not of the shape parse expects.

    JSON nested past what Python's reader bears counts as damaged, like a file cut short.
    """
    data = read_bytes(path, limit)
    if data is None:
        return None
    try:
        return parse(json.loads(data.decode("utf-8")))
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
        return None


def texts(mapping) -> dict[str, str]:
    """A kept mapping whose keys and values must all be text (for read_json's parse): anything else is damage."""
    if not (isinstance(mapping, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items())):
        raise TypeError("not a mapping of text")
    return mapping


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a file whole, then rename it into place; on failure nothing is left beside it (OSError is raised)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as partial:
        try:
            partial.write(data)
            partial.flush()  # whole before it takes the name
            os.chmod(partial.name, mode)  # mkstemp makes it private; what a site or a reader opens is readable
            Path(partial.name).replace(path)
        except BaseException:
            Path(partial.name).unlink(missing_ok=True)
            raise


def keep(path: Path, data: bytes) -> None:
    """Keep bytes for the next run, if the folder lets us (and is the project's own, not a link elsewhere)."""
    if through_a_link(path):
        return
    with contextlib.suppress(OSError):
        write_atomic(path, data)


def keep_json(path: Path, data) -> None:
    """Keep JSON for the next run, if the folder lets us."""
    keep(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

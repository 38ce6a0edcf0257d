"""Ctrl-C while a command's modules load: one line and exit status 130, never an import's traceback.

Each command loads its modules (MkDocs, Material, pydantic, lxml) for about half a second before its
own handling of Ctrl-C is in place: until then, a Ctrl-C ends it at once, when nothing has been
written. The package's own `__init__` loads nothing, so this is in place before anything slow.
"""

from __future__ import annotations

import os
import signal
import sys


def until_ready(module: str, command: str) -> None:
    """For the module run as a program (module is its __name__): a Ctrl-C before `ready` ends it in one line."""
    if module != "__main__":
        return

    def stop(signum, frame) -> None:
        sys.stderr.write(f"{command} interrupted while starting: nothing was written\n")
        sys.stderr.flush()
        os._exit(130)  # no exception to unwind through half-run imports, which would print one

    signal.signal(signal.SIGINT, stop)


def ready() -> None:
    """The command's own handling of Ctrl-C (a KeyboardInterrupt it catches) from here on."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


def run_until_interrupted(main, message: str) -> int:
    """main's exit status; on Ctrl-C at any moment main does not catch it itself (its inputs being read), message in one
    line and 130 (twenty-fourth hostile round, T5: the link checker's traceback while it loaded the records)."""
    ready()
    try:
        return main()
    except KeyboardInterrupt:
        sys.stderr.write(f"{message}\n")
        return 130

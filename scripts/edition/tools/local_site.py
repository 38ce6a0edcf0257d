"""The built site in a local browser: a static server on 127.0.0.1 and Debian's Chromium.

Shared by the browser tests and the benchmark. The server is the standard library's, which does not
compress; with compress=True it gzips text as a static host (GitHub Pages) does, so that transfer
sizes are the ones readers get.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

# Debian's Chromium, never a downloaded one; no background traffic to any other host.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _GzipHandler(_QuietHandler):
    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection mid-file (a page left before its image loaded) is no fault of the
        # site; the standard library would print a traceback for each into the test run's output.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, compress: bool = False):
    """Serve a built site on 127.0.0.1 (a free port) for as long as the block runs; yield its address."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""A Content-Security-Policy for every published page: only the site's own scripts, styles and data.

Material puts three small scripts inline in each page; each is allowed by its SHA-256 hash rather
than by 'unsafe-inline', so an injected script would not run. The policy is a <meta> tag, which
any static host serves (GitHub Pages sets no headers); `frame-ancestors` needs a header and is
documented in the README for hosts that can send one.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Script types a browser executes; JSON and JSON-LD data blocks are not scripts to a CSP.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")


def policy_for(html: str) -> str:
    """The policy for one page: its own inline scripts allowed by hash, nothing else inline."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(m[1].encode("utf-8")).digest()).decode() + "'"
                     for m in _INLINE_SCRIPT.finditer(html)})
    return POLICY.format(hashes=" ".join(hashes)).replace("'self' ;", "'self';")


def apply_csp(site_dir: Path) -> None:
    """Put the policy first in the <head> of every built page, before any script it governs."""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
        if _CHARSET.search(html):
            html = _CHARSET.sub(lambda m, tag=tag: m[0] + "\n" + tag, html, count=1)
        else:
            html = html.replace("<head>", "<head>\n" + tag, 1)
        path.write_text(html, encoding="utf-8")

"""What the theme's templates in overrides/ may write into every page, read before anything is rendered.

The templates are the build's code, as scripts/ is: their inline scripts run (csp.py puts each one's
hash into every page's policy) and their markup is not held to the allow-list of docs/ pages. That
trust stops at the site's promises, which no template can break: nothing is fetched from another
host (a src, a stylesheet link, a url() in a <style> or a style attribute), nothing typed is sent to
another host (a <form> or formaction), no <base> moves every relative link of a page elsewhere, and no
<iframe srcdoc> brings in a page of its own that no check reads. Each is named by template and line.

lxml reads the templates as a browser would read their HTML; the Jinja expressions in them are text
to it, and an address built by one ("{{ config.site_url }}") is the site's own. A template copied from
Material is Material's code where its lines are Material's (its Google Fonts link is written only
when `theme.font` is set, which mkdocs.yml's checks refuse): only the lines the edition changed or
added are read, and a template of the edition's own is read whole.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

import lxml.html
import tinycss2
from lxml import etree

from ..problems import Problem, relative
from .files import MAX_LEDGER_BYTES, read_text
from .rawhtml import css_urls, remote

TEMPLATES_DIR = Path("overrides")
FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
           "embed": "src", "object": "data", "input": "src", "track": "src"}
# Links the browser follows by itself: fetched, or (preconnect, dns-prefetch) a connection or a lookup made.
FETCHED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon", "preconnect",
                 "dns-prefetch", "prerender"}
REFRESH = re.compile(r"url\s*=\s*['\"]?([^'\"\s]+)", re.IGNORECASE)
FIX = "remove it, or serve what it needs from the site itself (docs/): templates may not break the site's promises"


def _element_problems(element) -> list[str]:
    tag = element.tag if isinstance(element.tag, str) else ""
    problems = []
    if tag == "base":
        problems.append("a <base> element, which moves every relative link of the page elsewhere")
    if tag == "iframe" and element.get("srcdoc") is not None:
        problems.append("an <iframe srcdoc>, a page of its own that no check of the edition reads")
    for attribute in ("action", "formaction"):
        if remote(element.get(attribute) or ""):
            problems.append(f"a <{tag} {attribute}> that sends what readers type to {element.get(attribute)!r}")
    if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh" and (
            (target := REFRESH.search(element.get("content") or "")) and remote(target[1])):
        problems.append(f"a <meta http-equiv=refresh> that sends readers to {target[1]!r}")
    fetched = FETCHED.get(tag)
    if tag == "link" and FETCHED_LINKS & set((element.get("rel") or "").lower().split()):
        fetched = "href"
    if fetched and remote(element.get(fetched) or ""):
        problems.append(f"a <{tag}> that loads {element.get(fetched)!r} from another host")
    styles = tinycss2.parse_declaration_list(element.get("style") or "") if element.get("style") else []
    if tag == "style":
        styles += tinycss2.parse_stylesheet(element.text_content())
    problems += [f"a style that loads {url!r} from another host" for url in css_urls(styles) if remote(url)]
    return problems


def template_problems(root: Path, irregular: tuple[str, ...] = ()) -> list[Problem]:
    """Each thing a template in overrides/ would do that breaks the site's promises, by file and line.

    irregular: paths already named as links or special files (model.allowed_files), never opened."""
    problems: list[Problem] = []
    theme = _theme_templates()
    for path in sorted((root / TEMPLATES_DIR).rglob("*.html")):
        name = relative(path, root)
        if any(name == other or name.startswith(other + "/") for other in irregular):
            continue
        text = read_text(path, name, problems, limit=MAX_LEDGER_BYTES)
        if not text or not text.strip():
            continue
        try:
            tree = lxml.html.document_fromstring(text)
        except (etree.ParserError, ValueError):
            continue  # no HTML in it at all: nothing it could write
        changed = _changed_lines(text, theme / path.relative_to(root / TEMPLATES_DIR) if theme else None)
        elements = [element for element in tree.iter() if element.sourceline]
        for element, following in zip(elements, [*elements[1:], None], strict=True):
            # An element's own lines: from its start tag up to the next element's.
            lines = range(element.sourceline, following.sourceline + 1 if following is not None else element.sourceline + 50)
            if changed is None or any(line in changed for line in lines):
                problems += [Problem(name, element.sourceline, f"every page would carry {what}", FIX)
                             for what in _element_problems(element)]
    return problems


def _changed_lines(text: str, original: Path | None) -> set[int] | None:
    """The lines of a copied template that are not Material's (1-based), or None to read it whole."""
    if original is None or not original.is_file():
        return None
    ours, theirs = text.splitlines(), original.read_text(encoding="utf-8").splitlines()
    matcher = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
    return {line + 1 for kind, _, _, start, end in matcher.get_opcodes() if kind != "equal" for line in range(start, end)}


def _theme_templates() -> Path | None:
    """Material's own templates, as installed; None where it is not (Zensical alone): then every line is read."""
    spec = importlib.util.find_spec("material")
    return Path(spec.origin).parent / "templates" if spec and spec.origin else None


def theme_languages(root: Path) -> frozenset[str] | None:
    """The languages `theme.language` may name: Material's (a partials/languages/<code>.html each) and any the
    edition adds in overrides/; None where Material is not installed, and nothing can be said."""
    theme = _theme_templates()
    if theme is None:
        return None
    return frozenset(file.stem for folder in (theme, root / "overrides") for file in (folder / "partials" / "languages").glob("*.html"))

"""The safety gate and the Content-Security-Policy of every built page.

The gate reads every HTML page the engine wrote and fails the build on any inline script
that is not one of the theme's own, any `on*` event-handler attribute, and any `javascript:` (or
`vbscript:`/`data:text/html`) URL. Contributor text cannot produce these (it is rendered without
raw HTML and sanitised), so a hit means a bug or a bypass; the gate is the second lock. Pages that
pass get a Content-Security-Policy <meta> tag (GitHub Pages cannot send the header) whose
`script-src` lists the hashes of exactly the inline scripts on that page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..cores import map_chunks

#: Openings of the inline scripts Material for MkDocs writes into every page.
THEME_INLINE_SCRIPTS = (
    "__md_scope=new URL(",
    'var palette=__md_get("__palette")',
    "var target=document.getElementById(location.hash.slice(1))",
)
#: Script types the browser does not execute (data blocks).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data"}
_BAD_URL = re.compile(r"^(javascript|vbscript|data:text/html)", re.IGNORECASE)
CSP_BASE = (
    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; media-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'"
)


@dataclass
class PageScan:
    inline_scripts: list[tuple[int, str]] = field(default_factory=list)  # (line, body)
    problems: list[tuple[int, str]] = field(default_factory=list)


_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True)


_WATCHED_TAGS = frozenset({"script", "iframe", "object", "embed", "base"})


def _problems_of(element, scan: PageScan) -> None:
    tag, line = element.tag.lower(), element.sourceline or 1
    attributes = element.items()
    for name, value in attributes:
        name = name.lower()
        if name.startswith("on"):
            scan.problems.append((line, f"<{tag}> has event-handler attribute '{name}'"))
        # a script URL needs a ':' (or an entity that becomes one); other values cannot be one
        if (":" in value or "&" in value) and name in URL_ATTRIBUTES and _BAD_URL.match(re.sub(r"[\x00-\x20]", "", html.unescape(value))):
            scan.problems.append((line, f"<{tag} {name}> holds a script URL: {value[:60]!r}"))
    if tag == "script":
        names = {name.lower(): value for name, value in attributes}
        if "src" not in names and (names.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
            scan.inline_scripts.append((line, element.text or ""))
    elif tag in _WATCHED_TAGS:
        scan.problems.append((line, f"unexpected <{tag}> element"))


def scan_page(text: str) -> PageScan:
    """The page parsed by libxml2's HTML parser (lxml: C, many times faster than `html.parser`,
    which made the gate the slowest post-build step), each finding with the line of its tag."""
    scan = PageScan()
    try:
        root = etree.fromstring(text.encode("utf-8"), _PARSER) if text.strip() else None
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        scan.problems.append((1, f"the page could not be read as HTML: {error}"))
        return scan
    for element in root.iter() if root is not None else ():
        if isinstance(element.tag, str) and (element.tag in _WATCHED_TAGS or len(element.attrib)):
            _problems_of(element, scan)
    for line, body in scan.inline_scripts:
        if not body.startswith(THEME_INLINE_SCRIPTS):
            scan.problems.append((line, f"inline script not on the theme's allowlist: {body.strip()[:60]!r}"))
    scan.problems.sort()
    return scan


def _raw_scripts(text: str) -> list[str]:
    """Inline script bodies exactly as the browser hashes them (the raw text between the tags)."""
    bodies = []
    for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, flags=re.DOTALL | re.IGNORECASE):
        attrs, body = match.groups()
        if re.search(r"\bsrc\s*=", attrs) or re.search(r"type\s*=\s*\"?application/(ld\+)?json", attrs):
            continue
        bodies.append(body)
    return bodies


def content_security_policy(text: str) -> str:
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _raw_scripts(text)
    })
    # 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly; it does not allow eval()
    return f"{CSP_BASE}; script-src 'self' 'wasm-unsafe-eval' {' '.join(hashes)}".rstrip()


def add_csp(text: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(text)}">'
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + "\n    " + meta, text, count=1)


# Over many pages: each page is independent, so chunks of them go to workers on every core
# (`cores.map_chunks`); results come back in page order, the same as in one process.


def _scan_chunk(pages: list[Path]) -> list[tuple[Path, int, str]]:
    found = []
    for page in pages:
        for line, message in scan_page(page.read_text(encoding="utf-8")).problems:
            found.append((page, line, message))
    return found


def _csp_chunk(pages: list[Path]) -> int:
    for page in pages:
        page.write_text(add_csp(page.read_text(encoding="utf-8")), encoding="utf-8")
    return len(pages)


def scan_pages(pages: list[Path]) -> list[tuple[Path, int, str]]:
    """(page, line, message) for every gate problem, in page order."""
    return [found for chunk in map_chunks(_scan_chunk, pages) for found in chunk]


def add_csp_to(pages: list[Path]) -> None:
    map_chunks(_csp_chunk, pages)

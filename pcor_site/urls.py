"""Where each generated page lives, and relative links between pages.

Links are written as relative URLs (MkDocs does not rewrite links inside HTML), so the site works
under a project sub-path (https://ORG.github.io/REPO/) and at a domain root alike.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlencode

from .schema import Kind


def doc_for(url: str, section: bool = False) -> str:
    """The Markdown source of a page URL: 'x/' → 'x.md', or 'x/index.md' for a section index."""
    if url == "":
        return "index.md"
    stem = url.rstrip("/")
    return f"{stem}/index.md" if section else f"{stem}.md"


def address_of(doc: str) -> str:
    """The address MkDocs gives a docs file with directory URLs: `x.md` and `x/index.md` are both
    `x/`, so two such files would be one page. Case-folded: one page on a case-insensitive disk."""
    stem = doc.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/").casefold()


def absolute(site_url: str, path: str) -> str:
    """`path` under the public site address, or "" when the hub has no http(s) address."""
    base = (site_url or "").strip()
    if not base.startswith(("https://", "http://")):
        return ""
    return base.rstrip("/") + "/" + path


def home() -> str:
    return ""


def kind_index(kind: Kind) -> str:
    return f"{kind.url_dir}/"


def record(kind: Kind, id: str) -> str:
    if kind.name == "page":
        return f"{id}/"
    return f"{kind.url_dir}/{id}/"


def priority_areas() -> str:
    return "priority-areas/"


def priority_area(id: str) -> str:
    return f"priority-areas/{id}/"


def evidence_tiers() -> str:
    return "evidence-tiers/"


def evidence_tier(id: str) -> str:
    return f"evidence-tiers/#tier-{id}"


def explore(from_url: str, **filters: str) -> str:
    """A relative link to Explore with its filters set (e.g. kind="practice", area="network-access")."""
    query = urlencode([(key, value) for key, value in filters.items() if value])
    return relative(from_url, "explore/") + (f"?{query}" if query else "")


def references() -> str:
    return "references/"


def reference(key: str) -> str:
    """A reference's own page: its address never moves when other references are added.
    (Until 2026 it was the fragment `references/#ref-KEY`; the index still sends those on.)"""
    return f"references/{anchor(key)}/"


#: The folder of the References index's further pages (a reference key cannot take it: E141).
REFERENCES_PAGES = "by-author"


def references_page(slug: str) -> str:
    """Page `slug` (e.g. "d-f") of the References index after the first, which is `references()`."""
    return f"references/{REFERENCES_PAGES}/{slug}/"


def anchor(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text.lower())


def relative(from_url: str, to_url: str) -> str:
    """Relative link from the page at `from_url` to `to_url` (both site-relative)."""
    path, _, fragment = to_url.partition("#")
    base = from_url.rstrip("/") or "."
    target = path.rstrip("/") or "."
    rel = posixpath.relpath(target, base)
    if path.endswith("/") or path == "":
        rel = rel + "/" if rel != "." else "./"
    return rel + (f"#{fragment}" if fragment else "")

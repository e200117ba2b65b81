"""Every top-level address the hub generates itself, in one place.

A free page (`content/pages/NAME.md`) is published at `/NAME/`, beside the addresses the hub and
its engine generate. A page named like one of them would fail the build or silently replace it,
so `resolve` refuses such a page at its file, with the owner of the address. A test compares this
list with the top level of the built fixture hub, so a feature that adds an address must add it
here.
"""

from __future__ import annotations

from .schema import KINDS

#: Top-level names (file or folder, without `.md`/`.html`) and what owns them.
GENERATED: dict[str, str] = {
    "index": "the home page",
    "explore": "the Explore page",
    "downloads": "the data downloads page",
    "data": "the data downloads folder",
    "landscape": "the landscape overview",
    "research-agenda": "the research agenda and its downloads",
    "references": "the references page",
    "evidence-tiers": "the evidence tiers page",
    "question-bank": "the question bank for purchasers",
    "priority-areas": "the priority areas index",
    "cite": "the 'Cite this' files",
    "podcast": "the podcast feed",
    "assets": "the site's scripts and styles",
    "pagefind": "the search index",
    "search": "the engine's search folder",
    "sitemap": "the sitemap",
    "404": "the page-not-found page",
    "dashboard": "the dissemination dashboard",
    "handout": "the handout page",
}


def reserved_addresses() -> dict[str, str]:
    """Top-level name → owner: the generated addresses above and every kind's folder."""
    names = dict(GENERATED)
    for kind in KINDS.values():
        if kind.name != "page":
            names.setdefault(kind.url_dir, f"the {kind.plural} index")
    return names

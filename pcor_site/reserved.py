"""The top-level addresses that only the engine writes, in one place.

A free page (`content/pages/NAME.md`) is published at `/NAME/`, beside the addresses the hub and
its engine generate. A page named like one of them would fail the build or silently replace it,
so `resolve` refuses such a page at its file, with the owner of the address. The core's pages
(`site.pages.core_addresses`) and each feature (`Feature.addresses`) declare their own addresses;
this list holds only what the engine adds on top. A test compares all of them with the top level
of the built fixture hub, so an address nobody declares fails it.
"""

from __future__ import annotations

#: Top-level names (file or folder, without `.md`/`.html`) that the engine writes.
ENGINE_ADDRESSES: dict[str, str] = {
    "index": "the home page",
    "assets": "the site's scripts and styles",
    "search": "the engine's search folder",
    "sitemap": "the sitemap",
    "404": "the page-not-found page",
}


def engine_addresses() -> dict[str, str]:
    """Top-level name → owner, for the names only the engine writes."""
    return dict(ENGINE_ADDRESSES)

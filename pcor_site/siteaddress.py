"""The public address of the site (`site_url`, from SITE_URL): canonical links, the sitemap,
citations, "Cite this" files, feeds and the data downloads are all written with it.

A build without a public address (empty, or this machine: localhost, 127.x, ::1, 0.0.0.0) is
fine for a preview and says so in one line (W910, no hint line); `build --strict`, what publishing runs,
refuses it (E910), so a site that points its readers at 127.0.0.1 is never published.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .config import CONFIG_FILE, HubConfig
from .diagnostics import Diagnostic


def is_local(site_url: str) -> bool:
    """True when `site_url` is empty, not http(s), or names this machine or an unspecified host."""
    parts = urlsplit((site_url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return True
    host = parts.hostname.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def site_address_problem(config: HubConfig, strict: bool) -> Diagnostic | None:
    """E910 under --strict, else W910, when the site has no public address; None when it has one."""
    if not is_local(config.site_url):
        return None
    line, column = config.positions.of(("site_url",))
    shown = config.site_url or "(empty)"
    if strict:
        return Diagnostic.of("E910", CONFIG_FILE, line, column,
                             f"site_url is {shown}, not a public address: a published site would point readers there")
    return Diagnostic.of("W910", CONFIG_FILE, line, column, f"site_url is {shown}: a local build (canonical links, "
                         "sitemap, citations and feeds point at this machine; publishing sets SITE_URL)", hint="")

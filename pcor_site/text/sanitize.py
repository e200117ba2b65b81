"""The allowlist every HTML fragment built from contributor text goes through, and the link rule.

Links are limited to http, https and mailto (and relative addresses); the scheme is read after
decoding entities and percent-escapes and dropping whitespace and controls, so that
`JaVa&#x09;script:` is refused like `javascript:`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

import nh3

SAFE_SCHEMES = {"http", "https", "mailto"}

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "s", "section", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title"},
    "td": {"style"},
    "th": {"style"},
    "li": {"id"},
    "sup": {"id", "class"},
    "section": {"class"},
    "ol": {"start", "class"},
    "hr": {"class"},
    "span": {"class"},
    "code": {"class"},
}


def safe_link(url: str) -> bool:
    """True for http(s), mailto and relative links; False for every other scheme and `//host`."""
    cleaned = re.sub(r"[\x00-\x20]", "", unquote(html.unescape(url))).lower()
    try:
        scheme = urlsplit(cleaned).scheme if ":" in cleaned.split("/", 1)[0] else ""
    except ValueError:  # e.g. "http://[" (an unclosed IPv6 host): not a link anyone can follow
        return False
    if scheme:
        return scheme in SAFE_SCHEMES
    return not cleaned.startswith("//")


def sanitize(fragment: str, extra_tags: frozenset[str] = frozenset()) -> str:
    """`fragment` with every tag, attribute and URL scheme outside the allowlist removed."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS | extra_tags,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )

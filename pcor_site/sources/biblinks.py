"""The links a references.bib entry carries, checked like a record's links.

An entry links out through `url`, through `howpublished = {\\url{...}}` and through its DOI (as
`https://doi.org/DOI`). Every one of them reaches RIS, CSL-JSON, COinS, JSON-LD and the pages, so
each gets the check a record's URL gets: `https://` or `http://` with a host name, no spaces, no
control characters, no credentials. `check` reports a bad one at its line (E510 for a link, E507
for a DOI); the exporters use the same functions and leave a bad link out, so nothing unchecked
can reach an output.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

SCHEMES = ("https", "http")
#: 10.NNNN/suffix. The suffix may hold any printable character except spaces and the few that
#: cannot stand in a URL or in BibTeX unescaped (old SICI DOIs do use `<`, `>`, `;`, `(`, `)`).
DOI = re.compile(r"10\.\d{4,9}/[^\s\"{}\\^`|\x00-\x1f\x7f]+\Z")
_HOWPUBLISHED_URL = re.compile(r"\\url\{([^}]*)\}")


def unescape(value: str) -> str:
    """A link as BibTeX writes it (`{\\_}`, `\\_`, braces) as a reader gets it."""
    return value.strip().replace("{\\_}", "_").replace("\\_", "_").replace("{", "").replace("}", "")


def url_problem(url: str) -> str | None:
    """Why `url` must not be published as a link, or None when it is a plain web address."""
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return "the address is empty or contains spaces or control characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:
        return f"the address is malformed ({error})"
    if parts.scheme.lower() not in SCHEMES:
        return f"scheme '{parts.scheme or url.split(':', 1)[0]}:' is not allowed (use https:// or http://)"
    if not host or "." not in host:
        return "the address needs a host name such as example.org"
    if parts.username or parts.password:
        return "the address must not contain a user name or password"
    return None


def entry_url(fields: dict[str, str]) -> tuple[str, str] | None:
    """(field name, address) of the entry's web link: `url`, else `howpublished = {\\url{...}}`.
    Reference managers (Mendeley) put several addresses in one field, separated by spaces: the
    first is the entry's link."""
    if fields.get("url", "").strip():
        return "url", (unescape(fields["url"]).split() or [""])[0]
    match = _HOWPUBLISHED_URL.search(fields.get("howpublished", ""))
    return ("howpublished", (unescape(match.group(1)).split() or [""])[0]) if match else None


def plain_doi(value: str) -> str:
    """The DOI without `https://doi.org/` or `doi:` and without BibTeX escapes."""
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", unescape(value), flags=re.IGNORECASE)


def doi_problem(value: str) -> str | None:
    return None if DOI.match(plain_doi(value)) else "a DOI is 10.NNNN/suffix, without spaces, quotes, braces or backslashes"


def doi_url(doi: str) -> str:
    """The resolver address of a checked DOI, its suffix percent-encoded where a URL needs it."""
    return "https://doi.org/" + quote(doi, safe="/:;()._-")


def safe_url(fields: dict[str, str]) -> str:
    """The entry's web link if it passes `url_problem`, else ""."""
    found = entry_url(fields)
    return found[1] if found and url_problem(found[1]) is None else ""


def safe_doi(fields: dict[str, str]) -> str:
    doi = fields.get("doi", "").strip()
    return plain_doi(doi) if doi and doi_problem(doi) is None else ""

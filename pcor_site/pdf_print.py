"""WeasyPrint's part of `pdf.py`: printing one built page, reading only files of the built site.
Imported only when a PDF is not in the cache (importing WeasyPrint alone takes over a second)."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher

#: WeasyPrint logs every CSS property it does not support (Material's screen styles use many).
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


class SiteOnlyFetcher(URLFetcher):
    """Fetches `file:` URLs inside one folder and `data:` URLs; refuses everything else. With
    `public_root` (the hub's public address), a URL under it is read from the same folder instead."""

    def __init__(self, site_dir: Path, public_root: str | None = None):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.site_dir = site_dir.resolve()
        self.public_root = public_root
        self.read: set[str] = set()  # the files fetched, relative to site_dir (the cache key needs them)

    def fetch(self, url, headers=None):
        if self.public_root and url.startswith(self.public_root):
            path = unquote(urlsplit(url).path[len(urlsplit(self.public_root).path):])
            target = self.site_dir / path
            url = (target / "index.html" if path.endswith("/") or not path else target).as_uri()
        parts = urlsplit(url)
        if parts.scheme == "file":
            target = Path(unquote(parts.path)).resolve()
            if not target.is_relative_to(self.site_dir):
                raise ValueError(f"outside the built site: {url}")
            self.read.add(target.relative_to(self.site_dir).as_posix())
        elif parts.scheme != "data":
            raise ValueError(f"not fetched when printing: {url}")
        return super().fetch(url, headers)


def print_pdf(page: Path, text: str, site_dir: Path, title: str | None, public_url: str | None) -> tuple[bytes, set[str]]:
    """The PDF's page count (4 bytes) and bytes, and the files read to print it."""
    fetcher = SiteOnlyFetcher(site_dir)
    html = weasyprint.HTML(filename=str(page), url_fetcher=fetcher, media_type="print")
    if public_url:
        relative = page.resolve().relative_to(site_dir.resolve()).as_posix().removesuffix("index.html")
        fetcher.public_root = public_url[: len(public_url) - len(relative)] if public_url.endswith(relative) else None
        html = weasyprint.HTML(string=text, base_url=public_url, url_fetcher=fetcher, media_type="print")
    document = html.render()
    if title:
        document.metadata.title = title
    return len(document.pages).to_bytes(4, "big") + document.write_pdf(), fetcher.read

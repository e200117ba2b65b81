"""The one PDF writer of the hub: a page the engine has built, printed with the hub's print styles.

Features that publish a PDF (the whole course, the framework, a summary report) first publish the
page as HTML like every other page, then call `write_pdf` in their post-build step, so the PDF is
the page a reader would print: same text, same print stylesheet, same references.

WeasyPrint fetches the page's stylesheets and images itself. It is given a fetcher that reads only
files inside the built site (and `data:` URLs): a page can never make the build contact a server
or read a file outside `site/`, whatever its content links to.

Printing takes seconds per document, so a PDF is kept in the content-hash cache (`cache.py`): its
key is the page's text, its title and address, and the bytes of every file WeasyPrint read while
printing it (stylesheets, images, fonts; recorded by the fetcher). The same page with the same
files gives the same bytes without printing again; any changed input is a new key.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher

from . import cache

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


def write_pdf(page: Path, pdf: Path, site_dir: Path, *, title: str | None = None, public_url: str | None = None) -> int:
    """Print the built HTML `page` (inside `site_dir`) to `pdf`; returns the number of pages.

    `public_url`: the page's public address (e.g. https://org.github.io/hub/curriculum/whole-course/).
    Links in the PDF then point at the published site rather than at files of the build folder
    (which would put that folder's path in the PDF and make it differ from build to build); the
    page's stylesheets and images are still read from `site_dir`.
    """
    text = page.read_text(encoding="utf-8")
    relative = page.resolve().relative_to(site_dir.resolve()).as_posix()
    first = cache.key_of("pdf-v1", weasyprint.__version__, relative, text, title or "", public_url or "")
    key = _full_key(first, site_dir)
    made = cache.lookup("pdf", key) if key else None
    if made is None:
        made, read = _print(page, text, site_dir, title, public_url)
        cache.store("pdf-files", first, json.dumps(sorted(read)).encode("utf-8"))
        key = _full_key(first, site_dir)
        if key:
            cache.store("pdf", key, made)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(made[4:])
    return int.from_bytes(made[:4], "big")


def _full_key(first: str, site_dir: Path) -> str | None:
    """`first` plus the bytes of the files the last print of this page read (None: never printed)."""
    listed = cache.lookup("pdf-files", first)
    if listed is None:
        return None
    parts: list[str | bytes] = [first]
    for name in json.loads(listed):
        try:
            parts += [name, (site_dir / name).read_bytes()]
        except OSError:
            return None  # a file it read is gone: print again
    return cache.key_of(*parts)


def _print(page: Path, text: str, site_dir: Path, title: str | None, public_url: str | None) -> tuple[bytes, set[str]]:
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

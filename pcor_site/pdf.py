"""The one PDF writer of the hub: a page the engine has built, printed with the hub's print styles.

Features that publish a PDF (the whole course, the framework, a summary report) first publish the
page as HTML like every other page, then call `write_pdf` in their post-build step, so the PDF is
the page a reader would print: same text, same print stylesheet, same references.

WeasyPrint fetches the page's stylesheets and images itself. It is given a fetcher that reads only
files inside the built site (and `data:` URLs): a page can never make the build contact a server
or read a file outside `site/`, whatever its content links to.
"""

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
    """Fetches `file:` URLs inside one folder and `data:` URLs; refuses everything else."""

    def __init__(self, site_dir: Path):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.site_dir = site_dir.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            target = Path(unquote(parts.path)).resolve()
            if not target.is_relative_to(self.site_dir):
                raise ValueError(f"outside the built site: {url}")
        elif parts.scheme != "data":
            raise ValueError(f"not fetched when printing: {url}")
        return super().fetch(url, headers)


def write_pdf(page: Path, pdf: Path, site_dir: Path, *, title: str | None = None) -> int:
    """Print the built HTML `page` (inside `site_dir`) to `pdf`; returns the number of pages."""
    document = weasyprint.HTML(filename=str(page), url_fetcher=SiteOnlyFetcher(site_dir), media_type="print").render()
    if title:
        document.metadata.title = title
    pdf.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(str(pdf))
    return len(document.pages)

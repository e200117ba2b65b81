"""The one PDF writer of the hub: a page the engine has built, printed with the hub's print styles.

Features that publish a PDF (the whole course, the framework, a summary report) first publish the
page as HTML like every other page, then call `write_pdf` in their post-build step, so the PDF is
the page a reader would print: same text, same print stylesheet, same references.

WeasyPrint fetches the page's stylesheets and images itself. It is given a fetcher that reads only
files inside the built site (and `data:` URLs): a page can never make the build contact a server
or read a file outside `site/`, whatever its content links to.

WeasyPrint (`pdf_print.py`) is imported only when a PDF is printed. Printing takes seconds per document, so a PDF is kept in the content-hash cache (`cache.py`): its
key is the page's text, its title and address, and the bytes of every file WeasyPrint read while
printing it (stylesheets, images, fonts; recorded by the fetcher). The same page with the same
files gives the same bytes without printing again; any changed input is a new key.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from . import cache


def write_pdf(page: Path, pdf: Path, site_dir: Path, *, title: str | None = None, public_url: str | None = None) -> int:
    """Print the built HTML `page` (inside `site_dir`) to `pdf`; returns the number of pages.

    `public_url`: the page's public address (e.g. https://org.github.io/hub/curriculum/whole-course/).
    Links in the PDF then point at the published site rather than at files of the build folder
    (which would put that folder's path in the PDF and make it differ from build to build); the
    page's stylesheets and images are still read from `site_dir`.
    """
    text = page.read_text(encoding="utf-8")
    relative = page.resolve().relative_to(site_dir.resolve()).as_posix()
    first = cache.key_of("pdf-v1", metadata.version("weasyprint"), relative, text, title or "", public_url or "")
    key = _full_key(first, site_dir)
    made = cache.lookup("pdf", key) if key else None
    if made is None:
        from .pdf_print import print_pdf  # WeasyPrint takes seconds to import: only when printing

        made, read = print_pdf(page, text, site_dir, title, public_url)
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

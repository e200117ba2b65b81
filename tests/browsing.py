"""Helpers shared by the real-browser tests of the built fixture hub (Explore, accessibility, record pages).

`serve(site)` serves a built site on 127.0.0.1; `Browser` launches Debian's Chromium through
Playwright, aborts every request that would leave 127.0.0.1 and records it, so a test can assert
that no page load reaches a third party.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

from conftest import CHROMIUM, CHROMIUM_ARGS, require_browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


class Browser:
    """One Chromium for a test module; `page()` opens a tab in a fresh context that blocks non-local requests."""

    def __init__(self, base: str):
        require_browser()
        from playwright.sync_api import sync_playwright

        self.base = base
        self.external: list[str] = []
        self.errors: list[str] = []
        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

    def page(self, **context_options):
        context = self.browser.new_context(**context_options)

        def route(request_route):
            url = request_route.request.url
            if url.startswith("http://127.0.0.1:") or url.startswith(("data:", "blob:")):
                request_route.continue_()
            else:
                self.external.append(url)
                request_route.abort()

        context.route("**/*", route)
        tab = context.new_page()
        tab.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        tab.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        return tab

    def close(self) -> None:
        self.browser.close()
        self._playwright.stop()


def axe_source() -> str:
    """axe-core as bundled by the PyPI package axe-playwright-python (no network at test time)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def wait_for_explore(tab) -> str:
    """Wait until Explore has run its search and announced the count; return the announcement."""
    tab.wait_for_function(
        "() => /found/.test(document.getElementById('pcor-status')?.textContent || '')"
        " && !document.getElementById('pcor-results').hasAttribute('aria-busy')",
        timeout=15_000,
    )
    return tab.locator("#pcor-status").inner_text()


@contextlib.contextmanager
def built_and_served(root: Path):
    """Build the hub at `root` (it must build cleanly) and serve its site: the base URL."""
    from pcor_site.build import build

    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    with serve(root / "site") as url:
        yield url


def printed(tab, url: str, paper: str):
    """The page at `url` printed by Chromium on `paper` (print media), read back by pypdf."""
    import io

    from pypdf import PdfReader

    tab.goto(url)
    tab.emulate_media(media="print")
    return PdfReader(io.BytesIO(tab.pdf(format=paper, print_background=True)))


def browser_for(base: str, *, no_errors: bool = False):
    """Body of a module-scoped `browser` fixture: one Chromium, and at teardown the proof that no
    request left the site (and, if asked, that no page logged an error)."""
    chromium = Browser(base)
    yield chromium
    chromium.close()
    assert chromium.external == [], f"requests left the site: {chromium.external}"
    if no_errors:
        assert chromium.errors == []

"""The built fixture hub in real headless Chromium: no CSP violations, no external requests,
theme features (search, palette toggle) still work under the Content-Security-Policy."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, require_browser

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_hub: Path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(built_hub / "site")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        tab = context.new_page()
        tab.events = []
        tab.on("console", lambda m: tab.events.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        tab.on("pageerror", lambda e: tab.events.append(f"pageerror: {e}"))
        tab.on("request", lambda r: tab.events.append(f"external request: {r.url}") if not r.url.startswith(server) else None)
        yield tab
        browser.close()


@pytest.mark.parametrize("path", ["", "practices/", "practices/fixture-practice/", "priority-areas/collaborative-care/", "references/"])
def test_page_loads_without_csp_violation_or_external_request(page, server, path):
    page.events.clear()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert page.events == []


def test_search_works_under_the_policy(page, server):
    page.events.clear()
    page.goto(server)
    # the header box opens Explore, which runs Pagefind (WebAssembly: needs 'wasm-unsafe-eval')
    box = page.locator("input#pcor-site-search")
    box.click()
    page.keyboard.type("toolkit", delay=30)
    page.keyboard.press("Enter")
    result = page.locator("#pcor-results li").first
    result.wait_for(timeout=10_000)
    assert "Fixture toolkit" in page.locator("#pcor-results").inner_text()
    assert page.events == []

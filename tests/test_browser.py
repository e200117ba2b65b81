"""The built fixture hub in real headless Chromium: no CSP violations, no external requests,
theme features (search, palette toggle) still work under the Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from browsing import serve
from conftest import CHROMIUM, CHROMIUM_ARGS, require_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(built_hub: Path):
    with serve(built_hub / "site") as base:
        yield base


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

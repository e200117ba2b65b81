"""Infographic pages in headless Chromium: charts render, the Chart/Table switch works, no request
leaves the site, axe finds nothing. Screenshots of every chart go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import shutil

import pytest

from browsing import AXE_TAGS, axe_source, browser_for, built_and_served
from conftest import REPO, copy_hub

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests" / "artifacts" / "infographics"
PAGES = {
    "infographics/fixture-chart/": ["fixture-chart"],
    "infographics/grouped/": ["grouped"],
    "infographics/stacked/": ["stacked"],
    "infographics/grid/": ["grid"],
    "landscape/": ["records-by-kind", "records-by-priority-area", "records-by-region", "records-by-evidence-tier", "priority-area-by-region"],
}


@pytest.fixture(scope="module")
def base(tmp_path_factory):

    root = copy_hub(tmp_path_factory.mktemp("infographics-browser") / "hub")
    for path in (REPO / "tests" / "fixtures" / "infographics").iterdir():
        shutil.copy(path, root / "content" / "infographic" / path.name)
    with built_and_served(root) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base)


@pytest.fixture(scope="module")
def tab(browser):
    page = browser.page(viewport={"width": 1100, "height": 900})
    yield page
    page.context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_charts_render_and_screenshot(tab, base, browser, path):
    browser.errors.clear()
    tab.goto(base + path)
    tab.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for slug in PAGES[path]:
        if path == "landscape/":  # a page of many charts shows each SVG file as an image (its data table is below it)
            svg = tab.locator(f"#infographic-{slug} img.pcor-chart")
            assert svg.evaluate("img => img.complete && img.naturalWidth > 250"), f"{slug}.svg did not load"
            name = svg.get_attribute("alt")
        else:
            svg = tab.locator(f"#infographic-{slug} svg.pcor-chart")
            assert svg.get_attribute("role") == "img"
            name = tab.evaluate("el => el.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ')",
                                svg.element_handle())
        box = svg.bounding_box()
        assert box and box["width"] > 250 and box["height"] > 80, f"{slug} is not drawn: {box}"
        assert len(name) > 40
        svg.screenshot(path=str(ARTIFACTS / f"{slug}.png"))
    tab.screenshot(path=str(ARTIFACTS / f"page-{path.strip('/').replace('/', '-')}.png"), full_page=True)
    assert browser.errors == []


def test_chart_table_switch(tab, base):
    tab.goto(base + "infographics/grid/")
    box = tab.locator("#infographic-grid")
    chart, table = box.locator('[data-view="chart"]'), box.locator('[data-view="table"]')
    assert chart.is_visible() and not table.is_visible()
    box.get_by_role("button", name="Table").click()
    assert table.is_visible() and not chart.is_visible()
    assert box.get_by_role("button", name="Table").get_attribute("aria-pressed") == "true"
    assert table.locator("table caption").inner_text() == "Fixture grid chart: the figures shown in the chart"
    box.get_by_role("button", name="Chart").click()
    assert chart.is_visible() and not table.is_visible()
    # the embed snippet carries the published address (the fixture's site_url), not the one it is viewed at
    assert 'src="http://127.0.0.1:8000/infographics/grid/grid.svg"' in box.locator("code[data-pcor-embed]").text_content()


def test_without_javascript_chart_and_table_are_both_reachable(browser, base):
    page = browser.page(java_script_enabled=False)
    page.goto(base + "infographics/grid/")
    box = page.locator("#infographic-grid")
    assert box.locator('[data-view="chart"] svg').is_visible()
    box.locator('[data-view="table"] summary').click()
    assert box.locator('[data-view="table"] table').is_visible()
    page.context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_no_axe_violations_on_infographic_pages(tab, base, path):
    tab.goto(base + path)
    tab.wait_for_load_state("networkidle")
    tab.evaluate(axe_source())
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert result["violations"] == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]

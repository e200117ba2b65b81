"""Explore: faceted search over every record (Pagefind index + static/explore.js), in real Chromium.

Clicking filters changes the results and the live counts; the whole state is in the address and a
reload restores it; the count is announced; it works with the keyboard alone and at 320 px; the
header search box reaches it; no request leaves 127.0.0.1. Without JavaScript the landing pages
still reach every record.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from browsing import browser_for, wait_for_explore
from pcor_site import urls
from pcor_site.build import check
from pcor_site.schema import KINDS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def catalog(built_hub: Path):
    return check(built_hub).catalog


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base)


@pytest.fixture
def tab(browser):
    page = browser.page()
    browser.errors.clear()
    yield page
    page.context.close()
    assert browser.errors == []


def titles(tab) -> list[str]:
    return tab.locator("#pcor-results li.pcor-result h3").all_inner_texts()


def facet(tab, key: str, label: str):
    """The <li> of one facet value, found by its visible label."""
    return tab.locator(f'fieldset[data-facet="{key}"] li').filter(has=tab.locator(".pcor-facet__label", has_text=re.compile(f"^{re.escape(label)}$")))


def count_of(tab, key: str, label: str) -> int:
    return int(facet(tab, key, label).locator(".pcor-count").inner_text().strip("()").replace(",", ""))


def query(tab) -> dict[str, list[str]]:
    return parse_qs(urlparse(tab.url).query)


def record_titles(catalog, **where) -> set[str]:
    found = set()
    for item in catalog.items.values():
        record = item.record
        if "kind" in where and item.kind.name not in where["kind"]:
            continue
        if "area" in where and not set(record.priority_areas) & set(where["area"]):
            continue
        found.add(record.title)
    return found


def test_everything_is_listed_before_any_filter(tab, base, catalog):
    tab.goto(base + "explore/")
    total = len(catalog.items)
    assert wait_for_explore(tab) == f"{total} records found."
    assert count_of(tab, "kind", "Practice") == len(catalog.of_kind("practice"))
    # relevance without words falls back to titles A to Z; the first page shows 20 at most
    shown = titles(tab)
    assert shown == sorted(shown, key=str.casefold)
    assert len(shown) == min(total, 20)
    if total > 20:
        tab.get_by_role("button", name=re.compile("^Show .* more results")).click()
        tab.wait_for_function(f"() => document.querySelectorAll('#pcor-results li').length === {min(total, 40)}")


def test_clicking_filters_updates_results_counts_and_address_and_reload_restores_them(tab, base, catalog):
    tab.goto(base + "explore/")
    wait_for_explore(tab)
    practices = record_titles(catalog, kind=["practice"])
    assert len(practices) >= 2

    facet(tab, "kind", "Practice").locator("label").click()
    tab.wait_for_function(f"() => document.getElementById('pcor-status').textContent === '{len(practices)} records found with 1 filter.'")
    assert set(titles(tab)) == practices
    assert query(tab) == {"kind": ["practice"]}
    # within a facet, a count says what ticking that value too would give (values combine with OR)
    assert count_of(tab, "kind", "Tool") == len(catalog.of_kind("tool"))
    # in other facets, counts are within the current results
    network = record_titles(catalog, kind=["practice"], area=["network-access"])
    assert count_of(tab, "area", "Network Access") == len(network)

    facet(tab, "area", "Network Access").locator("label").click()
    tab.wait_for_function("() => document.getElementById('pcor-status').textContent.endsWith('with 2 filters.')")
    assert set(titles(tab)) == network
    assert query(tab) == {"kind": ["practice"], "area": ["network-access"]}
    # each result shows its kind and evidence tier at a glance
    first = tab.locator("#pcor-results li.pcor-result").first
    assert first.locator(".pcor-kind").inner_text() == "Practice"
    assert first.locator(".pcor-tier").inner_text().startswith("Evidence: ")

    tab.reload()
    assert wait_for_explore(tab).endswith("with 2 filters.")
    assert set(titles(tab)) == network
    assert facet(tab, "kind", "Practice").locator("input").is_checked()
    assert facet(tab, "area", "Network Access").locator("input").is_checked()
    assert not facet(tab, "kind", "Tool").locator("input").is_checked()

    # open a result
    name = titles(tab)[0]
    tab.locator("#pcor-results h3 a").first.click()
    tab.wait_for_load_state()
    assert tab.locator("h1").first.inner_text() == name

    # Back returns to the same state
    tab.go_back()
    wait_for_explore(tab)
    assert set(titles(tab)) == network


def test_values_without_results_are_hidden_until_show_all(tab, base):
    tab.goto(base + "explore/?kind=practice&area=network-access")
    wait_for_explore(tab)
    empty = facet(tab, "region", "Fixture Region")
    assert empty.is_hidden()
    tab.get_by_label("Show values with no results").check()
    tab.wait_for_function("() => new URLSearchParams(location.search).get('all') === '1'")
    assert empty.is_visible()
    assert empty.locator(".pcor-count").inner_text() == "(0)"
    tab.reload()
    wait_for_explore(tab)
    assert facet(tab, "region", "Fixture Region").is_visible()


def test_words_sorting_and_clearing(tab, base, catalog):
    tab.goto(base + "explore/?q=toolkit")
    wait_for_explore(tab)
    assert tab.locator("#pcor-q").input_value() == "toolkit"
    assert "Fixture toolkit" in titles(tab)
    assert "for “toolkit”" in tab.locator("#pcor-status").inner_text()

    tab.goto(base + "explore/?kind=practice&sort=tier")
    wait_for_explore(tab)
    assert tab.locator("#pcor-sort").input_value() == "tier"
    tiers = tab.locator("#pcor-results .pcor-tier").all_inner_texts()
    ranks = {t.label: t.rank for t in catalog.terms("evidence_tiers")}
    assert [ranks[t.removeprefix("Evidence: ")] for t in tiers] == sorted(ranks[t.removeprefix("Evidence: ")] for t in tiers)

    tab.select_option("#pcor-sort", "title")
    tab.wait_for_function("() => new URLSearchParams(location.search).get('sort') === 'title'")
    wait_for_explore(tab)
    shown = titles(tab)
    assert shown == sorted(shown, key=str.casefold)

    tab.get_by_role("button", name="Clear all filters").click()
    tab.wait_for_function(f"() => document.getElementById('pcor-status').textContent === '{len(catalog.items)} records found.'")
    assert query(tab) == {"sort": ["title"]}


def test_keyboard_alone_searches_filters_and_opens_a_result(tab, base):
    tab.goto(base + "explore/")
    wait_for_explore(tab)
    for _ in range(80):  # Tab from the top of the page to the search field
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == "pcor-q":
            break
    else:
        pytest.fail("the search field cannot be reached with Tab")
    tab.keyboard.type("fixture")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.getElementById('pcor-status').textContent.includes('“fixture”')")
    for _ in range(40):  # on to the first filter value
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.name") == "kind":
            break
    else:
        pytest.fail("the filters cannot be reached with Tab")
    value = tab.evaluate("document.activeElement.value")
    tab.keyboard.press("Space")
    tab.wait_for_function(f"() => new URLSearchParams(location.search).getAll('kind').includes('{value}')")
    wait_for_explore(tab)
    for _ in range(200):  # on to the first result
        tab.keyboard.press("Tab")
        if tab.evaluate("!!document.activeElement.closest('#pcor-results')"):
            break
    else:
        pytest.fail("the results cannot be reached with Tab")
    name = tab.evaluate("document.activeElement.textContent")
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()
    assert tab.locator("h1").first.inner_text() == name


def test_result_count_is_announced_to_screen_readers(tab, base):
    tab.goto(base + "explore/")
    wait_for_explore(tab)
    status = tab.locator("#pcor-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    before = status.inner_text()
    facet(tab, "kind", "Tool").locator("label").click()
    tab.wait_for_function(f"() => document.getElementById('pcor-status').textContent !== {before!r}")
    assert re.fullmatch(r"\d+ records? found with 1 filter\.", status.inner_text())
    # every control has a name
    assert tab.get_by_role("searchbox", name="Search words").is_visible()
    assert tab.get_by_role("combobox", name="Sort by").is_visible()
    assert tab.get_by_role("group", name="Kind of record").is_visible()


def test_reflows_at_320_css_pixels(browser, base):
    tab = browser.page(viewport={"width": 320, "height": 640})
    try:
        for path in ("explore/?kind=practice", "", "practices/fixture-practice/"):
            tab.goto(base + path)
            if path.startswith("explore"):
                wait_for_explore(tab)
            width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], f"{path or 'home'} scrolls sideways at 320 px: {width}"
        tab.goto(base + "explore/")
        wait_for_explore(tab)
        assert tab.locator("#pcor-q").is_visible() and tab.locator("#pcor-results li").first.is_visible()
    finally:
        tab.context.close()


def test_header_search_box_finds_records_by_their_fields(tab, base, catalog):
    tab.goto(base)
    box = tab.get_by_role("searchbox", name="Search the hub")
    box.fill("Contracting")  # a purchaser-action label: a field value, not body text
    box.press("Enter")
    tab.wait_for_url(re.compile(r"/explore/\?q=Contracting$"))
    wait_for_explore(tab)
    expected = {i.record.title for i in catalog.items.values() if "contracting" in (getattr(i.record, "action_types", []) or [])}
    assert expected and expected <= set(titles(tab))
    region = catalog.get("region", "fixture-region-two")
    tab.goto(base + "explore/?q=" + region.record.title.replace(" ", "+"))
    wait_for_explore(tab)
    tagged = {i.record.title for i in catalog.items.values() if "fixture-region-two" in i.record.regions}
    assert tagged <= set(titles(tab))


def test_without_javascript_explore_points_to_landing_pages(browser, base, catalog):
    tab = browser.page(java_script_enabled=False)
    try:
        tab.goto(base + "explore/")
        assert tab.locator("#pcor-explore").is_hidden()
        links = set(tab.locator(".pcor-noscript a").evaluate_all("els => els.map(a => a.getAttribute('href'))"))
        for kind in KINDS.values():
            if kind.name != "page" and catalog.of_kind(kind.name):
                assert urls.relative("explore/", urls.kind_index(kind)) in links
        for term in catalog.terms("priority_areas"):
            assert urls.relative("explore/", urls.priority_area(term.id)) in links
        for region in catalog.of_kind("region"):
            assert urls.relative("explore/", urls.record(region.kind, region.id)) in links
    finally:
        tab.context.close()


# -- static checks on the built site (no browser) ------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def _links(page: Path) -> set[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return set(parser.hrefs)


def _page(site: Path, url: str) -> Path:
    return site / url / "index.html"


@pytest.mark.parametrize("landing", ["kind", "priority_area", "region"])
def test_landing_pages_reach_every_record_without_javascript(built_hub: Path, catalog, landing):
    """Every record is linked from its kind's index; tagged records from their area's and region's pages."""
    site = built_hub / "site"
    for item in catalog.items.values():
        target = urls.record(item.kind, item.id)
        if landing == "kind" and item.kind.name != "page":
            where = [urls.kind_index(item.kind)]
        elif landing == "priority_area":
            where = [urls.priority_area(a) for a in item.record.priority_areas]
        elif landing == "region":
            where = [urls.record(KINDS["region"], r) for r in item.record.regions]
        else:
            continue
        for url in where:
            assert urls.relative(url, target) in _links(_page(site, url)), f"{item.key} missing from {url}"


def test_search_index_is_built_and_record_pages_feed_it(built_hub: Path, catalog):
    site = built_hub / "site"
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not (bundle / "pagefind-ui.js").exists()  # the ready-made UI is not shipped
    practice = catalog.get("practice", "fixture-practice")
    text = _page(site, urls.record(practice.kind, practice.id)).read_text(encoding="utf-8")
    for needle in ('data-pagefind-body', 'data-pagefind-filter="kind:practice"', 'data-pagefind-filter="area:collaborative-care"',
                   'data-pagefind-filter="region:fixture-region"', 'data-pagefind-filter="audience:employers"',
                   'data-pagefind-filter="action:contracting"', 'data-pagefind-filter="tier:strong"',
                   'data-pagefind-meta="kind:Practice"', 'data-pagefind-sort="tier:1"', 'data-pagefind-sort="date:2026-01-15"',
                   'data-pagefind-index-attrs="data-pcor-word" data-pcor-word="pcorrecord"'):
        assert needle in text, needle
    # theme chrome (nav, header, footer) and index pages stay out of the index
    assert "data-pagefind-body" not in (site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in _page(site, "practices/").read_text(encoding="utf-8")
    explore = _page(site, "explore/").read_text(encoding="utf-8")
    assert "wasm-unsafe-eval" in explore and '<script type="module" src="../assets/explore.js"></script>' in explore
    assert "search/search_index.json" not in explore  # the theme's own search plugin is off
    assert not (site / "search" / "search_index.json").exists()


def test_explore_is_in_the_navigation(built_hub: Path):
    assert "explore/" in _links(built_hub / "site" / "index.html")

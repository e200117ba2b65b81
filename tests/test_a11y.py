"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the built fixture hub, in light and dark scheme.

Pages: home, Explore (with results and with filters applied), every kind of index and landing page,
and one record page of every kind. Zero violations is the bar. axe-core comes bundled in the PyPI
package axe-playwright-python, so nothing is downloaded at test time. The palette follows
`prefers-color-scheme` (mkdocs.yml), which Playwright emulates with `color_scheme`.
"""

from __future__ import annotations

import pytest

from browsing import AXE_TAGS, axe_source, browser_for, wait_for_explore
from pcor_site import urls
from pcor_site.build import check
from pcor_site.schema import KINDS

pytestmark = pytest.mark.browser

FIXTURE_PAGES = [
    "",  # home
    "explore/",
    "explore/?kind=practice&area=network-access&all=1",
    "priority-areas/",  # index of priority areas
    "priority-areas/collaborative-care/",  # a priority-area landing page
    "evidence-tiers/",
    "references/",
    "references/doe2020trial/",  # a reference's own page
    "404.html",
    "question-bank/",
    "explore/?kind=study&area=network-access",  # an empty result: the explanation and its buttons
    "explore/?q=toolkot",  # a misspelling: "did you mean"
]


def pages() -> list[str]:
    """The fixed pages, each kind's index page, and the first record of every kind (by id)."""
    from conftest import FIXTURE_HUB

    catalog = check(FIXTURE_HUB).catalog
    found = list(FIXTURE_PAGES)
    for kind in KINDS.values():
        items = sorted(catalog.of_kind(kind.name), key=lambda i: i.id) if catalog else []
        if kind.name != "page" and items:
            found.append(urls.kind_index(kind))
        if items:
            found.append(urls.record(kind, items[0].id))
    return found


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base)


@pytest.fixture(scope="module")
def tabs(browser):
    opened = {scheme: browser.page(color_scheme=scheme) for scheme in ("light", "dark")}
    yield opened
    for tab in opened.values():
        tab.context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", pages())
def test_no_axe_violations(tabs, base, browser, path, scheme):
    tab = tabs[scheme]
    tab.goto(base + path)
    if path.startswith("explore/"):
        wait_for_explore(tab)
    else:
        tab.wait_for_load_state("networkidle")
    assert tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
    tab.evaluate(axe_source())
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert result["violations"] == [], f"{path or 'home'} ({scheme}):\n" + describe(result["violations"])
    assert len(result["passes"]) > 10  # axe really ran


def test_theme_search_dialog_is_gone_and_header_search_is_named(tabs, base):
    """Material's search dialog had no accessible name; the header now holds a labelled form instead."""
    tab = tabs["light"]
    tab.goto(base)
    assert tab.locator('[role="dialog"].md-search').count() == 0
    assert tab.get_by_role("search", name="Site search").is_visible()
    assert tab.get_by_role("searchbox", name="Search the hub").is_visible()
    assert tab.get_by_role("search", name="Site search").get_by_role("button", name="Search").is_visible()

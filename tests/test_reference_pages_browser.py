"""The References pages in real headless Chromium: an old link `references/#ref-KEY` reaches the
reference's own page (assets/references.js), a mistyped one stays on the index; a reference page
prints on one page (Letter and A4, read back with pypdf); axe-core finds nothing on the paginated
index (first and a later page) and on a reference page, light and dark."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from browsing import AXE_TAGS, axe_source, browser_for, printed, serve
from test_reference_pages import build_paged

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    return build_paged(tmp_path_factory.mktemp("paged") / "hub")


@pytest.fixture(scope="module")
def base(paged_site):
    with serve(paged_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base)


@pytest.fixture(autouse=True)
def no_page_errors(browser, request):
    """No script error on any page; the one 404 a mistyped old link costs (the check that its
    page exists) is the only message allowed, and only in that test."""
    browser.errors.clear()
    yield
    allowed = "Failed to load resource: the server responded with a status of 404"
    errors = [e for e in browser.errors if not ("fragment" in request.fixturenames and allowed in e)]
    assert errors == []


def later_page(paged_site) -> str:
    """A later index page and a reference listed on it (not on the first page)."""
    pages = sorted((paged_site / "references" / "by-author").glob("*/index.html"))
    return pages[-1].parent.relative_to(paged_site).as_posix() + "/"


@pytest.mark.parametrize("key", ["paged40", "doe2020trial", "müller-2021"])
def test_an_old_reference_link_opens_the_references_own_page(browser, base, key):
    tab = browser.page()
    try:
        tab.goto(base + f"references/#ref-{key}")
        tab.wait_for_url(base + f"references/{quote(key)}/")
        assert tab.locator("h1").inner_text() and tab.locator("#cited-by").count() == 1
    finally:
        tab.context.close()


@pytest.mark.parametrize("fragment", ["ref-no-such-work", "ref-..%2F..%2Findex.html", "letter-s"])
def test_other_fragments_stay_on_the_index(browser, base, fragment):
    tab = browser.page()
    try:
        tab.goto(base + f"references/#{fragment}")
        tab.wait_for_load_state("networkidle")
        assert tab.url == base + f"references/#{fragment}"
        assert tab.locator("h1").inner_text() == "References"
    finally:
        tab.context.close()


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_a_reference_page_prints_on_one_page(browser, base, paper):
    tab = browser.page()
    try:
        reader = printed(tab, base + "references/doe2020trial/", paper)
        assert len(reader.pages) == 1
        text = reader.pages[0].extract_text()
        assert "A fixture trial of collaborative care" in text and "Fixture practice & policy" in text
        assert "Download BibTeX" not in text  # the formats' buttons are for the screen
    finally:
        tab.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_index_pages_and_a_reference_page(browser, base, paged_site, scheme):
    tab = browser.page(color_scheme=scheme)
    try:
        for path in ("references/", later_page(paged_site), "references/doe2020trial/", "references/paged02/"):
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            tab.evaluate(axe_source())
            result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
            assert result["violations"] == [], (path, scheme, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]])
            assert len(result["passes"]) > 10
    finally:
        tab.context.close()

"""The course, framework, agenda and What we heard pages in real Chromium: axe-core at zero
violations in light and dark scheme, no request leaving the site (the comment links are plain
links), and the learner handout printing without facilitator material or navigation."""

from __future__ import annotations

import pytest

from browsing import AXE_TAGS, axe_source, browser_for, built_and_served
from test_a11y import describe
from test_learning import learning_hub

pytestmark = pytest.mark.browser

PAGES = [
    "curriculum/", "curriculum/fixture-intro/", "curriculum/fixture-third/", "curriculum/whole-course/",
    "curriculum/facilitator-guide/", "framework/document/", "framework/fixture-contract/", "research-agenda/",
    "gaps/fixture-open-gap/", "what-we-heard/", "what-we-heard/fixture-comment/",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with built_and_served(learning_hub(tmp_path_factory.mktemp("learning-browser") / "hub")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base, no_errors=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_pages_have_no_axe_violations(browser, base, scheme):
    tab = browser.page(color_scheme=scheme)
    try:
        for path in PAGES:
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            tab.evaluate(axe_source())
            result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
            assert result["violations"] == [], f"{path} ({scheme}):\n" + describe(result["violations"])
            assert len(result["passes"]) > 10
    finally:
        tab.context.close()


def test_printed_module_hides_facilitator_links_navigation_and_comment_link(browser, base):
    tab = browser.page()
    try:
        tab.goto(base + "curriculum/fixture-intro/")
        for selector in (".pcor-course-nav", ".pcor-facilitator-link", ".pcor-comment-link"):
            assert tab.locator(selector).first.is_visible(), selector
        tab.emulate_media(media="print")
        for selector in (".pcor-course-nav", ".pcor-facilitator-link", ".pcor-comment-link"):
            assert not tab.locator(selector).first.is_visible(), selector
        assert tab.get_by_role("heading", name="Key points").is_visible()
    finally:
        tab.context.close()


def test_learning_path_list_opens_the_modules(browser, base):
    tab = browser.page()
    try:
        tab.goto(base + "curriculum/")
        assert tab.get_by_role("img", name="Prerequisite graph of the course").is_visible()
        tab.locator("ul.pcor-graph-list > li > a").nth(1).click()
        tab.wait_for_load_state()
        assert tab.url.endswith("/curriculum/fixture-next/")
        assert tab.get_by_role("link", name="Previous: Module 1: Fixture basics").is_visible()
    finally:
        tab.context.close()

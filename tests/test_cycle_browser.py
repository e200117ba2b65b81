"""The convening cycle in real headless Chromium: the handout builder (pick on record pages, the
handout page, its shareable address in a fresh browser) and axe-core on every new page, light
and dark. No request may leave the site and no page may log an error."""

from __future__ import annotations

import pytest

from browsing import AXE_TAGS, axe_source, browser_for, serve

pytestmark = pytest.mark.browser

NEW_PAGES = [
    "events/fixture-summit/", "regions/fixture-region/", "activities/", "activities/fixture-peer-network/",
    "landscape/activities/", "reports/fixture-summary-report/", "dissemination/fixture-newsletter/",
    "surveys/fixture-relevance/", "dashboard/", "handout/",
]


@pytest.fixture(scope="module")
def base(built_cycle_hub):
    with serve(built_cycle_hub / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base, no_errors=True)


def _describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_pages_have_no_axe_violations(browser, base, scheme):
    tab = browser.page(color_scheme=scheme)
    for path in NEW_PAGES:
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
        tab.evaluate(axe_source())
        result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        assert result["violations"] == [], f"{path} ({scheme}):\n" + _describe(result["violations"])
        assert len(result["passes"]) > 10
    tab.context.close()


def test_handout_builder_and_its_shareable_address(browser, base):
    tab = browser.page(viewport={"width": 1366, "height": 900})
    tab.goto(base + "practices/fixture-practice/")
    add = tab.get_by_role("button", name="Add to handout: Fixture practice & policy")
    add.click()
    assert tab.get_by_role("button", name="Remove from handout: Fixture practice & policy").get_attribute("aria-pressed") == "true"
    tab.goto(base + "tools/fixture-tool/")
    tab.get_by_role("button", name="Add to handout: Fixture toolkit").click()
    tab.goto(base + "handout/")
    tab.wait_for_function("() => document.querySelectorAll('#pcor-handout-list li').length === 2")
    assert tab.locator("#pcor-handout-list h2").all_inner_texts() == ["Fixture practice & policy", "Fixture toolkit"]
    assert tab.locator("#pcor-handout-status").inner_text() == "2 records in this handout."
    shared = tab.locator("#pcor-handout-share").input_value()
    assert shared == base + "handout/#ids=practice/fixture-practice,tool/fixture-tool"
    assert tab.url == shared
    tab.screenshot(path="/work/h16/.tmp/handout-1366.png", full_page=True)
    tab.context.close()

    fresh = browser.page(viewport={"width": 390, "height": 844})  # a colleague's browser: no picks stored
    fresh.goto(base + "handout/#ids=tool/fixture-tool,nonsense,practice/fixture-practice")
    fresh.wait_for_function("() => document.querySelectorAll('#pcor-handout-list li').length === 2")
    assert fresh.locator("#pcor-handout-list h2").all_inner_texts() == ["Fixture toolkit", "Fixture practice & policy"]
    assert fresh.evaluate("localStorage.getItem('pcor-handout')") is None  # a shared handout does not change the reader's picks
    fresh.screenshot(path="/work/h16/.tmp/handout-390.png", full_page=True)
    fresh.emulate_media(media="print")
    assert not fresh.locator("#pcor-handout-print").is_visible()  # the tools are not printed
    fresh.context.close()


def test_toggle_appears_on_elements_added_later(browser, base):
    """Explore renders its results after load: the toggle must reach elements added to the page."""
    tab = browser.page()
    tab.goto(base + "handout/")
    tab.evaluate("""() => { const li = document.createElement('li'); li.dataset.handoutId = 'study/fixture-study';
        li.dataset.handoutTitle = 'Fixture study'; li.id = 'late'; document.querySelector('article').appendChild(li); }""")
    tab.get_by_role("button", name="Add to handout: Fixture study").click()
    assert tab.evaluate("JSON.parse(localStorage.getItem('pcor-handout'))") == ["study/fixture-study"]
    tab.context.close()


def test_screenshots_of_the_new_pages(browser, base):
    for width, height in ((1366, 900), (390, 844)):
        tab = browser.page(viewport={"width": width, "height": height})
        for path in ("events/fixture-summit/", "dashboard/", "reports/fixture-summary-report/", "landscape/activities/", "regions/fixture-region/"):
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            name = path.strip("/").replace("/", "-")
            tab.screenshot(path=f"/work/h16/.tmp/{name}-{width}.png", full_page=True)
        tab.context.close()

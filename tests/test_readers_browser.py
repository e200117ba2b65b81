"""The hub as its readers use it, in real headless Chromium at 1366×900 and 390×844 (issue 14):
the home page's start points reach their pages; on a phone the first Explore result is in the
first screen after a search; tier badges of different tiers differ in text and in colour; active
filters are chips that remove themselves; an empty result says why and offers a way out; a
misspelling offers the closest word; the question bank copies asks; a printed practice (Letter and
A4, rendered with page.pdf and read back with pypdf) has no blank page.
"""

from __future__ import annotations

import re

import pytest

from browsing import browser_for, printed, wait_for_explore

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base)


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1366x900", "390x844"])
def tab(browser, request):
    page = browser.page(viewport=request.param)
    browser.errors.clear()
    yield page
    page.context.close()
    assert browser.errors == []


def test_home_start_points_each_reach_their_page(tab, base):
    tab.goto(base)
    readers = tab.locator(".pcor-reader")
    assert readers.count() == 4
    targets = [(link.inner_text(), link.get_attribute("href")) for link in tab.locator(".pcor-reader a").all()]
    assert len(targets) >= 12
    for text, href in targets:
        tab.goto(base)
        tab.locator(".pcor-reader a", has_text=re.compile(f"^{re.escape(text)}$")).first.click()
        tab.wait_for_load_state()
        assert tab.locator("h1").first.is_visible(), href
        assert tab.locator("h1").first.inner_text() != "Page not found", href
        if "explore/" in href:
            assert wait_for_explore(tab).endswith("with 1 filter."), href


def test_first_explore_result_is_in_the_first_screen_after_a_search(tab, base):
    tab.goto(base + "explore/")
    wait_for_explore(tab)
    tab.fill("#pcor-q", "fixture")
    tab.press("#pcor-q", "Enter")
    tab.wait_for_function("() => document.getElementById('pcor-status').textContent.includes('“fixture”')")
    tab.evaluate("window.scrollTo(0, 0)")
    first = tab.locator("#pcor-results li.pcor-result").first.locator("h3 a").bounding_box()
    height = tab.viewport_size["height"]
    assert first["y"] + first["height"] <= height, first
    filters = tab.locator("#pcor-filters")
    assert filters.evaluate("d => d.open") == (tab.viewport_size["width"] >= 720)  # folded away on a phone
    # the snippet is the summary with the words marked, never metadata or addresses
    summary = tab.locator("#pcor-results li.pcor-result").first.locator(".pcor-result__summary")
    assert summary.locator("mark").first.inner_text().lower().startswith("fixture")
    assert "http" not in " ".join(tab.locator(".pcor-result__summary").all_inner_texts())


def test_tier_badges_differ_in_text_shape_and_colour(tab, base):
    tab.goto(base + "practices/")
    badges = tab.locator("ul.pcor-links .pcor-tier")
    seen = {}
    for badge in badges.all():
        bars = badge.locator(".pcor-tier__scale")
        box = bars.bounding_box()
        assert box and box["width"] > 4 and box["height"] > 4  # the bars are drawn
        seen[badge.inner_text().strip()] = (badge.evaluate("b => getComputedStyle(b).backgroundColor"),
                                            bars.evaluate("e => getComputedStyle(e).backgroundImage"))
    assert set(seen) == {"Evidence: Strong", "Evidence: Emerging"}
    (colour_a, marks_a), (colour_b, marks_b) = seen.values()
    assert colour_a != colour_b and marks_a != marks_b
    tab.goto(base + "explore/?kind=practice")
    wait_for_explore(tab)
    explore = {b.inner_text(): b.evaluate("b => getComputedStyle(b).backgroundColor") for b in tab.locator("#pcor-results .pcor-tier").all()}
    assert explore == {text: colour for text, (colour, _) in seen.items()}  # the same scale on Explore
    holders = tab.locator("#pcor-results li.pcor-result[data-handout-id]")
    assert holders.count() == 2 and holders.first.get_attribute("data-handout-kind") == "practice"


def test_active_filters_are_chips_that_remove_themselves(tab, base):
    tab.goto(base + "explore/?kind=practice&area=network-access")
    assert wait_for_explore(tab).endswith("with 2 filters.")
    chips = tab.locator("#pcor-chips button.pcor-chip")
    assert chips.all_inner_texts() == ["Kind of record: Practice ×", "Priority area: Network Access ×"]
    tab.get_by_role("button", name="Remove filter Priority area: Network Access").click()
    tab.wait_for_function("() => document.getElementById('pcor-status').textContent.endsWith('with 1 filter.')")
    assert chips.count() == 1 and "area=" not in tab.url


def test_an_empty_result_says_why_and_offers_to_clear_a_filter(tab, base):
    tab.goto(base + "explore/?kind=study&area=network-access")
    wait_for_explore(tab)
    empty = tab.locator("#pcor-empty")
    assert empty.inner_text().startswith(
        "No records match with the filters “Kind of record: Study” and “Priority area: Network Access” together.")
    remove = tab.get_by_role("button", name=re.compile("^Remove “Priority area: Network Access” \\(\\d+ results?\\)$"))
    remove.click()
    tab.wait_for_function("() => document.getElementById('pcor-status').textContent.endsWith('with 1 filter.')")
    assert empty.is_hidden() and tab.locator("#pcor-results li.pcor-result").count() >= 1


def test_a_misspelling_offers_the_closest_word(tab, base):
    tab.goto(base + "explore/?q=toolkot")  # Pagefind's fuzzy match may still find a weak result or two
    wait_for_explore(tab)
    hint = tab.locator("#pcor-suggest a", has_text="toolkit")
    hint.wait_for()
    assert tab.locator("#pcor-suggest").inner_text() == "Did you mean toolkit?"
    tab.goto(base + "explore/?q=fixture")
    wait_for_explore(tab)
    assert tab.locator("#pcor-suggest").is_hidden()  # a known word gets no suggestion
    tab.goto(base + "explore/?q=fixtore")
    wait_for_explore(tab)
    hint = tab.locator("#pcor-suggest a", has_text="fixture")
    hint.wait_for()
    hint.click()
    tab.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'fixture'")
    assert int(wait_for_explore(tab).split()[0]) > 0


def test_question_bank_copies_one_ask_and_all_asks(browser, base):
    context = browser.browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    try:
        tab.goto(base + "question-bank/")
        tab.get_by_role("button", name="Copy this ask").first.click()
        tab.locator("ol.pcor-asks > li .pcor-copy-status", has_text="Copied.").first.wait_for()
        assert tab.evaluate("navigator.clipboard.readText()") == "Ask the vendor for the fixture report."
        tab.get_by_role("button", name=re.compile("^Copy all \\d+ asks$")).click()
        tab.locator(".pcor-copy-status", has_text=re.compile("^Copied")).first.wait_for()
        copied = tab.evaluate("navigator.clipboard.readText()")
        asks = [" ".join(t.split()) for t in tab.locator("ol.pcor-asks > li > p:first-child").all_inner_texts()]
        assert copied == (asks[0] if len(asks) == 1 else "\n".join(f"{n}. {a}" for n, a in enumerate(asks, 1)))
    finally:
        context.close()


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_a_printed_practice_has_no_blank_page(browser, base, paper):
    tab = browser.page()
    try:
        reader = printed(tab, base + "practices/fixture-practice/", paper)
        assert tab.locator(".pcor-related").first.is_hidden()  # no pages of link lists (the tab stays in print media)
        texts = [page.extract_text().strip() for page in reader.pages]
        assert texts and all(texts), [len(t) for t in texts]
        assert "Fixture practice & policy" in texts[0] and "Ask the vendor for the fixture report." in "\n".join(texts)
    finally:
        tab.context.close()


def test_a_reference_page_loads_a_citation_format_when_it_is_opened(browser, base):
    tab = browser.page()
    try:
        tab.goto(base + "references/doe2020trial/")
        entry = tab.locator("#cite-doe2020trial")
        code = entry.locator("details.pcor-cite-format").first.locator("pre code")
        assert code.evaluate("c => c.textContent") == ""  # not carried inline
        entry.locator("details.pcor-cite-format summary", has_text="BibTeX").click()
        tab.wait_for_function("() => document.querySelector('#cite-doe2020trial details pre code').textContent.startsWith('@')")
        with tab.expect_response(lambda r: r.url.endswith("cite/references/doe2020trial.bib")) as response:
            tab.evaluate("fetch('../../cite/references/doe2020trial.bib')")
        assert code.inner_text() == response.value.text().rstrip()
    finally:
        tab.context.close()



def test_list_items_get_a_handout_toggle_named_after_their_link(tab, base):
    # lists carry only `data-handout-id` (kind/id): the toggle takes its name from the item's link
    tab.goto(base + "practices/fixture-practice/")
    items = tab.locator("ul.pcor-links li[data-handout-id]")
    items.first.locator("button.pcor-handout-toggle").wait_for()
    first = items.first
    name = first.locator("a").first.inner_text().strip()
    assert first.locator("button.pcor-handout-toggle").get_attribute("aria-label") == f"Add to handout: {name}"

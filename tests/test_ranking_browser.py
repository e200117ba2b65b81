"""Explore's ranking on the shipped hub, in real Chromium (issue 14): a search for a topic finds
the practice about it among the first three results, before the pages that only mention the
topic (the glossary, the course, the framework). The means are general, not per query: the
metadata Explore only shows (summary, kind, ids, tier) is not matched (`metaWeights` 0 in
static/explore.js), a record carries its main topic's names (features/search `topic_words`) and
pages of kinds that explain the evidence weigh less (`Kind.explains`). benchmarks/explore_ranking.py
prints the whole lists."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest

from browsing import browser_for, built_and_served, wait_for_explore
from conftest import REPO

pytestmark = pytest.mark.browser

#: Query → the title of the shipped practice about it (content/practice/).
KEY_PRACTICES = {
    "parity": "Ask for parity compliance documentation, including NQTL comparative analyses",
    "collaborative care": "Offer the Collaborative Care Model in primary care",
    "telehealth": "Cover tele-behavioral health as a way to get care",
}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("ranking") / "hub"
    root.mkdir()
    for name in ("content", "overrides", "hooks"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    with built_and_served(root) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base)


@pytest.mark.parametrize("query", list(KEY_PRACTICES))
def test_the_practice_about_a_topic_is_in_the_first_three_results(browser, base, query):
    tab = browser.page()
    try:
        tab.goto(f"{base}explore/?q={quote(query)}")
        wait_for_explore(tab)
        titles = [" ".join(t.split()) for t in tab.locator("#pcor-results li.pcor-result h3").all_inner_texts()]
        assert KEY_PRACTICES[query] in titles[:3], f"{query!r}: {titles[:6]}"
    finally:
        tab.context.close()


def test_the_practice_about_parity_comes_before_the_glossary_entry_that_defines_the_word(browser, base):
    tab = browser.page()
    try:
        tab.goto(f"{base}explore/?q=parity")
        wait_for_explore(tab)
        titles = [" ".join(t.split()) for t in tab.locator("#pcor-results li.pcor-result h3").all_inner_texts()]
        glossary = next(n for n, t in enumerate(titles) if t.startswith("Mental health parity"))
        assert titles.index(KEY_PRACTICES["parity"]) < glossary
    finally:
        tab.context.close()

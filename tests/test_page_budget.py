"""The page-size budget (issue 14): no page over 150 KB at 1,000 records and 1,000 references.

Building a 1,000-record hub takes minutes, so the suite compiles two small synthetic hubs (the
generator of benchmarks/page_sizes.py, records and references in step) and extrapolates every
page's size linearly to 1,000: a page whose markup per item grows (a tier badge drawn with five
elements again, a long attribute repeated per item, every chart inlined) goes over. The theme
adds its header, sidebar and footer around each compiled page: CHROME allows for them.
benchmarks/page_sizes.py measures the built pages at full size.
"""

from __future__ import annotations

import sys

import pytest

from conftest import REPO
from pcor_site.build import check
from pcor_site.site.pages import render_site

sys.path.insert(0, str(REPO / "benchmarks"))

BUDGET = 150 * 1024
CHROME = 25 * 1024  # the theme's frame around a page's content (about 17 KB measured, with the nav)
SMALL, LARGE, TARGET = 200, 400, 1000  # both past the bounded lists (10 per kind on an area page)
#: Pages the budget does not cover yet, and why (reported in issue 14's note):
KNOWN = {
    "references.md": "the References page is being rebuilt as a paginated index (issue 14, another part)",
    "curriculum/whole-course.md": "the whole course on one page, the learner handout: its size is the course's own text",
}


def _compiled(root, n: int) -> dict[str, int]:
    from bench_build import make_hub
    from page_sizes import add_cycle, add_references, after_fixture_modules

    make_hub(root, n)
    after_fixture_modules(root)
    add_cycle(root, n // 10)
    add_references(root, n - 1)
    result = check(root)
    assert result.ok, [f"{d.path}:{d.line} {d.code} {d.message}" for d in result.diagnostics if d.severity == "error"][:5]
    outputs = render_site(result.site())
    return {doc: len(text.encode("utf-8")) for doc, text in outputs.items() if doc.endswith(".md") and isinstance(text, str)}


@pytest.fixture(scope="module")
def extrapolated(tmp_path_factory) -> dict[str, float]:
    small = _compiled(tmp_path_factory.mktemp("small") / "hub", SMALL)
    large = _compiled(tmp_path_factory.mktemp("large") / "hub", LARGE)
    return {doc: size + (size - small[doc]) / (LARGE - SMALL) * (TARGET - LARGE) for doc, size in large.items() if doc in small}


def test_no_page_goes_over_the_budget_at_a_thousand_records(extrapolated):
    over = {doc: round(size / 1024) for doc, size in extrapolated.items() if size + CHROME > BUDGET and doc not in KNOWN}
    assert over == {}, f"pages over {BUDGET // 1024} KB at {TARGET:,} records (KB, without the theme): {over}"


def test_the_pages_that_grew_before_are_measured(extrapolated):
    # the pages issue 14 found over budget are in the measurement, and under it now
    for doc in ("question-bank.md", "landscape/index.md", "framework/document.md", "reports/fixture-summary-report.md"):
        assert doc in extrapolated, doc
        assert extrapolated[doc] + CHROME <= BUDGET, (doc, round(extrapolated[doc] / 1024))

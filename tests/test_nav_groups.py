"""The sidebar in groups (issue 14): the core defines the groups, files its own index pages under
them and features name a group for each entry; a group with nothing in it is left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_HUB, REPO, copy_hub
from pcor_site.build import check
from pcor_site.plugin.feature import NAV_GROUPS, Feature, NavEntry
from pcor_site.schema import KINDS
from pcor_site.site.pages import navigation


def _titles(nav: list) -> list[str]:
    return [next(iter(entry)) for entry in nav]


def _group(nav: list, name: str) -> dict[str, str]:
    (pages,) = [entry[name] for entry in nav if name in entry]
    return {title: doc for page in pages for title, doc in page.items()}


@pytest.fixture(scope="module")
def shipped_nav() -> list:
    result = check(REPO)  # the repository's own hub (content/)
    assert result.ok
    return navigation(result.site())


def test_the_shipped_sidebar_is_a_few_groups_not_every_feature_page(shipped_nav):
    titles = _titles(shipped_nav)
    assert titles[:3] == ["Home", "Explore", "Priority areas"]
    groups = [t for t in titles if t in NAV_GROUPS]
    assert groups == [g for g in NAV_GROUPS if g in groups]  # in the core's order
    assert titles == titles[:3] + groups  # nothing else at the top level
    assert len(titles) <= 10
    evidence = _group(shipped_nav, "Evidence")
    assert {"Promising practices and policies", "PCORI-funded studies", "Tools and resources", "Evidence tiers",
            "References", "Glossary"} <= set(evidence)
    purchasers = _group(shipped_nav, "For purchasers")
    assert {"Question bank", "Purchasing framework", "The framework document", "Curriculum"} <= set(purchasers)
    assert list(purchasers)[0] == "Question bank"  # a closed group links to its first page: its lead
    assert list(_group(shipped_nav, "Research agenda"))[0] == "Research agenda"
    assert list(_group(shipped_nav, "About"))[0] == "About"  # content/pages/about.md, its nav_title
    assert all(pages for entry in shipped_nav for pages in entry.values())  # no empty group
    # every index page of a kind with records is in the group its kind names
    catalog = check(REPO).catalog
    for kind in KINDS.values():
        if kind.name != "page" and catalog.of_kind(kind.name):
            assert _group(shipped_nav, kind.nav_group)[kind.plural] == f"{kind.url_dir}/index.md"


def test_a_group_with_nothing_in_it_is_left_out(tmp_path: Path):
    hub = copy_hub(tmp_path / "hub")
    for path in (hub / "content" / "gap").glob("*"):  # no evidence gap: no research agenda
        path.unlink()
    result = check(hub)
    assert result.ok, [d.message for d in result.diagnostics[:3]]
    assert "Research agenda" in _titles(navigation(check(FIXTURE_HUB).site()))  # with its gap, the group is there
    titles = _titles(navigation(result.site()))
    assert "Research agenda" not in titles
    assert "Evidence" in titles


def test_the_core_alone_groups_its_own_pages_and_a_feature_joins_a_group():
    class _Corner(Feature):
        name = "corner"

        def nav(self, site, state):
            return [NavEntry("Corner page", "corner.md", group="About")]

    bare = navigation(check(FIXTURE_HUB, features=()).site())
    assert _titles(bare)[:2] == ["Home", "Priority areas"]  # no Explore without the search feature
    assert "Evidence tiers" in _group(bare, "Evidence")
    joined = navigation(check(FIXTURE_HUB, features=(_Corner(),)).site())
    assert _group(joined, "About")["Corner page"] == "corner.md"


def test_a_group_the_core_does_not_define_is_refused():
    with pytest.raises(ValueError, match="unknown group 'Misc'"):
        NavEntry("A page", "a.md", group="Misc")

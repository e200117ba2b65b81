"""What Zotero would save from the hub's pages, by the rules of its own COinS parser, name
splitter and Embedded Metadata translator (ported in tests/clients/zotero.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "clients"))
import zotero  # noqa: E402

from pcor_site.features.citations import metadata  # noqa: E402

#: CSL type → the Zotero item type a reader must end up with.
ZOTERO_TYPES = {"article-journal": "journalArticle", "report": "report", "webpage": "webpage", "book": "book",
                "chapter": "bookSection", "thesis": "thesis", "legislation": "statute", "dataset": "dataset", "paper-conference": "conferencePaper"}


@pytest.fixture(scope="module")
def site(built_hub: Path) -> Path:
    return built_hub / "site"


@pytest.fixture(scope="module")
def references(site: Path) -> dict[str, dict]:
    return {i["id"]: i for i in json.loads((site / "data" / "references.json").read_text(encoding="utf-8"))}


def _expected_creators(item: dict) -> list[dict]:
    return [{"lastName": p["literal"], "fieldMode": 1} if "literal" in p else {"lastName": p["family"], "firstName": p.get("given", "")}
            for p in item.get("author", [])]


def test_the_references_page_gives_zotero_each_work_as_it_is(site: Path, references: dict):
    saved = zotero.saved((site / "references" / "index.html").read_text(encoding="utf-8"))
    assert len(saved) == len(references)
    by_title = {i["title"]: i for i in saved}
    for item in references.values():
        got = by_title[item["title"]]
        assert got["itemType"] == ZOTERO_TYPES[item["type"]]
        assert sorted(map(json.dumps, got["creators"])) == sorted(map(json.dumps, _expected_creators(item))), got
        if item.get("container-title"):
            assert got["publicationTitle"] == item["container-title"]
    # the four corners: a corporate author with a comma, a suffixed name, a web page, a report
    assert by_title["A fixture cost report"]["creators"] == [{"lastName": "Fixture Actuaries, Inc.", "fieldMode": 1}]
    assert by_title["A fixture guidance page"]["itemType"] == "webpage"
    assert "publicationTitle" not in by_title["A fixture guidance page"]  # howpublished is not a journal
    assert by_title["A fixture guidance page"]["publisher"] == "Posted on the association's website"
    assert {"lastName": "Williams", "firstName": "John W."} in by_title["A fixture article by a suffixed author"]["creators"]


@pytest.mark.parametrize("csl_type", sorted(ZOTERO_TYPES))
def test_every_csl_type_becomes_the_right_zotero_type(csl_type: str):
    item = {"id": "k", "type": csl_type, "title": "A title", "container-title": "A container",
            "author": [{"literal": "American Psychiatric Association"}, {"family": "Doe", "given": "Jane"}],
            "issued": {"date-parts": [[2020, 5]]}, "URL": "https://example.org/x"}
    got = zotero.parse_coins(metadata.coins(item))
    assert got["itemType"] == ZOTERO_TYPES[csl_type]
    assert got["title"] == "A title"
    assert got["date"] == "2020-05" and got["url"] == "https://example.org/x"
    assert got["creators"] == [{"lastName": "Doe", "firstName": "Jane"}, {"lastName": "American Psychiatric Association", "fieldMode": 1}]


def test_hostile_text_stays_inside_its_field():
    item = {"id": "k", "type": "webpage", "title": 'T&rft.au=Evil"><script>', "author": [{"literal": "A & B, Inc.=x"}]}
    got = zotero.parse_coins(metadata.coins(item))
    assert got["title"] == 'T&rft.au=Evil"><script>'
    assert got["creators"] == [{"lastName": "A & B, Inc.=x", "fieldMode": 1}]
    assert "<script>" not in metadata.coins_span(item)


def test_a_module_page_is_saved_as_the_hubs_own_report(site: Path, built_hub: Path):
    page = (site / "curriculum" / "fixture-intro" / "index.html").read_text(encoding="utf-8")
    assert zotero.coins_on(page) == []  # its readings' COinS would win over the page itself
    (item,) = zotero.saved(page)
    assert item["itemType"] == "report"
    assert item["title"] == "Fixture module one"
    assert item["institution"] == "Fixture Hub" and item["creators"] == []  # the hub's name is not split into a person
    assert item["url"] == "http://127.0.0.1:8000/curriculum/fixture-intro/"
    assert item["date"] == "2026/1/15"


def test_pages_about_other_peoples_works_carry_no_highwire_tags(site: Path):
    for page in ("studies/fixture-study", "practices/fixture-practice", "tools/fixture-tool", "references", "references/doe2020trial"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert zotero.highwire(html) == {}, page
    study = zotero.saved((site / "studies" / "fixture-study" / "index.html").read_text(encoding="utf-8"))
    assert [i["title"] for i in study] == ["A fixture trial of collaborative care"]  # its publication, as COinS


def test_highwire_people_are_written_family_first():
    tags = metadata.highwire({"title": "T", "issued": {"date-parts": [[2024, 3, 9]]}, "publisher": "Hub",
                              "author": [{"family": "Doe", "given": "Jane"}, {"literal": "Hub"}]}, "module", None)
    html = "<html><head>" + "".join(f'<meta name="{t["name"]}" content="{t["content"]}">' for t in tags) + "</head></html>"
    item = zotero.highwire(html)
    # (Zotero splits "van der Berg, Ann Marie" into two people: words on both sides of the comma)
    assert item["creators"] == [{"lastName": "Doe", "firstName": "Jane"}]
    assert item["date"] == "2024/3/9" and item["itemType"] == "report"

"""Real clients read the built fixture hub the way programs outside the hub do: the Nu Html
Checker (every page), bibtexparser and rispy (every BibTeX and RIS file, round trips), extruct
(JSON-LD as crawlers read it), jsonschema (every download against its published schema) and
icalendar (every .ics file, when there are any). The readers live in tests/clients/readers.py;
`python tests/clients/readers.py SITE` prints the same figures for any built site.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

sys.path.insert(0, str(Path(__file__).resolve().parent / "clients"))
import readers  # noqa: E402

from pcor_site.features.citations import exports  # noqa: E402

#: Properties each JSON-LD type must carry (`a.b`: property b of the object in a). Event belongs to
#: issue 16 (location, full dates, attendance mode) and is not listed here.
REQUIRED_JSON_LD = {
    "Dataset": {"name", "description", "license", "distribution", "creator", "url"},
    "WebSite": {"name", "url", "publisher"},
    "PodcastEpisode": {"name", "url", "datePublished", "partOfSeries.name", "associatedMedia.contentUrl", "associatedMedia.transcript"},
    "LearningResource": {"name", "description", "url", "provider"},
    "CollectionPage": {"name", "hasPart"},
}


@pytest.fixture(scope="module")
def site(built_hub: Path) -> Path:
    return built_hub / "site"


def require_vnu() -> None:
    missing = readers.vnu_available()
    if missing:
        message = f"the Nu Html Checker needs {missing}"
        if os.environ.get("CI"):
            pytest.fail(message + "; in CI it must run (.ci/run installs it)")
        pytest.skip(message)


def test_nu_html_checker_finds_nothing_on_any_page(site: Path):
    require_vnu()
    pages = readers.html_pages(site)
    kinds = {p.relative_to(site).parts[0] for p in pages}
    # every page type: home, each kind's pages, references, downloads, explore, transcripts
    assert {"index.html", "practices", "tools", "studies", "curriculum", "podcast", "glossary", "references", "downloads"} <= kinds
    assert any(p.name == "transcript.html" for p in pages)
    checked, problems = readers.vnu(site, pages)
    assert checked == len(pages) and problems == []


def test_theme_false_positives_are_only_the_themes(site: Path):
    """Each accepted message is one MkDocs Material writes on every page, never one of ours."""
    require_vnu()
    import subprocess

    pages = [site / "index.html", site / "tools" / "fixture-tool" / "index.html"]
    run = subprocess.run(["java", "-jar", str(readers.VNU_JAR), "--format", "json", "--stdout", *map(str, pages)],
                         capture_output=True, text=True, check=False)
    messages = json.loads(run.stdout)["messages"]
    for known in readers.THEME_FALSE_POSITIVES:
        found = [m for m in messages if known in m["message"]]
        assert found, f"{known!r} no longer occurs: remove it from the list"
        # what is flagged is the theme's markup (or a data block), never an element pcor-site writes for readers
        assert all(any(mark in m.get("extract", "") for mark in ("md-", "__", "application/json", "application/ld+json", "assets/"))
                   for m in found), found


def test_every_bibtex_file_round_trips(site: Path):
    checked, problems = readers.bibtex_files(site)
    assert checked >= 4 and problems == []
    for path in sorted(site.rglob("*.bib")):
        first = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        again = bibtexparser.parse_string(bibtexparser.write_string(first))
        assert [(e.entry_type, e.key, e.fields_dict.keys()) for e in again.entries] == \
               [(e.entry_type, e.key, e.fields_dict.keys()) for e in first.entries]
        assert [[f.value for f in e.fields] for e in again.entries] == [[f.value for f in e.fields] for e in first.entries]


def test_bibtex_keeps_corporate_authors_whole(site: Path):
    from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

    library = bibtexparser.parse_string((site / "data" / "references.bib").read_text(encoding="utf-8"),
                                        append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    authors = {e.key: e["author"] for e in library.entries}
    (corporate,) = authors["fixture2021costs"]
    assert corporate.last == ["{Fixture Actuaries, Inc.}"] and corporate.first == []
    suffixed = authors["fixture2019suffix"][0]
    assert (suffixed.last, suffixed.jr, suffixed.first) == (["Williams"], ["Jr."], ["John", "W."])


def test_every_ris_file_reads_back(site: Path):
    checked, problems = readers.ris_files(site)
    assert checked >= 4 and problems == []
    records = {r["id"]: r for r in rispy.loads((site / "data" / "references.ris").read_text(encoding="utf-8"))}
    csl = {i["id"]: i for i in json.loads((site / "data" / "references.json").read_text(encoding="utf-8"))}
    assert records.keys() == csl.keys()
    for key, record in records.items():
        assert record["title"] == csl[key]["title"]
        assert len(record["authors"]) == len(csl[key]["author"])
    # a corporate author has no comma a reader would split at; a suffix follows the given names
    assert records["fixture2021costs"]["authors"] == ["Fixture Actuaries Inc."]
    assert records["fixture2019suffix"]["authors"] == ["Williams, John W., Jr.", "Roe, Richard"]
    assert records["fixture2022guidance"]["type_of_reference"] == "ELEC"


def test_ris_names_with_hostile_text():
    text = exports.ris([{"id": "x", "type": "report", "title": "T\nER  - fake", "author": [
        {"literal": "A, B, and C, Ltd."}, {"family": "van Dyke", "given": "Ann", "suffix": "III"}]}])
    (record,) = rispy.loads(text)
    assert record["authors"] == ["A B and C Ltd.", "van Dyke, Ann, III"]
    assert record["title"] == "T ER  - fake"  # a line break cannot start a tag; the spacing is kept


def test_json_ld_carries_what_each_type_needs(site: Path, built_hub: Path):
    import extruct

    checked, problems = readers.json_ld(site, REQUIRED_JSON_LD)
    assert checked >= 10 and problems == []
    (dataset,) = extruct.extract((site / "downloads" / "index.html").read_text(encoding="utf-8"), syntaxes=["json-ld"])["json-ld"]
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"  # extra.hub.license.url of the fixture
    (episode,) = [i for i in extruct.extract((site / "podcast" / "fixture-episode" / "index.html").read_text(encoding="utf-8"),
                                              syntaxes=["json-ld"])["json-ld"] if i["@type"] == "PodcastEpisode"]
    import yaml

    front = (built_hub / "content" / "episode" / "fixture-episode.md").read_text(encoding="utf-8").split("---")[1]
    assert episode["datePublished"] == str(yaml.safe_load(front)["date"])
    assert episode["partOfSeries"] == {"@type": "PodcastSeries", "name": "Fixture Podcast", "url": "http://127.0.0.1:8000/podcast/",
                                       **({"webFeed": episode["partOfSeries"]["webFeed"]} if "webFeed" in episode["partOfSeries"] else {})}
    transcript = episode["associatedMedia"]["transcript"].removeprefix("http://127.0.0.1:8000/")
    assert (site / transcript).is_file()


def test_every_download_validates_against_its_published_schema(site: Path):
    checked, problems = readers.downloads(site)
    assert checked > 20 and problems == []
    for name in ("records.json", "references.json", "records.csv", "tool.csv"):
        assert (site / "data" / "schemas" / f"{name}.schema.json").is_file()
    assert (site / "data" / "schemas" / "input" / "tool.schema.json").is_file()  # editors' schemas, kept apart


def test_published_schema_rejects_what_the_data_must_not_hold(site: Path):
    records = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "schemas" / "records.json.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    tool = next(r for r in records if r["kind"] == "tool")
    assert not list(validator.iter_errors([tool]))
    assert list(validator.iter_errors([{**tool, "surprise": 1}]))
    assert list(validator.iter_errors([{k: v for k, v in tool.items() if k != "page_url"}]))
    assert list(validator.iter_errors([{**tool, "kind": "study"}]))


def test_a_tools_own_address_and_its_hub_page_are_two_fields(site: Path, built_hub: Path):
    import yaml

    records = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
    for tool in (r for r in records if r["kind"] == "tool"):
        own = yaml.safe_load((built_hub / "content" / "tool" / f"{tool['id']}.yml").read_text(encoding="utf-8"))["url"]
        assert tool["url"] == own
        assert tool["page_url"] == f"http://127.0.0.1:8000/tools/{tool['id']}/"
    for name in ("tool.csv", "records.csv"):
        header = next(csv.reader(io.StringIO((site / "data" / name).read_text(encoding="utf-8-sig"))))
        assert len(header) == len(set(header)) and "page_url" in header
    rows = list(csv.DictReader(io.StringIO((site / "data" / "tool.csv").read_text(encoding="utf-8-sig"))))
    assert {r["url"] for r in rows} == {r["url"] for r in records if r["kind"] == "tool"}


def test_every_calendar_file_reads(site: Path):
    """Picks up any .ics in the built site (issue 16 adds event calendars)."""
    checked, problems = readers.calendars(site)
    assert problems == []
    assert checked == sum(p.read_text(encoding="utf-8").count("BEGIN:VEVENT") for p in site.rglob("*.ics"))

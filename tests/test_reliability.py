"""The caution rule (issue 17): a source's reliability decides what the reader sees.

Any record that rests on a source marked secondary, mirror or disputed (its own `reliability:`,
or the provenance of the BibTeX entry it cites) shows a caution on its page, without a
hand-written note; the References page shows a caution beside every such entry; a mirror copy is
named by the document's official title and linked only as "unofficial copy" (or not at all);
editor-only notes are never published. Tested on fixtures and on the shipped content.
"""

from __future__ import annotations

import json
from pathlib import Path

import markupsafe
import pytest

from conftest import REPO, copy_hub
from pcor_site import reliability
from pcor_site.bibliography import Reference
from pcor_site.build import check
from pcor_site.features.citations.downloads import data_files
from pcor_site.features.citations.references import entries as reference_entries
from pcor_site.schema import KINDS
from pcor_site.schema.types import Source
from pcor_site.site.listings import kind_index
from pcor_site.site.pages import render_site
from pcor_site.site.record import record_page

BIB_EXTRA = """
@article{weak2019,
  author  = {Weak, Wendy},
  title   = {A trial whose issue and DOI come from a citation list},
  journal = {Fixture Journal},
  year    = {2019},
  number  = {3},
  doi     = {10.1000/fixture.3},
  x-reliability = {secondary},
  x-reliability-fields = {number, doi}
}

@techreport{copy2016,
  author      = {{Fixture Institute}},
  title       = {A report read only as a mirror copy},
  institution = {Fixture Institute},
  year        = {2016},
  x-reliability = {mirror},
  x-copy-url  = {https://mirror.example.org/doc/1}
}
"""

PRACTICE = """---
title: Practice resting on weak sources
summary: A fixture practice whose facts rest on weak sources, for the caution rule.
priority_areas: [collaborative-care]
evidence_tier: emerging
references: [copy2016]
sources:
  - ref: weak2019
  - url: https://news.example.org/item
    title: A news item
    reliability: secondary
    editor_note: EDITOR-ONLY the stored item has no year
  - url: https://farm.example.net/online-learning-statistics_3.html
    title: Official Booklet Title
    publisher: Fixture Agency
    reliability: mirror
    linked: false
  - url: https://copies.example.com/official-booklet-title
    title: Official Booklet Title
    publisher: Fixture Agency
    reliability: mirror
  - url: https://example.org/covered
    reliability: disputed
cautions:
  - text: Two sources disagree on one figure.
    sources:
      - url: https://example.org/covered
        reliability: disputed
editor_note: EDITOR-ONLY record note
last_reviewed: 2026-01-15
---
Body text citing a fixture trial [@doe2020trial].
"""


@pytest.fixture(scope="module")
def weak_hub(tmp_path_factory) -> Path:
    root = copy_hub(tmp_path_factory.mktemp("weak") / "hub")
    bib = root / "content" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + BIB_EXTRA, encoding="utf-8")
    (root / "content" / "practice" / "weak-practice.md").write_text(PRACTICE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def weak(weak_hub: Path):
    result = check(weak_hub, strict=True)
    assert result.ok, result.diagnostics
    return result


def _ref(key: str, **fields) -> Reference:
    return Reference(key, "article", {"title": "T", **fields}, 1)


# -- the provenance of a BibTeX entry ------------------------------------------------------------


def test_provenance_and_reference_caution():
    assert reliability.reference_caution(_ref("a")) == ""
    assert reliability.reference_caution(_ref("b", **{"x-reliability": "secondary", "x-reliability-fields": "number, doi", "number": "2", "doi": "10.1/x"})) == (
        "The issue number and DOI of this reference come from a secondary source (an index, a citation list or a "
        "third-party summary), not from the publisher.")
    assert reliability.reference_caution(_ref("c", **{"x-reliability": "{secondary}", "x-reliability-fields": "author", "author": "A"})).startswith(
        "The authors of this reference come from a secondary source")
    assert "only as unofficial copies" in reliability.reference_caution(_ref("d", **{"x-reliability": "mirror"}))
    assert reliability.reference_caution(_ref("e", **{"x-reliability": "disputed", "x-reliability-fields": "year", "year": "2000"})) == (
        "Sources disagree on the year of this reference.")
    assert reliability.provenance(_ref("f", **{"x-reliability": "mirror", "x-copy-url": "{https://m.example.org/1}"})).copy_url == "https://m.example.org/1"


def test_source_level_follows_the_bibtex_entry(weak):
    bibliography = weak.catalog.bibliography
    assert reliability.level(Source(ref="weak2019"), bibliography) == "secondary"
    assert reliability.level(Source(ref="doe2020trial"), bibliography) == "primary"
    assert reliability.level(Source(ref="doe2020trial", reliability="disputed"), bibliography) == "disputed"
    assert reliability.flag(Source(url="https://x.example.org/a", title="T", reliability="mirror", linked=False), bibliography) == reliability.UNLINKED


def test_mirror_needs_its_official_title():
    with pytest.raises(ValueError, match="official title"):
        Source(url="https://mirror.example.org/doc", reliability="mirror")
    with pytest.raises(ValueError, match="linked: false"):
        Source(seed="chcc-pcor-capacity", linked=False)


# -- record pages ------------------------------------------------------------------------------


def _page(result, kind: str, id: str):
    return record_page(result.site(), result.catalog.get(kind, id))


def test_weak_sources_get_an_automatic_caution(weak):
    page = _page(weak, "practice", "weak-practice")
    assert [c.text for c in page.cautions] == ["Two sources disagree on one figure.", reliability.AUTO_CAUTION]
    auto = page.cautions[-1].sources
    labels = [s.label for s in auto]
    assert "A news item" in labels
    assert any("Weak W" in s.label for s in auto)  # the ref source, weak through its BibTeX provenance
    assert any("mirror copy" in s.label.lower() for s in auto)  # cited only through `references:`
    weak_ref = next(s for s in auto if "Weak W" in s.label)
    assert weak_ref.flag == "secondary source" and weak_ref.note.startswith("The issue number and DOI")
    assert all(s.url != "https://example.org/covered" for s in auto)  # covered by the hand-written caution


def test_mirror_copies_are_named_by_the_document(weak):
    page = _page(weak, "practice", "weak-practice")
    mirrors = [s for s in page.sources if s.label == "Official Booklet Title, Fixture Agency"]
    assert len(mirrors) == 2
    unlinked, linked = mirrors
    assert (unlinked.url, unlinked.copy_url, unlinked.flag) == ("", "", reliability.UNLINKED)
    assert (linked.url, linked.copy_url, linked.flag) == ("", "https://copies.example.com/official-booklet-title", "unofficial copy")


def test_primary_record_has_no_automatic_caution(weak):
    page = _page(weak, "practice", "fixture-practice")
    assert reliability.AUTO_CAUTION not in [c.text for c in page.cautions]


def test_rendered_pages_show_cautions_and_hide_editor_notes(weak):
    outputs = render_site(weak.site())
    text = outputs["practices/weak-practice.md"]
    assert str(markupsafe.escape(reliability.AUTO_CAUTION)) in text
    assert "farm.example.net" not in text  # the unrelated host is never linked
    assert '<a href="https://copies.example.com/official-booklet-title" rel="nofollow">unofficial copy</a>' in text
    everything = "\n".join(v for v in outputs.values() if isinstance(v, str))
    assert "EDITOR-ONLY" not in everything
    assert "EDITOR-ONLY" not in "\n".join(data_files(weak.catalog).values())
    # each reference's own page gives the caution in full; the index marks the entry and links to it
    weak_page, copy_page, index = outputs["references/weak2019.md"], outputs["references/copy2016.md"], outputs["references.md"]
    assert "<strong>Caution:</strong> The issue number and DOI of this reference come from a secondary source" in weak_page
    assert '<a href="https://mirror.example.org/doc/1" rel="nofollow">unofficial copy</a>' in copy_page
    for text in (copy_page, index):
        assert "https://mirror.example.org/doc/1</span>" not in text  # not printed as the work's address
    assert index.count("weak details") >= 2


# -- the shipped content ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    result = check(REPO, strict=True)
    assert result.ok, result.diagnostics
    return result


def _locator(source) -> tuple:
    return (source.url, source.ref, source.seed)


def test_shipped_every_weak_source_is_under_a_caution(shipped):
    site = shipped.site()
    index = reliability.Index(shipped.catalog)
    checked = 0
    for item in shipped.catalog.items.values():
        weak = index.weak_sources(item)
        if not weak:
            continue
        checked += 1
        hand = {_locator(s) for c in item.record.cautions for s in c.sources}
        auto = index.uncovered(item)
        assert {_locator(s) for s in weak} <= hand | {_locator(s) for s in auto}, item.key
        page = record_page(site, item)
        if auto:
            assert page.cautions[-1].text == reliability.AUTO_CAUTION, item.key
            assert len(page.cautions[-1].sources) == len(auto), item.key
            assert all(s.flag for s in page.cautions[-1].sources), item.key  # each says why it is weak
        else:
            assert reliability.AUTO_CAUTION not in [c.text for c in page.cautions], item.key
    assert checked >= 20  # the rule is exercised by the real hub, not only by fixtures


def test_shipped_weak_references_are_flagged(shipped):
    entries = {e.key: e for e in reference_entries(shipped.site(), shipped.states["citations"] or {})}
    for key in ("unutzer2002impact", "davenport2020milliman", "singla2025summit", "apa2016cocm"):
        assert entries[key].caution, key
    assert "issue number and DOI" in entries["unutzer2002impact"].caution
    assert "authors" in entries["davenport2020milliman"].caution
    assert entries["apa2016cocm"].url_label == "unofficial copy"
    assert not entries["hunkeler2006impact"].caution


def test_shipped_mirror_hosts_are_never_presented_as_the_document(shipped):
    outputs = render_site(shipped.site())
    pages = "\n".join(v for k, v in outputs.items() if k.endswith(".md"))
    assert "info.5y1.org" not in pages and "bibliotecabuap" not in pages
    assert ">https://docslib.org/doc/7186881" not in pages  # the mirror is linked only as "unofficial copy"


def test_shipped_editor_notes_are_not_published(shipped):
    notes = []
    for item in shipped.catalog.items.values():
        record = item.record
        notes += [record.editor_note] if record.editor_note else []
        notes += [s.editor_note for s in record.sources if s.editor_note]
        notes += [c.editor_note for c in record.cautions if c.editor_note]
    assert notes, "the shipped content keeps its editor notes in editor_note"
    published = "\n".join(v for v in render_site(shipped.site()).values() if isinstance(v, str))
    published += "\n".join(data_files(shipped.catalog).values())
    for note in notes:
        assert note not in published, note
    for phrase in ("without a year", "hub's copy of PCORI", "not in the hub's bibliography"):
        assert phrase not in published, phrase


def test_shipped_bibtex_suffixes_are_written_the_bibtex_way():
    text = (REPO / "content" / "references.bib").read_text(encoding="utf-8")
    assert "Williams, Jr., John W." in text and "Reynolds, III, C. F." in text
    assert "John W., Jr." not in text and "C. F., III" not in text
    from pcor_site.features.citations.csl import names

    people = names("Hunkeler, Enid M. and Williams, Jr., John W. and Reynolds, III, C. F. and {IMPACT Investigators}")
    assert people[1] == {"family": "Williams", "given": "John W.", "suffix": "Jr."}
    assert people[2] == {"family": "Reynolds", "given": "C. F.", "suffix": "III"}
    assert people[3] == {"literal": "IMPACT Investigators"}


def test_shipped_study_count_says_which_funding_is_secondary(shipped):
    studies = kind_index(shipped.site(), KINDS["study"])
    assert studies.title.startswith("PCORI-funded studies")
    assert "OPTIMUM" in studies.intro and "secondary source" in studies.intro
    assert json.dumps(studies.intro)  # plain text

"""The course, the framework, comments and the research agenda (issue 15), on a fixture hub
(tests/fixtures/learning laid over tests/fixtures/hub), read back by real readers: lxml for the
pages, pypdf for the PDFs, python-docx for the Word files, csv for the agenda download."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import docx
import pypdf
import pytest
from lxml import html

from conftest import copy_hub, fail_pdf_for
from pcor_site.build import build
from pcor_site.plugin.comments import record_version
from pcor_site.plugin.documents import docx_bytes, new_document

LEARNING = Path(__file__).resolve().parent / "fixtures" / "learning"


def learning_hub(target: Path) -> Path:
    root = copy_hub(target)
    shutil.copytree(LEARNING / "content", root / "content", dirs_exist_ok=True)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write((LEARNING / "settings.yml").read_text(encoding="utf-8"))
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = learning_hub(tmp_path_factory.mktemp("learning") / "hub")
    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    return root, result


def page(root: Path, url: str):
    return html.fromstring((root / "site" / url / "index.html").read_text(encoding="utf-8"))


def cls(name: str) -> str:
    """An XPath predicate: the element has class `name`."""
    return f"[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def modules(result):
    return sorted(result.check.catalog.of_kind("module"), key=lambda i: i.record.order)


def test_previous_and_next_follow_the_course_order(built):
    root, result = built
    items = modules(result)
    assert len(items) == 3
    for n, item in enumerate(items):
        tree = page(root, f"curriculum/{item.id}")
        nav = tree.xpath(f"//nav{cls('pcor-course-nav')}")[0]
        prev, following = nav.xpath(".//a[@rel='prev']"), nav.xpath(".//a[@rel='next']")
        if n == 0:
            assert prev == []
        else:
            assert prev[0].get("href") == f"../{items[n - 1].id}/"
            assert prev[0].text_content() == f"Previous: {items[n - 1].record.title}"
        if n == len(items) - 1:
            assert following == []
        else:
            assert following[0].get("href") == f"../{items[n + 1].id}/"
        assert nav.xpath(f".//a{cls('pcor-up')}")[0].get("href") == "../"


def test_module_page_opens_with_questions_objectives_and_time_and_closes_with_key_points(built):
    root, result = built
    tree = page(root, "curriculum/fixture-intro")
    headings = [h.text_content().replace("¶", "").strip() for h in tree.xpath("//article//h2")]
    assert headings.index("Before you start") < headings.index("Teaching") < headings.index("Key points")
    opening = tree.xpath(f"//*{cls('pcor-course-opening')}")[0].text_content()
    assert "What is a fixture?" in opening and "Explain the fixture." in opening
    assert "Estimated time: 45 minutes (30 teaching, 15 activities)" in opening
    text = tree.text_content()
    assert "What does a fixture fix?" in text  # the check question, for learners
    assert "The test's starting state." not in text  # its answer is for facilitators only
    assert "Start with a show of hands." not in text
    second = page(root, "curriculum/fixture-next").xpath(f"//*{cls('pcor-course-opening')}")[0].text_content()
    assert "Estimated time: 30 minutes" in second and "Take these modules first: Module 1: Fixture basics" in second


def test_a_module_without_timing_says_nothing_about_time(built):
    root, _ = built
    text = (root / "site" / "curriculum" / "index.html").read_text(encoding="utf-8")
    shipped_like = page(root, "curriculum/fixture-third").text_content()
    assert "Estimated time: 1 hour" in shipped_like  # `minutes` alone is enough
    assert "Total time" in text  # every module has a time, so the course has a total
    root2 = copy_hub(root.parent / "plain")  # the plain fixture hub: no module gives a time
    assert build(root2).ok
    plain = (root2 / "site" / "curriculum" / "index.html").read_text(encoding="utf-8")
    assert "Total time" not in plain and "Estimated time" not in (root2 / "site" / "curriculum" / "fixture-intro" / "index.html").read_text()


def test_course_page_draws_the_prerequisite_graph_and_lists_it(built):
    root, result = built
    tree = page(root, "curriculum")
    svg = tree.xpath(f"//svg{cls('pcor-graph')}")[0]
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "pcor-graph-title pcor-graph-desc"
    items = modules(result)
    assert len(svg.xpath(f".//*{cls('pcor-graph-node')}")) == len(items) and svg.xpath(".//a") == []  # links live in the list
    pairs = sum(len(i.record.prerequisites) for i in items)
    assert len(svg.xpath(f".//path{cls('pcor-graph-edge')}")) == pairs == 3
    listed = [li.text_content() for li in tree.xpath(f"//ul{cls('pcor-graph-list')}/li")]
    assert listed[2].endswith("take first: Module 1, Module 2")
    assert "Module 3 needs module 1, module 2" in svg.xpath(".//desc")[0].text_content()
    facts = tree.xpath(f"//dl{cls('pcor-facts')}")[0].text_content()
    assert "Employers" in facts and "2 hours 15 minutes" in facts


def test_course_pdf_opens_with_every_module_title_and_a_table_of_contents(built):
    root, result = built
    reader = pypdf.PdfReader(root / "site" / "curriculum" / "course.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    outline = []

    def walk(entries):
        for entry in entries:
            walk(entry) if isinstance(entry, list) else outline.append(entry.title)

    walk(reader.outline)
    for item in modules(result):
        assert item.record.title in text
        assert item.record.title in outline
    assert "Contents" in outline and "References" in outline
    uris = {a.get_object()["/A"].get("/URI") for p in reader.pages for a in p.get("/Annots", []) if "/A" in a.get_object()}
    assert "http://127.0.0.1:8000/references/doe2020trial/" in uris  # links point at the published site
    assert str(root) not in (root / "site" / "curriculum" / "course.pdf").read_bytes().decode("latin-1")
    assert "Doe J, Müller H" in text  # the references cited
    assert "Start with a show of hands." not in text and "The test's starting state." not in text  # no facilitator material


def test_facilitator_guide_holds_notes_prompts_and_answers(built):
    root, _ = built
    text = page(root, "curriculum/facilitator-guide").text_content()
    for expected in ("Start with a show of hands.", "What would you ask a vendor?", "The test's starting state."):
        assert expected in text
    handout = page(root, "curriculum/whole-course").text_content()
    assert "What would you ask a vendor?" not in handout


def test_framework_word_file_opens_with_every_strategy(built):
    root, result = built
    document = docx.Document(root / "site" / "framework" / "framework.docx")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    strategies = result.check.catalog.of_kind("strategy")
    assert len(strategies) == 2
    for item in strategies:
        assert item.record.title in headings
    assert headings.index("Stage 1: Assess") < headings.index("Assess the fixture") < headings.index("Stage 2: Contract")
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Draft for comment · Version 0.3 · 2026-02-01" in body  # the latest review date of the strategies
    assert "Ask the vendor for the fixture report." in body and "Aligned: Fixture Coalition — Agreed to use the same ask." in body
    assert document.core_properties.title == "The purchasing framework"


def test_framework_page_and_pdf(built):
    root, result = built
    tree = page(root, "framework/document")
    assert tree.xpath(f"//*{cls('pcor-status')}")[0].text_content() == "Draft for comment"
    alignment = tree.xpath("//*[@id='for-alignment']/following-sibling::div[1]")[0].text_content()
    assert "Fixture Coalition" in alignment and "Fixture alignment statement" in alignment
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(root / "site" / "framework" / "framework.pdf").pages)
    for item in result.check.catalog.of_kind("strategy"):
        assert item.record.title in " ".join(text.split())


def test_comment_links_carry_the_record_id_section_and_version(built):
    root, result = built
    item = result.check.catalog.get("strategy", "fixture-contract")
    link = page(root, "framework/fixture-contract").xpath(f"//*{cls('pcor-comment-link')}/a")[0]
    parts = urlsplit(link.get("href"))
    query = parse_qs(parts.query)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/example-org/fixture-hub/issues/new")
    assert query["template"] == ["comment.yml"] and query["labels"] == ["comment"]
    assert query["record"] == ["strategy/fixture-contract"] and query["section"] == ["whole record"]
    assert query["version"][0].startswith("2026-01-20 (") and len(query["version"][0]) == len("2026-01-20 (0123456789)")
    assert query["version"] == [record_version(item)]
    framework = page(root, "framework/document")
    strategy_links = [parse_qs(urlsplit(a.get("href")).query) for a in framework.xpath(f"//*{cls('pcor-comment-link')}/a")]
    assert {q["section"][0] for q in strategy_links} == {"whole document", "strategy/fixture-strategy", "strategy/fixture-contract"}
    assert {q["version"][0] for q in strategy_links} == {"0.3"}
    assert framework.xpath("//script[contains(@src, 'github')] | //iframe | //img[starts-with(@src, 'http')]") == []


def test_a_record_version_changes_with_its_content(built):
    _, result = built
    a = result.check.catalog.get("strategy", "fixture-contract")
    b = result.check.catalog.get("strategy", "fixture-strategy")
    assert record_version(a) != record_version(b)


def test_what_we_heard_lists_accepted_comments_without_names(built):
    root, _ = built
    section = page(root, "framework/fixture-contract").text_content()
    assert "2026-03-01, a purchaser coalition: The step now says to put the ask in the RFP." in section
    listing = page(root, "what-we-heard").text_content()
    assert "A coalition asked for the contracting step to name the RFP" in listing


def test_agenda_groups_questions_by_priority_area_with_downloads(built):
    root, result = built
    tree = page(root, "research-agenda")
    headings = [h.text_content().replace("¶", "").strip() for h in tree.xpath("//article//h2")]
    assert headings == ["Network Access", "Across priority areas"]
    text = tree.text_content()
    assert ("Among employees of fixture employers, what is the effect of the fixture practice, compared with usual care, "
            "on days of work missed, in the workplace?") in text
    assert "not stated by the source" in text and "High (source: Fixture priority list)" in text
    rows = list(csv.DictReader(io.StringIO((root / "site" / "research-agenda" / "research-agenda.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(result.check.catalog.of_kind("gap")) == 2
    hostile = next(r for r in rows if r["id"] == "fixture-open-gap")
    assert hostile["title"].startswith("'=cmd")  # neutralised for spreadsheets
    assert hostile["related_studies"] == "Fixture study of two approaches" and hostile["priority"] == "high"
    document = docx.Document(root / "site" / "research-agenda" / "research-agenda.docx")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for item in result.check.catalog.of_kind("gap"):
        assert item.record.title in headings


def test_hostile_titles_stay_text_in_every_output(built):
    root, result = built
    title = result.check.catalog.get("module", "fixture-third").record.title  # 'Module 3: Fixture &amp; "quotes" =1+1'
    for url in ("curriculum", "curriculum/whole-course", "curriculum/facilitator-guide", "curriculum/fixture-intro"):
        tree = page(root, url)
        assert title in tree.text_content(), url  # escaped once: the reader sees the characters typed
    graph = page(root, "curriculum").xpath("//svg//title")
    assert title in [t.text for t in graph]
    document = docx.Document(root / "site" / "framework" / "framework.docx")
    assert document.paragraphs  # the Word file of hostile-free strategies opens; the agenda's hostile title:
    agenda = docx.Document(root / "site" / "research-agenda" / "research-agenda.docx")
    assert "=cmd|' /C calc'!A0 what fixture outcome matters &amp; why?" in [p.text for p in agenda.paragraphs]


def test_word_files_are_byte_identical_between_builds(built, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = docx_bytes(new_document("T")), docx_bytes(new_document("T"))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_pdf_that_cannot_be_written_fails_the_build_and_keeps_the_previous_site(built, monkeypatch, tmp_path):
    root, _ = built
    before = (root / "site" / "curriculum" / "course.pdf").read_bytes()
    fail_pdf_for(monkeypatch, "whole-course", OSError("no space left on device"))  # only the course's PDF fails
    result = build(root)
    assert not result.ok
    assert [(d.code, d.path, d.message) for d in result.diagnostics] == [
        ("E901", "curriculum/whole-course/index.html", "the course PDF could not be written: no space left on device")]
    assert (root / "site" / "curriculum" / "course.pdf").read_bytes() == before  # the previous site is untouched

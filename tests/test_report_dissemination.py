"""Summary reports (compiled page, numbered references, PDF read back with pypdf), the
dissemination dashboard (tables and CSVs) and survey aggregates under the small-cell rule, with
each rule's exact diagnostic."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdf

from conftest import edit, fail_pdf_for, reported

REPORT = "content/report/fixture-summary-report.yml"
SURVEY = "content/survey/fixture-relevance.yml"
SECTIONS = ["1. Background", "2. What the regions are doing", "3. Tools shared at the summit", "References"]





def test_report_page_has_contents_sections_and_numbered_references(built_cycle_hub):
    page = (built_cycle_hub / "site/reports/fixture-summary-report/index.html").read_text(encoding="utf-8")
    for number, heading in enumerate(SECTIONS[:3], 1):
        assert f'<li><a href="#report-{number}">{heading.split(". ", 1)[1]}</a></li>' in page
        assert f'<h2 id="report-{number}">{heading}</h2>' in page
    # listed records first, then the selection by title; each source numbered once, in order of citation
    order = [page.index(t) for t in ("Fixture peer-support network", "Fixture telehealth pilot", "Fixture toolkit</a>",
                                     "Emerging fixture practice", "Fixture practice &amp; policy</a> <span")]
    assert order == sorted(order)
    assert '<li id="report-ref-1"><a href="https://example.org/report">https://example.org/report</a></li>' in page
    assert page.count('href="#report-ref-2"') == 1


def test_report_pdf_opens_and_contains_every_section_title(built_cycle_hub):
    pdf = built_cycle_hub / "site/reports/fixture-summary-report/fixture-summary-report.pdf"
    reader = pypdf.PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert reader.metadata.title == "Fixture summary report" and len(reader.pages) >= 1
    for heading in SECTIONS:
        assert heading in text, heading


def test_report_including_a_record_that_does_not_exist(cycle_copy):
    edit(cycle_copy, REPORT, "records: [tool/fixture-tool]", "records: [tool/fixture-tool, study/no-such-study]")
    assert reported(cycle_copy) == [(REPORT, 13, "E634",
                                         "outline.2.records.1: no record 'study/no-such-study' (write KIND/ID); did you mean 'study/fixture-study'?")]


def test_report_selecting_an_unknown_kind(cycle_copy):
    edit(cycle_copy, REPORT, "kind: activity", "kind: activities")
    assert reported(cycle_copy) == [(REPORT, 11, "E640", "outline.1.select.kind: no kind 'activities'; did you mean 'activity'?")]


def test_report_section_that_includes_nothing_warns(cycle_copy):
    edit(cycle_copy, REPORT, "kind: activity", "kind: episode\n      region: fixture-region")
    assert reported(cycle_copy) == [(REPORT, 9, "W641", "outline.1: section 'What the regions are doing' has no text and includes no record")]


# -- survey aggregates ----------------------------------------------------------------------------

def test_survey_count_under_the_small_cell_threshold(cycle_copy):
    edit(cycle_copy, SURVEY, "count: 17", "count: 7")
    assert reported(cycle_copy) == [(SURVEY, 12, "E650",
                                         "options.1.count: 'Somewhat relevant' has a count of 7; counts from 1 to 10 must not be published")]


def test_lone_suppressed_count_that_can_be_worked_out(cycle_copy):
    edit(cycle_copy, SURVEY, "  - label: No answer\n    suppressed: true\n", "")
    assert reported(cycle_copy) == [(SURVEY, 13, "E652",
                                         "options.2: 'Not relevant' can be worked out as the respondents minus the other counts (11)")]


def test_counts_exceeding_respondents(cycle_copy):
    edit(cycle_copy, SURVEY, "respondents: 60", "respondents: 40")
    assert reported(cycle_copy) == [(SURVEY, 7, "E651", "respondents: the counts add up to 49, more than the 40 respondents")]


def test_small_cell_logic_is_the_infographics_own():
    from pcor_site.features.infographics import rules
    from pcor_site.plugin import smallcell

    assert rules._small is smallcell.is_small
    assert [v for v in (0, 1, 10, 10.4, 11) if smallcell.is_small(v)] == [1, 10, 10.4]


# -- the dashboard ------------------------------------------------------------------------------

def _csv(root: Path, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((root / "site/dashboard" / name).read_text(encoding="utf-8"))))


def test_dashboard_counts_the_six_months_after_the_event(built_cycle_hub):
    assert _csv(built_cycle_hub, "fixture-summit-by-month.csv") == [
        ["Month", "times shared"], ["2031-06", "0"], ["2031-07", "1"], ["2031-08", "0"], ["2031-09", "1"],
        ["2031-10", "0"], ["2031-11", "0"], ["2031-12", "0"]]
    assert _csv(built_cycle_hub, "fixture-summit-by-channel.csv")[1:] == [["Newsletter", "1"], ["Webinar", "1"]]
    assert _csv(built_cycle_hub, "fixture-summit-by-material.csv")[1:] == [
        ["Fixture peer-support network for employers", "1"], ["Fixture summary report", "1"], ["Fixture toolkit", "1"]]
    page = (built_cycle_hub / "site/dashboard/index.html").read_text(encoding="utf-8")
    assert "Reach, where counted: 1,200 people over 1 entries." in page
    assert "<script" not in page.split('<div class="pcor-index">', 1)[1].split("</article>", 1)[0]  # computed at build time


def test_dashboard_survey_table_suppresses_small_cells(built_cycle_hub):
    assert _csv(built_cycle_hub, "fixture-summit-survey-fixture-relevance.csv") == [
        ["option", "respondents"], ["Very relevant", "32 (53%)"], ["Somewhat relevant", "17 (28%)"], ["Not relevant", "<11"], ["No answer", "<11"]]
    page = (built_cycle_hub / "site/dashboard/index.html").read_text(encoding="utf-8")
    assert "<caption>How relevant was the content to your work? (Post-event survey, 60 respondents)</caption>" in page
    assert '<th scope="row">Not relevant</th><td class="pcor-num">&lt;11</td><td class="pcor-bar-cell" aria-hidden="true"></td>' in page


def _pdf_links(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(pdf)
    return [annot.get_object()["/A"]["/URI"] for page in reader.pages for annot in page.get("/Annots") or ()
            if "/URI" in annot.get_object().get("/A", {})]


def test_report_pdf_links_point_at_the_published_site(built_cycle_hub):
    """A printed report is read away from the site: its links to records are absolute (site_url), none file://."""
    links = _pdf_links(built_cycle_hub / "site/reports/fixture-summary-report/fixture-summary-report.pdf")
    internal = [link for link in links if link.startswith("http://127.0.0.1:8000/")]
    assert internal and not [link for link in links if link.startswith("file:")]
    assert "http://127.0.0.1:8000/practices/fixture-practice/" in internal


def test_report_pdf_that_cannot_be_written_fails_the_build_and_keeps_the_previous_site(built_cycle_hub, monkeypatch):
    from pcor_site.build import build

    pdf = built_cycle_hub / "site/reports/fixture-summary-report/fixture-summary-report.pdf"
    before = pdf.read_bytes()
    fail_pdf_for(monkeypatch, "reports", OSError("disk full"))  # only the report's PDF fails
    result = build(built_cycle_hub)
    assert [(d.code, d.path, d.message) for d in result.diagnostics] == [
        ("E903", "site/reports/fixture-summary-report/fixture-summary-report.pdf", "the report PDF could not be written: disk full")]
    assert pdf.read_bytes() == before

"""Hostile text in every field the convening cycle publishes: the agenda, calendar files, Event
JSON-LD, activity lists and their CSV, the report and its PDF, the dashboard's tables and CSVs,
and the handout's JSON. The build passes the safety gate and no output carries live markup."""

from __future__ import annotations

import csv
import io
import json
import re

import icalendar
import pypdf

from conftest import copy_cycle_hub, edit
from pcor_site.build import build, check

LINE = 'Q&A "quoted"; X-EVIL:1, END:VEVENT \\ done'
XSS = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'
FORMULA = '=HYPERLINK("https://evil.example","x")'



def test_hostile_text_stays_text_in_every_output(tmp_path):
    """One-line fields refuse '<' and '>' at check time (E204); longer text takes them and must stay text."""
    root = copy_cycle_hub(tmp_path / "hub")
    quoted = json.dumps(XSS)
    edit(root, "content/event/fixture-summit.yml", "    format: panel", f"    format: panel\n    summary: {quoted}")
    edit(root, "content/event/fixture-summit.yml", "  - title: Regional panel", f"  - title: {json.dumps(LINE)}")
    edit(root, "content/event/fixture-summit.yml", "  name: Fixture Conference Centre", f"  name: {json.dumps(LINE)}")
    edit(root, "content/event/fixture-summit.yml", "  in_person: Register", f"  in_person: {XSS} Register")
    edit(root, "content/activity/fixture-peer-network.yml", "  - Few in-network providers outside the metro area.", f"  - {quoted}")
    edit(root, "content/activity/fixture-peer-network.yml", "priority_areas: [collaborative-care, network-access]", "priority_areas: [collaborative-care]")
    edit(root, "content/report/fixture-summary-report.yml", "  - heading: Background\n    text: The fixture summit brought regions together.",
          f"  - heading: {json.dumps(LINE)}\n    text: {quoted}")
    edit(root, "content/survey/fixture-relevance.yml", "  - label: Very relevant", f"  - label: {json.dumps(FORMULA)}")
    edit(root, "content/region/fixture-region.yml", "title: Fixture Region", f"title: {json.dumps(FORMULA)}")
    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics  # the post-build gate found no script or handler
    site = root / "site"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<script>alert" not in text, page
    event = (site / "events/fixture-summit/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in event
    # JSON-LD: the text cannot close its script element
    [ld] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', event, re.S)
    assert "\\u0026" in ld and json.loads(ld)["location"][0]["name"] == LINE
    # calendar: one VEVENT per file, the title and description as text
    cal = icalendar.Calendar.from_ical(next((site / "events/fixture-summit").glob("*--q-a*.ics")).read_bytes())
    [entry] = cal.walk("VEVENT")
    assert str(entry["SUMMARY"]).startswith(LINE) and str(entry["DESCRIPTION"]) == XSS and "X-EVIL" not in entry
    # CSV cells that a spreadsheet would run are neutralised
    rows = list(csv.reader(io.StringIO((site / "landscape/activities/activities-by-priority-area-and-region.csv").read_text(encoding="utf-8"))))
    assert ["Collaborative Care", "'" + FORMULA, "1"] in rows
    survey = list(csv.reader(io.StringIO((site / "dashboard/fixture-summit-survey-fixture-relevance.csv").read_text(encoding="utf-8"))))
    assert survey[1][0] == "'" + FORMULA
    # the report's PDF prints the text as text; the handout's JSON keeps the title as data
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(site / "reports/fixture-summary-report/fixture-summary-report.pdf").pages)
    assert "<img src=x onerror=alert(1)>" in text and LINE in text
    records = json.loads((site / "handout/records.json").read_text(encoding="utf-8"))
    assert records["region/fixture-region"]["title"] == FORMULA


def test_one_line_fields_refuse_markup(tmp_path):
    root = copy_cycle_hub(tmp_path / "hub")
    edit(root, "content/event/fixture-summit.yml", "  - title: Regional panel", f"  - title: {json.dumps(XSS)}")
    assert [(d.line, d.code) for d in check(root).diagnostics] == [(30, "E204")]

"""The purchaser's question bank: one page with every copy-ready ask of the hub's practices,
grouped by priority area and purchasing stage; copy one ask, a group or all of them; download
them as a Word document (python-docx) or a CSV file for an RFP; printable.

Modules: `bank` (the view: asks, their practice, tier, stages and sources), `word` (the .docx).
"""

from __future__ import annotations

from ... import urls
from ...csvfile import csv_text
from ...plugin.feature import Feature, NavEntry
from ...plugin.templates import render
from .bank import DOC, URL, all_asks, question_bank
from .word import question_bank_docx

TITLE = "Question bank for purchasers"
INTRO = ("Every copy-ready ask in the hub, for health plans, vendors and requests for proposals (RFPs), grouped by "
         "priority area and purchasing stage. Each ask names the practice it comes from, that practice's evidence "
         "tier and its sources; open the practice for the evidence before you use an ask.")
DOCX = "question-bank/question-bank.docx"
CSV = "question-bank/question-bank.csv"
CSV_HEADER = ["priority_area", "purchasing_stages", "ask", "practice", "practice_url", "evidence_tier", "sources"]


def licence_line(config) -> str:
    licence = config.hub.get("license") if isinstance(config.hub.get("license"), dict) else None
    if not licence or not licence.get("name"):
        return ""
    return f"Content licence: {licence.get('title') or licence['name']} ({licence['name']}) {licence.get('url', '')}".strip()


class QuestionBankFeature(Feature):
    name = "questionbank"

    def outputs(self, site, state):
        groups = question_bank(site)
        if not groups:
            return {}
        page_url = urls.absolute(site.config.site_url, URL)
        rows = [[area.label, "; ".join(p.stages), text, p.practice, urls.absolute(site.config.site_url, p.practice_path) or p.practice_path,
                 p.tier.label if p.tier else "", "; ".join(s.label + (f" <{s.url}>" if s.url.startswith("http") else "") for s in p.sources)]
                for area, _, p, text in all_asks(groups)]
        docx = question_bank_docx(groups, TITLE, INTRO, page_url, licence_line(site.config))
        page = render("question_bank.md.j2", title=TITLE, intro=INTRO, groups=groups, total=len(rows),
                      docx=urls.relative(URL, DOCX), csv=urls.relative(URL, CSV), docx_size=len(docx),
                      script=urls.relative(URL, "assets/question-bank.js"))
        return {DOC: page, DOCX: docx, CSV: csv_text(CSV_HEADER, rows)}

    def nav(self, site, state):
        if not any(i.record.asks for i in site.catalog.of_kind("practice")):
            return []  # a section with nothing in it is not in the navigation
        return [NavEntry("Question bank", DOC, group="For purchasers", lead=True)]

    def addresses(self, catalog):
        return {URL: "the question bank"}

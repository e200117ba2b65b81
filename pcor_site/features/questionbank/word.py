"""The question bank as a Word document (python-docx), ready to paste into an RFP.

Reproducible: the document's dates are the build's date (SOURCE_DATE_EPOCH) and the zip entries
carry one fixed timestamp, so two builds of one commit write the same bytes. Text goes in through
python-docx, which escapes it for XML; characters XML cannot hold at all are dropped first.
"""

from __future__ import annotations

import re

from docx.shared import Pt

from ...plugin.documents import docx_bytes, new_document
from .bank import AreaGroup

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def question_bank_docx(groups: list[AreaGroup], title: str, intro: str, page_url: str, licence: str) -> bytes:
    document = new_document(_clean(title))
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(_clean(title), level=0)
    document.add_paragraph(_clean(intro))
    if page_url:
        document.add_paragraph(_clean(f"Online, with links to each practice: {page_url}"))
    for area in groups:
        document.add_heading(_clean(area.label), level=1)
        for stage in area.stages:
            document.add_heading(_clean(f"Purchasing stage: {stage.label}"), level=2)
            for practice in stage.practices:
                for text in practice.asks:
                    document.add_paragraph(_clean(text), style="List Number")
                tier = f"Evidence: {practice.tier.label}. " if practice.tier else ""
                sources = "; ".join(s.label for s in practice.sources)
                note = document.add_paragraph(_clean(f"From the practice “{practice.practice}”. {tier}Sources: {sources or 'none listed'}."))
                note.paragraph_format.left_indent = Pt(18)
                for run in note.runs:
                    run.font.size = Pt(9)
    if licence:
        document.add_paragraph(_clean(licence))
    return docx_bytes(document)

"""The framework as a Word document (python-docx): the same stages, strategies, steps, asks and
evidence as the page."""

from __future__ import annotations

from ...plugin.word import add_bullets, docx_bytes, new_document
from .model import TITLE, Stage


def framework_docx(site, found: list[Stage], status: str, version: str, date: str) -> bytes:
    document = new_document(TITLE)
    document.add_heading(TITLE, level=0)
    document.add_paragraph(" · ".join(p for p in (status.capitalize(), f"Version {version}" if version else "", date) if p))
    document.add_paragraph(f"From {site.config.site_name}. Comments are welcome: use the “Comment on this” links on the framework page.")
    for n, stage in enumerate(found, 1):
        document.add_heading(f"Stage {n}: {stage.label}", level=1)
        if stage.description:
            document.add_paragraph(stage.description)
        for entry in stage.strategies:
            record = entry.item.record
            document.add_heading(record.title, level=2)
            document.add_paragraph(site.description(record.summary, 1200))
            if entry.steps:
                document.add_heading("Steps for purchasers", level=3)
                add_bullets(document, entry.steps)
            if entry.asks:
                document.add_heading("Copy-ready asks for vendors and RFPs", level=3)
                add_bullets(document, entry.asks)
            evidence = [f"Practice: {p.record.title} — evidence: {tier or 'not rated'}" for p, tier in entry.evidence.practices]
            evidence += [f"PCORI-funded study: {s.record.title}" for s in entry.evidence.studies]
            evidence += [f"Publication: {site.reference_link(k, '').title}" for k in entry.evidence.references]
            if evidence:
                document.add_heading("The evidence behind it", level=3)
                add_bullets(document, evidence)
            for organization, aligned in entry.alignment:
                who = organization.record.title if organization else aligned.organization
                document.add_paragraph(f"Aligned: {who}" + (f" — {aligned.note}" if aligned.note else ""))
    license = site.config.hub.get("license")
    if isinstance(license, dict) and license.get("name"):
        document.add_paragraph(f"Licence: {license.get('name')}" + (f" ({license.get('url')})" if license.get("url") else ""))
    return docx_bytes(document)

"""The framework document: the page (status, version and date; stages → strategies → steps and
asks → evidence; the "for alignment" list; a comment link on the document and on every strategy)
and the same as a Word file (python-docx). The PDF is printed from the built page."""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.comments import comment_link, comment_url
from ...plugin.documents import DocPage, DocSection, add_bullets, docx_bytes, new_document
from .model import DOCX_PATH, PDF_PATH, TITLE, URL, Stage, StrategyEntry


def _items(items) -> Markup:
    return Markup("").join(Markup("<li>{}</li>").format(i) for i in items)


def _link(site, item) -> Markup:
    return Markup('<a href="{}">{}</a>').format(urls.relative(URL, urls.record(item.kind, item.id)), item.record.title)


#: The most publications of a strategy's practices the page lists under the strategy (its own are
#: always listed): the rest are on the practice pages it links, and all of them in the Word file,
#: so the document stays the size of its strategies however many references the hub holds.
PUBLICATION_LIMIT = 3


def shown_references(entry: StrategyEntry) -> tuple[list[str], int]:
    """The publications the page lists under a strategy, and how many more its practices cite."""
    own = list(entry.item.record.references)
    others = [key for key in entry.evidence.references if key not in own]
    return own + others[:PUBLICATION_LIMIT], max(0, len(others) - PUBLICATION_LIMIT)


def _evidence(site, entry: StrategyEntry) -> Markup:
    rows = [Markup("<li>Practice: {} — evidence: {}</li>").format(_link(site, p), tier or "not rated") for p, tier in entry.evidence.practices]
    rows += [Markup("<li>PCORI-funded study: {}</li>").format(_link(site, s)) for s in entry.evidence.studies]
    shown, more = shown_references(entry)
    for key in shown:
        link = site.reference_link(key, URL)
        rows.append(Markup('<li>Publication: <a href="{}">{}</a></li>').format(link.url, link.title))
    if more:
        rows.append(Markup("<li>{} more {} cited on the practice pages above (all are in the Word file).</li>").format(
            more, "publication is" if more == 1 else "publications are"))
    return Markup('<h4>The evidence behind it</h4><ul class="pcor-text-list">{}</ul>').format(Markup("").join(rows)) if rows else Markup(
        "<p><em>No practice, study or publication is linked to this strategy yet.</em></p>")


def strategy_html(site, entry: StrategyEntry, version: str) -> Markup:
    record = entry.item.record
    parts = [Markup('<h3 id="strategy-{}">{}</h3>').format(entry.item.id, _link(site, entry.item)),
             Markup("<p>{}</p>").format(site.description(record.summary, 1200))]
    if entry.steps:
        parts.append(Markup('<h4>Steps for purchasers</h4><ul class="pcor-text-list">{}</ul>').format(_items(entry.steps)))
    if entry.asks:
        parts.append(Markup('<h4>Copy-ready asks for vendors and RFPs</h4><ul class="pcor-text-list pcor-copyable">{}</ul>').format(_items(entry.asks)))
    parts.append(_evidence(site, entry))
    url = comment_url(site.config, "framework", f"strategy/{entry.item.id}", version, f"Framework: {record.title}")
    parts.append(comment_link(url, record.title))
    return Markup("\n").join(parts)


def alignment_html(site, found: list[Stage]) -> Markup:
    rows = []
    for entry in (e for stage in found for e in stage.strategies):
        for organization, aligned in entry.alignment:
            who = _link(site, organization) if organization else aligned.organization
            source = site.source_view(aligned.source, URL)
            cited = Markup('<a href="{}">{}</a>').format(source.url, source.label) if source.url else source.label
            note = Markup(" — {}").format(aligned.note) if aligned.note else ""
            rows.append(Markup("<li>{}: {} (source: {}){}</li>").format(_link(site, entry.item), who, cited, note))
    intro = Markup("<p>Strategies purchasers can align on, so that plans and vendors hear the same requests. "
                   "A purchaser or coalition is listed only where a source says it aligned.</p>")
    if not rows:
        return intro + Markup("<p>No purchaser's alignment on a strategy is recorded yet.</p>")
    return intro + Markup('<ul class="pcor-text-list">{}</ul>').format(Markup("").join(rows))


def framework_page(site, found: list[Stage], status: str, version: str, date: str) -> DocPage:
    meta = [Markup('<span class="pcor-status">{}</span>').format(status.capitalize())]
    if version:
        meta.append(Markup("Version {}").format(version))
    if date:
        meta.append(Markup('<time datetime="{0}">{0}</time>').format(date))
    base = urls.relative(URL, "")
    downloads = Markup('<ul class="pcor-doc-downloads"><li><a href="{}">PDF</a></li><li><a href="{}">Word</a></li></ul>').format(
        base + PDF_PATH, base + DOCX_PATH)
    intro = Markup(
        '<link rel="stylesheet" href="{css}"><p class="pcor-framework-meta">{meta}</p>\n'
        '<p class="pcor-intro">A framework for bringing patient-centered outcomes research and comparative effectiveness research '
        '(PCOR/CER) into health-benefits purchasing, assembled from the strategies in this hub: each purchasing stage, its '
        'strategies, their steps and asks, and the evidence behind each.</p>\n{downloads}\n{comment}').format(
        css=urls.relative(URL, "assets/") + "learning.css", meta=Markup(" · ").join(meta), downloads=downloads,
        comment=comment_link(comment_url(site.config, "framework", "whole document", version, TITLE)))
    sections = [DocSection(f"Stage {n}: {stage.label}", Markup("<p>{}</p>\n").format(stage.description) +
                           Markup("\n").join(strategy_html(site, e, version) for e in stage.strategies), f"stage-{stage.id}")
                for n, stage in enumerate(found, 1)]
    sections.append(DocSection("For alignment across purchasers", alignment_html(site, found), "for-alignment"))
    return DocPage(TITLE, "The purchasing framework: stages, strategies, asks and evidence, open for comment.", intro, sections)


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

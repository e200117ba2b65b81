"""The research agenda: gaps grouped by priority area, each question written out with its parts,
priority, related studies and practices; a CSV and a Word file for a proposal."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...csvfile import csv_text
from ...plugin.documents import DocPage, DocSection, add_bullets, docx_bytes, new_document
from .question import LABELS, PARTS, question_text

URL = "research-agenda/"
CSV_PATH = "research-agenda/research-agenda.csv"
DOCX_PATH = "research-agenda/research-agenda.docx"
TITLE = "Research agenda"
FORM = "propose-research-question.yml"
ACROSS = "Across priority areas"


@dataclass
class Entry:
    item: object
    question: str
    parts: list[tuple[str, str]]  # (label, text or "not stated")
    priority: str
    studies: list
    practices: list


def _entry(catalog, item) -> Entry:
    record = item.record
    parts = [(LABELS[n], getattr(record, n) or ("not stated by the source" if n in record.not_stated else "")) for n in PARTS]
    practices = [catalog.items[k] for k in record.related if k.startswith("practice/") and k in catalog.items]
    priority = f"{record.priority.level}" if record.priority else ""
    studies = [s for s in (catalog.get("study", id) for id in record.studies) if s]
    return Entry(item, question_text(record), [(label, text) for label, text in parts if text], priority, studies, practices)


def groups(catalog) -> list[tuple[str, list[Entry]]]:
    """(priority area label, entries) in vocabulary order; gaps without an area come last."""
    gaps = sorted(catalog.of_kind("gap"), key=lambda i: i.record.title.casefold())
    found = []
    for term in catalog.terms("priority_areas"):
        entries = [_entry(catalog, g) for g in gaps if term.id in g.record.priority_areas]
        if entries:
            found.append((term.label, entries))
    rest = [_entry(catalog, g) for g in gaps if not g.record.priority_areas]
    return found + ([(ACROSS, rest)] if rest else [])


def _link(item) -> Markup:
    return Markup('<a href="{}">{}</a>').format(urls.relative(URL, urls.record(item.kind, item.id)), item.record.title)


def _entry_html(site, entry: Entry) -> Markup:
    record = entry.item.record
    html = [Markup("<h3>{}</h3>").format(_link(entry.item))]
    if entry.question:
        html.append(Markup('<p class="pcor-question">{}</p>').format(entry.question))
    facts = [Markup("<dt>{}</dt><dd>{}</dd>").format(label, text) for label, text in entry.parts]
    source = site.source_view(record.stated_by_source, URL) if record.stated_by_source else None
    stated = Markup('<a href="{}">{}</a>').format(source.url, source.label) if source and source.url else (source.label if source else record.stated_by)
    facts.append(Markup("<dt>Stated by</dt><dd>{}</dd>").format(stated))
    if record.priority:
        given = site.source_view(record.priority.source, URL)
        facts.append(Markup("<dt>Priority</dt><dd>{} (source: {})</dd>").format(record.priority.level.capitalize(), given.label))
    html.append(Markup('<dl class="pcor-facts">{}</dl>').format(Markup("").join(facts)))
    for heading, items in (("Related studies", entry.studies), ("Related practices", entry.practices)):
        if items:
            html.append(Markup('<h4>{}</h4><ul class="pcor-links">{}</ul>').format(heading, Markup("").join(Markup("<li>{}</li>").format(_link(i)) for i in items)))
    return Markup("\n").join(html)


def agenda_page(site, found, form_url: str) -> DocPage:
    base = urls.relative(URL, "")
    propose = Markup(' <a href="{}" rel="nofollow">Propose a research question</a> (a form on GitHub).').format(form_url) if form_url else ""
    intro = Markup(
        '<link rel="stylesheet" href="{css}"><p class="pcor-intro">Questions the evidence does not yet answer, each as a source states it, '
        'grouped by priority area. A part of a question no source states is left out, never guessed.{propose}</p>\n'
        '<ul class="pcor-doc-downloads"><li><a href="{csv}">Download as CSV</a> (one row per question)</li>'
        '<li><a href="{docx}">Download as Word</a> (for a proposal)</li></ul>').format(
        css=base + "assets/learning.css", propose=propose, csv=base + CSV_PATH, docx=base + DOCX_PATH)
    sections = [DocSection(label, Markup("\n").join(_entry_html(site, e) for e in entries), f"area-{n}") for n, (label, entries) in enumerate(found, 1)]
    return DocPage(TITLE, "Evidence gaps as research questions, grouped by priority area, with CSV and Word downloads.", intro, sections)


def agenda_csv(site, found) -> str:
    header = ["priority_area", "id", "title", "question", *PARTS, "stated_by", "priority", "related_studies", "related_practices", "url"]
    rows = []
    for label, entries in found:
        for e in entries:
            r = e.item.record
            rows.append([label, e.item.id, r.title, e.question, *[getattr(r, n) or "" for n in PARTS], r.stated_by, e.priority,
                         "; ".join(s.record.title for s in e.studies), "; ".join(p.record.title for p in e.practices),
                         urls.absolute(site.config.site_url, urls.record(e.item.kind, e.item.id))])
    return csv_text(header, rows)


def agenda_docx(site, found) -> bytes:
    document = new_document(TITLE)
    document.add_heading(f"{site.config.site_name}: {TITLE}", level=0)
    for label, entries in found:
        document.add_heading(label, level=1)
        for e in entries:
            document.add_heading(e.item.record.title, level=2)
            if e.question:
                document.add_paragraph(e.question)
            add_bullets(document, [f"{k}: {v}" for k, v in e.parts] + [f"Stated by: {e.item.record.stated_by}"]
                        + ([f"Priority: {e.priority}"] if e.priority else []) + [f"Related study: {s.record.title}" for s in e.studies]
                        + [f"Related practice: {p.record.title}" for p in e.practices])
    return docx_bytes(document)

"""The compiled report: a table of contents, each section's narrative and included records with
numbered citations, and one references list. Built from escaped or sanitised parts only."""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from .outline import outline


def pdf_name(item) -> str:
    return f"{item.id}.pdf"


class _Citations:
    """Sources numbered in order of first citation; one number per distinct source."""

    def __init__(self):
        self.numbers: dict[tuple, int] = {}
        self.sources: list = []

    def cite(self, sources) -> Markup:
        marks = []
        for source in sources:
            key = (source.url, source.ref, source.seed)
            if key not in self.numbers:
                self.numbers[key] = len(self.sources) + 1
                self.sources.append(source)
            n = self.numbers[key]
            marks.append(Markup('<a href="#report-ref-{0}" class="pcor-report__cite" aria-label="reference {0}">[{0}]</a>').format(n))
        return Markup("").join(marks)


def _record_html(site, item, url: str, citations: _Citations) -> Markup:
    return Markup('<li data-handout-id="{key}"><p><a href="{url}">{title}</a> '
                  '<span class="pcor-muted">({kind})</span> {cites}</p><p>{summary}</p></li>').format(
        key=item.key, url=urls.relative(url, urls.record(item.kind, item.id)), title=item.record.title, kind=item.kind.label,
        cites=citations.cite(item.record.sources), summary=site.description(item.record.summary, 600))


def report_html(site, item, url: str) -> Markup:
    """The whole report body (after the record's summary): contents, sections, references, PDF link."""
    sections = outline(site.catalog, item)
    citations = _Citations()
    lead = citations.cite(item.record.sources)
    toc = Markup("").join(Markup('<li><a href="#report-{}">{}</a></li>').format(n, s.heading) for n, s in enumerate(sections, 1))
    parts = [
        Markup('<p class="pcor-report__pdf"><a class="md-button" href="{}" download>Download the report (PDF)</a></p>').format(pdf_name(item)),
        Markup('<nav class="pcor-report__toc" aria-labelledby="report-contents"><h2 id="report-contents">Contents</h2><ol>{}'
               '<li><a href="#report-references">References</a></li></ol></nav>').format(toc),
    ]
    for number, section in enumerate(sections, 1):
        body = [Markup('<h2 id="report-{}">{}. {}</h2>').format(number, number, section.heading)]
        if section.text:
            body.append(Markup(site.markdown.render(section.text)))
        if number == 1 and lead:
            body.append(Markup('<p class="pcor-report__sources">Sources of this report: {}</p>').format(lead))
        if section.records:
            body.append(Markup('<ul class="pcor-report__records">{}</ul>').format(
                Markup("").join(_record_html(site, i, url, citations) for i in section.records)))
        parts.append(Markup('<section class="pcor-report__section">{}</section>').format(Markup("\n").join(body)))
    refs = []
    for number, source in enumerate(citations.sources, 1):
        view = site.source_view(source, url)
        label = Markup('<a href="{}">{}</a>').format(view.url, view.label) if view.url else Markup("{}").format(view.label)
        flag = Markup(' <span class="pcor-flag">({})</span>').format(view.flag) if view.flag else ""
        refs.append(Markup('<li id="report-ref-{}">{}{}</li>').format(number, label, flag))
    parts.append(Markup('<section class="pcor-report__references"><h2 id="report-references">References</h2><ol>{}</ol></section>').format(
        Markup("").join(refs)))
    return Markup("\n").join(parts)

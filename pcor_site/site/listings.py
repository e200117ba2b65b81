"""The core's index pages: each kind's index, priority areas, evidence tiers and the home page."""

from __future__ import annotations

from markupsafe import Markup

from .. import reliability, urls
from ..plugin.context import SiteContext
from ..plugin.views import IndexPage, LinkView, ListSection, TierView
from ..schema import KINDS, Kind


def _listed(site: SiteContext, items, url: str) -> list[LinkView]:
    return [site.item_link(i, url, site.description(i.record.summary, 200)) for i in items]


def kind_index(site: SiteContext, kind: Kind) -> IndexPage:
    url = urls.kind_index(kind)
    items = sorted(site.catalog.of_kind(kind.name), key=lambda i: (getattr(i.record, "order", 0), i.record.title.casefold()))
    if kind.newest_first:  # e.g. episodes, as podcast apps list them
        items = sorted(items, key=lambda i: (i.record.date, i.id), reverse=True)
    if kind.group_by:
        field, vocabulary = kind.group_by
        sections = []
        for term in site.catalog.terms(vocabulary):
            found = [i for i in items if getattr(i.record, field) == term.id]
            if found:
                sections.append(ListSection(term.label, _listed(site, found, url)))
    else:
        sections = [ListSection(f"All {kind.plural.lower()} ({len(items)})", _listed(site, items, url))]
    intro_html = Markup("\n").join(html for f in site.features if (html := f.index_html(kind, site, url, site.state(f))))
    return IndexPage(url, urls.doc_for(url, section=True), kind.plural, kind.intro, kind.intro, sections=sections, intro_html=intro_html)


def tagged_sections(site: SiteContext, vocab: str, term_id: str, url: str) -> list[ListSection]:
    tagged = site.catalog.tagged.get((vocab, term_id), [])
    sections = []
    for kind in KINDS.values():
        found = sorted({i.key: i for i in tagged if i.kind.name == kind.name}.values(), key=lambda i: i.record.title.casefold())
        if found:
            sections.append(ListSection(f"{kind.plural} ({len(found)})", _listed(site, found, url)))
    return sections


def priority_area_pages(site: SiteContext) -> list[IndexPage]:
    pages = []
    for term in site.catalog.terms("priority_areas"):
        url = urls.priority_area(term.id)
        credit = f"Wording: {term.wording_credit}" if term.wording_credit else ""
        intro = term.wording or term.description
        pages.append(IndexPage(
            url, urls.doc_for(url), term.label, site.description(term.description), intro,
            intro_html=site.markdown.render(term.explainer) if term.explainer else "",
            sections=tagged_sections(site, "priority_areas", term.id, url), credit=credit,
            sources=[site.source_view(s, url) for s in term.sources],
        ))
    return pages


def priority_area_index(site: SiteContext) -> IndexPage:
    url = urls.priority_areas()
    vocabulary = site.catalog.vocabularies.get("priority_areas")
    links = [LinkView(t.label, urls.relative(url, urls.priority_area(t.id)), t.description) for t in site.catalog.terms("priority_areas")]
    intro = vocabulary.introduction if vocabulary and vocabulary.introduction else ""
    return IndexPage(url, urls.doc_for(url, section=True), vocabulary.title if vocabulary else "Priority areas",
                     intro or "The priority areas of The Path Forward.", intro, sections=[ListSection("Priority areas", links)])


def tiers(site: SiteContext) -> tuple[IndexPage, list[TierView]]:
    url = urls.evidence_tiers()
    vocabulary = site.catalog.vocabularies.get("evidence_tiers")
    views = []
    for term in sorted(site.catalog.terms("evidence_tiers"), key=lambda t: t.rank):
        count = len(site.catalog.tagged.get(("evidence_tiers", term.id), []))
        views.append(TierView(urls.anchor(term.id), term.label, term.description, term.criteria, term.requires_evidence, count))
    title = vocabulary.title if vocabulary else "Evidence tiers"
    intro = vocabulary.introduction if vocabulary and vocabulary.introduction else "How the hub rates the strength of evidence."
    return IndexPage(url, urls.doc_for(url), title, intro, intro), views


def home(site: SiteContext) -> IndexPage:
    url = urls.home()
    catalog = site.catalog
    areas = [LinkView(t.label, urls.relative(url, urls.priority_area(t.id)), t.description) for t in catalog.terms("priority_areas")]
    kinds = []
    for kind in KINDS.values():
        count = len(catalog.of_kind(kind.name))
        if count and kind.name != "page":
            note = " ".join(filter(None, (kind.intro, reliability.study_count_note(catalog) if kind.name == "study" else "")))
            kinds.append(LinkView(f"{kind.plural} ({count})", urls.relative(url, urls.kind_index(kind)), note))
    regions = [site.item_link(i, url) for i in sorted(catalog.of_kind("region"), key=lambda i: i.record.title.casefold())]
    pages = _listed(site, sorted(catalog.of_kind("page"), key=lambda i: i.id), url)
    sections = [s for s in (
        ListSection("Priority areas", areas) if areas else None,
        ListSection("Browse the hub", kinds) if kinds else None,
        ListSection("RESET Regions", regions) if regions else None,
        ListSection("About the projects", pages) if pages else None,
    ) if s]
    intro = site.config.site_description or site.config.site_name
    end_html = Markup("\n").join(html for f in site.features if (html := f.home_html(site, site.state(f))))
    return IndexPage(url, "index.md", site.config.site_name, intro, intro, sections=sections, end_html=end_html)

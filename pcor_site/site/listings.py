"""The core's index pages: each kind's index, priority areas, evidence tiers and the home page."""

from __future__ import annotations

from markupsafe import Markup

from .. import reliability, urls
from ..plugin.context import SiteContext
from ..plugin.views import IndexPage, LinkView, ListSection, TierView
from ..schema import KINDS, Kind
from ..text.plain import title_case

#: The most records a list shows on a listing page; the rest are one click away in Explore, so a
#: page stays the same size however large the hub grows (DESIGN: linear at scale).
LIST_LIMIT = 40
#: Per kind on a priority-area page, which lists every kind tagged with the area.
AREA_LIMIT = 10


def _listed(site: SiteContext, items, url: str) -> list[LinkView]:
    return [site.item_link(i, url, site.description(i.record.summary, 200)) for i in items]


def _has_explore(site: SiteContext) -> bool:
    return any("explore/" in f.addresses(site.catalog) for f in site.features)


def bounded(site: SiteContext, heading: str, items: list, url: str, limit: int = 0, **filters: str) -> ListSection:
    """A list of at most `limit` (LIST_LIMIT) records; when there are more, a link to all of them in Explore."""
    limit = limit or LIST_LIMIT
    more = urls.explore(url, **filters) if len(items) > limit and _has_explore(site) else ""
    shown = items[:limit] if more else items
    return ListSection(heading, _listed(site, shown, url), total=len(items), more_url=more)


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
                sections.append(bounded(site, term.label, found, url, kind=kind.name))
    else:
        sections = [bounded(site, title_case(f"All {kind.plural} ({len(items)})"), items, url, kind=kind.name)]
    intro_html = Markup("\n").join(html for f in site.features if (html := f.index_html(kind, site, url, site.state(f))))
    # a count of "PCORI-funded studies" says which of them rest on a secondary source (reliability.py)
    intro = " ".join(filter(None, (kind.intro, reliability.study_count_note(site.catalog) if kind.name == "study" else "")))
    return IndexPage(url, urls.doc_for(url, section=True), kind.plural, kind.intro, intro, sections=sections, intro_html=intro_html)


def tagged_sections(site: SiteContext, vocab: str, term_id: str, url: str) -> list[ListSection]:
    tagged = site.catalog.tagged.get((vocab, term_id), [])
    sections = []
    for kind in KINDS.values():
        found = sorted({i.key: i for i in tagged if i.kind.name == kind.name}.values(), key=lambda i: i.record.title.casefold())
        if found:
            filters = {"kind": kind.name, "area" if vocab == "priority_areas" else vocab: term_id}
            sections.append(bounded(site, title_case(f"{kind.plural} ({len(found)})"), found, url, AREA_LIMIT, **filters))
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
        found = sorted({i.key: i for i in site.catalog.tagged.get(("evidence_tiers", term.id), [])}.values(),
                       key=lambda i: i.record.title.casefold())
        views.append(TierView(urls.anchor(term.id), term.label, term.description, term.criteria, term.requires_evidence,
                              len(found), site.tier_badge(term.id, url),
                              bounded(site, f"Records in this tier ({len(found)})", found, url, tier=term.id)))
    title = vocabulary.title if vocabulary else "Evidence tiers"
    intro = vocabulary.introduction if vocabulary and vocabulary.introduction else "How the hub rates the strength of evidence."
    return IndexPage(url, urls.doc_for(url), title, intro, intro), views

"""The home page, for people rather than for the file tree: what the hub is in one sentence, a
search box, start points by reader (each leading to the few pages that reader needs), the
priority areas as cards and what was reviewed most recently.

Only pages that exist are linked: a kind with no records, or a feature that is switched off,
leaves its link out. Features' pages are found through their navigation entries, so the core
never names a feature.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from .. import urls
from ..plugin.context import SiteContext
from ..plugin.views import LinkView
from ..schema import KINDS

#: Readers and where each starts: ("kind", name) a kind's index, ("page", address) a feature's page,
#: ("explore", audience) Explore filtered to that audience, ("tiers", "") the evidence tiers.
READERS = (
    ("Employers and purchasers", "Ask health plans and vendors for what the evidence supports.", (
        ("page", "question-bank/"), ("kind", "practice"), ("kind", "strategy"), ("kind", "module"), ("explore", "employers"))),
    ("Coalitions and community partners", "Find your region, tools to share and the convening's work.", (
        ("kind", "region"), ("kind", "tool"), ("kind", "event"), ("explore", "coalitions"))),
    ("Union health funds and trustees", "Questions for plan administrators and the evidence behind them.", (
        ("page", "question-bank/"), ("explore", "labor-management-funds"), ("kind", "module"), ("tiers", ""))),
    ("Researchers", "The studies, their publications and the open questions.", (
        ("kind", "study"), ("kind", "gap"), ("page", "references/"), ("page", "downloads/"), ("tiers", ""))),
)
RECENT = 6


@dataclass
class ReaderStart:
    title: str
    intro: str
    links: list[LinkView]


@dataclass
class AreaCard:
    title: str
    url: str
    text: str
    practices: int


@dataclass
class HomePage:
    url: str
    doc: str
    title: str
    description: str
    search_url: str
    readers: list[ReaderStart] = field(default_factory=list)
    areas: list[AreaCard] = field(default_factory=list)
    recent: list[tuple[LinkView, str]] = field(default_factory=list)  # (record, last reviewed)
    about: list[LinkView] = field(default_factory=list)
    end_html: Markup = Markup("")  # features' additions (e.g. the WebSite structured data)


def _feature_pages(site: SiteContext) -> dict[str, str]:
    """Address → title of every page a feature lists in the navigation."""
    entries = [e for f in site.features for e in f.nav(site, site.state(f))]
    return {urls.address_of(e.doc): e.title for e in entries}


def _start_link(site: SiteContext, pages: dict[str, str], kind: str, value: str) -> LinkView | None:
    catalog, here = site.catalog, urls.home()
    if kind == "kind":
        k = KINDS[value]
        return LinkView(k.plural, urls.relative(here, urls.kind_index(k))) if catalog.of_kind(value) else None
    if kind == "page":
        return LinkView(pages[value], urls.relative(here, value)) if value in pages else None
    if kind == "tiers":
        return LinkView("How the evidence is rated", urls.relative(here, urls.evidence_tiers()))
    term = catalog.term("audiences", value)
    if "explore/" in pages and term and catalog.tagged.get(("audiences", value)):
        return LinkView(f"Everything for {term.label.lower()}", urls.explore(here, audience=value))
    return None


def home_page(site: SiteContext) -> HomePage:
    catalog, here = site.catalog, urls.home()
    pages = _feature_pages(site)
    page = HomePage(here, "index.md", site.config.site_name, site.config.site_description or site.config.site_name,
                    urls.relative(here, "explore/") if "explore/" in pages else "")
    for title, intro, starts in READERS:
        links = [link for kind, value in starts if (link := _start_link(site, pages, kind, value))]
        if links:
            page.readers.append(ReaderStart(title, intro, links))
    for term in catalog.terms("priority_areas"):
        count = len({i.key for i in catalog.tagged.get(("priority_areas", term.id), []) if i.kind.name == "practice"})
        page.areas.append(AreaCard(term.label, urls.relative(here, urls.priority_area(term.id)), site.description(term.description, 160), count))
    reviewed = [i for i in catalog.items.values() if i.record.last_reviewed and i.kind.name != "page"]
    reviewed.sort(key=lambda i: (i.record.last_reviewed, i.record.title.casefold()), reverse=True)
    page.recent = [(site.item_link(i, here), i.record.last_reviewed.isoformat()) for i in reviewed[:RECENT]]
    page.about = [site.item_link(i, here) for i in sorted(catalog.of_kind("page"), key=lambda i: i.id)]
    page.end_html = Markup("\n").join(html for f in site.features if (html := f.home_html(site, site.state(f))))
    return page

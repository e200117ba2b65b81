"""The one "Related" block of a record page: every linked record once, grouped, with labels that
fit the page's kind ("Studies behind this practice", "Modules that teach it"), and the page's
references merged into its sources.

Links come from three places: the record's own link fields (its studies, readings, ...), its
`related` list, and the records that link to it (backlinks). A record listed by a field is not
listed again under its kind; `related` and backlinks of one kind make one group. A practice has
no "Practices that use this": practices that link to it are "Related practices".
"""

from __future__ import annotations

from ..plugin.context import SiteContext
from ..plugin.views import ListSection, SourceView
from ..schema import KINDS
from ..validate import Item
from .fields import backlinked

#: Link-field headings that depend on the page's kind: (page kind, field) → heading.
FIELD_LABELS = {
    ("practice", "studies"): "Studies behind this practice",
    ("strategy", "studies"): "Studies behind this strategy",
    ("strategy", "practices"): "Practices this strategy puts to work",
    ("module", "practices"): "Practices this module teaches",
}
#: Groups by the linked record's kind: (page kind or "", other kind) → heading; "" is any page.
KIND_LABELS = {
    ("practice", "practice"): "Related practices",
    ("practice", "module"): "Modules that teach it",
    ("practice", "strategy"): "Framework strategies that use it",
    ("study", "practice"): "Practices this study supports",
    ("tool", "practice"): "Practices that use this",
    ("", "practice"): "Practices",
    ("", "module"): "Curriculum modules on this",
    ("", "strategy"): "Purchasing strategies that use this",
    ("", "gap"): "Evidence gaps on this",
    ("", "study"): "Studies",
    ("", "tool"): "Tools and resources",
    ("", "episode"): "Podcast episodes on this",
    ("", "infographic"): "Infographics on this",
    ("", "term"): "Glossary terms",
}
#: Link fields shown in their own places, not in the related block.
OWN_PLACE = frozenset({"tools", "references"})


def _kind_label(page_kind: str, other: str) -> str:
    return KIND_LABELS.get((page_kind, other)) or KIND_LABELS.get(("", other)) or KINDS[other].plural


def related_block(site: SiteContext, item: Item, url: str, field_sections: list[ListSection]) -> list[ListSection]:
    page_kind = item.kind.name
    groups: list[ListSection] = []
    seen: set[str] = set()
    for section in field_sections:
        if section.key in OWN_PLACE:
            continue
        links = [link for link in section.links if link.url not in seen]
        seen.update(link.url for link in links)
        if links:
            groups.append(ListSection(FIELD_LABELS.get((page_kind, section.key), section.heading), links, key=section.key))
    by_kind: dict[str, list[Item]] = {}
    others = [site.catalog.items[k] for k in item.record.related if k in site.catalog.items] + backlinked(site, item)
    for other in others:
        if other.key != item.key and other not in by_kind.setdefault(other.kind.name, []):
            by_kind[other.kind.name].append(other)
    for kind in KINDS.values():
        found = sorted(by_kind.get(kind.name, []), key=lambda i: i.record.title.casefold())
        links = [link for link in (site.item_link(i, url) for i in found) if link.url not in seen]
        seen.update(link.url for link in links)
        if links:
            groups.append(ListSection(_kind_label(page_kind, kind.name), links, key=f"kind:{kind.name}"))
    return groups


def sources_and_references(site: SiteContext, item: Item, url: str, field_sections: list[ListSection]) -> list[SourceView]:
    """The record's references (as formatted entries on the References page), then its sources not
    already among them: one list."""
    found: list[SourceView] = []
    for section in field_sections:
        if section.key == "references":
            found += [SourceView(link.title, link.url, "", "", coins=link.coins) for link in section.links]
    urls_seen = {s.url for s in found}
    found += [s for s in (site.source_view(source, url) for source in item.record.sources) if not s.url or s.url not in urls_seen]
    return found

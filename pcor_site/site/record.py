"""A record's page view: the core's parts (title, summary, tier, tags, facts, body, lists,
sources) and every feature's part of the page, in one flat `RecordPage` for record.md.j2."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..plugin.context import SiteContext
from ..plugin.views import CautionView, LinkView, ListSection, RecordPage
from ..schema.base import Record
from ..validate import Item
from .fields import backlinks, items_of, record_fields, related


def vocab_links(site: SiteContext, vocab: str, ids: list[str], from_url: str, heading: str) -> ListSection | None:
    links = []
    for id in ids:
        term = site.catalog.term(vocab, id)
        if term is None:
            continue
        url = urls.relative(from_url, urls.priority_area(id)) if vocab == "priority_areas" else ""
        links.append(LinkView(term.label, url))
    return ListSection(heading, links) if links else None


def _tags(site: SiteContext, record: Record, url: str) -> list[ListSection]:
    regions = ListSection("RESET Regions", [site.item_link(r, url) for r in items_of(site, "region", record.regions)])
    return [s for s in (
        vocab_links(site, "priority_areas", record.priority_areas, url, "Priority areas"),
        regions if record.regions else None,
        vocab_links(site, "audiences", record.audiences, url, "For"),
        vocab_links(site, "action_types", getattr(record, "action_types", []), url, "Purchaser actions"),
    ) if s]


def _joined(parts: list[Markup]) -> Markup:
    return Markup("\n").join(p for p in parts if p)


def record_page(site: SiteContext, item: Item) -> RecordPage:
    record: Record = item.record
    url = urls.record(item.kind, item.id)
    tier = None
    tier_id = getattr(record, "evidence_tier", None)
    if tier_id and (term := site.catalog.term("evidence_tiers", tier_id)):
        tier = LinkView(term.label, urls.relative(url, urls.evidence_tier(tier_id)))
    shown_elsewhere = frozenset().union(*(f.fields for f in site.features))
    facts, link_sections, text_sections = record_fields(site, item, url, shown_elsewhere)
    parts = [part for f in site.features if (part := f.record_part(item, site, site.state(f))) is not None]
    env: dict = {}
    for part in parts:
        env.update(part.markdown_env())  # one env for summary and body: citation numbers run on
    summary_html = site.markdown.render(item.summary_text or record.summary, env)
    body_html = site.markdown.render(item.body_text or item.body, env) if item.body else ""
    return RecordPage(
        url=url,
        doc=urls.doc_for(url),
        title=record.title,
        head_title=f"{record.title} ({item.kind.label})" if site.title_count(record.title) > 1 else "",
        description=site.description(record.summary),
        kind_label=item.kind.label,
        kind_url=urls.relative(url, urls.kind_index(item.kind)),
        summary_html=summary_html,
        tier=tier,
        tags=_tags(site, record, url),
        facts=facts,
        cautions=[CautionView(c.text, [site.source_view(s, url) for s in c.sources]) for c in record.cautions]
        + [CautionView(text, [site.source_view(s, url) for s in found]) for text, found in site.reliability.cautions(item)],
        body_html=body_html,
        text_sections=text_sections,
        link_sections=link_sections + related(site, item, url),
        backlink_sections=backlinks(site, item, url),
        sources=[site.source_view(s, url) for s in record.sources],
        last_reviewed=record.last_reviewed.isoformat() if record.last_reviewed else "",
        extra_sections=[s for part in parts for s in part.sections()],
        head_yaml=Markup("\n").join(h for part in parts if (h := part.head_yaml())),
        end_sections=[s for part in parts for s in part.end_sections()],
        record_html=_joined([part.record_html() for part in parts]),
        data_html=_joined([part.data_html() for part in parts]),
    )

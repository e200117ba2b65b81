"""A record's page view: the core's parts and every feature's part of the page, in one flat
`RecordPage` for record.md.j2, in reading order: summary (for a practice, "what we know": the
finding, the strength of the evidence and for whom) → what to do (asks, steps) → the body
(evidence and why it matters) → how to put it in place (tools) → one related block → sources
and references, merged → cite this."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from .. import urls
from ..plugin.context import SiteContext
from ..plugin.views import CautionView, Fact, LinkView, ListSection, RecordPage
from ..schema.base import Record
from ..validate import Item
from .fields import items_of, record_fields
from .related import related_block, sources_and_references

#: Explore's weights (Pagefind) of a record's title and summary; body text weighs 1. Pages of kinds
#: that explain or quote the evidence records (`Kind.explains`: glossary, course, framework...) weigh
#: less, so the practice, study or tool a search is about comes before the pages that mention it.
RECORD_WEIGHTS = (10, 6)
EXPLAINING_WEIGHTS = (7, 4)

#: The tools' heading where a record is something to put in place.
TOOLS_HEADINGS = {"practice": "How to put it in place", "strategy": "How to put it in place"}
#: Text sections read before the body ("what to do"); the others come after it.
BEFORE_BODY = ("asks", "steps", "definition", "objectives", "outcomes")


def vocab_links(site: SiteContext, vocab: str, ids: list[str], from_url: str, heading: str) -> ListSection | None:
    links = []
    for id in ids:
        term = site.catalog.term(vocab, id)
        if term is None:
            continue
        url = urls.relative(from_url, urls.priority_area(id)) if vocab == "priority_areas" else ""
        links.append(LinkView(term.label, url))
    return ListSection(heading, links) if links else None


def _tags(site: SiteContext, record: Record, url: str, rated: bool = False) -> list[ListSection]:
    """The record's tags; a rated record shows its audiences under "What we know" instead."""
    regions = ListSection("RESET Regions", [site.item_link(r, url) for r in items_of(site, "region", record.regions)])
    return [s for s in (
        vocab_links(site, "priority_areas", record.priority_areas, url, "Priority areas"),
        regions if record.regions else None,
        None if rated else vocab_links(site, "audiences", record.audiences, url, "For"),
        vocab_links(site, "action_types", getattr(record, "action_types", []), url, "Purchaser actions"),
    ) if s]


def _placed_sections(parts) -> dict[str, list]:
    """Features' sections by their place (SECTION_PLACES), each part asked once."""
    placed: dict[str, list] = {"lead": [], "do": [], "body": []}
    for part in parts:
        for section in part.sections():
            placed[section.place if section.place in placed else "body"].append(section)
    return {"lead_sections": placed["lead"], "early_sections": placed["do"], "extra_sections": placed["body"]}


def _joined(parts: list[Markup]) -> Markup:
    return Markup("\n").join(p for p in parts if p)


def what_we_know(site: SiteContext, record: Record, tier) -> list[Fact]:
    """A rated record's opening facts after its summary (the finding): how strong the evidence is
    and for whom it is. Empty for records without an evidence tier."""
    if tier is None:
        return []
    facts = [Fact("Strength of the evidence", f"{tier.label}: {tier.meaning}", tier.url)]
    audiences = [t.label for t in (site.catalog.term("audiences", a) for a in record.audiences) if t]
    if audiences:
        facts.append(Fact("For", ", ".join(audiences)))
    return facts


def record_page(site: SiteContext, item: Item) -> RecordPage:
    record: Record = item.record
    url = urls.record(item.kind, item.id)
    tier = site.tier_badge(getattr(record, "evidence_tier", None), url)
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
        search_weights=EXPLAINING_WEIGHTS if item.kind.explains else RECORD_WEIGHTS,
        description=site.description(record.summary),
        kind_label=item.kind.label,
        kind_url="" if item.kind.name == "page" else urls.relative(url, urls.kind_index(item.kind)),  # free pages have no index
        summary_html=summary_html,
        tier=tier,
        tags=_tags(site, record, url, rated=tier is not None),
        facts=facts,
        cautions=[CautionView(c.text, [site.source_view(s, url) for s in c.sources]) for c in record.cautions]
        + [CautionView(text, [site.source_view(s, url) for s in found]) for text, found in site.reliability.cautions(item)],
        body_html=body_html,
        text_sections=sorted((t for t in text_sections if t.key in BEFORE_BODY), key=lambda t: BEFORE_BODY.index(t.key)),
        later_sections=[t for t in text_sections if t.key not in BEFORE_BODY],
        tool_sections=[replace(s, heading=TOOLS_HEADINGS.get(item.kind.name, s.heading)) for s in link_sections if s.key == "tools"],
        related=related_block(site, item, url, link_sections),
        sources=sources_and_references(site, item, url, link_sections),
        last_reviewed=record.last_reviewed.isoformat() if record.last_reviewed else "",
        sources_heading="Sources and references" if any(s.key == "references" for s in link_sections) else "Sources",
        what_we_know=what_we_know(site, record, tier),
        **_placed_sections(parts),
        head_yaml=Markup("\n").join(h for part in parts if (h := part.head_yaml())),
        end_sections=[s for part in parts for s in part.end_sections()],
        record_html=_joined([part.record_html() for part in parts]),
        data_html=_joined([part.data_html() for part in parts]),
    )

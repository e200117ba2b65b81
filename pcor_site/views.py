"""Catalog → flat view models, one per generated page. Templates see nothing else.

Every string in a view is plain text (templates escape it) except fields named `*_html`, which
hold HTML that `markdown.render` has already sanitised.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from . import explore, extensions, glossary_links, markdown, reliability
from .catalog import Catalog
from .config import HubConfig
from .render import urls
from .citations.record import RecordCitations
from .citations.references import build as build_references
from .citations.references import plain_text as format_reference_text
from .citations.references import coins_of as reference_coins
from .citations.syntax import strip as strip_citations
from .schema import KINDS, Kind
from .schema.base import Record
from .schema.refs import _marker
from .schema.types import BibRef, RecordRef, VocabRef
from .validate import Item

#: Headings for linked-record lists, by field name; the rest use the field's own description.
LINK_HEADINGS = {
    "studies": "PCORI-funded studies",
    "references": "References",
    "publications": "Publications",
    "readings": "Readings",
    "tools": "Tools and resources",
    "practices": "Practices",
    "prerequisites": "Take these modules first",
    "lead_organizations": "Lead coalitions",
    "organizers": "Organized by",
    "partners": "Partners",
    "publisher": "Published by",
    "hosts": "Hosts",
    "guests": "Guests",
}
FACT_LABELS = {
    "short_name": "Short name", "official_title": "Official title", "award": "PCORI award",
    "award_amount": "Award amount", "principal_investigator": "Principal investigator",
    "institution": "Institution", "period": "Project period", "registry_ids": "Registry",
    "design": "Design", "participants": "Participants", "area": "Area", "date": "Date",
    "format": "Format", "duration": "Duration", "website": "Website", "url": "Link",
    "also_known_as": "Also known as", "name_correction": "Name note", "stated_by": "Stated by",
    "abbreviation": "Abbreviation", "order": "Module", "pcori_urls": "PCORI pages",
    "data_urls": "Data", "audio_url": "Audio", "units": "Units",
}
#: Fields shown in their own sections, not in the facts table.
SECTION_FIELDS = {
    "title", "summary", "sources", "cautions", "last_reviewed", "related", "asks", "outcomes", "objectives",
    "key_points", "discussion_questions", "steps", "definition", "sessions", "methods", "pcori_funding", "alt_text", "description",
    "show_notes", "transcript", "nav_title", "audio_type", "audio_length", "explicit", "guest_names", "chart",
    "audio_url", "chapters", "artwork", "guid",  # episode: shown by pcor_site/podcast's sections
    "rows", "data", "value_type", "denominator", "category_label", "series_label", "published_aggregate",  # infographic: pcor_site/infographics
}
BACKLINK_HEADINGS = {
    "practice": "Practices that use this", "module": "Curriculum modules that teach this",
    "strategy": "Purchasing strategies that use this", "gap": "Evidence gaps that mention this",
    "study": "Studies linking here", "tool": "Tools linking here", "region": "RESET Regions linking here",
    "organization": "Organizations linking here", "event": "Events linking here", "episode": "Podcast episodes on this",
    "infographic": "Infographics on this", "term": "Glossary terms linking here", "page": "Pages linking here",
}
SECTION_TITLES = {
    "definition": "Definition", "objectives": "Learning objectives", "key_points": "Key points",
    "outcomes": "What the study found", "steps": "Steps for purchasers", "asks": "Copy-ready asks for vendors and RFPs",
    "discussion_questions": "Discussion questions", "sessions": "Sessions",
    "methods": "The project's planned methods (not the event's agenda)",
}


@dataclass
class LinkView:
    title: str
    url: str
    note: str = ""
    kind: str = ""
    coins: str = ""  # OpenURL ContextObject of a listed reference (rendered as a COinS span)


@dataclass
class ListSection:
    heading: str
    links: list[LinkView]


@dataclass
class TextSection:
    heading: str
    items: list[str]  # plain text
    copyable: bool = False


@dataclass
class SourceView:
    label: str
    url: str  # empty when the source has no link
    note: str
    flag: str  # "", "secondary source", "unofficial copy", "disputed" (pcor_site.reliability.FLAGS)
    copy_url: str = ""  # a mirror's address, linked as "unofficial copy" (the label names the document)


@dataclass
class CautionView:
    text: str
    sources: list[SourceView]


@dataclass
class Fact:
    label: str
    text: str
    url: str = ""


@dataclass
class RecordPage:
    url: str
    doc: str
    title: str
    description: str
    kind_label: str
    kind_url: str
    summary_html: str
    tier: LinkView | None
    tags: list[ListSection]
    facts: list[Fact]
    cautions: list[CautionView]
    body_html: str
    text_sections: list[TextSection]
    link_sections: list[ListSection]
    backlink_sections: list[ListSection]
    sources: list[SourceView]
    last_reviewed: str
    extra_sections: list = field(default_factory=list)
    head_yaml: str = ""  # extra front matter (Highwire `head_meta`), built by pcor_site.citations
    end_sections: list = field(default_factory=list)  # last on the page: "Cite this", structured data
    index: explore.RecordIndex | None = None  # what the search index learns from the page


@dataclass
class IndexPage:
    url: str
    doc: str
    title: str
    description: str
    intro: str
    intro_html: str = ""
    sections: list[ListSection] = field(default_factory=list)
    credit: str = ""
    sources: list[SourceView] = field(default_factory=list)


@dataclass
class TierView:
    id: str
    label: str
    description: str
    criteria: str
    requires_evidence: bool
    count: int


@dataclass
class ReferenceView:
    anchor: str
    key: str
    text: str
    url: str
    cited_by: list[LinkView]


def _plain(text: str) -> str:
    return " ".join(text.split())


def _description(text: str, limit: int = 300) -> str:
    text = strip_citations(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class ViewBuilder:
    """Builds every page's view from the catalog. Holds only lookups, no output state."""

    def __init__(self, catalog: Catalog, config: HubConfig):
        self.catalog = catalog
        self.config = config

    # -- small pieces -------------------------------------------------------------------------

    def item_link(self, item: Item, from_url: str, note: str = "") -> LinkView:
        return LinkView(item.record.title, urls.relative(from_url, urls.record(item.kind, item.id)), note, item.kind.label)

    def reference_link(self, key: str, from_url: str) -> LinkView:
        reference = self.catalog.bibliography.get(key)
        text = format_reference_text(reference, self.config) if reference else key
        return LinkView(text, urls.relative(from_url, urls.reference(key)), coins=reference_coins(reference) if reference else "")

    def source_view(self, source, from_url: str) -> SourceView:
        flag = reliability.flag(source, self.catalog.bibliography)
        note = source.note or ""
        if source.url and source.reliability == "mirror":
            return SourceView(reliability.mirror_label(source), "", note, flag, reliability.copy_url(source))
        if source.url:
            return SourceView(source.title or source.url, source.url, note, flag)
        if source.ref:
            reference = self.catalog.bibliography.get(source.ref)
            label = source.title or (format_reference_text(reference, self.config) if reference else source.ref)
            return SourceView(label, urls.relative(from_url, urls.reference(source.ref)), note, flag)
        seed = self.catalog.get("page", source.seed)
        label = source.title or (f"Project summary: {seed.record.title}" if seed else f"Project summary ({source.seed})")
        return SourceView(label, urls.relative(from_url, urls.record(KINDS["page"], source.seed)) if seed else "", note, flag)

    def _vocab_links(self, vocab: str, ids: list[str], from_url: str, heading: str) -> ListSection | None:
        links = []
        for id in ids:
            term = self.catalog.term(vocab, id)
            if term is None:
                continue
            url = urls.relative(from_url, urls.priority_area(id)) if vocab == "priority_areas" else ""
            links.append(LinkView(term.label, url))
        return ListSection(heading, links) if links else None

    # -- record pages -------------------------------------------------------------------------

    def record_page(self, item: Item) -> RecordPage:
        record: Record = item.record
        url = urls.record(item.kind, item.id)
        tier = None
        tier_id = getattr(record, "evidence_tier", None)
        if tier_id and (term := self.catalog.term("evidence_tiers", tier_id)):
            tier = LinkView(term.label, urls.relative(url, urls.evidence_tier(tier_id)))
        tags = [s for s in (
            self._vocab_links("priority_areas", record.priority_areas, url, "Priority areas"),
            ListSection("RESET Regions", [self.item_link(r, url) for r in self._items("region", record.regions)]) if record.regions else None,
            self._vocab_links("audiences", record.audiences, url, "For"),
            self._vocab_links("action_types", getattr(record, "action_types", []), url, "Purchaser actions"),
        ) if s]
        facts, link_sections, text_sections = self._fields(item, url)
        cites = RecordCitations(self.catalog, self.config, item, url)  # [@key] numbering across summary and body
        if not hasattr(self, "_glossary"):
            self._glossary = glossary_links.Glossary(self.catalog)
        summary_html, body_html = glossary_links.link_terms(
            self._glossary, [markdown.render(record.summary, cites), markdown.render(item.body, cites) if item.body else ""], url, item.key
        )
        return RecordPage(
            url=url,
            doc=urls.doc_for(url),
            title=record.title,
            description=_description(record.summary),
            kind_label=item.kind.label,
            kind_url=urls.relative(url, urls.kind_index(item.kind)),
            summary_html=summary_html,
            tier=tier,
            tags=tags,
            facts=facts,
            cautions=[CautionView(c.text, [self.source_view(s, url) for s in c.sources]) for c in record.cautions]
            + [CautionView(text, [self.source_view(s, url) for s in found]) for text, found in self._reliability().cautions(item)],
            body_html=body_html,
            text_sections=text_sections,
            link_sections=link_sections + self._related(item, url),
            backlink_sections=self._backlinks(item, url),
            sources=[self.source_view(s, url) for s in record.sources],
            last_reviewed=record.last_reviewed.isoformat() if record.last_reviewed else "",
            extra_sections=cites.sections() + extensions.record_sections(item, self.catalog, url),
            head_yaml=cites.head_yaml(),
            end_sections=cites.end_sections(),
            index=explore.record_index(item, self.catalog),
        )

    def _reliability(self) -> reliability.Index:
        if not hasattr(self, "_weak"):
            self._weak = reliability.Index(self.catalog)
        return self._weak

    def _items(self, kind: str, ids: list[str]) -> list[Item]:
        return [i for i in (self.catalog.get(kind, id) for id in ids) if i is not None]

    def _fields(self, item: Item, url: str):
        """Kind-specific fields → facts, linked lists and text sections, in declaration order."""
        facts: list[Fact] = []
        links: list[ListSection] = []
        texts: list[TextSection] = []
        base_fields = set(Record.model_fields)
        for name, info in type(item.record).model_fields.items():
            if name in base_fields and name not in SECTION_FIELDS:
                continue
            value = getattr(item.record, name)
            if value in (None, [], ""):
                continue
            marker = _marker(typing.get_args(info.annotation)[0] if typing.get_origin(info.annotation) is list else info.annotation)
            if marker is None:
                for meta in info.metadata:
                    if isinstance(meta, (RecordRef, VocabRef, BibRef)):
                        marker = meta
            values = value if isinstance(value, list) else [value]
            if isinstance(marker, RecordRef):
                links.append(ListSection(LINK_HEADINGS.get(name, name.replace("_", " ").capitalize()),
                                         [self.item_link(i, url) for i in self._items(marker.kind, values)]))
            elif isinstance(marker, BibRef):
                links.append(ListSection(LINK_HEADINGS.get(name, "References"), [self.reference_link(k, url) for k in values]))
            elif isinstance(marker, VocabRef):
                if name in ("evidence_tier", "action_types"):
                    continue
                labels = [t.label for t in (self.catalog.term(marker.vocab, v) for v in values) if t]
                facts.append(Fact(FACT_LABELS.get(name, name.replace("_", " ").capitalize()), ", ".join(labels)))
            elif name in SECTION_TITLES:
                if name in ("sessions", "methods"):
                    texts.append(TextSection(SECTION_TITLES[name], [f"{s.title}: {s.summary}" if s.summary else s.title for s in values]))
                else:
                    texts.append(TextSection(SECTION_TITLES[name], [str(v) for v in values], copyable=name == "asks"))
            elif name in SECTION_FIELDS:
                continue
            elif name.endswith("url") or name.endswith("urls") or name == "website":
                for v in values:
                    facts.append(Fact(FACT_LABELS.get(name, name), str(v), str(v)))
            else:
                text = ", ".join(str(v) for v in values)
                if name == "order":
                    text = f"Module {value}"
                facts.append(Fact(FACT_LABELS.get(name, name.replace("_", " ").capitalize()), text))
        return facts, links, texts

    def _related(self, item: Item, url: str) -> list[ListSection]:
        related = [self.catalog.items[k] for k in item.record.related if k in self.catalog.items]
        return [ListSection("Related", [self.item_link(i, url) for i in related])] if related else []

    def _backlinks(self, item: Item, url: str) -> list[ListSection]:
        """Records that point here, grouped by kind in registry order (e.g. modules that teach a practice)."""
        grouped: dict[str, list[Item]] = {}
        for link in self.catalog.backlinks.get(item.key, []):
            grouped.setdefault(link.source.kind.name, [])
            if link.source not in grouped[link.source.kind.name]:
                grouped[link.source.kind.name].append(link.source)
        if item.kind.name == "region":
            for tagged in self.catalog.items.values():
                if item.id in tagged.record.regions and tagged not in grouped.get(tagged.kind.name, []):
                    grouped.setdefault(tagged.kind.name, []).append(tagged)
        sections = []
        for kind in KINDS.values():
            if kind.name in grouped:
                found = sorted(grouped[kind.name], key=lambda i: i.record.title.casefold())
                heading = BACKLINK_HEADINGS.get(kind.name, f"{kind.plural} linking here")
                sections.append(ListSection(heading, [self.item_link(i, url) for i in found]))
        return sections

    # -- index and landing pages --------------------------------------------------------------

    def kind_index(self, kind: Kind) -> IndexPage:
        url = urls.kind_index(kind)
        items = sorted(self.catalog.of_kind(kind.name), key=lambda i: (getattr(i.record, "order", 0), i.record.title.casefold()))
        if kind.name == "episode":  # newest first, as podcast apps list them
            items = sorted(items, key=lambda i: (i.record.date, i.id), reverse=True)
        if kind.name == "strategy":
            sections = []
            for stage in self.catalog.terms("purchasing_stages"):
                found = [i for i in items if i.record.purchasing_stage == stage.id]
                if found:
                    sections.append(ListSection(stage.label, [self.item_link(i, url, _description(i.record.summary, 200)) for i in found]))
        else:
            sections = [ListSection(f"All {kind.plural.lower()} ({len(items)})", [self.item_link(i, url, _description(i.record.summary, 200)) for i in items])]
        return IndexPage(url, urls.doc_for(url, section=True), kind.plural, kind.intro, kind.intro, sections=sections,
                         intro_html=extensions.index_html(kind, self.catalog, self.config, url))

    def tagged_sections(self, vocab: str, term_id: str, url: str) -> list[ListSection]:
        tagged = self.catalog.tagged.get((vocab, term_id), [])
        sections = []
        for kind in KINDS.values():
            found = sorted({i.key: i for i in tagged if i.kind.name == kind.name}.values(), key=lambda i: i.record.title.casefold())
            if found:
                sections.append(ListSection(f"{kind.plural} ({len(found)})", [self.item_link(i, url, _description(i.record.summary, 200)) for i in found]))
        return sections

    def priority_area_pages(self) -> list[IndexPage]:
        pages = []
        for term in self.catalog.terms("priority_areas"):
            url = urls.priority_area(term.id)
            credit = f"Wording: {term.wording_credit}" if term.wording_credit else ""
            intro = term.wording or term.description
            pages.append(IndexPage(
                url, urls.doc_for(url), term.label, _description(term.description), intro,
                intro_html=markdown.render(term.explainer) if term.explainer else "",
                sections=self.tagged_sections("priority_areas", term.id, url), credit=credit,
                sources=[self.source_view(s, url) for s in term.sources],
            ))
        return pages

    def priority_area_index(self) -> IndexPage:
        url = urls.priority_areas()
        vocabulary = self.catalog.vocabularies.get("priority_areas")
        links = [LinkView(t.label, urls.relative(url, urls.priority_area(t.id)), t.description) for t in self.catalog.terms("priority_areas")]
        intro = vocabulary.introduction if vocabulary and vocabulary.introduction else ""
        return IndexPage(url, urls.doc_for(url, section=True), vocabulary.title if vocabulary else "Priority areas",
                         intro or "The priority areas of The Path Forward.", intro, sections=[ListSection("Priority areas", links)])

    def tiers(self) -> tuple[IndexPage, list[TierView]]:
        url = urls.evidence_tiers()
        vocabulary = self.catalog.vocabularies.get("evidence_tiers")
        views = []
        for term in sorted(self.catalog.terms("evidence_tiers"), key=lambda t: t.rank):
            count = len(self.catalog.tagged.get(("evidence_tiers", term.id), []))
            views.append(TierView(urls.anchor(term.id), term.label, term.description, term.criteria, term.requires_evidence, count))
        title = vocabulary.title if vocabulary else "Evidence tiers"
        intro = vocabulary.introduction if vocabulary and vocabulary.introduction else "How the hub rates the strength of evidence."
        return IndexPage(url, urls.doc_for(url), title, intro, intro), views

    def references(self):
        """The References page: (IndexPage, citations.references.ReferencesView)."""
        return build_references(self)

    def home(self) -> IndexPage:
        url = urls.home()
        areas = [LinkView(t.label, urls.relative(url, urls.priority_area(t.id)), t.description) for t in self.catalog.terms("priority_areas")]
        kinds = []
        for kind in KINDS.values():
            count = len(self.catalog.of_kind(kind.name))
            if count and kind.name != "page":
                note = " ".join(filter(None, (kind.intro, reliability.study_count_note(self.catalog) if kind.name == "study" else "")))
                kinds.append(LinkView(f"{kind.plural} ({count})", urls.relative(url, urls.kind_index(kind)), note))
        regions = [self.item_link(i, url) for i in sorted(self.catalog.of_kind("region"), key=lambda i: i.record.title.casefold())]
        pages = [self.item_link(i, url, _description(i.record.summary, 200)) for i in sorted(self.catalog.of_kind("page"), key=lambda i: i.id)]
        sections = [s for s in (
            ListSection("Priority areas", areas) if areas else None,
            ListSection("Browse the hub", kinds) if kinds else None,
            ListSection("RESET Regions", regions) if regions else None,
            ListSection("About the projects", pages) if pages else None,
        ) if s]
        intro = self.config.site_description or self.config.site_name
        return IndexPage(url, "index.md", self.config.site_name, intro, intro, sections=sections)

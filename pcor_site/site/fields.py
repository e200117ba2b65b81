"""A record's own fields on its page: facts, lists of linked records and references, text
sections, and the records that link to it (backlinks; site/related.py groups them), in the order the schema declares them."""

from __future__ import annotations

import types
import typing

from ..plugin.context import SiteContext
from ..plugin.views import Fact, ListSection, TextSection
from ..schema.base import Record
from ..schema.refs import marker_of
from ..schema.types import BibRef, RecordRef, VocabRef
from ..validate import Item
from .labels import FACT_LABELS, LINK_HEADINGS, SECTION_FIELDS, SECTION_TITLES


def items_of(site: SiteContext, kind: str, ids: list[str]) -> list[Item]:
    return [i for i in (site.catalog.get(kind, id) for id in ids) if i is not None]


def _marker(info):
    annotation = info.annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):  # an optional reference: `ref("event") | None`
        annotation = next((a for a in typing.get_args(annotation) if a is not type(None)), annotation)
    marker = marker_of(typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else annotation)
    if marker is None:
        marker = next((m for m in info.metadata if isinstance(m, (RecordRef, VocabRef, BibRef))), None)
    return marker


def _label(name: str) -> str:
    return FACT_LABELS.get(name, name.replace("_", " ").capitalize())


def record_fields(site: SiteContext, item: Item, url: str, shown_elsewhere: frozenset[str]):
    """Kind-specific fields → (facts, linked lists, text sections), in declaration order.
    `shown_elsewhere`: fields the features render in their own sections."""
    facts: list[Fact] = []
    links: list[ListSection] = []
    texts: list[TextSection] = []
    base_fields = set(Record.model_fields)
    for name, info in type(item.record).model_fields.items():
        if (name in base_fields and name not in SECTION_FIELDS) or name in shown_elsewhere:
            continue
        value = getattr(item.record, name)
        if value in (None, [], ""):
            continue
        marker = _marker(info)
        values = value if isinstance(value, list) else [value]
        if isinstance(marker, RecordRef):
            links.append(ListSection(LINK_HEADINGS.get(name, name.replace("_", " ").capitalize()),
                                     [site.item_link(i, url) for i in items_of(site, marker.kind, values)], key=name))
        elif isinstance(marker, BibRef):
            links.append(ListSection(LINK_HEADINGS.get(name, "References"), [site.reference_link(k, url) for k in values], key=name))
        elif isinstance(marker, VocabRef):
            if name in ("evidence_tier", "action_types"):
                continue
            labels = [t.label for t in (site.catalog.term(marker.vocab, v) for v in values) if t]
            facts.append(Fact(_label(name), ", ".join(labels)))
        elif name in SECTION_TITLES and name not in shown_elsewhere:
            if name in ("sessions", "methods"):
                texts.append(TextSection(SECTION_TITLES[name], [f"{s.title}: {s.summary}" if s.summary else s.title for s in values], key=name))
            else:
                texts.append(TextSection(SECTION_TITLES[name], [str(v) for v in values], copyable=name == "asks", key=name))
        elif name in SECTION_FIELDS or name in shown_elsewhere:
            continue
        elif name.endswith("url") or name.endswith("urls") or name == "website":
            facts.extend(Fact(FACT_LABELS.get(name, name), str(v), str(v)) for v in values)
        else:
            facts.append(Fact(_label(name), f"Module {value}" if name == "order" else ", ".join(str(v) for v in values)))
    return facts, links, texts


def backlinked(site: SiteContext, item: Item) -> list[Item]:
    """Records that point here (for a region, also the records tagged with it), each once."""
    found: list[Item] = []
    for link in site.catalog.backlinks.get(item.key, []):
        if link.source not in found:
            found.append(link.source)
    if item.kind.name == "region":
        found += [t for t in site.catalog.items.values() if item.id in t.record.regions and t not in found]
    return found

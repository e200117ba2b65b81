"""The Explore page: faceted search over every record, served from the static Pagefind index.

The facet values and their labels are written at build time (explore.md.j2); `static/explore.js`
fills in live counts, runs the searches and keeps the whole state in the address. Without
JavaScript the page points to the landing pages, which reach every record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ... import urls
from ...plugin.templates import render
from ...schema import KINDS
from .record_index import ALL_RECORDS_WORD, record_year

URL = "explore/"
DOC = "explore.md"
#: The words of every title, summary and glossary term, for "did you mean" under a misspelt search.
WORDS = "explore/words.json"
_WORD = re.compile(r"[^\W\d_]{4,}")

#: The facets, in the order readers see them: (URL parameter and index filter key, label).
FACETS = (
    ("kind", "Kind of record"),
    ("area", "Priority area"),
    ("region", "RESET Region"),
    ("audience", "Audience"),
    ("action", "Purchaser action"),
    ("tier", "Evidence tier"),
    ("year", "Year"),
)
SORTS = (
    ("relevance", "Relevance"),
    ("title", "Title (A to Z)"),
    ("date", "Date (newest first)"),
    ("tier", "Evidence tier (strongest first)"),
)


@dataclass
class FacetValue:
    id: str
    label: str


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue]


@dataclass
class LandingLink:
    title: str
    url: str


@dataclass
class ExplorePage:
    url: str
    doc: str
    title: str
    description: str
    facets: list[Facet]
    sorts: list[FacetValue]
    landing: list[tuple[str, list[LandingLink]]]
    script_url: str
    words_url: str = "words.json"
    tiers_url: str = ""
    all_records_word: str = ALL_RECORDS_WORD


def _facet_values(catalog, key: str) -> list[FacetValue]:
    if key == "kind":
        return [FacetValue(k.name, k.label) for k in KINDS.values() if catalog.of_kind(k.name)]
    if key == "area":
        return [FacetValue(t.id, t.label) for t in catalog.terms("priority_areas")]
    if key == "region":
        regions = sorted(catalog.of_kind("region"), key=lambda i: i.record.title.casefold())
        return [FacetValue(i.id, i.record.title) for i in regions]
    if key == "audience":
        return [FacetValue(t.id, t.label) for t in catalog.terms("audiences")]
    if key == "action":
        return [FacetValue(t.id, t.label) for t in catalog.terms("action_types")]
    if key == "tier":
        return [FacetValue(t.id, t.label) for t in sorted(catalog.terms("evidence_tiers"), key=lambda t: t.rank)]
    if key == "year":
        years = {record_year(i.record) for i in catalog.items.values()} - {""}
        return [FacetValue(y, y) for y in sorted(years, reverse=True)]
    raise KeyError(key)


def explore_view(catalog) -> ExplorePage:
    facets = [Facet(key, label, values) for key, label in FACETS if (values := _facet_values(catalog, key))]
    landing = [
        ("Kinds of record", [LandingLink(k.plural, urls.relative(URL, urls.kind_index(k)))
                             for k in KINDS.values() if k.name != "page" and catalog.of_kind(k.name)]),
        ("Priority areas", [LandingLink(t.label, urls.relative(URL, urls.priority_area(t.id)))
                            for t in catalog.terms("priority_areas")]),
        ("RESET Regions", [LandingLink(i.record.title, urls.relative(URL, urls.record(i.kind, i.id)))
                           for i in sorted(catalog.of_kind("region"), key=lambda i: i.record.title.casefold())]),
    ]
    return ExplorePage(
        url=URL, doc=DOC, title="Explore",
        description="Search and filter every record in the hub by kind, priority area, region, audience, purchaser action, evidence tier and year.",
        facets=facets, sorts=[FacetValue(id, label) for id, label in SORTS],
        landing=[(heading, links) for heading, links in landing if links],
        script_url=urls.relative(URL, "assets/explore.js"),
        tiers_url=urls.relative(URL, urls.evidence_tiers()),
    )


def title_words(catalog) -> str:
    """JSON: the distinct words (4+ letters, lower case) of every record title and summary and every
    glossary term's other names."""
    texts = [text for i in catalog.items.values() for text in (i.record.title, i.record.summary)]
    texts += [alias for i in catalog.of_kind("term") for alias in getattr(i.record, "also_known_as", []) or []]
    words = sorted({w.casefold() for text in texts for w in _WORD.findall(text)})
    return json.dumps(words, ensure_ascii=False, separators=(",", ":"))


def explore_page(catalog) -> str:
    return render("explore.md.j2", page=explore_view(catalog))



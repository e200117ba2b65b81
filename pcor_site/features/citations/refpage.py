"""A reference's own page (`references/KEY/`): the full formatted citation, its DOI or address,
what the source is (weak details shown as weak), the records that cite it with their kind and
evidence tier, "Cite this" whose formats load on demand from `cite/references/KEY.*`, and the
metadata Zotero and search engines read: one COinS span (Zotero saves one item) and the work's
schema.org JSON-LD. No Highwire tags: this is a page about somebody else's work (CIT-04).

Every page comes from one template and the entries formatted once (`references.entries`): no
Markdown is rendered per reference."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...plugin.views import Fact, LinkView
from ...sources.biblinks import doi_url
from . import citethis, metadata
from .references import ReferenceEntry, reference_stem

DESCRIPTION_LIMIT = 300


@dataclass
class ReferencePage:
    url: str
    doc: str
    title: str  # the work's title (its citation when it has none)
    description: str  # the citation as plain text
    type_label: str
    html: Markup
    link: str
    link_label: str
    caution: str
    facts: list[Fact]
    cited_by: list[LinkView]
    cite_html: Markup
    coins: Markup
    index_url: str
    index_label: str
    extra_html: Markup = Markup("")


def _facts(item: dict, entry: ReferenceEntry) -> list[Fact]:
    found = [Fact("Type", entry.type_label)]
    if item.get("container-title"):
        found.append(Fact("Published in", str(item["container-title"])))
    if item.get("publisher"):
        found.append(Fact("Publisher", str(item["publisher"])))
    if entry.year:
        found.append(Fact("Year", entry.year))
    if item.get("DOI"):
        found.append(Fact("DOI", str(item["DOI"]), doi_url(item["DOI"])))
    return found


def page(entry: ReferenceEntry, index_url: str, index_label: str) -> ReferencePage:
    url = urls.reference(entry.key)
    item = entry.item
    description = entry.text if len(entry.text) <= DESCRIPTION_LIMIT else entry.text[: DESCRIPTION_LIMIT - 1].rstrip() + "…"
    data = {"@context": "https://schema.org", **metadata.scholarly_article(item, entry.url)}
    extra = Markup(metadata.json_ld(data) + citethis.script_tag(url))
    return ReferencePage(
        url=url, doc=urls.doc_for(url), title=str(item.get("title") or entry.text), description=description,
        type_label=entry.type_label, html=entry.html, link="" if item.get("DOI") else entry.url, link_label=entry.url_label, caution=entry.caution,
        facts=_facts(item, entry), cited_by=entry.cited_by,
        cite_html=Markup(citethis.lazy_block(url, f"cite-{entry.slug}", reference_stem(entry.key))),
        coins=Markup(metadata.coins_span(item)), index_url=urls.relative(url, index_url), index_label=index_label, extra_html=extra,
    )

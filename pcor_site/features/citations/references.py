"""The References page: every entry of references.bib, grouped by type, sorted by first author,
year and title, each with its stable anchor (`#ref-KEY`), COinS, "Cite this" and the records that
cite it (through a `BibKey` field or `[@key]` in their text)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ... import reliability, urls
from ...plugin.views import IndexPage
from ...sources.biblinks import doi_url
from . import citethis, metadata
from .csl import to_csl
from .style import style_name, styler

GROUPS = (
    ("article-journal", "Journal articles"), ("report", "Reports"), ("book", "Books and chapters"),
    ("chapter", "Books and chapters"), ("paper-conference", "Conference papers"), ("thesis", "Theses"),
)
OTHER = "Web pages and other works"


@dataclass
class ReferenceEntry:
    anchor: str
    key: str
    html: Markup  # the CSL-formatted reference, sanitised
    text: str  # the same as plain text
    url: str
    coins: Markup
    cite_html: Markup
    cited_by: list = field(default_factory=list)  # LinkView
    caution: str = ""  # why the entry's details are weak (pcor_site.reliability), shown beside it
    url_label: str = ""  # link text when the link is not the work's own address ("unofficial copy")


@dataclass
class ReferenceGroup:
    heading: str
    anchor: str
    references: list[ReferenceEntry]


def _sort_key(item: dict) -> tuple:
    people = item.get("author") or item.get("editor") or [{}]
    first = people[0].get("family") or people[0].get("literal") or ""
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][:1])
    return (first.casefold(), year, str(item.get("title", "")).casefold(), item["id"].casefold())


def reference_url(item: dict) -> str:
    if item.get("DOI"):
        return doi_url(item["DOI"])
    url = item.get("URL", "")
    return url if url.startswith(("https://", "http://")) else ""


@dataclass
class ReferencesView:
    groups: list[ReferenceGroup]
    extra_html: Markup  # JSON-LD and the copy-button script


def build(site, prose_citations: dict) -> tuple:
    """(IndexPage, ReferencesView) for the References page. `prose_citations`: key → links of
    the `[@key]` citations in records' text (the citations check found them)."""
    catalog, config = site.catalog, site.config
    url = urls.references()
    items = {key: to_csl(ref) for key, ref in catalog.bibliography.entries.items()}
    formatted = styler(style_name(config)).format_many(list(items.values()))
    labels = dict(GROUPS)
    grouped: dict[str, list[ReferenceEntry]] = {}
    for key, item in sorted(items.items(), key=lambda kv: _sort_key(kv[1])):
        reference = catalog.bibliography.get(key)
        links = catalog.cited_by.get(key, []) + prose_citations.get(key, [])
        citing = {link.source.key: link.source for link in links}
        stem = reference_stem(key)
        entry = ReferenceEntry(
            anchor="ref-" + urls.anchor(key), key=key, html=Markup(formatted[key].html), text=formatted[key].text,
            url=reference_url(item), coins=Markup(metadata.coins_span(item)),
            cite_html=Markup(citethis.lazy_block(url, f"cite-{urls.anchor(key)}", stem)),  # formats load on demand
            cited_by=[site.item_link(i, url) for i in sorted(citing.values(), key=lambda i: i.record.title.casefold())],
            caution=reliability.reference_caution(reference),
        )
        if not entry.url and reliability.provenance(reference).copy_url:
            entry.url, entry.url_label = reliability.provenance(reference).copy_url, reliability.FLAGS["mirror"]
        grouped.setdefault(labels.get(item["type"], OTHER), []).append(entry)
    order = list(dict.fromkeys([label for _, label in GROUPS] + [OTHER]))
    groups = [ReferenceGroup(f"{label} ({len(grouped[label])})", "group-" + urls.anchor(label), grouped[label]) for label in order if label in grouped]
    graph = {"@context": "https://schema.org", "@type": "CollectionPage", "name": "References",
             "hasPart": [metadata.scholarly_article(items[e.key], e.url) for g in groups for e in g.references]}
    extra = Markup(metadata.json_ld(graph) + citethis.script_tag(url))
    intro = "Every publication the hub cites, grouped by type and sorted by author, with the records that cite it."
    return IndexPage(url, urls.doc_for(url), "References", intro, intro), ReferencesView(groups, extra)


def reference_stem(key: str) -> str:
    return f"cite/references/{urls.anchor(key)}"


def plain_text(reference, config) -> str:
    """One reference as plain text in the configured CSL style (for link lists and sources)."""
    return styler(style_name(config)).format(to_csl(reference)).text


def coins_of(reference) -> str:
    """The COinS ContextObject of a reference (for listings such as a study's publications)."""
    return metadata.coins(to_csl(reference))

"""The hub's references as entries: every entry of references.bib formatted once in the configured
CSL style, sorted by first author (accents folded, so Müller files under M), year and title, with
the records that cite it (through a `BibKey` field or `[@key]` in their text). The References
index (`refindex`) and each reference's own page (`refpage`) are built from these entries."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup

from ... import reliability, urls
from ...sources.biblinks import doi_url
from . import metadata
from .csl import to_csl
from .style import style_name, styler

#: CSL type → what the source is, in words (one work; plural labels are not needed).
TYPE_LABELS = {
    "article-journal": "Journal article", "article-magazine": "Magazine article", "article-newspaper": "Newspaper article",
    "report": "Report", "book": "Book", "chapter": "Book chapter", "paper-conference": "Conference paper",
    "thesis": "Thesis", "webpage": "Web page", "legislation": "Law or regulation", "bill": "Bill", "dataset": "Data set",
    "software": "Software", "manuscript": "Manuscript", "pamphlet": "Pamphlet", "post-weblog": "Blog post",
}
OTHER_TYPE = "Other work"
OTHER_LETTER = "#"  # first authors whose name does not start with A–Z (digits, other scripts, none)


@dataclass
class ReferenceEntry:
    key: str
    slug: str  # urls.anchor(key): the page's folder under references/ and the old `#ref-` fragment
    item: dict  # the CSL-JSON item
    html: Markup  # the CSL-formatted reference, sanitised
    text: str  # the same as plain text
    url: str  # the work's own address (DOI or URL), or an unofficial copy (then url_label says so)
    year: str
    type_label: str
    letter: str  # A–Z, or OTHER_LETTER
    name: str  # the first author's name as sorted (accents folded, case-folded)
    cited_by: list = field(default_factory=list)  # LinkView of each citing record (kind, tier)
    caution: str = ""  # why the entry's details are weak (pcor_site.reliability), shown beside it
    url_label: str = ""  # link text when the link is not the work's own address ("unofficial copy")

    @property
    def anchor(self) -> str:
        return "ref-" + self.slug


#: Letters Unicode does not decompose into a base letter and an accent.
_BASE = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                       "þ": "th", "Þ": "TH", "ı": "i"})


def fold(text: str) -> str:
    """`text` without accents, case-folded: the order of a library catalogue (Ødegaard under O)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_BASE)) if not unicodedata.combining(c)).casefold()


def first_author(item: dict) -> str:
    people = item.get("author") or item.get("editor") or [{}]
    return fold(people[0].get("family") or people[0].get("literal") or "").strip()


def letter_of(name: str) -> str:
    first = name[:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


def year_of(item: dict) -> str:
    parts = ((item.get("issued") or {}).get("date-parts") or [[]])[0]
    return str(parts[0]) if parts else ""


def _sort_key(item: dict) -> tuple:
    name = first_author(item)
    return (letter_of(name) != OTHER_LETTER, name, year_of(item), fold(str(item.get("title", ""))), item["id"].casefold())


def reference_url(item: dict) -> str:
    if item.get("DOI"):
        return doi_url(item["DOI"])
    url = item.get("URL", "")
    return url if url.startswith(("https://", "http://")) else ""


def entries(site, prose_citations: dict) -> list[ReferenceEntry]:
    """Every reference in index order. `prose_citations`: key → links of the `[@key]` citations
    in records' text (the citations check found them). Cited-by links are relative to the
    reference's own page."""
    catalog, config = site.catalog, site.config
    items = {key: to_csl(ref) for key, ref in catalog.bibliography.entries.items()}
    formatted = styler(style_name(config)).format_many(list(items.values()))
    found = []
    for key, item in sorted(items.items(), key=lambda kv: _sort_key(kv[1])):
        reference = catalog.bibliography.get(key)
        links = catalog.cited_by.get(key, []) + prose_citations.get(key, [])
        citing = {link.source.key: link.source for link in links}
        page = urls.reference(key)
        name = first_author(item)
        entry = ReferenceEntry(
            key=key, slug=urls.anchor(key), item=item, html=Markup(formatted[key].html), text=formatted[key].text,
            url=reference_url(item), year=year_of(item), type_label=TYPE_LABELS.get(item.get("type", ""), OTHER_TYPE),
            letter=letter_of(name), name=name,
            cited_by=[site.item_link(i, page) for i in sorted(citing.values(), key=lambda i: i.record.title.casefold())],
            caution=reliability.reference_caution(reference),
        )
        if not entry.url and reliability.provenance(reference).copy_url:
            entry.url, entry.url_label = reliability.provenance(reference).copy_url, reliability.FLAGS["mirror"]
        found.append(entry)
    return found


def reference_stem(key: str) -> str:
    return f"cite/references/{urls.anchor(key)}"


def plain_text(reference, config) -> str:
    """One reference as plain text in the configured CSL style (for link lists and sources)."""
    return styler(style_name(config)).format(to_csl(reference)).text


def coins_of(reference) -> str:
    """The COinS ContextObject of a reference (for listings such as a study's publications)."""
    return metadata.coins(to_csl(reference))

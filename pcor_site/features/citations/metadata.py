"""Machine-readable citation metadata: COinS spans, Highwire `citation_*` tags, schema.org JSON-LD.

* COinS (Z39.88-2004 KEV in an empty `span.Z3988`) goes next to every listed reference, so Zotero
  offers each one (standards §3.2), except on the hub's own works (`citable_pages`): there Zotero
  must save the page, and its COinS reader would win over the page's Highwire tags.
* Highwire tags go only on pages for works the hub itself publishes (`SELF_PUBLISHED_KINDS`):
  a page about somebody else's paper must not look like that paper to Google Scholar (CIT-04).
* JSON-LD is one `<script type="application/ld+json">` per page (`plugin.jsonld`).
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from ... import urls
from ...plugin.jsonld import json_ld  # noqa: F401 - metadata.json_ld, used by the citation views
from ...sources.biblinks import doi_url
from .exports import publisher

#: Record kinds whose pages are the hub's own works (the curriculum and the project pages).
SELF_PUBLISHED_KINDS = {"module", "page"}
#: schema.org type for each record kind's page. Episodes have none here: the podcast feature writes
#: their PodcastEpisode (it knows the show, the audio and the transcript); events neither: the
#: convening feature writes their Event (location, agenda, attendance mode).
SCHEMA_TYPES = {
    "study": "ResearchProject", "module": "LearningResource", "organization": "Organization",
    "term": "DefinedTerm", "tool": "CreativeWork", "practice": "WebPage", "strategy": "WebPage",
    "region": "WebPage", "gap": "WebPage", "infographic": "CreativeWork",
    "page": "WebPage",
}
#: The types above that are schema.org CreativeWorks: only they define `dateModified` (an Event,
#: Organization, ResearchProject or DefinedTerm has no such property).
CREATIVE_WORKS = {"LearningResource", "CreativeWork", "WebPage"}
_BOOKISH = {"book", "chapter", "report", "thesis", "paper-conference"}


def _first_author(item: dict) -> dict:
    people = item.get("author") or item.get("editor") or []
    return people[0] if people else {}


def _year(item: dict) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0])) if parts[0] else ""


#: CSL type → Zotero item type sent as `rft.type` in the Dublin Core format, for works that are
#: neither articles, books, reports nor theses (Zotero reads `rft.type` only in that format).
DC_TYPES = {"webpage": "webpage", "legislation": "statute", "bill": "bill", "dataset": "dataset", "software": "computerProgram",
            "manuscript": "manuscript", "pamphlet": "document", "document": "document", "post-weblog": "blogPost"}
_JOURNAL = {"article-journal", "article-magazine", "article-newspaper", "article"}


def _format(item: dict) -> list[tuple[str, str]]:
    """`rft_val_fmt`, genre and titles: what Zotero's COinS reader maps to the right item type."""
    kind, title = item.get("type", ""), item.get("title", "")
    if kind in _JOURNAL:
        pairs = [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article"), ("rft.atitle", title)]
        return pairs + ([("rft.jtitle", item["container-title"])] if item.get("container-title") else [])
    if kind == "thesis":
        return [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dissertation"), ("rft.title", title)]
    if kind in _BOOKISH:
        genre = {"chapter": "bookitem", "paper-conference": "proceeding", "report": "report"}.get(kind, "book")
        pairs = [("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"), ("rft.genre", genre)]
        if kind == "chapter":
            pairs.append(("rft.atitle", title))
            return pairs + ([("rft.btitle", item["container-title"])] if item.get("container-title") else [])
        return pairs + [("rft.btitle", title)]  # Zotero takes a conference paper's title from btitle
    pairs = [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.type", DC_TYPES.get(kind, "document")), ("rft.title", title)]
    if item.get("container-title"):
        pairs.append(("rft.source", item["container-title"]))
    if item.get("URL"):
        pairs.append(("rft.identifier", item["URL"]))
    return pairs


def coins(item: dict) -> str:
    """The OpenURL ContextObject (KEV) of one CSL item (the `title` of a COinS span, unescaped).

    A corporate author (`literal`) is `rft.aucorp` and nothing else: sent as `rft.au` it is split
    into a person ("American Psychiatric" "Association"). People are `rft.au` as "Family, Given"."""
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004"), *_format(item)]
    if item.get("type") in _BOOKISH or item.get("type") == "thesis":
        for key, csl in (("rft.pub", "publisher"), ("rft.place", "publisher-place"), ("rft.isbn", "ISBN")):
            if item.get(csl):
                pairs.append((key, item[csl]))
    elif item.get("type") not in _JOURNAL and item.get("publisher"):
        pairs.append(("rft.pub", item["publisher"]))
    if item.get("type") in _JOURNAL:
        for key, csl in (("rft.volume", "volume"), ("rft.issue", "issue"), ("rft.issn", "ISSN")):
            if item.get(csl):
                pairs.append((key, str(item[csl])))
        if item.get("page"):
            first, _, last = str(item["page"]).partition("-")
            pairs.append(("rft.spage", first))
            if last:
                pairs.append(("rft.epage", last.lstrip("-")))
    author = _first_author(item)
    if author.get("family"):
        pairs.append(("rft.aulast", author["family"]))
        if author.get("given"):
            pairs.append(("rft.aufirst", author["given"]))
    for person in item.get("author") or []:
        if person.get("literal"):
            pairs.append(("rft.aucorp", person["literal"]))
        elif person.get("family"):
            pairs.append(("rft.au", ", ".join(p for p in (person["family"], person.get("given")) if p)))
    if _year(item):
        pairs.append(("rft.date", _year(item)))
    if item.get("DOI"):
        pairs.append(("rft_id", f"info:doi/{item['DOI']}"))
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    return urlencode(pairs)


def citable_pages(catalog) -> set[str]:
    """Addresses of the pages that are the hub's own citable works (they carry Highwire tags and
    no COinS of the works they list: Zotero's COinS reader runs first and would save those)."""
    if catalog is None:
        return set()
    return {urls.record(i.kind, i.id) for i in catalog.items.values() if i.kind.name in SELF_PUBLISHED_KINDS}


def coins_span(item: dict) -> str:
    return f'<span class="Z3988" title="{html.escape(coins(item), quote=True)}"></span>'


def highwire(item: dict, kind: str, config) -> list[dict[str, str]]:
    """`citation_*` tags for a self-published work; empty for every other kind, or without a date (CIT-01).

    The hub's works are grey literature issued by the hub: `citation_technical_report_institution`
    makes Zotero save a report (with `citation_title` alone it guesses a journal article). A
    corporate author gets no `citation_author`: Zotero would split "Example Hub" into a person;
    the institution tag carries the name whole. People are written "Family, Given"."""
    if kind not in SELF_PUBLISHED_KINDS:
        return []
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    if not parts[0] or not item.get("title") or not item.get("author"):
        return []
    tags = [{"name": "citation_title", "content": item["title"]}]
    for person in item["author"]:
        if person.get("family"):
            tags.append({"name": "citation_author", "content": ", ".join(p for p in (person["family"], person.get("given")) if p)})
    tags.append({"name": "citation_publication_date", "content": "/".join(str(p) for p in parts[0])})
    if item.get("publisher"):
        tags.append({"name": "citation_technical_report_institution", "content": item["publisher"]})
        tags.append({"name": "citation_publisher", "content": item["publisher"]})
    if item.get("URL"):
        tags.append({"name": "citation_public_url", "content": item["URL"]})
    tags.append({"name": "citation_language", "content": "en"})
    return tags


def website(config) -> dict:
    """schema.org `WebSite` for the home page: the hub's name, address, publisher and language."""
    data: dict = {"@context": "https://schema.org", "@type": "WebSite", "name": config.site_name, "inLanguage": "en",
                  "publisher": {"@type": "Organization", "name": publisher(config)}}
    if config.site_description:
        data["description"] = config.site_description
    if urls.absolute(config.site_url, ""):
        data["url"] = urls.absolute(config.site_url, "")
    return data


def scholarly_article(item: dict, url: str = "") -> dict:
    """schema.org for one reference (ScholarlyArticle, Book, Chapter, Report or CreativeWork)."""
    kind = {"article-journal": "ScholarlyArticle", "paper-conference": "ScholarlyArticle", "book": "Book",
            "chapter": "Chapter", "report": "Report", "thesis": "Thesis"}.get(item.get("type", ""), "CreativeWork")
    data: dict = {"@type": kind, "name": item.get("title", item["id"])}
    people = [{"@type": "Person" if "family" in p else "Organization",
               "name": p.get("literal") or " ".join(x for x in (p.get("given"), p.get("family")) if x)}
              for p in item.get("author") or []]
    if people:
        data["author"] = people
    if _year(item):
        data["datePublished"] = _year(item)
    if item.get("container-title"):
        data["isPartOf"] = {"@type": "Periodical" if kind == "ScholarlyArticle" else "CreativeWork", "name": item["container-title"]}
    if item.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": item["publisher"]}
    if item.get("DOI"):
        data["identifier"] = doi_url(item["DOI"])
        data["sameAs"] = doi_url(item["DOI"])
    if url:
        data["url"] = url
    return data

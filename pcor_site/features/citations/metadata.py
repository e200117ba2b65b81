"""Machine-readable citation metadata: COinS spans, Highwire `citation_*` tags, schema.org JSON-LD.

* COinS (Z39.88-2004 KEV in an empty `span.Z3988`) goes next to every listed reference, so Zotero
  offers each one (standards §3.2).
* Highwire tags go only on pages for works the hub itself publishes (`SELF_PUBLISHED_KINDS`):
  a page about somebody else's paper must not look like that paper to Google Scholar (CIT-04).
* JSON-LD is one `<script type="application/ld+json">` per page; `<`, `>` and `&` are written as
  `\\u003c` etc., so no text can close the script element.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from ...plugin.jsonld import json_ld  # noqa: F401  (the feature's modules call metadata.json_ld)
from ...sources.biblinks import doi_url

#: Record kinds whose pages are the hub's own works (the curriculum and the project pages).
SELF_PUBLISHED_KINDS = {"module", "page"}
#: schema.org type for each record kind's page (an event's `Event` object comes from the convening feature).
SCHEMA_TYPES = {
    "study": "ResearchProject", "module": "LearningResource", "event": "WebPage", "organization": "Organization",
    "term": "DefinedTerm", "tool": "CreativeWork", "practice": "WebPage", "strategy": "WebPage",
    "region": "WebPage", "gap": "WebPage", "episode": "PodcastEpisode", "infographic": "CreativeWork",
    "page": "WebPage",
}
#: Kinds whose page's schema.org object another feature writes (the convening feature's `Event`).
JSON_LD_ELSEWHERE = {"event"}
_BOOKISH = {"book", "chapter", "report", "thesis", "paper-conference"}


def _first_author(item: dict) -> dict:
    people = item.get("author") or item.get("editor") or []
    return people[0] if people else {}


def _year(item: dict) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0])) if parts[0] else ""


def coins(item: dict) -> str:
    """The OpenURL ContextObject (KEV) of one CSL item (the `title` of a COinS span, unescaped)."""
    bookish = item.get("type") in _BOOKISH
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    if bookish:
        genre = {"chapter": "bookitem", "paper-conference": "proceeding", "report": "report"}.get(item["type"], "book")
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"), ("rft.genre", genre)]
        if item["type"] in ("chapter", "paper-conference"):
            pairs.append(("rft.atitle", item.get("title", "")))
            if item.get("container-title"):
                pairs.append(("rft.btitle", item["container-title"]))
        else:
            pairs.append(("rft.btitle", item.get("title", "")))
        if item.get("publisher"):
            pairs.append(("rft.pub", item["publisher"]))
        if item.get("publisher-place"):
            pairs.append(("rft.place", item["publisher-place"]))
        if item.get("ISBN"):
            pairs.append(("rft.isbn", item["ISBN"]))
    else:
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article"), ("rft.atitle", item.get("title", ""))]
        if item.get("container-title"):
            pairs.append(("rft.jtitle", item["container-title"]))
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
        name = person.get("literal") or ", ".join(p for p in (person.get("family"), person.get("given")) if p)
        if name:
            pairs.append(("rft.au", name))
    if _year(item):
        pairs.append(("rft.date", _year(item)))
    if item.get("DOI"):
        pairs.append(("rft_id", f"info:doi/{item['DOI']}"))
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    return urlencode(pairs)


def coins_span(item: dict) -> str:
    return f'<span class="Z3988" title="{html.escape(coins(item), quote=True)}"></span>'


def highwire(item: dict, kind: str, config) -> list[dict[str, str]]:
    """`citation_*` tags for a self-published work; empty for every other kind, or without a date (CIT-01)."""
    if kind not in SELF_PUBLISHED_KINDS:
        return []
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    if not parts[0] or not item.get("title") or not item.get("author"):
        return []
    tags = [{"name": "citation_title", "content": item["title"]}]
    for person in item["author"]:
        name = person.get("literal") or ", ".join(p for p in (person.get("family"), person.get("given")) if p)
        tags.append({"name": "citation_author", "content": name})
    tags.append({"name": "citation_publication_date", "content": "/".join(str(p) for p in parts[0])})
    if item.get("publisher"):
        tags.append({"name": "citation_publisher", "content": item["publisher"]})
    if item.get("URL"):
        tags.append({"name": "citation_public_url", "content": item["URL"]})
    tags.append({"name": "citation_language", "content": "en"})
    return tags


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

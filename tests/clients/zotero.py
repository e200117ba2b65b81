"""What Zotero saves from a page: a Python port of the rules of its COinS parser
(`Zotero.OpenURL.parseContextObject`, zotero/zotero `chrome/content/zotero/xpcom/openurl.js`),
its name splitter (`Zotero.Utilities.cleanAuthor`) and the Highwire part of its
"Embedded Metadata" translator (zotero/translators `Embedded Metadata.js`): item type from the
`citation_*` tags present, authors split at `;`, then at a comma, else at the last space.
Only the rules the hub's output reaches are ported; the names of Zotero's fields are kept.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import html as lxml_html

#: The COinS translator's priority (250 in the version read) runs before Embedded Metadata's (400): with any COinS
#: on a page, Zotero offers the COinS items, not the page's `citation_*` tags.
COINS_WINS_OVER_HIGHWIRE = True


def clean_author(name: str, use_comma: bool) -> dict:
    """Zotero.Utilities.cleanAuthor: 'Last, First' with a comma, else the last word is the last name."""
    name = " ".join(name.split())
    if use_comma:
        last, _, first = name.partition(",")
        return {"lastName": last.strip(), "firstName": first.strip().strip(",").strip()}
    first, _, last = name.rpartition(" ")
    return {"lastName": last, "firstName": first}


def _item_type(fmt: str, parts: list[str]) -> str:
    if fmt == "info:ofi/fmt:kev:mtx:journal":
        return "journalArticle"
    if fmt == "info:ofi/fmt:kev:mtx:book":
        if "rft.genre=bookitem" in parts:
            return "bookSection"
        if "rft.genre=conference" in parts or "rft.genre=proceeding" in parts:
            return "conferencePaper"
        return "report" if "rft.genre=report" in parts else "book"
    return {"info:ofi/fmt:kev:mtx:dissertation": "thesis", "info:ofi/fmt:kev:mtx:patent": "patent",
            "info:ofi/fmt:kev:mtx:dc": "webpage"}.get(fmt, "")


#: Zotero item types `rft.type` may name in the Dublin Core format (those the hub writes).
ITEM_TYPES = {"webpage", "document", "statute", "report", "book", "journalArticle", "dataset", "computerProgram", "manuscript"}


def parse_coins(context: str) -> dict:
    """The item Zotero saves from one ContextObject (the `title` of a `span.Z3988`)."""
    parts = context.split("&")
    fmt = next((unquote(p[12:]) for p in parts if p.startswith("rft_val_fmt=")), "")
    item: dict = {"itemType": _item_type(fmt, parts), "creators": []}
    if not item["itemType"]:
        return {}
    complex_au: list[dict] = []
    for part in parts:
        key, _, raw = part.partition("=")
        value = unquote(re.sub(r"\+|%2[bB]", " ", raw))
        if not value:
            continue
        kind = item["itemType"]
        if key == "rft_id":
            if value[:8].lower() == "info:doi":
                item["DOI"] = value[9:]
            elif re.match(r"^https?://", value):
                item["url"] = value
        elif key == "rft.btitle":
            if kind in ("book", "conferencePaper", "report"):
                item["title"] = value
            elif kind == "bookSection":
                item["publicationTitle"] = value
        elif key == "rft.atitle" and kind in ("journalArticle", "bookSection"):
            item["title"] = value
        elif key == "rft.jtitle" and kind == "journalArticle":
            item["publicationTitle"] = value
        elif key == "rft.title":
            item["publicationTitle" if kind in ("journalArticle", "bookSection") else "title"] = value
        elif key == "rft.date":
            item["date"] = value
        elif key in ("rft.volume", "rft.issue"):
            item[key[4:]] = value
        elif key == "rft.aulast":
            if complex_au and not complex_au[-1].get("lastName"):
                complex_au[-1]["lastName"] = value
            else:
                complex_au.append({"lastName": value})
        elif key == "rft.aufirst":
            if complex_au and not complex_au[-1].get("firstName"):
                complex_au[-1]["firstName"] = value
            else:
                complex_au.append({"firstName": value})
        elif key in ("rft.au", "rft.creator"):
            item["creators"].append(clean_author(value, "," in value))
        elif key == "rft.aucorp":
            complex_au.append({"lastName": value, "fieldMode": 1})
        elif key in ("rft.pub", "rft.publisher"):
            item["publisher"] = value
        elif key == "rft.place":
            item["place"] = value
        elif fmt == "info:ofi/fmt:kev:mtx:dc":
            if key == "rft.type" and value in ITEM_TYPES:
                item["itemType"] = value
            elif key == "rft.source":
                item["publicationTitle"] = value
            elif key == "rft.identifier" and re.match(r"^https?://", value):
                item["url"] = value
            elif key == "rft.description":
                item["abstractNote"] = value
    for extra in complex_au:  # a plain author with the same last name (and first name) wins
        if not any(c.get("lastName") == extra.get("lastName") and c.get("firstName", "").startswith(extra.get("firstName", ""))
                   for c in item["creators"]):
            item["creators"].append(extra)
    return item


def coins_on(page_html: str) -> list[dict]:
    tree = lxml_html.fromstring(page_html)
    return [parse_coins(span.get("title", "")) for span in tree.xpath('//span[contains(concat(" ", @class, " "), " Z3988 ")]')]


def highwire(page_html: str) -> dict:
    """The item Embedded Metadata builds from a page's `citation_*` tags ({} when there are none)."""
    tree = lxml_html.fromstring(page_html)
    tags = [(m.get("name", ""), m.get("content", "")) for m in tree.xpath("//head/meta[@name]") if m.get("name", "").startswith("citation_")]
    if not tags:
        return {}
    names = {n for n, _ in tags}
    kind = ("journalArticle" if "citation_journal_title" in names else "report" if "citation_technical_report_institution" in names
            else "conferencePaper" if names & {"citation_conference_title", "citation_conference"} else "bookSection"
            if "citation_book_title" in names else "thesis" if "citation_dissertation_institution" in names
            else "journalArticle" if "citation_title" in names else "book" if "citation_isbn" in names else "")
    item: dict = {"itemType": kind, "creators": []}
    mapping = {"citation_title": "title", "citation_publication_date": "date", "citation_date": "date", "citation_publisher": "publisher",
               "citation_journal_title": "publicationTitle", "citation_technical_report_institution": "institution",
               "citation_public_url": "url", "citation_language": "language", "citation_technical_report_number": "number"}
    for name, value in tags:
        if name in mapping and value.strip():
            item[mapping[name]] = " ".join(value.split())
        if name in ("citation_author", "citation_authors"):
            authors = re.split(r"\s*;\s*", value)
            if len(authors) == 1:
                by_comma = re.split(r"\s*,\s*", authors[0])
                if len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1]:
                    authors = by_comma
            item["creators"] += [clean_author(a.strip(), "," in a) for a in authors if re.search(r"[^\s,\-.;]", a)]
    return item


def saved(page_html: str) -> list[dict]:
    """What the Zotero Connector saves from the page: its COinS items if any, else its Highwire item."""
    found = [i for i in coins_on(page_html) if i]
    if found and COINS_WINS_OVER_HIGHWIRE:
        return found
    item = highwire(page_html)
    return [item] if item else []

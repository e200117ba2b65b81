"""BibTeX entries → CSL-JSON items (our own converter: citeproc-py's BibTeX reader drops fields).

LaTeX accents, commands and case-protecting braces become plain Unicode; names become
`{family, given}` (or `{literal}` for a braced corporate author); dates become `date-parts`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from pylatexenc.latex2text import LatexNodes2Text

from ...bibliography import Reference
from ...sources.biblinks import safe_doi, safe_url

_LATEX = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
_NEEDS_LATEX = re.compile(r"[\\{}~$%&]|--|``|''")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)

#: BibTeX entry type → CSL type (standards §3.5, BIB-40).
TYPES = {
    "article": "article-journal", "book": "book", "booklet": "pamphlet", "inbook": "chapter",
    "incollection": "chapter", "inproceedings": "paper-conference", "conference": "paper-conference",
    "manual": "report", "mastersthesis": "thesis", "phdthesis": "thesis", "proceedings": "book",
    "techreport": "report", "report": "report", "unpublished": "manuscript", "misc": "webpage",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "dataset": "dataset", "software": "software",
    "legislation": "legislation", "legal": "legislation", "law": "legislation",
}
#: BibTeX field → CSL variable, for fields copied as text.
TEXT_FIELDS = {
    "title": "title", "volume": "volume", "number": "issue", "edition": "edition", "note": "note",
    "abstract": "abstract", "isbn": "ISBN", "issn": "ISSN", "address": "publisher-place",
    "location": "publisher-place", "series": "collection-title", "language": "language",
    "pmid": "PMID", "pmcid": "PMCID", "keywords": "keyword",
}
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@lru_cache(maxsize=16384)
def latex_to_text(value: str) -> str:
    """LaTeX → Unicode, whitespace collapsed; `{COVID-19}` → `COVID-19`, `Müller` from `M{\\"u}ller`."""
    if not _NEEDS_LATEX.search(value):
        return " ".join(value.split())  # the common case, and 50x faster than the LaTeX walker
    try:
        text = _LATEX.latex_to_text(value)
    except Exception:  # noqa: BLE001 - malformed LaTeX falls back to the raw text without braces
        text = value.replace("{", "").replace("}", "")
    return " ".join(text.replace("\xa0", " ").split())


def _person(name: str) -> dict[str, str] | None:
    name = " ".join(name.split())
    if not name or name.lower() == "others":
        return None
    if name.startswith("{") and name.endswith("}") and name.count("{") == 1:
        return {"literal": latex_to_text(name)}  # {World Health Organization}: a corporate author
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except Exception:  # noqa: BLE001 - an unparseable name is kept whole
        return {"literal": latex_to_text(name)}
    person: dict[str, str] = {}
    family = " ".join(parts.last)
    if family:
        person["family"] = latex_to_text(family)
    if parts.first:
        person["given"] = latex_to_text(" ".join(parts.first))
    if parts.von:
        person["non-dropping-particle"] = latex_to_text(" ".join(parts.von))
    if parts.jr:
        person["suffix"] = latex_to_text(" ".join(parts.jr))
    return person or {"literal": latex_to_text(name)}


def names(value: str) -> list[dict[str, str]]:
    """A BibTeX name list (`and`, in any case, separates people) → CSL names."""
    value = _AND.sub(" and ", " ".join(value.split()))
    try:
        people = split_multiple_persons_names(value)
    except Exception:  # noqa: BLE001
        people = value.split(" and ")
    return [p for p in (_person(n) for n in people) if p]


def _date(fields: dict[str, str]) -> dict | None:
    year = fields.get("year", "").strip("{} ")
    month = fields.get("month", "").strip("{} ").lower()
    day = fields.get("day", "").strip("{} ")
    if not year and fields.get("date"):
        match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", fields["date"].strip())
        if match:
            return {"date-parts": [[int(g) for g in match.groups() if g]]}
    if not re.fullmatch(r"\d{4}", year):
        return {"literal": latex_to_text(year)} if year else None
    parts = [int(year)]
    number = int(month) if month.isdigit() else MONTHS.get(month[:3]) if month else None
    if number and 1 <= number <= 12:
        parts.append(number)
        if day.isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


def to_csl(reference: Reference) -> dict:
    """One CSL-JSON item. Only fields the entry has are set; nothing is invented."""
    fields = reference.fields
    kind = TYPES.get(reference.entry_type, "document")
    item: dict = {"id": reference.key, "type": kind}
    for bib, csl in TEXT_FIELDS.items():
        if fields.get(bib, "").strip():
            item[csl] = latex_to_text(fields[bib])
    for role in ("author", "editor", "translator"):
        if fields.get(role, "").strip():
            people = names(fields[role])
            if people:
                item[role] = people
    if "author" not in item and kind == "report" and fields.get("institution"):
        item["author"] = [{"literal": latex_to_text(fields["institution"])}]
    container = fields.get("journal") or fields.get("booktitle") or fields.get("journaltitle")
    if container:
        item["container-title"] = latex_to_text(container)
    # `howpublished` says how a work was issued ("Federal Register document ..."): never a journal.
    issued_by = fields.get("howpublished") if not fields.get("howpublished", "").lstrip().startswith("\\url") else None
    publisher = (fields.get("publisher") or fields.get("institution") or fields.get("school") or fields.get("organization")
                 or issued_by)
    if publisher:
        item["publisher"] = latex_to_text(publisher)
    if kind == "thesis":
        item["genre"] = "Master's thesis" if reference.entry_type == "mastersthesis" else "PhD thesis"
    if kind == "report" and fields.get("type"):
        item["genre"] = latex_to_text(fields["type"])
    if fields.get("pages", "").strip():
        item["page"] = latex_to_text(fields["pages"]).replace("–", "-").replace(" ", "")
    date = _date(fields)
    if date:
        item["issued"] = date
    if safe_doi(fields):  # a link that fails the check never reaches an export (check reports it)
        item["DOI"] = safe_doi(fields)
    if safe_url(fields):
        item["URL"] = safe_url(fields)
    return item


""""Cite this" files: BibTeX (bibtexparser's writer), RIS (rispy) and CSL-JSON.

References export their entry as written in references.bib (LaTeX and all), so a round trip
through bibtexparser gives the same fields. Records export a citation of the hub page itself
(`@misc` / webpage), naming the hub as corporate author and the page's address.
"""

from __future__ import annotations

import json
import re

import bibtexparser
import rispy
from bibtexparser import model

from ... import urls
from ...bibliography import Reference
from .syntax import strip

RIS_TYPES = {
    "article-journal": "JOUR", "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "report": "RPRT",
    "thesis": "THES", "webpage": "ELEC", "legislation": "STAT", "bill": "BILL", "manuscript": "UNPB", "dataset": "DATA", "pamphlet": "PAMP", "software": "COMP",
}
_BIB_SPECIALS = re.compile(r"([&%$#_])")
# BibTeX counts every brace, escaped or not: `\{` cannot keep a lone brace from ending the field.
_BIB_COMMANDS = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
                 "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


class _RisWriter(rispy.RisWriter):
    """RIS without rispy's `1.` counter line before each record (not part of the format)."""

    def set_header(self, count):
        return ""


def _write_bibtex(entries: list[model.Entry]) -> str:
    return bibtexparser.write_string(bibtexparser.Library(entries))


def reference_bibtex(reference: Reference) -> str:
    """The entry with the fields as written in references.bib (braces and LaTeX kept)."""
    entry = model.Entry(reference.entry_type, reference.key, [model.Field(k, v) for k, v in reference.fields.items()])
    return _write_bibtex([entry])


def bibliography_bibtex(references: list[Reference]) -> str:
    entries = [model.Entry(r.entry_type, r.key, [model.Field(k, v) for k, v in r.fields.items()]) for r in references]
    return _write_bibtex(entries)


def _person(person: dict) -> str:
    """A RIS name: `Family, Given[, Suffix]`; a corporate name without commas, which RIS readers
    (Zotero, EndNote) would take as the Last, First separator ("Milliman, Inc." → "Milliman Inc.")."""
    if person.get("literal"):
        return " ".join(person["literal"].replace(",", " ").split())
    family = " ".join(p for p in (person.get("non-dropping-particle"), person.get("family")) if p)
    return ", ".join(p for p in (family, person.get("given"), person.get("suffix")) if p)


def ris(items: list[dict]) -> str:
    records = []
    for item in items:
        record: dict = {"type_of_reference": RIS_TYPES.get(item.get("type", ""), "GEN"), "id": item["id"]}
        if item.get("title"):
            record["title"] = item["title"]
        if item.get("author"):
            record["authors"] = [_person(p) for p in item["author"]]
        if item.get("editor"):
            record["secondary_authors"] = [_person(p) for p in item["editor"]]
        if item.get("container-title"):
            key = "journal_name" if item.get("type") == "article-journal" else "secondary_title"
            record[key] = item["container-title"]
        parts = (item.get("issued") or {}).get("date-parts") or [[]]
        if parts[0]:
            record["year"] = str(parts[0][0])
            record["date"] = "/".join([f"{parts[0][0]:04d}"] + [f"{p:02d}" for p in parts[0][1:]] + [""] * (3 - len(parts[0])))
        for csl, key in (("volume", "volume"), ("issue", "number"), ("DOI", "doi"), ("publisher", "publisher"),
                         ("publisher-place", "place_published"), ("abstract", "abstract"), ("ISSN", "issn"),
                         ("edition", "edition"), ("language", "language")):
            if item.get(csl):
                record[key] = str(item[csl])
        if item.get("page"):
            first, _, last = str(item["page"]).partition("-")
            record["start_page"] = first
            if last.lstrip("-"):
                record["end_page"] = last.lstrip("-")
        if item.get("URL"):
            record["urls"] = [item["URL"]]
        if item.get("note"):
            record["notes"] = [item["note"]]
        records.append({k: _one_line(v) for k, v in record.items()})
    return rispy.dumps(records, implementation=_RisWriter)


def _one_line(value):
    """RIS is one tag per line: a line break inside a value would start a tag (`ER  -` ends the record)."""
    if isinstance(value, list):
        return [_one_line(v) for v in value]
    return " ".join(str(value).splitlines())  # every kind of line break; other spacing is kept


def csl_json(items: list[dict]) -> str:
    return json.dumps(items, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def record_key(item) -> str:
    return f"{item.kind.name}-{item.id}"


def record_csl(item, config) -> dict:
    """A CSL item citing the hub's page for a record (not the works the record is about)."""
    record = item.record
    csl: dict = {"id": record_key(item), "type": "webpage", "title": record.title,
                 "author": [{"literal": publisher(config)}], "container-title": config.site_name,
                 "publisher": publisher(config), "abstract": strip(record.summary)}
    address = urls.absolute(config.site_url, urls.record(item.kind, item.id))
    if address:
        csl["URL"] = address
    if record.last_reviewed:
        day = record.last_reviewed
        csl["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    return csl


def publisher(config) -> str:
    return str((config.hub or {}).get("publisher") or config.site_name)


def _escape(value: str) -> str:
    text = re.sub(r"[\\{}~^]", lambda m: _BIB_COMMANDS[m.group()], " ".join(value.split()))
    return _BIB_SPECIALS.sub(r"\\\1", text)


def record_bibtex(item, config) -> str:
    csl = record_csl(item, config)
    fields = [model.Field("title", _escape(csl["title"])), model.Field("author", "{" + _escape(publisher(config)) + "}"),
              model.Field("organization", _escape(publisher(config)))]
    if csl.get("issued"):
        year, month, day = csl["issued"]["date-parts"][0]
        fields += [model.Field("year", str(year)), model.Field("month", str(month)), model.Field("day", str(day))]
    if csl.get("URL"):
        fields += [model.Field("url", csl["URL"]), model.Field("howpublished", "\\url{" + csl["URL"] + "}")]
    fields.append(model.Field("note", _escape(f"{item.kind.label} page on {config.site_name}")))
    return _write_bibtex([model.Entry("misc", csl["id"], fields)])

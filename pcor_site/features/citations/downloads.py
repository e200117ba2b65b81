"""Whole-hub data downloads: every record as JSON and CSV, the bibliography as BibTeX, RIS and
CSL-JSON, the JSON Schemas of that published data (`dataschemas`) and of the record files as
authored (`input/`), and a Downloads page (with schema.org `Dataset` JSON-LD and its licence).

A record's hub page is `page_url`; a record's own `url` field (a tool's address) keeps its name."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...csvfile import csv_text
from ...plugin.templates import render
from ...schema import KINDS, all_schemas, vocabulary_terms
from ...text.plain import file_size
from . import dataschemas, exports, metadata
from .csl import to_csl

DATA_DIR = "data"
DOC = "downloads.md"
URL = "downloads/"
COMMON = ("kind", "id", "page_url", "title", "summary", "priority_areas", "audiences", "regions", "last_reviewed")


@dataclass
class DownloadLink:
    title: str
    url: str
    note: str
    size: str


def _record_data(item, site_url: str) -> dict:
    page = urls.record(item.kind, item.id)
    data = item.record.model_dump(mode="json", exclude_none=True)
    data.update({"kind": item.kind.name, "id": item.id, "page_url": urls.absolute(site_url, page) or page})
    if item.body:
        data["body"] = item.body
    return data


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _csv(rows: list[dict], columns: list[str]) -> str:
    return csv_text(columns, ([_cell(row.get(c)) for c in columns] for row in rows))


def data_files(catalog, site_url: str = "") -> dict[str, str]:
    records = [_record_data(i, site_url) for i in sorted(catalog.items.values(), key=lambda i: i.key)]
    columns = {"records.csv": list(COMMON)}
    files = {f"{DATA_DIR}/records.json": json.dumps(records, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
             f"{DATA_DIR}/records.csv": _csv(records, list(COMMON))}
    for kind in KINDS.values():
        rows = [r for r in records if r["kind"] == kind.name]
        if rows:
            own = [n for n, f in kind.model.model_fields.items() if not f.exclude]
            columns[f"{kind.name}.csv"] = ["kind", "id", "page_url"] + own + (["body"] if any("body" in r for r in rows) else [])
            files[f"{DATA_DIR}/{kind.name}.csv"] = _csv(rows, columns[f"{kind.name}.csv"])
    references = [catalog.bibliography.entries[k] for k in sorted(catalog.bibliography.entries)]
    items = [to_csl(r) for r in references]
    files[f"{DATA_DIR}/references.bib"] = exports.bibliography_bibtex(references)
    files[f"{DATA_DIR}/references.json"] = exports.csl_json(items)
    files[f"{DATA_DIR}/references.ris"] = exports.ris(items)
    terms = vocabulary_terms(catalog.vocabularies)  # vocabulary terms as enum, as in schemas/
    for name, text in dataschemas.published_schemas(columns, terms).items():
        files[f"{DATA_DIR}/schemas/{name}"] = text
    for name, text in all_schemas(terms).items():
        files[f"{DATA_DIR}/schemas/input/{name}"] = text
    return files


NOTES = {
    "records.json": "Every record with all its fields (JSON array).",
    "records.csv": "Every record: kind, id, address, title, summary and tags (CSV).",
    "references.bib": "The bibliography as BibTeX, as curated.",
    "references.json": "The bibliography as CSL-JSON (for Zotero, Pandoc, citeproc).",
    "references.ris": "The bibliography as RIS (EndNote, Mendeley, Zotero).",
}


def downloads_page(catalog, config, files: dict[str, str]) -> str:
    links = []
    for path in sorted(files):
        name = path.removeprefix(DATA_DIR + "/")
        if name.startswith("schemas/input/"):
            note = "JSON Schema (draft 2020-12) of the record files as contributors write them (for editors)."
        elif name.startswith("schemas/"):
            note = f"JSON Schema (draft 2020-12) of {name.removeprefix('schemas/').removesuffix('.schema.json')} as published here."
        elif name.endswith(".csv") and name not in NOTES:
            note = f"{KINDS[name.removesuffix('.csv')].plural}: one row per record, all fields (CSV)."
        else:
            note = NOTES.get(name, "")
        links.append(DownloadLink(name, urls.relative(URL, path), note, file_size(len(files[path].encode("utf-8")))))
    description = (f"Open data from {config.site_name}: every record ({len(catalog.items)}) as JSON and CSV, the "
                   f"bibliography ({len(catalog.bibliography.entries)} entries) as BibTeX, RIS and CSL-JSON, and the JSON Schemas.")
    dataset = {"@context": "https://schema.org", "@type": "Dataset", "name": f"{config.site_name}: records and references",
               "description": description, "isAccessibleForFree": True,
               "creator": {"@type": "Organization", "name": exports.publisher(config)},
               "distribution": [{"@type": "DataDownload", "contentUrl": urls.absolute(config.site_url, path) or path,
                                 "encodingFormat": _mime(path), "name": path.removeprefix(DATA_DIR + "/")}
                                for path in sorted(files) if "/schemas/" not in path]}
    licence = content_license(config)
    if licence:
        dataset["license"] = licence["url"]
    page = urls.absolute(config.site_url, URL)
    if page:
        dataset["url"] = page
    return render(
        "downloads.md.j2", title="Data downloads", description=description, links=links, license=licence, json_ld=Markup(metadata.json_ld(dataset)))


def content_license(config) -> dict:
    """`extra.hub.license` ({name, title, url}) when it names an http(s) address, else {}."""
    licence = (config.hub or {}).get("license")
    if isinstance(licence, dict) and str(licence.get("url", "")).startswith(("https://", "http://")):
        return {k: str(licence.get(k) or "") for k in ("name", "title", "url")}
    return {}


def _mime(path: str) -> str:
    return {".json": "application/json", ".csv": "text/csv", ".bib": "application/x-bibtex",
            ".ris": "application/x-research-info-systems"}[path[path.rindex("."):]]

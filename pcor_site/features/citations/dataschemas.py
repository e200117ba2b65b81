"""JSON Schemas of the published data (`data/schemas/`): what a program reading the downloads gets.

These describe the files as published (the record's fields plus `kind`, `id`, `page_url` and
`body`; CSV rows as text cells), not the record files as contributors write them: those input
schemas live in the repository's `schemas/` folder (`pcor-site schema`, used by editors) and are
published beside these under `data/schemas/input/`. Each schema is derived from the one pydantic
model of its kind, so a field added to a kind appears in both without a second declaration.
"""

from __future__ import annotations

import copy
import functools
import json

from ...schema import KINDS, Kind, with_enums

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Fields every published record carries in addition to its kind's own.
EXTRA = {
    "kind": {"type": "string", "description": "The record's kind (its folder under content/)."},
    "id": {"type": "string", "description": "The record's id (its file name without extension)."},
    "page_url": {"type": "string", "description": "The hub page of the record: absolute when the hub has a public address, else relative to the site root."},
    "body": {"type": "string", "description": "The record's Markdown body, when it has one."},
}


def _fields(kind: Kind) -> list[str]:
    return [name for name, info in kind.model.model_fields.items() if not info.exclude]


def record_schema(kind: Kind, terms: dict[str, list[str]] | None = None) -> dict:
    """One published record of `kind` (an item of records.json); vocabulary fields list their terms."""
    schema = with_enums(kind.model.model_json_schema(mode="serialization", ref_template="#/$defs/" + kind.name + ".{model}"), terms or {})
    defs = {f"{kind.name}.{name}": value for name, value in schema.pop("$defs", {}).items()}
    properties = {name: value for name, value in schema.get("properties", {}).items() if name in _fields(kind)}
    properties.update(copy.deepcopy(EXTRA))
    properties["kind"]["const"] = kind.name
    required = sorted(set(schema.get("required", [])) & set(_fields(kind)) | {"kind", "id", "page_url"})
    data = {"type": "object", "title": f"{kind.label} (published)", "properties": properties,
            "required": required, "additionalProperties": False}
    return {"record": data, "defs": defs}


def records_schema(terms: dict[str, list[str]] | None = None) -> dict:
    """records.json: an array of records, each matching the schema of its kind."""
    defs: dict = {}
    for kind in KINDS.values():
        part = record_schema(kind, terms)
        defs.update(part["defs"])
        defs[kind.name] = part["record"]
    return {"$schema": DRAFT, "$id": "records.json.schema.json", "title": "records.json",
            "description": "Every record of the hub as published in data/records.json.",
            "type": "array", "items": {"oneOf": [{"$ref": f"#/$defs/{k}"} for k in KINDS]}, "$defs": defs}


@functools.lru_cache(maxsize=4)
def _records_schema(terms: str) -> dict:
    """records_schema for the vocabularies' terms (as JSON text), made once per process: it reads
    only the models, and the live preview asks for it after every edit."""
    return records_schema(json.loads(terms))


def csv_schema(name: str, columns: list[str]) -> dict:
    """One row of a CSV download, read as a header → cell mapping (every cell is text)."""
    return {"$schema": DRAFT, "$id": f"{name}.schema.json", "title": name,
            "description": f"One row of data/{name} (lists are joined with '; ', objects written as JSON).",
            "type": "object", "properties": {c: {"type": "string"} for c in columns},
            "required": list(columns), "additionalProperties": False}


def references_schema() -> dict:
    """references.json (CSL-JSON): the parts of CSL-JSON the hub writes."""
    name = {"type": "object", "properties": {k: {"type": "string"} for k in ("family", "given", "literal", "suffix", "non-dropping-particle", "dropping-particle")},
            "additionalProperties": False}
    date = {"type": "object", "properties": {"date-parts": {"type": "array", "items": {"type": "array", "items": {"type": ["integer", "string"]}}},
                                              "literal": {"type": "string"}}}
    item = {"type": "object", "required": ["id", "type"],
            "properties": {"id": {"type": "string"}, "type": {"type": "string"}, "author": {"type": "array", "items": name},
                           "editor": {"type": "array", "items": name}, "issued": date, "accessed": date},
            "additionalProperties": {"type": ["string", "number"]}}
    return {"$schema": DRAFT, "$id": "references.json.schema.json", "title": "references.json",
            "description": "The bibliography as CSL-JSON (an array of CSL items).", "type": "array", "items": item}


def published_schemas(csv_columns: dict[str, list[str]], terms: dict[str, list[str]] | None = None) -> dict[str, str]:
    """File name (under data/schemas/) → JSON text, for records.json, references.json and each CSV."""
    schemas = {"records.json.schema.json": _records_schema(json.dumps(terms or {}, sort_keys=True)), "references.json.schema.json": references_schema()}
    for name, columns in sorted(csv_columns.items()):
        schemas[f"{name}.schema.json"] = csv_schema(name, columns)
    return {name: json.dumps(s, indent=2, sort_keys=True, ensure_ascii=False) + "\n" for name, s in schemas.items()}

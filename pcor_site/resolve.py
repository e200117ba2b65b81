"""Validated records → Catalog: ids, references, vocabularies, backlinks and cycles."""

from __future__ import annotations

import graphlib

from . import urls
from .bibliography import Bibliography
from .catalog import Catalog, Link
from .diagnostics import Diagnostic, closest_choices, did_you_mean
from .reserved import engine_addresses
from .schema import KINDS
from .schema.refs import iter_refs
from .schema.types import BibRef, RecordRef, VocabRef
from .schema.vocab import Vocabulary
from .validate import Item


def _unique(items: list[Item]) -> tuple[dict[str, Item], list[Diagnostic]]:
    by_key: dict[str, Item] = {}
    problems = []
    for item in sorted(items, key=lambda i: (i.key, i.path)):
        if item.key in by_key:
            problems.append(Diagnostic.of("E301", item.path, 1, 1, f"id '{item.id}' is already defined by {by_key[item.key].path}"))
            continue
        by_key[item.key] = item
    return by_key, problems


def _check_ref(catalog: Catalog, item: Item, path: tuple, marker, value: str) -> Diagnostic | None:
    line, col = item.position(*path)
    where = ".".join(map(str, path))
    if isinstance(marker, RecordRef):
        if catalog.get(marker.kind, value) is None:
            if f"{marker.kind}/{value}" in catalog.broken:
                return None  # the record exists but is invalid: its own diagnostics say why
            ids = [i.id for i in catalog.of_kind(marker.kind)]
            return Diagnostic.of("E302", item.path, line, col, f"{where}: no {marker.kind} with id '{value}'{closest_choices(value, ids) or _ids_are(marker.kind)}")
        catalog.backlinks[f"{marker.kind}/{value}"].append(Link(item, path[0]))
    elif isinstance(marker, VocabRef):
        if marker.vocab not in catalog.vocabularies:
            return None  # the missing vocabulary file is reported on its own
        if catalog.term(marker.vocab, value) is None:
            ids = [t.id for t in catalog.terms(marker.vocab)]
            return Diagnostic.of("E303", item.path, line, col, f"{where}: '{value}' is not a term of {marker.vocab}{closest_choices(value, ids, listed=20)}")
        catalog.tagged[(marker.vocab, value)].append(item)
    elif isinstance(marker, BibRef):
        if catalog.bibliography.get(value) is None:
            keys = catalog.bibliography.entries.keys()
            return Diagnostic.of("E304", item.path, line, col, f"{where}: no entry '{value}' in references.bib{did_you_mean(value, keys)}")
        catalog.cited_by[value].append(Link(item, path[0]))
    return None


def _ids_are(kind: str) -> str:
    """Where to look up ids when none is close to what was written."""
    folder = KINDS[kind].folder if kind in KINDS else kind
    return f"; the ids of {kind} records are the file names in content/{folder}/, without .yml or .md"


def _related(catalog: Catalog, item: Item) -> list[Diagnostic]:
    problems = []
    for index, target in enumerate(item.record.related):
        kind, _, id = target.partition("/")
        if kind not in KINDS or catalog.get(kind, id) is None:
            line, col = item.position("related", index)
            keys = list(catalog.items)
            problems.append(Diagnostic.of("E302", item.path, line, col, f"related.{index}: no record '{target}' (write KIND/ID){closest_choices(target, keys)}"))
        else:
            catalog.backlinks[target].append(Link(item, "related"))
    return problems


def _prerequisite_cycles(catalog: Catalog) -> list[Diagnostic]:
    graph = {item.id: [p for p in item.record.prerequisites if catalog.get("module", p)] for item in catalog.of_kind("module")}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        cycle = error.args[1]
        first = catalog.get("module", min(cycle))
        line, col = first.position("prerequisites")
        return [Diagnostic.of("E305", first.path, line, col, "modules require each other in a circle: " + " -> ".join(cycle))]
    return []


def page_collisions(catalog: Catalog, reserved: dict[str, str]) -> list[Diagnostic]:
    """Two records (or a record and a generated page) that would become one page: the writer
    would keep only the last, so the other disappears from the site without a word.
    `reserved`: the addresses of generated pages (core and features) → what they are."""
    taken = {urls.address_of(urls.doc_for(url)): owner for url, owner in reserved.items()}
    for name, owner in engine_addresses().items():  # assets/, search/, sitemap, 404
        taken.setdefault(urls.address_of(name + ".md"), owner)
    problems = []
    for item in sorted(catalog.items.values(), key=lambda i: i.path):
        url = urls.address_of(urls.doc_for(urls.record(item.kind, item.id)))
        owner = taken.setdefault(url, f"the page of {item.path}")
        if owner != f"the page of {item.path}":
            problems.append(Diagnostic.of("E307", item.path, 1, 1, f"its page /{url} is the same as {owner}; one would replace the other"))
    return problems


def resolve(
    items: list[Item], vocabularies: dict[str, Vocabulary], bibliography: Bibliography, broken: frozenset[str] = frozenset()
) -> tuple[Catalog, list[Diagnostic]]:
    """`broken`: keys ("kind/id") of record files that exist but failed to load or validate."""
    by_key, problems = _unique(items)
    catalog = Catalog(by_key, vocabularies, bibliography, broken=broken)
    for item in by_key.values():
        for path, marker, value in iter_refs(item.record):
            problem = _check_ref(catalog, item, path, marker, value)
            if problem:
                problems.append(problem)
        problems += _related(catalog, item)
    problems += _prerequisite_cycles(catalog)
    return catalog, problems

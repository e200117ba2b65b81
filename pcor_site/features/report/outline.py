"""A report's outline resolved against the catalog: each section's records (listed, then selected
by filter), and the report's rules (E634 unknown record, E640 unknown kind, W641 empty section)."""

from __future__ import annotations

from dataclasses import dataclass

from ...diagnostics import Diagnostic, did_you_mean
from ...plugin.recordkeys import items_for, key_problems
from ...schema import KINDS


@dataclass
class Section:
    heading: str
    text: str
    records: list  # validate.Item, in report order


def selected(catalog, select, report_key: str) -> list:
    """Records matching every given filter (kind, priority area, region), by title; never the report itself."""
    if select is None:
        return []
    found = []
    for item in catalog.items.values():
        record = item.record
        if item.key == report_key or (select.kind and item.kind.name != select.kind):
            continue
        if select.priority_area and select.priority_area not in record.priority_areas:
            continue
        region = getattr(record, "region", None)
        if select.region and select.region not in record.regions and region != select.region:
            continue
        found.append(item)
    return sorted(found, key=lambda i: (i.record.title.casefold(), i.key))


def outline(catalog, item) -> list[Section]:
    sections = []
    for part in item.record.outline:
        listed = items_for(catalog, part.records)
        chosen = [i for i in selected(catalog, part.select, item.key) if i not in listed]
        sections.append(Section(part.heading, part.text or "", listed + chosen))
    return sections


def check_report(catalog, item) -> list[Diagnostic]:
    problems = []
    for index, part in enumerate(item.record.outline):
        problems += key_problems(item, catalog, part.records, "outline", index, "records")
        if part.select and part.select.kind and part.select.kind not in KINDS:
            line, col = item.position("outline", index, "select", "kind")
            problems.append(Diagnostic.of("E640", item.path, line, col,
                                          f"outline.{index}.select.kind: no kind '{part.select.kind}'{did_you_mean(part.select.kind, KINDS)}"))
    if problems:
        return problems
    for index, section in enumerate(outline(catalog, item)):
        if not section.text and not section.records:
            line, col = item.position("outline", index)
            problems.append(Diagnostic.of("W641", item.path, line, col,
                                          f"outline.{index}: section '{section.heading}' has no text and includes no record"))
    return problems


def check_reports(catalog) -> list[Diagnostic]:
    return [d for item in sorted(catalog.of_kind("report"), key=lambda i: i.id) for d in check_report(catalog, item)]

"""Content rules that keep the shipped hub honest: sources given, evidence tiers backed."""

from __future__ import annotations

from ...catalog import Catalog
from ...diagnostics import Diagnostic
from ...plugin.feature import CheckContext, Feature


class HonestyFeature(Feature):
    name = "honesty"

    def check(self, ctx: CheckContext):
        return None, check_honesty(ctx.catalog)


def check_honesty(catalog: Catalog) -> list[Diagnostic]:
    problems = []
    for item in catalog.items.values():
        record = item.record
        if item.kind.factual and not record.sources:
            line, col = item.positions.of_mapping(())
            problems.append(Diagnostic.of("E601", item.path, line, col, f"{item.kind.label.lower()} '{item.id}' lists no sources"))
        tier_id = getattr(record, "evidence_tier", None)
        tier = catalog.term("evidence_tiers", tier_id) if tier_id else None
        if tier is not None and tier.requires_evidence and not (record.studies or record.references):
            line, col = item.position("evidence_tier")
            problems.append(Diagnostic.of("E602", item.path, line, col,
                                          f"evidence tier '{tier.label}' requires at least one entry in studies or references"))
    return problems

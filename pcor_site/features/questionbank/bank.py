"""The purchaser's question bank as a view: every copy-ready ask of every practice, grouped by
priority area and purchasing stage, each with its practice, evidence tier and sources.

A practice's stage is the stage of the framework strategies that put it to work (a strategy
lists its practices); a practice no strategy lists is filed under "Any stage". A practice is
filed under its first priority area, so each ask appears once and "copy all" copies it once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ... import urls
from ...plugin.context import SiteContext
from ...plugin.views import SourceView, TierBadge
from ...text.plain import shorten

URL = "question-bank/"
DOC = "question-bank.md"
NO_AREA = "Other asks"
ANY_STAGE = "Any stage"


@dataclass
class PracticeAsks:
    """One practice's asks, with what the reader needs to judge them: its tier, stages and sources."""

    practice: str
    practice_url: str  # relative to the question bank page
    practice_path: str  # site-relative address of the practice (for absolute links in downloads)
    tier: TierBadge | None
    stages: list[str]
    sources: list[SourceView]  # every source (downloads list them all; the page shows the first)
    asks: list[str]


@dataclass
class StageGroup:
    id: str  # an anchor, unique on the page
    label: str
    practices: list[PracticeAsks] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(p.asks) for p in self.practices)


@dataclass
class AreaGroup:
    id: str
    label: str
    stages: list[StageGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(s.count for s in self.stages)


def _short(source: SourceView) -> SourceView:
    """A source named briefly: the bank lists several per ask; the practice page has them in full."""
    return replace(source, label=shorten(source.label, 70))


def practice_stages(site: SiteContext) -> dict[str, list[str]]:
    """Practice id → the ids of the purchasing stages whose strategies list it, in vocabulary order."""
    order = [t.id for t in site.catalog.terms("purchasing_stages")]
    found: dict[str, set[str]] = {}
    for strategy in site.catalog.of_kind("strategy"):
        for practice in strategy.record.practices:
            found.setdefault(practice, set()).add(strategy.record.purchasing_stage)
    return {p: sorted(s, key=lambda id: order.index(id) if id in order else len(order)) for p, s in found.items()}


def question_bank(site: SiteContext) -> list[AreaGroup]:
    catalog = site.catalog
    stage_label = {t.id: t.label for t in catalog.terms("purchasing_stages")}
    stage_order = [t.id for t in catalog.terms("purchasing_stages")] + [""]
    stages_of = practice_stages(site)
    areas = {t.id: AreaGroup(urls.anchor(t.id), t.label) for t in catalog.terms("priority_areas")}
    other = AreaGroup("other-asks", NO_AREA)
    groups: dict[tuple[str, str], StageGroup] = {}
    practices = sorted(catalog.of_kind("practice"), key=lambda i: i.record.title.casefold())
    for item in practices:
        record = item.record
        if not record.asks:
            continue
        area = areas.get(record.priority_areas[0]) if record.priority_areas else None
        area = area or other
        stage_ids = stages_of.get(item.id, [])
        first = stage_ids[0] if stage_ids else ""
        key = (area.id, first)
        if key not in groups:
            groups[key] = StageGroup(f"{area.id}--{first or 'any-stage'}", stage_label.get(first, ANY_STAGE))
        labels = [stage_label.get(s, s) for s in stage_ids] or [ANY_STAGE]
        groups[key].practices.append(PracticeAsks(
            record.title, urls.relative(URL, urls.record(item.kind, item.id)), urls.record(item.kind, item.id),
            site.tier_badge(record.evidence_tier, URL), labels, [_short(site.source_view(s, URL)) for s in record.sources],
            [" ".join(text.split()) for text in record.asks],
        ))
    for (area_id, stage), group in sorted(groups.items(), key=lambda kv: stage_order.index(kv[0][1]) if kv[0][1] in stage_order else 99):
        (areas.get(area_id) or other).stages.append(group)
    return [a for a in [*areas.values(), other] if a.stages]


def all_asks(groups: list[AreaGroup]):
    """(area, stage group, practice, ask text) for every ask, in page order."""
    for area in groups:
        for stage in area.stages:
            for practice in stage.practices:
                for text in practice.asks:
                    yield area, stage, practice, text

"""The landscape at a glance: overview charts the hub draws from its own records on every build.

Counts of records by kind, priority area (stacked by kind), RESET Region and evidence tier, and a
priority area × region grid. These count records, not people, so the small-cell rule does not
apply to them (the page says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...plugin.feature import HtmlSection
from ...plugin.templates import render
from ...schema import KINDS
from .chartdata import ChartData
from .figure import assets_html, chart_files, figure_view, render_figure
from .model import Chart, ChartFigure, format_value

URL = "landscape/"
DOC = "landscape/index.md"
TITLE = "The landscape at a glance"
CREDIT = "Source: the records in this hub, counted when the site was built"
#: Kinds drawn as their own segment in the stacked chart; the rest are "Other records".
STACK_KINDS = ("practice", "study", "tool")


@dataclass
class LandscapePage:
    title: str
    description: str
    intro: str
    note: str
    assets_html: Markup
    sections: list[HtmlSection]


def _count_figure(label: str, count: int, series: str = "") -> ChartFigure:
    return ChartFigure(label=label, series=series, value=float(count), display=format_value(count, "count"), value_type="count")


def _listing(figures: list[ChartFigure]) -> str:
    return "; ".join(f"{f.label}{' / ' + f.series if f.series else ''}: {f.display}" for f in figures) + "."


def _bar(slug: str, title: str, what: str, category: str, counts: list[tuple[str, int]]) -> Chart | None:
    figures = [_count_figure(label, count) for label, count in counts]
    if not any(count for _, count in counts):
        return None
    top = max(counts, key=lambda c: c[1])
    return Chart(
        slug=slug, title=title, kind="bar", alt=f"Bar chart of {what}; the most are for {top[0]} ({top[1]}).",
        description=f"Bar chart of {what}. " + _listing(figures), units="records", category_label=category, series_label="",
        figures=figures, credit=CREDIT,
    )


def _group(kind_name: str) -> str:
    return KINDS[kind_name].plural if kind_name in STACK_KINDS else "Other records"


def charts(catalog) -> list[Chart]:
    found: list[Chart | None] = []
    kinds = [(k.plural, len(catalog.of_kind(k.name))) for k in KINDS.values() if k.name != "page"]
    found.append(_bar("records-by-kind", "Records by kind", "the number of records of each kind in the hub", "Kind",
                      [(label, count) for label, count in kinds if count]))
    areas = catalog.terms("priority_areas")
    groups = list(dict.fromkeys(_group(k) for k in STACK_KINDS + ("other",) if k == "other" or k in KINDS))
    stacked = []
    for term in areas:
        tagged = {i.key: i for i in catalog.tagged.get(("priority_areas", term.id), [])}.values()
        for group in groups:
            stacked.append(_count_figure(term.label, sum(1 for i in tagged if _group(i.kind.name) == group), group))
    if any(f.value for f in stacked):
        found.append(Chart(
            slug="records-by-priority-area", title="Records by priority area", kind="stacked-bar",
            alt="Stacked bar chart of the number of hub records tagged with each priority area, split by kind of record.",
            description="Stacked bar chart of the number of records tagged with each priority area, by kind of record. "
                        + _listing(stacked) + " A record may be tagged with more than one area.",
            units="records", category_label="Priority area", series_label="Kind of record", figures=stacked, credit=CREDIT,
        ))
    regions = sorted(catalog.of_kind("region"), key=lambda r: r.record.title.casefold())
    tagged_by_region = {r.id: [i for i in catalog.items.values() if r.id in i.record.regions] for r in regions}
    found.append(_bar("records-by-region", "Records by RESET Region", "the number of records about each RESET Region", "RESET Region",
                      [(r.record.title, len(tagged_by_region[r.id])) for r in regions]))
    tiers = sorted(catalog.terms("evidence_tiers"), key=lambda t: t.rank)
    found.append(_bar("records-by-evidence-tier", "Records by evidence tier", "the number of records rated at each evidence tier",
                      "Evidence tier", [(t.label, len({i.key for i in catalog.tagged.get(("evidence_tiers", t.id), [])})) for t in tiers]))
    cells = []
    for term in areas:
        for region in regions:
            count = sum(1 for i in tagged_by_region[region.id] if term.id in i.record.priority_areas)
            cells.append(_count_figure(term.label, count, region.record.title))
    if any(f.value for f in cells):
        found.append(Chart(
            slug="priority-area-by-region", title="Priority areas by RESET Region", kind="grid",
            alt="Grid of the number of hub records for each priority area (rows) and RESET Region (columns).",
            description="Grid with one row per priority area and one column per RESET Region; each cell gives the number of records "
                        "tagged with both. " + _listing(cells),
            units="records", category_label="Priority area", series_label="RESET Region", figures=cells, credit=CREDIT,
        ))
    return [c for c in found if c is not None]


def landscape_outputs(catalog, store: ChartData, site_url: str = "") -> dict[str, str | bytes]:
    """The overview page and its charts' files, under landscape/."""
    outputs: dict[str, str | bytes] = {}
    sections = []
    for chart in charts(catalog):
        outputs.update(chart_files(chart, store, URL))
        sections.append(HtmlSection(chart.title, render_figure(figure_view(chart, store, "", urls.absolute(site_url, URL), as_image=True))))
    page = LandscapePage(
        title=TITLE,
        description="Overview charts of the hub's records by kind, priority area, RESET Region and evidence tier.",
        intro="What the hub holds, drawn from its records every time the site is built: how many records of each kind, "
              "which priority areas and RESET Regions they cover, and how strong the evidence behind them is.",
        note="These charts count records in this hub, not people. The small-cell rule that keeps counts from 1 to 10 out of "
             "published health statistics protects people in small groups; it does not apply to counts of records.",
        assets_html=assets_html(URL),
        sections=sections,
    )
    outputs[DOC] = render("landscape.md.j2", page=page)
    return outputs

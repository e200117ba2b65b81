"""Infographics people can read, share and trust.

Modules, in pipeline order:

* `data`       the figures of a record, inline or from a CSV beside it, with their positions
* `rules`      small-cell, source, percentage and chart-shape rules (E850-E855)
* `palette`    the chart palette and its WCAG contrast / colour-vision check (E856-E857)
* `chartdata`  the check, and what it learns for the renderers (the feature's state)
* `model`      the flat `Chart` every output reads
* `specs`      Vega-Lite specifications per chart kind
* `draw`       SVG (vl-convert or the key-statistic template) → accessible SVG, PNG
* `figure`     the record-page figure, its table, downloads and files
* `landscape`  the overview charts the hub draws from its own records
* `warm`       the warm-up: the charts drawn on every core before the pages
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import CheckContext, Feature, HtmlSection, NavEntry, RecordPart
from .chartdata import ChartData, check_infographics, record_chart
from .figure import assets_html, chart_files, figure_view, render_figure
from .landscape import DOC, TITLE, URL, landscape_outputs
from .warm import tasks as warm_up_tasks


class _ChartPart(RecordPart):
    def __init__(self, html: Markup):
        self.html = html

    def sections(self):
        return [HtmlSection("Chart and data", self.html, "pcor-infographic-section")]


class InfographicsFeature(Feature):
    name = "infographics"
    fields = frozenset({"chart", "alt_text", "description", "rows", "data", "value_type", "denominator",
                        "category_label", "series_label", "published_aggregate"})

    def check(self, ctx: CheckContext):
        return check_infographics(ctx.catalog, ctx.config)

    def warm_up(self, site, state: ChartData):
        """Every chart the pages will draw that the cache lacks, one task each (`warm`)."""
        return warm_up_tasks(site.catalog, state) if state is not None else []

    def record_part(self, item, site, state: ChartData):
        """The chart, its table, downloads and embed code on an infographic's page."""
        if item.kind.name != "infographic":
            return None
        url = urls.record(item.kind, item.id)
        chart = record_chart(item, site.catalog, state)
        page = urls.absolute(site.config.site_url, url)
        return _ChartPart(assets_html(url) + Markup("\n") + render_figure(figure_view(chart, state, "", page)))

    def outputs(self, site, state: ChartData):
        """Every record's SVG, PNG and CSV beside its page, and the landscape overview."""
        outputs: dict[str, str | bytes] = {}
        for item in sorted(site.catalog.of_kind("infographic"), key=lambda i: i.id):
            chart = record_chart(item, site.catalog, state)
            outputs.update(chart_files(chart, state, urls.record(item.kind, item.id)))
        outputs.update(landscape_outputs(site.catalog, state, site.config.site_url))
        return outputs

    def index_html(self, kind, site, url, state):
        """On the infographics index, a pointer to the overview charts."""
        if kind.name != "infographic":
            return Markup("")
        return Markup('<p class="pcor-intro">See also <a href="{}">{}</a>: charts of the hub\'s own records, rebuilt on every build.</p>').format(
            urls.relative(url, URL), TITLE)

    def nav(self, site, state):
        return [NavEntry("Landscape at a glance", DOC, group="Evidence")]

    def addresses(self, catalog):
        return {URL: "the landscape overview"}
